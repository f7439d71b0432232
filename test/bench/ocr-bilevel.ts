// Black-and-white and low-resolution scans as office machines make them (session 32): the first page of a few development laws
// of make-ocr-flags.ts's SPECS (printed by LibreOffice as make-ocr-flags does, 14 pt), rasterised by pdftoppm and made
// into the files a copier's 黑白 mode, a 150 dpi scan and a fax give (ImageMagick: `-threshold`, CCITT G4/G3 TIFF, a G4 PDF),
// each imported through the real path (extractDocument, one OCR thread) and scored against the law's Markdown: characters
// right, wrong articles with an error not among the suspects, CPU-s a page (process CPU: the OCR thread included), and the
// page warnings. The blind set kept back is never taken (kept-ocr-laws.ts's keptBack).
//   nice -n 10 npx tsx test/bench/ocr-bilevel.ts [--laws tudi,yufang] [--variants grey200,bw200tif,fax] [-v] [--make-only]
// Files are made once into $OUT (default /tmp/ocr-bilevel) and kept for A/B runs (e.g. LAWDESK_OCR_BILEVEL=0 before).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractDocument } from '../../electron/core/importers/extract-document';
import { closeIdleThread } from '../../electron/core/importers/ocr-page-images';
import { findSuspects } from '../../electron/core/importers/ocr-text';
import { g4PdfBytes } from '../fixtures/documents/image-pdf';
import { SPECS, fodt, trim } from '../fixtures/documents/ocr-flags/make-ocr-flags';
import { keptBack } from '../node/importers/kept-ocr-laws';
import { lawUnits, lcsWrong } from './ocr-diff';

const OUT = process.env.OUT ?? '/tmp/ocr-bilevel';
const run = (cmd: string, args: string[], cwd = OUT) => execFileSync(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
const CORPUS = process.env.LAWDESK_CORPUS_LAWS ?? '/work/shared/corpus/laws';
/** The first articles of each law, on one A4 page at 14 pt (a law whose text runs onto a second page is refused below). */
const PAGE_CHARS = 330;

const arg = (name: string) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1]!.split(',') : undefined;
};
const LAWS = arg('--laws') ?? ['tudi', 'yufang', 'paimai', 'weicheng', 'zhongxiao', 'shuiwen'];

const bw = (src: string, density: string, out: string, more: string[] = []) =>
  run('convert', [src, ...more, '-threshold', '50%', '-type', 'bilevel', '-density', density, '-units', 'PixelsPerInch', '-compress', 'Group4', '-define', 'tiff:rows-per-strip=100000', out]);
/** A copier's scan-to-PDF in 黑白: the page's G4 data as the PDF's image (image-pdf.ts g4PdfBytes). */
const bwPdf = (src: string, density: string, out: string, more: string[] = []) => {
  bw(src, density, `${out}.tif`, more);
  writeFileSync(out, g4PdfBytes([readFileSync(`${out}.tif`)]));
};
/** A fax's "standard" resolution: 204 × 98 dpi (every other row of a 200 dpi page). */
const FAX = ['-resize', '100%x49%!'];

/** How each variant is made from the law's page rendered grey at 300, 200 and 150 dpi (pdftoppm). */
const VARIANTS: Record<string, { file: string; make: (g: Record<number, string>, out: string) => void }> = {
  grey200: { file: 'png', make: (g, o) => copyFileSync(g[200]!, o) },
  bw300tif: { file: 'tif', make: (g, o) => bw(g[300]!, '300', o) },
  bw200tif: { file: 'tif', make: (g, o) => bw(g[200]!, '200', o) },
  bw200png: { file: 'png', make: (g, o) => run('convert', [g[200]!, '-threshold', '50%', '-type', 'bilevel', o]) },
  bw300pdf: { file: 'pdf', make: (g, o) => bwPdf(g[300]!, '300', o) },
  bw200pdf: { file: 'pdf', make: (g, o) => bwPdf(g[200]!, '200', o) },
  grey150: { file: 'png', make: (g, o) => copyFileSync(g[150]!, o) },
  bw150tif: { file: 'tif', make: (g, o) => bw(g[150]!, '150', o) },
  fax: { file: 'tif', make: (g, o) => run('convert', [g[200]!, ...FAX, '-threshold', '50%', '-type', 'bilevel', '-density', '204x98', '-units', 'PixelsPerInch', '-compress', 'Fax', o]) },
  faxpdf: { file: 'pdf', make: (g, o) => bwPdf(g[200]!, '204x98', o, FAX) },
  // the same fax saved as PNG (its resolution in the pHYs chunk, pixels per metre) — what a fax-to-mail gateway sends
  faxpng: { file: 'png', make: (g, o) => run('convert', [g[200]!, ...FAX, '-threshold', '50%', '-type', 'bilevel', '-density', '204x98', '-units', 'PixelsPerInch', o]) },
  // a page photo-scanned at 100 dpi and saved as JPEG (its resolution in the JFIF header)
  grey100jpg: { file: 'jpg', make: (g, o) => run('convert', [g[200]!, '-resize', '50%', '-density', '100', '-units', 'PixelsPerInch', '-quality', '85', o]) },
};
const CHOSEN = arg('--variants') ?? Object.keys(VARIANTS);


function makeFiles(): void {
  mkdirSync(OUT, { recursive: true });
  const specs = LAWS.map((s) => SPECS.find((x) => x.slug === s)).filter((s) => s !== undefined && !keptBack(s.set));
  const onePage = (slug: string) => existsSync(join(OUT, `${slug}.pdf`)) && /Pages:\s+1\n/.test(execFileSync('pdfinfo', [join(OUT, `${slug}.pdf`)]).toString());
  // Fewer articles until the law's first ones fit one page (one LibreOffice start a round).
  for (let chars = PAGE_CHARS, round = 0; round < 4; chars = Math.round(chars * 0.6), round++) {
    const todo = specs.filter((s) => !onePage(s!.slug));
    if (!todo.length) break;
    for (const s of todo) {
      const md = trim(readFileSync(join(CORPUS, s!.file), 'utf8'), chars);
      writeFileSync(join(OUT, `${s!.slug}.md`), md);
      writeFileSync(join(OUT, `${s!.slug}.fodt`), fodt(md, s!.font));
    }
    run('soffice', [`-env:UserInstallation=file://${OUT}/lo-profile`, '--headless', '--convert-to', 'pdf', '--outdir', OUT, ...todo.map((s) => `${s!.slug}.fodt`)]);
  }
  for (const s of specs) {
    if (!/Pages:\s+1\n/.test(execFileSync('pdfinfo', [join(OUT, `${s!.slug}.pdf`)]).toString())) throw new Error(`${s!.slug}: more than one page`);
    const g: Record<number, string> = {};
    for (const dpi of [300, 200, 150]) {
      g[dpi] = join(OUT, `${s!.slug}-g${dpi}-1.png`);
      if (!existsSync(g[dpi]!)) run('pdftoppm', ['-r', String(dpi), '-gray', '-png', '-f', '1', '-l', '1', `${s!.slug}.pdf`, `${s!.slug}-g${dpi}`]);
    }
    for (const v of CHOSEN) {
      const o = join(OUT, `${s!.slug}-${v}.${VARIANTS[v]!.file}`);
      if (!existsSync(o)) VARIANTS[v]!.make(g, o);
    }
  }
}

function score(text: string, suspects: number[][], md: string) {
  const read = lawUnits(text, 'txt');
  let chars = 0;
  let wrong = 0;
  let unflagged = 0;
  const labels: string[] = [];
  for (const s of lawUnits(md, 'md')) {
    chars += s.text.length;
    const i = read.findIndex((x) => x.label === s.label);
    if (i < 0) {
      wrong += s.text.length;
      unflagged++;
      labels.push(`${s.label}(缺失)`);
      continue;
    }
    const w = lcsWrong(read[i]!.text, s.text);
    wrong += Math.min(w.length, s.text.length);
    if (w.some((o) => !(suspects[i] ?? []).includes(o))) {
      unflagged++;
      labels.push(s.label);
    }
  }
  return { chars, wrong, unflagged, labels };
}

async function main(): Promise<void> {
  makeFiles();
  if (process.argv.includes('--make-only')) return;
  const rows: Record<string, string | number>[] = [];
  for (const v of CHOSEN) {
    let chars = 0;
    let wrong = 0;
    let unflagged = 0;
    let cpu = 0;
    let pages = 0;
    const notes: string[] = [];
    for (const slug of LAWS) {
      const file = join(OUT, `${slug}-${v}.${VARIANTS[v]!.file}`);
      if (!existsSync(file)) continue;
      const c0 = process.cpuUsage();
      const doc = await extractDocument(new Uint8Array(readFileSync(file)), file, { ocr: { workers: 1 } });
      const c = process.cpuUsage(c0);
      cpu += (c.user + c.system) / 1e6;
      pages += doc.ocr!.pages;
      const units = lawUnits(doc.text, 'txt');
      const s = score(doc.text, findSuspects(units, doc.ocr!.stream, doc.ocr!.confidence), readFileSync(join(OUT, `${slug}.md`), 'utf8'));
      chars += s.chars;
      wrong += s.wrong;
      unflagged += s.unflagged;
      const doubt = doc.ocr!.doubtfulPages?.map((d) => `${Math.round(d.doubtful * 100)}%${d.scanDpi ? `@${d.scanDpi}dpi` : ""}`).join(' ');
      if (s.labels.length || doubt) notes.push(`${slug}: ${s.labels.join(' ')}${doubt ? ` [疑 ${doubt}]` : ''}`);
      if (process.argv.includes('-v')) console.log(v, slug, ((1 - s.wrong / s.chars) * 100).toFixed(2), s.unflagged, ((c.user + c.system) / 1e6).toFixed(1));
    }
    rows.push({ variant: v, charsRight: `${((1 - wrong / chars) * 100).toFixed(2)}%`, wrongChars: wrong, unflagged, cpuSPerPage: (cpu / pages).toFixed(1), notes: notes.join('; ') });
  }
  await closeIdleThread();
  console.table(rows);
  console.log(execFileSync('uptime').toString().trim());
}

await main();
