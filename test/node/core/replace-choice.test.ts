// 改用新文件: a file of the same law and day that reads poorer than the stored version is skipped (the rule of
// text-quality.ts), and its preview line says the person may still choose it; import:commit with that file in
// `replace` then imports it over the stored version, the reason kept as a warning — the app, not the CLI.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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
