// Settings in Electron: electron-store (a JSON file in userData), same shape as the browser face.

import Store from 'electron-store';
import { DEFAULT_SETTINGS, type Settings } from '../shared/api-contract';
import { legacyFavoritesOf, normaliseSettings, type SettingsStore } from '../core/api/settings-file';

export class ElectronSettingsStore implements SettingsStore {
  // `favorites`: where versions before 收藏 moved into the library kept them.
  private store = new Store<{ settings: Settings & { favorites?: string[] } }>({ name: 'settings', defaults: { settings: DEFAULT_SETTINGS } });

  get(): Settings {
    return normaliseSettings(this.store.get('settings'));
  }
  set(patch: Partial<Settings>): Settings {
    const next = normaliseSettings({ ...this.get(), ...patch });
    // Until they are moved into the library, the old favourites stay in the file.
    const legacy = this.legacyFavorites();
    this.store.set('settings', legacy.length ? { ...next, favorites: legacy } : next);
    return next;
  }
  legacyFavorites(): string[] {
    return legacyFavoritesOf(this.store.get('settings'));
  }
  clearLegacyFavorites(): void {
    if (this.legacyFavorites().length) this.store.set('settings', this.get());
  }
}
