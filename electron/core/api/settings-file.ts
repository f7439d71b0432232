// Settings for faces without electron-store (the browser face, tests): one JSON file written
// atomically. A missing or unreadable file means the defaults; unknown keys are dropped.

import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../shared/api-contract';
import { writeFileAtomic } from '../library/atomic-file';

export interface SettingsStore {
  get(): Settings;
  set(patch: Partial<Settings>): Settings;
  /** 收藏 kept in the settings by earlier versions (now in the library's favorites.json). */
  legacyFavorites(): string[];
  /** Drops them once the library holds them. */
  clearLegacyFavorites(): void;
}

/** The `favorites` list earlier versions stored in the settings, if it is one. */
export function legacyFavoritesOf(raw: unknown): string[] {
  const f = raw && typeof raw === 'object' ? (raw as { favorites?: unknown }).favorites : undefined;
  return Array.isArray(f) ? f.filter((x): x is string => typeof x === 'string' && x.length > 0 && x.length <= 300) : [];
}

/** Merges stored values over the defaults, keeping each valid top-level key. */
export function normaliseSettings(raw: unknown): Settings {
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  if (raw && typeof raw === 'object') {
    const shape = settingsSchema.shape as Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>;
    for (const [k, v] of Object.entries(raw)) {
      const r = shape[k]?.safeParse(v);
      if (r?.success) out[k] = r.data;
    }
  }
  return out as Settings;
}

export class FileSettingsStore implements SettingsStore {
  private value: Settings;
  private legacy: string[];
  constructor(private readonly path: string) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      raw = undefined;
    }
    this.value = normaliseSettings(raw);
    this.legacy = legacyFavoritesOf(raw);
  }
  legacyFavorites(): string[] {
    return [...this.legacy];
  }
  clearLegacyFavorites(): void {
    if (this.legacy.length === 0) return;
    this.legacy = [];
    this.set({});
  }
  get(): Settings {
    return structuredClone(this.value);
  }
  set(patch: Partial<Settings>): Settings {
    this.value = normaliseSettings({ ...this.value, ...patch });
    mkdirSync(dirname(this.path), { recursive: true });
    // Until they are moved into the library, the old favourites stay in the file.
    writeFileAtomic(this.path, JSON.stringify(this.legacy.length ? { ...this.value, favorites: this.legacy } : this.value, null, 2));
    return this.get();
  }
}

export class MemorySettingsStore implements SettingsStore {
  private value: Settings = structuredClone(DEFAULT_SETTINGS);
  /** `legacy`: favourites as an earlier version kept them (tests of the move into the library). */
  constructor(private legacy: string[] = []) {}
  legacyFavorites(): string[] {
    return [...this.legacy];
  }
  clearLegacyFavorites(): void {
    this.legacy = [];
  }
  get(): Settings {
    return structuredClone(this.value);
  }
  set(patch: Partial<Settings>): Settings {
    this.value = normaliseSettings({ ...this.value, ...patch });
    return this.get();
  }
}
