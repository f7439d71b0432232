// Session 25: a 项 written without its 条 or 款 (第（三）项, 第二项至第五项) and 该条第二款 / 同条第二款 / 该条第（三）项. A bare
// 项 is of the article cited before it (in the sentence, or in the line when that one named a 项 too), of its list's lead-in
// 违反本条例第X条规定, or of the article it stands in (its own list, or the article's only list); never a guess between them.
// Real texts: the held-out fixture's laws (侵犯公民个人信息 解释 第五条, 枣庄市饮用水水源保护条例 第四十一条, 市场主体登记管理条例实施细则
// 第四十六条, 利用互联网…淫秽电子信息 解释（二） 第一条, 北京市物业管理条例 第九十二条, 行政处罚法 第三十三条 and 第五十七条).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectCitations } from '../../../electron/core/records/citation-detect';
import { LibraryTargetResolver } from '../../../electron/core/links/link-resolver';
import { computeEntry } from '../../../electron/core/links/link-graph';
import type { LibraryStore } from '../../../electron/core/library/library-store';
import { ROOT, lawIdOf, makeLinkLibrary, type LinkLibrary } from './links-test-support';

let lib: LinkLibrary;
beforeAll(async () => {
  lib = await makeLinkLibrary([join(ROOT, 'test/fixtures/links/heldout/laws')]);
}, 120_000);
afterAll(() => lib?.cleanup());

/** The latest version of a law the fixture holds and one article's whole text in it. */
function article(store: LibraryStore, title: string, number: number) {
  const lawId = lawIdOf(store, title);
  const versionId = store.law(lawId)!.versionIds.at(-1)!;
  const unit = store.readUnits(versionId).find((u) => u.kind === 'article' && u.number === number && u.suffix === 0)!;
  return { lawId, versionId, text: unit.text, date: store.version(versionId)!.effective ?? '' };
}

/** The edges the link graph reads in an article's whole text: [written, article linked, its parts]. */
function graphRead(title: string, number: number) {
  const a = article(lib.store, title, number);
  const d = detectCitations(lib.store, a.text, a.date, a.lawId, new LibraryTargetResolver(lib.store), { article: { number, suffix: 0, versionId: a.versionId } });
  return d.mentions.filter((m) => /项$/.test(m.text)).map((m) => [m.text, m.target?.lawId === a.lawId ? m.target.articleKey : m.target?.lawId, m.target?.parts ?? [], m.target?.partMissing ?? false]);
}

describe('a 项 written without its 条 or 款', () => {
  it('an item naming items before it in its own list is of its own article, under a lead-in that only defines a term by another law', () => {
    // 应当认定为刑法第二百五十三条之一规定的“情节严重”：…（五）…第三项、第四项规定以外的…（六）数量未达到第三项至第五项规定标准
    const edges = graphRead('侵犯公民个人信息刑事案件', 5);
    expect(edges[0]).toEqual(['第三项、第四项', '5', [{ paragraph: 1, item: 3 }, { paragraph: 1, item: 4 }], false]);
    expect(edges[1]).toEqual(['第三项至第五项', '5', [3, 4, 5].map((item) => ({ paragraph: 1, item })), false]);
  });

  it('the items of a list whose lead-in reads 违反本条例第十六条有关规定 are that article’s, as the link graph builds them', () => {
    const edges = graphRead('枣庄市饮用水水源保护条例', 41);
    expect(edges).toEqual([
      ['第二项', '16', [{ item: 2 }], false],
      ['第七项', '16', [{ item: 7 }], false],
      ['第八项', '16', [{ item: 8 }], false],
    ]);
    const a = article(lib.store, '枣庄市饮用水水源保护条例', 41);
    const entry = computeEntry(lib.store, new LibraryTargetResolver(lib.store), a.versionId);
    expect(entry.edges.filter((x) => x[0] === '41' && x[3] === '16').map((x) => x[7])).toContainEqual([[0, 2]]);
  });

  it('a 款 with no list of its own names the items of the article’s only list', () => {
    expect(graphRead('市场主体登记管理条例实施细则', 46)).toEqual([
      ['第二项、第三项', '46', [{ paragraph: 1, item: 2 }, { paragraph: 1, item: 3 }], false],
      ['第三项', '46', [{ paragraph: 1, item: 3 }], false],
    ]);
  });

  it('an item under a lead-in citing another article some other way is left unlinked', () => {
    // 依照刑法第三百六十三条第一款的规定，以…定罪处罚：…（七）数量或者数额虽未达到第（一）项至第（六）项规定标准
    expect(graphRead('传播淫秽电子信息刑事案件具体应用法律若干问题的解释（二）', 1).filter((e) => e[0] === '第（一）项至第（六）项')).toEqual([]);
  });

  it('after an article that named a 项, across a ；: 违反第六十五条第（一）项至第（六）项规定…；违反第（七）项规定', () => {
    const edges = graphRead('北京市物业管理条例', 92);
    expect(edges.slice(1)).toEqual([
      ['第（七）项', '65', [{ item: 7 }], false],
      ['第（八）项', '65', [{ item: 8 }], false],
    ]);
  });

  it('in a record: of the article cited before it in the sentence; with none, nothing', () => {
    const r = detectCitations(lib.store, '依据《中华人民共和国行政处罚法》第五十七条第一款的规定，调查终结后，有第（二）项情形的，不予行政处罚。', '2025-10-15');
    expect(r.citations.map((c) => [c.label, c.paragraph, c.item])).toEqual([
      ['第五十七条', 1, undefined],
      ['第五十七条', 1, 2],
    ]);
    expect(detectCitations(lib.store, '有第（二）项情形的，应当在五个工作日内报送备案。', '2025-10-20').mentions).toEqual([]);
    // a sentence later, with no 项 named before: which article's list is not said
    expect(detectCitations(lib.store, '依据《中华人民共和国行政处罚法》第五十七条的规定。有第（二）项情形的，不予处罚。', '2025-10-15').citations).toHaveLength(1);
  });
});

describe('该条第二款 / 同条第二款 / 该条第（三）项', () => {
  it('is a part of the article cited last, in the same sentence or the next', () => {
    const r = detectCitations(lib.store, '《中华人民共和国行政处罚法》第三十三条第一款规定了不予处罚的情形。该条第二款规定当事人有证据足以证明没有主观过错的，不予行政处罚。', '2025-10-09');
    expect(r.citations.map((c) => [c.label, c.paragraph])).toEqual([
      ['第三十三条', 1],
      ['第三十三条', 2],
    ]);
    const same = detectCitations(lib.store, '《中华人民共和国行政处罚法》第五十七条第一款规定，同条第（二）项规定的，不予行政处罚。', '2025-10-09');
    expect(same.citations.map((c) => [c.label, c.paragraph, c.item])).toEqual([
      ['第五十七条', 1, undefined],
      ['第五十七条', undefined, 2],
    ]);
  });

  it('after the draft’s own article, links nothing; 该条例 and 各该条 are no 该条', () => {
    const d = detectCitations(lib.store, '草案第八条规定的“先行登记保存”，该条第二款未明确保存期限。', '2025-10-14');
    expect(d.mentions.map((m) => [m.text, m.status])).toEqual([['第八条', 'unresolved']]);
    const list = detectCitations(lib.store, '违反《中华人民共和国行政处罚法》第三十三条、第五十七条规定的，分别依照各该条第二款处理。', '2025-10-09');
    expect(list.citations.map((c) => c.label)).toEqual(['第三十三条', '第五十七条']);
  });
});
