// Rendering exported documents to page pictures, as a person would look at them: PDF pages through
// poppler's pdftoppm (grey, low resolution) and the share of ink on each. Used by the pack and the
// report page checks.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const hasCommand = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

/** Share of non-white pixels of a binary PGM (P5) page picture. */
export function ink(pgm: Buffer): number {
  const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'))!;
  const [w, h] = [Number(m[1]), Number(m[2])];
  let dark = 0;
  for (const p of pgm.subarray(m[0].length, m[0].length + w * h)) if (p < 200) dark++;
  return dark / (w * h);
}

/** Pages `first`…`last` of a PDF as PGM pictures written into `dir` under `prefix`. */
export function pdfPages(pdf: string, dir: string, prefix: string, last: number, first = 1): Buffer[] {
  const r = spawnSync('pdftoppm', ['-gray', '-r', '30', '-f', String(first), '-l', String(last), pdf, join(dir, prefix)]);
  if (r.status !== 0) throw new Error(`pdftoppm failed on ${pdf}: ${r.stderr}`);
  return readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.pgm'))
    .sort()
    .map((f) => readFileSync(join(dir, f)));
}

/** The fonts a PDF embeds, as pdffonts names them (subset prefix removed). */
export function pdfFonts(pdf: string): string[] {
  const r = spawnSync('pdffonts', [pdf], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdffonts failed on ${pdf}: ${r.stderr}`);
  return r.stdout.split('\n').slice(2).map((l) => l.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, '')).filter(Boolean);
}

/** Each line of text on pages `first`…`last` with the font it is set in (poppler's pdftohtml -xml). */
export function pdfTextFonts(pdf: string, first: number, last: number): { text: string; font: string }[] {
  const r = spawnSync('pdftohtml', ['-xml', '-i', '-stdout', '-f', String(first), '-l', String(last), pdf], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdftohtml failed on ${pdf}: ${r.stderr}`);
  const fonts = new Map([...r.stdout.matchAll(/<fontspec id="(\d+)"[^>]*family="([^"]+)"/g)].map((m) => [m[1]!, m[2]!.replace(/^[A-Z]{6}\+/, '')]));
  return [...r.stdout.matchAll(/<text [^>]*font="(\d+)"[^>]*>(.*?)<\/text>/g)].map((m) => ({ text: m[2]!.replace(/<[^>]+>/g, ''), font: fonts.get(m[1]!) ?? '' }));
}

/** A DOCX converted to PDF by LibreOffice (for page checks only), in `outDir`; its path. */
export function docxToPdf(docx: string, outDir: string, profileDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const lo = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${profileDir}`, '--convert-to', 'pdf', '--outdir', outDir, docx], { timeout: 120_000, env });
  if (lo.status !== 0) throw new Error(`LibreOffice could not convert ${docx}`);
  return join(outDir, docx.replace(/^.*\//, '').replace(/\.docx$/i, '.pdf'));
}
