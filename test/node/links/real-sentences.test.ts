// Citations as reviews, 规范性文件 and opinions write them (issue: real sentences). The sentences are
// from the hand-labelled set (test/fixtures/links/citation-hand-set.jsonl, the corpus and the 2020
// report of the 高青县科学技术局) and the review fixture library (test/fixtures/review/laws: 行政许可法,
// 统计法 2009 and 2024, 重大行政决策程序暂行条例, 优化营商环境条例 and 山东省优化营商环境条例 …).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LibraryTargetResolver } from '../../../electron/core/links/link-resolver';
import { detectCitations } from '../../../electron/core/records/citation-detect';
import { makeReviewLibrary, type ReviewLibrary } from '../review/review-test-support';
import { lawIdOf } from './links-test-support';

let lib: ReviewLibrary;
beforeAll(async () => {
  lib = await makeReviewLibrary();
}, 60_000);
afterAll(() => lib.cleanup());

/** Each mention as "law label@version date", or ✗written(reason). */
function found(text: string, date = '2022-03-01', near?: string): string[] {
  return detectCitations(lib.store, text, date, near, undefined, { wholeLaws: true }).mentions.map((m) =>
    m.citation ? `${lib.store.law(m.citation.lawId)!.title.replace('中华人民共和国', '')} ${m.citation.label}@${m.citation.versionId.split('@')[1]}` : `✗${m.text}（${m.reason}）`,
  );
}
const linked = (text: string, date?: string, near?: string) => found(text, date, near).filter((x) => !x.startsWith('✗'));

describe('article numbers as Word documents and opinions write them', () => {
  it('第 12 条 with spaces, and full-width digits', () => {
    expect(linked('根据《行政许可法》第 12 条规定，下列事项可以设定行政许可')).toEqual(['行政许可法 第十二条@2019-04-23']);
    expect(linked('《行政许可法》第１４条、第 15 条')).toEqual(['行政许可法 第十四条@2019-04-23', '行政许可法 第十五条@2019-04-23']);
  });

  it('第十四、十五条 and 第十四条、十五条和十七条 are lists of articles', () => {
    expect(linked('违反《行政许可法》第十四、十五条的规定')).toEqual(['行政许可法 第十四条@2019-04-23', '行政许可法 第十五条@2019-04-23']);
    expect(linked('依据《行政许可法》第十四条、十五条和十七条，规范性文件不得设定行政许可')).toEqual([
      '行政许可法 第十四条@2019-04-23',
      '行政许可法 第十五条@2019-04-23',
      '行政许可法 第十七条@2019-04-23',
    ]);
    // a 款 of the same article is not another article: one citation per 款, each of 第十五条 (session 22: 第一款、第二款 was
    // read to its first 款 only, as 第一、二款 never was)
    const parts = detectCitations(lib.store, '《行政许可法》第十五条第一款、第二款', '2022-03-01', undefined, undefined, { wholeLaws: true }).citations;
    expect(parts.map((c) => [c.label, c.paragraph])).toEqual([['第十五条', 1], ['第十五条', 2]]);
    // the link graph reads the whole list as one link of the article, every 款 checked: 第三款 it lacks is flagged
    const graph = (text: string) => detectCitations(lib.store, text, '2022-03-01', undefined, new LibraryTargetResolver(lib.store)).mentions;
    expect(graph('《行政许可法》第十五条第一款、第二款').map((m) => [m.text, m.label, m.target?.partMissing])).toEqual([['第十五条第一款、第二款', '第十五条', undefined]]);
    expect(graph('《行政许可法》第十五条第一款、第三款').map((m) => [m.text, m.target?.partMissing])).toEqual([['第十五条第一款、第三款', true]]);
    expect(graph('《行政许可法》第十二条第（一）项至第（三）项').map((m) => m.text)).toEqual(['第十二条第（一）项至第（三）项']);
  });
});

describe('a version written after the title is the version cited', () => {
  it('《统计法》（2009年修订）第七条 in a 2025 text is the 2009 text, not the one in force', () => {
    expect(linked('该条款与《中华人民共和国统计法》（2009年修订）第七条的规定一致。', '2025-06-01')).toEqual(['统计法 第七条@2009-06-27']);
    expect(linked('根据《中华人民共和国统计法》（2024年修正）第十九条', '2024-10-01')).toEqual(['统计法 第十九条@2024-09-13']);
  });

  it('a range and a whole law follow the written version too', () => {
    expect(linked('《统计法》（2009年修订）第七条至第九条', '2025-06-01')).toEqual(['统计法 第七条@2009-06-27', '统计法 第八条@2009-06-27', '统计法 第九条@2009-06-27']);
    expect(linked('集中学习了《统计法》（2009年修订）', '2025-06-01')).toEqual(['统计法 全文@2009-06-27']);
  });

  it('a version the library lacks is unresolved with the reason — never another version', () => {
    const r = found('根据《中华人民共和国统计法》（2017年修正）第七条', '2020-01-01');
    expect(r).toHaveLength(1);
    expect(r[0]).toMatch(/^✗第七条（资料库中没有《.*统计法》（2017年修正）的版本/);
  });

  it('in the link graph (TargetResolver) the written version is the target', () => {
    const d = detectCitations(lib.store, '《统计法》（2009年修订）第七条', '2025-06-01', undefined, new LibraryTargetResolver(lib.store));
    expect(d.mentions.map((m) => m.target?.versionId)).toEqual([`${lawIdOf(lib.store, '中华人民共和国统计法')}@2009-06-27`]);
  });
});

describe('notes and document numbers between a title and its article', () => {
  it('（国务院令第713号） and （以下简称《条例》） do not cut the title from its article', () => {
    expect(linked('依照《重大行政决策程序暂行条例》（国务院令第713号）第二十五条、第二十六条的规定')).toEqual([
      '重大行政决策程序暂行条例 第二十五条@2019-04-20',
      '重大行政决策程序暂行条例 第二十六条@2019-04-20',
    ]);
    expect(linked('《中华人民共和国行政许可法》（以下简称《行政许可法》）第十五条规定')).toEqual(['行政许可法 第十五条@2019-04-23']);
  });

  it('an order number alone names the version it published (国务院令第713号第二十五条)', () => {
    expect(linked('根据国务院令第713号第二十五条，决策草案应当经合法性审查')).toEqual(['重大行政决策程序暂行条例 第二十五条@2019-04-20']);
    expect(linked('按照中华人民共和国国务院令 第七百一十三号的要求组织听证')).toEqual(['重大行政决策程序暂行条例 全文@2019-04-20']);
    // a number the library's versions were not published by names nothing — in a law's own text neither
    // (before: 重大行政决策程序暂行条例's own 第三条)
    expect(found('根据国务院令第999号第三条')).toEqual(['✗第三条（资料库中没有“国务院令第999号”公布的法规）']);
    const near = lawIdOf(lib.store, '重大行政决策程序暂行条例');
    expect(found('依照公安部令第146号第三条的规定', '2022-03-01', near)).toEqual(['✗第三条（资料库中没有“公安部令第146号”公布的法规）']);
    expect(linked('依照本条例第三条和第十四条的规定', '2022-03-01', near)).toEqual(['重大行政决策程序暂行条例 第三条@2019-04-20', '重大行政决策程序暂行条例 第十四条@2019-04-20']);
  });

  it('a short name the text defines (以下简称《条例》) stands for the law afterwards', () => {
    const text = '《重大行政决策程序暂行条例》（以下简称《条例》）自2019年9月1日起施行。决策草案应当依照《条例》第二十五条进行合法性审查。';
    expect(found(text)).toEqual(['重大行政决策程序暂行条例 第二十五条@2019-04-20']);
  });

  it('a short name defined in the same note as the 文号 or the version (（国务院令第713号，以下简称《条例》）) stands for the law too (session 27: unresolved, 资料库中没有《条例》)', () => {
    expect(found('依照《重大行政决策程序暂行条例》（国务院令第713号，以下简称《条例》）第二十五条，《条例》第二十六条另有规定。')).toEqual([
      '重大行政决策程序暂行条例 第二十五条@2019-04-20',
      '重大行政决策程序暂行条例 第二十六条@2019-04-20',
    ]);
    expect(found('《中华人民共和国行政许可法》（2019年修正；下文简称“许可法”）施行后，许可法第十五条仍然适用。')).toEqual(['行政许可法 第十五条@2019-04-23']);
    // a note of its own before the definition
    expect(found('《重大行政决策程序暂行条例》（国务院令第713号）（以下称《决策条例》）自2019年9月1日起施行，《决策条例》第二十五条规定了合法性审查。')).toEqual([
      '重大行政决策程序暂行条例 第二十五条@2019-04-20',
    ]);
    // a note naming something else is no definition: 《条例》 alone stays unknown
    expect(found('《重大行政决策程序暂行条例》（国务院令第713号，另见《条例》汇编）自2019年9月1日起施行。《条例》第二十五条')).toContain('✗第二十五条（资料库中没有《条例》）');
  });

  it('an order number or 文号 the library carries, then 文 / 文件, is that version (国务院令第713号文件第二十五条; session 27: “〔…〕号文件”是文件的文号)', () => {
    expect(linked('根据国务院令第713号文件第二十五条，决策草案应当经合法性审查')).toEqual(['重大行政决策程序暂行条例 第二十五条@2019-04-20']);
    expect(linked('依照国务院令第713号文第二十六条的规定')).toEqual(['重大行政决策程序暂行条例 第二十六条@2019-04-20']);
    // a 文号 the library's headers do not carry is still a document's, named so
    expect(found('依据鲁政办发〔2021〕5号文件第四条')).toEqual(['✗第四条（“〔2021〕5号文件”是文件的文号，不是资料库中的法规）']);
  });

  it('an order number written 国务院第713号令 names the version it published as 国务院令第713号 does (session 27: no law named)', () => {
    expect(linked('根据国务院第713号令第二十五条，决策草案应当经合法性审查')).toEqual(['重大行政决策程序暂行条例 第二十五条@2019-04-20']);
    expect(linked('按照国务院第七百一十三号令的要求组织听证')).toEqual(['重大行政决策程序暂行条例 全文@2019-04-20']);
    // a number the library's versions were not published by names nothing
    expect(found('根据国务院第999号令第三条')).toEqual(['✗第三条（资料库中没有“国务院第999号令”公布的法规）']);
  });

  it('an article of a document given by its 文号 is not an article of the law named before', () => {
    expect(found('依据《行政许可法》第十七条和鲁政办发〔2021〕5号文件第四条，送审稿第六条应予删除。')).toEqual([
      '行政许可法 第十七条@2019-04-23',
      '✗第四条（“〔2021〕5号文件”是文件的文号，不是资料库中的法规）',
      '✗第六条（“送审稿”指所审查的文件本身，不是资料库中的法规）',
    ]);
    expect(linked('按照《行政许可法》有关规定和淄博市人民政府办公室《关于进一步加强行政规范性文件管理工作的通知》（淄政办发〔2019〕12号）第三条执行')).toEqual([
      '行政许可法 全文@2019-04-23',
    ]);
  });
});

describe('a bare 第X条 in a later sentence of an opinion', () => {
  it('建议删除第五条 after a sentence citing 《行政许可法》 is not 行政许可法第五条', () => {
    const r = found('送审稿第五条规定收取评审费，违反了《行政许可法》第五十八条的规定。建议删除第五条。');
    expect(r.filter((x) => !x.startsWith('✗'))).toEqual(['行政许可法 第五十八条@2019-04-23']);
    expect(r.at(-1)).toMatch(/^✗第五条（没有指明是哪部法规的条文（前一句引用的是《行政许可法》/);
  });

  it('in the same sentence the law named before still applies', () => {
    expect(linked('《行政许可法》第十二条规定可以设定许可的事项，第十三条规定可以不设许可的情形')).toEqual([
      '行政许可法 第十二条@2019-04-23',
      '行政许可法 第十三条@2019-04-23',
    ]);
  });
});

describe('headings', () => {
  it('《行政许可法》第二章、第四章第一节: both headings', () => {
    const d = detectCitations(lib.store, '根据《行政许可法》第二章、第四章第一节的规定', '2022-03-01', undefined, undefined, { wholeLaws: true });
    expect(d.citations.map((c) => c.articleKey)).toEqual(['h:第二章', 'h:第四章/第一节']);
  });

  it('a range of headings is every heading in it (合伙企业法: 本法第二章第一节至第五节; before: the first only)', () => {
    const d = detectCitations(lib.store, '依照《行政许可法》第四章第一节至第三节的规定', '2022-03-01', undefined, undefined, { wholeLaws: true });
    expect(d.citations.map((c) => c.articleKey)).toEqual(['h:第四章/第一节', 'h:第四章/第二节', 'h:第四章/第三节']);
    const near = lawIdOf(lib.store, '重大行政决策程序暂行条例');
    const own = detectCitations(lib.store, '依照本条例第二章至第四章的规定执行', '2022-03-01', near, undefined, { wholeLaws: true });
    expect(own.citations.map((c) => [c.lawId, c.articleKey])).toEqual([[near, 'h:第二章'], [near, 'h:第三章'], [near, 'h:第四章']]);
    // an end of another kind is only that end; a backward range is not expanded
    const odd = detectCitations(lib.store, '依照《行政许可法》第四章第一节至第五章的规定', '2022-03-01', undefined, undefined, { wholeLaws: true });
    expect(odd.citations.map((c) => c.articleKey)).toEqual(['h:第四章/第一节', 'h:第五章']);
  });

  it('本条例第三章 in a law’s own text is its heading', () => {
    const near = lawIdOf(lib.store, '重大行政决策程序暂行条例');
    const d = detectCitations(lib.store, '决策机关应当依照本条例第三章的规定组织实施', '2022-03-01', near, undefined, { wholeLaws: true });
    expect(d.citations.map((c) => [c.lawId, c.articleKey])).toEqual([[near, 'h:第三章']]);
  });
});

describe('what must not link', () => {
  it('newspapers, books, 第一次, 条件 and documents the library lacks', () => {
    expect(linked('组织干部学习《人民日报》刊发的评论员文章《法治是最好的营商环境》。')).toEqual([]);
    expect(linked('局党组第一次会议审议通过了《习近平法治思想学习纲要》学习计划。')).toEqual([]);
    expect(linked('申报单位应当具备下列条件：（一）在本县注册的独立法人；（二）符合本办法第六条规定的条件。')).toEqual([]);
    expect(linked('严格贯彻《淄博市重大行政决策程序规定》要求，健全重大行政决策程序', '2020-12-31')).toEqual([]);
    expect(linked('申报材料清单见附件2，申报书格式见附件3《高青县科技计划项目申报书》。')).toEqual([]);
  });

  it('《优化营商环境条例》 is the national one, never a province’s 条例 of the same words', () => {
    expect(linked('《优化营商环境条例》第六十四条规定')).toEqual(['优化营商环境条例 第六十四条@2019-10-22']);
  });
});
