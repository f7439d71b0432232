// Session 17: a cited 款/项 is checked against the article's text in the version linked (records and link
// graph), and the link graph links 章/节 (本条例第三章, 海商法第十一章). Real texts: the held-out fixture's
// laws (反垄断法 2007 and 2022 — 第十三条 is the 垄断协议 list of six items in 2007, the 执法机构 article of
// two 款 in 2022 —, 海商法 1992 whole, the 规定 citing its 第十一章).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectCitations } from '../../../electron/core/records/citation-detect';
import { LibraryTargetResolver } from '../../../electron/core/links/link-resolver';
import { EDGE_PART_MISSING, refreshLinks } from '../../../electron/core/links/link-graph';
import { linksOut } from '../../../electron/core/links/link-queries';
import { ROOT, lawIdOf, makeLinkLibrary, type LinkLibrary } from './links-test-support';

let lib: LinkLibrary;
beforeAll(async () => {
  lib = await makeLinkLibrary([join(ROOT, 'test/fixtures/links/heldout/laws')]);
}, 120_000);
afterAll(() => lib?.cleanup());

const graphRead = (text: string, date: string) => detectCitations(lib.store, text, date, undefined, new LibraryTargetResolver(lib.store));

describe('a cited 款 or 项 the article does not have', () => {
  it('records: linked to the whole article with a warning naming what it has', () => {
    const ok = detectCitations(lib.store, '违反《中华人民共和国反垄断法》第十三条第一款第（六）项的规定', '2015-01-01');
    expect(ok.mentions[0]).toMatchObject({ status: 'resolved', label: '第十三条' });
    expect(ok.mentions[0]!.warning).toBeUndefined();
    expect(ok.citations[0]).toMatchObject({ item: 6 });
    const no = detectCitations(lib.store, '违反《中华人民共和国反垄断法》第十三条第一款第（九）项的规定', '2015-01-01');
    expect(no.mentions[0]!.status).toBe('resolved');
    expect(no.mentions[0]!.warning).toMatch(/第十三条第一款只有 6 项，没有第（九）项，已链接到整条/);
  });

  it('link graph: the edge is flagged, in the version in force on the citing date', () => {
    const before = graphRead('依照反垄断法第十三条第一款第一项、第三项的规定', '2015-01-01');
    expect(before.mentions).toHaveLength(1); // the graph links the article once
    expect(before.mentions[0]!.target).toMatchObject({ versionId: expect.stringContaining('2007') });
    expect(before.mentions[0]!.target!.partMissing).toBeUndefined();
    // the old numbering in a text of 2023: 第十三条 is now the 执法机构 article, with no items
    const after = graphRead('依照反垄断法第十三条第一款第一项、第三项的规定', '2023-06-01');
    expect(after.mentions[0]!.target).toMatchObject({ versionId: expect.stringContaining('2022'), partMissing: true });
    expect(after.mentions[0]!.warning).toMatch(/没有分项/);
    // a later part of the list is checked too (第（七）项 after an existing 第（一）项)
    const later = graphRead('依照反垄断法第十三条第一款第（一）、（七）项的规定', '2015-01-01');
    expect(later.mentions).toHaveLength(1);
    expect(later.mentions[0]!.target!.partMissing).toBe(true);
    // a 款 beyond the article's: 2007 第十三条 has two
    expect(graphRead('反垄断法第十三条第二款', '2015-01-01').mentions[0]!.target!.partMissing).toBeUndefined();
    expect(graphRead('反垄断法第十三条第三款', '2015-01-01').mentions[0]!.warning).toMatch(/只有 2 款，没有第三款/);
  });
});

describe('headings in the link graph', () => {
  it('another law’s chapter and the text’s own chapters (a list) are linked by heading key', () => {
    const d = graphRead('船舶所有人依照海商法第十一章的规定主张在同一赔偿限额内限制赔偿责任的', '2021-01-01');
    expect(d.mentions.map((m) => [m.label, m.target?.articleKey])).toEqual([['第十一章', 'h:第十一章']]);
    const self = lawIdOf(lib.store, '上海市制定地方性法规条例');
    const s = detectCitations(lib.store, '按照本条例第二章、第三章和第五章的有关规定执行。', '2020-01-01', self, new LibraryTargetResolver(lib.store));
    expect(s.mentions.map((m) => m.target?.articleKey)).toEqual(['h:第二章', 'h:第三章', 'h:第五章']);
    expect(new Set(s.mentions.map((m) => m.target?.lawId))).toEqual(new Set([self]));
  });

  it('linksOut names the heading and the article it opens at', async () => {
    const { graph } = await refreshLinks(lib.store);
    // 第八条 …经常务委员会会议依照本条例第三章规定的有关程序审议后… (第三章 opens at 第十八条)
    const citing = lawIdOf(lib.store, '上海市制定地方性法规条例');
    const v = lib.store.law(citing)!.versionIds.at(-1)!;
    const rows = linksOut(lib.store, graph, v, '8');
    // and its second 款's 前款 is 第八条's first (an edge to itself, since session 24)
    expect(rows.map((r) => [r.to.articleKey, r.to.label, r.to.firstKey ?? r.parts])).toEqual([
      ['h:第三章', '第三章', '18'],
      ['8', '第八条', [{ paragraph: 1 }]],
    ]);
    // no edge of the whole fixture is flagged by mistake for 海商法 (its 款 and 项 all exist)
    const haishang = lawIdOf(lib.store, '海商法');
    const flagged = Object.values(graph.entries).flatMap((e) => e.edges.filter((x) => x[1] === haishang && x[4] & EDGE_PART_MISSING));
    expect(flagged).toEqual([]);
  });
});
