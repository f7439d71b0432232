// IPC registered from the API contract: one ipcMain.handle per channel, nothing else. Every call
// is checked to come from the app's top-level frame, then validated (input and output) by the
// service; results travel as {ok, value} | {ok, error:{code,message}} envelopes.

import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { DomainError, CHANNELS, channelInFace, parseInput, parseOutput, toErrorData, type ApiOutput, type Channel, type Envelope, type ParsedInput } from '../shared/api-contract';
import { isAppUrl } from './app-origin';

export interface CallService {
  call(channel: Channel, input: unknown): Promise<unknown>;
  handles(channel: Channel): boolean;
}

/** Handlers main implements itself (native dialogs, shell). */
export type MainHandlers = { [C in Channel]?: (input: ParsedInput<C>, event: IpcMainInvokeEvent) => Promise<ApiOutput<C>> };

export function isTrustedSender(frame: WebFrameMain | null | undefined): boolean {
  if (!frame) return false;
  if (frame.parent !== null) return false; // top-level frame only
  return isAppUrl(frame.url);
}

export function registerIpc(
  ipcMain: IpcMain,
  getService: () => Promise<CallService> | CallService | undefined,
  mainHandlers: MainHandlers,
): Channel[] {
  const registered: Channel[] = [];
  for (const channel of CHANNELS) {
    if (!channelInFace(channel, 'electron')) continue;
    ipcMain.handle(channel, async (event, raw: unknown): Promise<Envelope<unknown>> => {
      try {
        if (!isTrustedSender(event.senderFrame)) throw new DomainError('FORBIDDEN', '拒绝来自非应用页面的调用');
        const own = mainHandlers[channel] as ((i: unknown, e: IpcMainInvokeEvent) => Promise<unknown>) | undefined;
        if (own) {
          const input = parseInput(channel, raw);
          return { ok: true, value: parseOutput(channel, await own(input, event)) };
        }
        const service = await getService();
        if (!service) throw new DomainError('INTERNAL', '资料库尚未打开，请稍候');
        return { ok: true, value: await service.call(channel, raw) };
      } catch (e) {
        return { ok: false, error: toErrorData(e) };
      }
    });
    registered.push(channel);
  }
  return registered;
}
