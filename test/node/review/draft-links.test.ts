// Session 27: the review form's save links the draft's own articles its texts name (linkDraft), each to the 送审稿
// version it was written against; when the unit sends 第2稿 (an article inserted after 第三条, 第七条 reworded), each link
// says what its article became, and the 意见书 names the version after a mention that would now send a reader of 第2稿
// to another or a changed article — never after an unchanged one, never after a law's article. Real drafts: the planted
// 创新券管理办法 and its second version of test/fixtures/drafts.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordsService } from '../../../electron/core/records/records-service';
import { latestDraftOf } from '../../../electron/core/review/draft-store';
import { withDraftLinkNotes } from '../../../electron/core/review/draft-links';
import { detectCitations } from '../../../electron/core/records/citation-detect';
import { articleLabel } from '../../../electron/core/text/chinese-numerals';
import { ReviewWorkbench } from '../../../electron/core/review/workbench-service';
import type { PackDocument } from '../../../electron/core/packs/pack-document';
import { draftLinkNote, staleDraftLinksSentence } from '../../../electron/shared/draft-citation';
import { DRAFTS, HOLIDAYS, RULES, makeReviewLibrary, type ReviewLibrary } from './review-test-support';

const INSERTED = join(DRAFTS, 'versions', '创新券管理办法（送审稿·增加第四条）.md');
let lib: ReviewLibrary;
let svc: RecordsService;
let wb: ReviewWorkbench;
let reviewId: string;

beforeAll(async () => {
  lib = await makeReviewLibrary();
  // as the app opens it: a review's texts link into the workbench's latest 送审稿 version
  svc = await RecordsService.open(lib.store, { actor: '测试员', holidaysFile: HOLIDAYS, draftUnderReview: (id) => latestDraftOf(lib.dir, id) });
  wb = new ReviewWorkbench(lib.store, svc, { rulesDir: RULES });
  const r = await svc.createReview({ type: '规范性文件', title: '高青县科技创新券管理办法（征求意见稿）', leadUnit: '高新技术科', receivedDate: '2026-02-24' });
  reviewId = r.record.id;
  await wb.addDraft(reviewId, join(DRAFTS, 'planted-innovation-voucher.md'));
}, 120_000);
afterAll(() => lib?.cleanup());

const CONTENT = '草案第五条要求服务机构取得资格证，违反《中华人民共和国行政许可法》第十七条。本办法第七条限定服务机构，应当删除。';
const OPINION = '建议明确草案第二条所称创新券的发放主体。';

/** The paragraphs of the 意见书, in order. */
const paragraphs = (doc: PackDocument) => doc.sections.flatMap((s) => s.blocks).flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));

describe('links into the draft from the review form', () => {
  it('a save with linkDraft links the draft’s articles to the version in the workbench, and leaves the law citations as sent', async () => {
    const v1 = wb.drafts.draft(reviewId, 1);
    const saved = await svc.updateReview(reviewId, { findings: { content: { text: CONTENT, citations: [] } }, opinion: { text: OPINION, citations: [] } }, { linkDraft: true });
    const content = saved.record.findings.content;
    expect(content.draftCitations!.map((c) => [c.seq, c.sha256, c.articleKey, c.label, c.textSnapshot])).toEqual([
      [1, v1.sha256, '5', '第五条', v1.units.find((u) => u.key === '5')!.text],
      [1, v1.sha256, '7', '第七条', v1.units.find((u) => u.key === '7')!.text],
    ]);
    // the law named beside them is the adviser's to link (识别引用): the form sent none
    expect(content.citations).toEqual([]);
    expect(saved.record.opinion.draftCitations!.map((c) => [c.seq, c.label])).toEqual([[1, '第二条']]);
    // read back from records.json, every link is at 第1稿, the latest
    expect((await wb.draftLinks(reviewId)).map((s) => [s.where, s.citation.label, s.status])).toEqual([
      ['findings.content', '第五条', 'latest'],
      ['findings.content', '第七条', 'latest'],
      ['opinion', '第二条', 'latest'],
    ]);
    // nothing to say in the 意见书 yet
    expect(paragraphs(await wb.opinionDocument(reviewId, { date: '2026-03-05' }))).toContain(CONTENT);
  });

  it('after 第2稿: each link says what its article became, and the 意见书 names the version where a reader would be misled', async () => {
    await wb.addDraft(reviewId, INSERTED);
    const states = await wb.draftLinks(reviewId);
    expect(states.map((s) => [s.citation.seq, s.citation.label, s.status, s.now?.map((n) => n.label)])).toEqual([
      [1, '第五条', 'renumbered', ['第六条']],
      [1, '第七条', 'changed', ['第八条']],
      [1, '第二条', 'same', undefined],
    ]);
    expect(states.map(draftLinkNote)).toEqual(['第2稿改为第六条，内容未变', '第2稿改为第八条并作了修改', '']);
    expect(staleDraftLinksSentence(states)).toBe(
      '内容中的“第1稿第五条”（第2稿改为第六条，内容未变）、内容中的“第1稿第七条”（第2稿改为第八条并作了修改）写于较早的送审稿：意见书将在这些条文后注明所指稿次。如意见针对第2稿，请先在审查记录中按第2稿的条号改写并保存。',
    );

    const text = paragraphs(await wb.opinionDocument(reviewId, { date: '2026-03-05' }));
    expect(text).toContain('草案第五条（指第1稿第五条，第2稿为第六条）要求服务机构取得资格证，违反《中华人民共和国行政许可法》第十七条。本办法第七条（指第1稿第七条，第2稿为第八条，已修改）限定服务机构，应当删除。');
    // an article 第2稿 left as it was needs no note
    expect(text).toContain(OPINION);
    // the record keeps what the adviser wrote
    expect((await svc.getReview(reviewId)).findings.content.text).toBe(CONTENT);
  });

  it('rewritten by the adviser with 第2稿’s number, the mention links 第2稿 and the note goes', async () => {
    const rewritten = CONTENT.replace('草案第五条', '草案第六条');
    const saved = await svc.updateReview(reviewId, { findings: { content: { text: rewritten, citations: [] } } }, { linkDraft: true });
    expect(saved.record.findings.content.draftCitations!.map((c) => [c.seq, c.label])).toEqual([
      [2, '第六条'],
      [1, '第七条'], // still meant as written on 第1稿: she has not rewritten it
    ]);
    const text = paragraphs(await wb.opinionDocument(reviewId, { date: '2026-03-05' }));
    expect(text).toContain('草案第六条要求服务机构取得资格证，违反《中华人民共和国行政许可法》第十七条。本办法第七条（指第1稿第七条，第2稿为第八条，已修改）限定服务机构，应当删除。');
  });

  // The draft's own article is told from a law's by the mention's kind (own-document), not by the words of its reason.
  it('a link whose version left the workbench is noted after its mention, though the latest version lacks its article', async () => {
    const review = await svc.getReview(reviewId);
    const drafts = wb.drafts.drafts(reviewId);
    const latest = drafts.at(-1)!;
    const beyond = latest.units.filter((u) => u.kind === 'article').length + 50;
    const label = articleLabel(beyond, 0);
    const text = `草案${label}与《中华人民共和国行政许可法》第十七条不符，应当删除。`;
    // the detector: an article the draft lacks is the draft's (own-document), the law's article is resolved
    const mentions = detectCitations(lib.store, text, '2026-03-05', undefined, undefined, { draft: { title: review.title, articles: [] } }).mentions;
    expect(mentions.map((m) => [m.label, m.status, m.reasonKind])).toEqual([
      [label, 'unresolved', 'own-document'],
      ['第十七条', 'resolved', undefined],
    ]);
    const gone = { ...review.findings.content.draftCitations![0]!, seq: latest.seq + 7, articleKey: String(beyond), label };
    const noted = withDraftLinkNotes(lib.store, { ...review, findings: { ...review.findings, content: { text, citations: [], draftCitations: [gone] } } }, [{ where: 'findings.content', citation: gone, latestSeq: latest.seq, status: 'missing' }], drafts);
    expect(noted.findings.content.text).toBe(`草案${label}（指第${latest.seq + 7}稿${label}）与《中华人民共和国行政许可法》第十七条不符，应当删除。`);
  });
});
