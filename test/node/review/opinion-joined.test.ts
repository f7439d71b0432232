// An adviser says one problem of one article once: two sentences of 第四条 caught by the same rule
// (the held-out 科技计划项目和资金管理办法, session 21) are one paragraph of the 意见书 and one row of
// its 对照表, and the facts the opening already states are not listed again under it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinedBases, joinedFindingLines } from '../../../electron/core/review/opinion';
import { joinedSuggestions, suggestionsByArticle } from '../../../electron/shared/review-workbench';
import type { ReviewWorkbench } from '../../../electron/core/review/workbench-service';
import { makeDraftReview, type ReviewLibrary } from './review-test-support';

let lib: ReviewLibrary;
let wb: ReviewWorkbench;
let reviewId: string;

beforeAll(async () => {
  ({ lib, wb, reviewId } = await makeDraftReview('heldout21-project-funds-measures.md', { title: '高青县科技计划项目和资金管理办法（送审稿）' }));
});
afterAll(() => lib?.cleanup());

describe('the 意见书 says one problem of one article once', () => {
  it('joins lines of one article with one reason and basis, keeps the rest as written', () => {
    const r = '该句以在本地注册为前提，可能违反《公平竞争审查条例》第九条第（二）项。（依据：《公平竞争审查条例》第九条第（二）项）';
    expect(joinedFindingLines([`送审稿第四条“申报单位应当在本县注册。”：${r}`, '送审稿第五条“应当委托指定的事务所；”：限定经营者。', `送审稿第四条“县外企业应当先在本县设立公司；”：${r}`, '建议补充起草说明。'])).toEqual([
      `送审稿第四条“申报单位应当在本县注册。”“县外企业应当先在本县设立公司”：${r.replace('该句', '上述内容')}`,
      '送审稿第五条“应当委托指定的事务所”：限定经营者。',
      '建议补充起草说明。',
    ]);
    // another reason, or another article: not joined
    expect(joinedFindingLines(['送审稿第四条“甲。”：理由一。', '送审稿第四条“乙。”：理由二。', '送审稿第六条“甲。”：理由一。'])).toHaveLength(3);
    // a law named once in a line's basis, its articles in order; quoted words and a 要点 left as written
    expect(joinedBases('送审稿“甲方：某局某科”：主体不适格。（依据：《中华人民共和国民法典》第九十七条；《中华人民共和国民法典》第五十七条）')).toBe('送审稿“甲方：某局某科”：主体不适格。（依据：《中华人民共和国民法典》第五十七条、第九十七条）');
    const mixed = '理由。（依据：《中华人民共和国行政处罚法》（2021年修订）第十六条；《通知》（国办发〔2018〕37号）一、（一）“严禁越权发文”：“不得设定；不得增加”；《中华人民共和国行政处罚法》（2021年修订）第十四条；《办法》（要点：三十日；条文号待核对））';
    expect(joinedBases(mixed)).toBe('理由。（依据：《中华人民共和国行政处罚法》（2021年修订）第十四条、第十六条；《通知》（国办发〔2018〕37号）一、（一）“严禁越权发文”：“不得设定；不得增加”；《办法》（要点：三十日；条文号待核对））');
    expect(joinedBases('建议补充起草说明。')).toBe('建议补充起草说明。');
    const row = { findingId: 'a', article: '第四条', original: '甲。', proposal: '删除', reason: '理由' };
    expect(joinedSuggestions([row, { ...row, findingId: 'b', original: '乙。' }, { ...row, findingId: 'c', original: '丙。', proposal: '改为' }]).map((s) => s.original)).toEqual(['甲。乙。', '丙。']);
    // the workbench's card: one row per article, its suggestions in the order given
    const rows = suggestionsByArticle([row, { ...row, findingId: 'b', original: '乙。' }, { ...row, findingId: 'd', article: '第六条', original: '丁。' }, { ...row, findingId: 'c', original: '丙。', proposal: '改为' }]);
    expect(rows.map((r) => [r.article, r.suggestions.map((s) => [s.original, s.proposal])])).toEqual([
      ['第四条', [['甲。乙。', '删除'], ['丙。', '改为']]],
      ['第六条', [['丁。', '删除']]],
    ]);
  });

  it('the held-out draft’s 第四条: one paragraph and one 对照表 row per rule, and no 送审单位/送审件/收件日期 list after the opening', async () => {
    const { findings } = await wb.run(reviewId, { panel: false });
    const fourth = findings.filter((f) => f.article?.label === '第四条');
    expect(fourth.filter((f) => f.rule === 'fc-9-2-local-establishment')).toHaveLength(2);
    for (const f of findings) await wb.accept(reviewId, f.id);
    const doc = await wb.opinionDocument(reviewId, { office: '高青县科学技术局', date: '2026-12-01' });
    const paras = doc.sections.flatMap((s) => s.blocks).flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    const local = paras.filter((p) => p.startsWith('送审稿第四条') && p.includes('第九条第（二）项'));
    expect(local).toHaveLength(1);
    expect(local[0]).toContain('“项目申报单位应当是在本县行政区域内注册登记、税收解缴关系在本县的企业、高等院校或者科研机构。”“县外企业申报项目的，应当先在本县注册成立具有独立法人资格的公司。”：上述内容');
    const table = doc.sections.flatMap((s) => s.blocks).find((b) => b.kind === 'table');
    expect(table && table.kind === 'table' ? table.rows.filter((r) => r[1] === '第四条') : []).toHaveLength(2);
    expect(doc.sections[0]!.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph']);
    expect(paras[1]).toContain('你单位于2026年2月24日报送的《高青县科技计划项目和资金管理办法（送审稿）》');
  });
});
