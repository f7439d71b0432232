// The 规范性文件登记表 printed 横向 (A4 landscape, GB/T 9704 横排表格) as an office files it: the
// DOCX's section turned, its head row repeated and no row split across pages — in the XML, and on
// the pages LibreOffice lays out (for this check only) and Chromium prints, read back with poppler:
// every page landscape, the head on each, each document's row whole on one page, "— N —" on each.
// A generic landscape annex after portrait text keeps the text portrait. Real register: the
// bureau's 14 documents of 2018–2021 (test/fixtures/register/entries-2018-2021.json).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegisterService, type RegisterView } from '../../../electron/core/register/register-service';
import { exportRegister } from '../../../electron/core/reports/register-export';
import { chromiumPath, renderPdf } from '../../../electron/core/packs/render-pdf';
import { renderDocx } from '../../../electron/core/packs/render-docx';
import type { PackDocument } from '../../../electron/core/packs/pack-document';
import { chineseDate } from '../../../electron/shared/chinese-date';
import { docxToPdf, hasCommand } from '../page-pictures';
import { ROOT, makeLibrary, type TestLibrary } from '../records/records-test-support';

let lib: TestLibrary;
let reg: RegisterService;
let entries: RegisterView[];
const work = mkdtempSync(join(tmpdir(), 'lawdesk-register-landscape-'));
const UNIT = '高青县科学技术局';

beforeAll(async () => {
  lib = await makeLibrary(); // today 2021-03-01
  reg = await RegisterService.open(lib.svc);
  for (const e of JSON.parse(readFileSync(join(ROOT, 'test/fixtures/register/entries-2018-2021.json'), 'utf8')) as Parameters<RegisterService['add']>[0][]) await reg.add(e);
  entries = await reg.list();
}, 120_000);
afterAll(() => {
  lib?.cleanup();
  rmSync(work, { recursive: true, force: true });
});

const texts = (xml: string) => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

/** Each page's text without white space (LibreOffice sets a gap between Chinese and digits), and its size in pt. */
function pdfPages(pdf: string): { text: string; w: number; h: number }[] {
  const info = spawnSync('pdfinfo', ['-f', '1', '-l', '999', pdf], { encoding: 'utf8' }).stdout;
  const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
  expect(sizes.length).toBeGreaterThan(0);
  return sizes.map(([w, h], i) => {
    const r = spawnSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    return { text: r.stdout.replace(/\s+/g, ''), w, h };
  });
}

/** Landscape A4 pages, the head row on each, each document's row whole on exactly one page, "— N —" on each. */
function checkLandscapePages(pdf: string, label: string) {
  const pages = pdfPages(pdf);
  expect(pages.length, label).toBeGreaterThanOrEqual(2); // 14 documents do not fit one page: the head must repeat
  pages.forEach((p, i) => {
    expect([Math.round(p.w), Math.round(p.h)], `${label} p${i + 1}`).toEqual([842, 595]);
    expect(p.text, `${label} p${i + 1}`).toContain('文件名称及文号');
    expect(p.text, `${label} p${i + 1}`).toContain('施行日期及有效期');
    expect(p.text, `${label} p${i + 1}`).toContain(`—${i + 1}—`);
  });
  expect(pages[0]!.text, label).toContain(`${UNIT}规范性文件登记表`);
  expect(pages[pages.length - 1]!.text, label).toMatch(new RegExp(`${UNIT}\\d{4}年\\d{1,2}月\\d{1,2}日`)); // the 落款 with the last rows
  for (const e of entries) {
    // Three lines of one row, each in a different cell: on one page, and only there.
    const parts = [e.docNumber ?? '（未登记文号）', `有效期至${chineseDate(e.validUntil)}`, e.filedDate ? `${chineseDate(e.filedDate)}已备案` : `应于${chineseDate(e.filingDue)}前`];
    const on = parts.map((t) => pages.flatMap((p, i) => (p.text.includes(t) ? [i] : [])));
    expect(on[0], `${label}: ${e.title}`).toHaveLength(1);
    expect(on[1], `${label}: ${e.title}`).toEqual(on[0]);
    expect(on[2], `${label}: ${e.title}`).toEqual(on[0]);
  }
}

describe('规范性文件登记表 横向 (A4 landscape)', () => {
  it('DOCX: a landscape section, 225 × 156 mm block, head row repeated, no row split, 序号 1…n, page numbers', async () => {
    const out = join(work, '登记表.docx');
    await exportRegister(lib.svc, reg, { out, unit: UNIT, date: '2021-02-20' });
    const files = unzipSync(readFileSync(out));
    const xml = strFromU8(files['word/document.xml']!);
    const sects = [...xml.matchAll(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
    expect(sects).toHaveLength(1); // title, counts, table and 落款 all 横向: nothing left alone on a portrait page
    const s = sects[0]!;
    expect(s).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    const mar = (k: string) => Math.round((Number(new RegExp(`<w:pgMar\\b[^>]*w:${k}="(\\d+)"`).exec(s)![1]) / 1440) * 25.4);
    // The portrait margins turned with the paper: the table's head at the 订口 (portrait left).
    expect([mar('top'), mar('right'), mar('bottom'), mar('left')]).toEqual([28, 37, 26, 35]);
    expect(297 - mar('left') - mar('right')).toBe(225);
    expect(s).toMatch(/<w:pgNumType w:start="1"/);
    expect(s).toMatch(/<w:footerReference w:type="default"/);
    expect(s).toMatch(/<w:footerReference w:type="even"/);
    const rows = [...xml.matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows).toHaveLength(entries.length + 1);
    expect(rows[0]).toMatch(/<w:tblHeader\/>/);
    for (const r of rows.slice(1)) expect(r).not.toMatch(/<w:tblHeader\/>/);
    for (const r of rows) expect(r).toMatch(/<w:cantSplit\/>/);
    const firstCells = rows.map((r) => texts(/<w:tc>[\s\S]*?<\/w:tc>/.exec(r)![0]));
    expect(firstCells).toEqual(['序号', ...entries.map((_, i) => String(i + 1))]);
    // Cell widths as given (fiftieths of a percent, summing to the whole line).
    const widths = [.../<w:tr\b[\s\S]*?<\/w:tr>/.exec(xml)![0].matchAll(/<w:tcW w:type="pct" w:w="(\d+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(6);
    expect(Math.abs(widths.reduce((a, b) => a + b, 0) - 5000)).toBeLessThan(10);
    for (const f of Object.keys(files).filter((k) => /^word\/footer\d+\.xml$/.test(k))) expect(strFromU8(files[f]!)).toMatch(/PAGE/);
  });

  it.skipIf(!hasCommand('soffice') || !hasCommand('pdftotext'))('DOCX through LibreOffice: landscape pages, the head on each, rows whole', async () => {
    const out = join(work, '登记表-lo.docx');
    await exportRegister(lib.svc, reg, { out, unit: UNIT, date: '2021-02-20' });
    checkLandscapePages(docxToPdf(out, join(work, 'lo'), join(work, 'lo-profile')), 'DOCX');
  }, 240_000);

  it.skipIf(!chromiumPath() || !hasCommand('pdftotext'))('PDF (Chromium): landscape pages, the head on each, rows whole', async () => {
    const out = join(work, '登记表.pdf');
    await exportRegister(lib.svc, reg, { out, unit: UNIT, date: '2021-02-20' });
    checkLandscapePages(out, 'PDF');
  }, 120_000);
});

describe('a landscape 附件 after portrait text', () => {
  const doc: PackDocument = {
    title: '关于报送2020年度规范性文件目录的报告',
    template: '通用',
    cover: { title: '', unit: UNIT, date: '', purpose: '' },
    asOf: '2021-02-20',
    sections: [
      { id: 's1', heading: '', blocks: [{ kind: 'paragraph', text: '现将我局2020年度制定的规范性文件目录报送如下。' }], itemIds: [] },
      {
        id: 's2',
        heading: '附件：2020年度规范性文件目录',
        blocks: [{ kind: 'table', head: ['序号', '文件名称', '文号'], rows: [['1', '高青县科技创新券管理暂行办法', '高科发〔2020〕3号']], widths: [1, 6, 3], compact: true }],
        itemIds: [],
        landscape: true,
      },
    ],
    warnings: [],
    articleCount: 0,
    layout: 'official',
    signature: { unit: UNIT, date: '2021年2月20日' },
  };

  it('DOCX: the text portrait, the 附件 a landscape section from a new page, numbering running on', async () => {
    const xml = strFromU8(unzipSync(await renderDocx(doc))['word/document.xml']!);
    const sects = [...xml.matchAll(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
    expect(sects).toHaveLength(2);
    expect(sects[0]).toMatch(/<w:pgSz w:w="11906" w:h="16838"( w:orient="portrait")?\/>/);
    expect(sects[0]).toMatch(/<w:pgNumType w:start="1"/);
    expect(sects[1]).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    expect(sects[1]).not.toMatch(/w:start=/);
    // The 落款 ends the portrait part (its last paragraph carries the section's properties); the 附件
    // label opens the landscape one without a second page break.
    const cut = xml.indexOf('</w:p>', xml.indexOf(sects[0]!)) + '</w:p>'.length;
    expect(texts(xml.slice(0, cut))).toMatch(/2021年2月20日$/);
    const next = /<w:p\b[\s\S]*?<\/w:p>/.exec(xml.slice(cut))![0];
    expect(texts(next)).toBe('附件');
    expect(next).not.toMatch(/pageBreakBefore/);
  });

  it.skipIf(!hasCommand('soffice') || !hasCommand('pdftotext'))('through LibreOffice: page 1 portrait with the 落款, page 2 landscape with the table, — 1 — and — 2 —', async () => {
    const out = join(work, 'annex.docx');
    writeFileSync(out, await renderDocx(doc));
    const pages = pdfPages(docxToPdf(out, join(work, 'lo2'), join(work, 'lo2-profile')));
    expect(pages.map((p) => [Math.round(p.w), Math.round(p.h)])).toEqual([
      [595, 842],
      [842, 595],
    ]);
    expect(pages[0]!.text).toContain('2021年2月20日—1—');
    expect(pages[1]!.text).toContain('高科发〔2020〕3号');
    expect(pages[1]!.text).toContain('—2—');
  }, 240_000);

  it.skipIf(!chromiumPath() || !hasCommand('pdftotext'))('PDF (Chromium): the same pages, portrait then landscape', async () => {
    const out = join(work, 'annex.pdf');
    writeFileSync(out, (await renderPdf(doc)).pdf);
    const pages = pdfPages(out);
    expect(pages.map((p) => [Math.round(p.w), Math.round(p.h)])).toEqual([
      [595, 842],
      [842, 595],
    ]);
    expect(pages[0]!.text).toContain('2021年2月20日');
    expect(pages[1]!.text).toMatch(/^附件/);
    expect(pages[1]!.text).toContain('—2—');
  }, 120_000);
});
