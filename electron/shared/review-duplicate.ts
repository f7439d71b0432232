// 新建审查 of a 送审件 already recorded: the same title (spacing, 《》 and full/half-width forms aside)
// received the same day is most likely the same review typed twice — the 年度报告 would then list the
// draft twice. Said before saving (the form asks to go on or open the existing one) and as a save
// warning (the CLI, imports); never refused: a unit may send two documents of one title on one day.

const key = (title: string) => title.normalize('NFKC').replace(/\s+/gu, '').replace(/^《|》$/gu, '');

/** The reviews of `reviews` with the same title and 收件日期 as `input` (other than `exceptId`). */
export function duplicateReviews<R extends { id: string; title: string; receivedDate: string }>(reviews: Iterable<R>, input: { title?: string; receivedDate?: string }, exceptId?: string): R[] {
  if (!input.title?.trim() || !input.receivedDate) return [];
  const k = key(input.title);
  return [...reviews].filter((r) => r.id !== exceptId && r.receivedDate === input.receivedDate && key(r.title) === k);
}

/** 已有同一送审件、同日收件的审查记录 R2026-001（收件日期 2026-11-20，审查中）. */
export function duplicateReviewSentence(r: { id: string; receivedDate: string; status?: string }): string {
  return `已有同一送审件、同日收件的审查记录 ${r.id}（收件日期 ${r.receivedDate}${r.status ? `，${r.status}` : ''}），请确认不是重复登记`;
}
