// Issue 18 (Packs): a date in an exported pack is not cut across two lines. LibreOffice laid the
// version line of 行政许可法 out as “…2019-04-” / “23 施行”. Pack dates are now written 2019年4月23日;
// the facts under a law's heading are packed into lines that each fit whole (Word and LibreOffice
// break Chinese text between any two characters and ignore a word joiner, so a DOCX cannot forbid
// the break); the HTML and the PDF (printed by Chromium) keep every date on one line with a
// nowrap span, in the law's own text too. Checked on rendered pages: LibreOffice lays the DOCX
// out, Chromium prints the PDF, poppler reads the lines back.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATE_IN_TEXT } from '../../../electron/shared/chinese-date';
import { normalisePack, type Pack } from '../../../electron/core/packs/pack-model';
import { recordsResolver } from '../../../electron/core/packs/pack-records-service';
import { packLines, resolvePack } from '../../../electron/core/packs/pack-resolve';
import { renderDocx } from '../../../electron/core/packs/render-docx';
import { renderHtml } from '../../../electron/core/packs/render-html';
import { chromiumPath, renderPdf } from '../../../electron/core/packs/render-pdf';
import { docxToPdf, hasCommand } from '../page-pictures';
import { docxText, makeLibrary, NOW, type TestLibrary } from './pack-test-support';

let lib: TestLibrary;
let facts: Pack;

beforeAll(async () => {
  lib = await makeLibrary();
  const review = await lib.svc.createReview({
    type: '规范性文件',
    title: '高青县科技创新券管理暂行办法（送审稿）',
    leadUnit: '高新技术科',
    receivedDate: '2024-11-20',
    citations: [{ law: '行政许可法', article: '第十二条' }],
  });
  const lecture = await lib.svc.createLecture({ kind: '集体学法', date: '2024-12-02', topic: '行政许可法学习', headCount: 12, citations: [{ law: '行政许可法', article: '12' }] });
  facts = normalisePack(
    {
      title: '关于高青县科技创新券管理暂行办法（送审稿）的合法性审查参考资料',
      template: '合法性审查参考资料',
      asOf: '2025-01-01',
      cover: { title: '关于高青县科技创新券管理暂行办法（送审稿）的合法性审查参考资料', unit: '高青县科学技术局', date: '2026-12-02', purpose: '' },
      items: [
        { type: 'law', law: '行政许可法', chapter: ['第二章'] },
        { type: 'review', recordId: review.record.id },
        { type: 'lecture', recordId: lecture.record.id },
        // an older version: its notes name the version in force (现行版本（2024年9月13日）…)
        { type: 'law', law: '统计法', version: '2009', chapter: ['第一章'] },
        // issuers of other lengths, so the facts line reaches the line's end at other places
        { type: 'law', law: '民法典', chapter: ['第一编', '第一章'] },
        { type: 'law', law: '山东省优化营商环境条例', chapter: ['第一章'] },
        { type: 'law', law: '保守国家秘密法', version: '2010', chapter: ['第一章'] },
        { type: 'law', law: '关于议案的若干暂行规定' },
      ],
    },
    NOW,
  );
});
afterAll(() => lib?.cleanup());

/** Every date on the pages, and the dates found on single lines: equal when none is cut. */
function datesOnPages(text: string): { all: string[]; onOneLine: string[] } {
  // LibreOffice's space between Chinese and digits may come out as a space.
  const lines = text.split('\n').map((l) => l.replace(/[\s\u3000]+/g, ''));
  const dates = (s: string) => [...s.matchAll(DATE_IN_TEXT)].map((m) => m[0]);
  return { all: dates(lines.join('')), onOneLine: lines.flatMap(dates) };
}

describe('dates in exported packs', () => {
  it('packs facts into lines that fit, never cutting one', () => {
    expect(packLines(['全国人民代表大会常务委员会', '2019年4月23日公布', '2019年4月23日施行', '时效性：现行有效'], 23)).toEqual([
      '全国人民代表大会常务委员会　2019年4月23日公布',
      '2019年4月23日施行　时效性：现行有效',
    ]);
    expect(packLines(['国务院', '2019年4月20日公布', '时效性：现行有效'], 23)).toEqual(['国务院　2019年4月20日公布　时效性：现行有效']);
  });

  it('writes law, record and note dates as 2019年4月23日, in a nowrap span in the HTML', async () => {
    const doc = await resolvePack(lib.store, facts, { records: recordsResolver(lib.svc) });
    const text = await docxText(await renderDocx(doc));
    expect(text).toContain('2019年4月23日公布\n\n2019年4月23日施行');
    expect(text).toContain('收件日期：2024年11月20日');
    expect(text).toContain('日期：2024年12月2日');
    expect(text).toContain('2026年12月2日');
    expect(text).toContain('现行版本（2024年9月13日）');
    expect(text).toContain('以下为2009年6月27日版本的条文');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const html = renderHtml(doc);
    expect(html).toContain('<span class="date">2019年4月23日</span>公布');
    expect(html).toMatch(/\.date \{ white-space: nowrap; \}/);
  });

  it.skipIf(!['soffice', 'pdftotext'].every(hasCommand))('LibreOffice lays the DOCX out with every date whole on one line', async () => {
    const doc = await resolvePack(lib.store, facts, { records: recordsResolver(lib.svc) });
    const dir = join(lib.dir, 'lo');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'pack.docx'), await renderDocx(doc));
    const pdf = docxToPdf(join(dir, 'pack.docx'), dir, join(lib.dir, 'lo-profile'));
    const r = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const { all, onOneLine } = datesOnPages(r.stdout);
    expect(all.length).toBeGreaterThanOrEqual(10);
    expect(onOneLine).toEqual(all);
  }, 120_000);

  it.skipIf(!chromiumPath() || !hasCommand('pdftotext'))('the PDF keeps a date on one line even where the text would wrap inside it', async () => {
    // Sentences whose first line (26 characters after the indent) ends at each place of the date.
    const lead = '根据县政府常务会议纪要要求，本办法经局务会议审议通过并现予印发';
    const wrapping = Array.from({ length: 9 }, (_, i) => `${lead.slice(0, 14 + i)}，自2025年12月31日起施行。`);
    const pack = { ...facts, items: [...facts.items, { id: 'wrap', type: 'text' as const, heading: '施行日期', paragraphs: wrapping }] };
    const doc = await resolvePack(lib.store, pack, { records: recordsResolver(lib.svc) });
    const { pdf } = await renderPdf(doc);
    const file = join(lib.dir, 'pack.pdf');
    writeFileSync(file, pdf);
    const r = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const { all, onOneLine } = datesOnPages(r.stdout);
    expect(all.filter((d) => d === '2025年12月31日')).toHaveLength(9);
    expect(onOneLine).toEqual(all);
  }, 120_000);
});
