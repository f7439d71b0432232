// Events (main/server -> renderer).

import { z } from 'zod';
import { count } from './common';
import { taskProgressSchema } from '../task-progress';

export const APP_COMMANDS = ['library', 'search', 'import', 'reviews', 'lectures', 'packs', 'settings', 'quickOpen', 'importFiles', 'importFolder', 'fontBigger', 'fontSmaller'] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];

export const apiEvents = {
  /** The progress of every long task, by the task id its caller chose (see ../task-progress.ts). */
  'task:progress': taskProgressSchema,
  'library:changed': z.object({ added: z.array(z.string()), removed: z.array(z.string()), generation: count }),
  /** What library:info says of the library's state changed without a library change (records set aside found after start). */
  'library:health': z.object({}),
  /** Desktop menu commands (Electron only). */
  'app:command': z.object({ command: z.enum(APP_COMMANDS) }),
} as const;
export type EventName = keyof typeof apiEvents;
export type EventPayload<E extends EventName> = z.output<(typeof apiEvents)[E]>;
export const EVENT_NAMES = Object.keys(apiEvents) as EventName[];
