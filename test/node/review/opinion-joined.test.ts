// An adviser says one problem of one article once: two sentences of 第四条 caught by the same rule
// (the held-out 科技计划项目和资金管理办法, session 21) are one paragraph of the 意见书 and one row of
// its 对照表, and the facts the opening already states are not listed again under it.
import { describe, expect } from 'vitest';
import { annexRows, joinedBases, joinedFindingLines } from '../../../electron/core/review/opinion';
import { findingExcerpts, joinedSuggestions, suggestionsByArticle } from '../../../electron/shared/review-workbench';
import { draftReviewTest } from './review-test-support';

const it = draftReviewTest('heldout21-project-funds-measures.md', { title: '高青县科技计划项目和资金管理办法（送审稿）' });

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

  it('the 意见书’s 对照表 has the card’s rows: one per article, its proposals numbered, a shared 原文 or 理由 said once', () => {
    const row = { findingId: 'a', article: '第十二条', original: '并处一万元罚款。', proposal: '删除', reason: '设定处罚。' };
    const rows = annexRows([
      row,
      { ...row, findingId: 'b', proposal: '改为“依法处理”', reason: '增加义务。' },
      { ...row, findingId: 'c', article: '第六条', original: '须在本县采购。' },
      { ...row, findingId: 'd', original: '三年内不得申报。', proposal: '删除“三年内”', reason: '增加义务。' },
    ]);
    expect(rows).toEqual([
      ['1', '第十二条', '1、2. 并处一万元罚款。\n3. 三年内不得申报。', '1. 删除\n2. 改为“依法处理”\n3. 删除“三年内”', '1. 设定处罚。\n2、3. 增加义务。'],
      ['2', '第六条', '须在本县采购。', '删除', '设定处罚。'],
    ]);
  });

  it('the held-out draft’s 第四条: one paragraph per rule, one 对照表 row, and no 送审单位/送审件/收件日期 list after the opening', async ({ wb, reviewId }) => {
    const { findings } = await wb.run(reviewId, { panel: false });
    const fourth = findings.filter((f) => f.article?.label === '第四条');
    // one finding quoting both sentences (session 25; two findings before, joined only in the 意见书)
    const local9 = fourth.filter((f) => f.rule === 'fc-9-2-local-establishment');
    expect(local9).toHaveLength(1);
    expect(findingExcerpts(local9[0]!)).toHaveLength(2);
    for (const f of findings) await wb.accept(reviewId, f.id);
    const doc = await wb.opinionDocument(reviewId, { office: '高青县科学技术局', date: '2026-12-01' });
    const paras = doc.sections.flatMap((s) => s.blocks).flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    const local = paras.filter((p) => p.startsWith('送审稿第四条') && p.includes('第九条第（二）项'));
    expect(local).toHaveLength(1);
    expect(local[0]).toContain('“项目申报单位应当是在本县行政区域内注册登记、税收解缴关系在本县的企业、高等院校或者科研机构。”“县外企业申报项目的，应当先在本县注册成立具有独立法人资格的公司。”：上述内容');
    const table = doc.sections.flatMap((s) => s.blocks).find((b) => b.kind === 'table');
    // one 对照表 row for 第四条, as the workbench card has: its two proposals numbered in the one row
    const fourthRows = table && table.kind === 'table' ? table.rows.filter((r) => r[1] === '第四条') : [];
    expect(fourthRows).toHaveLength(1);
    expect(fourthRows[0]![3]!.split('\n').map((l) => l.slice(0, 3))).toEqual(['1. ', '2. ']);
    expect(table && table.kind === 'table' && table.rows.map((r) => r[0])).toEqual(suggestionsByArticle((await wb.view(reviewId)).suggestions).map((_, i) => String(i + 1)));
    expect(doc.sections[0]!.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph']);
    expect(paras[1]).toContain('你单位于2026年2月24日报送的《高青县科技计划项目和资金管理办法（送审稿）》');
  });
});
