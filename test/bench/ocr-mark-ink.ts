// A clause mark's advance from the page image's own ink (session 30, measured, not used: README-importers, *Session 30: a
// clause mark's width from the page's ink*). The kept pages' images are made again without OCR (render-kept-pages.ts, into
// IMG); for each ，；： (read , ; : or full-width) labelled by its source (three characters either side found once), the
// mark is found by its ink inside the line's band, not by its LSTM box (which stands most of a pitch to the right): the
// nearest narrow run of ink columns (≤ 0.3 pitch, top below the band's upper quarter, bottom within 0.1 of the band of the
// baseline, at most 0.45 of the band tall) within a pitch before and half a pitch after the box. Its advance is from its
// ink's start to the next run's start, over the line's pitch (lineGeometry); a full-width ， leaves about half a cell of
// white, a half-width , almost none. Turned pages are levelled by the angle that puts most ink into the kept boxes.
//   npx tsx test/bench/render-kept-pages.ts [slug …] && npx tsx test/bench/ocr-mark-ink.ts [slug …]
// Knobs (to measure, not to tune): DARK (grey below which a 3×3 mean is ink, 128), MINCOL (ink pixels a column needs, 2),
// BASE (0.1), TALL (0.45), BIAS (pitches the box is taken left of its centre, 0). DEBUG=law:page:context writes the
// levelled crop to /tmp/h30ink/crop.pgm. The blind set kept back (kept-ocr-laws.ts's keptBack) is never read.
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { isOcrPage, type OcrPage, type OcrSymbol } from '../../electron/core/importers/ocr-engine';
import { lineGeometry } from '../../electron/core/importers/ocr-geometry';
import { pgmLayout } from '../../electron/core/importers/ocr-images';
import { withMarkInk } from '../../electron/core/importers/ocr-mark-ink';
import { FLAGS_DIR } from './ocr-flag-score';
import { keptBack } from '../node/importers/kept-ocr-laws';

const IMG = process.env.IMG ?? '/tmp/h30ink/img';
const MARK = /^[,，;；:：]$/;
const DARK = Number(process.env.DARK ?? 128);
const MINCOL = Number(process.env.MINCOL ?? 2);
const BIAS = Number(process.env.BIAS ?? 0);
const BASE = Number(process.env.BASE ?? 0.1);
const TALL = Number(process.env.TALL ?? 0.45);
const SMOOTH = process.env.SMOOTH !== '0';
type Boxed = OcrSymbol & { x0: number; x1: number; y0: number; y1: number };
const boxed = (x: OcrSymbol | undefined): x is Boxed => x?.x0 !== undefined && x.x1 !== undefined && x.y0 !== undefined && x.x1 > x.x0;
const pattern = (t: string) => [...t].map((ch) => (/[()（）]/.test(ch) ? '[()（）]' : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');

export interface Img { px: Uint8Array; w: number; h: number; off: number }
function load(file: string): Img {
  const data = new Uint8Array(readFileSync(file));
  const l = pgmLayout(data)!;
  return { px: data, w: l.width, h: l.height, off: l.offset };
}
/** Pixel at the levelled frame's (x, y): the page turned by `a` about its centre. */
function sampler(img: Img, a: number) {
  const cx = img.w / 2, cy = img.h / 2, c = Math.cos(a), s = Math.sin(a);
  return (x: number, y: number) => {
    const dx = x - cx, dy = y - cy;
    const X = Math.round(cx + c * dx - s * dy), Y = Math.round(cy + s * dx + c * dy);
    if (X < 1 || Y < 1 || X >= img.w - 1 || Y >= img.h - 1) return 255;
    if (!SMOOTH) return img.px[img.off + Y * img.w + X]!;
    // a 3×3 mean: a speck of noise is not ink
    let sum = 0;
    for (let j = -1; j <= 1; j++) for (let i = -1; i <= 1; i++) sum += img.px[img.off + (Y + j) * img.w + X + i]!;
    return sum / 9;
  };
}
/** Share of dark pixels inside the page's ideograph boxes for angle a. */
function fit(img: Img, page: OcrPage, a: number): number {
  const at = sampler(img, a);
  let dark = 0, n = 0;
  for (const l of page.lines) for (const x of l.symbols) if (boxed(x) && /[\u4e00-\u9fff]/.test(x.ch)) {
    for (let y = x.y0; y <= x.y1; y += 3) for (let X = x.x0; X <= x.x1; X += 3) { n++; if (at(X, y) < DARK) dark++; }
  }
  return n ? dark / n : 0;
}

/** The angle (sampler's sign) that puts most ink into a turned page's ideograph boxes: tesseract's own is not kept. */
export function fittedAngle(img: Img, page: OcrPage): number {
  let best = 0, bestFit = -1;
  for (let a = -0.03; a <= 0.0301; a += 0.001) { const q = fit(img, page, a); if (q > bestFit) { bestFit = q; best = a; } }
  return best;
}

export interface InkMark { law: string; page: number; variant: string; half: boolean | undefined; ch: string; context: string; advance: number; white: number; markWidth: number; where: string }

export const unmeasured: InkMark[] = [];
export const shifts: number[] = [];
/** CPU seconds of the app's measure (withMarkInk), per page. */
export const inkCpu: number[] = [];
export function inkMarks(laws: string[]): InkMark[] {
  const out: InkMark[] = [];
  for (const law of laws) {
    const d = JSON.parse(gunzipSync(readFileSync(join(FLAGS_DIR, `${law}.pages.json.gz`))).toString()) as { set: string; pages: OcrPage[]; variants: string[] };
    if (keptBack(d.set)) continue;
    const src = readFileSync(join(FLAGS_DIR, `${law}.md`), 'utf8').replace(/\s+/g, '');
    d.pages.forEach((page, pi) => {
      const f = join(IMG, `${law}-${pi + 1}.pgm`);
      if (!existsSync(f)) return;
      const img = load(f);
      if (img.w !== page.width || img.h !== page.height) { console.error(`${law} p${pi + 1}: size ${img.w}x${img.h} vs kept ${page.width}x${page.height}`); return; }
      const variant = JSON.parse(readFileSync(f.replace('.pgm', '.json'), 'utf8')).variant as string;
      // only the turned pages are levelled by tesseract: their angle found as the one that puts most ink in the boxes
      let best = 0, bestFit = -1;
      if (variant === 'rotated') for (let a = -0.03; a <= 0.0301; a += 0.001) { const q = fit(img, page, a); if (q > bestFit) { bestFit = q; best = a; } }
      // the app's measure (ocr-mark-ink.ts) on this angle; NEAREST=1 for session 30's nearest-run search
      const c0 = process.cpuUsage();
      const inked = process.env.NEAREST ? undefined : withMarkInk({ data: img.px, offset: img.off, width: img.w, height: img.h }, page.lines, -best);
      const c1 = process.cpuUsage(c0);
      if (inked) inkCpu.push((c1.user + c1.system) / 1e6);
      const at = sampler(img, best);
      // the page's characters in order, spaces out, to label each mark by the source
      const flat: { ch: string; li: number; si: number }[] = [];
      page.lines.forEach((l, li) => l.symbols.forEach((x, si) => { if (x.ch !== ' ') flat.push({ ch: x.ch, li, si }); }));
      flat.forEach((m, k) => {
        if (!MARK.test(m.ch)) return;
        const line = page.lines[m.li]!;
        const s = line.symbols;
        const mk = s[m.si]!;
        const g = lineGeometry(s.filter((x) => x.ch !== ' '));
        if (!g || !boxed(mk)) return;
        const b = flat.slice(Math.max(0, k - 3), k).map((x) => x.ch).join('');
        const a = flat.slice(k + 1, k + 4).map((x) => x.ch).join('');
        const found = [...src.matchAll(new RegExp(`${pattern(b)}([,，;；:：])${pattern(a)}`, 'g'))];
        const half = found.length === 1 ? /[,;:]/.test(found[0]![1]!) : undefined;
        const atLineEnd = m.si === s.length - 1 || s.slice(m.si + 1).every((x) => x.ch === ' ');
        if (inked) {
          const ink = inked[m.li]!.symbols[m.si]!.ink;
          if (ink === undefined) unmeasured.push({ law, page: pi + 1, variant, half, ch: m.ch, context: `${b}${m.ch}${a}`, advance: NaN, white: NaN, markWidth: NaN, where: atLineEnd ? 'end' : 'no-run' });
          else out.push({ law, page: pi + 1, variant, half, ch: m.ch, context: `${b}${m.ch}${a}`, advance: ink, white: NaN, markWidth: NaN, where: m.si === 0 ? 'start' : 'mid' });
          return;
        }
        const p = g.pitch;
        const x0 = Math.floor(mk.x0 - 1.2 * p), x1 = Math.ceil(mk.x1 + 2 * p);
        const prof: number[] = [];
        const top: number[] = [], bot: number[] = [];
        for (let x = x0; x <= x1; x++) {
          let n = 0, t = Infinity, bo = -Infinity;
          for (let y = line.y0; y <= line.y1; y++) if (at(x, y) < DARK) { n++; t = Math.min(t, y); bo = Math.max(bo, y); }
          prof.push(n); top.push(t); bot.push(bo);
        }
        // runs of ink columns (a one-column gap joins)
        const runs: { s: number; e: number; t: number; b: number }[] = [];
        for (let i = 0; i < prof.length; i++) {
          if (prof[i]! < MINCOL) continue;
          const last = runs[runs.length - 1];
          if (last && i - last.e <= 2) { last.e = i; last.t = Math.min(last.t, top[i]!); last.b = Math.max(last.b, bot[i]!); }
          else runs.push({ s: i, e: i, t: top[i]!, b: bot[i]! });
        }
        const mc = (mk.x0 + mk.x1) / 2 - x0 - BIAS * p;
        // the mark found by its ink, not its LSTM box (placed up to a glyph off): a narrow run of ink that leaves the band's top quarter blank
        const H = line.y1 - line.y0;
        const cands = runs.filter((r) => r.e >= mk.x0 - x0 - 1.0 * p && r.s <= mk.x1 - x0 + 0.5 * p && r.e - r.s + 1 <= 0.3 * p && r.t >= line.y0 + 0.25 * H && (!BASE || r.b >= line.baseline - BASE * H) && r.b - r.t <= TALL * H);
        cands.sort((u, v) => Math.abs((u.s + u.e) / 2 - mc) - Math.abs((v.s + v.e) / 2 - mc));
        const r = cands[0];
        if (r) shifts.push((mc - (r.s + r.e) / 2) / p);
        if (r && process.env.SHIFTS) console.error(`shift ${variant} ${law} ${((mc - (r.s + r.e) / 2) / p).toFixed(2)}`);
        const next = r && runs.find((q) => q.s > r.e);
        if (!r || !next || atLineEnd) {
          unmeasured.push({ law, page: pi + 1, variant, half, ch: m.ch, context: `${b}${m.ch}${a}`, advance: NaN, white: NaN, markWidth: NaN, where: atLineEnd ? 'end' : !r ? 'no-run' : 'no-next' });
          return;
        }
        out.push({ law, page: pi + 1, variant, half, ch: m.ch, context: `${b}${m.ch}${a}`, advance: (next.s - r.s) / p, white: (next.s - r.e) / p, markWidth: (r.e - r.s + 1) / p, where: m.si === 0 ? 'start' : 'mid' });
      });
      if (Math.abs(best) > 0.0005 || variant === 'rotated') console.error(`${law} p${pi + 1} ${variant}: angle ${best.toFixed(3)} fit ${bestFit.toFixed(3)}`);
    });
  }
  return out;
}

if (process.argv[1] === import.meta.filename && !process.env.DEBUG && !process.argv.includes('--add-ink')) {
  const laws = process.argv.slice(2).length ? process.argv.slice(2) : readdirSync(IMG).filter((f) => f.endsWith('.done')).map((f) => f.replace('.done', ''));
  const all = inkMarks(laws);
  const q = (xs: number[], pp: number) => (xs.length ? [...xs].sort((x, y) => x - y)[Math.floor(pp * (xs.length - 1))]!.toFixed(2) : '-');
  for (const v of ['clean', 'noisy', 'rotated', 'jpeg30', 'seal', 'all']) {
    const sel = all.filter((m) => v === 'all' || m.variant === v);
    for (const [label, xs] of [['full', sel.filter((m) => m.half === false)], ['half', sel.filter((m) => m.half === true)]] as const) {
      const c = xs.map((m) => m.advance), w = xs.map((m) => m.white);
      console.log(`${v.padEnd(8)} ${label}: ${String(c.length).padStart(5)}  advance min ${q(c, 0)} 1% ${q(c, 0.01)} 5% ${q(c, 0.05)} med ${q(c, 0.5)} 95% ${q(c, 0.95)} max ${q(c, 1)} | white min ${q(w, 0)} 1% ${q(w, 0.01)} med ${q(w, 0.5)}`);
    }
  }
  for (const t of [0.3, 0.4, 0.5, 0.6]) {
    const row = ['clean', 'noisy', 'rotated', 'jpeg30', 'seal'].map((v) => `${v} ${all.filter((m) => m.half === false && m.variant === v && m.advance < t).length}`);
    console.log(`advance < ${t}: full-width ${row.join(' · ')}; half-width ${all.filter((m) => m.half === true && m.advance < t).length} of ${all.filter((m) => m.half === true).length}`);
  }
  if (inkCpu.length) console.log(`withMarkInk CPU per page: ${inkCpu.length} pages, mean ${(inkCpu.reduce((x, y) => x + y, 0) / inkCpu.length).toFixed(3)} s, max ${Math.max(...inkCpu).toFixed(3)} s`);
  console.log(`box centre − ink centre, pitches: 5% ${q(shifts, 0.05)} med ${q(shifts, 0.5)} 95% ${q(shifts, 0.95)}`);
  const um = (h: boolean) => unmeasured.filter((m) => m.half === h);
  console.log(`unmeasured: full ${um(false).length} (line end ${um(false).filter((m) => m.where === 'end').length}, no run ${um(false).filter((m) => m.where === 'no-run').length}), half ${um(true).length}: ${um(true).map((m) => `${m.law} ${m.context} ${m.where}`).join('; ')}`);
  for (const ch of ['，', ',', '；', ';', '：', ':']) {
    const xs = all.filter((m) => m.half === false && m.ch === ch).map((m) => m.advance);
    if (xs.length) console.log(`  full-width read ${ch}: ${xs.length}, advance min ${q(xs, 0)} med ${q(xs, 0.5)}`);
  }
  for (const m of all.filter((x) => x.half)) console.log(`  half ${m.law} p${m.page} ${m.variant} ${m.where} ${m.context} advance ${m.advance.toFixed(2)} white ${m.white.toFixed(2)} width ${m.markWidth.toFixed(2)}`);
  const low = all.filter((x) => x.half === false).sort((a, b) => a.advance - b.advance).slice(0, 15);
  for (const m of low) console.log(`  full-low ${m.law} p${m.page} ${m.variant} ${m.where} ${m.context} advance ${m.advance.toFixed(2)} white ${m.white.toFixed(2)} width ${m.markWidth.toFixed(2)}`);
}
/** The levelled crop around a mark as PGM (DEBUG=law:page:context), to look at what was measured. */
export function dumpCrop(law: string, pageNo: number, ctx: string, file: string): void {
  const d = JSON.parse(gunzipSync(readFileSync(join(FLAGS_DIR, `${law}.pages.json.gz`))).toString()) as { pages: OcrPage[] };
  const page = d.pages[pageNo - 1]!;
  const img = load(join(IMG, `${law}-${pageNo}.pgm`));
  let best = 0, bestFit = -1;
  for (let a = -0.03; a <= 0.0301; a += 0.001) { const q = fit(img, page, a); if (q > bestFit) { bestFit = q; best = a; } }
  const at = sampler(img, best);
  for (const line of page.lines) {
    const t = line.symbols.map((x) => x.ch).join('');
    const k = t.indexOf(ctx);
    if (k < 0) continue;
    const x0 = Math.max(0, line.symbols.slice(0, k).reverse().find((x) => x.x0 !== undefined)?.x0 ?? line.x0) - 60, x1 = x0 + 400;
    const y0 = line.y0 - 10, y1 = line.y1 + 10;
    const w = x1 - x0, h = y1 - y0;
    const out = new Uint8Array(w * h);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out[y * w + x] = at(x0 + x, y0 + y);
    const header = Buffer.from(`P5\n${w} ${h}\n255\n`);
    writeFileSync(file, Buffer.concat([header, Buffer.from(out)]));
    console.log(`angle ${best} line ${line.y0}-${line.y1} symbols`, line.symbols.slice(k, k + 8).map((x) => `${x.ch}${x.x0}-${x.x1}/${x.y0}-${x.y1}`).join(' '), 'crop x0', x0);
    return;
  }
}
if (process.env.DEBUG) { const [l, p, c] = process.env.DEBUG.split(':'); dumpCrop(l!, Number(p), c!, '/tmp/h30ink/crop.pgm'); }

/**
 * `--add-ink [slug …]`: the kept fixtures given the app's measure (OcrSymbol.ink, withMarkInk) from their rendered pages
 * in IMG, for ocr-flag-score.ts to score the rule that reads it — as make-ocr-flags.ts --add-geometry gave them their x
 * boxes. A page not rendered, or rendered at another size, keeps no ink (the app's import measures every page). Turned
 * pages use the fitted angle (tesseract's own is not kept: on gdhaiyu p1 it read 0.021 rad, the fit 0.023).
 */
export function addInk(laws: string[]): void {
  for (const law of laws) {
    const file = join(FLAGS_DIR, `${law}.pages.json.gz`);
    const d = JSON.parse(gunzipSync(readFileSync(file)).toString()) as { set: string; pages: unknown[] };
    if (keptBack(d.set)) continue;
    if (!d.pages.every(isOcrPage)) throw new Error(`${file}: 不是识别结果（页面格式不对）`);
    let measured = 0;
    let pagesInked = 0;
    const pages = (d.pages as OcrPage[]).map((page, pi) => {
      const bare = { ...page, lines: page.lines.map((l) => ({ ...l, symbols: l.symbols.map(({ ink: _ink, ...x }) => x) })) };
      const f = join(IMG, `${law}-${pi + 1}.pgm`);
      if (!existsSync(f)) return bare;
      const img = load(f);
      if (img.w !== page.width || img.h !== page.height) return bare;
      const variant = JSON.parse(readFileSync(f.replace('.pgm', '.json'), 'utf8')).variant as string;
      let best = 0, bestFit = -1;
      if (variant === 'rotated') for (let a = -0.03; a <= 0.0301; a += 0.001) { const q = fit(img, page, a); if (q > bestFit) { bestFit = q; best = a; } }
      const lines = withMarkInk({ data: img.px, offset: img.off, width: img.w, height: img.h }, bare.lines, -best);
      measured += lines.reduce((n, l) => n + l.symbols.filter((x) => x.ink !== undefined).length, 0);
      pagesInked++;
      return { ...bare, lines };
    });
    if (!pages.every(isOcrPage)) throw new Error(`${law}: 量出的页面格式不对`);
    // (written whole to a temporary file and renamed: a stopped run leaves the kept file as it was)
    writeFileSync(`${file}.tmp`, gzipSync(JSON.stringify({ ...d, pages })));
    renameSync(`${file}.tmp`, file);
    console.log(`${law}: ${pagesInked} of ${pages.length} pages measured, ${measured} commas`);
  }
}
if (process.argv[1] === import.meta.filename && process.argv.includes('--add-ink')) {
  const named = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  addInk(named.length ? named : readdirSync(IMG).filter((f) => f.endsWith('.done')).map((f) => f.replace('.done', '')));
}
