// One definition of "in the year" for every yearly count (the 法治政府建设年度报告, `lawdesk stats`, the
// 学法统计 page): a thing belongs to the year in which it *happened*, by its own date — the day the
// 送审稿 was received, the day the opinion was issued, the day a session was held, a 规范性文件
// published, filed or 清理 — never the day the record was typed. Dates are calendar days in the
// office's zone (the records store them so; a default "today" comes from the office clock, not UTC).
// A thing dated after the day the figures are read (`asOf`, the report's 成文日期) has not happened yet.
//
// A 合法性审查 therefore has two events: received (收到送审) and opinion issued (出具意见). The report
// counts both: 收到 N in the year, 出具 M in the year, of which K received in an earlier year (上年结转),
// and what was still open at the end of the year (or on `asOf`, when that is earlier).

import type { LegalityReview } from './record-types';

/** The day `date` (YYYY-MM-DD) falls in `year` and had come by `asOf`. */
export function happenedIn(date: string | undefined, year: number, asOf: string): date is string {
  return !!date && date.startsWith(`${year}-`) && date <= asOf;
}

/** The last day the year's figures can see: 31 December, or `asOf` when that comes first. */
export function cutoffOf(year: number, asOf: string): string {
  const end = `${year}-12-31`;
  return asOf < end ? asOf : end;
}

/** The day the opinion was issued; none while the review is open (a completedDate alone is a draft's). */
export function opinionDate(r: Pick<LegalityReview, 'status' | 'completedDate'>): string | undefined {
  return r.status === '已出具意见' || r.status === '已归档' ? r.completedDate : undefined;
}

export interface ReviewYear<R> {
  /** Received in the year (收到送审). */
  received: R[];
  /** Opinion issued in the year (出具意见), whenever received. */
  issued: R[];
  /** Of `issued`, received in an earlier year (上年结转). */
  carriedOver: R[];
  /** Received by the cutoff and without an opinion issued by it (年末尚在审查, carried into next year). */
  open: R[];
  /** Every review the year's work touched: received or issued in it (sorted by receipt, then id). */
  all: R[];
}

/**
 * The year's reviews by what happened to them in it. `open` holds only the reviews received in the
 * year: one left open for years is the records' matter, not every later report's.
 */
export function reviewsOfYear<R extends Pick<LegalityReview, 'id' | 'receivedDate' | 'status' | 'completedDate'>>(reviews: R[], year: number, asOf: string): ReviewYear<R> {
  const cut = cutoffOf(year, asOf);
  const sorted = [...reviews].sort((a, b) => a.receivedDate.localeCompare(b.receivedDate) || a.id.localeCompare(b.id));
  const received = sorted.filter((r) => happenedIn(r.receivedDate, year, asOf));
  const issued = sorted.filter((r) => happenedIn(opinionDate(r), year, asOf));
  const carriedOver = issued.filter((r) => r.receivedDate < `${year}-01-01`);
  const open = received.filter((r) => {
    const d = opinionDate(r);
    return !d || d > cut;
  });
  const touched = new Set([...received, ...issued]);
  const all = sorted.filter((r) => touched.has(r));
  return { received, issued, carriedOver, open, all };
}
