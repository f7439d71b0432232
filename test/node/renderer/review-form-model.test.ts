// The 合法性审查 form's model (plain TS, no React): a new form's defaults, a record → values → input
// round trip the service accepts unchanged, and the warnings and refusals the form shows, asked of
// the service (records:validate) instead of re-coded in the renderer.
import dayjs from 'dayjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { LIMITS } from '../../../electron/shared/limits';
import { materialsFor } from '../../../electron/shared/review-materials';
import { inputOf, newReviewValues, recordDateOf, reviewFormErrors, valuesOf, emptyCites, type Values } from '../../../renderer/src/features/records/review-form-model';
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

  it('each wrong field gets the schema’s Chinese error beside it, the same the service returns, and nothing is saved', async () => {
    const v: Values = {
      ...newReviewValues(dayjs('2020-04-13')),
      title: '   ',
      leadUnit: '局'.repeat(LIMITS.record.unit + 1),
    };
    v.materials = [...v.materials, { name: '  ', provided: true }];
    v.procedures = v.procedures.map((p) => (p.check === '公平竞争审查' ? { ...p, applicable: true, notes: '注'.repeat(LIMITS.record.shortNotes + 1) } : p));
    const cites = { ...emptyCites(), basis: [{ ref: { law: '' }, display: '' }] };
    const errors = reviewFormErrors(v, cites, [], false);
    const row = v.materials.length - 1;
    expect(Object.fromEntries(errors.fields.map((f) => [f.name.join('.'), f.errors.join('；')]))).toEqual({
      title: '请填写标题',
      leadUnit: `不能超过 ${LIMITS.record.unit} 字`,
      [`materials.${row}.name`]: '请填写名称',
    });
    // A part without a field of its own is named in words above the form: the 程序 notes, the citation.
    expect(errors.other).toEqual([`程序审查 › 第${v.procedures.filter((p) => p.applicable || p.done || p.date || p.notes).findIndex((p) => p.check === '公平竞争审查') + 1}项 › 备注：不能超过 ${LIMITS.record.shortNotes} 字`, expect.stringMatching(/^引用条文 › 第1项/)]);
    const service = await lib.svc.validate('review', inputOf(v, cites, []));
    expect(service.fields.map((f) => f.message)).toEqual([...errors.fields.flatMap((f) => f.errors), `不能超过 ${LIMITS.record.shortNotes} 字`, expect.any(String)]);
    await expect(lib.svc.createReview(inputOf(v, emptyCites(), []))).rejects.toThrow(/标题：请填写标题/);
    expect(await lib.svc.listReviews()).toEqual([]);
    // Editing checks the patch: a cleared 承办单位 is refused beside it as well.
    const { record } = await lib.svc.createReview(inputOf({ ...newReviewValues(dayjs('2020-04-13')), title: '办法', leadUnit: '科' }, emptyCites(), []));
    const edited = { ...valuesOf(await lib.svc.getReview(record.id)), leadUnit: ' ' };
    expect(reviewFormErrors(edited, emptyCites(), [], true).fields).toEqual([{ name: ['leadUnit'], errors: ['请填写承办单位'] }]);
  });

  it('the page codes no rule or limit of its own: no antd rules, no typed lengths (the model and the service decide)', () => {
    const page = readFileSync(new URL('../../../renderer/src/features/records/ReviewPage.tsx', import.meta.url), 'utf8');
    expect(page).not.toMatch(/\brules=/);
    expect(page).not.toMatch(/max(Length)?=\{\s*[\d_]+\s*\}/);
    expect(page).not.toMatch(/不能早于|不能晚于|请填写/);
  });
});
