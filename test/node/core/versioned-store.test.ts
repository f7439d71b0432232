// The one JSON store behind records.json and packs.json: forward migrations, a file from a newer
// LawDesk refused without damage, another process's write seen, a failed change leaving nothing.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { VersionedStore, type VersionedStoreSpec } from '../../../electron/core/library/versioned-store';
import { WriterLock } from '../../../electron/core/library/writer-lock';
import { PackStore, PACKS_FILE } from '../../../electron/core/packs/pack-store';
import { RECORDS_FILE, RecordsStore } from '../../../electron/core/records/records-store';

class StoreError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

// A document at version 3: v1 kept one `name`, v2 split it into `given`/`family`, v3 added `tags`.
const Doc = z.object({ schemaVersion: z.number(), people: z.array(z.object({ given: z.string(), family: z.string(), tags: z.array(z.string()) })) });
type Doc = z.infer<typeof Doc>;
const spec: VersionedStoreSpec<Doc> = {
  what: '人员',
  version: 3,
  schema: Doc,
  empty: () => ({ schemaVersion: 3, people: [] }),
  migrations: {
    2: (d) => {
      d.people = (d.people as { name: string }[]).map((p) => ({ family: p.name.slice(0, 1), given: p.name.slice(1) }));
    },
    3: (d) => {
      d.people = (d.people as object[]).map((p) => ({ ...p, tags: [] }));
    },
  },
  error: (code, message) => new StoreError(code, message),
  describeIssues: (e) => e.issues.map((i) => i.message),
};

let dir: string;
let lock: WriterLock;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lawdesk-store-'));
  lock = new WriterLock(join(dir, '.lock'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('versioned JSON store', () => {
  it('migrates a version 1 file step by step, and writes it at the current version on the next change only', async () => {
    const path = join(dir, 'people.json');
    const v1 = JSON.stringify({ schemaVersion: 1, people: [{ name: '张三' }] });
    writeFileSync(path, v1);
    const s = VersionedStore.open(path, spec, lock);
    expect(s.current().people).toEqual([{ family: '张', given: '三', tags: [] }]);
    expect(s.fileVersion).toBe(1);
    expect(readFileSync(path, 'utf8')).toBe(v1); // reading never rewrites the file
    await s.mutate((d) => void d.people[0]!.tags.push('顾问'));
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ schemaVersion: 3, people: [{ family: '张', given: '三', tags: ['顾问'] }] });
  });

  it('refuses a file written by a newer LawDesk, on open and on a later read, leaving it byte for byte', async () => {
    const path = join(dir, 'people.json');
    const newer = JSON.stringify({ schemaVersion: 4, people: [{ given: '三', family: '张', tags: [], email: 'x' }] });
    writeFileSync(path, newer);
    expect(() => VersionedStore.open(path, spec, lock)).toThrow(/people\.json 的版本为 4，比本程序支持的 3 新，请升级 LawDesk/);
    // an older store already open sees the newer file appear and refuses to overwrite it
    writeFileSync(path, JSON.stringify({ schemaVersion: 3, people: [] }));
    const s = VersionedStore.open(path, spec, lock);
    writeFileSync(path, newer);
    await expect(s.mutate((d) => void d.people.push({ given: '四', family: '李', tags: [] }))).rejects.toMatchObject({ code: 'INVALID' });
    expect(readFileSync(path, 'utf8')).toBe(newer);
    expect(lock.tryAcquire()).toBe(true); // the refusal released the lock
    lock.release();
  });

  it('sees another process writing the file, and a change that throws leaves file and memory as they were', async () => {
    const path = join(dir, 'people.json');
    const s = VersionedStore.open(path, spec, lock);
    await s.mutate((d) => void d.people.push({ given: '三', family: '张', tags: [] }));
    const other = VersionedStore.open(path, spec, lock);
    await other.mutate((d) => void d.people.push({ given: '四', family: '李', tags: [] }));
    expect(s.current().people.map((p) => p.family)).toEqual(['张', '李']);
    const before = readFileSync(path, 'utf8');
    await expect(
      s.mutate((d) => {
        d.people.length = 0;
        throw new Error('不保存');
      }),
    ).rejects.toThrow('不保存');
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(s.current().people).toHaveLength(2);
  });

  it('records.json and packs.json are both this store: a newer version is refused with each domain error', async () => {
    writeFileSync(join(dir, RECORDS_FILE), JSON.stringify({ schemaVersion: 99 }));
    await expect(RecordsStore.open(dir, lock)).rejects.toMatchObject({ name: 'RecordsError', code: 'INVALID', message: expect.stringContaining('records.json 的版本为 99') });
    writeFileSync(join(dir, PACKS_FILE), JSON.stringify({ schemaVersion: 99, packs: {} }));
    await expect(PackStore.open(dir, { lock })).rejects.toMatchObject({ name: 'PackError', code: 'INVALID', message: expect.stringContaining('packs.json 的版本为 99') });
    expect(JSON.parse(readFileSync(join(dir, RECORDS_FILE), 'utf8'))).toEqual({ schemaVersion: 99 });
  });

  it('packs.json written by the CLI beside the app is seen without an explicit reload', async () => {
    const app = await PackStore.open(dir, { lock });
    expect(app.list()).toEqual([]);
    const cli = await PackStore.open(dir, { lock });
    const made = await cli.create({ title: '命令行建的简报', template: '通用', items: [] });
    expect(app.list().map((p) => p.id)).toEqual([made.id]);
  });
});
