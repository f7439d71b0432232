// The 年度普法计划 form's model (plain TS, no React): defaults, a plan → values → input round trip
// the service accepts unchanged (item ids kept), and the field errors shown beside the fields — the
// plan schema's own check (shared/record-form.ts), the same records:validate returns.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newPlanValues, planFormErrors, planInputOf, planValuesOf, type PlanValues } from '../../../renderer/src/features/records/plan-form-model';
import { makeLibrary, type TestLibrary } from '../records/records-test-support';

let lib: TestLibrary;
beforeEach(async () => {
  lib = await makeLibrary();
});
afterEach(() => lib.cleanup());

const shown = (v: PlanValues) => Object.fromEntries(planFormErrors(v).fields.map((f) => [f.name.join('.'), f.errors.join('；')]));

describe('plan form model', () => {
  it('a new plan is named for its year; its first, blank item is refused beside it', () => {
    const v = newPlanValues(2021);
    expect(v.title).toBe('2021年度普法工作计划');
    expect(shown(v)).toEqual({ 'items.0.topic': '请填写事项' });
    expect(planFormErrors({ ...v, items: [{ topic: '民法典', plannedMonth: 3 }] })).toEqual({ fields: [], other: [] });
  });

  it('plan → values → input is accepted by the service, keeps the item ids, laws and notes, and changes nothing', async () => {
    const { record } = await lib.svc.createPlan({
      year: 2021,
      title: '2021年度普法工作计划',
      unit: '高青县科学技术局',
      // laws and notes have no field in the form (the CLI sets them); an edit in the app keeps them
      items: [{ topic: '民法典', responsibleUnit: '办公室', plannedMonth: 5, laws: ['民法典'], notes: '结合合同审查讲解' }, { topic: '行政许可法' }],
    });
    const plan = await lib.svc.getPlan(record.id);
    const input = planInputOf(planValuesOf(plan));
    expect((input.items as { id?: string }[]).map((i) => i.id)).toEqual(plan.items.map((i) => i.id));
    expect(input.items).toMatchObject([{ laws: ['民法典'], notes: '结合合同审查讲解' }, {}]);
    expect(await lib.svc.validate('plan', input, record.id)).toEqual({ errors: [], warnings: [], fields: [] });
    await lib.svc.updatePlan(record.id, input).catch(() => undefined); // "nothing to save"
    expect((await lib.svc.getPlan(record.id)).revision).toBe(record.revision);
  });

  it('each wrong field gets its Chinese error, the same the service returns, and nothing is saved', async () => {
    const v: PlanValues = { year: 1980, title: '  ', items: [{ topic: '民法典', plannedMonth: 13 }, { topic: ' ' }] };
    expect(shown(v)).toEqual({ year: '不能小于 1990', title: '请填写计划名称', 'items.0.plannedMonth': '不能大于 12', 'items.1.topic': '请填写事项' });
    expect(shown({ ...v, year: null })).toMatchObject({ year: '请填写年度' });
    const service = await lib.svc.validate('plan', planInputOf(v));
    expect(service.fields.map((f) => [f.path.join('.'), f.message])).toEqual([
      ['year', '不能小于 1990'],
      ['title', '请填写计划名称'],
      ['items.0.plannedMonth', '不能大于 12'],
      ['items.1.topic', '请填写事项'],
    ]);
    expect(service.errors.length).toBeGreaterThan(0);
    await expect(lib.svc.createPlan(planInputOf(v))).rejects.toThrow(/填写有误/);
    expect(await lib.svc.listPlans()).toEqual([]);
  });
});
