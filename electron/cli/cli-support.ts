// Small helpers shared by the CLI commands: option parsing, output, opening the library.

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DomainError } from '../shared/errors';
import { openLibrary } from '../core/library/open-library';
import type { LibraryStore } from '../core/library/library-store';
import { printableName } from '../shared/printable-name';

export interface Command {
  summary: string;
  usage: string;
  run(argv: string[]): Promise<number>;
}

/** The command line is wrong: printed with the usage, exit code 2. */
export class UsageError extends DomainError {
  constructor(message: string) {
    super('USAGE', message);
    this.name = 'UsageError';
  }
}

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, usage: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n用法：${usage}`);
  }
}

export const libraryOption = { library: { type: 'string' } } as const;

export async function openForCli(dir: string | undefined, quiet = false): Promise<LibraryStore> {
  const { store, seeded } = await openLibrary({
    ...(dir ? { dir } : {}),
    onSeedProgress: quiet ? () => {} : (p) => progressLine(`初始化资料库：导入内置法规 ${p.done}/${p.total}`),
  });
  if (seeded && !quiet) {
    progressDone();
    process.stderr.write(`新资料库 ${store.dir}：已导入内置法规 ${seeded.imported} 件\n`);
  }
  return store;
}

let lastProgress = 0;
/** A progress line on stderr: redrawn in place on a terminal, throttled lines otherwise. */
export function progressLine(text: string): void {
  const now = Date.now();
  if (process.stderr.isTTY) {
    if (now - lastProgress < 50) return;
    process.stderr.write(`\r\x1b[K${printableName(text)}`); // our own escape, then the text with none of its own
  } else {
    if (now - lastProgress < 2000) return;
    process.stderr.write(`${printableName(text)}\n`);
  }
  lastProgress = now;
}

/** The link graph's refresh as a progress line; nothing when it had nothing to do (it said 更新法条链接 0/0 on every run). */
export function linksProgressLine(p: { done: number; total: number }): void {
  if (p.total > 0) progressLine(`更新法条链接 ${p.done}/${p.total}`);
}

export function progressDone(): void {
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  lastProgress = 0;
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/** Pads by display width (CJK characters count double) for plain-text tables. */
export function padCell(text: string, width: number): string {
  let w = 0;
  for (const ch of text) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return text + ' '.repeat(Math.max(0, width - w));
}
