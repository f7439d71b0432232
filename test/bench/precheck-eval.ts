// Recall and false findings of the pre-check on the draft corpus (test/fixtures/drafts): every
// planted problem (X.expected.json) must be found as its rule on its article; clean control
// drafts (no planted problems) count their 必须修改 findings per 10 articles; for contracts, every
// finding of a contract rule that is not on the planted list is counted as false. Precision: every
// finding that is neither planted nor listed as `debatable` (a finding the labeller accepts either
// way) is off the list; `--show PREFIX` prints them for the drafts whose file starts with PREFIX.
// Prints a table.
//   npx tsx test/bench/precheck-eval.ts [--drafts DIR] [--only PREFIX] [--show PREFIX]

import { parseDraftFile } from '../../electron/core/review/draft-store';
import { precheck } from '../../electron/core/review/precheck';
import { loadRuleSet } from '../../electron/core/review/review-rules';
import { DRAFTS, RULES, draftFixtures, makeReviewLibrary } from '../node/review/review-test-support';

async function main() {
  const i = process.argv.indexOf('--drafts');
  const dir = i > 0 ? process.argv[i + 1]! : DRAFTS;
  const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
  const only = arg('--only');
  const show = arg('--show');
  let findings = 0;
  let offCount = 0;
  const offList: string[] = [];
  const lib = await makeReviewLibrary(undefined, { contracts: true });
  const rules = loadRuleSet(RULES);
  let planted = 0;
  let found = 0;
  let cleanArticles = 0;
  let cleanMust = 0;
  let cleanOther = 0;
  const contract = { planted: 0, found: 0, findings: 0, falseFindings: [] as string[] };
  const missed: string[] = [];
  const rows: string[] = [];
  try {
    for (const d of draftFixtures(dir)) {
      if (only && !d.name.startsWith(only)) continue;
      const p = await parseDraftFile(d.file);
      const r = precheck(lib.store, { title: p.title, units: p.units, header: p.header, kind: d.kind, asOf: d.asOf }, { rules });
      const on = (x: { rule: string; article: string | null }) => (f: (typeof r.findings)[number]) => f.rule === x.rule && (x.article === null || f.article?.label === x.article);
      const hit = d.planted.filter((x) => r.findings.some(on(x)));
      const off = r.findings.filter((f) => ![...d.planted, ...(d.debatable ?? [])].some((x) => on(x)(f)));
      findings += r.findings.length;
      if (show !== undefined && d.name.startsWith(show)) for (const f of off) offList.push(`${d.name} ${f.article?.label ?? '全文'} ${f.rule} ${f.severity}：${f.excerpt.slice(0, 40)}`);
      planted += d.planted.length;
      found += hit.length;
      for (const x of d.planted) if (!hit.includes(x)) missed.push(`${d.name} ${x.article ?? '全文'} ${x.rule}（${x.what}）`);
      if (d.kind === '合同') {
        const own = r.findings.filter((f) => f.rule.startsWith('contract-'));
        const ownPlanted = d.planted.filter((x) => x.rule.startsWith('contract-'));
        contract.planted += ownPlanted.length;
        contract.found += hit.filter((x) => x.rule.startsWith('contract-')).length;
        contract.findings += own.length;
        for (const f of own) if (!d.planted.some((x) => x.rule === f.rule && (x.article === null || f.article?.label === x.article))) contract.falseFindings.push(`${d.name} ${f.article?.label ?? '全文'} ${f.rule}`);
      }
      const unreported = r.citations.length - r.citations.filter((c) => c.status !== 'reported' || c.findingId).length;
      if (!d.planted.length) {
        cleanArticles += r.articleCount;
        cleanMust += r.counts['必须修改'] ?? 0;
        cleanOther += (r.counts['需核实'] ?? 0) + (r.counts['提示'] ?? 0);
      }
      rows.push(`| ${d.name} | ${r.articleCount} | ${d.planted.length} | ${hit.length} | ${r.counts['必须修改']} / ${r.counts['需核实']} / ${r.counts['提示']} | ${r.citations.length} (${unreported} dropped) | ${off.length} |`);
      offCount += off.length;
    }
  } finally {
    lib.cleanup();
  }
  console.log('| draft | articles | planted | found | 必须修改 / 需核实 / 提示 | citations | off the list |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
  console.log(`\nrecall ${found}/${planted} = ${((100 * found) / Math.max(1, planted)).toFixed(1)} %`);
  console.log(`clean control articles ${cleanArticles}: 必须修改 ${cleanMust} (${((10 * cleanMust) / Math.max(1, cleanArticles)).toFixed(2)} per 10 articles), 需核实/提示 ${cleanOther}`);
  console.log(`contract rules on the 合同 drafts: caught ${contract.found}/${contract.planted} planted; ${contract.findings} findings, ${contract.falseFindings.length} not planted${contract.falseFindings.length ? ':\n  ' + contract.falseFindings.join('\n  ') : ''}`);
  console.log(`findings ${findings}, off the planted/debatable list ${offCount} (precision ${((100 * (findings - offCount)) / Math.max(1, findings)).toFixed(1)} %)`);
  if (missed.length) console.log('missed:\n  ' + missed.join('\n  '));
  if (offList.length) console.log('off the list:\n  ' + offList.join('\n  '));
}

void main();
