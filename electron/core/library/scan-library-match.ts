// A scan of a law that is already in the library (#14). When an OCR'd version's title (width,
// 中华人民共和国, brackets and spaces aside) and region are those of a library version whose text
// came from a text source (Word, text layer, OFD …), the scan is tied to that law:
// - same date: it is that very version read again, worse. It is added beside it (an id of its
//   own, so the library's text is never overwritten by an unchecked OCR text) and shares its
//   时效性 without displacing it (version-status.ts); the 核对 view offers 使用库中文本 (the scan is
//   removed, the choice logged) or 保留扫描件 (kept, with its differences listed article by article);
// - another date: it is offered as a new version of that law, compared with the nearest version.
// Why remove rather than keep a reference: a second copy of a version the library already holds
// only adds duplicate search hits and a 待核对 mark nobody needs to clear; the log keeps who chose
// it, when, and which file was dropped.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { textSourceOf, versionDate, type LawVersion, type LawVersionMeta } from '../../shared/law-model';
import { libraryMatchSchema, scanDecisionSchema, type LibraryMatch, type ScanDecision, type ScanMatchChoice } from '../../shared/scan-match';
import { diffVersions, type VersionDiff } from '../versions/version-compare';
import { writeFileAtomic } from './atomic-file';
import { versionIdFor } from './law-identity';
import { LibraryError, type LibraryStore } from './library-store';
import { saveBody, VERIFIER_MAX } from './ocr-verify';

const PRC = '中华人民共和国';

/**
 * The title as a key for "the same law": NFKC folds full/half width (（→(, ０→0, Ａ→A), brackets
 * of every kind become (), spaces and 《》 go, the 中华人民共和国 prefix and a trailing
 * (2019年修正) edition note are dropped. Nothing else: 行政许可法 and 行政许可法实施条例, 山东省…条例
 * and 淄博市…条例 stay different laws.
 */
export function scanTitleKey(title: string): string {
  let t = title.normalize('NFKC').replace(/[\s\u3000《》<>]+/g, '');
  t = t.replace(/[〔【［[｛{〈]/g, '(').replace(/[〕】］\]｝}〉]/g, ')');
  if (t.startsWith(PRC) && t.length > PRC.length) t = t.slice(PRC.length);
  return t.replace(/\(\d{4}年?(修正|修订|修改)?(本)?\)$/, '').replace(/\((试行|暂行)\)$/, '$1');
}

function dayNumber(date: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!) / 86_400_000 : undefined;
}

/** Whether two versions are the same edition: any of their 公布 / 施行 dates agree. */
function sameEdition(a: Pick<LawVersionMeta, 'published' | 'effective'>, b: Pick<LawVersionMeta, 'published' | 'effective'>): boolean {
  const da = [a.published, a.effective].filter((d): d is string => !!d);
  const db = [b.published, b.effective].filter((d): d is string => !!d);
  return da.some((d) => db.includes(d));
}

export interface ScanMatchFound {
  match: LibraryMatch;
  /** The library version's law, title and region the scan takes on. */
  lawId: string;
  title: string;
  region: string;
}

/**
 * The library version an OCR'd version is a copy of (same date) or the nearest version of the same
 * law; undefined when the library has no text-source version of that law in that region.
 */
export function findLibraryMatch(
  library: readonly LawVersionMeta[],
  scan: Pick<LawVersionMeta, 'title' | 'region' | 'published' | 'effective'> & { subtitle?: string | undefined },
): ScanMatchFound | undefined {
  const key = scanTitleKey(scan.title);
  if (!key) return undefined;
  const candidates = library.filter(
    (v) => textSourceOf(v) !== 'ocr' && v.region === scan.region && (v.subtitle ?? '') === (scan.subtitle ?? '') && scanTitleKey(v.title) === key,
  );
  if (candidates.length === 0) return undefined;
  // One law: if the region-and-title key split it into several (an old import's title), the one with most versions.
  const byLaw = new Map<string, LawVersionMeta[]>();
  for (const v of candidates) byLaw.set(v.lawId, [...(byLaw.get(v.lawId) ?? []), v]);
  const versions = [...byLaw.values()].sort((a, b) => b.length - a.length)[0]!;
  const same = versions.find((v) => sameEdition(v, scan));
  const date = versionDate(scan);
  const day = dayNumber(date);
  const nearest =
    same ??
    [...versions].sort((a, b) => {
      const da = dayNumber(versionDate(a));
      const db = dayNumber(versionDate(b));
      // Undated on either side: the newest version is the one a person would compare with.
      if (day === undefined || da === undefined || db === undefined) return versionDate(b).localeCompare(versionDate(a));
      return Math.abs(da - day) - Math.abs(db - day) || db - da;
    })[0]!;
  return {
    match: { versionId: nearest.id, date: versionDate(nearest), textSource: textSourceOf(nearest), sameDate: !!same },
    lawId: nearest.lawId,
    title: nearest.title,
    region: nearest.region,
  };
}

/**
 * The OCR'd version tied to the law it matched: that law's id and title, and an id of its own —
 * a same-date scan must not take the library version's id (that would replace its text).
 */
export function tieScanToLibrary(version: LawVersion, found: ScanMatchFound): LawVersion {
  const date = versionDate(version);
  const id = found.match.sameDate ? versionIdFor(found.lawId, undefined, version.sourceSha256) : versionIdFor(found.lawId, date, version.sourceSha256);
  return { ...version, id, lawId: found.lawId, title: found.title, libraryMatch: found.match };
}

/** The sentence the import report and the CLI give for a matched scan. */
export function libraryMatchNote(m: LibraryMatch, title: string): string {
  return m.sameDate
    ? `扫描件与库中《${title}》（${m.date || '无日期'}）是同一法规同一日期，库中已有文本版本；未覆盖库中文本，请在核对页选择「使用库中文本」或「保留扫描件」`
    : `扫描件是库中《${title}》的另一版本，已作为新版本加入（待核对）；核对页列出与最近版本（${m.date || '无日期'}）的差异`;
}

export interface ScanMatchView {
  match: LibraryMatch;
  /** The library version (title, date, how its text was obtained). */
  library: { id: string; title: string; date: string; textSource: string };
  /** Article by article, library version → scan; only the articles that differ. */
  diff: VersionDiff;
}

function matchedScan(store: LibraryStore, scanId: string): { scan: LawVersionMeta; match: LibraryMatch; library: LawVersionMeta } {
  const scan = store.version(scanId);
  if (!scan) throw new LibraryError('NOT_FOUND', `没有找到版本 ${scanId}`);
  const match = scan.libraryMatch;
  if (!match) throw new LibraryError('INVALID', `《${scan.title}》（${scanId}）不是与库中法规相同的扫描件`);
  const library = store.version(match.versionId);
  if (!library) throw new LibraryError('NOT_FOUND', `扫描件对应的库中版本 ${match.versionId} 已不在库中`);
  return { scan, match, library };
}

/** What the 核对 view shows for a matched scan: the library version and the articles that differ. */
export function scanMatchView(store: LibraryStore, scanId: string): ScanMatchView {
  const { match, library } = matchedScan(store, scanId);
  return {
    match,
    library: { id: library.id, title: library.title, date: versionDate(library), textSource: textSourceOf(library) },
    diff: diffVersions(store, library.id, scanId, { changedOnly: true }),
  };
}

export const SCAN_DECISIONS_FILE = 'scan-decisions.json';
const decisionsFileSchema = z.object({ decisions: z.array(scanDecisionSchema) }).strict();

/** The logged 使用库中文本 choices (their scan versions are gone); an unreadable log is an error, not an empty list. */
export function readScanDecisions(dir: string): ScanDecision[] {
  const path = join(dir, SCAN_DECISIONS_FILE);
  if (!existsSync(path)) return [];
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new LibraryError('CORRUPT', `${SCAN_DECISIONS_FILE} 已损坏（不是有效的 JSON）`);
  }
  const r = decisionsFileSchema.safeParse(data);
  if (!r.success) throw new LibraryError('CORRUPT', `${SCAN_DECISIONS_FILE} 的结构不对`);
  return r.data.decisions;
}

export interface ScanDecisionResult {
  choice: ScanMatchChoice;
  /** The version to show next: the library's (its text was chosen) or the kept scan. */
  versionId: string;
  /** The kept scan's metadata (choice 'scan'). */
  scan?: LawVersionMeta;
}

/**
 * A person's choice for a matched scan, recorded like a 核对 confirmation (who, at the office
 * clock). 'library': the scan version is removed and the choice logged in scan-decisions.json;
 * 'scan': the scan stays, its body stamped with the decision. One atomic write each.
 */
export async function decideScanMatch(store: LibraryStore, scanId: string, opts: { choice: ScanMatchChoice; by: string }): Promise<ScanDecisionResult> {
  const by = opts.by.trim();
  if (!by) throw new LibraryError('INVALID', '请写明选择人');
  if (by.length > VERIFIER_MAX) throw new LibraryError('INVALID', `选择人姓名过长（最多 ${VERIFIER_MAX} 字）`);
  if (!store.lock.tryAcquire()) throw new LibraryError('LOCKED', store.lock.busyMessage());
  try {
    await store.load();
    const { scan, match, library } = matchedScan(store, scanId);
    if (match.decision) throw new LibraryError('INVALID', `《${scan.title}》（${scanId}）已由${match.decision.by}选择「保留扫描件」`);
    const at = store.now().toISOString();
    if (opts.choice === 'scan') {
      const body = store.loadVersion(scanId);
      const decided: LibraryMatch = libraryMatchSchema.parse({ ...match, decision: { choice: 'scan', by, at } });
      const meta = await saveBody(store, scanId, { ...body, libraryMatch: decided });
      return { choice: 'scan', versionId: scanId, scan: meta };
    }
    // The log is written first: a crash between the two leaves the scan in the library and a
    // logged choice, which choosing again repeats harmlessly — never a scan gone without a trace.
    const log = readScanDecisions(store.dir);
    const entry: ScanDecision = { scanVersionId: scanId, libraryVersionId: library.id, sourceFile: scan.sourceFile, sourceSha256: scan.sourceSha256, choice: 'library', by, at };
    writeFileAtomic(join(store.dir, SCAN_DECISIONS_FILE), `${JSON.stringify({ decisions: [...log, entry] }, null, 2)}\n`);
    store.unstage(scanId);
    store.refreshStatuses([scan.lawId]);
    await store.commit({ added: [], removed: [scanId] });
    return { choice: 'library', versionId: library.id };
  } finally {
    store.lock.release();
  }
}
