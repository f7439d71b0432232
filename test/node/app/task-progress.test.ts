// The one progress protocol: a long call takes the caller's task id, and every progress event of
// that call is a task:progress event carrying exactly that id, with a phase from TASK_PHASES.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { apiEvents, type EventName } from '../../../electron/shared/api-contract';
import { LIBRARY_INDEX_TASK, type TaskProgress } from '../../../electron/shared/task-progress';
import { DRAFTS, REVIEW_LAWS } from '../review/review-test-support';
import { openTestApp } from '../test-app';

const tmp = mkdtempSync(join(tmpdir(), 'lawdesk-task-progress-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const LAWS = resolve(import.meta.dirname, '../../fixtures/laws/行政法');

function recorder() {
  const events: { name: EventName; payload: unknown }[] = [];
  const progress = (taskId: string): TaskProgress[] =>
    events.filter((e) => e.name === 'task:progress').map((e) => e.payload as TaskProgress).filter((p) => p.taskId === taskId);
  return { events, progress, emit: (name: EventName, payload: unknown) => void events.push({ name, payload }) };
}

const upload = (name: string) => ({ name, dataBase64: readFileSync(join(LAWS, name)).toString('base64') });

describe('task:progress', () => {
  it('follows an import preview and its commit by the ids the caller chose, file by file under the uploaded names', async () => {
    const rec = recorder();
    const svc = await openTestApp(tmp, { libraryDir: join(tmp, 'import'), emit: rec.emit });
    try {
      const files = [upload('行政许可法(2019-04-23).md'), upload('保守国家秘密法(2024-02-27).md')];
      const pv = await svc.call('import:preview', { files, taskId: 'pv-1' });
      expect(pv.report.imported).toBe(2);
      const previewed = rec.progress('pv-1');
      expect(previewed.map((p) => [p.phase, p.done, p.total])).toEqual([
        ['preview', 0, 2],
        ['preview', 1, 2],
        ['preview', 2, 2],
      ]);
      // The files are named as the user uploaded them, never by the temp folder they wait in.
      expect(previewed.slice(0, 2).map((p) => p.label)).toEqual(files.map((f) => f.name));

      await svc.call('import:commit', { stagingId: pv.stagingId, taskId: 'cm-1' });
      expect(rec.progress('cm-1').map((p) => p.phase)).toEqual(['import', 'import', 'import']);
      expect(rec.progress('cm-1').at(-1)).toMatchObject({ done: 2, total: 2 });
      // Every progress event belongs to one of the two tasks and is valid for the contract.
      const all = rec.events.filter((e) => e.name === 'task:progress');
      expect(all).toHaveLength(6);
      for (const e of all) expect(apiEvents['task:progress'].safeParse(e.payload).success).toBe(true);

      // A call without a task id is followed by nobody: nothing is sent.
      rec.events.length = 0;
      await svc.call('import:preview', { files: [upload('保守国家秘密法(2010-04-29).md')] });
      expect(rec.events.filter((e) => e.name === 'task:progress')).toEqual([]);
      // An id that is not short and plain is refused by the contract.
      await expect(svc.call('import:preview', { files, taskId: 'a b' })).rejects.toMatchObject({ code: 'INVALID' });
    } finally {
      svc.close();
    }
  });

  it('gives a task id to the call that started it: no other call may report under it, end it or speak as the library', async () => {
    const rec = recorder();
    const FOLDER = resolve(import.meta.dirname, '../../fixtures/app/folder-import');
    const svc = await openTestApp(tmp, { libraryDir: join(tmp, 'own'), importRoots: [{ label: '测试', path: FOLDER }], emit: rec.emit });
    try {
      const files = [upload('行政许可法(2019-04-23).md'), upload('保守国家秘密法(2024-02-27).md')];
      // Two calls naming one id: the second is refused while the first runs, and reports nothing.
      const first = svc.call('import:preview', { files, taskId: 'mine' });
      await expect(svc.call('import:preview', { files: files.slice(0, 1), taskId: 'mine' })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('mine') });
      await expect(svc.call('bundles:export', { records: false, taskId: 'mine' })).rejects.toMatchObject({ code: 'CONFLICT' });
      const pv = await first;
      expect(rec.progress('mine').map((p) => p.done)).toEqual([0, 1, 2]);
      // …and once it has ended the id is free again.
      await svc.call('import:discard', { stagingId: pv.stagingId });
      await svc.call('import:preview', { files: files.slice(0, 1), taskId: 'mine' });
      // The library's own background task is nobody's to name.
      for (const channel of ['search:reindex', 'import:preview'] as const) {
        const input = channel === 'import:preview' ? { files, taskId: LIBRARY_INDEX_TASK } : { taskId: LIBRARY_INDEX_TASK };
        await expect(svc.call(channel, input as never)).rejects.toMatchObject({ code: 'INVALID' });
      }
      expect(rec.progress(LIBRARY_INDEX_TASK)).toEqual([]);

      // A folder import keeps its id while it runs on after its call has answered (asked mid-way,
      // from its own progress event), and its report under it after.
      let during: Promise<string> | undefined;
      const svc2 = await openTestApp(tmp, { libraryDir: join(tmp, 'own2'), importRoots: [{ label: '测试', path: FOLDER }], emit: (name, payload) => {
        rec.emit(name, payload);
        const p = payload as TaskProgress;
        if (name === 'task:progress' && p.taskId === 'folder-own' && p.done === 1 && !during) during = svc2.call('import:preview', { files, taskId: 'folder-own' }).then(() => 'accepted', (e: { code: string }) => e.code);
      } });
      try {
        const { taskId } = await svc2.call('import:folder', { path: FOLDER, dryRun: true, taskId: 'folder-own' });
        let st = await svc2.call('import:task', { taskId });
        while (!st.done) st = await svc2.call('import:task', { taskId });
        expect(await during).toBe('CONFLICT');
        // Only the folder import reported under its id (the refused preview's 2 files never did).
        expect(new Set(rec.progress(taskId).map((p) => `${p.phase} of ${p.total}`))).toEqual(new Set([`preview of ${st.report.files.length}`]));
        await expect(svc2.call('import:folder', { path: FOLDER, taskId })).rejects.toMatchObject({ code: 'CONFLICT' });
      } finally {
        svc2.close();
      }
      // import:task and import:cancel find folder imports only, never another call's task.
      await expect(svc.call('import:cancel', { taskId: 'mine' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(svc.call('import:task', { taskId: 'mine' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      for (const name of ['constructor', '__proto__', 'toString']) await expect(svc.call('import:cancel', { taskId: name })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      svc.close();
    }
  }, 60_000);

  it('reports the review pre-check in its typed phases for the workbench call that asked', async () => {
    const rec = recorder();
    const svc = await openTestApp(tmp, { libraryDir: join(tmp, 'wb'), starterDir: REVIEW_LAWS, search: true, emit: rec.emit });
    try {
      await svc.searchReady();
      const created = await svc.call('reviews:create', { input: { type: '规范性文件', title: '高青县科技创新券管理办法（征求意见稿）', leadUnit: '高新技术科', receivedDate: '2026-02-24' } } as never);
      const id = (created as { record: { id: string } }).record.id;
      const draft = readFileSync(join(DRAFTS, 'planted-innovation-voucher.md'));
      await svc.call('workbench:addDraft', { id, file: { name: '送审稿.md', dataBase64: draft.toString('base64') } });
      expect(rec.progress('pre-1')).toEqual([]);
      await svc.call('workbench:get', { id, taskId: 'pre-1' });
      const phases = new Set(rec.progress('pre-1').map((p) => p.phase));
      expect([...phases].sort()).toEqual(['citations', 'higherLaw', 'rules']);
    } finally {
      svc.close();
    }
  }, 60_000);
});
