// Shortened law names no table lists (科技进步法 for 科学技术进步法), read as the one law they fit,
// and never a real law read as a longer one (劳动法 is not 劳动合同法). The library is the starter
// laws a new library gets plus 劳动合同法 and 科学技术普及法 copied from the corpus.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isContraction } from '../../../electron/core/library/law-contraction';
import { findLaws } from '../../../electron/core/library/law-lookup';
import { importPaths } from '../../../electron/core/library/library-import';
import type { LibraryStore } from '../../../electron/core/library/library-store';
import { openLibrary } from '../../../electron/core/library/open-library';
import { detectCitations } from '../../../electron/core/records/citation-detect';

const dir = mkdtempSync(join(tmpdir(), 'lawdesk-contraction-'));
let store: LibraryStore;
beforeAll(async () => {
  store = (await openLibrary({ dir })).store;
  await importPaths(store, [join(import.meta.dirname, '../../fixtures/links/contraction')]);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const short = (title: string) => title.replace(/^中华人民共和国/, '');
/** Each mention as "law title + label", or ✗label. */
const found = (text: string) =>
  detectCitations(store, text, '2025-01-01').mentions.map((m) => (m.citation ? `${short(store.law(m.citation.lawId)!.title)} ${m.citation.label}` : `✗${m.label}`));

describe('a contraction of a title', () => {
  it('keeps the first character and the kind of document, the rest in order, and at least 40 % of the title', () => {
    expect(isContraction('科技进步法', '科学技术进步法')).toBe(true);
    expect(isContraction('食安法', '食品安全法')).toBe(true);
    expect(isContraction('保密法', '保守国家秘密法')).toBe(true);
    expect(isContraction('科技成果转化法', '促进科技成果转化法')).toBe(true); // a leading 促进 may go
    expect(isContraction('山东省科技进步条例', '山东省科学技术进步条例')).toBe(true);
    expect(isContraction('管理办法', '管理条例')).toBe(false); // another kind of document
    expect(isContraction('科技法', '科学技术进步法')).toBe(true); // fits; the library decides (below)
    expect(isContraction('技术进步法', '科学技术进步法')).toBe(false); // another first character
    expect(isContraction('科法', '科学技术进步法')).toBe(false); // too short
    expect(isContraction('北京市节能法办法', '北京市实施《节约能源法》办法')).toBe(false); // a title with a title inside
  });

  it('in a text, bare or in 《》, names the one law it fits', () => {
    expect(found('科技进步法第三十条规定的科技成果转化')).toEqual(['科学技术进步法 第三十条']);
    expect(found('依据《科技进步法》第九十一条')).toEqual(['科学技术进步法 第九十一条']);
    expect(found('根据保密法第五条')).toEqual(['保守国家秘密法 第五条']);
    expect(found('《科技成果转化法》第四十五条')).toEqual(['促进科技成果转化法 第四十五条']);
    expect(found('按照科普法第三条的规定')).toEqual(['科学技术普及法 第三条']);
  });

  it('a real law the library lacks stays unresolved, although it reads like a contraction of one it holds', () => {
    expect(store.laws().some((l) => short(l.title) === '劳动合同法')).toBe(true);
    expect(found('依照劳动法第十条')).toEqual(['✗第十条']);
    expect(found('依照《劳动法》第十条')).toEqual(['✗第十条']);
  });

  it('a name that fits two laws names neither', () => {
    expect(found('《科技法》第三条')).toEqual(['✗第三条']); // 科学技术进步法 and 科学技术普及法
    expect(findLaws(store, '科技法')).toEqual([]);
  });

  it('typed in a form, the contraction finds the law too', () => {
    expect(findLaws(store, '科技进步法').map((l) => short(l.title))).toEqual(['科学技术进步法']);
  });
});
