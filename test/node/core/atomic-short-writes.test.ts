// A write(2) may take fewer bytes than asked (a nearly full disk, a signal, a pipe-like file
// system). The one atomic writer continues every short write, in the sync and the pool forms and
// for writeAt's overwrite in place: node:fs is wrapped so each call takes at most 7 bytes, and the
// file under its final name must still hold every byte in order.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const CAP = 7;
const calls = vi.hoisted(() => ({ writes: 0 }));

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  type Cb = (e: NodeJS.ErrnoException | null, n: number) => void;
  return {
    ...real,
    writeSync: (fd: number, buf: Uint8Array, off: number, len: number, pos?: number | null) => {
      calls.writes++;
      return real.writeSync(fd, buf, off, Math.min(len, CAP), pos);
    },
    write: (fd: number, buf: Uint8Array, off: number, len: number, pos: number | null, cb: Cb) => {
      calls.writes++;
      real.write(fd, buf, off, Math.min(len, CAP), pos, cb);
    },
  };
});

const { AtomicFile, writeFileAtomic, writeFileAtomicAsync } = await import('../../../electron/core/util/atomic-write');

const dir = mkdtempSync(join(tmpdir(), 'lawdesk-short-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const text = '第一条 为了规范行政许可的设定和实施，保护公民、法人和其他组织的合法权益，制定本法。\n'.repeat(5);

describe('the atomic writer continues short writes', () => {
  it('writeFileAtomic: the whole text arrives although each write takes 7 bytes', () => {
    const f = join(dir, 'sync.txt');
    calls.writes = 0;
    writeFileAtomic(f, text);
    expect(readFileSync(f, 'utf8')).toBe(text);
    expect(calls.writes).toBeGreaterThanOrEqual(Math.ceil(Buffer.byteLength(text) / CAP));
  });

  it('writeFileAtomicAsync: the same on the pool', async () => {
    const f = join(dir, 'async.txt');
    calls.writes = 0;
    await writeFileAtomicAsync(f, text);
    expect(readFileSync(f, 'utf8')).toBe(text);
    expect(calls.writes).toBeGreaterThanOrEqual(Math.ceil(Buffer.byteLength(text) / CAP));
  });

  it('writeAt and writeAtAsync overwrite a header in place across short writes, the rest untouched', async () => {
    const body = Buffer.from(text, 'utf8');
    const header = Buffer.from('HEADER-0123456789-ABCDEF', 'ascii');
    for (const form of ['sync', 'async'] as const) {
      const f = join(dir, `at-${form}.bin`);
      const file = form === 'sync' ? AtomicFile.open(f) : await AtomicFile.openAsync(f);
      if (form === 'sync') {
        file.write(body);
        file.writeAt(3, header);
        file.commit();
      } else {
        await file.writeAsync(body);
        await file.writeAtAsync(3, header);
        await file.commitAsync();
      }
      const want = Buffer.from(body);
      header.copy(want, 3);
      expect(readFileSync(f).equals(want)).toBe(true);
    }
  });
});
