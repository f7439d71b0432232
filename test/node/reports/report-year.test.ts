// The year of the report in hand: last year's through the first quarter (due by 3月1日, public in
// the quarter), this year's from 1 April, December included (the draft of the year now ending).

import { describe, expect, it } from 'vitest';
import { reportYearOn } from '../../../electron/shared/report-year';

describe('reportYearOn', () => {
  it('is last year’s report from 1 January to 31 March, at every month boundary of the quarter', () => {
    expect(reportYearOn('2027-01-01')).toBe(2026);
    expect(reportYearOn('2027-01-31')).toBe(2026);
    expect(reportYearOn('2027-02-01')).toBe(2026);
    expect(reportYearOn('2027-02-28')).toBe(2026);
    expect(reportYearOn('2027-03-01')).toBe(2026); // the deadline itself
    expect(reportYearOn('2027-03-02')).toBe(2026); // a late report is still last year’s
    expect(reportYearOn('2027-03-31')).toBe(2026);
    expect(reportYearOn('2028-02-29')).toBe(2027); // leap year
  });

  it('is this year’s from 1 April, through December, up to 31 December', () => {
    expect(reportYearOn('2027-04-01')).toBe(2027);
    for (let m = 4; m <= 12; m++) {
      const mm = String(m).padStart(2, '0');
      expect(reportYearOn(`2027-${mm}-01`)).toBe(2027);
      expect(reportYearOn(`2027-${mm}-28`)).toBe(2027);
    }
    expect(reportYearOn('2026-11-30')).toBe(2026);
    expect(reportYearOn('2026-12-01')).toBe(2026);
    expect(reportYearOn('2026-12-31')).toBe(2026);
  });
});
