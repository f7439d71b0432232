// The 年度普法工作计划 and the 普法责任清单 as documents, generated from a plan record: the plan
// lists the tasks by month with the laws and the responsible 科室; the 清单 sets each task against
// what was done (the sessions linked to it, already derived in the statistics), so the office can
// see and print progress against the list it committed to at the start of the year.

import { chineseDate } from '../../shared/chinese-date';
import type { DocSection, PackDocument } from '../packs/pack-document';
import type { Lecture, StudyPlan } from '../records/record-types';
import type { AnnualStats } from '../records/records-stats';
import { PLACEHOLDER_MARK } from './annual-report-document';

export interface PlanDocumentInput {
  plan: StudyPlan;
  progress?: AnnualStats['plans'][number];
  lectures: Lecture[];
  unit: string;
  today: string;
  /** Law id or name → its short title (民法典, 行政许可法). */
  lawTitle: (idOrName: string) => string | undefined;
  /**
   * A task's laws for the 清单's 涉及法律法规: its own `laws` and those its topic names (学习《统计法》
   * — the way sessions are counted, lawsOfSession), as ids or names. Without it, `laws` alone.
   */
  itemLaws?: (item: StudyPlan['items'][number]) => string[];
}

const laws = (inp: PlanDocumentInput, names: string[]) => names.map((n) => `《${inp.lawTitle(n) ?? n.replace(/[《》]/g, '')}》`).join('');
const month = (m?: number) => (m ? `${m}月` : '全年');

function official(title: string, inp: PlanDocumentInput, sections: DocSection[], warnings: string[] = []): PackDocument {
  return {
    title,
    template: '通用',
    cover: { title, unit: inp.unit, date: inp.today, purpose: '' },
    asOf: inp.today,
    sections,
    warnings,
    articleCount: 0,
    layout: 'official',
    signature: { unit: inp.unit, date: chineseDate(inp.today) },
  };
}

/** 年度普法工作计划: tasks in the order of the year, the parts records cannot know left to fill in. */
export function planDocument(inp: PlanDocumentInput): PackDocument {
  const items = [...inp.plan.items].sort((a, b) => (a.plannedMonth ?? 13) - (b.plannedMonth ?? 13));
  return official(inp.plan.title, inp, [
    { id: 's1', heading: '一、指导思想', blocks: [{ kind: 'note', tone: 'warn', text: `${PLACEHOLDER_MARK}请填写本年度普法工作的指导思想和基本原则。` }], itemIds: [] },
    {
      id: 's2',
      heading: '二、工作安排',
      blocks: [
        { kind: 'paragraph', text: `${inp.plan.year}年度共安排普法学习任务${items.length}项：` },
        ...items.map((it, i) => ({ kind: 'paragraph' as const, text: `${i + 1}．${month(it.plannedMonth)}，${it.topic}${it.laws.length ? `（${laws(inp, it.laws)}）` : ''}${it.responsibleUnit ? `，责任科室：${it.responsibleUnit}` : ''}。${it.notes ?? ''}` })),
      ],
      itemIds: [],
    },
    { id: 's3', heading: '三、工作要求', blocks: [{ kind: 'note', tone: 'warn', text: `${PLACEHOLDER_MARK}请填写组织保障、督促检查等工作要求。` }], itemIds: [] },
  ]);
}

/** 普法责任清单: each task with its laws, 科室, time limit, and what has been done by `today`. */
export function dutyListDocument(inp: PlanDocumentInput): PackDocument {
  const byId = new Map(inp.lectures.map((l) => [l.id, l]));
  const rows = [...inp.plan.items]
    .sort((a, b) => (a.plannedMonth ?? 13) - (b.plannedMonth ?? 13))
    .map((it, i) => {
      const p = inp.progress?.progress.find((x) => x.id === it.id);
      const done = (p?.sessions ?? []).map((id) => byId.get(id)).filter((l): l is Lecture => !!l);
      const state = done.length ? done.map((l) => `${chineseDate(l.date)}${l.kind}${l.headCount ? `（${l.headCount}人次）` : ''}`).join('；') : p?.late ? '未完成（已过计划月份）' : '未开展';
      const named = inp.itemLaws?.(it) ?? it.laws;
      return [String(i + 1), it.topic, named.length ? laws(inp, named) : '—', it.responsibleUnit ?? '—', it.plannedMonth ? `${inp.plan.year}年${it.plannedMonth}月` : `${inp.plan.year}年内`, state];
    });
  const doneCount = inp.progress?.done ?? 0;
  return official(`${inp.unit}${inp.plan.year}年度普法责任清单`, inp, [
    {
      id: 's1',
      heading: '',
      blocks: [
        { kind: 'paragraph', text: `根据${`《${inp.plan.title}》`}，将${inp.plan.year}年度普法任务分解落实到责任科室。截至${chineseDate(inp.today)}，${rows.length}项任务已完成${doneCount}项。` },
        // 小四 (compact), widths in its characters of the 156 mm line (36.8), margins included: 序号,
        // 规划发展科 and 2020年12月 each on one line even where LibreOffice widens numbers (its
        // autospace, DejaVu digits without a Times New Roman twin: 6.9) — in 四号 at 1:4:3:2:2:4
        // they broke as 序|号 and 2020|年5|月.
        { kind: 'table', head: ['序号', '普法内容', '涉及法律法规', '责任科室', '完成时限', '落实情况'], widths: [2.6, 7, 6.5, 5.5, 7, 8.2], align: ['center', 'left', 'left', 'center', 'center', 'left'], compact: true, rows },
      ],
      itemIds: [],
    },
  ]);
}
