// Uploading the 送审稿 into a review ticks its entry of the 送审材料 checklist: the 意见书 said
// “送审材料：无；未提供：文件送审稿…” of the very draft it was reviewing (found by exporting one from
// the workbench and reading the pages). Once per new draft, recorded in the change log.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildOpinion } from '../../../electron/core/review/opinion';
import { ReviewWorkbench } from '../../../electron/core/review/workbench-service';
import { DRAFTS, RULES, makeReviewLibrary, type ReviewLibrary } from './review-test-support';

let lib: ReviewLibrary;
let wb: ReviewWorkbench;
beforeEach(async () => {
  lib = await makeReviewLibrary();
  wb = new ReviewWorkbench(lib.store, lib.svc, { rulesDir: RULES });
});
afterEach(() => lib.cleanup());

const processText = async (id: string) =>
  buildOpinion(await lib.svc.getReview(id), [], { today: '2026-03-01', coverage: await wb.coverage(id) })
    .sections.flatMap((s) => s.blocks)
    .map((b) => ('text' in b ? b.text : ''))
    .find((t) => t.startsWith('送审材料'));

const ticks = async (id: string) => (await lib.svc.history(id)).map((e) => e.note ?? '').filter((n) => n.startsWith('上传送审稿'));

describe('the 送审稿 uploaded into a review counts as provided', () => {
  it('a 规范性文件: 文件送审稿 ticked once, the others left as they were, the 意见书 no longer lists it as missing', async () => {
    const { record } = await lib.svc.createReview({ type: '规范性文件', title: '高青县专利资助和保护暂行办法（送审稿）', leadUnit: '高新技术科', receivedDate: '2026-02-24' });
    expect(await processText(record.id)).toContain('未提供：文件送审稿');
    await wb.addDraft(record.id, join(DRAFTS, 'planted-patent-funding.md'));
    const after = await lib.svc.getReview(record.id);
    expect(after.materials.filter((m) => m.provided).map((m) => m.name)).toEqual(['文件送审稿']);
    expect(await processText(record.id)).toBe('送审材料：文件送审稿；未提供：起草说明、制定依据（法律法规规章和国家政策规定）、征求意见及采纳情况、起草单位合法性初审意见。');
    // the same file again, and a second draft: nothing more to tick
    await wb.addDraft(record.id, join(DRAFTS, 'planted-patent-funding.md'));
    await wb.addDraft(record.id, join(DRAFTS, 'planted-innovation-voucher.md'));
    expect(await ticks(record.id)).toEqual(['上传送审稿：送审材料“文件送审稿”已提供']);
  });

  it('a 合同 ticks 合同文本（送审稿）; a checklist the office named itself, its …送审稿 entry; none such, nothing', async () => {
    const contract = (await lib.svc.createReview({ type: '合同', title: '科技成果转化服务合同', leadUnit: '成果转化科', receivedDate: '2026-02-24' })).record;
    await wb.addDraft(contract.id, join(DRAFTS, 'planted-project-contract.md'));
    expect((await lib.svc.getReview(contract.id)).materials.find((m) => m.provided)?.name).toBe('合同文本（送审稿）');

    const own = (await lib.svc.createReview({ type: '其他', title: '科技特派员管理办法', leadUnit: '办公室', receivedDate: '2026-02-24', materials: [{ name: '起草说明', provided: true }, { name: '办法送审稿', provided: false }] })).record;
    await wb.addDraft(own.id, join(DRAFTS, 'planted-innovation-measures.md'));
    expect((await lib.svc.getReview(own.id)).materials).toEqual([{ name: '起草说明', provided: true }, { name: '办法送审稿', provided: true }]);

    const none = (await lib.svc.createReview({ type: '其他', title: '科技特派员考核细则', leadUnit: '办公室', receivedDate: '2026-02-24', materials: [{ name: '起草说明', provided: false }] })).record;
    await wb.addDraft(none.id, join(DRAFTS, 'planted-innovation-measures.md'));
    expect((await lib.svc.getReview(none.id)).materials).toEqual([{ name: '起草说明', provided: false }]);
    expect(await ticks(none.id)).toEqual([]);
  });
});
