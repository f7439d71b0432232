// A record form's field errors, from the record's own input schema (record-schema.ts): the service
// returns them from records:validate and refuses a save with them (the CLI prints them as lines),
// and the app shows each beside its field. The messages are the one formatter's beside-field form
// (shared/errors.ts): short, because the field's label is already beside them.

import { z } from 'zod';
import { besideFieldMessage, issuePathInWords, type IssueFormat } from './errors';
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

/** The records' one hint (how to write a citation), beside the field and in the service's sentences alike. */
export const RECORD_ISSUE_FORMAT: IssueFormat = {
  labels: FIELD_LABELS,
  hint: (iss) => (iss.code === 'invalid_union' ? '写法不对（引用条文请写 {"law":"统计法","article":"第七条"}，附件请写 {"path":"文件路径"}）' : undefined),
};

/** The field errors of `input` against `schema`, each with the short message shown beside its field (shared/errors.ts); [] when it passes. */
export function fieldIssues(schema: z.ZodType, input: unknown): FieldIssue[] {
  const r = schema.safeParse(input);
  if (r.success) return [];
  return r.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'number' ? p : String(p))), message: besideFieldMessage(i, RECORD_ISSUE_FORMAT, input) }));
}

/** A field error as one line that stands alone (the CLI, the list above a form): "送审材料 › 第1项 › 名称：请填写材料名称". */
export function fieldIssueLine(issue: FieldIssue): string {
  return `${issuePathInWords(issue.path, FIELD_LABELS)}：${issue.message}`;
}

/** The field errors of a record form: a new record (`create`) or the patch of one being edited. */
export function recordFormIssues(kind: RecordFormKind, input: unknown, editing: boolean): FieldIssue[] {
  const s = RECORD_FORM_SCHEMAS[kind];
  return fieldIssues(editing ? s.patch : s.create, input);
}
