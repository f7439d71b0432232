// The CLI's import report prints file names from the disk: control characters in them (a name
// carrying ESC[2J would clear the user's terminal; U+202E reverses what follows) are shown as
// \uXXXX escapes, in the progress line, the dry-run list, the failure and the warning lines.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main as cli } from '../../../electron/cli/main';

const work = mkdtempSync(join(tmpdir(), 'lawdesk-cli-names-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function run(argv: string[]): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => (out.push(String(s)), true));
  try {
    return { code: await cli(argv), out: out.join('') };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('CLI import report: file names printed safely', () => {
  it('escapes ESC, BEL, carriage return and bidi overrides in file names', async () => {
    const src = join(work, 'src');
    mkdirSync(src);
    const law = readFileSync(join(import.meta.dirname, '../../fixtures/laws/行政法/行政许可法(2019-04-23).md'), 'utf8');
    writeFileSync(join(src, '许可法\u001b[2J\u0007.md'), law);
    writeFileSync(join(src, '空白\r\u202egpj.txt'), '');
    const r = await run(['import', src, '--dry-run', '--library', join(work, 'lib')]);
    expect(r.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    expect(r.out).toContain('许可法\\u001b[2J\\u0007.md');
    expect(r.out).toContain('空白\\u000d\\u202egpj.txt');
  });
});
