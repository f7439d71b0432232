// A real library in a temp folder, built from the committed fixture laws (test/fixtures/search/laws).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openLibrary } from '../../../electron/core/library/open-library';
import { importPaths } from '../../../electron/core/library/library-import';
import { afterAll, beforeAll } from 'vitest';
import type { LibraryStore } from '../../../electron/core/library/library-store';
import { SearchEngine } from '../../../electron/core/search/search-engine';
import type { SegmentVersionInput } from '../../../electron/core/search/segment';

export const FIXTURE_LAWS = resolve(import.meta.dirname, '../../fixtures/search/laws');

export async function fixtureLibrary(paths: string[] = [FIXTURE_LAWS]): Promise<{ store: LibraryStore; dir: string; cleanup: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'lawdesk-search-'));
  const { store } = await openLibrary({ dir, seed: false });
  const report = await importPaths(store, paths);
  if (report.failed.length) throw new Error(`fixture import failed: ${JSON.stringify(report.failed)}`);
  return { store, dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every version of the library as the index build takes it (the segment tests build from these). */
export function segmentInputs(store: LibraryStore): SegmentVersionInput[] {
  return store.versions().map((meta) => ({
    id: meta.id,
    file: meta.id,
    docs: store.loadVersion(meta.id).units.map((u) => ({ text: u.text, key: u.key, label: u.label, path: u.path, kind: u.kind, number: u.number, suffix: u.suffix })),
  }));
}

/** Substring truth: every article containing every term and none of the excluded ones. */
export function truth(store: LibraryStore, terms: string[], excludes: string[] = []): Set<string> {
  const out = new Set<string>();
  for (const meta of store.versions()) {
    for (const u of store.loadVersion(meta.id).units) {
      if (terms.every((t) => u.text.includes(t)) && !excludes.some((t) => u.text.includes(t))) out.add(`${meta.id}#${u.key}`);
    }
  }
  return out;
}

/**
 * Registers beforeAll/afterAll that open the fixture library and its engine for the enclosing
 * describe block; read `store` and `engine` inside tests (they are set once beforeAll has run).
 */
export function useFixtureEngine(): { readonly store: LibraryStore; readonly engine: SearchEngine } {
  const ctx = {} as { store: LibraryStore; engine: SearchEngine; cleanup?: () => void };
  beforeAll(async () => {
    const lib = await fixtureLibrary();
    ctx.store = lib.store;
    ctx.cleanup = lib.cleanup;
    ctx.engine = await SearchEngine.open(lib.store);
  });
  afterAll(() => {
    ctx.engine?.close();
    ctx.cleanup?.();
  });
  return ctx;
}

/**
 * For the segment tests: registers beforeAll/afterAll that open the fixture library, take its
 * versions as the index build does, and make a scratch folder (`dir`) removed afterwards.
 */
export function useSegmentFixture(scratchPrefix: string): { readonly store: LibraryStore; readonly libDir: string; readonly inputs: SegmentVersionInput[]; readonly texts: string[]; readonly dir: string } {
  const ctx = { dir: mkdtempSync(join(tmpdir(), scratchPrefix)) } as { store: LibraryStore; libDir: string; inputs: SegmentVersionInput[]; texts: string[]; dir: string; cleanup?: () => void };
  beforeAll(async () => {
    const lib = await fixtureLibrary();
    ctx.store = lib.store;
    ctx.libDir = lib.dir;
    ctx.cleanup = lib.cleanup;
    ctx.inputs = segmentInputs(lib.store);
    ctx.texts = ctx.inputs.flatMap((v) => v.docs.map((d) => d.text));
  });
  afterAll(() => {
    ctx.cleanup?.();
    rmSync(ctx.dir, { recursive: true, force: true });
  });
  return ctx;
}
