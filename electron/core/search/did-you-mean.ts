// "Did you mean" for a query that finds nothing: for each term that finds nothing alone, the
// strings one edit away that really occur in the library — a character inserted (合法审查 →
// 合法性审查) or replaced (重大行政决册 → 重大行政决策) is found by scanning the articles holding
// the term's text before and after the edit, so every candidate is a real phrase with a real
// count; deletions and swaps are checked directly — and, for several terms, the query without the
// term that empties it. Inserting keeps every typed character, so it ranks first.

import { formatQuery, type ParsedQuery } from './query-parser';

export interface Vocabulary {
  /**
   * Strings prefix + one character + suffix occurring in the articles, with the number of
   * articles holding each (prefix or suffix may be empty, not both).
   */
  wildcard(prefix: string, suffix: string): Map<string, number>;
  /** Articles the query finds (exact, with the query's filters). */
  count(q: ParsedQuery): number;
}

const HAN = /[\u3400-\u9fff]/;
const PER_TIER = 12;
const MAX_TERM = 16;

/** Variant → [tier, article count]: tier 0 inserts, 1 replaces or swaps, 2 deletes. */
function variants(t: string, v: Vocabulary): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  const add = (s: string, tier: number, n: number) => {
    if (s.length < 2 || s === t || n <= 0) return;
    const old = out.get(s);
    if (!old || old[0] > tier || (old[0] === tier && old[1] < n)) out.set(s, [tier, n]);
  };
  const n = t.length;
  for (let i = 0; i < n; i++) {
    const pre = t.slice(0, i);
    const replaced = v.wildcard(pre, t.slice(i + 1));
    for (const [s, c] of replaced) if (HAN.test(s[i]!)) add(s, 1, c);
    if (i > 0) for (const [s, c] of v.wildcard(pre, t.slice(i))) if (HAN.test(s[i]!)) add(s, 0, c);
    if (n > 2) add(t.slice(0, i) + t.slice(i + 1), 2, 1);
    if (i + 1 < n) add(t.slice(0, i) + t[i + 1] + t[i] + t.slice(i + 2), 1, 1);
  }
  return out;
}

export function didYouMean(q: ParsedQuery, v: Vocabulary, max = 3): string[] {
  const found = new Map<string, [number, number]>(); // query → [tier, hits]
  const consider = (p: ParsedQuery, tier: number) => {
    const text = formatQuery(p);
    if (found.has(text)) return;
    const n = v.count(p);
    if (n > 0) found.set(text, [tier, n]);
  };
  q.terms.forEach((term, ti) => {
    const t = term.text;
    if (t.length < 2 || t.length > MAX_TERM || !HAN.test(t) || v.count({ terms: [term], excludes: [] }) > 0) return;
    const all = [...variants(t, v)].sort((a, b) => a[1][0] - b[1][0] || b[1][1] - a[1][1]);
    for (const tier of [0, 1, 2]) {
      for (const [s] of all.filter((x) => x[1][0] === tier).slice(0, PER_TIER)) {
        const terms = q.terms.map((x, i) => (i === ti ? { text: s, phrase: x.phrase } : x));
        consider({ terms, excludes: q.excludes }, tier);
      }
    }
  });
  if (q.terms.length > 1) {
    q.terms.forEach((_, ti) => consider({ terms: q.terms.filter((_x, i) => i !== ti), excludes: q.excludes }, 3));
  }
  // A suggestion inside a better one (重大行政决 after 重大行政决策) only offers less of the same.
  const out: string[] = [];
  for (const [s] of [...found].sort((a, b) => a[1][0] - b[1][0] || b[1][1] - a[1][1])) {
    if (out.length >= max) break;
    if (!out.some((kept) => kept.includes(s))) out.push(s);
  }
  return out;
}
