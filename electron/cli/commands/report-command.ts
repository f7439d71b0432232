// `lawdesk report annual|plan|duties`: the 法治政府建设年度报告 draft for a year, from the records,
// as DOCX / PDF / HTML, or as JSON (the sections with their paragraphs and every figure with its
// sources); the year's 普法工作计划 and 普法责任清单 (with what was done against each task).

import { annualReportFor } from '../../core/reports/annual-report-service';
import { exportAnnualReport, exportPlanDocument } from '../../core/reports/annual-report-export';
import { REPORT_GAP_FACTS, type ReportGap } from '../../shared/api/reports';
import { reportYearOn } from '../../shared/report-year';
import { type Command, UsageError, libraryOption, parse, printJson } from '../cli-support';
import { openService } from './records-command';

const usage = `lawdesk report annual [--year 2020] [--out FILE --format docx|pdf|html] [--date YYYY-MM-DD] [--json] [--unit 单位] [--adviser 姓名 --adviser-org 单位] [--template FILE]
lawdesk report plan --year 2020 --out FILE [--date YYYY-MM-DD] [--plan ID] [--unit 单位]
lawdesk report duties --year 2020 --out FILE [--date YYYY-MM-DD] [--plan ID] [--unit 单位]`;

export const reportCommand: Command = {
  summary: '年度报告：由本年度记录生成法治政府建设年度报告草稿（DOCX、PDF、HTML 或 JSON）',
  usage,
  async run(argv) {
    const { values, positionals } = parse(
      argv,
      {
        ...libraryOption,
        json: { type: 'boolean' },
        year: { type: 'string' },
        out: { type: 'string' },
        format: { type: 'string' },
        unit: { type: 'string' },
        adviser: { type: 'string' },
        'adviser-org': { type: 'string' },
        template: { type: 'string' },
        plan: { type: 'string' },
        date: { type: 'string' },
      },
      usage,
    );
    const sub = positionals[0];
    if (sub !== 'annual' && sub !== 'plan' && sub !== 'duties') throw new UsageError(positionals[0] ? `未知的子命令“${positionals[0]}”\n用法：${usage}` : `用法：${usage}`);
    // Only the report has a year in hand (reportYearOn); a plan or a 清单 names the year it is for.
    if (!values.year && sub !== 'annual') throw new UsageError(`请用 --year 给出年份（如 2020）\n用法：${usage}`);
    if (values.year !== undefined && !isYear(Number(values.year))) throw new UsageError(`--year 应为年份（如 2020，收到“${values.year}”）\n用法：${usage}`);
    // 成文日期 of the 落款 (default today): a report on 2020 is signed in early 2021, not when it is printed again.
    if (values.date !== undefined && !isCalendarDate(values.date)) throw new UsageError(`--date 应为实际存在的日期 YYYY-MM-DD（收到“${values.date}”）\n用法：${usage}`);
    if (values['adviser-org'] && !values.adviser) throw new UsageError(`--adviser-org 需要与 --adviser 一起给出\n用法：${usage}`);
    const json = !!values.json;
    const svc = await openService(values.library, json);
    const year = values.year !== undefined ? Number(values.year) : reportYearOn(svc.today());
    if (sub !== 'annual') {
      if (!values.out) throw new UsageError(`请用 --out 给出输出文件\n用法：${usage}`);
      const r = await exportPlanDocument(svc, { kind: sub === 'plan' ? 'plan' : 'duties', year, out: values.out, ...(values.plan ? { planId: values.plan } : {}), ...(values.unit ? { unit: values.unit } : {}), ...(values.format ? { format: values.format } : {}), ...(values.date ? { asOf: values.date } : {}) });
      if (json) printJson(r);
      else process.stdout.write(`已导出 ${r.path}（${r.format.toUpperCase()}，${Math.round(r.bytes / 1024)} KB）\n`);
      return 0;
    }
    const report = await annualReportFor(svc, svc.library, {
      year,
      ...(values.unit ? { unit: values.unit } : {}),
      ...(values.adviser ? { adviser: { name: values.adviser, ...(values['adviser-org'] ? { org: values['adviser-org'] } : {}) } } : {}),
      ...(values.template ? { templateFile: values.template } : {}),
      ...(values.date ? { asOf: values.date } : {}),
    });
    if (!values.out) {
      if (json) printJson(report);
      else process.stdout.write(reportText(report));
      return 0;
    }
    const r = await exportAnnualReport(report, { out: values.out, ...(values.format ? { format: values.format } : {}), today: values.date ?? svc.today() });
    if (json) printJson(r);
    else {
      for (const n of [...r.gaps.map(gapNotice), ...r.notes]) process.stderr.write(`注意：${n}\n`);
      process.stdout.write(`已导出 ${r.path}（${r.format.toUpperCase()}，${Math.round(r.bytes / 1024)} KB，${r.figures} 项数据，${r.placeholders} 处待填写）\n`);
    }
    return 0;
  },
};

/** What the report lacks, with the CLI's way to supply it (the app names its own settings page). */
const GAP_ACTION: Record<ReportGap, string> = {
  unit: '用 lawdesk office --unit 单位 保存单位名称，或生成时加 --unit 单位',
  adviser: '用 lawdesk office --adviser 姓名 保存法律顾问，或生成时加 --adviser 姓名；也可在审查记录的审查意见中写明法律顾问及其身份',
};
export function gapNotice(g: ReportGap): string {
  return `${REPORT_GAP_FACTS[g]}：${GAP_ACTION[g]}。`;
}

const isYear = (y: number) => Number.isInteger(y) && y >= 1990 && y <= 2200;

function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

function reportText(r: Awaited<ReturnType<typeof annualReportFor>>): string {
  const out = [r.title, ''];
  if (r.intro) out.push(r.intro);
  for (const s of r.sections) {
    out.push(s.heading);
    for (const p of s.parts) {
      if (p.heading) out.push(p.heading);
      for (const para of p.paragraphs) out.push(`${para.placeholder ? '【待填写】' : ''}${para.text}`);
    }
  }
  for (const n of [...r.gaps.map(gapNotice), ...r.notes]) out.push(`注意：${n}`);
  return out.join('\n') + '\n';
}
