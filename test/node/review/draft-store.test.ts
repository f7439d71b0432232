import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DraftStore } from '../../../electron/core/review/draft-store';
import { DRAFTS, makeReviewLibrary, type ReviewLibrary } from './review-test-support';

let lib: ReviewLibrary;
let drafts: DraftStore;
let reviewId: string;
const tmp = mkdtempSync(join(tmpdir(), 'drafts-in-'));

beforeEach(async () => {
  lib = await makeReviewLibrary();
  drafts = new DraftStore(lib.store, lib.svc);
  const r = await lib.svc.createReview({ type: '规范性文件', title: '高青县科技创新券管理办法（征求意见稿）', leadUnit: '高新技术科', receivedDate: '2026-02-24' });
  reviewId = r.record.id;
});
afterEach(() => lib.cleanup());

describe('送审稿 kept with the review', () => {
  it('is parsed with the law parser, attached by hash, never put into the library', async () => {
    const laws = lib.store.versions().length;
    const v = await drafts.addDraft(reviewId, join(DRAFTS, 'planted-innovation-voucher.md'));
    expect(v.seq).toBe(1);
    expect(v.title).toBe('高青县科技创新券管理办法（征求意见稿）');
    expect(v.units.filter((u) => u.kind === 'article')).toHaveLength(22);
    expect(v.units[4]!.label).toBe('第五条');
    expect(lib.store.versions()).toHaveLength(laws);
    const review = await lib.svc.getReview(reviewId);
    expect(review.attachments.map((a) => a.sha256)).toEqual([v.sha256]);
    expect(lib.svc.attachmentPath(review.attachments[0]!)).toBeTruthy();
    expect((await lib.svc.history(reviewId)).at(-1)!.note).toBe('添加送审稿');
    // the same bytes again: the same version
    expect((await drafts.addDraft(reviewId, join(DRAFTS, 'planted-innovation-voucher.md'))).seq).toBe(1);
  });

  it('a second version is diffed article by article', async () => {
    await drafts.addDraft(reviewId, join(DRAFTS, 'planted-innovation-voucher.md'));
    const second = join(tmp, '第二稿.md');
    const text = readFileSync(join(DRAFTS, 'planted-innovation-voucher.md'), 'utf8')
      .replace('第六条 服务机构应当向县科技局缴纳服务质量保证金二万元。\n\n', '')
      .replace('只能选择县科技局指定的服务机构', '可以自主选择服务机构');
    writeFileSync(second, text.replace(/第([七八九十一二]+)条/g, (m) => m)); // numbering left as the 科室 sent it
    const v2 = await drafts.addDraft(reviewId, second);
    expect(v2.seq).toBe(2);
    const rows = drafts.diff(reviewId, 1, 2);
    const changed = rows.find((r) => r.from[0]?.label === '第七条')!;
    expect(changed.kind).toBe('amended');
    expect(changed.runs!.some((r) => r.op === 'insert' && r.text.includes('自主'))).toBe(true);
    expect(rows.some((r) => r.kind === 'deleted' && r.from[0]!.text.includes('保证金'))).toBe(true);
  });

  it('bad input: empty, not a document, no articles, missing — clear message, record unchanged', async () => {
    const before = await lib.svc.getReview(reviewId);
    const empty = join(tmp, '空.txt');
    writeFileSync(empty, '');
    const png = join(tmp, '扫描.png');
    copyFileSync(join(DRAFTS, '..', '..', '..', 'resources', 'screenshots', 'library.png'), png);
    const prose = join(tmp, '说明.txt');
    writeFileSync(prose, '关于创新券的起草说明\n\n本办法起草过程中征求了各方意见，现予报送。\n');
    await expect(drafts.addDraft(reviewId, empty)).rejects.toThrow('送审稿“空.txt”无法读取：空文件（0 字节）');
    // a scan (a picture, a PDF without text layer) with OCR refused is told apart, with the ways on
    // (recognising it is draft-ocr.test.ts's)
    await expect(drafts.addDraft(reviewId, png, { ocr: false })).rejects.toThrow('送审稿“扫描.png”是扫描件或图片（1 页，没有文字层），未进行文字识别：请在审查工作台上传（将识别其文字，识别文本需核对），或向送审单位索要 Word 文档或可复制文字的 PDF');
    const scannedPdf = join(tmp, '扫描件.pdf');
    copyFileSync(join(DRAFTS, '..', 'documents', 'scanned.pdf'), scannedPdf);
    await expect(drafts.addDraft(reviewId, scannedPdf, { ocr: false })).rejects.toThrow(/^送审稿“扫描件.pdf”是扫描件或图片（\d+ 页，没有文字层），未进行文字识别.*索要 Word 文档或可复制文字的 PDF/);
    await expect(drafts.addDraft(reviewId, prose)).rejects.toThrow(/送审稿“说明.txt”中没有找到条文/);
    await expect(drafts.addDraft(reviewId, join(tmp, '没有.docx'))).rejects.toThrow('送审稿“没有.docx”不存在');
    await expect(drafts.addDraft('R2026-999', join(DRAFTS, 'planted-incubator.txt'))).rejects.toThrow(/R2026-999/);
    expect(await lib.svc.getReview(reviewId)).toEqual(before);
    expect(drafts.drafts(reviewId)).toEqual([]);
  });
});
