// The corpus laws the OCR tables are generated from (cjk-bigrams.gen.ts, cjk-clause-joints.gen.ts),
// shared so both leave out the same laws: those of the OCR fixtures (the titles in
// test/fixtures/documents/sources/, ocr-flags/, ocr-mixed/ and scans/photo/), so the benchmarks measure text no table has seen.
// Build-time only, like the generators; not run on its own.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const titleOf = (text: string): string | undefined => /^#\s*(.+)$/m.exec(text)?.[1]?.trim();

/** The corpus folder: the generator's first argument, else ../shared/corpus/laws beside the project. */
export const corpusDir = (): string => process.argv[2] ?? join(here, '../../../../shared/corpus/laws');

/** Calls `use` with every corpus law's Markdown, in path order, but the fixtures' laws; counts both. */
export function forEachCorpusLaw(corpus: string, use: (text: string) => void): { laws: number; skipped: number } {
  const heldOut = ['sources', 'ocr-flags', 'ocr-mixed', 'scans/photo'].map((d) => join(here, '../../../test/fixtures/documents', d));
  const skipTitles = new Set(heldOut.flatMap((dir) => readdirSync(dir).filter((n) => n.endsWith('.md')).map((n) => titleOf(readFileSync(join(dir, n), 'utf8'))!)));
  let laws = 0;
  let skipped = 0;
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.md')) {
        const text = readFileSync(p, 'utf8');
        const title = titleOf(text);
        if (title && skipTitles.has(title)) skipped++;
        else {
          laws++;
          use(text);
        }
      }
    }
  };
  walk(corpus);
  return { laws, skipped };
}

/** Sorted whole numbers (up to 2^53) as delta-coded varints, deflated: how the generated tables store their sets (ocr-vocabulary.ts decodes them). */
export function deltaVarints(sorted: readonly number[]): Buffer {
  const out: number[] = [];
  let prev = 0;
  for (const v of sorted) {
    let d = v - prev;
    prev = v;
    while (d >= 0x80) {
      out.push((d % 0x80) | 0x80);
      d = Math.floor(d / 0x80);
    }
    out.push(d);
  }
  return deflateSync(Buffer.from(out), { level: 9 });
}
