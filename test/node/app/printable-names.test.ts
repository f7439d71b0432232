// File names with control characters (ESC sequences that clear or recolour a terminal, BEL) or
// bidi overrides (U+202E makes "md.exe" read backwards) reach every face escaped: the import
// preview and report, the folder browser, task progress, errors, bundle previews — because each
// face's output passes the contract, whose file-name fields escape them (printable-name.ts). A
// value sent back (a folder's path) stays as it is, so it still works. The CLI prints a hostile
// bundle's titles escaped (its import report: cli tests of import-command).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { DomainError, apiEvents, toErrorData, type EventName } from '../../../electron/shared/api-contract';
import { printableName } from '../../../electron/shared/printable-name';
import { exportBundle } from '../../../electron/core/bundles/bundle-export';
import { importPaths } from '../../../electron/core/library/library-import';
import { openLibrary } from '../../../electron/core/library/open-library';
import { main as cli } from '../../../electron/cli/main';
import { openTestApp } from '../test-app';

const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const LAW = readFileSync(resolve(import.meta.dirname, '../../fixtures/laws/行政法/行政许可法(2019-04-23).md'));
const tmp = mkdtempSync(join(tmpdir(), 'lawdesk-printable-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const ESC = '\u001b[2J\u001b[31m清屏';
const BIDI = '许可\u202Edm.exe';
const BEL = '响\u0007铃';

describe('file names are shown escaped on every face', () => {
  it('import preview, report, failures and warnings, task progress and the commit', async () => {
    const events: { name: EventName; payload: unknown }[] = [];
    const svc = await openTestApp(tmp, { libraryDir: join(tmp, 'lib'), emit: (name, payload) => void events.push({ name, payload }) });
    try {
      const files = [
        { name: `${ESC}.md`, dataBase64: LAW.toString('base64') },
        { name: `${BIDI}.md`, dataBase64: Buffer.from(`# ${BIDI}条例\n\n第一条 为了规范管理，制定本条例。\n`).toString('base64') },
        { name: `${BEL}.txt`, dataBase64: Buffer.from('').toString('base64') },
      ];
      const pv = await svc.call('import:preview', { files, taskId: 'p1' });
      const json = JSON.stringify(pv);
      expect(json).not.toMatch(RAW);
      expect(pv.report.files.map((f) => f.file).sort()).toEqual([`${printableName(BEL)}.txt`, `${printableName(BIDI)}.md`, `${printableName(ESC)}.md`].sort());
      expect(pv.report.files.find((f) => f.file.startsWith('许可'))!.title).toBe('许可\\u202edm.exe条例');
      const failed = pv.report.failed.find((f) => f.file.includes('响'))!;
      expect(failed.file).toBe('响\\u0007铃.txt');
      expect(failed.reason).not.toMatch(RAW);
      // progress as the faces send it: through the contract's event schema (event hub, Electron main)
      const sent = events.filter((e) => e.name === 'task:progress').map((e) => apiEvents['task:progress'].parse(e.payload));
      expect(sent.some((p) => p.label?.includes('\\u001b[2J'))).toBe(true);
      expect(JSON.stringify(sent)).not.toMatch(RAW);
      const report = await svc.call('import:commit', { stagingId: pv.stagingId, taskId: 'c1' });
      expect(JSON.stringify(report)).not.toMatch(RAW);
    } finally {
      svc.close();
    }
  }, 120_000);

  it('the folder browser shows an escaped name and still opens the folder by its real path', async () => {
    const root = join(tmp, 'browse');
    const odd = join(root, `${ESC}目录`);
    mkdirSync(join(odd, '下一层'), { recursive: true });
    const svc = await openTestApp(tmp, { libraryDir: join(tmp, 'lib2'), importRoots: [{ label: '测试', path: root }] });
    try {
      const list = await svc.call('import:browse', { path: root });
      const d = list.dirs.find((x) => x.name.endsWith('目录'))!;
      expect(d.name).toBe('\\u001b[2J\\u001b[31m清屏目录');
      expect(d.path).toBe(odd);
      expect((await svc.call('import:browse', { path: d.path })).dirs.map((x) => x.name)).toEqual(['下一层']);
    } finally {
      svc.close();
    }
  });

  it('the CLI: a bundle preview prints the titles a hostile bundle carries escaped', async () => {
    const other = join(tmp, 'other');
    const { store } = await openLibrary({ dir: other, seed: false });
    const src = join(tmp, 'bundle-src');
    mkdirSync(src);
    writeFileSync(join(src, 'x.md'), `# \u2066${BIDI}条例\n\n第一条 为了规范管理，制定本条例。\n`);
    expect((await importPaths(store, [src])).imported).toBe(1);
    const bundle = join(tmp, '恶意.lawdesk');
    await exportBundle(store, { records: false, out: bundle });
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
    try {
      expect(await cli(['bundle', 'preview', bundle, '--library', join(tmp, 'cli-lib')])).toBe(0);
    } finally {
      spy.mockRestore();
    }
    const text = out.join('');
    expect(text).toContain('\\u2066许可\\u202edm.exe条例');
    expect(text).not.toMatch(RAW);
  }, 60_000);

  it('errors: the message a face sends has the control characters escaped, line breaks kept', () => {
    const e = toErrorData(new DomainError('INVALID', `无法读取 ${ESC}.md\n第二行`));
    expect(e).toEqual({ code: 'INVALID', message: '无法读取 \\u001b[2J\\u001b[31m清屏.md\n第二行' });
    expect(toErrorData(new Error(`坏文件 ${BIDI}`)).message).toBe('内部错误：坏文件 许可\\u202edm.exe');
  });
});
