// `npm run bench:ui -- --sweep N`: the laws of the corpus that are hardest for the reader, chosen
// by measuring every version in the library (not by name), each opened in the real app; then the
// version diff of the longest laws with two versions and a long briefing pack.
//
// Hard for the reader means, each the top N versions by: units (articles), characters, the
// longest single unit, the most lines (paragraphs + items, as tables and 附件 lists come out) in
// one unit, the most 附件/附表 text, the deepest 编/章/节 nesting (then the most headings), the
// most citation links in the text (法条联想), the most 被引用 by other laws; plus N at random
// (--seed S, default 20) and the joined 民法典.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppService } from '../../electron/core/api/app-service';
import { describeCause, type TaskCause } from './ui-trace';
import { seededRandom } from './seeded-random';

export interface VersionStats {
  versionId: string;
  lawId: string;
  name: string;
  units: number;
  chars: number;
  longestUnit: number;
  mostLines: number;
  appendixChars: number;
  depth: number;
  headings: number;
  links: number;
  citedBy: number;
  versions: number;
}

export interface Pick extends VersionStats {
  why: string[];
}

/** Every version of every law in the library, measured as the reader will get it. */
export async function measureVersions(service: AppService, onProgress?: (done: number, total: number) => void): Promise<VersionStats[]> {
  const list = await service.call('laws:list', { limit: 50_000 });
  const out: VersionStats[] = [];
  let done = 0;
  for (const row of list.rows) {
    const law = await service.call('law:get', { lawId: row.lawId });
    // 被引用 by other laws counts citations of the law, whichever version: asked once per law.
    const rel = await service.call('links:relations', { lawId: row.lawId });
    const citedBy = Object.values(rel.citedByLevel).reduce((a, b) => a + b, 0);
    for (const meta of law.versions) {
      const v = await service.call('version:get', { versionId: meta.id });
      const links = await service.call('links:version', { versionId: meta.id });
      let chars = 0;
      let longestUnit = 0;
      let mostLines = 0;
      let appendixChars = 0;
      let depth = 0;
      const heads = new Set<string>();
      for (const u of v.units) {
        chars += u.text.length;
        longestUnit = Math.max(longestUnit, u.text.length);
        mostLines = Math.max(mostLines, u.text.split('\n').filter(Boolean).length);
        if (u.kind === 'appendix' || /^附[件表录]/.test(u.label)) appendixChars += u.text.length;
        depth = Math.max(depth, u.path.length);
        u.path.forEach((_, i) => heads.add(u.path.slice(0, i + 1).join('\u0000')));
      }
      out.push({
        versionId: meta.id,
        lawId: row.lawId,
        name: `${meta.title}${meta.subtitle ? '·' + meta.subtitle : ''}（${meta.published ?? meta.effective ?? '无日期'}）`,
        units: v.units.length,
        chars,
        longestUnit,
        mostLines,
        appendixChars,
        depth,
        headings: heads.size,
        links: links.length,
        citedBy,
        versions: law.versions.length,
      });
    }
    onProgress?.(++done, list.rows.length);
  }
  return out;
}

export const CRITERIA: [why: string, key: (s: VersionStats) => number][] = [
  ['条数', (s) => s.units],
  ['字数', (s) => s.chars],
  ['最长一条', (s) => s.longestUnit],
  ['一条中的行数', (s) => s.mostLines],
  ['附件/附表', (s) => s.appendixChars],
  ['章节层级', (s) => s.depth * 10_000 + s.headings],
  ['文中引用链接', (s) => s.links],
  ['被其他法规引用', (s) => s.citedBy],
];

/** The top `n` by each criterion, `n` at random, and whatever `always` names; each once, with why. */
export function pickHardest(all: VersionStats[], n: number, seed: number, always: (s: VersionStats) => boolean): Pick[] {
  const picked = new Map<string, Pick>();
  const add = (s: VersionStats, why: string) => {
    const p = picked.get(s.versionId) ?? { ...s, why: [] };
    if (!p.why.includes(why)) p.why.push(why);
    picked.set(s.versionId, p);
  };
  for (const s of all) if (always(s)) add(s, '指定');
  for (const [why, key] of CRITERIA) {
    const ranked = all.filter((s) => key(s) > 0).sort((a, b) => key(b) - key(a));
    for (const s of ranked.slice(0, n)) add(s, why);
  }
  const rnd = seededRandom(seed);
  const rest = all.filter((s) => !picked.has(s.versionId));
  for (let i = 0; i < n && rest.length; i++) add(rest.splice(Math.floor(rnd() * rest.length), 1)[0]!, '随机');
  return [...picked.values()];
}

/** Laws with two versions or more, longest (articles of the newer two together) first: the diff view's hardest. */
export function pickDiffs(all: VersionStats[], n: number): { lawId: string; name: string; from: string; to: string; units: number }[] {
  const byLaw = new Map<string, VersionStats[]>();
  for (const s of all) byLaw.set(s.lawId, [...(byLaw.get(s.lawId) ?? []), s]);
  const out: { lawId: string; name: string; from: string; to: string; units: number }[] = [];
  for (const vs of byLaw.values()) {
    if (vs.length < 2) continue;
    // law:get lists versions oldest first: the newest two, as the reader's 版本对比 opens.
    const [a, b] = vs.slice(-2) as [VersionStats, VersionStats];
    out.push({ lawId: a.lawId, name: b.name, from: a.versionId, to: b.versionId, units: a.units + b.units });
  }
  return out.sort((x, y) => y.units - x.units).slice(0, n);
}

type Opened = { first: number; all: number; maxTask: number; sent: number; answered: number };
export interface SweepDeps {
  service: AppService;
  openRoute: (hash: string, first: string, done: string, mark?: string, apiPath?: string) => Promise<Opened>;
  openLaw: (versionId: string, mark?: string) => Promise<Opened>;
  /** --traced: runs one open under a Chromium trace and gives its tasks (CPU time) in the mark's phase. */
  trace?: ((run: (mark: string) => Promise<unknown>) => Promise<TaskCause[]>) | undefined;
  rounds: number;
  n: number;
  seed: number;
  json: boolean;
  log: (s: string) => void;
  loadBefore: number[];
  /** --only RE: just the opens whose description matches (to re-measure one case). */
  only?: RegExp | undefined;
}

const r1 = (x: number) => Math.round(x * 10) / 10;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? NaN;

export interface SweepRow {
  what: string;
  why: string;
  firstMs: number;
  allMs: number;
  maxTaskMs: number;
  answeredMs: number;
  /** When the page's request left, from the route change (median). */
  sentMs: number;
  /** --traced: the CPU time of the longest task while opening, and how many used over 50 ms of CPU. */
  maxTaskCpuMs?: number;
  over50msCpu?: number;
  cpuToFirstMs?: number;
}

export async function sweep(d: SweepDeps): Promise<void> {
  const { log } = d;
  const t0 = performance.now();
  // Measuring every version takes a minute: kept for the same library at the same generation.
  const info = await d.service.call('library:info', {});
  const cache = join(tmpdir(), `lawdesk-ui-sweep-${createHash('sha1').update(info.dir).digest('hex').slice(0, 12)}-${info.generation}.json`);
  const all: VersionStats[] = existsSync(cache)
    ? (JSON.parse(readFileSync(cache, 'utf8')) as VersionStats[])
    : await measureVersions(d.service, (done, total) => {
        if (done % 500 === 0 || done === total) log(`  量过 ${done} / ${total} 部法规`);
      });
  writeFileSync(cache, JSON.stringify(all));
  log(`逐版本量过 ${all.length} 个版本：${Math.round(performance.now() - t0)} ms`);
  const joined = (s: VersionStats) => s.name.startsWith('中华人民共和国民法典（') && s.units >= 1260;
  const picks = pickHardest(all, d.n, d.seed, joined);
  const rows: SweepRow[] = [];
  const run = async (what: string, why: string, open: (mark?: string) => Promise<Opened>) => {
    if (d.only && !d.only.test(`${what} ${why}`)) return;
    const rs: Opened[] = [];
    for (let i = 0; i < d.rounds; i++) rs.push(await open());
    const causes = d.trace ? (await d.trace((mark) => open(mark))).sort((a, b) => b.cpuMs - a.cpuMs) : undefined;
    const row = {
      what,
      why,
      firstMs: r1(median(rs.map((r) => r.first))),
      allMs: r1(median(rs.map((r) => r.all))),
      maxTaskMs: r1(Math.max(...rs.map((r) => r.maxTask))),
      answeredMs: r1(median(rs.map((r) => r.answered))),
      sentMs: r1(median(rs.map((r) => r.sent))),
      ...(causes
        ? {
            maxTaskCpuMs: r1(causes[0]?.cpuMs ?? 0),
            over50msCpu: causes.filter((c) => c.cpuMs > 50).length,
            // The main thread's CPU from the route change to the first content painted: about what
            // the wall time would be on a quiet machine (the API answer aside).
            cpuToFirstMs: r1(causes.filter((c) => c.phase === 'sweep').reduce((a, c) => a + c.cpuMs, 0)),
          }
        : {}),
    };
    rows.push(row);
    const flag = row.firstMs > 200 || row.maxTaskMs > 100 ? '  ✗' : '';
    const cpu = causes ? ` ${String(row.maxTaskCpuMs).padStart(7)} ${String(row.cpuToFirstMs).padStart(7)}` : '';
    log(`${row.firstMs.toString().padStart(7)} ${row.maxTaskMs.toString().padStart(7)}${cpu} ${row.allMs.toString().padStart(8)} ${row.answeredMs.toString().padStart(7)} ${row.sentMs.toString().padStart(6)}  ${what}（${why}）${flag}`);
    if (causes?.[0] && causes[0].cpuMs > 50) log(describeCause(causes[0]));
  };
  log(`\n阅读：${picks.length} 个版本（每项前 ${d.n} 名与随机 ${d.n} 个，种子 ${d.seed}），每个打开 ${d.rounds} 次`);
  log(` 首条ms  最长任务${d.trace ? ' 其CPU ms 首屏前CPU' : ''}  全部ms  应答ms 发出ms  法规（入选原因）`);
  for (const p of picks) {
    const stats = `${p.units} 条，${p.chars} 字，最长一条 ${p.longestUnit} 字，一条最多 ${p.mostLines} 行，附件 ${p.appendixChars} 字，${p.depth} 层 ${p.headings} 个标题，引用链接 ${p.links}，被引用 ${p.citedBy}`;
    await run(p.name, `${p.why.join('、')}；${stats}`, (mark) => d.openLaw(p.versionId, mark));
  }
  // The article asked for at the far end of the longest laws (a search hit, a 第N条 jump).
  for (const p of [...picks].sort((a, b) => b.units - a.units).slice(0, 2)) {
    const v = await d.service.call('version:get', { versionId: p.versionId });
    const last = v.units[v.units.length - 1]!;
    await run(`${p.name} 打开到 ${last.label}`, '远处的条文', (mark) =>
      d.openRoute(`#/read/${encodeURIComponent(p.versionId)}?a=${encodeURIComponent(last.key)}`, `[id="article-${last.key}"]`, '[data-testid="reader-text"][data-rendered="all"]', mark),
    );
  }

  log(`\n版本对比：有两个以上版本的法规中条文最多的 ${d.n} 部（新的两版，默认只看有变化的条文）`);
  for (const df of pickDiffs(all, d.n)) {
    const hash = `#/diff/${encodeURIComponent(df.lawId)}?from=${encodeURIComponent(df.from)}&to=${encodeURIComponent(df.to)}`;
    await run(`版本对比 ${df.name}`, `两版共 ${df.units} 条`, (mark) => d.openRoute(hash, '[data-testid="diff-row"]', '[data-testid="diff-rows"][data-rendered="all"]', mark, '/api/versions:diff'));
  }
  // The longest one opened on its last article, as the reader's 版本对比 does on an article far down.
  const far = pickDiffs(all, 1)[0];
  if (far) {
    const to = await d.service.call('version:get', { versionId: far.to });
    const last = to.units[to.units.length - 1]!;
    const hash = `#/diff/${encodeURIComponent(far.lawId)}?from=${encodeURIComponent(far.from)}&to=${encodeURIComponent(far.to)}&a=${encodeURIComponent(last.key)}`;
    await run(`版本对比 ${far.name} 打开到 ${last.label}`, '远处的条文', (mark) => d.openRoute(hash, '[data-testid="diff-row"]', '[data-testid="diff-rows"][data-rendered="all"]', mark, '/api/versions:diff'));
  }

  // A long briefing pack: every article of the longest law, as 加入简报 adds them.
  const longest = [...all].sort((a, b) => b.units - a.units)[0]!;
  const v = await d.service.call('version:get', { versionId: longest.versionId });
  const items = v.units.map((u) => ({ type: 'article' as const, law: v.meta.lawId, version: v.meta.id, article: u.key, titleSnapshot: `${v.meta.title} ${u.label}` }));
  const packTitle = `基准：${longest.name} 全部条文`;
  // A reused library keeps the pack of the last run.
  let pack = (await d.service.call('packs:list', {})).find((p) => p.title === packTitle && p.itemCount >= items.length);
  if (!pack) {
    const made = await d.service.call('packs:create', { title: packTitle, template: '通用' });
    for (let i = 0; i < items.length; i += 500) await d.service.call('packs:addItems', { id: made.id, items: items.slice(i, i + 500) });
    pack = { ...made, itemCount: items.length };
  }
  log(`\n简报：${items.length} 项`);
  await run(`简报 ${items.length} 项（${longest.name} 全部条文）`, '长简报', (mark) =>
    d.openRoute(`#/packs?id=${encodeURIComponent(pack.id)}`, '[data-testid="pack-item"]', '[data-testid="pack-items"][data-rendered="all"]', mark, '/api/packs:get'),
  );

  // 法规库 itself: every law of the library in one (virtual) table.
  log(`\n法规库：`);
  await run('法规库（全部法规）', '表格', (mark) => d.openRoute('#/library', '[data-testid="grid-row"] [data-testid="law-title"], .ant-table-row [data-testid="law-title"]', '[data-testid="library-total"]:not(:empty)', mark, '/api/laws:list'));

  const worst = (key: 'firstMs' | 'maxTaskMs' | 'maxTaskCpuMs' | 'cpuToFirstMs') => [...rows].sort((a, b) => (b[key] ?? 0) - (a[key] ?? 0)).slice(0, 5);
  const over = rows.filter((r) => r.firstMs > 200 || r.maxTaskMs > 100);
  log(`\n最慢的首屏：${worst('firstMs').map((r) => `${r.what} ${r.firstMs} ms`).join('；')}`);
  log(`最长的任务：${worst('maxTaskMs').map((r) => `${r.what} ${r.maxTaskMs} ms`).join('；')}`);
  if (d.trace) log(`首屏前主线程 CPU 最多：${worst('cpuToFirstMs').map((r) => `${r.what} ${r.cpuToFirstMs} ms`).join('；')}`);
  if (d.trace) log(`CPU 时间最长的任务：${worst('maxTaskCpuMs').map((r) => `${r.what} ${r.maxTaskCpuMs} ms`).join('；')}`);
  log(`超过目标（首屏 > 200 ms 或任务 > 100 ms）：${over.length} / ${rows.length}`);
  const { loadavg } = await import('node:os');
  const load = { before: d.loadBefore.map(r1), after: loadavg().map(r1) };
  log(`负载（1/5/15 分钟）：开始 ${load.before.join(' / ')}，结束 ${load.after.join(' / ')}`);
  if (d.json) console.log(JSON.stringify({ sweep: rows, over: over.length, load }, null, 2));
}
