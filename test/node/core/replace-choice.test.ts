// 改用新文件: a file of the same law and day that reads poorer than the stored version is skipped (the rule of
// text-quality.ts), and its preview line says the person may still choose it; import:commit with that file in
// `replace` then imports it over the stored version, the reason kept as a warning. The same choice for a folder
// imported by its path (its preview, then import:folder with `replace`) and on the CLI (`lawdesk import --replace`).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { AppService } from '../../../electron/core/api/app-service';
import { main } from '../../../electron/cli/main';
import { openTestApp } from '../test-app';

const LAW = resolve(import.meta.dirname, '../../fixtures/laws/行政法/行政许可法(2019-04-23).md');
const tmp = mkdtempSync(join(tmpdir(), 'lawdesk-replace-choice-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The law as a copy that lost its chapter headings (plain text, no Markdown marks): poorer by structure. */
function withoutChapters(): string {
  return readFileSync(LAW, 'utf8')
    .split('\n')
    .filter((l) => !l.startsWith('<!--'))
    .map((l) => l.replace(/^#+ /, ''))
    .filter((l) => !/^第[一二三四五六七八九十]+章/.test(l))
    .join('\n');
}

const upload = (name: string, text: string) => ({ name, dataBase64: Buffer.from(text).toString('base64') });

describe('改用新文件 in the import preview', () => {
  it('marks the poorer same-day file replaceable, skips it by default, and replaces the stored version when chosen', async () => {
    const svc = await openTestApp(join(tmp, 'a'));
    try {
      const first = await svc.call('import:preview', { files: [upload('行政许可法(2019-04-23).md', readFileSync(LAW, 'utf8'))] });
      expect((await svc.call('import:commit', { stagingId: first.stagingId })).imported).toBe(1);
      const stored = (await svc.call('laws:list', { q: '行政许可法' })).rows[0]!;
      const versionId = stored.versionId ?? `${stored.lawId}@2019-04-23`;
      const headings = async () => (await svc.call('version:get', { versionId })).units.filter((u) => u.path.some((h) => h.startsWith('第一章'))).length;
      expect(await headings()).toBeGreaterThan(0);

      const name = '行政许可法（网页复制）.txt';
      // not chosen: skipped, with the choice offered by name
      const p1 = await svc.call('import:preview', { files: [upload(name, withoutChapters())] });
      expect(p1.report.files[0]).toMatchObject({ file: name, status: 'skipped', replaceable: true, reason: expect.stringContaining('改用新文件') });
      expect(p1.report.files[0]!.reason).not.toContain('命令行 lawdesk remove'); // the app's way comes first
      const r1 = await svc.call('import:commit', { stagingId: p1.stagingId });
      expect(r1).toMatchObject({ replaced: 0, skipped: 1 });
      expect(await headings()).toBeGreaterThan(0);

      // chosen: the stored version is replaced by the new file, and the report says it was her choice and what it costs
      const p2 = await svc.call('import:preview', { files: [upload(name, withoutChapters())] });
      const r2 = await svc.call('import:commit', { stagingId: p2.stagingId, replace: [name] });
      expect(r2).toMatchObject({ replaced: 1, skipped: 0 });
      expect(r2.warnings.find((w) => w.file === name)?.message).toMatch(/^按你的选择改用新文件，替换了已有版本（原文件 行政许可法\(2019-04-23\)\.md），尽管新文件的结构更少/);
      expect(await headings()).toBe(0);
      expect((await svc.call('law:get', { lawId: stored.lawId })).versions[0]!.sourceFile).toBe(name);

      // a name the preview did not list, or an extra field, changes nothing else
      const p3 = await svc.call('import:preview', { files: [upload('行政许可法(2019-04-23).md', readFileSync(LAW, 'utf8'))] });
      await expect(svc.call('import:commit', JSON.parse(`{"stagingId":"${p3.stagingId}","replace":["x"],"path":"/etc"}`))).rejects.toMatchObject({ code: 'INVALID' });
    } finally {
      svc.close();
    }
  });
});

/** A folder import by path followed to its end (import:task long-polls). */
async function folderImport(svc: AppService, path: string, extra: { dryRun?: boolean; replace?: string[] } = {}) {
  const { taskId } = await svc.call('import:folder', { path, ...extra });
  for (;;) {
    const st = await svc.call('import:task', { taskId });
    if (st.done) return st.report;
  }
}

describe('改用新文件 for a folder imported by its path, and on the CLI', () => {
  it('the folder preview marks the file replaceable; import:folder with it in `replace` replaces the stored version', async () => {
    const root = join(tmp, 'folder');
    const folder = join(root, '新收到的法规');
    mkdirSync(folder, { recursive: true });
    cpSync(LAW, join(root, 'first.md'));
    const name = join(folder, '行政许可法（网页复制）.txt');
    writeFileSync(name, withoutChapters());
    const other = join(folder, '行政许可法（另一份网页复制）.txt');
    writeFileSync(other, withoutChapters() + '\n');
    const svc = await openTestApp(root, { importRoots: [{ label: '临时', path: root }] });
    try {
      expect((await svc.call('import:preview', { files: [upload('行政许可法(2019-04-23).md', readFileSync(LAW, 'utf8'))] }).then((p) => svc.call('import:commit', { stagingId: p.stagingId }))).imported).toBe(1);
      const lawId = (await svc.call('laws:list', { q: '行政许可法' })).rows[0]!.lawId;
      const source = async () => (await svc.call('law:get', { lawId })).versions[0]!.sourceFile;

      const preview = await folderImport(svc, folder, { dryRun: true });
      const line = preview.files.find((f) => f.file === name);
      expect(line).toMatchObject({ status: 'skipped', replaceable: true, reason: expect.stringContaining('改用新文件') });
      // without a choice the folder import skips it, as before
      expect(await folderImport(svc, folder)).toMatchObject({ replaced: 0, skipped: 2 });
      expect(await source()).toBe('行政许可法(2019-04-23).md');
      // chosen (the name as the preview listed it): that file replaces the stored version, the other stays skipped
      const r = await folderImport(svc, folder, { replace: [line!.file] });
      expect(r).toMatchObject({ replaced: 1, skipped: 1 });
      expect(r.warnings.find((w) => w.file === name)?.message).toMatch(/^按你的选择改用新文件，替换了已有版本（原文件 行政许可法\(2019-04-23\)\.md），尽管新文件的结构更少/);
      expect(await source()).toBe('行政许可法（网页复制）.txt');
    } finally {
      svc.close();
    }
  });

  it('lawdesk import --replace FILE imports that file over the stored version and says it was the choice', async () => {
    const dir = join(tmp, 'cli');
    mkdirSync(dir, { recursive: true });
    const lib = join(dir, 'lib');
    const copy = join(dir, '行政许可法（网页复制）.txt');
    writeFileSync(copy, withoutChapters());
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    process.env.LAWDESK_STARTER_DIR = join(dir, 'no-starter');
    try {
      expect(await main(['import', LAW, '--library', lib, '--no-index'])).toBe(0);
      out = '';
      expect(await main(['import', copy, '--library', lib, '--no-index', '--dry-run'])).toBe(0);
      expect(out).toContain('加 --replace 此文件');
      expect(out).toContain('lawdesk import --replace');
      out = '';
      expect(await main(['import', copy, '--library', lib, '--no-index'])).toBe(0);
      expect(out).toMatch(/替换 0 件，跳过 1 件/);
      out = '';
      expect(await main(['import', '--replace', copy, '--library', lib, '--no-index', '--json'])).toBe(0);
      const r = JSON.parse(out) as { replaced: number; skipped: number; warnings: { file: string; message: string }[] };
      expect(r).toMatchObject({ replaced: 1, skipped: 0 });
      expect(r.warnings.find((w) => w.file === copy)?.message).toMatch(/^按你的选择改用新文件，替换了已有版本（原文件 行政许可法\(2019-04-23\)\.md），尽管新文件的结构更少/);
      out = '';
      expect(await main(['show', '行政许可法', '--library', lib, '--json'])).toBe(0);
      expect(out).toContain('行政许可法（网页复制）.txt');
    } finally {
      vi.restoreAllMocks();
      delete process.env.LAWDESK_STARTER_DIR;
    }
  });
});
