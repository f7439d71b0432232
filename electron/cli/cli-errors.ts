// The CLI's one way to report a failure (contract in README-cli.md): with --json, one object
// {"error": {code, message, file?, details?}} on stdout; otherwise "错误：<message>" on stderr
// (a usage error prints its message and usage as they are). The exit code follows the code's class
// (shared/errors.ts). No stack trace unless LAWDESK_DEBUG is set.

import { exitCodeOf, toErrorData } from '../shared/errors';
import { printableText } from '../shared/printable-name';
import { progressDone } from './cli-support';

/** Whether the command was asked for JSON: `--json` anywhere before a `--` terminator. */
export function wantsJson(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).includes('--json');
}

/** Prints `e` the one way and returns the exit code. */
export function reportError(e: unknown, json: boolean): number {
  const error = toErrorData(e);
  progressDone(); // a progress line left half-drawn would run into the message
  if (json) process.stdout.write(JSON.stringify({ error }, null, 2) + '\n');
  else process.stderr.write(error.code === 'USAGE' ? `${printableText(error.message)}\n` : `错误：${printableText(error.message)}\n`);
  if (process.env.LAWDESK_DEBUG && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
  return exitCodeOf(error.code);
}
