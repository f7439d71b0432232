// A second 送审稿 version in the workbench: the article diff marks the changed sentences, the
// findings are re-run and matched across renumbering (resolved / new); an edited 建议修改为 is
// validated and reaches the 意见书's 修改建议对照表; the pre-check reports its progress step by step.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import { precheck, precheckAsync } from '../../../electron/core/review/precheck';
import { loadRuleSet } from '../../../electron/core/review/review-rules';
import { parseDraftFile } from '../../../electron/core/review/draft-store';
import { docxText, squash } from '../packs/pack-test-support';
import { DRAFTS, RULES, draftReviewTest } from './review-test-support';

const SECOND = join(DRAFTS, 'versions', '创新券管理办法（送审稿第二稿）.md');
const out = mkdtempSync(join(tmpdir(), 'draft-versions-'));

const it = draftReviewTest('planted-innovation-voucher.md');
afterAll(() => {
  rmSync(out, { recursive: true, force: true });
});

describe('two versions of a 送审稿', () => {
  it('the second version is checked, and the comparison lists changed articles, sentences and findings', async ({ wb, reviewId }) => {
    const v2 = await wb.drafts.addDraft(reviewId, SECOND);
    expect(v2.seq).toBe(2);
    const view = await wb.view(reviewId, { panel: false });
    expect(view.draft!.seq).toBe(2); // the workbench shows the latest version, checked again
    expect(view.result!.findings.some((f) => f.rule === 'fee-create')).toBe(false);

    const c = await wb.compare(reviewId, 1, 2);
    const row = (label: string) => c.rows.find((r) => r.from[0]?.label === label)!;
    // 第七条 → 第六条: the one sentence changed is marked on both sides
    expect(row('第七条').kind).toBe('amended');
    expect(row('第七条').to[0]!.label).toBe('第六条');
    expect(row('第七条').sentences!.from).toEqual([{ text: '企业使用创新券购买科技服务，只能选择县科技局指定的服务机构。', changed: true }]);
    expect(row('第七条').sentences!.to).toEqual([{ text: '企业使用创新券购买科技服务，可以自主选择服务机构。', changed: true }]);
    // 第十二条 → 第十一条: the fine is cut from the sentence and a sentence is added
    const fine = row('第十二条');
    expect(fine.to[0]!.label).toBe('第十一条');
    expect(fine.sentences!.to.filter((s) => s.changed).map((s) => s.text)).toEqual(['企业以虚假材料骗取创新券的，由县科技局追回已兑付资金，五年内不得申请县级科技计划项目。', '涉嫌违法的，依照有关法律、法规的规定处理。']);
    expect(fine.sentences!.from.map((s) => s.changed)).toEqual([true]);
    expect(fine.runs!.some((r) => r.op === 'delete' && r.text.includes('罚款'))).toBe(true);
    // 第六条 (保证金) deleted; 第八条 → 第七条 only renumbered
    expect(c.rows.some((r) => r.kind === 'deleted' && r.from[0]!.text.includes('保证金'))).toBe(true);
    expect(row('第八条').kind).toBe('renumbered');
    expect(row('第八条').sentences).toBeUndefined();
    expect([c.counts.deleted, c.counts.added]).toEqual([2, 1]); // 第五条 rewritten whole (审批 → 公布名录) and 第六条 dropped
    expect(c.counts.changed).toBe(3); // 第七条, 第十二条, 第二十二条

    // Findings: the fixed problems are resolved, the untouched ones kept despite renumbering.
    const resolved = c.findings.resolved.map((f) => f.rule);
    for (const rule of ['permit-create', 'fee-create', 'fc-8-3-designated', 'penalty-create', 'obligation-add', 'validity-period']) expect(resolved, rule).toContain(rule);
    // still there: 查封、扣押 (第十三条 → 第十二条), and the past 施行日期 of a reworded last article
    expect(resolved).not.toContain('coercion-create');
    expect(resolved).not.toContain('retroactive-date');
    expect(c.findings.kept).toBeGreaterThan(10);
    // nothing new: publishing the service institutions' 收费标准 is not setting a fee
    expect(c.findings.added).toEqual([]);
  });

  it('an edited 建议修改为 is validated and goes into the 修改建议对照表 of the 意见书', async ({ lib, wb, reviewId }) => {
    const r = await wb.run(reviewId, { panel: false });
    const coercion = r.findings.find((f) => f.rule === 'coercion-create')!;
    await expect(wb.accept(reviewId, coercion.id, { proposal: '   ' })).rejects.toThrow('建议修改为不能为空');
    await expect(wb.accept(reviewId, coercion.id, { proposal: '改'.repeat(5001) })).rejects.toThrow('建议修改为过长');
    expect(wb.drafts.decisions(reviewId)[coercion.id]).toBeUndefined(); // refused: nothing written

    const edited = '删去“县科技局可以查封其经营场所，扣押相关账册”，改为“服务机构弄虚作假的，取消其服务资格，并依照有关法律、法规的规定处理。”';
    const v = await wb.accept(reviewId, coercion.id, { proposal: `  ${edited}\n` });
    expect(v.suggestions.find((s) => s.findingId === coercion.id)!.proposal).toBe(edited);
    // changed again after 采纳: the new wording replaces the old, the record keeps one finding line
    const again = `${edited}（第二次修改）`;
    await wb.accept(reviewId, coercion.id, { proposal: again });
    expect(wb.suggestions(reviewId).filter((s) => s.findingId === coercion.id).map((s) => s.proposal)).toEqual([again]);
    const review = await lib.svc.getReview(reviewId);
    expect(review.findings.authority.text.split('\n').filter((l) => l.includes('查封其经营场所'))).toHaveLength(1);
    expect(wb.drafts.read(reviewId).log.at(-1)!.note).toContain(`建议修改为：${again}`);

    const file = join(out, '意见书.docx');
    await wb.exportOpinion(reviewId, file, { format: 'docx' });
    const text = squash(await docxText(readFileSync(file)));
    expect(text).toContain(squash(again));
    expect(text).toContain(squash(coercion.excerpt));
  });

  it('reports progress: one step per article for the rules, one per article for the 上位法 panel', async ({ lib }) => {
    const draft = await parseDraftFile(SECOND);
    const rules = loadRuleSet(RULES);
    const input = { title: draft.title, units: draft.units, kind: '规范性文件' as const, asOf: '2026-03-01' };
    const seen: { phase: string; done: number; total: number }[] = [];
    const sync = precheck(lib.store, input, { rules, onProgress: (p) => seen.push(p) });
    const n = draft.units.filter((u) => u.kind === 'article').length;
    expect(seen[0]).toEqual({ phase: 'citations', done: 0, total: n });
    expect(seen.at(-1)).toEqual({ phase: 'rules', done: n, total: n });
    expect(seen.map((p) => p.done)).toEqual([0, ...Array.from({ length: n }, (_, i) => i + 1)]);
    // the async run (the app's) gives the same result and the same steps
    const steps: number[] = [];
    const asyncRun = await precheckAsync(lib.store, input, { rules, onProgress: (p) => steps.push(p.done) });
    expect(steps).toEqual(seen.map((p) => p.done));
    expect({ ...asyncRun, tookMs: 0 }).toEqual({ ...sync, tookMs: 0 });
  });
});
