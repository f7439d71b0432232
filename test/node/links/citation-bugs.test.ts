// Regression tests for the citation and date bugs of issue 17, each on sentences and laws copied
// from the corpus (test/fixtures/links/laws). Each test failed before its fix.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guessMetadata } from '../../../electron/core/importers/document-metadata';
import { findLaws } from '../../../electron/core/library/law-lookup';
import { detectCitations } from '../../../electron/core/records/citation-detect';
import { mapArticles, summarise } from '../../../electron/core/versions/article-mapping';
import { diffVersions } from '../../../electron/core/versions/version-compare';
import { LINK_LAWS, lawIdOf, makeLinkLibrary, type LinkLibrary } from './links-test-support';

let lib: LinkLibrary;
beforeAll(async () => {
  lib = await makeLinkLibrary();
}, 60_000);
afterAll(() => lib.cleanup());

/** Each mention as "law title + label", or ✗label(reason). */
function found(text: string, date: string, near?: string): string[] {
  return detectCitations(lib.store, text, date, near).mentions.map((m) =>
    m.citation ? `${lib.store.law(m.citation.lawId)!.title} ${m.citation.label}` : `✗${m.label}（${m.reason}）`,
  );
}

describe('titles with a law title inside (issue 17, bug 1)', () => {
  const ERJIE = '最高人民法院关于适用《中华人民共和国婚姻法》若干问题的解释（二）';

  it('〈〉 inside 《》 with the issuer before the title resolves to the 司法解释, not to 婚姻法', () => {
    // 最高人民法院关于适用《婚姻法》若干问题的解释（二）的补充规定 (2017), its first paragraph
    const text = '在最高人民法院《关于适用〈中华人民共和国婚姻法〉若干问题的解释（二）》第二十四条的基础上增加两款，分别作为该条第二款和第三款：';
    expect(found(text, '2017-03-01', lawIdOf(lib.store, '补充规定'))).toEqual([`${ERJIE} 第二十四条`]);
  });

  it('the title written with 〈〉 or nested 《》 finds the law for show / --law', () => {
    const id = lib.store.laws().find((l) => l.title === ERJIE)!.id;
    for (const q of [
      '最高人民法院关于适用〈中华人民共和国婚姻法〉若干问题的解释（二）',
      '《最高人民法院关于适用《中华人民共和国婚姻法》若干问题的解释（二）》',
      '最高人民法院关于适用《婚姻法》若干问题的解释（二）',
    ]) {
      expect(findLaws(lib.store, q).map((l) => l.id)).toEqual([id]);
    }
    expect(findLaws(lib.store, '北京市实施〈中华人民共和国集会游行示威法〉办法').map((l) => l.title)).toEqual(['北京市实施《中华人民共和国集会游行示威法》办法']);
    // nested 《》 inside 《》 in a text is the outer title, never the inner law
    expect(found('依照《北京市实施《中华人民共和国集会游行示威法》办法》第三条', '2020-01-01')).toEqual(['北京市实施《中华人民共和国集会游行示威法》办法 第三条']);
  });
});

describe('本法 / 本条例 / 本规则 / 本解释 mean the text’s own law (bug 2)', () => {
  it('本条例 after 《集会游行示威法》 inside the 实施条例 is the 实施条例', () => {
    // 集会游行示威法实施条例 第三十一条
    const near = lawIdOf(lib.store, '集会游行示威法实施条例');
    expect(found('依照《集会游行示威法》第二十八条、第三十条以及本条例第二十四条的规定，对当事人给予', '2011-01-08', near)).toEqual([
      '中华人民共和国集会游行示威法 第二十八条',
      '中华人民共和国集会游行示威法 第三十条',
      '中华人民共和国集会游行示威法实施条例 第二十四条',
    ]);
  });

  it('本规则 is recognised (全国人民代表大会议事规则 第六十二条)', () => {
    const near = lawIdOf(lib.store, '议事规则');
    expect(found('国家机构组成人员在全国人民代表大会会议期间辞职或者被罢免的，适用本规则第六十一条规定的公布程序。', '2021-06-01', near)).toEqual([
      '中华人民共和国全国人民代表大会议事规则 第六十一条',
    ]);
  });

  it('本解释 after a 《公约》 is the 解释 itself (野生动物资源 解释 第十条)', () => {
    const near = lawIdOf(lib.store, '破坏野生动物资源');
    const text = '非法猎捕、杀害、收购、运输、出售《濒危野生动植物种国际贸易公约》附录一、附录二所列的非原产于我国的野生动物“情节严重”、“情节特别严重”的认定标准，参照本解释第三条、第四条以及附表所列与其同属的国家一、二级保护野生动物的认定标准执行';
    const title = '最高人民法院关于审理破坏野生动物资源刑事案件具体应用法律若干问题的解释';
    expect(found(text, '2001-01-01', near)).toEqual([`${title} 第三条`, `${title} 第四条`]);
    // without the context law the 解释 named before is the nearest law of that kind
    expect(found(`《${title}》第一条；本解释第三条`, '2001-01-01')).toEqual([`${title} 第一条`, `${title} 第三条`]);
  });
});

describe('本法 quoted inside an amendment', () => {
  it('“…依照本法第一百五十二条…” in 刑法修正案（四） is 刑法, the law the amendment rewrites', () => {
    // 刑法修正案（四） 五
    const near = lawIdOf(lib.store, '刑法修正案（四）');
    const text = '五、将刑法第三百三十九条第三款修改为：“以原料利用为名，进口不能用作原料的固体废物、液态废物和气态废物的，依照本法第一百五十二条第二款、第三款的规定定罪处罚。”';
    // 第一百五十二条第二款、第三款: a mention per 款 (session 22: the 第三款 had been left unread)
    expect(found(text, '2024-06-01', near)).toEqual(['中华人民共和国刑法 第三百三十九条', '中华人民共和国刑法 第一百五十二条', '中华人民共和国刑法 第一百五十二条']);
  });
});

describe('ranges ending in 之一 (bug 3)', () => {
  it('第一百三十四条至第一百三十九条之一 expands to every article the 刑法 has in between', () => {
    // 最高人民法院、最高人民检察院关于办理危害生产安全刑事案件适用法律若干问题的解释 第十二条
    const text = '实施刑法第一百三十二条、第一百三十四条至第一百三十九条之一规定的犯罪行为，具有下列情形之一的，从重处罚：';
    const labels = detectCitations(lib.store, text, '2024-06-01').mentions.map((m) => `${m.status === 'resolved' ? '' : '✗'}${m.label}`);
    expect(labels).toEqual(['第一百三十二条', '第一百三十四条', '第一百三十四条之一', '第一百三十五条', '第一百三十五条之一', '第一百三十六条', '第一百三十七条', '第一百三十八条', '第一百三十九条', '第一百三十九条之一']);
  });

  it('before the cited law applies, the range is still complete (numbers as written), each with its reason', () => {
    const ms = detectCitations(lib.store, '刑法第一百三十四条至第一百三十九条之一', '2016-01-01').mentions;
    expect(ms.map((m) => m.label)).toEqual(['第一百三十四条', '第一百三十五条', '第一百三十六条', '第一百三十七条', '第一百三十八条', '第一百三十九条', '第一百三十九条之一']);
    expect(ms.every((m) => m.status === 'unresolved' && /尚未施行/.test(m.reason!))).toBe(true);
  });

  it('a range too long to be one is reported, not cut', () => {
    const ms = detectCitations(lib.store, '刑法第一条至第九千条', '2024-06-01').mentions;
    expect(ms).toHaveLength(1);
    expect(ms[0]!.status).toBe('unresolved');
    expect(ms[0]!.reason).toMatch(/超过/);
  });
});

describe('laws not in the library and abbreviations (bug 4)', () => {
  it('《执业医师法》 stays unresolved: 中国人民解放军实施《执业医师法》办法 is another document', () => {
    // 中国人民解放军实施《执业医师法》办法 第三条
    const near = lawIdOf(lib.store, '执业医师法》办法');
    expect(found('军队人员具有《执业医师法》第九条、第十条规定的条件的，可以参加医师资格考试', '2001-01-01', near)).toEqual([
      '✗第九条（资料库中没有《执业医师法》）',
      '✗第十条（资料库中没有《执业医师法》）',
    ]);
  });

  it('税收征管法 (税收征收管理法实施细则 第五条), 个保法 and 行诉法 resolve', () => {
    const near = lawIdOf(lib.store, '税收征收管理法实施细则');
    expect(found('税收征管法第八条所称为纳税人、扣缴义务人保密的情况，是指纳税人、扣缴义务人的商业秘密及个人隐私。', '2016-03-01', near)).toEqual([
      '中华人民共和国税收征收管理法 第八条',
    ]);
    expect(found('依照个保法第十三条、《行诉法》第二条', '2022-01-01')).toEqual(['中华人民共和国个人信息保护法 第十三条', '中华人民共和国行政诉讼法 第二条']);
    expect(findLaws(lib.store, '个保法').map((l) => l.title)).toEqual(['中华人民共和国个人信息保护法']);
  });
});

describe('version mapping (bug 5)', () => {
  const versions = () => lib.store.law(lawIdOf(lib.store, '国际商事法庭'))!.versionIds.map((id) => lib.store.loadVersion(id));

  it('an article whose only change is another law’s article number (民事诉讼法第三十四条 → 第二百七十七条) is amended', () => {
    const [a, b] = versions();
    const m = mapArticles(a!.units, b!.units).find((e) => e.from[0] === '2')!;
    expect(a!.units.find((u) => u.key === '2')!.text).toContain('民事诉讼法第三十四条');
    expect(b!.units.find((u) => u.key === '2')!.text).toContain('民事诉讼法第二百七十七条');
    expect(m.kind).toBe('amended');
  });

  it('the law’s own renumbered references are still ignored', () => {
    const older = [{ key: '3', kind: 'article' as const, number: 3, suffix: 0, label: '第三条', path: [], paragraphs: [], text: '依照本法第七条和民事诉讼法第二十条的规定办理。' }];
    const newer = [{ ...older[0]!, text: '依照本法第八条和民事诉讼法第二十条的规定办理。' }];
    expect(mapArticles(older, newer)[0]!.kind).toBe('same');
  });

  it('the preamble is compared and shown in the diff, not counted as an article', () => {
    const [a, b] = versions();
    const m = mapArticles(a!.units, b!.units);
    expect(m[0]).toMatchObject({ kind: 'amended', from: ['preamble'], to: ['preamble'] });
    expect(summarise(m).amended).toBe(m.filter((e) => e.kind === 'amended').length - 1);
    const diff = diffVersions(lib.store, a!.id, b!.id);
    const row = diff.rows.find((r) => r.to[0]?.key === 'preamble')!;
    expect(row.kind).toBe('amended');
    expect(row.runs!.some((r) => r.op !== 'equal')).toBe(true);
  });
});

describe('dates from the header (bug 6)', () => {
  it('a history line wrapped over two lines: 文物保护法(2017-11-04) is the 2017 version', () => {
    const text = readFileSync(join(LINK_LAWS, '行政法/文物保护法(2017-11-04).md'), 'utf8');
    expect(guessMetadata(text).published).toBe('2017-11-04');
    const law = lib.store.law(lawIdOf(lib.store, '文物保护法'))!;
    expect(law.versionIds).toEqual([`${law.id}@2017-11-04`]);
    const first = lib.store.version(law.versionIds[0]!)!.history.find((e) => e.date === '1991-06-29')!;
    expect(first.text).toContain('第三十条第三十一条的决定》第一次修正');
  });

  it('"起生效" and "起实施" header lines give the 施行日期, not the 公布日期', () => {
    const hk = lib.store.version(lib.store.law(lawIdOf(lib.store, '仲裁程序相互协助保全'))!.versionIds[0]!)!;
    expect([hk.published, hk.effective]).toEqual(['2019-03-25', '2019-10-01']);
    const mo = lib.store.version(lib.store.law(lawIdOf(lib.store, '澳门特别行政区相互认可'))!.versionIds[0]!)!;
    expect([mo.published, mo.effective]).toEqual(['2007-12-12', '2008-01-01']);
  });

  it('a manifest date that contradicts the header is imported with a warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lawdesk-dates-'));
    try {
      mkdirSync(join(dir, '行政法'));
      copyFileSync(join(LINK_LAWS, '行政法/文物保护法(2017-11-04).md'), join(dir, '行政法/文物保护法(2017-11-04).md'));
      writeFileSync(join(dir, 'manifest.jsonl'), JSON.stringify({ path: '行政法/文物保护法(2017-11-04).md', title: '文物保护法', level: '法律', region: '全国', published: '1991-06-29', effective: '' }) + '\n');
      const other = await makeLinkLibrary([dir]);
      try {
        expect(other.report.warnings.map((w) => w.message)).toContain('版本日期 1991-06-29 早于文件头记载的最后一次通过/修改日期 2017-11-04：正文已含之后的修改，请核对版本日期');
      } finally {
        other.cleanup();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('structure (bug 7)', () => {
  it('刑法: the footnote after the last article is not part of 第四百五十二条, which sits under 附则', () => {
    const xf = lib.store.loadVersion(lib.store.law(lawIdOf(lib.store, '中华人民共和国刑法'))!.versionIds[0]!);
    const last = xf.units.find((u) => u.key === '452')!;
    expect(last.path).toEqual(['附则']);
    expect(last.text).not.toContain('①');
    const note = xf.units.find((u) => u.text.startsWith('① 刑法、历次刑法修正案'))!;
    expect(note.kind).toBe('appendix');
    expect(xf.units.find((u) => u.key === '451')!.path).toEqual(['第二编 分则', '第十章 军人违反职责罪']);
  });

  it('"## 一、…" headings of a 司法解释 without 第X条 become sections', () => {
    const v = lib.store.loadVersion(lib.store.law(lawIdOf(lib.store, '海事诉讼管辖'))!.versionIds[0]!);
    expect(v.units.filter((u) => u.kind === 'section').map((u) => u.label)).toEqual(['一、', '二、', '三、', '四、']);
    expect(v.units.find((u) => u.label === '二、')!.text.startsWith('关于海事行政案件管辖\n1.海事法院审理第一审海事行政案件')).toBe(true);
  });
});
