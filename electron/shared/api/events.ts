// Events (main/server -> renderer).

import { z } from 'zod';
import { count } from './common';

export const APP_COMMANDS = ['library', 'search', 'import', 'reviews', 'lectures', 'packs', 'settings', 'quickOpen', 'importFiles', 'importFolder', 'fontBigger', 'fontSmaller'] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];

export const apiEvents = {
  'import:progress': z.object({
    stagingId: z.string(),
    phase: z.enum(['preview', 'commit']),
    done: count,
    total: count,
    file: z.string(),
  }),
  'index:progress': z.object({ phase: z.enum(['opening', 'indexing', 'ready', 'failed']), done: count, total: count, message: z.string().optional() }),
  /** Progress of a long task started with a taskId (pack export, bundle export/import). */
  'task:progress': z.object({ taskId: z.string(), phase: z.string(), done: count, total: count, label: z.string().optional() }),
  'library:changed': z.object({ added: z.array(z.string()), removed: z.array(z.string()), generation: count }),
  /** Desktop menu commands (Electron only). */
  'app:command': z.object({ command: z.enum(APP_COMMANDS) }),
} as const;
export type EventName = keyof typeof apiEvents;
export type EventPayload<E extends EventName> = z.output<(typeof apiEvents)[E]>;
export const EVENT_NAMES = Object.keys(apiEvents) as EventName[];
