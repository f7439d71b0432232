// Issue 18 (Packs): an article cited by the law section, a review and a lecture is printed once and
// referred to after; a template heading left empty is not exported; cover dates read 2026年12月2日;
// the DOCX TOC is a field Word/WPS update on open, with no printed note about estimated numbers.
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleTexts } from '../../../electron/core/packs/pack-document';
import { normalisePack, type Pack } from '../../../electron/core/packs/pack-model';
import { recordsResolver } from '../../../electron/core/packs/pack-records-service';
import { resolvePack } from '../../../electron/core/packs/pack-resolve';
import { renderDocx } from '../../../electron/core/packs/render-docx';
import { renderHtml } from '../../../electron/core/packs/render-html';
import { makeLibrary, NOW, type TestLibrary } from './pack-test-support';

let lib: TestLibrary;
let pack: Pack;

beforeAll(async () => {
  lib = await makeLibrary();
  const review = await lib.svc.createReview({
    type: '规范性文件',
    title: '高青县科技创新券管理暂行办法（送审稿）',
    leadUnit: '高新技术科',
    receivedDate: '2024-04-15',
    opinion: { text: '建议删除另行设定审批条件的内容。' },
    conclusion: '修改后合法',
    citations: [{ law: '行政许可法', article: '第十二条' }],
  });
  pack = normalisePack(
    {
      title: '关于高青县科技创新券管理暂行办法（送审稿）的合法性审查参考资料汇编',
      template: '合法性审查参考资料',
      asOf: '2025-01-01',
      cover: { title: '关于高青县科技创新券管理暂行办法（送审稿）的合法性审查参考资料汇编', unit: '高青县科学技术局', date: '2026-12-02', purpose: '' },
      items: [
        { type: 'law', law: '行政许可法', chapter: ['第二章'] },
        { type: 'article', law: '行政许可法', article: '第十二条' },
        { type: 'review', recordId: review.record.id },
        { type: 'text', heading: '相关审查意见', paragraphs: [] },
        { type: 'text', heading: '审查要点', paragraphs: ['一是制定主体和权限。'] },
      ],
    },
    NOW,
  );
});
afterAll(() => lib?.cleanup());

describe('a pack prints each article once', () => {
  it('refers back to the law section instead of printing 第十二条 again', async () => {
    const doc = await resolvePack(lib.store, pack, { records: recordsResolver(lib.svc) });
    const twelfth = articleTexts(doc).filter((a) => a.label === '第十二条');
    expect(twelfth).toHaveLength(1);
    const refs = doc.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'paragraph' && b.text.includes('条文见前文'));
    expect(refs.length).toBe(2); // the article item and the review's citation
    expect(refs.every((b) => b.kind === 'paragraph' && b.text.includes(`“${doc.sections[0]!.heading}”`))).toBe(true);
    expect(doc.sections[0]!.heading).toMatch(/^一、《中华人民共和国行政许可法》/);
  });

  it('leaves out a heading with nothing under it and numbers the rest without a gap', async () => {
    const doc = await resolvePack(lib.store, pack, { records: recordsResolver(lib.svc) });
    const headings = doc.sections.map((s) => s.heading).filter(Boolean);
    expect(headings.some((h) => h.includes('相关审查意见'))).toBe(false);
    expect(headings.at(-1)).toBe(`${['一', '二', '三', '四'][headings.length - 1]}、审查要点`);
  });

  it('writes the cover date as 2026年12月2日 in every format', async () => {
    const doc = await resolvePack(lib.store, pack, { records: recordsResolver(lib.svc) });
    expect(doc.cover.date).toBe('2026年12月2日');
    const html = renderHtml(doc);
    expect(html).toContain('2026年12月2日');
    expect(html).not.toContain('2026-12-02');
    const xml = strFromU8(unzipSync(await renderDocx(doc))['word/document.xml']!);
    expect(xml).toContain('2026年12月2日');
    expect(xml).toContain('2025年1月1日');
    expect(xml).not.toContain('2026-12-02');
  });

  it('DOCX: a real TOC field updated on open, no printed note about estimated page numbers', async () => {
    const doc = await resolvePack(lib.store, pack, { records: recordsResolver(lib.svc) });
    const files = unzipSync(await renderDocx(doc));
    const xml = strFromU8(files['word/document.xml']!);
    expect(xml).toMatch(/<w:instrText[^>]*>TOC \\h \\o &quot;1-2&quot;<\/w:instrText>/);
    expect(xml).not.toMatch(/估算|更新域/);
    expect(strFromU8(files['word/settings.xml']!)).toMatch(/<w:updateFields(?: w:val="(?:true|1|on)")?\/>/);
  });

  it('the cover title never leaves one character alone on its last line', async () => {
    const doc = await resolvePack(lib.store, pack, { records: recordsResolver(lib.svc) });
    const xml = strFromU8(unzipSync(await renderDocx(doc))['word/document.xml']!);
    const cover = xml.slice(0, xml.indexOf('</w:p>'));
    const lines = [...cover.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]!);
    expect(lines.join('')).toBe(doc.cover.title);
    expect(lines.length).toBeGreaterThan(1);
    expect(Math.min(...lines.map((l) => l.length))).toBeGreaterThanOrEqual(Math.floor(doc.cover.title.length / lines.length) - 1);
    // The HTML/PDF prints the same lines (Chromium would otherwise cut wherever the line is full).
    expect(renderHtml(doc)).toContain(`<div class="cover-title">${lines.join('<br>')}</div>`);
  });
});
