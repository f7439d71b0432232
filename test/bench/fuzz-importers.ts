// Mutation fuzzer for everything the app reads from a user's disk: the document importers
// (Markdown, TXT in UTF-8/GBK/UTF-16, DOCX, PDF, HTML/MHT, .doc, .wps, OFD, images), bundles and
// record backups. It damages the real fixtures (fuzz-mutators.ts), runs each damaged file through
// the real import path in a worker process with a CPU-time and memory watch, and sorts the
// outcome: imported, refused with a clear reason, or a finding — crash / uncaught exception, hang
// (> 20 CPU-s), memory (> 500 MB RSS), the library changed after a refusal, a reason that is not a
// clear Chinese sentence (a raw JS or pdf.js message, a stack), or a refusal that names no file.
//
//   npm run fuzz:importers -- [--seed 1] [--iterations 100] [--format pdf,docx,tiff,txt] [--ocr] [--keep DIR] [--json FILE] [--keep-rss MB]
//
// --keep-rss MB also keeps (and prints) files that stayed within the limits but peaked over MB.
//
// --ocr runs real OCR on scans (5+ CPU-s a page); without it a scan is taken to the OCR estimate
// (what a preview does) and images are decoded by the OCR path's own decoder (imageFilePage).
// Run it with `nice -n 10` on a shared machine.
import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { byteMutation, concat, imageMutation, jsonMutation, markupMutation, mhtMutation, oleMutation, pdfMutation, rng, smallTiff, textMutation, zipMutation, type Mutant, type Rng, type ZipItem } from './fuzz-mutators';

const ROOT = join(import.meta.dirname, '../..');
const DOCS = join(ROOT, 'test/fixtures/documents');
const CPU_LIMIT_MS = 20_000;
const WALL_LIMIT_MS = Number(process.env.FUZZ_WALL_MS ?? 180_000); // a loaded 2-core machine: the CPU limit is the real one
const RSS_LIMIT_MB = 500;
const JOBS_PER_WORKER = 40;

type Kind = 'document' | 'image' | 'bundle' | 'backup';
interface Job {
  file: string;
  kind: Kind;
  ocr: boolean;
}
interface ChildResult {
  outcome: 'imported' | 'needs-ocr' | 'refused' | 'thrown';
  reason?: string;
  failedFile?: string;
  cpuMs: number;
  hwmMB: number;
  libChanged: string[];
}

// ---------------------------------------------------------------- worker ----------------------
if (process.argv[2] === '--worker') {
  const kind = process.argv[3] as Kind;
  const libDir = process.argv[4]!;
  const { openLibrary } = await import('../../electron/core/library/open-library');
  const { importPaths } = await import('../../electron/core/library/library-import');
  let store: Awaited<ReturnType<typeof openLibrary>>['store'];
  if (kind === 'bundle' || kind === 'backup') {
    const { makeLibrary } = await import('../node/bundles/bundle-helpers');
    ({ store } = await makeLibrary(libDir, { records: true }));
  } else {
    ({ store } = await openLibrary({ dir: libDir, seed: false }));
    // something already in the library that a bad file must not disturb
    await importPaths(store, [join(ROOT, 'test/fixtures/laws/行政法/行政许可法(2019-04-23).md')]);
  }
  let current = '';
  const die = (what: string, e: unknown) => {
    process.send!({ fatal: `${what}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`.slice(0, 2000), file: current }, () => process.exit(70));
  };
  process.on('uncaughtException', (e) => die('uncaughtException', e));
  process.on('unhandledRejection', (e) => die('unhandledRejection', e));
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  process.on('message', async (job: Job) => {
    current = job.file;
    try {
      writeFileSync('/proc/self/clear_refs', '5'); // reset VmHWM: this file's own peak
    } catch {
      /* not Linux */
    }
    const before = snapshot(libDir);
    const c0 = cpu();
    const res: Omit<ChildResult, 'cpuMs' | 'hwmMB' | 'libChanged'> = await run(job).catch((e: unknown) =>
      // a bundle or backup is refused by throwing its DomainError (a code and a sentence); anything else escaped
      (job.kind === 'bundle' || job.kind === 'backup') && e instanceof Error && typeof (e as { code?: unknown }).code === 'string' && e.name !== 'Error'
        ? { outcome: 'refused' as const, reason: e.message }
        : {
      outcome: 'thrown' as const,
      reason: e instanceof Error ? `${e.name}: ${e.message}${e instanceof Error && !('code' in e) ? `\n${e.stack ?? ''}` : ''}` : String(e),
    });
    const cpuMs = cpu() - c0;
    const after = snapshot(libDir);
    const libChanged = res.outcome === 'imported' ? [] : diff(before, after);
    let hwmMB = process.memoryUsage().rss / 1048576;
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
      if (m) hwmMB = Number(m[1]) / 1024;
    } catch {
      /* not Linux */
    }
    process.send!({ result: { ...res, cpuMs, hwmMB, libChanged } satisfies ChildResult });
  });

  async function run(job: Job): Promise<Omit<ChildResult, 'cpuMs' | 'hwmMB' | 'libChanged'>> {
    if (job.kind === 'bundle') {
      const { importBundle } = await import('../../electron/core/bundles/bundle-import');
      await importBundle(store, job.file);
      return { outcome: 'imported' };
    }
    if (job.kind === 'backup') {
      const { restoreRecords } = await import('../../electron/core/bundles/records-restore');
      await restoreRecords(store, job.file);
      return { outcome: 'imported' };
    }
    if (job.kind === 'image' && !job.ocr) {
      // What an OCR import does first, without the 5 CPU-s of tesseract per page.
      const { imageFilePage } = await import('../../electron/core/importers/ocr-images');
      const { ExtractError } = await import('../../electron/core/importers/extracted-document');
      try {
        const bytes = new Uint8Array(readFileSync(job.file));
        // Every page of a TIFF, as the OCR import sends them to its threads.
        const { tiffPages, tiffSinglePage } = await import('../../electron/core/importers/ocr-tiff');
        const { imageKind } = await import('../../electron/core/importers/ocr-images');
        const pages = imageKind(bytes) === 'tiff' ? tiffPages(bytes).map((p) => tiffSinglePage(bytes, p)) : [bytes];
        for (const page of pages) await imageFilePage(page, basename(job.file));
      } catch (e) {
        if (!(e instanceof ExtractError)) throw e;
        return { outcome: 'refused', reason: e.message, failedFile: job.file };
      }
    }
    const r = await importPaths(store, [job.file], { ocr: job.ocr ? true : 'estimate', previews: false });
    const f = r.files[0];
    if (r.failed.length) return { outcome: 'refused', reason: r.failed[0]!.reason, failedFile: r.failed[0]!.file };
    if (f?.textSource === 'ocr' && !job.ocr) return { outcome: 'needs-ocr' };
    return { outcome: 'imported' };
  }
  process.send!({ ready: true });
  await new Promise(() => {}); // serve jobs until the parent ends us
}

function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      const rel = relative(dir, p);
      if (rel === 'library.lock') continue;
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      // The catalog's versions are the library's content; its generation and tombstones are
      // housekeeping the next writer may finish (bodies a previous import replaced).
      else out.set(rel, createHash('sha1').update(rel === 'library.json' ? catalogVersions(p) : readFileSync(p)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

function catalogVersions(p: string): string {
  try {
    return JSON.stringify((JSON.parse(readFileSync(p, 'utf8')) as { versions?: unknown }).versions);
  } catch {
    return readFileSync(p, 'latin1'); // unreadable: compared as bytes
  }
}

function diff(a: Map<string, string>, b: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [k, v] of a) if (b.get(k) !== v) out.push(b.has(k) ? `changed ${k}` : `removed ${k}`);
  for (const k of b.keys()) if (!a.has(k)) out.push(`added ${k}`);
  return out;
}

// ---------------------------------------------------------------- parent ----------------------
interface Format {
  key: string;
  kind: Kind;
  ext: string;
  seeds: () => Uint8Array[];
  mutate: (r: Rng, seed: Uint8Array) => Mutant;
}

const read = (p: string) => new Uint8Array(readFileSync(join(DOCS, p)));
const law = (p: string) => readFileSync(join(ROOT, 'test/fixtures/laws', p), 'utf8');
const plainLaw = () => law('行政法/行政许可法(2019-04-23).md').replace(/^#+\s*/gm, '').replace(/<!--[^]*?-->/g, '');

function eitherOr(r: Rng, seed: Uint8Array, structured: (r: Rng, s: Uint8Array) => Mutant): Mutant {
  // a third plain byte damage, two thirds aimed at the format's structure; sometimes both
  const m = r() < 0.33 ? byteMutation(r, seed) : structured(r, seed);
  if (r() < 0.1) {
    const again = byteMutation(r, m.bytes);
    return { bytes: again.bytes, how: `${m.how}; ${again.how}` };
  }
  return m;
}

function markupBytes(r: Rng, seed: Uint8Array, enc: 'utf-8' | 'gb18030'): Mutant {
  const text = enc === 'utf-8' ? Buffer.from(seed).toString('utf8') : iconv.decode(Buffer.from(seed), 'gb18030');
  const m = markupMutation(r, text);
  return { bytes: new Uint8Array(enc === 'utf-8' ? Buffer.from(m.text, 'utf8') : iconv.encode(m.text, 'gb18030')), how: m.how };
}

function mht(html: Uint8Array, qp: boolean): Uint8Array {
  const body = qp
    ? Buffer.from(html)
        .toString('latin1')
        .replace(/[=\x80-\xff]/g, (c) => `=${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
        .replace(/(.{72})/g, '$1=\r\n')
    : Buffer.from(html).toString('base64').replace(/(.{76})/g, '$1\r\n');
  return new Uint8Array(
    Buffer.from(
      `From: <由 Windows Internet Explorer 保存>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----=_NextPart_000_0000"\r\n\r\n------=_NextPart_000_0000\r\nContent-Type: text/html;\r\n\tcharset="utf-8"\r\nContent-Transfer-Encoding: ${qp ? 'quoted-printable' : 'base64'}\r\nContent-Location: http://www.example.gov.cn/law.html\r\n\r\n${body}\r\n\r\n------=_NextPart_000_0000--\r\n`,
      'latin1',
    ),
  );
}

let bundleSeed: Uint8Array | undefined;
let backupSeed: Uint8Array | undefined;

// pkulaw-chengguo.txt is GBK as the office receives it: the GBK seed as it is, the UTF-8 seed decoded
// (read as UTF-8 and encoded again, it had been U+FFFD throughout — a seed no real file looks like).
const FORMATS: Format[] = [
  { key: 'md', kind: 'document', ext: '.md', seeds: () => [law('行政法/行政许可法(2019-04-23).md'), law('经济法/统计法(2024-09-13).md')].map((s) => new Uint8Array(Buffer.from(s))), mutate: (r, s) => eitherOr(r, s, (r2, s2) => textMutation(r2, s2, 'utf-8')) },
  { key: 'txt-utf8', kind: 'document', ext: '.txt', seeds: () => [new Uint8Array(Buffer.from(iconv.decode(Buffer.from(read('received/pkulaw-chengguo.txt')), 'gb18030'))), read('received/govcn-copy-jiangli.txt')], mutate: (r, s) => eitherOr(r, s, (r2, s2) => textMutation(r2, s2, 'utf-8')) },
  { key: 'txt-gbk', kind: 'document', ext: '.txt', seeds: () => [new Uint8Array(iconv.encode(plainLaw(), 'gbk')), read('received/pkulaw-chengguo.txt')], mutate: (r, s) => eitherOr(r, s, (r2, s2) => textMutation(r2, s2, 'gbk')) },
  { key: 'txt-utf16', kind: 'document', ext: '.txt', seeds: () => [concat(new Uint8Array([0xff, 0xfe]), new Uint8Array(Buffer.from(plainLaw(), 'utf16le')))], mutate: (r, s) => eitherOr(r, s, (r2, s2) => textMutation(r2, s2, 'utf-16le')) },
  { key: 'docx', kind: 'document', ext: '.docx', seeds: () => ['juece-libreoffice.docx', 'juece-word-features.docx', 'xingfa-pandoc.docx', 'tuizhi-libreoffice.docx'].map(read), mutate: (r, s) => eitherOr(r, s, (r2, s2) => zipMutation(r2, s2)) },
  { key: 'pdf', kind: 'document', ext: '.pdf', seeds: () => ['jiancai-stsong.pdf', 'yuanzhu-radicals.pdf', 'juece-gov.pdf', 'yuanzhu-libreoffice.pdf', 'sweep/kongge-sweep.pdf', 'tables/merged-cells.pdf', 'tables/merged-cells-chromium.pdf', 'tables/cell-over-pages.pdf', 'tables/cell-over-pages-chromium.pdf', 'running-notes/youqu-footnotes-lo.pdf', 'running-notes/zhibao-endnotes-lo.pdf'].map(read), mutate: (r, s) => eitherOr(r, s, pdfMutation) },
  { key: 'html', kind: 'document', ext: '.html', seeds: () => ['tuizhi-utf8.html', 'yuanzhu-gb2312.html', 'received/govcn-jiangli.html', 'tables/zuiming4.html'].map(read), mutate: (r, s) => eitherOr(r, s, (r2, s2) => markupBytes(r2, s2, /charset=["']?gb/i.test(Buffer.from(s2.subarray(0, 2048)).toString('latin1')) ? 'gb18030' : 'utf-8')) },
  { key: 'mht', kind: 'document', ext: '.mht', seeds: () => [mht(read('tuizhi-utf8.html'), false), mht(read('received/govcn-jiangli.html'), true)], mutate: (r, s) => eitherOr(r, s, mhtMutation) },
  { key: 'doc', kind: 'document', ext: '.doc', seeds: () => ['juece-libreoffice.doc', 'sweep/moshou-sweep.doc', 'juece-word-features.doc', 'received/hongtou-textbox.doc', 'received/hongtou-headerbox.doc'].map(read), mutate: (r, s) => eitherOr(r, s, oleMutation) },
  { key: 'wps', kind: 'document', ext: '.wps', seeds: () => [read('yuanzhu-wps.wps')], mutate: (r, s) => eitherOr(r, s, oleMutation) },
  { key: 'ofd', kind: 'document', ext: '.ofd', seeds: () => ['juece-layout.ofd', 'ofd-samples/helloworld_with_pageblock.ofd', 'ofd-samples/Page5.ofd', 'sweep/gongshi-sweep.ofd', 'ofd-samples/libofd-sample0.ofd', 'sweep/kongge-sweep.ofd', 'ofd-glyphs/siliao-glyphs.ofd'].map(read), mutate: (r, s) => eitherOr(r, s, (r2, s2) => zipMutation(r2, s2)) },
  {
    key: 'image',
    kind: 'image',
    ext: '',
    seeds: () => [read('scans/yuanzhu-p1-jpeg30.jpg'), smallTiff(64, 48, (x, y) => ((x >> 3) + (y >> 3)) % 2 ? 0 : 255), smallPng()],
    mutate: (r, s) => eitherOr(r, s, imageMutation),
  },
  {
    // Every kind of TIFF the decoder reads (ocr-tiff.ts: JS in the OCR thread), the multi-page one included.
    key: 'tiff',
    kind: 'image',
    ext: '.tif',
    seeds: () => readdirSync(join(DOCS, 'scans/tiff')).filter((f) => f.endsWith('.tif')).map((f) => read(`scans/tiff/${f}`)),
    mutate: (r, s) => eitherOr(r, s, imageMutation),
  },
  { key: 'bundle', kind: 'bundle', ext: '.lawdesk', seeds: () => [bundleSeed!], mutate: (r, s) => eitherOr(r, s, (r2, s2) => zipMutation(r2, s2, rehashManifest)) },
  { key: 'backup', kind: 'backup', ext: '.json', seeds: () => [backupSeed!], mutate: (r, s) => (r() < 0.25 ? byteMutation(r, s) : ((m) => ({ bytes: new Uint8Array(Buffer.from(m.text)), how: m.how }))(jsonMutation(r, Buffer.from(s).toString('utf8')))) },
];

/** A bundle's manifest lists each entry's hash and size: keep it true so the damage gets past it. */
function rehashManifest(items: ZipItem[]): void {
  const m = items.find((i) => i.name === 'manifest.json');
  if (!m) return;
  let manifest: { entries?: Record<string, { sha256: string; size: number }> };
  try {
    manifest = JSON.parse(Buffer.from(m.data).toString('utf8')) as typeof manifest;
  } catch {
    return;
  }
  if (!manifest.entries) return;
  for (const it of items) {
    if (it.name === 'manifest.json' || !manifest.entries[it.name]) continue;
    manifest.entries[it.name] = { sha256: createHash('sha256').update(it.data).digest('hex'), size: it.data.length };
  }
  m.data = new Uint8Array(Buffer.from(JSON.stringify(manifest)));
}

function smallPng(): Uint8Array {
  // A tiny greyscale PNG written by hand (no canvas needed in the parent): 32 × 16, stripes.
  const w = 32;
  const h = 16;
  const raw = Buffer.alloc((w + 1) * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) raw[y * (w + 1) + 1 + x] = x % 4 < 2 ? 0 : 255;
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td) >>> 0);
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 0;
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]));
}

/** A reason a user can act on: Chinese, no JS error names, no stack, no English sentence from a library. */
export function unclearReason(reason: string | undefined): string | undefined {
  if (!reason) return 'no reason';
  if (!/[\u4e00-\u9fff]/.test(reason)) return 'no Chinese';
  if (/\n\s+at |\(\/|node:internal|file:\/\//.test(reason)) return 'stack trace';
  if (/内部错误/.test(reason)) return 'internal error (no extractor gave a reason)';
  if (/\b(TypeError|RangeError|ReferenceError|SyntaxError|Error:|undefined|NaN|Cannot|Maximum call stack|is not a function|Unexpected token|out of memory)\b/.test(reason)) return 'raw JS error';
  // an English sentence from a library (pdf.js: "Invalid PDF structure", "bad XRef entry")
  const stripped = reason.replace(/“[^”]*”|《[^》]*》|"[^"]*"/g, '');
  if (/[A-Za-z]{2,}(?:[\s:,-]+[A-Za-z]{2,}){2,}/.test(stripped)) return 'English message';
  return undefined;
}

type Verdict = 'imported' | 'needs-ocr' | 'refused' | 'unclear' | 'crash' | 'hang' | 'memory' | 'lib-changed';
interface Row {
  format: string;
  iteration: number;
  how: string;
  verdict: Verdict;
  detail: string;
  cpuMs: number;
  rssMB: number;
  kept?: string;
}

function args() {
  const a = process.argv.slice(2);
  const get = (k: string) => {
    const i = a.indexOf(k);
    return i >= 0 ? a[i + 1] : undefined;
  };
  return {
    seed: Number(get('--seed') ?? 1),
    iterations: Number(get('--iterations') ?? 100),
    formats: (get('--format') ?? FORMATS.map((f) => f.key).join(',')).split(','),
    ocr: a.includes('--ocr'),
    keep: get('--keep') ?? join(tmpdir(), 'lawdesk-fuzz-findings'),
    json: get('--json'),
    keepRss: get('--keep-rss') === undefined ? undefined : Number(get('--keep-rss')),
  };
}

class Worker {
  child!: ChildProcess;
  jobs = 0;
  lib = '';
  constructor(
    private kind: Kind,
    private work: string,
  ) {}

  async start(): Promise<void> {
    this.lib = mkdtempSync(join(this.work, `lib-${this.kind}-`));
    this.jobs = 0;
    this.child = fork(import.meta.filename, ['--worker', this.kind, this.lib], {
      execArgv: ['--import', 'tsx', '--max-old-space-size=1024', '--stack-size=984'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.child.stderr!.on('data', (d: Buffer) => process.env.FUZZ_DEBUG && process.stderr.write(d));
    await new Promise<void>((res, rej) => {
      const onMsg = (m: { ready?: boolean }) => {
        if (m.ready) {
          this.child.off('message', onMsg);
          res();
        }
      };
      this.child.on('message', onMsg);
      this.child.once('exit', (code) => rej(new Error(`worker for ${this.kind} exited at start (${code})`)));
    });
  }

  stop(): void {
    this.child.removeAllListeners('exit');
    this.child.kill('SIGKILL');
    rmSync(this.lib, { recursive: true, force: true });
  }

  /** Runs one job, watching the worker's CPU time and RSS from outside. */
  async run(job: Job): Promise<{ verdict: Verdict; detail: string; cpuMs: number; rssMB: number }> {
    if (this.jobs >= JOBS_PER_WORKER) {
      this.stop();
      await this.start();
    }
    this.jobs++;
    const pid = this.child.pid!;
    const cpu0 = procCpuMs(pid);
    const t0 = Date.now();
    let peak = 0;
    const out = await new Promise<{ verdict: Verdict; detail: string; cpuMs: number; rssMB: number }>((resolve) => {
      const done = (v: { verdict: Verdict; detail: string; cpuMs: number; rssMB: number }) => {
        clearInterval(timer);
        this.child.off('message', onMsg);
        this.child.removeAllListeners('exit');
        resolve(v);
      };
      const timer = setInterval(() => {
        const cpuMs = procCpuMs(pid) - cpu0;
        const rss = procRssMB(pid);
        peak = Math.max(peak, rss);
        if (rss > RSS_LIMIT_MB) {
          this.child.kill('SIGKILL');
          done({ verdict: 'memory', detail: `RSS ${rss.toFixed(0)} MB after ${(cpuMs / 1000).toFixed(1)} CPU-s`, cpuMs, rssMB: rss });
        } else if (cpuMs > CPU_LIMIT_MS || Date.now() - t0 > WALL_LIMIT_MS) {
          this.child.kill('SIGKILL');
          done({ verdict: 'hang', detail: `${(cpuMs / 1000).toFixed(1)} CPU-s / ${((Date.now() - t0) / 1000).toFixed(0)} s wall, still running`, cpuMs, rssMB: peak });
        }
      }, 100);
      const onMsg = (m: { result?: ChildResult; fatal?: string }) => {
        if (m.fatal) {
          done({ verdict: 'crash', detail: m.fatal, cpuMs: procCpuMs(pid) - cpu0, rssMB: peak });
          return;
        }
        const r = m.result!;
        const rssMB = Math.max(peak, r.hwmMB);
        const base = { cpuMs: r.cpuMs, rssMB };
        if (r.outcome === 'thrown') return done({ verdict: 'crash', detail: `thrown out of the import: ${r.reason}`, ...base });
        if (rssMB > RSS_LIMIT_MB) return done({ verdict: 'memory', detail: `peak RSS ${rssMB.toFixed(0)} MB (${r.outcome}: ${r.reason ?? ''})`, ...base });
        if (r.cpuMs > CPU_LIMIT_MS) return done({ verdict: 'hang', detail: `${(r.cpuMs / 1000).toFixed(1)} CPU-s (${r.outcome})`, ...base });
        if (r.libChanged.length) return done({ verdict: 'lib-changed', detail: `${r.reason}; ${r.libChanged.slice(0, 3).join(', ')}`, ...base });
        if (r.outcome === 'refused') {
          const why = unclearReason(r.reason);
          if (why) return done({ verdict: 'unclear', detail: `${why}: ${r.reason}`, ...base });
          if (job.kind !== 'bundle' && job.kind !== 'backup' && r.failedFile !== job.file) return done({ verdict: 'unclear', detail: `names no file: ${r.reason}`, ...base });
          return done({ verdict: 'refused', detail: r.reason!, ...base });
        }
        done({ verdict: r.outcome, detail: '', ...base });
      };
      this.child.on('message', onMsg);
      this.child.send(job);
      this.child.once('exit', (code, signal) => done({ verdict: 'crash', detail: `worker died (${signal ?? code})`, cpuMs: 0, rssMB: peak }));
    });
    // after a kill (hang, memory) or a crash the worker is gone or going: the next file gets a new one
    if (!['imported', 'needs-ocr', 'refused', 'unclear', 'lib-changed'].includes(out.verdict)) {
      this.stop();
      await this.start();
    }
    return out;
  }
}

function procCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime + stime, in 100 Hz ticks
  } catch {
    return 0;
  }
}

function procRssMB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

async function makeContainerSeeds(work: string): Promise<void> {
  const { makeLibrary } = await import('../node/bundles/bundle-helpers');
  const { exportBundle } = await import('../../electron/core/bundles/bundle-export');
  const { backupRecords } = await import('../../electron/core/bundles/records-backup');
  const { store } = await makeLibrary(join(work, 'seed-lib'), { records: true });
  const out = join(work, 'seed.lawdesk');
  await exportBundle(store, { records: true, out });
  bundleSeed = new Uint8Array(readFileSync(out));
  const b = backupRecords(store, 'manual');
  backupSeed = new Uint8Array(readFileSync(b!.file));
}

async function main(): Promise<void> {
  const o = args();
  const work = mkdtempSync(join(tmpdir(), 'lawdesk-fuzz-'));
  mkdirSync(o.keep, { recursive: true });
  // A family name selects its variants (`txt` → txt-utf8, txt-gbk, txt-utf16); a name that selects
  // nothing is an error: session 18's `--format …,txt,md` ran no text file at all and said nothing.
  const picks = (name: string, key: string) => key === name || key.startsWith(`${name}-`);
  const unknown = o.formats.filter((name) => !FORMATS.some((f) => picks(name, f.key)));
  if (unknown.length) {
    console.error(`unknown --format ${unknown.join(',')}; known: ${FORMATS.map((f) => f.key).join(',')} (txt = every txt-*)`);
    process.exit(2);
  }
  const formats = FORMATS.filter((f) => o.formats.some((name) => picks(name, f.key)));
  if (formats.some((f) => f.kind === 'bundle' || f.kind === 'backup')) await makeContainerSeeds(work);
  const rows: Row[] = [];
  const load0 = loadavg()[0]!;
  const t0 = Date.now();
  for (const f of formats) {
    const seeds = f.seeds();
    const worker = new Worker(f.kind, work);
    await worker.start();
    const r = rng(o.seed * 1_000_003 + hash(f.key));
    for (let i = 0; i < o.iterations; i++) {
      const seed = seeds[i % seeds.length]!;
      let m: Mutant;
      try {
        m = f.mutate(r, seed);
      } catch (e) {
        m = byteMutation(r, seed);
        m.how += ` (mutator failed: ${(e as Error).message.slice(0, 40)})`;
      }
      const ext = f.ext || imageExt(seed);
      const file = join(work, `${f.key}-${i}${ext}`);
      writeFileSync(file, m.bytes);
      const res = await worker.run({ file, kind: f.kind, ocr: o.ocr });
      const row: Row = { format: f.key, iteration: i, how: m.how, ...res };
      if (!['imported', 'needs-ocr', 'refused'].includes(res.verdict)) {
        row.kept = join(o.keep, `${f.key}-seed${o.seed}-${i}${ext}`);
        copyFileSync(file, row.kept);
        console.log(`  ${res.verdict.toUpperCase()} ${f.key} #${i} (${m.how}): ${res.detail.split('\n')[0]!.slice(0, 200)}`);
      } else if (o.keepRss !== undefined && res.rssMB > o.keepRss) {
        // a near miss: within the limits, but worth a look
        row.kept = join(o.keep, `${f.key}-seed${o.seed}-${i}${ext}`);
        copyFileSync(file, row.kept);
        console.log(`  near miss ${f.key} #${i} (${m.how}): ${res.verdict}, ${res.rssMB.toFixed(0)} MB, ${(res.cpuMs / 1000).toFixed(1)} CPU-s`);
      }
      rows.push(row);
      rmSync(file, { force: true });
    }
    worker.stop();
    console.log(line(f.key, rows.filter((x) => x.format === f.key)));
  }
  rmSync(work, { recursive: true, force: true });
  console.log(`\nseed ${o.seed}, ${o.iterations} per format, ${((Date.now() - t0) / 1000).toFixed(0)} s, load ${load0.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}${o.ocr ? ', real OCR' : ''}\n`);
  console.log('| format | files | imported | OCR estimate | refused (clear) | unclear message | crash | hang | memory | library changed | max CPU-s | max RSS MB |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const f of formats) console.log(line(f.key, rows.filter((x) => x.format === f.key)));
  const findings = rows.filter((x) => !['imported', 'needs-ocr', 'refused'].includes(x.verdict));
  console.log(`\nfindings: ${findings.length}${findings.length ? ` (files kept in ${o.keep})` : ''}`);
  if (o.json) writeFileSync(o.json, JSON.stringify({ seed: o.seed, iterations: o.iterations, rows }, null, 1));
}

function line(key: string, rs: Row[]): string {
  const n = (v: Verdict) => rs.filter((x) => x.verdict === v).length;
  const maxCpu = Math.max(0, ...rs.map((x) => x.cpuMs)) / 1000;
  const maxRss = Math.max(0, ...rs.map((x) => x.rssMB));
  return `| ${key} | ${rs.length} | ${n('imported')} | ${n('needs-ocr')} | ${n('refused')} | ${n('unclear')} | ${n('crash')} | ${n('hang')} | ${n('memory')} | ${n('lib-changed')} | ${maxCpu.toFixed(1)} | ${maxRss.toFixed(0)} |`;
}

function imageExt(b: Uint8Array): string {
  if (b[0] === 0x89) return '.png';
  if (b[0] === 0xff) return '.jpg';
  return '.tif';
}

function hash(s: string): number {
  let h = 0;
  for (const c of s) h = (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0;
  return h;
}

if (process.argv[2] !== '--worker') {
  if (!existsSync(DOCS)) throw new Error('test/fixtures/documents is missing');
  await main();
}
