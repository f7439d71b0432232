import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLawText } from '../../../electron/core/parse/law-structure-parser';
import { importPaths } from '../../../electron/core/library/library-import';
import { openLibrary } from '../../../electron/core/library/open-library';
import { findLaws } from '../../../electron/core/library/law-lookup';
import type { LibraryStore } from '../../../electron/core/library/library-store';
import { mapArticles, normaliseForMatch, summarise } from '../../../electron/core/versions/article-mapping';
import { diffChars } from '../../../electron/core/versions/char-diff';
import { DIFF_ROWS_AROUND } from '../../../electron/shared/api/versions';
import { articleAcrossVersions, diffVersions, flagCitation, mappingBetween, smallestStoredPair, versionAsOf } from '../../../electron/core/versions/version-compare';

const FIX = join(import.meta.dirname, '../../fixtures');
const units = (p: string) => parseLawText(readFileSync(join(FIX, 'laws', p), 'utf8'), { format: 'md' }).units;

describe('diffChars', () => {
  it('reconstructs both texts and groups a replacement as delete then insert', () => {
    const a = '不得对依法履行职责或者拒绝、抵制统计违法行为的统计人员打击报复。';
    const b = '不得对依法履行职责或者拒绝、抵制统计违法行为的单位和个人打击报复。';
    const runs = diffChars(a, b);
    expect(runs.filter((r) => r.op !== 'insert').map((r) => r.text).join('')).toBe(a);
    expect(runs.filter((r) => r.op !== 'delete').map((r) => r.text).join('')).toBe(b);
    expect(runs).toEqual([
      { op: 'equal', text: '不得对依法履行职责或者拒绝、抵制统计违法行为的' },
      { op: 'delete', text: '统计' },
      { op: 'insert', text: '单位和个' },
      { op: 'equal', text: '人' },
      { op: 'delete', text: '员' },
      { op: 'equal', text: '打击报复。' },
    ]);
    expect(diffChars('', '新增')).toEqual([{ op: 'insert', text: '新增' }]);
    expect(diffChars('相同', '相同')).toEqual([{ op: 'equal', text: '相同' }]);
  });

  it('round-trips on every amended article of real version pairs', () => {
    const a = units('经济法/统计法(2009-06-27).md');
    const b = units('经济法/统计法(2024-09-13).md');
    for (const m of mapArticles(a, b)) {
      if (m.kind !== 'amended') continue;
      const x = a.find((u) => u.key === m.from[0])!.text;
      const y = b.find((u) => u.key === m.to[0])!.text;
      const runs = diffChars(x, y);
      expect(runs.filter((r) => r.op !== 'insert').map((r) => r.text).join('')).toBe(x);
      expect(runs.filter((r) => r.op !== 'delete').map((r) => r.text).join('')).toBe(y);
    }
  });
  it('keeps the fewest changed characters on heavily rewritten texts (the longest common subsequence)', () => {
    // Whole articles of two different laws, and pieces of them shuffled: many rounds of the
    // search, where a wrong diagonal in the kept band would lose characters or add edits.
    const a = units('经济法/统计法(2009-06-27).md');
    const b = units('经济法/统计法(2024-09-13).md');
    const lcs = (x: string, y: string) => {
      let prev = new Int32Array(y.length + 1);
      for (let i = 1; i <= x.length; i++) {
        const cur = new Int32Array(y.length + 1);
        for (let j = 1; j <= y.length; j++) cur[j] = x[i - 1] === y[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
        prev = cur;
      }
      return prev[y.length]!;
    };
    const pairs: [string, string][] = [];
    for (let i = 0; i < 12; i++) pairs.push([a[i * 3]!.text, b[i * 3 + 7]!.text]);
    pairs.push([a[5]!.text.split('').reverse().join(''), a[5]!.text], ['𠀀甲乙𠀁丙', '甲𠀁乙丙𠀀']);
    for (const [x, y] of pairs) {
      const runs = diffChars(x, y);
      expect(runs.filter((r) => r.op !== 'insert').map((r) => r.text).join('')).toBe(x);
      expect(runs.filter((r) => r.op !== 'delete').map((r) => r.text).join('')).toBe(y);
      expect(runs.filter((r) => r.op === 'equal').reduce((n, r) => n + r.text.length, 0)).toBe(lcs(x, y));
    }
  });
});

describe('article mapping', () => {
  it('agrees with the hand-checked mapping of 统计法 2009 → 2024', () => {
    const expected = JSON.parse(readFileSync(join(FIX, 'versions/tongji-2009-2024.expected.json'), 'utf8'));
    const m = mapArticles(units('经济法/统计法(2009-06-27).md'), units('经济法/统计法(2024-09-13).md'));
    const pick = (kind: string) => Object.fromEntries(m.filter((e) => e.kind === kind).map((e) => [e.from[0], e.to[0]]));
    expect(m.filter((e) => e.kind === 'same').map((e) => e.from[0])).toEqual(expected.same);
    expect(pick('renumbered')).toEqual(expected.renumbered);
    expect(pick('amended')).toEqual(expected.amended);
    expect(m.filter((e) => e.kind === 'added').map((e) => e.to[0])).toEqual(expected.added);
    expect(summarise(m)).toMatchObject({ same: 2, renumbered: 28, amended: 20, added: 3, deleted: 0 });
  });

  it('ignores renumbered cross references and punctuation when comparing texts', () => {
    expect(normaliseForMatch('依照本法第七条的规定，处以罚款；')).toBe(normaliseForMatch('依照本法第八条的规定,处以罚款;'));
    expect(normaliseForMatch('依照本法第七条')).not.toBe(normaliseForMatch('依照本规定第七条'));
  });

  it.each([
    ['行政法/保守国家秘密法(2010-04-29).md', '行政法/保守国家秘密法(2024-02-27).md'],
    ['诉讼与非诉讼程序法/行政复议法(2017-09-01).md', '诉讼与非诉讼程序法/行政复议法(2023-09-01).md'],
    ['宪法相关法/立法法(2015-03-15).md', '宪法相关法/立法法(2023-03-13).md'],
    ['宪法相关法/监察法(2018-03-20).md', '宪法相关法/监察法(2024-12-25).md'],
  ])('accounts for every article exactly once: %s', (x, y) => {
    const a = units(x).filter((u) => u.kind === 'article');
    const b = units(y).filter((u) => u.kind === 'article');
    const m = mapArticles(a, b);
    expect(m.flatMap((e) => e.from).sort()).toEqual(a.map((u) => u.key).sort());
    expect(m.flatMap((e) => e.to).sort()).toEqual(b.map((u) => u.key).sort());
    // renumbered and same entries really have identical normalised texts
    for (const e of m.filter((e) => e.kind === 'same' || e.kind === 'renumbered')) {
      expect(normaliseForMatch(a.find((u) => u.key === e.from[0])!.text)).toBe(normaliseForMatch(b.find((u) => u.key === e.to[0])!.text));
    }
    // matched pairs mostly keep the article order
    const amended = m.filter((e) => e.kind === 'amended' || e.kind === 'renumbered' || e.kind === 'same');
    const toIdx = amended.map((e) => b.findIndex((u) => u.key === e.to[0]));
    const inversions = toIdx.filter((v, i) => i > 0 && v < toIdx[i - 1]!).length;
    // a major revision (行政复议法 2023) moves some articles around; most keep their relative order
    expect(inversions).toBeLessThanOrEqual(Math.ceil(amended.length * 0.15));
  });
});

describe('versions in a library', () => {
  let dir: string;
  let store: LibraryStore;
  let lawId: string;
  let v2009: string;
  let v2024: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lawdesk-ver-'));
    store = (await openLibrary({ dir, seed: false, now: () => new Date('2026-11-26T00:00:00Z') })).store;
    await importPaths(store, [join(FIX, 'laws/经济法')]);
    const law = findLaws(store, '统计法')[0]!;
    lawId = law.id;
    [v2009, v2024] = law.versionIds as [string, string];
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // First in this block: no mapping is stored before it.
  it("gives the service's 版本对比 warm-up a pair only once its mapping is stored (the warm-up computes and writes nothing)", () => {
    expect(smallestStoredPair(store)).toBeUndefined();
    mappingBetween(store, v2009, v2024);
    expect(smallestStoredPair(store)).toEqual({ fromId: v2009, toId: v2024 });
  });

  it('shows each law as it was in force on a date', () => {
    expect(versionAsOf(store, lawId, '2020-01-01')?.id).toBe(v2009);
    expect(versionAsOf(store, lawId, '2025-01-01')?.id).toBe(v2024);
    expect(versionAsOf(store, lawId, '2009-12-31')).toBeUndefined(); // 2009 version took effect 2010-01-01
  });

  it('diffs two versions with a summary line and character-level changes', () => {
    const d = diffVersions(store, v2009, v2024, { changedOnly: true });
    expect(d.summaryLine).toBe('修改 20 条，新增 3 条，删除 0 条，条文序号变动 28 条，未变 2 条');
    expect(d.rows.some((r) => r.kind === 'same')).toBe(false);
    const row = d.rows.find((r) => r.from[0]?.key === '6')!;
    expect(row.to[0]).toMatchObject({ key: '7', label: '第七条' });
    expect(row.runs!.some((r) => r.op === 'insert' && r.text.includes('明示、暗示'))).toBe(true);
    expect(d.rows.filter((r) => r.kind === 'added').map((r) => r.to[0]!.label)).toEqual(['第六条', '第九条', '第二十条']);
    // rows follow the newer version's order
    const newKeys = d.rows.filter((r) => r.to.length).map((r) => Number(r.to[0]!.key));
    expect(newKeys).toEqual([...newKeys].sort((a, b) => a - b));
  });

  it('follows one article across versions', () => {
    const h = articleAcrossVersions(store, v2009, '7');
    expect(h.map((x) => [x.date, x.label, x.change])).toEqual([
      ['2009-06-27', '第七条', 'first'],
      ['2024-09-13', '第八条', 'renumbered'],
    ]);
  });

  it('flags citations: renumbered yellow, amended red, unchanged green', () => {
    expect(flagCitation(store, { lawId, versionId: v2009, articleKey: '7' })).toMatchObject({ color: 'yellow', currentKey: '8', currentLabel: '第八条' });
    expect(flagCitation(store, { lawId, versionId: v2009, articleKey: '7' }).reason).toMatch(/条文序号变动.*第八条/);
    expect(flagCitation(store, { lawId, versionId: v2009, articleKey: '6' })).toMatchObject({ color: 'red', currentKey: '7' });
    expect(flagCitation(store, { lawId, versionId: v2009, articleKey: '2' }).color).toBe('green');
    expect(flagCitation(store, { lawId, versionId: v2009, articleKey: '14' })).toMatchObject({ color: 'yellow', currentKey: '16' });
    expect(flagCitation(store, { lawId, versionId: v2024, articleKey: '8' }).color).toBe('green');
    expect(flagCitation(store, { lawId, versionId: 'gone@1', articleKey: '1' }).color).toBe('red');
  });

  it('a first answer (runsFirst / runsAround): every row, the runs of the first rows and of the asked article\'s only, the rest pending; the full answer has them all', () => {
    const full = diffVersions(store, v2009, v2024, { changedOnly: true });
    const first = diffVersions(store, v2009, v2024, { changedOnly: true, runsFirst: 4, runsAround: '40' });
    expect(first.summaryLine).toBe(full.summaryLine);
    // the same rows in the same order, with the same articles; the texts of the rows given without runs
    const keysOf = (r: (typeof full.rows)[number]) => [r.kind, r.from.map((p) => [p.key, p.label]), r.to.map((p) => [p.key, p.label])];
    expect(first.rows.map(keysOf)).toEqual(full.rows.map(keysOf));
    const around = full.rows.findIndex((r) => r.to.some((p) => p.key === '40') || r.from.some((p) => p.key === '40'));
    expect(around).toBeGreaterThan(DIFF_ROWS_AROUND.before + 4); // the two windows apart, so both are seen
    const given = (i: number) => i < 4 || (i >= around - DIFF_ROWS_AROUND.before && i < around + DIFF_ROWS_AROUND.after);
    let pending = 0;
    first.rows.forEach((r, i) => {
      const changed = full.rows[i]!.runs !== undefined;
      if (!changed) expect([r.runs, r.runsPending]).toEqual([undefined, undefined]);
      else if (given(i)) expect([r.runs, r.runsPending]).toEqual([full.rows[i]!.runs, undefined]);
      else {
        expect([r.runs, r.runsPending]).toEqual([undefined, true]);
        // a pending row's texts are left out, the lengths of their lines sent instead
        const f = full.rows[i]!;
        const lengths = (sides: typeof f.from) => sides.map((p) => p.text).join('\n').split('\n').map((l) => l.length);
        expect([r.from.map((p) => p.text), r.to.map((p) => p.text)]).toEqual([f.from.map(() => ''), f.to.map(() => '')]);
        expect(r.lines).toEqual({ from: lengths(f.from), to: lengths(f.to) });
        expect(r.lines!.from.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
        pending++;
      }
      if (!r.runsPending) expect([r.from, r.to, r.lines]).toEqual([full.rows[i]!.from, full.rows[i]!.to, undefined]);
    });
    expect(pending).toBeGreaterThan(0);
    expect(full.rows.some((r) => r.runsPending)).toBe(false);
    // runsFirst alone, more rows than there are: nothing pending
    expect(diffVersions(store, v2009, v2024, { changedOnly: true, runsFirst: 1000 }).rows).toEqual(full.rows);
  });

  it('stores the mapping and reuses it', () => {
    const first = mappingBetween(store, v2009, v2024);
    const again = mappingBetween(store, v2009, v2024);
    expect(again).toEqual(first);
  });

  it('keeps the character diffs of a pair: the same runs again, and the new text runs once a version changes', async () => {
    const fresh = (d: ReturnType<typeof diffVersions>) =>
      d.rows.map((r) => {
        const [a, b] = [r.from, r.to].map((side) => side.map((x) => x.text).join('\n')) as [string, string];
        return a !== b && r.from.length && r.to.length ? diffChars(a, b) : undefined;
      });
    const first = diffVersions(store, v2009, v2024);
    expect(first.rows.map((r) => r.runs)).toEqual(fresh(first));
    // Asked again (and with 只看有变化的条文): the kept runs, the same as computing them anew.
    const again = diffVersions(store, v2009, v2024, { changedOnly: true });
    expect(again.rows.map((r) => r.runs)).toEqual(fresh(again));
    const row = (d: ReturnType<typeof diffVersions>, key: string) => d.rows.find((r) => r.to[0]?.key === key)!;
    expect(row(again, '7').runs).toBe(row(first, '7').runs); // 第六条 → 第七条, amended
    expect(Object.isFrozen(row(first, '7').runs)).toBe(true);
    expect(row(first, '2').runs).toBeUndefined();

    // The 2024 version imported again with its 第二条 rewritten: a new body, so its runs are those of the new text.
    const edited = mkdtempSync(join(tmpdir(), 'lawdesk-ver-src-'));
    try {
      const source = readFileSync(join(FIX, 'laws/经济法/统计法(2024-09-13).md'), 'utf8');
      const article = /第二条 [^\n]+/.exec(source)![0];
      const rewritten = '第二条 本法所称统计，是指对经济社会发展情况进行调查、分析并提供资料的活动。';
      writeFileSync(join(edited, '统计法(2024-09-13).md'), source.replace(article, rewritten));
      await importPaths(store, [join(edited, '统计法(2024-09-13).md')]);
    } finally {
      rmSync(edited, { recursive: true, force: true });
    }
    const after = diffVersions(store, v2009, v2024);
    expect(after.rows.map((r) => r.runs)).toEqual(fresh(after));
    const runs = row(after, '2').runs!;
    expect(runs.filter((r) => r.op !== 'delete').map((r) => r.text).join('')).toBe(store.loadVersion(v2024).units.find((u) => u.key === '2')!.text);
    expect(runs.some((r) => r.op === 'insert' && r.text.includes('调查'))).toBe(true);
  });
});
