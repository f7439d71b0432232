// The 审查工作台 calls (issue 13) over ReviewWorkbench: the same service the CLI uses. The search
// engine (for the 上位法 panel) is the app's; the pre-check reports progress as task:progress.

import { UPLOAD_LIMITS } from '../../shared/api-contract';
import type { PrintHtmlToPdf } from '../packs/render-pdf';
import { ReviewWorkbench } from '../review/workbench-service';
import { safeFileName, type ApiContext, type Handlers } from './api-context';

export function workbenchHandlers(ctx: ApiContext, print?: PrintHtmlToPdf) {
  let wb: { w: ReviewWorkbench; search: unknown } | undefined;
  // The search engine opens after the service (it may build its index first): the workbench is
  // made again once it is there, so the 上位法 panel appears without a restart.
  const workbench = async () => {
    const search = ctx.search();
    if (!wb || wb.search !== search) wb = { w: new ReviewWorkbench(ctx.store, await ctx.records(), search ? { search } : {}), search };
    return wb.w;
  };
  const view = async (id: string, o: { seq?: number; panel?: boolean; taskId?: string } = {}) => {
    const w = await workbench();
    const taskId = o.taskId;
    const { review, ...v } = await w.view(id, {
      ...(o.seq ? { seq: o.seq } : {}),
      panel: o.panel ?? true,
      ...(taskId ? { onProgress: ctx.progress(taskId) } : {}),
    });
    return { ...v, record: { title: review.title, ...(review.conclusion ? { conclusion: review.conclusion } : {}) } };
  };
  return {
    'workbench:get': async ({ id, seq, panel, taskId }) => view(id, { ...(seq ? { seq } : {}), ...(panel !== undefined ? { panel } : {}), ...(taskId ? { taskId } : {}) }),
    'workbench:addDraft': async ({ id, file, taskId }) => {
      const w = await workbench();
      const up = ctx.writeUpload(file.name, file.dataBase64, UPLOAD_LIMITS.maxFileBytes);
      try {
        await w.addDraft(id, up.path, { name: file.name });
      } finally {
        ctx.dropDir(up.dir);
      }
      return view(id, taskId ? { taskId } : {});
    },
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
    'workbench:opinion': async ({ id, format, office, prefix, date }) => {
      const w = await workbench();
      const review = await (await ctx.records()).getReview(id);
      const name = `${safeFileName(`${review.title}合法性审查意见书`, '合法性审查意见书')}.${format}`;
      // Unit and 机关代字 not asked for come from the office profile (the workbench reads it).
      const r = await w.exportOpinion(id, ctx.exportPath(name), {
        format,
        ...(office ? { office } : {}),
        ...(prefix ? { numberPrefix: prefix } : {}),
        ...(date ? { date } : {}),
        ...(print ? { print } : {}),
      });
      return { ...ctx.handOut(r.file, name), articles: r.articles };
    },
  } satisfies Partial<Handlers>;
}
