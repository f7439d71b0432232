// A scanned 送审稿 with a page read too poorly to trust (ocr-page-doubt.ts): the review keeps the page's
// doubt (validated when read back; a workbench stored before the field still loads), the 意见书's refusal
// names it, and once every article is checked against the scan the doubt is answered. One real OCR run
// of a photo whose right part is out of focus (test/fixtures/documents/ocr-doubt/draft-jidi-blurred.jpg,
// make-draft-blurred.sh).

import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReviewWorkbench } from '../../../electron/core/review/workbench-service';
import { DOUBTFUL_PAGE_SHARE } from '../../../electron/core/importers/ocr-page-doubt';
import { ocrPagesDoubtMessage } from '../../../electron/shared/ocr-page-doubt';
import { OCR_DOUBTFUL_PAGE_LABEL, OCR_TEXT_NOTES, OPINION_DOUBTFUL_ORIGINAL, changesText, draftPagesDoubt, opinionDoubtfulPagesNote } from '../../../electron/shared/review-workbench';
import { makeReviewLibrary, ROOT, RULES, type ReviewLibrary } from './review-test-support';

const PHOTO = join(ROOT, 'test/fixtures/documents/ocr-doubt/draft-jidi-blurred.jpg');
const out = mkdtempSync(join(tmpdir(), 'draft-ocr-doubt-'));
let lib: ReviewLibrary;
let wb: ReviewWorkbench;
let reviewId: string;

beforeAll(async () => {
  lib = await makeReviewLibrary();
  wb = new ReviewWorkbench(lib.store, lib.svc, { rulesDir: RULES });
  reviewId = (await lib.svc.createReview({ type: '规范性文件', title: '沂源县农业科技示范基地管理办法', leadUnit: '农村科技科', receivedDate: '2026-02-24' })).record.id;
  const file = join(out, '示范基地办法（手机拍照）.jpg');
  copyFileSync(PHOTO, file);
  await wb.addDraft(reviewId, file, { by: '李科员', ocr: {} });
}, 600_000);
afterAll(() => {
  lib?.cleanup();
  rmSync(out, { recursive: true, force: true });
});

const storeFile = () => join(lib.dir, 'workbench', `${reviewId}.json`);

describe('a scanned 送审稿 with a doubtful page', () => {
  it('keeps the page’s doubt with the version, beside the import report’s warning', () => {
    const d = wb.drafts.draft(reviewId);
    expect(d).toMatchObject({ textSource: 'ocr', ocrPages: 1, verified: false });
    expect(d.units.filter((u) => u.kind === 'article').length).toBeGreaterThan(0);
    expect(d.ocrDoubtfulPages?.map((p) => p.page)).toEqual([1]);
    expect(d.ocrDoubtfulPages![0]!.doubtful).toBeGreaterThanOrEqual(DOUBTFUL_PAGE_SHARE);
    const doubt = ocrPagesDoubtMessage(d.ocrDoubtfulPages!)!;
    expect(d.warnings).toContain(doubt);
    expect(draftPagesDoubt(d)).toBe(doubt);
  });

  it('the 意见书’s refusal names the doubtful page, and so does the log of writing it from the unchecked text', async () => {
    const d = wb.drafts.draft(reviewId);
    await expect(wb.exportOpinion(reviewId, join(out, '未核对.docx'))).rejects.toThrow(`尚未核对；${ocrPagesDoubtMessage(d.ocrDoubtfulPages!)}：`);
    await wb.exportOpinion(reviewId, join(out, '先出具.docx'), { unverifiedText: true, by: '王律师' });
    expect(wb.drafts.read(reviewId).log.at(-1)).toMatchObject({ action: 'opinion-unverified', note: '依据第 1 稿未核对的识别文本生成意见书（其中第 1 页识别可信度低）' });
  });

  it('findings on an article read from the doubtful page are marked apart; the 意见书 from the unchecked text does not state them as established', async () => {
    const v = await wb.view(reviewId);
    const onArticles = v.result!.findings.filter((f) => f.article);
    expect(onArticles.length).toBeGreaterThan(0);
    // the photo is one page, read too poorly: every article's finding says so (not only 'unverified' as any unchecked scan's)
    for (const f of onArticles) expect(f).toMatchObject({ ocrText: 'doubtful-page', ocrPages: [1] });
    expect(OCR_TEXT_NOTES['doubtful-page']).toContain('整页识别不可靠');
    expect(OCR_DOUBTFUL_PAGE_LABEL).toBe('所在页识别不可靠，请对照原件');
    const f = onArticles.find(changesText)!;
    await wb.accept(reviewId, f.id, { by: '王律师' });
    const text = JSON.stringify(await wb.opinionDocument(reviewId));
    // a note closing the 审查意见, naming the article, and the 对照表's 原文 marked
    expect(text).toContain(opinionDoubtfulPagesNote([f.article!.label]));
    expect(text).toContain(`${f.excerpt}${OPINION_DOUBTFUL_ORIGINAL}`);
  });

  it('read back: a workbench stored before the field loads; a page that is not a page is refused naming the file', () => {
    const saved = readFileSync(storeFile(), 'utf8');
    try {
      const raw = JSON.parse(saved) as { drafts: Record<string, unknown>[] };
      delete raw.drafts[0]!['ocrDoubtfulPages'];
      writeFileSync(storeFile(), JSON.stringify(raw));
      expect(wb.drafts.draft(reviewId).ocrDoubtfulPages).toBeUndefined();
      (raw.drafts[0]!['ocrDoubtfulPages'] as unknown) = [{ page: 0, doubtful: 0.2 }];
      writeFileSync(storeFile(), JSON.stringify(raw));
      expect(() => wb.drafts.draft(reviewId)).toThrow(`审查工作台文件 ${storeFile()} 的内容不合格式`);
      (raw.drafts[0]!['ocrDoubtfulPages'] as unknown) = [{ page: 1, doubtful: 1.5 }];
      writeFileSync(storeFile(), JSON.stringify(raw));
      expect(() => wb.drafts.draft(reviewId)).toThrow(/ocrDoubtfulPages/);
    } finally {
      writeFileSync(storeFile(), saved);
    }
  });

  it('once every article is checked against the scan, the doubt is answered and the 意见书 no longer waits', async () => {
    const d = wb.drafts.draft(reviewId);
    const done = await wb.drafts.checkOcr(reviewId, 1, { by: '王律师', confirmed: d.units.map((u) => u.key) });
    expect(done.verified).toBe(true);
    expect(done.ocrDoubtfulPages).toEqual(d.ocrDoubtfulPages); // kept: it says how the scan was read
    expect(draftPagesDoubt(done)).toBe('');
    await expect(wb.exportOpinion(reviewId, join(out, '已核对.docx'))).resolves.toMatchObject({ format: 'docx' });
    // checked: no finding is marked, and the 意见书 states its points without the caveat
    expect((await wb.view(reviewId)).result!.findings.filter((f) => f.ocrText)).toEqual([]);
    const text = JSON.stringify(await wb.opinionDocument(reviewId));
    expect(text).not.toContain(OPINION_DOUBTFUL_ORIGINAL);
    expect(text).not.toContain('系依据扫描件识别');
  });
});
