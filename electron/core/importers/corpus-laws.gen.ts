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

const isHanCode = (c: number) => c >= 0x3400 && c <= 0x9fff;

/** A triple of ideographs as one number: (a × 65536 + b) × 65536 + c, as the generated triple tables store them. */
export const tripleKey = (a: number, b: number, c: number): number => (a * 65536 + b) * 65536 + c;

/** How often the corpus (but the fixtures' laws) writes each three adjacent ideographs, by tripleKey; with forEachCorpusLaw's counts. */
export function countCorpusTriples(corpus: string): { triples: Map<number, number>; laws: number; skipped: number } {
  const triples = new Map<number, number>();
  const { laws, skipped } = forEachCorpusLaw(corpus, (text) => {
    for (let i = 0; i + 2 < text.length; i++) {
      const a = text.charCodeAt(i);
      const b = text.charCodeAt(i + 1);
      const c = text.charCodeAt(i + 2);
      if (isHanCode(a) && isHanCode(b) && isHanCode(c)) triples.set(tripleKey(a, b, c), (triples.get(tripleKey(a, b, c)) ?? 0) + 1);
    }
  });
  return { triples, laws, skipped };
}

/** A sorted set as deltaVarints, base64, in quoted lines of 120 characters: a generated table's array body. */
export const packedLines = (sorted: readonly number[]): string => (deltaVarints(sorted).toString('base64').match(/.{1,120}/g) ?? []).map((l) => `  '${l}',`).join('\n');
