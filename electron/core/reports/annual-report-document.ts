// AnnualReport → the neutral document the pack renderers print (DOCX in GB/T 9704 style, PDF,
// HTML), in the official layout: title on page 1, 一、 headings in 黑体, （一） in 楷体, the
// placeholders as marked notes, the 数据来源 annex listing every figure and the records behind it,
// and the 落款 (unit and date).

import { REPORT_GAP_FACTS } from '../../shared/api/reports';
import { chineseDate } from '../../shared/chinese-date';
import type { DocBlock, DocSection, PackDocument } from '../packs/pack-document';
import { emWidth } from '../packs/pack-pagination';
import type { AnnualReport, SourceRef } from './annual-report';

export const PLACEHOLDER_MARK = '【待填写】';

const KIND_LABEL: Record<SourceRef['kind'], string> = { review: '合法性审查', lecture: '学法普法活动', plan: '普法计划', register: '规范性文件登记' };

/** A record as the annex lists it, its date in words as the report's text writes dates (a plan's year: 2020年度). */
function sourceText(s: SourceRef): string {
  const when = /^\d{4}$/.test(s.date) ? `${s.date}年度` : chineseDate(s.date);
  return `${KIND_LABEL[s.kind]}，${when}：${s.title}`;
}

/** Record ids three to a line (、 at each line's end), so a line break never falls inside an id. */
function idLines(ids: string[]): string {
  const lines: string[] = [];
  for (let i = 0; i < ids.length; i += 3) lines.push(ids.slice(i, i + 3).join('、'));
  return lines.join('、\n');
}

/**
 * Column widths of the 数据来源 table in 小四 characters of the landscape line (225 mm: 53): 序号,
 * 数据项 as wide as its longest label so no label wraps (up to 16), the ids column three ids wide
 * (23.5), 数值 the rest.
 */
export function annexWidths(labels: string[]): number[] {
  const label = Math.min(16, Math.max(4, ...labels.map(emWidth)) + 1);
  return [2.6, label, 53 - 2.6 - label - 23.5, 23.5];
}

export function annualReportDocument(report: AnnualReport, today: string): PackDocument {
  const sections: DocSection[] = [];
  let n = 0;
  const id = () => `s${++n}`;
  if (report.intro) sections.push({ id: id(), heading: '', blocks: [{ kind: 'paragraph', text: report.intro }], itemIds: [] });
  for (const s of report.sections) {
    const blocks: DocBlock[] = [];
    for (const p of s.parts) {
      if (p.heading) blocks.push({ kind: 'subheading', level: 3, text: p.heading, id: id() });
      for (const para of p.paragraphs) blocks.push(para.placeholder ? { kind: 'note', tone: 'warn', text: PLACEHOLDER_MARK + para.text } : { kind: 'paragraph', text: para.text });
    }
    sections.push({ id: id(), heading: s.heading, blocks, itemIds: [] });
  }
  if (report.figures.length) {
    // Figures in a compact table that names its records by id; the records themselves listed once
    // below, so a long list of sources never squeezes a table column. Printed 横向 (GB/T 9704 横排
    // 表格) in 小四: portrait, the ids column held under two ids a line and LibreOffice cut
    // L2020-007 at its hyphen; at 23.5 of the landscape line's 53 characters it holds three ids a
    // line, cut by us (idLines) so no viewer cuts one.
    const used = new Map<string, SourceRef>();
    for (const f of report.figures) for (const s of f.sources) used.set(s.id, s);
    const order: SourceRef['kind'][] = ['plan', 'lecture', 'review', 'register'];
    const records = [...used.values()].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
    sections.push({
      id: id(),
      heading: '附件：数据来源',
      blocks: [
        { kind: 'paragraph', text: '本报告中的数字和名单由法规案头根据下列记录统计生成，记录修改后重新生成即可更新。' },
        { kind: 'table', head: ['序号', '数据项', '数值', '来源记录'], widths: annexWidths(report.figures.map((f) => f.label)), align: ['center', 'left', 'left', 'left'], compact: true, rows: report.figures.map((f, i) => [String(i + 1), f.label, f.value, idLines(f.sources.map((s) => s.id)) || '—']) },
        { kind: 'subheading', level: 3, text: '来源记录一览', id: id() },
        ...records.map((s): DocBlock => ({ kind: 'paragraph', text: `${s.id}　${sourceText(s)}` })),
      ],
      itemIds: [],
      landscape: true,
    });
  }
  return {
    title: report.title,
    template: '通用',
    cover: { title: report.title, unit: report.unit, date: today, purpose: '' },
    asOf: today,
    sections,
    warnings: [...report.gaps.map((g) => REPORT_GAP_FACTS[g]), ...report.notes],
    articleCount: 0,
    layout: 'official',
    signature: { unit: report.unit, date: chineseDate(today) },
    // 印发日期: the 成文日期 unless the office prints later and says so by re-exporting; 印发机关: the unit's own when not named.
    ...(report.imprint ? { imprint: { copyTo: report.imprint.copyTo, printedBy: report.imprint.printedBy?.trim() || report.unit, date: chineseDate(today) } } : {}),
  };
}
