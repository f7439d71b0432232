// Every package the main-process code imports must resolve as Node's own ESM loader resolves it: the
// built main (electron-vite keeps node_modules external) and the bundled benches load these imports
// with Node, not with Vite, which also finds a subpath written without its extension. Session 19's
// `word-extractor/lib/word-ole-extractor` passed every test under Vitest and stopped the built app's
// .doc reader from loading at all (ERR_MODULE_NOT_FOUND).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildApp, buildIsStale } from '../../../electron/server/launch';

const ROOT = join(import.meta.dirname, '../../..');

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return filesUnder(p, keep);
    return keep(e.name) ? [p] : [];
  });
}
const sourceFiles = (dir: string) => filesUnder(dir, (n) => /\.tsx?$/.test(n) && !n.endsWith('.d.ts'));

/** The package specifiers a file imports at run time (type-only imports are erased and left out). */
function packageImports(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'";]*?from\s+'([^']+)'/gm)) if (!m[2]) out.push(m[3]!);
  for (const m of text.matchAll(/^\s*import\s+'([^']+)'/gm)) out.push(m[1]!);
  for (const m of text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)) out.push(m[1]!);
  return out.filter((s) => !s.startsWith('.') && !s.startsWith('node:'));
}

/**
 * A module script's `resolves(s)`: '' when Node's ESM loader finds the file `s` names, else why not. Under
 * Node 20 import.meta.resolve answers for a file that is not there (it only maps the name), so the file is looked for.
 */
const RESOLVES = `import { existsSync } from 'node:fs'; import { fileURLToPath } from 'node:url'; const resolves = (s) => { try { const u = import.meta.resolve(s); return !u.startsWith('file:') || existsSync(fileURLToPath(u)) ? '' : 'not a file'; } catch (e) { return String(e.code ?? e.message); } }`;

describe('main-process imports under Node’s ESM resolution', () => {
  it('every package and package subpath the electron/ code imports resolves without Vite', () => {
    const specifiers = [...new Set(sourceFiles(join(ROOT, 'electron')).flatMap((f) => packageImports(readFileSync(f, 'utf8'))))].sort();
    expect(specifiers).toContain('word-extractor/lib/word-ole-extractor.js');
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', `${RESOLVES}; const out = {}; for (const s of ${JSON.stringify(specifiers)}) { const why = resolves(s); if (why) out[s] = why; } console.log(JSON.stringify(out));`], { encoding: 'utf8', cwd: ROOT });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout) as Record<string, string>).toEqual({});
  });

  it('the check itself tells a subpath without its extension from one with it', () => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', `${RESOLVES}; console.log(JSON.stringify([resolves('word-extractor/lib/filters'), resolves('word-extractor/lib/filters.js')]));`], { encoding: 'utf8', cwd: ROOT });
    expect(JSON.parse(r.stdout)).toEqual(['not a file', '']);
  });

  it('the built main’s package imports load in Node as written, import attributes and all', { timeout: 180_000 }, () => {
    // The browser harness builds the same way when out/ is missing or older than the sources.
    if (buildIsStale(ROOT) && buildApp(ROOT) !== 0) throw new Error('electron-vite build failed');
    const statements = new Set<string>();
    for (const f of filesUnder(join(ROOT, 'out/main'), (n) => n.endsWith('.js'))) {
      for (const m of readFileSync(f, 'utf8').matchAll(/^(?:import|export)\b[^;]*?\bfrom\s*"([^"]+)"([^;\n]*);/gm)) {
        const [, spec, attributes] = m as unknown as [string, string, string];
        // electron (and electron-store, which imports it) are the Electron runtime's, not Node's
        if (spec.startsWith('.') || spec.startsWith('node:') || spec === 'electron' || spec === 'electron-store') continue;
        statements.add(`import * as _ from ${JSON.stringify(spec)}${attributes};`);
      }
    }
    expect([...statements].some((s) => s.includes('"zod"'))).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'lawdesk-esm-'));
    try {
      // one module per statement, each imported on its own: every failing one is named
      const files = [...statements].map((st, i) => {
        const file = join(ROOT, 'out/main', `.esm-check-${i}.mjs`);
        writeFileSync(file, `${st}\n`);
        return { st, file };
      });
      writeFileSync(join(dir, 'run.mjs'), `const out = {}; for (const [st, file] of ${JSON.stringify(files.map((f) => [f.st, f.file]))}) { try { await import(file); } catch (e) { out[st] = String(e.code ?? e.message); } } console.log(JSON.stringify(out));`);
      const r = spawnSync(process.execPath, [join(dir, 'run.mjs')], { encoding: 'utf8', cwd: ROOT });
      for (const f of files) rmSync(f.file, { force: true });
      expect(JSON.parse(r.stdout) as Record<string, string>).toEqual({});
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
