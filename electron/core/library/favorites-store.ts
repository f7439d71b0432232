// favorites.json in the library folder: the laws starred 收藏. A VersionedStore, so it is validated
// on read, written atomically under the library's writer lock and re-read when another process
// (the CLI, a second window) changed it. Before it existed the app kept 收藏 in its settings;
// migrateSettingsFavorites moves them here once.

import { formatIssues } from '../../shared/errors';
import { join } from 'node:path';
import { FAVORITES_SCHEMA_VERSION, FavoritesFileSchema, MAX_FAVORITES, type FavoritesFile } from '../../shared/favorites-schema';
import { LibraryError, type LibraryStore } from './library-store';
import { VersionedStore } from './versioned-store';

export const FAVORITES_FILE = 'favorites.json';

export class FavoritesStore {
  private constructor(
    private readonly file: VersionedStore<FavoritesFile>,
    private readonly now: () => Date,
  ) {}

  get path(): string {
    return this.file.path;
  }

  static open(store: Pick<LibraryStore, 'dir' | 'lock' | 'now'>): FavoritesStore {
    const file = VersionedStore.open(
      join(store.dir, FAVORITES_FILE),
      {
        what: '收藏',
        version: FAVORITES_SCHEMA_VERSION,
        schema: FavoritesFileSchema,
        empty: () => ({ schemaVersion: FAVORITES_SCHEMA_VERSION, laws: [] }),
        error: (code, message, issues) => new LibraryError(code, issues?.length ? `${message}：${issues.join('；')}` : message),
        describeIssues: (e) => formatIssues(e),
      },
      store.lock,
    );
    return new FavoritesStore(file, () => store.now());
  }

  /** Law ids, in the order they were starred. */
  lawIds(): string[] {
    return this.file.current().laws.map((f) => f.lawId);
  }

  has(lawId: string): boolean {
    return this.file.current().laws.some((f) => f.lawId === lawId);
  }

  /** Stars or unstars a law; returns the list after the change. Writes nothing when nothing changes. */
  async set(lawId: string, favorite: boolean): Promise<string[]> {
    if (this.has(lawId) === favorite) return this.lawIds();
    await this.file.mutate((d) => {
      const rest = d.laws.filter((f) => f.lawId !== lawId);
      if (favorite && rest.length >= MAX_FAVORITES) throw new LibraryError('INVALID', `收藏最多 ${MAX_FAVORITES} 部法规`);
      d.laws = favorite ? [...rest, { lawId, addedAt: this.now().toISOString() }] : rest;
    });
    return this.lawIds();
  }

  /** Whether the one-time move of the settings' favourites has been done for this library. */
  settingsMigrated(): boolean {
    return this.file.current().settingsMigrated === true;
  }

  /**
   * Adds `lawIds` (the favourites of the old settings) after the ones already here, skipping
   * duplicates, and marks the move done. Idempotent: once marked, later calls change nothing.
   * Returns how many laws were added.
   */
  async migrateFromSettings(lawIds: readonly string[]): Promise<number> {
    if (this.settingsMigrated()) return 0;
    return this.file.mutate((d) => {
      const have = new Set(d.laws.map((f) => f.lawId));
      const at = this.now().toISOString();
      let added = 0;
      for (const lawId of lawIds) {
        if (have.has(lawId) || d.laws.length >= MAX_FAVORITES) continue;
        have.add(lawId);
        d.laws.push({ lawId, addedAt: at });
        added++;
      }
      d.settingsMigrated = true;
      return added;
    });
  }
}

/**
 * The one-time move of 收藏 from the app settings into the library: the library file is written
 * (and marked) first, then the settings are emptied, so a crash in between loses nothing and the
 * next start only empties the settings. Ids of laws this library lacks are kept: a list shows
 * only the laws it has, and one imported later under that id is starred again. Returns how many
 * were moved.
 */
export async function migrateSettingsFavorites(
  favorites: FavoritesStore,
  settings: { legacyFavorites(): string[]; clearLegacyFavorites(): void },
): Promise<number> {
  const legacy = settings.legacyFavorites();
  if (legacy.length === 0) return 0;
  const added = favorites.settingsMigrated() ? 0 : await favorites.migrateFromSettings(legacy);
  settings.clearLegacyFavorites();
  return added;
}
