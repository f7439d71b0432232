// Drafts that come back from review still carrying tracked changes and comments, as .docx (pandoc,
// and LibreOffice saving it again) and as Word 97 .doc (LibreOffice): the text with every change
// accepted is the law, so every article is exact; struck-out text and comments are never read as
// body; and the import report says the draft still carries unaccepted changes.
// Fixtures: test/fixtures/documents/make-review-drafts.ts (from sources/yaocai.md and, for moves, sources/qitao.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../electron/core/importers/extract-document';
import { FIXTURES, matchArticles } from './article-match';

const read = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, 'review-drafts', name)));
const extract = (name: string) => extractDocument(read(name), name);

describe('drafts with tracked changes and comments', () => {
  it.each(['yaocai-review.docx', 'yaocai-review-lo.docx', 'yaocai-review.doc'])('%s: the accepted text, nothing struck out or commented, the changes reported', async (name) => {
    const doc = await extract(name);
    const m = matchArticles('yaocai.md', doc.text);
    expect(m.mismatches.slice(0, 2)).toEqual([]);
    expect(m.matched).toBe(26);
    expect(m.got).toBe(26);
    // the old wording and the struck-out paragraphs, and the reviewer's comments
    expect(doc.text).not.toMatch(/原稿中的旧提法|原第二款|另行制定|法制科核对/);
    const report = doc.warnings.join('\n');
    expect(report).toMatch(/仍带有未接受的修订（插入 [1-9]\d* 处、删除 [1-9]\d* 处）/);
    expect(report).toMatch(/7 条批注|批注（7 行）/);
  });

  it('a .doc whose reviewer struck out more than a tenth of the text is whole, not refused as cut short', async () => {
    // word-extractor leaves deleted runs out of the body; the FIB still counts them in the main text
    const doc = await extract('yaocai-review.doc');
    expect(doc.text).toContain('第二十六条');
  });

  it.each(['yaocai-inserted.docx', 'yaocai-inserted.doc'])('%s: insertions alone are unaccepted changes too', async (name) => {
    const doc = await extract(name);
    expect(matchArticles('yaocai.md', doc.text).matched).toBe(26);
    expect(doc.warnings.join('\n')).toMatch(/仍带有未接受的修订（插入 13 处、删除 0 处）/);
  });

  it.each(['qitao-moved.docx', 'qitao-moved-lo.docx', 'qitao-moved.doc'])('%s: a moved paragraph and a moved clause are read once, at the place they were moved to', async (name) => {
    // Word records a move as w:moveFrom (the old place, struck through) and w:moveTo (the new one);
    // LibreOffice keeps them as a deletion and an insertion. Reading both would print the text twice.
    const doc = await extract(name);
    const m = matchArticles('qitao.md', doc.text);
    expect(m.mismatches.slice(0, 2)).toEqual([]);
    expect([m.matched, m.got]).toEqual([18, 18]);
    const count = (s: string) => doc.text.split(s).length - 1;
    expect(count('救助站不得向受助人员、其亲属或者所在单位收取费用')).toBe(1);
    expect(count('救助站对受助的残疾人、未成年人、老年人应当给予照顾；')).toBe(1);
    expect(doc.warnings.join('\n')).toMatch(/仍带有未接受的修订（插入 2 处、删除 [23] 处）/);
  });

  it('a document without tracked changes says nothing about them', async () => {
    for (const name of ['juece-libreoffice.docx', 'juece-libreoffice.doc']) {
      const doc = await extractDocument(new Uint8Array(readFileSync(join(FIXTURES, name))), name);
      expect(doc.warnings.join('\n'), name).not.toMatch(/修订/);
    }
  });
});
