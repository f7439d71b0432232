// The installer carries only what build/electron-builder.yml lists under `files:`. The core reads
// its data (rules, templates, starter laws) from <app>/resources at run time, so a folder missing
// from that list works in every test here and fails only in the packaged app: this test reads the
// sources for every resources/<name> they open and checks the list keeps each one.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** `resources/<name>` of every join(…, 'resources', '<name>'…) and every registerRulesPath-like join of the folder itself. */
function resourcesRead(): Map<string, string> {
  const used = new Map<string, string>();
  for (const file of sourceFiles(join(ROOT, 'electron'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/'resources',\s*'([^']+)'/g)) used.set(`resources/${m[1]}`, relative(ROOT, file));
    // Helpers given the resources folder itself name their file inside it (register-rules.json, report-templates).
    if (/join\(appRoot\(\), 'resources'\)/.test(text)) {
      for (const m of text.matchAll(/(\w+Path)\(join\(appRoot\(\), 'resources'\)/g)) used.set(`resources/(${m[1]})`, relative(ROOT, file));
    }
  }
  return used;
}

function filesPatterns(): { include: string[]; exclude: string[] } {
  const yml = readFileSync(join(ROOT, 'build', 'electron-builder.yml'), 'utf8');
  const block = yml.split(/^files:\s*$/m)[1]?.split(/^\S/m)[0] ?? '';
  const items = [...block.matchAll(/^\s+-\s+"?([^"\n]+?)"?\s*$/gm)].map((m) => m[1]!);
  return { include: items.filter((p) => !p.startsWith('!')), exclude: items.filter((p) => p.startsWith('!')).map((p) => p.slice(1)) };
}

/** Whether a folder or file under resources/ is kept: a pattern covers it and no exclusion removes it. */
function kept(path: string, { include, exclude }: { include: string[]; exclude: string[] }): boolean {
  const covers = (pattern: string) => {
    const base = pattern.replace(/\/\*\*.*$|\/\*[^/]*$/, '');
    return path === base || path.startsWith(`${base}/`) || (pattern.endsWith('/**') && path.startsWith(`${base}/`));
  };
  return include.some(covers) && !exclude.some((p) => p.startsWith('resources/') && covers(p));
}

describe('the installer carries the resources the core reads', () => {
  const patterns = filesPatterns();

  it('reads the files list and finds the resources the core opens', () => {
    expect(patterns.include).toContain('out/**');
    const used = resourcesRead();
    // Sanity: the reader of the sources finds the known users, so an empty scan cannot pass.
    expect([...used.keys()]).toEqual(expect.arrayContaining(['resources/starter-laws', 'resources/review-rules', 'resources/opinion-templates']));
  });

  it('keeps every resources/<name> a core module opens', () => {
    const missing = [...resourcesRead()]
      .map(([path, file]) => [path.startsWith('resources/(') ? 'resources' : path, file] as const)
      .filter(([path]) => (path === 'resources' ? !readdirSync(join(ROOT, 'resources')).filter((n) => n !== 'screenshots').every((n) => kept(`resources/${n}`, patterns)) : !kept(path, patterns)));
    expect(missing).toEqual([]);
  });

  it('leaves the screenshots out', () => {
    expect(kept('resources/screenshots', patterns)).toBe(false);
  });
});

/** The asarUnpack patterns of build/electron-builder.yml. */
function asarUnpack(): string[] {
  const yml = readFileSync(join(ROOT, 'build', 'electron-builder.yml'), 'utf8');
  const block = yml.split(/^asarUnpack:\s*$/m)[1]?.split(/^\S/m)[0] ?? '';
  return [...block.matchAll(/^\s+-\s+"?([^"\n]+?)"?\s*$/gm)].map((m) => m[1]!);
}

describe('the installer can start the OCR threads', () => {
  it('builds every worker_threads module as its own file where the code looks for it', () => {
    // A module started with new Worker(file) is named *-worker.ts; the app finds the built file
    // by that name beside the main bundle (pageWorkerFile), so each must be an entry of the main build.
    const workers = sourceFiles(join(ROOT, 'electron')).filter((f) => /-worker\.ts$/.test(f));
    expect(workers.map((f) => relative(ROOT, f))).toContain('electron/core/importers/ocr-page-worker.ts');
    const vite = readFileSync(join(ROOT, 'build', 'electron.vite.config.ts'), 'utf8');
    for (const file of workers) {
      const name = file.split('/').pop()!.replace(/\.ts$/, '');
      expect(vite).toContain(`'${name}': resolve(root, '${relative(ROOT, file)}')`);
      // …and the code that starts it asks for that built name.
      const starters = sourceFiles(join(ROOT, 'electron')).filter((f) => readFileSync(f, 'utf8').includes(`'${name}.js'`));
      expect(starters.length).toBeGreaterThan(0);
    }
  });

  it('unpacks every package whose files the OCR reads by real path (WASM core, chi_sim model, native canvas)', () => {
    const unpack = asarUnpack();
    // ocr-tesseract.ts turns app.asar into app.asar.unpacked for the paths it hands to tesseract.
    const tesseract = readFileSync(join(ROOT, 'electron/core/importers/ocr-tesseract.ts'), 'utf8');
    const packages = [...tesseract.matchAll(/resolve\('((?:@[^/']+\/)?[^/']+)\/package\.json'\)/g)].map((m) => m[1]!);
    expect(packages).toEqual(expect.arrayContaining(['@tesseract.js-data/chi_sim', 'tesseract.js-core']));
    for (const p of [...packages, 'tesseract.js']) expect(unpack).toContain(`**/node_modules/${p}/**`);
    // In the OCR thread the WASM core is read (and compiled once, ocr-tesseract-inline.ts) from that unpacked corePath.
    expect(tesseract).toContain("inlineTesseract({ lang: 'chi_sim', oem: 1, corePath,");
    expect(readFileSync(join(ROOT, 'electron/core/importers/ocr-tesseract-inline.ts'), 'utf8')).toContain('join(corePath, `${name}.wasm`)');
    // pdf.js renders scans through @napi-rs/canvas, a native module (cannot load from inside asar).
    expect(unpack).toEqual(expect.arrayContaining(['**/*.node', '**/node_modules/@napi-rs/**']));
  });
});

/** Whether an asarUnpack pattern of ours (`**\/node_modules/<pkg>/**`, `**\/*.node`) covers a file. */
function unpacked(file: string, patterns: string[]): boolean {
  const posix = file.split(sep).join('/');
  return patterns.some((p) => {
    const pkg = /^\*\*\/node_modules\/(.+)\/\*\*$/.exec(p);
    if (pkg) return posix.includes(`/node_modules/${pkg[1]}/`);
    const ext = /^\*\*\/\*(\.\w+)$/.exec(p);
    return ext ? posix.endsWith(ext[1]!) : false;
  });
}

describe('the files the packaged app reads by real path exist where the code looks', () => {
  it('the OCR model and every WASM core the engine may pick exist and are unpacked; the pdf.js worker exists; no `files:` exclusion drops them', async () => {
    const { ocrAssetPaths } = await import('../../../electron/core/importers/ocr-tesseract');
    const { coreName } = await import('../../../electron/core/importers/ocr-tesseract-inline');
    const { langPath, corePath } = ocrAssetPaths();
    const cores = [false, true].flatMap((lstm) => [false, true].map((simd) => join(corePath, `${coreName(lstm, { simd }, '')}.wasm`)));
    const model = join(langPath, 'chi_sim.traineddata.gz');
    const pdfWorker = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'legacy', 'build', 'pdf.worker.mjs');
    const patterns = asarUnpack();
    for (const file of [model, ...cores]) {
      expect(existsSync(file), file).toBe(true);
      expect(unpacked(file, patterns), `${file} is not under asarUnpack`).toBe(true);
    }
    // pdf.js loads its worker with import(), which reads inside app.asar: it must be packed, not excluded.
    expect(existsSync(pdfWorker)).toBe(true);
    const excluded = filesPatterns().exclude.flatMap((p) => [...p.matchAll(/\{([^}]+)\}/g)].flatMap((m) => m[1]!.split(',')));
    expect(excluded).toContain('test');
    for (const file of [model, ...cores, pdfWorker]) {
      const segments = file.split(sep);
      const inPackage = segments.slice(segments.lastIndexOf('node_modules'));
      expect(inPackage.filter((seg) => excluded.includes(seg)), file).toEqual([]);
    }
  });
});
