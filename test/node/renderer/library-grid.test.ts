// The pure parts of 法规库's windowed grid: which rows are rendered for a scroll position, where a
// key moves the active row, how codes become lines, and what a header click sorts by.

import { describe, expect, it } from 'vitest';
import type { LawRow } from '../../../electron/shared/api-contract';
import { gridKeyTarget, rowWindow } from '../../../renderer/src/components/virtual-grid';
import { groupCodes, libraryLines, nextSortKey } from '../../../renderer/src/features/library/library-rows';

const law = (lawId: string, extra: Partial<LawRow> = {}): LawRow => ({
  lawId,
  versionId: `${lawId}@1`,
  title: lawId,
  shortTitle: lawId,
  level: '法律',
  region: '全国',
  status: '现行有效',
  versionCount: 1,
  articleCount: 10,
  favorite: false,
  ...extra,
});

describe('rowWindow', () => {
  it('renders the rows in view and `overscan` either side, within the list', () => {
    expect(rowWindow(0, 500, 50, 2500, 6)).toEqual([0, 17]);
    expect(rowWindow(5000, 500, 50, 2500, 6)).toEqual([94, 117]);
    expect(rowWindow(2500 * 50 - 500, 500, 50, 2500, 6)).toEqual([2484, 2500]);
    expect(rowWindow(0, 500, 50, 3, 6)).toEqual([0, 3]);
    expect(rowWindow(0, 500, 50, 0, 6)).toEqual([0, 0]);
  });
  it('never renders more than a screenful and twice the overscan, however long the list', () => {
    for (const top of [0, 123, 40_000, 124_000]) {
      const [s, e] = rowWindow(top, 640, 52, 2500, 6);
      expect(e - s).toBeLessThanOrEqual(Math.ceil(640 / 52) + 1 + 12);
    }
  });
});

describe('gridKeyTarget', () => {
  it('moves by one, by a page less one, to either end, and stays within the list', () => {
    expect(gridKeyTarget('ArrowDown', -1, 100, 12)).toBe(0);
    expect(gridKeyTarget('ArrowDown', 99, 100, 12)).toBe(99);
    expect(gridKeyTarget('ArrowUp', 0, 100, 12)).toBe(0);
    expect(gridKeyTarget('PageDown', 5, 100, 12)).toBe(16);
    expect(gridKeyTarget('PageDown', 95, 100, 12)).toBe(99);
    expect(gridKeyTarget('PageUp', 5, 100, 12)).toBe(0);
    expect(gridKeyTarget('Home', 50, 100, 12)).toBe(0);
    expect(gridKeyTarget('End', 0, 100, 12)).toBe(99);
    expect(gridKeyTarget('Enter', 3, 100, 12)).toBeUndefined();
    expect(gridKeyTarget('ArrowDown', -1, 0, 12)).toBeUndefined();
  });
});

describe('library lines', () => {
  const code = (i: number, subtitle: string) =>
    law(`民法典-${i}`, { subtitle, title: '中华人民共和国民法典', code: { key: '民法典', title: '中华人民共和国民法典', index: i, count: 2 } });
  const rows = groupCodes([law('统计法'), code(0, '总则'), code(1, '附则'), law('行政许可法')]);

  it('a code stored as parts is one row holding its parts, its article count their sum', () => {
    expect(rows.map((r) => r.lawId)).toEqual(['统计法', 'code:民法典', '行政许可法']);
    expect(rows[1]!.children!.map((p) => p.subtitle)).toEqual(['总则', '附则']);
    expect(rows[1]!.articleCount).toBe(20);
  });
  it('lists the parts under their code unless the code is folded', () => {
    expect(libraryLines(rows, new Set()).map((l) => [l.row.subtitle ?? l.row.lawId, l.depth])).toEqual([
      ['统计法', 0],
      ['code:民法典', 0],
      ['总则', 1],
      ['附则', 1],
      ['行政许可法', 0],
    ]);
    expect(libraryLines(rows, new Set(['code:民法典'])).map((l) => l.row.lawId)).toEqual(['统计法', 'code:民法典', '行政许可法']);
  });
});

describe('nextSortKey', () => {
  it('a header click turns its column to the other order, or to its first one', () => {
    expect(nextSortKey('published-desc', 'published')).toBe('published-asc');
    expect(nextSortKey('published-asc', 'published')).toBe('published-desc');
    expect(nextSortKey('published-desc', 'effective')).toBe('effective-desc');
    expect(nextSortKey('title-asc', 'title')).toBe('title-asc');
  });
});
