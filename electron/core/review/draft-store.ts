// The 送审稿 under review, kept with its review record and never in the law library: the file
// itself is a review attachment (by content hash), its parsed articles and the adviser's
// decisions live in workbench/<reviewId>.json (written atomically under the library's writer
// lock). A review may hold several versions of the draft; the workbench diffs any two.
// Invariant: a file that cannot be read or has no articles is refused before anything is written.

import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { errnoCode, formatIssue, type ErrorCode } from '../../shared/errors';
import type { Article } from '../../shared/law-model';
import type { OcrDoubtfulPage } from '../../shared/ocr-page-doubt';
import type { OcrTurnedPage } from '../../shared/ocr-page-turn';
import { DecisionSchema, DraftVersionSchema, ReopenedSchema, type Decision, type DraftDiffRow, type DraftVersion, type Reopened } from '../../shared/review-workbench';
import { extractDocument } from '../importers/extract-document';
import { ExtractError, NeedsOcr } from '../importers/extracted-document';
import type { OcrOptions } from '../importers/ocr-engine';
import { markOcrUnits } from '../importers/ocr-text';
import { checkedUnits } from '../library/ocr-verify';
import { scanPageOf, type ScanPage } from '../library/ocr-scan-page';
import { writeFileAtomic } from '../library/atomic-file';
import { sha256 } from '../library/law-identity';
import type { LibraryStore } from '../library/library-store';
import { parseLawText } from '../parse/law-structure-parser';
import { RecordsError } from '../records/records-errors';
import type { RecordsService } from '../records/records-service';
import { mapArticles } from '../versions/article-mapping';
import { diffChars } from '../versions/char-diff';
import { splitSentences } from './draft-sentences';

export { DraftVersionSchema, type DraftVersion } from '../../shared/review-workbench';

export const WorkbenchFileSchema = z.object({
  schemaVersion: z.literal(1),
  reviewId: z.string(),
  drafts: z.array(DraftVersionSchema),
  /** By finding id (or `fc:<code>` for a 公平竞争审查 checklist item). */
  decisions: z.record(z.string(), DecisionSchema),
  /** Findings of a newer version whose sentence changed after the previous version was decided (by new finding id). */
  reopened: z.record(z.string(), ReopenedSchema).default({}),
  log: z.array(z.object({ at: z.string(), by: z.string(), action: z.string(), note: z.string() })),
});
export type WorkbenchFile = z.infer<typeof WorkbenchFileSchema>;

/** A parsed draft, before it is stored. */
export interface ParsedDraft {
  name: string;
  title: string;
  format: string;
  units: Article[];
  /** The lines above the first article (a contract's 甲方：…、乙方：…), which the rules also read. */
  header: string[];
  warnings: string[];
  bytes: Uint8Array;
  /** A scan read by OCR: its pages (the units then carry suspects and ocrRegions). */
  ocrPages?: number;
  /** A scan's pages read too poorly to trust as a whole (importers/ocr-page-doubt.ts). */
  ocrDoubtfulPages?: OcrDoubtfulPage[];
  /** A scan's pages turned upright before they were read (importers/ocr-orientation.ts). */
  ocrTurnedPages?: OcrTurnedPage[];
}

/**
 * How a scanned 送审稿 is read: OCR (the library's engine, per-page progress and cancel) with
 * `onScan` told its page count before recognition starts, so a face can run it in the background;
 * or false to refuse it with the way on.
 */
export type DraftOcr = false | (OcrOptions & { onScan?: (pages: number) => void });

const MAX_DRAFT_BYTES = 50 * 1024 * 1024;

function fileError(name: string, why: string, code: ErrorCode = 'INVALID'): RecordsError {
  return new RecordsError(code, `送审稿“${name}”${why}`, [], { file: name });
}

/** Reads and parses a 送审稿 with the law-structure parser; throws a RecordsError naming the file. */
export async function parseDraftBytes(bytes: Uint8Array, name: string, opts: { ocr?: DraftOcr } = {}): Promise<ParsedDraft> {
  let doc;
  const ocr = opts.ocr ?? {};
  try {
    // 'estimate': a scan is told apart (NeedsOcr, its pages counted) without being read; a file with some
    // text pages is read as before, its picture pages left out (and said so in its warnings); a scan
    // is recognised as the library's import does it, its text then marked 待核对 until checked.
    doc = await extractDocument(bytes, name, { ocr: 'estimate' }).catch((e: unknown) => {
      if (e instanceof NeedsOcr && e.pages < e.totalPages) return extractDocument(bytes, name);
      if (e instanceof NeedsOcr && ocr) {
        const { onScan, ...engine } = ocr;
        onScan?.(e.pages);
        return extractDocument(bytes, name, { ocr: engine });
      }
      throw e;
    });
  } catch (e) {
    if (e instanceof NeedsOcr) throw fileError(name, `是扫描件或图片（${e.pages} 页，没有文字层），未进行文字识别：请在审查工作台上传（将识别其文字，识别文本需核对），或向送审单位索要 Word 文档或可复制文字的 PDF`);
    if (e instanceof ExtractError && e.code === 'CANCELLED') throw fileError(name, '的文字识别已取消，未添加送审稿', 'CANCELLED');
    if (e instanceof ExtractError) throw fileError(name, `无法读取：${e.message}`);
    throw fileError(name, `无法读取：${(e as Error).message.split('\n')[0]}`);
  }
  const parsed = parseLawText(doc.text, { format: doc.format === 'md' || doc.markup === 'md' ? 'md' : 'txt' });
  const units = parsed.units.filter((u) => u.kind === 'article' || u.kind === 'section' || u.kind === 'appendix');
  if (!units.some((u) => u.kind === 'article' || u.kind === 'section')) {
    throw fileError(name, '中没有找到条文：送审稿应按“第一条”“第二条”或“一、”“二、”分条分段，才能逐条审查');
  }
  const header = parsed.units.filter((u) => u.kind === 'preamble').flatMap((u) => u.text.split('\n').map((l) => l.trim()).filter(Boolean));
  if (doc.ocr) markOcrUnits(units, doc.ocr);
  return { name, title: parsed.title || name, format: doc.format, units, header, warnings: [...doc.warnings, ...parsed.warnings], bytes, ...(doc.ocr ? { ocrPages: doc.ocr.pages } : {}), ...(doc.ocr?.doubtfulPages?.length ? { ocrDoubtfulPages: doc.ocr.doubtfulPages } : {}), ...(doc.ocr?.turnedPages?.length ? { ocrTurnedPages: doc.ocr.turnedPages } : {}) };
}

/** A 送审稿's bytes, with the file-level refusals (missing, a folder, too large) naming the file. */
function readDraftFile(file: string, name: string): Uint8Array {
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw fileError(name, '是一个文件夹，不是文件');
    if (st.size > MAX_DRAFT_BYTES) throw fileError(name, `过大（${(st.size / 1024 / 1024).toFixed(1)} MB，上限 50 MB）`);
    return readFileSync(file);
  } catch (e) {
    if (e instanceof RecordsError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw fileError(name, code === 'ENOENT' ? '不存在' : code === 'EACCES' || code === 'EPERM' ? '没有读取权限' : `无法读取（${code ?? (e as Error).message}）`, errnoCode(e));
  }
}

export async function parseDraftFile(file: string, name = basename(file), opts: { ocr?: DraftOcr } = {}): Promise<ParsedDraft> {
  return parseDraftBytes(readDraftFile(file, name), name, opts);
}

export type { DraftDiffRow } from '../../shared/review-workbench';

const sentenceKey = (t: string) => t.replace(/\s+/g, '');

/** Each side's sentences, marked when the other side has no sentence of the same text (spaces aside). */
function markSentences(oldText: string, newText: string): NonNullable<DraftDiffRow['sentences']> {
  const a = splitSentences(oldText).map((s) => s.text);
  const b = splitSentences(newText).map((s) => s.text);
  const inA = new Set(a.map(sentenceKey));
  const inB = new Set(b.map(sentenceKey));
  return { from: a.map((text) => ({ text, changed: !inB.has(sentenceKey(text)) })), to: b.map((text) => ({ text, changed: !inA.has(sentenceKey(text)) })) };
}

/**
 * What changed between two versions of a draft, article by article (the library's version
 * mapping), with character runs and the changed sentences of each changed article.
 */
export function diffDraftVersions(a: DraftVersion, b: DraftVersion): DraftDiffRow[] {
  const ua = new Map(a.units.map((u) => [u.key, u]));
  const ub = new Map(b.units.map((u) => [u.key, u]));
  const side = (m: Map<string, (typeof a.units)[number]>, keys: string[]) => keys.map((k) => ({ key: k, label: m.get(k)!.label, text: m.get(k)!.text }));
  return mapArticles(a.units as Article[], b.units as Article[]).map((m) => {
    const from = side(ua, m.from);
    const to = side(ub, m.to);
    const oldText = from.map((s) => s.text).join('\n');
    const newText = to.map((s) => s.text).join('\n');
    const changed = oldText !== newText && from.length > 0 && to.length > 0;
    return { kind: m.kind, from, to, ...(changed ? { runs: diffChars(oldText, newText), sentences: markSentences(oldText, newText) } : {}) };
  });
}

function workbenchPath(libraryDir: string, reviewId: string): string {
  if (!/^[A-Za-z0-9._-]+$/.test(reviewId)) throw new RecordsError('INVALID', `审查记录编号“${reviewId}”不合格式`);
  return join(libraryDir, 'workbench', `${reviewId}.json`);
}

/** A review's workbench (an empty one when nothing was opened yet); validated when read. */
function readWorkbench(libraryDir: string, reviewId: string): WorkbenchFile {
  const file = workbenchPath(libraryDir, reviewId);
  if (!existsSync(file)) return { schemaVersion: 1, reviewId, drafts: [], decisions: {}, reopened: {}, log: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new RecordsError('CORRUPT', `审查工作台文件 ${file} 已损坏：${(e as Error).message}`);
  }
  const r = WorkbenchFileSchema.safeParse(raw);
  if (!r.success) throw new RecordsError('CORRUPT', `审查工作台文件 ${file} 的内容不合格式：${formatIssue(r.error.issues[0]!, {}, raw)}`, [], { file });
  return r.data;
}

/** The review's latest 送审稿 version, if one was added: what its record's 草案第八条 links into (RecordsService's draftUnderReview). */
export function latestDraftOf(libraryDir: string, reviewId: string): DraftVersion | undefined {
  return readWorkbench(libraryDir, reviewId).drafts.at(-1);
}

/** Every 送审稿 version of the review, oldest first (none added: empty): what its draft links are read against. */
export function draftsOf(libraryDir: string, reviewId: string): DraftVersion[] {
  return readWorkbench(libraryDir, reviewId).drafts;
}

export class DraftStore {
  readonly dir: string;
  constructor(
    private readonly library: LibraryStore,
    private readonly records: RecordsService,
  ) {
    this.dir = join(library.dir, 'workbench');
  }

  private pathOf(reviewId: string): string {
    return workbenchPath(this.library.dir, reviewId);
  }

  /** The review's workbench (an empty one when nothing was opened yet); validated when read. */
  read(reviewId: string): WorkbenchFile {
    return readWorkbench(this.library.dir, reviewId);
  }

  /** Re-reads under the writer lock, applies `change`, writes atomically. */
  async mutate<T>(reviewId: string, change: (w: WorkbenchFile) => T): Promise<T> {
    const lock = this.library.lock;
    if (!lock.tryAcquire()) throw new RecordsError('LOCKED', '资料库正由另一个程序写入，请稍后再试');
    try {
      const w = structuredClone(this.read(reviewId));
      const result = change(w);
      mkdirSync(this.dir, { recursive: true });
      writeFileAtomic(this.pathOf(reviewId), JSON.stringify(w));
      return result;
    } finally {
      lock.release();
    }
  }

  /**
   * Adds a version of the 送审稿: parsed first (a bad file changes nothing), then the file is
   * attached to the review by hash, then the parsed version is committed. The same bytes twice
   * give the existing version back, told by the hash before anything is parsed: a scan uploaded
   * again is not recognised again (minutes of OCR for a text the review already holds, and checked).
   */
  async addDraft(reviewId: string, file: string, opts: { name?: string; by?: string; ocr?: DraftOcr } = {}): Promise<DraftVersion> {
    const review = await this.records.getReview(reviewId); // NOT_FOUND before reading anything
    const name = opts.name ?? basename(file);
    const bytes = readDraftFile(file, name);
    const hash = sha256(bytes);
    const existing = this.read(reviewId).drafts.find((d) => d.sha256 === hash);
    if (existing) return existing;
    if (review.status === '已归档') throw new RecordsError('INVALID', `审查记录 ${reviewId} 已归档，不能再添加送审稿`);
    const parsed = await parseDraftBytes(bytes, name, opts.ocr === undefined ? {} : { ocr: opts.ocr });
    if (!review.attachments.some((a) => a.sha256 === hash)) {
      await this.records.attachToReview(reviewId, file, { name: parsed.name, note: '添加送审稿', ...(opts.by ? { by: opts.by } : {}) });
    }
    const by = opts.by || process.env.LAWDESK_USER || '本机用户';
    return this.mutate(reviewId, (w) => {
      const version: DraftVersion = {
        seq: w.drafts.reduce((m, d) => Math.max(m, d.seq), 0) + 1,
        sha256: hash,
        name: parsed.name,
        size: parsed.bytes.length,
        format: parsed.format,
        addedAt: this.library.now().toISOString(),
        addedBy: by,
        title: parsed.title,
        units: parsed.units,
        ...(parsed.header.length ? { header: parsed.header } : {}),
        warnings: parsed.warnings,
        ...(parsed.ocrPages ? { textSource: 'ocr' as const, ocrPages: parsed.ocrPages, verified: false } : {}),
        ...(parsed.ocrDoubtfulPages ? { ocrDoubtfulPages: parsed.ocrDoubtfulPages } : {}),
        ...(parsed.ocrTurnedPages ? { ocrTurnedPages: parsed.ocrTurnedPages } : {}),
      };
      w.drafts.push(version);
      w.log.push({ at: version.addedAt, by, action: 'draft', note: `添加送审稿第 ${version.seq} 稿：${parsed.name}` });
      return version;
    });
  }

  drafts(reviewId: string): DraftVersion[] {
    return this.read(reviewId).drafts;
  }

  draft(reviewId: string, seq?: number): DraftVersion {
    const drafts = this.drafts(reviewId);
    const d = seq === undefined ? drafts.at(-1) : drafts.find((x) => x.seq === seq);
    if (!d) throw new RecordsError('NOT_FOUND', seq === undefined ? `审查记录 ${reviewId} 还没有送审稿` : `审查记录 ${reviewId} 没有第 ${seq} 稿`);
    return d;
  }

  /**
   * 逐条核对 of a scanned 送审稿 (the library's rule, ocr-verify.ts checkedUnits): the articles a
   * person checked lose their 待核对 marks, with the corrected text where given; the last one makes
   * the version verified by that person, at the office clock. Logged in the workbench.
   */
  async checkOcr(reviewId: string, seq: number, opts: { by?: string; confirmed: string[]; corrections?: Record<string, string> }): Promise<DraftVersion> {
    const by = (opts.by || process.env.LAWDESK_USER || '本机用户').trim();
    const corrections = opts.corrections ?? {};
    if (opts.confirmed.length + Object.keys(corrections).length === 0) throw new RecordsError('INVALID', '没有要确认的条文');
    return this.mutate(reviewId, (w) => {
      const d = w.drafts.find((x) => x.seq === seq);
      if (!d) throw new RecordsError('NOT_FOUND', `审查记录 ${reviewId} 没有第 ${seq} 稿`);
      if (d.textSource !== 'ocr') throw new RecordsError('INVALID', `第 ${seq} 稿“${d.name}”不是扫描件的识别文本，无需核对`);
      const { units, all } = checkedUnits(d.units, d.title, opts.confirmed, corrections);
      const at = this.library.now().toISOString();
      d.units = units;
      const fixed = Object.keys(corrections).length;
      if (all && !d.verified) Object.assign(d, { verified: true, verifiedBy: by, verifiedAt: at });
      w.log.push({
        at,
        by,
        action: 'ocr-check',
        note: `第 ${seq} 稿识别文本：确认 ${new Set([...opts.confirmed, ...Object.keys(corrections)]).size} 条${fixed ? `（更正 ${fixed} 条）` : ''}${d.verified ? '，全文已核对' : ''}`,
      });
      return d;
    });
  }

  /** A page of a scanned 送审稿 (its file kept with the review by hash), for the 核对 view. */
  async scanPage(reviewId: string, seq: number, page: number): Promise<ScanPage> {
    const d = this.draft(reviewId, seq);
    if (d.textSource !== 'ocr') throw new RecordsError('INVALID', `第 ${seq} 稿“${d.name}”不是扫描件，没有扫描页`);
    const file = this.records.attachmentPath({ sha256: d.sha256, name: d.name });
    if (!file || !existsSync(file)) throw new RecordsError('NOT_FOUND', `第 ${seq} 稿的原件“${d.name}”不在审查记录的附件中，无法显示扫描页`);
    return scanPageOf(() => readFileSync(file), { sha256: d.sha256, format: d.format, title: d.title, ...(d.ocrTurnedPages ? { turned: d.ocrTurnedPages } : {}) }, page);
  }

  diff(reviewId: string, fromSeq: number, toSeq: number): DraftDiffRow[] {
    return diffDraftVersions(this.draft(reviewId, fromSeq), this.draft(reviewId, toSeq));
  }

  decisions(reviewId: string): Record<string, Decision> {
    return this.read(reviewId).decisions;
  }

  reopened(reviewId: string): Record<string, Reopened> {
    return this.read(reviewId).reopened;
  }
}
