// 上位法 side by side: for each draft article, the most similar provisions of higher-rank laws
// and of the office's region, as in force on the review date. The query is built from the
// article's distinctive terms (character pairs weighted by how rare they are in the library),
// run as pairs of terms through the search engine (so near wording is found, not only exact
// phrases), and the candidates are ranked by the overlap of their character pairs with the
// draft article. The differences are a character diff, as in the version view.

import type { Article, Level } from '../../shared/law-model';
import { citationOf } from '../../shared/citation';
import type { HigherLawMatch } from '../../shared/review-workbench';
import type { LibraryStore } from '../library/library-store';
import type { SearchEngine } from '../search/search-engine';
import { diffChars } from '../versions/char-diff';

/** 法律 > 行政法规 > 部门规章/地方性法规 > 地方政府规章 > 规范性文件. */
export const LEVEL_RANK: Partial<Record<Level, number>> = { 宪法: 0, 法律: 1, 行政法规: 2, 部门规章: 3, 地方性法规: 3, 地方政府规章: 4, 规范性文件: 5 };
const PANEL_LEVELS: Level[] = ['宪法', '法律', '行政法规', '部门规章', '地方性法规', '地方政府规章', '规范性文件'];

/** Pairs that say nothing about the subject: function words and the boilerplate of every rule. */
const STOP = /[的了和与及或在对为以其等是有于由并应当可不得按照依本条款项第一二三四五六七八九十、，。；：“”（）《》\s0-9]/;
const COMMON_PAIRS = new Set(['规定', '有关', '部门', '人民', '政府', '县级', '以上', '办法', '法律', '法规', '单位', '组织', '个人', '工作', '管理', '相关', '进行', '负责', '实施', '情况', '主管', '机关', '行政', '国家', '社会', '建立', '加强', '支持']);

function pairs(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < text.length; i++) {
    const a = text[i]!;
    const b = text[i + 1]!;
    if (STOP.test(a) || STOP.test(b)) continue;
    out.push(a + b);
  }
  return out;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return (2 * n) / (a.size + b.size);
}

const dfCache = new WeakMap<SearchEngine, { generation: number; df: Map<string, number> }>();

export interface HigherLawOptions {
  asOf: string;
  region: string;
  perArticle?: number; // default 3
  minSimilarity?: number; // default 0.12
  onProgress?: (p: { phase: string; done: number; total: number }) => void;
}

export function higherLawPanel(store: LibraryStore, engine: SearchEngine, units: Article[], opts: HigherLawOptions): Record<string, HigherLawMatch[]> {
  const province = opts.region.split('·')[0]!;
  const regions = [...new Set(['全国', province])];
  let cache = dfCache.get(engine);
  if (!cache || cache.generation !== store.generation) dfCache.set(engine, (cache = { generation: store.generation, df: new Map() }));
  const df = (term: string) => {
    let n = cache!.df.get(term);
    if (n === undefined) {
      n = engine.search({ q: term, limit: 0, asOf: opts.asOf }).total;
      cache!.df.set(term, n);
    }
    return n;
  };
  const textCache = new Map<string, { text: string; label: string; set: Set<string> }>();
  const unitOf = (versionId: string, key: string) => {
    const k = `${versionId}#${key}`;
    let u = textCache.get(k);
    if (!u) {
      const found = store.loadVersion(versionId).units.find((x) => x.key === key);
      u = { text: found?.text ?? '', label: found?.label ?? key, set: new Set(pairs(found?.text ?? '')) };
      textCache.set(k, u);
    }
    return u;
  };

  const out: Record<string, HigherLawMatch[]> = {};
  units.forEach((unit, i) => {
    if (i % 10 === 0) opts.onProgress?.({ phase: '查找上位法', done: i, total: units.length });
    const own = pairs(unit.text);
    const tf = new Map<string, number>();
    for (const p of own) if (!COMMON_PAIRS.has(p)) tf.set(p, (tf.get(p) ?? 0) + 1);
    // The rarest pairs present in the library carry the article's subject.
    const scored = [...tf.entries()]
      .map(([t, n]) => ({ t, d: df(t), n }))
      .filter((x) => x.d > 0)
      .map((x) => ({ ...x, w: x.n * Math.log(1 + 100000 / x.d) }))
      .sort((a, b) => b.w - a.w);
    const terms: string[] = [];
    for (const s of scored) {
      if (terms.length >= 5) break;
      if (s.d > 20000) continue;
      terms.push(s.t);
    }
    if (terms.length < 2) {
      out[unit.key] = [];
      return;
    }
    const candidates = new Map<string, { versionId: string; key: string; votes: number }>();
    for (let a = 0; a < terms.length; a++) {
      for (let b = a + 1; b < terms.length; b++) {
        const r = engine.search({ q: `${terms[a]} ${terms[b]}`, limit: 15, asOf: opts.asOf, regions, levels: PANEL_LEVELS });
        for (const h of r.hits) {
          if (h.kind === 'law' || !h.articleKey) continue;
          const k = `${h.versionId}#${h.articleKey}`;
          const c = candidates.get(k) ?? { versionId: h.versionId, key: h.articleKey, votes: 0 };
          c.votes++;
          candidates.set(k, c);
        }
      }
    }
    const mine = new Set(own);
    const ranked = [...candidates.values()]
      .sort((x, y) => y.votes - x.votes)
      .slice(0, 25)
      .map((c) => ({ c, u: unitOf(c.versionId, c.key) }))
      .map((x) => ({ ...x, sim: dice(mine, x.u.set) }))
      .filter((x) => x.sim >= (opts.minSimilarity ?? 0.12))
      .sort((x, y) => y.sim - x.sim)
      .slice(0, opts.perArticle ?? 3);
    out[unit.key] = ranked.map(({ c, u, sim }) => {
      const meta = store.version(c.versionId)!;
      return {
        lawId: meta.lawId,
        versionId: meta.id,
        articleKey: c.key,
        citation: citationOf(meta, u.label),
        title: meta.title,
        level: meta.level,
        region: meta.region,
        label: u.label,
        text: u.text,
        similarity: Math.round(sim * 1000) / 1000,
        runs: diffChars(unit.text, u.text),
      };
    });
  });
  opts.onProgress?.({ phase: '查找上位法', done: units.length, total: units.length });
  return out;
}
