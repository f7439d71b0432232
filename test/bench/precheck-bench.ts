// Pre-check of a 40-article 送审稿, including the 上位法 panel, on the whole corpus.
//   npx tsx test/bench/precheck-bench.ts [--corpus DIR] [--library DIR] [--app]
// The draft is the articles of the planted drafts of test/fixtures/drafts, renumbered 第一条…第四十条.
// Prints the library size, the first run after the index is open, and the median of 5 warm runs.
// Without --app the first run is fully cold, as in the CLI; with --app the process first does what
// the app does once its index is idle (review/precheck-warmup.ts), so the first run is the
// adviser's first 审查工作台 in the app. Run both: each is one process's first run.

import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Article } from '../../electron/shared/law-model';
import { importPaths } from '../../electron/core/library/library-import';
import { openLibrary } from '../../electron/core/library/open-library';
import { parseDraftFile } from '../../electron/core/review/draft-store';
import { precheck } from '../../electron/core/review/precheck';
import { warmPrecheck } from '../../electron/core/review/precheck-warmup';
import { loadRuleSet } from '../../electron/core/review/review-rules';
import { SearchEngine } from '../../electron/core/search/search-engine';
import { articleLabel } from '../../electron/core/text/chinese-numerals';
import { DRAFTS, ROOT, RULES } from '../node/review/review-test-support';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const corpus = arg('--corpus') ?? join(ROOT, '..', 'shared', 'corpus', 'laws');
  const own = arg('--library');
  const dir = own ?? mkdtempSync(join(tmpdir(), 'lawdesk-precheck-bench-'));
  try {
    const t0 = performance.now();
    const { store } = await openLibrary({ dir, seed: false });
    if (!store.versions().length) await importPaths(store, [corpus]);
    const tImport = performance.now() - t0;
    const t1 = performance.now();
    const engine = await SearchEngine.open(store);
    // the app reads the article texts into memory 1.5 s after start (search-backend.ts)
    engine.warmTexts();
    const tIndex = performance.now() - t1;

    const units: Article[] = [];
    for (const name of ['planted-innovation-voucher.md', 'planted-patent-funding.md', 'planted-incubator.txt']) {
      for (const u of (await parseDraftFile(join(DRAFTS, name))).units) {
        if (u.kind !== 'article' || units.length >= 40) continue;
        const n = units.length + 1;
        units.push({ ...u, key: String(n), number: n, label: articleLabel(n) });
      }
    }
    const input = { title: '高青县科技创新券管理办法（征求意见稿）', units, kind: '规范性文件' as const, asOf: '2026-03-01' };
    const rules = loadRuleSet(RULES);
    const app = process.argv.includes('--app');
    const tWarm = app ? await warmPrecheck(store, engine, input.asOf) : 0;
    const run = (panel: boolean) => {
      const t = performance.now();
      const r = precheck(store, input, { rules, ...(panel ? { search: engine } : {}) });
      return { ms: performance.now() - t, r };
    };
    const first = run(true);
    const warm = Array.from({ length: 5 }, () => run(true).ms).sort((a, b) => a - b);
    const noPanel = Array.from({ length: 5 }, () => run(false).ms).sort((a, b) => a - b);
    const matches = Object.values(first.r.higherLaw ?? {}).reduce((n, m) => n + m.length, 0);
    console.log(`library: ${store.versions().length} versions (${own ? 'given' : `imported in ${(tImport / 1000).toFixed(1)} s`}), index open + texts read ${(tIndex / 1000).toFixed(2)} s`);
    console.log(`draft: ${units.length} articles; findings ${first.r.findings.length}; 上位法 matches ${matches}`);
    console.log('| run | precheck + 上位法 panel | precheck only |');
    console.log('|---|---|---|');
    if (app) console.log(`| the app's idle warm-up (3 articles, before any request) | ${tWarm.toFixed(0)} ms | — |`);
    console.log(`| first ${app ? '(after the warm-up, as in the app)' : '(cold, as in the CLI)'} | ${first.ms.toFixed(0)} ms | — |`);
    console.log(`| warm median of 5 | ${warm[2]!.toFixed(0)} ms | ${noPanel[2]!.toFixed(0)} ms |`);
    console.log(`| warm max | ${warm[4]!.toFixed(0)} ms | ${noPanel[4]!.toFixed(0)} ms |`);
    console.log(`load average: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
    engine.close();
  } finally {
    if (!own) rmSync(dir, { recursive: true, force: true });
  }
}

void main();
