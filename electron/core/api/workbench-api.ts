// The 审查工作台 calls (issue 13) over ReviewWorkbench: the same service the CLI uses. The search
// engine (for the 上位法 panel) is the app's; the pre-check reports progress as task:progress.
// A scanned 送审稿 is recognised in the background (the library's OCR engine, per-page progress as
// task:progress phase 'ocr', cancel), one at a time per review: addDraft answers once the scan is
// told apart, workbench:ocrJob long-polls its end (no HTTP request outlives the server's timeout).

import { DomainError, UPLOAD_LIMITS, type ApiOutput } from '../../shared/api-contract';
import type { PrintHtmlToPdf } from '../packs/render-pdf';
import { ReviewWorkbench } from '../review/workbench-service';
import { newId, safeFileName, type ApiContext, type Handlers } from './api-context';
import { EndedJobs } from './ended-jobs';

type View = ApiOutput<'workbench:get'>;

interface OcrJob {
  taskId: string;
  name: string;
  pages: number;
  progress: { done: number; total: number };
  controller: AbortController;
  result?: { view: View } | { error: unknown };
  finished: Promise<void>;
}

/** How long workbench:ocrJob waits for the end before answering with the progress. */
const POLL_WAIT_MS = 10_000;

export function workbenchHandlers(ctx: ApiContext, print?: PrintHtmlToPdf) {
  let wb: { w: ReviewWorkbench; search: unknown } | undefined;
  // The search engine opens after the service (it may build its index first): the workbench is
  // made again once it is there, so the 上位法 panel appears without a restart.
  const workbench = async () => {
    const search = ctx.search();
    if (!wb || wb.search !== search) wb = { w: new ReviewWorkbench(ctx.store, await ctx.records(), search ? { search } : {}), search };
    return wb.w;
  };
  /** The scan being recognised (or ended, until its end is collected or it expires), by review id. */
  const jobs = new EndedJobs<OcrJob>();
  const jobOf = (id: string) => {
    const j = jobs.get(id);
    if (!j) throw new DomainError('NOT_FOUND', `审查记录 ${id} 没有正在识别的扫描件`);
    return j;
  };
  const running = (id: string) => {
    const j = jobs.get(id);
    return j && jobs.running(id) ? { ocrJob: { taskId: j.taskId, name: j.name, pages: j.pages, done: j.progress.done } } : {};
  };
  const view = async (id: string, o: { seq?: number; panel?: boolean; taskId?: string } = {}): Promise<View> => {
    const w = await workbench();
    const taskId = o.taskId;
    const { review, ...v } = await w.view(id, {
      ...(o.seq ? { seq: o.seq } : {}),
      panel: o.panel ?? true,
      ...(taskId ? { onProgress: ctx.progress(taskId) } : {}),
    });
    const { title, conclusion, status, receivedDate, completedDate, refNo } = review;
    return { ...v, record: { id, title, status, receivedDate, ...(conclusion ? { conclusion } : {}), ...(completedDate ? { completedDate } : {}), ...(refNo ? { refNo } : {}) }, ...running(id) };
  };
  return {
    'workbench:get': async ({ id, seq, panel, taskId }) => view(id, { ...(seq ? { seq } : {}), ...(panel !== undefined ? { panel } : {}), ...(taskId ? { taskId } : {}) }),
    'workbench:addDraft': async ({ id, file, taskId }) => {
      if (running(id).ocrJob) throw new DomainError('LOCKED', `“${jobs.get(id)!.name}”正在识别，请等识别完成或取消后再上传`);
      const w = await workbench();
      const up = ctx.writeUpload(file.name, file.dataBase64, UPLOAD_LIMITS.maxFileBytes);
      const tid = taskId ?? newId();
      const progress = ctx.progress(tid);
      const job: OcrJob = { taskId: tid, name: file.name, pages: 0, progress: { done: 0, total: 0 }, controller: new AbortController(), finished: Promise.resolve() };
      let scanned!: (pages: number) => void;
      const scan = new Promise<'scan'>((ok) => (scanned = (pages) => ((job.pages = pages), ok('scan'))));
      const adding = w.addDraft(id, up.path, {
        name: file.name,
        ocr: {
          signal: job.controller.signal,
          onScan: scanned,
          onProgress: (p) => {
            job.progress = p;
            progress({ phase: 'ocr', done: p.done, total: p.total, label: file.name });
          },
        },
      });
      const settled = adding.finally(() => ctx.dropDir(up.dir));
      const added = settled.then((r) => ({ seq: r.version.seq, existing: r.existing, carried: r.carried, reopened: r.reopened }));
      added.catch(() => undefined); // a scan's failure is its job's result, not an unhandled rejection
      const first = await Promise.race([added, scan]);
      if (first !== 'scan') return { ...(await view(id, taskId ? { taskId } : {})), added: first };
      // A scan: it is recognised (then pre-checked) after this call has answered, under the same task id.
      job.finished = settled
        .then(
          async () => {
            job.result = { view: await view(id, { taskId: tid }) };
          },
          (error: unknown) => {
            job.result = { error };
          },
        )
        .catch((error: unknown) => {
          job.result = { error }; // the view after a recognised scan failed
        })
        .finally(() => jobs.ended(id, job));
      jobs.start(id, job);
      ctx.holdTask(tid, job.finished);
      return view(id, { panel: false });
    },
    'workbench:ocrJob': async ({ id }) => {
      const job = jobOf(id);
      if (!job.result) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([job.finished, new Promise<void>((ok) => (timer = setTimeout(ok, POLL_WAIT_MS)))]);
        clearTimeout(timer);
      }
      if (!job.result) return { done: false, name: job.name, progress: job.progress };
      jobs.collect(id, job); // its end is collected once
      if ('error' in job.result) throw job.result.error;
      return { done: true, view: job.result.view };
    },
    'workbench:ocrCancel': ({ id }) => {
      const job = jobs.get(id);
      if (!job || job.result) return { ok: false };
      job.controller.abort();
      return { ok: true };
    },
    'workbench:checkOcr': async ({ id, seq, by, confirmed, corrections }) =>
      (await workbench()).checkOcr(id, seq, { by: by ?? (await ctx.records()).actorName(), confirmed, ...(corrections ? { corrections } : {}) }),
    'workbench:scanPage': async ({ id, seq, page }) => (await workbench()).drafts.scanPage(id, seq, page),
    'workbench:diff': async ({ id, from, to }) => (await workbench()).compare(id, from, to),
    'workbench:accept': async ({ id, findingId, proposal }) => {
      await (await workbench()).accept(id, findingId, proposal ? { proposal } : {});
      return view(id, { panel: false });
    },
    'workbench:dismiss': async ({ id, findingId, reason }) => {
      await (await workbench()).dismiss(id, findingId, reason);
      return view(id, { panel: false });
    },
    'workbench:checklist': async ({ id, code, status, reason }) => {
      await (await workbench()).decideChecklist(id, code, status, reason);
      return { ok: true };
    },
    'workbench:coverage': async ({ id }) => (await workbench()).coverage(id),
    'workbench:draftLinks': async ({ id }) => (await workbench()).draftLinks(id),
    'workbench:opinion': async ({ id, format, office, prefix, date, quotes, unverifiedText }) => {
      const w = await workbench();
      const review = await (await ctx.records()).getReview(id);
      const name = `${safeFileName(`${review.title}合法性审查意见书`, '合法性审查意见书')}.${format}`;
      // Unit and 机关代字 not asked for come from the office profile (the workbench reads it).
      const r = await w.exportOpinion(id, ctx.exportPath(name), {
        format,
        ...(office ? { office } : {}),
        ...(prefix ? { numberPrefix: prefix } : {}),
        ...(date ? { date } : {}),
        ...(quotes ? { quotes } : {}),
        ...(print ? { print } : {}),
        ...(unverifiedText ? { unverifiedText, by: (await ctx.records()).actorName() } : {}),
      });
      return { ...ctx.handOut(r.file, name), articles: r.articles };
    },
  } satisfies Partial<Handlers>;
}
