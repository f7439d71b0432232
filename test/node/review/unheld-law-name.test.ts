// A basis the library does not hold is named as the 意见书 names the others: a national law by its formal
// title (《中华人民共和国立法法》), not by the short name the review rules write (h29walk's 北川 意见书 cited
// 《立法法》第九十三条第六款 beside 《中华人民共和国行政处罚法》).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../../electron/core/library/open-library';
import { BasisResolver } from '../../../electron/core/review/precheck';
import { formalTitleOf } from '../../../electron/shared/law-model';

describe('a law the library does not hold', () => {
  it('is cited by its formal title when the rule names a national law short', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lawdesk-unheld-'));
    try {
      const { store } = await openLibrary({ dir, seed: false, now: () => new Date('2026-03-01T02:00:00Z') });
      const resolver = new BasisResolver(store, '2026-03-01');
      expect(resolver.resolve({ law: '立法法', article: '第九十三条', paragraph: 6 })).toEqual({ citation: '《中华人民共和国立法法》第九十三条第六款', note: '资料库中没有该文件，条文未经核对' });
      expect(resolver.resolve({ law: '民法典', article: '第四百九十条' }).citation).toBe('《中华人民共和国民法典》第四百九十条');
      // not a 法: as written
      expect(resolver.resolve({ law: '重大行政决策程序暂行条例', article: '第十五条' }).citation).toBe('《重大行政决策程序暂行条例》第十五条');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('formalTitleOf: only a national 法 or 法典 gains 中华人民共和国', () => {
    expect(formalTitleOf('行政许可法')).toBe('中华人民共和国行政许可法');
    expect(formalTitleOf('城市房地产管理法')).toBe('中华人民共和国城市房地产管理法');
    expect(formalTitleOf('中华人民共和国立法法')).toBe('中华人民共和国立法法');
    expect(formalTitleOf('反分裂国家法')).toBe('反分裂国家法');
    expect(formalTitleOf('山东省行政规范性文件制定和监督管理办法')).toBe('山东省行政规范性文件制定和监督管理办法');
    expect(formalTitleOf('优化营商环境条例')).toBe('优化营商环境条例');
    expect(formalTitleOf('最高人民法院关于适用《仲裁法》若干问题的解释')).toBe('最高人民法院关于适用《仲裁法》若干问题的解释');
  });
});
