// Writing the yearly report as DOCX / PDF / HTML with the pack renderers (one GB/T 9704 engine
// for packs, reports and opinions), through the same checked, atomic write as pack exports.

import { type ExportFormat, checkWritable, formatOf, renderDocument, writeExportFile } from '../packs/pack-export';
import type { PrintHtmlToPdf } from '../packs/render-pdf';
import type { AnnualReport } from './annual-report';
import { annualReportDocument } from './annual-report-document';

export interface ReportExportResult {
  path: string;
  format: ExportFormat;
  bytes: number;
  pages?: number;
  figures: number;
  placeholders: number;
  notes: string[];
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
  };
}
