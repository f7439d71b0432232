// A law cited before the library holds it: importing it later must link every earlier citation of it, whatever path the
// citation took — a 《title》, 本省…条例第X条 (the place completed), a bare name the library lacks, an order's number (the
// 文号 set later in 编辑元数据) — so the graph updated piece by piece is, edge for edge, the graph rebuilt from nothing.
// Real laws copied from the corpus (test/fixtures/links/citing-law-place); the citing articles are rewritten in the test
// (the corpus has no law writing these forms), as citing-law-place.test.ts does.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateVersionMeta } from '../../../electron/core/library/library-edit';
import { importPaths } from '../../../electron/core/library/library-import';
import type { LibraryStore } from '../../../electron/core/library/library-store';
import { openLibrary } from '../../../electron/core/library/open-library';
import { readLinkGraph, refreshLinks, type LinkGraphData } from '../../../electron/core/links/link-graph';
import type { LawVersion } from '../../../electron/shared/law-model';
import { rewriteVersions } from '../version-rewrite';
import { ROOT } from '../records/records-test-support';

const SOURCE = join(ROOT, 'test/fixtures/links/citing-law-place');
const manifest = readFileSync(join(SOURCE, 'manifest.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { path: string; title: string });
const dirs: string[] = [];
let store: LibraryStore;

/** A folder holding the named laws of the fixture and their manifest rows, as an office's download would. */
function folderOf(titles: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'lawdesk-later-'));
  dirs.push(dir);
  const rows = manifest.filter((r) => titles.includes(r.title));
  for (const r of rows) copyFileSync(join(SOURCE, r.path), join(dir, r.path));
  writeFileSync(join(dir, 'manifest.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return dir;
}

const law = (title: string) => store.laws().find((l) => l.title === title)!;

async function addToArticle(title: string, key: string, sentence: string): Promise<void> {
  await rewriteVersions(store, [law(title).versionIds[0]!], (body: LawVersion) => ({
    ...body,
    units: body.units.map((u) =>
      u.key === key ? { ...u, text: u.text + sentence, paragraphs: u.paragraphs.map((p, i) => (i === u.paragraphs.length - 1 ? { ...p, text: p.text + sentence } : p)) } : u,
    ),
  }));
}

/** Every edge of the graph as `citing law / article → cited law article`, and each entry's unresolved count, sorted. */
function edgesOf(g: LinkGraphData): string[] {
  const title = (id: string) => store.law(id)?.title ?? id;
  return Object.values(g.entries)
    .flatMap((e) => [...e.edges.map((x) => `${title(e.lawId)} ${x[0]} → ${title(x[1])} ${x[3]} @${x[5]}`), `${title(e.lawId)} unresolved ${e.unresolved}`])
    .sort();
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lawdesk-later-lib-'));
  dirs.push(dir);
  ({ store } = await openLibrary({ dir, seed: false, now: () => new Date('2026-03-01T02:00:00Z') }));
  const first = await importPaths(store, [folderOf(['淄博市林木保护管理规定', '广东省科学技术普及条例'])]);
  expect(first.failed).toEqual([]);
  await addToArticle('淄博市林木保护管理规定', '4', '依照本省优化营商环境条例第十条、第二十条和本市物业管理条例第二十条的规定做好服务；具体程序依照省人民政府令第311号第五条执行。');
  await addToArticle('广东省科学技术普及条例', '3', '依照本省优化营商环境条例第二十条和淄博市物业管理条例第二条的规定做好服务。');
}, 60_000);
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('a law imported after the laws citing it', () => {
  it('links every earlier citation of it, as a rebuild does, edge for edge', async () => {
    await refreshLinks(store);
    const before = edgesOf(readLinkGraph(store)!);
    // nothing cited is held yet: the citing articles link nothing
    expect(before.filter((e) => / [34] → /.test(e) && !e.includes('林木保护管理规定 4 → 淄博市林木保护管理规定') && !e.includes('科学技术普及条例 3 → 广东省科学技术普及条例'))).toEqual([]);

    const second = await importPaths(store, [folderOf(['山东省优化营商环境条例', '淄博市物业管理条例', '广东省优化营商环境条例'])]);
    expect(second.failed).toEqual([]);
    await refreshLinks(store);
    const updated = edgesOf(readLinkGraph(store)!);
    await refreshLinks(store, { full: true });
    const rebuilt = edgesOf(readLinkGraph(store)!);
    expect(updated).toEqual(rebuilt);
    // what the rebuild links: 本省 / 本市 completed with the citing law's place, a bare name by its title
    const cited = (from: string) => rebuilt.filter((e) => e.startsWith(from) && /营商环境条例|物业管理条例/.test(e.split(' → ')[1] ?? '')).map((e) => e.split(' → ')[1]!.replace(/ @\d+$/, ''));
    expect(cited('淄博市林木保护管理规定 4 ')).toEqual(['山东省优化营商环境条例 10', '山东省优化营商环境条例 20', '淄博市物业管理条例 20']);
    expect(cited('广东省科学技术普及条例 3 ')).toEqual(['广东省优化营商环境条例 20', '淄博市物业管理条例 2']);
  });

  it('an order cited before any version carried its 文号 links once the number is set', async () => {
    await refreshLinks(store);
    const orderEdge = (es: string[]) => es.filter((e) => e.startsWith('淄博市林木保护管理规定 4 → 山东省优化营商环境条例 5 '));
    expect(orderEdge(edgesOf(readLinkGraph(store)!))).toEqual([]);
    await updateVersionMeta(store, law('山东省优化营商环境条例').versionIds[0]!, { docNumber: '山东省人民政府令第311号' });
    const report = await refreshLinks(store);
    expect(report.recomputed).toBeGreaterThan(0);
    const updated = edgesOf(readLinkGraph(store)!);
    expect(orderEdge(updated)).toHaveLength(1);
    await refreshLinks(store, { full: true });
    expect(updated).toEqual(edgesOf(readLinkGraph(store)!));
  });
});
