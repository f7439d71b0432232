// The public holidays and 调休 working days a review deadline counts with (core/records/working-days):
// the shape of a library's holidays.json, the checks every face runs before that list is saved, and
// the reader of what people paste — the 国务院办公厅 notice's lines (“二、春节：1月28日至2月4日放假调休，
// 共8天。1月26日（周日）、2月8日（周六）上班。”) or a plain list of dates. Pure functions: the
// renderer previews with them, the CLI imports with them, the service refuses what they refuse.

import { z } from 'zod';

/** A real calendar day (zod's iso date checks month lengths and leap years). */
const day = z.iso.date({ error: '日期应为实际存在的 YYYY-MM-DD' });

const year = z.number().int().min(1949).max(2200);

export const HolidaySchema = z.object({
  year,
  name: z.string().trim().min(1, '假日名称不能为空').max(40),
  /** First and last day off, inclusive. */
  off: z.tuple([day, day]),
  /** Weekend days that are working days because of this holiday (调休). */
  work: z.array(day).max(10).default([]),
  basis: z.string().max(200).optional(),
});
/** The years of HolidayFile.emptyYears (the API's holidays:set takes the same). */
export const EmptyYearsSchema = z.array(year).max(300);
export const HolidayFileSchema = z.object({
  schemaVersion: z.number().int().default(1),
  title: z.string().max(200).optional(),
  note: z.string().max(2000).optional(),
  holidays: z.array(HolidaySchema).max(2000),
  /**
   * Years the library sets with no holiday and no 调休 at all (only weekends count): a year set
   * empty, which replaces the shipped one as any set year does, unlike a year not named at all.
   */
  emptyYears: EmptyYearsSchema.default([]),
});
export type Holiday = z.infer<typeof HolidaySchema>;
export type HolidayFile = z.infer<typeof HolidayFileSchema>;

/** The longest run of days off one holiday may have (the longest ever given is 8; 31 catches a typo's month). */
const MAX_RUN_DAYS = 31;
const DAY_MS = 86_400_000;
const WEEKDAY = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

const dayNumber = (d: string) => Math.round(Date.parse(d + 'T00:00:00Z') / DAY_MS);
const fromDayNumber = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
const weekday = (d: string) => new Date(dayNumber(d) * DAY_MS).getUTCDay();
const isDay = (d: string) => day.safeParse(d).success;

/** Every day of a run, first to last (empty when the run is backwards or a date is not a day). */
export function daysOf(h: Pick<Holiday, 'off'>): string[] {
  if (!isDay(h.off[0]) || !isDay(h.off[1])) return [];
  const out: string[] = [];
  for (let d = dayNumber(h.off[0]); d <= dayNumber(h.off[1]) && out.length <= MAX_RUN_DAYS; d++) out.push(fromDayNumber(d));
  return out;
}

/**
 * What is wrong with a holiday list, one sentence each (empty when nothing is): a backwards or
 * over-long run, a year that is not its run's, a day off twice, a 调休 day twice, a day both off and
 * worked, a 调休 day that is a weekday anyway, a year set empty that lists holidays. The same list the
 * service refuses on save and on reading holidays.json.
 */
export function holidayProblems(list: readonly Holiday[], emptyYears: readonly number[] = []): string[] {
  const problems = emptyYearProblems(list, emptyYears);
  const offBy = new Map<string, string>();
  const workBy = new Map<string, string>();
  for (const h of list) {
    const label = `${h.year} 年${h.name}`;
    if (!isDay(h.off[0]) || !isDay(h.off[1])) {
      problems.push(`${label}：放假日期 ${h.off.join(' 至 ')} 不是实际存在的日期`);
      continue;
    }
    if (h.off[0] > h.off[1]) {
      problems.push(`${label}：放假起止日期颠倒（${h.off[0]} 至 ${h.off[1]}）`);
      continue;
    }
    const days = daysOf(h);
    if (days.length > MAX_RUN_DAYS) problems.push(`${label}：放假 ${h.off[0]} 至 ${h.off[1]} 超过 ${MAX_RUN_DAYS} 天，请检查日期`);
    else if (h.year !== Number(h.off[1].slice(0, 4)) && h.year !== Number(h.off[0].slice(0, 4))) problems.push(`${label}：放假日期 ${h.off[0]} 至 ${h.off[1]} 不在 ${h.year} 年`);
    else
      for (const d of days) {
        const other = offBy.get(d);
        if (other !== undefined) problems.push(`${d} 重复放假（${other}、${label}）`);
        else offBy.set(d, label);
      }
    for (const w of h.work) {
      if (!isDay(w)) {
        problems.push(`${label}：调休上班日 ${w} 不是实际存在的日期`);
        continue;
      }
      const other = workBy.get(w);
      if (other !== undefined) problems.push(`${w} 重复列为调休上班日（${other}、${label}）`);
      else workBy.set(w, label);
      const wd = weekday(w);
      if (wd !== 0 && wd !== 6) problems.push(`${label}：调休上班日 ${w} 是${WEEKDAY[wd]}，本来就是工作日`);
    }
  }
  for (const [d, by] of workBy) if (offBy.has(d)) problems.push(`${d} 既是放假日（${offBy.get(d)}）又是调休上班日（${by}）`);
  return problems;
}

/** A year both set empty and listing holidays: which one counts would be a guess. */
export function emptyYearProblems(list: readonly Holiday[], emptyYears: readonly number[]): string[] {
  const listed = new Set(list.map((h) => h.year));
  return [...new Set(emptyYears)].filter((y) => listed.has(y)).map((y) => `${y} 年既标为没有节假日，又列有假日`);
}

/** Sorted by first day off, each run's 调休 days sorted: the order the card and the file show. */
export function sortHolidays(list: readonly Holiday[]): Holiday[] {
  return [...list].map((h) => ({ ...h, work: [...h.work].sort() })).sort((a, b) => a.off[0].localeCompare(b.off[0]) || a.name.localeCompare(b.name));
}

/** The list with `years` taken out and `replacement` put in: how an import or a reset changes whole years. */
export function replaceYears(list: readonly Holiday[], years: readonly number[], replacement: readonly Holiday[]): Holiday[] {
  const drop = new Set(years);
  return sortHolidays([...list.filter((h) => !drop.has(h.year)), ...replacement]);
}

/** The library's own arrangement: its holidays, and the years it sets with none (HolidayFile's two lists). */
export interface OwnHolidays {
  holidays: Holiday[];
  emptyYears: number[];
}

/**
 * `years` set to `replacement`: a year left with no holiday in it is kept as set and empty (only
 * weekends count that year), not handed back to the shipped list — that is resetYears.
 */
export function setYears(own: OwnHolidays, years: readonly number[], replacement: readonly Holiday[]): OwnHolidays {
  const holidays = replaceYears(own.holidays, years, replacement);
  const listed = new Set(holidays.map((h) => h.year));
  const emptyYears = [...new Set([...own.emptyYears, ...years])].filter((y) => !listed.has(y)).sort((a, b) => a - b);
  return { holidays, emptyYears };
}

/** `years` given back to the shipped list: neither their holidays nor their being empty are kept. */
export function resetYears(own: OwnHolidays, years: readonly number[]): OwnHolidays {
  const drop = new Set(years);
  return { holidays: own.holidays.filter((h) => !drop.has(h.year)), emptyYears: own.emptyYears.filter((y) => !drop.has(y)) };
}

/** Whether the library sets `year` itself (with holidays, or empty). */
export const setsYear = (own: OwnHolidays, y: number) => own.emptyYears.includes(y) || own.holidays.some((h) => h.year === y);

// ───────────── reading pasted text ─────────────

export interface ParsedHolidays {
  holidays: Holiday[];
  /** Lines that could not be read, each with its line number; plus holidayProblems of the result. */
  problems: string[];
  /** The years the text gives holidays for (an import replaces these years). */
  years: number[];
}

const FULLWIDTH_DIGIT = /[０-９]/g;
const ORDINAL = /^[一二三四五六七八九十]+[、.．]\s*/;
const CN_DATE = /(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日/g;
const HAS_CN_DATE = /\d{1,2}\s*日/;
const ISO_DATE = /(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g;
const RANGE_JOIN = /^\s*(?:至|到|~|～|－|—|–|-)\s*$/;
const WORK_WORDS = /调休上班|补班|上班|工作日|班/;
const NOTICE_BASIS = '国务院办公厅关于部分节假日安排的通知（粘贴导入）';

/** The day a 年/月/日 triple names, or a problem sentence. */
function makeDay(y: number, m: number, d: number): string | undefined {
  const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isDay(s) ? s : undefined;
}

/** The notice's year: its title's or first sentence's “2026年” not followed by a month. */
function noticeYear(text: string): number | undefined {
  const m = /(\d{4})\s*年(?!\s*\d{1,2}\s*月)/.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** Of the candidate years for a 月日 with no year, the one nearest the run it belongs to. */
function nearestYear(month: number, dayOfMonth: number, near: string): number | undefined {
  const base = Number(near.slice(0, 4));
  let best: { y: number; dist: number } | undefined;
  for (const y of [base - 1, base, base + 1]) {
    const d = makeDay(y, month, dayOfMonth);
    if (!d) continue;
    const dist = Math.abs(dayNumber(d) - dayNumber(near));
    if (!best || dist < best.dist) best = { y, dist };
  }
  return best?.y;
}

/** Merges runs of one name that touch (a list that gives a holiday day by day becomes one run). */
function mergeRuns(list: Holiday[]): Holiday[] {
  const out: Holiday[] = [];
  for (const h of sortHolidays(list)) {
    const last = out.find((o) => o.name === h.name && o.year === h.year && dayNumber(o.off[1]) + 1 >= dayNumber(h.off[0]) && dayNumber(o.off[0]) <= dayNumber(h.off[1]) + 1);
    if (last) {
      if (h.off[1] > last.off[1]) last.off[1] = h.off[1];
      if (h.off[0] < last.off[0]) last.off[0] = h.off[0];
      last.work = [...new Set([...last.work, ...h.work])].sort();
    } else out.push({ ...h, off: [...h.off] as [string, string], work: [...h.work] });
  }
  return out;
}

/** One item of the notice: “春节：1月28日（除夕）至2月4日放假调休，共8天。1月26日（周日）、2月8日（周六）上班。” */
function readNoticeItem(name: string, body: string, year: number): { holiday?: Holiday; problem?: string } {
  const text = body.replace(/[（(][^）)]*[）)]/g, '');
  const offPart = text.split(/放假/)[0] ?? '';
  const dates = [...offPart.matchAll(CN_DATE)];
  if (!dates.length || !text.includes('放假')) return { problem: `“${name}”一项没有读到放假日期` };
  const [first, second] = dates;
  const sm = Number(first![2]);
  if (!first![2]) return { problem: `“${name}”一项的放假日期没有写月份` };
  const em = second ? (second[2] ? Number(second[2]) : sm) : sm;
  const sd = Number(first![3]);
  const ed = second ? Number(second[3]) : sd;
  const crossing = em < sm;
  const endYear = second?.[1] ? Number(second[1]) : first![1] ? Number(first![1]) + (crossing ? 1 : 0) : year;
  const startYear = first![1] ? Number(first![1]) : crossing ? endYear - 1 : endYear;
  const start = makeDay(startYear, sm, sd);
  const end = makeDay(endYear, em, ed);
  if (!start || !end) return { problem: `“${name}”一项的放假日期 ${sm}月${sd}日${second ? `至${em}月${ed}日` : ''} 不是实际存在的日期` };
  const work: string[] = [];
  for (const sentence of text.split(/[。；;]/)) {
    if (!/上班/.test(sentence) || /不调休/.test(sentence)) continue;
    const workPart = sentence.includes('放假') ? sentence.slice(sentence.lastIndexOf('放假')) : sentence;
    for (const m of workPart.matchAll(CN_DATE)) {
      if (!m[2]) return { problem: `“${name}”一项的上班日期 ${m[0]} 没有写月份` };
      const y = m[1] ? Number(m[1]) : nearestYear(Number(m[2]), Number(m[3]), start);
      const w = y === undefined ? undefined : makeDay(y, Number(m[2]), Number(m[3]));
      if (!w) return { problem: `“${name}”一项的上班日期 ${m[0]} 不是实际存在的日期` };
      work.push(w);
    }
  }
  return { holiday: { year: endYear, name, off: [start, end], work: [...new Set(work)].sort(), basis: NOTICE_BASIS } };
}

/** The full dates of a line of a plain list, with whether two of them form a range (至, ~, -). */
function listDates(line: string): { dates: string[]; range: boolean; bad?: string; rest: string } {
  const dates: string[] = [];
  let bad: string | undefined;
  let range = false;
  let lastEnd = -1;
  let rest = line;
  for (const m of line.matchAll(ISO_DATE)) {
    const [y, mo, d] = m[1] ? [m[1], m[2], m[3]] : [m[4], m[5], m[6]];
    const s = makeDay(Number(y), Number(mo), Number(d));
    if (!s) bad ??= m[0];
    else {
      if (lastEnd >= 0 && RANGE_JOIN.test(line.slice(lastEnd, m.index))) range = true;
      dates.push(s);
    }
    lastEnd = m.index + m[0].length;
    rest = rest.replace(m[0], ' ');
  }
  return { dates, range, ...(bad ? { bad } : {}), rest };
}

/**
 * Reads pasted holiday text: the 国务院办公厅 notice (items “名称：…放假…。…上班。”, the year from its
 * title or first sentence, else `fallbackYear`) or a plain list, one line each: “2026-01-01 元旦”,
 * “2026-10-01 至 2026-10-08 国庆节、中秋节”, “2026-09-27 上班 国庆节” (a 调休 day; without a name it
 * joins the nearest holiday of the list). Lines that are neither are named in `problems`.
 */
export function parseHolidayText(input: string, fallbackYear?: number): ParsedHolidays {
  const text = input.replace(FULLWIDTH_DIGIT, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\r\n?/g, '\n');
  const year = noticeYear(text.replace(ISO_DATE, '')) ?? fallbackYear;
  const problems: string[] = [];
  const runs: Holiday[] = [];
  const loneWork: { date: string; line: number; name?: string }[] = [];
  // A notice pasted as one paragraph: its items start at 一、 二、 …
  const lines = text.split('\n').flatMap((l) => l.split(/(?=[一二三四五六七八九十]+、[^：:\n]{1,20}[：:])/));
  lines.forEach((raw, i) => {
    const line = raw.trim();
    const n = i + 1;
    if (!line) return;
    const item = /^(?:[一二三四五六七八九十]+[、.．]\s*)?([^：:]{1,20})[：:](.*)$/.exec(line);
    if (item && HAS_CN_DATE.test(item[2]!) && item[2]!.includes('放假')) {
      if (year === undefined) return void problems.push(`第 ${n} 行：通知没有写明年份（如“2026年”），请先选择年份`);
      const r = readNoticeItem(item[1]!.replace(ORDINAL, '').trim(), item[2]!, year);
      if (r.problem) problems.push(`第 ${n} 行：${r.problem}`);
      else runs.push(r.holiday!);
      return;
    }
    // A notice's 成文日期 (落款: “2024年11月12日” alone on its line) names no holiday.
    if (/^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/.test(line)) return;
    const listed = listDates(line);
    if (listed.bad) return void problems.push(`第 ${n} 行：${listed.bad} 不是实际存在的日期`);
    if (listed.dates.length) {
      const isWork = WORK_WORDS.test(listed.rest);
      const name = listed.rest
        .replace(/[（(][^）)]*[）)]|(?:星期|周)[一二三四五六日天]/g, ' ')
        .replace(/调休上班|补班|上班|工作日|放假|休息|调休|[至到~～—–－]/g, ' ')
        .replace(/^[\s,，、;；:：。()（）-]+|[\s,，、;；:：。()（）-]+$/g, '')
        .replace(/\s+/g, ' ');
      if (isWork) {
        for (const d of listed.dates) loneWork.push({ date: d, line: n, ...(name ? { name } : {}) });
      } else if (!name) problems.push(`第 ${n} 行没有写假日名称：${line}`);
      else if (listed.range && listed.dates.length === 2) runs.push({ year: Number(listed.dates[1]!.slice(0, 4)), name, off: [listed.dates[0]!, listed.dates[1]!], work: [], basis: '粘贴导入的日期表' });
      else for (const d of listed.dates) runs.push({ year: Number(d.slice(0, 4)), name, off: [d, d], work: [], basis: '粘贴导入的日期表' });
      return;
    }
    // The notice's title, greeting and closing lines carry no dates: skipped without a word.
    if (/\d{1,2}\s*月\s*\d{1,2}\s*日/.test(line) && /放假|上班/.test(line)) problems.push(`第 ${n} 行读不懂：${line}`);
  });
  const merged = mergeRuns(runs);
  for (const w of loneWork) {
    const sameName = merged.filter((h) => !w.name || h.name === w.name || h.name.split('、').includes(w.name));
    const nearest = sameName.sort((a, b) => distance(a, w.date) - distance(b, w.date))[0];
    if (!nearest || distance(nearest, w.date) > 31) problems.push(`第 ${w.line} 行：调休上班日 ${w.date} 找不到${w.name ? `名为“${w.name}”的` : '附近的'}假日`);
    else if (!nearest.work.includes(w.date)) nearest.work = [...nearest.work, w.date].sort();
  }
  const holidays = sortHolidays(merged);
  return { holidays, problems: [...problems, ...holidayProblems(holidays)], years: [...new Set(holidays.map((h) => h.year))].sort() };
}

function distance(h: Holiday, d: string): number {
  const n = dayNumber(d);
  return Math.min(Math.abs(dayNumber(h.off[0]) - n), Math.abs(dayNumber(h.off[1]) - n));
}
