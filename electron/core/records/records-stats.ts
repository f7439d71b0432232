// Annual statistics of the legal office for one year, as the year-end report (年度法治政府建设
// 报告 / 普法工作总结) lists them. "In the year" is year-scope.ts's one rule — by the day a thing
// happened: a review counts as received in the year it was received and as issued in the year its
// opinion was issued (上年结转 when received earlier); a lecture in the year it was held; a plan in
// its year. Conclusions, 按期 and adoption are the issued opinions'. "On time" = opinion issued on or before the unit's own
// deadline (单位确定的审查期限); a review without one is neither on time nor late. A conclusion
// counts once the opinion is issued: before that the review is 未出具 whatever its draft says.

import type { LibraryStore } from '../library/library-store';
import { happenedIn, opinionDate, reviewsOfYear } from './year-scope';
import { reviewDate } from './cited-by';
import { lawsOfSession, type SessionLaw } from './session-laws';
import { officeRegionIn } from '../office/office-region';
import {
  CONCLUSIONS,
  LECTURE_KINDS,
  OUTREACH_KINDS,
  REVIEW_STATUSES,
  REVIEW_TYPES,
  type LegalityReview,
  type RecordsFile,
} from './record-types';

export interface PlanItemProgress {
  id: string;
  topic: string;
  plannedMonth?: number;
  responsibleUnit?: string;
  done: boolean;
  sessions: string[]; // lecture ids linked to the item and held by `today`
  /** Planned for a month already past (at `today`) and no session linked. */
  late: boolean;
}

/** A law of the year's sessions: how many sessions named it, and the first one's date. */
export interface StatsLaw {
  lawId?: string;
  versionId?: string;
  title: string;
  sessions: number;
  firstDate: string;
}

export interface AnnualStats {
  year: number;
  reviews: {
    /** Received in the year (收到送审); byType and byStatus count these. */
    total: number;
    byType: Record<string, number>;
    /** The opinions issued in the year by conclusion; 未出具: received in the year, open at its end (or at `today`). */
    byConclusion: Record<string, number>;
    byStatus: Record<string, number>;
    /** Opinions issued in the year, whenever the review was received. */
    completed: number;
    /** Of `completed`, reviews received in an earlier year (上年结转). */
    carriedOver: number;
    /** Completed reviews with a unit deadline: issued on or before it. */
    onTime: number;
    /** Completed reviews with a unit deadline: issued after it. */
    late: number;
    /** Completed reviews without a unit deadline: neither on time nor late, left out of the rate. */
    noDeadline: number;
    /** onTime / (onTime + late), 0–1; null when no completed review had a unit deadline. */
    onTimeRate: number | null;
    /** Received in the year, still without an opinion at `today` and past the unit's deadline. */
    overdueOpen: number;
    /** Of the opinions issued in the year: adopted / not adopted by the 承办单位. */
    adopted: number;
    notAdopted: number;
  };
  lectures: {
    total: number;
    headCount: number;
    byKind: Record<string, { count: number; headCount: number }>;
    /** 法律大讲堂 + 集体学法 + 其他 (study sessions). */
    study: { count: number; headCount: number };
    /** 法律进企业/社区/乡村 and 宪法日. */
    outreach: { count: number; headCount: number };
    materialsHandedOut: number;
    /**
     * Sessions of the year dated after `today`: recorded ahead as planned, not held yet, so left
     * out of every count above and of plan completion.
     */
    planned: number;
  };
  /**
   * The laws of the year's study sessions (学法: not the outreach kinds) — what the yearly report's
   * 学习了…等法律法规 names, so the two pages never disagree. versionId: the version in force when the
   * law was first studied that year (the reader opens it).
   */
  lawsStudied: StatsLaw[];
  /** The laws the outreach (普法宣传: 法律进企业, 宪法日 …) was about: promoted to the public, not studied by the office. */
  lawsPromoted: StatsLaw[];
  plans: {
    id: string;
    title: string;
    items: number;
    done: number;
    /** done / items, 0–1; null for an empty plan. */
    completionRate: number | null;
    progress: PlanItemProgress[];
  }[];
  /**
   * Every year (newest first) with a review received or an opinion issued, a lecture held or a plan: a page showing an
   * empty year can offer the years that have something (a new library holds only the example year).
   */
  yearsWithRecords: number[];
}

/** The years of every record, newest first (a date's first four digits; 0000/9999 slips included as written). */
export function yearsWithRecords(data: RecordsFile): number[] {
  const years = new Set<number>();
  for (const r of Object.values(data.reviews)) {
    years.add(Number(r.receivedDate.slice(0, 4)));
    const issued = opinionDate(r);
    if (issued) years.add(Number(issued.slice(0, 4)));
  }
  for (const l of Object.values(data.lectures)) years.add(Number(l.date.slice(0, 4)));
  for (const p of Object.values(data.plans)) years.add(p.year);
  return [...years].filter(Number.isInteger).sort((a, b) => b - a);
}

/** Each law of the year's sessions, by key: the sessions naming it and the version first named. */
type LawTally = Map<string, { lawId?: string; versionId?: string; title: string; sessions: Set<string>; firstDate: string }>;

/** In the order first named, then by title. */
function lawRows(laws: LawTally): StatsLaw[] {
  return [...laws.values()]
    .map((e) => ({ ...(e.lawId ? { lawId: e.lawId } : {}), ...(e.versionId ? { versionId: e.versionId } : {}), title: e.title, sessions: e.sessions.size, firstDate: e.firstDate }))
    .sort((a, b) => a.firstDate.localeCompare(b.firstDate) || a.title.localeCompare(b.title, 'zh-CN'));
}

function zeroes(keys: readonly string[]): Record<string, number> {
  return Object.fromEntries(keys.map((k) => [k, 0]));
}

export function annualStats(
  data: RecordsFile,
  store: LibraryStore,
  year: number,
  today: string,
  unitDeadlineOf: (r: LegalityReview) => string | undefined = (r) => r.unitDeadline,
): AnnualStats {
  const y = String(year);
  const scope = reviewsOfYear(Object.values(data.reviews), year, today);
  const byType = zeroes(REVIEW_TYPES);
  const byConclusion = zeroes([...CONCLUSIONS, '未出具']);
  const byStatus = zeroes(REVIEW_STATUSES);
  let onTime = 0;
  let late = 0;
  let noDeadline = 0;
  let overdueOpen = 0;
  let adopted = 0;
  let notAdopted = 0;
  for (const r of scope.received) {
    byType[r.type] = (byType[r.type] ?? 0) + 1;
    byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    const deadline = unitDeadlineOf(r);
    if (!opinionDate(r) && deadline && today > deadline) overdueOpen++;
  }
  byConclusion['未出具'] = scope.open.length;
  for (const r of scope.issued) {
    if (r.conclusion) byConclusion[r.conclusion] = (byConclusion[r.conclusion] ?? 0) + 1;
    const deadline = unitDeadlineOf(r);
    if (deadline && r.completedDate! <= deadline) onTime++;
    else if (deadline) late++;
    else noDeadline++;
    if (r.adopted === true) adopted++;
    if (r.adopted === false) notAdopted++;
  }

  const ofYear = Object.values(data.lectures).filter((l) => l.date.startsWith(y));
  // A session dated after today is planned, not held: no count and no plan task rests on it.
  const lectures = ofYear.filter((l) => happenedIn(l.date, year, today));
  const held = (l: { date: string }) => l.date <= today;
  const byKind: Record<string, { count: number; headCount: number }> = Object.fromEntries(
    LECTURE_KINDS.map((k) => [k, { count: 0, headCount: 0 }]),
  );
  const study = { count: 0, headCount: 0 };
  const outreach = { count: 0, headCount: 0 };
  let materialsHandedOut = 0;
  // each law with the version first studied or promoted (the sessions run in record order, not by date)
  const studiedLaws: LawTally = new Map();
  const promotedLaws: LawTally = new Map();
  const addLaw = (laws: LawTally, sl: SessionLaw, lectureId: string, date: string) => {
    const e = laws.get(sl.key) ?? { ...(sl.lawId ? { lawId: sl.lawId } : {}), title: sl.writtenTitle, sessions: new Set<string>(), firstDate: date };
    e.sessions.add(lectureId);
    if (date <= e.firstDate) {
      e.firstDate = date;
      if (sl.versionId) e.versionId = sl.versionId;
    }
    laws.set(sl.key, e);
  };
  const officeRegion = officeRegionIn(store.dir);
  for (const l of lectures) {
    const k = byKind[l.kind]!;
    k.count++;
    k.headCount += l.headCount;
    const isOutreach = OUTREACH_KINDS.includes(l.kind);
    const bucket = isOutreach ? outreach : study;
    bucket.count++;
    bucket.headCount += l.headCount;
    materialsHandedOut += l.materials.reduce((n, m) => n + m.copies, 0);
    for (const sl of lawsOfSession(store, l, officeRegion)) addLaw(isOutreach ? promotedLaws : studiedLaws, sl, l.id, l.date);
  }

  const plans = Object.values(data.plans)
    .filter((p) => p.year === year)
    .map((p) => {
      const progress: PlanItemProgress[] = p.items.map((it) => {
        const sessions = Object.values(data.lectures)
          .filter((l) => l.planItemId === it.id && held(l))
          .map((l) => l.id)
          .sort();
        const monthEnd = it.plannedMonth ? `${p.year}-${String(it.plannedMonth).padStart(2, '0')}-31` : `${p.year}-12-31`;
        return {
          id: it.id,
          topic: it.topic,
          ...(it.plannedMonth ? { plannedMonth: it.plannedMonth } : {}),
          ...(it.responsibleUnit ? { responsibleUnit: it.responsibleUnit } : {}),
          done: sessions.length > 0,
          sessions,
          late: sessions.length === 0 && today > monthEnd,
        };
      });
      const done = progress.filter((x) => x.done).length;
      return { id: p.id, title: p.title, items: progress.length, done, completionRate: progress.length ? done / progress.length : null, progress };
    });

  return {
    year,
    yearsWithRecords: yearsWithRecords(data),
    reviews: {
      total: scope.received.length,
      byType,
      byConclusion,
      byStatus,
      completed: scope.issued.length,
      carriedOver: scope.carriedOver.length,
      onTime,
      late,
      noDeadline,
      onTimeRate: onTime + late ? onTime / (onTime + late) : null,
      overdueOpen,
      adopted,
      notAdopted,
    },
    lectures: { total: lectures.length, headCount: lectures.reduce((n, l) => n + l.headCount, 0), byKind, study, outreach, materialsHandedOut, planned: ofYear.length - lectures.length },
    lawsStudied: lawRows(studiedLaws),
    lawsPromoted: lawRows(promotedLaws),
    plans,
  };
}

export { reviewDate };
