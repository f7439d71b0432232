// A record's own citations in a pack are headed as its form names them: a review's are what its
// opinion relied on (所依据的条文), a 学法活动's what was studied (学习的法规和条文) — the pack said
// 所依据的条文 under a lecture too, which a reader of the briefing took for a legal basis.
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalisePack } from '../../../electron/core/packs/pack-model';
import { recordsResolver } from '../../../electron/core/packs/pack-records-service';
import { resolvePack } from '../../../electron/core/packs/pack-resolve';
import { renderDocx } from '../../../electron/core/packs/render-docx';
import { docxText, makeLibrary, NOW, type TestLibrary } from './pack-test-support';

let lib: TestLibrary;
beforeAll(async () => {
  lib = await makeLibrary();
});
afterAll(() => lib?.cleanup());

describe('the heading of a record’s citations in a pack', () => {
  it('is 学习的法规和条文 under a 学法活动 and 所依据的条文 under a review', async () => {
    const review = await lib.svc.createReview({ type: '规范性文件', title: '科技创新券管理暂行办法（送审稿）', leadUnit: '高新技术科', receivedDate: '2024-11-20', citations: [{ law: '行政许可法', article: '第十二条' }] });
    const lecture = await lib.svc.createLecture({ kind: '法律大讲堂', date: '2024-12-02', topic: '行政许可法专题讲座', headCount: 30, citations: [{ law: '行政许可法', article: '16' }] });
    const pack = normalisePack({ title: '学习资料', items: [{ type: 'review', recordId: review.record.id }, { type: 'lecture', recordId: lecture.record.id }] }, NOW);
    const doc = await resolvePack(lib.store, pack, { records: recordsResolver(lib.svc) });
    const subheadings = (title: RegExp) => doc.sections.find((s) => title.test(s.heading))!.blocks.filter((b) => b.kind === 'subheading').map((b) => (b as { text: string }).text);
    expect(subheadings(/合法性审查意见/)).toContain('所依据的条文');
    expect(subheadings(/行政许可法专题讲座/)).toEqual(['学习的法规和条文']);
    // and so in the DOCX
    const text = await docxText(await renderDocx(doc));
    expect(text.indexOf('学习的法规和条文')).toBeGreaterThan(text.indexOf('行政许可法专题讲座'));
  });

  it('prints each line of a review’s findings and opinion as a paragraph of its own', async () => {
    const lines = ['送审稿第四条规定缴纳保证金：规范性文件不得自行设定收费项目。', '送审稿第五条规定罚款：规范性文件不得设定行政处罚。'];
    const review = await lib.svc.createReview({ type: '规范性文件', title: '科技创新券管理办法（送审稿）', leadUnit: '科技股', receivedDate: '2026-11-20', findings: { authority: { text: lines.join('\n'), citations: [] } }, opinion: { text: '建议删除第四条。\n建议删除第五条。', citations: [] } });
    const pack = normalisePack({ title: '法治工作简报', items: [{ type: 'review', recordId: review.record.id }] }, NOW);
    const doc = await resolvePack(lib.store, pack, { records: recordsResolver(lib.svc) });
    const paragraphs = doc.sections.find((s) => /科技创新券/.test(s.heading))!.blocks.filter((b) => b.kind === 'paragraph').map((b) => (b as { text: string }).text);
    for (const line of [...lines, '建议删除第四条。', '建议删除第五条。']) expect(paragraphs).toContain(line);
  });

  it('sets a section heading cut into lines flush left, never justified (a justified line ending in a break is stretched)', async () => {
    const review = await lib.svc.createReview({ type: '规范性文件', title: '蕉岭县科技创新券管理办法（送审稿）', leadUnit: '科技股', receivedDate: '2026-11-20', findings: { authority: { text: '送审稿第四条设定保证金。', citations: [] } } });
    const pack = normalisePack({ title: '法治工作简报', items: [{ type: 'review', recordId: review.record.id }] }, NOW);
    const doc = await resolvePack(lib.store, pack, { records: recordsResolver(lib.svc) });
    const xml = strFromU8(unzipSync(await renderDocx(doc))['word/document.xml']!);
    const headings = [...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:br\/>(?:(?!<\/w:p>).)*?<\/w:p>/gs)].map((m) => m[0]).filter((p) => p.includes('合法性审查意见'));
    expect(headings.length).toBeGreaterThan(0); // the title is longer than a line: cut
    for (const p of headings) expect(/<w:jc w:val="(\w+)"/.exec(p)?.[1]).toBe('left');
  });
});
