// The one zod-issue formatter (shared/errors.ts): a schema's own Chinese message is kept (建议修改为
// 不能为空…, not “proposal”不能为空), zod's defaults are replaced by a sentence naming the field, API
// inputs are labelled from the domain vocabulary (shared/field-labels.ts), and a form's beside-field
// message and the CLI's line are derived from the same sentence.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseInput } from '../../../electron/shared/api';
import { besideFieldMessage, formatFieldLine, formatIssue } from '../../../electron/shared/errors';
import { FIELD_LABELS, WORKBENCH_FIELD_LABELS } from '../../../electron/shared/field-labels';
import { ProposalSchema } from '../../../electron/shared/review-workbench';
import { LectureFormSchema, PlanFormSchema } from '../../../electron/shared/record-schema';

function issues(schema: z.ZodType, input: unknown) {
  const r = schema.safeParse(input);
  if (r.success) throw new Error('expected a failure');
  return r.error.issues;
}
function apiError(channel: Parameters<typeof parseInput>[0], input: unknown): { message: string; details: readonly string[] } {
  try {
    parseInput(channel, input);
  } catch (e) {
    return e as { message: string; details: readonly string[] };
  }
  throw new Error('expected a refusal');
}

describe('the one zod-issue formatter', () => {
  it('keeps the schema’s own Chinese message, naming the field by its label (the 建议修改为 regression)', () => {
    const e = apiError('workbench:accept', { id: 'R-1', findingId: 'f1', proposal: ' \n ' });
    expect(e.message).toBe('参数不合法：建议修改为不能为空（不需要修改建议时，直接采纳即可）');
    const long = apiError('workbench:accept', { id: 'R-1', findingId: 'f1', proposal: '改'.repeat(5001) });
    expect(long.message).toBe('参数不合法：建议修改为过长（上限 5000 字）');
    // A message that does not name its field is put after the field, labelled.
    const dismiss = apiError('workbench:dismiss', { id: 'R-1', findingId: '', reason: '  ' });
    expect(dismiss.details).toEqual(['“审查发现（findingId）”不能为空', '请写明不采纳的理由']);
  });

  it('replaces zod’s default messages (English or the zh-CN locale) with a sentence naming the field', () => {
    const schema = z.strictObject({ proposal: ProposalSchema, count: z.number().max(3), title: z.string().max(5) });
    const [own, big, long, extra] = issues(schema, { proposal: '', count: 9, title: '一二三四五六', x: 1 });
    const opts = { labels: { ...WORKBENCH_FIELD_LABELS, title: '标题' } };
    expect(formatIssue(own!, opts)).toBe('建议修改为不能为空（不需要修改建议时，直接采纳即可）');
    expect(formatIssue(own!)).toBe('“proposal”：建议修改为不能为空（不需要修改建议时，直接采纳即可）');
    expect(formatIssue(big!, opts)).toBe('“count”不能大于 3');
    expect(formatIssue(long!, opts)).toBe('“标题（title）”不能超过 5 字');
    expect(formatIssue(extra!, opts)).toBe('“(整体)”中有不认识的字段：x');
    const nested = issues(PlanFormSchema, { year: 2020, title: '计划', items: [{ topic: ' ' }] });
    expect(formatIssue(nested[0]!, { labels: FIELD_LABELS })).toBe('“事项（items）.0.主题（topic）”：请填写事项');
  });

  it('derives the beside-field message and the standalone line from the same sentence', () => {
    const input = { kind: '集体学法', date: '2020-13-01', topic: '', headCount: -1 };
    const all = issues(LectureFormSchema, input);
    const opts = { labels: FIELD_LABELS };
    expect(all.map((i) => besideFieldMessage(i, opts, input))).toEqual(['不是有效日期（应为 YYYY-MM-DD）', '请填写主题', '不能小于 0']);
    expect(all.map((i) => formatFieldLine(i, opts, input))).toEqual(['日期：不是有效日期（应为 YYYY-MM-DD），收到 "2020-13-01"', '主题：请填写主题', '参加人数：不能小于 0']);
    const missing = issues(LectureFormSchema, { topic: '普法' });
    expect(missing.map((i) => formatIssue(i, opts, { topic: '普法' }))).toEqual(['缺少必填字段“活动类型（kind）”', '缺少必填字段“日期（date）”']);
    expect(missing.map((i) => besideFieldMessage(i, opts, { topic: '普法' }))).toEqual(['请填写活动类型', '请填写日期']);
  });
});
