// The start page's reminder of the yearly report: due by 1 March of the next year, shown from
// 1 December of the year it reports on, written for that year (not the year it is read in), and
// when 1 March is a weekend or a holiday the last working day before it is named and dated.

import { describe, expect, it } from 'vitest';
import { officialHolidays } from '../../../electron/core/records/official-holidays';
import { WorkCalendar } from '../../../electron/core/records/working-days';
import { annualReportDue, officeReminders } from '../../../electron/core/reports/office-reminders';

const cal = new WorkCalendar(officialHolidays());
const reportReminder = (today: string) => officeReminders(today, [], 1, cal).find((r) => r.source === 'annualReport');

describe('the yearly report’s 3月1日 reminder', () => {
  it('names the year reported on across the year boundary', () => {
    const r = reportReminder('2027-01-12')!;
    expect(r.title).toBe('2026年度法治政府建设年度报告');
    expect(r.message).toContain('2026年度法治政府建设年度报告须于2027年3月1日前报送');
    expect(r.message).toContain('可由2026年度的记录生成草稿');
    expect(r.message).not.toContain('本年度');
    // 1 March 2027 is a Monday: the day itself, nothing added.
    expect(r.date).toBe('2027-03-01');
    expect(r.message).not.toContain('最后一个工作日');
    expect(reportReminder('2027-03-02')).toBeUndefined();
  });

  it('reminds of the year ending from 1 December, and of no report between March and December', () => {
    expect(reportReminder('2026-11-30')).toBeUndefined();
    expect(reportReminder('2026-06-15')).toBeUndefined();
    const r = reportReminder('2026-12-01')!;
    expect(r.title).toBe('2026年度法治政府建设年度报告');
    expect(r.year).toBe(2026);
    expect(r.message).toContain('2026年度法治政府建设年度报告须于2027年3月1日前报送');
    expect(r.message).toContain('请在年底前补全2026年的讲座、普法、审查和备案记录');
    expect(r.date).toBe('2027-03-01');
    // the same report is reminded of across the new year, then for the year reported on
    const jan = reportReminder('2027-01-04')!;
    expect([jan.title, jan.year, jan.date]).toEqual([r.title, 2026, r.date]);
    // 31 December: still one reminder of the report, the year's
    expect(officeReminders('2026-12-31', [], 1, cal).filter((x) => x.source === 'annualReport').map((x) => x.year)).toEqual([2026]);
  });

  it('names the last working day when 1 March falls on a weekend', () => {
    // 1 March 2026 is a Sunday, and Saturday 28 February a 调休 working day of the 春节 in the shipped calendar.
    const r = reportReminder('2026-02-10')!;
    expect(r.date).toBe('2026-02-28');
    expect(r.message).toContain('（3月1日是星期日，最后一个工作日是2月28日星期六，调休上班）');
    // 1 March 2025 is a Saturday.
    expect(annualReportDue(2025, cal)).toEqual({ date: '2025-02-28', note: '（3月1日是星期六，最后一个工作日是2月28日星期五）' });
  });

  it('counts a 调休 working weekend and a holiday from the calendar, not from the weekday alone', () => {
    // A library whose own list makes 1 March a day off (a Monday) and Sunday 28 February a 调休 working day.
    const own = new WorkCalendar(officialHolidays(), { holidays: [{ year: 2027, name: '测试假日', off: ['2027-03-01', '2027-03-01'], work: ['2027-02-28'] }] });
    expect(annualReportDue(2027, own)).toEqual({ date: '2027-02-28', note: '（3月1日是测试假日，最后一个工作日是2月28日星期日，调休上班）' });
  });
});
