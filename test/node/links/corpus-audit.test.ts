// Defects found by the corpus audit (test/bench/citation-audit.ts, seed 1205), each on the real
// article it was found in (test/fixtures/links/audit-laws, copied from ../shared/corpus) and the
// 民法典 fixtures: its parts (test/fixtures/codes, 合同编 from test/fixtures/review/contract-laws)
// and the code as one document (test/fixtures/reader).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LibraryTargetResolver } from '../../../electron/core/links/link-resolver';
import { readLinkGraph, refreshLinks } from '../../../electron/core/links/link-graph';
import { detectCitations } from '../../../electron/core/records/citation-detect';
import type { LibraryStore } from '../../../electron/core/library/library-store';
import { ROOT, makeLinkLibrary, lawIdOf, type LinkLibrary } from './links-test-support';

const AUDIT = join(ROOT, 'test/fixtures/links/audit-laws');
const PARTS = [join(ROOT, 'test/fixtures/codes/民法典'), join(ROOT, 'test/fixtures/review/contract-laws/民法典/合同编.md')];
const WHOLE = join(ROOT, 'test/fixtures/reader/民法典(2020-05-28).md');

/** An article's text as the corpus has it (one line per paragraph). */
function article(file: string, label: string): string {
  const lines = readFileSync(join(AUDIT, file), 'utf8').split('\n');
  const i = lines.findIndex((l) => l.startsWith(label + ' '));
  const out = [lines[i]!.slice(label.length + 1)];
  for (const l of lines.slice(i + 1)) {
    if (/^第[一二三四五六七八九十百零]+条\s/.test(l) || l.startsWith('#')) break;
    if (l.trim()) out.push(l);
  }
  return out.join('\n');
}

/** What the link graph's reading gives: "title label" per mention, or ✗reason. */
function links(store: LibraryStore, text: string, date: string, near?: string): string[] {
  return detectCitations(store, text, date, near, new LibraryTargetResolver(store)).mentions.map((m) => {
    if (!m.target) return `✗${m.reason}`;
    const v = store.version(m.target.versionId)!;
    const label = store.readUnits(v.id).find((u) => u.key === m.target!.articleKey)!.label;
    return `${v.title}${v.subtitle ? ' ' + v.subtitle : ''} ${label}`;
  });
}

describe('a code held as parts, as one document, or both', () => {
  let parts: LinkLibrary;
  let both: LinkLibrary;
  beforeAll(async () => {
    parts = await makeLinkLibrary(PARTS);
    both = await makeLinkLibrary([...PARTS, WHOLE]);
  }, 60_000);
  afterAll(() => {
    parts?.cleanup();
    both?.cleanup();
  });

  it('本法 in one part (合同编 第四百七十五条) is the code: its article in 总则 is found', () => {
    const near = parts.store.laws().find((l) => l.subtitle === '合同编')!.id;
    const text = '要约可以撤回。要约的撤回适用本法第一百四十一条的规定。';
    expect(links(parts.store, text, '2021-01-01', near)).toEqual(['中华人民共和国民法典 总则 第一百四十一条']);
    // the records' reading (snapshots) follows the same rule
    const d = detectCitations(parts.store, text, '2021-06-01', near);
    expect(d.citations.map((c) => `${parts.store.law(c.lawId)!.subtitle} ${c.label}`)).toEqual(['总则 第一百四十一条']);
  });

  it('民法典第七百一十一条 written bare in a 司法解释 links when the code is also held whole', () => {
    // 最高人民法院关于审理城镇房屋租赁合同纠纷案件具体应用法律若干问题的解释 第六条
    const text = '承租人未经出租人同意对租赁物进行改善或者增设他物，出租人请求承租人恢复原状或者赔偿损失的，人民法院依照民法典第七百一十一条的规定处理。';
    const whole = both.store.laws().find((l) => l.title === '中华人民共和国民法典' && !l.subtitle)!;
    expect(whole).toBeDefined();
    for (const date of ['2021-01-01', '2022-06-01']) expect(links(both.store, text, date)).toEqual(['中华人民共和国民法典 第七百一十一条']);
    // bracketed or bare, the same law
    expect(links(both.store, '依照《中华人民共和国民法典》第七百一十一条', '2022-06-01')).toEqual(['中华人民共和国民法典 第七百一十一条']);
    // only parts: the part holding the article
    expect(links(parts.store, text, '2022-06-01')).toEqual(['中华人民共和国民法典 合同编 第七百一十一条']);
  });
});

describe('articles of the corpus that linked nothing or the wrong article', () => {
  let lib: LinkLibrary;
  beforeAll(async () => {
    lib = await makeLinkLibrary([AUDIT, join(ROOT, 'test/fixtures/links/laws/刑法/刑法.md')]);
  }, 60_000);
  afterAll(() => lib?.cleanup());

  it('本实施条例第七条 and 本条例规定第三十二条 are the text’s own law', () => {
    const customs = lawIdOf(lib.store, '海关行政处罚实施条例');
    expect(links(lib.store, article('海关行政处罚实施条例(2004-09-19).md', '第九条'), '2004-11-01', customs).slice(0, 2)).toEqual([
      '中华人民共和国海关行政处罚实施条例 第七条',
      '中华人民共和国海关行政处罚实施条例 第八条',
    ]);
    const gas = lawIdOf(lib.store, '济南市燃气管理条例');
    expect(links(lib.store, article('济南市燃气管理条例(2014-01-05).md', '第四十五条'), '2014-03-01', gas)).toEqual([
      '济南市燃气管理条例 第三十二条',
      '济南市燃气管理条例 第三十三条',
      '济南市燃气管理条例 第三十七条',
    ]);
  });

  it('a short name defined in 第一条 (（以下简称条例）) holds in the later articles: the link graph links 条例第四条', async () => {
    await refreshLinks(lib.store);
    const g = readLinkGraph(lib.store)!;
    const rules = lib.store.laws().find((l) => l.title === '企业职工带薪年休假实施办法')!;
    const act = lawIdOf(lib.store, '职工带薪年休假条例');
    const e = g.entries[rules.versionIds[0]!]!;
    const art8 = lib.store.readUnits(rules.versionIds[0]!).find((u) => u.label === '第八条')!;
    const fromArt8 = e.edges.filter((x) => x[0] === art8.key).map((x) => [x[1], x[3]]);
    expect(fromArt8).toEqual([[act, '4']]);
    expect(e.basis).toEqual([]);
    // without the definition the same words name no law
    expect(links(lib.store, article('企业职工带薪年休假实施办法(2008-07-17).md', '第八条'), '2008-07-17', rules.id)[0]).toMatch(/^✗/);
  });

  it('第X条 inside a title is part of the title, not an article of the law named inside it', () => {
    const text = article('最高人民法院关于审理掩饰、隐瞒犯罪所得、犯罪所得收益刑事案件适用法律若干问题的解释(2021-04-13).md', '第一条');
    const near = lawIdOf(lib.store, '掩饰、隐瞒犯罪所得');
    const found = links(lib.store, text, '2021-04-15', near);
    expect(text).toContain('《关于〈中华人民共和国刑法〉第三百四十一条、第三百一十二条的解释》');
    expect(found.filter((x) => x.includes('第三百四十一条'))).toEqual([]);
    expect(found).toContain('中华人民共和国刑法 第三百一十二条'); // 依照刑法第三百一十二条第一款 is still read
  });

  it('民法通则第一百三十四条 names a law the library lacks: not the law named before it, not the text itself', () => {
    const text = article('最高人民法院关于审理专利纠纷案件适用法律问题的若干规定(2015-01-29).md', '第十九条');
    const near = lawIdOf(lib.store, '专利纠纷');
    const d = detectCitations(lib.store, text, '2015-02-01', near, new LibraryTargetResolver(lib.store));
    const m = d.mentions.find((x) => x.label === '第一百三十四条')!;
    expect(m.target).toBeUndefined();
    expect(m.reason).toMatch(/民法通则”不是资料库中的法规/);
  });

  it('bare article numbers in an amendment (宪法修正案) are the amended law’s, never the amendment’s own', () => {
    const near = lawIdOf(lib.store, '宪法修正案（2018年）');
    const text = '第七节相应改为第八节，第一百二十三条至第一百三十八条相应改为第一百二十八条至第一百四十三条。';
    expect(links(lib.store, '第四条', '2018-03-11', near)).toEqual(['✗修正案、修改决定中的条文号指被修改法律修改前或修改后的条文，未链接']);
    expect(links(lib.store, text, '2018-03-11', near).every((x) => x.startsWith('✗'))).toBe(true);
  });
});
