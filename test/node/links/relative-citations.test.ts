// Citations that point from where they stand (前条, 前两条, 本条第二款), the law named before (同法), a held name after
// the nouns an office puts before it (国家政府采购法), and an amendment decision's quoted 本规定 whose amended title
// lacks its issuer. Real texts: 政府采购法 (2014), 上海市档案条例 (2017), 最高人民法院关于上海金融法院案件管辖的规定
// and the decision amending it (test/fixtures/links/relative, copied from ../shared/corpus).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linksOut } from '../../../electron/core/links/link-queries';
import { readLinkGraph, refreshLinks } from '../../../electron/core/links/link-graph';
import { LibraryTargetResolver } from '../../../electron/core/links/link-resolver';
import { detectCitations } from '../../../electron/core/records/citation-detect';
import { ROOT, lawIdOf, makeLinkLibrary, type LinkLibrary } from './links-test-support';

let lib: LinkLibrary;
beforeAll(async () => {
  lib = await makeLinkLibrary([join(ROOT, 'test/fixtures/links/relative')]);
  await refreshLinks(lib.store);
}, 60_000);
afterAll(() => lib?.cleanup());

const titleOf = (lawId: string) => lib.store.law(lawId)!.title.replace(/^中华人民共和国/, '');
const versionOf = (title: string) => lib.store.law(lawIdOf(lib.store, title))!.versionIds.at(-1)!;
const out = (title: string, key: string) =>
  linksOut(lib.store, readLinkGraph(lib.store)!, versionOf(title), key).map((r) => `${titleOf(r.to.lawId)} ${r.to.label}`);

describe('前条 and 本条第X款 in a law’s own text (the link graph reads each article as itself)', () => {
  it('an edge carries every 款/项 written of its article: 前条第一项、第二项、第三项 and 本条第一款、第二款 (only the first was carried before session 22)', () => {
    // 上海市档案条例 第四十四条: “有前条第一项、第二项、第三项…”, then in its second 款 “有前条第四项、第五项…”
    const rows = linksOut(lib.store, readLinkGraph(lib.store)!, versionOf('上海市档案条例'), '44');
    expect(rows.map((r) => [r.to.label, r.parts])).toEqual([
      ['第四十三条', [{ item: 1 }, { item: 2 }, { item: 3 }]],
      ['第四十三条', [{ item: 4 }, { item: 5 }]],
    ]);
    const store = lib.store;
    const read = (text: string, number: number) =>
      detectCitations(store, text, '2015-03-01', lawIdOf(store, '政府采购法'), new LibraryTargetResolver(store), { article: { number, suffix: 0, versionId: versionOf('政府采购法') } }).mentions;
    // 第二条 has several 款: both are the article's, each carried
    expect(read('依照本条第一款、第二款的规定', 2).map((m) => [m.target?.articleKey, m.target?.parts, m.target?.partMissing])).toEqual([['2', [{ paragraph: 1 }, { paragraph: 2 }], undefined]]);
    // a bare article carries no parts
    expect(read('依照本法第二条的规定', 3).map((m) => m.target?.parts)).toEqual([undefined]);
  });

  it('前两条 is the two articles before; 前条第一项 / 前条第四项 the article before, in either 款', () => {
    expect(out('政府采购法', '73')).toEqual(['政府采购法 第七十一条', '政府采购法 第七十二条']);
    // 第四十四条: “有前条第一项、第二项、第三项…” and, in its second 款, “有前条第四项、第五项…”
    expect(new Set(out('上海市档案条例', '44'))).toEqual(new Set(['上海市档案条例 第四十三条']));
  });

  it('本条第二款 is the article itself (a 款 it lacks is flagged); 本条 alone, 前款, 前条件 and 修改前条例 are no link', () => {
    const store = lib.store;
    const lawId = lawIdOf(store, '政府采购法');
    const versionId = versionOf('政府采购法');
    const read = (text: string, number = 71) =>
      detectCitations(store, text, '2015-03-01', lawId, new LibraryTargetResolver(store), { article: { number, suffix: 0, versionId } }).mentions;
    const own = read('违反本条第一款规定的，依照本法处罚。');
    expect(own.map((m) => [m.text, m.target?.articleKey, m.target?.partMissing])).toEqual([['本条第一款', '71', undefined]]);
    expect(read('违反本条第九款规定的').map((m) => m.target?.partMissing)).toEqual([true]);
    for (const text of ['本条规定的采购人，依照前款处理。', '具备前条件的，可以参加。', '适用修改前条例的规定。', '当前条件下，从其规定。']) {
      expect(read(text).map((m) => m.text)).toEqual([]);
    }
    // the first article has no article before it: said, never another law's
    const first = read('有前条行为的', 1);
    expect(first.map((m) => [m.status, m.target])).toEqual([['unresolved', undefined]]);
    // without the citing article (an office's text) 前条 is not read at all
    expect(detectCitations(store, '有前条行为的', '2015-03-01', lawId, new LibraryTargetResolver(store)).mentions).toEqual([]);
  });
});

describe('an office’s text: 同法, and a held name after 国家/法律/法规/规章', () => {
  const read = (text: string) =>
    detectCitations(lib.store, text, '2020-06-01', undefined, new LibraryTargetResolver(lib.store)).mentions.map((m) => `${m.target ? titleOf(m.target.lawId) : '✗'} ${m.label}`);

  it('同法第七十三条 is the law just named; 合同法第五十二条 (not held) is no 同法', () => {
    expect(read('依照《中华人民共和国政府采购法》第七十一条、同法第七十三条的规定处理。')).toEqual(['政府采购法 第七十一条', '政府采购法 第七十三条']);
    expect(read('依照《中华人民共和国政府采购法》第七十一条和合同法第五十二条的规定处理。')).toEqual(['政府采购法 第七十一条', '✗ 第五十二条']);
  });

  it('同法 after a one-character verb is the law just named too: 并按同法, 依同法, 执行同法, 遵守同法 (session 27: 并按同法 was unresolved)', () => {
    for (const verb of ['并按', '依', '执行', '遵守', '对照', '援引']) {
      expect(read(`依照《中华人民共和国政府采购法》第七十一条的规定处理，${verb}同法第七十三条的规定追究责任。`)).toEqual(['政府采购法 第七十一条', '政府采购法 第七十三条']);
    }
    // the end of a name stays a name: 劳动合同法 (not held) is not 政府采购法
    expect(read('依照《中华人民共和国政府采购法》第七十一条和劳动合同法第三十条的规定处理。')).toEqual(['政府采购法 第七十一条', '✗ 第三十条']);
  });

  it('依照国家政府采购法第七十一条 names 政府采购法; so do 法律/法规/规章 before it', () => {
    expect(read('依照国家政府采购法第七十一条规定处理。')).toEqual(['政府采购法 第七十一条']);
    expect(read('违反法律法规政府采购法第七十二条的，依法处理。')).toEqual(['政府采购法 第七十二条']);
  });
});

describe('an amendment decision of a 司法解释 whose amended title is written without its issuer', () => {
  it('the quoted new text’s 本规定第一条 is the amended 规定’s article (it had stayed unresolved)', () => {
    const title = '最高人民法院关于修改《关于上海金融法院案件管辖的规定》的决定';
    const rows = linksOut(lib.store, readLinkGraph(lib.store)!, versionOf(title)).map((r) => `${titleOf(r.to.lawId)} ${r.to.label}`);
    expect(rows).toContain('最高人民法院关于上海金融法院案件管辖的规定 第一条');
    // a bare 第X条 outside the quotes numbers the amended text and stays unlinked
    expect(rows.every((r) => !r.startsWith(title))).toBe(true);
  });
});
