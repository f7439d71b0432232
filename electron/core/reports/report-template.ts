// The yearly report's template: the five parts the 2019 督察工作规定 asks for, kept as data the
// office can edit (resources/report-templates/annual-report.json, or the same file name under the
// library's templates/ folder, which wins). A part is either generated from the records or a
// placeholder for what records cannot know. A broken file is refused with its name and the field.

import { formatIssue } from '../../shared/errors';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DomainFileError } from './report-errors';

/** What a generated part is computed from (problems and nextYear write prompts, never facts). */
export const REPORT_GENERATORS = ['study', 'decisions', 'normativeDocuments', 'plans', 'outreach', 'problems', 'nextYear'] as const;
export type ReportGenerator = (typeof REPORT_GENERATORS)[number];

const text = z.string().trim().min(1).max(2000);

const PartSchema = z.union([
  z.strictObject({ heading: text.optional(), generate: z.enum(REPORT_GENERATORS) }),
  z.strictObject({ heading: text.optional(), placeholder: text }),
  z.strictObject({ heading: text.optional(), text }),
]);

export const ReportTemplateSchema = z.strictObject({
  schemaVersion: z.literal(1),
  name: text,
  basis: z.string().max(2000).optional(),
  /** {unit} and {year} are filled in. */
  title: text,
  intro: z.string().max(4000).optional(),
  sections: z.array(z.strictObject({ heading: text, parts: z.array(PartSchema).min(1).max(50) })).min(1).max(20),
});
export type ReportTemplate = z.infer<typeof ReportTemplateSchema>;
export type ReportPart = ReportTemplate['sections'][number]['parts'][number];

export const ANNUAL_TEMPLATE_FILE = 'annual-report.json';

/** The library's own copy if there is one, else the one shipped in resources/. */
export function annualTemplatePath(resourcesDir: string, libraryDir?: string): string {
  const own = libraryDir ? join(libraryDir, 'templates', ANNUAL_TEMPLATE_FILE) : undefined;
  return own && existsSync(own) ? own : join(resourcesDir, 'report-templates', ANNUAL_TEMPLATE_FILE);
}

export function loadReportTemplate(file: string): ReportTemplate {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : `不是合法的 JSON（${(e as Error).message}）`;
    throw new DomainFileError(file, `报告模板无法读取：${why}`);
  }
  const r = ReportTemplateSchema.safeParse(raw);
  if (!r.success) {
    const first = r.error.issues[0]!;
    throw new DomainFileError(file, `报告模板不合法：${formatIssue(first, {}, raw)}`);
  }
  return r.data;
}

export function fillPlaceholders(s: string, values: Record<string, string | number>): string {
  return s.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
