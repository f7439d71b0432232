// A library built from the real laws in test/fixtures/links/laws (no manifest: dates and levels
// come from the texts themselves): 刑法, 集会游行示威法 with its 实施条例 and the 北京/重庆 实施办法,
// 税收征收管理法 with its 实施细则, 个人信息保护法, 行政诉讼法, 文物保护法 (2017), 全国人民代表大会议事规则,
// three 司法解释 and 中国人民解放军实施《执业医师法》办法.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importPaths, type ImportReport } from '../../../electron/core/library/library-import';
import { openLibrary } from '../../../electron/core/library/open-library';
import type { LibraryStore } from '../../../electron/core/library/library-store';
import { readLinkGraph, refreshLinks, type LinkGraphData } from '../../../electron/core/links/link-graph';
import { afterAll, beforeAll } from 'vitest';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const LINK_LAWS = join(ROOT, 'test/fixtures/links/laws');

export interface LinkLibrary {
  dir: string;
  store: LibraryStore;
  report: ImportReport;
  cleanup(): void;
}

export async function makeLinkLibrary(paths: string[] = [LINK_LAWS]): Promise<LinkLibrary> {
  const dir = mkdtempSync(join(tmpdir(), 'lawdesk-links-'));
  const { store } = await openLibrary({ dir, seed: false, now: () => new Date('2025-01-01T02:00:00Z') });
  const report = await importPaths(store, paths);
  if (report.failed.length) throw new Error(`fixture import failed: ${JSON.stringify(report.failed)}`);
  return { dir, store, report, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The id of the law titled `part`, else of the one law whose title contains it. */
export function lawIdOf(store: LibraryStore, part: string): string {
  const exact = store.laws().filter((l) => l.title === part);
  const found = exact.length ? exact : store.laws().filter((l) => l.title.includes(part));
  if (found.length !== 1) throw new Error(`${found.length} laws match ${part}: ${found.map((l) => l.title).join(', ')}`);
  return found[0]!.id;
}

/**
 * For a test file: the fixture library with its link graph built (beforeAll) and removed (afterAll).
 * `lib()` is the library, `graph()` the stored graph as it is now.
 */
export function useLinkLibrary(): { lib: () => LinkLibrary; graph: () => LinkGraphData } {
  let lib: LinkLibrary | undefined;
  beforeAll(async () => {
    lib = await makeLinkLibrary();
    await refreshLinks(lib.store);
  }, 60_000);
  afterAll(() => lib?.cleanup());
  return { lib: () => lib!, graph: () => readLinkGraph(lib!.store)! };
}
