// How many changed bytes inside a JPEG's coded data the import notices (jpeg-frame.ts jpegDamage),
// and how much of the page each one it misses spoils. A JPEG carries no checksum, so a changed byte
// that breaks no rule of the format cannot be told from a picture; the question is how often that
// happens, and whether the misses are the harmless ones (a block or two) or the page-wide ones.
//
//   nice -n 10 npx tsx test/bench/jpeg-flip-sweep.ts [--seed 2804] [--n 30] [--work /tmp/jpeg-flip] [--bit]
//
// Pictures: every committed JPEG scan and photo, and the same pages made again by ImageMagick at
// quality 30/60/90, baseline and progressive (colour 4:2:0 and grey). Each gets no change first (a
// false alarm is a finding), then `--n` changes at seeded places in its entropy-coded data (a byte
// XOR a random non-zero value, or with `--bit` one bit). Each changed picture is decoded by the
// native decoder the import uses (@napi-rs/canvas) and compared with the original: the share of
// pixels whose grey differs by more than 48 is what the change spoils.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jpegDamage } from '../../electron/core/importers/jpeg-frame';
import { seededRandom } from './seeded-random';

const ROOT = join(import.meta.dirname, '../..');
const SCANS = join(ROOT, 'test/fixtures/documents/scans');
const a = process.argv.slice(2);
const get = (k: string) => (a.includes(k) ? a[a.indexOf(k) + 1] : undefined);
const seed = Number(get('--seed') ?? 2804);
const n = Number(get('--n') ?? 30);
const work = get('--work') ?? '/tmp/jpeg-flip';
const bit = a.includes('--bit');
mkdirSync(work, { recursive: true });

const committed = [...readdirSync(SCANS).map((f) => join(SCANS, f)), ...readdirSync(join(SCANS, 'photo')).map((f) => join(SCANS, 'photo', f))].filter((f) => f.endsWith('.jpg'));
const made: string[] = [];
for (const [src, name] of [
  [join(SCANS, 'yuanzhu-p2-clean.jpg'), 'grey'],
  [join(SCANS, 'photo/gongshui.jpg'), 'colour'],
] as const) {
  for (const q of [30, 60, 90])
    for (const interlace of ['none', 'plane']) {
      const out = join(work, `${name}-q${q}-${interlace === 'none' ? 'baseline' : 'progressive'}.jpg`);
      execFileSync('convert', [src, '-quality', String(q), '-interlace', interlace, ...(name === 'colour' ? ['-sampling-factor', '2x2'] : []), out]);
      made.push(out);
    }
  // a dark desk or scanner lid around the page: a straight or slightly slanted edge across the picture (not a damage)
  for (const [how, args] of [
    ['border', ['-bordercolor', 'black', '-border', '43x37']],
    ['tilt002', ['-background', 'black', '-rotate', '0.02']],
    ['tilt01', ['-background', 'black', '-rotate', '0.1']],
    ['tilt02', ['-background', 'black', '-rotate', '0.2']],
    ['tilt04', ['-background', 'black', '-rotate', '0.4']],
  ] as const) {
    const out = join(work, `${name}-${how}.jpg`);
    execFileSync('convert', [src, ...args, '-quality', '75', out]);
    made.push(out);
  }
}

/** The entropy-coded bytes of every scan: [from, to) ranges between each SOS header and the marker ending its data. */
function codedRanges(b: Uint8Array): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 2; i + 3 < b.length; ) {
    const m = b[i + 1]!;
    if (m === 0xd9) break;
    const len = (b[i + 2]! << 8) | b[i + 3]!;
    if (m !== 0xda) {
      i += 2 + len;
      continue;
    }
    const from = i + 2 + len;
    let q = from;
    for (;;) {
      q = b.indexOf(0xff, q);
      const k = b[q + 1]!;
      if (k === 0x00 || k === 0xff || (k >= 0xd0 && k <= 0xd7)) q += 1;
      else break;
    }
    out.push([from, q]);
    i = q;
  }
  return out;
}

async function grey(b: Uint8Array): Promise<Uint8Array | undefined> {
  const { createCanvas, loadImage } = await import('@napi-rs/canvas');
  try {
    const img = await loadImage(Buffer.from(b));
    const c = createCanvas(img.width, img.height);
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, img.width, img.height).data;
    const g = new Uint8Array(img.width * img.height);
    for (let p = 0; p < g.length; p++) g[p] = d[4 * p]!;
    return g;
  } catch {
    return undefined;
  }
}

const r = seededRandom(seed);
const rows: string[] = [];
const totals = { flips: 0, caught: 0, structure: 0, missed: 0, missedHarmful: 0, harmful: 0, harmfulCaught: 0, falseAlarms: 0 };
let cpu = 0;
for (const file of [...committed, ...made]) {
  const orig = readFileSync(file);
  const t0 = process.cpuUsage();
  const alarm = jpegDamage(orig);
  const dt = process.cpuUsage(t0);
  cpu = Math.max(cpu, (dt.user + dt.system) / 1000);
  if (alarm) totals.falseAlarms++;
  const base = await grey(orig);
  const ranges = codedRanges(orig);
  const total = ranges.reduce((s, [f, t]) => s + t - f, 0);
  let caught = 0;
  let missed = 0;
  let harmfulMissed = 0;
  const missedSpoils: number[] = [];
  for (let k = 0; k < n; k++) {
    let at = Math.floor(r() * total);
    let pos = 0;
    for (const [f, t] of ranges) {
      if (at < t - f) {
        pos = f + at;
        break;
      }
      at -= t - f;
    }
    const b = Buffer.from(orig);
    const x = bit ? 1 << Math.floor(r() * 8) : 1 + Math.floor(r() * 255);
    b[pos] = b[pos]! ^ x;
    totals.flips++;
    const d = jpegDamage(b);
    const g = await grey(b);
    let spoiled = 1;
    if (g && base && g.length === base.length) {
      let bad = 0;
      for (let p = 0; p < g.length; p++) if (Math.abs(g[p]! - base[p]!) > 48) bad++;
      spoiled = bad / g.length;
    }
    const harmful = spoiled > 0.001;
    if (harmful) totals.harmful++;
    if (d) {
      caught++;
      totals.caught++;
      if (harmful) totals.harmfulCaught++;
      if (!/附近损坏|亮度错位/.test(d.detail)) totals.structure++;
    } else {
      missed++;
      totals.missed++;
      missedSpoils.push(spoiled);
      if (harmful) {
        harmfulMissed++;
        totals.missedHarmful++;
      }
    }
  }
  missedSpoils.sort((x, y) => y - x);
  const name = file.startsWith(ROOT) ? file.slice(ROOT.length + 1).replace('test/fixtures/documents/', '') : file;
  rows.push(`| ${name} | ${alarm ? 'ALARM ' + alarm.detail : 'ok'} | ${caught}/${n} | ${missed} | ${harmfulMissed} | ${missedSpoils.slice(0, 3).map((s) => (100 * s).toFixed(2) + ' %').join(', ')} |`);
  console.error(rows.at(-1));
}
console.log(`seed ${seed}, ${n} ${bit ? 'one-bit flips' : 'changed bytes'} a picture, ${committed.length} committed + ${made.length} made pictures`);
console.log('| picture | unchanged | changes noticed | missed | missed and spoiling > 0.1 % of pixels | worst misses (pixels spoiled) |');
console.log('|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
console.log(
  `\ntotal: ${totals.caught}/${totals.flips} noticed (${totals.structure} by the structure alone); of the ${totals.harmful} that spoil > 0.1 % of the page ${totals.harmfulCaught} noticed, ${totals.missedHarmful} missed; false alarms ${totals.falseAlarms}; slowest check of an unchanged picture ${cpu.toFixed(0)} CPU-ms`,
);
