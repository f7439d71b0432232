// The app's settings (library folder, font size, default filters, 署名) and the system browser.
// 收藏 are not here: they belong to the library (favorites.json, see favorites-schema.ts).

import { z } from 'zod';
import { call, empty, level, shortText } from './common';

export const FONT_SIZES = { min: 12, max: 28, default: 16 } as const;

export const settingsSchema = z.object({
  /** The library folder; a change takes effect after a restart. '' = the default folder. */
  libraryDir: z.string().max(1000),
  fontSize: z.number().int().min(FONT_SIZES.min).max(FONT_SIZES.max),
  defaultFilters: z.object({
    inForceOnly: z.boolean(),
    levels: z.array(level).max(20),
    regions: z.array(shortText).max(200),
  }),
  /** The name written as 经办人 in records and their change log; '' = the computer's user name. */
  displayName: z.string().trim().max(40),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  libraryDir: '',
  fontSize: FONT_SIZES.default,
  defaultFilters: { inForceOnly: false, levels: [], regions: [] },
  displayName: '',
};

export const settingsCalls = {
  'settings:get': call({ input: empty, output: settingsSchema }),
  'settings:set': call({ input: settingsSchema.partial().strict(), output: settingsSchema }),
  /** Electron only: opens an https:// link in the system browser. */
  'shell:openExternal': call({
    input: z.object({ url: z.string().url().max(2000).startsWith('https://') }).strict(),
    output: z.object({ ok: z.boolean() }),
    face: 'electron',
  }),
} as const;
