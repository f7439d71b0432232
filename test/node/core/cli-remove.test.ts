// `lawdesk remove` says what depends on the law before it removes it (the app dialog's lines: records citing it,
// 简报包 items, other laws linking to it) and removes only once the person confirms: y at the terminal, or --yes.
// Run from a script (stdin not a terminal) without --yes it refuses and the library stays as it was.
// Real laws: test/fixtures/links/laws (集会游行示威法 cited by its 实施条例; 统计法 2009 and 2024).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../../electron/cli/main';
import { terminal } from '../../../electron/cli/cli-prompt';
import { captureCliOutput } from './cli-output';

const LAWS = resolve(import.meta.dirname, '../../fixtures/links/laws');
const work = mkdtempSync(join(tmpdir(), 'lawdesk-cli-remove-'));
const lib = join(work, 'lib');
afterAll(() => rmSync(work, { recursive: true, force: true }));
const io = captureCliOutput(lib);

beforeAll(async () => {
  process.env.LAWDESK_STARTER_DIR = LAWS;
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    expect(await main(['list', '--library', lib])).toBe(0);
    const lecture = join(work, 'lecture.json');
    writeFileSync(lecture, JSON.stringify({ kind: '集体学法', date: '2020-05-20', topic: '集会游行示威法学习', headCount: 12, citations: [{ law: '集会游行示威法', article: '7' }] }));
    expect(await main(['lecture', 'add', '--from', lecture, '--library', lib])).toBe(0);
  } finally {
    vi.restoreAllMocks();
    delete process.env.LAWDESK_STARTER_DIR;
  }
});

const stillThere = async (q: string) => {
  const code = await main(['show', q, '--json']);
  io.clear();
  return code === 0;
};

describe('lawdesk remove', () => {
  it('from a script without --yes: prints what depends on the law, refuses, removes nothing', async () => {
    vi.spyOn(terminal, 'interactive').mockReturnValue(false);
    const ask = vi.spyOn(terminal, 'ask');
    expect(await main(['remove', '中华人民共和国集会游行示威法'])).toBe(2);
    expect(ask).not.toHaveBeenCalled();
    expect(io.err).toContain('将删除《中华人民共和国集会游行示威法》');
    expect(io.err).toMatch(/学法记录 1 条/);
    expect(io.err).toMatch(/其他法规 \d+ 部（\d+ 条）的条文引用了它/);
    expect(io.err).toContain('--yes');
    expect(await stillThere('中华人民共和国集会游行示威法')).toBe(true);

    // --json: one error object on stdout, nothing removed
    expect(await main(['remove', '中华人民共和国集会游行示威法', '--json'])).toBe(2);
    expect(JSON.parse(io.out)).toMatchObject({ error: { code: 'USAGE', message: expect.stringContaining('--yes') } });
    expect(await stillThere('中华人民共和国集会游行示威法')).toBe(true);
  });

  it('at a terminal: asks after the counts; anything but y keeps the law, y removes it', async () => {
    vi.spyOn(terminal, 'interactive').mockReturnValue(true);
    const ask = vi.spyOn(terminal, 'ask').mockResolvedValueOnce('').mockResolvedValueOnce(' y ');
    expect(await main(['remove', '中华人民共和国集会游行示威法'])).toBe(130);
    expect(io.err).toMatch(/学法记录 1 条[\s\S]*已取消，资料库未改动/);
    expect(await stillThere('中华人民共和国集会游行示威法')).toBe(true);

    expect(await main(['remove', '中华人民共和国集会游行示威法'])).toBe(0);
    expect(ask).toHaveBeenCalledTimes(2);
    expect(io.out).toMatch(/^已删除 .*集会游行示威法（2009-08-27）/m);
    expect(await stillThere('中华人民共和国集会游行示威法')).toBe(false);
  });

  it('--yes removes one version without asking, and --json carries the impact beside the ids', async () => {
    const ask = vi.spyOn(terminal, 'ask');
    expect(await main(['remove', '中华人民共和国统计法', '--version', '2009', '--yes', '--json'])).toBe(0);
    expect(ask).not.toHaveBeenCalled();
    const out = JSON.parse(io.out) as { removed: string[]; impact: { wholeLaw: boolean; versions: { id: string }[]; lines: string[] }[] };
    expect(out.removed).toHaveLength(1);
    expect(out.impact).toHaveLength(1);
    expect(out.impact[0]).toMatchObject({ wholeLaw: false, versions: [{ id: out.removed[0] }] });
    expect(await stillThere('中华人民共和国统计法')).toBe(true); // the 2024 version stays
  });
});
