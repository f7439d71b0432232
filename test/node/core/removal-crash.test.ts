// An interrupted removal leaves the library as it was: the catalog (library.json) is the commit point,
// renamed into place by the one atomic writer, and bodies and originals are deleted only after it. Here
// the rename (or the write before it) fails as a full disk or a crash would make it: the files are byte
// for byte those before, the store in memory still holds the version (the app keeps showing it), a
// reopened library holds it, and nothing is kept for 撤销.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const faults = vi.hoisted(() => ({ plan: undefined as undefined | { op: string; code: string; when: (args: unknown[]) => boolean } }));

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const wrap = <F extends (...a: never[]) => unknown>(op: string, fn: F): F =>
    ((...args: never[]) => {
      const p = faults.plan;
      if (p && p.op === op && p.when(args)) {
        faults.plan = undefined;
        throw Object.assign(new Error(`${p.code}: injected fault, ${op}`), { code: p.code, syscall: op });
      }
      return fn(...args);
    }) as F;
  const wrapCb = <F extends (...a: never[]) => unknown>(op: string, fn: F): F =>
    ((...args: never[]) => {
      const p = faults.plan;
      if (p && p.op === op && p.when(args)) {
        faults.plan = undefined;
        const cb = args.at(-1) as unknown as (e: Error) => void;
        process.nextTick(() => cb(Object.assign(new Error(`${p.code}: injected fault, ${op}`), { code: p.code, syscall: op })));
        return undefined;
      }
      return fn(...args);
    }) as F;
  const wrapped = { renameSync: wrap('renameSync', real.renameSync), write: wrapCb('write', real.write) };
  return { ...real, ...wrapped, default: { ...real, ...wrapped } };
});

const { importPaths } = await import('../../../electron/core/library/library-import');
const { LibraryStore } = await import('../../../electron/core/library/library-store');
const { openLibrary } = await import('../../../electron/core/library/open-library');
const { lastRemoval, removeVersionsKept } = await import('../../../electron/core/library/library-edit');
const { checkLibrary } = await import('../../../electron/core/library/library-check');

const LAWS = resolve(import.meta.dirname, '../../fixtures/laws/经济法');
const tmp = mkdtempSync(join(tmpdir(), 'lawdesk-removal-crash-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function files(lib: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const sub of ['', 'bodies', 'originals']) {
    for (const f of readdirSync(join(lib, sub), { withFileTypes: true })) {
      if (f.isFile() && f.name !== 'library.lock') out[join(sub, f.name)] = createHash('sha256').update(readFileSync(join(lib, sub, f.name))).digest('hex');
    }
  }
  return out;
}

describe('an interrupted removal', () => {
  for (const [op, code] of [
    ['renameSync', 'EIO'],
    ['write', 'ENOSPC'],
  ] as const) {
    it(`leaves the library as before when the catalog's ${op} fails (${code})`, async () => {
      const lib = join(tmp, op);
      const { store } = await openLibrary({ dir: lib, seed: false });
      expect((await importPaths(store, [LAWS])).failed).toEqual([]);
      const law = store.laws()[0]!;
      const [older, newer] = law.versionIds;
      const statusBefore = store.version(older!)!.status;
      const before = files(lib);
      faults.plan = { op, code, when: (args) => String(args[0]).includes('library.json') || (op === 'write' && typeof args[0] === 'number') };
      await expect(removeVersionsKept(store, [newer!], { undo: true })).rejects.toThrow(/library\.json/);
      expect(faults.plan).toBeUndefined(); // the fault did fire
      expect(files(lib)).toEqual(before);
      // memory as on disk: the version is still there, with its law's statuses as they were
      expect(store.version(newer!)).toBeDefined();
      expect(store.law(law.id)!.versionIds).toEqual([older, newer]);
      expect(store.version(older!)!.status).toBe(statusBefore);
      expect(lastRemoval(store)).toBeUndefined();
      const reopened = await LibraryStore.open(lib);
      expect(reopened.version(newer!)).toBeDefined();
      expect(checkLibrary(reopened)).toEqual([]);
      // and the same removal, tried again, goes through
      await removeVersionsKept(store, [newer!], { undo: true });
      expect((await LibraryStore.open(lib)).version(newer!)).toBeUndefined();
      expect(lastRemoval(store)?.map((v) => v.id)).toEqual([newer]);
    });
  }
});
