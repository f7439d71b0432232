import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { ExtractError } from '../../../electron/core/importers/extracted-document';
import { extractDocx } from '../../../electron/core/importers/docx-text-extractor';
import { decodeHtml, extractHtml } from '../../../electron/core/importers/html-text-extractor';
import { FIXTURES, matchArticles } from './article-match';

const read = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

async function expectExtractError(p: Promise<unknown>, pattern: RegExp): Promise<void> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ExtractError);
  expect((e as Error).message).toMatch(pattern);
}

describe('extractDocx on DOCX made from corpus laws (no Heading styles)', () => {
  const cases: [string, string][] = [
    ['juece-libreoffice.docx', 'juece.md'],
    ['xingfa-pandoc.docx', 'xingfa.md'],
    ['tuizhi-libreoffice.docx', 'tuizhi.md'],
  ];
  for (const [file, source] of cases) {
    it(file, async () => {
      const doc = await extractDocx(read(file), file);
      expect(doc.format).toBe('docx');
      const m = matchArticles(source, doc.text);
      expect(m.got).toBe(m.expected);
      expect(m.rate, JSON.stringify(m.mismatches.slice(0, 2), null, 1)).toBeGreaterThanOrEqual(0.995);
    });
  }
  it('keeps 之一 articles and the 编/章/节 headings as bare lines', async () => {
    const doc = await extractDocx(read('xingfa-pandoc.docx'), 'xingfa-pandoc.docx');
    expect(doc.text).toMatch(/^第十七条之一 已满七十五周岁的人故意犯罪的/m);
    expect(doc.text).toMatch(/^第一编 总则$/m);
    expect(doc.text).toMatch(/^第一节 犯罪和刑事责任$/m);
  });
});

describe('extractDocx on bad input', () => {
  it('a zip of something else', async () => {
    await expectExtractError(extractDocx(read('bad/not-a-docx.docx'), 'not-a-docx.docx'), /不是 Word 文档.*word\/document\.xml/);
  });
  it('0-byte file', async () => {
    await expectExtractError(extractDocx(new Uint8Array(), 'empty.docx'), /0 字节/);
  });
  it('not a zip at all, and an old .doc', async () => {
    await expectExtractError(extractDocx(new TextEncoder().encode('hello'), 'x.docx'), /ZIP/);
    await expectExtractError(extractDocx(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'x.docx'), /\.doc/);
  });
  it('a truncated DOCX', async () => {
    const bytes = read('juece-libreoffice.docx');
    await expectExtractError(extractDocx(bytes.subarray(0, bytes.length >> 1), 'cut.docx'), /损坏|不完整|无法读取|不是 Word/);
  });
  it('a DOCX without any text', async () => {
    const xml = '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p/></w:body></w:document>';
    const ct = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
    const rels = '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
    const enc = (s: string) => new TextEncoder().encode(s);
    const zip = zipSync({ '[Content_Types].xml': enc(ct), '_rels/.rels': enc(rels), 'word/document.xml': enc(xml) });
    await expectExtractError(extractDocx(zip, 'blank.docx'), /没有文字/);
  });
});

describe('extractHtml', () => {
  it('gb2312 page with navigation, sidebar and footer around the law', async () => {
    const doc = await extractHtml(read('yuanzhu-gb2312.html'), 'yuanzhu-gb2312.html');
    expect(doc.format).toBe('html');
    expect(doc.encoding).toBe('gb18030');
    const m = matchArticles('yuanzhu.md', doc.text);
    expect(m.got).toBe(m.expected);
    expect(m.rate).toBeGreaterThanOrEqual(0.995);
    expect(doc.text.split('\n')[0]).toBe('山东省法律援助条例');
    expect(doc.text).not.toMatch(/首页|政务公开|相关链接|网站标识码|打印本页|统计代码|浏览次数/);
    expect(doc.meta).toMatchObject({ title: '山东省法律援助条例', issuer: '山东省人民代表大会常务委员会', published: '2015-04-01' });
  });
  it('UTF-8 page with the whole text in one <p> split by <br>, numbered 一、二、', async () => {
    const doc = await extractHtml(read('tuizhi-utf8.html'), 'tuizhi-utf8.html');
    const m = matchArticles('tuizhi.md', doc.text);
    expect(m.got).toBe(m.expected);
    expect(m.rate).toBeGreaterThanOrEqual(0.995);
    expect(doc.text).not.toMatch(/版权所有|首页/);
  });
  it('declared gb2312 but containing GB18030-only characters (𠮷, 䶮) decodes as GB18030', () => {
    const html = '<html><head><meta charset="gb2312"></head><body><p>第一条 刘䶮与𠮷野家。</p></body></html>';
    const d = decodeHtml(new Uint8Array(iconv.encode(html, 'gb18030')));
    expect(d.text).toContain('刘䶮与𠮷野家');
  });
  it('no charset declared: strict UTF-8, then GB18030', () => {
    expect(decodeHtml(new TextEncoder().encode('<p>第一条 法</p>')).encoding).toBe('utf-8');
    expect(decodeHtml(new Uint8Array(iconv.encode('<p>第一条 法规</p>', 'gbk'))).text).toContain('第一条 法规');
  });
  it('leaves editors’ footnotes out: pandoc’s, LibreOffice’s HTML and XHTML, and Word’s forms', async () => {
    const page = (body: string) => new TextEncoder().encode(`<html><head><meta charset="utf-8"><title>某某条例</title></head><body><h1>某某条例</h1>${body}</body></html>`);
    const want = '某某条例\n第一条 为了规范管理，制定本条例。\n第二条 本条例自公布之日起施行。\n';
    const forms = {
      pandoc:
        '<p>第一条 为了规范管理，制定本条例。<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a></p><p>第二条 本条例自公布之日起施行。</p>' +
        '<section class="footnotes footnotes-end-of-document" role="doc-endnotes"><hr /><ol><li id="fn1" role="doc-endnote"><p>本条例已被修改，参见第二条。<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li></ol></section>',
      libreoffice:
        '<p>第一条 为了规范管理，制定本条例。<a class="sdfootnoteanc" name="sdfootnote1anc" href="#sdfootnote1sym"><sup>1</sup></a></p><p>第二条 本条例自公布之日起施行。</p>' +
        '<div id="sdfootnote1"><p class="sdfootnote"><a class="sdfootnotesym" name="sdfootnote1sym" href="#sdfootnote1anc">1</a>本条例已被修改。</p></div>',
      xhtml:
        '<p>第一条 为了规范管理，制定本条例。<span title="Footnote: 本条例已被修改。"><a href="#ftn1" id="body_ftn1">1</a></span></p><p>第二条 本条例自公布之日起施行。</p>' +
        '<p class="Footnote"><span class="footnodeNumber"><a id="ftn1" href="#body_ftn1">1</a></span> 本条例已被修改。</p>',
      word:
        "<p>第一条 为了规范管理，制定本条例。<a style='mso-footnote-id:ftn1' href=\"#_ftn1\" name=\"_ftnref1\"><span class=MsoFootnoteReference>[1]</span></a></p><p>第二条 本条例自公布之日起施行。</p>" +
        "<div style='mso-element:footnote-list'><br clear=all><hr align=left size=1 width=\"33%\"><div style='mso-element:footnote' id=ftn1><p class=MsoFootnoteText><a href=\"#_ftnref1\" name=\"_ftn1\">[1]</a> 本条例已被修改。</p></div></div>",
    };
    for (const [form, body] of Object.entries(forms)) {
      const doc = await extractHtml(page(body), `${form}.html`);
      expect(doc.text, form).toBe(want);
      expect(doc.warnings.join(' '), form).toMatch(/注释（脚注\/尾注，1 个标号）未并入正文/);
    }
  });
  it('keeps a raised number that is no note’s mark, and a block named as notes that holds articles', async () => {
    const doc = await extractHtml(
      new TextEncoder().encode(
        '<html><body><p>第一条 面积在100m<sup>2</sup>以上的，适用本条例<sup><a href="#top">返回</a></sup>。</p>' +
          '<div class="footnote"><p>第二条 本条例自公布之日起施行。</p></div><p>第三条 见<a href="#art2"><sup>第二条</sup></a>。</p></body></html>',
      ),
      'kept.html',
    );
    expect(doc.text).toBe('第一条 面积在100m2以上的，适用本条例返回。\n第二条 本条例自公布之日起施行。\n第三条 见第二条。\n');
    expect(doc.warnings.join(' ')).not.toMatch(/注释/);
    // blocks named as notes nested 1,000 deep around an article: each looked at once, the article kept
    const nested = '<div class="footnotes">'.repeat(1000) + '<p>第一条 本条例自公布之日起施行。</p>' + '</div>'.repeat(1000);
    expect((await extractHtml(new TextEncoder().encode(`<html><body>${nested}<p>第二条 二。</p></body></html>`), 'nested.html')).text).toBe(
      '第一条 本条例自公布之日起施行。\n第二条 二。\n',
    );
  });
  it('HTML with no law in it', async () => {
    await expectExtractError(extractHtml(read('bad/no-law.html'), 'no-law.html'), /没有找到法规正文/);
  });
  it('0-byte file', async () => {
    await expectExtractError(extractHtml(new Uint8Array(), 'empty.html'), /0 字节/);
  });
});
