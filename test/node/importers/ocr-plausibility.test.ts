// The 待核对 highlights on misreadings tesseract is sure of. The pages are tesseract's own output
// (every line with its characters and confidences) for scans of corpus laws the vocabulary leaves
// out, kept by test/fixtures/documents/ocr-flags/make-ocr-flags.ts, so no OCR runs here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { OcrPage, OcrSymbol } from '../../../electron/core/importers/ocr-engine';
import { AMBIGUOUS, correctLine, findSuspects, layoutOcrPages, leavesPhrase, lostLines, SUSPECT_CONFIDENCE } from '../../../electron/core/importers/ocr-text';
import { parseLawText } from '../../../electron/core/parse/law-structure-parser';
import { lcsWrong } from '../../bench/ocr-diff';
import { asAnImportReads } from '../../bench/ocr-flag-score';
import { semicolonsBeforeBareClause } from '../../../electron/core/importers/ocr-marks';
import { articleTextSuspects, besideDoubtedMisfit, colonsBeforeAsides, framedOtherwiseInDocument, colonsInsideLists, documentLookAlikes, framedElsewhere, outsideClosedFrames, joinedListItems, likelierLookAlikes, likelierTriples, listNumbering, bareClauseSemicolons, lostClauseMarks, lostListMarks, malformedOrdinals, marksBeforeLoneOpeners, seldomMarksAfter, pairsDoubtedMostly, oddClauseOpenings, oddBracketedOrdinals, oddColons, oddLatinOrdinals, oddMoneyRanges, ordinalRepairs, quantityNumeral, quantityNumeralLine, repeatsNeighbour, shortClauseSemicolons, strayPercents, unbalancedBrackets } from '../../../electron/core/importers/ocr-plausibility';
import { glyphAlikesOf } from '../../../electron/core/importers/ocr-vocabulary';
import { keptBack } from './kept-ocr-laws';

const DIR = join(import.meta.dirname, '../../fixtures/documents/ocr-flags');
const SOURCES = join(import.meta.dirname, '../../fixtures/documents/sources');
/** A kept law's pages as an import reads them: without tesseract's alternatives unless LAWDESK_OCR_CHOICES=1 (ocr-mark-choices.test.ts reads them). */
const pagesOf = (slug: string): OcrPage[] => {
  const d = JSON.parse(gunzipSync(readFileSync(join(DIR, `${slug}.pages.json.gz`))).toString('utf8'));
  return asAnImportReads(d.pages ?? d);
};
const sourceUnits = (md: string) => parseLawText(readFileSync(md, 'utf8'), { format: 'md' }).units.filter((u) => u.kind === 'article' || u.kind === 'section');
const units = (text: string) => parseLawText(text, { format: 'txt' }).units.filter((u) => u.kind === 'article' || u.kind === 'section');

/** The article as read, its highlighted characters and the ones that differ from the source (whitespace aside). */
function article(pages: OcrPage[], sourceMd: string, label: string) {
  const laid = layoutOcrPages(pages)!;
  const got = units(laid.text);
  const suspects = findSuspects(got, laid.stream, laid.confidence);
  const k = got.findIndex((u) => u.label === label);
  const want = sourceUnits(sourceMd).find((u) => u.label === label)!.text.replace(/\s/g, '');
  const raw = got[k]!.text;
  const keep = Array.from({ length: raw.length }, (_, o) => o).filter((o) => !/\s/.test(raw[o]!));
  const at = new Map(keep.map((o, i) => [o, i]));
  const text = keep.map((o) => raw[o]).join('');
  const highlighted = new Set(suspects[k]!.map((o) => at.get(o)).filter((i) => i !== undefined));
  const wrong = lcsWrong(text, want);
  return { text, want, wrong, unhighlighted: wrong.filter((o) => !highlighted.has(o)).map((o) => text[o]) };
}

/** Every fixture law's Markdown, the seeded sets' included. */
const allFixtureLaws = () => [...readdirSync(SOURCES).map((n) => join(SOURCES, n)), ...readdirSync(DIR).map((n) => join(DIR, n))].filter((f) => f.endsWith('.md'));

/** The fixture laws' Markdown as correct text, blind2–blind24 left out (as when these checks were written: a blind set is looked at once, at the end). */
const correctTextFiles = () =>
  allFixtureLaws().filter((f) => {
    try {
      const { set } = JSON.parse(gunzipSync(readFileSync(f.replace(/\.md$/, '.pages.json.gz'))).toString('utf8')) as { set?: string };
      return set !== 'blind2' && set !== 'blind3' && set !== 'blind4' && set !== 'blind5' && set !== 'blind6' && set !== 'blind7' && set !== 'blind8' && set !== 'blind9' && set !== 'blind10' && set !== 'blind11' && set !== 'blind12' && set !== 'blind13' && set !== 'blind14' && set !== 'blind15' && set !== 'blind16' && set !== 'blind17' && set !== 'blind18' && set !== 'blind19' && set !== 'blind20' && set !== 'blind21' && set !== 'blind22' && set !== 'blind23' && set !== 'blind24';
    } catch {
      return true; // a source without kept OCR pages
    }
  });

/** How many characters of the laws' articles a rule highlights: on correct text every highlight is a false one. */
/** The same over whole documents, for the rules that read a document's articles together (its own words). */
function onCorrectDocuments(rule: (texts: string[]) => number[][]): { chars: number; flags: number } {
  let chars = 0;
  let flags = 0;
  for (const f of correctTextFiles()) {
    const texts = sourceUnits(f).map((u) => u.text);
    chars += texts.join('').length;
    flags += rule(texts).flat().length;
  }
  return { chars, flags };
}

function onCorrectText(rule: (text: string) => number[], files = correctTextFiles()): { chars: number; flags: number } {
  let chars = 0;
  let flags = 0;
  for (const f of files) {
    for (const u of sourceUnits(f)) {
      chars += u.text.length;
      flags += rule(u.text).length;
    }
  }
  return { chars, flags };
}

const symbols = (line: string): OcrSymbol[] => [...line].map((ch) => ({ ch, conf: ch === ' ' ? 100 : 99 }));
const flagged = (line: string) => correctLine(symbols(line)).filter((x) => x.conf < SUSPECT_CONFIDENCE).map((x) => x.ch).join('');

describe('OCR misreadings read with high confidence are highlighted', () => {
  it('percent signs read as digits (税率为3006。 for 30%。) are highlighted where their boxes cannot put the % back', () => {
    // tesseract's reading, confidence 92–99; with the glyphs' boxes the % is put back (ocr-percent.ts)
    const a = article(pagesOf('tudi'), join(DIR, 'tudi.md'), '第七条');
    expect(a.text).toContain('税率为30%。');
    expect(a.unhighlighted).toEqual([]);
    const read = pagesOf('tudi').flatMap((p) => p.lines).find((l) => l.symbols.map((x) => x.ch).join('').includes('税率为3006。'))!;
    const s = correctLine(read.symbols.map(({ ch, conf }) => ({ ch, conf })));
    const at = s.map((x) => x.ch).join('').indexOf('3006。');
    expect(s.slice(at, at + 4).every((x) => x.conf < SUSPECT_CONFIDENCE)).toBe(true);
  });

  it('a year read wrong at 94 % in the 2-page scanned PDF (2000 → 2009) is highlighted', () => {
    const d = JSON.parse(gunzipSync(readFileSync(join(DIR, 'yuanzhu-bench.pages.json.gz'))).toString('utf8')) as Record<string, OcrPage>;
    const a = article([d['pdf-p1']!, d['pdf-p2']!], join(SOURCES, 'yuanzhu.md'), '第二十七条');
    expect(a.text).toContain('2009年12月22日');
    expect(a.want).toContain('2000年12月22日');
    expect(a.unhighlighted).toEqual([]);
  });

  it('a chapter heading whose space the reading lost (第四章创业扶持) is a heading, not the end of the article before', () => {
    const a = article(pagesOf('zhongxiao'), join(DIR, 'zhongxiao.md'), '第二十三条');
    expect(a.text.endsWith('国家鼓励第三方评级机构开展中小企业评级服务。')).toBe(true);
    expect(a.unhighlighted).toEqual([]);
  });

  it('a seal’s own text read after a sentence’s end (开放。 代 表大会 /, dots a few pixels across) is dropped', () => {
    // highlighted whole until session 30; correctLine's dropSealDots now cuts it (ocr-text.test.ts)
    const a = article(pagesOf('renli'), join(DIR, 'renli.md'), '第十六条');
    expect(a.text).toContain('开放。支持');
    expect(a.text).not.toContain('代表大会/');
    expect(a.unhighlighted).toEqual([]);
  });

  it('a list enumerator read confidently as an ideograph (（工） for （二）) is highlighted', () => {
    const a = article(pagesOf('yinxiang'), join(DIR, 'yinxiang.md'), '第三条');
    // (the law prints its brackets half-width, and the text keeps them so: ocr-bracket-width.ts)
    expect(a.text).toContain('(工)危害国家统一');
    expect(a.unhighlighted).toEqual([]);
  });

  it('a confident misreading whose printed look-alike reads far better (根据完法 for 根据宪法) is highlighted', () => {
    const a = article(pagesOf('yishi'), join(DIR, 'yishi.md'), '第一条');
    expect(a.text).toContain('根据完法和');
    expect(a.unhighlighted).toEqual([]);
  });

  it('a 〔 read for （ with a ) as its partner becomes （ (ocr-marks.ts) and is highlighted', () => {
    const a = article(pagesOf('shuiwen'), join(DIR, 'shuiwen.md'), '第三条');
    expect(a.text).toContain('区县（自治县）');
    expect(a.unhighlighted).toEqual([]);
  });

  /** The wrong articles of one set's laws (dev, or a seeded set's 6) and those with an error unhighlighted. */
  function setScore(set: 'dev' | 'blind' | 'blind2' | 'blind3' | 'blind4' | 'blind5' | 'blind6' | 'blind7' | 'blind8' | 'blind9' | 'blind10' | 'blind11' | 'blind12' | 'blind13' | 'blind14' | 'blind15' | 'blind16' | 'blind17' | 'blind18' | 'blind19' | 'blind20' | 'blind21' | 'blind22' | 'blind23' | 'blind24'): { wrongArticles: number; unflagged: string[] } {
    const laws = readdirSync(DIR)
      .filter((n) => n.endsWith('.pages.json.gz') && !n.startsWith('yuanzhu'))
      .filter((f) => ((JSON.parse(gunzipSync(readFileSync(join(DIR, f))).toString('utf8')) as { set?: string }).set ?? 'dev') === set)
      .map((f) => f.replace('.pages.json.gz', ''));
    if (set !== 'dev') expect(laws).toHaveLength(6);
    let wrongArticles = 0;
    const unflagged: string[] = [];
    for (const slug of laws) {
      const pages = pagesOf(slug);
      for (const u of sourceUnits(join(DIR, `${slug}.md`))) {
        let a;
        try {
          a = article(pages, join(DIR, `${slug}.md`), u.label);
        } catch {
          continue; // an article whose label was misread: not this test's subject
        }
        if (a.wrong.length === 0) continue;
        wrongArticles++;
        if (a.unhighlighted.length) unflagged.push(`${slug} ${u.label}`);
      }
    }
    return { wrongArticles, unflagged };
  }

  it('over the held-out scans, fewer wrong articles keep an error unhighlighted than the confidence and pair checks alone left (21 of 33; 11 before the mark, bracket and seal checks)', () => {
    // test is scored by the bench only; the seeded sets by the tests below.
    const { wrongArticles, unflagged } = setScore('dev');
    expect(wrongArticles).toBeGreaterThanOrEqual(23); // 29 since the document look-alikes and headings (ocr-document-words.ts), 24 since session 23's % and （1） (tudi 第七条, 第八条, paimai 第八条), 23 with session 30's seal ring at a line's end (renli 第十六条 开放。 代 表大会 / → 开放。)
    // 5 since session 15: a word the document reads again and again, read once as a look-alike (renli 第十一条 人为资源,
    // weicheng 第八条 未成平人: ocr-document-words.ts wordsReadElsewhere)
    // 4 since session 16: a line that stops short of the margin before a continuation line, across a pair the laws
    // write rarely — a mark lost at its end (renli 第七条 建设|推进: ocr-text.ts lostLines)
    // 3 since session 17: a ； alone in its sentence, no ， on either side (shuiwen 第十六条 技术要求；水文监测…, the source's
    // own half-width ; read full-width: ocr-plausibility.ts bareClauseSemicolons)
    // 2 since session 19: an ideograph read at 97 beside a pair the laws never write (ocr-text.ts neverWrittenBeside) takes
    // renli 第十五条 (服务枝案 for 服务机构)
    // With tesseract's alternatives read (LAWDESK_OCR_CHOICES=1, not an import's default: +1.2–1.5 CPU-s a page), 1 —
    // a comma whose runners-up are Latin marks only takes shuiwen 第一条 (the source's own `》,结合`): ocr-mark-choices.test.ts.
    // 1 since session 30: a 、 lost inside a list between words the laws list apart (统筹、协调督促和指导: lostListMarks) takes
    // weicheng 第五条.
    expect(unflagged.length).toBeLessThanOrEqual(1);
    expect(unflagged).not.toContain('weicheng 第五条');
    expect(unflagged).not.toContain('renli 第十五条');
    expect(unflagged).not.toContain('shuiwen 第十六条');
    expect(unflagged).not.toContain('renli 第七条');
    expect(unflagged).not.toContain('renli 第十一条');
    expect(unflagged).not.toContain('weicheng 第八条');
  });

  it('over the blind scans (6 laws picked by a seed, scored once before any rule looked at them), no more wrong articles keep an error unhighlighted than when first measured', () => {
    const { wrongArticles, unflagged } = setScore('blind');
    // (29 when first scored; 16 once quote marks were set by alternation and a seal's tail dropped,
    // 12 once half-width brackets were told from the lines' widths)
    expect(wrongArticles).toBeGreaterThanOrEqual(10);
    // Measured blind (session 10, its rules unchanged): 4 of 29 wrong articles —
    // junxian 第八条 (、 lost between two quoted words), yinxiang 第三条 (（工） for （二）), yishi 第一条
    // (完法 for 宪法), yishi 第八条 (a seal's text). Since then a set for development: the list-numbering
    // rule (written for lists in general) takes yinxiang 第三条, the glyph look-alikes yishi 第一条, a
    // hyphen between Chinese characters yishi 第八条, and the quote marks set by alternation
    // (ocr-marks.ts) junxian 第八条: 0, the target, on a set that has been looked at.
    expect(unflagged).toEqual([]);
  });

  it('over the second blind set (seed 20261206, scored once at the end of session 11 with every rule unchanged), no more wrong articles keep an error unhighlighted than then', () => {
    const { wrongArticles, unflagged } = setScore('blind2');
    expect(wrongArticles).toBeGreaterThanOrEqual(15); // 36 when scored, 23 with the document look-alikes and headings, 18 with session 22's chi_sim confusions among them (诉论 → 诉讼), 17 once blind17's 证券公司风险处置条例 left the pair table (定垫, written nowhere else, no longer keeps longduan's 垫断), 16 with session 25's look-alike read once (zhaobiao's 撒回 → 撤回), 15 with session 26's word the document reads elsewhere (zhujun's 救助火害 → 灾害)
    // Measured blind: 7 of 36 — zhujun 第六条 (设定 for 决定), longduan 第十二条 (诉论), 第十三条 (a heading
    // glued on), 第十五条 (垫断), zhaobiao 第一条 (a half-width ) lost), 第八条 (a ， lost), gonglu 第四条
    // (a 。 lost, a seal's ：). The README-importers blind2 paragraph names the rule each asks for.
    // Since then a development set: the parenthesis left open takes zhaobiao 第一条, the document's own
    // look-alike pairs longduan 第十五条, the lost marks zhaobiao 第八条 and gonglu 第四条 (3 left; 2 since
    // the clause joints: zhujun 第六条 设定, longduan 第十二条 诉论; 1 since session 19: 诉论 read at 97 beside a pair
    // never written, neverWrittenBeside).
    expect(unflagged.length).toBeLessThanOrEqual(1);
    expect(unflagged).not.toContain('longduan 第十二条');
    expect(unflagged).not.toContain('zhaobiao 第八条');
    expect(unflagged).not.toContain('gonglu 第四条');
    expect(unflagged).not.toContain('zhaobiao 第一条');
    expect(unflagged).not.toContain('longduan 第十五条');
  });

  it('over the third blind set (seed 20261207, scored once at the end of session 11 after the second round of rules), no more wrong articles keep an error unhighlighted than then', () => {
    const { wrongArticles, unflagged } = setScore('blind3');
    expect(wrongArticles).toBeGreaterThanOrEqual(17); // 25 when scored, 21 since half-width brackets are measured on short lines only
    // Measured blind: 8 of 25 — clause marks lost between words (gongshang 第十二条, wenming 第七条, 第十一条,
    // 第十三条), look-alikes (heitudi 力式 for 方式, sanju 完法 for 宪法 again — 行完 is written), a lost 族
    // (sanju 第二条), 以双 for 以及 (wenming 第八条). README-importers, blind3 paragraph. Session 13: the space
    // tesseract saw where 、 was dropped (wenming 第七条 教育工作者 社会公众) highlights both sides (ocr-geometry.ts).
    // Session 15: a full line that does not close its sentence followed by an indented one — a line lost
    // between (ocr-text.ts lostLines) — takes sanju 第二条.
    // Session 16: a short line that does not close its sentence before an indented one — the paragraph's closing
    // mark lost (ocr-text.ts lostLines) — takes gongshang 第十二条 (规定 | 任何单位, joined by the layout).
    // Session 19: a ； setting off a clause of two to five characters before another ； (shortClauseSemicolons) takes
    // wenming 第十一条 (时间；控制音量；) and 第十三条 (使用灯光；不随意变道；).
    // And a never-written pair read at 98 with no common pair on the other side (neverWrittenBeside) heitudi 第十三条 (还田力式).
    expect(unflagged.length).toBeLessThanOrEqual(1);
    expect(unflagged).not.toContain('heitudi 第十三条');
    expect(unflagged).not.toContain('wenming 第十一条');
    expect(unflagged).not.toContain('wenming 第十三条');
    expect(unflagged).not.toContain('gongshang 第十二条');
    expect(unflagged).not.toContain('wenming 第七条');
    expect(unflagged).not.toContain('sanju 第二条');
    // Session 22: a character making a never-written pair whose look-alike makes a triple written ≥ 200 times (likelierTriples:
    // 完法和 — 宪法和) takes sanju 第三条.
    expect(unflagged).not.toContain('sanju 第三条');
  });

  it('over the fourth blind set (seed 20261208, scored once in session 12: 7 of 29), no more wrong articles keep an error unhighlighted than after the two rules it asked for', () => {
    const { wrongArticles, unflagged } = setScore('blind4');
    expect(wrongArticles).toBeGreaterThanOrEqual(18); // 29 when scored, 25 since half-width brackets are measured on short lines only, 20 with session 27's phrase around an odd character (hulianwang 孙以处罚 → 予以, senlin 本市宝际 → 实际, 保扯 → 保护), 19 with session 28's phrase around a character odd on one side (anquan 有关部问 → 部门), 18 with session 32's paragraph ends (senlin 第二条 区域51之 → 区域。)
    // Scored blind: 7 of 29. Two were OCR misses a general rule now takes (huanping 第十九条 （一）（一）（三）,
    // anquan 第十一条 a ； inside 经菅十位；「提褪); of the five left, four are the source's own half-width , ; :
    // between Chinese (xinyong 第二条, 第七条, 第十一条; senlin 第十条), printed so and read back full-width by
    // design, and one is anquan 第十六条 负责大：安全 (人、 misread, the ： beside one doubt). README-importers, blind4 paragraph.
    // Session 13: a comma whose glyph box looks half-width stays `,` and is highlighted (ocr-geometry.ts): xinyong
    // 第二条 and 第十一条 (第七条 keeps its half-width ;, which the boxes do not show).
    // Session 14: a colon between two words the corpus never writes so (oddColons) takes anquan 第十六条.
    // Session 20: a ； after a bare clause (bareClauseSemicolons) takes xinyong 第七条 (工作;建立区域…，: the page's own ;).
    // Session 21: a : at a line's end sitting lower than the document's others (ocr-geometry.ts halfWidthLineEndMarks)
    // takes senlin 第十条 (命名为市级森林公园: before its list: the page's own half-width colon).
    expect(unflagged.length).toBeLessThanOrEqual(0);
    expect(unflagged).not.toContain('senlin 第十条');
    expect(unflagged).not.toContain('anquan 第十六条');
    expect(unflagged).not.toContain('xinyong 第七条');
    expect(unflagged).not.toContain('xinyong 第二条');
    expect(unflagged).not.toContain('xinyong 第十一条');
  });

  it('over the fifth blind set (seed 20261209, scored once at the end of session 13: 4 of 28), no more wrong articles keep an error unhighlighted than then', () => {
    const { wrongArticles, unflagged } = setScore('blind5');
    expect(wrongArticles).toBeGreaterThanOrEqual(18); // 28 when scored, 22 since half-width brackets are measured on short lines only
    // Scored blind, with session 13's rules: 4 of 28 — a 3 read inside a seal's damage (fankong 第十二条), ； for
    // ， (fankong 第十四条), ： for 、 between two words (fankong 第十五条 相关法律：.法规), 诊 for 冶 beside a
    // highlighted 炼 (xitu 第二十二条). README-importers, blind5 paragraph. Session 14: a colon between two words
    // the corpus never writes so (oddColons) takes fankong 第十五条, digits apart by a gap read as one number fankong 第十二条.
    // Session 20: a ； after a bare clause, a ， after it (bareClauseSemicolons) takes fankong 第十四条.
    // Session 30: a never-written pair the document reads doubtfully at most of its occurrences (pairsDoubtedMostly) takes xitu 第二十二条.
    expect(unflagged.length).toBeLessThanOrEqual(0);
    expect(unflagged).not.toContain('xitu 第二十二条');
    expect(unflagged).not.toContain('fankong 第十四条');
    expect(unflagged).not.toContain('fankong 第十五条');
    expect(unflagged).not.toContain('fankong 第十二条');
  });

  it('over the sixth blind set (seed 20261210, scored once at the end of session 14: 2 of 24), no more wrong articles keep an error unhighlighted than then', () => {
    const { wrongArticles, unflagged } = setScore('blind6');
    expect(wrongArticles).toBeGreaterThanOrEqual(19); // 24 when scored, 19 with session 31's specks after a line's 。 (paiqi 车型。 : 仪, 报废。 : 仪)
    // Scored blind, with session 14's rules: 2 of 24 — 平 read for 并 (canji 第八条 评定，并为残疾评定申请人), and a
    // paragraph's last 意。 lost where the next paragraph begins (hehuo 第二十二条 一致同意。合伙人之间).
    // README-importers, blind6 paragraph. Session 15: the lost line (at a page's foot: a full line that does not
    // close its sentence, the next page opening indented — ocr-text.ts lostLines) takes hehuo 第二十二条.
    // Session 23: a clause opened by a seldom opener in a pair no clause opens with (oddClauseOpenings) takes canji 第八条.
    expect(unflagged.length).toBeLessThanOrEqual(0);
    expect(unflagged).not.toContain('hehuo 第二十二条');
  });

  it('a line lost in the reading — a full line that does not close its sentence, then an indented one — highlights both sides (ocr-text.ts lostLines)', () => {
    // hehuo (blind6, JPEG q30): page 4 ends …一致同 at the right margin, the line 意。 was not read, page 5 opens
    // indented with the next paragraph; the layout joined them (一致同合伙人之间)
    const hehuo = article(pagesOf('hehuo'), join(DIR, 'hehuo.md'), '第二十二条');
    expect(hehuo.text).toContain('一致同合伙人之间');
    expect(hehuo.unhighlighted).toEqual([]);
    // sanju (blind3, seal): …认定的少数民 at the margin, its line's 族 lost, the next line indented with 。散居…
    const sanju = article(pagesOf('sanju'), join(DIR, 'sanju.md'), '第二条');
    expect(sanju.text).toContain('少数民。散居');
    expect(sanju.unhighlighted).toEqual([]);
    // a paragraph's last line that closes its sentence, a line short of the margin, or a continuation line that is not indented: nothing
    const end = (full: boolean, closed: boolean, indented: boolean, first: number) => ({ full, closed, indented, first, last: first + 9 });
    expect(lostLines([end(true, false, false, 0), end(true, false, true, 10)])).toEqual([9, 10]);
    expect(lostLines([end(true, true, false, 0), end(true, false, true, 10)])).toEqual([]);
    expect(lostLines([end(false, false, false, 0), end(true, false, true, 10)])).toEqual([]);
    expect(lostLines([end(true, false, false, 0), end(true, false, false, 10)])).toEqual([]);
  });

  it('a mark lost at a line\'s end — a line of ideographs short of the margin, a continuation line, a pair the laws write rarely across — highlights both sides (ocr-text.ts lostLines)', () => {
    // renli (dev, noise): 平台建设，| 推进… read 平台建设|推进; the line ends 0.7 of a cell before the margin
    const renli = article(pagesOf('renli'), join(DIR, 'renli.md'), '第七条');
    expect(renli.text).toContain('建设推进');
    expect(renli.unhighlighted).toEqual([]);
    const end = (text: string, first: number, o: { short?: boolean; indented?: boolean } = {}) => ({ full: false, closed: false, indented: o.indented ?? false, short: o.short ?? true, first, last: first + text.length - 1, text });
    expect(lostLines([end('加强平台建设', 0), end('推进建设工作。', 6)])).toEqual([5, 6]);
    // a pair the laws write often across (a title kept whole, 安全|法》), a full line, a new paragraph, a label: nothing
    expect(lostLines([end('矿山安全', 0), end('法》的规定', 4)])).toEqual([]);
    expect(lostLines([end('加强平台建设', 0, { short: false }), end('推进建设工作。', 6)])).toEqual([]);
    // before an indented line (a new paragraph) the short line's sentence end was lost: both sides too; not after a heading
    expect(lostLines([end('加强平台建设', 0), end('推进建设工作。', 6, { indented: true })])).toEqual([5, 6]);
    expect(lostLines([end('第二章监督管理', 0), end('第七条市林业', 7, { indented: true })])).toEqual([]);
    expect(lostLines([end('编制军衔', 0), end('第九条军官', 4)])).toEqual([]);
  });

  it('over the seventh blind set (seed 20261211, scored once at the end of session 15: 1 of 20), no more wrong articles keep an error unhighlighted than then', () => {
    const { wrongArticles, unflagged } = setScore('blind7');
    expect(wrongArticles).toBeGreaterThanOrEqual(16); // 20 when scored
    // Scored blind, with session 15's rules: 1 of 20 — 市人大财经 read 市大夫财经 with the 大 unhighlighted
    // (yusuan 第九条). README-importers, blind7 paragraph. Session 16: two characters beside an odd one that differ
    // from a word the document reads again and again (ocr-document-words.ts runsReadElsewhere) take it.
    expect(unflagged.length).toBeLessThanOrEqual(0);
    expect(unflagged).not.toContain('yusuan 第九条');
  });

  it('an ordinal after 第 that no number is written as (第一十二百 for 第一千二百) is highlighted whole (malformedOrdinals)', () => {
    // shengtai (blind8, jpeg30): 民法典第一千二百三十条 read 第一十二百三十条 — every pair of it is common
    // — since session 18 repaired: one 十 read for 千 is the only swap of the look-alikes that makes it a number
    // (ordinalRepairs, applied over the laid-out text as a suspect)
    const a = article(pagesOf('shengtai'), join(DIR, 'shengtai.md'), '第四条');
    expect(a.text).toContain('民法典第一千二百三十');
    expect(a.unhighlighted).toEqual([]);
    const laid = layoutOcrPages(pagesOf('shengtai'))!;
    const at = laid.stream.indexOf('第一千二百三十');
    expect(laid.confidence[at + 2]).toBeLessThan(SUSPECT_CONFIDENCE);
    // zongze (blind9): 民法典第一千一百二十八条、第一千一百二十九条, both read 第一十一百…
    expect(article(pagesOf('zongze'), join(DIR, 'zongze.md'), '第十四条').text).toContain('第一千一百二十八条、第一千一百二十九条');
    expect([...ordinalRepairs('依照民法典第一十二百三十条')]).toEqual([[7, '千']]);
    expect([...ordinalRepairs('第二百百条')]).toEqual([]); // no one swap makes it a number: left to the highlight
    expect([...ordinalRepairs('第一千二百六十条，第十二条，第一百一十条')]).toEqual([]);
    expect(onCorrectText((t) => [...ordinalRepairs(t).keys()], allFixtureLaws()).flags).toBe(0); // (0 in the corpus's 13.7 M characters too)
    expect(malformedOrdinals('第一十二百三十条')).toEqual([1, 2, 3, 4, 5, 6]);
    expect(malformedOrdinals('依照第二百百条')).toEqual([3, 4, 5]);
    // numbers as written — units in order, 零 between, a leading 十, bare digits, 万 — are not
    for (const ok of ['第一千二百六十条', '第十二条', '第一百零五条', '第一千零一十条', '第一百一十条', '第三十条之一', '第二〇二〇号', '第一线', '第二万条']) expect(malformedOrdinals(ok)).toEqual([]);
  });

  it('a ； after a bare clause, with no ， before it in its sentence (办法；由 for 办法，由) is highlighted, not one between clauses with commas or a list\'s', () => {
    // zulin (blind8, rotated + seal): 土地收益收缴的具体标准和办法，由市人民政府另行规定。 read with ；
    const a = article(pagesOf('zulin'), join(DIR, 'zulin.md'), '第十条');
    expect(a.text).toContain('办法；由');
    expect(a.unhighlighted).toEqual([]);
    const odd = (t: string) => bareClauseSemicolons(t).map((o) => t.slice(o - 2, o + 3)).join(' ');
    expect(odd('土地收益收缴的具体标准和办法；由市人民政府另行规定。')).toBe('办法；由市');
    expect(odd('前款规定的费用，由市财政承担；区财政予以配合的，从其规定。')).toBe('');
    expect(odd('具备下列条件：（一）符合规划；（二）权属清楚。')).toBe('');
    expect(odd('（一）遵守公共秩序；服从管理；')).toBe('');
    // (two ； part a list of clauses)
    expect(odd('县级人民政府负责本行政区域的工作；乡镇人民政府负责辖区的工作；街道办事处予以配合。')).toBe('');
    const { chars, flags } = onCorrectText(bareClauseSemicolons);
    // (measured since session 20, a ， after it allowed: 15 of 116,855 characters of these fixture laws, 0.013 %; the corpus's articles, 13.0 M
    // characters: 2,203, 0.017 % — session 17's rule, no ， on either side: 5 and 750)
    expect(chars).toBeGreaterThan(100_000);
    expect(flags / chars).toBeLessThan(0.0003);
  });

  it('a ； that parts one bare clause off a run of ，-clauses (会议；日常工作由…承担。 for 会议，日常) is highlighted, in a list item and in a text typed half-width too', () => {
    // Session 28: gdkepu (blind16, clean + seal) 第十条 and qdjieshui (blind14, a law typed with half-width , ; :) 第二十六条 —
    // a ， read ；, at 99, with a ， before it in its sentence (so no bare clause: bareClauseSemicolons) and none after.
    for (const [slug, label, read] of [
      ['gdkepu', '第十条', '全体成员会议；日常工作由'],
      ['qdjieshui', '第二十六条', '用水记录完整;统计资料齐全;'],
    ] as const) {
      const a = article(pagesOf(slug), join(DIR, `${slug}.md`), label);
      expect(a.text).toContain(read);
      expect(a.unhighlighted).toEqual([]);
    }
    const odd = (t: string) => semicolonsBeforeBareClause(t).map((o) => t.slice(o - 2, o + 3)).join(' ');
    expect(odd('应当建立协调制度，每年至少召开一次全体成员会议；日常工作由科学技术协会承担。')).toBe('会议；日常');
    expect(odd('（一）管理制度健全，计量准确，用水记录完整；统计资料齐全；\n（二）用水计划合理；')).toBe('完整；统计');
    // a ； above clauses that have their own ，, a ； with no ， before it (bareClauseSemicolons' case), two ； (a list of clauses)
    expect(odd('违反本条例规定的，责令改正；情节严重的，处一万元以下罚款。')).toBe('');
    expect(odd('土地收益收缴的具体标准和办法；由市人民政府另行规定。')).toBe('');
    expect(odd('县级人民政府负责本行政区域的工作，组织实施；乡镇人民政府负责辖区的工作；街道办事处予以配合。')).toBe('');
    // the item's own closing ； and a list after ： are not inner marks
    expect(odd('（一）符合规划，权属清楚；')).toBe('');
    expect(odd('具备下列条件：（一）符合规划；（二）权属清楚。')).toBe('');
    const { chars, flags } = onCorrectText(semicolonsBeforeBareClause);
    // (measured: every third corpus law's articles, 4.54 M characters: 319, 0.0070 %; all 2,590 laws, 13.7 M: 936, 0.0068 %)
    expect(chars).toBeGreaterThan(100_000);
    expect(flags / chars).toBeLessThan(0.0002);
  });

  it('a ； after a bare clause with a ， later in its sentence (行业自律；引导、督促…，, 绿色发展；河长领导…，) is highlighted', () => {
    // fankong (blind5, rotated + seal) 第十四条 and hezhang (blind11, seal + JPEG q30) 第四条: ， read ； at full confidence
    for (const [slug, label, read] of [
      ['fankong', '第十四条', '加强行业自律；引导、督促'],
      ['hezhang', '第四条', '生态优先、绿色发展；河长领导'],
    ] as const) {
      const a = article(pagesOf(slug), join(DIR, `${slug}.md`), label);
      expect(a.text).toContain(read);
      expect(a.unhighlighted).toEqual([]);
    }
    const odd = (t: string) => bareClauseSemicolons(t).map((o) => t.slice(o - 2, o + 3)).join(' ');
    expect(odd('相关行业组织应当加强行业自律；引导、督促会员单位建立和完善反恐怖主义安全防范制度，做好日常安全防范工作。')).toBe('自律；引导');
    expect(odd('河长制坚持生态优先、绿色发展；河长领导、部门联动，综合治理、公众参与的原则。')).toBe('发展；河长');
    // the ； after a clause with its own ， is the sentence's own
    expect(odd('任何单位和个人都有协助、配合有关部门开展工作的义务，发现嫌疑的，应当及时报告；相关行业组织应当加强行业自律，引导会员单位。')).toBe('');
  });

  it('blind8 (seed 20261212), scored once at session 16\'s end: the wrong articles stay highlighted as then', () => {
    const { wrongArticles, unflagged } = setScore('blind8');
    expect(wrongArticles).toBeGreaterThanOrEqual(24); // 40 when scored; 39 → 28 with session 22's corrections (zulin's 租贩, 规刘, 诉论), 27 with session 23's nested titles (shengtai 第十条 〈…〉), 25 with session 31's specks after a line's 。 (jingjiren 审验一次。 *, 签名。 : 仪), 24 with session 32's paragraph ends (liaocheng 第二条 本条例a 1之 → 本条例。)
    // Scored blind, with session 16's rules: 5 of 40 — 了解 read 子解 (jingjiren 第二十二条), 第一千二百 read 第一十二百
    // (shengtai 第四条), 诉讼 read 诉论 (shengtai 第九条), ， read ； and ： (zulin 第十条, 第十九条). README-importers, blind8.
    // Since: an ordinal no number is written as (malformedOrdinals) takes shengtai 第四条; a ； alone in its sentence
    // (bareClauseSemicolons, session 17) zulin 第十条; a ： inside a 、 list closed by 等 (colonsInsideLists, session 19) zulin 第十九条.
    // And 诉论 read at 97 beside a pair never written (neverWrittenBeside, session 19) shengtai 第九条.
    expect(unflagged.length).toBeLessThanOrEqual(1);
    expect(unflagged).not.toContain('zulin 第十九条');
    expect(unflagged).not.toContain('shengtai 第九条');
    expect(unflagged).not.toContain('shengtai 第四条');
    expect(unflagged).not.toContain('zulin 第十条');
  });

  it('blind9 (seed 20261213), scored once at session 17\'s end: the wrong articles stay highlighted as then', () => {
    const { wrongArticles, unflagged } = setScore('blind9');
    expect(wrongArticles).toBeGreaterThanOrEqual(18); // 23 when scored
    // Scored blind, with session 17's rules: 8 of 23 — the source's own half-width : and ; read full-width (xianggang 第二条,
    // 第三条, 第四条, with Roman numerals IV read TV), ， read ； (waishang 第三条), 。 read ； (daojiao 第八条), 驾驶人 read
    // 驾驶大 (daojiao 第十六条), a ： read before （以下 (jianzhushi 第六条), a heading 四、宣告失踪和宣告死亡 read into the
    // article before it (zongze 第十三条). README-importers, blind9. Since: a heading read into an article is highlighted whole.
    // Session 18: a ； in a sentence that ends in ： (bareClauseSemicolons) takes waishang 第三条, a ： before a bracketed remark
    // (colonsBeforeAsides) jianzhushi 第六条, a look-alike making only rare pairs where it makes common ones (likelierLookAlikes)
    // daojiao 第十六条. Left: the source's own half-width : ; (xianggang 第二条, 第三条, 第四条), 。 read ； (daojiao 第八条).
    // Session 21: a : or ; at a line's end sitting lower than the document's others (ocr-geometry.ts halfWidthLineEndMarks)
    // takes all four: xianggang's half-width marks before their lists, and daojiao's 。 (its ink at the cell's foot) read ;.
    expect(unflagged.length).toBeLessThanOrEqual(0);
    expect(unflagged).not.toContain('xianggang 第二条');
    expect(unflagged).not.toContain('xianggang 第三条');
    expect(unflagged).not.toContain('xianggang 第四条');
    expect(unflagged).not.toContain('daojiao 第八条');
    expect(unflagged).not.toContain('zongze 第十三条');
    expect(unflagged).not.toContain('waishang 第三条');
    expect(unflagged).not.toContain('jianzhushi 第六条');
    expect(unflagged).not.toContain('daojiao 第十六条');
  });

  it('blind10 (seed 20261214), scored once at session 18\'s end: the wrong articles stay highlighted as then', () => {
    const { wrongArticles, unflagged } = setScore('blind10');
    expect(wrongArticles).toBeGreaterThanOrEqual(15); // 20 when scored
    // Scored blind, with session 18's rules: 5 of 20, all on yangchen's seal page (sans; rotated + seal), misreads inside
    // or beside a stretch the seal garbled whose neighbours were highlighted (第五条, 第六条, 第九条 级伟士大民政府 for
    // 县级以上人民政府), a number read as another number (第十一条 处五十元), 日 read 目 (第十五条). README-importers, blind10.
    // Session 19: an ideograph between two damaged neighbours (ocr-text.ts traceUnits) takes 第六条 (监着督理久贡责), a fine's
    // range whose bounds span more than 100 times (oddMoneyRanges) 第十一条 (五十元以上二万元以下).
    // And 之目的 read at 97 (目的 common, 之目 never written: neverWrittenBeside) 第十五条.
    // Session 22: a triple the corpus never writes beside a look-alike's it writes often (likelierTriples: 士大民 — 大民政 never,
    // 人民政 33,062 times) 第九条.
    // Session 25: a character read under 97 that leaves a phrase its two predecessors begin (ocr-text.ts leavesPhrase:
    // 及时合 — 及时向 written ≥ 200 times) 第五条.
    expect(unflagged).toEqual([]);
    expect(unflagged).not.toContain('yangchen 第九条');
    expect(unflagged).not.toContain('yangchen 第十五条');
    expect(unflagged).not.toContain('yangchen 第六条');
    expect(unflagged).not.toContain('yangchen 第十一条');
  });

  it('blind11 (seed 20261215), scored once at session 19\'s end: the wrong articles stay highlighted as then', () => {
    const { wrongArticles, unflagged } = setScore('blind11');
    expect(wrongArticles).toBeGreaterThanOrEqual(20); // 26 when scored
    // Scored blind, with session 19's rules: 4 of 26 — a ； read for ， between clauses (hezhang 第四条 绿色发展；河长领…), a ： read
    // for 、 in a list (shantou 第十一条 新能源：新材料, xiaoguimo 第十二条), 平 read for 并 at full confidence (xiaoguimo 第九条,
    // 平与 a pair the corpus writes). README-importers, blind11. Session 20: a ； after a bare clause (bareClauseSemicolons)
    // takes hezhang 第四条, a ： inside a longer 、 list closed by 等 (colonsInsideLists, 60 characters) shantou 第十一条.
    // Session 23: oddClauseOpenings (，平与: 平 opens under 1 in 20 of its clauses, 平与 none) takes xiaoguimo 第九条.
    expect(unflagged.length).toBeLessThanOrEqual(1);
    expect(unflagged).not.toContain('hezhang 第四条');
    expect(unflagged).not.toContain('shantou 第十一条');
    expect(unflagged).not.toContain('xiaoguimo 第九条');
  });

  it('blind12 (seed 20261216), scored once at session 20\'s end: the wrong articles stay highlighted as then', () => {
    const { wrongArticles, unflagged } = setScore('blind12');
    expect(wrongArticles).toBeGreaterThanOrEqual(21); // 27 when scored
    // Scored blind, with session 20's rules: 2 of 27, both on chaozhou (sans; clean + seal) — 入 read as 关 without a
    // highlight (第七条 纳关村规民约), a ， read as ； before a clause the seal garbled (第十二条 使用灯光；遥刺停…, 遇到 read
    // 遥刺 and highlighted). README-importers, blind12.
    // Session 21: a clause mark read under 99 beside a character read under 85 (ocr-text.ts traceUnits, WRECKED_CONFIDENCE)
    // takes 第十二条 (the ； at 98 beside 遥 at 83).
    // Session 29: 0 — 纳关村's 关 (at 96) stands in a closed frame that never held it (outsideClosedFrames).
    expect(unflagged.length).toBeLessThanOrEqual(0);
    expect(unflagged).not.toContain('chaozhou 第十二条');
  });

  it('blind13 (seed 20261217), scored once at session 21\'s end: the wrong articles stay highlighted as then', () => {
    const { wrongArticles, unflagged } = setScore('blind13');
    expect(wrongArticles).toBeGreaterThanOrEqual(18); // 24 when scored
    // Scored blind, with session 21's rules: 1 of 24 — lcwenming (sans; clean + seal) 第八条 人 read as 大 at full confidence
    // (楼梯和大行道, a common pair). README-importers, blind13. Session 22: 大行道 is never written, 人行道 100 times
    // (likelierTriples).
    expect(unflagged.length).toBeLessThanOrEqual(0);
  });

  it('blind14 (seed 20261218), scored once at session 22\'s end: the wrong articles stay highlighted as then', () => {
    const { wrongArticles, unflagged } = setScore('blind14');
    expect(wrongArticles).toBeGreaterThanOrEqual(15); // 39 when scored, 20 once a text typed with half-width marks keeps them
    // Scored blind, with session 22's rules: 17 of 39, 16 of them qdjieshui (a law typed with half-width , ; :
    // throughout, made full-width and not highlighted). With halfWidthCommas (scored after): 3 — gdhaiyu 第二条 a lost
    // ， (海活动以及), qdjieshui 第七条 and 第二十六条 (a mark or character lost beside one unhighlighted). README-importers, blind14.
    // With tesseract's alternatives read (LAWDESK_OCR_CHOICES=1; ocr-mark-choices.test.ts), 1: gdhaiyu 第二条's comma
    // (the source's own `活动,以及`) and qdjieshui 第二十六条's `记录完整;统计资料` are highlighted.
    // Session 28: 2 — qdjieshui 第二十六条's ; parts one bare clause off a run of ,-clauses (semicolonsBeforeBareClause).
    // Session 29: 1 — qdjieshui 第七条 (计划参照, its , lost) leaves a closed frame with a doubted character (outsideClosedFrames).
    expect(unflagged.length).toBeLessThanOrEqual(1);
    expect(unflagged).not.toContain('qdjieshui 第二十六条');
    expect(unflagged).not.toContain('qdjieshui 第七条');
  });

  it('blind15 (seed 20261219), scored once at session 23\'s end: the wrong articles stay highlighted as then', () => {
    const { wrongArticles, unflagged } = setScore('blind15');
    expect(wrongArticles).toBeGreaterThanOrEqual(20); // 35 when scored, 26 once a name its title writes is kept (知识城)
    // Scored blind, with session 23's rules: 2 of 35 — hexanquan 第二条 and 第十五条, the source's own half-width `:` before
    // its lists made full-width, unhighlighted (3 line-end colons, too few to judge). Since session 24 a kind with too few
    // is judged against the document's line-end ；: 0 (halfWidthLineEndMarks). README-importers, blind15.
    expect(unflagged.length).toBe(0);
  });

  it('blind16 (seed 20261220), scored once at session 24\'s end: the wrong articles stay highlighted as then', () => {
    const { wrongArticles, unflagged } = setScore('blind16');
    expect(wrongArticles).toBeGreaterThanOrEqual(20); // 31 when scored
    // Scored blind, with session 24's rules: 3 of 31 — gdkepu 第十条 (a ， read ； between two clauses, and 下列 read 一列),
    // qdtuzai 第二十一条 (the source's own half-width `,` after ）, made full-width) and 第二十二条 (a ， under the seal read 关).
    // README-importers, blind16.
    // Session 25: a character read under 97 that leaves a phrase its two predecessors begin (ocr-text.ts leavesPhrase)
    // takes qdtuzai 第二十二条 (品的关 at 95 — 品的生 written ≥ 200 times) and gdkepu's 一列 (中的一 at 96 — 中的重), not its ；.
    // With tesseract's alternatives read (LAWDESK_OCR_CHOICES=1; ocr-mark-choices.test.ts), 1: qdtuzai 第二十一条 (`凭证）,及时`).
    // Session 28: 1 — gdkepu 第十条's ； parts one bare clause off a run of ，-clauses (semicolonsBeforeBareClause).
    expect(unflagged.length).toBeLessThanOrEqual(1);
    expect(unflagged).not.toContain('gdkepu 第十条');
    expect(unflagged).not.toContain('qdtuzai 第二十二条');
  });

  it('blind17 (seed 20261221), scored once at session 25\'s end: the wrong articles stay highlighted as then', () => {
    const { wrongArticles, unflagged } = setScore('blind17');
    expect(wrongArticles).toBeGreaterThanOrEqual(15); // 23 when scored
    // Scored blind, with session 25's rules: 2 of 23 — hpjiang 第二条 (the source's own half-width `,` after ）, made
    // full-width, as qdtuzai's) and zqfengxian 第九条 (设定 read for 决定: a confident look-alike making a common pair).
    // README-importers, blind17.
    // With tesseract's alternatives read (LAWDESK_OCR_CHOICES=1; ocr-mark-choices.test.ts), 1: hpjiang's comma is highlighted.
    // Session 31: a doubted character whose two neighbours on each side the document writes around another one twice as
    // often (framedOtherwiseInDocument: 可以设定延长 beside the law's own 可以决定延长 ×2) takes zqfengxian 第九条.
    expect(unflagged.length).toBeLessThanOrEqual(1);
    expect(unflagged).not.toContain('zqfengxian 第九条');
  });

  it('blind18 (seed 20261222), scored once at session 26\'s end: the wrong articles stay highlighted as then', () => {
    const { wrongArticles, unflagged } = setScore('blind18');
    expect(wrongArticles).toBeGreaterThanOrEqual(14); // 20 when scored
    // Scored blind, with session 26's rules: 2 of 20 — shenfenzheng 第十九条 (并处五十元罚款 read for 五千: 十 for 千 at a
    // confidence no rule doubts, and 五十元 a plausible fine) and tagongre 第五条 (供热行故 for 行政: a look-alike read
    // confidently). The same 2 with tesseract's alternatives read. README-importers, blind18.
    // Session 27: 1 — shenfenzheng's 十 (read at 95) is a numeral of an amount, held to the digits' line (quantityNumeral).
    // Session 28: 0 — tagongre's 故 makes rare pairs either side inside 行…主, which frame 政 thousands of times (framedElsewhere).
    expect(unflagged.length).toBeLessThanOrEqual(0);
    expect(unflagged).not.toContain('shenfenzheng 第十九条');
  });

  it('blind19 (seed 20261223), scored once at session 27\'s end: the wrong articles stay highlighted as then', () => {
    const { wrongArticles, unflagged } = setScore('blind19');
    expect(wrongArticles).toBeGreaterThanOrEqual(14); // 20 when scored
    // Scored blind, with session 27's rules: 2 of 20 — guofangjiaotong 第十四条 (the source's own half-width : before its
    // list, read full-width, as 进出口关税条例's (一) were in blind18) and shgongjijin 第九条 (第（二）项 read 第（工）=颈: the
    // garble highlighted, the 工 between the brackets not). The second is highlighted since (oddBracketedOrdinals).
    expect(unflagged.length).toBeLessThanOrEqual(1);
    expect(unflagged).not.toContain('shgongjijin 第九条');
  });

  it('blind20 (seed 20261224), scored once at session 28\'s end: every wrong article stays highlighted as then', () => {
    const { wrongArticles, unflagged } = setScore('blind20');
    expect(wrongArticles).toBeGreaterThanOrEqual(15); // 21 when scored
    // Scored blind, with session 28's rules: 0 of 21 unflagged, 39 wrong characters all highlighted (99.72 % right).
    expect(unflagged).toEqual([]);
  });

  it('blind21 (seed 20261225), scored once at session 29\'s end: every wrong article stays highlighted as then', () => {
    const { wrongArticles, unflagged } = setScore('blind21');
    expect(wrongArticles).toBeGreaterThanOrEqual(13); // 18 when scored
    // Scored blind, with session 29's rules: 0 of 18 unflagged, 40 wrong characters all highlighted (99.71 % right).
    expect(unflagged).toEqual([]);
  });

  it('blind22 (seed 20261226), scored once at session 30\'s end: the wrong articles stay highlighted as then', () => {
    const { wrongArticles, unflagged } = setScore('blind22');
    expect(wrongArticles).toBeGreaterThanOrEqual(19); // 25 when scored
    // Scored blind, with session 30's rules: 3 of 25 — bjjujia 第五条 (a 、 in a list read ： at a seal), cqyuanlin 第十六条
    // (草圃 read 草围 beside 花围, a confident look-alike), mianhua 第十九条 (内容是： read ；, a clause mark made another).
    // 44 wrong characters, 41 highlighted (99.68 % right). README-importers, blind22.
    // Session 31: a clause mark after a word that seldom takes it (seldomMarksAfter: 是；, 导：) takes mianhua 第十九条 and
    // bjjujia 第五条; a ： before a 「 never closed (marksBeforeLoneOpeners) bjjujia 第五条 too.
    // Session 32 (suspects): a character below 99 making a never-written pair with a doubted neighbour that reads well on its other
    // side (besideDoubtedMisfit) takes cqyuanlin 第十六条: every wrong article highlighted.
    expect(unflagged).toEqual([]);
  });

  it('flags a character below 99 making a pair the laws never write with a doubted neighbour that reads well on its other side (花围、草围等 for 草圃)', () => {
    const t = '苗圃、花围、草围等';
    const odd = (doubted: number[]) => [...t].filter((_, o) => besideDoubtedMisfit(t, o, (k) => doubted.includes(k))).join('');
    expect(odd([6])).toBe('围');
    // nobody doubted, or the doubted one makes a common pair with it: nothing
    expect(odd([])).toBe('');
    expect(odd([1])).toBe('');
    // cqyuanlin (blind22, clean + seal) 第十六条: 草 at 91 after 、, 围 (for 圃) at 98
    const a = article(pagesOf('cqyuanlin'), join(DIR, 'cqyuanlin.md'), '第十六条');
    expect(a.text).toContain('草围等');
    expect(a.unhighlighted).toEqual([]);
    // It needs a neighbour doubted below the suspect line: on correct text with every character doubted as often as the kept scans
    // doubt theirs below 92 (a seeded draw at the dev pages' share), and the character itself not gated at 99 as traceUnits gates
    // it, it stays under 0.01 % (measured 0.004 %; traceUnits' gate leaves about one in forty of those).
    let han = 0;
    let low = 0;
    for (const slug of ['weicheng', 'renli', 'shuiwen']) {
      for (const p of pagesOf(slug)) for (const l of p.lines) for (const x of l.symbols) if (/[\u3400-\u9fff]/.test(x.ch)) {
        han++;
        if (x.conf < SUSPECT_CONFIDENCE) low++;
      }
    }
    expect(low).toBeGreaterThan(0);
    let seed = 20261208;
    const { chars, flags } = onCorrectText((text) => {
      const doubted = new Set([...text].flatMap((_, o) => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32 < low / han ? [o] : [])));
      return [...text].flatMap((_, o) => (besideDoubtedMisfit(text, o, (k) => doubted.has(k)) ? [o] : []));
    });
    expect(chars).toBeGreaterThan(100_000);
    expect(flags / chars).toBeLessThan(0.0001);
  });

  it('blind23 (seed 20261227), scored once at session 31\'s end: the wrong articles stay highlighted as then', () => {
    const { wrongArticles, unflagged } = setScore('blind23');
    expect(wrongArticles).toBeGreaterThanOrEqual(23); // 29 when scored
    // Scored blind, with session 31's rules (its pages given the comma ink the import measures, as the development sets'):
    // 6 of 29 — qdhaishang 第六条 (船舶 read 船船), 第七条 (停泊 read 停治), 第二十二条 (a half-width , at 99 beside 同意 the ink
    // rule did not reach), shdianli 第六条 (a half-width , on the rotated page), wangluofanzui 第二条 (a ， lost after ”),
    // 第三条 (三千 read 三十: a count in a criminal threshold read as another count). 53 wrong characters, 47 highlighted
    // (99.61 % right). README-importers, blind23.
    // Session 32 (marks): 第二十二条's , stands on a paragraph's short last line (同意,不得启封。, too few ideographs for a
    // pitch of its own), now measured on the page's pitch: 5. shdianli's , stands at its line's end (page 2, sealed, not the
    // rotated page 1): no ink after it to measure, and the mark's own shape does not tell it (README-importers, *Session 32 (marks)*).
    // Session 32 (suspects): a doubted ideograph that repeats its neighbour (repeatsNeighbour) takes qdhaishang 第六条, a quantity's 十 or 千
    // held to 99 (quantityNumeralLine) wangluofanzui 第三条.
    expect(unflagged.length).toBeLessThanOrEqual(3);
    expect(unflagged).not.toContain('qdhaishang 第二十二条');
    expect(unflagged).not.toContain('qdhaishang 第六条');
    expect(unflagged).not.toContain('wangluofanzui 第三条');
  });

  it('blind24 (seed 20261228), scored once at session 32\'s end: the wrong articles stay highlighted as then', () => {
    const { wrongArticles, unflagged } = setScore('blind24');
    expect(wrongArticles).toBeGreaterThanOrEqual(20); // 26 when scored
    // Scored blind, with session 32's rules (its pages given the comma ink the import measures, as the development sets'):
    // 1 of 26 — sdzimao 第十四条 (规定的以外 read 规定的场外, 场 read confidently). 38 wrong characters, 37 highlighted
    // (99.73 % right). README-importers, blind24.
    expect(unflagged.length).toBeLessThanOrEqual(1);
  });

  it('flags an ideograph read under 97 that repeats its neighbour (在船船、设施 for 船舶), not a doubled one read with confidence', () => {
    expect(['在船船、设施', '委员会会议', '船舶'].map((t) => [...t].filter((_, o) => repeatsNeighbour(t, o)).join(''))).toEqual(['船船', '会会', '']);
    // qdhaishang (blind23, clean + seal) 第六条: 舶 read 船 at 95 — 船船 is a common pair of the laws (渔船船员), so no pair rule sees it
    const a = article(pagesOf('qdhaishang'), join(DIR, 'qdhaishang.md'), '第六条');
    expect(a.text).toContain('在船船、设施');
    expect(a.unhighlighted).toEqual([]);
    // The laws double an ideograph at word boundaries (委员会会议, 法规规定), so traceUnits weighs it below 97 only: on correct text
    // with each character doubted as often as the kept scans doubt theirs below 97 (a seeded draw at the dev pages' share), it stays
    // under 0.01 %.
    let han = 0;
    let low = 0;
    for (const slug of ['weicheng', 'renli', 'shuiwen']) {
      for (const p of pagesOf(slug)) for (const l of p.lines) for (const x of l.symbols) if (/[\u3400-\u9fff]/.test(x.ch)) {
        han++;
        if (x.conf < 97) low++;
      }
    }
    expect(low / han).toBeGreaterThan(0.001);
    let seed = 20261208;
    const draw = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32 < low / han;
    const { chars, flags } = onCorrectText((t) => [...t].flatMap((_, o) => (repeatsNeighbour(t, o) && draw() ? [o] : [])));
    const alone = onCorrectText((t) => [...t].flatMap((_, o) => (repeatsNeighbour(t, o) ? [o] : [])));
    expect(chars).toBeGreaterThan(100_000);
    expect(alone.flags).toBeGreaterThan(0);
    expect(flags / chars).toBeLessThan(0.0001);
  });

  it('flags a clause mark after a word that seldom takes it (内容是； for 内容是：), not one before a list item or the word\'s usual mark', () => {
    const odd = (t: string) => seldomMarksAfter(t).map((o) => t[o]).join('');
    expect(odd('监督检查的内容是；棉花质量、数量和包装是否符合国家标准。')).toBe('；');
    expect(odd('监督检查的内容是：棉花质量、数量和包装是否符合国家标准。')).toBe('');
    expect(odd('各级老龄工作机构应当组织、协调、指导：督促有关部门落实居家养老服务工作。')).toBe('：');
    expect(odd('各级老龄工作机构应当组织、协调、指导、督促有关部门落实居家养老服务工作。')).toBe('');
    // a ： before a list item follows whatever word closes its clause
    expect(odd('发挥竞争优势：\n（一）加强基础设施建设；')).toBe('');
    // mianhua (blind22, jpeg30 + clean) 第十九条: the ： after 是 read ； at 98
    const a = article(pagesOf('mianhua'), join(DIR, 'mianhua.md'), '第十九条');
    expect(a.text).toContain('内容是；棉花');
    expect(a.unhighlighted).toEqual([]);
    const { chars, flags } = onCorrectText(seldomMarksAfter);
    // (measured: 0 of 133,112 characters of laws the table leaves out; 2 of 421,603 with every development set's laws — muying's
    // 卫生指导：关于…; every third corpus law against a table of the other two thirds, 0.0006 %)
    expect(chars).toBeGreaterThan(100_000);
    expect(flags / chars).toBeLessThan(0.0001);
  });

  it('flags a character whose two neighbours on each side the document writes around another one twice as often (可以设定延长 beside 可以决定延长 ×2)', () => {
    const texts = ['机构可以决定延长托管期限。', '机构可以决定延长经营期限。', '机构可以设定延长托管期限。'];
    const odd = (ts: string[]) => framedOtherwiseInDocument(ts).map((o, i) => o.map((k) => ts[i]![k]).join(''));
    expect(odd(texts)).toEqual(['', '', '设']);
    // once each: the document cannot tell which is its word
    expect(odd(texts.slice(1))).toEqual(['', '']);
    // numerals vary in a frame by right (依照第三十条规定, 依照第四十条规定)
    expect(odd(['依照本法第三十条规定。', '依照本法第四十条规定。', '依照本法第四十条规定。'])).toEqual(['', '', '']);
    // zqfengxian (blind17, jpeg30 + clean) 第九条: 设 read for 决 at 95, where its 第十一条 and 第十三条 read 可以决定延长
    const a = article(pagesOf('zqfengxian'), join(DIR, 'zqfengxian.md'), '第九条');
    expect(a.text).toContain('可以设定延长');
    expect(a.unhighlighted).toEqual([]);
    // On text alone it fires at a law's own word variants (0.044 % of the fixture laws' characters, 0.073 % of the corpus's),
    // so traceUnits weighs it below 99 only: on correct text with each character doubted as often as the kept scans doubt
    // theirs below 99 (a seeded draw at the dev pages' share), it stays under 0.01 %.
    const alone = onCorrectDocuments((ts) => framedOtherwiseInDocument(ts));
    expect(alone.chars).toBeGreaterThan(100_000);
    expect(alone.flags / alone.chars).toBeLessThan(0.001);
    let han = 0;
    let low = 0;
    for (const slug of ['weicheng', 'renli', 'shuiwen']) {
      for (const p of pagesOf(slug)) for (const l of p.lines) for (const x of l.symbols) if (/[\u3400-\u9fff]/.test(x.ch)) {
        han++;
        if (x.conf < 99) low++;
      }
    }
    expect(low / han).toBeGreaterThan(0.01);
    let seed = 20261208;
    const draw = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32 < low / han;
    const doubted = onCorrectDocuments((ts) => framedOtherwiseInDocument(ts).map((os) => os.filter(() => draw())));
    expect(doubted.flags / doubted.chars).toBeLessThan(0.0001);
  });

  it('flags a ： before a 「 that is never closed (指导：「督促 for 指导、督促), not a quotation the colon opens', () => {
    const odd = (t: string) => marksBeforeLoneOpeners(t).map((o) => t[o]).join('');
    expect(odd('各级老龄工作机构应当组织、协调、指导：「督促有关部门落实居家养老服务工作。')).toBe('：');
    expect(odd('标志上应当注明：「禁止通行」。')).toBe('');
    // bjjujia (blind22, rotated + seal) 第五条 and xiaoguimo (blind11, rotated + seal) 第十二条: 、 read ：「
    const a = article(pagesOf('bjjujia'), join(DIR, 'bjjujia.md'), '第五条');
    expect(a.text).toContain('指导：「督促');
    expect(a.unhighlighted).toEqual([]);
    const b = article(pagesOf('xiaoguimo'), join(DIR, 'xiaoguimo.md'), '第十二条');
    expect(b.text).toContain('数：「实际');
    expect(b.unhighlighted).not.toContain('：');
    const { chars, flags } = onCorrectText(marksBeforeLoneOpeners);
    // (measured: 0 here and 0 over every corpus law's articles)
    expect(chars).toBeGreaterThan(100_000);
    expect(flags).toBe(0);
  });

  it('what stands between the brackets of 第（…） is a numeral: anything else is highlighted (第（工）项 for 第（二）项)', () => {
    // shgongjijin (blind19, rotated + seal) 第九条: 第（二）项 read 第（工）=颈 — 工 is common, its pairs are written, and the list
    // check reads only the enumerators that open a line
    const a = article(pagesOf('shgongjijin'), join(DIR, 'shgongjijin.md'), '第九条');
    expect(a.text).toContain('第（工）');
    expect(a.unhighlighted).toEqual([]);
    const odd = (t: string) => oddBracketedOrdinals(t).map((o) => t[o]).join('');
    expect(odd('依照本条例第（工）项、第(3)目和第（十二）项的规定')).toBe('工');
    expect(odd('违反本办法第(丁)项')).toBe('丁');
    for (const ok of ['第（一）项', '第（十五）项', '第(2)目', '第（１２）项', '依照第（二）、（三）项']) expect(odd(ok)).toBe('');
    const { chars, flags } = onCorrectText(oddBracketedOrdinals, allFixtureLaws());
    // (measured: 0 in the corpus's 15.3 M characters, 2,590 laws, where 第（…） is written 690 times)
    expect(chars).toBeGreaterThan(100_000);
    expect(flags).toBe(0);
  });

  it('flags a confident ideograph whose three characters the corpus never writes while a look-alike’s it writes often (大行道 — 人行道), not the document’s own words', () => {
    const odd = (texts: string[]) => likelierTriples(texts).map((o, i) => o.map((k) => texts[i]![k]).join(''));
    expect(odd(['禁止在楼梯和大行道、消防通道堆放物品。'])).toEqual(['大']);
    expect(odd(['禁止在楼梯和人行道、消防通道堆放物品。'])).toEqual(['']);
    // a never-written pair (完法) whose look-alike makes a triple written often (宪法和)
    expect(odd(['并履行完法和法律规定的义务。'])).toEqual(['完']);
    expect(odd(['并履行宪法和法律规定的义务。'])).toEqual(['']);
    // the same triple where the document writes the character's pair twice or more is its own word
    expect(odd(['禁止在楼梯和大行道、消防通道堆放物品。', '大行道的宽度不得少于三米。'])).toEqual(['', '']);
    const laws = correctTextFiles();
    let chars = 0;
    let flags = 0;
    for (const f of laws) {
      const texts = sourceUnits(f).map((u) => u.text);
      chars += texts.reduce((n, t) => n + t.length, 0);
      flags += likelierTriples(texts).reduce((n, o) => n + o.length, 0);
    }
    // (measured: 35 of 281,619 characters of the 113 fixture laws the tables leave out, blind14's aside, 0.012 %; 15 by the
    // never-written triples alone; the correct-text files here are fewer)
    expect(chars).toBeGreaterThan(100_000);
    expect(flags / chars).toBeLessThan(0.0002);
  });

  it('flags a confident ideograph making rare pairs either side between two neighbours that frame another in a common phrase (供热行故主管 — 行政主), not the document’s own words', () => {
    const odd = (texts: string[]) => framedElsewhere(texts).map((o, i) => o.map((k) => texts[i]![k]).join(''));
    expect(odd(['市、县（市）供热行故主管部门负责本行政区域内供用热的管理工作。'])).toEqual(['故']);
    expect(odd(['市、县（市）供热行政主管部门负责本行政区域内供用热的管理工作。'])).toEqual(['']);
    // a pair the document writes twice or more is its own word (一河一策: 一河 is rare in the corpus, 一条一 common)
    expect(odd(['实行一河一策。'])).toEqual(['河']);
    expect(odd(['实行一河一策。', '编制一河一策方案。'])).toEqual(['', '']);
    // tagongre (blind18, seal + jpeg30) 第五条: 故 read confidently for 政, 行故 and 故主 each written a few times in the corpus;
    // 故 and 政 are not look-alikes in the fonts (cjk-glyph-alikes), so no look-alike rule names 政
    const a = article(pagesOf('tagongre'), join(DIR, 'tagongre.md'), '第五条');
    expect(a.text).toContain('供热行故主管');
    expect(a.unhighlighted).toEqual([]);
    const { chars, flags } = onCorrectDocuments(framedElsewhere);
    // (measured: 5 of 133,112 characters here, 0.0038 %; 237 of 4.54 M in every third corpus law, 0.0052 %)
    expect(chars).toBeGreaterThan(100_000);
    expect(flags / chars).toBeLessThan(0.0001);
  });

  it('flags a doubted ideograph between two neighbours that make a closed frame which never held it (纳关村 — 纳入村), not the document’s own words', () => {
    const odd = (texts: string[]) => outsideClosedFrames(texts).map((o, i) => o.map((k) => texts[i]![k]).join(''));
    // 纳…村 frames 入 16 of 18 times in the corpus, 关 never; 纳关 and 关村 are both common pairs, so the pairs cannot tell
    expect(odd(['推动将文明行为规范纳关村规民约和居民公约。'])).toEqual(['关']);
    expect(odd(['推动将文明行为规范纳入村规民约和居民公约。'])).toEqual(['']);
    // a pair the document writes twice or more is its own word
    expect(odd(['规范纳关村规民约。', '纳关村的名单由县人民政府公布。'])).toEqual(['', '']);
    // chaozhou (blind12, clean + seal) 第七条: 关 read for 入 at 96, above the suspect line
    const a = article(pagesOf('chaozhou'), join(DIR, 'chaozhou.md'), '第七条');
    expect(a.text).toContain('纳关村规民约');
    expect(a.unhighlighted).toEqual([]);
    const { chars, flags } = onCorrectDocuments(outsideClosedFrames);
    // On text alone it holds at word boundaries (国情|采用, 发展|所急需): measured 0.077 % of these characters, 0.074 % of
    // every third corpus law against a table made from the other two thirds — why traceUnits takes it only below 99.
    expect(chars).toBeGreaterThan(100_000);
    expect(flags / chars).toBeLessThan(0.001);
  });

  it('an ideograph read at 97–98 beside a pair the laws never write (公益诉论, 服务枝案, 之目的, 还田力式) is highlighted', () => {
    for (const [slug, label, read] of [
      ['longduan', '第十二条', '公益诉讼的'], // (诉论 read at 97, corrected to 诉讼 since session 28's phrase across one side, a suspect)
      ['shengtai', '第九条', '赔偿诉论中'],
      ['renli', '第十五条', '服务机案应当'], // (枝 corrected to 机 since session 22, a suspect; 案 is still read)
      ['yangchen', '第十五条', '改正之目的次日'],
      ['heitudi', '第十三条', '还田力式'],
    ] as const) {
      const a = article(pagesOf(slug), join(DIR, `${slug}.md`), label);
      expect(a.text).toContain(read);
      expect(a.unhighlighted).toEqual([]);
    }
  });

  it('an ideograph between two damaged neighbours (监着督理久贡责: 理 makes common pairs) is highlighted with them', () => {
    // yangchen (blind10, rotated + seal): 监督管理；负责城区内的煤炭 read through the seal
    const a = article(pagesOf('yangchen'), join(DIR, 'yangchen.md'), '第六条');
    expect(a.text).toContain('监着督理久贡责');
    expect(a.unhighlighted).toEqual([]);
  });

  it('a fine\'s range out of order or spanning more than 100 times (五十元以上二万元以下 for 五千元) is highlighted, both bounds', () => {
    // yangchen (blind10, rotated + seal): 处五千元以上二万元以下罚款 read 五十, confidently — a well-formed number
    const a = article(pagesOf('yangchen'), join(DIR, 'yangchen.md'), '第十一条');
    expect(a.text).toContain('处五十元以上二万元以下罚款');
    expect(a.unhighlighted).toEqual([]);
    const odd = (t: string) => oddMoneyRanges(t).map((o) => t[o]).join('');
    expect(odd('逾期未改正的，处五十元以上二万元以下罚款')).toBe('五十二万');
    expect(odd('处二万元以上一万元以下罚款')).toBe('二万一万');
    expect(odd('处10万元以上50元以下罚款')).toBe('10万50');
    for (const ok of ['处五千元以上二万元以下罚款', '处一千元以上十万元以下的罚款', '处2000元以上2万元以下罚款', '处一万元以上十万元以下罚款', '处五十元以上五百元以下']) expect(odd(ok)).toBe('');
    const { chars, flags } = onCorrectText(oddMoneyRanges);
    // (measured: 0 in the fixture laws; 3 ranges in the corpus's 13.7 M characters: 著作权法's 五百元以上五百万元以下, 专利法's
    // 三万元以上五百万元以下, 特种设备安全监察条例's 1万元以上1000万元以下)
    expect(chars).toBeGreaterThan(100_000);
    expect(flags).toBe(0);
  });

  it('a numeral of an amount, a time limit or a count read under the digits\' line (并处五十元罚款 for 五千元, 十 at 95) is highlighted', () => {
    // shenfenzheng (blind18, JPEG q30 + clean) 第十九条: 并处五千元罚款 read 五十元 — 五十元罚款 is as plausible a fine, and no pair changed
    const a = article(pagesOf('shenfenzheng'), join(DIR, 'shenfenzheng.md'), '第十九条');
    expect(a.text).toContain('并处五十元罚款');
    expect(a.want).toContain('并处五千元罚款');
    expect(a.unhighlighted).toEqual([]);
    const numerals = (t: string) => [...t].filter((_, o) => quantityNumeral(t, o)).join('');
    expect(numerals('并处五千元罚款')).toBe('五千');
    expect(numerals('自收到申请之日起三十日内，处违法所得二倍以上五倍以下的罚款')).toBe('三十二五');
    expect(numerals('依照民法典第一千二百三十条的规定，五人以上')).toBe('一千二百三十五');
    expect(numerals('处二亿元以下罚款')).toBe('二亿');
    // a numeral inside a word, or numerals that are no number, are not
    for (const no of ['统一规划，一般情况下', '万一发生事故', '二三事', '一律不得']) expect(numerals(no)).toBe('');
    // tesseract's doubt is what decides: on the kept pages of every development set (the blind set kept back), such numerals are read
    // at 99 as a rule; the few read at 92–96 were 十 for 千 (shenfenzheng ×2, yangchen — README-importers, Session 27 highlights)
    let all = 0;
    const doubted: string[] = [];
    for (const f of readdirSync(DIR).filter((n) => n.endsWith('.pages.json.gz') && !n.startsWith('yuanzhu'))) {
      const d = JSON.parse(gunzipSync(readFileSync(join(DIR, f))).toString('utf8')) as { set?: string; pages: OcrPage[] };
      if (keptBack(d.set)) continue;
      const laid = layoutOcrPages(asAnImportReads(d.pages))!;
      for (let j = 0; j < laid.stream.length; j++) {
        if (!quantityNumeral(laid.stream, j)) continue;
        all++;
        const conf = laid.confidence[j] ?? 0;
        if (conf >= SUSPECT_CONFIDENCE && conf < 97) doubted.push(`${f.replace('.pages.json.gz', '')} ${laid.stream.slice(j - 3, j + 3)}`);
      }
    }
    // (measured: 5,520 numerals, 3 read at 92–96: shenfenzheng 一十元以下 and 五十元罚款, yangchen 五十元以上 — all three 十 for 千;
    // blind23, once scored, added wangluofanzui's 十 for 千 in its thresholds — 二千个, 五千条, 一千以上 — read at 92–96: 8 in all;
    // blind24 a right one, kuaidi 第十九条 两个以上 with 两 at 94: 9)
    expect(all).toBeGreaterThan(4000);
    expect(doubted.length).toBeLessThanOrEqual(9);
    expect(doubted.some((x) => x.startsWith('shenfenzheng'))).toBe(true);
  });

  it('a quantity\'s 十 or 千 read with any doubt (累计三十以上 for 三千以上, 十 at 97) is highlighted: the two look alike and a swap is a hundredfold', () => {
    expect(quantityNumeralLine('累计三十以上', 3)).toBe(99);
    expect(quantityNumeralLine('处五千元罚款', 2)).toBe(99);
    expect(quantityNumeralLine('处五千元罚款', 1)).toBe(97);
    // wangluofanzui (blind23, noisy + rotated) 第三条: 三千以上 read 三十以上 at 97 — the threshold of a criminal offence
    const a = article(pagesOf('wangluofanzui'), join(DIR, 'wangluofanzui.md'), '第三条');
    expect(a.text).toContain('累计三十以上');
    expect(a.want).toContain('累计三千以上');
    expect(a.unhighlighted).toEqual([]);
    // Tesseract reads the right ones at 99 all but always: on the kept pages of the development sets, of 2,184 such 十 and 千,
    // 2,163 at 99, 6 below 92, 15 at 95–98 (measured at session 32; 7 of them at 97–98).
    let all = 0;
    let sure = 0;
    for (const f of readdirSync(DIR).filter((n) => n.endsWith('.pages.json.gz') && !n.startsWith('yuanzhu'))) {
      const d = JSON.parse(gunzipSync(readFileSync(join(DIR, f))).toString('utf8')) as { set?: string; pages: OcrPage[] };
      if (keptBack(d.set)) continue;
      const laid = layoutOcrPages(asAnImportReads(d.pages))!;
      for (let j = 0; j < laid.stream.length; j++) {
        if (!'十千'.includes(laid.stream[j]!) || !quantityNumeral(laid.stream, j)) continue;
        all++;
        if ((laid.confidence[j] ?? 0) >= 99) sure++;
      }
    }
    expect(all).toBeGreaterThan(2000);
    expect(all - sure).toBeLessThanOrEqual(25);
  });

  it('a ； setting off a clause of two to five characters before another ； (时间；控制音量；) is highlighted, not a list\'s', () => {
    // wenming (blind3, rotated + seal): 合理选择场地、时间，控制音量； and 使用灯光，不随意变道； read with ；
    for (const [label, read] of [['第十一条', '时间；控制音量；'], ['第十三条', '使用灯光；不随意变道；']] as const) {
      const a = article(pagesOf('wenming'), join(DIR, 'wenming.md'), label);
      expect(a.text).toContain(read);
      expect(a.unhighlighted).toEqual([]);
    }
    const odd = (t: string) => shortClauseSemicolons(t).map((o) => t.slice(o - 2, o + 3)).join(' ');
    expect(odd('（三）开展活动时，应当遵守规定，合理选择场地、时间；控制音量；（四）爱护公共设施；')).toBe('时间；控制');
    expect(odd('具备下列条件：（一）符合规划；（二）权属清楚；（三）其他条件。')).toBe('');
    expect(odd('应当控制音量；不得影响他人正常生活；')).toBe('');
    const { chars, flags } = onCorrectText(shortClauseSemicolons);
    // (measured: 0 in the fixture laws; 3 in the corpus's 13.7 M characters, lists of short items written inline:
    // 核对听证参加人；宣布案由；宣布听证员…)
    expect(chars).toBeGreaterThan(100_000);
    expect(flags).toBe(0);
  });

  it('a ： inside a 、 list that 等 closes (租金支付期限：房屋用途、维修责任等因素，) is highlighted, not the ： that opens a list', () => {
    // zulin (blind8, rotated + seal): 根据租赁期限、租金支付期限、房屋用途、维修责任等因素 read with ： (and the first 、 as 人)
    const a = article(pagesOf('zulin'), join(DIR, 'zulin.md'), '第十九条');
    expect(a.text).toContain('支付期限：房屋用途、维修责任等因素');
    expect(a.unhighlighted).toEqual([]);
    const odd = (t: string) => colonsInsideLists(t).map((o) => t.slice(o - 2, o + 3)).join(' ');
    expect(odd('出租人可以根据租赁期限、租金支付期限：房屋用途、维修责任等因素，与承租人约定')).toBe('期限：房屋');
    expect(odd('申请材料包括：申请书、身份证明等；')).toBe('');
    expect(odd('规划的内容包括：城市、县城、镇的发展布局，功能分区')).toBe('');
    // Session 20: a list running up to 60 characters from a 、 to its 等 (shantou, blind11, clean + seal: 新能源、新材料 read with ：)
    const s = article(pagesOf('shantou'), join(DIR, 'shantou.md'), '第十一条');
    expect(s.text).toContain('应当围绕新能源：新材料、新一代电子信息');
    expect(s.unhighlighted).toEqual([]);
    expect(odd('应当围绕新能源：新材料、新一代电子信息、纺织服装、玩具创意、大健康、食品包装和建筑等产业，组织实施')).toBe('能源：新材');
    const { chars, flags } = onCorrectText(colonsInsideLists);
    // (measured: 0 in the fixture laws; 2 in the corpus's 13.7 M characters: 其中：一、二等奖励项目，, 备案材料包括：合作内容、起止时间、…等，)
    expect(chars).toBeGreaterThan(100_000);
    expect(flags).toBe(0);
  });

  it('a ； in a sentence that ends in the ： before its list (之一的；不予批准：) is highlighted, not one between clauses with commas', () => {
    // waishang (blind9, seal + JPEG q30): 申请设立外商投资企业有下列情况之一的，不予批准： read with ；
    const a = article(pagesOf('waishang'), join(DIR, 'waishang.md'), '第三条');
    expect(a.text).toContain('之一的；不予批准：');
    expect(a.unhighlighted).toEqual([]);
    const odd = (t: string) => bareClauseSemicolons(t).map((o) => t.slice(o - 2, o + 3)).join(' ');
    expect(odd('申请设立外商投资企业有下列情况之一的；不予批准：（一）危害国家安全的；（二）污染环境的。')).toBe('一的；不予');
    expect(odd('申请设立外商投资企业有下列情况之一的，不予批准：（一）危害国家安全的；（二）污染环境的。')).toBe('');
    // (the corpus's own: 内地与澳门 安排 …调解书、支付令；在澳门特别行政区包括：… has its 、 lists, and a ，-less sentence is rare)
    expect(odd('前款所称判决，在内地包括判决、裁定、调解书；在澳门特别行政区包括：法院的判决。')).toBe('');
  });

  it('a ： before a bracketed remark (合同约定：（以下简称合同约定）) is highlighted, not the ： before a list item', () => {
    // jianzhushi (blind9, rotated + seal): a speck before the bracket read as ：
    const a = article(pagesOf('jianzhushi'), join(DIR, 'jianzhushi.md'), '第六条');
    expect(a.text).toContain('合同约定：（以下简称合同约定）');
    expect(a.unhighlighted).toEqual([]);
    const odd = (t: string) => colonsBeforeAsides(t).map((o) => t.slice(o - 2, o + 3)).join(' ');
    expect(odd('根据其所属设计单位与建设单位的合同约定：（以下简称合同约定）组建责任建筑师团队')).toBe('约定：（以');
    expect(odd('有下列情形之一的：（一）未经许可的；（二）逾期的。')).toBe('');
    expect(odd('应当提交下列材料：(1)申请书；(2)证明。')).toBe('');
    const { chars, flags } = onCorrectText(colonsBeforeAsides);
    // (measured: 0 in the fixture laws; 2 in the corpus's 13.7 M characters, a formula in brackets after 折算方法为：)
    expect(chars).toBeGreaterThan(100_000);
    expect(flags).toBe(0);
  });

  it('Latin letters after 第 that are no Roman numeral (第TV部, 第ILA部) and a % after no number (条例%》) are highlighted', () => {
    // xianggang (blind9, JPEG q30): the Hong Kong ordinances' parts 第IV部, 第IIA部 read 第TV部, 第ILA部, and 《…条例》 read 条例%》
    const a = article(pagesOf('xianggang'), join(DIR, 'xianggang.md'), '第三条');
    expect(a.text).toContain('第TV部');
    expect(a.text).toContain('第ILA部');
    expect(a.text).toContain('监护条例%》');
    // and the source's own half-width colon before its list, read full-width, is highlighted since session 21: it sits lower
    // in its line than the document's other line-end colons (ocr-geometry.ts halfWidthLineEndMarks)
    expect(a.unhighlighted).toEqual([]);
    const odd = (t: string) => oddLatinOrdinals(t).map((o) => t[o]).join('');
    expect(odd('依据香港法例第179章《婚姻诉讼条例》第TV部作出的判令；第II部、第ILA部作出的赡养令')).toBe('TVILA');
    for (const ok of ['第III部', '第IV部', '第IIA部', '第VA部', '《道路交通安全法》第XX条']) expect(odd(ok)).toBe('');
    expect(strayPercents('第13章《未成年人监护条例%》、第16章')).toEqual([13]);
    expect(strayPercents('税率为30%，超过100%的部分，按照0.5%计算')).toEqual([]);
    for (const rule of [oddLatinOrdinals, strayPercents]) {
      const { chars, flags } = onCorrectText(rule, allFixtureLaws());
      // (measured: 0 in the corpus's 13.7 M characters too)
      expect(chars).toBeGreaterThan(100_000);
      expect(flags).toBe(0);
    }
  });

  it('a look-alike that makes only rare pairs where its printed look-alike makes common ones on both sides (驾驶大 for 驾驶人) is highlighted', () => {
    // daojiao (blind9, seal): 驶大 and 大应 are each written a few times, 驶人 and 人应 everywhere
    const a = article(pagesOf('daojiao'), join(DIR, 'daojiao.md'), '第十六条');
    expect(a.text).toContain('管理人和驾驶大应当');
    expect(a.unhighlighted).toEqual([]);
    const odd = (t: string) => likelierLookAlikes(t).map((o) => t[o]).join('');
    expect(odd('机动车所有人、管理人和驾驶大应当按照机动车国家安全技术标准')).toBe('大');
    expect(odd('机动车所有人、管理人和驾驶人应当按照机动车国家安全技术标准')).toBe('');
  });

  it('a heading after a lost one (四、宣告失踪和宣告死亡 after 三、监护 was misread) is a heading, and one read into an article is highlighted whole', () => {
    // zongze (blind9, clean + noisy): 三、监护 read 三女妙护 broke the run of headings, and until session 20 the parser kept 四、… in
    // 第十三条 (since: a title two on from the last goes on the run, law-structure-parser.ts nextNumbered)
    const a = article(pagesOf('zongze'), join(DIR, 'zongze.md'), '第十三条');
    expect(a.text.endsWith('人民法院不予支持。')).toBe(true);
    expect(a.wrong).toEqual([]);
    const marked = (t: string) => articleTextSuspects(t).map((o) => t[o]).join('');
    expect(marked('监护人…人民法院不予支持。\n四、宣告失踪和宣告死亡')).toBe('四、宣告失踪和宣告死亡');
    // an item of the article's own list ends with its mark, and a sentence with 一、 inside is no heading
    expect(marked('有下列情形之一的：\n一、未经批准的；\n二、逾期的。')).toBe('');
    expect(marked('本条所称费用包括：一、检验费和鉴定费。')).toBe('');
  });

  it('a scan that reads 垄断 as 垫断 in one article of many reads it right there (the document writes 垄断 more often, and 定垫 is a pair no kept law writes)', () => {
    const a = article(pagesOf('longduan'), join(DIR, 'longduan.md'), '第十五条');
    // 定垫 was a pair of the table (written only in 证券公司风险处置条例) until that law became blind17 and
    // left it: then the confident 垫 stayed and was only highlighted; now it is read as the document's 垄
    expect(a.text).toContain('假定垄断者');
    expect(a.text).not.toContain('垫断');
    expect(a.unhighlighted).toEqual([]);
  });
});

describe('plausibility checks on single lines', () => {
  it('flags numbers before what laws never write after one, a % followed by a digit, a month past 12', () => {
    expect(flagged('预防工作坚持加强教育、健全制度4强化监督的原则')).toBe('4');
    expect(flagged('增值额未超过扣除项目金额1009%6的部分')).toBe('1009%6');
    expect(flagged('自2021年13月1日起施行。')).toBe('13');
    // a digit apart from a doubtful number by a gap is read with it (上海市实施《反恐怖主义法》办法 第十二条 as read
    // under a seal: 等工作3 7一五网信 for 等工作。网信)
    expect(flagged('成品油销售行业反恐怖主义安全防范等工作3 7一五网信、通信管理等部门')).toContain('37一五');
    expect(flagged('本条例自2009年12 月22 日起施行。')).toBe('');
  });

  it('leaves dates, amounts, rates and codes alone', () => {
    expect(flagged('本条例自2021年12月1日起施行，罚款50万元以上。')).toBe('');
    expect(flagged('税率为30%。超过50%的部分，按照GB/T 50016执行。')).toBe('');
    expect(flagged('依照第3条的规定，处1.5万元以上罚款，或者2倍以下的罚款')).toBe('');
  });

  it('flags a lone Latin letter, a stray symbol and the mark beside it, doubled clause marks, a lone 〔', () => {
    expect(flagged('做好未成年人保护工作 f 。')).toBe('作f。'); // what a speck touches is suspect too
    expect(flagged('应当立即向公安、民政子教育：s卫生健康')).toContain('：s卫');
    expect(flagged('办理IC卡')).toBe(''); // capitals are an abbreviation's
    expect(flagged('渎职犯罪，[利用职权实施的')).toBe('，[');
    expect(flagged('应当符合法律的规定。，未成年人')).toBe('。，');
    expect(flagged('区县〔自治县)人民政府')).toBe('〔');
    expect(flagged('国务院国发〔2021〕3号文件')).not.toMatch(/[〔〕]/);
  });

  it('flags a hyphen between Chinese characters (a seal’s stroke), the mark beside it and what reads with nothing on from it, not a code, a range or a formula', () => {
    expect(flagged('准备提请大会审议的省人民代表大会常务委员会:-肥大民政府、省高级人民法院')).toBe('：-肥大');
    expect(flagged('代表出席会议的情况和缺席的原因-由秘书处向主席团报告')).toBe('-'); // 原因 and 由秘 read well
    expect(flagged('准备提请大会审议的省人民代表大会常务委员会 | 肥大民政府、省高级人民法院')).toBe('|肥大'); // any stray symbol's damage
    expect(flagged('按照GB 3095-2012执行，2021-2025年完成')).toBe('');
    expect(flagged('应纳税额＝应纳税所得额×适用税率－速算扣除数')).not.toContain('－');
  });

  it('flags a clause mark that ends the stretch a hyphen damaged (：-区：县 for 、区、县), not one after a word that reads well', () => {
    expect(flagged('市公路管理机构负责国道、市道、县道的管理工作。管理主作：-区：县人民政府负责本行政区域内乡道')).toBe('：-区：');
    expect(flagged('代表出席会议的情况和缺席的原因-由秘书处向主席团报告，')).toBe('-');
  });

  it('flags a clause mark beside a stray symbol with a gap between them (机制： | for 机制。)', () => {
    expect(flagged('公众参与的节约用水机制： |')).toBe('：|');
  });

  it('flags the short broken-up tail a seal leaves after a sentence’s end, not the next sentence or a date', () => {
    expect(flagged('合作交流与对外开放。 代 表大会 /')).toBe('代表大会/');
    expect(flagged('督促和指导有关部门做好未成年人保护工作。巳仪 奉大去')).toBe('巳仪奉大去');
    expect(flagged('本条例自2007年9月1日起施行。2009年12 月22 日山东省')).toBe('');
    expect(flagged('本条例自公布之日起施行。 第二条 本市')).toBe('');
  });

  it('flags brackets and title marks that do not pair up in an article, and none in correct text', () => {
    const odd = (t: string) => unbalancedBrackets(t).map((o) => t[o]).join('');
    expect(odd('产生的各类数据《以下统称公共数据），由县级以上人民政府')).toBe('《）');
    expect(odd('根据《中华人民共和国水文条例。结合本市实际')).toBe('《');
    expect(odd('单位等〔以下统称公共数据提供单位)，在依法履行')).toBe('〔)');
    expect(odd('根据《中华人民共和国行政许可法》（以下简称《许可法》）和本省规定')).toBe('');
    // a parenthesis left open: where its ) was lost — after the name it defines, else anywhere in its clause
    expect(odd('根据《中华人民共和国招标投标法》(以下简称《招标投标法》和其他有关法律、法规的规定，结合本市实际情况')).toBe('(和');
    expect(odd('根据《中华人民共和国招标投标法》（以下简称招标投标法和其他有关法律、法规的规定，结合本市实际情况')).toBe('（以下简称招标投标法和其他有关法律、法规的规定，');
    expect(odd('根据《中华人民共和国招标投标法》(以下简称《招标投标法》)和其他有关法律、法规的规定，结合本市实际情况')).toBe('');
    const { chars, flags } = onCorrectText(unbalancedBrackets, allFixtureLaws());
    expect(chars).toBeGreaterThan(30_000);
    expect(flags / chars).toBeLessThan(0.0005);
  });

  it('flags a colon read for 、 between two words (相关法律：.法规), not one that introduces its list', () => {
    const odd = (t: string) => oddColons(t).map((o) => t.slice(o - 1, o + 1)).join(' ');
    // 上海市实施《反恐怖主义法》办法 第十五条 and 上海市安全生产条例 第十六条 as read (a speck after the colon passed over)
    expect(odd('通过多种形式普及反恐怖主义相关法律：.法规和知识，引导公众自觉抵制恐怖主义')).toBe('律：');
    expect(odd('由本单位的主要负责人、安全生产管理机构及相关机构负责大：安全生产管理人员和工会代表组成。')).toBe('大：');
    // 军官军衔条例: a colon before the ranks it lists, and the pairs the corpus writes with a colon (是指：)
    expect(odd('（二）大军区职：上将、中将；')).toBe('');
    expect(odd('前款所称生产经营单位，包括：国有企业和其他组织。')).toBe(''); // 括：国 is written (包括：国家机关…)
    expect(odd('有下列情形之一的：（一）未经许可的；')).toBe('');
    const { chars, flags } = onCorrectText(oddColons);
    expect(chars).toBeGreaterThan(100_000);
    expect(flags / chars).toBeLessThan(0.0001); // 军官军衔条例's 职务：中将至少将 and 期限：少尉晋升
  });

  it('flags the joint of two list items whose 、 was lost (健康教育劳动教育), not a list whose items only share an ending', () => {
    const t = '进行理想教育、道德教育、科学教育、文化教育、国家安全教育、健康教育劳动教育，加强爱国主义教育';
    expect(joinedListItems(t).map((o) => t[o]).join('')).toBe('育劳');
    expect(joinedListItems('进行理想教育、道德教育、科学教育、健康教育和劳动教育，加强教育')).toEqual([]);
    expect(joinedListItems('外商投资企业、城镇私营企业、个体工商户')).toEqual([]);
  });

  it('flags a list enumerator that is not the next numeral of its run (（工） for （二）), not a real sequence, a restart or a nested list', () => {
    const odd = (t: string) => listNumbering(t).map((o) => t[o]).join('');
    const items = ['反对宪法确定的基本原则的；', '危害国家统一、主权和领土完整的；', '泄露国家秘密、危害国家安全或者损害国家荣誉和利益的；', '其他内容的。'];
    const list = (marks: string[]) => `音像制品禁止载有下列内容：\n${marks.map((m, k) => `${m}${items[k]}`).join('\n')}`;
    expect(odd(list(['（一）', '（工）', '（三）', '（四）']))).toBe('工');
    expect(odd(list(['（一）', '（二）', '（二）', '（四）']))).toBe('二'); // the second 二, read for 三
    // a one that the next item does not go on from (（三） follows the first run): read for （二）, not a new list
    expect(odd(list(['（一）', '（一）', '（三）', '（四）']))).toBe('一');
    expect(odd('审查意见应当包括下列内容：（一）基础资料的真实性；（一）评价方法的适当性；（三）分析的可靠性。')).toBe('一');
    expect(odd(list(['（工）', '（二）', '（三）', '（四）']))).toBe('工');
    expect(odd(list(['（一）', '（二）', '（三）', '（五）']))).toBe('五');
    expect(odd(list(['1.', '2.', 'Z.', '4.']))).toBe('Z');
    expect(odd(list(['一、', '二、', '工、', '四、']))).toBe('工');
    // right: a real （三） after （二）, an inline list, a list under each item restarting at 1
    expect(odd(list(['（一）', '（二）', '（三）', '（四）']))).toBe('');
    expect(odd('有下列情形之一的，不予登记：（一）申请人不具备条件的；（二）材料不齐全的；（三）其他情形。')).toBe('');
    expect(odd('应当履行下列职责：\n（一）组织编制规划：\n1.总体规划；\n2.专项规划；\n（二）监督实施：\n1.日常检查；\n2.专项督查；\n3.年度考核。')).toBe('');
    // a paragraph that begins like an enumerator (省、自治区) or a remark in brackets is no list item
    expect(odd('省、自治区、直辖市人民政府可以根据本地区实际情况制定具体办法。\n（略）')).toBe('');
    // numbers named in a row at a paragraph's start (野生药材资源保护管理条例 第十四条) are no item; but where
    // the run expects them they are: 一、二氧化碳… opens a list, and a misread 工、 after it is still seen
    expect(odd('二、三级保护野生药材物种属于国家计划管理的品种。')).toBe('');
    expect(odd('下列物质应当申报：\n一、二氧化碳；\n二、甲烷。')).toBe('');
    expect(odd('下列物质应当申报：\n一、二氧化碳；\n工、甲烷；\n三、氧化亚氮。')).toBe('工');
    // each article's list starts at （一） again: articles are judged one by one
    const a1 = '设区的市人民政府应当履行下列职责：\n（一）编制规划；\n（二）组织实施。';
    const a2 = '县级人民政府应当履行下列职责：\n（一）落实规划；\n（二）日常监督。';
    expect([...articleTextSuspects(a1), ...articleTextSuspects(a2)]).toEqual([]);
  });

  it('on correct text (the fixture laws), list numbering highlights nothing', () => {
    const { chars, flags } = onCorrectText(listNumbering);
    expect(chars).toBeGreaterThan(30_000);
    expect(flags).toBe(0);
  });

  it('on correct text (the fixture laws), about one character in seven leaves a phrase its two predecessors begin: the phrase rule weighs only what tesseract doubted', () => {
    // 专利代理: 专利 begins frequent triples, 专利代 is not one — so leavesPhrase (ocr-text.ts) highlights a character only when it was read under 97,
    // where 50 of 1,055 right ideographs of the development sets leave such a phrase and 4 of 6 misreadings do (README-importers, Session 25).
    const leaving = onCorrectText((t) => [...t].flatMap((_, o) => (leavesPhrase(t, o) ? [o] : [])));
    expect(leaving.chars).toBeGreaterThan(30_000);
    expect(leaving.flags / leaving.chars).toBeGreaterThan(0.1);
    expect(leaving.flags / leaving.chars).toBeLessThan(0.2);
  });

  it('the glyph look-alikes, generated from the Noto CJK shapes, hold the confusions OCR is known for', () => {
    for (const [a, b] of ['宪完', '未末', '己已', '土士', '千干', '问间', '住往', '免兔', '准淮']) expect(glyphAlikesOf(a!)).toContain(b);
    expect(glyphAlikesOf('宪')).not.toContain('法');
  });

  it('flags a confident ideograph whose look-alike makes common pairs where it makes none (完法), not a real word or a word boundary', () => {
    const odd = (t: string) => likelierLookAlikes(t).map((o) => t[o]).join('');
    expect(odd('根据完法和《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》等法律规定，结合本省实际，制定本规则。')).toBe('完');
    expect(odd('根据宪法和《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》等法律规定，结合本省实际，制定本规则。')).toBe('');
    expect(odd('承办单位应当在规定期限内完成办理工作，并将办理结果答复代表。')).toBe('');
    expect(odd('军官的级别按照其服役的经历为依据确定。')).toBe('');
    const { chars, flags } = onCorrectText(likelierLookAlikes);
    // (measured: 12 of 107,361 characters of laws the vocabulary leaves out, 0.011 %)
    expect(chars).toBeGreaterThan(30_000);
    expect(flags / chars).toBeLessThan(0.0005);
  });

  it('flags a pair the corpus never writes that differs by one look-alike from a pair the same document writes at least as often (垫断 beside 垄断), not a real word (设定 beside 决定)', () => {
    const odd = (texts: string[]) => documentLookAlikes(texts).map((o, i) => o.map((k) => texts[i]![k]).join(''));
    const longduan = ['本规定所称垄断协议，是指排除、限制竞争的协议。', '经营者达成垄断协议的，应当承担民事责任。', '被诉垄断行为属于反垄断法规定的情形。'];
    expect(odd([...longduan, '在假定垫断者测试中，可以考虑需求替代。'])).toEqual(['', '', '', '垫']);
    // the variant alone, or beside a pair written less often than it, is not told by the document
    expect(odd(['本规定所称垄断协议，是指排除、限制竞争的协议。', '在假定垫断者测试中，可以考虑需求替代。'])).toEqual(['', '']);
    // 设定 is a word the corpus writes: a confident 设定 for 决定 stays out of this rule's reach
    const zhujun = ['全国人民代表大会常务委员会决定宣布战争状态。', '由全国人民代表大会常务委员会决定。', '常务委员会决定宣布香港特别行政区进入紧急状态。', '全国人民代表大会常务委员会设定宣布进入紧急状态。'];
    expect(odd(zhujun)).toEqual(['', '', '', '']);
    const { chars, flags } = onCorrectDocuments(documentLookAlikes);
    // (measured: 3 of 121,300 characters of laws the vocabulary leaves out, 0.0025 %; 180 of 4.54 M of every third corpus law)
    expect(chars).toBeGreaterThan(30_000);
    expect(flags / chars).toBeLessThan(0.0002);
  });

  it('flags where a clause mark was lost between words that each read well: three ideographs the corpus writes with a mark after the first (改变的应当), and a paragraph end joining a pair never written (工作 / 市公路)', () => {
    const odd = (t: string) => lostClauseMarks(t).map((o) => t[o]).join('');
    expect(odd('招标人对经核准的招标范围和方式等作出改变的应当到原项目审批部门重新办理核准手续。')).toBe('应');
    expect(odd('招标人对经核准的招标范围和方式等作出改变的，应当到原项目审批部门重新办理核准手续。')).toBe('');
    expect(odd('加强人工智能技术的应用，推动应急管理的应急演练。')).toBe(''); // 的应 is a word's start often enough
    const para = (t: string) => articleTextSuspects(t).map((o) => t[o]).join('');
    expect(para('市交通行政管理部门主管本市公路工作\n市公路管理机构负责国道、市道、县道的管理工作。')).toBe('作市');
    // a paragraph the layout cut mid-sentence joins a pair that is written: only its end is a suspect
    expect(para('县级以上人民政府应当加强对公路\n工作的领导，保障公路建设资金。')).toBe('路');
    const { chars, flags } = onCorrectText(lostClauseMarks);
    // (measured: 8 of 121,300 characters of laws the table leaves out, 0.0066 %: 有条件的应当 is written without a mark too)
    expect(chars).toBeGreaterThan(30_000);
    expect(flags / chars).toBeLessThan(0.0003);
  });

  it('flags the two characters around a 、 lost inside a list between words the laws list apart (统筹、协调督促和指导), not a compound written whole', () => {
    const odd = (t: string) => lostListMarks(t).map((o) => t[o]).join('');
    expect(odd('统筹、协调督促和指导有关部门做好未成年人保护工作。')).toBe('调督');
    expect(odd('统筹、协调、督促和指导有关部门做好未成年人保护工作。')).toBe('');
    // only where the four characters stand as one item of a list: inside a longer item the compound is written whole
    expect(odd('负责组织协调督促检查工作。')).toBe('');
    // weicheng (dev, clean + seal) 第五条: the 、 after 协调 lost at the line's end
    const a = article(pagesOf('weicheng'), join(DIR, 'weicheng.md'), '第五条');
    expect(a.text).toContain('统筹、协调督促和指导');
    expect(a.unhighlighted).toEqual([]);
    const { chars, flags } = onCorrectText(lostListMarks);
    // (measured: 0 here, the table leaves these laws out; every third corpus law against a table of the other two thirds, 0.0015 %)
    expect(chars).toBeGreaterThan(100_000);
    expect(flags / chars).toBeLessThan(0.0001);
  });

  it('flags every occurrence of a pair the laws never write that the document reads doubtfully at most of its occurrences (稀土诊炼分离 for 冶炼), not a rare word read right', () => {
    const texts = ['稀土诊炼分离企业。', '金属诊炼、综合利用。', '个人从事诊炼分离。'];
    // both characters of 诊炼 doubted in the first two texts, only 炼 in the third (诊 read there at 99)
    const doubt = new Set(['0:2', '0:3', '1:2', '1:3', '2:5']);
    const odd = (d: Set<string>) => pairsDoubtedMostly(texts, (i, o) => d.has(`${i}:${o}`)).map((o, i) => o.map((k) => texts[i]![k]).join(''));
    expect(odd(doubt)).toEqual(['诊炼', '诊炼', '诊炼']);
    // doubted at one occurrence of three: a rare word the reading was unsure of once
    expect(odd(new Set(['0:2', '0:3']))).toEqual(['', '', '']);
    // only one side doubted at each (炼 beside a misread neighbour): not the pair's doing
    expect(odd(new Set(['0:3', '1:3', '2:5']))).toEqual(['', '', '']);
    // xitu (blind5, jpeg30 + clean) 第二十二条: 诊 read for 冶 at 99 beside 炼, where the document reads 诊炼 below the suspect line elsewhere
    const a = article(pagesOf('xitu'), join(DIR, 'xitu.md'), '第二十二条');
    expect(a.text).toContain('从事诊炼分离');
    expect(a.unhighlighted).toEqual([]);
    // On correct text with each character doubted as often as the kept scans doubt theirs (a seeded draw at the share of
    // ideographs read below the suspect line on the dev set's pages), and at ten times that share.
    let han = 0;
    let low = 0;
    for (const slug of ['weicheng', 'renli', 'shuiwen']) {
      for (const p of pagesOf(slug)) for (const l of p.lines) for (const x of l.symbols) if (/[\u3400-\u9fff]/.test(x.ch)) {
        han++;
        if (x.conf < SUSPECT_CONFIDENCE) low++;
      }
    }
    expect(low / han).toBeGreaterThan(0.001);
    for (const share of [low / han, Math.min(1, (10 * low) / han)]) {
      let seed = 20261207;
      const draw = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32 < share;
      const { chars, flags } = onCorrectDocuments((ts) => {
        const d = ts.map((t) => [...t].map(draw));
        return pairsDoubtedMostly(ts, (i, o) => d[i]![o]!);
      });
      expect(chars).toBeGreaterThan(100_000);
      expect(flags / chars).toBeLessThan(0.0001);
    }
  });

  it('flags the ideograph opening a clause after ， when it seldom opens one and no clause opens with its pair (，平为 for ，并为), not a common opening', () => {
    const odd = (t: string) => oddClauseOpenings(t).map((o) => t[o]).join('');
    expect(odd('残疾评定，平为残疾评定申请人出具残疾评定结论。')).toBe('平');
    expect(odd('残疾评定，并为残疾评定申请人出具残疾评定结论。')).toBe('');
    expect(odd('生产场所卫生环境保持整洁，平与有毒、有害场所保持规定的距离。')).toBe('平');
    // 平 opening a pair that clauses open with (，平等), and 平 inside a clause (公平与), are left alone
    expect(odd('坚持自愿原则，平等协商，公平与效率兼顾。')).toBe('');
    // scanned: both articles where 平 was read for 并 at full confidence have every wrong character highlighted
    expect(article(pagesOf('canji'), join(DIR, 'canji.md'), '第八条').unhighlighted).toEqual([]);
    expect(article(pagesOf('xiaoguimo'), join(DIR, 'xiaoguimo.md'), '第九条').unhighlighted).toEqual([]);
    const { chars, flags } = onCorrectText(oddClauseOpenings);
    // (measured: 7 of 116,855 characters of laws the table leaves out, 0.0060 %; 18 of 295,612 with blind2–blind14's laws too)
    expect(chars).toBeGreaterThan(30_000);
    expect(flags / chars).toBeLessThan(0.0002);
  });

  it('flags an ideograph that fits one neighbour while a look-alike fits both', () => {
    expect(flagged('交申他人临时照护')).toContain('申');
  });

  it('flags under 0.5 % of the characters of correct legal text', () => {
    let chars = 0;
    let flags = 0;
    for (const f of allFixtureLaws()) {
      for (const line of readFileSync(f, 'utf8').split('<!-- INFO END -->')[1]!.split('\n')) {
        if (!line.trim() || line.startsWith('#') || line.startsWith('|')) continue;
        chars += line.length;
        flags += [...flagged(line)].filter((c) => !AMBIGUOUS.has(c)).length; // width-ambiguous marks are highlighted by design
      }
    }
    expect(chars).toBeGreaterThan(30_000);
    expect(flags / chars).toBeLessThan(0.005);
  });
});
