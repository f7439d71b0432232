// `lawdesk stats --year Y`: the year's review, lecture and plan figures for the annual report.

import { type Command, UsageError, libraryOption, parse, printJson } from '../cli-support';
import { openService } from './records-command';
import { onTimeRateText, onTimeSummary } from '../../shared/review-time-limits';

const usage = 'lawdesk stats --year 2020 [--json]';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

export const statsCommand: Command = {
  summary: '年度统计：合法性审查、学法普法活动、学习的法律、普法计划完成情况',
  usage,
  async run(argv) {
    const { values } = parse(argv, { ...libraryOption, json: { type: 'boolean' }, year: { type: 'string' } }, usage);
    const year = Number(values.year);
    if (!values.year || !Number.isInteger(year)) throw new UsageError(`请用 --year 给出年份\n用法：${usage}`);
    const svc = await openService(values.library, !!values.json);
    const s = await svc.stats(year);
    if (values.json) {
      printJson(s);
      return 0;
    }
    const o = process.stdout;
    const nonzero = (r: Record<string, number>) => Object.entries(r).filter(([, n]) => n).map(([k, n]) => `${k} ${n}`).join('，') || '无';
    o.write(`${year} 年\n合法性审查 ${s.reviews.total} 件：${nonzero(s.reviews.byType)}\n`);
    o.write(`  结论：${nonzero(s.reviews.byConclusion)}\n  按期率 ${onTimeRateText(s.reviews.onTimeRate)}（${onTimeSummary(s.reviews)}）；未办结且逾期 ${s.reviews.overdueOpen} 件\n`);
    o.write(`学法普法活动 ${s.lectures.total} 次，${s.lectures.headCount} 人次：学法 ${s.lectures.study.count} 次 ${s.lectures.study.headCount} 人次，普法宣传 ${s.lectures.outreach.count} 次 ${s.lectures.outreach.headCount} 人次，发放资料 ${s.lectures.materialsHandedOut} 份\n`);
    if (s.lectures.planned) o.write(`  另有 ${s.lectures.planned} 次活动日期在今天之后（已计划），未计入\n`);
    o.write(`学习的法律法规（学法活动）：${s.lawsStudied.map((l) => l.title).join('、') || '无'}\n`);
    if (s.lawsPromoted.length) o.write(`普法宣传涉及的法律法规：${s.lawsPromoted.map((l) => l.title).join('、')}\n`);
    for (const p of s.plans) o.write(`计划 ${p.id} ${p.title}：完成 ${p.done}/${p.items}（${pct(p.completionRate)}）\n`);
    return 0;
  },
};
