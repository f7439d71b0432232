// Session 24: a 款 of the article a law's text stands in — 前款, 前两款, 前款第三项, 本款第（一）项 and a bare 第二款 — is an
// edge to that article with the 款 written, as 本条第二款 was (session 19); a 款 joined to the one just written
// (第十九条第三款和第四款) is of that article. Real texts: the held-out fixture's laws (航道法 2016 第三十九条 of three 款,
// 票据法 2004 第二十五条, 商标法 2019 第六十八条, 最高人民法院关于适用《刑事诉讼法》的解释 第一百九十二条) and 刑法修正案（四）.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectCitations } from '../../../electron/core/records/citation-detect';
import { LibraryTargetResolver } from '../../../electron/core/links/link-resolver';
import { computeEntry } from '../../../electron/core/links/link-graph';
import type { LibraryStore } from '../../../electron/core/library/library-store';
import { LINK_LAWS, ROOT, lawIdOf, makeLinkLibrary, type LinkLibrary } from './links-test-support';

let lib: LinkLibrary;
let amendments: LinkLibrary;
beforeAll(async () => {
  lib = await makeLinkLibrary([join(ROOT, 'test/fixtures/links/heldout/laws')]);
  amendments = await makeLinkLibrary([join(LINK_LAWS, '刑法')]);
}, 120_000);
afterAll(() => {
  lib?.cleanup();
  amendments?.cleanup();
});

/** A version of a law the fixture holds (its latest, or the one published on `published`), and one article's text in it. */
function article(store: LibraryStore, title: string, number: number, published?: string) {
  const lawId = lawIdOf(store, title);
  const ids = store.law(lawId)!.versionIds;
  const versionId = (published ? ids.find((id) => store.version(id)!.published === published) : ids.at(-1))!;
  const unit = store.readUnits(versionId).find((u) => u.kind === 'article' && u.number === number && u.suffix === 0)!;
  return { lawId, versionId, text: unit.text, date: store.version(versionId)!.effective ?? '' };
}

const edgesOf = (d: ReturnType<typeof detectCitations>) => d.mentions.map((m) => [m.text, m.target?.articleKey, m.target?.parts ?? [], m.status]);

describe('a 款 of the article a law’s text stands in', () => {
  it('the link graph: 前两款 in the third 款 of a whole article is its first and second', () => {
    const a = article(lib.store, '航道法', 39);
    const d = detectCitations(lib.store, a.text, a.date, a.lawId, new LibraryTargetResolver(lib.store), { article: { number: 39, suffix: 0, versionId: a.versionId } });
    const own = d.mentions.filter((m) => m.text === '前两款');
    expect(own).toHaveLength(1);
    expect(own[0]!.target).toMatchObject({ lawId: a.lawId, versionId: a.versionId, parts: [{ paragraph: 1 }, { paragraph: 2 }] });
    expect(own[0]!.target!.partMissing).toBeUndefined();
    // and the graph's entry for the version carries the edge, from the article to itself
    const entry = computeEntry(lib.store, new LibraryTargetResolver(lib.store), a.versionId);
    const key = own[0]!.target!.articleKey;
    expect(entry.edges.filter((x) => x[0] === key && x[3] === key).map((x) => x[7])).toContainEqual([
      [1, 0],
      [2, 0],
    ]);
  });

  it('the link graph: 前款 / 前两款 opening a 款 of a whole article are the 款 before it (session 31: they linked nothing)', () => {
    const own = (title: string, number: number, word: string) => {
      const a = article(lib.store, title, number);
      const resolver = new LibraryTargetResolver(lib.store);
      const d = detectCitations(lib.store, a.text, a.date, a.lawId, resolver, { article: { number, suffix: 0, versionId: a.versionId } });
      const edge = computeEntry(lib.store, resolver, a.versionId).edges.filter((x) => x[3] === x[0] && a.text.slice(x[5], x[6]) === word);
      return [d.mentions.filter((m) => m.text === word).map((m) => [m.target?.articleKey, m.target?.parts]), edge.map((x) => x[7])];
    };
    // 第五十三条 …可以一并请求对该规范性文件进行审查。\n前款规定的规范性文件不含规章。
    expect(own('中华人民共和国行政诉讼法', 53, '前款')).toEqual([[['53', [{ paragraph: 1 }]]], [[[1, 0]]]]);
    // 第五十九条, its third 款: 前两款规定的土壤污染状况调查报告…
    expect(own('土壤污染防治法', 59, '前两款')).toEqual([[['59', [{ paragraph: 1 }, { paragraph: 2 }]]], [[[1, 0], [2, 0]]]]);
  });

  it('a sentence cut from a later 款: 前款 is the one before, a bare list of 款 are the article’s own, 前款第三项 keeps its 项', () => {
    const resolver = new LibraryTargetResolver(lib.store);
    const read = (title: string, number: number, paragraph: number, text: string, published?: string) => {
      const a = article(lib.store, title, number, published);
      return edgesOf(detectCitations(lib.store, text, a.date, a.lawId, resolver, { article: { number, suffix: 0, versionId: a.versionId, paragraph } }));
    };
    expect(read('票据法', 25, 2, '前款规定的付款日期为汇票到期日。')).toEqual([['前款', '25', [{ paragraph: 1 }], 'resolved']]);
    expect(read('刑事诉讼法》的解释', 192, 4, '赔偿范围、数额不受第二款、第三款规定的限制。', '2021-01-26')).toEqual([
      ['第二款、第三款', '192', [{ paragraph: 2 }, { paragraph: 3 }], 'resolved'],
    ]);
    // 前款 in the first 款 has none before it (款 printed as one, or a sentence of a later 款 whose place is unknown): no edge
    expect(read('票据法', 25, 1, '依照前款规定办理。')).toEqual([]);
    // 第一款，第二款第一项: a 款 after a comma is of the article just written, its 项 kept
    expect(read('票据法', 25, 2, '违反本法第二十五条第一款，第二款第一项规定的')).toEqual([['第二十五条第一款，第二款第一项', '25', [{ paragraph: 1 }, { paragraph: 2, item: 1 }], 'resolved']]);
    // 款项 (funds), 目前款项, 本款 alone and 第十九条第三款 (read whole, not again as a bare 款) add nothing of their own
    expect(read('票据法', 25, 2, '目前款项尚未支付的，依照本款规定办理。')).toEqual([]);
    // a 款 the article does not have (its 款 printed as one, or another's), and a 款 after a number that lost its 条: no edge
    expect(read('票据法', 25, 2, '违反第九款规定的，依照刑法第二百三十六第三款处罚。')).toEqual([]);
  });

  it('a 款 joined by 和 to the one just written is of the same article, in a law and in a record', () => {
    const a = article(lib.store, '商标法', 68);
    const g = detectCitations(lib.store, '（三）违反本法第四条、第十九条第三款和第四款规定的。', a.date, a.lawId, new LibraryTargetResolver(lib.store), { article: { number: 68, suffix: 0, versionId: a.versionId } });
    expect(edgesOf(g)).toEqual([
      ['第四条', '4', [], 'resolved'],
      ['第十九条第三款和第四款', '19', [{ paragraph: 3 }, { paragraph: 4 }], 'resolved'],
    ]);
    const r = detectCitations(lib.store, '违反《中华人民共和国商标法》第十九条第三款和第四款规定的', '2025-01-01');
    expect(r.citations.map((c) => [c.label, c.paragraph])).toEqual([
      ['第十九条', 3],
      ['第十九条', 4],
    ]);
  });

  it('a bare 款 after an article cited earlier in the same sentence is that article’s, in a record too; not across a sentence', () => {
    const r = detectCitations(lib.store, '违反《中华人民共和国商标法》第十九条第一款规定未办理的，违反第三款规定的，依照本办法处理。', '2025-01-01');
    expect(r.citations.map((c) => [c.label, c.paragraph])).toEqual([
      ['第十九条', 1],
      ['第十九条', 3],
    ]);
    expect(detectCitations(lib.store, '违反《中华人民共和国商标法》第十九条第一款规定。违反第三款规定的，从重处理。', '2025-01-01').citations).toHaveLength(1);
  });

  it('an amendment’s bare 款 are the amended law’s, not its own', () => {
    const lawId = lawIdOf(amendments.store, '刑法修正案（四）');
    const d = detectCitations(amendments.store, '在第一百五十二条中增加一款作为第二款：“单位犯前两款罪的，依照前两款的规定处罚。”', '2002-12-28', lawId, new LibraryTargetResolver(amendments.store), {
      article: { number: 2, suffix: 0 },
    });
    expect(d.mentions.filter((m) => /款$/.test(m.text))).toEqual([]);
  });
});
