// Working-day arithmetic for review deadlines (the limits per type: shared/review-time-limits). Weekends are rest days unless a 调休 makes them working days; public holidays
// come from the official list (official-holidays.ts, from chinese-days), overridable per year by the
// library's holidays.json. Dates are plain YYYY-MM-DD strings, computed in UTC so no time zone shifts a day.

// The list's shape and its checks are shared with the faces (shared/holidays.ts: 设置's card, the CLI).
import type { Holiday } from '../../shared/holidays';

export { HolidaySchema, HolidayFileSchema, type Holiday, type HolidayFile } from '../../shared/holidays';

/**
 * What every type's 最早届满 was before the limits became per type (shared/review-time-limits): a
 * record saved then holds this date in dueDate, which is computed, not a deadline typed by hand.
 */
export const LEGACY_REVIEW_WORKING_DAYS = 7;

const DAY_MS = 86_400_000;

export function toDayNumber(date: string): number {
  const t = Date.parse(date + 'T00:00:00Z');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(t)) throw new RangeError(`不是有效日期：${date}`);
  return Math.round(t / DAY_MS);
}

export function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

export class WorkCalendar {
  private readonly off = new Map<string, string>(); // date → holiday name
  private readonly work = new Map<string, string>(); // 调休 working weekend → holiday name
  readonly years: Set<number>;

  /**
   * Later lists replace earlier ones year by year (a library's own list overrides the default); a
   * list's emptyYears replace those years with none (only weekends count).
   */
  constructor(...lists: (readonly Holiday[] | { holidays: readonly Holiday[]; emptyYears?: readonly number[] })[]) {
    const byYear = new Map<number, Holiday[]>();
    for (const given of lists) {
      const list = 'holidays' in given ? given.holidays : given;
      const years = new Set([...list.map((h) => h.year), ...('holidays' in given ? (given.emptyYears ?? []) : [])]);
      for (const y of years) byYear.set(y, []);
      for (const h of list) byYear.get(h.year)!.push(h);
    }
    this.years = new Set(byYear.keys());
    for (const hs of byYear.values()) {
      for (const h of hs) {
        for (let d = toDayNumber(h.off[0]); d <= toDayNumber(h.off[1]); d++) this.off.set(fromDayNumber(d), h.name);
        for (const w of h.work) this.work.set(w, h.name);
      }
    }
  }

  isWorkingDay(date: string): boolean {
    if (this.work.has(date)) return true;
    if (this.off.has(date)) return false;
    const dow = new Date(toDayNumber(date) * DAY_MS).getUTCDay();
    return dow !== 0 && dow !== 6;
  }

  /** Why a date is (not) a working day, for tooltips: 春节, 调休上班（国庆节）, 周末 … */
  describe(date: string): string {
    if (this.work.has(date)) return `调休上班（${this.work.get(date)}）`;
    if (this.off.has(date)) return this.off.get(date)!;
    return this.isWorkingDay(date) ? '工作日' : '周末';
  }

  /** The date `n` working days after `date` (the receiving day itself is not counted). */
  addWorkingDays(date: string, n: number): string {
    let d = toDayNumber(date);
    let left = n;
    while (left > 0) {
      d++;
      if (this.isWorkingDay(fromDayNumber(d))) left--;
    }
    return fromDayNumber(d);
  }

  /** Working days after `from` up to and including `to` (0 when `to` ≤ `from`). */
  workingDaysBetween(from: string, to: string): number {
    let count = 0;
    for (let d = toDayNumber(from) + 1; d <= toDayNumber(to); d++) if (this.isWorkingDay(fromDayNumber(d))) count++;
    return count;
  }

  /** True when the calendar has holiday data for the year (outside it only weekends count). */
  covers(year: number): boolean {
    return this.years.has(year);
  }
}
