// Briefing-pack export benchmark: a ~100-page pack (five whole laws from test/fixtures/laws) to
// DOCX (target ≤ 2 s) and to PDF (target ≤ 5 s), plus a 500-article pack. Prints a table and the
// machine. Run: npx tsx test/bench/pack-bench.ts [--runs N]

import { cpus, freemem, platform, release, tmpdir, totalmem } from 'node:os';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { openLibrary } from '../../electron/core/library/open-library';
import { importPaths } from '../../electron/core/library/library-import';
import { exportPack } from '../../electron/core/packs/pack-export';
import { normalisePack } from '../../electron/core/packs/pack-model';
import { ChromiumPrinter } from '../../electron/core/packs/render-pdf';

const ROOT = join(import.meta.dirname, '../..');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;
const BIG_LAWS: [string, number][] = [['宪法', 143], ['行政许可法', 83], ['行政复议法', 90], ['监察法', 78], ['保守国家秘密法', 65], ['山东省优化营商环境条例', 67]];
/** 500 article items over six fixture laws (versions in force). */
const fiveHundredItems = () => BIG_LAWS.flatMap(([law, n]) => Array.from({ length: n }, (_, i) => ({ type: 'article' as const, law, article: String(i + 1) }))).slice(0, 500);
const work = mkdtempSync(join(tmpdir(), 'lawdesk-pack-bench-'));

try {
  const { store } = await openLibrary({ dir: join(work, 'lib'), seed: false });
  await importPaths(store, [join(ROOT, 'test/fixtures/laws')]);
  const cover = { title: '学法用法参考资料汇编', unit: '高青县科学技术局', date: '2025年3月', purpose: '供集体学法使用' };
  const hundred = normalisePack({
    title: '学法用法参考资料汇编',
    cover,
    asOf: '2025-01-01',
    items: ['行政许可法', '统计法', '行政复议法', '保守国家秘密法', '监察法'].map((law) => ({ type: 'law', law })),
  });
  const fiveHundred = normalisePack({
    title: '五百条条文汇编',
    cover,
    asOf: '2025-01-01',
    items: fiveHundredItems(),
  });

  const rows: string[][] = [];
  const timed = async (label: string, fn: () => Promise<{ pages?: number; articleCount: number; bytes: number }>) => {
    const times: number[] = [];
    let last: { pages?: number; articleCount: number; bytes: number } | undefined;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      last = await fn();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    rows.push([label, String(last!.articleCount), last!.pages !== undefined ? String(last!.pages) : '', `${Math.round(last!.bytes / 1024)} KB`, `${(times[0]! / 1000).toFixed(2)} s`, `${(times[Math.floor(times.length / 2)]! / 1000).toFixed(2)} s`]);
  };
  const out = (n: string) => join(work, n);

  // The PDF of the 100-page pack gives the page count the DOCX is compared with.
  await timed('100 页 → PDF（每次启动 Chromium）', () => exportPack(store, hundred, { out: out('a.pdf') }));
  const printer = await ChromiumPrinter.launch();
  try {
    await timed('100 页 → PDF（Chromium 已启动，如在应用中）', () => exportPack(store, hundred, { out: out('b.pdf'), print: printer.print }));
    await timed('100 页 → DOCX', () => exportPack(store, hundred, { out: out('a.docx') }));
    await timed('100 页 → HTML', () => exportPack(store, hundred, { out: out('a.html') }));
    await timed('500 条 → DOCX', () => exportPack(store, fiveHundred, { out: out('c.docx') }));
    await timed('500 条 → PDF（Chromium 已启动）', () => exportPack(store, fiveHundred, { out: out('c.pdf'), print: printer.print }));
  } finally {
    await printer.close();
  }
  let docxPages = '';
  try {
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', work, out('a.docx')], { stdio: 'ignore', timeout: 120_000 });
    docxPages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(work, 'a.pdf')]).toString())?.[1] ?? '';
  } catch {
    docxPages = '（未安装 LibreOffice，未统计）';
  }

  const cpu = cpus();
  console.log(`机器：${cpu[0]?.model ?? '?'} × ${cpu.length} 核，内存 ${Math.round(totalmem() / 2 ** 30)} GB（空闲 ${Math.round(freemem() / 2 ** 30)} GB），${platform()} ${release()}，Node ${process.version}`);
  console.log(`每项运行 ${runs} 次，取最短与中位数；DOCX 经 LibreOffice 排版为 ${docxPages} 页（仅用于核对页数）\n`);
  const head = ['导出', '条数', 'PDF 页数', '大小', '最短', '中位数'];
  const widths = head.map((h, i) => Math.max(...[h, ...rows.map((r) => r[i]!)].map((s) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0))));
  const line = (r: string[]) => r.map((c, i) => c + ' '.repeat(widths[i]! - [...c].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0))).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  console.log(`\n目标：100 页 DOCX ≤ 2 s，PDF ≤ 5 s。${statSync(out('a.pdf')).size ? '' : ''}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
