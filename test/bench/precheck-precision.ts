// Precision of the pre-check's rules on real, lawful text: local rules of the corpus (办法 / 规定 /
// 细则 of the provinces, in force) and the first office's yearly report, each checked as if it were a
// 规范性文件 送审稿 on the day it was published. Counts findings by rule and prints a sample of each
// rule's excerpts to read. Local 地方性法规 may lawfully set fines a 规范性文件 may not, so a 罚款
// finding on them is the rule doing its job; what to look for is a trigger that misreads a lawful sentence.
//   npx tsx test/bench/precheck-precision.ts [--seed N] [--count 80] [--sample 6] [--corpus DIR] [--rules DIR]
// Needs ../shared/corpus (not a test: the suite never reads it). The library is the review fixtures'
// (test/fixtures/review): citations of other laws are reported as not in the library and are counted
// apart.

import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseDraftFile } from '../../electron/core/review/draft-store';
import { precheck } from '../../electron/core/review/precheck';
import { loadRuleSet } from '../../electron/core/review/review-rules';
import { ROOT, RULES, makeReviewLibrary } from '../node/review/review-test-support';
import { seededRandom } from './seeded-random';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

interface Entry {
  path: string;
  title: string;
  region: string;
  level: string;
  published: string;
  effective: string;
  expired: boolean;
}

async function main() {
  const corpus = arg('--corpus') ?? join(ROOT, '..', 'shared', 'corpus');
  const seed = Number(arg('--seed') ?? Math.floor(Math.random() * 1e9));
  const count = Number(arg('--count') ?? 80);
  const sample = Number(arg('--sample') ?? 6);
  console.log(`seed ${seed}, ${count} texts, load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  const entries = readFileSync(join(corpus, 'manifest.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Entry)
    .filter((e) => e.region !== '全国' && !e.expired && /(?:办法|规定|细则|规则)$/.test(e.title) && (e.published || e.effective));
  const rand = seededRandom(seed);
  const picked = entries
    .map((e) => ({ e, k: rand() }))
    .sort((a, b) => a.k - b.k)
    .slice(0, count)
    .map((x) => x.e);
  const lib = await makeReviewLibrary(undefined, { contracts: true });
  const rules = loadRuleSet(arg('--rules') ?? RULES);
  const byRule = new Map<string, { n: number; severities: Record<string, number>; examples: string[] }>();
  let articles = 0;
  const unreadable: string[] = [];
  try {
    const docs: { file: string; asOf: string; name: string }[] = picked.map((e) => ({ file: join(corpus, 'laws', e.path), asOf: e.published || e.effective, name: e.title }));
    docs.push({ file: join(corpus, '..', 'seed', '000_1b9781ffe0e4dc49.txt'), asOf: '2021-01-15', name: '高青县科学技术局2020年度法治政府建设工作报告' });
    for (const d of docs) {
      let p: Awaited<ReturnType<typeof parseDraftFile>>;
      try {
        p = await parseDraftFile(d.file);
      } catch (e) {
        unreadable.push(`${d.name}: ${(e as Error).message}`);
        continue;
      }
      articles += p.units.filter((u) => u.kind === 'article' || u.kind === 'section').length;
      const r = precheck(lib.store, { title: p.title || d.name, units: p.units, header: p.header, kind: '规范性文件', asOf: d.asOf }, { rules });
      for (const f of r.findings) {
        const key = f.source === 'citation' ? `${f.rule} (citation)` : f.rule;
        const row = byRule.get(key) ?? { n: 0, severities: {}, examples: [] };
        row.n++;
        row.severities[f.severity] = (row.severities[f.severity] ?? 0) + 1;
        const trigger = f.article && f.start !== undefined && f.end !== undefined ? (p.units.find((u) => u.key === f.article!.key)?.text.slice(f.start, f.end) ?? '') : '';
        row.examples.push(`${d.name} ${f.article?.label ?? '全文'} [${trigger}] ${f.excerpt.slice(0, 90)}`);
        byRule.set(key, row);
      }
    }
  } finally {
    lib.cleanup();
  }
  console.log(`${articles} articles${unreadable.length ? `; not read as a draft: ${unreadable.join('；')}` : ''}\n`);
  console.log('| rule | findings | 必须修改 | 需核实 | 提示 |');
  console.log('|---|---:|---:|---:|---:|');
  const rows = [...byRule.entries()].sort((a, b) => b[1].n - a[1].n);
  for (const [rule, r] of rows) console.log(`| ${rule} | ${r.n} | ${r.severities['必须修改'] ?? 0} | ${r.severities['需核实'] ?? 0} | ${r.severities['提示'] ?? 0} |`);
  if (sample > 0) {
    const pick = seededRandom(seed + 1);
    for (const [rule, r] of rows) {
      if (rule.endsWith('(citation)')) continue;
      console.log(`\n## ${rule}`);
      const ex = [...r.examples].map((x) => ({ x, k: pick() })).sort((a, b) => a.k - b.k).slice(0, sample);
      for (const { x } of ex) console.log(`- ${x}`);
    }
  }
}

void main();
