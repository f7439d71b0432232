// search:query through the app API as the renderer calls it: filters including "as of a date".
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TimeSlicer } from '../../../electron/core/util/time-slicer';
import { SlicerGate } from '../search/held-slicer';
import { LIBRARY_INDEX_TASK, type TaskPhase } from '../../../electron/shared/task-progress';
import { openTestApp } from '../test-app';
import { lawRowFromWire, lawRowToWire, lawRowsFromWire, type LawRow } from '../../../electron/shared/api-contract';
import { lawRows, listLaws } from '../../../electron/core/library/law-list';

/** The phases of one task's task:progress events, in order. */
function indexPhases(events: { name: string; payload: unknown }[], taskId: string): TaskPhase[] {
  return events.filter((e) => e.name === 'task:progress' && (e.payload as { taskId: string }).taskId === taskId).map((e) => (e.payload as { phase: TaskPhase }).phase);
}

const tmp = mkdtempSync(join(tmpdir(), 'lawdesk-app-search-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const FIXTURE_LAWS = resolve(import.meta.dirname, '../../fixtures/laws');

/** An app service on a fresh library seeded from `starter` files (a fixture folder, plus extra files). */
async function openService(
  name: string,
  starter: string,
  opts: { extra?: string[]; search?: boolean; emit?: (name: string, payload: unknown) => void; indexSlicer?: () => TimeSlicer } = {},
) {
  const dir = mkdtempSync(join(tmp, `${name}-`));
  const seed = join(dir, 'starter');
  cpSync(starter, seed, { recursive: true });
  for (const f of opts.extra ?? []) cpSync(f, join(seed, basename(f)));
  return openTestApp(dir, {
    starterDir: seed,
    search: opts.search !== false,
    ...(opts.emit ? { emit: opts.emit } : {}),
    ...(opts.indexSlicer ? { indexSlicer: opts.indexSlicer } : {}),
  });
}

describe('search:query', () => {
  it('passes the as-of date through and refuses malformed dates and unknown keys', async () => {
    const svc = await openService('asof', join(FIXTURE_LAWS, '经济法'));
    try {
      const all = await svc.call('search:query', { q: '统计调查对象', limit: 100 });
      expect(new Set(all.hits.map((h) => h.versionDate))).toEqual(new Set(['2009-06-27', '2024-09-13']));
      const in2020 = await svc.call('search:query', { q: '统计调查对象', limit: 100, asOf: '2020-01-01' });
      expect(in2020.total).toBeGreaterThan(0);
      expect(new Set(in2020.hits.map((h) => h.versionDate))).toEqual(new Set(['2009-06-27']));
      await expect(svc.call('search:query', { q: '统计', asOf: '2020/01/01' })).rejects.toThrow();
      await expect(svc.call('search:query', JSON.parse('{"q":"统计","__proto__":{"x":1}}'))).rejects.toThrow();
    } finally {
      svc.close();
    }
  });
});

describe('search:query with 收藏 and 分类', () => {
  it('favoritesOnly searches only the laws marked 收藏; categories filter by 分类', async () => {
    const svc = await openService('fav', FIXTURE_LAWS);
    try {
      const all = await svc.call('search:query', { q: '应当', limit: 200 });
      expect(new Set(all.hits.map((h) => h.title)).size).toBeGreaterThan(1);
      expect(all.facets.category['经济法']).toBeGreaterThan(0);
      // nothing marked yet: 只搜收藏 finds nothing rather than everything
      expect((await svc.call('search:query', { q: '应当', favoritesOnly: true })).total).toBe(0);
      const tongji = (await svc.call('laws:list', { q: '统计法' })).rows[0]!;
      await svc.call('law:setFavorite', { lawId: tongji.lawId, favorite: true });
      const fav = await svc.call('search:query', { q: '应当', favoritesOnly: true, limit: 200 });
      expect(fav.total).toBeGreaterThan(0);
      expect(new Set(fav.hits.map((h) => h.lawId))).toEqual(new Set([tongji.lawId]));
      const econ = await svc.call('search:query', { q: '应当', categories: ['经济法'], limit: 200 });
      expect(econ.total).toBe(all.facets.category['经济法']);
      expect(new Set(econ.hits.map((h) => h.lawId))).toEqual(new Set([tongji.lawId]));
      // the engine's lawIds is not part of the API: the renderer cannot pass a list of its own
      await expect(svc.call('search:query', JSON.parse('{"q":"应当","lawIds":[]}'))).rejects.toThrow();
    } finally {
      svc.close();
    }
  });
});

describe('search after an import', () => {
  it('waits for the background index update instead of answering from the old index, then says ready', async () => {
    const events: { name: string; payload: unknown }[] = [];
    const gate = new SlicerGate();
    const svc = await openService('upd', join(FIXTURE_LAWS, '经济法'), { emit: (name, payload) => events.push({ name, payload }), indexSlicer: gate.factory });
    try {
      await svc.searchReady();
      expect((await svc.call('search:query', { q: '设定和实施行政许可' })).total).toBe(0);
      const file = resolve(import.meta.dirname, '../../fixtures/app/laws/行政许可法(2019-04-23).md');
      const pv = await svc.call('import:preview', { files: [{ name: '行政许可法(2019-04-23).md', dataBase64: readFileSync(file).toString('base64') }] });
      events.length = 0;
      gate.arm();
      await svc.call('import:commit', { stagingId: pv.stagingId });
      await gate.paused; // the background update is running, held half-way
      let answered = false;
      const query = svc.call('search:query', { q: '设定和实施行政许可', limit: 5 }).finally(() => (answered = true));
      await new Promise((r) => setImmediate(r));
      expect(answered).toBe(false); // it waits for the update rather than answer from the old index
      gate.release();
      const r = await query;
      expect(r.total).toBeGreaterThan(0);
      expect(r.hits[0]!.title).toContain('行政许可法');
      const phases = indexPhases(events, LIBRARY_INDEX_TASK);
      expect(phases).toContain('index');
      expect(phases[phases.length - 1]).toBe('done');
    } finally {
      svc.close();
    }
  });
});

describe('search:indexStats and search:reindex', () => {
  it('reports what the index holds and rebuilds it with progress, searches still exact after', async () => {
    const events: { name: string; payload: unknown }[] = [];
    const svc = await openService('reidx', FIXTURE_LAWS, { emit: (name, payload) => events.push({ name, payload }) });
    try {
      await svc.searchReady();
      const info = await svc.call('library:info', {});
      const before = await svc.call('search:indexStats', {});
      expect(before.versions).toBe(info.versionCount);
      expect(before.articles).toBeGreaterThan(info.versionCount);
      expect(before.bytesOnDisk).toBeGreaterThan(0);
      const hits = (await svc.call('search:query', { q: '统计调查', limit: 200 })).total;
      events.length = 0;
      const after = await svc.call('search:reindex', { taskId: 'rebuild-1' });
      expect(after).toMatchObject({ versions: before.versions, articles: before.articles, segments: 1 });
      // The caller's task gets the rebuild's phases; the library's task (the status bar) too, and ends current.
      const mine = indexPhases(events, 'rebuild-1');
      expect(mine.filter((p) => p === 'index').length).toBeGreaterThan(1);
      expect(mine).toEqual(expect.arrayContaining(['read', 'index', 'write']));
      const library = indexPhases(events, LIBRARY_INDEX_TASK);
      expect(library.filter((p) => p === 'index').length).toBeGreaterThan(1);
      expect(library[library.length - 1]).toBe('done');
      expect((await svc.call('library:info', {})).search.ready).toBe(true);
      expect((await svc.call('search:query', { q: '统计调查', limit: 200 })).total).toBe(hits);
      await expect(svc.call('search:reindex', JSON.parse('{"all":true}'))).rejects.toThrow();
    } finally {
      svc.close();
    }
  });
});

describe('laws:list', () => {
  it('counts and filters by 分类 from the manifest, with 未分类 for the rest', async () => {
    const svc = await openService('cat', FIXTURE_LAWS, { extra: [resolve(import.meta.dirname, '../../fixtures/documents/sources/jiancai.md')], search: false });
    try {
      const all = await svc.call('laws:list', {});
      expect(all.facets.category).toMatchObject({ 经济法: 1, 行政法: 2, 未分类: 1 });
      const econ = await svc.call('laws:list', { categories: ['经济法'] });
      expect(lawRowsFromWire(econ.rows).map((r) => r.shortTitle)).toEqual(['统计法']);
      expect(econ.rows[0]!.category).toBe('经济法');
      // the other facets count within the chosen category
      expect(econ.facets.level).toEqual({ 法律: 1 });
      const none = await svc.call('laws:list', { categories: ['未分类'] });
      expect(none.rows.map((r) => r.title)).toEqual(['青岛市建设工程材料管理条例']);
    } finally {
      svc.close();
    }
  });

  it('sends each row without what follows from the rest; decoded, the rows are the library table\'s', async () => {
    const svc = await openService('wire', FIXTURE_LAWS, { search: false });
    try {
      const first = await svc.call('laws:list', { sort: { field: 'title', order: 'asc' } });
      const fav = first.rows.find((r) => r.title.includes('统计法'))!;
      await svc.call('law:setFavorite', { lawId: fav.lawId, favorite: true });
      const answer = await svc.call('laws:list', { sort: { field: 'title', order: 'asc' } });
      const favorites = new Set([fav.lawId]);
      const expected = listLaws(lawRows(svc.store), { sort: { field: 'title', order: 'asc' } }).rows.map((r) => ({ ...r, favorite: favorites.has(r.lawId) }));
      expect(expected.some((r) => r.versionCount > 1) && expected.some((r) => r.title !== r.shortTitle)).toBe(true);
      expect(lawRowsFromWire(answer.rows)).toEqual(expected);
      for (const w of answer.rows) {
        expect(w).not.toHaveProperty('shortTitle');
        expect(w.versionCount === undefined || w.versionCount > 1).toBe(true);
        expect(w.favorite === undefined || (w.favorite && w.lawId === fav.lawId)).toBe(true);
      }
      expect(answer.rows.find((r) => r.lawId === fav.lawId)!.favorite).toBe(true);
      expect(JSON.stringify(answer.rows).length).toBeLessThan(JSON.stringify(expected).length * 0.8);
    } finally {
      svc.close();
    }
  });

  it('a row keeps a version id the law and date do not give; a malformed row is refused on decoding', () => {
    const row: LawRow = { lawId: 'Labc', versionId: 'Labc@h1234abcd', title: '中华人民共和国某法', shortTitle: '某法', level: '法律', region: '全国', status: '现行有效', versionCount: 1, articleCount: 3, favorite: false };
    expect(lawRowToWire(row)).toEqual({ lawId: 'Labc', versionId: 'Labc@h1234abcd', title: '中华人民共和国某法', level: '法律', region: '全国', status: '现行有效', articleCount: 3 });
    expect(lawRowFromWire(lawRowToWire(row))).toEqual(row);
    // an edited date: the id stays the imported one, and is sent
    const edited: LawRow = { ...row, versionId: 'Labc@2001-01-01', published: '2002-02-02' };
    expect(lawRowToWire(edited).versionId).toBe('Labc@2001-01-01');
    const dated: LawRow = { ...row, versionId: 'Labc@2003-03-03', effective: '2003-03-03', versionCount: 2, favorite: true };
    expect(lawRowToWire(dated)).not.toHaveProperty('versionId');
    expect(lawRowFromWire(lawRowToWire(dated))).toEqual(dated);
    expect(() => lawRowsFromWire([{ ...lawRowToWire(dated), title: 7 }])).toThrow();
    expect(() => lawRowsFromWire([{ ...lawRowToWire(dated), shortTitle: '某法' }])).toThrow();
    expect(() => lawRowsFromWire([{ ...lawRowToWire(row), versionId: undefined }])).toThrow(/缺少版本编号/);
  });
});
