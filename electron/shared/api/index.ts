// The one API of LawDesk: every call the renderer can make, as "domain:verb" channels with zod
// schemas for input and output, plus the events it can subscribe to. Both faces (Electron IPC and
// the localhost HTTP server) register exactly these channels and validate both directions with
// these schemas. Each domain keeps its shapes and calls in its own file here; this index only
// assembles them. To extend: add the call to its domain's `…Calls` (and the name to
// ../api-channels.ts); the preload, the server, the HTTP client and the tests pick it up.
// Invariant: inputs are strict objects (unknown keys rejected), strings and arrays are capped.

import type { z } from 'zod';
import { taskId, type CallSpec } from './common';
import { DomainError, describeZodError, invalidInput } from '../errors';
import { inputLabels } from '../field-labels';
import { bundlesCalls } from './bundles';
import { importCalls } from './import';
import { libraryCalls } from './library';
import { linksCalls } from './links';
import { packsCalls } from './packs';
import { recordsCalls } from './records';
import { searchCalls } from './search';
import { settingsCalls } from './settings';
import { versionsCalls } from './versions';
import { workbenchCalls } from './workbench';
import { reportsCalls } from './reports';

export * from './common';
export * from './errors';
export * from './events';
export * from '../task-progress';
export * from './library';
export * from './search';
export * from './import';
export * from './settings';
export * from './versions';
export * from './records';
export * from './packs';
export * from './bundles';
export * from './links';
export * from './workbench';
export * from './reports';
export { methodName } from '../api-channels';

export const apiContract = {
  ...libraryCalls,
  ...searchCalls,
  ...importCalls,
  ...settingsCalls,
  ...versionsCalls,
  ...recordsCalls,
  ...packsCalls,
  ...bundlesCalls,
  ...linksCalls,
  ...workbenchCalls,
  ...reportsCalls,
} as const;

export type ApiContract = typeof apiContract;
export type Channel = keyof ApiContract;
export type ApiInput<C extends Channel> = z.input<ApiContract[C]['input']>;
export type ApiOutput<C extends Channel> = z.output<ApiContract[C]['output']>;
export const CHANNELS = Object.keys(apiContract) as Channel[];
/** The calls only the desktop answers (native dialogs, shell), at the type level. */
export type DesktopChannel = { [C in Channel]: ApiContract[C] extends CallSpec<z.ZodType, z.ZodType, 'electron'> ? C : never }[Channel];

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(apiContract, name);
}

/** Whether a face implements a channel. */
export function channelInFace(channel: Channel, face: 'electron' | 'browser'): boolean {
  const f = (apiContract[channel] as CallSpec<z.ZodType, z.ZodType>).face ?? 'all';
  return f === 'all' || f === face;
}

/**
 * Whether a call starts a task under the caller's `taskId` (the contract's `taskId` field, as
 * opposed to import:task and import:cancel, which name a task already started): the id then
 * belongs to that call until its work ends (ApiContext.claimTask).
 */
export function startsTask(channel: Channel): boolean {
  const shape = (apiContract[channel].input as { shape?: Record<string, unknown> }).shape;
  return shape?.['taskId'] === taskId;
}

export function maxBodyBytes(channel: Channel): number {
  return (apiContract[channel] as CallSpec<z.ZodType, z.ZodType>).maxBodyBytes ?? 64 * 1024;
}

export type ParsedInput<C extends Channel> = z.output<ApiContract[C]['input']>;

export function parseInput<C extends Channel>(channel: C, raw: unknown): ParsedInput<C> {
  const r = apiContract[channel].input.safeParse(raw ?? {});
  if (!r.success) {
    const labels = inputLabels(channel);
    throw invalidInput(r.error, '参数', labels ? { labels } : {}, raw ?? {});
  }
  return r.data as ParsedInput<C>;
}

export function parseOutput<C extends Channel>(channel: C, value: unknown): ApiOutput<C> {
  const r = apiContract[channel].output.safeParse(value);
  if (!r.success) throw new DomainError('INTERNAL', describeZodError(r.error, `${channel} 的返回值`));
  return r.data as ApiOutput<C>;
}

// The typed client interface: the renderer sees `call(channel, input)` through api/ and the
// preload exposes one named function per channel (camelCase of the channel).

export type ApiMethods = { [C in Channel]: (input: ApiInput<C>) => Promise<ApiOutput<C>> };
