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

// One formatter per zone and shape: making an Intl.DateTimeFormat costs ≈ 0.1–0.5 ms (ICU loads the
// zone's rules), and today() is asked for every record a list shows — 400 reviews spent 190 ms of
// CPU making formatters before this cache. A zone is a short IANA name: the map stays small.
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const momentFormats = new Map<string, Intl.DateTimeFormat>();
function formatOf(cache: Map<string, Intl.DateTimeFormat>, timeZone: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = cache.get(timeZone);
  if (!f) cache.set(timeZone, (f = make())); // an unknown zone throws here, as before, and is not kept
  return f;
}

/** YYYY-MM-DD of `now` in `timeZone` (IANA name). */
export function dateInZone(now: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const parts = formatOf(dayFormats, timeZone, () => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** "2026年12月3日 00:22" of `now` in `timeZone`: how a person reads a moment (backups, logs). */
export function dateTimeInZone(now: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const parts = formatOf(momentFormats, timeZone, () => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}年${Number(get('month'))}月${Number(get('day'))}日 ${get('hour')}:${get('minute')}`;
}
