// The Electron glue against the contract, with `electron` mocked: the window's security
// preferences, one IPC handler per electron-face channel and nothing else, sender checks,
// validation both ways, and the preload exposing exactly the contract's named functions.

import { beforeEach, describe, expect, it, vi } from 'vitest';

const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
const exposed: Record<string, unknown> = {};

const windows: { options: Record<string, unknown> }[] = [];

vi.mock('electron', () => ({
  BrowserWindow: class {
    constructor(readonly options: Record<string, unknown>) {
      windows.push(this);
    }
  },
  ipcMain: { handle: (ch: string, fn: (event: unknown, input: unknown) => Promise<unknown>) => handlers.set(ch, fn) },
  ipcRenderer: { invoke: vi.fn(async (ch: string, input: unknown) => ({ ch, input })), on: vi.fn(), removeListener: vi.fn() },
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  shell: { openExternal: vi.fn(async () => {}) },
}));

import { ipcMain, shell } from 'electron';
import { CHANNEL_NAMES, EVENT_NAME_LIST, methodName } from '../../../electron/shared/api-channels';
import { CHANNELS, EVENT_NAMES, channelInFace } from '../../../electron/shared/api-contract';
import { isSafeExternalUrl, openExternalSafely } from '../../../electron/main/external-links';
import { isTrustedSender, registerIpc, type CallService } from '../../../electron/main/ipc';
import { createMainWindow } from '../../../electron/main/window-options';

const appFrame = { parent: null, url: 'app://lawdesk/index.html' };
const event = (frame: unknown) => ({ senderFrame: frame }) as never;

describe('contract and channel list', () => {
  it('the preload channel list is the contract', () => {
    expect([...CHANNEL_NAMES].sort()).toEqual([...CHANNELS].sort());
    expect([...EVENT_NAME_LIST].sort()).toEqual([...EVENT_NAMES].sort());
  });
});

describe('BrowserWindow options', () => {
  it('follow the Electron security checklist', () => {
    createMainWindow('/app/out/preload/index.cjs', { width: 1200, height: 800 });
    const o = windows.at(-1)!.options as { title: string; webPreferences: Record<string, unknown> };
    expect(o.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(o.title).toBe('法规案头');
  });
});

describe('IPC registration', () => {
  let calls: { channel: string; input: unknown }[];
  const service: CallService = {
    handles: () => true,
    call: async (channel, input) => {
      calls.push({ channel, input });
      return { fromService: channel };
    },
  };
  beforeEach(() => {
    handlers.clear();
    calls = [];
  });

  it('registers exactly the electron-face channels of the contract', () => {
    const registered = registerIpc(ipcMain, () => service, {});
    const expected = CHANNELS.filter((c) => channelInFace(c, 'electron'));
    expect(registered.sort()).toEqual([...expected].sort());
    expect([...handlers.keys()].sort()).toEqual([...expected].sort());
  });

  it('refuses calls from subframes and foreign origins, before anything runs', async () => {
    registerIpc(ipcMain, () => service, {});
    const h = handlers.get('settings:set')!;
    for (const frame of [
      { parent: {}, url: 'app://lawdesk/index.html' },
      { parent: null, url: 'https://evil.example/' },
      { parent: null, url: 'file:///etc/passwd' },
      null,
    ]) {
      const r = (await h(event(frame), { fontSize: 20 })) as { ok: boolean; error: { code: string } };
      expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(calls).toEqual([]);
    expect(isTrustedSender(appFrame as never)).toBe(true);
  });

  it('passes trusted calls to the service and wraps results in envelopes', async () => {
    registerIpc(ipcMain, () => service, {});
    const r = await handlers.get('library:info')!(event(appFrame), {});
    expect(r).toEqual({ ok: true, value: { fromService: 'library:info' } });
  });

  it('validates input and output of calls main answers itself', async () => {
    registerIpc(ipcMain, () => service, {
      'shell:openExternal': async ({ url }) => ({ ok: await openExternalSafely(url) }),
      'import:pickAndPreview': async () => ({ wrong: 'shape' }) as never,
    });
    const bad = (await handlers.get('shell:openExternal')!(event(appFrame), { url: 'file:///etc/passwd' })) as { ok: boolean; error: { code: string; message: string } };
    expect(bad.ok).toBe(false);
    expect(bad.error.code).toBe('INVALID');
    expect(shell.openExternal).not.toHaveBeenCalled();
    const good = await handlers.get('shell:openExternal')!(event(appFrame), { url: 'https://www.gov.cn/' });
    expect(good).toEqual({ ok: true, value: { ok: true } });
    const out = (await handlers.get('import:pickAndPreview')!(event(appFrame), { kind: 'files' })) as { ok: boolean; error: { code: string } };
    expect(out).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('openExternal only for https', () => {
    expect(isSafeExternalUrl('https://flk.npc.gov.cn/')).toBe(true);
    for (const u of ['http://example.com', 'file:///c:/windows', 'javascript:alert(1)', 'https://user:pw@example.com', 'smb://host/share']) {
      expect(isSafeExternalUrl(u)).toBe(false);
    }
  });
});

describe('preload', () => {
  it('exposes one named function per contract channel and an event subscription, nothing generic', async () => {
    await import('../../../electron/preload/index');
    const api = exposed.api as Record<string, unknown>;
    const expected = [...CHANNELS.map(methodName), 'onEvent', 'face'].sort();
    expect(Object.keys(api).sort()).toEqual(expected);
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('ipcRenderer');
    expect(Object.isFrozen(api)).toBe(true);
    expect(() => (api.onEvent as (n: string, cb: () => void) => void)('fs:anything', () => {})).toThrow();
    const r = await (api.searchQuickOpen as (i: unknown) => Promise<unknown>)({ text: '统计法' });
    expect(r).toEqual({ ch: 'search:quickOpen', input: { text: '统计法' } });
  });
});
