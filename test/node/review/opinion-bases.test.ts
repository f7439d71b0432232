// The 意见书 built from a real review (the planted 科技创新券 draft, its 公众参与 only 16 days):
// 审查依据 lists every basis of the accepted findings — library articles by version, documents the
// library lacks (国办发〔2018〕37号) by title and 文号 — laws before documents, no duplicates; the
// 修改建议对照表 holds only findings that change text, procedure findings are sentences under 程序.
import { describe, expect } from 'vitest';
import { basisLines } from '../../../electron/core/review/opinion-bases';
import { documentReason } from '../../../electron/core/review/opinion';
import type { DocBlock, PackDocument } from '../../../electron/core/packs/pack-document';
import { draftReviewTest } from './review-test-support';

const texts = (blocks: DocBlock[]) => blocks.flatMap((b) => ('text' in b && typeof b.text === 'string' ? [b.text] : []));
const section = (doc: PackDocument, heading: string) => doc.sections.find((s) => s.heading === heading)!;

const it = draftReviewTest('planted-innovation-voucher.md', {
  procedures: [{ check: '公众参与', applicable: true, done: true, date: '2026-01-05', endDate: '2026-01-20' }],
});

describe('the 意见书 of accepted findings', () => {
  it('审查依据 is empty only while nothing is accepted', async ({ wb, reviewId }) => {
    const doc = await wb.opinionDocument(reviewId);
    expect(texts(section(doc, '一、审查依据').blocks)).toEqual(['（未引用具体条文）']);
  });

  it('lists every basis of the accepted findings, laws by 效力级别 before documents; the table holds only text edits', async ({ wb, reviewId }) => {
    const { findings } = await wb.run(reviewId, { panel: false });
    const pick = (rule: string) => findings.find((f) => f.rule === rule)!;
    const period = pick('procedure-comment-period');
    const collective = pick('procedure-collective-missing');
    const permit = pick('permit-create');
    expect(period.bases.map((b) => b.citation)).toEqual(['《优化营商环境条例》第六十二条第二款']);
    expect(collective.bases[0]!.versionId).toBeUndefined();
    for (const f of [permit, period, collective]) await wb.accept(reviewId, f.id);
    await wb.accept(reviewId, period.id, { proposal: '延长征求意见期限至30日' });

    const doc = await wb.opinionDocument(reviewId);
    expect(texts(section(doc, '一、审查依据').blocks)).toEqual([
      '1. 《中华人民共和国行政许可法》（2019年修正）第十四条、第十五条、第十七条',
      '2. 《优化营商环境条例》第六十二条第二款',
      '3. 《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）一、（一）“严禁越权发文”、二、（三）“严格制发程序”',
    ]);

    // 对照表: the 设定行政许可 edit only
    const table = doc.sections.at(-1)!.blocks.find((b) => b.kind === 'table');
    expect(table && table.kind === 'table' && table.rows.map((r) => [r[1], r[2] === permit.excerpt, r[3]])).toEqual([['第五条', true, permit.suggestion]]);

    // 程序: each procedure finding a sentence of its own, with what to do, under the 程序 要点
    const body = section(doc, '三、审查意见').blocks;
    const at = (t: string) => body.findIndex((b) => b.kind === 'paragraph' && b.text.includes(t));
    const [proc, content] = [body.findIndex((b) => b.kind === 'subheading' && b.id === 's-procedure'), body.findIndex((b) => b.kind === 'subheading' && b.id === 's-content')];
    // the 意见书 writes dates in words (公开征求意见 2026年1月5日至…), the workbench as 2026-01-05
    expect(documentReason(period)).toContain('2026年1月5日');
    const periodAt = at(documentReason(period));
    const collectiveAt = at(documentReason(collective));
    expect(periodAt).toBeGreaterThan(proc);
    expect(periodAt).toBeLessThan(content);
    expect(collectiveAt).toBeGreaterThan(proc);
    expect(collectiveAt).toBeLessThan(content);
    const line = body[periodAt]!;
    expect(line.kind === 'paragraph' && line.text).toBe(`${documentReason(period)}建议延长征求意见期限至30日。（依据：《优化营商环境条例》第六十二条第二款）`);
    expect(texts(body).join('\n')).not.toContain('送审稿“审查程序”');
  });

  it('a procedure line written the old way (送审稿“审查程序”：…) reads as the sentence, with its 建议', async ({ lib, wb, reviewId }) => {
    const { findings } = await wb.run(reviewId, { panel: false });
    const period = findings.find((f) => f.rule === 'procedure-comment-period')!;
    const review = await lib.svc.getReview(reviewId);
    const now = `${documentReason(period)}建议延长征求意见期限至30日。（依据：《优化营商环境条例》第六十二条第二款）`;
    const legacy = `送审稿“审查程序”：${period.reason}（依据：《优化营商环境条例》第六十二条第二款）`;
    expect(review.findings.procedure.text.split('\n')).toContain(now);
    await lib.svc.updateReview(reviewId, { findings: { procedure: { text: review.findings.procedure.text.replace(now, legacy), citations: review.findings.procedure.citations } } });
    const body = texts(section(await wb.opinionDocument(reviewId), '三、审查意见').blocks);
    expect(body).toContain(now);
    expect(body.join('\n')).not.toContain('送审稿“审查程序”');
  });
});

describe('basisLines', () => {
  it('orders by 效力级别 (guessed from the title when the library lacks the law), articles in order, 之一 kept beside its article', () => {
    const lines = basisLines(
      [
        { lawId: 'a', versionId: 'a@2019', citation: '《中华人民共和国行政许可法》（2019年修正）第十条之一' },
        { lawId: 'a', versionId: 'a@2019', citation: '《中华人民共和国行政许可法》（2019年修正）第十条' },
      ],
      [
        { citation: '《山东省行政规范性文件制定和监督管理办法》（要点：有效期一般不超过5年；条文号待核对）' },
        { citation: '《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）二、（三）“严格制发程序”：“重要的行政规范性文件要……”' },
        { citation: '《某某条例》第三条第二款', note: '资料库中没有该文件，条文未经核对' },
        // cited after 二、（三）, listed before it: a document's parts in the document's order (h27walk's 意见书)
        { citation: '《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）一、（一）“严禁越权发文”' },
        { lawId: 'a', versionId: 'a@2019', citation: '《中华人民共和国行政许可法》（2019年修正）第十条第二款' },
        { lawId: 'a', versionId: 'a@2019', citation: '《中华人民共和国行政许可法》（2019年修正）第二条' },
      ],
      { a: '法律' },
    );
    expect(lines).toEqual([
      '《中华人民共和国行政许可法》（2019年修正）第二条、第十条、第十条之一',
      '《某某条例》第三条第二款',
      '《山东省行政规范性文件制定和监督管理办法》',
      '《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）一、（一）“严禁越权发文”、二、（三）“严格制发程序”',
    ]);
  });

  it('one line per law as written, though the library holds it in parts (民法典 总则编 and 合同编, the held-out 孵化器合同 of session 21)', () => {
    const lines = basisLines(
      [],
      [
        { lawId: 'z', versionId: 'z@2020', citation: '《中华人民共和国民法典》第九十七条' },
        { lawId: 'p', versionId: 'p@2014', citation: '《中华人民共和国政府采购法》（2014年修正）第二条' },
        { lawId: 'h', versionId: 'h@2020', citation: '《中华人民共和国民法典》第四百七十条' },
        { lawId: 'z', versionId: 'z@2020', citation: '《中华人民共和国民法典》第六条' },
      ],
      { z: '法律', p: '法律', h: '法律' },
    );
    expect(lines).toEqual(['《中华人民共和国民法典》第六条、第九十七条、第四百七十条', '《中华人民共和国政府采购法》（2014年修正）第二条']);
  });
});
