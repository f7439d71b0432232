// The characters of an embedded TrueType/OpenType font's glyphs, from its cmap table read backwards:
// an OFD whose TextCode holds no characters names glyph numbers only (CGTransform), and the font it
// embeds maps characters to those glyphs. Only the cmap (formats 4 and 12: the Unicode BMP and full
// repertoire subtables every CJK font writer emits) and maxp are read, every offset checked against
// the table it lies in; glyph outlines are never parsed, so TrueType (glyf) and CFF (OTTO) fonts are
// read alike. A font collection (.ttc), a Type 1 font or a cmap that cannot be read gives undefined.

/** Codes read from one font at most (Unicode has 1.1 M; a CJK font maps ≈ 30–65 k). */
const MAX_CODES = 300_000;

const preferred = (c: number) => !(c >= 0x2e80 && c <= 0x2fdf) && !(c >= 0xf900 && c <= 0xfaff) && !(c >= 0x2f800 && c <= 0x2fa1f);

/** Glyph number → the character it draws; undefined when the font has no usable Unicode cmap. */
export function glyphCharacters(font: Uint8Array): Map<number, string> | undefined {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const u16 = (at: number) => view.getUint16(at);
  const u32 = (at: number) => view.getUint32(at);
  if (font.length < 12) return undefined;
  const version = u32(0);
  if (version !== 0x00010000 && version !== 0x4f54544f /* OTTO */ && version !== 0x74727565 /* true */) return undefined;
  const numTables = u16(4);
  if (12 + numTables * 16 > font.length) return undefined;
  const table = (tag: string): { at: number; end: number } | undefined => {
    for (let i = 0; i < numTables; i++) {
      const rec = 12 + i * 16;
      if (String.fromCharCode(font[rec]!, font[rec + 1]!, font[rec + 2]!, font[rec + 3]!) !== tag) continue;
      const at = u32(rec + 8);
      const end = at + u32(rec + 12);
      return end <= font.length && at < end ? { at, end } : undefined;
    }
    return undefined;
  };
  const maxp = table('maxp');
  const numGlyphs = maxp && maxp.end - maxp.at >= 6 ? u16(maxp.at + 4) : 65536;
  const cmap = table('cmap');
  if (!cmap || cmap.end - cmap.at < 4) return undefined;
  const subtables: { rank: number; at: number }[] = [];
  const count = u16(cmap.at + 2);
  for (let i = 0; i < count; i++) {
    const rec = cmap.at + 4 + i * 8;
    if (rec + 8 > cmap.end) break;
    const platform = u16(rec);
    const encoding = u16(rec + 2);
    const at = cmap.at + u32(rec + 4);
    if (at + 4 > cmap.end) continue; // a subtable pointing outside the cmap
    const format = u16(at);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode || (format !== 4 && format !== 12)) continue;
    subtables.push({ rank: format === 12 ? 0 : 1, at });
  }
  subtables.sort((p, q) => p.rank - q.rank);
  for (const { at } of subtables) {
    const chars = new Map<number, string>();
    let codes = 0;
    const add = (code: number, gid: number) => {
      if (gid <= 0 || gid >= numGlyphs || code < 0x20 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return;
      const had = chars.get(gid);
      // a glyph shared by a radical (⼈ U+2F08) or a compatibility ideograph and its ideograph reads as the ideograph
      if (had === undefined || (!preferred(had.codePointAt(0)!) && preferred(code))) chars.set(gid, String.fromCodePoint(code));
    };

    const readFormat4 = (start: number): boolean => {
      if (start + 14 > cmap.end) return false;
      const end = Math.min(cmap.end, start + u16(start + 2));
      const segs = u16(start + 6) >> 1;
      const ends = start + 14;
      const starts = ends + segs * 2 + 2;
      const deltas = starts + segs * 2;
      const ranges = deltas + segs * 2;
      if (ranges + segs * 2 > end) return false;
      for (let s = 0; s < segs; s++) {
        const last = u16(ends + s * 2);
        const first = u16(starts + s * 2);
        const delta = u16(deltas + s * 2);
        const rangeAt = ranges + s * 2;
        const range = u16(rangeAt);
        for (let code = first; code <= last && code !== 0xffff; code++) {
          if (++codes > MAX_CODES) return false;
          if (range === 0) add(code, (code + delta) & 0xffff);
          else {
            const g = rangeAt + range + (code - first) * 2;
            if (g + 2 > end) break; // glyphIdArray past the subtable: this segment cannot be read
            const gid = u16(g);
            if (gid !== 0) add(code, (gid + delta) & 0xffff);
          }
        }
      }
      return true;
    };
    const readFormat12 = (start: number): boolean => {
      if (start + 16 > cmap.end) return false;
      const end = Math.min(cmap.end, start + u32(start + 4));
      const groups = u32(start + 12);
      if (start + 16 + groups * 12 > end) return false;
      for (let k = 0; k < groups; k++) {
        const g = start + 16 + k * 12;
        const first = u32(g);
        const last = u32(g + 4);
        const gid = u32(g + 8);
        if (last < first || last > 0x10ffff) continue;
        if ((codes += last - first + 1) > MAX_CODES) return false;
        for (let code = first; code <= last; code++) add(code, gid + (code - first));
      }
      return true;
    };
    const ok = u16(at) === 4 ? readFormat4(at) : readFormat12(at);
    if (ok && chars.size > 0) return chars;
  }
  return undefined;
}
