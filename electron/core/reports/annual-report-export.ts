// Writing the yearly report as DOCX / PDF / HTML with the pack renderers (one GB/T 9704 engine
// for packs, reports and opinions), through the same checked, atomic write as pack exports.

import { type ExportFormat, checkWritable, formatOf, renderDocument, writeExportFile } from '../packs/pack-export';
import type { PrintHtmlToPdf } from '../packs/render-pdf';
import type { RecordsService } from '../records/records-service';
import { RecordsError } from '../records/records-errors';
import type { ReportGap } from '../../shared/api/reports';
import type { AnnualReport } from './annual-report';
import { annualReportDocument } from './annual-report-document';
import { reportLawTitleIn } from './annual-report-service';
import { lawsOfSession } from '../records/session-laws';
import { officeRegionIn } from '../office/office-region';
import { dutyListDocument, planDocument } from './plan-documents';

export interface ReportExportResult {
  path: string;
  format: ExportFormat;
  bytes: number;
  pages?: number;
  figures: number;
  placeholders: number;
  notes: string[];
  gaps: ReportGap[];
}

export async function exportAnnualReport(report: AnnualReport, opts: { out: string; format?: string; today: string; print?: PrintHtmlToPdf }): Promise<ReportExportResult> {
  const format = formatOf(opts.out, opts.format);
  const path = checkWritable(opts.out);
  const doc = annualReportDocument(report, opts.today);
  const { data, pages } = await renderDocument(doc, format, opts.print ? { print: opts.print } : {});
  writeExportFile(path, data);
  return {
    path,
    format,
    bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.length,
    ...(pages !== undefined ? { pages } : {}),
    figures: report.figures.length,
    placeholders: report.sections.flatMap((s) => s.parts.flatMap((p) => p.paragraphs)).filter((p) => p.placeholder).length,
    notes: report.notes,
    gaps: report.gaps,
  };
}

/**
 * The year's 普法工作计划 or 普法责任清单, from its plan record (the only one of the year, or `planId`),
 * signed on `asOf` (成文日期, default today) and stating progress as it stood that day, by the same
 * rule as the yearly report: a session dated later is only planned and marks no task done.
 */
export async function exportPlanDocument(
  svc: RecordsService,
  opts: { kind: 'plan' | 'duties'; year: number; planId?: string; unit?: string; out: string; format?: string; asOf?: string; print?: PrintHtmlToPdf },
): Promise<{ path: string; format: ExportFormat; bytes: number; pages?: number }> {
  const format = formatOf(opts.out, opts.format);
  const path = checkWritable(opts.out);
  const plans = await svc.listPlans({ year: opts.year });
  const plan = opts.planId ? plans.find((p) => p.id === opts.planId) : plans.length === 1 ? plans[0] : undefined;
  if (!plan) {
    throw new RecordsError(
      opts.planId ? 'NOT_FOUND' : 'INVALID',
      opts.planId ? `没有找到${opts.year}年度的普法计划 ${opts.planId}` : plans.length ? `${opts.year}年度有 ${plans.length} 个普法计划（${plans.map((p) => p.id).join('、')}），请指定一个` : `${opts.year}年度没有普法计划：请先登记计划`,
    );
  }
  const asOf = opts.asOf ?? svc.today();
  const [stats, lectures] = await Promise.all([svc.stats(opts.year, asOf), svc.listLectures({ year: opts.year }).then((ls) => ls.filter((l) => l.date <= asOf))]);
  // A task's laws as a session's are read: its own, then its topic's, as they stood in its month
  const officeRegion = officeRegionIn(svc.library.dir);
  const itemLaws = (it: (typeof plan.items)[number]) =>
    lawsOfSession(svc.library, { laws: it.laws, citations: [], topic: it.topic, date: `${plan.year}-${String(it.plannedMonth ?? 12).padStart(2, '0')}-01` }, officeRegion).map((s) => s.lawId ?? s.writtenTitle);
  const inp = { plan, progress: stats.plans.find((p) => p.id === plan.id), lectures, unit: opts.unit?.trim() || plan.unit || '（单位名称）', today: asOf, lawTitle: reportLawTitleIn(svc.library), itemLaws };
  const doc = opts.kind === 'plan' ? planDocument(inp) : dutyListDocument(inp);
  const { data, pages } = await renderDocument(doc, format, opts.print ? { print: opts.print } : {});
  writeExportFile(path, data);
  return { path, format, bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.length, ...(pages !== undefined ? { pages } : {}) };
}
