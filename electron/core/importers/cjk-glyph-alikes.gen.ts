// Regenerates cjk-glyph-alikes.ts, the ideographs whose printed shapes are close enough for OCR to
// read one for the other (宪/完, 未/末, 困/回), from the glyphs themselves — not from any scan:
//   npx tsx electron/core/importers/cjk-glyph-alikes.gen.ts [--show 宪完未末]
// Every ideograph the vocabulary knows (CHARS_B64 of cjk-bigrams.ts) is drawn in the two faces laws
// are printed in, Noto Sans CJK SC and Noto Serif CJK SC (Debian fonts-noto-cjk; the SC faces are
// cut out of the .ttc collections, whose first face is JP), at 48 px, reduced to 16 × 16 grey
// levels (what an LSTM line recogniser sees of a glyph at 200 dpi is about this coarse). Two glyphs
// are alike when the squared difference of their grey levels is small against their ink
// (distance = ‖a − b‖² / (‖a‖² + ‖b‖²), averaged over the two faces): an extra or a lost stroke,
// or one stroke's length, is a small part of the ink of a whole character. Each ideograph keeps
// its nearest look-alikes under MAX_DISTANCE, at most PER_CHAR of them.

import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { knownIdeographs } from './ocr-vocabulary';

const here = dirname(fileURLToPath(import.meta.url));
const FONT_DIR = '/usr/share/fonts/opentype/noto';
const FACES = [
  { file: 'NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
  { file: 'NotoSerifCJK-Regular.ttc', family: 'Noto Serif CJK SC' },
];
const PX = 48;
const GRID = 16;
const MAX_DISTANCE = 0.3;
const PER_CHAR = 4;

/**
 * One face of a TrueType/OpenType collection as a font file of its own: its table directory with
 * the offsets rewritten (the canvas registers only a collection's first face).
 */
function faceOfCollection(ttc: Buffer, index: number): Buffer {
  if (ttc.toString('latin1', 0, 4) !== 'ttcf') throw new Error('not a font collection');
  const at = ttc.readUInt32BE(12 + 4 * index);
  const numTables = ttc.readUInt16BE(at + 4);
  const head = Buffer.alloc(12 + 16 * numTables);
  ttc.copy(head, 0, at, at + 12);
  const parts: Buffer[] = [head];
  let offset = head.length;
  for (let t = 0; t < numTables; t++) {
    const rec = at + 12 + 16 * t;
    const from = ttc.readUInt32BE(rec + 8);
    const length = ttc.readUInt32BE(rec + 12);
    ttc.copy(head, 12 + 16 * t, rec, rec + 8);
    head.writeUInt32BE(offset, 12 + 16 * t + 8);
    head.writeUInt32BE(length, 12 + 16 * t + 12);
    const data = Buffer.alloc((length + 3) & ~3);
    ttc.copy(data, 0, from, from + length);
    parts.push(data);
    offset += data.length;
  }
  return Buffer.concat(parts);
}

/** The faces cut out into the temp folder (tens of MB each), removed once the glyphs are drawn. */
const faceFiles: string[] = [];

/** Registers the face of `family` from its collection; returns the family name to draw with. */
function registerFace(file: string, family: string): string {
  let ttc: Buffer;
  try {
    ttc = readFileSync(join(FONT_DIR, file));
  } catch {
    throw new Error(`${join(FONT_DIR, file)} is missing: the glyphs are drawn from the Noto CJK fonts (apt-get install fonts-noto-cjk)`);
  }
  const faces = ttc.readUInt32BE(8);
  for (let i = 0; i < faces; i++) {
    const path = join(tmpdir(), `lawdesk-glyphs-${process.pid}-${i}-${file.replace('.ttc', '.otf')}`);
    writeFileSync(path, faceOfCollection(ttc, i));
    faceFiles.push(path);
    const before = new Set(GlobalFonts.families.map((f) => f.family));
    GlobalFonts.registerFromPath(path);
    if (GlobalFonts.families.some((f) => f.family === family && !before.has(family))) return family;
  }
  throw new Error(`${family} not found in ${file}`);
}

/** Grey levels (ink 0–1) of each character on a GRID × GRID raster. */
function rasters(chars: string[], family: string): Float32Array[] {
  const canvas = createCanvas(PX, PX);
  const g = canvas.getContext('2d');
  g.font = `${PX}px "${family}"`;
  g.textBaseline = 'middle';
  g.textAlign = 'center';
  const cell = PX / GRID;
  return chars.map((ch) => {
    g.fillStyle = '#fff';
    g.fillRect(0, 0, PX, PX);
    g.fillStyle = '#000';
    g.fillText(ch, PX / 2, PX / 2);
    const px = g.getImageData(0, 0, PX, PX).data;
    const out = new Float32Array(GRID * GRID);
    for (let y = 0; y < PX; y++) for (let x = 0; x < PX; x++) out[Math.floor(y / cell) * GRID + Math.floor(x / cell)]! += (255 - px[(y * PX + x) * 4]!) / 255 / (cell * cell);
    return out;
  });
}

const chars = knownIdeographs();
const faces = FACES.map((f) => rasters(chars, registerFace(f.file, f.family)));
for (const f of faceFiles) rmSync(f, { force: true });
const norms = faces.map((r) => r.map((v) => v.reduce((s, x) => s + x * x, 0)));
const n = chars.length;
const near: { j: number; d: number }[][] = chars.map(() => []);
for (let i = 0; i < n; i++) {
  for (let j = i + 1; j < n; j++) {
    let d = 0;
    for (let f = 0; f < faces.length; f++) {
      const a = faces[f]![i]!;
      const b = faces[f]![j]!;
      let s = 0;
      for (let k = 0; k < a.length; k++) {
        const x = a[k]! - b[k]!;
        s += x * x;
      }
      d += s / (norms[f]![i]! + norms[f]![j]!);
    }
    d /= faces.length;
    if (d < MAX_DISTANCE) {
      near[i]!.push({ j, d });
      near[j]!.push({ j: i, d });
    }
  }
}
const probe = process.argv.indexOf('--pairs');
if (probe > 0) {
  // rank of b among a's neighbours, for pairs given as "ab cd ..."
  const ranks: number[] = [];
  for (const pr of process.argv[probe + 1]!.split(' ')) {
    const [a, b] = [...pr];
    const i = chars.indexOf(a!);
    const j = chars.indexOf(b!);
    if (i < 0 || j < 0) continue;
    const sorted = near[i]!.sort((x, y) => x.d - y.d);
    const r = sorted.findIndex((x) => x.j === j);
    ranks.push(r);
    console.log(pr, r, r >= 0 ? sorted[r]!.d.toFixed(3) : '-', sorted.slice(0, 5).map((x) => chars[x.j]).join(''));
  }
  console.log('found', ranks.filter((r) => r >= 0).length, 'of', ranks.length, 'within top', PER_CHAR, ranks.filter((r) => r >= 0 && r < PER_CHAR).length);
}
const show = process.argv.indexOf('--show');
if (show > 0) {
  for (const ch of process.argv[show + 1]!) {
    const i = chars.indexOf(ch);
    console.log(ch, near[i]?.sort((a, b) => a.d - b.d).slice(0, 8).map((x) => `${chars[x.j]}${x.d.toFixed(3)}`).join(' '));
  }
}
// Each character's nearest, then kept as symmetric pairs (a is b's look-alike when b is a's).
const pairs = new Set<string>();
for (let i = 0; i < n; i++) {
  for (const { j } of near[i]!.sort((a, b) => a.d - b.d).slice(0, PER_CHAR)) pairs.add(i < j ? chars[i]! + chars[j]! : chars[j]! + chars[i]!);
}
const list = [...pairs].sort().join('');
const wrap = (s: string) => s.match(/.{1,64}/g)!.map((l) => `  '${l}',`).join('\n');
const out = `// GENERATED by cjk-glyph-alikes.gen.ts from the glyphs of Noto Sans/Serif CJK SC (${n} ideographs of the vocabulary,
// distance < ${MAX_DISTANCE}, at most ${PER_CHAR} a character). Do not edit by hand.
// Each string holds pairs of ideographs whose printed shapes are alike: ${pairs.size} pairs.

export const GLYPH_ALIKE_PAIRS: readonly string[] = [
${wrap(list)}
];
`;
writeFileSync(join(here, 'cjk-glyph-alikes.ts'), out);
const withAny = near.filter((x) => x.length > 0).length;
console.log(`${n} ideographs, ${pairs.size} pairs, ${withAny} characters with a look-alike, ${Math.round(Buffer.byteLength(out) / 1024)} KB`);
