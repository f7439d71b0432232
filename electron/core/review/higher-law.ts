// 上位法 side by side: for each draft article, the most similar provisions of higher-rank laws
// and of the office's region, as in force on the review date. The query is built from the
// article's distinctive terms (character pairs weighted by how rare they are in the library),
// run as pairs of terms through the search engine (so near wording is found, not only exact
// phrases), and the candidates are ranked by the overlap of their character pairs with the
// draft article. The differences are a character diff, as in the version view.

import type { PhaseProgress } from '../../shared/task-progress';
import { bindsOffice, type Article, type Level } from '../../shared/law-model';
import { documentTitleOf } from '../../shared/draft-title';
import { citationOf } from '../../shared/citation';
import type { HigherLawMatch } from '../../shared/review-workbench';
import type { LibraryStore } from '../library/library-store';
import type { SearchEngine } from '../search/search-engine';

/**
 * What the panel needs of the search engine (the app's SearchBackend offers it too); `stats` when the
 * index is updated in the background, behind the library: what it holds marks the results computed on it.
 */
export type TermSearch = Pick<SearchEngine, 'docFrequency' | 'articlesWithTerms'> & { stats?: () => { segments: number; versions: number; articles: number } };

/**
 * What the index holds now, for keys of results computed on it: the library's generation changes at
 * a commit, the index catches up later (a background update), and a result cached in between would
 * miss the laws just imported until the next commit.
 */
export function indexMark(engine: TermSearch | undefined): string {
  const s = engine?.stats?.();
  return s ? `${s.segments}:${s.versions}:${s.articles}` : '';
}
import type { DiffRun } from '../versions/char-diff';

/** 法律 > 行政法规 > 部门规章/地方性法规 > 地方政府规章 > 规范性文件. */
export const LEVEL_RANK: Partial<Record<Level, number>> = { 宪法: 0, 法律: 1, 行政法规: 2, 部门规章: 3, 地方性法规: 3, 地方政府规章: 4, 规范性文件: 5 };
const PANEL_LEVELS: Level[] = ['宪法', '法律', '行政法规', '部门规章', '地方性法规', '地方政府规章', '规范性文件'];

/** Pairs that say nothing about the subject: function words and the boilerplate of every rule. */
const STOP = new Set('的了和与及或在对为以其等是有于由并应当可不得按照依本条款项第一二三四五六七八九十、，。；：“”（）《》 \n\t　0123456789');
const COMMON_PAIRS = new Set(['规定', '有关', '部门', '人民', '政府', '县级', '以上', '办法', '法律', '法规', '单位', '组织', '个人', '工作', '管理', '相关', '进行', '负责', '实施', '情况', '主管', '机关', '行政', '国家', '社会', '建立', '加强', '支持']);

function pairs(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < text.length; i++) {
    const a = text[i]!;
    const b = text[i + 1]!;
    if (STOP.has(a) || STOP.has(b)) continue;
    out.push(a + b);
  }
  return out;
}

/** STOP as a table by UTF-16 code unit (every STOP character is in the BMP). */
const STOP_CODE = new Uint8Array(0x10000);
for (const c of STOP) STOP_CODE[c.charCodeAt(0)] = 1;

/**
 * The same pairs as numbers (two code units in one), for the candidates' texts: the panel compares
 * each draft article with up to 40 provisions, and string pairs made it allocate ~250 000 short
 * strings a run (garbage-collector time, and slow while the code is still cold).
 */
function pairCodes(text: string): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i + 1 < text.length; i++) {
    const a = text.charCodeAt(i);
    const b = text.charCodeAt(i + 1);
    if (STOP_CODE[a] || STOP_CODE[b]) continue;
    out.add(a * 0x10000 + b);
  }
  return out;
}

function dice(a: Set<number>, b: Set<number>): number {
  if (!a.size || !b.size) return 0;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return (2 * n) / (a.size + b.size);
}

const dfCache = new WeakMap<TermSearch, { generation: string; df: Map<string, number> }>();

export interface HigherLawOptions {
  asOf: string;
  region: string;
  /**
   * The draft's title: the library's copy of the same document (an earlier draft imported with a folder,
   * or the text as adopted) is no 上位法 of it, however alike its articles.
   */
  title?: string;
  perArticle?: number; // default 3
  minSimilarity?: number; // default 0.12
  onProgress?: (p: PhaseProgress<'higherLaw'>) => void;
}

/**
 * Character runs from a to b by recursive longest common substring (Ratcliff/Obershelp, as
 * difflib): readable for two different texts side by side and cheap (O(n·m) per level) where
 * Myers' shortest edit script on two unrelated articles costs tens of milliseconds.
 */
export function alignRuns(a: string, b: string): DiffRun[] {
  const runs: DiffRun[] = [];
  const push = (op: DiffRun['op'], text: string) => {
    if (!text) return;
    const last = runs[runs.length - 1];
    if (last && last.op === op) last.text += text;
    else runs.push({ op, text });
  };
  const rec = (a0: number, a1: number, b0: number, b1: number, depth: number) => {
    let best = 0;
    let ba = a0;
    let bb = b0;
    if (a1 > a0 && b1 > b0 && depth < 64) {
      let prev = new Uint16Array(b1 - b0 + 1);
      let cur = new Uint16Array(b1 - b0 + 1);
      for (let i = a0; i < a1; i++) {
        for (let j = b0; j < b1; j++) {
          const v = a[i] === b[j] ? prev[j - b0]! + 1 : 0;
          cur[j - b0 + 1] = v;
          if (v > best) {
            best = v;
            ba = i - v + 1;
            bb = j - v + 1;
          }
        }
        [prev, cur] = [cur, prev];
        cur.fill(0);
      }
    }
    if (best < 2) {
      push('delete', a.slice(a0, a1));
      push('insert', b.slice(b0, b1));
      return;
    }
    rec(a0, ba, b0, bb, depth + 1);
    push('equal', a.slice(ba, ba + best));
    rec(ba + best, a1, bb + best, b1, depth + 1);
  };
  rec(0, a.length, 0, b.length, 0);
  return runs;
}

export type PanelOptions = HigherLawOptions & { cited?: Map<string, { versionId: string; articleKey: string }[]> };

export function higherLawPanel(store: LibraryStore, engine: TermSearch, units: Article[], opts: PanelOptions): Record<string, HigherLawMatch[]> {
  const steps = higherLawSteps(store, engine, units, opts);
  opts.onProgress?.({ phase: 'higherLaw', done: 0, total: units.length });
  for (;;) {
    const n = steps.next();
    if (n.done) return n.value;
    if (n.value % 10 === 0 || n.value === units.length) opts.onProgress?.({ phase: 'higherLaw', done: n.value, total: units.length });
  }
}

/**
 * Where the panel looks: national laws, and the places the office lies in — its province, its city,
 * its county (山东·临沂·沂水县 → 全国, 山东, 山东·临沂, 山东·临沂·沂水县). Another city of the same
 * province makes rules for that city only: 淄博's are no 上位法 of a 临沂 county's document.
 */
export function panelRegions(officeRegion: string): string[] {
  const parts = officeRegion.split('·').map((p) => p.trim()).filter(Boolean);
  if (!parts.length || parts[0] === '全国') return ['全国'];
  return ['全国', ...parts.map((_, i) => parts.slice(0, i + 1).join('·'))];
}

/** The panel one article at a time: yields the number of articles done (so a caller can report progress and let the event loop run). */
export function* higherLawSteps(store: LibraryStore, engine: TermSearch, units: Article[], opts: PanelOptions): Generator<number, Record<string, HigherLawMatch[]>> {
  const regions = panelRegions(opts.region);
  const office = regions.at(-1)!;
  // The search's region filter takes a province with all its cities, so the laws are named instead.
  const lawIds = office === '全国' ? undefined : store.laws().filter((l) => bindsOffice(l.region, office)).map((l) => l.id);
  let cache = dfCache.get(engine);
  const generation = `${store.generation}/${indexMark(engine)}`;
  if (!cache || cache.generation !== generation) dfCache.set(engine, (cache = { generation, df: new Map() }));
  const df = (term: string) => {
    let n = cache!.df.get(term);
    if (n === undefined) {
      n = engine.docFrequency(term);
      cache!.df.set(term, n);
    }
    return n;
  };
  const match = (unit: Article, versionId: string, key: string, label: string, text: string, sim: number): HigherLawMatch => {
    const meta = store.version(versionId)!;
    return {
      lawId: meta.lawId,
      versionId,
      articleKey: key,
      citation: citationOf(meta, label),
      title: meta.title,
      level: meta.level,
      region: meta.region,
      label,
      text,
      similarity: Math.round(sim * 1000) / 1000,
      runs: alignRuns(unit.text, text),
    };
  };

  const self = opts.title ? documentTitleOf(opts.title) : undefined;
  const out: Record<string, HigherLawMatch[]> = {};
  for (const [i, unit] of units.entries()) {
    const own = pairs(unit.text);
    const mine = pairCodes(unit.text);
    const shown: HigherLawMatch[] = [];
    // The provisions the article itself cites come first: that is the basis it claims.
    for (const c of opts.cited?.get(unit.key) ?? []) {
      const u = store.loadVersion(c.versionId).units.find((x) => x.key === c.articleKey);
      if (u && !shown.some((m) => m.versionId === c.versionId && m.articleKey === u.key)) shown.push(match(unit, c.versionId, u.key, u.label, u.text, dice(mine, pairCodes(u.text))));
    }
    const tf = new Map<string, number>();
    for (const p of own) if (!COMMON_PAIRS.has(p)) tf.set(p, (tf.get(p) ?? 0) + 1);
    // The rarest pairs present in the library carry the article's subject.
    const terms = [...tf.entries()]
      .map(([t, n]) => ({ t, d: df(t), n }))
      .filter((x) => x.d > 0 && x.d < 20000)
      .map((x) => ({ ...x, w: x.n * Math.log(1 + 100000 / x.d) }))
      .sort((a, b) => b.w - a.w)
      .slice(0, 8)
      .map((x) => x.t);
    if (terms.length >= 2) {
      const found = engine.articlesWithTerms(terms, { asOf: opts.asOf, regions: regions.slice(0, 2), levels: PANEL_LEVELS, ...(lawIds ? { lawIds } : {}) }, { minVotes: Math.min(3, terms.length), max: 40 });
      const ranked = found
        .map((f) => ({ f, sim: dice(mine, pairCodes(f.text)) }))
        .filter((x) => x.sim >= (opts.minSimilarity ?? 0.12) && !(self && documentTitleOf(store.version(x.f.versionId)!.title) === self))
        .sort((x, y) => y.sim - x.sim || (LEVEL_RANK[store.version(x.f.versionId)!.level] ?? 9) - (LEVEL_RANK[store.version(y.f.versionId)!.level] ?? 9));
      for (const { f, sim } of ranked) {
        if (shown.length >= (opts.perArticle ?? 3) + (opts.cited?.get(unit.key)?.length ?? 0)) break;
        if (shown.some((m) => m.versionId === f.versionId && m.articleKey === f.articleKey)) continue;
        shown.push(match(unit, f.versionId, f.articleKey, f.label, f.text, sim));
      }
    }
    out[unit.key] = shown;
    yield i + 1;
  }
  return out;
}
