// The one atomic writer under injected file-system faults (node:fs wrapped so one call fails with a
// chosen errno, once): whichever step fails — creating the temp file, a write in the middle, the
// fsync, the rename — the previous file survives byte for byte, no temp file is left, and the
// error names the final file and says what happened in Chinese. The same for the two writers that
// stream (bundle zips and search-index segments), which now go through it, and the full sequence
// (write, fsync file, rename, fsync folder) in that order — also for the asynchronous form, whose
// create, writes, fsyncs and close run on libuv's pool (the callback forms are wrapped too).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

type Op = 'openSync' | 'writeSync' | 'fsyncSync' | 'renameSync' | 'closeSync' | 'fsync' | 'open' | 'close' | 'write';
const faults = vi.hoisted(() => ({
  plan: undefined as undefined | { op: string; code: string; skip: number; when?: (args: unknown[]) => boolean },
  log: [] as string[],
  recording: false,
}));

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const wrap = <F extends (...a: never[]) => unknown>(op: string, fn: F): F =>
    ((...args: never[]) => {
      if (faults.recording) faults.log.push(`${op}${op === 'openSync' ? `:${String(args[1])}` : ''}`);
      const p = faults.plan;
      if (p && p.op === op && (!p.when || p.when(args))) {
        if (p.skip-- <= 0) {
          faults.plan = undefined;
          throw Object.assign(new Error(`${p.code}: injected fault, ${op}`), { code: p.code, syscall: op });
        }
      }
      return fn(...args);
    }) as F;
  // the callback forms writeFileAtomicAsync uses off the main thread: the fault reaches the callback
  const wrapCb = <F extends (...a: never[]) => unknown>(op: string, fn: F): F =>
    ((...args: never[]) => {
      if (faults.recording) faults.log.push(`${op}${op === 'open' ? `:${String(args[1])}` : ''}`);
      const p = faults.plan;
      if (p && p.op === op && (!p.when || p.when(args)) && p.skip-- <= 0) {
        faults.plan = undefined;
        const cb = args.at(-1) as unknown as (e: Error) => void;
        process.nextTick(() => cb(Object.assign(new Error(`${p.code}: injected fault, ${op}`), { code: p.code, syscall: op })));
        return undefined;
      }
      return fn(...args);
    }) as F;
  const wrapped = {
    fsync: wrapCb('fsync', real.fsync),
    open: wrapCb('open', real.open),
    close: wrapCb('close', real.close),
    write: wrapCb('write', real.write),
    openSync: wrap('openSync', real.openSync),
    writeSync: wrap('writeSync', real.writeSync),
    fsyncSync: wrap('fsyncSync', real.fsyncSync),
    renameSync: wrap('renameSync', real.renameSync),
    closeSync: wrap('closeSync', real.closeSync),
  };
  return { ...real, ...wrapped, default: { ...real, ...wrapped } };
});

const { AtomicFile, writeFileAtomic, writeFileAtomicAsync } = await import('../../../electron/core/util/atomic-write');
const { FileSystemError } = await import('../../../electron/core/library/fs-errors');
const { ZipReader, ZipWriter } = await import('../../../electron/core/bundles/zip-file');
const { Segment } = await import('../../../electron/core/search/segment');

const dir = mkdtempSync(join(tmpdir(), 'lawdesk-atomic-faults-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  faults.plan = undefined;
  faults.log = [];
  faults.recording = false;
});

const temps = (d = dir) => readdirSync(d).filter((n) => n.endsWith('.tmp'));
const isTemp = (args: unknown[]) => typeof args[0] === 'string' && args[0].endsWith('.tmp');

function inject(op: Op, code: string, skip = 0, when?: (args: unknown[]) => boolean): void {
  faults.plan = { op, code, skip, ...(when ? { when } : {}) };
}

function expectClearError(e: unknown, file: string, reason: RegExp): void {
  expect(e).toBeInstanceOf(FileSystemError);
  const err = e as InstanceType<typeof FileSystemError>;
  expect(err.file).toBe(file);
  expect(err.message).toContain(file);
  expect(err.message).toMatch(reason);
}

function thrown(f: () => void): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected a failure');
}

describe('writeFileAtomic under faults', () => {
  // errno injected, the shared error code every face reports for it, the reason in the message
  const cases: [Op, string, string, RegExp, ((a: unknown[]) => boolean)?][] = [
    ['openSync', 'EACCES', 'PERMISSION', /没有写入权限/, isTemp],
    ['openSync', 'EMFILE', 'BUSY', /打开的文件过多/, isTemp],
    ['openSync', 'ENAMETOOLONG', 'BAD_FILE_NAME', /文件名或路径过长/, isTemp],
    ['openSync', 'EILSEQ', 'BAD_FILE_NAME', /不是有效的 UTF-8/, isTemp],
    ['writeSync', 'ENOSPC', 'DISK_FULL', /磁盘已满/],
    ['writeSync', 'EIO', 'IO_ERROR', /磁盘读写出错/],
    ['fsyncSync', 'ENOSPC', 'DISK_FULL', /磁盘已满/],
    ['fsyncSync', 'EDQUOT', 'DISK_FULL', /配额/],
    ['renameSync', 'EROFS', 'READ_ONLY', /只读/],
    ['renameSync', 'EPERM', 'PERMISSION', /拒绝/],
  ];
  for (const [op, code, domainCode, reason, when] of cases) {
    it(`${code} in ${op}: the old file survives, no temp file, a clear message naming the file`, () => {
      const f = join(dir, `law-${op}-${code}.json`);
      writeFileAtomic(f, '{"old":true}');
      inject(op, code, 0, when);
      const e = thrown(() => writeFileAtomic(f, `{"new":"${'x'.repeat(100_000)}"}`));
      expect(faults.plan, 'the fault was hit').toBeUndefined();
      expectClearError(e, f, reason);
      expect((e as { errno: string }).errno).toBe(code);
      expect((e as { code: string }).code).toBe(domainCode);
      expect(readFileSync(f, 'utf8')).toBe('{"old":true}');
      expect(temps()).toEqual([]);
    });
  }

  it('a failure in the middle of a streamed file (the 4th of 10 pieces) leaves the old file and no temp file', () => {
    const f = join(dir, 'streamed.bin');
    writeFileSync(f, 'previous');
    const out = AtomicFile.open(f);
    inject('writeSync', 'ENOSPC', 3);
    const e = thrown(() => {
      for (let i = 0; i < 10; i++) out.write(Buffer.alloc(64 * 1024, i));
      out.commit();
    });
    expectClearError(e, f, /磁盘已满/);
    expect(out.open).toBe(false);
    expect(readFileSync(f, 'utf8')).toBe('previous');
    expect(temps()).toEqual([]);
    out.abort(); // a caller's abort after the failure is harmless
  });

  it('writes, fsyncs the file, renames, then fsyncs the folder — in that order', () => {
    const f = join(dir, 'ordered.json');
    faults.recording = true;
    writeFileAtomic(f, 'content');
    faults.recording = false;
    expect(faults.log).toEqual(['openSync:wx', 'writeSync', 'fsyncSync', 'closeSync', 'renameSync', 'openSync:r', 'fsyncSync', 'closeSync']);
    expect(readFileSync(f, 'utf8')).toBe('content');
  });

  it('in pieces (writeFileAtomicAsync): the same steps in the same order, all but the rename off the main thread', async () => {
    const f = join(dir, 'pieces.json');
    faults.recording = true;
    await writeFileAtomicAsync(f, ['{"a":', '1', '}']);
    faults.recording = false;
    expect(faults.log).toEqual(['open:wx', 'write', 'fsync', 'close', 'renameSync', 'open:r', 'fsync', 'close']);
    expect(readFileSync(f, 'utf8')).toBe('{"a":1}');
  });

  for (const [op, code, reason, when] of [
    ['open', 'EMFILE', /打开的文件过多/, isTemp],
    ['write', 'ENOSPC', /磁盘已满/],
    ['fsync', 'EIO', /磁盘读写出错/],
    ['close', 'EIO', /磁盘读写出错/],
    ['renameSync', 'EROFS', /只读/],
  ] as [Op, string, RegExp, ((a: unknown[]) => boolean)?][]) {
    it(`in pieces, ${code} in ${op}: the old file survives, no temp file, a clear message`, async () => {
      const f = join(dir, `pieces-${op}.json`);
      writeFileAtomic(f, '{"old":true}');
      inject(op, code, op === 'write' ? 1 : 0, when);
      // 600 KB in pieces: three buffered writes, the second one fails
      const pieces = Array.from({ length: 600 }, (_, i) => `${i ? ',' : '['}"${'x'.repeat(1022)}"`).concat([']']);
      const e = await writeFileAtomicAsync(f, pieces).then(() => undefined, (x: unknown) => x);
      expect(faults.plan, 'the fault was hit').toBeUndefined();
      expectClearError(e, f, reason);
      expect(readFileSync(f, 'utf8')).toBe('{"old":true}');
      expect(temps()).toEqual([]);
    });
  }

  it('one buffer (a body, an original) off the main thread: the write called off by `keep` leaves the old file and no temp file', async () => {
    const f = join(dir, 'kept.json');
    writeFileAtomic(f, 'old');
    expect(await writeFileAtomicAsync(f, Buffer.from('new'), { keep: () => false })).toBe(false);
    expect(readFileSync(f, 'utf8')).toBe('old');
    expect(temps()).toEqual([]);
    expect(await writeFileAtomicAsync(f, 'newer', { keep: () => true })).toBe(true);
    expect(readFileSync(f, 'utf8')).toBe('newer');
  });

  it('an abort during an asynchronous write closes the descriptor only once the write has returned', async () => {
    const f = join(dir, 'aborted.bin');
    writeFileSync(f, 'previous');
    const out = await AtomicFile.openAsync(f);
    faults.recording = true;
    const writing = out.writeAsync(Buffer.alloc(1 << 20, 7));
    out.abort(); // while the write runs on the pool
    expect(faults.log).toEqual(['write']); // not closed under the running write
    await writing;
    faults.recording = false;
    expect(faults.log).toEqual(['write', 'closeSync']);
    expect(out.open).toBe(false);
    expect(readFileSync(f, 'utf8')).toBe('previous');
    expect(temps()).toEqual([]);
  });

  it('with fsync off (bodies named by a later fsync\'d commit) skips both fsyncs but still renames', () => {
    const f = join(dir, 'fast.json');
    faults.recording = true;
    writeFileAtomic(f, 'content', { fsync: false });
    faults.recording = false;
    expect(faults.log).toEqual(['openSync:wx', 'writeSync', 'closeSync', 'renameSync']);
  });
});

describe('streaming writers go through it', () => {
  it('a bundle zip: ENOSPC in the middle leaves the previous bundle whole and no temp file', () => {
    const out = join(dir, 'export.lawdesk');
    const good = new ZipWriter(out);
    good.add({ name: 'README.txt', data: Buffer.from('第一版') });
    good.finish();
    const before = readFileSync(out);
    const z = new ZipWriter(out);
    inject('writeSync', 'ENOSPC', 5);
    const e = thrown(() => {
      for (let i = 0; i < 20; i++) z.add({ name: `laws/bodies/${i}.json`, data: Buffer.from(`{"n":${i},"t":"${'条'.repeat(5000)}"}`), method: 0 });
      z.finish();
    });
    z.abort(); // what bundle-export's catch does
    expectClearError(e, out, /磁盘已满/);
    expect(readFileSync(out).equals(before)).toBe(true);
    const r = new ZipReader(out);
    expect(r.entries.map((x) => x.name)).toEqual(['README.txt']);
    r.close();
    expect(temps()).toEqual([]);
  });

  it('a search-index segment: a failed rename leaves no segment under its name and no temp file', () => {
    const sub = mkdtempSync(join(dir, 'index-'));
    const seg = Segment.build('s1', [
      { id: 'v1', file: 'a.json', docs: [{ text: '行政许可的设定和实施，适用本法。', key: 'a2', label: '第二条', path: ['第一章'], kind: 'article', number: 2, suffix: 0 }] },
    ]);
    const path = join(sub, 's1.lds');
    inject('renameSync', 'EROFS');
    expectClearError(thrown(() => seg.write(path)), path, /只读/);
    expect(readdirSync(sub)).toEqual([]);
    const size = seg.write(path);
    expect(readdirSync(sub)).toEqual(['s1.lds']);
    expect(Segment.load(path, 's1').docCount).toBe(1);
    expect(size).toBe(readFileSync(path).length);
  });
});
