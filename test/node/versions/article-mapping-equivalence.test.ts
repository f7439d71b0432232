// The article mapping found its similar pairs by merging every unmatched old article with each new
// one in its window; it now walks the postings of the old article's bigrams. The result must be
// the very same mapping (kinds, keys, similarities, order): checked against the former algorithm,
// kept as article-mapping-reference.ts, on real version pairs (the corpus's longest diff among
// them) and on seeded rewrites of real laws that exercise ties, splits, merges and empty texts.
// The whole corpus is checked by `npx tsx test/bench/mapping-bench.ts --check`.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../electron/shared/law-model';
import { parseLawText } from '../../../electron/core/parse/law-structure-parser';
import { mapArticles } from '../../../electron/core/versions/article-mapping';
import { mapArticles as referenceMapping } from './article-mapping-reference';
import { seededRandom } from '../../bench/seeded-random';

const FIX = join(import.meta.dirname, '../../fixtures');
const units = (p: string) => parseLawText(readFileSync(join(FIX, p), 'utf8'), { format: 'md' }).units;

const PAIRS: [string, string][] = [
  ['versions/xingsu-jieshi-2012.md', 'versions/xingsu-jieshi-2021.md'],
  ['versions/gongsifa-2018.md', 'versions/gongsifa-2023.md'],
  ['laws/经济法/统计法(2009-06-27).md', 'laws/经济法/统计法(2024-09-13).md'],
  ['laws/宪法相关法/立法法(2015-03-15).md', 'laws/宪法相关法/立法法(2023-03-13).md'],
  ['laws/宪法相关法/监察法(2018-03-20).md', 'laws/宪法相关法/监察法(2024-12-25).md'],
  ['laws/行政法/保守国家秘密法(2010-04-29).md', 'laws/行政法/保守国家秘密法(2024-02-27).md'],
  ['laws/诉讼与非诉讼程序法/行政复议法(2017-09-01).md', 'laws/诉讼与非诉讼程序法/行政复议法(2023-09-01).md'],
];

const article = (n: number, text: string): Article => ({ key: String(n), kind: 'article', number: n, suffix: 0, label: `第${n}条`, path: [], paragraphs: [{ text, items: [] }], text });

/** A "new version" of `old`: articles kept, amended, split, merged, moved, deleted, duplicated, emptied, and new ones from `donor`. */
function rewrite(old: Article[], donor: Article[], seed: number): Article[] {
  const rnd = seededRandom(seed);
  const pick = <T,>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const texts: string[] = [];
  const src = old.filter((u) => u.kind === 'article').map((u) => u.text);
  for (let i = 0; i < src.length; i++) {
    const t = src[i]!;
    const r = rnd();
    if (r < 0.3) texts.push(t);
    else if (r < 0.55) {
      // amended: a share of the characters replaced, deleted or inserted
      const chars = [...t];
      const edits = Math.ceil(chars.length * rnd() * 0.6);
      for (let e = 0; e < edits && chars.length; e++) {
        const at = Math.floor(rnd() * chars.length);
        const op = rnd();
        if (op < 0.4) chars[at] = pick([...'的和或者应当依法人民政府第十条']);
        else if (op < 0.7) chars.splice(at, 1);
        else chars.splice(at, 0, pick([...'规定办法公安机关检察院']));
      }
      texts.push(chars.join(''));
    } else if (r < 0.62) {
      const cut = Math.floor(t.length / 2);
      texts.push(t.slice(0, cut), t.slice(cut));
    } else if (r < 0.68 && i + 1 < src.length) {
      texts.push(t + src[++i]!);
    } else if (r < 0.74) {
      /* deleted */
    } else if (r < 0.8) texts.push(t, t); // the same text twice: ties in the exact matches
    else if (r < 0.84) texts.push(r < 0.82 ? '' : t.slice(0, 1));
    else if (r < 0.92) texts.push(pick(donor).text);
    else texts.splice(Math.floor(rnd() * (texts.length + 1)), 0, t); // moved
  }
  return texts.map((t, n) => article(n + 1, t));
}

describe('the article mapping equals the former algorithm', () => {
  it.each(PAIRS)('on %s → %s and back', (older, newer) => {
    const a = units(older);
    const b = units(newer);
    const forward = mapArticles(a, b);
    expect(forward).toEqual(referenceMapping(a, b));
    expect(mapArticles(b, a)).toEqual(referenceMapping(b, a));
    // not a trivial pair: articles were matched by similarity, not only by identical text
    expect(forward.some((m) => m.kind === 'amended')).toBe(true);
  });

  it('on seeded rewrites of real laws (ties, splits, merges, moves, empty and one-character articles)', () => {
    const bases = PAIRS.map(([older]) => units(older));
    const kinds = new Set<string>();
    for (let seed = 1; seed <= 40; seed++) {
      const old = bases[seed % bases.length]!;
      const neu = rewrite(old, bases[(seed + 1) % bases.length]!, seed);
      const m = mapArticles(old, neu);
      expect(m).toEqual(referenceMapping(old, neu));
      expect(mapArticles(neu, old)).toEqual(referenceMapping(neu, old));
      m.forEach((e) => kinds.add(e.kind));
    }
    // the rewrites reach every kind of the mapping
    expect([...kinds].sort()).toEqual(['added', 'amended', 'deleted', 'merged', 'renumbered', 'same', 'split'].sort());
  });
});
