// The bigrams' positions (segment format 3, issue 20): a segment whose texts are not in memory (a
// 10× library never holds them) decides a term of 3+ characters from the positions of a chain of
// its bigrams instead of reading each candidate article. Exactness is checked against indexOf on
// real laws, on the cases where bigram lists alone are wrong; an index of the previous format is
// rebuilt, not misread.

import { describe, expect, it, afterAll, beforeAll } from 'vitest';
import { join } from 'node:path';
import { openSync, readFileSync, readdirSync, writeSync, closeSync, readSync } from 'node:fs';
import { CorruptIndexError, SEGMENT_FORMAT, Segment } from '../../../electron/core/search/segment';
import { matchSegment } from '../../../electron/core/search/matcher';
import { SearchEngine } from '../../../electron/core/search/search-engine';
import { useSegmentFixture } from './search-fixtures';

const fx = useSegmentFixture('lawdesk-positions-');
let onDisk: Segment;
let inMemory: Segment;
beforeAll(() => {
  inMemory = Segment.build('m', fx.inputs, undefined, { phraseMinDf: 40 });
  inMemory.write(join(fx.dir, 'seg.lds'));
  onDisk = Segment.load(join(fx.dir, 'seg.lds'), 'seg.lds');
});
afterAll(() => onDisk?.close());

const truth = (term: string) => fx.texts.flatMap((t, d) => (t.includes(term) ? [d] : []));
/** Articles holding every bigram of the term somewhere: what the bigram lists alone would answer. */
const bigramCandidates = (term: string) =>
  fx.texts.flatMap((t, d) => {
    for (let i = 0; i + 1 < term.length; i++) if (!t.includes(term.slice(i, i + 2))) return [];
    return [d];
  });

function expectExact(terms: string[]): void {
  for (const term of terms) {
    const got = matchSegment(onDisk, [term], []);
    expect([...got.docs], term).toEqual(truth(term));
    // The counts (a bound for long terms, used by the ranking) are those of the text path.
    const ref = matchSegment(inMemory, [term], []);
    expect([...(got.tfs[0] ?? [])], term).toEqual([...(ref.tfs[0] ?? [])]);
  }
  expect(onDisk.textLoaded).toBe(false);
  expect(onDisk.textBytesRead).toBe(0);
}

describe('positions decide long terms without reading texts', () => {
  it('rejects articles whose bigrams co-occur but not adjacently', () => {
    // Where a character repeats in an article (t[j] = t[i + 1]), the bigram at i and the one or two
    // after j are all in it: t[i] t[i+1] t[j+1] (t[j+2]) has every bigram there, and is a trap
    // whenever the article does not hold it.
    const terms: string[] = [];
    for (let d = 0; d < fx.texts.length && terms.length < 80; d += 3) {
      const t = fx.texts[d]!;
      for (let i = 0; i + 4 < t.length && i < 200; i += 3) {
        const j = t.indexOf(t[i + 1]!, i + 3);
        if (j < 0 || j + 2 >= t.length) continue;
        const term = t.slice(i, i + 2) + t.slice(j + 1, j + 2 + (i % 2));
        if (/[\s\p{P}]/u.test(term) || t.includes(term) || terms.includes(term)) continue;
        terms.push(term);
        break;
      }
    }
    expect(terms.length).toBeGreaterThan(20);
    // Real traps: far more candidates from the bigram lists than articles holding the term.
    const traps = terms.filter((t) => bigramCandidates(t).length > truth(t).length);
    expect(traps.length).toBeGreaterThan(20);
    expectExact(terms);
  });

  it('never matches across two articles', () => {
    const terms: string[] = [];
    for (let d = 0; d + 1 < fx.texts.length && terms.length < 40; d += 11) {
      const a = fx.texts[d]!;
      const b = fx.texts[d + 1]!;
      if (a.length < 3 || b.length < 3) continue;
      const term = a.slice(-2) + b.slice(0, 2);
      if (!fx.texts.some((t) => t.includes(term))) terms.push(term);
    }
    expect(terms.length).toBeGreaterThan(10);
    expectExact(terms);
  });

  it('handles repeated characters and bigrams, numerals, punctuation and phrases of every length', () => {
    const terms = [
      '人人',
      '人民',
      '人民人民',
      '人民代表大会人民',
      '民民',
      '十一十',
      '第十二条',
      '第十二条第',
      '三十日',
      '二十日内',
      '一百二十',
      '人民政府',
      '县级以上地方人民政府',
      '县级以上地方人民政府应当加强',
      '应当依照法定的权限、范围、条件和程序',
      '（一）',
      '法律、行政法规',
      '的的',
      '的的的',
      '条条',
      '之日起',
      '之日起三十日',
    ];
    // And substrings of real articles, 3–12 units, so each is found at least once.
    for (let d = 3; d < fx.texts.length && terms.length < 220; d += 5) {
      const t = fx.texts[d]!;
      const len = 3 + (d % 10);
      if (t.length > len + 2) terms.push(t.slice(t.length >> 2, (t.length >> 2) + len));
    }
    expectExact(terms);
    // AND of long terms and exclusion of a long term go through the same path.
    const and = matchSegment(onDisk, ['人民政府', '应当'], ['国务院有关部门']);
    const want = fx.texts.flatMap((t, d) => (t.includes('人民政府') && t.includes('应当') && !t.includes('国务院有关部门') ? [d] : []));
    expect([...and.docs]).toEqual(want);
  });

  it('reads the positions it needs, and refuses damaged ones as a corrupt index', () => {
    const seg = Segment.load(join(fx.dir, 'seg.lds'), 'seg.lds');
    try {
      const term = '之日起三十日';
      expect([...matchSegment(seg, [term], []).docs]).toEqual(truth(term));
      // Every stored bigram of an article decodes to the offsets indexOf finds.
      const d = truth('人民政府')[0]!;
      const t = fx.texts[d]!;
      const slot = seg.findKey(('人'.charCodeAt(0) << 16) | '民'.charCodeAt(0));
      const want: number[] = [];
      for (let p = t.indexOf('人民'); p >= 0; p = t.indexOf('人民', p + 1)) want.push(p);
      expect(want.length).toBeGreaterThan(0);
      expect(seg.positionBytes(slot)).toBeGreaterThan(0);
      expect(seg.positionBytes(seg.findKey('人'.charCodeAt(0)))).toBe(0);
    } finally {
      seg.close();
    }
    // Flip bytes of the positions section: the segment is refused when checked (loadAll), never misread.
    const bad = join(fx.dir, 'bad.lds');
    inMemory.write(bad);
    const layout = Segment.load(bad, 'bad.lds');
    layout.close();
    const fd = openSync(bad, 'r+');
    const head = Buffer.alloc(12);
    readSync(fd, head, 0, 12, 0);
    const hlen = head.readUInt32LE(8);
    const hjson = Buffer.alloc(hlen);
    readSync(fd, hjson, 0, hlen, 12);
    const sections = (JSON.parse(hjson.toString('utf8')) as { sections: Record<string, [number, number, number]> }).sections;
    const [at, len] = sections.pos!;
    expect(len).toBeGreaterThan(0);
    writeSync(fd, Buffer.alloc(64, 0xff), 0, 64, 12 + hlen + at + Math.floor(len / 2));
    closeSync(fd);
    const damaged = Segment.load(bad, 'bad.lds');
    try {
      expect(() => damaged.loadAll()).toThrow(CorruptIndexError);
    } finally {
      damaged.close();
    }
  });
});

describe('segment format', () => {
  it('is 3, and an index of format 2 is rebuilt by the engine rather than read', async () => {
    expect(SEGMENT_FORMAT).toBe(3);
    const first = await SearchEngine.open(fx.store);
    const want = first.search({ q: '之日起三十日', limit: 0 }).total;
    expect(want).toBeGreaterThan(0);
    first.close();
    const indexDir = join(fx.libDir, 'index');
    const [name] = readdirSync(indexDir).filter((n) => n.endsWith('.lds'));
    // Mark the file as format 2 (prefix and header), as the previous version wrote it.
    const path = join(indexDir, name!);
    const fd = openSync(path, 'r+');
    const head = Buffer.alloc(12);
    readSync(fd, head, 0, 12, 0);
    head.writeUInt32LE(2, 4);
    writeSync(fd, head, 0, 12, 0);
    closeSync(fd);
    expect(() => Segment.load(path, name!)).toThrow(/索引格式版本不同/);
    const again = await SearchEngine.open(fx.store);
    try {
      expect(again.search({ q: '之日起三十日', limit: 0 }).total).toBe(want);
      // The manifest now names a new segment of this format (the old file is swept later).
      const named = (JSON.parse(readFileSync(join(indexDir, 'manifest.json'), 'utf8')) as { segments: { name: string }[] }).segments.map((s) => s.name);
      expect(named).toHaveLength(1);
      expect(named).not.toContain(name);
      expect(() => Segment.load(join(indexDir, named[0]!), named[0]!).close()).not.toThrow();
    } finally {
      again.close();
    }
  });
});
