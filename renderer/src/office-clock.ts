// What the UI calls "today" (new records' dates, "not after today" checks, the year pickers): the
// calendar day in the office's time zone (设置 → 单位信息 → 时区, default Asia/Shanghai), the
// same clock the service decides with, whatever zone the computer is set to.

import dayjs, { type Dayjs } from 'dayjs';
import { DEFAULT_TIME_ZONE, dateInZone, dateTimeInZone } from '../../electron/shared/office-clock';

let zone = DEFAULT_TIME_ZONE;

/** Set from the library's office profile (library:info) when it loads or changes. */
export function setOfficeTimeZone(timeZone: string): void {
  zone = timeZone;
}

/** YYYY-MM-DD of `now` in the office's zone. */
export function officeToday(now: Date = new Date()): string {
  return dateInZone(now, zone);
}

/** Today in the office's zone as a date picker's value (midnight of that calendar day). */
export function officeDay(now: Date = new Date()): Dayjs {
  return dayjs(officeToday(now));
}

/** "2026年4月1日 00:30" of an ISO time (the change log), in the office's zone. */
export function officeDateTime(iso: string): string {
  return dateTimeInZone(new Date(iso), zone);
}

export function officeYear(now: Date = new Date()): number {
  return Number(officeToday(now).slice(0, 4));
}
