// Ids that are names every plain object inherits — __proto__, constructor, toString,
// hasOwnProperty, valueOf — sent on every channel, in every id field. The library's id → record
// objects are plain JSON objects, so `obj[id]` found Object.prototype's member: reviews:get and
// workbench:get answered 500 “不是有效日期：undefined”, packs:get “function Object() could not be
// cloned”, links:version “Cannot read properties of undefined”, and packs:remove said it removed
// “constructor” and rewrote packs.json. Each must be an ordinary refusal (a Chinese NOT_FOUND or
// INVALID), never INTERNAL, and the library byte-for-byte unchanged.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppService } from '../../../electron/core/api/app-service';
import { MemorySettingsStore } from '../../../electron/core/api/settings-file';
import { CHANNELS, channelInFace, type Channel } from '../../../electron/shared/api-contract';
import { toErrorData } from '../../../electron/shared/errors';
import { makeLibrary, snapshot } from '../bundles/bundle-helpers';

const work = mkdtempSync(join(tmpdir(), 'lawdesk-inherited-ids-'));
const lib = join(work, 'lib');
let app: AppService;

beforeAll(async () => {
  const { store } = await makeLibrary(lib, { records: true });
  app = new AppService({ store, settings: new MemorySettingsStore(), face: 'browser', search: false, exportDir: join(work, 'exports'), stagingRoot: join(work, 'staging') });
  // One pack, so packs.json exists and a wrongful remove would show in the snapshot.
  await app.call('packs:create', { title: '测试简报', template: '通用' });
}, 120_000);

afterAll(() => {
  app?.close();
  rmSync(work, { recursive: true, force: true });
});

const INHERITED = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
const ID_FIELDS = ['id', 'versionId', 'lawId', 'recordId', 'reviewId', 'stagingId', 'fileId', 'name'];

describe('ids named like Object.prototype members', () => {
  it('are refused as not found or invalid on every channel, never an internal error; nothing is written', async () => {
    const ignore = (rel: string) => rel === 'library.lock' || rel.startsWith(join('derived', 'mappings'));
    const before = JSON.stringify([...snapshot(lib, ignore)]);
    const packsBefore = (await app.call('packs:list', {})).length;
    expect(packsBefore).toBeGreaterThan(0);
    const channels = CHANNELS.filter((c) => channelInFace(c, 'browser') && app.handles(c)) as Channel[];
    expect(channels.length).toBeGreaterThan(50);
    const internal: string[] = [];
    let refused = 0;
    for (const channel of channels) {
      if (channel === 'search:reindex') continue; // takes no id; rebuilds the index (a write by design)
      for (const field of ID_FIELDS) {
        for (const v of INHERITED) {
          try {
            await app.call(channel, { [field]: v } as never);
          } catch (e) {
            const err = toErrorData(e);
            if (err.code === 'INTERNAL') internal.push(`${channel} ${field}=${v}: ${err.message.slice(0, 160)}`);
            else {
              refused++;
              expect(err.message, `${channel} ${field}=${v}`).toMatch(/[\u4e00-\u9fff]/);
            }
          }
        }
      }
    }
    expect(internal).toEqual([]);
    expect(refused).toBeGreaterThan(channels.length);
    for (const [channel, input] of [
      ['reviews:get', { id: 'constructor' }],
      ['packs:get', { id: 'toString' }],
      ['packs:remove', { id: 'constructor' }],
      ['records:history', { id: '__proto__' }],
      ['links:version', { versionId: 'hasOwnProperty' }],
    ] as const) {
      await expect(app.call(channel, input as never), `${channel} ${JSON.stringify(input)}`).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    expect((await app.call('packs:list', {})).length).toBe(packsBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify([...snapshot(lib, ignore)])).toBe(before);
  }, 300_000);
});
