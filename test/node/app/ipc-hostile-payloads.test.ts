// Every IPC channel, hostile payloads: each is refused by the channel's one contract schema
// before any handler runs — main's own (native dialogs, shell) and the service's alike — and the
// library folder is byte-for-byte unchanged. Payloads: not an object, an array, unknown keys,
// __proto__ / constructor keys (as JSON.parse makes them: own properties), 2,000-deep nesting.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
vi.mock('electron', () => ({
  ipcMain: { handle: (ch: string, fn: (event: unknown, input: unknown) => Promise<unknown>) => handlers.set(ch, fn) },
}));

import { ipcMain } from 'electron';
import { AppService } from '../../../electron/core/api/app-service';
import { MemorySettingsStore } from '../../../electron/core/api/settings-file';
import { registerIpc, type MainHandlers } from '../../../electron/main/ipc';
import { CHANNELS, channelInFace, type Channel } from '../../../electron/shared/api-contract';
import { makeLibrary, snapshot } from '../bundles/bundle-helpers';

const work = mkdtempSync(join(tmpdir(), 'lawdesk-ipc-hostile-'));
const lib = join(work, 'lib');
let app: AppService;
const mainRan: string[] = [];
const appFrame = { senderFrame: { parent: null, url: 'app://lawdesk/index.html' } };

beforeAll(async () => {
  const { store } = await makeLibrary(lib, { records: true });
  app = new AppService({ store, settings: new MemorySettingsStore(), face: 'electron', search: false, exportDir: join(work, 'exports'), stagingRoot: join(work, 'staging') });
  // Main's own handlers: each only records that it ran (none may, for these payloads).
  const own: MainHandlers = {};
  for (const c of CHANNELS) if (channelInFace(c, 'electron') && !app.handles(c)) (own as Record<string, unknown>)[c] = async () => (mainRan.push(c), {} as never);
  registerIpc(ipcMain, () => app, own);
}, 120_000);

afterAll(() => {
  app?.close();
  rmSync(work, { recursive: true, force: true });
});

const nested = (n: number) => JSON.parse('{"a":'.repeat(n) + '1' + '}'.repeat(n)) as unknown;
const PAYLOADS: [string, () => unknown][] = [
  ['a string', () => 'x'],
  ['a number', () => 5],
  ['an array', () => []],
  ['an unknown key', () => ({ zzUnknown: 1 })],
  ['__proto__ as an own key', () => JSON.parse('{"__proto__":{"polluted":true}}')],
  ['constructor and prototype keys', () => ({ constructor: { prototype: { polluted: true } }, prototype: {} })],
  ['2,000-deep nesting', () => nested(2000)],
];

describe('IPC: hostile payloads on every channel', () => {
  it('each is refused as INVALID by the contract before a handler runs; nothing is written', async () => {
    const ignore = (rel: string) => rel === 'library.lock' || rel.startsWith(join('derived', 'mappings'));
    const before = JSON.stringify([...snapshot(lib, ignore)]);
    const channels = [...handlers.keys()] as Channel[];
    expect(channels.length).toBeGreaterThan(50);
    const accepted: string[] = [];
    for (const channel of channels) {
      for (const [what, make] of PAYLOADS) {
        const r = (await handlers.get(channel)!(appFrame, make())) as { ok: boolean; error?: { code: string; message: string } };
        if (r.ok || r.error?.code !== 'INVALID') accepted.push(`${channel} ← ${what}: ${JSON.stringify(r).slice(0, 200)}`);
        else expect(r.error.message, `${channel} ← ${what}`).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    expect(accepted).toEqual([]);
    expect(mainRan).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify([...snapshot(lib, ignore)])).toBe(before);
  }, 120_000);
});
