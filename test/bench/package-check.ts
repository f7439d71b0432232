// npm run check:package — the packaged app's layout, checked as far as a machine without Electron's
// binary can (issue 14: the WASM core and the chi_sim model must load from the packaged app).
//
// 1. electron-builder builds the unpacked Linux app (the `dir` target, linux-unpacked) from
//    build/electron-builder.yml into a temp folder, offline: a stand-in folder takes the place of
//    Electron's binary (`electronDist`), and for this run only there are no fuses (they are flipped
//    inside the real binary, which is not here) and no native rebuild (as in the real config).
// 2. It reads resources/app.asar and checks: every file of out/ is in it; every file of resources/
//    but the screenshots; every package the main process imports, and every package those need,
//    resolves inside it; the files the OCR reads by real path (the WASM cores, the chi_sim model, the
//    canvas's native .node) are in app.asar.unpacked.
// 3. It extracts app.asar into a folder of that name beside the real app.asar.unpacked, leaves out
//    the WASM cores and the model (so they can only be found through ocrAssetPaths()'s
//    app.asar → app.asar.unpacked rewrite), and runs OCR on one scan in plain Node with the packaged
//    bundle's own code (out/main/chunks, the OCR page thread out/main/ocr-page-worker.js), with
//    networking off (`unshare -n`) where the machine allows it.
//
// Electron itself never runs here: that Electron starts the OCR thread from inside app.asar, and
// the fuses and the installers (deb, AppImage, NSIS), are not checked (electron/main/README-app.md).
// Options: --keep (leave the temp folder and print its path).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Configuration } from 'electron-builder';
import { ocrAssetPaths } from '../../electron/core/importers/ocr-tesseract';
import { buildApp, buildIsStale } from '../../electron/server/launch';

const ROOT = join(import.meta.dirname, '..', '..');
const SCAN = join(ROOT, 'test', 'fixtures', 'documents', 'scans', 'yuanzhu-p2-clean.jpg');
const SCAN_SOURCE = join(ROOT, 'test', 'fixtures', 'documents', 'sources', 'yuanzhu.md');
/** Unpacked files the OCR opens by path, left out of the extracted app.asar so that only the rewrite reaches them. */
const READ_BY_PATH = /\.wasm$|\.traineddata(\.gz)?$/;

interface Asar {
  listPackage(archive: string, options: { isPack: boolean }): string[];
  statFile(archive: string, file: string): { unpacked?: boolean; files?: unknown; size?: number };
  extractFile(archive: string, file: string): Buffer;
  extractAll(archive: string, dest: string): void;
}
interface PackageJson {
  name?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

// electron-builder's own copies: @electron/asar and js-yaml come with it (no dependency of ours).
const builderRequire = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'));
const asar = builderRequire('@electron/asar') as Asar;
const yaml = builderRequire('js-yaml') as { load(text: string): unknown };

const failures: string[] = [];
function check(ok: boolean, what: string, detail = ''): void {
  console.log(`${ok ? '✓' : '✗'} ${what}${detail ? `: ${detail}` : ''}`);
  if (!ok) failures.push(what);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/**
 * The folder electron-builder packs from. A checkout with its own node_modules is used as it is. A
 * helper's worktree links node_modules to another checkout, and `npm list` (electron-builder's way
 * of finding the production packages) then reports them extraneous and packs an incomplete app
 * (tesseract.js without tesseract.js-core: measured): the files it reads are copied and
 * node_modules hard-linked (the same disk, nothing copied) into the temp folder instead.
 */
function projectDir(tmp: string): string {
  const modules = join(ROOT, 'node_modules');
  if (!lstatSync(modules).isSymbolicLink()) return ROOT;
  const stage = join(tmp, 'project');
  mkdirSync(stage);
  for (const name of ['package.json', 'package-lock.json']) cpSync(join(ROOT, name), join(stage, name));
  for (const dir of ['build', 'out', 'resources']) cpSync(join(ROOT, dir), join(stage, dir), { recursive: true, filter: (p) => !p.includes(`${sep}screenshots`) });
  execFileSync('cp', ['-al', realpathSync(modules), join(stage, 'node_modules')]);
  console.log(`node_modules is a link (${realpathSync(modules)}): packing from a copy with node_modules hard-linked, ${stage}`);
  return stage;
}

async function buildUnpacked(project: string, tmp: string): Promise<string> {
  const standIn = join(tmp, 'electron-stand-in');
  mkdirSync(join(standIn, 'resources'), { recursive: true });
  // Renamed to the executableName by electron-builder; it says what it is if anyone starts it.
  writeFileSync(join(standIn, 'electron'), '#!/bin/sh\necho "stand-in for the Electron binary (npm run check:package): not an app" >&2\nexit 1\n', { mode: 0o755 });
  const config = yaml.load(readFileSync(join(ROOT, 'build', 'electron-builder.yml'), 'utf8')) as Configuration;
  const runConfig: Configuration = {
    ...config,
    directories: { ...config.directories, output: join(tmp, 'dist') },
    electronDist: standIn,
    // Fuses are written into the Electron binary: the stand-in has none. The real build keeps the yml's.
    electronFuses: null,
    npmRebuild: false,
  };
  const { build, Platform, Arch } = await import('electron-builder');
  const arch = process.arch === 'arm64' ? Arch.arm64 : Arch.x64;
  await build({ projectDir: project, config: runConfig, targets: Platform.LINUX.createTarget('dir', arch), publish: 'never' });
  const out = readdirSync(join(tmp, 'dist')).find((n) => /^linux-.*unpacked$/.test(n));
  if (!out) throw new Error(`electron-builder wrote no linux-unpacked folder into ${join(tmp, 'dist')}`);
  return join(tmp, 'dist', out);
}

/** The package a bare specifier names (`@scope/name` or `name`), or undefined for a builtin, a relative path, a `node:` or `virtual:` id, or Electron. */
function packageOf(spec: string): string | undefined {
  if (spec.startsWith('.') || spec.startsWith('/') || /^[a-z]+:/.test(spec) || spec === 'electron') return undefined;
  const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
  return builtinModules.includes(name) ? undefined : name;
}

/**
 * Packages the main bundle names but loads only when run from source: ocr-page-images resolves
 * tsx/esm/api only when its .ts file sits beside it (tsx, vitest), never in out/main.
 */
const FROM_SOURCE_ONLY = new Set(['tsx']);

/**
 * Bare specifiers the built main process loads: static imports, import("…"), resolve("…/package.json")
 * with a literal, and calls of a require made by createRequire (official-holidays reads
 * chinese-days/dist/chinese-days.json that way; ocr-tesseract-inline tesseract.js's worker script).
 */
function mainImports(archive: string, files: string[]): Set<string> {
  const specs = new Set<string>();
  for (const file of files.filter((f) => f.startsWith('/out/main/') && f.endsWith('.js'))) {
    const text = asar.extractFile(archive, file.slice(1)).toString('utf8');
    for (const m of text.matchAll(/^import\s(?:[^;]*?\sfrom\s)?"([^"]+)";/gm)) specs.add(m[1]!);
    for (const m of text.matchAll(/\bimport\("([^"]+)"\)/g)) specs.add(m[1]!);
    for (const m of text.matchAll(/\.resolve\("([^"]+)\/package\.json"\)/g)) specs.add(m[1]!);
    const requires = [...text.matchAll(/\b([A-Za-z_$][\w$]*) = createRequire\(/g)].map((m) => m[1]!);
    const calls = new RegExp(`(?:\\bcreateRequire\\([^()]*\\)|\\b(?:${requires.map((n) => n.replace(/\$/g, '\\$')).join('|') || '(?!)'}))(?:\\.resolve)?\\("([^"]+)"\\)`, 'g');
    for (const m of text.matchAll(calls)) specs.add(m[1]!);
  }
  return specs;
}

/** Bare specifiers the renderer's sources import (vite bundles them into out/renderer). */
function rendererImports(): Set<string> {
  const specs = new Set<string>();
  for (const file of filesUnder(join(ROOT, 'renderer', 'src')).filter((f) => /\.tsx?$/.test(f))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bfrom\s+'([^']+)'|\bimport\s*\(\s*'([^']+)'\s*\)|^import\s+'([^']+)'/gm)) specs.add((m[1] ?? m[2] ?? m[3])!);
  }
  return specs;
}

/** Every package folder in the archive ('/node_modules/a', '/node_modules/a/node_modules/@s/b'). */
function packedPackages(files: string[]): string[] {
  return files.map((f) => /^(.*\/node_modules\/(?:@[^/]+\/)?[^/@][^/]*)\/package\.json$/.exec(f)?.[1]).filter((d): d is string => d !== undefined);
}

/**
 * Node's lookup inside the archive: the package's folder found from `fromDir` upwards, or undefined.
 * `has` holds every path of the archive ('/node_modules/x/package.json').
 */
function resolveIn(has: Set<string>, fromDir: string, name: string): string | undefined {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = `${dir === '/' ? '' : dir}/node_modules/${name}`;
    if (has.has(`${candidate}/package.json`)) return candidate;
    if (dir === '/') return undefined;
  }
}

/**
 * Every package reached from `roots` through dependencies (and required peers); what could not be
 * found, as "needed by → name"; optional ones npm did not install here (another platform's builds).
 */
function dependencyClosure(archive: string, has: Set<string>, roots: { name: string; optional: boolean }[]): { reached: Set<string>; missing: string[]; absent: string[] } {
  const seen = new Set<string>();
  const missing: string[] = [];
  const absent = new Set<string>();
  const queue: { from: string; dir: string; name: string; optional: boolean }[] = roots.map((r) => ({ from: 'out/main', dir: '/', ...r }));
  while (queue.length > 0) {
    const { from, dir, name, optional } = queue.shift()!;
    const at = resolveIn(has, dir, name);
    if (!at) {
      // An optional dependency is missing rightly when npm did not install it here (another platform's build).
      if (!optional || existsSync(join(ROOT, 'node_modules', name, 'package.json'))) missing.push(`${from} → ${name}`);
      else absent.add(name);
      continue;
    }
    if (seen.has(at)) continue;
    seen.add(at);
    const pkg = JSON.parse(asar.extractFile(archive, `${at.slice(1)}/package.json`).toString('utf8')) as PackageJson;
    const peers = Object.keys(pkg.peerDependencies ?? {}).filter((p) => !pkg.peerDependenciesMeta?.[p]?.optional);
    for (const dep of [...Object.keys(pkg.dependencies ?? {}), ...peers]) queue.push({ from: name, dir: at, name: dep, optional: false });
    for (const dep of Object.keys(pkg.optionalDependencies ?? {})) queue.push({ from: name, dir: at, name: dep, optional: true });
  }
  return { reached: seen, missing, absent: [...absent].sort() };
}

function checkArchive(resources: string, project: string): void {
  const archive = join(resources, 'app.asar');
  const unpackedDir = join(resources, 'app.asar.unpacked');
  const files = asar.listPackage(archive, { isPack: false }).map((f) => f.split(sep).join('/'));
  const has = new Set(files);
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
  console.log(`app.asar ${mb(statSync(archive).size)}, app.asar.unpacked ${mb(filesUnder(unpackedDir).reduce((sum, f) => sum + statSync(f).size, 0))}`);

  const built = filesUnder(join(project, 'out')).filter((f) => !f.endsWith('.map') && !f.includes(`${sep}tsc${sep}`)).map((f) => `/${relative(project, f).split(sep).join('/')}`);
  const notPacked = built.filter((f) => !has.has(f));
  check(['/out/main/index.js', '/out/main/ocr-page-worker.js', '/out/renderer/index.html'].every((f) => has.has(f)) && readdirSync(join(project, 'out', 'preload')).length > 0 && notPacked.length === 0, 'out/main, out/preload and out/renderer are in app.asar', notPacked.length ? `missing ${notPacked.slice(0, 5).join(', ')}` : `${built.length} files`);
  const tsc = files.filter((f) => f.startsWith('/out/tsc/'));
  check(tsc.length === 0, 'out/tsc (tsc’s incremental state) is left out', tsc.slice(0, 3).join(', '));

  const kept = filesUnder(join(ROOT, 'resources')).map((f) => `/${relative(ROOT, f).split(sep).join('/')}`);
  const wanted = kept.filter((f) => !f.startsWith('/resources/screenshots/') && !f.endsWith('.map'));
  const lost = wanted.filter((f) => !has.has(f));
  const screenshots = files.filter((f) => f.startsWith('/resources/screenshots'));
  check(lost.length === 0 && screenshots.length === 0, 'resources/ is packed as the files list says (the screenshots left out)', lost.length ? `missing ${lost.slice(0, 5).join(', ')}` : screenshots.length ? `screenshots packed: ${screenshots[0]}` : `${wanted.length} files`);

  const own = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;
  const imported = [...new Set([...mainImports(archive, files)].map(packageOf).filter((p): p is string => p !== undefined && !FROM_SOURCE_ONLY.has(p)))].sort();
  const devOnly = imported.filter((p) => own.devDependencies?.[p] && !own.dependencies?.[p]);
  check(devOnly.length === 0, 'the main process imports no devDependency (those are not packed)', devOnly.join(', ') || `${imported.length} packages imported`);
  // A package imported but not ours (tesseract.js-core, a dependency of tesseract.js; kerberos, an
  // optional import inside bundled playwright-core) must be packed when npm installed it here.
  const roots = imported.filter((p) => !devOnly.includes(p)).map((name) => ({ name, optional: !own.dependencies?.[name] }));
  const closure = dependencyClosure(archive, has, roots);
  check(closure.missing.length === 0, 'every package the main process imports, and every package those need, resolves inside app.asar', closure.missing.length ? `missing ${closure.missing.join(', ')}` : `${closure.reached.size} packages${closure.absent.length ? `; ${closure.absent.length} optional ones not installed here (other platforms’ builds…): ${closure.absent.slice(0, 4).join(', ')}` : ''}`);

  // The renderer is bundled by vite into out/renderer: its packages are devDependencies, and packed
  // only when the main process needs them too (dayjs, through exceljs).
  const packed = packedPackages(files);
  const nameOf = (dir: string) => dir.slice(dir.lastIndexOf('/node_modules/') + '/node_modules/'.length);
  const reachedNames = new Set([...closure.reached].map(nameOf));
  const rendererOnly = [...new Set([...rendererImports()].map(packageOf).filter((p): p is string => p !== undefined))].filter((p) => !reachedNames.has(p)).sort();
  const rendererPacked = packed.filter((d) => rendererOnly.includes(nameOf(d)));
  check(rendererOnly.length > 0 && rendererPacked.length === 0, 'no package only the renderer uses is in app.asar (vite bundles them)', rendererPacked.length ? `packed: ${rendererPacked.slice(0, 5).join(', ')}` : rendererOnly.join(', '));
  const extra = packed.filter((d) => !closure.reached.has(d));
  check(extra.length === 0, 'app.asar holds no package the main process does not reach', extra.length ? `${extra.length}: ${extra.slice(0, 8).join(', ')}` : `${packed.length} package folders`);

  // Files the OCR and the canvas open by real path must be unpacked, and be there on disk.
  const onDisk = (f: string) => {
    const st = asar.statFile(archive, f.slice(1));
    return st.unpacked === true && existsSync(join(unpackedDir, f.slice(1)));
  };
  for (const pkg of ['tesseract.js', 'tesseract.js-core', '@tesseract.js-data/chi_sim']) {
    const own = files.filter((f) => f.startsWith(`/node_modules/${pkg}/`) && asar.statFile(archive, f.slice(1)).files === undefined);
    const packed = own.filter((f) => !onDisk(f));
    check(own.length > 0 && packed.length === 0, `${pkg} is in app.asar.unpacked`, packed.length ? `inside app.asar: ${packed.slice(0, 3).join(', ')}` : `${own.length} files`);
  }
  const wasm = files.filter((f) => f.startsWith('/node_modules/tesseract.js-core/') && f.endsWith('.wasm'));
  // The model the OCR loads: ocrAssetPaths()'s langPath here, as a path inside the archive.
  const langDir = `/node_modules/${ocrAssetPaths().langPath.split(sep).join('/').split('/node_modules/').pop()}`;
  const model = `${langDir}/chi_sim.traineddata.gz`;
  const sameSize = (f: string) => onDisk(f) && statSync(join(unpackedDir, f.slice(1))).size === statSync(join(ROOT, f.slice(1))).size;
  check(wasm.length > 0 && [...wasm, model].every((f) => has.has(f) && sameSize(f)), 'the WASM cores and the chi_sim model the OCR loads are unpacked whole', `${wasm.length} cores, model ${model.slice(langDir.lastIndexOf('/') + 1)} ${has.has(model) ? (statSync(join(unpackedDir, model.slice(1))).size / 1e6).toFixed(1) + ' MB' : 'missing'}`);
  // The package's other variants (4.0.0_best_int) are never read: the files list leaves them out.
  const isModel = (f: string) => /\.traineddata(\.gz)?$/.test(f);
  const installed = filesUnder(join(ROOT, 'node_modules', '@tesseract.js-data')).filter(isModel).map((f) => `/${relative(ROOT, f).split(sep).join('/')}`);
  const unused = installed.filter((f) => !f.startsWith(`${langDir}/`));
  const packedUnused = files.filter((f) => isModel(f) && f !== model);
  check(packedUnused.length === 0, 'no OCR model the app does not load is packed', packedUnused.length ? `packed: ${packedUnused.join(', ')}` : `left out: ${unused.map((f) => f.split('/').slice(-2).join('/')).join(', ') || '(none installed)'}`);
  const natives = files.filter((f) => f.endsWith('.node'));
  const canvas = natives.filter((f) => f.startsWith('/node_modules/@napi-rs/'));
  check(canvas.length > 0 && natives.every(onDisk), 'the native .node files (@napi-rs/canvas) are unpacked', natives.map((f) => f.split('/').slice(2, -1).join('/')).join(', '));
}

/** app.asar extracted into a folder of that name beside the real app.asar.unpacked, the files READ_BY_PATH left out. */
function extractedLayout(resources: string): { leftOut: string[] } {
  const archive = join(resources, 'app.asar');
  const view = join(resources, 'app.asar.view');
  asar.extractAll(archive, view);
  const leftOut = asar
    .listPackage(archive, { isPack: false })
    .map((f) => f.split(sep).join('/').slice(1))
    .filter((f) => READ_BY_PATH.test(f) && asar.statFile(archive, f).unpacked === true);
  for (const f of leftOut) rmSync(join(view, f));
  renameSync(archive, join(resources, 'app.asar.archive'));
  renameSync(view, archive);
  return { leftOut };
}

interface ProbeResult {
  status: number | null;
  textSource?: string;
  text: string;
  stderr: string;
}

/** OCR of one scan with the packaged bundle's code, in a child Node (networking off when `offline`). */
function runProbe(resources: string, tmp: string, offline: boolean): ProbeResult {
  const chunks = join(resources, 'app.asar', 'out', 'main', 'chunks');
  const extractor = readdirSync(chunks).find((n) => /^ocr-extractor-.*\.js$/.test(n) && readFileSync(join(chunks, n), 'utf8').includes('extractImage'));
  if (!extractor) throw new Error(`the packaged bundle has no ocr-extractor-*.js exporting extractImage in ${chunks}`);
  const probe = join(tmp, 'probe.mjs');
  writeFileSync(
    probe,
    `import { readFileSync } from 'node:fs';
const { extractImage } = await import(${JSON.stringify(pathToFileURL(join(chunks, extractor)).href)});
const d = await extractImage(readFileSync(${JSON.stringify(SCAN)}), 'scan.jpg');
console.log(JSON.stringify({ textSource: d.textSource, text: d.text }));
process.exit(0);
`,
  );
  const home = join(tmp, 'home');
  mkdirSync(home, { recursive: true });
  const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), LAWDESK_OCR_MODEL_DIR: join(tmp, 'ocr-model') };
  const [cmd, args] = offline ? ['unshare', ['-n', process.execPath, probe]] : [process.execPath, [probe]];
  const r = spawnSync(cmd, args, { encoding: 'utf8', cwd: tmp, env, timeout: 600_000 });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  try {
    const got = JSON.parse(line) as { textSource?: string; text?: string };
    return { status: r.status, textSource: got.textSource, text: got.text ?? '', stderr: r.stderr };
  } catch {
    return { status: r.status, text: '', stderr: r.stderr };
  }
}

/**
 * OCR from the extracted layout, twice: without app.asar.unpacked (it must fail, on a path there:
 * the control showing nothing else supplies the WASM core or the model), then with it.
 */
function ocrFromLayout(resources: string, tmp: string): void {
  const offline = spawnSync('unshare', ['-n', 'true']).status === 0;
  const unpacked = join(resources, 'app.asar.unpacked');
  renameSync(unpacked, `${unpacked}.off`);
  const control = runProbe(resources, tmp, offline);
  renameSync(`${unpacked}.off`, unpacked);
  // The app's message names the missing file whole: with the folder back, it is there.
  const error = /ExtractError: .*/.exec(control.stderr)?.[0] ?? control.stderr.slice(-300);
  const named = /'([^']*app\.asar\.unpacked[\\/][^']+)'/.exec(error)?.[1];
  check(control.status !== 0 && /ENOENT/.test(error) && named !== undefined && existsSync(named) && statSync(named).isFile(), 'without app.asar.unpacked the same OCR fails, its message naming the missing file in full', error);

  const r = runProbe(resources, tmp, offline);
  if (r.status !== 0) console.log(r.stderr.slice(-3000));
  // How much of the page is the law: 6-character runs of Han characters found in its source text.
  const source = readFileSync(SCAN_SOURCE, 'utf8').replace(/[^\p{Script=Han}]/gu, '');
  const han = r.text.replace(/[^\p{Script=Han}]/gu, '');
  const runs = Array.from({ length: Math.floor(han.length / 6) }, (_, i) => han.slice(i * 6, i * 6 + 6));
  const found = runs.filter((w) => source.includes(w)).length;
  const modelDir = join(tmp, 'ocr-model');
  check(
    r.status === 0 && r.textSource === 'ocr' && runs.length >= 50 && found / runs.length >= 0.9,
    `OCR from the extracted layout (its own ocrAssetPaths, worker, WASM and model)${offline ? ', networking off (unshare -n)' : ', networking ON (unshare -n not allowed here)'}`,
    `exit ${r.status}, ${han.length} Han characters, ${found}/${runs.length} 6-character runs found in yuanzhu.md; model copy written to ${existsSync(modelDir) ? readdirSync(modelDir).join(', ') : '(none)'}`,
  );
  check(!/ENOTFOUND|ECONNREFUSED|ENETUNREACH|fetch failed/.test(r.stderr + control.stderr), 'nothing tried the network');
  check(readdirSync(tmp).every((n) => !n.includes('traineddata')), 'nothing cached into the working directory');
}

async function main(): Promise<void> {
  const keep = process.argv.includes('--keep');
  const t0 = Date.now();
  const cpu0 = process.cpuUsage();
  if (buildIsStale(ROOT)) {
    console.log('out/ is stale: npm run build');
    if (buildApp(ROOT) !== 0) throw new Error('npm run build failed');
  }
  const tmp = mkdtempSync(join(tmpdir(), 'lawdesk-package-'));
  try {
    const project = projectDir(tmp);
    const appOut = await buildUnpacked(project, tmp);
    const tBuilt = Date.now();
    const resources = join(appOut, 'resources');
    console.log(`\nunpacked app: ${appOut} (the executable is the stand-in, not Electron)`);
    checkArchive(resources, project);
    const tChecked = Date.now();
    const { leftOut } = extractedLayout(resources);
    check(leftOut.length > 0, 'the extracted app.asar lacks the files read by real path, so only ocrAssetPaths()’s app.asar.unpacked paths reach them', leftOut.map((f) => f.split('/').pop()).join(', '));
    const tExtracted = Date.now();
    ocrFromLayout(resources, tmp);
    const s = (a: number, b: number) => `${((b - a) / 1000).toFixed(1)} s`;
    console.log(`\nwall time: build and pack ${s(t0, tBuilt)}, checks ${s(tBuilt, tChecked)}, extraction ${s(tChecked, tExtracted)}, the two OCR runs ${s(tExtracted, Date.now())}`);
  } finally {
    if (keep) console.log(`kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }
  const cpu = process.cpuUsage(cpu0);
  console.log(`\n${failures.length === 0 ? 'all checks passed' : `${failures.length} failed: ${failures.join('; ')}`} (${((Date.now() - t0) / 1000).toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} CPU-s in this process, children not counted)`);
  process.exit(failures.length === 0 ? 0 : 1);
}

await main();
