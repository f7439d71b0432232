// A scanned 送审稿 in the review workbench: recognised by the library's OCR engine (per-page progress,
// cancel), its text kept as 识别文本 (textSource 'ocr', unverified, suspects and scan regions per
// article), findings on it say so, the 意见书 waits for 核对 or an explicit confirmation (logged),
// and 核对 (the library's 逐条核对 rule) records who confirmed it. One real OCR run of a one-page scan
// (test/fixtures/documents/scans/draft-jidi-scan.pdf, made by make-fixtures.ts draftscan).

import { appendFileSync, copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReviewWorkbench } from '../../../electron/core/review/workbench-service';
import { OCR_TEXT_NOTES } from '../../../electron/shared/review-workbench';
import { makeReviewLibrary, ROOT, RULES, type ReviewLibrary } from './review-test-support';

const SCAN = join(ROOT, 'test/fixtures/documents/scans/draft-jidi-scan.pdf');
const out = mkdtempSync(join(tmpdir(), 'draft-ocr-'));
let lib: ReviewLibrary;
let wb: ReviewWorkbench;
let reviewId: string;
const progress: { done: number; total: number }[] = [];
const scanned: number[] = [];

beforeAll(async () => {
  lib = await makeReviewLibrary();
  wb = new ReviewWorkbench(lib.store, lib.svc, { rulesDir: RULES });
  reviewId = (await lib.svc.createReview({ type: '规范性文件', title: '沂源县农业科技示范基地管理办法', leadUnit: '农村科技科', receivedDate: '2026-02-24' })).record.id;
  const file = join(out, '示范基地办法（扫描件）.pdf');
  copyFileSync(SCAN, file);
  await wb.addDraft(reviewId, file, { by: '李科员', ocr: { onScan: (pages) => scanned.push(pages), onProgress: (p) => progress.push(p) } });
}, 600_000);
afterAll(() => {
  lib?.cleanup();
  rmSync(out, { recursive: true, force: true });
});

describe('a scanned 送审稿', () => {
  it('is recognised page by page and kept as unverified 识别文本 with its doubtful characters and scan regions', () => {
    expect(scanned).toEqual([1]);
    expect(progress.at(-1)).toEqual({ done: 1, total: 1 });
    const d = wb.drafts.draft(reviewId);
    expect(d).toMatchObject({ seq: 1, format: 'pdf', textSource: 'ocr', ocrPages: 1, verified: false });
    expect(d.title).toContain('示范基地管理办法');
    const articles = d.units.filter((u) => u.kind === 'article');
    expect(articles.map((u) => u.label)).toEqual(['第一条', '第二条', '第三条', '第四条', '第五条', '第六条', '第七条']);
    expect(articles.every((u) => Array.isArray(u.suspects) && u.ocrRegions?.[0]?.page === 1)).toBe(true);
    expect(articles.find((u) => u.label === '第六条')!.text).toContain('罚款');
    // the draft is still never put into the library
    expect(lib.store.versions().some((v) => v.title.includes('示范基地'))).toBe(false);
  });

  it('its findings say they rest on recognised text, the doubtful ones that their sentence holds a doubtful character', async () => {
    const v = await wb.view(reviewId, { panel: false });
    expect(v.result!.findings.length).toBeGreaterThan(0);
    expect(v.result!.findings.some((f) => f.article?.label === '第六条' && /处罚|罚款/.test(f.ruleName + f.reason))).toBe(true);
    const units = new Map(v.draft!.units.map((u) => [u.key, u]));
    for (const f of v.result!.findings) {
      const u = f.article ? units.get(f.article.key) : undefined;
      const doubtful = !!u && f.start !== undefined && f.end !== undefined && (u.suspects ?? []).some((i) => i >= f.start! && i < f.end!);
      expect(f.ocrText, f.id).toBe(doubtful ? 'suspect' : 'unverified');
    }
    expect(OCR_TEXT_NOTES.unverified).toContain('识别文本');
  });

  it('shows its scanned page for 核对', async () => {
    const p = await wb.drafts.scanPage(reviewId, 1, 1);
    expect(p).toMatchObject({ page: 1, pages: 1 });
    expect(p.dataUrl.startsWith('data:image/jpeg;base64,')).toBe(true);
    await expect(wb.drafts.scanPage(reviewId, 1, 2)).rejects.toThrow('原件只有 1 页');
  });

  it('the 意见书 waits for 核对 unless the adviser confirms writing it from the unchecked text, which is logged', async () => {
    const refused = join(out, '未核对.docx');
    await expect(wb.exportOpinion(reviewId, refused)).rejects.toThrow(/送审稿第 1 稿“示范基地办法（扫描件）.pdf”是扫描件的识别文本，尚未核对/);
    expect(existsSync(refused)).toBe(false);
    const r = await wb.exportOpinion(reviewId, join(out, '先出具.docx'), { unverifiedText: true, by: '王律师' });
    expect(r.bytes).toBeGreaterThan(0);
    expect(wb.drafts.read(reviewId).log.at(-1)).toMatchObject({ by: '王律师', action: 'opinion-unverified', note: '依据第 1 稿未核对的识别文本生成意见书' });
  });

  it('核对 corrects and confirms articles; the last one records who verified it, and the marks go', async () => {
    const d = wb.drafts.draft(reviewId);
    const first = d.units.find((u) => u.label === '第一条')!;
    const corrected = '为规范农业科技示范基地建设，促进农业科技成果推广应用，根据《中华人民共和国农业技术推广法》等规定，结合本县实际，制定本办法。';
    const partly = await wb.drafts.checkOcr(reviewId, 1, { by: '王律师', confirmed: [], corrections: { [first.key]: corrected } });
    expect(partly.verified).toBe(false);
    expect(partly.units.find((u) => u.key === first.key)).toMatchObject({ text: corrected, suspects: [], ocrChecked: true });
    await expect(wb.drafts.checkOcr(reviewId, 1, { by: '王律师', confirmed: ['第九十九条'] })).rejects.toThrow('中没有这些条文：第九十九条');
    const done = await wb.drafts.checkOcr(reviewId, 1, { by: '王律师', confirmed: d.units.map((u) => u.key) });
    expect(done).toMatchObject({ textSource: 'ocr', verified: true, verifiedBy: '王律师', verifiedAt: lib.store.now().toISOString() });
    expect(wb.drafts.read(reviewId).log.at(-1)).toMatchObject({ by: '王律师', action: 'ocr-check' });
    const v = await wb.view(reviewId, { panel: false });
    expect(v.draft!.units.find((u) => u.key === first.key)!.text).toBe(corrected);
    expect(v.result!.findings.every((f) => f.ocrText === undefined)).toBe(true);
    await expect(wb.exportOpinion(reviewId, join(out, '已核对.docx'))).resolves.toMatchObject({ format: 'docx' });
  });

  it('the same scan uploaded again is told by its hash at once: nothing is recognised again, the checked version stays', async () => {
    const file = join(out, '再次上传（扫描件）.pdf');
    copyFileSync(SCAN, file);
    const seen: string[] = [];
    const r = await wb.addDraft(reviewId, file, { ocr: { onScan: () => seen.push('scan'), onProgress: () => seen.push('page') } });
    expect(seen).toEqual([]);
    expect(r).toMatchObject({ existing: true, version: { seq: 1, verified: true, verifiedBy: '王律师' } });
    expect(wb.drafts.drafts(reviewId)).toHaveLength(1);
  });

  it('a recognition cancelled adds nothing', async () => {
    const before = await lib.svc.getReview(reviewId);
    const file = join(out, '第二稿（扫描件）.pdf');
    copyFileSync(SCAN, file);
    appendFileSync(file, '%另一份文件\n'); // other bytes (a PDF comment after %%EOF): not the version already held
    const stop = new AbortController();
    await expect(wb.addDraft(reviewId, file, { ocr: { signal: stop.signal, onScan: () => stop.abort() } })).rejects.toMatchObject({
      code: 'CANCELLED',
      message: expect.stringContaining('送审稿“第二稿（扫描件）.pdf”的文字识别已取消，未添加送审稿'),
    });
    expect(wb.drafts.drafts(reviewId)).toHaveLength(1);
    expect((await lib.svc.getReview(reviewId)).attachments).toEqual(before.attachments);
  });
});
