// Unsaved edits of the 合法性审查 form meeting a revision saved meanwhile by another writer (the CLI
// beside the app): the revisions are real saves of the records service, the edits are made on the
// form's values as the page holds them. What only one side changed is taken from it; what both
// changed differently is a conflict, and the user's edit is never replaced without being asked.
import dayjs from 'dayjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReviewDto } from '../../../electron/shared/api-contract';
import { citesOf, valuesOf } from '../../../renderer/src/features/records/review-form-model';
import { mergeReviewEdits, sameReviewForm, type ReviewFormState } from '../../../renderer/src/features/records/review-merge';
import { makeLibrary, reviewInput, type TestLibrary } from '../records/records-test-support';

let lib: TestLibrary;
beforeEach(async () => {
  lib = await makeLibrary();
});
afterEach(() => lib.cleanup());

const stateOf = (r: ReviewDto): ReviewFormState => ({ values: valuesOf(r), cites: citesOf(r, []) });
const review = async (id: string) => (await lib.svc.getReview(id)) as unknown as ReviewDto;

/** A review as the page loaded it, then a later revision saved by the CLI with `patch`. */
async function loadedThenSaved(patch: Record<string, unknown>) {
  const { record } = await lib.svc.createReview(reviewInput({ opinion: { text: '建议修改第五条。', adviser: '李明' } }));
  const base = stateOf(await review(record.id));
  await lib.svc.updateReview(record.id, patch, { expectedRevision: record.revision });
  const newer = await review(record.id);
  expect(newer.revision).toBe(record.revision + 1);
  return { base, theirs: stateOf(newer) };
}

describe('merging unsaved review edits with a newer saved revision', () => {
  it('different fields: the form keeps my 审查意见 and takes the CLI’s 审查事项 and 法律依据', async () => {
    const { base, theirs } = await loadedThenSaved({ title: '高青县科技创新券管理办法（修改稿）', citations: [{ law: '统计法', article: '第七条' }] });
    const mine: ReviewFormState = { ...base, values: { ...base.values, opinion: '建议删除第五条第二款。' } };
    const m = mergeReviewEdits(base, mine, theirs);
    expect(m.conflicts).toEqual([]);
    expect(m.taken).toEqual(['审查事项', '法律依据']);
    expect(m.merged.values.opinion).toBe('建议删除第五条第二款。');
    expect(m.merged.values.title).toBe('高青县科技创新券管理办法（修改稿）');
    expect(m.merged.cites.basis.map((c) => ('saved' in c ? c.saved.citation : c.display)).join()).toMatch(/统计法.*第七条/);
    expect(m.unsaved).toBe(true);
    expect(sameReviewForm(m.merged, theirs)).toBe(false);
  });

  it('the same field changed differently: a conflict naming it with both texts, my text kept in the merge', async () => {
    const { base, theirs } = await loadedThenSaved({ opinion: { text: '同意出台。', adviser: '王芳' } });
    const mine: ReviewFormState = { ...base, values: { ...base.values, opinion: '建议删除第五条第二款。' } };
    const m = mergeReviewEdits(base, mine, theirs);
    expect(m.conflicts).toEqual([{ label: '审查意见', mine: '建议删除第五条第二款。', theirs: '同意出台。' }]);
    expect(m.merged.values.opinion).toBe('建议删除第五条第二款。');
    // the 审查人 only the CLI changed is taken all the same
    expect(m.taken).toEqual(['审查人']);
    expect(m.merged.values.adviser).toBe('王芳');
  });

  it('both made the same change: no conflict and nothing left to save', async () => {
    const { base, theirs } = await loadedThenSaved({ receivedDate: '2020-04-15' });
    const mine: ReviewFormState = { ...base, values: { ...base.values, receivedDate: dayjs('2020-04-15') } };
    const m = mergeReviewEdits(base, mine, theirs);
    expect(m.conflicts).toEqual([]);
    expect(m.unsaved).toBe(false);
  });

  it('收件日期 taken from the newer revision brings its 最早届满 along', async () => {
    const { base, theirs } = await loadedThenSaved({ receivedDate: '2020-04-20' });
    const mine: ReviewFormState = { ...base, values: { ...base.values, notes: '承办人电话已核实' } };
    const m = mergeReviewEdits(base, mine, theirs);
    expect(m.taken).toEqual(['收件日期']);
    expect(m.merged.values.receivedDate.format('YYYY-MM-DD')).toBe('2020-04-20');
    expect(m.merged.values.dueDate?.format('YYYY-MM-DD')).toBe(theirs.values.dueDate?.format('YYYY-MM-DD'));
    expect(m.merged.values.dueDate?.format('YYYY-MM-DD')).not.toBe(base.values.dueDate?.format('YYYY-MM-DD'));
  });

  it('without edits the newer revision is taken whole; a status moved on by both sides differently conflicts', async () => {
    const { base, theirs } = await loadedThenSaved({ status: '审查中' });
    const none = mergeReviewEdits(base, base, theirs);
    expect(none.conflicts).toEqual([]);
    expect(none.unsaved).toBe(false);
    expect(sameReviewForm(none.merged, theirs)).toBe(true);
    const mine: ReviewFormState = { ...base, values: { ...base.values, status: '已出具意见', conclusion: '合法', completedDate: dayjs('2020-04-22') } };
    expect(mergeReviewEdits(base, mine, theirs).conflicts.map((c) => c.label)).toEqual(['状态']);
  });
});
