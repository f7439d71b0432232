// The preload: exposes one named function per contract channel and one event subscription on
// window.api — no ipcRenderer, no generic invoke, no Node. Bundled as CommonJS for the sandbox.

import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_NAMES, EVENT_CHANNEL, EVENT_NAME_LIST, methodName } from '../shared/api-channels';

const api: Record<string, unknown> = { face: 'electron' };
for (const channel of CHANNEL_NAMES) {
  api[methodName(channel)] = (input: unknown) => ipcRenderer.invoke(channel, input ?? {});
}
api.onEvent = (name: string, callback: (payload: unknown) => void): (() => void) => {
  if (!(EVENT_NAME_LIST as readonly string[]).includes(name) || typeof callback !== 'function') {
    throw new Error(`未知事件：${String(name)}`);
  }
  const listener = (_e: unknown, msg: { name?: string; payload?: unknown }) => {
    if (msg?.name === name) callback(msg.payload);
  };
  ipcRenderer.on(EVENT_CHANNEL, listener);
  return () => {
    ipcRenderer.removeListener(EVENT_CHANNEL, listener);
  };
};

contextBridge.exposeInMainWorld('api', Object.freeze(api));
