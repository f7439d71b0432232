// Crash-safety harness: runs an import, a series of record edits, a bundle import, `check --repair`
// of a damaged library, a bundle export or a pack export (DOCX, or PDF through Chromium) in a child process, kill -9s it at a
// random moment while it works, reopens the library and checks it: the library passes
// checkLibrary, records.json is readable, every record is either exactly its state before the
// operation or exactly its state after (never a mix, never missing), every law version is whole.
// For repair: `check` afterwards is clean or lists only repairable problems, and a second repair
// leaves it clean with every record back. For exports: the output is absent or complete under its
// final name (never partial), and after the next start (AppService with that export folder) no
// temp file is left — nor, for a PDF, a browser temp folder (each child has its own TMPDIR, which
// must hold nothing of ours, playwright's or Chromium's once the killed export's Chromium has
// exited and the app started again). Prints one table of trials and outcomes per operation.
//
//   npx tsx test/bench/crash-harness.ts --trials 120 [--ops import,records,bundle,repair,bundle-export,pack-export,pdf-export] [--keep]
//
// test/node/bundles/crash-harness.test.ts runs a bounded subset in CI.

import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportBundle } from '../../electron/core/bundles/bundle-export';
import { importBundle } from '../../electron/core/bundles/bundle-import';
import { checkIntegrity } from '../../electron/core/bundles/integrity-repair';
import { backupRecords } from '../../electron/core/bundles/records-backup';
import { ZipReader } from '../../electron/core/bundles/zip-file';
import { AppService } from '../../electron/core/api/app-service';
import { MemorySettingsStore } from '../../electron/core/api/settings-file';
import { exportPack } from '../../electron/core/packs/pack-export';
import { checkLibrary } from '../../electron/core/library/library-check';
import { importPaths } from '../../electron/core/library/library-import';
import { openLibrary } from '../../electron/core/library/open-library';
import { RecordsService } from '../../electron/core/records/records-service';
import type { RecordsFile } from '../../electron/core/records/record-types';
import { RECORD_COLLECTIONS } from '../../electron/core/bundles/records-merge';
import { namedDestPages } from '../../electron/core/packs/render-pdf';
import { browserPidOf } from '../../electron/core/util/browser-temp';
import { processRuns } from '../../electron/core/util/stale-temps';
import { makeLibrary } from '../node/bundles/bundle-helpers';

const SELF = fileURLToPath(import.meta.url);
const ROOT = join(import.meta.dirname, '../..');
export const OPS = ['import', 'records', 'bundle', 'repair', 'bundle-export', 'pack-export', 'pdf-export'] as const;
const EXPORTS = new Set<Op>(['bundle-export', 'pack-export', 'pdf-export']);
const OUT_NAME: Partial<Record<Op, string>> = { 'bundle-export': '资料包.lawdesk', 'pack-export': '汇编.docx', 'pdf-export': '汇编.pdf' };
/** The PDF pack is smaller: Chromium's start and two print passes are most of its time. */
const PDF_PACK_LAWS = 4;
const PACK_LAWS = 20;
export type Op = (typeof OPS)[number];
const EDITS = 240;
const NOTES = 6;

// ───────────── child side ─────────────

async function child(op: Op, lib: string, arg: string): Promise<void> {
  const { store } = await openLibrary({ dir: lib, seed: false });
  process.stdout.write('START\n');
  if (op === 'import') await importPaths(store, [arg]);
  else if (op === 'bundle') await importBundle(store, arg);
  else if (op === 'repair') await checkIntegrity(store, { repair: true });
  else if (op === 'bundle-export') await exportBundle(store, { records: true, out: join(arg, OUT_NAME[op]!) });
  else if (op === 'pack-export') await exportPack(store, harnessPack(PACK_LAWS), { out: join(arg, OUT_NAME[op]!) });
  else if (op === 'pdf-export') await exportPack(store, harnessPack(PDF_PACK_LAWS), { out: join(arg, OUT_NAME[op]!) });
  else {
    const svc = await RecordsService.open(store, { actor: 'harness' });
    const ids = (await svc.listNotes()).filter((n) => n.text.startsWith('harness')).map((n) => n.id).sort();
    for (let i = 0; i < EDITS; i++) await svc.updateNote(ids[i % ids.length]!, { text: `harness edit ${i}` });
  }
  process.stdout.write('DONE\n');
}

/** A pack of whole laws (the 120 test laws are in the export libraries). */
function harnessPack(laws: number): unknown {
  return {
    title: '崩溃测试汇编',
    template: '通用',
    items: Array.from({ length: laws }, (_, i) => ({ type: 'law', law: `某某市测试许可条例第${i}号` })),
  };
}

// ───────────── harness side ─────────────

interface Fixture {
  work: string;
  template: string; // library before every operation
  damaged: string; // the template with records.json and one body damaged (for repair)
  full: string; // the template plus the 120 laws and the other machine's records (for exports)
  sources: string; // folder of laws for the import
  bundle: string; // bundle for the bundle import
  after: RecordsFile; // records after the bundle import, record by record
  before: RecordsFile;
  /** Problems check finds in the damaged library before any repair. */
  damagedProblems: number;
  /** Entry names of a complete export, from the calibration run. */
  exportEntries: Map<Op, string>;
}

function records(lib: string): RecordsFile {
  return JSON.parse(readFileSync(join(lib, 'records.json'), 'utf8')) as RecordsFile;
}

export async function prepare(work: string): Promise<Fixture> {
  const template = join(work, 'template');
  const { store, service } = await makeLibrary(template, { records: true });
  for (let i = 0; i < NOTES; i++) await service!.createNote({ date: '2025-01-02', text: `harness note ${i}`, tags: ['harness'] });
  const sources = join(work, 'sources');
  mkdirSync(sources, { recursive: true });
  const base = readFileSync(join(ROOT, 'test/fixtures/laws/行政法/行政许可法(2019-04-23).md'), 'utf8');
  for (let i = 0; i < 120; i++) writeFileSync(join(sources, `测试条例${i}.md`), base.replace('# 中华人民共和国行政许可法', `# 某某市测试许可条例第${i}号`));
  // The "other machine": the template plus 120 laws and edited and new records, exported whole.
  const other = join(work, 'other');
  cpSync(template, other, { recursive: true });
  const { store: so } = await openLibrary({ dir: other, seed: false });
  await importPaths(so, [sources]);
  const svc = await RecordsService.open(so, { actor: 'other' });
  for (const n of (await svc.listNotes()).filter((x) => x.text.startsWith('harness'))) await svc.updateNote(n.id, { text: `${n.text} (edited elsewhere)` });
  for (let i = 0; i < 5; i++) await svc.createNote({ date: '2025-02-03', text: `new elsewhere ${i}` });
  const bundle = join(work, 'other.lawdesk');
  await exportBundle(so, { records: true, out: bundle });
  // A damaged copy for repair: a backup of the records, then records.json and one body destroyed.
  const damaged = join(work, 'damaged');
  cpSync(template, damaged, { recursive: true });
  const { store: sd } = await openLibrary({ dir: damaged, seed: false });
  backupRecords(sd, 'harness');
  writeFileSync(join(damaged, 'records.json'), '{"schemaVersion": 1, "reviews": {');
  const body = sd.versions()[0]!.file;
  writeFileSync(join(sd.bodiesDir, body), '{"damaged": true}');
  void store;
  const damagedProblems = (await checkIntegrity(sd)).problems.length;
  return { work, template, damaged, full: other, sources, bundle, after: records(other), before: records(template), damagedProblems, exportEntries: new Map() };
}

interface Trial {
  op: Op;
  delayMs: number;
  killed: boolean; // false: finished before the kill
  outcome: 'old' | 'partial' | 'new';
  problems: string[];
}

/** The child's own TMPDIR (short: Chromium's socket path under it must stay under 108 bytes). */
const tmpOf = (lib: string) => `${lib}-t`;

function runChild(op: Op, lib: string, arg: string, killAfterStartMs: number | undefined): Promise<{ killed: boolean; ms: number }> {
  mkdirSync(tmpOf(lib), { recursive: true });
  return new Promise((resolve, reject) => {
    const c = spawn(process.execPath, ['--import', 'tsx', SELF, '--child', op, lib, arg], { cwd: ROOT, env: { ...process.env, TMPDIR: tmpOf(lib) }, stdio: ['ignore', 'pipe', 'pipe'] });
    let started = 0;
    let done = 0;
    let timer: NodeJS.Timeout | undefined;
    let err = '';
    c.stderr.on('data', (d) => (err += d));
    c.stdout.on('data', (d: Buffer) => {
      if (!done && d.toString().includes('DONE')) done = Date.now();
      if (!started && d.toString().includes('START')) {
        started = Date.now();
        if (killAfterStartMs !== undefined) timer = setTimeout(() => c.kill('SIGKILL'), killAfterStartMs);
      }
    });
    c.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal === 'SIGKILL') return resolve({ killed: true, ms: Date.now() - started });
      if (code !== 0) return reject(new Error(`child ${op} exited ${code}: ${err.slice(0, 500)}`));
      resolve({ killed: false, ms: (done || Date.now()) - started }); // the operation, not the process's exit
    });
  });
}

function recordMap(r: RecordsFile): Map<string, string> {
  const m = new Map<string, string>();
  for (const k of RECORD_COLLECTIONS) for (const [id, rec] of Object.entries(r[k])) m.set(id, JSON.stringify(rec) + '\n' + JSON.stringify(r.log[id] ?? []));
  return m;
}

/** After a killed `check --repair`: check is clean or repairable, a repair makes it clean, no record lost. */
async function verifyRepair(fx: Fixture, lib: string): Promise<Pick<Trial, 'outcome' | 'problems'>> {
  const problems: string[] = [];
  const { store } = await openLibrary({ dir: lib, seed: false });
  const first = await checkIntegrity(store);
  for (const p of first.problems) if (p.unrepairable) problems.push(`check: ${p.file ?? p.versionId}: ${p.problem} — unrepairable: ${p.unrepairable}`);
  const fixed = await checkIntegrity(store, { repair: true });
  for (const p of fixed.problems) if (!p.repaired) problems.push(`repair left: ${p.file ?? p.versionId}: ${p.problem}`);
  const again = await checkIntegrity(store);
  for (const p of again.problems) problems.push(`after repair: ${p.file ?? p.versionId}: ${p.problem}`);
  try {
    const before = recordMap(fx.before);
    const cur = recordMap(records(lib));
    for (const [id, v] of before) if (cur.get(id) !== v) problems.push(`record ${id} ${cur.has(id) ? 'changed' : 'lost'} after repair`);
  } catch (e) {
    problems.push(`records unreadable after repair: ${(e as Error).message}`);
  }
  // old: the killed repair had done nothing; new: it had finished; partial: some of it.
  const left = first.problems.length;
  return { outcome: left === 0 ? 'new' : left >= fx.damagedProblems ? 'old' : 'partial', problems };
}

/** A PDF is whole when it starts as one, ends with %%EOF and has the calibration run's pages. */
function pdfShape(file: string): string {
  const pdf = readFileSync(file);
  const head = pdf.subarray(0, 5).toString('latin1');
  const tail = pdf.subarray(-32).toString('latin1').trimEnd();
  return `${head} … ${tail.endsWith('%%EOF') ? '%%EOF' : 'no %%EOF'}, ${namedDestPages(pdf).pages} pages`;
}

/** Processes whose command line names `dir` (Linux /proc; none elsewhere). */
function processesUsing(dir: string): number[] {
  if (!existsSync('/proc')) return [];
  const out: number[] = [];
  for (const n of readdirSync('/proc')) {
    if (!/^\d+$/.test(n)) continue;
    try {
      if (readFileSync(`/proc/${n}/cmdline`, 'utf8').includes(dir)) out.push(Number(n));
    } catch {
      /* gone meanwhile */
    }
  }
  return out;
}

/** After a killed export: the library is untouched, the output absent or complete, no temp file after the next start. */
async function verifyExport(fx: Fixture, op: Op, lib: string, outDir: string): Promise<Pick<Trial, 'outcome' | 'problems'>> {
  const problems: string[] = [];
  const { store } = await openLibrary({ dir: lib, seed: false });
  for (const p of checkLibrary(store)) problems.push(`check: ${p.versionId ?? p.file}: ${p.problem}`);
  const out = join(outDir, OUT_NAME[op]!);
  let outcome: Trial['outcome'] = 'old';
  if (existsSync(out) && op === 'pdf-export') {
    outcome = 'new';
    const shape = pdfShape(out);
    if (shape !== fx.exportEntries.get(op)) problems.push(`${OUT_NAME[op]} is under its final name but not complete (${shape})`);
  } else if (existsSync(out)) {
    outcome = 'new';
    try {
      const z = new ZipReader(out);
      const names = z.entries.map((e) => e.name).sort().join('\n');
      for (const e of z.entries) z.readEntry(e); // every entry inflates and passes its CRC
      z.close();
      if (names !== fx.exportEntries.get(op)) problems.push(`${OUT_NAME[op]} is under its final name but not complete`);
    } catch (e) {
      problems.push(`${OUT_NAME[op]} is under its final name but unreadable: ${(e as Error).message}`);
    }
  }
  // A killed exporter's Chromium shuts down by itself (its pipe closed); one still running a minute later is leaked.
  const tmp = tmpOf(lib);
  const root = join(tmp, `lawdesk-${process.getuid?.() ?? 'user'}`);
  for (const d of existsSync(root) ? readdirSync(root) : []) {
    // Its pid from the profile's lock, or — killed before Chromium wrote the lock — from any
    // process started with that folder (a Chromium just spawned writes the lock later, and the
    // next start then rightly keeps the folder of a running Chromium).
    const pids = new Set([browserPidOf(join(root, d)), ...processesUsing(join(root, d))].filter((p): p is number => p !== undefined));
    for (const pid of pids) {
      const end = Date.now() + 60_000;
      while (processRuns(pid) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
      if (processRuns(pid)) {
        problems.push(`Chromium ${pid} still running a minute after its exporter was killed`);
        process.kill(pid, 'SIGKILL');
      }
    }
  }
  // The next start: the app opens the library with this export folder (and the child's temp folder).
  const savedTmp = process.env.TMPDIR;
  process.env.TMPDIR = tmp;
  try {
    const svc = await AppService.open({ libraryDir: lib, seed: false, search: false, face: 'browser', settings: new MemorySettingsStore(), exportDir: outDir, stagingRoot: join(outDir, '..', 'staging') });
    svc.close();
  } finally {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
  }
  // Only the (empty) folder of ours may be left; tsx- is the TypeScript loader's cache of the child.
  const leftTmp = readdirSync(tmp, { recursive: true }).map(String).filter((n) => !n.startsWith('tsx-') && n !== `lawdesk-${process.getuid?.() ?? 'user'}`);
  if (leftTmp.length) problems.push(`left in the temp folder after the next start: ${leftTmp.slice(0, 5).join(', ')}${leftTmp.length > 5 ? ` … (${leftTmp.length})` : ''}`);
  const left = readdirSync(outDir).filter((n) => n !== OUT_NAME[op]);
  if (left.length) problems.push(`left in the export folder after the next start: ${left.join(', ')}`);
  const temps = readdirSync(lib, { recursive: true }).map(String).filter((n) => n.endsWith('.tmp'));
  if (temps.length) problems.push(`temp files in the library after the next start: ${temps.join(', ')}`);
  return { outcome, problems };
}

/** Reopens the library and checks every invariant; classifies the state. */
async function verify(fx: Fixture, op: Op, lib: string, outDir = ''): Promise<Pick<Trial, 'outcome' | 'problems'>> {
  if (op === 'repair') return verifyRepair(fx, lib);
  if (EXPORTS.has(op)) return verifyExport(fx, op, lib, outDir);
  const problems: string[] = [];
  const { store } = await openLibrary({ dir: lib, seed: false });
  for (const p of checkLibrary(store)) problems.push(`check: ${p.versionId ?? p.file}: ${p.problem}`);
  let now: RecordsFile;
  try {
    const svc = await RecordsService.open(store);
    await svc.listReviews();
    now = records(lib);
  } catch (e) {
    return { outcome: 'partial', problems: [...problems, `records unreadable: ${(e as Error).message}`] };
  }
  const before = recordMap(fx.before);
  const cur = recordMap(now);
  const laws = store.versions().filter((v) => v.title.startsWith('某某市测试许可条例'));
  for (const v of laws) if (v.articleCount !== 83) problems.push(`law ${v.id} has ${v.articleCount} articles`);
  let changed = 0;
  let total = 0;
  if (op === 'import') {
    for (const [id, s] of before) if (cur.get(id) !== s) problems.push(`record ${id} changed by a law import`);
    return { outcome: laws.length === 0 ? 'old' : laws.length === 120 ? 'new' : 'partial', problems };
  }
  if (op === 'records') {
    for (const id of before.keys()) if (!cur.has(id)) problems.push(`record ${id} lost`);
    if (cur.size !== before.size) problems.push(`record count ${cur.size} ≠ ${before.size}`);
    for (const n of Object.values(now.notes)) {
      if (!n.text.startsWith('harness')) continue;
      const log = now.log[n.id] ?? [];
      // A record and its log entry are one commit: the revision counts the entries, the last entry says the text.
      if (log.length !== n.revision) problems.push(`note ${n.id}: revision ${n.revision} but ${log.length} log entries (mixed)`);
      const last = log.at(-1)?.changes.find((c) => c.path === 'text');
      if (n.revision > 1 && last?.to !== n.text) problems.push(`note ${n.id}: text "${n.text}" not what its last log entry says`);
      total++;
      if (n.revision > 1) changed++;
    }
    const edits = Object.values(now.notes).reduce((s, n) => s + (n.text.startsWith('harness') ? n.revision - 1 : 0), 0);
    return { outcome: edits === 0 ? 'old' : edits === EDITS ? 'new' : 'partial', problems };
  }
  // bundle: every record is exactly before or exactly after; none lost
  const after = recordMap(fx.after);
  for (const [id, s] of cur) {
    total++;
    if (s === after.get(id)) {
      if (before.get(id) !== s) changed++;
    } else if (s !== before.get(id)) problems.push(`record ${id} is neither its old nor its new state (mixed)`);
  }
  for (const id of before.keys()) if (!cur.has(id)) problems.push(`record ${id} lost`);
  const lawsNew = laws.length;
  const outcome = changed === 0 && lawsNew === 0 ? 'old' : changed === after.size - [...after.keys()].filter((id) => before.get(id) === after.get(id)).length && lawsNew === 120 ? 'new' : 'partial';
  void total;
  return { outcome, problems };
}

export interface HarnessOptions {
  trials: number;
  ops?: readonly Op[];
  work?: string;
  log?: (line: string) => void;
}

export interface HarnessResult {
  trials: Trial[];
  table: string;
  inconsistent: number;
}

export async function runHarness(opts: HarnessOptions): Promise<HarnessResult> {
  const ops = opts.ops ?? OPS;
  const log = opts.log ?? (() => {});
  const work = opts.work ?? mkdtempSync(join(tmpdir(), 'ldch-')); // short: see tmpOf
  const fx = await prepare(work);
  const arg = (op: Op, lib: string) => (op === 'import' ? fx.sources : op === 'bundle' ? fx.bundle : EXPORTS.has(op) ? `${lib}-out` : '');
  const source = (op: Op) => (op === 'repair' ? fx.damaged : EXPORTS.has(op) ? fx.full : fx.template);
  const setUp = (op: Op, lib: string) => {
    cpSync(source(op), lib, { recursive: true });
    if (EXPORTS.has(op)) mkdirSync(`${lib}-out`, { recursive: true });
  };
  const tearDown = (lib: string) => {
    rmSync(lib, { recursive: true, force: true });
    rmSync(`${lib}-out`, { recursive: true, force: true });
    rmSync(tmpOf(lib), { recursive: true, force: true, maxRetries: 3 });
  };
  // Calibrate: how long each operation takes here once started, so the kills land inside it.
  const full = new Map<Op, number>();
  for (const op of ops) {
    const lib = join(work, `calibrate-${op}`);
    setUp(op, lib);
    const r = await runChild(op, lib, arg(op, lib), undefined);
    full.set(op, Math.max(20, r.ms));
    if (op === 'pdf-export') fx.exportEntries.set(op, pdfShape(join(arg(op, lib), OUT_NAME[op]!)));
    else if (EXPORTS.has(op)) {
      const z = new ZipReader(join(arg(op, lib), OUT_NAME[op]!));
      fx.exportEntries.set(op, z.entries.map((e) => e.name).sort().join('\n'));
      z.close();
    }
    const v = await verify(fx, op, lib, arg(op, lib));
    if (v.outcome !== 'new' || v.problems.length) throw new Error(`calibration run of ${op} did not reach the new state: ${v.problems.join('; ')}`);
    log(`calibrated ${op}: ${r.ms} ms`);
  }
  const trials: Trial[] = [];
  for (let t = 0; t < opts.trials; t++) {
    const op = ops[t % ops.length]!;
    const lib = join(work, `trial-${t}`);
    setUp(op, lib);
    const delayMs = Math.floor(Math.random() * full.get(op)! * 1.05);
    const r = await runChild(op, lib, arg(op, lib), delayMs);
    if (opts.work) cpSync(lib, `${lib}-as-killed`, { recursive: true }); // --keep: what the kill left, before verify repairs it
    const v = await verify(fx, op, lib, arg(op, lib));
    trials.push({ op, delayMs, killed: r.killed, ...v });
    log(`trial ${t + 1}/${opts.trials} ${op} kill at ${delayMs} ms: ${r.killed ? 'killed' : 'finished'} → ${v.outcome}${v.problems.length ? ' INCONSISTENT: ' + v.problems.slice(0, 3).join('; ') : ''}`);
    if (v.problems.length && opts.work) log(`  kept for inspection: ${lib}-as-killed (and ${lib} after verification)`);
    else {
      tearDown(lib);
      rmSync(`${lib}-as-killed`, { recursive: true, force: true });
    }
  }
  const rows = ops.map((op) => {
    const ts = trials.filter((t) => t.op === op);
    return [op, ts.length, ts.filter((t) => t.killed).length, ts.filter((t) => !t.killed).length, ts.filter((t) => t.outcome === 'old').length, ts.filter((t) => t.outcome === 'partial').length, ts.filter((t) => t.outcome === 'new').length, ts.filter((t) => t.problems.length).length, `${full.get(op)} ms`];
  });
  const head = ['operation', 'trials', 'killed mid-op', 'finished first', 'old state', 'partial (each item whole)', 'new state', 'INCONSISTENT', 'op duration'];
  const all = [head, ...rows.map((r) => r.map(String)), ['total', String(trials.length), String(trials.filter((t) => t.killed).length), String(trials.filter((t) => !t.killed).length), String(trials.filter((t) => t.outcome === 'old').length), String(trials.filter((t) => t.outcome === 'partial').length), String(trials.filter((t) => t.outcome === 'new').length), String(trials.filter((t) => t.problems.length).length), '']];
  const widths = head.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  const lines = all.map((r) => '| ' + r.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |');
  lines.splice(1, 0, '| ' + widths.map((w) => '-'.repeat(w)).join(' | ') + ' |');
  const table = lines.join('\n');
  if (!opts.work) rmSync(work, { recursive: true, force: true });
  return { trials, table, inconsistent: trials.filter((t) => t.problems.length).length };
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === '--child') {
    await child(argv[1] as Op, argv[2]!, argv[3] ?? '');
    return 0;
  }
  const get = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const trials = Number(get('--trials') ?? 30);
  const ops = (get('--ops')?.split(',') as Op[] | undefined) ?? OPS;
  const work = argv.includes('--keep') ? mkdtempSync(join(tmpdir(), 'ldch-')) : undefined;
  const t0 = Date.now();
  const res = await runHarness({ trials, ops, ...(work ? { work } : {}), log: (l) => process.stderr.write(l + '\n') });
  process.stdout.write(`\nCrash-safety harness: ${trials} trials, kill -9 at a random moment of each operation (${((Date.now() - t0) / 1000).toFixed(0)} s)\n\n${res.table}\n`);
  const bad = res.trials.filter((t) => t.problems.length);
  for (const t of bad) process.stdout.write(`INCONSISTENT ${t.op} @${t.delayMs} ms: ${t.problems.join('; ')}\n`);
  if (work) process.stdout.write(`work folder kept: ${work}\n`);
  return bad.length ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(new URL(`file://${process.argv[1]}`)) === SELF) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`${(e as Error).stack ?? e}\n`);
      process.exit(2);
    },
  );
}
void existsSync;
