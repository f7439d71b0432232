// A correction made in 核对 changes the recognised sentence, and with it the id of the finding on it.
// The decisions taken on the recognised text follow the corrected finding of the same rule in the
// same article when the correction reads the same (a misread character or two, punctuation); a
// correction that changes what the sentence says (a number, 可以 → 应当) opens the finding again
// with the earlier decision beside it; the record's lines that 采纳 wrote follow.

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readsTheSame } from '../../../electron/core/review/decision-carry';
import { ReviewWorkbench } from '../../../electron/core/review/workbench-service';
import type { Finding } from '../../../electron/shared/review-workbench';
import { DRAFTS, RULES, makeReviewLibrary, type ReviewLibrary } from './review-test-support';

let lib: ReviewLibrary;
let wb: ReviewWorkbench;
let reviewId: string;

/** The fixture's sentences as they are (the scan) and as recognised with misreadings. */
const READ = {
  第五条: ['服务机构须经县科技局审批，取得《高青县科技服务机构资格证》后，方可承接科技服务业务。', '服务机枸须经县科技局审批，取得《高青县科技服务机构资格证》后，方可承接科技服努业务。'],
  第七条: ['企业使用创新券购买科技服务，只能选择县科技局指定的服务机构。', '企业使用创新券购买科技服务,只能选择县科技局指定的服务机构.'],
  第九条: ['对年纳税额超过五百万元的企业，按照其缴纳增值税地方留成部分的百分之三十给予奖励。', '对年纳税额超过五十万元的企业，按照其缴纳增值税地方留成部分的百分之三十给予奖励。'],
  第十三条: ['服务机构在提供服务过程中弄虚作假的，县科技局可以查封其经营场所，扣押相关账册。', '服务机构在提供服务过程中弄虚作假的，县科技局应当查封其经营场所，扣押相关账册。'],
} as const;
type Label = keyof typeof READ;

beforeAll(async () => {
  lib = await makeReviewLibrary();
  wb = new ReviewWorkbench(lib.store, lib.svc, { rulesDir: RULES });
  reviewId = (await lib.svc.createReview({ type: '规范性文件', title: '高青县科技创新券管理办法（征求意见稿）', leadUnit: '高新技术科', receivedDate: '2026-02-24' })).record.id;
  await wb.addDraft(reviewId, join(DRAFTS, 'planted-innovation-voucher.md'));
  // The version as a scan's recognition leaves it: 识别文本, unverified, with the misreadings above.
  await wb.drafts.mutate(reviewId, (w) => {
    const d = w.drafts[0]!;
    Object.assign(d, { textSource: 'ocr', ocrPages: 2, verified: false });
    for (const u of d.units) {
      const read = READ[u.label as Label];
      if (read) u.text = u.text.replace(read[0], read[1]);
    }
  });
});
afterAll(() => lib?.cleanup());

const at = (fs: Finding[], rule: string, label: string) => {
  const f = fs.find((x) => x.rule === rule && x.article?.label === label);
  if (!f) throw new Error(`no ${rule} at ${label}`);
  return f;
};

describe('a 核对 correction and the decisions on the recognised text', () => {
  it('reads the same when only punctuation or a character or two without negation, modality, number or time changed', () => {
    expect(readsTheSame(READ.第五条[1], READ.第五条[0])).toBe(true);
    expect(readsTheSame(READ.第七条[1], READ.第七条[0])).toBe(true);
    expect(readsTheSame(READ.第九条[1], READ.第九条[0])).toBe(false); // 十 → 百
    expect(readsTheSame(READ.第十三条[1], READ.第十三条[0])).toBe(false); // 应当 → 可以
    expect(readsTheSame('企业可以申请补贴。', '企业不得申请补贴。')).toBe(false);
    expect(readsTheSame('自印发之日起三十日内办结。', '自印发之日起三十个工作日内办结。')).toBe(false);
    expect(readsTheSame('由县科技局负责组织实施。', '由县科技局会同财政局组织实施。')).toBe(false); // a phrase, not a misread character
    expect(readsTheSame('由县科技局负贵组织实施。', '由县科技局负责组织实施。')).toBe(true);
  });

  it('carry over when the correction reads the same, open again when it changes the sentence, and the record follows', async () => {
    const before = (await wb.run(reviewId, { panel: false })).findings;
    const proposal = '删去本条，改为“县科技局公布服务机构名录，企业自主选择”。';
    await wb.accept(reviewId, at(before, 'permit-create', '第五条').id, { proposal });
    await wb.dismiss(reviewId, at(before, 'fc-8-3-designated', '第七条').id, '名录由县政府公开招标确定，另行审查');
    await wb.dismiss(reviewId, at(before, 'fc-10-1-tax', '第九条').id, '奖励门槛较高，影响面小，无需修改');
    await wb.accept(reviewId, at(before, 'coercion-create', '第十三条').id);
    const recorded = (await lib.svc.getReview(reviewId)).findings;
    expect(recorded.authority.text + recorded.content.text).toContain('服务机枸');

    const d = wb.drafts.draft(reviewId);
    const keyOf = (label: Label) => d.units.find((u) => u.label === label)!.key;
    const fixed = (label: Label) => d.units.find((u) => u.label === label)!.text.replace(READ[label][1], READ[label][0]);
    const labels = Object.keys(READ) as Label[];
    await wb.checkOcr(reviewId, 1, { by: '王律师', confirmed: [], corrections: Object.fromEntries(labels.map((l) => [keyOf(l), fixed(l)])) });

    const view = await wb.view(reviewId, { panel: false });
    const after = view.result!.findings;
    // 第五条: two misread characters fixed — still accepted, the edited 建议修改为 kept
    const permit = at(after, 'permit-create', '第五条');
    expect(permit.id).not.toBe(at(before, 'permit-create', '第五条').id);
    expect(view.decisions[permit.id]).toMatchObject({ status: 'accepted', proposal, draftSeq: 1, carriedFrom: { seq: 1, findingId: at(before, 'permit-create', '第五条').id, corrected: true } });
    // 第七条: punctuation only — still dismissed with its reason
    expect(view.decisions[at(after, 'fc-8-3-designated', '第七条').id]).toMatchObject({ status: 'dismissed', reason: '名录由县政府公开招标确定，另行审查' });
    // 第九条: 五十万 was 五百万 — the 无需修改 is asked again, shown beside the finding
    const tax = at(after, 'fc-10-1-tax', '第九条');
    expect(view.decisions[tax.id]).toBeUndefined();
    expect(view.reopened[tax.id]).toMatchObject({ status: 'dismissed', reason: '奖励门槛较高，影响面小，无需修改', corrected: true, fromSeq: 1, excerpt: READ.第九条[1] });
    // 第十三条: 应当 was 可以 — the accepted finding is open again, and its line leaves the record
    const coercion = at(after, 'coercion-create', '第十三条');
    expect(view.decisions[coercion.id]).toBeUndefined();
    expect(view.reopened[coercion.id]).toMatchObject({ status: 'accepted', corrected: true });
    // no decision is left on a sentence the version no longer reads
    const ids = new Set(after.map((f) => f.id));
    expect(Object.entries(view.decisions).filter(([id, x]) => x.finding && !ids.has(id))).toEqual([]);
    expect(view.suggestions.map((s) => [s.article, s.original])).toEqual([['第五条', READ.第五条[0]]]);

    const record = (await lib.svc.getReview(reviewId)).findings;
    const text = record.authority.text + record.procedure.text + record.content.text;
    expect(text).toContain(`送审稿第五条“${READ.第五条[0]}”`);
    expect(text).not.toContain('服务机枸');
    expect(text).not.toContain('应当查封');
    expect(wb.drafts.read(reviewId).log.at(-1)).toMatchObject({ by: '王律师', action: 'carry', note: '第 1 稿核对更正后：沿用决定 2 条，2 条因更正改变了句意重新待审' });
  });
});
