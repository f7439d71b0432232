// The one progress protocol of long work. A caller chooses a task id, passes it with the call
// (`taskId`), and follows the `task:progress` events that carry that id — so it never has to learn
// an id from the answer, which comes too late for the first events. Work nobody started with a
// call (the search index kept current in the background, the first-start seeding) reports under
// the fixed LIBRARY_INDEX_TASK id. Phases are one closed vocabulary shared by the app and the CLI.

import { z } from 'zod';
import { printableName, printableText } from './printable-name';

export const TASK_PHASES = [
  'seed', // the starter laws imported at the first start
  'preview', // import: files read and checked, nothing written yet
  'import', // import: files written into the library
  'ocr', // a scanned PDF's pages recognised
  'read', // the search index reads the library's texts
  'index', // … and builds its segments
  'resolve', // a pack's items looked up
  'render', // a document laid out (DOCX, PDF, HTML)
  'write', // a file or index written
  'collect', // a bundle's contents gathered
  'verify', // a bundle's checksums checked
  'commit', // a bundle's contents committed to the library
  'higherLaw', // pre-check: 上位法 looked up
  'citations', // pre-check: citations checked
  'rules', // pre-check: the rules run
  'done', // the task has finished (the index: current again)
  'failed', // the task has stopped with `message`
] as const;
export type TaskPhase = (typeof TASK_PHASES)[number];

/** What the UI and the CLI say for each phase. */
export const TASK_PHASE_LABELS: Record<TaskPhase, string> = {
  seed: '初始化资料库',
  preview: '分析',
  import: '导入',
  ocr: '识别扫描件',
  read: '读取正文',
  index: '建立索引',
  resolve: '整理内容',
  render: '排版',
  write: '写入文件',
  collect: '收集',
  verify: '校验',
  commit: '写入资料库',
  higherLaw: '查找上位法',
  citations: '核对引用',
  rules: '规则检查',
  done: '完成',
  failed: '失败',
};

/** The task id of the library's own background work: the search index and the first seeding. */
export const LIBRARY_INDEX_TASK = 'library-index';

/** A caller-chosen task id: short, URL- and log-safe. */
export const taskIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);

const count = z.number().int().nonnegative();
export const taskProgressSchema = z.object({
  taskId: z.string(),
  phase: z.enum(TASK_PHASES),
  done: count,
  total: count,
  /** The item being worked on (a file name, a pack item, a bundle entry). */
  label: z.string().transform(printableName).optional(),
  /** Why the task failed (phase 'failed'). */
  message: z.string().transform(printableText).optional(),
});
export type TaskProgress = z.output<typeof taskProgressSchema>;

/** Progress as a core function reports it: the task id is added by whoever started the task. */
export type PhaseProgress<P extends TaskPhase = TaskPhase> = { phase: P; done: number; total: number; label?: string };

/** "建立索引 12/300", or just the phase's label while the total is unknown. */
export function progressText(p: Pick<TaskProgress, 'phase' | 'done' | 'total' | 'label'>): string {
  const head = TASK_PHASE_LABELS[p.phase];
  const n = p.total ? ` ${Math.min(p.done, p.total)}/${p.total}` : '';
  return `${head}${n}${p.label ? '：' + p.label : ''}`;
}

export function progressPercent(p: Pick<TaskProgress, 'done' | 'total'> | undefined): number {
  if (!p || !p.total) return 0;
  return Math.min(100, Math.round((p.done / p.total) * 100));
}
