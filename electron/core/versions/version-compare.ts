// Comparing versions of one law in a library: the article mapping between any two versions
// (cached on disk by the two bodies' content hashes, so it is recomputed exactly when a version
// changes: mapping-cache.ts; computed ahead of time by mapping-warmup.ts), the aligned side-by-side diff, one article across all versions, the version in force
// on a date, and the green/yellow/red flag of a citation made against an older version.

import { existsSync } from 'node:fs';
import type { Article, LawVersion, LawVersionMeta } from '../../shared/law-model';
import { versionDate } from '../../shared/law-model';
import { LibraryError, type LibraryStore } from '../library/library-store';
import { versionInForceOn } from '../library/version-status';
import { type ArticleMapping, mapArticles, type MappingSummary, summarise, summaryLine } from './article-mapping';
import { diffChars, type DiffRun } from './char-diff';
import { keepValidatedMapping, mappingFile, readMapping, validatedMapping, writeMapping } from './mapping-cache';
import { DIFF_ROWS_AROUND } from '../../shared/api/versions';
import { headingByKey, headingHash, isHeadingKey, isWholeLawKey } from '../records/citation-scope';

export function versionsOf(store: LibraryStore, lawId: string): LawVersionMeta[] {
  const law = store.law(lawId);
  if (!law) throw new LibraryError('NOT_FOUND', `没有找到法规 ${lawId}`);
  return law.versionIds.map((id) => store.version(id)!);
}

/**
 * The article mapping from one version to another (usually older → newer): the one this process
 * validated last for the same two texts, else the stored one when it holds up, else computed and stored.
 */
export function mappingBetween(store: LibraryStore, fromId: string, toId: string): readonly ArticleMapping[] {
  const from = store.version(fromId);
  const to = store.version(toId);
  if (!from || !to) throw new LibraryError('NOT_FOUND', `没有找到版本 ${!from ? fromId : toId}`);
  const kept = validatedMapping(store, from, to);
  if (kept) return kept;
  const older = store.loadVersion(fromId).units;
  const newer = store.loadVersion(toId).units;
  const file = mappingFile(store, from, to);
  const cached = readMapping(file, fromId, toId, older, newer);
  if (cached) return keepValidatedMapping(store, from, to, cached);
  const entries = mapArticles(older, newer);
  writeMapping(store, file, fromId, toId, entries);
  return keepValidatedMapping(store, from, to, entries);
}

/**
 * The 版本对比 warm-up's pair (AppService, after start): of the consecutive versions of a law whose
 * mapping is stored, the two with the least text; none when no mapping is stored (the warm-up
 * then computes and writes nothing).
 */
export function smallestStoredPair(store: LibraryStore): { fromId: string; toId: string } | undefined {
  let best: { fromId: string; toId: string; chars: number } | undefined;
  for (const law of store.laws()) {
    for (let i = 1; i < law.versionIds.length; i++) {
      const from = store.version(law.versionIds[i - 1]!);
      const to = store.version(law.versionIds[i]!);
      if (!from || !to || from.unitCount === 0 || to.unitCount === 0) continue;
      const chars = from.charCount + to.charCount;
      if (best && chars >= best.chars) continue;
      if (existsSync(mappingFile(store, from, to))) best = { fromId: from.id, toId: to.id, chars };
    }
  }
  return best && { fromId: best.fromId, toId: best.toId };
}

export interface DiffSide {
  key: string;
  label: string;
  text: string;
}

export interface DiffRow {
  kind: ArticleMapping['kind'];
  from: DiffSide[];
  to: DiffSide[];
  similarity: number;
  cosmetic: boolean;
  /** Character-level changes from the old text(s) to the new; omitted when nothing changed. */
  runs?: DiffRun[];
  /**
   * The texts differ but this (first) answer leaves the runs out — and the texts too: each side's
   * `text` is '' and `lines` has the lengths of its lines (see DiffOptions.runsFirst).
   */
  runsPending?: true;
  /** Only with runsPending: the length of each line of the old side's and of the new side's text (parts joined by '\n'), for the view's height of a row not drawn yet. */
  lines?: { from: number[]; to: number[] };
}

export interface VersionDiff {
  lawId: string;
  from: { id: string; date: string };
  to: { id: string; date: string };
  summary: MappingSummary;
  summaryLine: string;
  rows: DiffRow[];
}

const sideOf = (units: Map<string, Article>, keys: string[]): DiffSide[] =>
  keys.map((k) => {
    const u = units.get(k)!;
    return { key: u.key, label: u.label, text: u.text };
  });

function firstIndexByKey(units: Article[]): Map<string, number> {
  const at = new Map<string, number>();
  units.forEach((u, i) => at.has(u.key) || at.set(u.key, i));
  return at;
}

// The character diffs of a version pair, kept for the pairs compared last: they were most of a
// 版本对比 answer once the mapping is stored (刑诉法解释 2012 → 2021: 365 changed rows, ≈ 100 of its
// 115 ms), and a diff is opened again and again (只看有变化的条文 on and off, back from the reader).
// Keyed by the two bodies' content hashes (as the stored mappings are), so an edited version is
// a new body and never reads the runs of its old text; the runs are frozen, being shared.
const RUN_PAIRS_KEPT = 16;
const runsKept = new WeakMap<LibraryStore, Map<string, Map<string, readonly DiffRun[]>>>();

function runsOfPair(store: LibraryStore, a: LawVersionMeta, b: LawVersionMeta): Map<string, readonly DiffRun[]> {
  let pairs = runsKept.get(store);
  if (!pairs) runsKept.set(store, (pairs = new Map()));
  const key = `${a.file}\u0000${b.file}`;
  let runs = pairs.get(key);
  if (runs) pairs.delete(key); // re-inserted below: the Map's order is the pairs' recency
  else runs = new Map();
  pairs.set(key, runs);
  for (const old of pairs.keys()) {
    if (pairs.size <= RUN_PAIRS_KEPT) break;
    pairs.delete(old);
  }
  return runs;
}

function charDiffKept(kept: Map<string, readonly DiffRun[]>, m: ArticleMapping, oldText: string, newText: string): DiffRun[] {
  const key = `${m.from.join('\u0000')}\u0001${m.to.join('\u0000')}`;
  let runs = kept.get(key);
  if (!runs) {
    runs = Object.freeze(diffChars(oldText, newText).map((r) => Object.freeze(r)));
    kept.set(key, runs);
  }
  return runs as DiffRun[];
}

export interface DiffOptions {
  /** Only the rows that changed (and the cosmetic ones). */
  changedOnly?: boolean;
  /**
   * A first answer (the diff view's first screen): character changes only for the first
   * `runsFirst` rows and for DIFF_ROWS_AROUND the row of `runsAround`; the other changed rows are
   * sent with runsPending, their texts left out (their lines' lengths instead). A rewritten law
   * has hundreds of changed rows (刑诉法解释 2012 → 2021: 365) whose diffs were most of the first
   * answer, and whose texts most of its size (586 → 150 KB); the view shows a screenful first.
   */
  runsFirst?: number;
  runsAround?: string;
}

export function diffVersions(store: LibraryStore, fromId: string, toId: string, opts: DiffOptions = {}): VersionDiff {
  const a = store.loadVersion(fromId);
  const b = store.loadVersion(toId);
  if (a.lawId !== b.lawId) throw new LibraryError('INVALID', '只能比较同一法规的两个版本');
  const mapping = mappingBetween(store, fromId, toId);
  const metaA = store.version(fromId);
  const metaB = store.version(toId);
  const kept = metaA && metaB ? runsOfPair(store, metaA, metaB) : new Map<string, readonly DiffRun[]>();
  const ua = new Map(a.units.map((u) => [u.key, u]));
  const ub = new Map(b.units.map((u) => [u.key, u]));
  // Rows follow the newer version's order, with deletions placed after their predecessor; the
  // character diffs are computed once the order (hence which rows come first) is known.
  const rows: { row: DiffRow; m: ArticleMapping; oldText: string; newText: string }[] = [];
  for (const m of mapping) {
    if (opts.changedOnly && m.kind === 'same' && !m.cosmetic) continue;
    const from = sideOf(ua, m.from);
    const to = sideOf(ub, m.to);
    const oldText = from.map((s) => s.text).join('\n');
    const newText = to.map((s) => s.text).join('\n');
    rows.push({ row: { kind: m.kind, from, to, similarity: m.similarity, cosmetic: m.cosmetic }, m, oldText, newText });
  }
  const posA = firstIndexByKey(a.units);
  const posB = firstIndexByKey(b.units);
  const order = (r: DiffRow) => {
    if (r.to.length) return posB.get(r.to[0]!.key) ?? -1;
    return (posA.get(r.from[0]?.key ?? '') ?? -1) + 0.5; // a deletion sorts just after the old position
  };
  rows.sort((x, y) => order(x.row) - order(y.row));
  const partial = opts.runsFirst !== undefined || opts.runsAround !== undefined;
  const around = opts.runsAround === undefined ? -1 : rows.findIndex(({ row }) => row.to.some((p) => p.key === opts.runsAround) || row.from.some((p) => p.key === opts.runsAround));
  const wanted = (i: number) => !partial || i < (opts.runsFirst ?? 0) || (around >= 0 && i >= around - DIFF_ROWS_AROUND.before && i < around + DIFF_ROWS_AROUND.after);
  const out = rows.map(({ row, m, oldText, newText }, i): DiffRow => {
    if (oldText === newText || !row.from.length || !row.to.length) return row;
    if (wanted(i)) return { ...row, runs: charDiffKept(kept, m, oldText, newText) };
    const blank = (sides: DiffSide[]) => sides.map((p) => ({ ...p, text: '' }));
    const lengths = (text: string) => text.split('\n').map((l) => l.length);
    return { ...row, from: blank(row.from), to: blank(row.to), runsPending: true, lines: { from: lengths(oldText), to: lengths(newText) } };
  });
  const summary = summarise(mapping);
  return {
    lawId: a.lawId,
    from: { id: fromId, date: versionDate(a) },
    to: { id: toId, date: versionDate(b) },
    summary,
    summaryLine: summaryLine(summary),
    rows: out,
  };
}

export interface ArticleInVersion {
  versionId: string;
  date: string;
  status: LawVersionMeta['status'];
  key?: string; // absent where the article does not exist in that version
  label?: string;
  text?: string;
  change: ArticleMapping['kind'] | 'first';
  runs?: DiffRun[];
}

/** One article followed through every version of its law (forwards and backwards from `versionId`). */
export function articleAcrossVersions(store: LibraryStore, versionId: string, key: string): ArticleInVersion[] {
  const meta = store.version(versionId);
  if (!meta) throw new LibraryError('NOT_FOUND', `没有找到版本 ${versionId}`);
  const vs = versionsOf(store, meta.lawId);
  const start = vs.findIndex((v) => v.id === versionId);
  const keys: (string | undefined)[] = vs.map(() => undefined);
  keys[start] = key;
  for (let i = start + 1; i < vs.length; i++) {
    const prev = keys[i - 1];
    const m = prev ? mappingBetween(store, vs[i - 1]!.id, vs[i]!.id).find((e) => e.from.includes(prev)) : undefined;
    keys[i] = m?.to[0];
  }
  for (let i = start - 1; i >= 0; i--) {
    const next = keys[i + 1];
    const m = next ? mappingBetween(store, vs[i]!.id, vs[i + 1]!.id).find((e) => e.to.includes(next)) : undefined;
    keys[i] = m?.from[0];
  }
  const out: ArticleInVersion[] = [];
  let prevText: string | undefined;
  vs.forEach((v, i) => {
    const k = keys[i];
    const u = k ? store.loadVersion(v.id).units.find((x) => x.key === k) : undefined;
    let change: ArticleInVersion['change'] = 'first';
    if (i > 0) {
      const m = mappingBetween(store, vs[i - 1]!.id, v.id);
      const e = k ? m.find((x) => x.to.includes(k)) : keys[i - 1] ? m.find((x) => x.from.includes(keys[i - 1]!)) : undefined;
      change = e ? e.kind : 'added';
    }
    out.push({
      versionId: v.id,
      date: versionDate(v),
      status: v.status,
      ...(u ? { key: u.key, label: u.label, text: u.text } : {}),
      change,
      ...(u && prevText !== undefined && prevText !== u.text ? { runs: diffChars(prevText, u.text) } : {}),
    });
    prevText = u?.text;
  });
  return out;
}

/**
 * One article (by key, e.g. "12" or "12-1") followed through every version of a law, starting from
 * `preferredId` when that version has it, else from the newest version that does. An article no
 * version has is an error: following nothing would report it as 新增 in every version.
 */
export function articleHistory(store: LibraryStore, lawId: string, key: string, label: string, preferredId?: string): ArticleInVersion[] {
  const vs = versionsOf(store, lawId);
  const has = (id: string) => store.loadVersion(id).units.some((u) => u.key === key);
  const start = preferredId && has(preferredId) ? preferredId : [...vs].reverse().find((v) => has(v.id))?.id;
  if (!start) {
    const law = store.law(lawId)!;
    throw new LibraryError('NOT_FOUND', `《${law.title}》的 ${vs.length} 个版本（${vs.map((v) => versionDate(v)).join('、')}）中都没有${label}`);
  }
  return articleAcrossVersions(store, start, key);
}

/** The version of a law in force on a date (施行日期, else 公布日期, latest not after it). */
export function versionAsOf(store: LibraryStore, lawId: string, date: string): LawVersionMeta | undefined {
  return versionInForceOn(versionsOf(store, lawId), date);
}

/** What a citation points at: law + version + article key (records keep more; this is enough). */
export interface CitedArticle {
  lawId: string;
  versionId: string;
  articleKey: string;
}

export type FlagColor = 'green' | 'yellow' | 'red';

export interface CitationFlag {
  color: FlagColor;
  /** One Chinese sentence that explains the flag, e.g. 条文序号变动：现为第八条. */
  reason: string;
  /** The version now in force, and the article's key there when it still exists. */
  currentVersionId?: string;
  currentKey?: string;
  currentLabel?: string;
}

function currentVersion(store: LibraryStore, lawId: string): LawVersionMeta | undefined {
  const vs = versionsOf(store, lawId);
  return vs.find((v) => v.status === '现行有效') ?? versionInForceOn(vs.filter((v) => !v.expired), store.today());
}

/**
 * KeyCite-style flag: green = unchanged in the version in force; yellow = renumbered only, or the
 * change is cosmetic (cross-reference numbers, punctuation); red = amended, split, merged,
 * deleted, or the law repealed.
 */
export function flagCitation(store: LibraryStore, c: CitedArticle): CitationFlag {
  const law = store.law(c.lawId);
  const cited = store.version(c.versionId);
  if (!law || !cited) return { color: 'red', reason: '所引法规或版本已从资料库删除' };
  const current = currentVersion(store, c.lawId);
  if (!current) {
    const repealed = versionsOf(store, c.lawId).every((v) => v.status === '已废止');
    return { color: 'red', reason: repealed ? '所引法规已废止' : '所引法规目前没有现行有效的版本' };
  }
  if (isWholeLawKey(c.articleKey) || isHeadingKey(c.articleKey)) return flagWide(store, c, cited, current);
  const label = (v: LawVersion | LawVersionMeta, key: string) =>
    store.loadVersion(v.id).units.find((u) => u.key === key)?.label ?? key;
  if (current.id === cited.id) {
    const exists = store.loadVersion(cited.id).units.some((u) => u.key === c.articleKey);
    return exists
      ? { color: 'green', reason: '所引版本即现行有效版本', currentVersionId: current.id, currentKey: c.articleKey, currentLabel: label(current, c.articleKey) }
      : { color: 'red', reason: '所引条文在该版本中不存在' };
  }
  const m = mappingBetween(store, cited.id, current.id).find((e) => e.from.includes(c.articleKey));
  const at = `现行版本（${versionDate(current)}）`;
  if (!m || m.kind === 'deleted') return { color: 'red', reason: `该条在${at}中已删除`, currentVersionId: current.id };
  const to = m.to[0]!;
  const base = { currentVersionId: current.id, currentKey: to, currentLabel: label(current, to) };
  const labels = m.to.map((k) => label(current, k)).join('、');
  switch (m.kind) {
    case 'same':
      return m.cosmetic
        ? { color: 'yellow', reason: `${at}仅有文字性调整（标点或引用条文序号）`, ...base }
        : { color: 'green', reason: `${at}中该条未变`, ...base };
    case 'renumbered':
      return { color: 'yellow', reason: `条文序号变动：${at}为${labels}，内容未变`, ...base };
    case 'amended':
      return { color: 'red', reason: `该条已修改：${at}为${labels}`, ...base };
    case 'split':
      return { color: 'red', reason: `该条已拆分：${at}为${labels}`, ...base };
    case 'merged':
      return { color: 'red', reason: `该条已与其他条文合并：${at}为${labels}`, ...base };
    default:
      return { color: 'red', reason: `该条在${at}中有变化`, ...base };
  }
}

/**
 * A whole law is green while the version cited is the one in force, yellow once a newer one is
 * (what was studied may have changed). A 编/章 follows its numbered heading: green while its
 * articles read the same, yellow when they changed, red when the outline no longer has it.
 */
function flagWide(store: LibraryStore, c: CitedArticle, cited: LawVersionMeta, current: LawVersionMeta): CitationFlag {
  const at = `现行版本（${versionDate(current) || current.id.split('@')[1]}）`;
  if (isWholeLawKey(c.articleKey)) {
    return current.id === cited.id
      ? { color: 'green', reason: '所引版本即现行有效版本', currentVersionId: current.id, currentKey: c.articleKey, currentLabel: '全文' }
      : { color: 'yellow', reason: `该法已有新版本：${at}`, currentVersionId: current.id, currentKey: c.articleKey, currentLabel: '全文' };
  }
  const now = headingByKey(store.loadVersion(current.id), c.articleKey);
  if (!now) return { color: 'red', reason: current.id === cited.id ? '所引编章在该版本中不存在' : `${at}中已没有该编章`, currentVersionId: current.id };
  const base = { currentVersionId: current.id, currentKey: now.key, currentLabel: now.label };
  if (current.id === cited.id) return { color: 'green', reason: '所引版本即现行有效版本', ...base };
  const then = headingByKey(store.loadVersion(cited.id), c.articleKey);
  return then && headingHash(then) === headingHash(now)
    ? { color: 'green', reason: `${at}中该编章未变`, ...base }
    : { color: 'yellow', reason: `${at}中该编章的条文有变化`, ...base };
}
