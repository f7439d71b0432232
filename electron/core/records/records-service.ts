// The records service: one object per open library that the CLI, the app API and tests share.
// Inputs and outputs are plain JSON, validated with zod, so each method maps 1:1 onto an API call.
// Every write validates everything first (fields, dates, citations, attachments), then commits the
// record and its change-log entry in one atomic write under the library's writer lock: a bad input
// or a crash never leaves a record half-saved, and history is only ever appended.

import { duplicateReviewSentence, duplicateReviews } from '../../shared/review-duplicate';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../library/atomic-file';
import type { LibraryStore } from '../library/library-store';
import { AttachmentStore, DEFAULT_MAX_ATTACHMENT_BYTES } from './attachment-store';
import { diffRecords } from './change-log';
import { CitationIndex, citationsOfRecord, type CitationSite } from './cited-by';
import { detectCitations, type DetectedMention, type DetectionResult, type DraftInView } from './citation-detect';
import { draftCitationsOf, draftInView, type DraftForLinks } from './draft-citations';
import { citationKey, codeParts, lawByName, resolveCitationInput } from './citation-resolve';
import { officeRegionIn } from '../office/office-region';
import {
  CollectionInputSchema,
  COLLECTION_KEY,
  LectureInputSchema,
  NoteInputSchema,
  REVIEW_STATUSES,
  ReviewInputSchema,
  StudyPlanInputSchema,
  type Attachment,
  type ChangeEntry,
  type Citation,
  type Collection,
  type Lecture,
  type LegalityReview,
  type Note,
  type RecordKind,
  type RecordOfKind,
  type RecordsFile,
  type ReviewStatus,
  type StudyPlan,
} from './record-types';
import { RecordsError, describeFieldIssues, describeIssues, invalid } from './records-errors';
import { annualStats, type AnnualStats } from './records-stats';
import { RecordsStore } from './records-store';
import { readSheet, rowsToReviewInputs, type ImportField } from './spreadsheet-import';
import { materialsFor } from '../../shared/review-materials';
import { REVIEW_TIME_LIMITS } from '../../shared/review-time-limits';
import type { ReviewType } from '../../shared/record-schema';
import type { DraftArticleCitation } from '../../shared/draft-citation';
import { RECORD_ISSUE_FORMAT, recordFormIssues, type FieldIssue, type RecordFormKind } from '../../shared/record-form';
import { issuePathInWords } from '../../shared/errors';
import { implausibleDateFields, unsafeTextFields } from '../../shared/printable-name';
import { officialHolidays } from './official-holidays';
import { LEGACY_REVIEW_WORKING_DAYS, HolidayFileSchema, WorkCalendar, toDayNumber, type Holiday, type HolidayFile } from './working-days';
import { emptyYearProblems, holidayProblems, sortHolidays } from '../../shared/holidays';
import { own } from '../util/own-key';

export interface RecordsServiceOptions {
  /** Who makes the changes (the change log's "who"); default the OS user. */
  actor?: string | (() => string | undefined);
  maxAttachmentBytes?: number;
  /** A holiday file to use instead of the official list from chinese-days (tests). */
  holidaysFile?: string;
  /**
   * The latest 送审稿 version of a review (the workbench's), read when a review's texts are linked: 草案第八条 and 本办法第三条
   * there are linked to its articles. Without it (or a review with no draft) they are told apart from laws, never linked.
   */
  draftUnderReview?: (reviewId: string) => DraftForLinks | undefined;
}

export interface WriteOptions {
  by?: string;
  /** Also link the citations detected in the record's free text (findings, opinion, notes). */
  linkDetected?: boolean;
  /**
   * Link only the draft's own articles a review's texts name (草案第八条, 本办法第三条) to its latest 送审稿 version —
   * the app's review form: its law citations stay as the adviser picked them (识别引用 offers those).
   */
  linkDraft?: boolean;
  /** Refuse the update if the record changed since this revision (a form open for a while). */
  expectedRevision?: number;
  /** Folder that relative attachment paths are read from. */
  baseDir?: string;
  note?: string;
  /**
   * Set only by recordOpinionIssued / withdrawOpinionIssued: 'record' lets a review with no 审查意见正文
   * of its own be 已出具意见 (the 意见书 written from its findings is the opinion); 'withdraw' lets
   * 已出具意见 go back to 审查中 — the one step back the workflow allows, and logged.
   */
  issue?: 'record' | 'withdraw';
}

export interface SaveResult<T> {
  record: T;
  /** Not errors, but worth a look: a due date under 7 working days, a short public comment period … */
  warnings: string[];
  /** Citations found in the free text that could not be linked (only with linkDetected). */
  unresolved: DetectedMention[];
}

export interface ReviewView extends LegalityReview {
  /** Open (not yet 已出具意见) and past the unit's own deadline today; never without one. */
  overdue: boolean;
  /** Opinion issued on or before the unit's deadline; undefined while open or without one. */
  onTime?: boolean;
  /** Working days left until the unit's deadline (negative when overdue); undefined once completed or without one. */
  workingDaysLeft?: number;
}

export const ReviewFilterSchema = z.object({
  year: z.number().int().optional(),
  type: z.string().optional(),
  status: z.string().optional(),
  overdue: z.boolean().optional(),
  q: z.string().optional(),
});
export type ReviewFilter = z.infer<typeof ReviewFilterSchema>;
export const LectureFilterSchema = z.object({ year: z.number().int().optional(), kind: z.string().optional(), q: z.string().optional() });
export type LectureFilter = z.infer<typeof LectureFilterSchema>;

/** A bundle of records (seed data, a backup, another office's export): imported in one commit. */
export const BundleSchema = z.object({
  plans: z.array(z.unknown()).default([]),
  lectures: z.array(z.unknown()).default([]),
  reviews: z.array(z.unknown()).default([]),
  notes: z.array(z.unknown()).default([]),
});

const ID_PREFIX: Record<RecordKind, string> = { review: 'R', lecture: 'L', plan: 'P', note: 'N', collection: 'C' };
const KIND_NAME: Record<RecordKind, string> = { review: '审查记录', lecture: '学法活动', plan: '普法计划', note: '笔记', collection: '收藏夹' };
const ID_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,40}$/;

type Prepared<K extends RecordKind> = { record: Omit<RecordOfKind[K], 'id' | 'revision' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy'> & { id?: string }; warnings: string[]; unresolved: DetectedMention[] };


function parseWith<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw invalid(`${what}填写有误`, describeIssues(r.error, input));
  return r.data;
}

/** A record as typed (form, --from file, row): refused with one line per field, as the forms show them. */
function parseRecord<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw invalid(`${what}填写有误`, describeFieldIssues(r.error, input));
  return r.data;
}

/**
 * Checks an input (a whole record, or a patch of an existing one) against the schema, refusing
 * unknown fields, and returns the input as given: defaults are applied later, to the merged
 * record, so a patch never resets a field it does not mention.
 */
function checkPatch(schema: z.ZodObject, input: unknown, existing: unknown, what: string): Record<string, unknown> {
  const withId = schema.extend({ id: z.string().optional() });
  parseRecord(existing ? withId.partial().strict() : withId.strict(), input, what);
  return dropUndefined(input as Record<string, unknown>);
}

function dateOrderIssues(r: Record<string, unknown>): string[] {
  const { receivedDate: rd, unitDeadline: ud, dueDate: dd } = r;
  const ok = (d: unknown): d is string => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d);
  const deadline = ok(ud) ? ud : dd;
  return ok(rd) && ok(deadline) && deadline < rd ? [`单位确定的审查期限（${deadline}）早于收件日期（${rd}）`] : [];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stripMeta<T extends object>(r: T): Record<string, unknown> {
  const { id: _i, revision: _r, createdAt: _c, createdBy: _cb, updatedAt: _u, updatedBy: _ub, ...rest } = r as Record<string, unknown>;
  return rest;
}

const OFFICIAL_TITLE = '全国法定节假日及调休安排（国务院办公厅关于部分节假日安排的通知，来自 chinese-days）';

export class RecordsService {
  private readonly attachments: AttachmentStore;
  /**
   * The library's holidays.json as last read: its stamp, and the calendar built with it; `problem`
   * when the file could not be read (the calendar is then the shipped list alone).
   */
  private own: { stamp: string; file?: HolidayFile; calendar: WorkCalendar; problem?: string };

  private constructor(
    readonly library: LibraryStore,
    private readonly records: RecordsStore,
    private readonly opts: RecordsServiceOptions,
    private readonly defaults: HolidayFile,
  ) {
    this.own = this.readOwnHolidays();
    this.attachments = new AttachmentStore(join(library.dir, 'attachments'), opts.maxAttachmentBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES);
  }

  static async open(library: LibraryStore, opts: RecordsServiceOptions = {}): Promise<RecordsService> {
    const records = await RecordsStore.open(library.dir, library.lock);
    const defaults = opts.holidaysFile ? readHolidayFile(opts.holidaysFile) : { schemaVersion: 1, title: OFFICIAL_TITLE, holidays: officialHolidays(), emptyYears: [] };
    return new RecordsService(library, records, opts, defaults);
  }

  private get ownHolidaysPath(): string {
    return join(this.library.dir, 'holidays.json');
  }

  private readOwnHolidays(): { stamp: string; file?: HolidayFile; calendar: WorkCalendar; problem?: string } {
    const stamp = fileStamp(this.ownHolidaysPath);
    let file: HolidayFile | undefined;
    try {
      file = stamp === 'none' ? undefined : readHolidayFile(this.ownHolidaysPath);
    } catch (e) {
      // A damaged file (a hand edit, a broken tool) must not stop every due date and every save of a
      // review: the shipped list counts until 设置 → 节假日与调休 shows the reason and saves a sound list.
      const problem = e instanceof RecordsError ? [e.summary, ...e.issues].join('：') : (e as Error).message;
      return { stamp, calendar: new WorkCalendar(this.defaults.holidays, []), problem };
    }
    return { stamp, ...(file ? { file } : {}), calendar: new WorkCalendar(this.defaults.holidays, file ?? []) };
  }

  /**
   * The working-day calendar: the shipped holidays and the library's own holidays.json, re-read
   * when that file changed (a restored backup, an imported bundle, setHolidays, a hand edit), so
   * the next due date counts the new 调休 without a restart.
   */
  get calendar(): WorkCalendar {
    if (fileStamp(this.ownHolidaysPath) !== this.own.stamp) this.own = this.readOwnHolidays();
    return this.own.calendar;
  }

  /** The records the read of records.json set aside (named, with the reason and where they are kept). */
  setAsideNotes(): string[] {
    return this.records.setAsideNotes();
  }

  /** How many records the read set aside and where they are kept (undefined when none). */
  setAsideState(): { count: number; keptIn: string } | undefined {
    return this.records.setAsideState();
  }

  // ───────────── dates ─────────────

  today(): string {
    return this.library.today();
  }

  /**
   * 最早届满: the type's minimum review time after receipt (shared/review-time-limits: 7 working days
   * for a 重大行政决策, 5 for a 规范性文件; a type with no minimum has the receipt date). A minimum the
   * unit must allow; it is not the adviser's deadline (see unitDeadlineOf).
   */
  defaultDueDate(receivedDate: string, type: ReviewType = '重大行政决策', cal: WorkCalendar = this.calendar): string {
    return cal.addWorkingDays(receivedDate, REVIEW_TIME_LIMITS[type].minWorkingDays ?? 0);
  }

  /**
   * 单位确定的审查期限, the only date that makes a review 逾期: the field, or, in a record saved
   * before the field existed, a 审查期限 typed by hand (one that is not the computed 最早届满).
   */
  unitDeadlineOf(r: { receivedDate: string; type?: ReviewType; dueDate?: string | undefined; unitDeadline?: string | undefined }, cal: WorkCalendar = this.calendar): string | undefined {
    if (r.unitDeadline) return r.unitDeadline;
    return r.dueDate && !this.isComputedDueDate(r.receivedDate, r.dueDate, r.type, cal) ? r.dueDate : undefined;
  }

  /** A dueDate the app computed: this type's 最早届满, or the 7 working days every type got before the limits were per type. */
  private isComputedDueDate(receivedDate: string, dueDate: string, type: ReviewType | undefined, cal: WorkCalendar): boolean {
    return dueDate === this.defaultDueDate(receivedDate, type, cal) || dueDate === cal.addWorkingDays(receivedDate, LEGACY_REVIEW_WORKING_DAYS);
  }

  /** The holiday list in use: the shipped one and the library's own (which wins per year). */
  holidays(): { defaults: HolidayFile; library?: HolidayFile } {
    void this.calendar; // re-reads holidays.json when it changed
    return { defaults: this.defaults, ...(this.own.file ? { library: this.own.file } : {}) };
  }

  /**
   * For 设置 and `lawdesk holidays`: the shipped list, the library's own (whose years replace the
   * shipped ones) and, when holidays.json cannot be read, why (the shipped list is then shown alone).
   */
  holidayLists(): { official: HolidayFile; own: Holiday[]; emptyYears: number[]; warning?: string } {
    const library = this.holidays().library;
    const own = sortHolidays(library?.holidays ?? []);
    const problem = this.own.problem;
    return { official: this.defaults, own, emptyYears: library?.emptyYears ?? [], ...(problem ? { warning: `${problem}；在改好或重新保存之前，按内置的全国安排计算工作日` } : {}) };
  }

  /**
   * Saves the library's own holiday list (the format of working-days.ts; each year it names replaces
   * that year of the shipped list), refusing a list shared/holidays.holidayProblems finds wrong:
   * a backwards run, a day off twice, a day both off and worked, a 调休 day that is a weekday.
   */
  async setHolidays(input: unknown): Promise<void> {
    const file = parseWith(HolidayFileSchema, input, '节假日表');
    const problems = holidayProblems(file.holidays, file.emptyYears);
    if (problems.length) throw new RecordsError('INVALID', '节假日调休表有误，未保存', problems);
    const sorted: HolidayFile = { ...file, holidays: sortHolidays(file.holidays), emptyYears: [...new Set(file.emptyYears)].sort((a, b) => a - b) };
    if (!this.library.lock.tryAcquire()) throw new RecordsError('LOCKED', '资料库正由另一个程序写入，请稍后再试');
    try {
      writeFileAtomic(this.ownHolidaysPath, JSON.stringify(sorted, null, 2));
    } finally {
      this.library.lock.release();
    }
    this.own = this.readOwnHolidays();
  }

  // ───────────── citations ─────────────

  /**
   * Citations in free text, resolved to the versions in force on `date`. `document`: the title of the document a review
   * is on (its form's text): 本办法/草案 第X条 there are that document's articles — reported, never a law's.
   */
  detectCitations(text: string, date: string, nearLawId?: string, document?: string): DetectionResult {
    parseWith(z.iso.date(), date, '日期');
    // what a person asks to detect may name laws without articles (学习《民法典》): listed as whole-law citations
    return detectCitations(this.library, text, date, nearLawId, undefined, { wholeLaws: true, ...this.officeRegion(), ...(document?.trim() ? { draft: draftInView(document.trim(), undefined) } : {}) });
  }

  /**
   * Where the office is (设置 → 单位信息, read at each call, as the workbench does): a record's 《省专利条例》 is its own
   * province's 条例. Nothing when 单位信息 says no place.
   */
  private officeRegion(): { officeRegion?: string } {
    const region = officeRegionIn(this.library.dir);
    return region ? { officeRegion: region } : {};
  }

  /** Cited-by across versions, per-article counts, flags and 受影响 over the records as they are now. */
  async citationIndex(): Promise<CitationIndex> {
    return new CitationIndex(this.library, await this.records.data());
  }

  async citationsOf(id: string): Promise<CitationSite[]> {
    const data = await this.records.data();
    if (!Object.values(COLLECTION_KEY).some((k) => own(data[k], id))) throw new RecordsError('NOT_FOUND', `没有找到记录 ${id}`);
    return citationsOfRecord(data, id);
  }

  private resolveAll(inputs: unknown[], date: string, kept: Map<string, Citation>, where: string, errors: string[]): Citation[] {
    const out: Citation[] = [];
    const seen = new Set<string>();
    inputs.forEach((c, i) => {
      const r = resolveCitationInput(this.library, c as never, date, kept);
      if (!r.ok) {
        errors.push(`${where}第${i + 1}项：${r.reason}`);
        return;
      }
      const k = citationKey(r.value);
      if (!seen.has(k)) out.push(r.value);
      seen.add(k);
    });
    return out;
  }

  private link(text: string, date: string, into: Citation[], unresolved: DetectedMention[], nearLawId?: string, on: { draft?: DraftInView; mentions?: DetectedMention[] } = {}): Citation[] {
    if (!text.trim()) return into;
    const d = detectCitations(this.library, text, date, nearLawId, undefined, { ...this.officeRegion(), ...(on.draft ? { draft: on.draft } : {}) });
    unresolved.push(...d.unresolved);
    on.mentions?.push(...d.mentions);
    const have = new Set(into.map(citationKey));
    return [...into, ...d.citations.filter((c) => !have.has(citationKey(c)))];
  }

  private storeAttachments(inputs: unknown[], baseDir: string | undefined, errors: string[]): Attachment[] {
    const out: Attachment[] = [];
    const at = this.library.now().toISOString();
    for (const a of inputs as ({ path: string; name?: string } | Attachment)[]) {
      if ('sha256' in a) {
        out.push(a);
        continue;
      }
      const file = isAbsolute(a.path) ? a.path : resolve(baseDir ?? process.cwd(), a.path);
      try {
        const stored = this.attachments.add(file, a.name, at);
        if (!out.some((x) => x.sha256 === stored.sha256)) out.push(stored);
      } catch (e) {
        if (e instanceof RecordsError) errors.push(e.message);
        else throw e;
      }
    }
    return out;
  }

  attachmentPath(a: Pick<Attachment, 'sha256' | 'name'>): string | undefined {
    return this.attachments.pathOf(a);
  }

  // ───────────── preparing records (validation; no writes except attachment files) ─────────────

  private prepareReview(input: unknown, existing: LegalityReview | undefined, opts: WriteOptions): Prepared<'review'> {
    let patch: Record<string, unknown>;
    try {
      patch = checkPatch(ReviewInputSchema, input, existing, '审查记录');
    } catch (e) {
      // say everything at once: the date order too, when both dates are readable
      if (e instanceof RecordsError && isObject(input)) throw invalid(e.summary, [...e.issues, ...dateOrderIssues({ ...(existing ?? {}), ...input })]);
      throw e;
    }
    const merged: Record<string, unknown> = existing ? { ...stripMeta(existing), ...patch } : { ...patch };
    if (existing && isObject(patch.findings)) merged.findings = { ...existing.findings, ...patch.findings };
    if (existing && isObject(patch.opinion)) merged.opinion = { ...existing.opinion, ...patch.opinion };
    if (opts.issue === 'withdraw') delete merged.completedDate; // a patch cannot carry "no value": the withdrawal says it
    const cal = this.calendar; // one read of holidays.json for the whole check
    if (existing && (patch.receivedDate || patch.type) && !patch.dueDate && this.isComputedDueDate(existing.receivedDate, existing.dueDate, existing.type, cal)) {
      delete merged.dueDate; // the due date was the default: follow the new receipt date
    }
    const parsed = ReviewInputSchema.safeParse(merged);
    if (!parsed.success) throw invalid('审查记录填写有误', [...describeFieldIssues(parsed.error, merged), ...dateOrderIssues(merged)]);
    const v = parsed.data;
    const errors: string[] = [];
    const warnings: string[] = [];
    const unresolved: DetectedMention[] = [];
    const t = this.library.today();

    // Status workflow: 收件 → 审查中 → 已出具意见 → 已归档, forward only; archived records are frozen.
    const status = v.status;
    if (existing) {
      const from = REVIEW_STATUSES.indexOf(existing.status);
      const to = REVIEW_STATUSES.indexOf(status);
      const withdrawing = opts.issue === 'withdraw' && existing.status === '已出具意见' && status === '审查中';
      if (to < from && !withdrawing) errors.push(`状态不能从“${existing.status}”退回“${status}”（审查记录只能向前推进：${REVIEW_STATUSES.join(' → ')}）`);
      if (existing.status === '已归档') {
        const changed = Object.keys(patch).filter((k) => k !== 'tags' && JSON.stringify(patch[k]) !== JSON.stringify((existing as Record<string, unknown>)[k]));
        if (changed.length) errors.push(`已归档的审查记录不能再修改（第三十三条 归档），只能调整标签；试图修改：${changed.join('、')}`);
      }
    }
    let completedDate = v.completedDate;
    if ((status === '已出具意见' || status === '已归档') && !completedDate) {
      completedDate = t;
      warnings.push(`出具意见日期未填写，按今天 ${t} 记录`);
    }

    // Dates: 最早届满 is computed; a dueDate given by hand (older clients, spreadsheets, bundles)
    // is the unit's deadline.
    const limit = REVIEW_TIME_LIMITS[v.type];
    const dueDate = this.defaultDueDate(v.receivedDate, v.type, cal);
    const unitDeadline = this.unitDeadlineOf({ receivedDate: v.receivedDate, type: v.type, ...(v.dueDate ? { dueDate: v.dueDate } : {}), ...(v.unitDeadline ? { unitDeadline: v.unitDeadline } : {}) }, cal);
    if (unitDeadline) {
      if (unitDeadline < v.receivedDate) errors.push(`单位确定的审查期限（${unitDeadline}）早于收件日期（${v.receivedDate}）`);
      else {
        const wd = cal.workingDaysBetween(v.receivedDate, unitDeadline);
        if (limit.minWorkingDays !== undefined && wd < limit.minWorkingDays) {
          warnings.push(`单位确定的审查期限只留 ${wd} 个工作日，少于${limit.source}“${limit.wording}”（最早届满 ${dueDate}）`);
        }
      }
    }
    if (completedDate && limit.maxWorkingDays !== undefined && completedDate > v.receivedDate) {
      const used = cal.workingDaysBetween(v.receivedDate, completedDate);
      if (used > limit.maxWorkingDays) warnings.push(`收件至出具意见用了 ${used} 个工作日，超过${limit.source}“${limit.wording}”`);
    }
    if (completedDate && completedDate < v.receivedDate) errors.push(`出具意见日期（${completedDate}）早于收件日期（${v.receivedDate}）`);
    if (completedDate && completedDate > t) errors.push(`出具意见日期（${completedDate}）晚于今天（${t}）`);
    const year = Number(v.receivedDate.slice(0, 4));
    if (!cal.covers(year)) warnings.push(`节假日表中没有 ${year} 年：最早届满只跳过了周末，请在节假日表中补充该年`);

    if ((status === '已出具意见' || status === '已归档') && !v.conclusion) errors.push(`状态为“${status}”时须填写审查结论（${['合法', '不合法', '修改后合法', '提示法律风险'].join(' / ')}）`);
    if ((status === '已出具意见' || status === '已归档') && opts.issue !== 'record' && !(v.opinion?.text ?? '').trim()) errors.push(`状态为“${status}”时须填写审查意见正文`);

    for (const p of v.procedures) {
      if (p.date && p.endDate && p.endDate < p.date) errors.push(`程序“${p.check}”的截止日期（${p.endDate}）早于开始日期（${p.date}）`);
      if (p.check === '公众参与' && p.date && p.endDate && p.applicable) {
        const days = toDayNumber(p.endDate) - toDayNumber(p.date) + 1;
        if (days < 30) warnings.push(`公开征求意见期限 ${days} 日，少于第十五条“一般不少于30日”（缩短期限应当说明理由）`);
      }
      if (p.applicable && !p.done && status !== '收件' && status !== '审查中') warnings.push(`程序“${p.check}”尚未履行`);
    }

    // Citations, on the record's date (the opinion's date, else the receipt)
    const date = completedDate || v.receivedDate;
    const kept = new Map<string, Citation>();
    if (existing) for (const s of citationsOfRecord({ ...emptyData(), reviews: { [existing.id]: existing } }, existing.id)) kept.set(citationKey(s.citation), s.citation);
    // the review's texts speak of the document under review (its title is the review's): 本办法第三条 there is its
    // article, linked into its latest 送审稿 version when the workbench has one
    const reviewId = existing?.id ?? (typeof patch.id === 'string' ? patch.id : undefined);
    let onDraft: DraftForLinks | undefined;
    try {
      onDraft = (opts.linkDetected || opts.linkDraft) && reviewId ? this.opts.draftUnderReview?.(reviewId) : undefined;
    } catch (e) {
      warnings.push(`送审稿读取失败，草案条文未链接：${(e as Error).message}`);
    }
    const draft = draftInView(v.title, onDraft);
    type Cited = { text: string; citations: unknown[]; draftCitations?: DraftArticleCitation[] | undefined };
    const cited = (ct: Cited | undefined, where: string, before: Cited | undefined) => {
      const text = ct?.text ?? '';
      let citations = this.resolveAll(ct?.citations ?? [], date, kept, where, errors);
      // a link into the draft the record holds (or the form sends back) keeps the version it was read against
      let draftCitations = ct?.draftCitations ?? before?.draftCitations ?? [];
      if (opts.linkDetected) {
        const mentions: DetectedMention[] = [];
        citations = this.link(text, date, citations, unresolved, undefined, { draft, mentions });
        if (onDraft) draftCitations = draftCitationsOf(mentions, onDraft, [...(before?.draftCitations ?? []), ...(ct?.draftCitations ?? [])]);
      } else if (onDraft) {
        // the draft's articles only: the mentions are read as linkDetected reads them, the law citations left as given
        const mentions = text.trim() ? detectCitations(this.library, text, date, undefined, undefined, { draft }).mentions : [];
        draftCitations = draftCitationsOf(mentions, onDraft, [...(before?.draftCitations ?? []), ...(ct?.draftCitations ?? [])]);
      }
      return { text, citations, ...(draftCitations.length ? { draftCitations } : {}) };
    };
    const findings = {
      authority: cited(v.findings.authority, '权限审查的引用条文', existing?.findings.authority),
      procedure: cited(v.findings.procedure, '程序审查的引用条文', existing?.findings.procedure),
      content: cited(v.findings.content, '内容审查的引用条文', existing?.findings.content),
    };
    const op = cited(v.opinion, '审查意见的引用条文', existing?.opinion);
    const opinion = {
      ...op,
      ...(v.opinion?.adviser ? { adviser: v.opinion.adviser } : {}),
      ...(v.opinion?.adviserRole ? { adviserRole: v.opinion.adviserRole } : {}),
    };
    const citations = this.resolveAll(v.citations, date, kept, '引用条文', errors);
    if (errors.length) throw invalid(`审查记录“${v.title}”不能保存`, errors);
    const attachments = this.storeAttachments(v.attachments, opts.baseDir, errors);
    if (errors.length) throw invalid(`审查记录“${v.title}”不能保存`, errors);

    const record = {
      ...(typeof patch.id === 'string' && !existing ? { id: patch.id } : {}),
      type: v.type,
      title: v.title,
      ...(v.refNo ? { refNo: v.refNo } : {}),
      leadUnit: v.leadUnit,
      receivedDate: v.receivedDate,
      dueDate,
      ...(unitDeadline ? { unitDeadline } : {}),
      ...(completedDate ? { completedDate } : {}),
      materials: v.materials ?? materialsFor(v.type),
      procedures: v.procedures,
      findings,
      opinion,
      ...(v.conclusion ? { conclusion: v.conclusion } : {}),
      ...(v.adopted !== undefined ? { adopted: v.adopted } : {}),
      ...(v.adoptionNote ? { adoptionNote: v.adoptionNote } : {}),
      status,
      tags: [...new Set(v.tags)],
      ...(v.notes ? { notes: v.notes } : {}),
      citations,
      attachments,
    };
    return { record, warnings, unresolved };
  }

  /** A law named in a list (lectures, plan items): its id, or the name itself when not in the library. */
  private lawRef(name: string, warnings: string[], what: string): string {
    if (this.library.law(name)) return name;
    const clean = name.replace(/[《》]/g, '').trim();
    if (codeParts(this.library, clean)) return clean; // 民法典: a code stored as parts; kept by name
    const r = lawByName(this.library, clean);
    if (r.ok) return r.value.id;
    warnings.push(`${what}不在资料库中，按名称记录`);
    return clean;
  }

  private prepareLecture(input: unknown, existing: Lecture | undefined, opts: WriteOptions, data: RecordsFile): Prepared<'lecture'> {
    const patch = checkPatch(LectureInputSchema, input, existing, '学法活动');
    const merged = existing ? { ...stripMeta(existing), ...patch } : patch;
    const v = parseRecord(LectureInputSchema, merged, '学法活动');
    const errors: string[] = [];
    const warnings: string[] = [];
    const unresolved: DetectedMention[] = [];
    const kept = new Map((existing?.citations ?? []).map((c) => [citationKey(c), c] as const));
    let citations = this.resolveAll(v.citations, v.date, kept, '学习的条文', errors);
    if (opts.linkDetected) citations = this.link(`${v.topic}\n${v.notes ?? ''}`, v.date, citations, unresolved);
    const laws = v.laws.map((name) => this.lawRef(name, warnings, `学习的法律“${name}”`));
    if (v.planItemId && !Object.values(data.plans).some((p) => p.items.some((it) => it.id === v.planItemId))) {
      errors.push(`计划事项“${v.planItemId}”不存在（请先建立普法计划，或去掉 planItemId）`);
    }
    if (v.date > this.library.today()) warnings.push(`活动日期 ${v.date} 在今天之后：记录为已计划的活动`);
    if (errors.length) throw invalid(`学法活动“${v.topic}”不能保存`, errors);
    const materials = v.materials.map((m) => {
      const { attachment, ...rest } = m;
      if (!attachment) return rest;
      const [a] = this.storeAttachments([attachment], opts.baseDir, errors);
      return a ? { ...rest, attachment: a } : rest;
    });
    if (errors.length) throw invalid(`学法活动“${v.topic}”不能保存`, errors);
    const { materials: _m, citations: _c, laws: _l, ...fields } = v;
    return {
      record: { ...(typeof patch.id === 'string' && !existing ? { id: patch.id } : {}), ...fields, tags: [...new Set(v.tags)], laws: [...new Set(laws)], materials, citations },
      warnings,
      unresolved,
    };
  }

  private preparePlan(input: unknown, existing: StudyPlan | undefined): Prepared<'plan'> {
    const patch = checkPatch(StudyPlanInputSchema, input, existing, '普法计划');
    const merged = existing ? { ...stripMeta(existing), ...patch } : patch;
    const v = parseRecord(StudyPlanInputSchema, merged, '普法计划');
    const errors: string[] = [];
    const warnings: string[] = [];
    const items = v.items.map((it) => ({
      ...it,
      laws: it.laws.map((name) => this.lawRef(name, warnings, `计划事项“${it.topic}”中的法律“${name}”`)),
    }));
    const ids = items.map((i) => i.id).filter(Boolean);
    if (new Set(ids).size !== ids.length) errors.push('计划事项的编号（id）有重复');
    if (errors.length) throw invalid(`普法计划“${v.title}”不能保存`, errors);
    // item ids are assigned at commit, when the plan's id is known
    return { record: { ...(typeof patch.id === 'string' && !existing ? { id: patch.id } : {}), ...v, tags: [...new Set(v.tags)], items: items as StudyPlan['items'] }, warnings, unresolved: [] };
  }

  private prepareNote(input: unknown, existing: Note | undefined, opts: WriteOptions): Prepared<'note'> {
    const patch = checkPatch(NoteInputSchema, input, existing, '笔记');
    const merged = existing ? { ...stripMeta(existing), ...patch } : patch;
    const v = parseRecord(NoteInputSchema, merged, '笔记');
    const errors: string[] = [];
    const unresolved: DetectedMention[] = [];
    const date = v.date ?? this.library.today();
    if (v.target && !this.library.law(v.target.lawId)) errors.push(`笔记对象中的法规 ${v.target.lawId} 不在资料库中`);
    if (v.target?.versionId && !this.library.version(v.target.versionId)) errors.push(`笔记对象中的版本 ${v.target.versionId} 不在资料库中`);
    const kept = new Map((existing?.citations ?? []).map((c) => [citationKey(c), c] as const));
    let citations = this.resolveAll(v.citations, date, kept, '引用条文', errors);
    if (opts.linkDetected && !errors.length) citations = this.link(v.text, date, citations, unresolved, v.target?.lawId);
    if (errors.length) throw invalid('笔记不能保存', errors);
    return { record: { ...(typeof patch.id === 'string' && !existing ? { id: patch.id } : {}), ...v, date, tags: [...new Set(v.tags)], citations }, warnings: [], unresolved };
  }

  private prepareCollection(input: unknown, existing: Collection | undefined): Prepared<'collection'> {
    const patch = checkPatch(CollectionInputSchema, input, existing, '收藏夹');
    const merged = existing ? { ...stripMeta(existing), ...patch } : patch;
    const v = parseRecord(CollectionInputSchema, merged, '收藏夹');
    const errors = v.items.filter((t) => !this.library.law(t.lawId)).map((t) => `法规 ${t.lawId} 不在资料库中`);
    if (errors.length) throw invalid(`收藏夹“${v.name}”不能保存`, errors);
    return { record: { ...(typeof patch.id === 'string' && !existing ? { id: patch.id } : {}), ...v }, warnings: [], unresolved: [] };
  }

  private prepare<K extends RecordKind>(kind: K, input: unknown, existing: RecordOfKind[K] | undefined, opts: WriteOptions, data: RecordsFile): Prepared<K> {
    // Typed text (a form, a spreadsheet, a bundle from another machine) with terminal escapes, NUL,
    // direction overrides or half an emoji is refused naming the field; stored records are not
    // re-judged here (a record saved before this check still opens).
    const unsafe = [...unsafeTextFields(input), ...implausibleDateFields(input)];
    if (unsafe.length) throw invalid(`${KIND_NAME[kind]}填写有误`, unsafe.map(([path, why]) => `${issuePathInWords(path, RECORD_ISSUE_FORMAT.labels)}：${why}`));
    switch (kind) {
      case 'review': {
        const p = this.prepareReview(input, existing as LegalityReview | undefined, opts);
        // a second 新建 of one 送审件 (same title, same 收件日期): said, not refused (review-duplicate.ts)
        if (!existing) p.warnings.push(...duplicateReviews(Object.values(data.reviews), p.record).map(duplicateReviewSentence));
        return p as Prepared<K>;
      }
      case 'lecture':
        return this.prepareLecture(input, existing as Lecture | undefined, opts, data) as Prepared<K>;
      case 'plan':
        return this.preparePlan(input, existing as StudyPlan | undefined) as Prepared<K>;
      case 'note':
        return this.prepareNote(input, existing as Note | undefined, opts) as Prepared<K>;
      default:
        return this.prepareCollection(input, existing as Collection | undefined) as Prepared<K>;
    }
  }

  // ───────────── committing ─────────────

  /** Who is making changes when no one is named (the change log's "who"). */
  actorName(): string {
    return this.actor({});
  }

  /** The computer's user name: who the change log names when no 经办人 is set (设置 → 署名). */
  accountName(): string {
    try {
      return userInfo().username;
    } catch {
      return 'unknown';
    }
  }

  private actor(opts: WriteOptions): string {
    if (opts.by) return opts.by;
    const actor = typeof this.opts.actor === 'function' ? this.opts.actor() : this.opts.actor;
    return actor || this.accountName();
  }

  private nextId(data: RecordsFile, kind: RecordKind, year: string): string {
    const prefix = `${ID_PREFIX[kind]}${year}-`;
    const used = Object.keys(data[COLLECTION_KEY[kind]]).filter((id) => id.startsWith(prefix));
    let n = used.reduce((m, id) => Math.max(m, Number(id.slice(prefix.length)) || 0), 0) + 1;
    const width = kind === 'plan' ? 2 : 3;
    while (used.includes(prefix + String(n).padStart(width, '0'))) n++;
    return prefix + String(n).padStart(width, '0');
  }

  private yearOf(kind: RecordKind, r: Record<string, unknown>): string {
    const d = kind === 'review' ? r.receivedDate : kind === 'plan' ? String(r.year) : kind === 'collection' ? '' : r.date;
    return String(d ?? '').slice(0, 4);
  }

  /** Adds a prepared record to `data` (a draft inside a commit); returns the stored record. */
  private place<K extends RecordKind>(data: RecordsFile, kind: K, prepared: Prepared<K>, existing: RecordOfKind[K] | undefined, opts: WriteOptions, action: ChangeEntry['action']): RecordOfKind[K] {
    const coll = data[COLLECTION_KEY[kind]] as Record<string, RecordOfKind[K]>;
    const at = this.library.now().toISOString();
    const by = this.actor(opts);
    const { id: wantedId, ...body } = prepared.record as { id?: string } & Record<string, unknown>;
    let id: string;
    if (existing) id = existing.id;
    else if (wantedId) {
      if (!ID_RE.test(wantedId)) throw invalid(`${KIND_NAME[kind]}不能保存`, [`编号“${wantedId}”只能由字母、数字、点、横线组成`]);
      if (coll[wantedId] || data.log[wantedId]) throw invalid(`${KIND_NAME[kind]}不能保存`, [`编号“${wantedId}”已被使用`]);
      id = wantedId;
    } else id = this.nextId(data, kind, this.yearOf(kind, body));
    if (kind === 'plan') {
      const items = body.items as StudyPlan['items'];
      let n = items.reduce((m, it) => Math.max(m, it.id?.startsWith(id + '.') ? Number(it.id.slice(id.length + 1)) || 0 : 0), 0);
      for (const it of items) if (!it.id) it.id = `${id}.${++n}`;
    }
    const record = {
      id,
      revision: (existing?.revision ?? 0) + 1,
      createdAt: existing?.createdAt ?? at,
      createdBy: existing?.createdBy ?? by,
      updatedAt: at,
      updatedBy: by,
      ...body,
    } as unknown as RecordOfKind[K];
    const changes = diffRecords(existing ? JSON.parse(JSON.stringify(existing)) : {}, JSON.parse(JSON.stringify(record)));
    if (existing && changes.length === 0) return existing; // nothing changed: no new revision
    coll[id] = record;
    const log = (data.log[id] ??= []);
    const statusChange = existing && changes.length === 1 && changes[0]!.path === 'status';
    log.push({ seq: log.length + 1, at, by, action: statusChange ? 'status' : action, ...(opts.note ? { note: opts.note } : {}), changes });
    return record;
  }

  private async save<K extends RecordKind>(kind: K, id: string | undefined, input: unknown, opts: WriteOptions = {}): Promise<SaveResult<RecordOfKind[K]>> {
    return this.records.mutate((data) => {
      const existing = id ? (own(data[COLLECTION_KEY[kind]], id) as RecordOfKind[K] | undefined) : undefined;
      if (id && !existing) throw new RecordsError('NOT_FOUND', `没有找到${KIND_NAME[kind]} ${id}`);
      if (existing && opts.expectedRevision !== undefined && existing.revision !== opts.expectedRevision) {
        throw new RecordsError('CONFLICT', `${KIND_NAME[kind]} ${id} 已被他人修改（当前第 ${existing.revision} 版，你编辑的是第 ${opts.expectedRevision} 版），请刷新后再改`);
      }
      const prepared = this.prepare(kind, input, existing, opts, data);
      const record = this.place(data, kind, prepared, existing, opts, existing ? 'update' : 'create');
      return { record, warnings: prepared.warnings, unresolved: prepared.unresolved };
    });
  }

  /**
   * What saving `input` (a new record, or a patch of `id`) would say, without saving: the refusals
   * and the warnings of the same rules a save applies. The forms show these instead of re-coding
   * the rules (30-day 公开征求意见, conclusion required, deadlines …). `fields`: the schema's
   * problems field by field (shared/record-form.ts, the check the app's forms run before asking).
   */
  async validate(kind: RecordFormKind, input: unknown, id?: string): Promise<{ errors: string[]; warnings: string[]; fields: FieldIssue[] }> {
    const data = await this.records.data();
    const existing = id ? (own(data[COLLECTION_KEY[kind]], id) as RecordOfKind[typeof kind] | undefined) : undefined;
    if (id && !existing) throw new RecordsError('NOT_FOUND', `没有找到${KIND_NAME[kind]} ${id}`);
    const fields = recordFormIssues(kind, input, !!existing);
    try {
      const p = this.prepare(kind, input, existing, {}, structuredClone(data));
      return { errors: [], warnings: p.warnings, fields };
    } catch (e) {
      if (e instanceof RecordsError && e.code === 'INVALID') return { errors: e.issues.length ? e.issues : [e.summary], warnings: [], fields };
      throw e;
    }
  }

  // ───────────── the API: one create/update/get/list/history per record type ─────────────

  createReview(input: unknown, opts?: WriteOptions) {
    return this.save('review', undefined, input, opts);
  }
  updateReview(id: string, patch: unknown, opts?: WriteOptions) {
    return this.save('review', id, patch, opts);
  }
  /**
   * 记为已出具: the 意见书 went out on `date` (出具日期, the office's calendar day), under `refNo` (its 文号)
   * when given. The review becomes 已出具意见 with that date — what the 年度报告 counts as issued
   * (year-scope.ts opinionDate). Called again with another date it corrects the date. The usual rules
   * hold (a conclusion, not before receipt, not after today), except that the 意见书 made from the
   * record's findings stands for the 审查意见正文.
   */
  async recordOpinionIssued(id: string, issued: { date: string; refNo?: string }, opts: Omit<WriteOptions, 'issue'> = {}) {
    const refNo = issued.refNo?.trim();
    const before = await this.getReview(id);
    if (before.status === '已归档') throw new RecordsError('INVALID', `审查记录 ${id} 已归档，出具记录不能再修改`);
    const again = before.status === '已出具意见';
    const note = again ? `更正出具日期：${before.completedDate ?? '未记'} → ${issued.date}` : `记为已出具意见（${issued.date}${refNo ? `，${refNo}` : ''}）`;
    return this.save('review', id, { status: '已出具意见', completedDate: issued.date, ...(refNo ? { refNo } : {}) }, { note, ...opts, issue: 'record' });
  }
  /** Undoes 记为已出具 (clicked by mistake, the opinion not sent after all): back to 审查中, without 出具日期. */
  async withdrawOpinionIssued(id: string, opts: Omit<WriteOptions, 'issue'> = {}) {
    const before = await this.getReview(id);
    if (before.status !== '已出具意见') throw new RecordsError('INVALID', `审查记录 ${id} 的状态是“${before.status}”，没有可撤销的出具记录`);
    return this.save('review', id, { status: '审查中' }, { note: `撤销出具记录（原出具日期 ${before.completedDate ?? '未记'}）`, ...opts, issue: 'withdraw' });
  }
  setReviewStatus(id: string, status: ReviewStatus, extra: Record<string, unknown> = {}, opts?: WriteOptions) {
    return this.save('review', id, { ...extra, status }, opts);
  }
  createLecture(input: unknown, opts?: WriteOptions) {
    return this.save('lecture', undefined, input, opts);
  }
  updateLecture(id: string, patch: unknown, opts?: WriteOptions) {
    return this.save('lecture', id, patch, opts);
  }
  createPlan(input: unknown, opts?: WriteOptions) {
    return this.save('plan', undefined, input, opts);
  }
  updatePlan(id: string, patch: unknown, opts?: WriteOptions) {
    return this.save('plan', id, patch, opts);
  }
  createNote(input: unknown, opts?: WriteOptions) {
    return this.save('note', undefined, input, opts);
  }
  updateNote(id: string, patch: unknown, opts?: WriteOptions) {
    return this.save('note', id, patch, opts);
  }
  createCollection(input: unknown, opts?: WriteOptions) {
    return this.save('collection', undefined, input, opts);
  }
  updateCollection(id: string, patch: unknown, opts?: WriteOptions) {
    return this.save('collection', id, patch, opts);
  }

  /** Attaches a file (the opinion DOCX/PDF, a draft) to a review; the file is kept by its hash. */
  async attachToReview(id: string, file: string, opts: WriteOptions & { name?: string } = {}): Promise<SaveResult<LegalityReview>> {
    const r = await this.get('review', id);
    const input = { path: file, ...(opts.name ? { name: opts.name } : {}) };
    return this.save('review', id, { attachments: [...r.attachments, input] }, { ...opts, note: opts.note ?? '添加附件' });
  }

  async get<K extends RecordKind>(kind: K, id: string): Promise<RecordOfKind[K]> {
    const r = own((await this.records.data())[COLLECTION_KEY[kind]], id) as RecordOfKind[K] | undefined;
    if (!r) throw new RecordsError('NOT_FOUND', `没有找到${KIND_NAME[kind]} ${id}`);
    return r;
  }
  async getReview(id: string): Promise<ReviewView> {
    return this.reviewView(await this.get('review', id));
  }
  getLecture(id: string) {
    return this.get('lecture', id);
  }
  getPlan(id: string) {
    return this.get('plan', id);
  }
  getNote(id: string) {
    return this.get('note', id);
  }

  /** The append-only change log of a record, oldest first. */
  async history(id: string): Promise<ChangeEntry[]> {
    const log = own((await this.records.data()).log, id);
    if (!log) throw new RecordsError('NOT_FOUND', `没有找到记录 ${id} 的修改记录`);
    return log;
  }

  private reviewView(r: LegalityReview, cal: WorkCalendar = this.calendar): ReviewView {
    const t = this.today();
    const open = r.status === '收件' || r.status === '审查中';
    const deadline = this.unitDeadlineOf(r, cal);
    const view: ReviewView = { ...r, dueDate: this.defaultDueDate(r.receivedDate, r.type, cal), ...(deadline ? { unitDeadline: deadline } : {}), overdue: open && !!deadline && t > deadline };
    if (r.completedDate && deadline) view.onTime = r.completedDate <= deadline;
    if (open && deadline) {
      view.workingDaysLeft = t <= deadline ? cal.workingDaysBetween(t, deadline) : -cal.workingDaysBetween(deadline, t);
    }
    return view;
  }

  async listReviews(filter: ReviewFilter = {}): Promise<ReviewView[]> {
    const f = parseWith(ReviewFilterSchema, filter, '筛选条件');
    const q = f.q?.trim();
    const cal = this.calendar;
    return Object.values((await this.records.data()).reviews)
      .filter((r) => (!f.year || r.receivedDate.startsWith(String(f.year))) && (!f.type || r.type === f.type) && (!f.status || r.status === f.status))
      .filter((r) => !q || [r.title, r.refNo ?? '', r.leadUnit, r.opinion.text, ...r.tags].some((s) => s.includes(q)))
      .map((r) => this.reviewView(r, cal))
      .filter((r) => f.overdue === undefined || r.overdue === f.overdue)
      .sort((a, b) => b.receivedDate.localeCompare(a.receivedDate) || b.id.localeCompare(a.id));
  }

  async listLectures(filter: LectureFilter = {}): Promise<Lecture[]> {
    const f = parseWith(LectureFilterSchema, filter, '筛选条件');
    const q = f.q?.trim();
    return Object.values((await this.records.data()).lectures)
      .filter((l) => (!f.year || l.date.startsWith(String(f.year))) && (!f.kind || l.kind === f.kind))
      .filter((l) => !q || [l.topic, l.speaker?.name ?? '', l.audience ?? '', ...l.tags].some((s) => s.includes(q)))
      .sort((a, b) => b.date.localeCompare(a.date) || b.id.localeCompare(a.id));
  }

  async listPlans(filter: { year?: number } = {}): Promise<StudyPlan[]> {
    return Object.values((await this.records.data()).plans)
      .filter((p) => !filter.year || p.year === filter.year)
      .sort((a, b) => b.year - a.year || a.id.localeCompare(b.id));
  }

  async listNotes(filter: { lawId?: string; tag?: string } = {}): Promise<Note[]> {
    return Object.values((await this.records.data()).notes)
      .filter((n) => (!filter.lawId || n.target?.lawId === filter.lawId || n.citations.some((c) => c.lawId === filter.lawId)) && (!filter.tag || n.tags.includes(filter.tag)))
      .sort((a, b) => b.date.localeCompare(a.date) || b.id.localeCompare(a.id));
  }

  async listCollections(): Promise<Collection[]> {
    return Object.values((await this.records.data()).collections).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  }

  /** Every tag in use, with how many records carry it. */
  async tags(): Promise<{ tag: string; count: number }[]> {
    const data = await this.records.data();
    const counts = new Map<string, number>();
    for (const key of Object.values(COLLECTION_KEY)) for (const r of Object.values(data[key])) for (const t of r.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
    return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag, 'zh-CN'));
  }

  /** The year's statistics as they stood on `asOf` (default today): later sessions are only planned. */
  async stats(year: number, asOf?: string): Promise<AnnualStats> {
    parseWith(z.number().int().min(1990).max(2200), year, '年度');
    const day = asOf === undefined ? this.today() : parseWith(z.iso.date(), asOf, '日期');
    const cal = this.calendar;
    return annualStats(await this.records.data(), this.library, year, day, (r) => this.unitDeadlineOf(r, cal));
  }

  // ───────────── bulk ─────────────

  /**
   * Imports a bundle {plans, lectures, reviews, notes} in one commit: all or nothing. Records may
   * carry their own ids (a lecture's planItemId can then name an item of a plan in the same bundle).
   */
  async importBundle(input: unknown, opts: WriteOptions = {}): Promise<{ created: Record<string, string[]>; warnings: string[]; unresolved: DetectedMention[] }> {
    const bundle = parseWith(BundleSchema, input, '导入文件');
    return this.records.mutate((data) => {
      const created: Record<string, string[]> = { plans: [], lectures: [], reviews: [], notes: [] };
      const warnings: string[] = [];
      const unresolved: DetectedMention[] = [];
      const errors: string[] = [];
      const order: [RecordKind, 'plans' | 'lectures' | 'reviews' | 'notes'][] = [
        ['plan', 'plans'],
        ['lecture', 'lectures'],
        ['review', 'reviews'],
        ['note', 'notes'],
      ];
      for (const [kind, key] of order) {
        bundle[key].forEach((item, i) => {
          try {
            const p = this.prepare(kind, item, undefined, opts, data);
            const r = this.place(data, kind, p, undefined, opts, 'import');
            created[key]!.push(r.id);
            warnings.push(...p.warnings.map((w) => `${r.id}：${w}`));
            unresolved.push(...p.unresolved);
          } catch (e) {
            if (!(e instanceof RecordsError)) throw e;
            errors.push(`${key} 第 ${i + 1} 条：${e.message}`);
          }
        });
      }
      if (errors.length) throw invalid('导入失败，未保存任何记录', errors);
      return { created, warnings, unresolved };
    });
  }

  /**
   * Past reviews from a CSV/XLSX sheet: columns mapped by header (or `mapping` 列名 → 字段), rows
   * that cannot be read reported with their row number; the readable rows saved in one commit.
   */
  async importSpreadsheet(
    file: string,
    opts: WriteOptions & { mapping?: Record<string, ImportField>; dryRun?: boolean; allOrNothing?: boolean } = {},
  ): Promise<ImportResult & { mapping: Record<string, ImportField>; unmapped: string[]; rows: number }> {
    const { headers, rows } = await readSheet(file);
    if (rows.length === 0) throw new RecordsError('INVALID', '表格中没有数据行（第 1 行应为表头）');
    const conv = rowsToReviewInputs(headers, rows, opts.mapping ?? {});
    const missing = (['title', 'receivedDate'] as const).filter((f) => !Object.values(conv.mapping).includes(f));
    if (missing.length) {
      throw new RecordsError('INVALID', `表头中找不到${missing.map((f) => (f === 'title' ? '“标题/事项名称”' : '“收件日期”')).join('和')}列，请用 --map 列名=字段 指定；表头为：${headers.join('、')}`);
    }
    // With allOrNothing, a row unreadable already (bad date, unknown type) means: validate the rest, save none.
    const blocked = !!opts.allOrNothing && conv.failed.length > 0;
    const result = await this.importReviews(conv.inputs, { ...opts, ...(blocked ? { dryRun: true } : {}) });
    let out: ImportResult = { ...result, failed: [...conv.failed, ...result.failed].sort((a, b) => a.row - b.row) };
    if (blocked) {
      out = { ...out, dryRun: !!opts.dryRun, skipped: [...out.skipped, ...result.imported.map((x) => ({ row: x.row, reason: '因其他行有错误，未保存（全部或全不）' }))], imported: [] };
    }
    return { ...out, mapping: conv.mapping, unmapped: conv.unmapped, rows: rows.length };
  }

  /**
   * Validates review inputs (from a spreadsheet) and saves the good ones in one commit. Rows already
   * in the library (same 文号, or same title and receipt date) are skipped, so re-importing a fixed
   * sheet does not duplicate. With allOrNothing, one bad row saves nothing.
   */
  async importReviews(
    rows: { row: number; input: unknown }[],
    opts: WriteOptions & { dryRun?: boolean; allOrNothing?: boolean } = {},
  ): Promise<ImportResult> {
    const run = (data: RecordsFile): ImportResult => {
      const result: ImportResult = { imported: [], skipped: [], failed: [], warnings: [], dryRun: !!opts.dryRun };
      for (const { row, input } of rows) {
        try {
          const p = this.prepare('review', input, undefined, { ...opts, linkDetected: opts.linkDetected ?? true }, data);
          const r = p.record as LegalityReview;
          const dup = Object.values(data.reviews).find((x) => (r.refNo && x.refNo === r.refNo) || (x.title === r.title && x.receivedDate === r.receivedDate));
          if (dup) {
            result.skipped.push({ row, reason: `与已有记录 ${dup.id} 重复（文号或标题+收件日期相同）` });
            continue;
          }
          const placed = this.place(data, 'review', p, undefined, opts, 'import');
          result.imported.push({ row, id: placed.id, title: placed.title });
          result.warnings.push(...p.warnings.map((w) => ({ row, message: w })));
          for (const u of p.unresolved) result.warnings.push({ row, message: `未能链接的引用“${u.text}”：${u.reason}` });
        } catch (e) {
          if (!(e instanceof RecordsError)) throw e;
          result.failed.push({ row, reason: e.issues.length ? e.issues.join('；') : e.summary });
        }
      }
      return result;
    };
    if (opts.dryRun) return run(structuredClone(await this.records.data()));
    let outcome: ImportResult | undefined;
    try {
      await this.records.mutate((data) => {
        outcome = run(data);
        if (outcome.imported.length === 0 || (opts.allOrNothing && outcome.failed.length)) throw new NothingToSave();
      });
    } catch (e) {
      if (!(e instanceof NothingToSave)) throw e;
      if (outcome && opts.allOrNothing && outcome.failed.length) {
        outcome = { ...outcome, skipped: [...outcome.skipped, ...outcome.imported.map((x) => ({ row: x.row, reason: '因其他行有错误，未保存（全部或全不）' }))], imported: [] };
      }
    }
    return outcome!;
  }
}

export interface ImportResult {
  imported: { row: number; id: string; title: string }[];
  skipped: { row: number; reason: string }[];
  failed: { row: number; reason: string }[];
  warnings: { row: number; message: string }[];
  dryRun: boolean;
}

class NothingToSave extends Error {}

function dropUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function emptyData(): RecordsFile {
  return { schemaVersion: 1, generation: 0, reviews: {}, lectures: {}, plans: {}, notes: {}, collections: {}, register: {}, log: {} };
}

export function kindOfId(id: string): RecordKind {
  const k = (Object.keys(ID_PREFIX) as RecordKind[]).find((kind) => id.startsWith(ID_PREFIX[kind]));
  if (!k) throw new RecordsError('NOT_FOUND', `看不出记录 ${id} 的类型（审查记录以 R 开头，学法活动 L，计划 P，笔记 N）`);
  return k;
}

function fileStamp(path: string): string {
  if (!existsSync(path)) return 'none';
  const st = statSync(path);
  return `${st.mtimeMs}:${st.size}:${st.ino}`;
}

function readHolidayFile(path: string): HolidayFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new RecordsError('CORRUPT', `节假日表 ${path} 不是有效的 JSON（${(e as Error).message}）`);
  }
  const r = HolidayFileSchema.safeParse(raw);
  if (!r.success) throw new RecordsError('INVALID', `节假日表 ${path} 格式不对`, describeIssues(r.error, raw));
  const conflicts = emptyYearProblems(r.data.holidays, r.data.emptyYears);
  if (conflicts.length) throw new RecordsError('INVALID', `节假日表 ${path} 自相矛盾`, conflicts);
  return r.data;
}
