// Findings → record → 合法性审查意见书: accept two, dismiss one, export DOCX and PDF, read both back
// (mammoth, pdf.js) and render the PDF pages (pdftoppm) — every cited article's text is exact.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect } from 'vitest';
import { chromiumPath } from '../../../electron/core/packs/render-pdf';
import { docxText, pdfPages, squash } from '../packs/pack-test-support';
import { docxToPdf, ink, pdfPages as renderPages } from '../page-pictures';
import { partLines } from '../../../electron/shared/article-part';
import type { Citation } from '../../../electron/core/records/record-types';
import { DRAFTS, draftReviewTest } from './review-test-support';

const out = mkdtempSync(join(tmpdir(), 'opinion-'));
// What the 意见书 quotes of a citation: the 款 or 项 cited (行政强制法第十条第四款), else the article.
const quoted = (c: Citation) => (partLines(c.textSnapshot, c) ?? [c.textSnapshot]).join('');
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

const it = draftReviewTest('planted-innovation-voucher.md', {
  materials: [{ name: '决策草案', provided: true }, { name: '起草说明', provided: true }, { name: '法律法规规章等依据', provided: false }],
  procedures: [{ check: '公众参与', applicable: true, done: true, date: '2026-01-05', endDate: '2026-01-20' }],
});

describe('findings become the opinion', () => {
  it('accepting puts the finding and its basis into the record; dismissing keeps the reason', async ({ lib, wb, reviewId }) => {
    const result = await wb.run(reviewId, { panel: false });
    const permit = result.findings.find((f) => f.rule === 'permit-create')!;
    const coercion = result.findings.find((f) => f.rule === 'coercion-create')!;
    const oblig = result.findings.find((f) => f.rule === 'obligation-add')!;
    expect(result.findings.some((f) => f.rule === 'procedure-comment-period')).toBe(true);

    await wb.accept(reviewId, permit.id);
    await wb.accept(reviewId, coercion.id, { proposal: '删除第十三条' });
    const view = await wb.dismiss(reviewId, oblig.id, '失信惩戒依据《山东省社会信用条例》，已在起草说明中列明');

    const review = view.review;
    expect(review.status).toBe('审查中');
    expect(review.findings.authority.text).toContain('送审稿第五条“服务机构须经县科技局审批');
    expect(review.findings.authority.citations.map((c) => c.citation)).toEqual([
      '《中华人民共和国行政许可法》（2019年修正）第十七条',
      '《中华人民共和国行政许可法》（2019年修正）第十四条',
      '《中华人民共和国行政许可法》（2019年修正）第十五条',
      '《中华人民共和国行政强制法》第十条第四款',
      '《中华人民共和国行政强制法》第十三条',
    ]);
    expect(review.notes).toContain('【预审意见不采纳】增加义务或减损权利（第十二条）：失信惩戒依据');
    const log = await lib.svc.history(reviewId);
    expect(log.map((e) => e.note)).toEqual(expect.arrayContaining(['采纳预审意见：设定行政许可（第五条）', expect.stringContaining('【预审意见不采纳】')]));
    expect(view.suggestions.map((s) => [s.article, s.proposal])).toEqual([
      ['第五条', permit.suggestion],
      ['第十三条', '删除第十三条'],
    ]);
    expect(view.decisions[oblig.id]!.status).toBe('dismissed');
    // accepting again changes nothing in the record
    const rev = review.revision;
    await wb.accept(reviewId, permit.id);
    expect((await lib.svc.getReview(reviewId)).revision).toBe(rev);
    await expect(wb.dismiss(reviewId, permit.id, '  ')).rejects.toThrow('须写明理由');
  });

  it('the DOCX reads back with every cited article exact, number, annex and signature', async ({ lib, wb, reviewId }) => {
    await lib.svc.updateReview(reviewId, { conclusion: '修改后合法', opinion: { text: '建议按修改建议对照表修改后提请县政府常务会议审议。', adviser: '李明', adviserRole: '法律顾问' } });
    const file = join(out, '意见书.docx');
    const r = await wb.exportOpinion(reviewId, file, { office: '高青县科学技术局', numberPrefix: '高科审', date: '2026-03-05' });
    expect(r.format).toBe('docx');
    const text = squash(await docxText(readFileSync(file)));
    const review = await lib.svc.getReview(reviewId);
    expect(text).toContain(squash('高科审〔2026〕1号'));
    expect(text).toContain(squash('关于《高青县科技创新券管理办法（征求意见稿）》的合法性审查意见书'));
    for (const c of review.findings.authority.citations) {
      expect(text).toContain(squash(c.citation));
      expect(text).toContain(squash(quoted(c)));
    }
    expect(text).toContain(squash('修改建议对照表'));
    expect(text).toContain(squash('删除第十三条'));
    expect(text).toContain(squash('高青县科学技术局'));
    expect(text).toContain(squash('2026年3月5日'));
    expect(text).toContain(squash('综上，送审稿经按本意见和所附修改建议对照表修改后，可以按程序提请审议。'));
    expect(r.articles).toBe(review.findings.authority.citations.length);
    // GB/T 9704-2012: the 主送机关 顶格 (no first-line indent), the text below it indented two characters;
    // the 对照表's 原文 / 建议修改为 / 理由 read left to right, 序号 and 条款 centred
    const xml = strFromU8(unzipSync(readFileSync(file))['word/document.xml']!);
    const paraOf = (t: string) => [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]).find((p) => p.replace(/<[^>]+>/g, '').startsWith(t))!;
    expect(paraOf('高新技术科：')).not.toContain('w:firstLine');
    expect(paraOf('你单位于')).toContain('w:firstLine');
    const row = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => m[0])[1]!;
    expect([...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => /<w:jc w:val="(\w+)"/.exec(c[0])?.[1])).toEqual(['center', 'center', 'left', 'left', 'left']);
  });

  it('unit and 机关代字 come from the office profile when not asked for; without a 代字 there is no half number', async ({ lib, wb, reviewId }) => {
    const { writeOffice } = await import('../../../electron/core/office/office-file');
    const plain = await wb.opinionDocument(reviewId, { date: '2026-03-05' });
    // 〔2026〕1号 alone is not a 发文字号: the line is left out for the office to fill in
    expect(plain.official?.number).toBe('');
    expect(plain.signature?.unit).toBe('');
    await writeOffice(lib.store, { unit: '高青县科学技术局', reviewPrefix: '高科审' });
    try {
      const doc = await wb.opinionDocument(reviewId, { date: '2026-03-05' });
      expect(doc.official?.number).toBe('高科审〔2026〕1号');
      expect(doc.signature?.unit).toBe('高青县科学技术局');
      // what a face asks for wins over the profile
      expect((await wb.opinionDocument(reviewId, { numberPrefix: '县科审', office: '县科技局', date: '2026-03-05' })).official?.number).toBe('县科审〔2026〕1号');
      const file = join(out, '代字.docx');
      await wb.exportOpinion(reviewId, file, { date: '2026-03-05' });
      expect(squash(await docxText(readFileSync(file)))).toContain(squash('高科审〔2026〕1号'));
    } finally {
      await writeOffice(lib.store, { unit: '', reviewPrefix: '' });
    }
  });

  it.skipIf(!chromiumPath())('the PDF reads back the same (pdf.js) and renders to pages with text (pdftoppm)', async ({ lib, wb, reviewId }) => {
    const file = join(out, '意见书.pdf');
    await wb.exportOpinion(reviewId, file, { office: '高青县科学技术局', numberPrefix: '高科审', date: '2026-03-05' });
    const pages = await pdfPages(readFileSync(file));
    // page numbers (— 2 —) fall between the lines of an article that runs over a page
    const text = squash(pages.map((p) => p.lines.map((l) => l.text).filter((l) => !/^—\s*\d+\s*—$/.test(l.trim())).join('')).join(''));
    const review = await lib.svc.getReview(reviewId);
    for (const c of review.findings.authority.citations) expect(text).toContain(squash(quoted(c)));
    expect(text).toContain(squash('高科审〔2026〕1号'));
    if (!has('pdftoppm')) return;
    const r = spawnSync('pdftoppm', ['-png', '-r', '40', file, join(out, 'page')]);
    expect(r.status).toBe(0);
    const pngs = readdirSync(out).filter((f) => f.startsWith('page') && f.endsWith('.png'));
    expect(pngs.length).toBe(pages.length);
    expect(pngs.length).toBeGreaterThanOrEqual(2); // body, then the annex on its own page
  }, 60_000);

  it.skipIf(!has('soffice') || !has('pdftoppm'))('the DOCX opens in LibreOffice: its pages render with text on them', () => {
    // The 意见书.docx of the test above, converted by LibreOffice and drawn as pages (as packs are).
    const pages = renderPages(docxToPdf(join(out, '意见书.docx'), join(out, 'lo'), join(out, 'lo-profile')), out, 'lo-page', 3);
    expect(pages.length).toBeGreaterThanOrEqual(2); // body, then the annex on its own page
    for (const p of pages) expect(ink(p)).toBeGreaterThan(0.002);
  }, 180_000);

  it('a failed export leaves no file, and the record unchanged', async ({ lib, wb, reviewId }) => {
    const before = await lib.svc.getReview(reviewId);
    const bad = join(out, 'no-such-dir-is-a-file.docx');
    await expect(wb.exportOpinion(reviewId, join(DRAFTS, 'planted-incubator.txt', 'x.docx'))).rejects.toThrow(/无法写入/);
    expect(existsSync(bad)).toBe(false);
    expect(await lib.svc.getReview(reviewId)).toEqual(before);
  });
});
