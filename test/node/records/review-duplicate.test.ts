// A second 新建 of one 送审件 (session 30): the same title received the same day is saved with a
// warning naming the review already recorded (编号, 收件日期) — by the form's check and the save alike;
// another day, or another title, says nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { duplicateReviews } from '../../../electron/shared/review-duplicate';
import { makeLibrary, reviewInput, type TestLibrary } from './records-test-support';

let lib: TestLibrary | undefined;
afterEach(() => lib?.cleanup());

describe('the same 送审件 received twice on one day', () => {
  it('warns naming the review already recorded, on validate and on save; never refuses', async () => {
    lib = await makeLibrary();
    const { record: first, warnings: none } = await lib.svc.createReview(reviewInput({ title: '高青县科技创新券管理暂行办法（送审稿）', receivedDate: '2020-04-13' }));
    expect(none.filter((w) => w.includes('同日收件'))).toEqual([]);
    // typed again with 《》 and a space: the same 送审件
    const again = reviewInput({ title: '《高青县科技创新券管理暂行办法 （送审稿）》', receivedDate: '2020-04-13' });
    const said = `已有同一送审件、同日收件的审查记录 ${first.id}（收件日期 2020-04-13，收件）`;
    expect((await lib.svc.validate('review', again)).warnings.some((w) => w.startsWith(said))).toBe(true);
    const { record: second, warnings } = await lib.svc.createReview(again);
    expect(second.id).not.toBe(first.id);
    expect(warnings.some((w) => w.startsWith(said))).toBe(true);
    // another day, another title: nothing said; an update of the record itself: nothing said
    const other = await lib.svc.createReview(reviewInput({ title: '高青县科技创新券管理暂行办法（送审稿）', receivedDate: '2020-04-14' }));
    expect(other.warnings.filter((w) => w.includes('同日收件'))).toEqual([]);
    const renamed = await lib.svc.createReview(reviewInput({ title: '高青县科技创新券管理暂行办法（修改稿）', receivedDate: '2020-04-13' }));
    expect(renamed.warnings.filter((w) => w.includes('同日收件'))).toEqual([]);
    const edited = await lib.svc.updateReview(first.id, { notes: '补充材料' });
    expect(edited.warnings.filter((w) => w.includes('同日收件'))).toEqual([]);
    // the form's rule is the same function
    expect(duplicateReviews(await lib.svc.listReviews(), { title: ' 高青县科技创新券管理暂行办法（送审稿） ', receivedDate: '2020-04-13' }).map((r) => r.id).sort()).toEqual([first.id, second.id].sort());
  });
});
