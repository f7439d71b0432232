// What the pre-check says to the adviser and what the 意见书 says to the drafting unit are not the
// same words: a received draft (test/fixtures/drafts/received-sme-cultivation.md) with a law the
// library lacks, articles that do not exist and a 罚款 next to a cited basis, every finding accepted —
// the record's 要点 and the 对照表 carry no LawDesk wording (资料库, 请核对所述内容), no ISO dates, and
// no excerpt quoted twice; the workbench still shows the adviser why (Finding.hint).
import { describe, expect } from 'vitest';
import { draftReviewTest } from './review-test-support';

const it = draftReviewTest('received-sme-cultivation.md', { title: '某县科技型中小企业培育管理办法（征求意见稿）' });

describe('the 意见书 speaks to the drafting unit', () => {
  it('findings keep the adviser-only notes apart from the reason', async ({ wb, reviewId }) => {
    const { findings } = await wb.run(reviewId, { panel: false });
    const missingLaw = findings.find((f) => f.rule === 'citation-law-missing')!;
    expect(missingLaw.excerpt).toBe('《某省科技创新促进条例》');
    expect(missingLaw.reason).not.toContain('资料库');
    expect(missingLaw.hint).toContain('不在资料库中');
    const penalty = findings.find((f) => f.rule === 'penalty-create' && f.article?.label === '第四条')!;
    // its stated basis, 行政处罚法 第八十八条, does not exist (86 articles): it lowers nothing, and the reason says so
    expect(penalty.severity).toBe('必须修改');
    expect(penalty.reason).toContain('本条所写依据《中华人民共和国行政处罚法》第八十八条未能核实');
    expect(penalty.reason).not.toContain('资料库');
    const noArticle = findings.filter((f) => f.rule === 'citation-article-missing').map((f) => f.article?.label);
    expect(noArticle).toEqual(['第三条', '第四条']);
  });

  it('every accepted finding reads as a document sentence in the record and the 对照表', async ({ lib, wb, reviewId }) => {
    const { findings } = await wb.run(reviewId, { panel: false });
    for (const f of findings) await wb.accept(reviewId, f.id);
    const review = await lib.svc.getReview(reviewId);
    const lines = [review.findings.authority.text, review.findings.procedure.text, review.findings.content.text].join('\n').split('\n').filter(Boolean);
    const rows = wb.suggestions(reviewId).map((s) => s.reason);
    expect(lines.length).toBeGreaterThanOrEqual(findings.length - 1);
    for (const text of [...lines, ...rows]) {
      expect(text).not.toMatch(/资料库|本条写明了上位法依据|\d{4}-\d{2}-\d{2}/);
      // the excerpt is quoted once: 送审稿第三条“依照《…》第八十五条”：《…》没有第八十五条
      const quoted = /“([^”]+)”：“\1”/.exec(text);
      expect(quoted, text).toBeNull();
    }
    const cite = lines.find((l) => l.includes('第八十五条'))!;
    expect(cite).toMatch(/^送审稿第三条“依照《中华人民共和国行政强制法》第八十五条”：《中华人民共和国行政强制法》（2011年公布的版本）共 71 条，没有第八十五条，条文序号可能是修订前的/);
    expect(lines.find((l) => l.includes('某省科技创新促进条例'))).toContain('请确认名称准确、现行有效');
  });
});
