// The 意见书 with or without the cited articles' text (h29walk: a 7-article draft's ran to 9 pages, each
// cited article quoted after its 要点): `quotes: 'none'` names the articles only — 审查依据 and the
// opinion's sentences unchanged, no article quoted anywhere — and the default still quotes them.
import { describe, expect } from 'vitest';
import type { PackDocument } from '../../../electron/core/packs/pack-document';
import { partLines } from '../../../electron/shared/article-part';
import { draftReviewTest } from './review-test-support';
import { basisWordsApart } from '../../../electron/core/review/opinion';

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
    // the same sentences, a document's basis named by its part without its words (国办发〔2018〕37号 一、（一）)
    for (const heading of ['一、审查依据', '三、审查意见']) expect(sentences(none, heading)).toEqual(sentences(inline, heading).map((t) => basisWordsApart(t).line));
    const worded = sentences(inline, '三、审查意见').flatMap((t) => basisWordsApart(t).words);
    expect(worded.length).toBeGreaterThan(0);
    for (const w of worded) expect(sentences(none, '三、审查意见').join('\n')).not.toContain(w.words);
    // the opinion still says which article each 要点 rests on
    expect(sentences(none, '三、审查意见').join('\n')).toMatch(/依据：《中华人民共和国行政许可法》/);
  });
});

describe('the cited articles quoted once in an annex (附件列出)', () => {
  it('names them in the text as none does, and quotes each article once, in the order first cited, under its law and version date', async ({ lib, wb, reviewId }) => {
    const { findings } = await wb.run(reviewId, { panel: false });
    for (const rule of ['permit-create', 'coercion-create', 'procedure-comment-period']) await wb.accept(reviewId, findings.find((f) => f.rule === rule)!.id);
    // The 结论 cites again an article a 要点 cites, and a 款 of another: neither is quoted twice.
    const before = await lib.svc.getReview(reviewId);
    const again = before.findings.authority.citations[0]!;
    const whole = before.findings.authority.citations.find((c) => c.paragraph)!;
    await lib.svc.updateReview(reviewId, {
      opinion: {
        text: '请一并研究上述依据。',
        citations: [
          { law: again.lawId, article: again.label },
          { law: whole.lawId, article: whole.label, paragraph: whole.paragraph === 1 ? 2 : 1 },
        ],
      },
    });
    const review = await lib.svc.getReview(reviewId);
    const none = await wb.opinionDocument(reviewId, { quotes: 'none' });
    const annexed = await wb.opinionDocument(reviewId, { quotes: 'annex' });
    const bodyOf = (doc: PackDocument) => doc.sections.filter((s) => !s.heading.startsWith('附件'));
    // the text is the short one, word for word
    expect(bodyOf(annexed)).toEqual(bodyOf(none));
    // then the 对照表 the 结论 names, then the quotes: 附件1 and 附件2
    expect(annexed.sections.map((s) => s.heading).filter((h) => h.startsWith('附件'))).toEqual(['附件：修改建议对照表', '附件：引用条文原文']);
    const annex = annexed.sections.at(-1)!.blocks;
    const articles = annex.filter((b) => b.kind === 'article');
    expect(annexed.articleCount).toBe(articles.length);
    // each article the record cites (not a chapter or a whole law), once, in the order first cited
    const cited = [...review.findings.authority.citations, ...review.findings.procedure.citations, ...review.findings.content.citations, ...review.opinion.citations].filter((c) => !c.scope);
    const keys = [...new Set(cited.map((c) => `${c.versionId}#${c.articleKey}`))];
    expect(keys.length).toBeLessThan(cited.length);
    const byLaw = [...new Set(keys.map((k) => k.split('#')[0]!))].flatMap((v) => keys.filter((k) => k.startsWith(`${v}#`)));
    const citedAs = (k: string) => cited.filter((c) => `${c.versionId}#${c.articleKey}` === k);
    // the words of documents the library lacks, as the findings quote them inline
    const worded = sentences(await wb.opinionDocument(reviewId), '三、审查意见').flatMap((t) => basisWordsApart(t).words);
    const docParts = new Set(worded.map((w) => `${w.head}${w.part}`));
    expect(articles.length).toBe(byLaw.length + docParts.size);
    expect(articles.slice(0, byLaw.length).map((b) => b.label.replace(/第[一二三四五六七八九十]+款.*$/u, ''))).toEqual(byLaw.map((k) => citedAs(k)[0]!.label));
    // an article cited whole or by two parts is quoted whole; one cited by a single 款 quotes that 款 alone
    for (const [i, k] of byLaw.entries()) {
      const cs = citedAs(k);
      const parts = new Set(cs.map((c) => `${c.paragraph ?? ''}/${c.item ?? ''}`));
      expect(articles[i]!.lines).toEqual(parts.size > 1 || parts.has('/') ? cs[0]!.textSnapshot.split('\n') : partLines(cs[0]!.textSnapshot, cs[0]!));
    }
    expect(articles.some((b) => b.lines.length > 1) && articles.some((b) => b.label.endsWith('款'))).toBe(true);
    // a document the library lacks: its provision once, each of the words the findings quote once
    expect(worded.length).toBeGreaterThan(new Set(worded.map((w) => w.words)).size);
    for (const w of worded) {
      expect(annex.filter((b) => b.kind === 'citation' && b.text === w.head)).toHaveLength(1);
      expect(articles.filter((b) => b.label === w.part && b.lines.includes(`“${w.words}”`))).toHaveLength(1);
    }
    // each law once, by its full title and the date of the version the citations are anchored to
    const heads = annex.filter((b) => b.kind === 'citation').map((b) => b.text);
    expect(heads.length).toBe(new Set(keys.map((k) => k.split('#')[0])).size + new Set(worded.map((w) => w.head)).size);
    for (const [i, v] of [...new Set(keys.map((k) => k.split('#')[0]!))].entries()) {
      const version = lib.store.version(v)!;
      const m = /^《([^》]+)》（(\d{4})年(\d{1,2})月(\d{1,2})日(修正|修订|公布)）$/u.exec(heads[i]!);
      expect(m, heads[i]).not.toBeNull();
      expect(m![1]).toBe(version.title);
      const date = `${m![2]}-${m![3]!.padStart(2, '0')}-${m![4]!.padStart(2, '0')}`;
      expect(m![5] === '公布' ? version.published : version.history.find((e) => e.kind === m![5] && e.date === date)?.date).toBe(date);
    }
  });
});
