// The 意见书 with or without the cited articles' text (h29walk: a 7-article draft's ran to 9 pages, each
// cited article quoted after its 要点): `quotes: 'none'` names the articles only — 审查依据 and the
// opinion's sentences unchanged, no article quoted anywhere — and the default still quotes them.
import { describe, expect } from 'vitest';
import type { PackDocument } from '../../../electron/core/packs/pack-document';
import { draftReviewTest } from './review-test-support';

const it = draftReviewTest('planted-innovation-voucher.md', {
  procedures: [{ check: '公众参与', applicable: true, done: true, date: '2026-01-05', endDate: '2026-01-20' }],
});

const quoted = (doc: PackDocument) => doc.sections.flatMap((s) => s.blocks.filter((b) => b.kind === 'article'));
const sentences = (doc: PackDocument, heading: string) => doc.sections.find((s) => s.heading === heading)!.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));

describe('the 意见书 quoting the cited articles or not', () => {
  it('quotes them by default; with quotes none it names them only, every sentence and basis the same', async ({ wb, reviewId }) => {
    const { findings } = await wb.run(reviewId, { panel: false });
    for (const rule of ['permit-create', 'procedure-comment-period']) await wb.accept(reviewId, findings.find((f) => f.rule === rule)!.id);
    const inline = await wb.opinionDocument(reviewId);
    const none = await wb.opinionDocument(reviewId, { quotes: 'none' });
    expect(quoted(inline).length).toBeGreaterThan(0);
    expect(inline.articleCount).toBe(quoted(inline).length);
    expect(quoted(none)).toEqual([]);
    expect(none.articleCount).toBe(0);
    expect(none.sections.flatMap((s) => s.blocks).some((b) => b.kind === 'citation')).toBe(false);
    for (const heading of ['一、审查依据', '三、审查意见']) expect(sentences(none, heading)).toEqual(sentences(inline, heading));
    // the opinion still says which article each 要点 rests on
    expect(sentences(none, '三、审查意见').join('\n')).toMatch(/依据：《中华人民共和国行政许可法》/);
  });
});
