import { describe, expect, it } from 'vitest';
import { articleLabel, parseChineseNumber, toChineseNumber } from '../../../electron/core/text/chinese-numerals';

describe('Chinese numerals', () => {
  it.each([
    ['一', 1], ['十', 10], ['十二', 12], ['二十', 20], ['二十一', 21], ['一百', 100], ['一百零三', 103],
    ['二百一十', 210], ['一百一十二', 112], ['一千零一', 1001], ['一千二百六十', 1260], ['两', 2], ['两百', 200],
    ['〇', 0], ['零', 0], ['二〇一九', 2019], ['12', 12], ['１２', 12], ['一万零一', 10001],
  ])('%s → %d', (text, value) => {
    expect(parseChineseNumber(text)).toBe(value);
  });

  it('rejects what is not a numeral', () => {
    for (const bad of ['', '条', '十x', 'abc', '第十']) expect(parseChineseNumber(bad)).toBeNaN();
  });

  it('writes numerals the way laws do and round-trips 1–1300', () => {
    expect(toChineseNumber(10)).toBe('十');
    expect(toChineseNumber(12)).toBe('十二');
    expect(toChineseNumber(103)).toBe('一百零三');
    expect(toChineseNumber(110)).toBe('一百一十');
    expect(toChineseNumber(210)).toBe('二百一十');
    expect(toChineseNumber(1001)).toBe('一千零一');
    expect(toChineseNumber(1260)).toBe('一千二百六十');
    for (let n = 0; n <= 1300; n++) expect(parseChineseNumber(toChineseNumber(n))).toBe(n);
  });

  it('labels articles with 之一 suffixes', () => {
    expect(articleLabel(12)).toBe('第十二条');
    expect(articleLabel(17, 1)).toBe('第十七条之一');
    expect(articleLabel(120, 2)).toBe('第一百二十条之二');
  });
});
