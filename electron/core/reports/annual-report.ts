// The 法治政府建设年度报告 draft: the template's five parts, with the parts that records can
// support written from the year's records and every number in them traced to the records it was
// counted from (figures → sources, listed in the 数据来源 annex). What records cannot know stays a
// clearly marked placeholder; nothing is claimed that no record supports. Pure: the caller gives
// the records, the stats and a title lookup.

import type { ReportGap } from '../../shared/api/reports';
import { chineseDate } from '../../shared/chinese-date';
import { shortTitleOf } from '../../shared/law-model';
import type { SessionLaw } from '../records/session-laws';
import { LATE_FILING, filingState } from '../../shared/register-schema';
import type { Lecture, LegalityReview, StudyPlan } from '../records/record-types';
import { OUTREACH_KINDS } from '../records/record-types';
import { PROCEDURE_CHECKS } from '../../shared/record-schema';
import type { AnnualStats } from '../records/records-stats';
import { cutoffOf, happenedIn, reviewsOfYear } from '../records/year-scope';
import { fillPlaceholders, type ReportGenerator, type ReportPart, type ReportTemplate } from './report-template';

export type SourceKind = 'review' | 'lecture' | 'plan' | 'register';
export interface SourceRef {
  kind: SourceKind;
  id: string;
  title: string;
  date: string;
}

/** One number (or list) in the report, with the records it was computed from. */
export interface Figure {
  id: string;
  label: string;
  value: string;
  sources: SourceRef[];
}

export interface ReportParagraph {
  text: string;
  /** A prompt for the writer, not a statement: shown marked, never as a fact. */
  placeholder?: boolean;
  figures: string[];
}

export interface ReportPartOut {
  heading?: string;
  paragraphs: ReportParagraph[];
}

export interface AnnualReport {
  year: number;
  unit: string;
  title: string;
  intro?: string;
  sections: { heading: string; parts: ReportPartOut[] }[];
  figures: Figure[];
  /** Things the writer should know (no records for the year …), worded for any face. */
  notes: string[];
  /** What the writer must supply (the unit's name, the adviser); each face words where to fill it in. */
  gaps: ReportGap[];
  /** 版记 from the office profile (设置 → 单位信息): 印发机关 and 抄送机关; none when the office gave neither. */
  imprint?: { printedBy?: string; copyTo: string[] };
  /** Every year with records (the year's stats carry them): a face showing an empty year offers these. */
  yearsWithRecords?: number[];
}

/** A 规范性文件 of the bureau's own register, as far as the report needs it. */
export interface RegisteredDocument {
  id: string;
  title: string;
  docNumber?: string;
  published: string;
  filingDue?: string;
  filedDate?: string;
  /** End of its 有效期 (a prompt for 下一年度 names the documents expiring then). */
  validUntil?: string;
  cleanup?: { date: string; result: string };
  /** The legality review of its 送审稿, when the register links one. */
  reviewId?: string;
}

export interface Adviser {
  name: string;
  org?: string;
}

export interface AnnualReportInput {
  year: number;
  unit: string;
  template: ReportTemplate;
  stats: AnnualStats;
  reviews: LegalityReview[];
  lectures: Lecture[];
  plans: StudyPlan[];
  /** Today (YYYY-MM-DD): a 备案 still open is late only once its due date has passed. */
  today?: string;
  /** The 普法 plans already recorded for the next year (a prompt for 下一年度 names them). */
  nextPlans?: StudyPlan[];
  register?: RegisteredDocument[];
  /** The legal adviser retained; default: the 法律顾问 named most often in the year's reviews. */
  adviser?: Adviser;
  /** Law id or name → the short title used in 《》 (民法典, not 民法典·总则). */
  lawTitle: (idOrName: string) => string | undefined;
  /**
   * The laws a session covered (records/session-laws.ts: its fields and the laws its topic names);
   * default the record's fields alone, for a report built without a library.
   */
  sessionLaws?: (l: Lecture) => Pick<SessionLaw, 'key' | 'writtenTitle'>[];
}

/** A session's laws from its fields alone: `laws`, then the cited articles' laws. */
function recordedLaws(l: Lecture): Pick<SessionLaw, 'key' | 'writtenTitle'>[] {
  const cited = new Map(l.citations.map((c) => [c.lawId, c.citation.replace(/^《([^》]+)》.*$/s, '$1')]));
  return [...new Set([...l.laws, ...l.citations.map((c) => c.lawId)])].map((key) => ({ key, writtenTitle: cited.get(key) ?? key.replace(/[《》]/g, '') }));
}

/**
 * A 重大行政决策's procedures in the order 重大行政决策程序暂行条例 sets them: 公众参与、专家论证、风险评估 (第二章
 * 决策草案的形成, 第二至四节), then 合法性审查 (第三章第一节) before 集体讨论决定 and 公布 (第二节). 公平竞争审查 is part of
 * drafting (公平竞争审查条例: before the draft is submitted), so it comes before 合法性审查.
 */
const DECISION_STEPS: readonly string[] = (() => {
  const at = PROCEDURE_CHECKS.indexOf('集体讨论决定');
  return [...PROCEDURE_CHECKS.slice(0, at), '合法性审查', ...PROCEDURE_CHECKS.slice(at)];
})();

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
const list = (xs: string[]) => xs.join('、');
const quoted = (t: string) => `《${t.replace(/^《|》$/g, '')}》`;
/** “…” around a text, its own double quotes turned into single ones, as nested quotes are written. */
const dq = (t: string) => `“${t.replace(/“/g, '‘').replace(/”/g, '’')}”`;

class FigureBook {
  readonly figures: Figure[] = [];
  add(id: string, label: string, value: string | number, sources: SourceRef[]): string {
    this.figures.push({ id, label, value: String(value), sources });
    return id;
  }
}

const lectureRef = (l: Lecture): SourceRef => ({ kind: 'lecture', id: l.id, title: l.topic, date: l.date });
const reviewRef = (r: LegalityReview): SourceRef => ({ kind: 'review', id: r.id, title: r.title, date: r.receivedDate });
const planRef = (p: StudyPlan): SourceRef => ({ kind: 'plan', id: p.id, title: p.title, date: `${p.year}` });

function byDate<T extends { date: string; id: string }>(xs: T[]): T[] {
  return [...xs].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}

/** Laws covered by lectures, in the order first studied, as short titles (a code's parts as one). */
function lawsCovered(lectures: Lecture[], inp: Pick<AnnualReportInput, 'lawTitle' | 'sessionLaws'>): { title: string; sources: Lecture[] }[] {
  const out = new Map<string, Lecture[]>();
  for (const l of byDate(lectures)) {
    for (const n of (inp.sessionLaws ?? recordedLaws)(l)) {
      const title = inp.lawTitle(n.key) ?? shortTitleOf(n.writtenTitle);
      const seen = out.get(title) ?? [];
      if (!seen.includes(l)) seen.push(l);
      out.set(title, seen);
    }
  }
  return [...out].map(([title, sources]) => ({ title, sources }));
}

function speakerText(s: NonNullable<Lecture['speaker']>): string {
  return s.org ? `${s.name}（${s.org}）` : s.name;
}

function countBy<T>(xs: T[], key: (x: T) => string): [string, T[]][] {
  const m = new Map<string, T[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return [...m];
}

/**
 * How many people sessions reached, as the report may claim it: the sum over the records that give a head
 * count, the figure citing those only. A record without one stores 0 — unknown, never "0人次" — so when some
 * lack it the sentence says how many (参加216人次（其中1次未记录人数）), and when none gives one, nothing.
 */
function reached(ls: Lecture[], book: FigureBook, id: string, label: string): { heads: number; note: string; figures: string[] } {
  const counted = ls.filter((l) => l.headCount > 0);
  if (!counted.length) return { heads: 0, note: '', figures: [] };
  const heads = counted.reduce((n, l) => n + l.headCount, 0);
  const missing = ls.filter((l) => !(l.headCount > 0));
  const figures = [book.add(id, label, heads, counted.map(lectureRef))];
  if (missing.length) figures.push(book.add(`${id}.unrecorded`, `${label.replace(/人次$/, '')}未记录人数的活动次数`, missing.length, missing.map(lectureRef)));
  return { heads, note: missing.length ? `（其中${missing.length}次未记录人数）` : '', figures };
}

function study(inp: AnnualReportInput, book: FigureBook): ReportParagraph[] {
  const sessions = byDate(inp.lectures.filter((l) => !OUTREACH_KINDS.includes(l.kind)));
  if (!sessions.length) return [{ text: `记录中没有${inp.year}年度的学法活动。如有未登记的学法活动，请补充登记后重新生成，或在此处补写。`, placeholder: true, figures: [] }];
  const f1 = book.add('study.sessions', '学法活动次数', sessions.length, sessions.map(lectureRef));
  const people = reached(sessions, book, 'study.headCount', '学法活动参加人次');
  const kinds = countBy(sessions, (l) => l.kind).map(([k, ls]) => {
    const id = book.add(`study.kind.${k}`, `${k}次数`, ls.length, ls.map(lectureRef));
    return { text: `${k}${ls.length}次`, id };
  });
  const out: ReportParagraph[] = [
    { text: `${inp.year}年度共组织学法活动${sessions.length}次（${list(kinds.map((k) => k.text))}）${people.heads ? `，参加${people.heads}人次${people.note}` : ''}。`, figures: [f1, ...people.figures, ...kinds.map((k) => k.id)] },
  ];
  const laws = lawsCovered(sessions, inp);
  if (laws.length) {
    const f = book.add('study.laws', '学习的法律法规', list(laws.map((l) => quoted(l.title))), byDate(laws.flatMap((l) => l.sources)).filter((l, i, a) => a.indexOf(l) === i).map(lectureRef));
    out.push({ text: `通过集体学习、专题讲座等方式，学习了${list(laws.map((l) => quoted(l.title)))}等法律法规。`, figures: [f] });
  }
  const lecturers = new Map<string, Lecture[]>();
  for (const l of sessions) if (l.speaker) lecturers.set(speakerText(l.speaker), [...(lecturers.get(speakerText(l.speaker)) ?? []), l]);
  const halls = sessions.filter((l) => l.kind === '法律大讲堂');
  if (halls.length) {
    const speakers = [...new Set(halls.flatMap((l) => (l.speaker ? [speakerText(l.speaker)] : [])))];
    const f = book.add('study.lawLectures', '法律大讲堂', `${halls.length}次`, halls.map(lectureRef));
    out.push({
      text: `开展“法律大讲堂”活动${halls.length}次${speakers.length ? `，由${list(speakers)}主讲` : ''}：${list(halls.map((l) => `${Number(l.date.slice(5, 7))}月${dq(l.topic)}`))}。`,
      figures: [f],
    });
  }
  if (lecturers.size) {
    const f = book.add('study.lecturers', '主讲人', list([...lecturers.keys()]), [...lecturers.values()].flat().map(lectureRef));
    out.push({ text: `全年学法活动的主讲人有：${list([...lecturers.keys()])}。`, figures: [f] });
  }
  return out;
}

function outreach(inp: AnnualReportInput, book: FigureBook): ReportParagraph[] {
  const events = byDate(inp.lectures.filter((l) => OUTREACH_KINDS.includes(l.kind)));
  if (!events.length) return [{ text: `记录中没有${inp.year}年度的普法宣传活动（法律进企业、进社区、进乡村，宪法日等）。如有，请补充登记后重新生成，或在此处补写。`, placeholder: true, figures: [] }];
  const out: ReportParagraph[] = [];
  const groups = countBy(events, (l) => l.kind);
  groups.forEach(([kind, ls], i) => {
    const people = reached(ls, book, `outreach.${kind}.headCount`, `${kind}覆盖人次`);
    const materials = ls.flatMap((l) => l.materials.filter((m) => m.copies > 0));
    const copies = materials.reduce((n, m) => n + m.copies, 0);
    const places = [...new Set(ls.flatMap((l) => (l.location ? [l.location] : [])))];
    const figs = [book.add(`outreach.${kind}.count`, `${kind}活动次数`, ls.length, ls.map(lectureRef)), ...people.figures];
    if (places.length) figs.push(book.add(`outreach.${kind}.places`, `${kind}活动地点`, list(places), ls.filter((l) => l.location).map(lectureRef)));
    const withCopies = ls.filter((l) => l.materials.some((m) => m.copies > 0)).map(lectureRef);
    const handedOut = list(materials.map((m) => `${quoted(m.name)}${m.copies}份`));
    if (copies) figs.push(book.add(`outreach.${kind}.copies`, `${kind}发放材料份数`, copies, withCopies), book.add(`outreach.${kind}.materials`, `${kind}发放的材料`, handedOut, withCopies));
    const label = kind === '宪法日' ? '“12·4”国家宪法日宣传' : dq(kind);
    const ord = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][i] ?? String(i + 1);
    const topics = list(ls.map((l) => dq(l.topic)));
    out.push({
      text:
        `${groups.length > 1 ? `${ord}是` : ''}开展${label}活动${ls.length}次${places.length ? `（${list(places)}）` : ''}：${topics}` +
        `${copies ? `，发放${handedOut}` : ''}${people.heads ? `，覆盖${people.heads}人次${people.note}` : ''}。`,
      figures: figs,
    });
  });
  const copies = events.reduce((n, l) => n + l.materials.reduce((k, m) => k + m.copies, 0), 0);
  const f1 = book.add('outreach.count', '普法宣传活动次数', events.length, events.map(lectureRef));
  const people = reached(events, book, 'outreach.headCount', '普法宣传覆盖人次');
  const f3 = book.add('outreach.copies', '发放宣传材料份数', copies, events.filter((l) => l.materials.some((m) => m.copies > 0)).map(lectureRef));
  out.push({ text: `全年共开展普法宣传活动${events.length}次${copies ? `，发放宣传材料${copies}份` : ''}${people.heads ? `，覆盖群众${people.heads}人次${people.note}` : ''}。`, figures: [f1, ...people.figures, f3] });
  return out;
}

/** The adviser the year's reviews name most often as 法律顾问, with an org from a lecture they gave. */
function adviserOf(inp: AnnualReportInput): Adviser | undefined {
  if (inp.adviser) return inp.adviser;
  const named = inp.reviews.filter((r) => r.opinion.adviserRole === '法律顾问' && r.opinion.adviser).map((r) => r.opinion.adviser!);
  if (!named.length) return undefined;
  const top = countBy(named, (n) => n).sort((a, b) => b[1].length - a[1].length)[0]![0];
  const org = inp.lectures.find((l) => l.speaker?.name === top && l.speaker.org)?.speaker?.org;
  return { name: top, ...(org ? { org } : {}) };
}

function decisions(inp: AnnualReportInput, book: FigureBook, gaps: ReportGap[]): ReportParagraph[] {
  const s = inp.stats.reviews;
  // received / issued / carried over / open by year-scope.ts's one rule, as the stats count them
  const scope = reviewsOfYear(inp.reviews, inp.year, inp.today ?? '9999-12-31');
  const reviews = scope.all;
  const out: ReportParagraph[] = [];
  const adviser = adviserOf(inp);
  if (adviser) {
    const theirs = reviews.filter((r) => r.opinion.adviser === adviser.name);
    const talks = inp.lectures.filter((l) => l.speaker?.name === adviser.name);
    const f = book.add('decisions.adviser', '法律顾问', adviser.org ? `${adviser.org} ${adviser.name}` : adviser.name, [...theirs.map(reviewRef), ...byDate(talks).map(lectureRef)]);
    const did = [theirs.length ? `参与合法性审查${theirs.length}件` : '', talks.length ? `主讲学法普法活动${talks.length}次` : ''].filter(Boolean);
    const figs = [f];
    if (theirs.length) figs.push(book.add('decisions.adviser.reviews', '法律顾问参与合法性审查件数', theirs.length, theirs.map(reviewRef)));
    if (talks.length) figs.push(book.add('decisions.adviser.talks', '法律顾问主讲活动次数', talks.length, byDate(talks).map(lectureRef)));
    out.push({ text: `聘请${adviser.org ?? ''}${adviser.name}为法律顾问，开展法律咨询指导服务${did.length ? `，全年${list(did)}` : ''}。`, figures: figs });
  } else gaps.push('adviser');
  if (!reviews.length) {
    out.push({ text: `记录中没有${inp.year}年度收到或出具意见的合法性审查事项。如有，请补充登记后重新生成，或在此处补写。`, placeholder: true, figures: [] });
    return out;
  }
  const { received, issued, carriedOver } = scope;
  const types = Object.entries(s.byType).filter(([, n]) => n);
  const typeFigs = types.map(([t, n]) => book.add(`decisions.type.${t}`, `收到${t}送审件数`, n, received.filter((r) => r.type === t).map(reviewRef)));
  const fTotal = book.add('decisions.total', '收到合法性审查送审件数', received.length, received.map(reviewRef));
  const fIssued = book.add('decisions.completed', '出具合法性审查意见件数', issued.length, issued.map(reviewRef));
  const fCarried = carriedOver.length ? [book.add('decisions.carriedOver', '出具的意见中上年结转件数', carriedOver.length, carriedOver.map(reviewRef))] : [];
  const got = received.length ? `全年收到合法性审查送审${received.length}件（${list(types.map(([t, n]) => `${t}${n}件`))}）` : '全年未收到新的合法性审查送审';
  const gave = issued.length ? `，出具合法性审查意见${issued.length}件${carriedOver.length ? `，其中上年结转${carriedOver.length}件` : ''}` : '，未出具合法性审查意见';
  out.push({ text: `${got}${gave}。`, figures: [fTotal, ...typeFigs, fIssued, ...fCarried] });
  if (issued.length) {
    const concl = Object.entries(s.byConclusion).filter(([k, n]) => n && k !== '未出具');
    const conclFigs = concl.map(([c, n]) => book.add(`decisions.conclusion.${c}`, `审查结论为${c}的件数`, n, issued.filter((r) => r.conclusion === c).map(reviewRef)));
    // 按期 against the unit's own deadline only: 最早届满 (dueDate) is a minimum, not a deadline.
    const withDeadline = issued.filter((r) => r.unitDeadline);
    const onTime = withDeadline.filter((r) => r.completedDate! <= r.unitDeadline!);
    const fOnTime = withDeadline.length ? [book.add('decisions.onTime', '按期出具意见件数（按单位确定的审查期限）', s.onTime, onTime.map(reviewRef))] : [];
    const rate = s.onTimeRate === null ? '' : `，按期率${pct(s.onTimeRate)}`;
    const fRate = s.onTimeRate === null ? [] : [book.add('decisions.onTimeRate', '按期出具率（按期件数 ÷ 有单位确定审查期限的已出具件数）', pct(s.onTimeRate), withDeadline.map(reviewRef))];
    const adopted = issued.filter((r) => r.adopted === true);
    const fAdopted = adopted.length ? [book.add('decisions.adopted', '审查意见被采纳件数', adopted.length, adopted.map(reviewRef))] : [];
    const parts = [concl.length ? `审查结论为${list(concl.map(([c, n]) => `${c}${n}件`))}` : '', withDeadline.length ? `按期出具${s.onTime}件${rate}` : ''].filter(Boolean);
    if (parts.length || adopted.length)
      out.push({
        text: `出具的意见中，${parts.join('，')}${adopted.length ? `${parts.length ? '；' : ''}承办单位采纳审查意见${adopted.length}件` : ''}。`,
        figures: [...conclFigs, ...fOnTime, ...fRate, ...fAdopted],
      });
  }
  const open = scope.open;
  if (open.length) {
    const cut = cutoffOf(inp.year, inp.today ?? '9999-12-31');
    const when = cut.endsWith('-12-31') ? `年末尚有${open.length}件正在审查，转入下一年度` : `截至${chineseDate(cut)}，尚有${open.length}件正在审查`;
    out.push({ text: `${when}：${list(open.map((r) => quoted(r.title)))}。`, figures: [book.add('decisions.open', '年末（或成文日期）尚未出具意见件数', open.length, open.map(reviewRef))] });
  }
  const major = reviews.filter((r) => r.type === '重大行政决策');
  if (major.length) {
    // Only procedures a record says were held by the 成文日期 (a 公布 dated later has not happened yet); 合法性审查
    // itself is the record. In the order the 条例 sets them (DECISION_STEPS), whatever order the records list them.
    const asOf = inp.today ?? '9999-12-31';
    const held = new Set<string>(['合法性审查']);
    for (const r of major) for (const p of r.procedures) if (p.applicable && p.done && (!p.date || p.date <= asOf)) held.add(p.check);
    const steps = DECISION_STEPS.filter((s) => held.has(s));
    const f = book.add('decisions.procedures', '重大行政决策履行的程序', list(steps), major.map(reviewRef));
    out.push({ text: `重大行政决策${list(major.map((r) => quoted(r.title)))}履行了${list(steps)}等程序。`, figures: [f] });
  }
  return out;
}

/**
 * (三) 规范性文件管理: the bureau's own 规范性文件 — 制定 (published), 备案 (filed), 清理 and 有效期届满 in the
 * year, each by the day it happened (year-scope.ts). The review of their 送审稿 is (二)'s to tell, so this
 * part says only whether the documents made went through it (the register's link to the review).
 */
function normativeDocuments(inp: AnnualReportInput, book: FigureBook): ReportParagraph[] {
  const year = inp.year;
  const asOf = inp.today ?? '9999-12-31';
  const register = [...(inp.register ?? [])].sort((a, b) => a.published.localeCompare(b.published) || a.id.localeCompare(b.id));
  const issued = register.filter((d) => happenedIn(d.published, year, asOf));
  const filed = register.filter((d) => happenedIn(d.filedDate, year, asOf));
  const onTime = filed.filter((d) => !d.filingDue || d.filedDate! <= d.filingDue);
  const filedLastYear = filed.filter((d) => d.published < `${year}-01-01`);
  const cleaned = register.filter((d) => happenedIn(d.cleanup?.date, year, asOf));
  const expired = register.filter((d) => happenedIn(d.validUntil, year, asOf));
  if (!issued.length && !filed.length && !cleaned.length && !expired.length)
    return [{ text: `规范性文件制定、备案、清理情况：规范性文件登记中没有${year}年度公布、备案、清理或有效期届满的文件。如有，请登记后重新生成，或在此处补写。`, placeholder: true, figures: [] }];
  const sentences: string[] = [];
  const figs: string[] = [];
  if (issued.length) {
    figs.push(book.add('normative.issued', '制定规范性文件件数', issued.length, issued.map(regRef)));
    const reviewed = issued.filter((d) => d.reviewId);
    if (reviewed.length) figs.push(book.add('normative.issuedReviewed', '制定的规范性文件中经合法性审查的件数', reviewed.length, reviewed.map(regRef)));
    const review = !reviewed.length ? '' : reviewed.length === issued.length ? '，均经合法性审查' : `，其中${reviewed.length}件登记了合法性审查`;
    sentences.push(`全年制定规范性文件${issued.length}件（${list(issued.map((d) => quoted(d.title) + (d.docNumber ? `（${d.docNumber}）` : '')))}）${review}`);
  } else sentences.push('全年未制定新的规范性文件');
  figs.push(book.add('normative.filed', '报送备案件数', filed.length, filed.map(regRef)), book.add('normative.filedOnTime', '按时报送备案件数', onTime.length, onTime.map(regRef)));
  if (filedLastYear.length) figs.push(book.add('normative.filedLastYear', '报送备案中上年制定的件数', filedLastYear.length, filedLastYear.map(regRef)));
  sentences.push(
    filed.length
      ? `报送备案${filed.length}件${filedLastYear.length ? `（其中上年制定${filedLastYear.length}件）` : ''}，其中按时报送${onTime.length}件`
      : '未报送备案',
  );
  figs.push(book.add('normative.cleaned', '清理规范性文件件数', cleaned.length, cleaned.map(regRef)));
  const results = countBy(cleaned, (d) => d.cleanup!.result).map(([r, ds]) => `${r}${ds.length}件`);
  sentences.push(`清理规范性文件${cleaned.length}件${results.length ? `（${list(results)}）` : ''}`);
  if (expired.length) {
    figs.push(book.add('normative.expired', '有效期届满的规范性文件件数', expired.length, expired.map(regRef)));
    sentences.push(`${list(expired.map((d) => quoted(d.title)))}有效期于本年度届满`);
  }
  return [{ text: `${sentences.join('；')}。`, figures: figs }];
}

const regRef = (d: RegisteredDocument): SourceRef => ({ kind: 'register', id: d.id, title: d.title, date: d.published });

function plans(inp: AnnualReportInput, book: FigureBook): ReportParagraph[] {
  if (!inp.plans.length) return [{ text: `记录中没有${inp.year}年度普法工作计划。请登记年度普法计划和责任清单后重新生成，或在此处补写。`, placeholder: true, figures: [] }];
  const out: ReportParagraph[] = [];
  for (const p of inp.plans) {
    const st = inp.stats.plans.find((x) => x.id === p.id);
    const units = [...new Set(p.items.flatMap((i) => (i.responsibleUnit ? [i.responsibleUnit] : [])))];
    const sessions = inp.lectures.filter((l) => st?.progress.some((g) => g.sessions.includes(l.id)));
    const fPlan = book.add(`plans.${p.id}.items`, `${p.title}任务数`, p.items.length, [planRef(p)]);
    const figs = [fPlan];
    let done = '';
    if (st && st.items) {
      figs.push(book.add(`plans.${p.id}.done`, `${p.title}已完成任务数`, st.done, [planRef(p), ...byDate(sessions).map(lectureRef)]));
      figs.push(book.add(`plans.${p.id}.rate`, `${p.title}完成率`, pct(st.completionRate ?? 0), [planRef(p)]));
      done = `，已完成${st.done}项，完成率${pct(st.completionRate ?? 0)}`;
      const left = st.progress.filter((g) => !g.done).map((g) => g.topic);
      if (left.length) done += `；尚未完成：${list(left.map(dq))}`;
    }
    const duty = p.tags.includes('普法责任清单') || units.length ? `，并制定普法责任清单，将任务分解到${units.length ? list(units) : '各责任科室'}` : '';
    out.push({ text: `年初制定了${quoted(p.title)}，明确${p.items.length}项普法任务${duty}${done}。`, figures: figs });
  }
  return out;
}


const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** 一是…；二是…。 — clauses already without their closing punctuation. */
const enumerate = (xs: string[]) => (xs.length === 1 ? xs[0]! : xs.map((x, i) => `${ORDINALS[i] ?? i + 1}是${x}`).join('；'));
const titles = (xs: { title: string }[]) => list(xs.map((x) => quoted(x.title)));

/** The tasks of the year's plans no linked session completed, with the plan each belongs to. */
function unfinishedTasks(inp: AnnualReportInput): { plan: StudyPlan; topics: string[] }[] {
  return inp.plans.flatMap((p) => {
    const topics = (inp.stats.plans.find((x) => x.id === p.id)?.progress ?? []).filter((g) => !g.done).map((g) => g.topic);
    return topics.length ? [{ plan: p, topics }] : [];
  });
}

/**
 * 存在的不足: what the records show that may be a shortfall — plan tasks not done, opinions not
 * adopted or late, 规范性文件 not filed on time, 有效期 ended without 清理 — as a prompt for the
 * writer to weigh and explain. Never a statement: the writer decides what is a problem and why.
 */
function problems(inp: AnnualReportInput, book: FigureBook): ReportParagraph[] {
  const clues: string[] = [];
  const figs: string[] = [];
  const tasks = unfinishedTasks(inp);
  const taskCount = tasks.reduce((n, t) => n + t.topics.length, 0);
  if (taskCount) {
    figs.push(book.add('problems.plans.unfinished', '普法计划未完成任务数', taskCount, tasks.map((t) => planRef(t.plan))));
    clues.push(`普法计划有${taskCount}项任务未完成（${list(tasks.flatMap((t) => t.topics).map(dq))}）`);
  }
  const asOf = inp.today ?? '9999-12-31';
  // the opinions issued in the year, as (二) counts them
  const reviews = reviewsOfYear(inp.reviews, inp.year, asOf).issued;
  const rejected = reviews.filter((r) => r.adopted === false);
  if (rejected.length) {
    figs.push(book.add('problems.reviews.notAdopted', '审查意见未被采纳件数', rejected.length, rejected.map(reviewRef)));
    clues.push(`${rejected.length}件审查意见未被承办单位采纳（${titles(rejected)}）`);
  }
  const late = reviews.filter((r) => r.completedDate && r.unitDeadline && r.completedDate > r.unitDeadline);
  if (late.length) {
    figs.push(book.add('problems.reviews.late', '晚于单位确定的审查期限出具意见件数', late.length, late.map(reviewRef)));
    clues.push(`${late.length}件审查意见晚于单位确定的审查期限出具（${titles(late)}）`);
  }
  // A late 备案 is the year's when it fell due in the year (not made by then) or was made late in it: a
  // December document due in January is next year's; one due in December and filed in February is
  // in both years' reports. Without a day to read it on, a 备案 not made is late.
  const unfiled = (inp.register ?? []).filter(
    (d) => d.filingDue && (happenedIn(d.filingDue, inp.year, asOf) || happenedIn(d.filedDate, inp.year, asOf)) && LATE_FILING.includes(filingState({ filedDate: d.filedDate, filingDue: d.filingDue }, asOf)),
  );
  if (unfiled.length) {
    figs.push(book.add('problems.normative.notFiledOnTime', '未按时报送备案的规范性文件件数', unfiled.length, unfiled.map(regRef)));
    clues.push(`${unfiled.length}件规范性文件未按时报送备案（${titles(unfiled)}）`);
  }
  const lapsed = (inp.register ?? []).filter((d) => happenedIn(d.validUntil, inp.year, asOf) && !d.cleanup);
  if (lapsed.length) {
    figs.push(book.add('problems.normative.lapsed', '有效期届满未清理的规范性文件件数', lapsed.length, lapsed.map(regRef)));
    clues.push(`${lapsed.length}件规范性文件有效期在本年度届满，登记中没有清理结果（${titles(lapsed)}）`);
  }
  if (!clues.length) return [];
  return [{ text: `记录中可供分析的情况（请核实后取舍，并写明原因）：${enumerate(clues)}。`, placeholder: true, figures: figs }];
}

/**
 * 下一年度安排: what the records already commit the next year to — tasks carried over, 规范性文件
 * whose 有效期 ends then (评估 and 清理 before it), the next year's 普法 plan or its absence — as a
 * prompt, not as a plan the office has not made.
 */
function nextYear(inp: AnnualReportInput, book: FigureBook): ReportParagraph[] {
  const next = String(inp.year + 1);
  const clues: string[] = [];
  const figs: string[] = [];
  const tasks = unfinishedTasks(inp);
  if (tasks.length) clues.push(`本年度未完成的普法任务是否列入下一年度计划（${list(tasks.flatMap((t) => t.topics).map(dq))}）`);
  const expiring = (inp.register ?? []).filter((d) => d.validUntil?.startsWith(next) && !d.cleanup).sort((a, b) => a.validUntil!.localeCompare(b.validUntil!) || a.id.localeCompare(b.id));
  if (expiring.length) {
    figs.push(book.add('next.normative.expiring', `${next}年有效期届满的规范性文件件数`, expiring.length, expiring.map(regRef)));
    clues.push(`${expiring.length}件规范性文件有效期在${next}年届满，需在届满前评估、清理（${list(expiring.map((d) => `${quoted(d.title)}有效期至${chineseDate(d.validUntil!)}`))}）`);
  }
  const planned = inp.nextPlans ?? [];
  if (planned.length) {
    figs.push(book.add('next.plans', `${next}年度普法工作计划`, titles(planned), planned.map(planRef)));
    clues.push(`已制定${titles(planned)}，可概述其重点`);
  } else clues.push(`记录中还没有${next}年度普法工作计划，应于年初制定`);
  return [{ text: `记录中与下一年度有关的事项（请核实后取舍）：${enumerate(clues)}。`, placeholder: true, figures: figs }];
}

const GENERATORS: Record<ReportGenerator, (inp: AnnualReportInput, book: FigureBook, gaps: ReportGap[]) => ReportParagraph[]> = {
  study,
  outreach,
  decisions,
  normativeDocuments,
  plans,
  problems,
  nextYear,
};

function part(p: ReportPart, inp: AnnualReportInput, book: FigureBook, gaps: ReportGap[], values: Record<string, string | number>): ReportPartOut {
  const heading = p.heading ? fillPlaceholders(p.heading, values) : undefined;
  const head = heading ? { heading } : {};
  if ('generate' in p) return { ...head, paragraphs: GENERATORS[p.generate](inp, book, gaps) };
  if ('placeholder' in p) return { ...head, paragraphs: [{ text: fillPlaceholders(p.placeholder, values), placeholder: true, figures: [] }] };
  return { ...head, paragraphs: [{ text: fillPlaceholders(p.text, values), figures: [] }] };
}

export function buildAnnualReport(inp: AnnualReportInput): AnnualReport {
  const book = new FigureBook();
  const notes: string[] = [];
  const gaps: ReportGap[] = [];
  const values = { unit: inp.unit, year: inp.year };
  if (!inp.reviews.length && !inp.lectures.length && !inp.plans.length && !(inp.register ?? []).some((d) => happenedIn(d.published, inp.year, inp.today ?? '9999-12-31')))
    notes.push(`${inp.year}年度没有任何记录：报告只有模板和待填写的部分。请先登记该年度的审查、学法普法活动和普法计划。`);
  const sections = inp.template.sections.map((s) => ({ heading: fillPlaceholders(s.heading, values), parts: s.parts.map((p) => part(p, inp, book, gaps, values)) }));
  return {
    year: inp.year,
    unit: inp.unit,
    title: fillPlaceholders(inp.template.title, values),
    ...(inp.template.intro ? { intro: fillPlaceholders(inp.template.intro, values) } : {}),
    sections,
    figures: book.figures,
    notes,
    gaps,
  };
}

/** Law id or name → its title as written in a report (民法典 for any part of the code). */
export function reportLawTitle(law: { title: string; subtitle?: string } | undefined): string | undefined {
  return law ? shortTitleOf(law.title) : undefined;
}
