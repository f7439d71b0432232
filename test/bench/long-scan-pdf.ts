// A long scanned PDF for the OCR benches, built at run time (a 20-page scan is ~8 MB: not kept in
// git). Made the way the committed scan fixtures are (test/fixtures/documents/make-fixtures.ts):
// LibreOffice prints corpus laws, pdftoppm rasterises the pages at 200 dpi grey, each page becomes
// a JPEG (quality 70) and the JPEGs are wrapped into a PDF without text layer, as a scanner writes it.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { imagePdf } from '../fixtures/documents/image-pdf';

const SOURCES = join(import.meta.dirname, '../fixtures/documents/sources');

/** Plain text of a Markdown law as a clerk would paste it into Word: headings bare, paragraphs indented. */
function plainLaw(md: string): string[] {
  return md
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('<!--'))
    .map((l) => (l.startsWith('#') ? l.replace(/^#+\s*/, '') : `　　${l.trim()}`));
}

/**
 * Writes a scanned PDF of `pages` pages to `out`, printed from `laws` (Markdown files; default the
 * fixture sources, repeated until there are enough pages). Needs soffice, pdftoppm and identify.
 */
export function makeLongScanPdf(out: string, pages: number, laws?: string[]): void {
  const files = laws ?? readdirSync(SOURCES).filter((f) => f.endsWith('.md')).map((f) => join(SOURCES, f));
  const tmp = mkdtempSync(join(tmpdir(), 'lawdesk-longscan-'));
  try {
    const lines: string[] = [];
    // About 1,600 characters a printed page: repeat the laws until the text fills the pages.
    while (lines.join('').length < pages * 1800) for (const f of files) lines.push(...plainLaw(readFileSync(f, 'utf8')), '');
    const txt = join(tmp, 'laws.txt');
    writeFileSync(txt, lines.join('\n') + '\n');
    const quiet = { cwd: tmp, stdio: ['ignore', 'ignore', 'inherit'] as ('ignore' | 'inherit')[] };
    execFileSync('soffice', ['--headless', '--infilter=Text (encoded):UTF8,LF,,,', '--convert-to', 'pdf', '--outdir', tmp, txt], quiet);
    execFileSync('pdftoppm', ['-f', '1', '-l', String(pages), '-r', '200', '-gray', '-png', join(tmp, 'laws.pdf'), join(tmp, 'p')], quiet);
    // ImageMagick keeps the page grey (pdftoppm's own JPEG would be RGB, and the PDF says DeviceGray).
    const pngs = readdirSync(tmp).filter((f) => /^p-\d+\.png$/.test(f)).sort();
    for (const f of pngs) execFileSync('convert', [f, '-quality', '70', f.replace(/\.png$/, '.jpg')], quiet);
    const jpegs = pngs.map((f) => join(tmp, f.replace(/\.png$/, '.jpg')));
    if (jpegs.length < pages) throw new Error(`only ${jpegs.length} pages printed, ${pages} wanted`);
    imagePdf(jpegs, out);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The bench's 20-page scan, built once into the OS temp folder and reused by later runs. */
export function longScanPdf(pages = 20): string {
  const out = join(tmpdir(), `lawdesk-bench-scan-${pages}p.pdf`);
  if (!existsSync(out)) makeLongScanPdf(out, pages);
  return out;
}
