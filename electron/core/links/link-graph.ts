// The link graph over the library (法条联想): every citation inside every version, as an edge
// (version, article) → (law, article, version in force on the citing version's 施行 date), plus the
// laws each version names as its basis (根据《…》，制定本条例). Stored as derived data in
// derived/links/links.json, one entry per citing version keyed by its body file (content hash): an
// entry whose body changed is recomputed, and so are the entries that may point elsewhere after a
// law was added or removed. A damaged file is rebuilt. Built in time slices like the search index.

import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { jsonPieces, writeFileAtomicAsync } from '../library/atomic-file';
import type { LibraryStore } from '../library/library-store';
import { titleKey } from '../library/law-lookup';
import { startOf } from '../records/citation-resolve';
import { detectCitations, orderKeys, type DefinedName } from '../records/citation-detect';
import { TimeSlicer } from '../util/time-slicer';
import { LibraryTargetResolver } from './link-resolver';

/**
 * 2: the detector reads codes held whole and in parts, 本实施条例, short names defined in an earlier article;
 * 3: and contractions of a title that fit one law (科技进步法, law-contraction.ts);
 * 4: headings are targets (本条例第三章 → h:第三章), and the flags carry a 款/项 the article lacks;
 * 5: a 司法解释's bare articles it lacks are the interpreted law's, the nearest 本规定 names a bare article's law,
 *    a name that may end a longer title is no link (citation-detect.ts, session 18);
 * 6: 前条 / 前两条 and 本条第二款 are edges (the citing article is passed), 同法 is the law named before, and a held
 *    name after 国家/法律/法规/规章 is that law (session 19);
 * 7: 修订前的刑法第五十九条 is the version the revision replaced, no edge when the library holds none older (the oldest
 *    was linked), and a bracketed 文号 the library's headers carry (法释〔2025〕1号第三条) names its version (session 20);
 * 8: an edge carries every 款/项 written of its article (本条第一款、第二款: both; the second was only checked) (session 22);
 * 9: 前款 / 前两款 / 本款第X项 / a bare 第二款 are edges to the citing article with that 款, and a 款 joined by 和 or a comma
 *    to the one written (第十九条第三款和第四款) is of that article (session 24);
 * 10: a 项 written without its 条 or 款 (违反第（七）项规定, （五）…第三项、第四项规定以外的) and 该条第二款 / 同条第二款 are edges
 *    to the article they are of (session 25).
 * 11: a 项 joined by 或者/和 to the 项 just written (第二十四条第（二）项或者第（三）项) is a part of the same edge (session 26).
 * 12: 同法 after a one-character verb (并按同法), a short name defined in a note with a 文号 or version before it (（法释〔2008〕5号，
 *    以下简称《解释》）) and an order written 国务院第713号令 are read (session 27).
 * 13: a 文号 the library carries, then 文 / 文件 (国务院令第713号文件第二十五条), is that version's article (session 27).
 * 14: an article number wrapped or spaced inside (第十\n八条, 第十 八条) is read whole, and a page footer line between two halves
 *    of a sentence (— 3 —, 第 2 页 共 4 页) is read as a space (session 28).
 * 15: a place left out (《省专利条例》, 本市物业管理条例第十条) is the citing law's province or city, and 省人民政府令第X号 its
 *    government's order (session 30).
 * 16: `missing` also holds what an unresolved citation looked for by another path (本省…条例第X条 completed, a bare name the
 *    library lacks, an order's or a 文号's number) and `orders` the numbers each law's versions carry, so importing the law
 *    (or setting its 文号) recomputes every entry that cited it (session 31).
 */
export const LINKS_FORMAT = 16;

/** Edge flags: the citing text is older than every version held (the oldest is linked). */
export const EDGE_APPROX = 1;
/** Edge flags: the 款 or 项 written is not in the article linked (第十条第（五）项 of an article of four items). */
export const EDGE_PART_MISSING = 2;

/**
 * [fromKey, toLawId, toVersionId, toKey, flags, start, end, parts?] — compact: ~100,000 of them. toKey is an
 * article's key or a heading's (h:第二章/第一节); parts the 款/项 written of it, when any.
 */
const partNumber = z.number().int().min(0).max(999);
const edgeSchema = z.tuple([
  z.string(),
  z.string(),
  z.string(),
  z.string(),
  z.number().int().min(0).max(3),
  z.number().int(),
  z.number().int(),
  // the 款/项 written, each as [款, 项] (0: none) — 本条第一款、第二款 → [[1, 0], [2, 0]]; absent: the article
  z.array(z.tuple([partNumber, partNumber])).optional(),
]);
export type Edge = z.infer<typeof edgeSchema>;

const entrySchema = z.object({
  /** The citing version's body file (its content hash). */
  file: z.string(),
  lawId: z.string(),
  date: z.string(),
  edges: z.array(edgeSchema),
  /** Laws this version names as its basis (根据《…》…制定). */
  basis: z.array(z.string()),
  /**
   * Title keys of laws named but not in the library (and, of citations that named none the library holds, what they looked
   * for: a completed title, an order's number as `orderKeys` spells it), and the count of unresolved mentions.
   */
  missing: z.array(z.string()),
  unresolved: z.number().int(),
});
export type LinkEntry = z.infer<typeof entrySchema>;

const graphSchema = z.object({
  format: z.literal(LINKS_FORMAT),
  /** Law id → title key, as when built: a change means citations may now point elsewhere. */
  laws: z.record(z.string(), z.string()),
  /** Law id → its version ids, as when built (a new version changes the version in force). */
  versions: z.record(z.string(), z.array(z.string())),
  /** Law id → the 文号 its versions carry (orderKeys), as when built: an order cited before it was set now names the law. */
  orders: z.record(z.string(), z.array(z.string())),
  entries: z.record(z.string(), entrySchema),
});
export type LinkGraphData = z.infer<typeof graphSchema>;

export interface LinksProgress {
  done: number;
  total: number;
}

export interface RefreshReport {
  /** The graph as it now is (what was written, or the stored one when nothing changed). */
  graph: LinkGraphData;
  recomputed: number;
  kept: number;
  removed: number;
  rebuilt: boolean;
  ms: number;
}

export function linksFile(store: LibraryStore): string {
  return join(store.dir, 'derived', 'links', 'links.json');
}

/** The stored graph; undefined when absent or damaged (then it is rebuilt). */
export function readLinkGraph(store: LibraryStore): LinkGraphData | undefined {
  const file = linksFile(store);
  if (!existsSync(file)) return undefined;
  try {
    const parsed = graphSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

const graphHeadSchema = graphSchema.extend({ entries: z.record(z.string(), z.unknown()) });

/**
 * readLinkGraph for the app: the same checks, each entry validated on its own between slices (the
 * whole graph at once — 2,590 entries, ~100,000 edges — was one step of ~85 ms).
 */
export async function readLinkGraphSliced(store: LibraryStore, slicer: TimeSlicer): Promise<LinkGraphData | undefined> {
  const file = linksFile(store);
  if (!existsSync(file)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  await slicer.maybePause();
  const head = graphHeadSchema.safeParse(raw);
  if (!head.success) return undefined;
  const entries: Record<string, LinkEntry> = {};
  for (const [id, e] of Object.entries(head.data.entries)) {
    const r = entrySchema.safeParse(e);
    if (!r.success) return undefined;
    entries[id] = r.data;
    await slicer.maybePause();
  }
  return { ...head.data, entries };
}

const BASIS = /(?:根据|依据|依照|按照)[^。；]*?制定本/;
/**
 * A unit worth reading: it names an article or heading (第十二条, 第三章), the article before (前条) or a part of its own
 * or of one it names (本条第二款, 前款, 第二款, 本款第三项, 第（三）项).
 */
const CITES = /第[^条章节\n]{1,12}[条章节]|前[两二三四五]?[条款]|本[条款]第|第[^条款\n]{1,8}款|第[^条款项\n]{1,8}项/;
const DEFINES = /简称/;
/** An order's or a 文号's number (orderKeys: 山东省人民政府令第311号, 法释〔2022〕10号), kept as written. */
const ORDER_KEY = /(?:令第\d+号|〔\d{4}〕\d+号)$/;

/** The edges of one version. */
export function computeEntry(store: LibraryStore, resolver: LibraryTargetResolver, versionId: string): LinkEntry {
  const steps = entrySteps(store, resolver, versionId);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * computeEntry as steps, one per article that cites something: a law of a few hundred citing
 * articles (民法典's parts, a code of procedure) is a few hundred ms of detection, too long for one
 * slice of an app's event loop.
 */
function* entrySteps(store: LibraryStore, resolver: LibraryTargetResolver, versionId: string): Generator<void, LinkEntry> {
  const meta = store.version(versionId)!;
  const date = startOf(meta) || store.today();
  const edges: Edge[] = [];
  const basis = new Set<string>();
  const missing = new Set<string>();
  let unresolved = 0;
  const units = resolver.units(versionId);
  // short names an article defines (第一条 …《职工带薪年休假条例》（以下简称条例）) hold in the later ones
  let definedNames: DefinedName[] = [];
  for (const [i, u] of units.entries()) {
    const hasBasis = i < 3 && BASIS.test(u.text);
    if (!hasBasis && !CITES.test(u.text) && !DEFINES.test(u.text)) continue;
    yield;
    // 《省专利条例》 in a 广东 regulation is 广东's: the citing version's region completes a place left out
    const d = detectCitations(store, u.text, date, meta.lawId, resolver, { definedNames, lawRegion: meta.region, ...(u.kind === 'article' ? { article: { number: u.number, suffix: u.suffix, versionId } } : {}) });
    if (d.definedNames.length) definedNames = [...definedNames, ...d.definedNames];
    for (const m of d.mentions) {
      if (m.target) {
        const t = m.target;
        const edge: Edge = [u.key, t.lawId, t.versionId, t.articleKey, (t.approx ? EDGE_APPROX : 0) | (t.partMissing ? EDGE_PART_MISSING : 0), m.start, m.end];
        if (t.parts) edge.push(t.parts.map((p) => [p.paragraph ?? 0, p.item ?? 0]));
        edges.push(edge);
      }
      else {
        unresolved++;
        // 本省…条例第X条, 上海市物业管理条例第十条, 省人民政府令第311号第十条: what the text looked for, so that importing it
        // recomputes this entry as a 《title》 named does (a word of two characters — 通知, 方案 — names no law to wait for)
        if (m.sought) {
          const key = ORDER_KEY.test(m.sought) ? m.sought : titleKey(m.sought);
          if (key.length >= 3) missing.add(key);
        }
      }
    }
    for (const l of d.laws) {
      if (!l.lawId) missing.add(titleKey(l.text));
      else if (hasBasis && l.lawId !== meta.lawId) {
        const sentence = BASIS.exec(u.text);
        if (sentence && l.start >= sentence.index && l.start < sentence.index + sentence[0].length) basis.add(l.lawId);
      }
    }
  }
  return { file: meta.file, lawId: meta.lawId, date, edges, basis: [...basis], missing: [...missing], unresolved };
}

/**
 * Brings the stored graph up to date with the library: recomputes the entries of new or changed
 * versions, and of versions that pointed at (or named but could not find) a law whose versions or
 * title changed. Everything when the stored graph is missing or damaged.
 */
export async function refreshLinks(
  store: LibraryStore,
  opts: { slicer?: TimeSlicer; onProgress?: (p: LinksProgress) => void; full?: boolean; previous?: LinkGraphData } = {},
): Promise<RefreshReport> {
  const t0 = performance.now();
  const slicer = opts.slicer ?? new TimeSlicer();
  // the graph this process last wrote or read, when it has one: spares a read and a validation
  const old = opts.full ? undefined : (opts.previous ?? (await readLinkGraphSliced(store, slicer)));
  const laws: Record<string, string> = {};
  const versions: Record<string, string[]> = {};
  const orders: Record<string, string[]> = {};
  for (const l of store.laws()) {
    laws[l.id] = titleKey(l.subtitle ? `${l.title}${l.subtitle}` : l.title);
    versions[l.id] = [...l.versionIds];
    const numbers = [...new Set(l.versionIds.flatMap((id) => orderKeys(store.version(id) ?? {})))].sort();
    if (numbers.length) orders[l.id] = numbers;
  }
  // laws whose identity or versions changed since the graph was built
  const changed = new Set<string>();
  const changedKeys = new Set<string>();
  if (old) {
    for (const id of new Set([...Object.keys(laws), ...Object.keys(old.laws)])) {
      if (laws[id] !== old.laws[id] || (versions[id] ?? []).join() !== (old.versions[id] ?? []).join() || (orders[id] ?? []).join() !== (old.orders[id] ?? []).join()) {
        changed.add(id);
        for (const k of [laws[id], old.laws[id], ...(orders[id] ?? []), ...(old.orders[id] ?? [])]) if (k) changedKeys.add(k);
      }
    }
  }
  const keys = [...changedKeys];
  const entries: Record<string, LinkEntry> = {};
  const todo: string[] = [];
  let kept = 0;
  // Versions and laws as they are now: the checks below pause, and the library may change meanwhile.
  for (const v of store.versions()) {
    const e = old?.entries[v.id];
    const stale =
      !e ||
      e.file !== v.file ||
      changed.has(v.lawId) ||
      e.edges.some((x) => changed.has(x[1])) ||
      e.basis.some((b) => changed.has(b)) ||
      e.missing.some((m) => keys.some((k) => k === m || k.endsWith(m) || m.endsWith(k)));
    if (stale) todo.push(v.id);
    else {
      entries[v.id] = e;
      kept++;
    }
    if (slicer.due) await slicer.pause();
  }
  const removed = old ? Object.keys(old.entries).filter((id) => !store.version(id)).length : 0;
  const resolver = new LibraryTargetResolver(store);
  let done = 0;
  for (const id of todo) {
    // a version removed while this ran is left out (the next refresh sees the change)
    if (!store.version(id)) continue;
    const steps = entrySteps(store, resolver, id);
    for (;;) {
      const r = steps.next();
      if (r.done) {
        entries[id] = r.value;
        break;
      }
      if (slicer.due) {
        opts.onProgress?.({ done, total: todo.length });
        await slicer.pause();
      }
    }
    done++;
  }
  opts.onProgress?.({ done, total: todo.length });
  const data: LinkGraphData = { format: LINKS_FORMAT, laws, versions, orders, entries };
  if (todo.length || removed || !old) {
    mkdirSync(join(store.dir, 'derived', 'links'), { recursive: true });
    // entries are new objects this run made or old ones it only reads: nothing changes them meanwhile
    await writeFileAtomicAsync(linksFile(store), jsonPieces(data), { fsync: false, slicer });
  }
  return { graph: data, recomputed: todo.length, kept, removed, rebuilt: !old, ms: performance.now() - t0 };
}

/** Problems `lawdesk check` reports about the link graph (it is derived: --repair rebuilds it). */
export function checkLinks(store: LibraryStore): string[] {
  const file = linksFile(store);
  if (!existsSync(file)) return [];
  const g = readLinkGraph(store);
  if (!g) return ['法条链接数据（derived/links/links.json）已损坏，将重建'];
  const problems: string[] = [];
  for (const v of store.versions()) {
    const e = g.entries[v.id];
    if (e && e.file !== v.file) problems.push(`法条链接数据中《${v.title}》（${v.id}）的正文已变，需要更新`);
  }
  for (const [id, e] of Object.entries(g.entries)) {
    if (!store.version(id)) {
      problems.push(`法条链接数据含已删除的版本 ${id}`);
      continue;
    }
    for (const x of e.edges) {
      if (!store.version(x[2])) {
        problems.push(`法条链接数据中 ${id} 指向已删除的版本 ${x[2]}`);
        break;
      }
    }
  }
  return problems;
}
