// The 意见书 export as the app does it: after the adviser decides a finding (采纳, which changes the
// record), 生成意见书 asks workbench:coverage (what the 意见书 may say of each 要点) and then
// workbench:opinion (the DOCX). Prints, per round, how many pre-checks the two calls computed and their
// wall and CPU time (code without the `prechecksRun` counter: times only). A 40-article 送审稿 (the planted drafts' articles, renumbered) on the review
// fixtures' library with the search index (the 上位法 panel of the workbench page).
//   npx tsx test/bench/opinion-export-bench.ts [--rounds N]

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDraftFile } from '../../electron/core/review/draft-store';
import { ReviewWorkbench } from '../../electron/core/review/workbench-service';
import { SearchEngine } from '../../electron/core/search/search-engine';
import { articleLabel } from '../../electron/core/text/chinese-numerals';
import { DRAFTS, RULES, makeReviewLibrary } from '../node/review/review-test-support';

async function main() {
  const i = process.argv.indexOf('--rounds');
  const rounds = i > 0 ? Number(process.argv[i + 1]) : 7;
  const lib = await makeReviewLibrary(new Date('2026-03-01T02:00:00Z'));
  const out = mkdtempSync(join(tmpdir(), 'lawdesk-opinion-bench-'));
  const engine = await SearchEngine.open(lib.store);
  try {
    const lines: string[] = ['# 高青县科技创新券管理办法（征求意见稿）', ''];
    let n = 0;
    for (const name of ['planted-innovation-voucher.md', 'planted-patent-funding.md', 'planted-incubator.txt']) {
      for (const u of (await parseDraftFile(join(DRAFTS, name))).units) {
        if (u.kind !== 'article' || n >= 40) continue;
        lines.push(`${articleLabel(++n)}　${u.text}`, '');
      }
    }
    const draftFile = join(out, '送审稿.md');
    writeFileSync(draftFile, lines.join('\n'));
    const wb = new ReviewWorkbench(lib.store, lib.svc, { rulesDir: RULES, search: engine, region: '山东·淄博·高青县' });
    const r = await lib.svc.createReview({ type: '规范性文件', title: '高青县科技创新券管理办法（征求意见稿）', leadUnit: '高新技术科', receivedDate: '2026-02-24' });
    const id = r.record.id;
    await wb.addDraft(id, draftFile);
    // the page opens: the view with the 上位法 panel
    const first = await wb.view(id);
    const findings = first.result!.findings;
    const counter = () => ('prechecksRun' in wb ? (wb as unknown as { prechecksRun: number }).prechecksRun : NaN);
    console.log(`draft: ${n} articles, ${findings.length} findings; ${rounds} rounds of 采纳 then 生成意见书 (DOCX)`);
    console.log('| round | pre-checks computed by coverage + export (the whole round: 采纳 and its view too) | wall ms | CPU ms |');
    console.log('|---|---|---|---|');
    const walls: number[] = [];
    const cpus: number[] = [];
    for (let k = 0; k < Math.min(rounds, findings.length); k++) {
      const roundStart = counter();
      await wb.accept(id, findings[k]!.id); // the page then shows workbench:accept's view (no panel)
      await wb.view(id, { panel: false });
      const before = counter();
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await wb.coverage(id);
      await wb.exportOpinion(id, join(out, `意见书${k}.docx`), { format: 'docx' });
      const wall = performance.now() - t0;
      const c = process.cpuUsage(c0);
      const cpu = (c.user + c.system) / 1000;
      walls.push(wall);
      cpus.push(cpu);
      console.log(`| ${k + 1} | ${Number.isNaN(before) ? '(not counted: old code)' : `${counter() - before} (${counter() - roundStart})`} | ${wall.toFixed(0)} | ${cpu.toFixed(0)} |`);
    }
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.log(`median: wall ${med(walls).toFixed(0)} ms, CPU ${med(cpus).toFixed(0)} ms; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  } finally {
    engine.close();
    lib.cleanup();
    rmSync(out, { recursive: true, force: true });
  }
}

void main();
