// Importing a folder by its path (the UI's 按路径导入): the manifest corrects the metadata of texts
// already in the library, paths outside the allowed roots (also through a link) are refused, the
// API runs it in the background with progress and can stop it between two files.

import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppService } from '../../../electron/core/api/app-service';
import type { EventPayload } from '../../../electron/shared/api-contract';
import { ImportFolders } from '../../../electron/core/library/folder-browse';
import { importPaths } from '../../../electron/core/library/library-import';
import { checkLibrary } from '../../../electron/core/library/library-check';
import { LibraryStore } from '../../../electron/core/library/library-store';
import { openLibrary } from '../../../electron/core/library/open-library';
import { openTestApp } from '../test-app';

const FOLDER = resolve(import.meta.dirname, '../../fixtures/app/folder-import');
const dirs: string[] = [];
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'lawdesk-folder-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const NOW = () => new Date('2026-11-26T08:00:00Z');

/** The fixture laws without their manifest: what the old upload import saw. */
function bareCopy(): string {
  const d = join(tmp(), 'bare');
  cpSync(join(FOLDER, '行政法'), d, { recursive: true });
  return d;
}

describe('re-importing with a manifest corrects the metadata of identical texts', () => {
  it('levels guessed without the manifest become the manifest’s, with 分类, and stay after reopening', async () => {
    const dir = tmp();
    const { store } = await openLibrary({ dir, seed: false, now: NOW });
    const first = await importPaths(store, [bareCopy()]);
    expect(first.imported).toBe(3);
    const before = store.versions();
    // Without a manifest nothing says these are 法律 of the 行政法 category.
    expect(before.some((v) => v.category === '行政法')).toBe(false);

    const dry = await importPaths(store, [FOLDER], { dryRun: true });
    expect(dry.updated).toBe(3);
    expect(store.versions().every((v) => v.category === undefined)).toBe(true); // a preview writes nothing

    const again = await importPaths(store, [FOLDER]);
    expect(again).toMatchObject({ imported: 0, updated: 3, skipped: 0 });
    const planning = again.files.find((f) => f.file.endsWith('城乡规划法(2019-04-23).md'))!;
    expect(planning.status).toBe('updated');
    expect(planning.reason).toContain('分类 无 → 行政法');
    expect(store.versions().map((v) => v.id).sort()).toEqual(before.map((v) => v.id).sort());

    const { store: reopened } = await openLibrary({ dir, seed: false, now: NOW });
    for (const v of reopened.versions()) {
      expect(v.level).toBe('法律');
      expect(v.category).toBe('行政法');
    }
    // A third import has nothing left to correct.
    expect(await importPaths(reopened, [FOLDER])).toMatchObject({ updated: 0, skipped: 3 });
  });
});

describe('choosing a folder by path', () => {
  it('refuses relative paths, paths outside the roots and links that lead outside', async () => {
    const root = tmp();
    const outside = tmp();
    mkdirSync(join(root, 'laws'));
    cpSync(join(FOLDER, '行政法', '城乡规划法(2019-04-23).md'), join(outside, '城乡规划法(2019-04-23).md'));
    symlinkSync(outside, join(root, 'laws', 'link'));
    const folders = new ImportFolders([{ label: '测试', path: root }]);
    expect(folders.resolve(join(root, 'laws'))).toBe(join(root, 'laws'));
    expect(() => folders.resolve('laws')).toThrow(/不是完整路径/);
    expect(() => folders.resolve(outside)).toThrow(/只能导入主文件夹或各磁盘中的文件夹/);
    expect(() => folders.resolve(join(root, 'laws', 'link'))).toThrow(/只能导入/);
    expect(() => folders.resolve(join(root, 'laws', '..', '..'))).toThrow(/只能导入/);
    expect(() => folders.resolve(join(root, 'nope'))).toThrow(/不存在/);
    const listing = folders.list(join(root, 'laws'));
    expect(listing.parent).toBe(root);
    expect(folders.list(root).parent).toBeNull(); // not above the root

    // The folder itself is allowed, but the link inside it is not followed out of the roots.
    const { store } = await openLibrary({ dir: join(root, 'lib'), seed: false, now: NOW });
    const r = await importPaths(store, [join(root, 'laws')], { within: [root] });
    expect(r.imported).toBe(0);
    expect(r.failed[0]!.reason).toContain('链接指向允许的文件夹之外');
  });

  it('the API imports a folder in the background with progress, reads the manifest, and cancel stops it', async () => {
    const root = tmp();
    const events: { name: string; payload: unknown }[] = [];
    const svc = await openTestApp(root, {
      libraryDir: join(root, 'lib'),
      importRoots: [{ label: '测试', path: FOLDER }, { label: '临时', path: root }],
      emit: (name, payload) => events.push({ name, payload }),
    });
    try {
      await expect(svc.call('import:folder', { path: root + '/../..' })).rejects.toThrow(/只能导入/);
      // The caller chooses the task id, so it follows the task from its first event.
      const { taskId } = await svc.call('import:folder', { path: FOLDER, taskId: 'folder-1' });
      expect(taskId).toBe('folder-1');
      let st = await svc.call('import:task', { taskId });
      while (!st.done) st = await svc.call('import:task', { taskId });
      expect(st.report).toMatchObject({ imported: 3, failed: [] });
      expect(svc.store.versions().every((v) => v.level === '法律' && v.category === '行政法')).toBe(true);
      const progress = events.filter((e) => e.name === 'task:progress').map((e) => e.payload as EventPayload<'task:progress'>);
      expect(progress.map((p) => p.done)).toEqual([0, 1, 2, 3]);
      expect(progress.every((p) => p.taskId === 'folder-1' && p.phase === 'import' && p.total === 3)).toBe(true);

      // Cancel after the first file: the first stays, the rest is not touched.
      const copy = join(root, 'copy');
      cpSync(FOLDER, copy, { recursive: true });
      rmSync(join(copy, 'manifest.jsonl'));
      const lib2 = await openTestApp(root, { libraryDir: join(root, 'lib2'), importRoots: [{ label: '临时', path: root }], emit: (name, payload) => {
        if (name === 'task:progress' && (payload as { done: number }).done === 1) void lib2Ref.svc?.call('import:cancel', { taskId: lib2Ref.taskId! });
      } });
      const lib2Ref: { svc?: AppService; taskId?: string } = { svc: lib2 };
      const started = await lib2.call('import:folder', { path: copy });
      lib2Ref.taskId = started.taskId;
      let st2 = await lib2.call('import:task', { taskId: started.taskId });
      while (!st2.done) st2 = await lib2.call('import:task', { taskId: started.taskId });
      expect(st2.report.canceled).toBe(true);
      expect(st2.report.files.length).toBeLessThan(3);
      expect(lib2.store.versions().length).toBe(st2.report.imported);
      // a committed folder import's report leaves the articles' preview out; a dry run keeps it
      expect(st.report.files.every((f) => f.preview === undefined)).toBe(true);
      const dry = await lib2.call('import:folder', { path: copy, dryRun: true });
      let st3 = await lib2.call('import:task', { taskId: dry.taskId });
      while (!st3.done) st3 = await lib2.call('import:task', { taskId: dry.taskId });
      const fresh = st3.report.files.filter((f) => f.status === 'imported');
      expect(fresh.length).toBeGreaterThan(0);
      expect(fresh.every((f) => (f.preview?.length ?? 0) > 0)).toBe(true);
      lib2.close();
      // what is on disk agrees: the catalog committed at the cancel names every body, nothing else
      const reopened = await LibraryStore.open(join(root, 'lib2'));
      expect(reopened.versions().map((v) => v.id).sort()).toEqual(st2.report.files.filter((f) => f.status === 'imported').map((f) => f.versionId).sort());
      expect(checkLibrary(reopened)).toEqual([]);
    } finally {
      svc.close();
    }
  });
});
