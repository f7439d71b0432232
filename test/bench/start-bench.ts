// What a page load costs before the user can work, old and new renderer back to back: the app's
// start (a page load on 法规库 until its count is in the page) and a law opened right after it (the
// reload mode of `bench:ui -- --sweep`, where that start is most of a small law's time). For each:
// the main thread's CPU time (CDP Performance.getMetrics ThreadTime, what a loaded machine
// inflates least), the wall time and the longest task. Renderers alternate, one browser context each,
// the order reversed every other round (use an even --rounds).
//
//   npx tsx test/bench/start-bench.ts --library DIR --renderer OLD --renderer NEW [--rounds 4] [--laws 名称,名称]
//   npx tsx test/bench/start-bench.ts --library DIR --renderer OLD --renderer NEW --to-library [--rounds 4]
//   npx tsx test/bench/start-bench.ts --library DIR --service [--rounds 9] [--call reviews:list]
//
// --service: the service's side of a start, without a browser: the library opened (AppService, the
// search index left out) and the window's first library:info answered, each round a fresh service
// in this process — CPU (process.cpuUsage) and wall time of that first call, which the first screen
// waits for. Run it on the old and the new code back to back. With --call CHANNEL, also the first
// call of CHANNEL (its input {}) right after: reviews:list is the first open of 合法性审查.
//
// --to-library: instead of a law, 法规库 opened right after a page load on 搜索 (the sweep's 法规库
// case in reload mode): main-thread CPU and wall time from the route change to its first row painted,
// and on to every row in (its count shown).
//
// DIR is an imported library (as `bench:ui -- --library DIR` leaves it). Laws by their exact title
// (default: 行政许可法, 矿产资源法实施细则, 民兵工作条例); 民法典 is the joined 1,260-article one.

import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { MemorySettingsStore } from '../../electron/core/api/settings-file';
import { lawRowsFromWire } from '../../electron/shared/api-contract';
import { startBrowserFace } from '../../electron/server/browser-face';
import { launchChromium } from '../browser/browser-harness';

const args = process.argv.slice(2);
const opts = (name: string) => args.flatMap((a, i) => (a === name && args[i + 1] ? [args[i + 1]!] : []));

async function main() {
  const library = opts('--library')[0];
  if (library && args.includes('--service')) return serviceStart(resolve(library), Number(opts('--rounds')[0] ?? 9), opts('--call')[0]);
  const renderers = opts('--renderer').map((d) => resolve(d));
  if (!library || renderers.length < 1) throw new Error('用法：--library DIR --renderer 旧 --renderer 新 [--rounds N] [--laws 名称,名称]');
  const rounds = Number(opts('--rounds')[0] ?? 4);
  const toLibrary = args.includes('--to-library');
  const titles = (opts('--laws')[0] ?? '中华人民共和国行政许可法,中华人民共和国矿产资源法实施细则,民兵工作条例').split(',');
  const faces = await Promise.all(renderers.map((rendererDir) => startBrowserFace({ libraryDir: resolve(library), settings: new MemorySettingsStore(), rendererDir })));
  // The answer as the page decodes it (the wire leaves out what the page can derive, e.g. a versionId equal to the law's id).
  const list = { rows: lawRowsFromWire((await faces[0]!.service.call('laws:list', { limit: 50_000 })).rows) };
  const versionIds = titles.map((t) => {
    const r = t === '民法典' ? list.rows.find((x) => x.title === '中华人民共和国民法典' && !x.subtitle && x.articleCount >= 1260) : list.rows.find((x) => x.title === t);
    if (!r) throw new Error(`资料库里没有 ${t}`);
    return r.versionId;
  });
  const browser = await launchChromium();
  const out = renderers.map(() => ({ startCpu: [] as number[], startWall: [] as number[], startTask: [] as number[], openCpu: [] as number[], openWall: [] as number[], openTask: [] as number[], allCpu: [] as number[], allWall: [] as number[] }));
  const loadBefore = loadavg();
  for (let round = 0; round < rounds; round++) {
    // Each round runs the renderers in the other order (ABBA…), so that neither build is always second:
    // session 19's same two builds gave the second one ≈ 28 ms more CPU to 法规库 whichever it was.
    const order = renderers.map((_, k) => k);
    if (round % 2 === 1) order.reverse();
    for (const k of order) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
      const page = await context.newPage();
      // tsx keeps function names with an __name helper that the page does not have.
      await page.addInitScript('globalThis.__name = (f) => f;');
      await page.addInitScript(() => {
        const w = window as unknown as { __long: { at: number; ms: number }[] };
        w.__long = [];
        new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__long.push({ at: e.startTime, ms: e.duration }))).observe({ type: 'longtask', buffered: true });
      });
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      const threadMs = async () => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN) * 1000;
      const home = faces[k]!.url.replace(/#.*$/, '') + '#/library';
      // One load first: the HTTP cache and V8's code cache are warm from then on, as on every later start.
      await page.goto(home);
      await page.getByTestId('library-total').waitFor();
      if (toLibrary) {
        const search = faces[k]!.url.replace(/#.*$/, '') + '#/search';
        for (let j = 0; j < versionIds.length; j++) {
          const t0 = performance.now();
          await page.goto(search);
          await page.getByTestId('search-input').waitFor();
          // The page settled (its first paint), as the sweep waits for the input before the route change.
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
          out[k]!.startWall.push(performance.now() - t0);
          const cpu0 = await threadMs();
          out[k]!.startCpu.push(cpu0);
          out[k]!.startTask.push(await page.evaluate(() => Math.max(0, ...(window as unknown as { __long: { ms: number }[] }).__long.map((t) => t.ms))));
          const open = await page.evaluate(
            () =>
              new Promise<{ first: number; task: number }>((done) => {
                const w = window as unknown as { __long: { at: number; ms: number }[]; __libStart: number };
                const start = (w.__libStart = performance.now());
                location.hash = '#/library';
                const check = () => {
                  if (!document.querySelector('[data-testid="grid-row"] [data-testid="law-title"]')) return;
                  mo.disconnect();
                  requestAnimationFrame(() => setTimeout(() => done({ first: performance.now() - start, task: Math.max(0, ...w.__long.filter((t) => t.at >= start).map((t) => t.ms)) }), 0));
                };
                const mo = new MutationObserver(check);
                mo.observe(document.body, { subtree: true, childList: true });
                check();
              }),
          );
          out[k]!.openCpu.push((await threadMs()) - cpu0);
          out[k]!.openWall.push(open.first);
          out[k]!.openTask.push(open.task);
          // Every row in: the count shown once the whole list is in the page.
          const all = await page.evaluate(
            () =>
              new Promise<number>((done) => {
                const w = window as unknown as { __libStart: number };
                const check = () => {
                  if (!document.querySelector('[data-testid="library-total"]:not(:empty)')) return;
                  mo.disconnect();
                  requestAnimationFrame(() => setTimeout(() => done(performance.now() - w.__libStart), 0));
                };
                const mo = new MutationObserver(check);
                mo.observe(document.body, { subtree: true, childList: true, characterData: true });
                check();
              }),
          );
          out[k]!.allCpu.push((await threadMs()) - cpu0);
          out[k]!.allWall.push(all);
        }
        await context.close();
        continue;
      }
      for (const versionId of versionIds) {
        const t0 = performance.now();
        await page.goto(home);
        await page.getByTestId('library-total').waitFor();
        out[k]!.startWall.push(performance.now() - t0);
        const cpu0 = await threadMs();
        out[k]!.startCpu.push(cpu0);
        out[k]!.startTask.push(await page.evaluate(() => Math.max(0, ...(window as unknown as { __long: { ms: number }[] }).__long.map((t) => t.ms))));
        const open = await page.evaluate(
          (hash) =>
            new Promise<{ first: number; task: number }>((done) => {
              const w = window as unknown as { __long: { at: number; ms: number }[] };
              const start = performance.now();
              location.hash = hash;
              const check = () => {
                if (!document.querySelector('[data-testid="article"]')) return;
                mo.disconnect();
                requestAnimationFrame(() => setTimeout(() => done({ first: performance.now() - start, task: Math.max(0, ...w.__long.filter((t) => t.at >= start).map((t) => t.ms)) }), 0));
              };
              const mo = new MutationObserver(check);
              mo.observe(document.body, { subtree: true, childList: true });
              check();
            }),
          `#/read/${encodeURIComponent(versionId)}`,
        );
        out[k]!.openCpu.push((await threadMs()) - cpu0);
        out[k]!.openWall.push(open.first);
        out[k]!.openTask.push(open.task);
      }
      await context.close();
    }
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(1);
  renderers.forEach((dir, k) => {
    const o = out[k]!;
    if (toLibrary) {
      console.log(`${dir}\n  载入搜索页：墙钟 ${med(o.startWall)} ms（${o.startWall.length} 次）`);
      console.log(`  随后打开法规库 → 首行：主线程 CPU 中位 ${med(o.openCpu)} ms，墙钟 ${med(o.openWall)} ms，最长任务中位 ${med(o.openTask)} / 最多 ${Math.max(...o.openTask).toFixed(0)} ms`);
      console.log(`  → 全部行（显示总数）：主线程 CPU 中位 ${med(o.allCpu)} ms，墙钟 ${med(o.allWall)} ms`);
      return;
    }
    console.log(`${dir}\n  启动到法规库：主线程 CPU 中位 ${med(o.startCpu)} ms，墙钟 ${med(o.startWall)} ms，最长任务中位 ${med(o.startTask)} ms（${o.startCpu.length} 次）`);
    console.log(`  随后打开法规 → 首条：主线程 CPU 中位 ${med(o.openCpu)} ms，墙钟 ${med(o.openWall)} ms，最长任务中位 ${med(o.openTask)} / 最多 ${Math.max(...o.openTask).toFixed(0)} ms`);
  });
  console.log(`负载（1/5/15 分钟）：开始 ${loadBefore.map((x) => x.toFixed(1)).join(' / ')}，结束 ${loadavg().map((x) => x.toFixed(1)).join(' / ')}`);
  await browser.close();
  await Promise.all(faces.map((f) => f.close()));
}

async function serviceStart(libraryDir: string, rounds: number, channel: string | undefined): Promise<void> {
  const { AppService } = await import('../../electron/core/api/app-service');
  const cpu: number[] = [];
  const wall: number[] = [];
  const openCpu: number[] = [];
  const callCpu: number[] = [];
  const callWall: number[] = [];
  const loadBefore = loadavg();
  for (let i = 0; i < rounds; i++) {
    const c0 = process.cpuUsage();
    const service = await AppService.open({ libraryDir, settings: new MemorySettingsStore(), face: 'browser', search: false, seed: false });
    const c1 = process.cpuUsage();
    const t0 = performance.now();
    await service.call('library:info', {});
    wall.push(performance.now() - t0);
    const c2 = process.cpuUsage(c1);
    cpu.push((c2.user + c2.system) / 1000);
    openCpu.push((c1.user - c0.user + c1.system - c0.system) / 1000);
    if (channel) {
      const c3 = process.cpuUsage();
      const t1 = performance.now();
      await service.call(channel as 'library:info', {});
      callWall.push(performance.now() - t1);
      const c4 = process.cpuUsage(c3);
      callCpu.push((c4.user + c4.system) / 1000);
    }
    service.close();
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(1);
  console.log(`${libraryDir}\n  打开服务：CPU 中位 ${med(openCpu)} ms；第一次 library:info：CPU 中位 ${med(cpu)} ms（${cpu.map((x) => x.toFixed(1)).join(' ')}），墙钟中位 ${med(wall)} ms（${rounds} 次，每次新开服务）`);
  if (channel) console.log(`  接着第一次 ${channel}：CPU 中位 ${med(callCpu)} ms（${callCpu.map((x) => x.toFixed(1)).join(' ')}），墙钟中位 ${med(callWall)} ms`);
  console.log(`负载（1/5/15 分钟）：开始 ${loadBefore.map((x) => x.toFixed(1)).join(' / ')}，结束 ${loadavg().map((x) => x.toFixed(1)).join(' / ')}`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
