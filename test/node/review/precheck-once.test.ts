// The 意见书 export checks the 送审稿 once: opening the workbench, the coverage question before
// generating and the export itself share one pre-check while nothing it reads has changed — and a
// change of any of it (the record, the draft, the library, the review date) checks again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importPaths } from '../../../electron/core/library/library-import';
import { ReviewWorkbench } from '../../../electron/core/review/workbench-service';
import { SearchEngine } from '../../../electron/core/search/search-engine';
import { DRAFTS, ROOT, RULES, makeDraftReview, type ReviewLibrary } from './review-test-support';

let lib: ReviewLibrary | undefined;
const dirs: string[] = [];
afterEach(() => {
  lib?.cleanup();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('one pre-check per state of the review', () => {
  it('coverage then export: the draft is checked once; a record change, a new draft or an import checks again', async () => {
    const made = await makeDraftReview('planted-innovation-voucher.md');
    lib = made.lib;
    const { wb, reviewId } = made;
    const out = mkdtempSync(join(tmpdir(), 'lawdesk-once-'));
    dirs.push(out);
    expect(wb.prechecksRun).toBe(0);
    const { precheck } = await wb.opinionCheck(reviewId);
    expect(wb.prechecksRun).toBe(1);
    await wb.exportOpinion(reviewId, join(out, 'a.docx'));
    expect(wb.prechecksRun).toBe(1);
    const view = await wb.view(reviewId, { panel: false });
    expect(view.result!.findings.map((f) => f.id)).toEqual(precheck!.findings.map((f) => f.id));
    expect(wb.prechecksRun).toBe(1);

    // 采纳 changes the record (its findings text): the view it returns checks again, once, and
    // 生成意见书 after it (coverage, export) checks nothing more
    await wb.accept(reviewId, precheck!.findings[0]!.id);
    expect(wb.prechecksRun).toBe(2);
    await wb.coverage(reviewId);
    await wb.exportOpinion(reviewId, join(out, 'b.docx'));
    const before = wb.prechecksRun;
    expect(before).toBe(2);

    // the review date moves with the record's completedDate: a check on the new date
    await lib.svc.updateReview(reviewId, { completedDate: '2026-02-27' });
    expect((await wb.view(reviewId, { panel: false })).result!.asOf).toBe('2026-02-27');
    expect(wb.prechecksRun).toBe(before + 1);

    // a law imported into the library (a new generation): checked again
    await importPaths(lib.store, [join(ROOT, 'test/fixtures/review/named-laws')]);
    await wb.coverage(reviewId);
    expect(wb.prechecksRun).toBe(before + 2);

    // a new 送审稿 version is checked as itself
    await wb.addDraft(reviewId, join(DRAFTS, 'clean-innovation-voucher.md'));
    const latest = await wb.view(reviewId, { panel: false });
    expect(latest.result!.findings.filter((f) => f.severity === '必须修改')).toEqual([]);
  });

  it('the page’s view with the 上位法 panel serves the calls without it, the panel left out', async () => {
    const made = await makeDraftReview('planted-innovation-voucher.md');
    lib = made.lib;
    const engine = await SearchEngine.open(lib.store);
    try {
      const wb = new ReviewWorkbench(lib.store, lib.svc, { rulesDir: RULES, search: engine, region: '山东·淄博·高青县' });
      const withPanel = (await wb.view(made.reviewId)).result!;
      expect(withPanel.higherLaw).toBeDefined();
      const { precheck } = await wb.opinionCheck(made.reviewId);
      expect(wb.prechecksRun).toBe(1);
      expect(precheck!.higherLaw).toBeUndefined();
      expect(precheck!.findings).toEqual(withPanel.findings);
      // a call without the panel first: the page's view still gets its panel
      await lib.svc.updateReview(made.reviewId, { completedDate: '2026-02-27' });
      await wb.coverage(made.reviewId);
      expect((await wb.view(made.reviewId)).result!.higherLaw).toBeDefined();
      expect(wb.prechecksRun).toBe(3);
    } finally {
      engine.close();
    }
  });
});
