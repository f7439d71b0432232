// The office's own facts that documents need and records cannot know: the unit's name, its region
// (where its own 规范性文件 apply) and the legal adviser it retains. Kept in the library folder
// (office.json), so it travels with the library; the first office's values are example data only.

import { z } from 'zod';
import { DEFAULT_TIME_ZONE, isTimeZone } from './office-clock';
import { requiredText } from './required-text';

/** The file in the library folder that holds the profile. */
export const OFFICE_FILE = 'office.json';

/**
 * The schema version of office.json. Files written before it carried one (the profile's fields
 * alone) read as version 0 and are migrated on the next write.
 */
export const OFFICE_SCHEMA_VERSION = 1;

const short = z.string().trim().max(200);
const adviser = z.strictObject({ name: requiredText(200), org: short.optional() });
/**
 * 机关代字 of the 合法性审查意见书's number (高科审 → 高科审〔2026〕3号): the office's own
 * abbreviation, so no bracket, digit or 号 of the number itself.
 */
const reviewPrefix = z
  .string()
  .trim()
  .max(20)
  .refine((s) => !/[〔〕［］[\]()（）0-9０-９号]/.test(s), '只填机关代字（如 高科审），年份和序号由软件生成');
/**
 * 版记 of the yearly report (GB/T 9704-2012 7.4): the 印发机关 (the office that sends it to print,
 * usually the unit's 办公室; default the unit itself) and the 抄送机关, in the order printed. Without
 * either the report carries no 版记 (an office printing on paper that has one).
 */
const imprint = z.strictObject({
  printedBy: short.optional(),
  copyTo: z.array(z.string().trim().min(1).max(100).refine((s) => !/[，,、；;。]/.test(s), '每行（每项）只填一个机关名称')).max(30).default([]),
});
const timeZone = z.string().trim().max(64).refine(isTimeZone, '不是有效的时区名称（应为 IANA 名称，如 Asia/Shanghai）');

export const OfficeProfileSchema = z.strictObject({
  /** 高青县科学技术局 */
  unit: short.default(''),
  /** Region in the library's notation, province first: 山东·淄博·高青县. */
  region: short.default(''),
  adviser: adviser.optional(),
  /** 意见书文号的机关代字 (高科审); without it the 意见书 carries no number for the office to fill in. */
  reviewPrefix: reviewPrefix.optional(),
  /** 版记 of the yearly report: 印发机关 and 抄送机关. */
  imprint: imprint.optional(),
  /**
   * The office's time zone (IANA name): it decides what "today" is for every date the app
   * writes or compares (status, due dates, backups, packs), whatever zone the computer is set to.
   */
  timeZone: timeZone.default(DEFAULT_TIME_ZONE),
});

/** A change to the profile: only the fields given change (no defaults filled in); adviser null removes it. */
export const OfficeProfilePatchSchema = z.strictObject({
  unit: short.optional(),
  region: short.optional(),
  adviser: adviser.nullable().optional(),
  reviewPrefix: reviewPrefix.optional(),
  /** null removes the 版记. */
  imprint: imprint.nullable().optional(),
  timeZone: timeZone.optional(),
});
export type OfficeProfile = z.infer<typeof OfficeProfileSchema>;
export type OfficeImprint = z.infer<typeof imprint>;

/** office.json as stored: the profile and its schema version. */
export const OfficeFileSchema = OfficeProfileSchema.extend({ schemaVersion: z.number().int().min(0) });
export type OfficeFile = z.infer<typeof OfficeFileSchema>;

/**
 * office.json from a bundle or a backup, which may predate the schema version: read as the
 * current version, so a carried old file and the library's own compare equal.
 */
export const CarriedOfficeFileSchema = z.preprocess(
  (v) => (v && typeof v === 'object' && !Array.isArray(v) && !('schemaVersion' in v) ? { ...v, schemaVersion: OFFICE_SCHEMA_VERSION } : v),
  OfficeFileSchema,
);

export const EMPTY_OFFICE: OfficeProfile = { unit: '', region: '', timeZone: DEFAULT_TIME_ZONE };
