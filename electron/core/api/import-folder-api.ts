// 按路径导入: a folder on this machine imported by its path (the browser face's server runs on the
// user's machine; Electron's dialog gives a path too). The import runs in the background on the
// service's event loop, time-sliced, with task:progress events for the caller's task id; the page asks for the result
// with import:task (a long poll, so no HTTP request outlives the server's request timeout) and can
// stop it with import:cancel. manifest.jsonl is read beside the folder, as the CLI does.

import { DomainError, type ApiOutput, type ImportReportDto } from '../../shared/api-contract';
import { ImportFolders, type FolderRoot } from '../library/folder-browse';
import { importPaths, type ImportProgress } from '../library/library-import';
import { LibraryError } from '../library/library-store';
import { printableName } from '../../shared/printable-name';
import { newId, type ApiContext, type Handlers } from './api-context';

interface FolderTask {
  id: string;
  controller: AbortController;
  progress: ImportProgress;
  result?: { report: ImportReportDto } | { error: unknown };
  finished: Promise<void>;
  endedAt?: number;
}

/** How long import:task waits for the end before answering "still running". */
const POLL_WAIT_MS = 10_000;
/** How often a folder import commits what it has staged (laws appear in the library in batches). */
const FOLDER_COMMIT_MS = 5000;
/** Finished tasks are kept this long for the page to collect their report. */
const KEEP_MS = 30 * 60 * 1000;

export function importFolderHandlers(ctx: ApiContext, roots?: FolderRoot[]) {
  const folders = new ImportFolders(roots);
  const tasks = new Map<string, FolderTask>();
  const running = () => [...tasks.values()].some((t) => !t.result);

  const task = (taskId: string): FolderTask => {
    const t = tasks.get(taskId);
    if (!t) throw new DomainError('NOT_FOUND', '没有找到这次导入（可能已经结束很久），请重新开始');
    return t;
  };

  return {
    'import:browse': ({ path }) => folders.list(path),
    'import:folder': ({ path, dryRun, taskId, replace }) => {
      const dir = folders.resolve(path);
      // One folder import at a time: the library has one writer, and two would fight for it.
      if (running()) throw new DomainError('LOCKED', '已有一个文件夹正在导入，请等它完成或取消后再开始');
      const now = Date.now();
      for (const t of tasks.values()) if (t.endedAt && now - t.endedAt > KEEP_MS) tasks.delete(t.id);
      const id = taskId ?? newId();
      // A finished import's id names its report until it is collected or expires: not reused.
      if (tasks.has(id)) throw new DomainError('CONFLICT', `任务编号“${id}”已用于另一次导入，请换一个`);
      const controller = new AbortController();
      const progress = ctx.progress(id);
      const t: FolderTask = { id, controller, progress: { done: 0, total: 0, file: '' }, finished: Promise.resolve() };
      // 改用新文件: the preview listed each file under its printable name, and the renderer sends those names back.
      const chosen = new Set(replace);
      t.finished = importPaths(ctx.store, [dir], {
        dryRun: !!dryRun,
        ...(chosen.size ? { replace: (file: string) => chosen.has(printableName(file)) } : {}),
        signal: controller.signal,
        within: folders.rootList.map((r) => r.path),
        // Each commit wakes the search index's background update; committing every few seconds
        // (not every second) lets it index larger batches. A kill between commits loses nothing:
        // bodies written since are recovered when the library opens.
        commitEveryMs: FOLDER_COMMIT_MS,
        previews: !!dryRun,
        onProgress: (p) => {
          t.progress = p;
          progress({ phase: dryRun ? 'preview' : 'import', done: p.done, total: p.total, label: p.file });
        },
      }).then(
        (report) => {
          t.result = { report };
          t.endedAt = Date.now();
        },
        (error: unknown) => {
          t.result = { error };
          t.endedAt = Date.now();
        },
      );
      tasks.set(id, t);
      // The id stays this import's while it runs on after the call has answered.
      ctx.holdTask(id, t.finished);
      return { taskId: id };
    },
    'import:task': async ({ taskId }): Promise<ApiOutput<'import:task'>> => {
      const t = task(taskId);
      if (!t.result) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([t.finished, new Promise<void>((ok) => (timer = setTimeout(ok, POLL_WAIT_MS)))]);
        clearTimeout(timer);
      }
      if (!t.result) return { done: false, progress: t.progress };
      if ('error' in t.result) {
        const e = t.result.error;
        if (e instanceof LibraryError || e instanceof DomainError) throw e;
        throw new DomainError('INTERNAL', `导入失败：${(e as Error).message}`);
      }
      return { done: true, report: t.result.report };
    },
    'import:cancel': ({ taskId }) => {
      const t = task(taskId);
      if (t.result) return { ok: false };
      t.controller.abort();
      return { ok: true };
    },
  } satisfies Partial<Handlers>;
}
