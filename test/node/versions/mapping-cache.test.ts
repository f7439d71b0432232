// The stored article mappings: read back only when they hold up (a damaged file is mapped again and
// rewritten), never reused for a version whose text changed, and computed ahead of time by the
// background job — every missing pair of consecutive versions, in steps that give the event loop
// back, after an import commits.

import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { importPaths } from '../../../electron/core/library/library-import';
import { openLibrary } from '../../../electron/core/library/open-library';
import { findLaws } from '../../../electron/core/library/law-lookup';
import type { LibraryStore } from '../../../electron/core/library/library-store';
import { TimeSlicer } from '../../../electron/core/util/time-slicer';
import { mapArticles } from '../../../electron/core/versions/article-mapping';
import { mappingFile, mappingsDir, readMapping } from '../../../electron/core/versions/mapping-cache';
import { MappingWarmup } from '../../../electron/core/versions/mapping-warmup';
import { mappingBetween } from '../../../electron/core/versions/version-compare';

const FIX = join(import.meta.dirname, '../../fixtures/laws');
const NEVER = 24 * 3600 * 1000; // runs are started by the test itself

let dir: string;
let store: LibraryStore;
const warmups: MappingWarmup[] = [];
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lawdesk-mappings-'));
  store = (await openLibrary({ dir, seed: false })).store;
});
afterEach(() => {
  warmups.splice(0).forEach((w) => w.stop());
  rmSync(dir, { recursive: true, force: true });
});

const pairOf = (title: string) => {
  const law = findLaws(store, title)[0]!;
  const [from, to] = law.versionIds.slice(-2) as [string, string];
  return { from, to, file: () => mappingFile(store, store.version(from)!, store.version(to)!) };
};
const computed = (from: string, to: string) => mapArticles(store.loadVersion(from).units, store.loadVersion(to).units);
const stored = (from: string, to: string, file: string) => readMapping(file, from, to, store.loadVersion(from).units, store.loadVersion(to).units);

describe('stored mappings', () => {
  it('are mapped again when the file is damaged, of another pair, or misses or repeats an article', async () => {
    await importPaths(store, [join(FIX, '经济法')]);
    const { from, to, file } = pairOf('统计法');
    const right = computed(from, to);
    expect(mappingBetween(store, from, to)).toEqual(right);
    const good = readFileSync(file(), 'utf8');
    expect(stored(from, to, file())).toEqual(right);

    const parsed = JSON.parse(good) as { entries: { from: string[]; to: string[] }[] };
    const damaged: [string, string][] = [
      ['torn', good.slice(0, good.length >> 1)],
      ['an older format', JSON.stringify({ ...parsed, format: 1 })],
      ['another pair', JSON.stringify({ ...parsed, to: from })],
      ['an article missing', JSON.stringify({ ...parsed, entries: parsed.entries.slice(1) })],
      ['an article twice', JSON.stringify({ ...parsed, entries: [...parsed.entries, parsed.entries[3]] })],
      ['a deletion with a target', JSON.stringify({ ...parsed, entries: parsed.entries.map((e, i) => (i === 0 ? { ...e, kind: 'deleted' } : e)) })],
      ['not a mapping', '{"format":2,"entries":"x"}'],
    ];
    for (const [why, text] of damaged) {
      writeFileSync(file(), text);
      expect(stored(from, to, file()), why).toBeUndefined();
      // a process that has not validated this pair yet (the running one keeps what it validated)
      const fresh = (await openLibrary({ dir, seed: false })).store;
      expect(mappingBetween(fresh, from, to), why).toEqual(right);
      // and written again, whole
      expect(stored(from, to, file()), why).toEqual(right);
    }
  });

  it('are read back and checked once per process and pair of texts; then answered from memory, frozen', async () => {
    await importPaths(store, [join(FIX, '经济法')]);
    const { from, to, file } = pairOf('统计法');
    const right = computed(from, to);
    const reopen = async () => (await openLibrary({ dir, seed: false })).store;
    const first = mappingBetween(store, from, to); // computed and stored
    expect(first).toEqual(right);
    const other = await reopen();
    const read = mappingBetween(other, from, to); // read back and checked
    expect(read).toEqual(right);
    expect(Object.isFrozen(read) && read.every((e) => Object.isFrozen(e) && Object.isFrozen(e.from) && Object.isFrozen(e.to))).toBe(true);
    // The file gone: the process that checked it answers from memory and writes nothing; another
    // process maps the pair again and stores it.
    rmSync(file());
    expect(mappingBetween(other, from, to)).toBe(read);
    expect(existsSync(file())).toBe(false);
    expect(mappingBetween(await reopen(), from, to)).toEqual(right);
    expect(existsSync(file())).toBe(true);
    // A damaged file is never trusted by a process that has not checked it.
    writeFileSync(file(), JSON.stringify({ ...JSON.parse(readFileSync(file(), 'utf8')), entries: [] }));
    expect(mappingBetween(await reopen(), from, to)).toEqual(right);
  });

  it('are not reused for a version whose text changed, and the old one is deleted', async () => {
    await importPaths(store, [join(FIX, '经济法')]);
    const { from, to, file } = pairOf('统计法');
    const before = mappingBetween(store, from, to);
    const oldFile = file();
    expect(existsSync(oldFile)).toBe(true);
    // the 2024 version imported again with one article rewritten
    const edited = mkdtempSync(join(tmpdir(), 'lawdesk-mappings-src-'));
    const source = readFileSync(join(FIX, '经济法/统计法(2024-09-13).md'), 'utf8');
    const article = /第二条 [^\n]+/.exec(source)![0];
    writeFileSync(join(edited, '统计法(2024-09-13).md'), source.replace(article, '第二条 本法所称统计，是指对经济社会发展情况进行调查、分析并提供资料的活动。'));
    await importPaths(store, [join(edited, '统计法(2024-09-13).md')]);
    rmSync(edited, { recursive: true, force: true });

    expect(store.version(to)).toBeDefined();
    expect(file()).not.toBe(oldFile); // a new body, a new name
    const after = mappingBetween(store, from, to);
    expect(after).toEqual(computed(from, to));
    expect(after).not.toEqual(before);
    expect(after.find((e) => e.to.includes('2'))?.kind).toBe('amended');

    const w = new MappingWarmup(store, { openDelayMs: NEVER, changeDelayMs: NEVER });
    warmups.push(w);
    const report = await w.run();
    expect(report.pruned).toBeGreaterThanOrEqual(1);
    expect(existsSync(oldFile)).toBe(false);
    expect(existsSync(file())).toBe(true);
  });
});

/** A slicer whose slice is always used up: the job pauses at every step it can, and counts them. */
class CountingSlicer extends TimeSlicer {
  pauses = 0;
  constructor() {
    super(0);
  }
  override async pause(): Promise<void> {
    this.pauses++;
    await super.pause();
  }
}

describe('the background job', () => {
  it('maps every missing pair of consecutive versions in steps that give the event loop back', async () => {
    const laws = join(dir, '..', `${dir.split('/').pop()}-src`);
    mkdirSync(laws);
    for (const d of ['经济法', '宪法相关法', '行政法', '诉讼与非诉讼程序法']) cpSync(join(FIX, d), join(laws, d), { recursive: true });
    await importPaths(store, [laws]);
    rmSync(laws, { recursive: true, force: true });
    const pairs = store.laws().flatMap((l) => l.versionIds.slice(1).map((to, i) => [l.versionIds[i]!, to] as const));
    expect(pairs.length).toBeGreaterThanOrEqual(5);
    const units = pairs.reduce((n, [a, b]) => n + store.loadVersion(a).units.length + store.loadVersion(b).units.length, 0);

    const slicers: CountingSlicer[] = [];
    const w = new MappingWarmup(store, { slicer: () => slicers[slicers.push(new CountingSlicer()) - 1]!, openDelayMs: NEVER, changeDelayMs: NEVER });
    warmups.push(w);
    // other work of the event loop, while the job runs: it gets turns between the job's steps
    let turns = 0;
    let running = true;
    const tick = () => {
      turns++;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    const report = await w.run();
    running = false;
    expect(report).toEqual({ computed: pairs.length, kept: 0, pruned: 0 });
    // a pause at least per article mapped, not one per pair
    expect(slicers[0]!.pauses).toBeGreaterThan(units);
    expect(turns).toBeGreaterThan(units / 2);
    for (const [a, b] of pairs) {
      const file = mappingFile(store, store.version(a)!, store.version(b)!);
      expect(stored(a, b, file)).toEqual(computed(a, b));
    }
    // once stored, a run only counts them
    expect(await w.run()).toEqual({ computed: 0, kept: pairs.length, pruned: 0 });
  });

  it('runs after an import commits a new version', async () => {
    const w = new MappingWarmup(store, { openDelayMs: NEVER, changeDelayMs: 0 });
    warmups.push(w);
    await importPaths(store, [join(FIX, '宪法相关法/监察法(2018-03-20).md')]);
    expect(existsSync(mappingsDir(store)) ? readdirSync(mappingsDir(store)) : []).toEqual([]);
    await importPaths(store, [join(FIX, '宪法相关法/监察法(2024-12-25).md')]);
    const { from, to, file } = pairOf('监察法');
    await vi.waitFor(() => expect(existsSync(file())).toBe(true), { timeout: 30_000, interval: 20 });
    await vi.waitFor(() => expect(stored(from, to, file())).toEqual(computed(from, to)), { timeout: 30_000, interval: 20 });
  });
});
