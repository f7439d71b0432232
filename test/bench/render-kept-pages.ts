// The kept OCR pages' images made again without OCR (session 30): each law of make-ocr-flags.ts's SPECS printed by LibreOffice,
// rasterised and degraded as it does, then pre-processed as an import does (imageFilePage), written as PGM (and its size and
// variant) to OUT. Same pixels on two runs (gdhaiyu's five pages: md5 equal). The blind set kept back (kept-ocr-laws.ts's keptBack) is skipped.
//   nice -n 10 npx tsx test/bench/render-kept-pages.ts [slug …]     (≈ 1 min a law at load; LibreOffice started once per 12)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { imageFilePage } from '../../electron/core/importers/ocr-images';
import { SPECS, degrade, fodt, trim } from '../fixtures/documents/ocr-flags/make-ocr-flags';
import { keptBack } from '../node/importers/kept-ocr-laws';

const OUT = process.env.OUT ?? '/tmp/h30ink/img';
// (the laws' Markdown, as make-ocr-flags.ts reads it)
const CORPUS = process.env.LAWDESK_CORPUS_LAWS ?? '/work/shared/corpus/laws';
mkdirSync(OUT, { recursive: true });
const only = process.argv.slice(2);
const specs = (only.length ? only.map((s) => SPECS.find((x) => x.slug === s)!) : SPECS).filter((s) => !keptBack(s.set));
const tmp = mkdtempSync(join(tmpdir(), 'h30ink-'));
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: tmp, stdio: ['ignore', 'ignore', 'inherit'] });
const pending = specs.filter((s) => !existsSync(join(OUT, `${s.slug}.done`)));
// One LibreOffice start for a batch of laws (its start-up is most of a law's time).
for (let b = 0; b < pending.length; b += 12) {
  const batch = pending.slice(b, b + 12);
  for (const s of batch) writeFileSync(join(tmp, `${s.slug}.fodt`), fodt(trim(readFileSync(join(CORPUS, s.file), 'utf8')), s.font));
  run('soffice', [`-env:UserInstallation=file://${tmp}/lo-profile`, '--headless', '--convert-to', 'pdf', '--outdir', tmp, ...batch.map((s) => join(tmp, `${s.slug}.fodt`))]);
  for (const s of batch) {
    run('pdftoppm', ['-r', '200', '-gray', '-png', join(tmp, `${s.slug}.pdf`), join(tmp, s.slug)]);
    for (let p = 1; existsSync(join(tmp, `${s.slug}-${p}.png`)); p++) {
      const v = s.variants[Math.min(p, 2) - 1]!;
      const jpg = join(tmp, `${s.slug}-${p}.jpg`);
      degrade(join(tmp, `${s.slug}-${p}.png`), v, jpg, run);
      const img = await imageFilePage(new Uint8Array(readFileSync(jpg)), jpg);
      writeFileSync(join(OUT, `${s.slug}-${p}.pgm`), img.data);
      writeFileSync(join(OUT, `${s.slug}-${p}.json`), JSON.stringify({ width: img.width, height: img.height, dpi: img.dpi, variant: v }));
    }
    writeFileSync(join(OUT, `${s.slug}.done`), '');
    console.log(s.slug);
  }
}
rmSync(tmp, { recursive: true, force: true });
