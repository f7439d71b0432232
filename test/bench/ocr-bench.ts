// OCR benchmark: accuracy against the source law, CPU seconds per page, peak RSS and the longest
// event-loop pause while recognising, on the scan fixtures (200 dpi, clean and degraded).
// Run: npm run bench:ocr   (prints `uptime` with the numbers; the machine is shared)
//      npm run bench:ocr -- --cases clean,pdf   (a subset: clean rotated noisy jpeg30 seal pdf; sealpdf: the seal
//        page as a colour JPEG in a scanned PDF, LAWDESK_OCR_NATIVE_COLOUR=1 to decode it natively)
//      LAWDESK_OCR_IN_PROCESS=1 npm run bench:ocr …   (page images on the main thread, to compare pauses)
//      npm run bench:ocr -- --cases long     (a 20-page scanned PDF, built at run time: long-scan-pdf.ts)
//      npm run bench:ocr -- --cases repeat   (5 successive OCR imports in one process: RSS after each)
//      npm run bench:ocr -- --cases tiff     (a 2-page 300 dpi A4 TIFF, built at run time by ImageMagick: page 1
//        RGB LZW under a red seal, page 2 CCITT G4 — decoded by ocr-tiff.ts; peak RSS, CPU-s a page, accuracy)
//      npm run bench:ocr -- --cases photo    (phone photos of printed pages, scans/photo/: characters right)
//      npm run bench:ocr -- --cases short    (a 2-page scanned PDF imported 4 times in a row with the OCR
//        thread kept between imports, then 2 times with keeping off, then 2 times after the kept thread
//        was ended but a preview prewarmed one: CPU-s a page per import)
//      npm run bench:ocr -- --built --cases first [--runs N] [--variants "A=1 --v8-flag;A=0"]   (the first OCR
//        of a process: fresh processes, each importing the 2-page scan twice; CPU by thread; variants
//        of environment settings and node flags run alternately; LAWDESK_BENCH_PROFILE=<file> writes the
//        main thread's CPU profile of the first import)
//      npx tsx [--v8 flags] test/bench/ocr-bench.ts --cases tierup   (a first tesseract's start and pages,
//        then the same pages again, in one thread: what V8's compile and tier-up of the WASM cost)
//      npm run bench:ocr -- --cases flags    (the 待核对 highlights on kept tesseract outputs of held-out laws, no
//        OCR: wrong articles not highlighted, right characters highlighted — ocr-flag-score.ts; -v lists them)
//      npm run bench:ocr -- --stages   (CPU-s of each page by stage, in-process, one tesseract worker)
//      npm run bench:ocr -- --stages --compare   (each page also read the former way, rotateAuto
//        on the full page, right after: a same-load before/after)
//      npm run bench:ocr -- --built --cases long   (the same, on the code bundled to plain JavaScript as
//        the app ships it: the bench and ocr-page-worker.js bundled by esbuild and run by plain node —
//        no TypeScript loader in the process or in the OCR thread)
//
// Each case is a whole law: 山东省法律援助条例 as two scanned pages (page 1 clean, rotated 1.5°, noisy
// and blurred, JPEG quality 30, or under a red seal; page 2 clean), and the 1955 国务院 regulation
// as a scanned PDF. Per case: characters right (LCS against the Markdown source, article texts),
// articles exact, and how many wrong articles have a wrong character NOT among their suspects
// (the target is 0: every error must be highlighted for 核对).
import { execSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { extractDocument } from '../../electron/core/importers/extract-document';
import { NeedsOcr } from '../../electron/core/importers/extracted-document';
import { ocrWorkerCount, recognisePages, type OcrPage } from '../../electron/core/importers/ocr-engine';
import { closeIdleThread, idleThread, idleThreads, prewarmOcr } from '../../electron/core/importers/ocr-page-images';
import { imageFilePage, renderPdfPage } from '../../electron/core/importers/ocr-images';
import { newTesseract, recognisePage, type RecogniseCpu } from '../../electron/core/importers/ocr-tesseract';
import { findSuspects, layoutOcrPages } from '../../electron/core/importers/ocr-text';
import { parseLawText } from '../../electron/core/parse/law-structure-parser';
import { longScanPdf } from './long-scan-pdf';
import { imagePdf } from '../fixtures/documents/image-pdf';
import { lcsWrong } from './ocr-diff';

const DOCS = join(import.meta.dirname, '../fixtures/documents');
const SCANS = join(DOCS, 'scans');


interface Unit {
  label: string;
  text: string;
  suspects?: number[];
}

function score(units: Unit[], source: Unit[]) {
  const want = new Map(source.map((u) => [u.label, u.text]));
  let chars = 0;
  let wrongChars = 0;
  let exact = 0;
  let unflagged = 0;
  const unflaggedLabels: string[] = [];
  for (const s of source) {
    const u = units.find((x) => x.label === s.label);
    chars += s.text.length;
    if (!u) {
      wrongChars += s.text.length;
      unflagged++;
      unflaggedLabels.push(`${s.label}(缺失)`);
      continue;
    }
    const wrong = lcsWrong(u.text, want.get(u.label)!);
    wrongChars += new Set(wrong).size;
    if (wrong.length === 0) exact++;
    else if (wrong.some((o) => !(u.suspects ?? []).includes(o))) {
      unflagged++;
      unflaggedLabels.push(s.label);
    }
  }
  return { accuracy: 1 - wrongChars / chars, exact, articles: source.length, unflagged, unflaggedLabels };
}

function sourceUnits(md: string, dir = join(DOCS, 'sources')): Unit[] {
  return parseLawText(readFileSync(join(dir, md), 'utf8'), { format: 'md' }).units.filter((u) => u.kind === 'article' || u.kind === 'section');
}

/**
 * --cases photo: phone photos of printed pages (scans/photo/, make-photos.ts: uneven light, tinted
 * paper, a keystone on a dark desk, 150–200 dpi, JPEG 80), each imported as the app imports a photo.
 */
async function photos(): Promise<void> {
  const dir = join(SCANS, 'photo');
  const rows: Record<string, string | number>[] = [];
  let chars = 0;
  let right = 0;
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.jpg')).sort()) {
    const m = await measure(() => extractDocument(readFileSync(join(dir, f)), f, { ocr: { workers: 1 } }));
    const parsed = parseLawText(m.result.text, { format: 'txt' }).units.filter((u) => u.kind === 'article' || u.kind === 'section');
    const suspects = findSuspects(parsed, m.result.ocr!.stream, m.result.ocr!.confidence);
    const source = sourceUnits(f.replace(/\.jpg$/, '.md'), dir);
    const s = score(parsed.map((u, i) => ({ ...u, suspects: suspects[i] })), source);
    const n = source.reduce((a, u) => a + u.text.length, 0);
    chars += n;
    right += s.accuracy * n;
    rows.push({ case: `photo ${f}`, charsRight: `${(s.accuracy * 100).toFixed(2)}%`, articlesExact: `${s.exact}/${s.articles}`, unflaggedWrong: s.unflagged, cpuS: m.cpuS.toFixed(1), unflaggedLabels: s.unflaggedLabels.join(' ') });
  }
  rows.push({ case: 'all photos', charsRight: `${((right / chars) * 100).toFixed(2)}%` });
  console.table(rows);
  console.log(uptime());
}

/** Nanoseconds the main thread has run on a CPU (Linux: its schedstat), or undefined elsewhere. */
function mainThreadCpuNs(): number | undefined {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]);
  } catch {
    return undefined;
  }
}

/**
 * Besides the event-loop delay: for every pause over 50 ms, how much of it the main thread spent
 * running (its own CPU time over the pause). On a loaded machine a thread with nothing to do still
 * waits for a core; the running part is what our main-thread code costs the UI.
 */
async function measure<T>(run: () => Promise<T>) {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  let last = performance.now();
  let lastCpu = mainThreadCpuNs();
  let maxBusyMs = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    const cpu = mainThreadCpuNs();
    if (now - last > 50 && cpu !== undefined && lastCpu !== undefined) maxBusyMs = Math.max(maxBusyMs, (cpu - lastCpu) / 1e6);
    last = now;
    lastCpu = cpu;
  }, 5);
  const cpu0 = process.cpuUsage();
  const t0 = Date.now();
  const result = await run();
  const cpu = process.cpuUsage(cpu0);
  clearInterval(timer);
  clearInterval(ticker);
  loop.disable();
  return { result, cpuS: (cpu.user + cpu.system) / 1e6, wallS: (Date.now() - t0) / 1000, peakMb: Math.round(peak / 1048576), maxPauseMs: Math.round(loop.max / 1e6), p99PauseMs: Math.round(loop.percentile(99) / 1e6), maxPauseCpuMs: Math.round(maxBusyMs) };
}

/** What the RSS figures are: one process, its threads, and how its code was loaded. */
function whoseRss(): string {
  const built = !import.meta.url.endsWith('.ts');
  return `RSS = this Node ${process.version} process (pid ${process.pid}: main thread + OCR thread(s)${process.env.LAWDESK_OCR_TESSERACT_THREAD === '1' ? ' + each one\'s tesseract.js thread (LAWDESK_OCR_TESSERACT_THREAD=1)' : ' with tesseract inside each'}; no child processes), sampled every 50 ms; code ${built ? 'bundled to plain JavaScript as packaged (--built)' : 'TypeScript through tsx (the loader adds to RSS; --built measures the bundled code)'}`;
}

const uptime = () => `uptime: ${execSync('uptime').toString().trim()}`;
const mb = (bytes: number) => Math.round(bytes / 1048576);

/**
 * The must-show of #14: the app stays responsive while a 20-page scan is recognised, as the app
 * does it (extractDocument with the default OCR threads: cores − 1).
 */
async function longScan(): Promise<void> {
  const file = longScanPdf(20);
  const bytes = readFileSync(file);
  console.log(`${uptime()}  (start of the 20-page scan; ${file}, ${(bytes.length / 1048576).toFixed(1)} MB)`);
  console.log(whoseRss());
  let done = 0;
  const m = await measure(() => extractDocument(bytes, 'long-scan.pdf', { ocr: { onProgress: (p) => (done = p.done) } }));
  const rows = [{ case: '20-page scanned PDF', pages: m.result.pages, recognised: done, threads: ocrWorkerCount(), cpuSPerPage: (m.cpuS / 20).toFixed(1), wallS: m.wallS.toFixed(0), peakRssMb: m.peakMb, maxLoopPauseMs: m.maxPauseMs, p99LoopPauseMs: m.p99PauseMs, maxMainCpuInPauseMs: m.maxPauseCpuMs, chars: m.result.text.length }];
  // The same monitor with nothing to do: on a loaded machine the OS alone delays the loop this much.
  const idle = await measure(() => new Promise((r) => setTimeout(r, 15_000)));
  console.table([...rows, { case: 'idle (control, 15 s, nothing running here)', pages: 0, recognised: 0, threads: 0, cpuSPerPage: '-', wallS: idle.wallS.toFixed(0), peakRssMb: idle.peakMb, maxLoopPauseMs: idle.maxPauseMs, p99LoopPauseMs: idle.p99PauseMs, maxMainCpuInPauseMs: idle.maxPauseCpuMs, chars: 0 }]);
  console.log(`${uptime()}  (end)`);
}

/**
 * A scanner's TIFF at 300 dpi A4 (2,480 × 3,508 = 8.7 MP a page), the size the decoder must hold
 * one page at a time: 援助条例 page 1 in colour under a red seal (LZW) and page 2 black and white
 * (CCITT G4), made from the scan fixtures by ImageMagick (`convert`) at run time (6 MB: not kept in git).
 */
async function tiffScan(): Promise<void> {
  const { mkdtempSync } = await import('node:fs');
  const dir = mkdtempSync(join(tmpdir(), 'lawdesk-bench-tiff-'));
  const file = join(dir, 'yuanzhu-300dpi.tif');
  try {
    const a4 = ['-resize', '2480x3508!', '-density', '300', '-units', 'PixelsPerInch'];
    execSync(`convert ${join(SCANS, 'yuanzhu-p1-seal.jpg')} ${a4.join(' ')} -compress LZW ${join(dir, 'p1.tif')}`);
    execSync(`convert ${join(SCANS, 'yuanzhu-p2-clean.jpg')} ${a4.join(' ')} -colorspace gray -threshold 60% -compress Group4 ${join(dir, 'p2.tif')}`);
    execSync(`convert ${join(dir, 'p1.tif')} ${join(dir, 'p2.tif')} ${file}`);
    const bytes = readFileSync(file);
    console.log(`${uptime()}  (start of the 2-page 300 dpi TIFF; ${(bytes.length / 1048576).toFixed(1)} MB)`);
    const m = await measure(() => extractDocument(bytes, 'yuanzhu-300dpi.tif', { ocr: true }));
    const parsed = parseLawText(m.result.text, { format: 'txt' }).units.filter((u) => u.kind === 'article' || u.kind === 'section');
    const suspects = findSuspects(parsed, m.result.ocr!.stream, m.result.ocr!.confidence);
    const s = score(parsed.map((u, i) => ({ ...u, suspects: suspects[i] })), sourceUnits('yuanzhu.md'));
    console.table([{ case: '2-page TIFF 300 dpi (LZW RGB + seal, G4)', pages: m.result.pages, threads: ocrWorkerCount(), cpuSPerPage: (m.cpuS / 2).toFixed(1), wallS: m.wallS.toFixed(0), peakRssMb: m.peakMb, maxLoopPauseMs: m.maxPauseMs, charsRight: `${(s.accuracy * 100).toFixed(2)}%`, articlesExact: `${s.exact}/${s.articles}`, unflaggedWrong: s.unflagged }]);
    console.log(`${uptime()}  (end)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** RSS must not grow from one OCR import to the next in one process (the Electron main process lives for days). */
async function repeatImports(times = 5): Promise<void> {
  const bytes = readFileSync(join(DOCS, 'tuizhi-scan.pdf'));
  console.log(`${uptime()}  (start of ${times} successive imports of tuizhi-scan.pdf)`);
  const rows: Record<string, string | number>[] = [];
  for (let i = 1; i <= times; i++) {
    const m = await measure(() => extractDocument(bytes, 'tuizhi-scan.pdf', { ocr: true }));
    const settled = await settledRss();
    rows.push({ import: i, peakRssMb: m.peakMb, rssAfterMb: settled, heapUsedMb: mb(process.memoryUsage().heapUsed), externalMb: mb(process.memoryUsage().external), maxLoopPauseMs: m.maxPauseMs, maxMainCpuInPauseMs: m.maxPauseCpuMs, cpuS: m.cpuS.toFixed(1) });
  }
  console.table(rows);
  console.log(uptime());
}

/**
 * Short scans, as an office imports them one after another: a 2-page scanned PDF (援助条例, clean)
 * imported 4 times in a row as the app does (extractDocument: text-layer pass, then OCR), with the
 * OCR thread and its tesseract kept between imports (idleThreads.ocrIdleMs), then 2 more times
 * with keeping off (each import starts its own thread and worker) — the same load for both.
 */
async function shortScans(): Promise<void> {
  const { mkdtempSync } = await import('node:fs');
  const file = join(mkdtempSync(join(tmpdir(), 'lawdesk-bench-short-')), 'yuanzhu-2p-scan.pdf');
  imagePdf(['yuanzhu-p1-clean.jpg', 'yuanzhu-p2-clean.jpg'].map((f) => join(SCANS, f)), file);
  const bytes = readFileSync(file);
  const source = sourceUnits('yuanzhu.md');
  console.log(`${uptime()}  (start of the short scans: 2-page PDF ×4 kept, ×2 not kept)`);
  const rows: Record<string, string | number>[] = [];
  const run = async (label: string) => {
    let startS = 0;
    const m = await measure(() => extractDocument(bytes, 'yuanzhu-2p-scan.pdf', { ocr: { workers: 1, onStats: (st) => (startS = st.startCpuSeconds) } }));
    const parsed = parseLawText(m.result.text, { format: 'txt' }).units.filter((u) => u.kind === 'article' || u.kind === 'section');
    const suspects = findSuspects(parsed, m.result.ocr!.stream, m.result.ocr!.confidence);
    const s = score(parsed.map((u, i) => ({ ...u, suspects: suspects[i] })), source);
    rows.push({ import: label, cpuSPerPage: (m.cpuS / 2).toFixed(2), threadStartCpuS: startS.toFixed(2), wallS: m.wallS.toFixed(1), peakRssMb: m.peakMb, maxLoopPauseMs: m.maxPauseMs, charsRight: `${(s.accuracy * 100).toFixed(2)}%`, unflaggedWrong: s.unflagged, unflaggedLabels: s.unflaggedLabels.join(' ') });
  };
  for (let i = 1; i <= 4; i++) await run(`kept #${i}`);
  await closeIdleThread();
  const was = idleThreads.ocrIdleMs;
  idleThreads.ocrIdleMs = 0;
  for (let i = 1; i <= 2; i++) await run(`not kept #${i}`);
  idleThreads.ocrIdleMs = was;
  // The first scan after the kept thread was ended, as the app runs it: the preview (a dry run: the
  // text-layer pass, which leaves its PDF thread kept) found a scan and started that thread's
  // tesseract (prewarmOcr, as library-import does) while the person read it; the preview's CPU apart.
  for (let i = 1; i <= 2; i++) {
    await closeIdleThread();
    const c0 = process.cpuUsage();
    await extractDocument(bytes, 'yuanzhu-2p-scan.pdf', { ocr: 'estimate' }).catch((e: unknown) => {
      if (!(e instanceof NeedsOcr)) throw e;
    });
    prewarmOcr();
    while (!idleThread()?.warm) await new Promise((r) => setTimeout(r, 50));
    const c = process.cpuUsage(c0);
    await run(`after idle, preview prewarmed #${i}`);
    rows[rows.length - 1]!.previewCpuS = ((c.user + c.system) / 1e6).toFixed(2);
  }
  console.table(rows);
  const kept = rows.slice(0, 4).map((r) => Number(r.cpuSPerPage));
  const cold = rows.slice(4, 6).map((r) => Number(r.cpuSPerPage));
  const warmed = rows.slice(6).map((r) => Number(r.cpuSPerPage));
  const mean = (a: number[]) => (a.reduce((x, y) => x + y, 0) / a.length).toFixed(2);
  console.log(`CPU-s a page: kept, 4 imports in a row ${mean(kept)} (after the first ${mean(kept.slice(1))}); not kept ${mean(cold)}; after idle with the preview and its prewarm ${mean(warmed)} (the preview's CPU apart)`);
  console.log(uptime());
}

/** CPU nanoseconds of every live thread of this process (Linux schedstat), by thread id. */
function threadCpuNs(): Map<number, number> {
  const out = new Map<number, number>();
  try {
    for (const t of readdirSync('/proc/self/task')) {
      try {
        out.set(Number(t), Number(readFileSync(`/proc/self/task/${t}/schedstat`, 'utf8').split(' ')[0]));
      } catch {
        // the thread ended while listed
      }
    }
  } catch {
    // not Linux
  }
  return out;
}

/**
 * --cases first: the first OCR of a process, which the short-scan case can only measure once per
 * run. Each child process (this bench again, `--first-child`) imports the 2-page scan twice as the
 * app does (extractDocument: text-layer pass, thread start, OCR, layout) and reports process CPU for
 * each — everything the process ran, background compile threads and ended threads included — and
 * where the first import's CPU ran: the main thread, the threads that were there before (V8's
 * platform threads: WASM and JS optimisation, GC; libuv's pool), threads started by the import (the
 * OCR thread), and threads that ended before the end of the import. Variants (`--variants`) are
 * lists of `NAME=value` environment settings and node flags, separated by `;` per variant and run
 * alternately so that each shares the load with the others.
 */
async function firstOcrs(): Promise<void> {
  const at = process.argv.indexOf('--variants');
  const variants = at > 0 ? process.argv[at + 1]!.split(';') : [''];
  const runsAt = process.argv.indexOf('--runs');
  const runs = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 2;
  const self = fileURLToPath(import.meta.url);
  const rows: Record<string, string | number>[] = [];
  console.log(`${uptime()}  (start of the first-OCR runs: ${runs} × ${variants.length} fresh processes, each importing the 2-page scan twice)`);
  console.log(whoseRss());
  for (let r = 1; r <= runs; r++) {
    for (const v of variants) {
      const parts = v.split(/\s+/).filter(Boolean);
      const env = { ...process.env };
      const flags: string[] = [];
      for (const p of parts) {
        if (p.startsWith('--')) flags.push(p);
        else {
          const [k, ...rest] = p.split('=');
          env[k!] = rest.join('=');
        }
      }
      const child = spawnSync(process.execPath, [...flags, ...process.execArgv, self, '--first-child'], { env, encoding: 'utf8', maxBuffer: 1 << 24 });
      const line = child.stdout.split('\n').find((l) => l.startsWith('{"first"'));
      if (!line) {
        console.error(child.stdout, child.stderr);
        throw new Error(`first-OCR child failed (${v || 'as shipped'})`);
      }
      rows.push({ variant: v || 'as shipped', run: r, ...(JSON.parse(line) as { first: Record<string, string | number> }).first });
    }
  }
  console.table(rows);
  for (const v of variants) {
    const mine = rows.filter((x) => x.variant === (v || 'as shipped'));
    const mean = (k: string) => (mine.reduce((a, x) => a + Number(x[k]), 0) / mine.length).toFixed(2);
    console.log(`${v || 'as shipped'}: first import ${mean('firstCpuSPerPage')} CPU-s a page, second ${mean('secondCpuSPerPage')} (mean of ${mine.length})`);
  }
  console.log(uptime());
}

/** One fresh process of --cases first (see firstOcrs). */
async function firstChild(): Promise<void> {
  const { mkdtempSync } = await import('node:fs');
  const file = join(mkdtempSync(join(tmpdir(), 'lawdesk-bench-first-')), 'yuanzhu-2p-scan.pdf');
  imagePdf(['yuanzhu-p1-clean.jpg', 'yuanzhu-p2-clean.jpg'].map((f) => join(SCANS, f)), file);
  const bytes = readFileSync(file);
  const source = sourceUnits('yuanzhu.md');
  /** An import as the app does it, with where its CPU ran (see firstOcrs). */
  const started = new Set<number>();
  const importOnce = async () => {
    const before = threadCpuNs();
    let startS = 0;
    const m = await measure(() => extractDocument(bytes, 'yuanzhu-2p-scan.pdf', { ocr: { workers: 1, onStats: (st) => (startS = st.startCpuSeconds) } }));
    const after = threadCpuNs();
    const ns = { main: 0, platform: 0, started: 0 };
    for (const [tid, t] of after) {
      const d = t - (before.get(tid) ?? 0);
      if (tid === process.pid) ns.main += d;
      else if (started.has(tid) || !before.has(tid)) {
        ns.started += d;
        started.add(tid);
      } else ns.platform += d;
    }
    // Threads that ended during the import: their CPU stays in the process's, and is what is left.
    const ended = Math.max(0, m.cpuS * 1e9 - ns.main - ns.platform - ns.started);
    return { m, startS, ns: { ...ns, ended } };
  };
  const sec = (ns: number) => (ns / 1e9).toFixed(2);
  // LAWDESK_BENCH_PROFILE=<file>: the main thread's CPU profile of the first import alone.
  const profileTo = process.env.LAWDESK_BENCH_PROFILE;
  const { Session } = await import('node:inspector/promises');
  const session = profileTo ? new Session() : undefined;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const first = await importOnce();
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(profileTo!, JSON.stringify(profile));
    session.disconnect();
  }
  const parsed = parseLawText(first.m.result.text, { format: 'txt' }).units.filter((u) => u.kind === 'article' || u.kind === 'section');
  const suspects = findSuspects(parsed, first.m.result.ocr!.stream, first.m.result.ocr!.confidence);
  const s = score(parsed.map((u, i) => ({ ...u, suspects: suspects[i] })), source);
  const second = await importOnce();
  const where = (x: typeof first) => `${sec(x.ns.main)} / ${sec(x.ns.started)} / ${sec(x.ns.platform)} / ${sec(x.ns.ended)}`;
  console.log(
    JSON.stringify({
      first: {
        firstCpuSPerPage: (first.m.cpuS / 2).toFixed(2),
        'first: main / OCR thread / platform / ended': where(first),
        firstStartS: first.startS.toFixed(2),
        secondCpuSPerPage: (second.m.cpuS / 2).toFixed(2),
        'second: main / OCR thread / platform / ended': where(second),
        peakRssMb: Math.max(first.m.peakMb, second.m.peakMb),
        charsRight: `${(s.accuracy * 100).toFixed(2)}%`,
        unflaggedWrong: s.unflagged,
      },
    }),
  );
  await closeIdleThread();
}

/**
 * --cases tierup: what a process's first tesseract costs beyond reading pages, stage by stage, in
 * this thread (tesseract inline, no OCR thread, no pdf.js): its start (core compiled, model
 * loaded), the two pages of the short scan, then both again; process CPU split into this thread
 * and the others (V8's background threads, where TurboFan recompiles the WASM functions that ran
 * long enough under Liftoff). V8 flags go on the node command line:
 * `npx tsx --wasm-tiering-budget=13000000 test/bench/ocr-bench.ts --cases tierup`.
 */
async function tierUp(): Promise<void> {
  const { ocrAssetPaths, ocrModelSource } = await import('../../electron/core/importers/ocr-tesseract');
  const { inlineTesseract } = await import('../../electron/core/importers/ocr-tesseract-inline');
  const p1 = await imageFilePage(readFileSync(join(SCANS, 'yuanzhu-p1-clean.jpg')), 'p1.jpg');
  const p2 = await imageFilePage(readFileSync(join(SCANS, 'yuanzhu-p2-clean.jpg')), 'p2.jpg');
  const { langPath, corePath } = ocrAssetPaths();
  const model = await ocrModelSource(langPath);
  console.log(`${uptime()}  (tierup: node ${process.version}, V8 ${process.versions.v8}, flags: ${process.execArgv.filter((a) => /wasm|liftoff|turbo/.test(a)).join(' ') || 'none'})`);
  const rows: Record<string, string>[] = [];
  let before = threadCpuNs();
  let c0 = cpuSeconds();
  const step = (stage: string) => {
    const after = threadCpuNs();
    let here = 0;
    let others = 0;
    for (const [tid, ns] of after) {
      const d = ns - (before.get(tid) ?? 0);
      if (tid === process.pid) here += d;
      else others += d;
    }
    const c = cpuSeconds();
    rows.push({ stage, processCpuS: (c - c0).toFixed(2), thisThreadS: (here / 1e9).toFixed(2), otherThreadsS: (others / 1e9).toFixed(2) });
    before = threadCpuNs();
    c0 = cpuSeconds();
  };
  const worker = await inlineTesseract({ lang: 'chi_sim', oem: 1, corePath, ...model });
  await worker.setParameters({ preserve_interword_spaces: '1', tessedit_pageseg_mode: '6', user_defined_dpi: '200' });
  step('start (compile, model)');
  await recognisePage(worker, p1);
  step('p1');
  await recognisePage(worker, p2);
  step('p2');
  await recognisePage(worker, p1);
  step('p1 again');
  await recognisePage(worker, p2);
  step('p2 again');
  await worker.terminate();
  console.table(rows);
  const sum = (from: number, to: number) => rows.slice(from, to).reduce((a, r) => a + Number(r.processCpuS), 0).toFixed(2);
  console.log(`start + first two pages ${sum(0, 3)} CPU-s; the same two pages again ${sum(3, 5)}`);
  console.log(uptime());
}

/** RSS once the threads of the last import are gone and garbage is collected (when --expose-gc). */
async function settledRss(): Promise<number> {
  await new Promise((r) => setTimeout(r, 500));
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((r) => setTimeout(r, 500));
  return mb(process.memoryUsage().rss);
}

const cpuSeconds = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e6;
};

/**
 * --stages: where a page's CPU goes, stage by stage, with the same functions as an import (the
 * page thread's work, here on the main thread with one tesseract worker so that process CPU
 * deltas belong to one stage): pre-processing (decode or pdf.js render, red channel, grey PGM),
 * deskew (skew measured on a reduced copy), recognition (tesseract: layout + LSTM), lines (result
 * → compact lines), post (post-correction, vocabulary, layout, parsing, suspects) — and the
 * accuracy of exactly these pages. p2 goes first and carries the WASM tier-up of a fresh worker.
 */
async function stages(cases: string[], compare: boolean): Promise<void> {
  const t = cpuSeconds();
  const worker = await newTesseract();
  const startS = cpuSeconds() - t;
  const ways = compare ? [{ way: 'reduced-copy deskew' }, { way: 'rotateAuto (before)', rotateAuto: true }] : [{ way: 'reduced-copy deskew' }];
  const rows: Record<string, string | number>[] = [];
  const pages = ways.map(() => new Map<string, OcrPage>());
  const recognise = async (label: string, prep: () => Promise<{ data: Uint8Array; width: number; height: number; dpi: number }>) => {
    for (const [w, how] of ways.entries()) {
      const t0 = cpuSeconds();
      const img = await prep();
      const prepS = cpuSeconds() - t0;
      const cpu: RecogniseCpu = { deskew: 0, recognise: 0, lines: 0 };
      const lines = await recognisePage(worker, img, cpu, how);
      pages[w]!.set(label, { lines, width: img.width, height: img.height, dpi: img.dpi });
      rows.push({ page: label, way: how.way, prep: prepS.toFixed(2), deskew: cpu.deskew.toFixed(2), recognise: cpu.recognise.toFixed(2), lines: cpu.lines.toFixed(2), total: (prepS + cpu.deskew + cpu.recognise + cpu.lines).toFixed(2) });
    }
  };
  const scan = (file: string) => () => imageFilePage(readFileSync(join(SCANS, file)), file);
  const P2 = 'p2 clean (first: WASM tier-up)';
  await recognise(P2, scan('yuanzhu-p2-clean.jpg'));
  const yuanzhu = sourceUnits('yuanzhu.md');
  const scores: Record<string, string | number>[] = [];
  const judge = (name: string, labels: string[], source: Unit[]) => {
    for (const [w, how] of ways.entries()) {
      const ocr = labels.map((l) => pages[w]!.get(l)!);
      const t0 = cpuSeconds();
      const laid = layoutOcrPages(ocr)!;
      const parsed = parseLawText(laid.text, { format: 'txt' }).units.filter((u) => u.kind === 'article' || u.kind === 'section');
      const suspects = findSuspects(parsed, laid.stream, laid.confidence);
      const postS = cpuSeconds() - t0;
      const s = score(parsed.map((u, i) => ({ ...u, suspects: suspects[i] })), source);
      scores.push({ case: name, way: how.way, charsRight: `${(s.accuracy * 100).toFixed(2)}%`, articlesExact: `${s.exact}/${s.articles}`, unflaggedWrong: s.unflagged, postCpuSPerPage: (postS / ocr.length).toFixed(3), unflaggedLabels: s.unflaggedLabels.join(' ') });
    }
  };
  for (const variant of ['clean', 'rotated', 'noisy', 'jpeg30', 'seal'].filter((c) => cases.includes(c))) {
    await recognise(`p1 ${variant}`, scan(`yuanzhu-p1-${variant}.jpg`));
    judge(`援助条例 p1 ${variant} + p2`, [`p1 ${variant}`, P2], yuanzhu);
  }
  if (cases.includes('pdf')) {
    const { openPdfTask } = await import('../../electron/core/importers/pdf-text-extractor');
    const task = await openPdfTask(new Uint8Array(readFileSync(join(DOCS, 'tuizhi-scan.pdf'))));
    const doc = await task.promise;
    await recognise('退职规定 PDF p1', () => renderPdfPage(doc, 1));
    await task.destroy();
    judge('退职规定 scanned PDF', ['退职规定 PDF p1'], sourceUnits('tuizhi.md'));
  }
  await worker.terminate();
  console.table(rows);
  console.table(scores);
  for (const { way } of ways) {
    const steady = rows.filter((r) => r.way === way && r.page !== P2).map((r) => Number(r.total));
    console.log(`${way}: pages after the first, mean ${(steady.reduce((a, b) => a + b, 0) / Math.max(1, steady.length)).toFixed(2)} CPU-s a page (prep + deskew + recognition + lines; post is per page in the second table)`);
  }
  console.log(`worker start ${startS.toFixed(2)} CPU-s (WASM + chi_sim), once per OCR thread and document`);
  console.log(`uptime: ${execSync('uptime').toString().trim()}`);
}

/**
 * --built: bundles this bench and the OCR thread's entry (ocr-page-worker.ts) with esbuild as
 * electron-vite bundles the app (packages external), and runs the bundle with plain node. The
 * bundle lies under node_modules (so its packages resolve) in a folder named with this process's id
 * (worktrees share one node_modules); the thread's file sits beside it as `ocr-page-worker.js`,
 * where pageWorkerFile() looks for it in a build.
 */
async function runBuilt(): Promise<number> {
  const { build } = await import('esbuild');
  const here = import.meta.dirname;
  const root = join(here, '..', '..');
  const dir = join(root, 'node_modules', '.cache', 'lawdesk-bench', `ocr-bench-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  // node_modules ends the package scope lookup: without this the .js worker would load as CommonJS.
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'error' } as const;
  try {
    await build({ ...common, entryPoints: [join(here, 'ocr-bench.ts')], outfile: join(dir, 'ocr-bench.mjs'), define: { 'import.meta.dirname': JSON.stringify(here) } });
    await build({ ...common, entryPoints: [join(root, 'electron/core/importers/ocr-page-worker.ts')], outfile: join(dir, 'ocr-page-worker.js') });
    const args = process.argv.slice(2).filter((a) => a !== '--built');
    const r = spawnSync(process.execPath, ['--expose-gc', join(dir, 'ocr-bench.mjs'), ...args], { stdio: 'inherit' });
    return r.status ?? 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (process.argv.includes('--built') && import.meta.url.endsWith('.ts')) {
    process.exitCode = await runBuilt();
    return;
  }
  const at = process.argv.indexOf('--cases');
  const cases = at > 0 ? process.argv[at + 1]!.split(',') : ['clean', 'rotated', 'noisy', 'jpeg30', 'seal', 'pdf'];
  if (process.argv.includes('--first-child')) return firstChild();
  if (cases.includes('first')) await firstOcrs();
  if (cases.includes('tierup')) await tierUp();
  if (cases.includes('repeat')) await repeatImports();
  if (cases.includes('short')) await shortScans();
  if (cases.includes('long')) await longScan();
  if (cases.includes('tiff')) await tiffScan();
  if (cases.includes('photo')) await photos();
  if (cases.includes('flags')) (await import('./ocr-flag-score')).printFlagReport(process.argv.includes('-v'));
  if (!cases.some((c) => ['clean', 'rotated', 'noisy', 'jpeg30', 'seal', 'sealpdf', 'pdf'].includes(c))) return;
  console.log(`uptime: ${execSync('uptime').toString().trim()}`);
  if (process.argv.includes('--stages')) {
    return stages(cases, process.argv.includes('--compare'));
  }
  const rows: Record<string, string | number>[] = [];
  const yuanzhu = sourceUnits('yuanzhu.md');
  for (const variant of ['clean', 'rotated', 'noisy', 'jpeg30', 'seal'].filter((c) => cases.includes(c))) {
    const files = [`yuanzhu-p1-${variant}.jpg`, 'yuanzhu-p2-clean.jpg'];
    const m = await measure(async () => {
      const pages = await recognisePages(files.length, (i, thread) => thread.recogniseImage(readFileSync(join(SCANS, files[i]!)), files[i]!), { workers: 1 });
      return layoutOcrPages(pages)!;
    });
    const parsed = parseLawText(m.result.text, { format: 'txt' }).units.filter((u) => u.kind === 'article' || u.kind === 'section');
    const suspects = findSuspects(parsed, m.result.stream, m.result.confidence);
    const units = parsed.map((u, i) => ({ ...u, suspects: suspects[i] }));
    const s = score(units, yuanzhu);
    rows.push({ case: `援助条例 p1 ${variant} + p2`, pages: 2, charsRight: `${(s.accuracy * 100).toFixed(2)}%`, articlesExact: `${s.exact}/${s.articles}`, unflaggedWrong: s.unflagged, cpuSPerPage: (m.cpuS / 2).toFixed(1), wallS: m.wallS.toFixed(0), peakRssMb: m.peakMb, maxLoopPauseMs: m.maxPauseMs, unflaggedLabels: s.unflaggedLabels.join(' ') });
  }
  if (cases.includes('sealpdf')) {
    // A seal document scanned in colour: p1 with its red seal as an RGB JPEG page, p2 grey, in one PDF
    // (LAWDESK_OCR_NATIVE_COLOUR=1 decodes the colour page natively, as the grey one; unset, pdf.js does).
    const file = join(tmpdir(), `lawdesk-bench-sealpdf-${process.pid}.pdf`);
    imagePdf(['yuanzhu-p1-seal.jpg', 'yuanzhu-p2-clean.jpg'].map((f) => join(SCANS, f)), file);
    const m = await measure(() => extractDocument(readFileSync(file), 'sealpdf.pdf', { ocr: { workers: 1 } }));
    rmSync(file, { force: true });
    const parsed = parseLawText(m.result.text, { format: 'txt' }).units.filter((u) => u.kind === 'article' || u.kind === 'section');
    const suspects = findSuspects(parsed, m.result.ocr!.stream, m.result.ocr!.confidence);
    const s = score(parsed.map((u, i) => ({ ...u, suspects: suspects[i] })), yuanzhu);
    rows.push({ case: `援助条例 p1 seal (colour JPEG) + p2, scanned PDF${process.env.LAWDESK_OCR_NATIVE_COLOUR === '1' ? ', native colour' : ''}`, pages: 2, charsRight: `${(s.accuracy * 100).toFixed(2)}%`, articlesExact: `${s.exact}/${s.articles}`, unflaggedWrong: s.unflagged, cpuSPerPage: (m.cpuS / 2).toFixed(1), wallS: m.wallS.toFixed(0), peakRssMb: m.peakMb, maxLoopPauseMs: m.maxPauseMs, unflaggedLabels: s.unflaggedLabels.join(' ') });
  }
  if (!cases.includes('pdf')) {
    console.table(rows);
    console.log(`uptime: ${execSync('uptime').toString().trim()}`);
    return;
  }
  const m = await measure(() => extractDocument(readFileSync(join(DOCS, 'tuizhi-scan.pdf')), 'tuizhi-scan.pdf', { ocr: { workers: 1 } }));
  const parsed = parseLawText(m.result.text, { format: 'txt' }).units.filter((u) => u.kind === 'article' || u.kind === 'section');
  const suspects = findSuspects(parsed, m.result.ocr!.stream, m.result.ocr!.confidence);
  const s = score(parsed.map((u, i) => ({ ...u, suspects: suspects[i] })), sourceUnits('tuizhi.md'));
  rows.push({ case: '退职规定 scanned PDF', pages: 1, charsRight: `${(s.accuracy * 100).toFixed(2)}%`, articlesExact: `${s.exact}/${s.articles}`, unflaggedWrong: s.unflagged, cpuSPerPage: m.cpuS.toFixed(1), wallS: m.wallS.toFixed(0), peakRssMb: m.peakMb, maxLoopPauseMs: m.maxPauseMs, unflaggedLabels: s.unflaggedLabels.join(' ') });
  console.table(rows);
  console.log('cpuSPerPage includes starting the worker (WASM + chi_sim model, ≈ 2–3 CPU-s) once per case.');
  console.log(`uptime: ${execSync('uptime').toString().trim()}`);
}

await main();
