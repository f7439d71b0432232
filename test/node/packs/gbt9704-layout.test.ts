// GB/T 9704-2012 as the exported files carry it, read from their real structure: the DOCX unzipped
// (section properties, default run, styles, footers with the PAGE field, title lines, 附件说明,
// 落款 and 附件 in order), and the pages as laid out — the PDF from Chromium and the DOCX through
// LibreOffice (for this check only) — read back with poppler: A4, 28 characters to a full line,
// 22 lines to a full page, "— N —" page numbers, the 落款 on the page of the text's last paragraph,
// the 附件 on a page of its own. Real data: the bureau's 2020 records over test/fixtures laws.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annualReportFor } from '../../../electron/core/reports/annual-report-service';
import { exportAnnualReport, exportPlanDocument } from '../../../electron/core/reports/annual-report-export';
import { chromiumPath } from '../../../electron/core/packs/render-pdf';
import { titleLines } from '../../../electron/core/packs/title-lines';
import { emWidth } from '../../../electron/core/packs/pack-pagination';
import { ROOT, makeLibrary, seed, type TestLibrary } from '../records/records-test-support';
import { readOffice, writeOffice } from '../../../electron/core/office/office-file';
import { docxToPdf, hasCommand } from '../page-pictures';

let lib: TestLibrary;
const work = mkdtempSync(join(tmpdir(), 'lawdesk-gbt9704-'));
const UNIT = '高青县科学技术局';
/** The 版记 as the office set it in 设置 → 单位信息 (office.json), not as any code knows it. */
const IMPRINT = { printedBy: `${UNIT}办公室`, copyTo: ['县委全面依法治县委员会办公室', '县司法局'] };

beforeAll(async () => {
  lib = await makeLibrary();
  await lib.svc.importBundle(seed());
  await writeOffice(lib.store, { unit: UNIT, imprint: IMPRINT });
}, 120_000);

describe('the 版记 comes from the office profile', () => {
  it('is stored, printed in the report, and gone once the office removes it', async () => {
    expect(readOffice(lib.dir).profile.imprint).toEqual(IMPRINT);
    const html = join(work, 'imprint.html');
    await exportAnnualReport(await annualReportFor(lib.svc, lib.store, { year: 2020 }), { out: html, today: '2021-02-20' });
    const text = readFileSync(html, 'utf8').replace(/<[^>]+>/g, '');
    expect(text).toContain('抄送：县委全面依法治县委员会办公室，县司法局。');
    expect(text).toContain(`${UNIT}办公室2021年2月20日印发`);
    await writeOffice(lib.store, { imprint: null });
    await exportAnnualReport(await annualReportFor(lib.svc, lib.store, { year: 2020 }), { out: html, today: '2021-02-20' });
    expect(readFileSync(html, 'utf8')).not.toContain('抄送');
    await writeOffice(lib.store, { imprint: IMPRINT });
  });
});
afterAll(() => {
  lib?.cleanup();
  rmSync(work, { recursive: true, force: true });
});

async function reportFile(ext: 'docx' | 'pdf', year = 2020): Promise<string> {
  const out = join(work, `年度报告${year}.${ext}`);
  await exportAnnualReport(await annualReportFor(lib.svc, lib.store, { year }), { out, today: `${year + 1}-02-20` });
  return out;
}

const attr = (xml: string, el: string, name: string) => new RegExp(`<${el}\\b[^>]*\\bw:${name}="(-?\\d+)"`).exec(xml)?.[1];
/** Paragraphs of document.xml with their text, alignment, right indent and page-break-before. */
function paragraphs(xml: string) {
  return [...xml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => {
    const p = m[1]!;
    return {
      xml: p,
      text: [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
      lines: p.split(/<w:br\/>/).map((part) => [...part.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
      align: /<w:jc w:val="(\w+)"/.exec(p)?.[1],
      right: Number(/<w:ind\b[^>]*w:right="(\d+)"/.exec(p)?.[1] ?? 0),
      breakBefore: /<w:pageBreakBefore\/>/.test(p),
    };
  });
}

/**
 * The 版记 as written: the document's last table, floated to the bottom edge of the text block
 * (tblpPr), with its rules (top, between the rows, bottom) in eighths of a point.
 */
function imprintTable(doc: string) {
  const tbl = doc.slice(doc.lastIndexOf('<w:tbl>'));
  expect(tbl, 'the 版记 is the last table').toContain('抄送：');
  const pos = /<w:tblpPr\b[^>]*>/.exec(tbl)?.[0] ?? '';
  const rule = (side: string) => Number(new RegExp(`<w:${side} w:val="single"[^>]*w:sz="(\\d+)"`).exec(/<w:tblBorders>[\s\S]*?<\/w:tblBorders>/.exec(tbl)?.[0] ?? '')?.[1] ?? 0);
  return { floats: /w:tblpYSpec="(\w+)"/.exec(pos)?.[1], of: /w:vertAnchor="(\w+)"/.exec(pos)?.[1], rules: [rule('top'), rule('insideH'), rule('bottom')] };
}

describe('title lines (GB/T 9704 7.3.2: 回行时词意完整)', () => {
  it('cuts after the issuing office, never inside a number or a 《》 name that fits, each line within the width', () => {
    expect(titleLines('高青县科学技术局2020年度法治政府建设工作报告', 20, UNIT)).toEqual(['高青县科学技术局', '2020年度法治政府建设工作报告']);
    const opinion = titleLines('关于《高青县科技计划项目管理办法（送审稿）》的合法性审查意见书', 20);
    expect(opinion).toEqual(['关于《高青县科技计划项目管理办法', '（送审稿）》的合法性审查意见书']);
    expect(titleLines('关于科技型企业行政许可事项的合法性审查参考资料', 17)).toEqual(['关于科技型企业行政许可事项', '的合法性审查参考资料']);
    for (const t of ['高青县科学技术局2020年度普法工作计划', '关于《高青县“十四五”科技创新发展规划（征求意见稿）》的合法性审查意见书', '淄博市科学技术局关于2025年度科技创新券兑付工作的通知']) {
      for (const per of [12, 17, 20]) {
        const lines = titleLines(t, per);
        expect(lines.join('')).toBe(t);
        for (const l of lines) expect(emWidth(l)).toBeLessThanOrEqual(per + 0.01);
        for (let i = 1; i < lines.length; i++) {
          expect(lines[i - 1]!.slice(-1) + lines[i]![0], `${t} @${per}`).not.toMatch(/\d[\d年度]|年度|[《（“]./u);
          expect(lines[i]![0]).not.toMatch(/[，。、》）”]/);
        }
      }
    }
  });
});

describe('the DOCX as Word reads it', () => {
  it('A4, margins 37/35/28/26 mm, 三号仿宋 condensed to 28 a line, 22 exact lines, 黑体/楷体 headings in black, "— N —" footers odd right even left', async () => {
    const files = unzipSync(readFileSync(await reportFile('docx')));
    const doc = strFromU8(files['word/document.xml']!);
    const styles = strFromU8(files['word/styles.xml']!);
    const settings = strFromU8(files['word/settings.xml']!);
    const sect = /<w:sectPr\b[\s\S]*?<\/w:sectPr>/.exec(doc)![0];
    expect([attr(sect, 'w:pgSz', 'w'), attr(sect, 'w:pgSz', 'h')]).toEqual(['11906', '16838']);
    const mm = (k: string) => Math.round((Number(attr(sect, 'w:pgMar', k)) / 1440) * 25.4);
    expect([mm('top'), mm('bottom'), mm('left'), mm('right')]).toEqual([37, 35, 28, 26]);
    const textTwips = 11906 - Number(attr(sect, 'w:pgMar', 'left')) - Number(attr(sect, 'w:pgMar', 'right'));
    expect(Math.round(((textTwips / 1440) * 25.4))).toBe(156);
    // 28 characters of 16 pt plus the default run's condensed spacing fit the 156 mm line; 29 do not.
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)![0];
    const spacing = Number(/<w:rPr>[\s\S]*?<w:spacing w:val="(-?\d+)"/.exec(defaults)![1]);
    expect(attr(defaults, 'w:sz', 'val')).toBe('32');
    expect(defaults).toContain('w:eastAsia="仿宋_GB2312"');
    expect(28 * (320 + spacing)).toBeLessThanOrEqual(textTwips);
    expect(29 * (320 + spacing)).toBeGreaterThan(textTwips);
    // …with no extra space between Chinese and numbers (Word's default would widen 2021年2月20日).
    expect(defaults).toContain('<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>');
    // 22 lines: every body paragraph at an exact 28.95 pt.
    expect(Math.floor((16838 - Number(attr(sect, 'w:pgMar', 'top')) - Number(attr(sect, 'w:pgMar', 'bottom'))) / 579)).toBe(22);
    expect(attr(sect, 'w:docGrid', 'linePitch')).toBe('579');
    const paras = paragraphs(doc.slice(doc.indexOf('<w:body>')));
    const body = paras.filter((p) => p.text && /<w:pStyle/.test(p.xml) === false && !/<w:tc>/.test(p.xml));
    expect(body.length).toBeGreaterThan(20);
    for (const p of paras.filter((x) => x.text.startsWith('2020年，'))) expect(p.xml).toMatch(/w:line="579" w:lineRule="exact"/);
    for (const [id, face] of [['Heading1', '黑体'], ['Heading3', '楷体_GB2312']] as const) {
      const st = new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles)![0];
      expect(st).toContain(`w:eastAsia="${face}"`);
      expect(st).toMatch(/<w:color w:val="000000"\/>/);
      expect(st).not.toMatch(/<w:b\/>/);
    }
    // Title: 二号 方正小标宋简体, cut after the office's name.
    const title = paras.find((p) => p.text.startsWith(UNIT))!;
    expect(title.lines).toEqual([UNIT, '2020年度法治政府建设工作报告']);
    expect(title.xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(attr(title.xml, 'w:sz', 'val')).toBe('44');
    expect(title.align).toBe('center');
    // Footers: "— PAGE —" in 四号宋体, the odd (default) one right, the even one left; settings say so.
    expect(settings).toMatch(/<w:evenAndOddHeaders\/>/);
    const rels = strFromU8(files['word/_rels/document.xml.rels']!);
    const footer = (type: string) => {
      const rid = new RegExp(`<w:footerReference w:type="${type}" r:id="(\\w+)"`).exec(sect)![1];
      return strFromU8(files[`word/${new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1]}`]!);
    };
    for (const [type, side] of [['default', 'right'], ['even', 'left']] as const) {
      const f = footer(type);
      expect(f).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
      expect(f).toContain('— ');
      expect(f).toContain(`<w:jc w:val="${side}"/>`);
      expect(f).toContain('w:eastAsia="宋体"');
      expect(attr(f, 'w:sz', 'val')).toBe('28');
    }
    // After the text: 附件说明, then the 落款 (date 右空四字, office centred over it), then the 附件 on a new page.
    const note = paras.findIndex((p) => p.text === '附件：数据来源');
    const unit = paras.findIndex((p, i) => i > note && p.text === UNIT);
    const date = paras.findIndex((p) => p.text === '2021年2月20日');
    const annex = paras.findIndex((p) => p.text === '附件');
    expect(note).toBeGreaterThan(0);
    expect([note < unit, unit + 1 === date, date < annex]).toEqual([true, true, true]);
    const char = 320 + spacing;
    expect(paras[date]!.align).toBe('right');
    expect(Math.round(paras[date]!.right / char)).toBe(4);
    expect(paras[unit]!.right / char).toBeCloseTo(4 + (emWidth('2021年2月20日') - emWidth(UNIT)) / 2, 1);
    // The 落款 is kept with the text above it (keepNext down to the date).
    for (const p of paras.slice(note - 1, date)) expect(p.xml, p.text).toContain('<w:keepNext/>');
    // The 附件 (数据来源, a table printed 横向) opens a landscape section of its own: a new page without a page break of its own.
    expect(doc.indexOf('<w:t xml:space="preserve">附件</w:t>')).toBeGreaterThan(doc.indexOf('<w:sectPr'));
    expect(paras[annex]!.breakBefore).toBe(false);
    expect([...doc.matchAll(/<w:pgSz [^>]*>/g)].map((m) => m[0])).toEqual(['<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>', '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>', '<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>']);
    expect(paras[annex]!.align).toBe('left');
    expect(paras.slice(annex, annex + 4).find((p) => p.text === '数据来源')?.align).toBe('center');
    // 附件说明 (7.3.4): 附件 two characters in, a long name wrapping under its own first character (hanging indent).
    expect([attr(paras[note]!.xml, 'w:ind', 'left'), attr(paras[note]!.xml, 'w:ind', 'hanging')].map((v) => Math.round(Number(v) / char))).toEqual([5, 3]);
    // Room for the seal: two empty lines between the 附件说明 and the 署名.
    expect(paras.slice(note + 1, unit).map((p) => p.text)).toEqual(['', '']);
    // 版记 after the 附件, on a portrait page of its own: 抄送 over a thin rule, 印发 over a thick one, in 4号.
    const cc = paras.findIndex((p) => p.text.startsWith('抄送：'));
    expect(cc).toBeGreaterThan(annex);
    expect(paras[cc]!.text).toBe('抄送：县委全面依法治县委员会办公室，县司法局。');
    expect(paras[cc + 1]!.text).toBe(`${UNIT}办公室2021年2月20日印发`);
    expect(attr(paras[cc]!.xml, 'w:sz', 'val')).toBe('28');
    expect(imprintTable(doc)).toEqual({ floats: 'bottom', of: 'margin', rules: [8, 6, 8] }); // 0.35, 0.25, 0.35 mm in eighths of a point
    expect(doc.lastIndexOf('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>')).toBeGreaterThan(doc.indexOf('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>'));
  }, 60_000);
});

/** Each text line of a PDF page with its left/right edges (pt), as poppler lays it out. */
function pdfLines(pdf: string): { page: number; text: string; x0: number; x1: number; y: number }[][] {
  const r = spawnSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.split('<page ').slice(1).map((pg, i) =>
    [...pg.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([\s\S]*?)<\/line>/g)].map((m) => ({
      page: i + 1,
      x0: Number(m[1]),
      y: Number(m[2]),
      x1: Number(m[3]),
      text: [...m[4]!.matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join(''),
    })),
  );
}

function checkPages(pdf: string, label: string) {
  const info = spawnSync('pdfinfo', ['-f', '1', '-l', '999', pdf], { encoding: 'utf8' }).stdout;
  // A4: the text portrait, the 数据来源 annex (a table) 横向.
  const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
  const landscape = sizes.map(([w]) => w === 842);
  for (const wh of sizes) expect([[595, 842], [842, 595]], label).toContainEqual(wh);
  const pages = pdfLines(pdf);
  // Page numbers: "— N —" under the text block, odd at the right, even at the left.
  pages.forEach((lines, i) => {
    const foot = lines.filter((l) => l.y > (landscape[i] ? 521.6 : 742)).map((l) => l);
    expect(foot.map((l) => l.text.replace(/\s/g, '')), `${label} p${i + 1}`).toEqual([`—${i + 1}—`]);
    if (i % 2 === 0) expect(foot[0]!.x1, `${label} p${i + 1}`).toBeGreaterThan(landscape[i] ? 700 : 480);
    else expect(foot[0]!.x0, `${label} p${i + 1}`).toBeLessThan(landscape[i] ? 135 : 115);
    // 7.5 单页码居右空一字，双页码居左空一字: one 4号 character (14 pt) in from the block's edge
    if (!landscape[i]) expect(i % 2 === 0 ? 595.28 - 26 * MM - foot[0]!.x1 : foot[0]!.x0 - 28 * MM, `${label} p${i + 1}`).toBeCloseTo(14, 0);
  });
  // Body lines: never more than 28 characters (digits count half; a closing mark may hang past the
  // edge, as Word and LibreOffice let it), full lines 28 — 27 where the 28th would be an opening
  // mark, which may not end a line; a page of running text has 22 lines.
  const body = pages.slice(0, 3).flat().filter((l) => l.y < 742 && l.y > 100);
  // Width in characters: CJK, full-width forms and the quotes/dashes Chinese fonts set full width count 1.
  const width = (t: string) => [...t].reduce((n, c) => n + (/[\u2e80-\uff60\u2014\u2018-\u201f\u2026]/.test(c) ? 1 : 0.5), 0);
  for (const l of body) expect(width(l.text.replace(/[，。、；：]$/, '')), `${label}: ${l.text}`).toBeLessThanOrEqual(28);
  const full = body.filter((l) => l.x0 < 82 && l.x1 > 515 && /^[\u4e00-\u9fff，、。；：“”《》（）]+$/.test(l.text));
  expect(full.length, label).toBeGreaterThan(5);
  // Shorter only where the next line opens with a character and the closing marks that may not
  // start a line (策”、): carried together, they would not have fitted.
  for (const l of full) {
    const next = body[body.indexOf(l) + 1]?.text ?? '';
    const carried = /^[^”’）》」』、，。；：！？][”’）》」』、，。；：！？]+/.exec(next)?.[0];
    expect(width(l.text) + (carried ? width(carried) - 1 : 0), `${label}: ${l.text}`).toBeGreaterThanOrEqual(27);
  }
  expect(full.filter((l) => width(l.text) === 28).length / full.length, label).toBeGreaterThan(0.7);
  // 22 lines: the lines stand on a 28.95 pt pitch (22 of them fill the 225 mm block); a page of
  // running text holds 22, or a line less where widow/orphan control or a heading kept with its
  // text moved one on.
  const gaps = pages.slice(1, 3).flatMap((p) => p.filter((l) => l.y < 742).map((l, i, a) => (i ? l.y - a[i - 1]!.y : 0)).slice(1));
  const pitch = gaps.filter((g) => g < 40).sort((a, b) => a - b)[gaps.length >> 1]!;
  expect(Math.abs(pitch - 28.95), `${label} pitch ${pitch}`).toBeLessThan(0.6);
  for (const g of gaps) expect(Math.abs(g / 28.95 - Math.round(g / 28.95)), `${label} gap ${g}`).toBeLessThan(0.05);
  expect(Math.max(...pages.slice(1, 3).map((p) => p.filter((l) => l.y < 742).length)), label).toBeGreaterThanOrEqual(21);
  // 附件说明 and 落款 on one page with text above them; the 附件 opens a page.
  const at = (t: string) => pages.findIndex((p) => p.some((l) => l.text.replace(/\s/g, '') === t));
  const sign = at('2021年2月20日');
  expect(sign, label).toBe(at('附件：数据来源'));
  expect(pages[sign]!.filter((l) => l.y < 742).length, label).toBeGreaterThan(4);
  const annex = pages.findIndex((p) => p[0]?.text === '附件');
  expect(annex, label).toBe(sign + 1);
  expect(pages[annex]![1]!.text.replace(/\s/g, ''), label).toBe('数据来源');
  // The annex's table is printed 横向 and the text portrait, the 版记 on a portrait page after it; no record id is cut at its hyphen (L2020- | 007).
  expect(landscape, label).toEqual(pages.map((_, i) => i >= annex && i < pages.length - 1));
  const annexLines = pages.slice(annex).flat().map((l) => l.text.replace(/\s/g, ''));
  expect(annexLines.filter((t) => /[LRD]\d{4}-\d{3}/.test(t)).length, label).toBeGreaterThan(10);
  for (const t of annexLines) expect(t, label).not.toMatch(/[LRD]\d{4}-$|^\d{3}、/);
  // The 落款 (7.3.5.1): the date 右空四字, the office centred over it, room for the seal above them —
  // the 署名 three lines under the 附件说明 (two empty), so a 42 mm seal starts within a line of the text.
  const BLOCK = { left: 28 * MM, right: 595.28 - 26 * MM, bottom: 841.89 - 35 * MM };
  const line = (p: number, t: string) => pages[p]!.find((l) => l.text.replace(/\s/g, '') === t)!;
  const [noteLine, unitLine, dateLine] = [line(sign, '附件：数据来源'), line(sign, UNIT), line(sign, '2021年2月20日')];
  expect((unitLine.y - noteLine.y) / 28.95, label).toBeCloseTo(3, 1);
  expect((dateLine.y - unitLine.y) / 28.95, label).toBeCloseTo(1, 1);
  expect((BLOCK.right - dateLine.x1) / CHAR, label).toBeCloseTo(4, 0);
  if (label === 'PDF') expect(Math.abs((unitLine.x0 + unitLine.x1) / 2 - (dateLine.x0 + dateLine.x1) / 2), label).toBeLessThan(CHAR / 2);
  // LibreOffice sets the date wider than Word does — it ignores autoSpaceDE/DN and puts its own space
  // between 年/月/日 and the numbers, and without a Times New Roman twin its digits are DejaVu's —
  // so there the office stands where the DOCX put it: centred over a date of 6.5 characters.
  else expect((BLOCK.right - unitLine.x1) / CHAR, label).toBeCloseTo(4 + (emWidth('2021年2月20日') - emWidth(UNIT)) / 2, 1);
  imprintAtFoot(pages, label, '2021年2月20日');
}

/**
 * The 版记 (7.4) at the foot of the last page: 抄送 over 印发, its lines one character in from each
 * edge of the block, the 印发 line the last above the page number, within a line of the block's
 * edge; the lines above it at least a line clear of it (room for the seal's lower edge).
 */
function imprintAtFoot(pages: ReturnType<typeof pdfLines>, label: string, date: string) {
  const BLOCK = { left: 28 * MM, right: 595.28 - 26 * MM, bottom: 841.89 - 35 * MM };
  const last = pages[pages.length - 1]!.filter((l) => l.y < BLOCK.bottom);
  const cc = last.find((l) => l.text.startsWith('抄送：'))!;
  expect(cc?.text, label).toBe('抄送：县委全面依法治县委员会办公室，县司法局。');
  const printed = last.filter((l) => Math.abs(l.y - cc.y - 28.95) < 2);
  expect(printed.map((l) => l.text).join(''), label).toBe(`${UNIT}办公室${date}印发`);
  expect(Math.max(...last.map((l) => l.y)), label).toBe(printed[0]!.y);
  expect(printed[0]!.y, label).toBeGreaterThan(BLOCK.bottom - 2 * 28.95);
  for (const x0 of [cc.x0, Math.min(...printed.map((l) => l.x0))]) expect((x0 - BLOCK.left) / 14, label).toBeCloseTo(1, 0);
  expect((BLOCK.right - Math.max(...printed.map((l) => l.x1))) / 14, label).toBeCloseTo(1, 0);
  const above = last.filter((l) => l.y < cc.y);
  if (above.length) expect(cc.y - Math.max(...above.map((l) => l.y)), label).toBeGreaterThan(2 * 28.95 - 2);
}
const MM = 72 / 25.4;
/** One character of the body grid: 156 mm / 28. */
const CHAR = (156 * MM) / 28;

describe.skipIf(!hasCommand('pdftotext'))('the pages as printed', () => {
  it.skipIf(!chromiumPath())('PDF (Chromium): A4, 28 × 22 grid, page numbers, 落款 with the text, 附件 on its own page', async () => {
    checkPages(await reportFile('pdf'), 'PDF');
  }, 120_000);

  it.skipIf(!hasCommand('soffice'))('DOCX through LibreOffice: the same grid and order', async () => {
    checkPages(docxPages(await reportFile('docx')), 'DOCX');
  }, 240_000);
});

/** The DOCX laid out by LibreOffice as on a user's Linux machine once LawDesk has installed its font aliases. */
function docxPages(docx: string): string {
  mkdirSync(join(work, 'xdg/fontconfig/conf.d'), { recursive: true });
  copyFileSync(join(ROOT, 'resources/fonts/65-lawdesk-gov-fonts.conf'), join(work, 'xdg/fontconfig/conf.d/65-lawdesk-gov-fonts.conf'));
  return docxToPdf(docx, join(work, 'lo'), join(work, 'lo-profile'), { ...process.env, XDG_CONFIG_HOME: join(work, 'xdg') });
}

// A year without records has no 数据来源 annex: the text, the 落款 and the 版记 all on portrait
// pages. Its text ends on page 3, so the 版记 stands alone on page 4, the back of the second sheet
// (GB/T 9704 7.4.1: on the last face of a document printed on both sides), at the foot.
describe('a report that ends on a portrait page (no 附件)', () => {
  it('DOCX: the 版记 is floated to the foot of the text block in a last section that starts on an even page', async () => {
    const doc = strFromU8(unzipSync(readFileSync(await reportFile('docx', 2023)))['word/document.xml']!);
    expect(doc).not.toContain('w:orient="landscape"');
    expect(doc).not.toContain('附件：');
    expect(doc.lastIndexOf('<w:tbl>')).toBeGreaterThan(doc.lastIndexOf('<w:t xml:space="preserve">2024年2月20日</w:t>'));
    expect(imprintTable(doc)).toEqual({ floats: 'bottom', of: 'margin', rules: [8, 6, 8] });
    // the section break that closes the text (inside its last paragraph) comes before the 版记; the final one starts an even page
    const sects = [...doc.matchAll(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)];
    expect(sects.length).toBe(2);
    expect(sects[0]!.index).toBeLessThan(doc.lastIndexOf('<w:tbl>'));
    expect(sects[1]![0]).toContain('<w:type w:val="evenPage"/>');
  });

  it.skipIf(!hasCommand('pdftotext') || !hasCommand('soffice'))('DOCX through LibreOffice: the 版记 alone on an even page after the 落款’s, on the block’s bottom edge', async () => {
    const pages = pdfLines(docxPages(await reportFile('docx', 2023)));
    onEvenPageAfter(pages, 'DOCX', '2024年2月20日');
  }, 240_000);

  it.skipIf(!hasCommand('pdftotext') || !chromiumPath())('PDF: the same', async () => {
    const pages = pdfLines(await reportFile('pdf', 2023));
    onEvenPageAfter(pages, 'PDF', '2024年2月20日');
  }, 120_000);
});

/** The 落款 on an odd page, the 版记 alone at the foot of the next, which is numbered and even. */
function onEvenPageAfter(pages: ReturnType<typeof pdfLines>, label: string, date: string) {
  const sign = pages.findIndex((p) => p.some((l) => l.text.replace(/\s/g, '') === date));
  expect(sign % 2, label).toBe(0); // page index 0 is page 1
  expect(pages.length, label).toBe(sign + 2);
  const last = pages[pages.length - 1]!;
  expect(last.filter((l) => l.y > 742).map((l) => l.text.replace(/\s/g, '')), label).toEqual([`—${pages.length}—`]);
  expect(last.filter((l) => l.y < 742).every((l) => l.text.startsWith('抄送：') || l.text.includes('办公室') || l.text.includes('印发')), label).toBe(true);
  imprintAtFoot(pages, label, date);
}

describe('a 落款 after a table (普法责任清单)', () => {
  const duties = (ext: 'docx' | 'pdf') => exportPlanDocument(lib.svc, { kind: 'duties', year: 2020, unit: UNIT, out: join(work, `责任清单.${ext}`) }).then((r) => r.path);

  it('DOCX: rows never split, the last row kept with the 落款', async () => {
    const doc = strFromU8(unzipSync(readFileSync(await duties('docx')))['word/document.xml']!);
    const rows = [...doc.matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows.length).toBe(7); // header + the plan's 6 tasks
    for (const r of rows) expect(r).toMatch(/<w:cantSplit\/>/);
    expect(rows[rows.length - 1]).toContain('<w:keepNext/>');
    expect(rows[2]).not.toContain('<w:keepNext/>');
    expect(doc.indexOf('</w:tbl>')).toBeLessThan(doc.indexOf(`<w:t xml:space="preserve">${UNIT}</w:t>`));
  });

  it.skipIf(!hasCommand('pdftotext') || !chromiumPath())('PDF: the 落款 is printed on a page with the table, not alone', async () => {
    const pages = pdfLines(await duties('pdf'));
    const sign = pages.findIndex((p) => p.some((l) => l.text === UNIT));
    expect(sign).toBeGreaterThanOrEqual(0);
    const date = pages[sign]!.findIndex((l) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(l.text));
    expect(date).toBeGreaterThan(0);
    expect(pages[sign]!.some((l) => l.text.includes('《宪法》'))).toBe(true); // the table's last task
  }, 120_000);
});
