// 记为已出具 (session 30): a review whose 意见书 went out is counted as issued by the one yearly rule
// (year-scope.ts) once the adviser records the day, even when its 审查意见 are the workbench's findings
// and no 审查意见正文 was typed; the day can be corrected and the record undone, every step logged.
import { afterEach, describe, expect, it } from 'vitest';
import { reviewsOfYear } from '../../../electron/core/records/year-scope';
import { makeLibrary, reviewInput, type TestLibrary } from './records-test-support';

let lib: TestLibrary | undefined;
afterEach(() => lib?.cleanup());

/** A review as the workbench leaves it: a finding accepted (its line in findings.content), a conclusion, no opinion text. */
async function workbenchReview(l: TestLibrary) {
  const { record } = await l.svc.createReview(
    reviewInput({
      receivedDate: '2021-02-01',
      status: '审查中',
      conclusion: '修改后合法',
      findings: { content: { text: '送审稿第五条“申请人应当提交纸质材料”：增设了申请材料，建议删除。', citations: [] } },
    }),
  );
  return record;
}

describe('记为已出具', () => {
  it('counts the review as issued in the year of the day recorded, corrects the day, and undoes it', async () => {
    lib = await makeLibrary(); // today 2021-03-01 in the office's zone
    const r = await workbenchReview(lib);
    let rows = await lib.svc.listReviews();
    expect(reviewsOfYear(rows, 2021, '2021-03-01').issued.map((x) => x.id)).toEqual([]);

    const issued = await lib.svc.recordOpinionIssued(r.id, { date: '2021-02-20', refNo: '高科审〔2021〕2号' });
    expect(issued.record).toMatchObject({ status: '已出具意见', completedDate: '2021-02-20', refNo: '高科审〔2021〕2号' });
    rows = await lib.svc.listReviews();
    expect(reviewsOfYear(rows, 2021, '2021-03-01').issued.map((x) => x.id)).toEqual([r.id]);
    expect(reviewsOfYear(rows, 2021, '2021-02-19').issued.map((x) => x.id)).toEqual([]); // not yet on the 19th

    // corrected: the day moves, the 文号 stays
    const fixed = await lib.svc.recordOpinionIssued(r.id, { date: '2021-02-22' });
    expect(fixed.record).toMatchObject({ status: '已出具意见', completedDate: '2021-02-22', refNo: '高科审〔2021〕2号' });

    // undone: open again, no 出具日期, not counted
    const back = await lib.svc.withdrawOpinionIssued(r.id);
    expect(back.record.status).toBe('审查中');
    expect(back.record.completedDate).toBeUndefined();
    rows = await lib.svc.listReviews();
    expect(reviewsOfYear(rows, 2021, '2021-03-01').issued).toEqual([]);
    expect(reviewsOfYear(rows, 2021, '2021-03-01').open.map((x) => x.id)).toEqual([r.id]);

    const log = await lib.svc.history(r.id);
    expect(log.map((e) => e.note ?? '')).toEqual(expect.arrayContaining(['记为已出具意见（2021-02-20，高科审〔2021〕2号）', '更正出具日期：2021-02-20 → 2021-02-22', '撤销出具记录（原出具日期 2021-02-22）']));
  });

  it('refuses a day after today or before receipt, a review without a conclusion, and an undo with nothing issued — naming why', async () => {
    lib = await makeLibrary();
    const r = await workbenchReview(lib);
    await expect(lib.svc.recordOpinionIssued(r.id, { date: '2021-03-02' })).rejects.toMatchObject({ issues: [expect.stringContaining('晚于今天（2021-03-01）')] });
    await expect(lib.svc.recordOpinionIssued(r.id, { date: '2021-01-31' })).rejects.toMatchObject({ issues: [expect.stringContaining('早于收件日期（2021-02-01）')] });
    await expect(lib.svc.recordOpinionIssued(r.id, { date: '2021-02-30' })).rejects.toThrow();
    await expect(lib.svc.withdrawOpinionIssued(r.id)).rejects.toThrow(/没有可撤销的出具记录/);
    const { record: bare } = await lib.svc.createReview(reviewInput({ receivedDate: '2021-02-01', title: '另一件送审稿' }));
    await expect(lib.svc.recordOpinionIssued(bare.id, { date: '2021-02-20' })).rejects.toMatchObject({ issues: [expect.stringContaining('须填写审查结论')] });
    expect((await lib.svc.getReview(r.id)).status).toBe('审查中'); // nothing written by a refusal
    // the form's own rule is unchanged: 已出具意见 by hand still needs the opinion text
    await expect(lib.svc.updateReview(r.id, { status: '已出具意见', completedDate: '2021-02-20' })).rejects.toMatchObject({ issues: [expect.stringContaining('须填写审查意见正文')] });
  });
});
