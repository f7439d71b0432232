// 收藏 live in the library (favorites.json): they survive a new settings store (another computer,
// a copied library folder), the old settings' favourites are moved in once, and a damaged file
// is refused with its name instead of being overwritten.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileSettingsStore, MemorySettingsStore, type SettingsStore } from '../../../electron/core/api/settings-file';
import { FAVORITES_FILE, FavoritesStore, migrateSettingsFavorites } from '../../../electron/core/library/favorites-store';
import { LibraryStore } from '../../../electron/core/library/library-store';
import { openTestApp } from '../test-app';
import { lawRowsFromWire } from '../../../electron/shared/api-contract';

const tmp = mkdtempSync(join(tmpdir(), 'lawdesk-favorites-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const ECON = resolve(import.meta.dirname, '../../fixtures/laws/经济法');
const CONSTITUTION = resolve(import.meta.dirname, '../../fixtures/laws/宪法');

async function library(name: string): Promise<string> {
  const dir = join(tmp, name);
  cpSync(ECON, join(dir, 'starter'), { recursive: true });
  cpSync(CONSTITUTION, join(dir, 'starter'), { recursive: true });
  return dir;
}

const open = (dir: string, settings: SettingsStore) =>
  openTestApp(dir, { starterDir: join(dir, 'starter'), settings });

describe('收藏 in the library', () => {
  it('are written to favorites.json and read back by a service with other settings (a copied library)', async () => {
    const dir = await library('travel');
    const a = await open(dir, new MemorySettingsStore());
    const { rows } = await a.call('laws:list', {});
    const tongji = lawRowsFromWire(rows).find((r) => r.shortTitle === '统计法')!;
    expect((await a.call('law:setFavorite', { lawId: tongji.lawId, favorite: true })).favorites).toEqual([tongji.lawId]);
    a.close();
    const file = JSON.parse(readFileSync(join(dir, 'library', FAVORITES_FILE), 'utf8'));
    expect(file.laws.map((f: { lawId: string }) => f.lawId)).toEqual([tongji.lawId]);

    const b = await open(dir, new MemorySettingsStore());
    try {
      expect((await b.call('law:favorites', {})).favorites).toEqual([tongji.lawId]);
      const fav = await b.call('laws:list', { favoritesOnly: true });
      expect(lawRowsFromWire(fav.rows).map((r) => [r.shortTitle, r.favorite])).toEqual([['统计法', true]]);
      expect(fav.favorites).toBe(1);
      expect((await b.call('law:setFavorite', { lawId: tongji.lawId, favorite: false })).favorites).toEqual([]);
      expect((await b.call('laws:list', { favoritesOnly: true })).total).toBe(0);
    } finally {
      b.close();
    }
  });

  it('the old settings favourites move into the library once: settings emptied, a second start changes nothing', async () => {
    const dir = await library('migrate');
    const first = await open(dir, new MemorySettingsStore());
    const ids = (await first.call('laws:list', { sort: { field: 'title', order: 'asc' } })).rows.map((r) => r.lawId);
    first.close();
    rmSync(join(dir, 'library', FAVORITES_FILE), { force: true });
    expect(ids.length).toBeGreaterThanOrEqual(2);

    // Settings as an earlier LawDesk wrote them, with 收藏 inside (one id the library lacks).
    const settingsPath = join(dir, 'settings.json');
    writeFileSync(settingsPath, JSON.stringify({ fontSize: 18, favorites: [ids[1], 'gone-law', ids[1]] }));
    const settings = new FileSettingsStore(settingsPath);
    expect(settings.legacyFavorites()).toEqual([ids[1], 'gone-law', ids[1]]);
    settings.set({ fontSize: 20 }); // a settings change before the move keeps them
    expect(JSON.parse(readFileSync(settingsPath, 'utf8')).favorites).toEqual([ids[1], 'gone-law', ids[1]]);

    const svc = await open(dir, settings);
    try {
      expect((await svc.call('law:favorites', {})).favorites).toEqual([ids[1], 'gone-law']);
      const list = await svc.call('laws:list', { favoritesOnly: true });
      expect(list.rows.map((r) => r.lawId)).toEqual([ids[1]]);
      expect(list.favorites).toBe(1);
    } finally {
      svc.close();
    }
    const saved = JSON.parse(readFileSync(settingsPath, 'utf8'));
    expect(saved.favorites).toBeUndefined();
    expect(saved.fontSize).toBe(20);
    expect(JSON.parse(readFileSync(join(dir, 'library', FAVORITES_FILE), 'utf8')).settingsMigrated).toBe(true);

    // Unstarred in the library, then the app starts again: nothing comes back.
    const again = await open(dir, new FileSettingsStore(settingsPath));
    try {
      await again.call('law:setFavorite', { lawId: ids[1]!, favorite: false });
    } finally {
      again.close();
    }
    const third = await open(dir, new FileSettingsStore(settingsPath));
    try {
      expect((await third.call('law:favorites', {})).favorites).toEqual(['gone-law']);
    } finally {
      third.close();
    }
  });

  it('a crash after the library was written but before the settings were emptied does not move them twice', async () => {
    const dir = join(tmp, 'crash');
    const store = await LibraryStore.open(dir);
    const favorites = FavoritesStore.open(store);
    await favorites.set('b', true);
    expect(await favorites.migrateFromSettings(['a', 'b'])).toBe(1);
    expect(favorites.lawIds()).toEqual(['b', 'a']);
    await favorites.set('a', false);
    // The settings still hold them (the emptying never happened): the next start only empties them.
    const settings = new MemorySettingsStore(['a', 'b']);
    expect(await migrateSettingsFavorites(favorites, settings)).toBe(0);
    expect(settings.legacyFavorites()).toEqual([]);
    expect(FavoritesStore.open(store).lawIds()).toEqual(['b']);
  });

  it('a damaged favorites.json is refused with its name and left as it is', async () => {
    const dir = await library('damaged');
    const svc = await open(dir, new MemorySettingsStore());
    const file = join(dir, 'library', FAVORITES_FILE);
    try {
      writeFileSync(file, JSON.stringify({ schemaVersion: 1, laws: [{ lawId: 'x' }] }));
      await expect(svc.call('law:favorites', {})).rejects.toThrow(/favorites\.json 中有不合格式的收藏.*addedAt/);
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ schemaVersion: 1, laws: [{ lawId: 'x' }] });
      writeFileSync(file, '{"schemaVersion":1,"laws":[');
      await expect(svc.call('law:favorites', {})).rejects.toThrow(/favorites\.json 已损坏/);
      // The 法规库 list does not go down with it (dd5f9df): its rows without 收藏 marks; a 收藏-only list names the file.
      const rows = await svc.call('laws:list', {});
      expect(rows.total).toBeGreaterThan(0);
      expect(rows.rows.every((l) => !l.favorite)).toBe(true);
      await expect(svc.call('laws:list', { favoritesOnly: true })).rejects.toThrow(/favorites\.json 已损坏/);
      expect(readFileSync(file, 'utf8')).toBe('{"schemaVersion":1,"laws":[');
      // Repaired by hand: the next call reads it (the failed open is not remembered).
      writeFileSync(file, JSON.stringify({ schemaVersion: 1, laws: [] }));
      expect((await svc.call('law:favorites', {})).favorites).toEqual([]);
      expect(existsSync(file)).toBe(true);
    } finally {
      svc.close();
    }
  });
});
