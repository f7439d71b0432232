// The reader's TOC follows the reading position: for the unit at the top of the view it selects the
// deepest 编/章/节 holding it (or the unit itself in a law without headings), and a node the user
// clicked stays selected while the position is inside it. On the real 民法典 (1,260 articles, 编 →
// 章 → 节) and a real law without chapters.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLawText } from '../../../electron/core/parse/law-structure-parser';
import { outlineOf } from '../../../electron/core/api/app-service';
import { buildToc, flattenToc, tocNodeAt, type TocNode } from '../../../renderer/src/features/reader/toc';

const FIXTURES = join(import.meta.dirname, '../../fixtures');
const parse = (file: string) => parseLawText(readFileSync(join(FIXTURES, file), 'utf8'), { format: 'md' }).units;

function titles(toc: TocNode[]): Map<string, string> {
  const m = new Map<string, string>();
  const walk = (ns: TocNode[]) => ns.forEach((n) => (m.set(n.key, n.title), walk(n.children)));
  walk(toc);
  return m;
}

describe('the TOC node at the reading position', () => {
  const units = parse('reader/民法典(2020-05-28).md');
  const indexOf = new Map(units.map((u, i) => [u.key, i]));
  const toc = buildToc(units);
  const spans = flattenToc(toc, indexOf);
  const title = titles(toc);

  it('is the deepest heading of every article of 民法典', () => {
    expect(units.length).toBe(1260);
    for (let i = 0; i < units.length; i++) {
      const u = units[i]!;
      const key = tocNodeAt(spans, i);
      expect(key && title.get(key), `${u.label}`).toBe(u.path.at(-1));
    }
    const at1200 = tocNodeAt(spans, indexOf.get('1200')!);
    expect(title.get(at1200!)).toBe('第三章 责任主体的特殊规定');
  });

  it('stays on a clicked 编 while the position is inside it, and leaves it outside', () => {
    const book7 = spans.find((s) => title.get(s.key) === '第七编 侵权责任')!;
    expect(tocNodeAt(spans, indexOf.get('1200')!, book7.key)).toBe(book7.key);
    expect(tocNodeAt(spans, indexOf.get('1164')!, book7.key)).toBe(book7.key); // its first article
    const outside = tocNodeAt(spans, indexOf.get('1163')!, book7.key); // the last of 第六编
    expect(title.get(outside!)).toBe('第四章 遗产的处理');
  });

  it("is the same from version:get's outline (a long law's first run shown) as from the whole text, at every unit", () => {
    const outline = outlineOf(units);
    expect(outline.length).toBeLessThan(units.length / 5); // where the headings change: 137 headings, not 1,260 units
    const fromOutline = buildToc(outline);
    expect(fromOutline).toEqual(toc);
    const outlineSpans = flattenToc(fromOutline, new Map(outline.map((o) => [o.key, o.index])));
    for (let i = 0; i < units.length; i++) expect(tocNodeAt(outlineSpans, i)).toBe(tocNodeAt(spans, i));
  });

  it('is the article itself in a law without chapters', () => {
    const law = parse('app/laws/淄博市专利管理若干规定(2014-12-01).md');
    expect(law.length).toBeGreaterThan(5);
    expect(law.every((u) => u.path.length === 0)).toBe(true);
    const idx = new Map(law.map((u, i) => [u.key, i]));
    const s = flattenToc(buildToc(law), idx);
    law.forEach((u, i) => expect(tocNodeAt(s, i)).toBe('u:' + u.key));
    // the outline of a law without headings is every unit
    expect(outlineOf(law).map((o) => [o.index, o.key])).toEqual(law.map((u, i) => [i, u.key]));
    expect(buildToc(outlineOf(law))).toEqual(buildToc(law));
  });
});
