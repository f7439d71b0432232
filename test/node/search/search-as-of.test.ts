// Search as of a date: each law as it was in force that day (统计法 2009 before 2024-09-13).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importPaths } from '../../../electron/core/library/library-import';
import { openLibrary } from '../../../electron/core/library/open-library';
import { SearchEngine } from '../../../electron/core/search/search-engine';

const dir = mkdtempSync(join(tmpdir(), 'lawdesk-asof-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('search as of a date', () => {
  it('finds only the version in force on that day', async () => {
    const { store } = await openLibrary({ dir, seed: false });
    await importPaths(store, [join(import.meta.dirname, '../../fixtures/laws/经济法')]);
    const engine = await SearchEngine.open(store);
    try {
      const all = engine.search({ q: '统计调查对象', limit: 200 });
      const dates = new Set(all.hits.map((h) => h.versionDate));
      expect(dates).toEqual(new Set(['2009-06-27', '2024-09-13']));
      const in2020 = engine.search({ q: '统计调查对象', limit: 200, asOf: '2020-01-01' });
      expect(in2020.total).toBeGreaterThan(0);
      expect(new Set(in2020.hits.map((h) => h.versionDate))).toEqual(new Set(['2009-06-27']));
      const in2025 = engine.search({ q: '统计调查对象', limit: 200, asOf: '2025-01-01' });
      expect(new Set(in2025.hits.map((h) => h.versionDate))).toEqual(new Set(['2024-09-13']));
      // before the 2009 version took effect (2010-01-01) neither version was in force
      expect(engine.search({ q: '统计调查对象', asOf: '2009-12-31' }).total).toBe(0);
    } finally {
      engine.close();
    }
  });
});
