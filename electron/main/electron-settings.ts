// Settings in Electron: electron-store (a JSON file in userData), same shape as the browser face.

import Store from 'electron-store';
import { DEFAULT_SETTINGS, type Settings } from '../shared/api-contract';
import { normaliseSettings, type SettingsStore } from '../core/api/settings-file';

export class ElectronSettingsStore implements SettingsStore {
  private store = new Store<{ settings: Settings }>({ name: 'settings', defaults: { settings: DEFAULT_SETTINGS } });

  get(): Settings {
    return normaliseSettings(this.store.get('settings'));
  }
  set(patch: Partial<Settings>): Settings {
    const next = normaliseSettings({ ...this.get(), ...patch });
    this.store.set('settings', next);
    return next;
  }
}
