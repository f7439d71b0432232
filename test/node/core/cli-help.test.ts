// `--help` / `-h` on every command and subcommand prints that command's usage and exits 0, without
// opening (or creating) a library. Iterates over the command table, so a new command is covered.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commands, main } from '../../../electron/cli/main';
import { captureCliOutput } from './cli-output';

const ROOT = join(import.meta.dirname, '../../..');
const work = mkdtempSync(join(tmpdir(), 'lawdesk-help-'));
const lib = join(work, 'lib');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Subcommands as the usage names them: `lawdesk review add …` → add. */
function subcommandsOf(name: string): string[] {
  const re = new RegExp(`^lawdesk ${name} ([a-z][a-z-]*)(\\s|$)`);
  return [...new Set(commands[name]!.usage.split('\n').map((l) => re.exec(l.trim())?.[1]).filter((s): s is string => !!s))];
}

const io = captureCliOutput(lib);
describe('lawdesk --help', () => {
  it('knows the subcommands of the commands that have them', () => {
    expect(subcommandsOf('review')).toEqual(['add', 'update', 'list', 'show', 'attach', 'draft', 'precheck', 'accept', 'dismiss', 'opinion']);
    expect(subcommandsOf('register')).toEqual(['add', 'update', 'list', 'show', 'due', 'export']);
    expect(subcommandsOf('report')).toEqual(['annual', 'plan', 'duties']);
    expect(subcommandsOf('pack')).toEqual(['list', 'show', 'create', 'export']);
    expect(subcommandsOf('records')).toEqual(['import', 'detect']);
    expect(subcommandsOf('diff')).toEqual([]);
  });

  for (const name of Object.keys(commands)) {
    it(`${name} --help / -h prints its usage and exits 0`, async () => {
      for (const flag of ['--help', '-h']) {
        io.clear();
        expect(await main([name, flag])).toBe(0);
        expect(io.err).toBe('');
        expect(io.out).toContain(commands[name]!.summary);
        for (const line of commands[name]!.usage.split('\n')) expect(io.out).toContain(line.trim());
      }
      for (const sub of subcommandsOf(name)) {
        for (const argv of [[name, sub, '--help'], [name, sub, '-h'], [name, sub, 'x', '--json', '--help']]) {
          io.clear();
          expect(await main(argv), argv.join(' ')).toBe(0);
          expect(io.err).toBe('');
          // the subcommand's own line, and not the other subcommands' lines
          expect(io.out).toMatch(new RegExp(`lawdesk ${name} ${sub}(\\s|$)`));
          for (const other of subcommandsOf(name).filter((s) => s !== sub)) expect(io.out).not.toMatch(new RegExp(`lawdesk ${name} ${other}(\\s|$)`));
        }
      }
      expect(existsSync(lib), 'help must not create a library').toBe(false);
    });
  }

  it('a --help after -- is an argument, not a request for help', async () => {
    expect(await main(['show', '--', '--help'])).not.toBe(0);
  });

  it('exits 0 from the real binary', () => {
    for (const args of [['review', '--help'], ['pack', 'export', '--help'], ['records', 'detect', '-h'], ['lecture', '--help']]) {
      const r = spawnSync(process.execPath, [join(ROOT, 'electron/cli/bin.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, LAWDESK_LIBRARY: lib } });
      expect(r.status, args.join(' ')).toBe(0);
      expect(r.stdout).toMatch(/用法：lawdesk /);
    }
  });
});
