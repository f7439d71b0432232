import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibraryStore } from '../../../electron/core/library/library-store';
import { importPaths } from '../../../electron/core/library/library-import';
import { SearchEngine, type IndexProgress } from '../../../electron/core/search/search-engine';
import { FIXTURE_LAWS, fixtureLibrary, truth, useFixtureEngine } from './search-fixtures';

describe('quick open', () => {
  const fx = useFixtureEngine();

  const first = (t: string) => fx.engine.quickOpen(t, 5)[0];
  it('finds a law by its short or full title', () => {
    expect(first('行政许可法')).toMatchObject({ shortTitle: '行政许可法', title: '中华人民共和国行政许可法', score: 0 });
    expect(first('中华人民共和国统计法')?.shortTitle).toBe('统计法');
    expect(first('《统计法》')?.shortTitle).toBe('统计法');
  });
  it('finds by pinyin initials and abbreviation', () => {
    expect(first('xzxkf')?.shortTitle).toBe('行政许可法');
    expect(first('XZXKF')?.shortTitle).toBe('行政许可法');
    expect(first('行强法')?.shortTitle).toBe('行政强制法');
    expect(first('营商环境条例')?.shortTitle).toBe('优化营商环境条例');
  });
  it('tolerates a small typo', () => {
    expect(first('行政许可发')?.shortTitle).toBe('行政许可法');
    expect(first('行政强治法')?.shortTitle).toBe('行政强制法');
  });
  it('opens an article: 行政许可法12, 行政许可法第十二条', () => {
    expect(first('行政许可法12')).toMatchObject({ shortTitle: '行政许可法', articleKey: '12', articleLabel: '第十二条' });
    expect(first('行政许可法第十二条')).toMatchObject({ articleKey: '12' });
    expect(first('xzxkf 12')).toMatchObject({ shortTitle: '行政许可法', articleKey: '12' });
  });
  it('opens the in-force version', () => {
    const item = first('统计法')!;
    expect(fx.store.version(item.versionId)!.status).toBe('现行有效');
  });
  it('ranks the national law first among same-named ones', () => {
    const items = fx.engine.quickOpen('优化营商环境条例', 5);
    expect(items[0]!.region).toBe('全国');
    expect(items.some((i) => i.title === '上海市优化营商环境条例')).toBe(true);
  });
});

describe('index maintenance', () => {
  let dir: string;
  let store: LibraryStore;
  let cleanup: () => void;
  let half: string;
  beforeAll(async () => {
    // Start with part of the fixtures; import the rest later.
    half = mkdtempSync(join(tmpdir(), 'lawdesk-half-'));
    for (const f of readdirSync(FIXTURE_LAWS)) if (f.startsWith('统计法') || f === 'manifest.jsonl') copyFileSync(join(FIXTURE_LAWS, f), join(half, f));
    ({ store, dir, cleanup } = await fixtureLibrary([half]));
  });
  afterAll(() => {
    cleanup?.();
    rmSync(half, { recursive: true, force: true });
  });

  it('builds with progress, persists, and reopens without rebuilding', async () => {
    const phases = new Set<string>();
    const e1 = await SearchEngine.open(store, { onProgress: (p: IndexProgress) => phases.add(p.phase) });
    expect(phases.has('index')).toBe(true);
    expect(e1.search({ q: '统计' }).total).toBeGreaterThan(0);
    e1.close();
    const files = readdirSync(join(dir, 'index'));
    expect(files).toContain('manifest.json');
    const reopened: string[] = [];
    const e2 = await SearchEngine.open(store, { onProgress: (p) => reopened.push(p.phase) });
    expect(reopened).toEqual([]);
    expect(e2.search({ q: '统计' }).total).toBe(e1 ? e2.search({ q: '统计' }).total : 0);
    e2.close();
  });

  it('follows imports and removals made while open', async () => {
    const engine = await SearchEngine.open(store);
    expect(engine.search({ q: '行政许可' }).total).toBe(0);
    await importPaths(store, [FIXTURE_LAWS]);
    const want = truth(store, ['行政许可']).size;
    expect(want).toBeGreaterThan(0);
    expect(new Set(engine.matchAll({ q: '行政许可' }).map((h) => `${h.versionId}#${h.articleKey}`))).toEqual(truth(store, ['行政许可']));
    // Remove one law through the store API, as `lawdesk remove` does.
    const law = store.laws().find((l) => l.shortTitle === '行政许可法')!;
    // A phrase only this law holds (a few hits: the whole answer fits one page).
    const own = store.loadVersion(law.versionIds[0]!).units.map((u) => u.text).find((t) => t.length > 30 && truth(store, [t.slice(0, 16)]).size <= 3)!.slice(0, 16);
    expect(engine.search({ q: own }).total).toBeGreaterThan(0);
    for (const id of law.versionIds) store.unstage(id);
    await store.commit({ added: [], removed: law.versionIds });
    expect(engine.search({ q: '行政许可', lawId: law.id }).total).toBe(0);
    // Without any filter too: the removed versions' articles stay in the index until a merge and
    // must count nowhere (they once counted through the unfiltered path, and a page of them
    // read a version slot that does not exist).
    for (const q of [own, '行政许可', '许可', '的']) {
      const r = engine.search({ q, limit: 20 });
      expect(r.total, q).toBe(truth(store, [q]).size);
      expect(r.hits.every((h) => !law.versionIds.includes(h.versionId)), q).toBe(true);
      expect(Object.values(r.facets.level ?? {}).reduce((a, b) => a + b, 0), q).toBe(r.total);
    }
    expect(new Set(engine.matchAll({ q: '行政许可' }).map((h) => `${h.versionId}#${h.articleKey}`))).toEqual(truth(store, ['行政许可']));
    engine.close();
    // The persisted index is up to date: a new engine agrees without rebuilding.
    const phases: string[] = [];
    const again = await SearchEngine.open(store, { onProgress: (p) => phases.push(p.phase) });
    expect(phases).toEqual([]);
    expect(new Set(again.matchAll({ q: '许可' }).map((h) => `${h.versionId}#${h.articleKey}`))).toEqual(truth(store, ['许可']));
    again.close();
  });

  it('catches up on open with changes made while closed (e.g. lawdesk import)', async () => {
    const e = await SearchEngine.open(store);
    e.close();
    const law = store.laws().find((l) => l.shortTitle === '行政强制法')!;
    for (const id of law.versionIds) store.unstage(id);
    await store.commit({ added: [], removed: law.versionIds });
    const e2 = await SearchEngine.open(store);
    expect(e2.search({ q: '行政强制', lawId: law.id }).total).toBe(0);
    expect(new Set(e2.matchAll({ q: '强制' }).map((h) => `${h.versionId}#${h.articleKey}`))).toEqual(truth(store, ['强制']));
    e2.close();
  });

  it('catches up on open when a law was swapped for another while closed (as many versions as before)', async () => {
    // The open skips its second pass over the catalog when the index's live versions are as many as
    // the catalog's: a swap keeps the count, so the removed law must drop out and the new one come in.
    const e = await SearchEngine.open(store);
    const gone = store.laws().find((l) => l.versionIds.length === 1 && l.shortTitle === '促进科技成果转化法')!;
    expect(e.search({ q: '科技成果转化' }).total).toBeGreaterThan(0);
    e.close();
    const count = store.versions().length;
    store.unstage(gone.versionIds[0]!);
    await store.commit({ added: [], removed: gone.versionIds });
    const one = mkdtempSync(join(tmpdir(), 'lawdesk-one-'));
    try {
      for (const f of ['行政许可法(2019-04-23).md', 'manifest.jsonl']) copyFileSync(join(FIXTURE_LAWS, f), join(one, f));
      await importPaths(store, [one]);
    } finally {
      rmSync(one, { recursive: true, force: true });
    }
    expect(store.versions().length).toBe(count);
    const e2 = await SearchEngine.open(store);
    for (const q of ['科技成果转化', '行政许可', '许可']) {
      expect(new Set(e2.matchAll({ q }).map((h) => `${h.versionId}#${h.articleKey}`)), q).toEqual(truth(store, [q]));
    }
    expect(truth(store, ['行政许可']).size).toBeGreaterThan(0);
    e2.close();
  });

  it('rebuilds a corrupt or missing index instead of failing', async () => {
    const idx = join(dir, 'index');
    const seg = readdirSync(idx).find((f) => f.endsWith('.lds'))!;
    const bytes = readFileSync(join(idx, seg));
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    bytes[bytes.length - 100]! ^= 0xff;
    writeFileSync(join(idx, seg), bytes);
    const phases: string[] = [];
    const e = await SearchEngine.open(store, { onProgress: (p) => phases.push(p.phase) });
    // A damaged section is caught when it is read (the tables at open, the rest on first use).
    e.warm();
    e.close();
    writeFileSync(join(idx, 'manifest.json'), '{ not json');
    const e2 = await SearchEngine.open(store, { onProgress: (p) => phases.push(p.phase) });
    expect(phases).toContain('index');
    expect(new Set(e2.matchAll({ q: '统计' }).map((h) => `${h.versionId}#${h.articleKey}`))).toEqual(truth(store, ['统计']));
    e2.close();
    rmSync(idx, { recursive: true, force: true });
    const e3 = await SearchEngine.open(store);
    expect(e3.search({ q: '统计' }).total).toBeGreaterThan(0);
    e3.close();
  });

  it('reindex rebuilds from the library', async () => {
    const e = await SearchEngine.open(store);
    const before = e.search({ q: '统计' }).total;
    const phases: string[] = [];
    await e.reindex((p) => phases.push(p.phase));
    expect(phases).toContain('read');
    expect(e.search({ q: '统计' }).total).toBe(before);
    e.close();
  });
});
