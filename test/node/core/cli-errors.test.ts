// One way for the CLI to fail: every command, given a bad input with --json, prints the same shape
// on stdout — {"error": {code, message, file?, details?}} with a code from the shared list — and
// exits with the code's class (1 input, 2 usage, 3 environment); in text mode "错误：<message>" on
// stderr and no stack unless LAWDESK_DEBUG. Iterates over the command table, so a new command must
// be given a bad input here (README-cli.md documents the contract).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { commands, main } from '../../../electron/cli/main';
import { captureCliOutput } from './cli-output';
import { ERROR_CODES, EXIT_CODES, errorDataSchema, exitCodeOf } from '../../../electron/shared/errors';

const work = mkdtempSync(join(tmpdir(), 'lawdesk-cli-errors-'));
const lib = join(work, 'lib');
const badRecord = join(work, 'bad-review.json');
const notZip = join(work, 'not-a-zip.lawdesk');
const badTemplate = join(work, 'bad-template.json');
const badNotice = join(work, 'bad-notice.txt');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const io = captureCliOutput(lib);

beforeAll(async () => {
  writeFileSync(badRecord, JSON.stringify({ type: '规范性文件', title: '' }));
  writeFileSync(notZip, 'not a zip');
  writeFileSync(badTemplate, JSON.stringify({ schemaVersion: 1, sections: 'none' }));
  writeFileSync(badNotice, '2025-02-30\n');
  // Create the library once (with its starter laws) so the cases below fail on their input alone.
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  expect(await main(['list', '--library', lib])).toBe(0);
  vi.restoreAllMocks();
});

const missing = join(work, 'missing');
/** A bad input per command (not a usage error), the code it must give and, when the error is about a file, that file. */
const BAD: Record<string, { argv: string[]; code: string; file?: string }> = {
  show: { argv: ['show', '没有这部法规'], code: 'NOT_FOUND' },
  search: { argv: ['search', '许可', '--law', '没有这部法规'], code: 'NOT_FOUND' },
  diff: { argv: ['diff', '没有这部法规'], code: 'NOT_FOUND' },
  flags: { argv: ['flags', '没有这部法规'], code: 'NOT_FOUND' },
  remove: { argv: ['remove', '没有这部法规'], code: 'NOT_FOUND' },
  verify: { argv: ['verify', 'L0000000000@2020-01-01'], code: 'NOT_FOUND' },
  cites: { argv: ['cites', '没有这部法规'], code: 'NOT_FOUND' },
  links: { argv: ['links', '没有这部法规'], code: 'NOT_FOUND' },
  pack: { argv: ['pack', 'create', '--from', `${missing}.json`], code: 'NOT_FOUND', file: `${missing}.json` },
  bundle: { argv: ['bundle', 'preview', notZip], code: 'INVALID' },
  restore: { argv: ['restore', `${missing}.json`], code: 'NOT_FOUND', file: `${missing}.json` },
  review: { argv: ['review', 'add', '--from', badRecord], code: 'INVALID' },
  precheck: { argv: ['precheck', `${missing}.docx`], code: 'NOT_FOUND' },
  lecture: { argv: ['lecture', 'show', 'L-nope'], code: 'NOT_FOUND' },
  plan: { argv: ['plan', 'show', 'P-nope'], code: 'NOT_FOUND' },
  stats: { argv: ['stats', '--year', '1800'], code: 'INVALID' },
  report: { argv: ['report', 'annual', '--year', '2020', '--template', badTemplate], code: 'INVALID', file: badTemplate },
  register: { argv: ['register', 'show', 'G-nope'], code: 'NOT_FOUND' },
  records: { argv: ['records', 'import', `${missing}.csv`], code: 'NOT_FOUND', file: `${missing}.csv` },
  holidays: { argv: ['holidays', '--import', badNotice], code: 'INVALID', file: badNotice },
};

async function run(argv: string[]): Promise<number> {
  io.clear();
  return main(argv);
}

function parsedError(where: string) {
  const body = JSON.parse(io.out) as unknown;
  expect(Object.keys(body as object), where).toEqual(['error']);
  const r = errorDataSchema.strict().safeParse((body as { error: unknown }).error);
  expect(r.success, `${where}: ${io.out}`).toBe(true);
  return r.data!;
}

describe('the one CLI error shape', () => {
  it('every exit code class is documented and distinct', () => {
    expect(new Set(Object.values(EXIT_CODES)).size).toBe(Object.keys(EXIT_CODES).length);
    for (const code of ERROR_CODES) expect(Object.values(EXIT_CODES)).toContain(exitCodeOf(code));
    expect(exitCodeOf('DISK_FULL')).toBe(3);
    expect(exitCodeOf('USAGE')).toBe(2);
    expect(exitCodeOf('NOT_FOUND')).toBe(1);
  });

  for (const name of Object.keys(commands)) {
    it(`${name}: a wrong option with --json gives {"error": {code: USAGE, …}} and exit 2`, async () => {
      expect(await run([name, '--no-such-option', '--json'])).toBe(2);
      const e = parsedError(name);
      expect(e.code).toBe('USAGE');
      expect(e.message).toMatch(/用法：lawdesk /);
      expect(io.err).toBe('');
    });
  }

  it('every command that takes an input has a bad-input case (a new command must add one)', () => {
    const onlyUsage = ['import', 'list', 'open', 'reindex', 'check', 'backup', 'start', 'office'];
    expect(Object.keys(commands).filter((n) => !onlyUsage.includes(n)).sort()).toEqual(Object.keys(BAD).sort());
  });

  for (const [name, bad] of Object.entries(BAD)) {
    it(`${name}: a bad input gives the same shape with code ${bad.code}, and text mode the Chinese message`, async () => {
      const exit = await run([...bad.argv, '--json']);
      const e = parsedError(name);
      expect(e.code).toBe(bad.code);
      expect(exit).toBe(exitCodeOf(e.code));
      expect(e.message).toMatch(/[\u4e00-\u9fff]/);
      if (bad.file) expect(e.file).toBe(bad.file);

      expect(await run(bad.argv)).toBe(exit);
      expect(io.out).toBe('');
      expect(io.err).toBe(`错误：${e.message}\n`);
      expect(io.err).not.toMatch(/\n\s+at /);
    });
  }

  it('LAWDESK_DEBUG adds the stack trace in text mode', async () => {
    process.env.LAWDESK_DEBUG = '1';
    expect(await run(['show', '没有这部法规'])).toBe(1);
    expect(io.err).toMatch(/^错误：没有找到“没有这部法规”\n/);
    expect(io.err).toMatch(/\n\s+at /);
  });

  it('a record that fails validation: each field’s error as the form shows it, label first, in text and in error.details', async () => {
    const file = join(work, 'bad-fields.json');
    writeFileSync(file, JSON.stringify({ type: '规范性文件', title: ' ', leadUnit: '科技局', receivedDate: '2020-13-01', materials: [{ name: '' }], recievedDate: '2020-01-01' }));
    const lines = ['标题：请填写标题', '收件日期：不是有效日期（应为 YYYY-MM-DD），收到 "2020-13-01"', '送审材料 › 第1项 › 名称：请填写名称', '内容：不认识的字段：recievedDate'];
    expect(await run(['review', 'add', '--from', file])).toBe(1);
    expect(io.err).toBe(`错误：审查记录填写有误：\n${lines.map((l) => `  - ${l}\n`).join('')}`);
    expect(await run(['review', 'add', '--from', file, '--json'])).toBe(1);
    expect(parsedError('review add').details).toEqual(lines);
    // An edit is checked the same way (the patch's fields only).
    writeFileSync(file, JSON.stringify({ type: '规范性文件', title: '科技创新券管理办法', leadUnit: '科技局', receivedDate: '2020-04-01' }));
    expect(await run(['review', 'add', '--from', file, '--json'])).toBe(0);
    const id = (JSON.parse(io.out) as { record: { id: string } }).record.id;
    writeFileSync(file, JSON.stringify({ leadUnit: '', tags: ['标'.repeat(51)] }));
    expect(await run(['review', 'update', id, '--from', file, '--json'])).toBe(1);
    expect(parsedError('review update').details).toEqual(['承办单位：请填写承办单位', '标签 › 第1项：不能超过 50 字']);
  });

  it('an unknown command is a usage error in the same shape', async () => {
    expect(await run(['bogus', '--json'])).toBe(2);
    expect(parsedError('bogus').code).toBe('USAGE');
  });
});
