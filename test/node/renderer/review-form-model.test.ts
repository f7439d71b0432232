// The 合法性审查 form's model (plain TS, no React): a new form's defaults, a record → values → input
// round trip the service accepts unchanged, and the warnings and refusals the form shows, asked of
// the service (records:validate) instead of re-coded in the renderer.
import dayjs from 'dayjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { materialsFor } from '../../../electron/shared/review-materials';
import { inputOf, newReviewValues, recordDateOf, valuesOf, emptyCites, type Values } from '../../../renderer/src/features/records/review-form-model';
import { makeLibrary, reviewInput, type TestLibrary } from '../records/records-test-support';

let lib: TestLibrary;
beforeEach(async () => {
  lib = await makeLibrary();
});
afterEach(() => lib.cleanup());

describe('review form model', () => {
  it('a new form: received today, the 规范性文件 materials, the usual 程序 checks', () => {
    const v = newReviewValues(dayjs('2026-04-01'));
    expect(v.receivedDate.format('YYYY-MM-DD')).toBe('2026-04-01');
    expect(v.materials).toEqual(materialsFor('规范性文件'));
    expect(v.procedures.filter((p) => p.applicable).map((p) => p.check)).not.toContain('风险评估');
    expect(recordDateOf(v, '2026-04-02')).toBe('2026-04-01');
    expect(recordDateOf({}, '2026-04-02')).toBe('2026-04-02');
  });

  it('record → values → input is accepted by the service and changes nothing', async () => {
    const { record } = await lib.svc.createReview(reviewInput({ refNo: '高科发〔2020〕3号', tags: ['创新券'], opinion: { text: '建议修改第五条。', adviser: '李明' } }));
    const view = await lib.svc.getReview(record.id);
    const input = inputOf(valuesOf(view), emptyCites(), view.attachments);
    expect(await lib.svc.validate('review', input, record.id)).toEqual({ errors: [], warnings: [], fields: [] });
    // Saving it back is "nothing to save": the round trip lost and added nothing.
    await lib.svc.updateReview(record.id, input).catch(() => undefined);
    expect((await lib.svc.getReview(record.id)).revision).toBe(record.revision);
  });

  it('the form’s warnings and refusals come from the service, and validating saves nothing', async () => {
    const v: Values = {
      ...newReviewValues(dayjs('2020-04-13')),
      title: '高青县科技创新券管理暂行办法（送审稿）',
      leadUnit: '高新技术科',
    };
    v.procedures = v.procedures.map((p) => (p.check === '公众参与' ? { ...p, applicable: true, done: true, date: dayjs('2020-04-01'), endDate: dayjs('2020-04-20') } : p));
    const open = await lib.svc.validate('review', inputOf(v, emptyCites(), []));
    expect(open.errors).toEqual([]);
    expect(open.warnings.join()).toMatch(/公开征求意见期限 20 日，少于第十五条/);
    // Opinion issued without a conclusion: refused, and every 程序 still to do is named.
    const issued = await lib.svc.validate('review', inputOf({ ...v, status: '已出具意见', completedDate: dayjs('2020-04-20') }, emptyCites(), []));
    expect(issued.errors.join()).toMatch(/须填写审查结论/);
    const notDone = await lib.svc.validate('review', inputOf({ ...v, status: '已出具意见', completedDate: dayjs('2020-04-20'), conclusion: '合法', opinion: '同意。' }, emptyCites(), []));
    expect(notDone.errors).toEqual([]);
    expect(notDone.warnings.filter((w) => w.endsWith('尚未履行')).length).toBeGreaterThan(0);
    expect(await lib.svc.listReviews()).toEqual([]);
  });
});
