// The frequent-phrase lists of a segment (issue 20): exact, written and read back, and used by the
// matcher so that a frequent 3–4-character phrase needs no verification of candidate texts.

import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { PairTable, Segment } from '../../../electron/core/search/segment';
import { matchSegment, termKeys } from '../../../electron/core/search/matcher';
import { useSegmentFixture } from './search-fixtures';

const fx = useSegmentFixture('lawdesk-phrase-');

/** Article numbers (in segment order) whose text holds every term and none of the excluded ones. */
function truth(terms: string[], excludes: string[] = []): number[] {
  const out: number[] = [];
  fx.texts.forEach((t, d) => {
    if (terms.every((x) => t.includes(x)) && !excludes.some((x) => t.includes(x))) out.push(d);
  });
  return out;
}

/** Exact count of `term` in `text` (overlapping occurrences are counted, like the lists do). */
function occurrences(text: string, term: string): number {
  let n = 0;
  for (let p = text.indexOf(term); p >= 0; p = text.indexOf(term, p + 1)) n++;
  return n;
}

describe('frequent-phrase lists', () => {
  it('lists the frequent 3–4-character phrases with exactly the articles and counts of indexOf', () => {
    const seg = Segment.build('t', fx.inputs, undefined, { phraseMinDf: 40 });
    const path = join(fx.dir, 'seg-1.lds');
    seg.write(path);
    const loaded = Segment.load(path, 'seg-1.lds');
    try {
      for (const s of [seg, loaded]) {
        const phrases = s.phraseList();
        // Real legal text at this threshold has frequent phrases, among them the commonest ones.
        expect(phrases.length).toBeGreaterThan(10);
        expect(phrases).toContain('人民政府');
        for (const p of phrases) {
          expect(p.length === 3 || p.length === 4).toBe(true);
          const slot = s.findPhrase(p);
          expect(slot).toBeGreaterThanOrEqual(s.keyCount);
          const list = s.posting(slot);
          const want = truth([p]);
          expect([...list.docs], p).toEqual(want);
          expect(s.df(slot)).toBe(want.length);
          // Counts are exact up to the stored cap of 255.
          want.forEach((d, i) => expect(list.tf[i], `${p} in ${d}`).toBe(Math.min(255, occurrences(fx.texts[d]!, p))));
        }
      }
    } finally {
      loaded.close();
    }
  });

  it('answers a frequent phrase from its list alone, and longer terms, AND and exclusions exactly', () => {
    const seg = Segment.build('t', fx.inputs, undefined, { phraseMinDf: 40 });
    const path = join(fx.dir, 'seg-2.lds');
    seg.write(path);
    const loaded = Segment.load(path, 'seg-2.lds');
    try {
      const tk = termKeys(loaded, '人民政府');
      expect(tk.exact).toBe(true);
      expect(tk.slots).toEqual([loaded.findPhrase('人民政府')]);
      // The texts are not read for a frequent phrase: nothing is verified.
      loaded.posting(tk.slots![0]!);
      expect(loaded.textLoaded).toBe(false);
      const cases: [string[], string[]][] = [
        [['人民政府'], []],
        [['县级以上人民政府'], []],
        [['县级以上地方人民政府应当加强'], []],
        [['人民政府', '许可'], []],
        [['许可'], ['人民政府']],
        [['行政许可'], ['县级以上人民政府']],
        [['国务院有关部门按照各自职责'], []],
        [['府人民'], []],
      ];
      for (const [terms, excludes] of cases) {
        for (const s of [seg, loaded]) expect([...matchSegment(s, terms, excludes).docs], `${terms} -${excludes}`).toEqual(truth(terms, excludes));
      }
      // A 4-unit term without a list of its own starts from its listed 3-unit pieces (第十二条 from
      // 第十二 and 十二条), which leave fewer candidates than its bigrams.
      const listed = new Set(loaded.phraseList());
      const four = fx.texts
        .flatMap((t) => Array.from({ length: Math.max(0, t.length - 3) }, (_, i) => t.slice(i, i + 4)))
        .find((g) => !listed.has(g) && listed.has(g.slice(0, 3)) && listed.has(g.slice(1)));
      expect(four).toBeDefined();
      const fk = termKeys(loaded, four!);
      expect(fk.exact).toBe(false);
      expect(fk.slots!.some((sl) => sl === loaded.findPhrase(four!.slice(0, 3)) || sl === loaded.findPhrase(four!.slice(1)))).toBe(true);
      expect([...matchSegment(loaded, [four!], []).docs]).toEqual(truth([four!]));
      // Every 3- and 4-gram of a real article, listed or not, is found exactly.
      const sample = fx.texts.find((t) => t.includes('人民政府') && t.length > 60)!;
      for (let i = 0; i + 4 <= sample.length; i += 3) {
        for (const n of [3, 4]) {
          const term = sample.slice(i, i + n);
          expect([...matchSegment(loaded, [term], []).docs], term).toEqual(truth([term]));
        }
      }
    } finally {
      loaded.close();
    }
  });

  it('builds no phrase lists for a segment smaller than the threshold', () => {
    const seg = Segment.build('t', fx.inputs.slice(0, 1), undefined, { phraseMinDf: 100_000 });
    expect(seg.phraseCount).toBe(0);
    expect([...matchSegment(seg, ['人民政府'], []).docs]).toEqual(truth(['人民政府']).filter((d) => d < seg.docCount));
  });
});

describe('the pair table of the phrase build', () => {
  it('maps pairs of slots to values as a Map would, across growth, and tells absent pairs apart', () => {
    // The pairs of adjacent code units of the fixture texts: clustered keys like the real slots.
    const table = new PairTable(4);
    const want = new Map<string, number>();
    let v = 0;
    for (const text of fx.texts.slice(0, 400)) {
      for (let i = 0; i + 1 < text.length; i++) {
        const x = text.charCodeAt(i) * 2 + (i & 1);
        const y = text.charCodeAt(i + 1);
        const k = `${x},${y}`;
        if (!want.has(k)) {
          want.set(k, v);
          table.set(x, y, v++);
        }
      }
    }
    expect(want.size).toBeGreaterThan(5000);
    for (const [k, val] of want) {
      const [x, y] = k.split(',').map(Number) as [number, number];
      expect(table.get(x, y)).toBe(val);
      // (x, y) and (y, x) are different pairs; a swapped pair absent from the map is absent here.
      if (!want.has(`${y},${x}`)) expect(table.get(y, x)).toBe(-1);
    }
    table.set(0, 0, 7);
    table.set(0, 0, 9);
    expect(table.get(0, 0)).toBe(9);
    expect(table.get(1, 0)).toBe(-1);
  });
});

describe('verifying without the whole text', () => {
  it('reads candidates in runs and gives each article exactly its own text', () => {
    const seg = Segment.build('t', fx.inputs, undefined, { phraseMinDf: 40 });
    const path = join(fx.dir, 'seg-3.lds');
    seg.write(path);
    const loaded = Segment.load(path, 'seg-3.lds');
    try {
      const every = new Uint32Array(loaded.docCount).map((_, i) => i);
      const some = every.filter((d) => d % 7 === 3);
      const sparse = every.filter((d) => d % 97 === 5); // far apart: one read each
      for (const docs of [every, some, sparse]) {
        const seen: string[] = [];
        loaded.forEachDocText(docs, (i, text) => (seen[i] = text));
        expect(seen).toEqual([...docs].map((d) => fx.texts[d]!));
      }
      // Runs are bounded reads: the texts were not loaded whole.
      expect(loaded.textLoaded).toBe(false);
    } finally {
      loaded.close();
    }
  });
});
