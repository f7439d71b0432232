// UI benchmark: what the user feels, measured in real Chromium against the browser face with the
// real corpus (../shared/corpus) plus the whole 民法典 joined from its parts (1,260 articles).
//
//   npm run bench:ui [-- --json] [-- --library DIR (reuse an imported library)] [-- --rounds N] [-- --profile] [-- --screenshots]
//                    [-- --detail (each keystroke and open split up)] [-- --renderer DIR (another build, for before/after)]
//                    [-- --keys-only (keystrokes only: no laws opened, every query typed in the traced pass)]
//                    [-- --no-attribution | --only-attribution (the traced pass below)] [-- --trace-file FILE]
//   npm run bench:ui -- --sweep N [-- --seed S] [-- --rounds R] [-- --traced [-- --trace-dir DIR]] [-- --only REGEX] [-- --json]
//                    [-- --gc (collect the garbage of the pages reloaded before each open, then open)]
//                    [-- --in-app (one page load for the whole sweep: each case opened from 法规库 by in-app
//                     navigation, as a user goes from law to law, instead of after a page reload)]
//                    (the corpus's hardest laws for the reader, the longest diffs, a long pack: ui-sweep.ts)
//
// - keystroke → results painted: each character of real queries typed into 搜索 (one input event
//   per character, as an input method commits them), timed in the page from the input event to the
//   first frame after the answer to exactly that text is on screen; p50 / p95.
// - open → first article painted, for 行政许可法, 民法典·合同编 (526 articles) and the joined 民法典:
//   from the route change to the frame after the first article is in the page, the time until every
//   article is rendered, and the longest main-thread task meanwhile.
// - long tasks (> 50 ms, the browser's own PerformanceObserver) over the whole run.
// - then, unless --no-attribution, a pass under a Chromium trace (four queries typed, each law
//   opened once) printing each task over 50 ms with what it was made of (ui-trace.ts): script /
//   style+layout / paint / GC, how it was entered, the bundle modules and our functions in it.
// Prints the machine's load (os.loadavg) with the numbers: the machine is shared.

import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MemorySettingsStore } from '../../electron/core/api/settings-file';
import { startBrowserFace } from '../../electron/server/browser-face';
import type { BrowserContext } from 'playwright-core';
import { ensureBuilt, launchChromium } from '../browser/browser-harness';
import { joinCivilCode } from './civil-code';
import { sweep } from './ui-sweep';
import { TRACE_CATEGORIES, describeCause, longTaskCauses, markSpansCpu, type TaskCause } from './ui-trace';
import { lawRowsFromWire } from '../../electron/shared/api-contract';

const ROOT = resolve(import.meta.dirname, '../..');
const CORPUS = resolve(ROOT, '../shared/corpus');
const args = process.argv.slice(2);
const json = args.includes('--json');
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const rounds = Number(opt('--rounds') ?? 3);
const log = (s: string) => {
  if (!json) console.log(s);
};
/** --profile: a Chromium CPU profile of the keystrokes and of opening each law, summarised (top self time). */
const profile = args.includes('--profile');
/** --detail: every keystroke with where its time went (until the request left, the request, after the answer). */
const detail = args.includes('--detail');
/** --sweep N: instead of the fixed three laws, the corpus's hardest laws, diffs and a long pack (ui-sweep.ts). */
const sweepN = args.includes('--sweep') ? Number(opt('--sweep') ?? 5) || 5 : undefined;
/** --only-screenshots: skip the measurements (with --screenshots). */
const measure = !args.includes('--only-screenshots') && !args.includes('--only-attribution') && sweepN === undefined;
/** --keys-only: the keystrokes alone (before/after of the search page in less time). */
const keysOnly = args.includes('--keys-only');

/** Real queries of the office, typed one character at a time (≥ 30 keystrokes). */
const QUERIES = ['行政许可 听证', '人民政府', '合法性审查', '统计法第七条', '科技成果转化', '个人信息保护', '重大行政决策 公众参与', '安全生产责任制', '行政处罚 罚款'];

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : NaN;
};
const r1 = (x: number) => Math.round(x * 10) / 10;

async function main() {
  if (!existsSync(CORPUS)) throw new Error(`没有找到语料库 ${CORPUS}（UI 基准测试需要 ../shared/corpus）`);
  // --renderer DIR: measure another build of the renderer (before/after in one session, same load).
  const rendererDir = opt('--renderer') ? resolve(opt('--renderer')!) : join(ROOT, 'out/renderer');
  if (!opt('--renderer')) ensureBuilt();
  const loadBefore = loadavg();
  const keep = opt('--library');
  const tmp = mkdtempSync(join(tmpdir(), 'lawdesk-ui-bench-'));
  const libraryDir = keep ? resolve(keep) : join(tmp, 'library');
  let starterDir: string | undefined;
  if (!existsSync(join(libraryDir, 'laws')) && !existsSync(libraryDir + '/library.json')) {
    // The corpus as the starter library, with the joined 民法典 beside its parts.
    starterDir = join(tmp, 'starter');
    cpSync(CORPUS, starterDir, { recursive: true });
    mkdirSync(join(starterDir, 'laws/民法典全文'), { recursive: true });
    writeFileSync(join(starterDir, 'laws/民法典全文/民法典(2020-05-28).md'), joinCivilCode(join(CORPUS, 'laws/民法典')));
    const manifest = join(starterDir, 'manifest.jsonl');
    const line = { path: 'laws/民法典全文/民法典(2020-05-28).md', title: '民法典', subtitle: null, level: '法律', region: '全国', category: '民法典', published: '2020-05-28', effective: '2021-01-01', expired: false };
    const first = readFileSync(manifest, 'utf8').split('\n')[0] ?? '';
    // The manifest's paths are relative to its folder; keep the same convention.
    if (!first.includes('"path": "laws/')) line.path = line.path.replace(/^laws\//, '');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/\n?$/, '\n') + JSON.stringify(line) + '\n');
  }
  const t0 = performance.now();
  const face = await startBrowserFace({ libraryDir, ...(starterDir ? { starterDir } : {}), settings: new MemorySettingsStore(), rendererDir });
  await face.service.searchReady();
  log(`资料库就绪：${Math.round(performance.now() - t0)} ms（${starterDir ? '导入语料库' : '复用 ' + libraryDir}）`);
  const list = { rows: lawRowsFromWire((await face.service.call('laws:list', { limit: 5000 })).rows) };
  const find = (pred: (r: { title: string; subtitle?: string | null; articleCount: number }) => boolean, what: string) => {
    const r = list.rows.find(pred);
    if (!r) throw new Error(`资料库里没有 ${what}`);
    return r;
  };
  const laws = {
    行政许可法: find((r) => r.title === '中华人民共和国行政许可法', '行政许可法'),
    合同编: find((r) => r.title === '中华人民共和国民法典' && r.subtitle === '合同编', '民法典·合同编'),
    民法典: find((r) => r.title === '中华人民共和国民法典' && !r.subtitle && r.articleCount >= 1260, '民法典（全文）'),
  };

  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  // tsx keeps function names with an __name helper that the page does not have.
  await page.addInitScript('globalThis.__name = (f) => f;');
  await page.addInitScript(() => {
    const w = window as unknown as { __long: { at: number; ms: number }[]; __input: number };
    w.__long = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__long.push({ at: e.startTime, ms: e.duration }))).observe({ type: 'longtask', buffered: true });
    document.addEventListener('input', () => (w.__input = performance.now()), true);
  });
  await page.goto(face.url);
  await page.getByTestId('library-total').waitFor();
  const cdp = profile ? await context.newCDPSession(page) : undefined;
  const profiled = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
    if (!cdp) return run();
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
    await cdp.send('Profiler.start');
    const out = await run();
    const { profile: prof } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    console.log(`CPU 分布（${what}，自身时间前 25 项）：\n${summarise(prof)}`);
    return out;
  };

  // Every long task of the run: the page is loaded afresh for each query and each law, so its own
  // list is drained into this one after each step.
  const allLong: number[] = [];
  const drainLong = async () => {
    allLong.push(...(await page.evaluate(() => (window as unknown as { __long: { ms: number }[] }).__long.splice(0).map((t) => t.ms))));
  };

  /** Types one query a character at a time; the time of each keystroke to its results painted. */
  const typeQuery = async (q: string, mark = ''): Promise<number[]> => {
    const out: number[] = [];
    await page.goto(face.url.replace(/#.*$/, '') + '#/search');
    const input = page.getByTestId('search-input').locator('input');
    await input.waitFor();
    await input.focus();
    if (mark) await page.evaluate((m) => performance.mark(m), mark);
    let typed = '';
    for (const ch of q) {
      typed += ch;
      // Traced: each keystroke its own phase, so a long task names the text it followed.
      if (mark) await page.evaluate((m) => performance.mark(m), `${mark} → ${typed}`);
      await page.keyboard.insertText(ch);
      if (typed.trim() !== typed || !typed.trim()) continue; // a space searches the same thing
      const r = await page.evaluate(
        ([want, traced]) =>
          new Promise<{ ms: number; sent: number; answered: number }>((done, fail) => {
            const w = window as unknown as { __input: number };
            const start = w.__input;
            const ready = () => document.querySelector(`[data-testid="search-area"][data-query="${CSS.escape(want)}"]`);
            const finish = () =>
              requestAnimationFrame(() =>
                setTimeout(() => {
                  // Traced: the end of the keystroke's span (markSpansCpu).
                  if (traced) performance.mark(`painted:${want}`);
                  const req = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/api/search:query') && e.startTime >= start).pop() as PerformanceResourceTiming | undefined;
                  performance.clearResourceTimings();
                  done({ ms: performance.now() - start, sent: req ? req.startTime - start : NaN, answered: req ? req.responseEnd - start : NaN });
                }, 0),
              );
            if (ready()) return finish();
            const mo = new MutationObserver(() => {
              if (!ready()) return;
              mo.disconnect();
              finish();
            });
            mo.observe(document.body, { subtree: true, attributes: true, childList: true });
            setTimeout(() => fail(new Error(`“${want}”的结果 20 秒内没有出现`)), 20_000);
          }),
        [typed, !!mark] as const,
      );
      out.push(r.ms);
      if (detail) console.log(`  ${typed.padEnd(14, '　')} ${r1(r.ms).toString().padStart(6)} ms  请求发出 ${r1(r.sent)}  应答到达 ${r1(r.answered)}  应答后 ${r1(r.ms - r.answered)}`);
    }
    if (mark) await page.evaluate(() => performance.mark('bench:'));
    await drainLong();
    return out;
  };

  // --- keystrokes ---
  const keystrokes: number[] = [];
  await profiled('按键', async () => {
    for (let round = 0; measure && round < Math.max(1, Math.ceil(rounds / 3)); round++) {
      for (const q of QUERIES) keystrokes.push(...(await typeQuery(q)));
    }
  });
  if (keystrokes.length) log(`按键 → 结果上屏：${keystrokes.length} 次，p50 ${r1(pct(keystrokes, 50))} ms，p95 ${r1(pct(keystrokes, 95))} ms，最慢 ${r1(Math.max(...keystrokes))} ms`);

  // The JS heap just before each route change (CDP, after the page before it has loaded): what the
  // reloads below leave for the garbage collector. --gc: that garbage collected first (see openRoute).
  const gcBeforeOpen = args.includes('--gc');
  /** --in-app: no page reload before an open; the page was loaded once, at the start. */
  const inApp = args.includes('--in-app');
  const heapCdp = sweepN !== undefined || gcBeforeOpen ? await context.newCDPSession(page) : undefined;
  const heapBeforeOpenMb: number[] = [];
  /**
   * From 法规库, opens a page by its address: the frame after `first` is in the page, the time until
   * `done` is, and the longest main-thread task meanwhile (the reader: first article / every article).
   */
  const openRoute = async (hash: string, first: string, done: string, mark = '', apiPath = '/api/version:get') => {
    // From 法规库, as a user opens a law; 法规库 itself from 搜索. The address carries the per-run
    // token, so this is a full page load (the app starts afresh), unlike a user's click: every
    // discarded page's heap stays in the renderer until a major GC, which then lands in some
    // later open (434 MB → 39 MB in one 216 ms task, session 10).
    // --in-app: the same two steps by the app's own router (the address's fragment), in the one
    // page loaded at the start — what a user clicking from law to law does.
    const from = hash.startsWith('#/library') ? '#/search' : '#/library';
    if (inApp) await page.evaluate((h) => (location.hash = h), from);
    else await page.goto(face.url.replace(/#.*$/, '') + from);
    if (from === '#/search') await page.getByTestId('search-input').waitFor();
    else if (!inApp) await page.getByTestId('library-total').waitFor();
    else {
      // 法规库 asks its list again as it mounts: settled once its rows are in the page and painted.
      await page.locator('[data-testid="grid-row"] [data-testid="law-title"]').first().waitFor();
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    }
    if (heapCdp) {
      // --gc: the earlier pages' garbage is collected before the open, not during it; any GC the
      // open's own allocation causes is still in the measure.
      if (gcBeforeOpen) await heapCdp.send('HeapProfiler.collectGarbage');
      const u = (await heapCdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      heapBeforeOpenMb.push(u.usedSize / 1e6);
    }
    const r = await page.evaluate(
      ([hash, firstSel, doneSel, mark, apiPath]) =>
          new Promise<{ first: number; all: number; maxTask: number; sent: number; answered: number }>((done, fail) => {
            const w = window as unknown as { __long: { at: number; ms: number }[] };
            performance.clearResourceTimings();
            const start = performance.now();
            let first = -1;
            let sent = NaN;
            let answered = NaN;
            if (mark) performance.mark(mark);
            location.hash = hash;
            const check = () => {
              if (first < 0 && document.querySelector(firstSel)) {
                first = -2;
                requestAnimationFrame(() =>
                  setTimeout(() => {
                    first = performance.now() - start;
                    // Traced: what comes after the first paint is its own phase.
                    if (mark) performance.mark(`${mark} 首屏后`);
                    const req = performance.getEntriesByType('resource').filter((e) => e.name.endsWith(apiPath) && e.startTime >= start).pop() as PerformanceResourceTiming | undefined;
                    sent = req ? req.startTime - start : NaN;
                    answered = req ? req.responseEnd - start : NaN;
                  }, 0),
                );
              }
              if (first >= 0 && document.querySelector(doneSel)) {
                mo.disconnect();
                clearInterval(poll);
                const all = performance.now() - start;
                // Long tasks are reported a little after they end; those that began before the
                // route changed (the 法规库 page still settling) are not the page's.
                setTimeout(() => {
                  if (mark) performance.mark('bench:');
                  done({ first, all, sent, answered, maxTask: Math.max(0, ...w.__long.filter((t) => t.at >= start).map((t) => t.ms)) });
                }, 300);
              }
            };
            const mo = new MutationObserver(check);
            mo.observe(document.body, { subtree: true, childList: true, attributes: true });
            const poll = setInterval(() => {
              check();
              if (performance.now() - start > 60_000) {
                clearInterval(poll);
                fail(new Error(`60 秒内没有打开 ${hash}`));
              }
            }, 50);
          }),
      [hash, first, done, mark, apiPath] as const,
    );
    await drainLong();
    return r;
  };
  const openLaw = (versionId: string, mark = '') =>
    openRoute(`#/read/${encodeURIComponent(versionId)}`, '[data-testid="article"]', '[data-testid="reader-text"][data-rendered="all"]', mark);

  if (sweepN !== undefined) {
    // --traced: each page opened once more under a Chromium trace, for the CPU time of its longest
    // task (what a loaded machine inflates least) and what that task was made of.
    let traced = 0;
    if (opt('--trace-dir')) mkdirSync(resolve(opt('--trace-dir')!), { recursive: true });
    const trace = args.includes('--traced')
      ? async (run: (mark: string) => Promise<unknown>) => {
          await browser.startTracing(page, { categories: TRACE_CATEGORIES });
          await run('bench:sweep');
          const t = (await browser.stopTracing()).toString('utf8');
          // --trace-dir DIR: each case's trace kept (chrome://tracing, DevTools' Performance panel).
          if (opt('--trace-dir')) writeFileSync(join(resolve(opt('--trace-dir')!), `sweep-${++traced}.json`), t);
          return longTaskCauses(t, rendererDir, 0, true).filter((c) => c.phase.startsWith('sweep'));
        }
      : undefined;
    // --in-app: what the app itself holds after a full GC, before the first open and after the
    // last (the garbage of the opens collected): a growth is what the opens left behind.
    const retainedMb = async () => {
      await heapCdp!.send('HeapProfiler.collectGarbage');
      return ((await heapCdp!.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize / 1e6;
    };
    const retainedBefore = inApp ? await retainedMb() : undefined;
    log(inApp ? `打开方式：应用内跳转（整个测量只加载一次页面，从法规库点开每一项）；回收后 JS 堆 ${r1(retainedBefore!)} MB` : '打开方式：每次打开前重新加载页面（地址带令牌）');
    await sweep({ service: face.service, openRoute, openLaw, trace, rounds: Number(opt('--rounds') ?? 1), n: sweepN, seed: Number(opt('--seed') ?? 20), json, log, loadBefore, only: opt('--only') ? new RegExp(opt('--only')!) : undefined });
    if (heapBeforeOpenMb.length) {
      const hs = heapBeforeOpenMb;
      log(`每次打开前的 JS 堆（${hs.length} 次${gcBeforeOpen ? '，--gc：先回收之前页面的垃圾' : '，未回收'}）：中位 ${r1(pct(hs, 50))} MB，最大 ${r1(Math.max(...hs))} MB`);
    }
    if (inApp) {
      await page.evaluate(() => (location.hash = '#/library'));
      await page.locator('[data-testid="library-total"]:not(:empty)').waitFor();
      log(`应用内跳转：回到法规库并回收后的 JS 堆 ${r1(await retainedMb())} MB（测量开始时 ${r1(retainedBefore!)} MB）`);
    }
    await browser.close();
    await face.stop();
    rmSync(tmp, { recursive: true, force: true });
    return;
  }

  // --- opening laws ---
  const readerOpenMs: Record<string, number> = {};
  const readerAllMs: Record<string, number> = {};
  const readerMaxTaskMs: Record<string, number> = {};
  for (const [name, law] of Object.entries(keysOnly ? {} : laws)) {
    const opens: number[] = [];
    const alls: number[] = [];
    const tasks: number[] = [];
    await profiled(`打开 ${name}`, async () => {
    for (let i = 0; measure && i < rounds; i++) {
      const r = await openLaw(law.versionId);
      if (detail) console.log(`  ${name} 首条 ${r1(r.first)} ms  请求发出 ${r1(r.sent)}  应答到达 ${r1(r.answered)}  应答后 ${r1(r.first - r.answered)}  全部 ${r1(r.all)}  最长任务 ${r.maxTask}`);
      opens.push(r.first);
      alls.push(r.all);
      tasks.push(r.maxTask);
    }
    });
    readerOpenMs[name] = r1(pct(opens, 50));
    readerAllMs[name] = r1(pct(alls, 50));
    readerMaxTaskMs[name] = r1(Math.max(...tasks));
    log(`打开 ${name}（${law.articleCount} 条）→ 首条上屏 ${readerOpenMs[name]} ms（中位，${rounds} 次），全部条文 ${readerAllMs[name]} ms，最长任务 ${readerMaxTaskMs[name]} ms`);
  }

  if (args.includes('--screenshots')) {
    // A failed screenshot must not cost the numbers measured above.
    await screenshots(face.url, context, laws).catch((e: unknown) => console.error(`截图失败：${e instanceof Error ? e.message : String(e)}`));
  }

  await drainLong();
  const long = allLong;
  const loadAfter = loadavg();

  // --- attribution: once more under a Chromium trace (it slows the page, so apart from the
  // numbers above), each task over 50 ms with what it was made of ---
  let causes: TaskCause[] = [];
  let tracedCpu: Record<string, { maxTaskCpuMs: number; over50msCpu: number }> = {};
  let tracedKeystrokeCpuMs: { keystrokes: number; p50: number; p95: number; max: number } | undefined;
  if (!args.includes('--no-attribution')) {
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    for (const q of keysOnly ? QUERIES : QUERIES.slice(0, 4)) await typeQuery(q, `bench:输入 ${q}`);
    for (const [name, law] of Object.entries(keysOnly ? {} : laws)) await openLaw(law.versionId, `bench:打开 ${name}`);
    const trace = (await browser.stopTracing()).toString('utf8');
    // Each traced keystroke's main-thread CPU until its results painted: the number to compare
    // across loads (the wall times above grow with the machine's load).
    const spans = markSpansCpu(trace);
    const cpus = spans.map((x) => x.cpuMs);
    tracedKeystrokeCpuMs = { keystrokes: cpus.length, p50: r1(pct(cpus, 50)), p95: r1(pct(cpus, 95)), max: r1(Math.max(0, ...cpus)) };
    log(`跟踪下按键 → 结果上屏的主线程 CPU 时间：${cpus.length} 次，p50 ${tracedKeystrokeCpuMs.p50} ms，p95 ${tracedKeystrokeCpuMs.p95} ms，最多 ${tracedKeystrokeCpuMs.max} ms`);
    if (detail) for (const x of spans) log(`  ${x.text.padEnd(14, '　')} CPU ${x.cpuMs.toString().padStart(6)} ms  （跟踪下墙钟 ${x.wallMs} ms）`);
    // --trace-file FILE: the trace itself, for chrome://tracing or DevTools' Performance panel.
    if (opt('--trace-file')) writeFileSync(resolve(opt('--trace-file')!), trace);
    causes = longTaskCauses(trace, rendererDir, 50).sort((a, b) => b.ms - a.ms);
    // CPU time per task is what a loaded machine inflates least: the longest per step, and how
    // many tasks used more than 50 ms of it.
    const byCpu = longTaskCauses(trace, rendererDir, 0, true);
    const steps = [...new Set(byCpu.map((c) => c.phase.replace(/ → .*$/, '')).filter(Boolean))];
    tracedCpu = Object.fromEntries(
      steps.map((st) => {
        const mine = byCpu.filter((c) => c.phase.replace(/ → .*$/, '') === st);
        return [st, { maxTaskCpuMs: r1(Math.max(0, ...mine.map((c) => c.cpuMs))), over50msCpu: mine.filter((c) => c.cpuMs > 50).length }];
      }),
    );
    log(`跟踪下每一步最长任务的 CPU 时间（ms）与 CPU 超过 50 ms 的任务数：${Object.entries(tracedCpu).map(([k, v]) => `${k} ${v.maxTaskCpuMs}（${v.over50msCpu}）`).join('；')}`);
    log(`跟踪下的长任务（>50 ms，跟踪本身使页面变慢）：${causes.length} 个；每一步最长的三个：`);
    const phases = [...new Set(causes.map((c) => c.phase))];
    for (const ph of phases) for (const c of causes.filter((x) => x.phase === ph).slice(0, 3)) log(describeCause(c));
  }
  const result = {
    keystrokes: keystrokes.length,
    keystrokeP50Ms: r1(pct(keystrokes, 50)),
    keystrokeP95Ms: r1(pct(keystrokes, 95)),
    keystrokeMaxMs: r1(Math.max(...keystrokes)),
    readerOpenMs,
    readerAllRenderedMs: readerAllMs,
    readerMaxTaskMs,
    longTasks: { count: long.length, over100ms: long.filter((d) => d > 100).length, maxMs: r1(Math.max(0, ...long)) },
    load: { before: loadBefore.map(r1), after: loadAfter.map(r1) },
    tracedKeystrokeCpuMs,
    tracedLongTasks: causes.slice(0, 10),
    tracedCpu,
  };
  log(`长任务（>50 ms）：${result.longTasks.count} 个，其中 >100 ms ${result.longTasks.over100ms} 个，最长 ${result.longTasks.maxMs} ms`);
  log(`负载（1/5/15 分钟）：开始 ${result.load.before.join(' / ')}，结束 ${result.load.after.join(' / ')}`);
  if (json) console.log(JSON.stringify(result, null, 2));
  await browser.close();
  await face.stop();
  if (!keep) rmSync(tmp, { recursive: true, force: true });
  else rmSync(join(tmp), { recursive: true, force: true });
}

/**
 * --screenshots: the search page and the reader at 1024×700 (the smallest window the office uses)
 * on the real corpus, into resources/screenshots/.
 */
async function screenshots(url: string, context: BrowserContext, laws: Record<'行政许可法' | '合同编' | '民法典', { versionId: string }>) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1024, height: 700 });
  const base = url.replace(/#.*$/, '');
  const out = join(ROOT, 'resources/screenshots');
  mkdirSync(out, { recursive: true });
  const shot = async (name: string) => {
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(out, name) });
    log(`截图 ${join(out, name)}`);
  };
  await page.goto(base + '#/search');
  const input = page.getByTestId('search-input').locator('input');
  await input.fill('行政许可 听证');
  await page.locator('[data-testid="search-area"][data-query="行政许可 听证"]').waitFor();
  await page.keyboard.press('ArrowDown');
  await shot('search-1024.png');
  await page.goto(`${base}#/read/${encodeURIComponent(laws.行政许可法.versionId)}?a=${encodeURIComponent('12')}`);
  await page.locator('#article-12.active').waitFor();
  await page.locator('#article-12').hover();
  await shot('reader-1024.png');
  // 民法典 第三百六十六条 (居住权), opened from a search for 居住权 as a user would land on it.
  await page.goto(`${base}#/read/${encodeURIComponent(laws.民法典.versionId)}?a=366&hl=${encodeURIComponent('居住权')}`);
  await page.getByTestId('reader-title').filter({ hasText: '民法典' }).waitFor({ timeout: 60_000 });
  await page.locator('#article-366.active').waitFor({ timeout: 60_000 });
  await page.locator('[data-testid="reader-text"][data-rendered="all"]').waitFor({ timeout: 60_000 });
  await shot('reader-civil-code-1024.png');
  await page.close();
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function (name, file:line:column), the largest first. */
function summarise(p: CpuProfile, top = 25): string {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const k = `${f.functionName || '(匿名)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    const dt = p.timeDeltas[i] ?? 0;
    self.set(k, (self.get(k) ?? 0) + dt);
    total += dt;
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, us]) => `  ${(us / 1000).toFixed(0).padStart(6)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %  ${k}`)
    .join('\n');
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
