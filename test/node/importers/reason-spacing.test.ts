// The reasons an import gives for a file it cannot read set a Latin word (Word, WPS, PDF, UTF-8, ZIP)
// apart from the Chinese around it by one space on each side, as the rest of the app writes them:
// "不是有效的Word 文档" (session 29's walk) had a space on one side only. Checked on the reasons real
// bad files get, not on a list of strings.
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../electron/core/importers/extract-document';

/** A Han character touching a Latin letter (the file's own name taken out first). */
const UNSPACED = /\p{Script=Han}[A-Za-z]|[A-Za-z]\p{Script=Han}/u;

async function reasonFor(bytes: Uint8Array, name: string): Promise<string> {
  try {
    await extractDocument(bytes, name);
  } catch (e) {
    return (e as Error).message.split(name).join('');
  }
  throw new Error(`${name} was read`);
}

describe('import reasons for unreadable files', () => {
  it('space a Latin word on both sides', async () => {
    const fake = new TextEncoder().encode('这不是文档，只是改了扩展名的文字。'.repeat(20));
    const zipHead = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(60).fill(0)]);
    const reasons = await Promise.all([
      reasonFor(fake, '请示.doc'),
      reasonFor(fake, '请示.wps'),
      reasonFor(fake, '请示.docx'),
      reasonFor(zipHead, '请示2.docx'),
      reasonFor(fake, '请示.pdf'),
      reasonFor(fake, '请示.ofd'),
    ]);
    expect(reasons[0]).toContain('不是有效的 Word 文档');
    expect(reasons[1]).toContain('不是有效的 WPS 文档');
    for (const r of reasons) expect(r, r).not.toMatch(UNSPACED);
  });
});
