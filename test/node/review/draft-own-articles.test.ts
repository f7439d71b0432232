// A draft's 前条 / 前款 / 本条第X项 are its own articles (session 32): the pre-check reads them against the draft, links the
// finding on their sentence to the article meant, reports a part that does not exist, and never reads them as a law's.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDraftFile } from '../../../electron/core/review/draft-store';
import { precheck } from '../../../electron/core/review/precheck';
import { loadRuleSet } from '../../../electron/core/review/review-rules';
import type { PrecheckResult } from '../../../electron/shared/review-workbench';
import { DRAFTS, ROOT, RULES, makeReviewLibrary, type ReviewLibrary } from './review-test-support';

let lib: ReviewLibrary;
const rules = loadRuleSet(RULES);
beforeAll(async () => {
  lib = await makeReviewLibrary();
});
afterAll(() => lib?.cleanup());

async function check(file: string): Promise<PrecheckResult> {
  const d = await parseDraftFile(file);
  return precheck(lib.store, { title: d.title, units: d.units, kind: '规范性文件', asOf: '2026-03-01' }, { rules });
}

describe("a draft's references to its own articles", () => {
  it('前条 in a penalty article: the finding links the draft article listing the conduct (planted-project-funds 第十四条)', async () => {
    const r = await check(join(DRAFTS, 'planted-project-funds.md'));
    const coercion = r.findings.find((f) => f.rule === 'coercion-create' && f.article?.label === '第十四条')!;
    expect(coercion.draftArticles).toEqual([{ key: '13', label: '第十三条' }]);
    // the citation is the draft's own, with the article meant — not dropped, not a law's
    const cite = r.citations.filter((c) => c.article?.label === '第十四条');
    expect(cite).toEqual([expect.objectContaining({ text: '前条', status: 'internal', articleKey: '13', citation: '送审稿第十三条' })]);
    expect(cite.some((c) => c.lawId)).toBe(false);
  });

  it('前款第（二）项、第（三）项 and 本条第（五）项: parts of the draft checked against its text', async () => {
    const r = await check(join(ROOT, 'test/fixtures/review/own-articles/achievement-registration.md'));
    const at = (label: string) => r.citations.filter((c) => c.article?.label === label);
    // 第二条's second 款 names items of its first 款: both exist
    expect(at('第二条').filter((c) => c.status === 'internal').map((c) => c.citation)).toEqual(['送审稿第二条第一款第（二）项', '送审稿第二条第一款第（三）项']);
    // 本条第（五）项 of an article listing three, 前条第（三）项 of one listing two: the draft's error, said as such
    const missing = r.findings.filter((f) => f.rule === 'citation-internal-missing');
    expect(missing.map((f) => [f.article?.label, f.excerpt, f.severity])).toEqual([
      ['第二条', '本条第（五）项', '必须修改'],
      ['第四条', '前条第（三）项', '必须修改'],
    ]);
    expect(missing[0]!.reason).toContain('第二条只有 3 项，没有第（五）项');
    expect(missing[1]!.reason).toContain('第三条只有 2 项，没有第（三）项');
    // the penalty sentence cites a law and the draft's 前条 side by side: the law stays the law's, 前条 the draft's
    const penalty = r.findings.find((f) => f.rule === 'penalty-create' && f.article?.label === '第四条')!;
    expect(penalty.draftArticles).toEqual([{ key: '3', label: '第三条' }]);
    const fourth = at('第四条');
    expect(fourth.find((c) => c.text === '前条')).toMatchObject({ status: 'internal', articleKey: '3' });
    expect(fourth.filter((c) => c.lawId).map((c) => c.citation)).toEqual(['《中华人民共和国行政处罚法》（2021年修订）第二十八条']);
    // 本办法第二条 is linked too, as the article it names
    expect(at('第五条').find((c) => c.text === '本办法第二条')).toMatchObject({ status: 'internal', articleKey: '2' });
  });
});
