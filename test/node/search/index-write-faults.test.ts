// The search index written in slices, its disk work off the main thread (util/steps.ts IoSteps on
// libuv's pool), under file-system faults and a job superseded while the disk works: whatever
// happens, the index on disk is a whole one — a manifest and every segment it names — so a new
// engine opens it without rebuilding and answers exactly. node:fs's callback forms are wrapped:
// a write fails with a chosen errno, or an fsync is held until the test lets it go.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const faults = vi.hoisted(() => ({
  /** The next write on the pool fails with this errno. */
  failNextWrite: '',
  writeFailures: 0,
  /** The next fsync of a file whose path matches is held until `release` is called. */
  holdFsyncOf: undefined as RegExp | undefined,
  held: undefined as undefined | { path: string; release: () => void },
  onHeld: (() => {}) as () => void,
  fdPaths: new Map<number, string>(),
}));

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  type Cb = (e: NodeJS.ErrnoException | null, ...r: unknown[]) => void;
  const open = ((...args: unknown[]) => {
    const cb = args.at(-1) as Cb;
    const path = String(args[0]);
    (real.open as (...a: unknown[]) => void)(...args.slice(0, -1), (e: NodeJS.ErrnoException | null, fd: number) => {
      if (!e) faults.fdPaths.set(fd, path);
      cb(e, fd);
    });
  }) as typeof real.open;
  const write = ((...args: unknown[]) => {
    if (faults.failNextWrite) {
      const code = faults.failNextWrite;
      faults.failNextWrite = '';
      faults.writeFailures++;
      const cb = args.at(-1) as Cb;
      process.nextTick(() => cb(Object.assign(new Error(`${code}: injected fault, write`), { code, syscall: 'write' })));
      return;
    }
    (real.write as (...a: unknown[]) => void)(...args);
  }) as typeof real.write;
  const fsync = ((fd: number, cb: Cb) => {
    const path = faults.fdPaths.get(fd) ?? '';
    if (faults.holdFsyncOf?.test(path)) {
      faults.holdFsyncOf = undefined;
      faults.held = { path, release: () => real.fsync(fd, cb) };
      faults.onHeld();
      return;
    }
    real.fsync(fd, cb);
  }) as typeof real.fsync;
  const wrapped = { open, write, fsync };
  return { ...real, ...wrapped, default: { ...real, ...wrapped } };
});

const { SearchEngine } = await import('../../../electron/core/search/search-engine');
const { fixtureLibrary, truth } = await import('./search-fixtures');
type LibraryStore = import('../../../electron/core/library/library-store').LibraryStore;
type Engine = import('../../../electron/core/search/search-engine').SearchEngine;

let store: LibraryStore;
let cleanup: () => void;
beforeAll(async () => {
  ({ store, cleanup } = await fixtureLibrary());
});
afterAll(() => cleanup?.());

const indexDir = () => join(store.dir, 'index');
const manifest = () => readFileSync(join(indexDir(), 'manifest.json'), 'utf8');
const named = () => (JSON.parse(manifest()) as { segments: { name: string }[] }).segments.map((s) => s.name);
const temps = () => readdirSync(indexDir()).filter((n) => n.endsWith('.tmp'));
const hitIds = (e: Engine, q: string) => new Set(e.matchAll({ q }).map((h) => `${h.versionId}#${h.articleKey}`));

/** The index on disk is whole: every named segment is there, and a new engine opens it as it is (no progress = no rebuild, no catch-up). */
async function expectWholeIndexOnDisk(): Promise<void> {
  const files = readdirSync(indexDir());
  for (const n of named()) expect(files).toContain(n);
  const phases: string[] = [];
  const again = await SearchEngine.open(store, { onProgress: (p) => phases.push(p.phase) });
  try {
    expect(phases).toEqual([]);
    expect(hitIds(again, '行政许可')).toEqual(truth(store, ['行政许可']));
  } finally {
    again.close();
  }
}

describe('the index written off the main thread', () => {
  it('a rebuild whose segment write fails midway (ENOSPC on the pool) leaves the last good index on disk, and still answers from memory', async () => {
    const engine = await SearchEngine.open(store);
    const before = manifest();
    const segmentsBefore = named();
    let armed = true;
    await engine.reindex((p) => {
      // in the middle of the segment's write: the next chunk fails
      if (armed && p.phase === 'write' && p.done > 0) {
        armed = false;
        faults.failNextWrite = 'ENOSPC';
      }
    });
    expect(faults.writeFailures, 'the fault was hit').toBe(1);
    // The manifest and the segments it names are the previous ones, untouched; no temp file.
    expect(manifest()).toBe(before);
    expect(named()).toEqual(segmentsBefore);
    expect(temps()).toEqual([]);
    // The engine serves the rebuilt index from memory meanwhile.
    expect(hitIds(engine, '行政许可')).toEqual(truth(store, ['行政许可']));
    engine.close();
    await expectWholeIndexOnDisk();
  });

  it('a job superseded while its manifest is fsync\'d does not rename its older manifest over the newer one', async () => {
    const engine = await SearchEngine.open(store);
    const held = new Promise<void>((resolve) => (faults.onHeld = resolve));
    faults.holdFsyncOf = /manifest\.json\.\d+\.[0-9a-f]{8}\.tmp$/;
    // Job A writes its segment, swaps it in, and waits on its manifest's fsync.
    const a = engine.reindex();
    await held;
    const aTemp = faults.held!.path;
    expect(readdirSync(indexDir())).toContain(aTemp.split('/').at(-1));
    // Job B supersedes it, writes its own segment and manifest, and deletes A's segment (no longer named).
    await engine.reindex();
    const afterB = manifest();
    // A's fsync returns now: its check before the rename sees it was superseded.
    faults.held!.release();
    await a;
    expect(manifest()).toBe(afterB);
    expect(temps()).toEqual([]);
    expect(hitIds(engine, '许可')).toEqual(truth(store, ['许可']));
    engine.close();
    await expectWholeIndexOnDisk();
  });
});
