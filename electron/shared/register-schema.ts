// The bureau's own 规范性文件 register (not the law library): what was issued, its 有效期, when it
// must be filed (备案) and was, its legality review, the evaluation before expiry and the 清理
// result. One definition for the store, the API and the CLI; derived dates are computed by core.

import { z } from 'zod';
import { requiredText } from './required-text';

const date = z.iso.date();
const short = z.string().trim().max(500);
const nonEmpty = requiredText(500);

export const CLEANUP_RESULTS = ['继续有效', '修改', '废止'] as const;
export type CleanupResult = (typeof CLEANUP_RESULTS)[number];
export const EVALUATION_RESULTS = ['继续施行', '修改后施行', '废止'] as const;

export const RegisterFileRefSchema = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  name: nonEmpty,
  size: z.number().int().nonnegative(),
});

const EntryFields = {
  /** 文号: 高科发〔2020〕3号 */
  docNumber: short.optional(),
  title: nonEmpty,
  /** 制定科室 */
  draftingUnit: nonEmpty,
  published: date,
  /** 施行日期; default the publication date. */
  effective: date.optional(),
  /** 有效期至; default from the register rules (5 years, 2 for 暂行/试行). */
  validUntil: date.optional(),
  /** 备案 due date; default from the register rules. */
  filingDue: date.optional(),
  filedDate: date.optional(),
  /** 备案机关 */
  filedWith: short.optional(),
  /** The 合法性审查 record of its draft. */
  reviewId: short.optional(),
  evaluation: z.strictObject({ date, result: z.enum(EVALUATION_RESULTS), note: short.optional() }).optional(),
  cleanup: z.strictObject({ date, result: z.enum(CLEANUP_RESULTS), note: short.optional() }).optional(),
  /** The document itself (kept by hash) and the library version it was imported as. */
  file: RegisterFileRefSchema.optional(),
  versionId: short.optional(),
  notes: z.string().max(10_000).optional(),
  tags: z.array(nonEmpty).max(50).default([]),
};

export const RegisterEntryInputSchema = z.strictObject(EntryFields);
export type RegisterEntryInput = z.input<typeof RegisterEntryInputSchema>;

export const RegisterEntrySchema = z.strictObject({
  ...EntryFields,
  id: nonEmpty,
  revision: z.number().int().positive(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  effective: date,
  validUntil: date,
  filingDue: date,
});
export type RegisterEntry = z.infer<typeof RegisterEntrySchema>;

/**
 * Where a document's 备案 stands on `day`: filed by its due date, filed after it, not filed and
 * past it, or not filed and still in time. One rule for the register page, the 登记表 and the
 * yearly report, which all call a late filing late.
 */
export type FilingState = '按时备案' | '逾期备案' | '逾期未备案' | '未备案';
export const LATE_FILING: readonly FilingState[] = ['逾期备案', '逾期未备案'];
export function filingState(e: { filedDate?: string | undefined; filingDue: string }, day: string): FilingState {
  if (e.filedDate) return e.filedDate > e.filingDue ? '逾期备案' : '按时备案';
  return day > e.filingDue ? '逾期未备案' : '未备案';
}

export const REMINDER_KINDS = ['备案逾期', '备案即将到期', '即将失效', '已失效待清理', '待评估'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const RegisterReminderSchema = z.object({
  entryId: z.string(),
  title: z.string(),
  kind: z.enum(REMINDER_KINDS),
  /** The date the reminder is about (the due date or the expiry). */
  date: date,
  message: z.string(),
});
export type RegisterReminder = z.infer<typeof RegisterReminderSchema>;
