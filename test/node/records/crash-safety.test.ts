// Every write path of records.json has a fault test (the SQLite habit): a write that fails leaves
// the old state on disk and in memory; a writer killed with SIGKILL at random moments leaves a file
// that parses, validates, and holds each record together with its full change log.

import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AtomicJsonFile } from '../../../electron/core/library/atomic-file';
import { LibraryStore } from '../../../electron/core/library/library-store';
import { RecordsService } from '../../../electron/core/records/records-service';
import { RECORDS_FILE } from '../../../electron/core/records/records-store';
import { RecordsFileSchema } from '../../../electron/core/records/record-types';
import { HOLIDAYS, ROOT, makeLibrary, reviewInput, type TestLibrary } from './records-test-support';

let lib: TestLibrary;
beforeEach(async () => {
  lib = await makeLibrary();
});
afterEach(() => {
  vi.restoreAllMocks();
  lib.cleanup();
});

describe('crash safety of records.json', () => {
  it('a failed write changes nothing, on disk or in memory', async () => {
    const { record } = await lib.svc.createReview(reviewInput());
    const before = readFileSync(join(lib.dir, RECORDS_FILE), 'utf8');
    vi.spyOn(AtomicJsonFile.prototype, 'write').mockRejectedValueOnce(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
    await expect(lib.svc.updateReview(record.id, { title: '写入失败的修改' })).rejects.toThrow(/ENOSPC/);
    expect(readFileSync(join(lib.dir, RECORDS_FILE), 'utf8')).toBe(before);
    expect((await lib.svc.getReview(record.id)).title).toBe(reviewInput().title);
    expect(await lib.svc.history(record.id)).toHaveLength(1);
    // and the lock was released: the next write works
    await lib.svc.updateReview(record.id, { title: '第二次修改' });
    expect((await lib.svc.history(record.id)).map((e) => e.seq)).toEqual([1, 2]);
  });

  it('a writer killed with SIGKILL mid-stream leaves a consistent file', async () => {
    let lastSeen = -1;
    for (let round = 0; round < 4; round++) {
      const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/node/records/crash-writer.mts'), lib.dir, HOLIDAYS], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (err += d));
      // wait for a first committed write, then kill at a random moment
      await new Promise<void>((res, rej) => {
        const t = setInterval(() => {
          if (out.includes('\n')) {
            clearInterval(t);
            setTimeout(res, 50 + Math.floor(Math.random() * 300));
          }
          if (child.exitCode !== null) {
            clearInterval(t);
            rej(new Error(`writer exited: ${err}`));
          }
        }, 10);
      });
      const exited = new Promise((res) => child.on('exit', res));
      child.kill('SIGKILL');
      await exited;
      const written = out.trim().split('\n').length;
      expect(written).toBeGreaterThan(0);

      // A fresh open: parses, validates, every record has its log, revisions match the log
      const text = readFileSync(join(lib.dir, RECORDS_FILE), 'utf8');
      const data = RecordsFileSchema.parse(JSON.parse(text));
      const reviews = Object.values(data.reviews);
      expect(reviews.length).toBeGreaterThan(lastSeen);
      lastSeen = reviews.length;
      for (const r of reviews) {
        expect(data.log[r.id]!.length).toBe(r.revision);
        if (r.title.startsWith('崩溃测试')) expect(r.findings.content.citations[0]!.label).toBe('第十七条');
      }
      const store = await LibraryStore.open(lib.dir);
      const svc = await RecordsService.open(store, { holidaysFile: HOLIDAYS });
      expect((await svc.listReviews()).length).toBe(reviews.length);
      expect(readdirSync(lib.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
      // the dead writer's lock is stale: this process can write
      await svc.createReview(reviewInput({ title: `第 ${round} 轮之后` }));
      lastSeen++;
    }
  }, 120_000);
});

describe('locks and damaged files', () => {
  it('refuses to write while another live process holds the library lock', async () => {
    const { record } = await lib.svc.createReview(reviewInput());
    writeFileSync(join(lib.dir, 'library.lock'), String(process.ppid));
    try {
      await expect(lib.svc.updateReview(record.id, { title: '不应写入' })).rejects.toMatchObject({ code: 'LOCKED', message: expect.stringMatching(/另一个程序写入（进程 \d+）/) });
    } finally {
      unlinkSync(join(lib.dir, 'library.lock'));
    }
    expect((await lib.svc.getReview(record.id)).title).toBe(reviewInput().title);
  });

  it('a damaged records.json is reported, not overwritten', async () => {
    await lib.svc.createReview(reviewInput());
    writeFileSync(join(lib.dir, RECORDS_FILE), '{"schemaVersion": 1, "reviews": {');
    const store = await LibraryStore.open(lib.dir);
    await expect(RecordsService.open(store, { holidaysFile: HOLIDAYS })).rejects.toMatchObject({ code: 'CORRUPT' });
    expect(readFileSync(join(lib.dir, RECORDS_FILE), 'utf8')).toBe('{"schemaVersion": 1, "reviews": {');
    writeFileSync(join(lib.dir, RECORDS_FILE), JSON.stringify({ schemaVersion: 99 }));
    await expect(RecordsService.open(store, { holidaysFile: HOLIDAYS })).rejects.toThrow(/比本程序支持的 1 新/);
  });
});
