// 修订前的刑法第五十九条 (the text a revision replaced), a bracketed 文号 written instead of a title (法释〔2025〕1号第三条)
// and a shortened name before an article listed among the laws a text names (缔约程序法第十四条). Real texts copied from
// ../shared/corpus (test/fixtures/links/prior-numbers: 科学技术普及法 2002 and 2024, 最高人民法院关于适用刑法时间效力规定若干问题的
// 解释, 婚姻家庭编的解释（二）, 缔结条约程序法) and 刑法 (2020) of test/fixtures/links/laws; the sentences are the held-out set
// s20's (U011, O010, U028) and an office's.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLinkGraph, refreshLinks } from '../../../electron/core/links/link-graph';
import { linksOut } from '../../../electron/core/links/link-queries';
import { LibraryTargetResolver } from '../../../electron/core/links/link-resolver';
import { detectCitations } from '../../../electron/core/records/citation-detect';
import { LINK_LAWS, ROOT, lawIdOf, makeLinkLibrary, type LinkLibrary } from './links-test-support';

let lib: LinkLibrary;
beforeAll(async () => {
  lib = await makeLinkLibrary([join(ROOT, 'test/fixtures/links/prior-numbers'), join(LINK_LAWS, '刑法/刑法.md')]);
  await refreshLinks(lib.store);
}, 60_000);
afterAll(() => lib?.cleanup());

const graphRead = (text: string, date: string) => detectCitations(lib.store, text, date, undefined, new LibraryTargetResolver(lib.store)).mentions;
const recordRead = (text: string, date: string) => detectCitations(lib.store, text, date, undefined, undefined, { wholeLaws: true });
const versionYear = (versionId: string | undefined) => lib.store.version(versionId ?? '')?.published?.slice(0, 4);

describe('修订前的 / 修正前 / 修改前的 before a law: the version the revision replaced', () => {
  it('a held older version is linked, not the one in force', () => {
    const [m] = graphRead('依照修订前的科学技术普及法第二十条的规定处理。', '2025-03-01');
    expect([m?.label, versionYear(m?.target?.versionId), m?.target?.approx]).toEqual(['第二十条', '2002', undefined]);
    // the same words without 修订前的 are the version in force
    const [now] = graphRead('依照科学技术普及法第二十条的规定处理。', '2025-03-01');
    expect(versionYear(now?.target?.versionId)).toBe('2024');
    // 修正前《…》 in 书名号, and a 款 after the article, in a record's text
    const r = recordRead('适用修正前《中华人民共和国科学技术普及法》第二十条第一款的规定。', '2025-03-01');
    expect(r.mentions.map((x) => [x.label, versionYear(x.citation?.versionId)])).toEqual([['第二十条', '2002']]);
  });

  it('none older held (修订前的刑法 in 1997, the library holding only a later 刑法): no link, and the reason says so — never the oldest instead', () => {
    const text = '犯罪分子1997年9月30日以前犯罪，不具有法定减轻处罚情节，但是根据案件的具体情况需要在法定刑以下判处刑罚的，适用修订前的刑法第五十九条第二款的规定。';
    const ms = graphRead(text, '1997-10-01');
    expect(ms.map((m) => [m.label, m.status, m.target])).toEqual([['第五十九条', 'unresolved', undefined]]);
    expect(ms[0]!.reason).toContain('修订前的《刑法》早于资料库中的版本');
    // a list after it is the same old text: 第五十九条、第六十条
    expect(graphRead('适用修订前的刑法第五十九条、第六十条的规定', '1997-10-01').map((m) => m.status)).toEqual(['unresolved', 'unresolved']);
    // 修改前条例 / 当前 are no 修订前 of a law; 刑法 in force later still links its oldest version, marked
    const [approx] = graphRead('适用刑法第五十九条的规定', '1997-10-01');
    expect([versionYear(approx?.target?.versionId), approx?.target?.approx]).toEqual(['2023', true]);
  });

  it('in the link graph of the 1997 interpretation: its 修订前的刑法 articles have no edge, its 刑法第六十八条 has', () => {
    const store = lib.store;
    const g = readLinkGraph(store)!;
    const vid = store.law(lawIdOf(store, '关于适用刑法时间效力规定'))!.versionIds[0]!;
    // 第一条 and 第二条 cite only 修订前的刑法第七十七条 / 第五十九条第二款 (the 1979 code, not held)
    expect(linksOut(store, g, vid, '1')).toEqual([]);
    expect(linksOut(store, g, vid, '2')).toEqual([]);
    // 第五条: 刑法第六十八条 is the code of 1997 — its oldest version held, marked approx
    expect(linksOut(store, g, vid, '5').map((r) => [r.to.label, r.approx])).toEqual([['第六十八条', true]]);
  });
});

describe('a bracketed 文号 the library’s headers carry names its version', () => {
  it('法释〔2025〕1号第三条 is 婚姻家庭编的解释（二） 第三条; a number no header carries is reported, not guessed', () => {
    const [m] = graphRead('法释〔2025〕1号第三条规定，夫妻一方的债权人有证据证明离婚协议中财产分割条款影响其债权实现的，可以请求撤销该条款。', '2025-03-01');
    expect(m?.target && [lib.store.law(m.target.lawId)?.title, m.target.articleKey]).toEqual(['最高人民法院关于适用《中华人民共和国民法典》婚姻家庭编的解释（二）', '3']);
    // (the words before the number are no part of it; the brackets may be ［］ and 第 may stand before the number)
    expect(graphRead('依照最高人民法院法释［2025］第1号第五条', '2025-03-01').map((x) => x.target?.articleKey)).toEqual(['5']);
    const [unknown] = graphRead('依照法释〔2020〕19号第二十二条的规定', '2025-03-01');
    expect([unknown?.status, unknown?.reason]).toEqual(['unresolved', '“〔2020〕19号”是文件的文号，不是资料库中的法规']);
    // after a title the number is its note: the title is the law
    const [noted] = graphRead('《缔结条约程序法》（法释〔2025〕1号）第十四条', '2025-03-01');
    expect(noted?.target && lib.store.law(noted.target.lawId)?.title).toBe('中华人民共和国缔结条约程序法');
  });
});

describe('a shortened name read before an article is among the laws the text names', () => {
  it('缔约程序法第十四条: the article and the law', () => {
    const d = recordRead('根据缔约程序法第十四条的规定保存条约签字正本的，国务院有关部门应当自条约签署之日起90日内将条约签字正本送外交部保存。', '2023-01-01');
    expect(d.mentions.map((m) => [m.label, m.citation && lib.store.law(m.citation.lawId)?.title])).toEqual([['第十四条', '中华人民共和国缔结条约程序法']]);
    expect(d.laws.map((l) => [l.text, l.lawId && lib.store.law(l.lawId)?.title])).toEqual([['缔约程序法', '中华人民共和国缔结条约程序法']]);
  });
});
