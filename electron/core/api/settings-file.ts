// Settings for faces without electron-store (the browser face, tests): one JSON file written
// atomically. A missing or unreadable file means the defaults; unknown keys are dropped.

import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../shared/api-contract';
import { writeFileAtomic } from '../library/atomic-file';

export interface SettingsStore {
  get(): Settings;
  set(patch: Partial<Settings>): Settings;
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
  constructor(private readonly path: string) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      raw = undefined;
    }
    this.value = normaliseSettings(raw);
  }
  get(): Settings {
    return structuredClone(this.value);
  }
  set(patch: Partial<Settings>): Settings {
    this.value = normaliseSettings({ ...this.value, ...patch });
    mkdirSync(dirname(this.path), { recursive: true });
    writeFileAtomic(this.path, JSON.stringify(this.value, null, 2));
    return this.get();
  }
}

export class MemorySettingsStore implements SettingsStore {
  private value: Settings = structuredClone(DEFAULT_SETTINGS);
  get(): Settings {
    return structuredClone(this.value);
  }
  set(patch: Partial<Settings>): Settings {
    this.value = normaliseSettings({ ...this.value, ...patch });
    return this.get();
  }
}
