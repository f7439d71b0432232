// Search benchmark: imports a corpus into a temporary library (optionally copied N times with new
// ids), then measures, each in a fresh child process so memory and cold start are its own:
// the LawDesk index, brute-force indexOf over all articles, and fuse.js over article text (on a
// subset, extrapolated). Prints one table. Usage:
//   npm run bench -- [--corpus DIR] [--scale N] [--runs R] [--fuse-subset M]

import { spawnSync } from 'node:child_process';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import Fuse from 'fuse.js';
import { openLibrary } from '../../electron/core/library/open-library';
import { importPaths } from '../../electron/core/library/library-import';
import { LibraryStore } from '../../electron/core/library/library-store';
import type { LawVersionMeta } from '../../electron/shared/law-model';
import { SearchEngine } from '../../electron/core/search/search-engine';
import { addCopies } from '../node/library-copies';
import { parseQuery } from '../../electron/core/search/query-parser';
import { makeSnippet } from '../../electron/core/search/snippet';

/** The fixed query set: every kind the issue names. */
export const QUERIES: { q: string; kind: string }[] = [
  { q: '许可', kind: '2-char' },
  { q: '审查', kind: '2-char' },
  { q: '罚款', kind: '2-char' },
  { q: '备案', kind: '2-char' },
  { q: '听证', kind: '2-char' },
  { q: '土地', kind: '2-char' },
  { q: '行政处罚', kind: '4-char' },
  { q: '人民政府', kind: '4-char' },
  { q: '安全生产', kind: '4-char' },
  { q: '信息公开', kind: '4-char' },
  { q: '合法性审查', kind: '5-char' },
  { q: '科技成果转化', kind: '6-char' },
  { q: '应当依照法定的权限、范围、条件和程序', kind: 'long phrase' },
  { q: '国务院有关部门按照各自职责', kind: 'long phrase' },
  { q: '县级以上地方人民政府应当加强', kind: 'long phrase' },
  { q: '"不得以任何方式要求"', kind: 'quoted phrase' },
  { q: '许可 听证', kind: 'AND' },
  { q: '行政 处罚 程序', kind: 'AND' },
  { q: '环境 保护 罚款', kind: 'AND' },
  { q: '土地 征收 补偿', kind: 'AND' },
  { q: '公民 权利 义务', kind: 'AND' },
  { q: '许可 -行政许可', kind: 'exclude' },
  { q: '优化营商环境条例', kind: 'title' },
  { q: '行政许可法', kind: 'title' },
  { q: '统计法', kind: 'title' },
  { q: '中华人民共和国宪法', kind: 'title' },
  { q: '第十二条', kind: 'numeral' },
  { q: '三十日', kind: 'numeral' },
  { q: '十五日内', kind: 'numeral' },
  { q: '第一百条', kind: 'numeral' },
  { q: '法', kind: '1-char' },
  { q: '税', kind: '1-char' },
  { q: '罚', kind: '1-char' },
  { q: '的', kind: '1-char' },
  { q: '重大行政决策', kind: '6-char' },
];

const here = fileURLToPath(import.meta.url);

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
}
const peakMB = () => Math.round(process.resourceUsage().maxRSS / 1024);

interface Timings {
  full: number[];
  page: number[];
}

interface ChildReport {
  buildMs?: number;
  indexBytes?: number;
  storeOpenMs?: number;
  coldMs?: number;
  timings?: Timings;
  recall?: number;
  precision?: number;
  rssMB: number;
  note?: string;
  articles?: number;
  /** The slowest queries by their median top-20 time. */
  slowest?: { q: string; p50: number }[];
}

function articleTerms(q: string) {
  const p = parseQuery(q);
  return { terms: p.terms.map((t) => t.text), excludes: p.excludes.map((t) => t.text) };
}

function loadArticles(store: LibraryStore) {
  const texts: string[] = [];
  const ids: string[] = [];
  const metas: LawVersionMeta[] = [];
  for (const meta of store.versions()) {
    for (const u of store.loadVersion(meta.id).units) {
      texts.push(u.text);
      ids.push(`${meta.id}#${u.key}`);
      metas.push(meta);
    }
  }
  return { texts, ids, metas };
}

// ---- children ------------------------------------------------------------------------------

async function childBuild(lib: string): Promise<ChildReport> {
  const store = await LibraryStore.open(lib);
  const t = performance.now();
  const engine = await SearchEngine.open(store);
  const buildMs = performance.now() - t;
  const s = engine.stats();
  engine.close();
  return { buildMs, indexBytes: s.bytesOnDisk, rssMB: peakMB(), articles: s.articles };
}

async function childEngine(lib: string, runs: number): Promise<ChildReport> {
  const t0 = performance.now();
  const store = await LibraryStore.open(lib);
  const t1 = performance.now();
  const engine = await SearchEngine.open(store);
  const first = engine.search({ q: '行政许可', limit: 20 });
  const t2 = performance.now();
  if (!first.total) throw new Error('no result for 行政许可');
  const timings: Timings = { full: [], page: [] };
  const perQuery = new Map<string, number[]>();
  for (const { q } of QUERIES) engine.search({ q, limit: 20 }); // warm-up
  for (let r = 0; r < runs; r++) {
    for (const { q } of QUERIES) {
      let t = performance.now();
      engine.search({ q, limit: 0 }); // every hit found, verified, counted and faceted; no page
      timings.full.push(performance.now() - t);
      t = performance.now();
      engine.search({ q, limit: 20 }); // plus ranking and the page with snippets
      const ms = performance.now() - t;
      timings.page.push(ms);
      perQuery.set(q, [...(perQuery.get(q) ?? []), ms]);
    }
  }
  const slowest = [...perQuery]
    .map(([q, xs]) => ({ q, p50: pct(xs, 50) }))
    .sort((a, b) => b.p50 - a.p50)
    .slice(0, 3);
  const rssMB = peakMB(); // before the truth check below loads every article
  const { texts, ids } = loadArticles(store);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { q } of QUERIES) {
    const { terms, excludes } = articleTerms(q);
    const truth = new Set<string>();
    texts.forEach((text, i) => {
      if (terms.every((t) => text.includes(t)) && !excludes.some((t) => text.includes(t))) truth.add(ids[i]!);
    });
    const got = new Set(engine.matchAll({ q }).map((h) => `${h.versionId}#${h.articleKey}`));
    for (const g of got) {
      if (truth.has(g)) tp++;
      else fp++;
    }
    for (const w of truth) if (!got.has(w)) fn++;
  }
  engine.close();
  return { storeOpenMs: t1 - t0, coldMs: t2 - t1, timings, recall: tp / (tp + fn), precision: tp / (tp + fp || 1), rssMB, slowest };
}

async function childBrute(lib: string, runs: number): Promise<ChildReport> {
  const t0 = performance.now();
  const store = await LibraryStore.open(lib);
  const { texts, metas } = loadArticles(store);
  const run = (q: string, page: boolean) => {
    const { terms, excludes } = articleTerms(q);
    const hits: number[] = [];
    const level: Record<string, number> = {};
    for (let i = 0; i < texts.length; i++) {
      const text = texts[i]!;
      let ok = true;
      for (const t of terms) if (!text.includes(t)) ok = false;
      for (const t of excludes) if (ok && text.includes(t)) ok = false;
      if (!ok) continue;
      hits.push(i);
      const l = metas[i]!.level;
      level[l] = (level[l] ?? 0) + 1;
    }
    if (page) for (const i of hits.slice(0, 20)) makeSnippet(texts[i]!, terms);
    return hits.length;
  };
  run('行政许可', true);
  const coldMs = performance.now() - t0;
  const timings: Timings = { full: [], page: [] };
  for (const { q } of QUERIES) run(q, true);
  for (let r = 0; r < runs; r++) {
    for (const { q } of QUERIES) {
      let t = performance.now();
      run(q, false);
      timings.full.push(performance.now() - t);
      t = performance.now();
      run(q, true);
      timings.page.push(performance.now() - t);
    }
  }
  return { coldMs, timings, recall: 1, precision: 1, rssMB: peakMB(), note: 'no ranking (first 20 in library order)' };
}

async function childFuse(lib: string, subset: number): Promise<ChildReport> {
  const store = await LibraryStore.open(lib);
  const all = loadArticles(store);
  const step = Math.max(1, Math.floor(all.texts.length / subset));
  const docs: { text: string }[] = [];
  for (let i = 0; i < all.texts.length && docs.length < subset; i += step) docs.push({ text: all.texts[i]! });
  const factor = all.texts.length / docs.length;
  let t = performance.now();
  const fuse = new Fuse(docs, { keys: ['text'] }); // default options, as a developer would start
  const buildMs = (performance.now() - t) * factor;
  const timings: Timings = { full: [], page: [] };
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { q } of QUERIES) {
    t = performance.now();
    const res = fuse.search(q);
    const ms = (performance.now() - t) * factor;
    timings.full.push(ms);
    timings.page.push(ms);
    const { terms, excludes } = articleTerms(q);
    const got = new Set(res.map((r) => r.refIndex));
    docs.forEach((d, i) => {
      const want = terms.every((x) => d.text.includes(x)) && !excludes.some((x) => d.text.includes(x));
      if (want && got.has(i)) tp++;
      else if (want) fn++;
      else if (got.has(i)) fp++;
    });
  }
  return {
    buildMs,
    timings,
    recall: tp / (tp + fn || 1),
    precision: tp / (tp + fp || 1),
    rssMB: peakMB(),
    note: `subset of ${docs.length} articles, times ×${factor.toFixed(1)}`,
  };
}

// ---- orchestration ---------------------------------------------------------------------------

/**
 * The children run this file bundled to plain JavaScript, as the app ships its code, so their
 * memory and timings are the engine's own and not the TypeScript loader's (about 40 MB of RSS).
 */
async function bundleChild(): Promise<string> {
  const { build } = await import('esbuild');
  const out = join(dirname(here), '..', '..', 'node_modules', '.cache', 'lawdesk-bench', 'search-bench.mjs');
  await build({ entryPoints: [here], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outfile: out, logLevel: 'error' });
  return out;
}

let childScript = here;

function spawnChild(kind: string, lib: string, extra: string[] = []): ChildReport {
  const loader = childScript === here ? ['--import', 'tsx'] : [];
  const r = spawnSync(process.execPath, [...loader, childScript, '--child', kind, '--library', lib, ...extra], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`child ${kind} failed (${r.status})`);
  const line = r.stdout.trim().split('\n').pop()!;
  return JSON.parse(line) as ChildReport;
}

const f1 = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '—' : n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : Math.round(n).toLocaleString('en'));

async function main() {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string' },
      scale: { type: 'string', default: '1' },
      runs: { type: 'string', default: '20' },
      'fuse-subset': { type: 'string', default: '3000' },
      child: { type: 'string' },
      library: { type: 'string' },
      keep: { type: 'boolean' },
    },
  });
  if (values.child) {
    const lib = values.library!;
    const runs = Number(values.runs);
    const rep =
      values.child === 'build'
        ? await childBuild(lib)
        : values.child === 'engine'
          ? await childEngine(lib, runs)
          : values.child === 'brute'
            ? await childBrute(lib, runs)
            : await childFuse(lib, Number(values['fuse-subset']));
    process.stdout.write(JSON.stringify(rep) + '\n');
    return;
  }
  const corpus = resolve(values.corpus ?? join(process.cwd(), '..', 'shared', 'corpus', 'laws'));
  if (!existsSync(corpus)) {
    process.stderr.write(`找不到语料目录 ${corpus}：请用 --corpus DIR 指定（例如 ../shared/corpus/laws）\n`);
    process.exitCode = 2;
    return;
  }
  const scale = Math.max(1, Math.floor(Number(values.scale)));
  const lib = mkdtempSync(join(tmpdir(), 'lawdesk-bench-'));
  try {
    process.stderr.write(`导入 ${corpus} → ${lib}（×${scale}）…\n`);
    let t = performance.now();
    const { store } = await openLibrary({ dir: lib, seed: false });
    const rep = await importPaths(store, [corpus]);
    const importMs = performance.now() - t;
    t = performance.now();
    if (scale > 1) await addCopies(store, scale - 1, 'x');
    const copyMs = performance.now() - t;
    const versions = store.versions().length;
    childScript = await bundleChild();
    process.stderr.write(`建索引…\n`);
    const build = spawnChild('build', lib);
    process.stderr.write(`测 LawDesk 索引…\n`);
    const eng = spawnChild('engine', lib, ['--runs', values.runs!]);
    process.stderr.write(`测暴力 indexOf…\n`);
    const brute = spawnChild('brute', lib, ['--runs', values.runs!]);
    process.stderr.write(`测 fuse.js（子集）…\n`);
    const fuse = spawnChild('fuse', lib, ['--fuse-subset', values['fuse-subset']!]);

    const cpu = cpus()[0]?.model.trim() ?? '?';
    const load = loadavg().map((n) => n.toFixed(1)).join(' ');
    const out: string[] = [];
    out.push(`机器：${cpu} · ${cpus().length} 核 · 内存 ${(totalmem() / 2 ** 30).toFixed(0)} GB · Node ${process.version} · ${process.platform} · 结束时负载 ${load}（其他进程也在用这台机器时数字会变慢）`);
    out.push(
      `语料：${corpus} ×${scale}：${versions.toLocaleString('en')} 个版本，${build.articles?.toLocaleString('en')} 条；查询 ${QUERIES.length} 个（${[...new Set(QUERIES.map((q) => q.kind))].join('、')}），每个 ${values.runs} 轮（预热后）`,
    );
    out.push(`导入（解析+写库，${rep.imported} 件${scale > 1 ? `，另复制 ×${scale - 1} 用 ${f1(copyMs / 1000)} s` : ''}）：${f1(importMs / 1000)} s`);
    out.push('');
    const rows: [string, string, string, string][] = [];
    const tm = (r: ChildReport, k: keyof Timings, p: number | 'max') => (r.timings ? (p === 'max' ? Math.max(...r.timings[k]) : pct(r.timings[k], p)) : NaN);
    const ms = (n: number) => `${f1(n)} ms`;
    rows.push(['', 'LawDesk 索引', '暴力 indexOf', 'fuse.js（子集外推*）']);
    rows.push(['import + 建索引', `${f1((importMs + (build.buildMs ?? 0)) / 1000)} s（索引 ${f1((build.buildMs ?? 0) / 1000)} s）`, `${f1(importMs / 1000)} s（无索引）`, `${f1(importMs / 1000)} s + ${f1((fuse.buildMs ?? 0) / 1000)} s*`]);
    rows.push(['索引占用磁盘', `${f1((build.indexBytes ?? 0) / 1e6)} MB`, '—', '—（仅内存）']);
    rows.push(['冷启动到首个结果', `${ms(eng.coldMs!)}（另：打开资料库 ${ms(eng.storeOpenMs!)}）`, `${ms(brute.coldMs!)}（读全部正文）`, '—']);
    for (const [k, name] of [
      ['full', '全部结果（总数+分面）'],
      ['page', '前 20 条+摘要'],
    ] as const) {
      rows.push([`${name} p50 / p95 / max`, `${ms(tm(eng, k, 50))} / ${ms(tm(eng, k, 95))} / ${ms(tm(eng, k, 'max'))}`, `${ms(tm(brute, k, 50))} / ${ms(tm(brute, k, 95))} / ${ms(tm(brute, k, 'max'))}`, `${ms(tm(fuse, k, 50))} / ${ms(tm(fuse, k, 95))} / ${ms(tm(fuse, k, 'max'))}*`]);
    }
    rows.push(['前 20 条 p95 相对暴力', `快 ${f1(tm(brute, 'page', 95) / tm(eng, 'page', 95))} 倍`, '1×', `慢 ${f1(tm(fuse, 'page', 95) / tm(brute, 'page', 95))} 倍*`]);
    rows.push(['召回率 / 精确率（对子串真值）', `${eng.recall!.toFixed(3)} / ${eng.precision!.toFixed(3)}`, '1 / 1（即真值）', `${fuse.recall!.toFixed(3)} / ${fuse.precision!.toFixed(3)}*`]);
    rows.push(['峰值 RSS', `查询 ${eng.rssMB} MB；建索引 ${build.rssMB} MB`, `${brute.rssMB} MB`, `${fuse.rssMB} MB（子集）`]);
    const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
    const w = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => width(r[i]!))));
    const line = (r: string[]) => '| ' + r.map((c, i) => c + ' '.repeat(w[i]! - width(c))).join(' | ') + ' |';
    out.push(line(rows[0]!));
    out.push('|' + w.map((n) => '-'.repeat(n + 2)).join('|') + '|');
    for (const r of rows.slice(1)) out.push(line(r));
    out.push('');
    out.push(`* fuse.js：${fuse.note}；默认选项（keys: ['text']），AND/排除等按原样交给 fuse。暴力：${brute.note}。`);
    out.push(`LawDesk 最慢的查询（前 20 条，中位数）：${(eng.slowest ?? []).map((x) => `${x.q} ${ms(x.p50)}`).join('；')}。`);
    out.push('各项在各自的新子进程内测（运行打包成 JS 的代码，与应用发布时相同，不经 TypeScript 加载器）。冷启动：从 SearchEngine.open 到首个查询（行政许可，前 20 条+摘要）返回，不含 Node 与模块加载。');
    process.stdout.write(out.join('\n') + '\n');
  } finally {
    if (!values.keep) rmSync(lib, { recursive: true, force: true });
    else process.stderr.write(`资料库保留在 ${lib}\n`);
  }
}

await main();
