// The OFD structures other writers emit, each rebuilt small around corpus text (行政许可法 from
// test/fixtures/laws) in the shape found in a real file — which file and which writer is said at each
// case (ofdrw's Apache-2.0 test resources, libofd's MIT sample; see ofd-samples/NOTICE.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extractOfd } from '../../../electron/core/importers/ofd-text-extractor';

const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"';
const law = readFileSync(join(import.meta.dirname, '../../fixtures/laws/行政法/行政许可法(2019-04-23).md'), 'utf8');
const article = (label: string) => law.split('\n').find((l) => l.startsWith(`${label} `))!;
const A1 = article('第一条');
const A2 = article('第二条');
const A3 = article('第三条');
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function ofd(pages: string[], extra: Record<string, string> = {}, common = ''): Uint8Array {
  const files: Record<string, string> = {
    'OFD.xml': `<ofd:OFD ${NS} Version="1.1" DocType="OFD"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
    'Doc_0/Document.xml': `<ofd:Document ${NS}><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>${common}</ofd:CommonData><ofd:Pages>${pages
      .map((_, i) => `<ofd:Page ID="${i + 1}" BaseLoc="Pages/Page_${i}/Content.xml"/>`)
      .join('')}</ofd:Pages></ofd:Document>`,
    ...extra,
  };
  pages.forEach((content, i) => (files[`Doc_0/Pages/Page_${i}/Content.xml`] = `<ofd:Page ${NS}><ofd:Content><ofd:Layer ID="${100 + i}">${content}</ofd:Layer></ofd:Content></ofd:Page>`));
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
}

/** A text in lines of `perLine` characters of 5 mm from x = 25 mm, one TextObject a line (ofdrw's layout). */
function lines(text: string, top: number, perLine = 30): string {
  const chars = [...text];
  const out: string[] = [];
  for (let k = 0, y = top; k < chars.length; k += perLine, y += 8) {
    const line = chars.slice(k, k + perLine);
    out.push(
      `<ofd:TextObject ID="${y}" Boundary="25 ${y} 160 7" Font="3" Size="5"><ofd:TextCode X="${k === 0 ? 10 : 0}" Y="5" DeltaX="g ${line.length - 1} 5">${esc(line.join(''))}</ofd:TextCode></ofd:TextObject>`,
    );
  }
  return out.join('');
}

describe('OFD structures of other writers', () => {
  it('reads text drawn through composite graphic units (CNKI writer, ofdrw converter/y.ofd): CompositeObject → CompositeGraphicUnit in DocumentRes, CTM in points', () => {
    // y.ofd: every text object sits in its own CompositeGraphicUnit (Width/Height in points), drawn
    // by a CompositeObject with CTM="0.3528 0 0 0.3528 0 0" over the page box; inside, a TextObject of
    // Size="1" scaled by its own CTM="9 0 0 9 0 0" (9 pt), positioned by its Boundary in points.
    const units: string[] = [];
    const objects: string[] = [];
    const pt = (mm: number) => (mm / 0.3528).toFixed(3);
    const rows = [A1, A2].flatMap((a) => a.match(/.{1,30}/gu)!.map((s, k) => ({ s, first: k === 0 })));
    rows.forEach(({ s, first }, k) => {
      const id = 200 + k;
      const y = 40 + 8 * k;
      units.push(
        `<ofd:CompositeGraphicUnit ID="${id}" Width="595.3" Height="841.9"><ofd:Content><ofd:TextObject ID="${1000 + k}" CTM="14.17 0 0 14.17 0 0" Boundary="${pt(first ? 35 : 25)} ${pt(y)} 450 20" Font="5" Size="1"><ofd:TextCode X="0" Y="1" DeltaX="g ${[...s].length - 1} 1">${esc(s)}</ofd:TextCode></ofd:TextObject></ofd:Content></ofd:CompositeGraphicUnit>`,
      );
      objects.push(`<ofd:CompositeObject ID="${3000 + k}" CTM="0.3528 0 0 0.3528 0 0" Boundary="0 0 210 297" ResourceID="${id}"/>`);
    });
    // a unit that draws itself: read once, never followed round
    units.push('<ofd:CompositeGraphicUnit ID="999" Width="10" Height="10"><ofd:Content><ofd:CompositeObject ID="998" Boundary="0 0 10 10" ResourceID="999"/></ofd:Content></ofd:CompositeGraphicUnit>');
    objects.push('<ofd:CompositeObject ID="997" Boundary="0 0 10 10" ResourceID="999"/>');
    const res = `<ofd:Res ${NS} BaseLoc="Res"><ofd:CompositeGraphicUnits>${units.join('')}</ofd:CompositeGraphicUnits></ofd:Res>`;
    const doc = extractOfd(ofd([objects.join('')], { 'Doc_0/DocumentRes.xml': res }, '<ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>'), 'y.ofd');
    expect(doc.text.split('\n').filter((l) => l !== '')).toEqual([A1, A2]);
  });

  it('reads a paragraph set as one TextCode wrapped by DeltaX back and DeltaY down (ofdrw converter/testImageOverridePage.ofd, 999.ofd by Huhuang, reader/keyword.ofd); skips one set downwards (the 购买方 of an invoice template)', () => {
    // testImageOverridePage.ofd: DeltaX="g 19 4.2333 -80.4327 …" DeltaY="g 19 0 4.2333 …": 20 characters,
    // then the pen goes back to the left and one line down.
    const chars = [...A3];
    const dx: string[] = [];
    const dy: string[] = [];
    for (let i = 1; i < chars.length; i++) {
      const eol = i % 30 === 0;
      dx.push(eol ? String(-29 * 5) : '5');
      dy.push(eol ? '8' : '0');
    }
    const wrapped = `<ofd:TextObject ID="1" Boundary="25 40 160 60" Font="3" Size="5"><ofd:TextCode X="10" Y="5" DeltaX="${dx.join(' ')}" DeltaY="${dy.join(' ')}">${esc(A3)}</ofd:TextCode></ofd:TextObject>`;
    // 999.ofd's template: <ofd:TextCode X="0.25" Y="3.15" DeltaY="6.35 6.35">购买方</ofd:TextCode>
    const vertical = '<ofd:TextObject ID="2" Boundary="12 40 4 20" Font="3" Size="3.5"><ofd:TextCode X="0.25" Y="3.15" DeltaY="6.35 6.35">购买方</ofd:TextCode></ofd:TextObject>';
    const doc = extractOfd(ofd([lines(A2, 20) + wrapped + vertical]), 'w.ofd');
    expect(doc.text.split('\n').filter((l) => l !== '')).toEqual([A2, A3]);
  });

  it('says so when text is drawn from glyph numbers only (ofdrw converter/ano.ofd, signout.ofd: CGTransform Glyphs with an empty TextCode)', () => {
    const glyphs = '<ofd:TextObject ID="9" Boundary="25 100 40 7" Font="115" Size="5"><ofd:CGTransform CodePosition="0" CodeCount="4" GlyphCount="4"><ofd:Glyphs>11 12 23 24</ofd:Glyphs></ofd:CGTransform><ofd:TextCode X="0" Y="5" DeltaX="g 3 5"></ofd:TextCode></ofd:TextObject>';
    const doc = extractOfd(ofd([lines(A1, 20) + glyphs]), 'g.ofd');
    expect(doc.text.split('\n').filter((l) => l !== '')).toEqual([A1]);
    expect(doc.warnings.join()).toMatch(/第 1 页有 1 处文字只记录了字形编号、没有文字编码，无法读取.*按扫描件导入（文字识别 OCR）/);
  });

  it('takes a blank TextCode on a glyph for a drawn space, not lost text (ano.ofd, signout.ofd: all 143 of their glyph-only objects are " " on glyph 1)', () => {
    const space = '<ofd:TextObject ID="17" Boundary="91.3694 39.9383 1.0583 0.8467" Font="16" Size="12"><ofd:CGTransform CodePosition="0" CodeCount="1" GlyphCount="1"><ofd:Glyphs>1</ofd:Glyphs></ofd:CGTransform><ofd:TextCode X="0" Y="1.2"> </ofd:TextCode></ofd:TextObject>';
    const doc = extractOfd(ofd([lines(A1, 20) + space]), 's.ofd');
    expect(doc.text.split('\n').filter((l) => l !== '')).toEqual([A1]);
    expect(doc.warnings.join()).not.toMatch(/字形编号/);
  });

  it('refuses a document whose text is all glyph numbers, naming the pages and the way on (OCR of a print or scan)', () => {
    const glyphs = '<ofd:TextObject ID="9" Boundary="25 100 40 7" Font="115" Size="5"><ofd:CGTransform CodePosition="0" CodeCount="4" GlyphCount="4"><ofd:Glyphs>11 12 23 24</ofd:Glyphs></ofd:CGTransform><ofd:TextCode X="0" Y="5" DeltaX="g 3 5"></ofd:TextCode></ofd:TextObject>';
    expect(() => extractOfd(ofd([glyphs, glyphs]), 'g2.ofd')).toThrow(/OFD 的文字只记录了字形编号、没有文字编码（第 1、2 页共 2 处），无法读取，共 2 页；这些页只能打印或另存为图片\/PDF 后按扫描件导入/);
  });

  it('leaves annotations out: a watermark annotation’s text is no part of the law (ofdrw layout/1-1.ofd, tool/hello_watermark.ofd)', () => {
    const annots = {
      'Doc_0/Annots/Annotations.xml': `<ofd:Annotations ${NS}><ofd:Page PageID="1"><ofd:FileLoc>/Doc_0/Annots/Page_0/Annot_0.xml</ofd:FileLoc></ofd:Page></ofd:Annotations>`,
      'Doc_0/Annots/Page_0/Annot_0.xml': `<ofd:PageAnnot ${NS}><ofd:Annot Type="Watermark" ID="13"><ofd:Appearance Boundary="0 0 210 297"><ofd:TextObject Boundary="0 0 210 297" Font="11" Size="8.0" ID="14" CTM="1 0 0 1 25 50" Alpha="102"><ofd:TextCode X="10" Y="10" DeltaX="8 8 8 8 8 8">这是第一次水印</ofd:TextCode></ofd:TextObject></ofd:Appearance></ofd:Annot></ofd:PageAnnot>`,
    };
    const doc = extractOfd(ofd([lines(A1, 20)], annots), 'a.ofd');
    expect(doc.text).not.toMatch(/水印/);
    expect(doc.text.split('\n').filter((l) => l !== '')).toEqual([A1]);
  });

  it('keeps lines that repeat on every page when they are all the text there is (ofdrw reader/keyword2.ofd: two pages alike)', () => {
    const page = lines('中华人民共和国行政许可法', 20);
    // before: every line dropped as a running header, and the file refused as having no text
    expect(extractOfd(ofd([page, page]), 'k.ofd').text.replace(/\n/g, '')).toBe('中华人民共和国行政许可法'.repeat(2));
  });

  it('real files: a 红头文件 by 福昕 (Foxit OFD PDF OfficeSuite, every object with a CTM in points) and an invoice by Huhuang whose numbers are wrapped TextCodes', () => {
    const SAMPLES = join(import.meta.dirname, '../../fixtures/documents/ofd-samples');
    const foxit = extractOfd(readFileSync(join(SAMPLES, 'foxit-hongtou.ofd')), 'foxit-hongtou.ofd');
    expect(foxit.pages).toBe(12);
    expect(foxit.text.split('\n').slice(0, 2)).toEqual(['国网福建省电力有限公司文件', '闽电安监〔2015〕272号']);
    // before: the numbers were set as TextCodes with DeltaY and skipped ("发票代码：" with nothing after it)
    const invoice = extractOfd(readFileSync(join(SAMPLES, '999.ofd')), '999.ofd').text.split('\n');
    expect(invoice).toContain('发票代码：050001700111');
    expect(invoice).toContain('开票日期：2020年08月05日');
  });

  it('reads libofd’s own sample (data/sample0.ofd): DocRoot and page BaseLoc name folders, its resource files are empty', () => {
    // before: refused ("缺少文档入口 Doc_0"), then ("PublicRes.xml 不是有效的 XML": 0 bytes)
    const doc = extractOfd(readFileSync(join(import.meta.dirname, '../../fixtures/documents/ofd-samples/libofd-sample0.ofd')), 'libofd-sample0.ofd');
    expect(doc.pages).toBe(8);
    const text = doc.text.split('\n');
    expect(text[0]).toBe('上海市人民政府文件');
    expect(text).toContain('各区、县人民政府,市政府各委、办、局:');
    expect(doc.text).toContain('上海市人民政府关于公布第四批上海市非物质');
    expect(doc.warnings.join()).not.toMatch(/字形编号/);
  });
});
