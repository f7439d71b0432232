// A finding resting on one 款 (立法法第九十三条第六款) or 项 keeps it from the rule to the record, and the
// 意见书 quotes that part alone, named as cited; a citation stored without its part (records and
// decisions written before) still reads, and quotes the article.
import { describe, expect } from 'vitest';
import { partLabel, partLines } from '../../../electron/shared/article-part';
import { BasisSchema, DecisionSchema } from '../../../electron/shared/review-workbench';
import { BasisResolver } from '../../../electron/core/review/precheck';
import { quote, quotedCitations } from '../../../electron/core/review/opinion';
import type { DocBlock } from '../../../electron/core/packs/pack-document';
import { draftReviewTest } from './review-test-support';

const it = draftReviewTest('heldout21-project-funds-measures.md', { title: '高青县科技计划项目和资金管理办法（送审稿）' });

const SIXTH = '没有法律、行政法规、地方性法规的依据，地方政府规章不得设定减损公民、法人和其他组织权利或者增加其义务的规范。';
const FIRST = '省、自治区、直辖市和设区的市、自治州的人民政府，可以根据法律、行政法规和本省、自治区、直辖市的地方性法规，制定规章。';
const articles = (blocks: DocBlock[]) => blocks.flatMap((b) => (b.kind === 'article' ? [b] : []));

describe('a 款 or 项 cited is the 款 or 项 quoted', () => {
  it('names and finds the part as a lawyer writes it, over items and 款 alike', () => {
    expect(partLabel({ paragraph: 6 })).toBe('第六款');
    expect(partLabel({ item: 2 })).toBe('第（二）项');
    expect(partLabel({ paragraph: 1, item: 3 })).toBe('第一款第（三）项');
    expect(partLabel({})).toBe('');
    const text = '甲款。\n乙款下列事项：\n（一）子一；\n（二）子二。\n丙款。';
    // 丙款 is the third 款, not the third line (items are lines of their 款)
    expect(partLines(text, { paragraph: 3 })).toEqual(['丙款。']);
    expect(partLines(text, { paragraph: 2 })).toEqual(['乙款下列事项：', '（一）子一；', '（二）子二。']);
    expect(partLines(text, { item: 2 })).toEqual(['乙款下列事项：', '（二）子二。']);
    expect(partLines(text, { paragraph: 2, item: 1 })).toEqual(['乙款下列事项：', '（一）子一；']);
    expect(partLines(text, { paragraph: 4 })).toBeUndefined();
    expect(partLines(text, { paragraph: 1, item: 1 })).toBeUndefined();
    expect(partLines(text, {})).toBeUndefined();
  });

  it('a rule’s basis of one 款 carries it, with that 款’s text (立法法第九十三条 has items in its second 款)', ({ lib }) => {
    const b = new BasisResolver(lib.store, '2026-03-01').resolve({ law: '立法法', article: '第九十三条', paragraph: 6 });
    expect(b.citation).toBe('《中华人民共和国立法法》（2023年修正）第九十三条第六款');
    expect(b.paragraph).toBe(6);
    // the sixth line of the article is its fourth 款: the text was that before
    expect(b.text).toBe(SIXTH);
    const item = new BasisResolver(lib.store, '2026-03-01').resolve({ law: '公平竞争审查条例', article: '第九条', item: 2 });
    expect(item).toMatchObject({ citation: '《公平竞争审查条例》第九条第（二）项', item: 2 });
    expect(item.text!.split('\n')).toHaveLength(2);
  });

  it('accepted, the record cites 第九十三条第六款 and the 意见书 quotes that 款 alone, labelled so', async ({ lib, wb, reviewId }) => {
    const { findings } = await wb.run(reviewId, { panel: false });
    const oblig = findings.find((f) => f.rule === 'obligation-add' && f.article?.label === '第七条')!;
    expect(oblig.bases.find((b) => b.articleKey === '93')).toMatchObject({ paragraph: 6 });
    const local = findings.find((f) => f.rule === 'fc-9-2-local-establishment')!;
    await wb.accept(reviewId, oblig.id);
    await wb.accept(reviewId, local.id);
    const review = await lib.svc.getReview(reviewId);
    const cited = [...review.findings.content.citations, ...review.findings.authority.citations];
    expect(cited.find((c) => c.articleKey === '93')).toMatchObject({ citation: '《中华人民共和国立法法》（2023年修正）第九十三条第六款', paragraph: 6 });
    expect(cited.find((c) => c.articleKey === '9' && c.item === 2)?.citation).toBe('《公平竞争审查条例》第九条第（二）项');

    const doc = await wb.opinionDocument(reviewId, { office: '高青县科学技术局', date: '2026-12-01' });
    const blocks = doc.sections.flatMap((s) => s.blocks);
    const at = blocks.findIndex((b) => b.kind === 'citation' && b.text === '《中华人民共和国立法法》（2023年修正）第九十三条第六款');
    expect(at).toBeGreaterThan(0);
    expect(blocks[at + 1]).toEqual({ kind: 'article', label: '第九十三条第六款', lines: [SIXTH] });
    expect(articles(blocks).some((b) => b.lines.includes(FIRST))).toBe(false);
    const nine = articles(blocks).find((b) => b.label === '第九条第（二）项')!;
    expect(nine.lines[0]).toMatch(/不得含有下列限制商品、要素自由流动的内容：$/);
    expect(nine.lines[1]).toMatch(/^（二）排斥、限制/);
    expect(doc.articleCount).toBe(articles(blocks).length);
  });

  it('an article-level citation stored before quotes the whole article; a part quoted whole beside it is not quoted twice', async ({ lib, reviewId }) => {
    const review = await lib.svc.getReview(reviewId);
    const part = [...review.findings.content.citations, ...review.findings.authority.citations].find((c) => c.articleKey === '93')!;
    const { paragraph: _p, ...whole } = { ...part, citation: '《中华人民共和国立法法》（2023年修正）第九十三条', label: '第九十三条' };
    const [head, body] = quote(whole);
    expect(head).toEqual({ kind: 'citation', text: '《中华人民共和国立法法》（2023年修正）第九十三条' });
    expect(body).toEqual({ kind: 'article', label: '第九十三条', lines: whole.textSnapshot.split('\n') });
    expect(whole.textSnapshot.split('\n')[0]).toBe(FIRST);
    expect(quotedCitations([whole, part])).toEqual([whole]);
    expect(quotedCitations([part])).toEqual([part]);
    // a part the snapshot does not hold (an article renumbered its 款 since) quotes the article
    expect(quote({ ...part, paragraph: 9 })[1]).toMatchObject({ label: '第九十三条', lines: part.textSnapshot.split('\n') });
  });

  it('a stored finding’s basis without its part is read; a part that is no number is refused', () => {
    const old = { lawId: 'L1', versionId: 'L1@2023-03-13', articleKey: '93', citation: '《中华人民共和国立法法》（2023年修正）第九十三条第六款', text: SIXTH };
    expect(BasisSchema.parse(old)).toEqual(old);
    expect(BasisSchema.safeParse({ ...old, paragraph: 0 }).success).toBe(false);
    expect(BasisSchema.safeParse({ ...old, item: '二' }).success).toBe(false);
    const finding = { id: 'x', rule: 'obligation-add', ruleName: '增加义务', source: 'rule', severity: '必须修改', category: '内容', article: { key: '7', label: '第七条' }, excerpt: '甲', reason: '乙', basis: old, bases: [old] };
    expect(DecisionSchema.safeParse({ status: 'accepted', at: '2026-01-01T00:00:00Z', by: '李明', finding }).success).toBe(true);
  });
});
