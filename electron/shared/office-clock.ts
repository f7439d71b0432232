// One clock for every date the app decides (version status, backups, checks, records): the
// calendar day in the office's time zone, not in UTC and not in the machine's zone.

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** Whether `timeZone` is an IANA zone name this runtime knows (Asia/Shanghai, Asia/Urumqi, UTC …). */
export function isTimeZone(timeZone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(timeZone)) return false;
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** YYYY-MM-DD of `now` in `timeZone` (IANA name). */
export function dateInZone(now: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** "2026年12月3日 00:22" of `now` in `timeZone`: how a person reads a moment (backups, logs). */
export function dateTimeInZone(now: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}年${Number(get('month'))}月${Number(get('day'))}日 ${get('hour')}:${get('minute')}`;
}
