// A record form's field errors, from the record's own input schema (record-schema.ts): the service
// returns them from records:validate (the rules a save applies, the CLI's included), and the app
// shows each beside its field. Messages are short because the field's label is already beside them.

import { z } from 'zod';
import { FIELD_LABELS, LectureFormSchema, LecturePatchSchema, PlanFormSchema, PlanPatchSchema, ReviewFormSchema, ReviewPatchSchema } from './record-schema';

/** One problem of one field: its path in the input (`['materials', 0, 'name']`) and what is wrong. */
export const fieldIssueSchema = z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() });
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

/** The record kinds with a form checked field by field: a new record's schema and a patch's. */
export const RECORD_FORM_SCHEMAS = {
  review: { create: ReviewFormSchema, patch: ReviewPatchSchema },
  lecture: { create: LectureFormSchema, patch: LecturePatchSchema },
  plan: { create: PlanFormSchema, patch: PlanPatchSchema },
} as const;
export type RecordFormKind = keyof typeof RECORD_FORM_SCHEMAS;

const TYPE_NAMES: Record<string, string> = { string: '文字', number: '数字', boolean: '是或否', array: '列表', object: '一组字段', date: '日期' };

function labelOf(path: readonly PropertyKey[]): string {
  const last = [...path].reverse().find((p) => typeof p === 'string');
  return (typeof last === 'string' && FIELD_LABELS[last]) || '此项';
}

/** zod's default messages in Chinese; a message the schema itself gives ('请填写主题') wins over these. */
const chinese: z.core.$ZodErrorMap = (iss) => {
  const path = iss.path ?? [];
  switch (iss.code) {
    case 'invalid_type':
      return iss.input === undefined || iss.input === null ? `请填写${labelOf(path)}` : `应为${TYPE_NAMES[iss.expected] ?? iss.expected}`;
    case 'invalid_value':
      return `应为 ${iss.values.map(String).join(' / ')} 之一`;
    case 'invalid_format':
      return iss.format === 'date' ? '不是有效日期（应为 YYYY-MM-DD）' : '格式不对';
    case 'too_small':
      if (iss.origin === 'string') return `请填写${labelOf(path)}`;
      if (iss.origin === 'array' || iss.origin === 'set') return `至少 ${String(iss.minimum)} 项`;
      return `不能小于 ${String(iss.minimum)}`;
    case 'too_big':
      if (iss.origin === 'string') return `不能超过 ${String(iss.maximum)} 字`;
      if (iss.origin === 'array' || iss.origin === 'set') return `最多 ${String(iss.maximum)} 项`;
      return `不能大于 ${String(iss.maximum)}`;
    case 'unrecognized_keys':
      return `不认识的字段：${iss.keys.join('、')}`;
    case 'not_multiple_of':
      return '应为整数';
    default:
      return '填写有误';
  }
};

/** The field errors of `input` against `schema`, each with a Chinese message; [] when it passes. */
export function fieldIssues(schema: z.ZodType, input: unknown): FieldIssue[] {
  const r = schema.safeParse(input, { error: chinese });
  if (r.success) return [];
  return r.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'number' ? p : String(p))), message: i.message }));
}

/** The field errors of a record form: a new record (`create`) or the patch of one being edited. */
export function recordFormIssues(kind: RecordFormKind, input: unknown, editing: boolean): FieldIssue[] {
  const s = RECORD_FORM_SCHEMAS[kind];
  return fieldIssues(editing ? s.patch : s.create, input);
}
