// Cited-by, TOC counts and 受影响 are one domain feature (core's CitationIndex) that every face asks.
// The bug: after 统计法 2024 arrived over the 2020 records (which cite the 2009 version),
// `lawdesk cites 统计法 8 --version 2024-09-13 --json` printed [] while the app's 被引用 panel for the
// same article listed four records — the CLI matched the version exactly, the app followed the
// article mapping (2009 第七条 is 2024 第八条).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppService } from '../../../electron/core/api/app-service';
import { removeVersions } from '../../../electron/core/library/library-edit';
import { importPaths } from '../../../electron/core/library/library-import';
import { findLaws } from '../../../electron/core/library/law-lookup';
import { openLibrary } from '../../../electron/core/library/open-library';
import { RecordsService } from '../../../electron/core/records/records-service';
import { RegisterService } from '../../../electron/core/register/register-service';
import { openTestApp } from '../test-app';

const ROOT = resolve(import.meta.dirname, '../../..');
const FIX = join(ROOT, 'test/fixtures');
let tmp: string;
let dir: string;
let svc: AppService;
let v2009: string;
let v2024: string;
let lawId: string;

function cli(...args: string[]): unknown {
  const r = spawnSync(process.execPath, [join(ROOT, 'electron/cli/bin.mjs'), ...args, '--library', dir, '--json'], { cwd: ROOT, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'lawdesk-citation-index-'));
  dir = join(tmp, 'library');
  const { store } = await openLibrary({ dir, seed: false });
  await importPaths(store, [join(FIX, 'records/laws')]);
  const law = findLaws(store, '统计法')[0]!;
  lawId = law.id;
  [v2009, v2024] = law.versionIds as [string, string];
  // The 2020 records were made before the 2024 version: it arrives after them.
  await removeVersions(store, [v2024]);
  const records = await RecordsService.open(store);
  await records.importBundle(JSON.parse(readFileSync(join(FIX, 'records/seed-2020.json'), 'utf8')), { linkDetected: true });
  // The office's own 规范性文件 of 2020, whose text cites 统计法第七条 (then the 2009 text).
  const register = await RegisterService.open(records);
  await register.add(
    { docNumber: '高科发〔2020〕3号', title: '高青县科技创新券管理暂行办法', draftingUnit: '高新技术科', published: '2020-05-08', effective: '2020-06-01' },
    { file: join(FIX, 'register/高青县科技创新券管理暂行办法.md'), by: '测试员' },
  );
  await importPaths(store, [join(FIX, 'records/laws/经济法')]);
  expect(store.version(v2024)).toBeDefined();
  svc = await openTestApp(tmp, { libraryDir: dir });
});
afterAll(() => {
  svc?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('cites, counts and 受影响: the CLI and the app give one answer', () => {
  it('cites 统计法 8 in the 2024 version lists the four records and the register document that cite 2009 第七条', async () => {
    const app = await svc.call('records:citedBy', { versionId: v2024, articleKey: '8' });
    const out = cli('cites', '统计法', '8', '--version', '2024-09-13') as { versionId: string; citedBy: { id: string; versionId: string; label: string; flag: { color: string } }[] };
    expect(out.versionId).toBe(v2024);
    expect(out.citedBy.map((e) => e.id)).toEqual(['R2020-004', 'R2020-003', 'N2020-001', 'L2020-003', 'D2020-001']);
    expect(out.citedBy).toEqual(app);
    // as cited: the 2009 第七条, flagged yellow (renumbered)
    expect(out.citedBy.every((e) => e.versionId === v2009 && e.label === '第七条' && e.flag.color === 'yellow')).toBe(true);
    // The register says the same of its document (it used its own flagging before and said nothing
    // of 被引用): one entry, the same flag, in the app's register:flags and in 受影响.
    const register = await svc.call('register:flags', {});
    expect(register).toEqual(app.filter((e) => e.kind === 'register'));
    expect((await svc.call('records:affected', { lawIds: [lawId] })).filter((e) => e.kind === 'register')).toEqual(register);
  });

  it('per-article counts of the 2024 version agree with the TOC badges', async () => {
    const app = await svc.call('records:counts', { versionId: v2024 });
    const out = cli('cites', '统计法', '--version', '2024-09-13') as { counts: { articleKey: string; count: number }[] };
    expect(Object.fromEntries(out.counts.map((c) => [c.articleKey, c.count]))).toEqual(app);
    expect(app['8']).toBe(5);
  });

  it('lawdesk flags --affected is the app’s 受影响 list', async () => {
    const app = await svc.call('records:affected', { lawIds: [lawId] });
    const out = cli('flags', '统计法', '--affected') as unknown[];
    expect(app.length).toBeGreaterThan(0);
    expect(out).toEqual(app);
  });
});
