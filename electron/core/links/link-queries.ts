// Questions asked of the link graph: what an article cites, who cites an article or a law (被引用),
// and the relations of a law: 上位法, 下位法/实施, 司法解释, 相关法规.

import { partOf, type ArticlePart } from '../../shared/article-part';
import { LEVELS, displayTitle, regionRank, type Law, type LawVersionMeta } from '../../shared/law-model';
import type { LibraryStore } from '../library/library-store';
import { titleKey } from '../library/law-lookup';
import { EDGE_APPROX, EDGE_PART_MISSING, type Edge, type LinkGraphData } from './link-graph';
import { headingByKey, isHeadingKey } from '../records/citation-scope';
import { flagCitation, type CitationFlag } from '../versions/version-compare';
import { ArticleKeyMap } from '../versions/article-key-map';

export interface LinkRef {
  lawId: string;
  title: string;
  level: string;
  region: string;
  versionId: string;
  /** An article's key, or a heading's (h:第二章/第一节). */
  articleKey: string;
  label: string;
  /** A heading: the key of its first article (where the reader opens it). */
  firstKey?: string;
}

export interface LinkRow {
  from: LinkRef;
  to: LinkRef;
  /** The cited law had no version in force on the citing date: its oldest version is linked. */
  approx: boolean;
  /** The 款 or 项 written is not in the article linked. */
  partMissing?: boolean;
  /** The 款/项 written of the cited article, each; absent: the article itself. */
  parts?: ArticlePart[];
  /** Where the citation sits in the citing article's text. */
  start: number;
  end: number;
}

// Article labels by version body (its content hash): a 被引用 list of a whole law names hundreds
// of articles of a few versions, and each body is read once. Bounded; oldest dropped first.
const labelCache = new Map<string, Map<string, string>>();
const LABEL_CACHE_MAX = 200;

function labelOf(store: LibraryStore, versionId: string, key: string): string {
  if (key === 'preamble') return '序言';
  if (!/^(\d+)(?:-(\d+))?$/.test(key)) return key;
  const file = store.version(versionId)?.file ?? '';
  const ck = `${versionId}|${file}`;
  let labels = labelCache.get(ck);
  if (!labels) {
    labels = new Map(store.readUnits(versionId).map((u) => [u.key, u.label.replace(/[\s\u3000].*$/, '')]));
    if (labelCache.size >= LABEL_CACHE_MAX) labelCache.delete(labelCache.keys().next().value!);
    labelCache.set(ck, labels);
  }
  return labels.get(key) ?? key;
}

function refOf(store: LibraryStore, versionId: string, key: string): LinkRef {
  const v = store.version(versionId)!;
  const base = { lawId: v.lawId, title: displayTitle(v), level: v.level, region: v.region, versionId, articleKey: key };
  if (isHeadingKey(key)) {
    // 第二章/第一节 → 第二章第一节, opened at its first article
    const first = headingByKey(store.loadVersion(versionId), key)?.articles[0];
    return { ...base, label: key.slice(2).replace(/\//g, ''), ...(first ? { firstKey: first.key } : {}) };
  }
  return { ...base, label: labelOf(store, versionId, key) };
}

/** A row of the graph's edge as the faces show it. */
function rowOf(store: LibraryStore, fromVersion: string, x: Edge): LinkRow {
  return {
    from: refOf(store, fromVersion, x[0]),
    to: refOf(store, x[2], x[3]),
    approx: (x[4] & EDGE_APPROX) !== 0,
    ...((x[4] & EDGE_PART_MISSING) !== 0 ? { partMissing: true } : {}),
    ...(x[7] ? { parts: x[7].map(([paragraph, item]) => partOf({ paragraph, item })) } : {}),
    start: x[5],
    end: x[6],
  };
}

/** The version of a law a reader sees by default: the one in force, else the newest. */
export function currentVersionOf(store: LibraryStore, law: Law): LawVersionMeta | undefined {
  const vs = law.versionIds.map((id) => store.version(id)).filter((v): v is LawVersionMeta => !!v);
  return vs.find((v) => v.status === '现行有效') ?? vs.at(-1);
}

/** What a version (or one of its articles) cites. */
export function linksOut(store: LibraryStore, g: LinkGraphData, versionId: string, articleKey?: string): LinkRow[] {
  const e = g.entries[versionId];
  if (!e) return [];
  return e.edges
    .filter((x) => !articleKey || x[0] === articleKey)
    .map((x) => rowOf(store, versionId, x));
}

/**
 * Who cites a law (or one article of it) from another law: the current version of every other law,
 * each citing article once. An article is asked as a key of one version (`versionId`, by default
 * the law's current version): a citation made against another version is followed through the
 * article mapping, so a 2015 regulation citing 统计法 2009 第六条 is listed under 2024 第七条 and not
 * under 2024 第六条. `to` stays what the citing text names (its version and article).
 */
export function linksIn(
  store: LibraryStore,
  g: LinkGraphData,
  lawId: string,
  articleKey?: string,
  opts: { versionId?: string; keyMap?: ArticleKeyMap } = {},
): LinkRow[] {
  const law = store.law(lawId);
  const asked = articleKey ? (opts.versionId ?? (law && currentVersionOf(store, law)?.id)) : undefined;
  const keyMap = opts.keyMap ?? new ArticleKeyMap(store);
  const rows: LinkRow[] = [];
  for (const other of store.laws()) {
    if (other.id === lawId) continue;
    const v = currentVersionOf(store, other);
    const e = v && g.entries[v.id];
    if (!e) continue;
    const seen = new Set<string>();
    for (const x of e.edges) {
      if (x[1] !== lawId) continue;
      if (articleKey && (asked ? keyMap.keyIn(x[2], x[3], asked) : x[3]) !== articleKey) continue;
      const k = `${x[0]}>${x[2]}#${x[3]}`;
      if (seen.has(k)) continue;
      seen.add(k);
      rows.push(rowOf(store, v.id, x));
    }
  }
  return rows;
}

/**
 * 被引用 in the order every face shows it: by 效力级别 (as LEVELS lists them, unknown last), within a
 * level the laws of the office's place first (`officeRegion` as officeRegionIn reads 单位信息, so
 * 山东省淄博市高青县 typed out ranks 山东·淄博 laws first), then 全国, then other places, then by title.
 */
export function orderCitedBy<R extends Pick<LinkRow, 'from'>>(rows: readonly R[], officeRegion: string): R[] {
  const level = (l: string) => {
    const i = (LEVELS as readonly string[]).indexOf(l);
    return i < 0 ? LEVELS.length : i;
  };
  return [...rows].sort(
    (a, b) =>
      level(a.from.level) - level(b.from.level) ||
      regionRank(a.from.region, officeRegion) - regionRank(b.from.region, officeRegion) ||
      a.from.title.localeCompare(b.from.title, 'zh-CN') ||
      0,
  );
}

export interface LawBrief {
  lawId: string;
  title: string;
  level: string;
  region: string;
  /** Why it is listed: 名称, 制定依据, or the number of shared citations. */
  why: string;
}

export interface LawRelations {
  lawId: string;
  title: string;
  /** 上位法: the laws this one names as its basis (根据《…》，制定本条例). */
  upper: LawBrief[];
  /** 实施条例 / 实施办法 / 实施细则 of this law (by title or basis). */
  implementing: LawBrief[];
  /** 下位法: other laws made on the basis of this one. */
  lower: LawBrief[];
  /** 司法解释 of this law (by title, basis or most citations). */
  interpretations: LawBrief[];
  /** 相关法规: laws citing the most of the same laws. */
  related: LawBrief[];
  /** Other laws citing this one, by 效力级别. */
  citedByLevel: Record<string, number>;
}

function brief(law: Law, why: string): LawBrief {
  return { lawId: law.id, title: displayTitle(law), level: law.level, region: law.region, why };
}

export function lawRelations(store: LibraryStore, g: LinkGraphData, lawId: string): LawRelations {
  const law = store.law(lawId);
  if (!law) throw new Error(`资料库中没有法规 ${lawId}`);
  const key = titleKey(law.title);
  const currentEntry = (l: Law) => {
    const v = currentVersionOf(store, l);
    return v ? g.entries[v.id] : undefined;
  };
  const mine = currentEntry(law);
  const upper = (mine?.basis ?? []).map((id) => store.law(id)).filter((l): l is Law => !!l).map((l) => brief(l, '制定依据'));
  const myTargets = new Set((mine?.edges ?? []).map((x) => x[1]).filter((id) => id !== lawId));
  const implementing: LawBrief[] = [];
  const lower: LawBrief[] = [];
  const interpretations: LawBrief[] = [];
  const related: { law: Law; n: number }[] = [];
  const citedByLevel: Record<string, number> = {};
  const citesOfMe = new Map<string, number>();
  for (const other of store.laws()) {
    if (other.id === lawId) continue;
    const e = currentEntry(other);
    const otherKey = titleKey(other.title);
    const named = key.length >= 2 && otherKey !== key && otherKey.includes(key);
    const basedOnMe = !!e?.basis.includes(lawId);
    const cites = e ? e.edges.filter((x) => x[1] === lawId).length : 0;
    if (cites) {
      citedByLevel[other.level] = (citedByLevel[other.level] ?? 0) + 1;
      citesOfMe.set(other.id, cites);
    }
    if (other.level === '司法解释' && (named || basedOnMe)) interpretations.push(brief(other, named ? '名称' : '制定依据'));
    else if (named && /实施/.test(otherKey)) implementing.push(brief(other, '名称'));
    else if (basedOnMe) lower.push(brief(other, '制定依据'));
    if (e && myTargets.size) {
      const shared = new Set(e.edges.map((x) => x[1]).filter((id) => myTargets.has(id))).size;
      if (shared >= 2) related.push({ law: other, n: shared });
    }
  }
  const byRank = (a: LawBrief, b: LawBrief) => a.level.localeCompare(b.level) || a.title.localeCompare(b.title);
  return {
    lawId,
    title: displayTitle(law),
    upper,
    implementing: implementing.sort(byRank),
    lower: lower.sort(byRank),
    interpretations: interpretations.sort(byRank),
    related: related
      .sort((a, b) => b.n - a.n || a.law.title.localeCompare(b.law.title))
      .slice(0, 10)
      .map((r) => brief(r.law, `共同引用 ${r.n} 部法规`)),
    citedByLevel,
  };
}

export interface AffectedLink extends LinkRow {
  flag: CitationFlag;
}

/**
 * Change impact (受影响) for the laws: articles of other laws (their current versions) whose
 * citations point at an article that has since been amended, renumbered or deleted — flagged like
 * the records' citations. Of one law, or of every law when `lawId` is undefined (only citations of a
 * version that is no longer the one in force can be affected, so the rest is skipped unread).
 * The office's region first, then 全国, then the rest; within a region the worst flag first.
 */
export function affectedLaws(store: LibraryStore, g: LinkGraphData, lawId: string | undefined, officeRegion = ''): AffectedLink[] {
  const rank = (r: LinkRow) => regionRank(r.from.region, officeRegion);
  const current = new Map<string, string | undefined>();
  const currentOf = (id: string) => {
    if (!current.has(id)) {
      const law = store.law(id);
      current.set(id, law && currentVersionOf(store, law)?.id);
    }
    return current.get(id);
  };
  const flags = new Map<string, CitationFlag>();
  const out: AffectedLink[] = [];
  for (const other of store.laws()) {
    const v = currentVersionOf(store, other);
    const e = v && g.entries[v.id];
    if (!e) continue;
    const seen = new Set<string>();
    for (const x of e.edges) {
      if (x[1] === other.id || (lawId && x[1] !== lawId) || x[2] === currentOf(x[1])) continue;
      const k = `${x[2]}#${x[3]}`;
      if (seen.has(`${x[0]}>${k}`)) continue;
      seen.add(`${x[0]}>${k}`);
      let flag = flags.get(k);
      if (!flag) {
        flag = flagCitation(store, { lawId: x[1], versionId: x[2], articleKey: x[3] });
        flags.set(k, flag);
      }
      if (flag.color !== 'green') out.push({ ...rowOf(store, v.id, x), flag });
    }
  }
  const worst = (f: CitationFlag) => (f.color === 'red' ? 0 : 1);
  return out.sort((a, b) => rank(a) - rank(b) || worst(a.flag) - worst(b.flag) || a.from.title.localeCompare(b.from.title) || a.from.articleKey.localeCompare(b.from.articleKey, undefined, { numeric: true }));
}
