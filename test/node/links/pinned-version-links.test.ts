// 法条联想 stays anchored to the version a law's text names: 统计法实施条例 第十五条 rewritten (as a later
// amendment would word it) to cite 《中华人民共和国统计法》（2009年修订）第十七条 and dated after the 2024
// 统计法 took effect. 2009 第十七条 is 2024 第十九条 (2024 第十七条 is another article), so a link
// to “第十七条 of the version in force” would point at the wrong text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLinkGraph, refreshLinks } from '../../../electron/core/links/link-graph';
import { linksIn, linksOut } from '../../../electron/core/links/link-queries';
import type { LawVersion } from '../../../electron/shared/law-model';
import { rewriteVersions } from '../version-rewrite';
import { lawIdOf, makeLinkLibrary, type LinkLibrary } from './links-test-support';

let lib: LinkLibrary;
const tongji = () => lawIdOf(lib.store, '中华人民共和国统计法');
const tiaoli = () => lawIdOf(lib.store, '统计法实施条例');
const graph = () => readLinkGraph(lib.store)!;

let original: LawVersion['units'][number] | undefined;
/** 第十五条 as the corpus has it, with its 统计法第十七条第二款 written as `written`. */
async function citeAs(written: string) {
  const id = lib.store.law(tiaoli())!.versionIds[0]!;
  original ??= lib.store.loadVersion(id).units.find((u) => u.key === '15')!;
  const o = original;
  await rewriteVersions(lib.store, [id], (body) => ({
    ...body,
    published: '2025-06-01',
    effective: '2025-07-01',
    units: body.units.map((u) => (u.key === '15' ? { ...o, text: o.text.replace('统计法第十七条第二款', written), paragraphs: o.paragraphs.map((p) => ({ ...p, text: p.text.replace('统计法第十七条第二款', written) })) } : u)),
  }));
  await refreshLinks(lib.store);
}

beforeAll(async () => {
  lib = await makeLinkLibrary();
}, 60_000);
afterAll(() => lib.cleanup());

describe('a version written in the citing text', () => {
  it('（2009年修订）第十七条 links the 2009 article, listed under 2024 第十九条 and not under 2024 第十七条', async () => {
    await citeAs('《中华人民共和国统计法》（2009年修订）第十七条第二款');
    const out = linksOut(lib.store, graph(), lib.store.law(tiaoli())!.versionIds[0]!, '15');
    expect(out.map((r) => r.to.versionId)).toEqual([`${tongji()}@2009-06-27`]);
    expect(linksIn(lib.store, graph(), tongji(), '19').map((r) => `${r.from.label} → ${r.to.label}@${r.to.versionId.slice(-10)}`)).toEqual(['第十五条 → 第十七条@2009-06-27']);
    expect(linksIn(lib.store, graph(), tongji(), '17').map((r) => r.from.label)).not.toContain('第十五条');
  });

  it('without the version, the same 2025 text links the article of that number in force (2024 第十七条)', async () => {
    await citeAs('《中华人民共和国统计法》第十七条第二款');
    const out = linksOut(lib.store, graph(), lib.store.law(tiaoli())!.versionIds[0]!, '15');
    expect(out.map((r) => `${r.to.label}@${r.to.versionId.slice(-10)}`)).toEqual(['第十七条@2024-09-13']);
  });

  it('a version the library lacks (（2017年修正）) links nothing and is counted unresolved', async () => {
    await citeAs('《中华人民共和国统计法》（2017年修正）第十七条第二款');
    const out = linksOut(lib.store, graph(), lib.store.law(tiaoli())!.versionIds[0]!, '15');
    expect(out).toEqual([]);
    const entry = graph().entries[lib.store.law(tiaoli())!.versionIds[0]!]!;
    expect(entry.unresolved).toBeGreaterThan(0);
  });
});
