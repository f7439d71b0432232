import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { officialHolidays } from '../../../electron/core/records/official-holidays';
import { HolidayFileSchema, WorkCalendar, addDays } from '../../../electron/core/records/working-days';
import { HOLIDAYS } from './records-test-support';

/** The hand-typed list of 2019–2026 the app shipped before it used chinese-days. */
const hand = HolidayFileSchema.parse(JSON.parse(readFileSync(HOLIDAYS, 'utf8')));
const official = officialHolidays();
const cal = new WorkCalendar(official);

describe('working days (第二十六条第二款: 一般不少于7个工作日)', () => {
  it('skips weekends', () => {
    // Monday 2020-03-02 → Wednesday 2020-03-11 (7 working days, one weekend)
    expect(cal.addWorkingDays('2020-03-02', 7)).toBe('2020-03-11');
    // received on a Friday: the weekend does not count
    expect(cal.addWorkingDays('2020-03-06', 7)).toBe('2020-03-17');
    // received on a Saturday
    expect(cal.addWorkingDays('2020-03-07', 1)).toBe('2020-03-09');
  });

  it('skips public holidays and counts 调休 weekends as working days', () => {
    // 2020-09-25 (Fri): 9/27 (Sun, 调休上班), 9/28, 9/29, 9/30, [10/1–10/8 国庆中秋], 10/9, 10/10 (Sat, 调休), 10/12
    expect(cal.addWorkingDays('2020-09-25', 7)).toBe('2020-10-12');
    expect(cal.isWorkingDay('2020-09-27')).toBe(true);
    expect(cal.isWorkingDay('2020-10-08')).toBe(false);
    expect(cal.describe('2020-10-10')).toMatch(/^调休上班（(国庆节|中秋节)/);
    // 2020 春节, extended to 2 February: 1/21, 1/22, 1/23, then 2/3 … 2/6
    expect(cal.addWorkingDays('2020-01-20', 7)).toBe('2020-02-06');
    expect(cal.isWorkingDay('2020-02-01')).toBe(false); // the 调休 of 2/1 was cancelled by the extension
    // 端午 2020: 6/25–6/27 off, Sunday 6/28 worked
    expect(cal.addWorkingDays('2020-06-24', 1)).toBe('2020-06-28');
    // 2024 春节: Sunday 2/4 and Sunday 2/18 are working days
    expect(cal.addWorkingDays('2024-02-02', 1)).toBe('2024-02-04');
    expect(cal.addWorkingDays('2024-02-09', 1)).toBe('2024-02-18');
  });

  it('counts working days between dates', () => {
    expect(cal.workingDaysBetween('2020-09-25', '2020-10-12')).toBe(7);
    expect(cal.workingDaysBetween('2020-10-12', '2020-09-25')).toBe(0);
  });

  it('covers 2019–2026 with every 调休 day on a weekend', () => {
    for (let y = 2019; y <= 2026; y++) expect(cal.covers(y)).toBe(true);
    for (const h of official) for (const w of h.work) expect([0, 6]).toContain(new Date(w + 'T00:00:00Z').getUTCDay());
  });

  it('agrees with the old hand-typed list on every day of 2019–2026', () => {
    const old = new WorkCalendar(hand.holidays);
    const differ: string[] = [];
    for (let d = '2019-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) if (old.isWorkingDay(d) !== cal.isWorkingDay(d)) differ.push(d);
    expect(differ).toEqual([]);
    // Every day off of the old list is off under the same holiday's name (or is a plain weekend).
    for (const h of hand.holidays.filter((x) => x.off[0] >= '2019-01-01')) {
      for (let d = h.off[0]; d <= h.off[1]; d = addDays(d, 1)) {
        const why = cal.describe(d);
        if (why !== '周末') expect(h.name).toContain(why);
      }
    }
  });

  it('holds the official data from 2004 on, each holiday in the year its notice names', () => {
    expect(cal.covers(2004)).toBe(true);
    const newYear2019 = official.find((h) => h.name === '元旦' && h.off[1] === '2019-01-01')!;
    expect(newYear2019).toMatchObject({ year: 2019, off: ['2018-12-30', '2019-01-01'], work: ['2018-12-29'] });
  });

  it('lets a later list replace a year (the library’s own holidays.json)', () => {
    const own = new WorkCalendar(official, [{ year: 2020, name: '测试假', off: ['2020-03-09', '2020-03-09'], work: [] }]);
    expect(own.isWorkingDay('2020-03-09')).toBe(false);
    expect(own.isWorkingDay('2020-10-05')).toBe(true); // the whole 2020 list was replaced
    expect(own.isWorkingDay('2021-10-05')).toBe(false); // other years kept
  });
});
