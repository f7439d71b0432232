// Every document format goes through the same import pipeline: a PDF, DOCX or HTML made from a
// corpus law lands in the library with exactly the articles of its Markdown source.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importPaths } from '../../../electron/core/library/library-import';
import { openLibrary } from '../../../electron/core/library/open-library';

const DOCS = join(import.meta.dirname, '../../fixtures/documents');
const work = mkdtempSync(join(tmpdir(), 'lawdesk-formats-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function importOne(file: string, opts: Parameters<typeof importPaths>[2] = {}) {
  const { store } = await openLibrary({ dir: mkdtempSync(join(work, 'lib-')), seed: false });
  const report = await importPaths(store, [file], opts);
  const v = store.versions()[0];
  return { report, version: v ? store.loadVersion(v.id) : undefined };
}

describe('import of PDF, DOCX, DOC, WPS, OFD and HTML', () => {
  it.each([
    ['juece-gov.pdf', 'juece.md', 'pdf'],
    ['xingfa-chromium.pdf', 'xingfa.md', 'pdf'],
    ['jiancai-stsong.pdf', 'jiancai.md', 'pdf'],
    ['yuanzhu-libreoffice.pdf', 'yuanzhu.md', 'pdf'],
    ['juece-libreoffice.docx', 'juece.md', 'docx'],
    ['xingfa-pandoc.docx', 'xingfa.md', 'docx'],
    ['tuizhi-libreoffice.docx', 'tuizhi.md', 'docx'],
    ['yuanzhu-gb2312.html', 'yuanzhu.md', 'html'],
    ['tuizhi-utf8.html', 'tuizhi.md', 'html'],
    ['juece-libreoffice.doc', 'juece.md', 'doc'],
    ['yuanzhu-wps.wps', 'yuanzhu.md', 'wps'],
    ['juece-layout.ofd', 'juece.md', 'ofd'],
  ])('%s has the articles of %s', async (file, source, format) => {
    const fromDoc = await importOne(join(DOCS, file));
    const fromMd = await importOne(join(DOCS, 'sources', source));
    expect(fromDoc.report.failed).toEqual([]);
    const doc = fromDoc.version!;
    const md = fromMd.version!;
    expect(doc.sourceFormat).toBe(format);
    expect(doc.lawId).toBe(md.lawId); // the same law, recognised from its title and region
    const pick = (units: typeof doc.units) => units.filter((u) => u.kind === 'article' || u.kind === 'section').map((u) => [u.label, u.text]);
    expect(pick(doc.units)).toEqual(pick(md.units));
  });

  it('with OCR off, reports a scanned PDF with its page count and leaves the library empty', async () => {
    const { report, version } = await importOne(join(DOCS, 'scanned.pdf'), { ocr: false });
    expect(report.failed[0]!.reason).toBe('PDF 没有文字层（可能是扫描件），共 3 页');
    expect(version).toBeUndefined();
  });

  it('reports each broken document and goes on', async () => {
    const { store } = await openLibrary({ dir: mkdtempSync(join(work, 'lib-')), seed: false });
    const report = await importPaths(store, [join(DOCS, 'bad'), join(DOCS, 'tuizhi-utf8.html')], { ocr: false });
    // tuizhi, and bad/juece-gs-no-tounicode.pdf: a text layer of wrong characters is imported with a warning
    // naming the broken font table (the person sees it; refusing would lose a document that may be fine).
    expect(report.imported).toBe(2);
    expect(report.warnings.filter((w) => w.file.endsWith('juece-gs-no-tounicode.pdf') && w.message.includes('ToUnicode'))).toHaveLength(1);
    const reasons = report.failed.map((f) => `${f.file.split('/').pop()}: ${f.reason}`);
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^encrypted\.pdf: .*加密/),
        expect.stringMatching(/^truncated\.pdf: .*不完整/),
        expect.stringMatching(/^not-a-docx\.docx: .*不是 Word 文档/),
        expect.stringMatching(/^no-law\.html: .*没有找到法规正文/),
        expect.stringMatching(/^empty\.pdf: 空文件/),
        expect.stringMatching(/^encrypted\.doc: Word 文档已加密，需要密码/),
        expect.stringMatching(/^truncated\.doc: Word 文档已损坏或不完整/),
        expect.stringMatching(/^works\.wps: .*Microsoft Works/),
        expect.stringMatching(/^missing-page\.ofd: OFD 文件不完整：缺少第 2 页的内容文件/),
        expect.stringMatching(/^path-escape\.ofd: .*指向包外的路径/),
        expect.stringMatching(/^zip-bomb\.ofd: .*解压后异常庞大/),
      ]),
    );
  });

  it('keeps the .doc header, "— N —" footer and footnote out of the articles and says so', async () => {
    const { report, version } = await importOne(join(DOCS, 'juece-libreoffice.doc'));
    const text = version!.units.map((u) => u.text).join('\n');
    expect(text).not.toMatch(/本条为立法目的条款|[-—] *\d+ *[-—]/);
    const warnings = report.warnings.map((w) => w.message).join('\n');
    expect(warnings).toMatch(/页眉页脚（\d+ 行）未并入正文/);
    expect(warnings).toMatch(/脚注（1 行）未并入正文/);
  });
});
