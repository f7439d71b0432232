// A new 送审稿 version with an article inserted after 第三条 (every later article moves down one):
// the adviser's decisions follow the provision by content — accepted (with an edited 建议修改为)
// and dismissed findings carry over to the renumbered articles, a reworded sentence is open
// again with the earlier decision beside it, a fixed problem leaves the 修改建议对照表.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReviewWorkbench } from '../../../electron/core/review/workbench-service';
import { buildOpinion } from '../../../electron/core/review/opinion';
import type { Finding } from '../../../electron/shared/review-workbench';
import { DRAFTS, RULES, makeReviewLibrary, type ReviewLibrary } from './review-test-support';

const INSERTED = join(DRAFTS, 'versions', '创新券管理办法（送审稿·增加第四条）.md');
let lib: ReviewLibrary;
let wb: ReviewWorkbench;
let reviewId: string;

beforeAll(async () => {
  lib = await makeReviewLibrary();
  // a 高青县 office's review: the 山东 办法 binds it (an office whose place is unknown would not cite it)
  wb = new ReviewWorkbench(lib.store, lib.svc, { rulesDir: RULES, region: '山东·淄博·高青县' });
  const r = await lib.svc.createReview({ type: '规范性文件', title: '高青县科技创新券管理办法（征求意见稿）', leadUnit: '高新技术科', receivedDate: '2026-02-24' });
  reviewId = r.record.id;
  const first = await wb.addDraft(reviewId, join(DRAFTS, 'planted-innovation-voucher.md'));
  expect([first.version.seq, first.carried, first.reopened]).toEqual([1, 0, 0]);
});
afterAll(() => lib?.cleanup());

const at = (fs: Finding[], rule: string, label: string) => {
  const f = fs.find((x) => x.rule === rule && x.article?.label === label);
  if (!f) throw new Error(`no ${rule} at ${label}`);
  return f;
};

describe('decisions across 送审稿 versions', () => {
  it('follow the provision when articles are renumbered, and re-open a reworded sentence', async () => {
    const v1 = (await wb.run(reviewId, { panel: false })).findings;
    const proposal = '删去本条，改为“县科技局公布服务机构名录，企业自主选择”。';
    await wb.accept(reviewId, at(v1, 'permit-create', '第五条').id, { proposal });
    await wb.dismiss(reviewId, at(v1, 'fc-10-1-tax', '第九条').id, '该奖励已经县政府常务会议研究，另行进行公平竞争审查');
    await wb.accept(reviewId, at(v1, 'coercion-create', '第十三条').id);
    await wb.accept(reviewId, at(v1, 'fc-8-3-designated', '第七条').id);
    await wb.accept(reviewId, at(v1, 'validity-period', '第二十二条').id);
    expect((await wb.view(reviewId, { panel: false })).suggestions.map((s) => s.article)).toEqual(['第五条', '第七条', '第十三条', '第二十二条']);

    const added = await wb.addDraft(reviewId, INSERTED);
    expect(added.version.seq).toBe(2);
    expect(added.existing).toBe(false);
    expect([added.carried, added.reopened]).toEqual([3, 1]);

    const view = await wb.view(reviewId, { panel: false });
    const v2 = view.result!.findings;
    // 第五条 → 第六条: still accepted, the edited 建议修改为 kept
    const permit = view.decisions[at(v2, 'permit-create', '第六条').id]!;
    expect(permit.status).toBe('accepted');
    expect(permit.proposal).toBe(proposal);
    expect(permit.draftSeq).toBe(2);
    expect(permit.carriedFrom).toEqual({ seq: 1, findingId: at(v1, 'permit-create', '第五条').id });
    // 第九条 → 第十条: still dismissed, with its reason
    const tax = view.decisions[at(v2, 'fc-10-1-tax', '第十条').id]!;
    expect(tax.status).toBe('dismissed');
    expect(tax.reason).toBe('该奖励已经县政府常务会议研究，另行进行公平竞争审查');
    // 第二十二条 → 第二十三条 (the last article, 有效期十年)
    expect(view.decisions[at(v2, 'validity-period', '第二十三条').id]!.status).toBe('accepted');
    // 第十三条 → 第十四条 reworded (办公场所, 电子数据): the 强制措施 is still there, but open again
    const coercion = at(v2, 'coercion-create', '第十四条');
    expect(view.decisions[coercion.id]).toBeUndefined();
    expect(view.reopened[coercion.id]).toMatchObject({ fromSeq: 1, status: 'accepted', articleLabel: '第十三条', excerpt: at(v1, 'coercion-create', '第十三条').excerpt });
    // nothing else is decided in the new version: the inserted 第四条 and the untouched rest are open
    const decidedNow = v2.filter((f) => view.decisions[f.id]).map((f) => `${f.rule}@${f.article?.label}`);
    expect(decidedNow.sort()).toEqual(['fc-10-1-tax@第十条', 'permit-create@第六条', 'validity-period@第二十三条']);

    // The 修改建议对照表 is the new version's: renumbered rows, the fixed 指定服务机构 (第七条) and
    // the re-opened 查封 gone until decided again.
    expect(view.suggestions.map((s) => [s.article, s.proposal === proposal])).toEqual([
      ['第六条', true],
      ['第二十三条', false],
    ]);
    const doc = buildOpinion(await lib.svc.getReview(reviewId), view.suggestions, { today: '2026-03-01', coverage: await wb.coverage(reviewId) });
    const annex = doc.sections.at(-1)!.blocks[0]!;
    expect(annex.kind === 'table' && annex.rows.map((r) => r[1])).toEqual(['第六条', '第二十三条']);

    // The record's findings speak of the new version: moved lines renumbered, fixed / reworded ones out.
    const rec = await lib.svc.getReview(reviewId);
    const all = [rec.findings.authority.text, rec.findings.procedure.text, rec.findings.content.text].join('\n');
    expect(all).toContain('送审稿第六条“服务机构须经县科技局审批');
    expect(all).not.toContain('送审稿第五条“服务机构须经县科技局审批');
    expect(all).toContain('送审稿第二十三条“本办法自2026年1月1日起施行，有效期十年。”');
    expect(all).not.toContain('查封其经营场所'); // reworded in the new version: out until decided again
    expect(all).not.toContain('只能选择县科技局指定的服务机构'); // fixed by the unit
    // the 查封 finding's articles (行政强制法) leave with it; the 许可 ones stay with the moved line
    expect(rec.findings.authority.citations.map((c) => c.citation).sort()).toEqual([
      '《中华人民共和国行政许可法》（2019年修正）第十七条',
      '《中华人民共和国行政许可法》（2019年修正）第十五条',
      '《中华人民共和国行政许可法》（2019年修正）第十四条',
    ].sort());
    // the 山东 办法's unverified provision says so wherever it is cited
    expect(all).toContain('条文号待核对');
    expect((await lib.svc.history(reviewId)).some((e) => (e.note ?? '').includes('随条文移动改写'))).toBe(true);

    // Deciding the re-opened finding on the new wording puts it back.
    await wb.accept(reviewId, coercion.id);
    expect((await wb.view(reviewId, { panel: false })).suggestions.map((s) => s.article)).toEqual(['第六条', '第十四条', '第二十三条']);
    const again = await lib.svc.getReview(reviewId);
    expect(again.findings.authority.text).toContain('送审稿第十四条“服务机构在提供服务过程中弄虚作假的，县科技局可以查封其办公场所');
    expect(again.findings.authority.citations.map((c) => c.citation)).toContain('《中华人民共和国行政强制法》第十条第四款');
  });

  it('the same file again adds nothing and carries nothing', async () => {
    const again = await wb.addDraft(reviewId, INSERTED);
    expect([again.version.seq, again.existing, again.carried, again.reopened]).toEqual([2, true, 0, 0]);
  });
});
