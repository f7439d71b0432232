// Calls for the office's yearly documents: the 法治政府建设年度报告 draft (preview and export), the
// 普法计划 and 责任清单, the 规范性文件 register with its reminders and flags, the office profile,
// and the reminders the start page shows.

import { z } from 'zod';
import { OfficeProfilePatchSchema, OfficeProfileSchema } from '../office-profile';
import { CitingRecordSchema } from '../record-schema';
import { RegisterEntryInputSchema, RegisterEntrySchema, RegisterReminderSchema } from '../register-schema';
import { EXPORT_FORMATS } from './packs';
import { base64Cap, call, count, empty, producedFileSchema, recordId, shownText, taskId, uploadFileSchema } from './common';

const year = z.number().int().min(1990).max(2200);
/** 成文日期 of the 落款 (default: today in the office's time zone); a day that exists, not only its shape. */
export const signDate = z.iso.date({ error: '成文日期应为实际存在的日期 YYYY-MM-DD' });

/**
 * What a yearly report lacks that the writer must supply: a code and the fact, never how to fix it —
 * each face words its own action (the CLI names its flag, the app names the place to fill in).
 */
export const REPORT_GAPS = ['unit', 'adviser'] as const;
export type ReportGap = (typeof REPORT_GAPS)[number];
export const REPORT_GAP_FACTS: Record<ReportGap, string> = { unit: '没有单位名称', adviser: '没有法律顾问' };

export const reportSourceSchema = z.object({ kind: z.enum(['review', 'lecture', 'plan', 'register']), id: z.string(), title: z.string(), date: z.string() });
export const annualReportSchema = z.object({
  year: z.number(),
  unit: z.string(),
  title: z.string(),
  intro: z.string().optional(),
  sections: z.array(
    z.object({
      heading: z.string(),
      parts: z.array(z.object({ heading: z.string().optional(), paragraphs: z.array(z.object({ text: z.string(), placeholder: z.boolean().optional(), figures: z.array(z.string()) })) })),
    }),
  ),
  figures: z.array(z.object({ id: z.string(), label: z.string(), value: z.string(), sources: z.array(reportSourceSchema) })),
  notes: z.array(z.string()),
  gaps: z.array(z.enum(REPORT_GAPS)),
  yearsWithRecords: z.array(z.number().int()).optional(),
});
export type AnnualReportDto = z.infer<typeof annualReportSchema>;

export const REPORT_KINDS = ['annual', 'plan', 'duties'] as const;
export const REPORT_KIND_LABELS: Record<(typeof REPORT_KINDS)[number], string> = { annual: '法治政府建设年度报告', plan: '普法工作计划', duties: '普法责任清单' };

export const registerViewSchema = RegisterEntrySchema.extend({ status: z.enum(['尚未施行', '现行有效', '已失效', '已废止']) });
export type RegisterViewDto = z.infer<typeof registerViewSchema>;

export const REMINDER_SOURCES = ['register', 'annualReport', 'plan'] as const;
export const officeReminderSchema = z.object({
  source: z.enum(REMINDER_SOURCES),
  kind: z.string(),
  title: z.string(),
  message: z.string(),
  date: z.string(),
  entryId: z.string().optional(),
  /** The year a 年度报告 reminder is about (the one reported on, which the link opens). */
  year: year.optional(),
});
export type OfficeReminderDto = z.infer<typeof officeReminderSchema>;

export const reportsCalls = {
  /** `date`: the 成文日期 the draft is read on, as the export will be (default today). */
  'reports:annual': call({ input: z.object({ year, date: signDate.optional() }).strict(), output: annualReportSchema }),
  'reports:export': call({
    input: z.object({ kind: z.enum(REPORT_KINDS), year, format: z.enum(EXPORT_FORMATS), date: signDate.optional(), taskId }).strict(),
    output: producedFileSchema.extend({ notes: z.array(z.string()), pages: count.optional() }),
  }),
  'register:list': call({ input: z.object({ year: year.optional(), q: z.string().max(200).optional() }).strict(), output: z.array(registerViewSchema) }),
  /** `file`: the document itself, imported into the library as the office's 规范性文件. */
  'register:save': call({
    input: z.object({ id: recordId.optional(), entry: RegisterEntryInputSchema.partial(), expectedRevision: count.optional(), file: uploadFileSchema.optional() }).strict(),
    output: z.object({ entry: registerViewSchema, warnings: z.array(z.string()) }),
    maxBodyBytes: base64Cap + 64 * 1024,
  }),
  /** The 规范性文件登记表 (GB/T 9704) of all documents or those published in `year`, into the export folder. */
  'register:export': call({
    input: z.object({ year: year.optional(), format: z.enum(EXPORT_FORMATS), date: signDate.optional(), taskId }).strict(),
    output: producedFileSchema.extend({ entries: count, pages: count.optional() }),
  }),
  'register:due': call({ input: empty, output: z.array(RegisterReminderSchema) }),
  /** The register documents' citations whose article changed since: the same entries as 受影响. */
  'register:flags': call({ input: empty, output: z.array(CitingRecordSchema) }),
  /** `warning`: office.json could not be used (damaged, or from a newer LawDesk); the profile is then blank. */
  'office:get': call({ input: empty, output: OfficeProfileSchema.extend({ warning: shownText.optional() }) }),
  'office:set': call({ input: OfficeProfilePatchSchema, output: OfficeProfileSchema }),
  'reminders:list': call({ input: empty, output: z.array(officeReminderSchema) }),
  /**
   * The starter rules the office's region calls for that the library lacks (add) and the starter rules
   * of other places it holds as shipped (remove): an offer after the region is set or changed, never
   * applied unasked.
   */
  'office:starter': call({
    input: empty,
    output: z.object({ region: z.string(), add: z.array(z.object({ title: z.string(), region: z.string() })), remove: z.array(z.object({ title: z.string(), region: z.string(), lawId: z.string() })) }),
  }),
  'office:starterApply': call({ input: z.object({ add: z.boolean().optional(), remove: z.boolean().optional() }).strict(), output: z.object({ added: count, removed: count }) }),
};
