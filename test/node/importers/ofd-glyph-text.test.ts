// OFD text drawn by glyph numbers only (empty TextCodes, CGTransform Glyphs) is read back through the
// embedded font's cmap; a font without one keeps the warning and the refusal naming the pages; a
// hostile font or glyph list is a clear error or the warning, never a crash. Fixtures:
// test/fixtures/documents/ofd-glyphs/ (make-ofd-glyphs.py: siliao-sweep.ofd rewritten with a
// fontTools subset of Noto Sans CJK SC, CFF outlines).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extractOfd } from '../../../electron/core/importers/ofd-text-extractor';
import { glyphCharacters } from '../../../electron/core/importers/sfnt-cmap';
import { FIXTURES } from './article-match';

const dir = join(FIXTURES, 'ofd-glyphs');
const bytes = (file: string) => new Uint8Array(readFileSync(join(dir, file)));
const original = extractOfd(new Uint8Array(readFileSync(join(FIXTURES, 'sweep', 'siliao-sweep.ofd'))), 'siliao-sweep.ofd');
const FONT = 'Doc_0/Res/font_3.otf';

/** The fixture with some parts replaced (strings are XML, bytes a font). */
function altered(change: Record<string, string | Uint8Array>): Uint8Array {
  const parts = unzipSync(bytes('siliao-glyphs.ofd'));
  for (const [name, v] of Object.entries(change)) parts[name] = typeof v === 'string' ? strToU8(v) : new Uint8Array(v);
  return zipSync(parts);
}
const partText = (name: string) => strFromU8(unzipSync(bytes('siliao-glyphs.ofd'))[name]!);

describe('OFD glyph-only text through the embedded font’s cmap', () => {
  it('reads the glyph-only OFD as the OFD with its characters, and says the text was rebuilt from the font', () => {
    const doc = extractOfd(bytes('siliao-glyphs.ofd'), 'siliao-glyphs.ofd');
    expect(doc.text).toBe(original.text);
    expect(doc.text).toContain('第一条');
    expect(doc.warnings).toContain('第 1、2 页有 38 处文字只记录了字形编号，已按文件内嵌字体的字符映射（cmap）还原，请对照原件核对');
    expect(doc.warnings.join()).not.toMatch(/无法读取/);
  });

  it('a font without a cmap keeps today’s refusal naming the pages', () => {
    expect(() => extractOfd(bytes('siliao-glyphs-nocmap.ofd'), 'siliao-glyphs-nocmap.ofd')).toThrow(
      'OFD 的文字只记录了字形编号、没有文字编码（第 1、2 页共 38 处），无法读取，共 2 页；这些页只能打印或另存为图片/PDF 后按扫描件导入（文字识别 OCR）',
    );
  });

  it('the cmap of a CFF (OTTO) subset and of a TrueType font read alike; a collection or a non-font gives none', () => {
    const otf = unzipSync(bytes('siliao-glyphs.ofd'))[FONT]!;
    expect(String.fromCharCode(...otf.subarray(0, 4))).toBe('OTTO');
    const chars = glyphCharacters(otf)!;
    expect(chars.size).toBeGreaterThan(200);
    expect([...chars.values()]).toContain('饲');
    expect(glyphCharacters(strToU8('ttcf' + '\0'.repeat(40)))).toBeUndefined();
    expect(glyphCharacters(new Uint8Array(3))).toBeUndefined();
  });

  it('a missing font file keeps the refusal; a font file name climbing out of the package refuses the file, saying so', () => {
    const res = partText('Doc_0/PublicRes.xml');
    expect(() => extractOfd(altered({ 'Doc_0/PublicRes.xml': res.replace('font_3.otf', 'gone.otf') }), 'x.ofd')).toThrow(/字形编号.*无法读取/);
    expect(() => extractOfd(altered({ 'Doc_0/PublicRes.xml': res.replace('font_3.otf', '../../../../etc/passwd') }), 'x.ofd')).toThrow(
      /OFD 文件引用了包外的路径“\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd”，可能是恶意构造的文件，已拒绝导入/,
    );
  });
});

describe('hostile fonts and glyph lists', () => {
  const otf = unzipSync(bytes('siliao-glyphs.ofd'))[FONT]!;
  const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
  const cmapRecord = (b: Uint8Array) => {
    const n = view(b).getUint16(4);
    for (let i = 0; i < n; i++) if (String.fromCharCode(...b.subarray(12 + i * 16, 16 + i * 16)) === 'cmap') return 12 + i * 16;
    throw new Error('no cmap');
  };

  it('a cmap table pointing outside the font, or subtables pointing outside the cmap, give no map: the warning stays', () => {
    const past = otf.slice();
    view(past).setUint32(cmapRecord(past) + 8, otf.length + 100);
    expect(glyphCharacters(past)).toBeUndefined();
    const sub = otf.slice();
    const at = view(sub).getUint32(cmapRecord(sub) + 8);
    const count = view(sub).getUint16(at + 2);
    for (let i = 0; i < count; i++) view(sub).setUint32(at + 4 + i * 8 + 4, 0x7fffffff);
    expect(glyphCharacters(sub)).toBeUndefined();
    expect(() => extractOfd(altered({ [FONT]: past }), 'x.ofd')).toThrow(/字形编号.*无法读取/);
  });

  it('a format 12 subtable claiming four billion groups, or a format 4 one with its glyph array cut, is not read past its end', () => {
    const big = otf.slice();
    const at = view(big).getUint32(cmapRecord(big) + 8);
    const count = view(big).getUint16(at + 2);
    for (let i = 0; i < count; i++) {
      const sub = at + view(big).getUint32(at + 4 + i * 8 + 4);
      const format = view(big).getUint16(sub);
      if (format === 12) view(big).setUint32(sub + 12, 0xffffffff);
      if (format === 4) view(big).setUint16(sub + 2, 16); // length: the header only
    }
    expect(glyphCharacters(big)).toBeUndefined();
  });

  it('a glyph list of six million numbers is refused as too much text, naming the page', () => {
    const g = Math.min(...glyphCharacters(otf)!.keys()); // the shortest number the cmap reaches
    const page = partText('Doc_0/Pages/Page_0/Content.xml').replace(/<ofd:Glyphs>[^<]*<\/ofd:Glyphs>/, `<ofd:Glyphs>${`${g} `.repeat(6_001_000)}</ofd:Glyphs>`);
    expect(() => extractOfd(altered({ 'Doc_0/Pages/Page_0/Content.xml': page }), 'x.ofd')).toThrow(
      /^OFD 的内容量异常庞大（读到第 1 页已超过 600 万字，模板页按引用它的每一页计），可能是恶意构造的文件，已拒绝导入$/,
    );
  });

  it('a glyph the cmap does not reach leaves its object unread (the warning), never a wrong character', () => {
    const page = partText('Doc_0/Pages/Page_1/Content.xml').replace(/<ofd:Glyphs>([0-9]+)/, '<ofd:Glyphs>65000');
    const doc = extractOfd(altered({ 'Doc_0/Pages/Page_1/Content.xml': page }), 'x.ofd');
    expect(doc.warnings.join()).toMatch(/第 2 页有 1 处文字只记录了字形编号、没有文字编码，无法读取/);
    expect(doc.text.length).toBeLessThan(original.text.length);
  });
});
