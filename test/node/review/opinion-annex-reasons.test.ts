// The 修改建议对照表's 理由 beside the 意见书's 三、: a 送审稿 received in a walk of a day's work
// (test/fixtures/drafts/received-rd-subsidy.md, 7 articles: a fee, a penalty, a bar from later
// projects, a 10-year 有效期, a local-tax condition), every finding accepted. A provision of a document
// the library lacks (国办发〔2018〕37号 from resources/review-bases) is quoted in the finding's line
// under 三、; the table's 理由 names it (document and part) without quoting it again: with the quote a
// row ran over a page of the five-column table and the 意见书 of 7 articles to 8 pages.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect } from 'vitest';
import { renderDocx } from '../../../electron/core/packs/render-docx';
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

  // The 对照表 is a working annex of five columns: at the body's 四号 a row of two proposals ran over a
  // page. It is set in 小四 as the 规范性文件登记's register is (the body stays 三号).
  it('sets the 对照表 in 小四 and the body in 三号', async ({ wb, reviewId }) => {
    const { findings } = await wb.run(reviewId, { panel: false });
    for (const f of findings) await wb.accept(reviewId, f.id);
    const doc = await wb.opinionDocument(reviewId, { office: '城口县科学技术局', date: '2026-12-07' });
    const xml = strFromU8(unzipSync(await renderDocx(doc))['word/document.xml']!);
    const tables = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    expect(tables).toHaveLength(1);
    const sizes = (part: string) => new Set([...part.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => m[1]));
    expect(tables[0]).toContain('建议修改为');
    expect([...sizes(tables[0]!)]).toEqual(['24']);
    expect(sizes(xml.replace(tables[0]!, ''))).toContain('32');
  });
});
