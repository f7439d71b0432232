// The whole shared corpus (2,590 real laws), when it is beside the project: every file imports,
// and each file's article count equals its number of 第X条 article lines. A fresh clone without
// ../shared skips this file; the committed fixtures cover the same code paths.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPaths } from '../../../electron/core/library/library-import';
import { openLibrary } from '../../../electron/core/library/open-library';

const CORPUS = resolve(import.meta.dirname, '../../../../shared/corpus/laws');
const ARTICLE_LINE = /^[\s\u3000]*第[零〇一二两三四五六七八九十百千万0-9０-９]+条(?:之[零〇一二两三四五六七八九十]+)?(?:[\s\u3000]+|$)/gm;

const RUN_ON = /[。；][ \u3000]+第[零〇一二两三四五六七八九十百千]+条[ \u3000]/g;
const SPACED = /^第[零〇一二两三四五六七八九十百千]+[ \u3000]+条/gm;

describe.skipIf(!existsSync(CORPUS))('the shared corpus', () => {
  it('imports all files with 0 failures and the exact article count of each', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lawdesk-corpus-'));
    try {
      const { store } = await openLibrary({ dir, seed: false });
      const report = await importPaths(store, [CORPUS]);
      expect(report.failed).toEqual([]);
      expect(report.files).toHaveLength(2590);
      expect(report.imported + report.skipped).toBe(2590);
      const mismatches: string[] = [];
      for (const f of report.files) {
        const text = readFileSync(f.file, 'utf8');
        const body = text.includes('<!-- INFO END -->') ? text.slice(text.indexOf('<!-- INFO END -->')) : text;
        // Also the articles published run together (飞行基本规则: "…同意。 第六十五条 航路…") and with the
        // space before 条 (刑事诉讼法: "第一百二十八 条侦查…"), which the parser splits.
        const expected = (body.match(ARTICLE_LINE) ?? []).length + (body.match(RUN_ON) ?? []).length + (body.match(SPACED) ?? []).length;
        if (f.articleCount !== expected) mismatches.push(`${f.file}: ${f.articleCount} ≠ ${expected}`);
      }
      expect(mismatches).toEqual([]);
      const laws = store.laws();
      expect(laws.length).toBeGreaterThan(2400);
      // several versions of one law are kept side by side
      expect(laws.filter((l) => l.versionIds.length > 1).length).toBeGreaterThan(10);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
