// Every file the app writes goes through core/util/atomic-write.ts. A raw write call anywhere else
// in the Node side (core, faces, Electron glue) would bring back a half-written file after a crash
// or a raw errno instead of a sentence; the few exceptions are listed here with their reason.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const RAW = /\b(writeFileSync|writeSync|renameSync|copyFileSync|cpSync|appendFileSync|createWriteStream|writeFile|appendFile|rename|copyFile)\s*\(/g;

const ALLOWED: Record<string, string> = {
  'electron/core/util/atomic-write.ts': 'the writer itself',
  'electron/core/library/writer-lock.ts': 'the lock file has its own protocol: a complete owner record hard-linked into place',
  'electron/core/bundles/integrity-repair.ts': 'moves a damaged file, whole, into quarantine/ (a rename of an existing file is atomic)',
  'electron/core/search/text-chunks.ts': 'a scratch spool of the index build, never read as library data: a temp file deleted when the build ends; the index itself is written through the atomic writer',
};

/** A build-time generator (name.gen.ts), not run by the app: it writes the tables the app is built with. */
const isGenerator = (rel: string) => rel.endsWith('.gen.ts');

it('no app module imports a build-time generator', () => {
  const importers = files(join(root, 'electron'))
    .filter((f) => !f.endsWith('.gen.ts') && /from '[^']*\.gen'/.test(readFileSync(f, 'utf8')))
    .map((f) => relative(root, f));
  expect(importers).toEqual([]);
});

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|mts)$/.test(n) ? [p] : [];
  });
}

describe('one atomic writer', () => {
  it('no raw write, rename or copy outside core/util/atomic-write.ts (and the listed exceptions)', () => {
    const offenders: string[] = [];
    for (const f of files(join(root, 'electron'))) {
      const rel = relative(root, f).split('\\').join('/');
      if (ALLOWED[rel] || isGenerator(rel)) continue;
      const text = readFileSync(f, 'utf8');
      for (const line of text.split('\n')) {
        if (/^\s*(\/\/|\*)/.test(line)) continue;
        for (const m of line.matchAll(RAW)) {
          const before = line.slice(0, m.index);
          if (/\.\s*$/.test(before) && !/\b(fs|fsp|promises)\.\s*$/.test(before)) continue; // a method of our own objects (file.write, zip.add, …)
          offenders.push(`${rel}: ${line.trim()}`);
        }
      }
    }
    expect(offenders).toEqual([]);
    // The exceptions still exist (a stale entry would hide a new file of the same name).
    for (const rel of Object.keys(ALLOWED)) expect(statSync(join(root, rel)).isFile()).toBe(true);
  });
});
