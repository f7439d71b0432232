// What the start page reminds the office of, on `today`: the register's 备案 / 评估 / 清理 items,
// the yearly report due by 3月1日 (督察工作规定: each department reports the past year before
// 1 March) — from 1 December already, while the year's lectures, 普法 and reviews can still be
// recorded (in January they are remembered less well) — and a 普法 plan for the new year while none
// is registered by the end of the first quarter.

import type { OfficeReminderDto } from '../../shared/api/reports';
import type { RegisterReminder } from '../../shared/register-schema';
import { addDays, type WorkCalendar } from '../records/working-days';

const WEEKDAY = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
/** From this day (MM-DD) the current year's report is reminded of: a month to complete the year's records. */
const DECEMBER = '12-01';
const monthDay = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/**
 * The yearly report is due by 1 March; when that day is a weekend or a holiday (1 March 2026 is a
 * Sunday, and 28 February a 调休 working Saturday) the office's last chance is the working day
 * before it, which the reminder names.
 */
export function annualReportDue(year: number, calendar?: WorkCalendar): { date: string; note: string } {
  const due = `${year}-03-01`;
  if (!calendar || calendar.isWorkingDay(due)) return { date: due, note: '' };
  let last = addDays(due, -1);
  while (!calendar.isWorkingDay(last)) last = addDays(last, -1);
  const dow = (d: string) => WEEKDAY[new Date(`${d}T00:00:00Z`).getUTCDay()]!;
  const why = calendar.describe(due) === '周末' ? dow(due) : calendar.describe(due);
  const swapped = calendar.describe(last).startsWith('调休') ? '，调休上班' : '';
  return { date: last, note: `（3月1日是${why}，最后一个工作日是${monthDay(last)}${dow(last)}${swapped}）` };
}

export function officeReminders(today: string, register: RegisterReminder[], plansThisYear: number, calendar?: WorkCalendar): OfficeReminderDto[] {
  const year = Number(today.slice(0, 4));
  const md = today.slice(5);
  const out: OfficeReminderDto[] = register.map((r) => ({ source: 'register', kind: r.kind, title: r.title, message: r.message, date: r.date, entryId: r.entryId }));
  if (md <= '03-01') {
    const due = annualReportDue(year, calendar);
    out.push({
      source: 'annualReport',
      kind: '年度报告',
      title: `${year - 1}年度法治政府建设年度报告`,
      message: `${year - 1}年度法治政府建设年度报告须于${year}年3月1日前报送${due.note}：可由${year - 1}年度的记录生成草稿`,
      date: due.date,
      year: year - 1,
    });
  }
  if (md >= DECEMBER) {
    const due = annualReportDue(year + 1, calendar);
    out.push({
      source: 'annualReport',
      kind: '年度报告',
      title: `${year}年度法治政府建设年度报告`,
      message: `${year}年度法治政府建设年度报告须于${year + 1}年3月1日前报送${due.note}：请在年底前补全${year}年的讲座、普法、审查和备案记录，报告草稿由这些记录生成`,
      date: due.date,
      year,
    });
  }
  if (md <= '03-31' && plansThisYear === 0) {
    out.push({ source: 'plan', kind: '普法计划', title: `${year}年度普法工作计划`, message: `尚未登记${year}年度普法工作计划和普法责任清单，请在年初制定`, date: `${year}-03-31` });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}
