// The 修改建议对照表's 理由 beside the 意见书's 三、: a 送审稿 received in a walk of a day's work
// (test/fixtures/drafts/received-rd-subsidy.md, 7 articles: a fee, a penalty, a bar from later
// projects, a 10-year 有效期, a local-tax condition), every finding accepted. A provision of a document
// the library lacks (国办发〔2018〕37号 from resources/review-bases) is quoted in the finding's line
// under 三、; the table's 理由 names it (document and part) without quoting it again: with the quote a
// row ran over a page of the five-column table and the 意见书 of 7 articles to 8 pages.
import { describe, expect } from 'vitest';
import { draftReviewTest } from './review-test-support';

const it = draftReviewTest('received-rd-subsidy.md', { title: '城口县科技型企业研发费用补助管理办法（送审稿）' });

describe('the 对照表 of a 7-article draft', () => {
  it('names a quoted provision without quoting it again; the record keeps the quote', async ({ lib, wb, reviewId }) => {
    const { findings } = await wb.run(reviewId, { panel: false });
    for (const f of findings) await wb.accept(reviewId, f.id);
    const quoted = findings.filter((f) => f.basis?.text && f.basis.citation.endsWith(`：“${f.basis.text}”`));
    const rows = wb.suggestions(reviewId);
    const inTable = quoted.filter((f) => rows.some((r) => r.findingId === f.id));
    expect(inTable.length).toBeGreaterThan(0);
    const review = await lib.svc.getReview(reviewId);
    const record = [review.findings.authority.text, review.findings.procedure.text, review.findings.content.text].join('\n');
    for (const f of inTable) {
      const row = rows.find((r) => r.findingId === f.id)!;
      const name = f.basis!.citation.slice(0, -`：“${f.basis!.text}”`.length);
      expect(row.reason).toContain(`（${name}）`);
      expect(row.reason).not.toContain(f.basis!.text!);
      expect(record).toContain(f.basis!.text!);
    }
  });
});
