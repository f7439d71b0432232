// Exporting, checking and importing a bundle read the originals/ folder a fixed number of times,
// not once per law: a listing per law made 16,000 tiny laws quadratic (issue 19; the time itself
// is shown by test/bench/bundle-bench.ts). Counted on real libraries of 8 and 32 laws: the number
// of listings is the same for both. Also: an original added by another process is still found.
import * as fs from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const listings = new Map<string, number>();
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const readdirSync = ((p: fs.PathLike, o?: unknown) => {
    if (String(p).endsWith('originals')) listings.set(String(p), (listings.get(String(p)) ?? 0) + 1);
    return (real.readdirSync as (p: fs.PathLike, o?: unknown) => unknown)(p, o);
  }) as typeof real.readdirSync;
  return { ...real, default: { ...real, readdirSync }, readdirSync };
});

const { exportBundle } = await import('../../../electron/core/bundles/bundle-export');
const { importBundle } = await import('../../../electron/core/bundles/bundle-import');
const { checkLibrary } = await import('../../../electron/core/library/library-check');
const { importPaths } = await import('../../../electron/core/library/library-import');
const { openLibrary } = await import('../../../electron/core/library/open-library');
const { tmp } = await import('./bundle-helpers');

const root = tmp('lawdesk-bundle-linear-');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** Listings of originals/ made by exporting, checking and importing a bundle of n tiny laws. */
async function listingsFor(n: number): Promise<{ export: number; check: number; import: number }> {
  const src = join(root, `src-${n}`);
  fs.mkdirSync(src);
  for (let i = 0; i < n; i++) fs.writeFileSync(join(src, `${i}.txt`), `某县第${i}号管理办法\n\n第一条 为了规范第${i}项管理，制定本办法。\n第二条 本办法自发布之日起施行。\n`);
  const { store } = await openLibrary({ dir: join(root, `lib-${n}`), seed: false });
  expect((await importPaths(store, [src])).imported).toBe(n);
  const count = () => [...listings.values()].reduce((a, b) => a + b, 0);
  listings.clear();
  await exportBundle(store, { records: false, out: join(root, `${n}.lawdesk`) });
  const exp = count();
  listings.clear();
  expect(checkLibrary(store)).toEqual([]);
  const check = count();
  listings.clear();
  const { store: into } = await openLibrary({ dir: join(root, `into-${n}`), seed: false });
  expect((await importBundle(into, join(root, `${n}.lawdesk`))).summary.laws.new).toBe(n);
  expect(checkLibrary(into)).toEqual([]);
  return { export: exp, check, import: count() };
}

describe('bundle export, check and import are linear in the laws', () => {
  it('list originals/ as often for 32 laws as for 8', async () => {
    const small = await listingsFor(8);
    const large = await listingsFor(32);
    expect(large).toEqual(small);
    expect(large.export).toBeLessThanOrEqual(2);
  }, 120_000);

  it('finds an original another process added after the folder was listed, and not one it removed', async () => {
    const { store } = await openLibrary({ dir: join(root, 'lib-8'), seed: false });
    const v = store.versions()[0]!;
    const path = store.originalPath(v)!;
    expect(fs.existsSync(path)).toBe(true);
    const bytes = fs.readFileSync(path);
    fs.unlinkSync(path); // as another process's prune would
    expect(store.originalPath(v)).toBeUndefined();
    fs.writeFileSync(path, bytes); // and back, as another import would
    expect(store.originalPath(v)).toBe(path);
  }, 60_000);
});
