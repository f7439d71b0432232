// How far a clause mark moves the glyphs after it, from tesseract's glyph boxes (OcrSymbol.x0/x1), on the kept OCR
// pages as an import reads them (no OCR runs; the blind set kept back is left out):
//   npx tsx test/bench/ocr-mark-advance.ts
// For a ，；： (read , ; : or full-width) between runs of boxed ideographs, its advance in cells: the median centre the
// mark's cell would have from up to six ideographs before it (each moved on by its distance in pitches) against the
// median from up to six after it (each moved back), over the line's pitch (lineGeometry). A full-width mark should
// give 1, a half-width one about 0.3–0.5. Each mark is labelled by its source (.md): the three characters either side,
// found once in the source, with the width the source types. README-importers, *Session 29*: why no rule uses it.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OcrSymbol } from '../../electron/core/importers/ocr-engine';
import { lineGeometry } from '../../electron/core/importers/ocr-geometry';
import { FLAGS_DIR, flagCases, keptBackCase } from './ocr-flag-score';

const HAN = /^[\u3400-\u9fff]$/;
const MARK = /^[,，;；:：]$/;
type Boxed = OcrSymbol & { x0: number; x1: number };
const boxed = (x: OcrSymbol | undefined): x is Boxed => x?.x0 !== undefined && x.x1 !== undefined && x.x1 > x.x0;
const centre = (x: Boxed) => (x.x0 + x.x1) / 2;
const median = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1]!;
/** A source pattern for OCR'd characters: a bracket stands for either width. */
const pattern = (t: string) => [...t].map((ch) => (/[()（）]/.test(ch) ? '[()（）]' : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');

interface Advance {
  law: string;
  half: boolean;
  cells: number;
  context: string;
}

/** Every labelled mark's advance, in cells. */
export function markAdvances(): Advance[] {
  const out: Advance[] = [];
  for (const c of flagCases()) {
    if (keptBackCase(c) || c.set === 'bench pages') continue;
    const law = c.name.split(' ')[0]!;
    const src = readFileSync(join(FLAGS_DIR, `${law}.md`), 'utf8').replace(/\s+/g, '');
    for (const page of c.pages) {
      for (const line of page.lines) {
        const s = line.symbols.filter((x) => x.ch !== ' ');
        const g = lineGeometry(s);
        if (!g) continue;
        for (let i = 1; i + 1 < s.length; i++) {
          if (!MARK.test(s[i]!.ch)) continue;
          const before: number[] = [];
          for (let k = 1; k <= 6 && boxed(s[i - k]) && HAN.test(s[i - k]!.ch); k++) before.push(centre(s[i - k] as Boxed) + k * g.pitch);
          const after: number[] = [];
          for (let j = 1; j <= 6 && boxed(s[i + j]) && HAN.test(s[i + j]!.ch); j++) after.push(centre(s[i + j] as Boxed) - (j - 1) * g.pitch);
          if (before.length < 2 || after.length < 2) continue;
          const b = s.slice(Math.max(0, i - 3), i).map((x) => x.ch).join('');
          const a = s.slice(i + 1, i + 4).map((x) => x.ch).join('');
          const found = [...src.matchAll(new RegExp(`${pattern(b)}([,，;；:：])${pattern(a)}`, 'g'))];
          if (found.length !== 1) continue;
          out.push({ law, half: /[,;:]/.test(found[0]![1]!), cells: (median(after) - median(before)) / g.pitch, context: `${b}${s[i]!.ch}${a}` });
        }
      }
    }
  }
  return out;
}

if (process.argv[1] === import.meta.filename) {
  const all = markAdvances();
  // The one law typed half-width throughout is told by halfWidthCommas already: the others' half-width marks are the question.
  const typedHalf = new Set(all.filter((m) => m.half).map((m) => m.law).filter((law, _, laws) => laws.filter((l) => l === law).length >= 8));
  const rows = [0, 0.1, 0.2, 0.3, 0.4].map((t) => ({
    'advance <': t,
    'full-width marks': `${all.filter((m) => !m.half && m.cells < t).length} of ${all.filter((m) => !m.half).length}`,
    'half-width (law typed so)': `${all.filter((m) => m.half && typedHalf.has(m.law) && m.cells < t).length} of ${all.filter((m) => m.half && typedHalf.has(m.law)).length}`,
    'half-width (among full)': `${all.filter((m) => m.half && !typedHalf.has(m.law) && m.cells < t).length} of ${all.filter((m) => m.half && !typedHalf.has(m.law)).length}`,
  }));
  console.table(rows);
  const q = (xs: number[], p: number) => [...xs].sort((x, y) => x - y)[Math.floor(p * (xs.length - 1))]!.toFixed(2);
  for (const [label, xs] of [['full-width', all.filter((m) => !m.half)], ['half-width', all.filter((m) => m.half)]] as const) {
    const c = xs.map((m) => m.cells);
    console.log(`${label}: ${c.length} marks, advance min ${q(c, 0)} · 5th ${q(c, 0.05)} · median ${q(c, 0.5)} · 95th ${q(c, 0.95)} · max ${q(c, 1)} cells`);
  }
  for (const m of all.filter((x) => x.half && !typedHalf.has(x.law))) console.log(`  ${m.law} ${m.context} ${m.cells.toFixed(2)}`);
}
