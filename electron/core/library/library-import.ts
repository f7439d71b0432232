// Importing files and folders into the library. Each file is read, decoded, parsed and checked on
// its own: a bad file becomes one line on the report and the import goes on. A file is staged
// only when its body and original are fully written; the catalog is committed every second and
// at the end, and open() recovers bodies written after the last commit, so a kill at any moment
// leaves every file either fully in the library or not at all.

import { documentTitleOf, isDraftMarkLine, isDraftTitle } from '../../shared/draft-title';
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { fsErrorMessage } from './fs-errors';
import type { Article, LawVersion, LawVersionMeta, SourceFormat, TextSource } from '../../shared/law-model';
import { DRAFT_STATUS, textSourceOf, versionDate } from '../../shared/law-model';
import { extractDocument, detectFormat, SIZE_LIMITS, unsupportedReason } from '../importers/extract-document';
import { ExtractError, NeedsOcr, type OcrMode } from '../importers/extracted-document';
import { ARTICLE_START_RE } from '../importers/plain-law-text';
import { estimateOcrSeconds } from '../importers/ocr-estimate';
import { readOcrRate, recordOcrRate } from './ocr-rate-file';
import { markOcrUnits } from '../importers/ocr-text';
import { parseLawText } from '../parse/law-structure-parser';
import { guessMetadata } from '../importers/document-metadata';
import { loadManifests, manifestCorrections, type ManifestEntry } from './import-manifest';
import { asLevel, guessLevel, guessRegion } from './level-and-region';
import { lawIdFor, sha256, versionIdFor } from './law-identity';
import { FORMER_REGION_GUESSES } from './region-guess-v1';
import { findLibraryMatch, libraryMatchNote, tieScanToLibrary } from './scan-library-match';
import type { LibraryMatch } from '../../shared/scan-match';
import { LibraryError, type LibraryChange, type LibraryStore } from './library-store';
import { TimeSlicer } from '../util/time-slicer';
import { poorerTextReason, textQuality } from './text-quality';
import { FOLDER_IMPORT_EXTENSIONS, IMAGE_EXTENSIONS } from '../../shared/import-formats';
import { officeRegionIn } from '../office/office-region';

/** Extensions picked up when walking a folder: the shared list (no images; see there). */
export const FOLDER_EXTENSIONS = FOLDER_IMPORT_EXTENSIONS;

export interface ImportFileResult {
  file: string;
  /** updated: the text was already in the library; its metadata was corrected from the manifest. */
  status: 'imported' | 'replaced' | 'updated' | 'skipped' | 'failed';
  versionId?: string;
  title?: string;
  articleCount?: number;
  reason?: string;
  /** Which path the text took: the file's text, a PDF text layer, OFD text, or OCR (textSource). */
  textSource?: TextSource;
  /** Detected format of the file (pdf, ofd, doc, image …). */
  format?: SourceFormat;
  /** Pages of a fixed-layout file (PDF, OFD). */
  pages?: number;
  /** OCR: pages recognised (or to recognise, in a preview) and the estimated seconds. */
  ocrPages?: number;
  ocrEstimateSeconds?: number;
  /** OCR: the scan is a law already in the library (scan-library-match.ts). */
  libraryMatch?: LibraryMatch;
  /** First units, for the preview before committing (dry run) and the report. */
  preview?: { label: string; text: string }[];
  /** Skipped as poorer than the stored version of the same day: ImportOptions.replace may still choose it (改用新文件). */
  replaceable?: true;
}

export interface ImportReport {
  imported: number;
  replaced: number;
  /** Identical texts whose metadata the manifest corrected. */
  updated: number;
  skipped: number;
  failed: { file: string; reason: string }[];
  warnings: { file: string; message: string }[];
  files: ImportFileResult[];
  dryRun: boolean;
  /** Stopped by the caller: the files before the stop are in the library, the rest untouched. */
  canceled?: boolean;
}

export interface ImportProgress {
  done: number;
  total: number;
  file: string;
}

export interface ImportOptions {
  dryRun?: boolean;
  onProgress?: (p: ImportProgress) => void;
  /** How often staged versions are committed during a long import. */
  commitEveryMs?: number;
  /** Stops between two files; what was imported so far is committed. */
  signal?: AbortSignal;
  /**
   * Each file's first units on its report line (default true): what a preview is for. A folder
   * import that commits leaves them out — 2,590 files made a 3.5 MB report (0.6 MB without),
   * validated and serialised in one step at its end; the laws themselves are in the library.
   */
  previews?: boolean;
  /**
   * Files the person chose to import over the stored version of the same law and day although they read
   * poorer (改用新文件 on a preview line marked `replaceable`): replaced, with the reason kept as a warning.
   */
  replace?: (file: string) => boolean;
  /** Only these files of the paths given (the starter set's choice for the office); the manifests are read as for all. */
  only?: (file: string) => boolean;
  /**
   * Folders the files must really be in (symlinks resolved): a folder chosen in the browser face
   * may not reach outside the user's home and drives through a link inside it.
   */
  within?: string[];
  /**
   * Scans (PDF without text layer, .png/.jpg/.tif, image-only OFD): true = OCR them (default for
   * an import), 'estimate' = only report pages and time (default for a dry run / preview),
   * false = refuse them; or OCR options (progress per page, cancel, workers).
   */
  ocr?: OcrMode;
}

/** Whether `path` (already resolved) is `root` or inside it. */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** What a path is, in words for the report, when it is neither a regular file nor a folder. */
function specialKind(st: Stats): string {
  if (st.isFIFO()) return '命名管道（FIFO）';
  if (st.isCharacterDevice() || st.isBlockDevice()) return '设备文件';
  if (st.isSocket()) return '套接字';
  return '特殊文件';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A name that is not UTF-8, shown with its ASCII kept and every other byte as \xNN. */
function escapeBytes(raw: Buffer): string {
  let out = '';
  for (const b of raw) out += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`;
  return out;
}

/**
 * Expands folders (recursively, skipping hidden entries) into the files to import. Only regular
 * files are taken: FIFOs, devices and sockets get a line on the report (reading one could block
 * forever or never end, like a link to /dev/zero). Symbolic links are followed, but every folder
 * and file is visited once by its real path, so link loops and links to the same place cost
 * nothing. Names that are not valid UTF-8 are reported instead of failing later as "not found".
 */
export function collectFiles(paths: string[], failed: { file: string; reason: string }[], passedOver: string[] = []): string[] {
  const out: string[] = [];
  for (const _ of walkFiles(paths, failed, out, passedOver));
  return out;
}

/**
 * collectFiles for the app: the same walk, giving the event loop back every slice — a folder of
 * thousands of files takes hundreds of milliseconds of stat and realpath calls.
 */
export async function collectFilesSliced(paths: string[], failed: { file: string; reason: string }[], passedOver: string[] = []): Promise<string[]> {
  const out: string[] = [];
  const slicer = new TimeSlicer();
  for (const _ of walkFiles(paths, failed, out, passedOver)) await slicer.maybePause();
  return out;
}

/**
 * The walk behind collectFiles; yields after each entry visited so a caller can pause. `passedOver`
 * gets the regular files a folder holds that are not documents (photos, spreadsheets …): not imported,
 * but told (passedOverNotice), so a folder's report never says 跳过 0 件 while it left files behind.
 */
function* walkFiles(paths: string[], failed: { file: string; reason: string }[], out: string[], passedOver: string[]): Generator<void> {
  const seen = new Set<string>();
  const once = (full: string): boolean => {
    let real: string;
    try {
      real = realpathSync(full);
    } catch {
      real = full;
    }
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  };
  const pending: string[] = [];
  const visit = (full: string, explicit: boolean) => {
    let st: Stats;
    try {
      st = statSync(full);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const reason =
        code === 'ENOENT' ? (explicit ? '文件或文件夹不存在' : '无法读取（链接指向的文件不存在）') : code === 'ELOOP' ? '符号链接循环，已跳过' : `无法读取（${fsErrorMessage(e)}）`;
      failed.push({ file: full, reason });
      return;
    }
    const wanted = explicit || FOLDER_EXTENSIONS.has(extname(full).toLowerCase());
    if (st.isDirectory()) {
      if (once(full)) pending.push(full);
    } else if (st.isFile()) {
      if (wanted) {
        if (once(full)) out.push(full);
      } else if (!SYSTEM_FILES.has(basename(full).toLowerCase()) && once(full)) passedOver.push(full);
    } else if (wanted) {
      failed.push({ file: full, reason: `不是普通文件（${specialKind(st)}），已跳过` });
    }
  };
  const walk = function* (dir: string): Generator<void> {
    let names: Buffer[];
    try {
      names = readdirSync(dir, { encoding: 'buffer' });
    } catch (e) {
      failed.push({ file: dir, reason: `无法读取文件夹（${fsErrorMessage(e)}）` });
      return;
    }
    const decoded: string[] = [];
    for (const raw of names) {
      let name: string;
      try {
        name = utf8.decode(raw);
      } catch {
        failed.push({ file: join(dir, escapeBytes(raw)), reason: '文件名不是有效的 UTF-8 编码（可能来自旧系统或压缩包），请把它重命名后再导入' });
        continue;
      }
      if (!name.startsWith('.')) decoded.push(name);
    }
    decoded.sort((a, b) => a.localeCompare(b, 'zh-CN'));
    // Depth first, as before: a folder's files keep their place among its siblings.
    for (const name of decoded) {
      visit(join(dir, name), false);
      yield;
      while (pending.length) yield* walk(pending.pop()!);
    }
  };
  for (const p of paths) {
    visit(resolve(p), true);
    while (pending.length) yield* walk(pending.pop()!);
  }
}

/** What Windows leaves in folders by itself (hidden names are skipped already), and the corpus manifest the import reads (import-manifest.ts): never papers left out. */
const SYSTEM_FILES: ReadonlySet<string> = new Set(['thumbs.db', 'ehthumbs.db', 'desktop.ini', 'manifest.jsonl']);

/**
 * The report's line on the files a folder walk left out: photos and scans (a folder's pictures are
 * not taken: each would become a law of its own) and files of other kinds, a few named. Undefined
 * when there were none.
 */
export function passedOverNotice(paths: string[], passedOver: string[]): { file: string; message: string } | undefined {
  if (passedOver.length === 0) return undefined;
  const isImage = (f: string) => (IMAGE_EXTENSIONS as readonly string[]).includes(extname(f).toLowerCase());
  // two filters on the same test, not images.includes per file: a folder of thousands of photos stays linear
  const images = passedOver.filter(isImage);
  const others = passedOver.filter((f) => !isImage(f));
  const named = (files: string[]) => files.slice(0, 3).map((f) => basename(f)).join('、') + (files.length > 3 ? ' 等' : '');
  const parts: string[] = [];
  if (images.length) parts.push(`${images.length} 张图片（${named(images)}）：文件夹导入不读图片（每张会成为单独的一件）；单页的扫描件或照片请在“选择或拖入文件”中导入，多页的请先合成一个 PDF 或多页 TIFF`);
  if (others.length) parts.push(`${others.length} 个不能导入的文件（${named(others)}）`);
  return { file: paths.length === 1 ? resolve(paths[0]!) : '所选文件夹', message: `文件夹中有 ${passedOver.length} 个文件未导入：${parts.join('；')}` };
}

const FILENAME_DATE = /[（(](\d{4}-\d{2}-\d{2})[)）]/;
/** The report's line on a file whose title, or the mark under it, says it is a draft (isDraftTitle, isDraftMarkLine). */
export const DRAFT_IMPORTED = '标题或文首标明这是草案（送审稿、征求意见稿、讨论稿等），不是生效的文件：法规库将其时效性标为“草案”，不算现行有效，也不作为审查依据或上位法；如已正式公布，可在阅读页修改时效性；要对它作合法性审查，请在合法性审查的审查工作台上传';

/** The first line is an article: the file has no title (a pasted excerpt, one long article line). */
const articleForTitle = (line: string) => new ExtractError(`找不到标题：第一行“${line.slice(0, 20)}”是条文而不是法规名称，请在文件开头加上标题`);

/** Builds the version (not yet stored) from a file's bytes. Throws ExtractError for bad input. */
export async function buildVersion(
  bytes: Uint8Array,
  filePath: string,
  manifest: ManifestEntry | undefined,
  importedAt: string,
  options: { ocr?: OcrMode; officeRegion?: string } = {},
): Promise<BuiltVersion> {
  const fileName = basename(filePath);
  const doc = await extractDocument(bytes, fileName, { ocr: options.ocr ?? true });
  const parsed = parseLawText(doc.text, { format: doc.format === 'md' || doc.markup === 'md' ? 'md' : 'txt' });
  const warnings = [...doc.warnings, ...parsed.warnings];
  if (doc.encoding && doc.encoding !== 'utf-8') warnings.push(`文本编码识别为 ${doc.encoding.toUpperCase()}`);
  const units: Article[] = parsed.units;
  const substantive = units.filter((u) => u.kind === 'article' || u.kind === 'section');
  const charCount = units.reduce((n, u) => n + u.text.length, 0);
  if (units.length === 0) {
    // A header with dated history but no body is still a real record (some official
    // collections publish only the header of a repealed or pending text): keep it, say so.
    if (parsed.history.length === 0) {
      // A file of one article and no title (a 19 MB line starting 第一条) is read as a title alone:
      // say what the file lacks, as for two articles without a title below.
      if (ARTICLE_START_RE.test(parsed.title.trim())) throw articleForTitle(parsed.title.trim());
      throw new ExtractError('没有正文：找不到“第X条”“一、”等条文，也没有任何段落');
    }
    warnings.push('只有标题和制定历史，没有正文条文');
  } else if (substantive.length === 0 && charCount < 20) {
    throw new ExtractError('没有可识别的条文或正文（找不到“第X条”或“一、”，正文不足 20 字）');
  }
  if (substantive.length > 0 && substantive.every((u) => u.text.trim() === '')) {
    throw new ExtractError(`${substantive.length} 个条文都没有内容（只有“第X条”编号）：请确认文件是完整的法规正文`);
  }
  // The document's own title is the full one (中华人民共和国统计法); manifests often shorten it.
  const title = (parsed.title || doc.meta?.title || manifest?.title || '').trim();
  const subtitle = parsed.subtitle || manifest?.subtitle || undefined;
  if (!title) throw new ExtractError('找不到标题（第一行为空）');
  if (ARTICLE_START_RE.test(title)) throw articleForTitle(title);
  if (title.length > 200) throw new ExtractError('第一行超过 200 字，不像法规标题：请确认文件是法规正文');
  // A folder of the office's papers holds the 送审稿 it reviews: kept like any text, but as 草案 — never in
  // force, never a basis — and the report says what it is and where drafts belong. The document says it
  // in its title or on a line of its own under (or above) it; a file name alone does not.
  const draft = isDraftTitle(title) || parsed.headerLines.some(isDraftMarkLine);
  if (draft) warnings.push(DRAFT_IMPORTED);

  const sha = sha256(bytes);
  const fromText = guessMetadata(doc.text);
  const meta = { ...fromText, ...doc.meta };
  const lastEvent = [...parsed.history].reverse().find((e) => e.kind !== '施行' && e.kind !== '其他') ?? parsed.history.at(-1);
  const published =
    manifest?.published || meta.published || lastEvent?.date || FILENAME_DATE.exec(fileName)?.[1] || undefined;
  // A date given by the manifest that disagrees with the header's own last adoption/amendment puts
  // the wrong text in force on the dates between: say so. 公布 follows 通过 by days or months, so
  // only a date before the header's last event, or over a year after it, is a contradiction.
  const headerDate = meta.published || lastEvent?.date;
  const yearAfter = (d: string) => `${Number(d.slice(0, 4)) + 1}${d.slice(4)}`;
  if (published && headerDate && /^\d{4}-\d{2}-\d{2}$/.test(headerDate) && (published < headerDate || published > yearAfter(headerDate))) {
    warnings.push(
      published < headerDate
        ? `版本日期 ${published} 早于文件头记载的最后一次通过/修改日期 ${headerDate}：正文已含之后的修改，请核对版本日期`
        : `版本日期 ${published} 比文件头记载的最后一次通过/修改日期 ${headerDate} 晚一年以上：文件头可能漏记了修改，请核对`,
    );
  }
  // An amended law keeps its original "本法自2010年1月1日起施行": a stated date before this
  // version's own date is the first version's, not this one's.
  const stated = meta.effective && (!published || meta.effective >= published) ? meta.effective : undefined;
  // A header line "2021年1月1日 施行" (民法典's parts) dates this version's entry into force.
  const fromHistory = [...parsed.history].reverse().find((e) => e.kind === '施行' && (!published || e.date >= published))?.date;
  const effective = manifest?.effective || stated || fromHistory || undefined;
  const issuer = meta.issuer;
  // A manifest may name only the province (山东) of a city's regulation (淄博市…): keep the finer one.
  const withManifest = (guessed: string) => (manifest?.region && !guessed.startsWith(manifest.region + '·') ? manifest.region : guessed);
  // The office's region (its own 县人民政府… documents) only where no manifest names a region: it never refines one.
  const region = withManifest(guessRegion(title, issuer, filePath, manifest?.region ? undefined : options.officeRegion));
  // A draft's rank is that of the document it becomes: 《某市…条例（征求意见稿）》 is a 地方性法规's draft.
  const level = asLevel(manifest?.level) ?? guessLevel(documentTitleOf(title), region, issuer, filePath);
  // Parts of one code (民法典 总则, 物权编 …) come as separate files: each part is its own work.
  const lawKey = subtitle ? `${title} ${subtitle}` : title;
  const lawId = lawIdFor(lawKey, region);
  // The ids earlier region guesses gave this document: a library may hold the law under one of them.
  // An issuer read only from a 公布 line was not read before session 16: the guess without it gave the stored id.
  const formerIssuers = meta.issuerFromPublication && !doc.meta?.issuer ? [issuer, undefined] : [issuer];
  const formerRegions = formerIssuers.flatMap((iss) => [
    ...FORMER_REGION_GUESSES.map((g) => g(title, iss, filePath)),
    ...(iss === issuer ? [] : [guessRegion(title, iss, filePath, manifest?.region ? undefined : options.officeRegion)]),
  ]);
  const formerLawIds = [...new Set(formerRegions.map((r) => lawIdFor(lawKey, withManifest(r))))].filter((x) => x !== lawId);
  const id = versionIdFor(lawId, published || effective, sha);
  const version: LawVersion = {
    id,
    lawId,
    title,
    ...(subtitle ? { subtitle } : {}),
    ...(published ? { published } : {}),
    ...(effective ? { effective } : {}),
    ...(issuer ? { issuer } : {}),
    ...(meta.docNumber ? { docNumber: meta.docNumber } : {}),
    level,
    region,
    ...(manifest?.category?.trim() ? { category: manifest.category.trim() } : {}),
    status: draft ? DRAFT_STATUS : '现行有效',
    ...(manifest?.expired ? { expired: true } : {}),
    ...(draft ? { draft: true } : {}),
    history: parsed.history,
    sourceFile: fileName,
    sourceSha256: sha,
    sourceFormat: doc.format,
    textSource: doc.textSource ?? textSourceOf({ sourceFormat: doc.format }),
    ...(doc.textSource === 'ocr' ? { verified: false } : {}),
    ...(doc.ocr?.doubtfulPages?.length ? { ocrDoubtfulPages: doc.ocr.doubtfulPages } : {}),
    ...(doc.ocr?.turnedPages?.length ? { ocrTurnedPages: doc.ocr.turnedPages } : {}),
    articleCount: units.filter((u) => u.kind === 'article').length,
    unitCount: units.length,
    charCount,
    importedAt,
    file: '',
    units,
  };
  if (doc.ocr) {
    markOcrUnits(units, doc.ocr);
    return { version, warnings, formerLawIds, ocrPages: doc.ocr.pages, ...(doc.pages ? { pages: doc.pages } : {}) };
  }
  return { version, warnings, formerLawIds, ...(doc.pages ? { pages: doc.pages } : {}) };
}

export interface BuiltVersion {
  version: LawVersion;
  warnings: string[];
  /** lawIds earlier region guesses gave this document (region-guess-v1.ts), other than its own. */
  formerLawIds: string[];
  ocrPages?: number;
  pages?: number;
}

/**
 * A law's identity is (title, region), and the region guess improves (a county's documents were
 * 全国 until session 15): a document whose law the library holds under an id an earlier guess gave
 * joins that law — its id, and the region the library has for it (the user may have corrected it) —
 * instead of starting a second law. Stored ids never change; a law already under the new id wins.
 */
export function keepStoredIdentity(
  laws: { law(id: string): { id: string; title: string; region: string } | undefined },
  version: LawVersion,
  formerLawIds: readonly string[],
): { version: LawVersion; note?: string } {
  // Most documents get the id the old guess gave them, and asking the store for a law while an
  // import changes its catalog rebuilds the laws each time (2,590 files: 5.5 of 23 CPU-s).
  if (!formerLawIds.length) return { version };
  if (laws.law(version.lawId)) return { version };
  for (const former of formerLawIds) {
    const law = laws.law(former);
    if (!law) continue;
    const id = law.id + version.id.slice(version.lawId.length);
    const note =
      law.region === version.region
        ? undefined
        : `归入库中已有的《${law.title}》（地区 ${law.region}），与之前导入的版本同属一部法规；本次识别的地区为 ${version.region}，如需更正请编辑地区`;
    return { version: { ...version, id, lawId: law.id, region: law.region }, ...(note ? { note } : {}) };
  }
  return { version };
}

function metaOf(v: LawVersion, file: string): LawVersionMeta {
  const { units: _u, ...meta } = v;
  return { ...meta, file };
}

/**
 * Whether a new version says what a stored one of the same law and day says: the same articles (label, text and
 * 章节 they stand under),
 * the same title, and no date, 文号 or 制定机关 other than the stored one's (a lone file may say less than the
 * manifest or the person who set them did). A stored body that cannot be read counts as different (it is replaced).
 */
function sameText(old: LawVersionMeta, next: LawVersion, stored: StoredUnits | undefined): boolean {
  if (old.title !== next.title || (old.subtitle ?? '') !== (next.subtitle ?? '')) return false;
  if ((['published', 'effective', 'docNumber', 'issuer'] as const).some((k) => next[k] !== undefined && next[k] !== old[k])) return false;
  if (old.unitCount !== next.units.length || !stored) return false;
  return stored.length === next.units.length && stored.every((u, i) => u.kind === next.units[i]!.kind && u.label === next.units[i]!.label && u.text === next.units[i]!.text && u.path.join('\n') === next.units[i]!.path.join('\n'));
}

type StoredUnits = ReturnType<LibraryStore['readUnits']>;

/** The stored version's units, read once for sameText and poorerThanStored; undefined when its body cannot be read. */
function storedUnits(store: LibraryStore, old: LawVersionMeta): StoredUnits | undefined {
  try {
    return store.readUnits(old.id);
  } catch {
    return undefined;
  }
}

/** Why the new text of a stored law and day reads worse than the stored one (text-quality.ts), or undefined; an unreadable stored body is replaced. */
function poorerThanStored(old: LawVersionMeta, next: LawVersion, stored: StoredUnits | undefined): string | undefined {
  if (!stored) return undefined;
  return poorerTextReason(textQuality(next.units, { textSource: textSourceOf(next), ...(next.verified !== undefined ? { verified: next.verified } : {}) }), textQuality(stored, { textSource: textSourceOf(old), ...(old.verified !== undefined ? { verified: old.verified } : {}) }));
}

function sameDayNote(old: LawVersionMeta): string {
  return `替换了同一法规同一日期（${versionDate(old) || '无日期'}）的已有版本（原文件 ${old.sourceFile}）`;
}

export async function importPaths(
  store: LibraryStore,
  paths: string[],
  opts: ImportOptions = {},
): Promise<ImportReport> {
  const report: ImportReport = { imported: 0, replaced: 0, updated: 0, skipped: 0, failed: [], warnings: [], files: [], dryRun: !!opts.dryRun };
  if (!opts.dryRun && !store.lock.tryAcquire()) {
    throw new LibraryError('LOCKED', store.lock.busyMessage());
  }
  try {
    if (!opts.dryRun) await store.load(); // another process may have committed since we opened
    const passedOver: string[] = [];
    let files = await collectFilesSliced(paths, report.failed, passedOver);
    if (opts.only) files = files.filter(opts.only);
    const notice = opts.only ? undefined : passedOverNotice(paths, passedOver);
    if (notice) report.warnings.push(notice);
    if (opts.within) {
      // a realpath per file: thousands of them are a pause of their own, so in slices too
      const inside: string[] = [];
      const slicer = new TimeSlicer();
      for (const f of files) {
        if (keepInside(f, opts.within, report.failed)) inside.push(f);
        await slicer.maybePause();
      }
      files = inside;
    }
    const manifests = await loadManifests(paths);
    for (const w of manifests.warnings) report.warnings.push(w);
    const bySha = new Map(store.versions().map((v) => [v.sourceSha256, v]));
    // 设置 → 单位信息: the region of the office's own documents (县人民政府…) and the tie-break between counties of one name
    const officeRegion = officeRegionIn(store.dir) || undefined;
    const change: LibraryChange = { added: [], removed: [] };
    const touchedLaws = new Set<string>();
    let lastCommit = Date.now();
    const commitEvery = opts.commitEveryMs ?? 1000;

    const flush = async () => {
      if (opts.dryRun || (change.added.length === 0 && change.removed.length === 0)) return;
      store.refreshStatuses(touchedLaws);
      await store.commit({ added: [...change.added], removed: [...change.removed] });
      change.added.length = 0;
      change.removed.length = 0;
      touchedLaws.clear();
      lastCommit = Date.now();
    };

    const slicer = new TimeSlicer();
    for (let i = 0; i < files.length; i++) {
      if (opts.signal?.aborted) {
        report.canceled = true;
        break;
      }
      const file = files[i]!;
      opts.onProgress?.({ done: i, total: files.length, file });
      const ocr = opts.ocr ?? (opts.dryRun ? 'estimate' : true);
      const result = await importOne(store, file, manifests.lookup(file), bySha, report, !!opts.dryRun, ocr, officeRegion, opts.replace?.(file) ?? false);
      if (opts.previews === false) delete result.preview;
      report.files.push(result);
      // A scan under ocr 'estimate' is reported as imported but has no version: nothing to commit.
      if (result.versionId && (result.status === 'imported' || result.status === 'replaced' || (result.status === 'updated' && !opts.dryRun))) {
        const meta = store.version(result.versionId!);
        if (meta) touchedLaws.add(meta.lawId);
        change.added.push(result.versionId!);
        if (result.status !== 'imported') change.removed.push(result.versionId!);
      }
      if (Date.now() - lastCommit >= commitEvery) await flush();
      // Let the event loop breathe (progress events, other requests) during long imports.
      await slicer.maybePause();
    }
    await flush();
    const done = report.files.length;
    opts.onProgress?.({ done, total: files.length, file: '' });
    return report;
  } finally {
    if (!opts.dryRun) store.lock.release();
  }
}

/**
 * Reads a file only if it is a regular file, judged on the open descriptor (no race with a swap),
 * opened without blocking (a FIFO would otherwise wait forever for a writer), and only after
 * `precheck` has seen its first bytes and its size — a huge file is refused before it is read.
 */
export function readRegularFile(file: string, precheck: (head: Uint8Array, size: number) => string | undefined): Buffer {
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new ExtractError(st.isDirectory() ? '这是一个文件夹' : `不是普通文件（${specialKind(st)}），已跳过`);
    const head = Buffer.alloc(Math.min(8, st.size));
    if (head.length) readSync(fd, head, 0, head.length, 0);
    const refused = precheck(head, st.size);
    if (refused) throw new ExtractError(refused);
    const bytes = Buffer.alloc(st.size);
    let off = 0;
    while (off < st.size) {
      const n = readSync(fd, bytes, off, st.size - off, off);
      if (n === 0) break;
      off += n;
    }
    return off === st.size ? bytes : bytes.subarray(0, off);
  } finally {
    closeSync(fd);
  }
}

async function importOne(
  store: LibraryStore,
  file: string,
  manifest: ManifestEntry | undefined,
  bySha: Map<string, LawVersionMeta>,
  report: ImportReport,
  dryRun: boolean,
  ocr: OcrMode = true,
  officeRegion?: string,
  replaceChosen = false,
): Promise<ImportFileResult> {
  const fail = (reason: string): ImportFileResult => {
    report.failed.push({ file, reason });
    return { file, status: 'failed', reason };
  };
  let bytes: Buffer;
  try {
    bytes = readRegularFile(file, (head, size) => {
      const format = detectFormat(head, file);
      if (!format && size > 0) return unsupportedReason(file);
      if (format && size > SIZE_LIMITS[format]) {
        return `文件过大（${(size / 1048576).toFixed(1)} MB，${format.toUpperCase()} 上限 ${SIZE_LIMITS[format] / 1048576} MB）`;
      }
      return undefined;
    });
  } catch (e) {
    if (e instanceof ExtractError) return fail(e.message);
    const code = (e as NodeJS.ErrnoException).code;
    return fail(code === 'EACCES' ? '没有读取权限' : code === 'EISDIR' ? '这是一个文件夹' : `无法读取（${fsErrorMessage(e)}）`);
  }
  const sha = sha256(bytes);
  const existing = bySha.get(sha);
  if (existing) {
    // A manifest that knows better (level, 分类, dates) corrects what an earlier import guessed.
    const fix = manifestCorrections(existing, manifest);
    if (fix) {
      report.updated++;
      const result: ImportFileResult = { file, status: 'updated', versionId: existing.id, title: existing.title, articleCount: existing.articleCount, reason: `内容相同，按清单更正：${fix.summary}` };
      if (dryRun) return result;
      const next: LawVersionMeta = { ...existing, ...fix.patch };
      store.stage(next);
      bySha.set(sha, next);
      return result;
    }
    report.skipped++;
    return { file, status: 'skipped', versionId: existing.id, title: existing.title, articleCount: existing.articleCount, reason: '已导入过内容相同的文件' };
  }
  let built: BuiltVersion;
  // A real OCR run leaves its measured rate in the library for the next preview's estimate — once
  // the version is in: a file that fails leaves the library as it was, byte for byte.
  let ocrStats: Parameters<typeof recordOcrRate>[1] | undefined;
  const measured: OcrMode =
    ocr === true || typeof ocr === 'object'
      ? {
          ...(ocr === true ? {} : ocr),
          onStats: (s) => {
            if (typeof ocr === 'object') ocr.onStats?.(s);
            ocrStats = s;
          },
        }
      : ocr;
  try {
    built = await buildVersion(bytes, file, manifest, store.now().toISOString(), { ocr: measured, ...(officeRegion ? { officeRegion } : {}) });
  } catch (e) {
    if (e instanceof NeedsOcr) {
      // Preview of a scan: say what OCR will read and how long it will take, without running it —
      // but start an OCR thread's tesseract while the person reads the preview (ocr-page-images.ts).
      void import('../importers/ocr-page-images').then((m) => m.prewarmOcr());
      report.imported++;
      const rate = readOcrRate(store.dir);
      const ocrEstimateSeconds = estimateOcrSeconds(e.pages, rate);
      return {
        file,
        status: 'imported',
        format: detectFormat(bytes, file),
        textSource: 'ocr',
        pages: e.totalPages,
        ocrPages: e.pages,
        ocrEstimateSeconds,
        reason: `${e.message}：导入时将进行文字识别（OCR），预计约 ${ocrEstimateSeconds} 秒${rate ? '（按本机上次识别的速度）' : ''}；识别结果需人工核对`,
      };
    }
    if (e instanceof ExtractError) return fail(e.message);
    // An error no extractor turned into a reason is a bug to fix (the importer fuzzer looks for
    // 内部错误); the user still gets a sentence, not a JS message.
    return fail(`解析失败：程序无法处理这个文件的结构（内部错误${(e as Error)?.name ? `，${(e as Error).name}` : ''}），请把文件另存为 DOCX 或 PDF 后再导入`);
  }
  const { warnings } = built;
  const kept = keepStoredIdentity(store, built.version, built.formerLawIds);
  let version = kept.version;
  if (kept.note) warnings.push(kept.note);
  // A scan of a law the library already holds as text: tied to that law, never over its text.
  const found = version.textSource === 'ocr' ? findLibraryMatch(store.versions(), version) : undefined;
  if (found) {
    version = tieScanToLibrary(version, found);
    warnings.push(libraryMatchNote(found.match, found.title));
  }
  for (const message of warnings) report.warnings.push({ file, message });
  const preview = version.units.slice(0, 5).map((u) => ({ label: u.label, text: u.text.slice(0, 200) }));
  const old = store.version(version.id);
  // The same law of the same day in another file whose text reads the same (the office's PDF and DOCX of one
  // notice, a .doc saved again): nothing to replace — the stored version, and what a person set on it
  // (时效性 by hand, corrected metadata), stay as they are.
  const stored = old ? storedUnits(store, old) : undefined;
  if (old && sameText(old, version, stored)) {
    report.skipped++;
    return { file, status: 'skipped', versionId: old.id, title: old.title, articleCount: old.articleCount, reason: `与已有版本的条文和信息相同（原文件 ${old.sourceFile}），未替换` };
  }
  // A later file of the same law and day that reads worse (a PDF whose line wraps broke articles, a copy that lost its
  // chapters) leaves the stored text in place, with the reason (text-quality.ts states the rule).
  const poorer = old ? poorerThanStored(old, version, stored) : undefined;
  if (old && poorer && !replaceChosen) {
    const reason = `保留了已有版本（原文件 ${old.sourceFile}），未替换：${poorer}；如确需以新文件为准，在导入预览中对此文件选“改用新文件”（命令行：lawdesk import --replace 此文件）`;
    report.skipped++;
    report.warnings.push({ file, message: reason });
    return { file, status: 'skipped', versionId: old.id, title: old.title, articleCount: old.articleCount, reason, replaceable: true };
  }
  if (old && poorer) report.warnings.push({ file, message: `按你的选择改用新文件，替换了已有版本（原文件 ${old.sourceFile}），尽管${poorer}` });
  else if (old) report.warnings.push({ file, message: sameDayNote(old) });
  // A 时效性 a person set by hand, with its basis, is a decision about the law on that day, not about the file.
  if (old?.statusOverride && !version.statusOverride) version = { ...version, statusOverride: old.statusOverride };
  const result: ImportFileResult = {
    file,
    status: old ? 'replaced' : 'imported',
    versionId: version.id,
    title: version.title,
    articleCount: version.articleCount,
    format: version.sourceFormat,
    ...(version.textSource ? { textSource: version.textSource } : {}),
    ...(built.pages ? { pages: built.pages } : {}),
    ...(built.ocrPages ? { ocrPages: built.ocrPages } : {}),
    ...(version.libraryMatch ? { libraryMatch: version.libraryMatch } : {}),
    preview,
  };
  if (old) report.replaced++;
  else report.imported++;
  if (dryRun) return result;

  // Off the main thread, each awaited: written before the catalog that will name them.
  await store.writeOriginalAsync(bytes, sha, extname(file));
  const name = await store.writeBodyAsync(version);
  const meta = metaOf(version, name);
  store.stage(meta);
  bySha.set(sha, meta);
  if (ocrStats) recordOcrRate(store.dir, ocrStats, store.now());
  return result;
}

function keepInside(file: string, roots: string[], failed: ImportReport['failed']): boolean {
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    failed.push({ file, reason: '无法读取（路径无法解析）' });
    return false;
  }
  if (roots.some((r) => isInside(r, real))) return true;
  failed.push({ file, reason: '链接指向允许的文件夹之外，已跳过' });
  return false;
}
