// tesseract.js inside the OCR page thread: the worker with the packaged chi_sim model (from the
// @tesseract.js-data/chi_sim package folder, rewritten once without the legacy classifier into the
// user data folder — ocr-model.ts; never downloaded, and tesseract.js's own cache, which writes
// into the working directory, is off), and its result cut down to lines of characters with
// confidences and boxes.

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { defaultUserDataDir } from '../util/user-data-dir';
import type { OcrChoices, OcrLine, OcrSymbol, PageImage } from './ocr-engine';
import { pgmLayout, reducedPgm } from './ocr-images';
import { withMarkInk } from './ocr-mark-ink';
import { lstmModelDir } from './ocr-model';
import { inlineTesseract, type TesseractJobs } from './ocr-tesseract-inline';

/** Where the model and the WASM core live: in node_modules, or app.asar.unpacked when packaged. */
export function ocrAssetPaths(): { langPath: string; corePath: string } {
  const req = createRequire(import.meta.url);
  const unpacked = (p: string) => p.replace(`app.asar${'/'}`, 'app.asar.unpacked/').replace('app.asar\\', 'app.asar.unpacked\\');
  const langPath = unpacked(join(dirname(req.resolve('@tesseract.js-data/chi_sim/package.json')), '4.0.0'));
  const corePath = unpacked(dirname(req.resolve('tesseract.js-core/package.json')));
  return { langPath, corePath };
}

/**
 * Where the model rewritten for the LSTM engine is kept: `ocr-model/` in the user data folder
 * (beside the library's default place), or LAWDESK_OCR_MODEL_DIR (tests point it at a temp folder).
 */
export function ocrModelCacheDir(): string {
  return process.env.LAWDESK_OCR_MODEL_DIR || join(defaultUserDataDir(), 'ocr-model');
}

/**
 * The model tesseract.js loads: the LSTM-only copy (3.3 MB instead of 44 MB unpacked: ≈ 175 MB less
 * per worker, the same recognised text) or, when it cannot be written, the packaged file itself.
 * `LAWDESK_OCR_FULL_MODEL=1` forces the packaged file (to measure what the copy saves).
 */
export async function ocrModelSource(langPath: string): Promise<{ langPath: string; gzip: boolean }> {
  if (process.env.LAWDESK_OCR_FULL_MODEL !== '1') {
    const dir = await lstmModelDir(join(langPath, 'chi_sim.traineddata.gz'), ocrModelCacheDir());
    if (dir) return { langPath: dir, gzip: false };
  }
  return { langPath, gzip: true };
}

export type TWorker = TesseractJobs;

/**
 * Where tesseract runs: in the OCR page thread itself (ocr-tesseract-inline.ts: no third thread,
 * no copies of the page and its result between threads), or — on the main thread, where its
 * seconds of WASM would block the event loop, or with `LAWDESK_OCR_TESSERACT_THREAD=1` (to measure
 * what the inline worker saves) — in tesseract.js's own worker thread.
 */
export function tesseractRunsInline(): boolean {
  return !isMainThread && process.env.LAWDESK_OCR_TESSERACT_THREAD !== '1';
}

/** A tesseract worker with the packaged chi_sim model; called in the OCR page thread (ocr-page-job.ts). */
export async function newTesseract(): Promise<TWorker> {
  const { langPath, corePath } = ocrAssetPaths();
  const model = await ocrModelSource(langPath);
  let worker: TWorker;
  if (tesseractRunsInline()) {
    worker = await inlineTesseract({ lang: 'chi_sim', oem: 1, corePath, ...model });
  } else {
    const { createWorker, OEM } = await import('tesseract.js');
    worker = await createWorker('chi_sim', OEM.LSTM_ONLY, { ...model, corePath, cacheMethod: 'none', errorHandler: () => undefined });
  }
  await worker.setParameters({
    preserve_interword_spaces: '1',
    // PSM.SINGLE_BLOCK
    tessedit_pageseg_mode: '6',
    user_defined_dpi: '200',
    // Each character's alternatives (OcrSymbol.choices, from the hOCR) when asked for: the same
    // text and confidences, 0.3 CPU-s a page more (README-importers.md, "What tesseract weighed").
    ...(ocrChoicesOn() ? { lstm_choice_mode: '2', lstm_rating_coefficient: '1' } : {}),
  });
  return worker;
}

/**
 * Whether pages are read with each character's alternatives: only with `LAWDESK_OCR_CHOICES=1`
 * (make-ocr-flags.ts keeps them in the flag fixtures, to measure them). An import does not: they cost
 * CPU (README-importers, *Session 12*), they do not tell the ideographs' misreadings the other rules
 * miss, and the two rules that read them (ocr-mark-choices.ts: a comma's width, a semicolon weighed
 * against a comma; *Session 26 highlights*) give no verdict without them.
 */
export function ocrChoicesOn(): boolean {
  return process.env.LAWDESK_OCR_CHOICES === '1';
}

/** Angles below this (≈ 0.3°) are not corrected: tesseract.js's own threshold; a line drifts < 1 px per 200 px. */
const MIN_SKEW_RADIANS = 0.005;

/** CPU seconds of one page by stage (process time: the tesseract thread included), for the benchmark. */
export interface RecogniseCpu {
  deskew: number;
  recognise: number;
  lines: number;
}

const cpuSeconds = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e6;
};

/**
 * The page's skew in radians (tesseract.js's sign), measured by tesseract's line finder on a copy
 * reduced to about 100 dpi with recognition skipped. `rotateAuto` did the same on the full page
 * under a second page segmentation and then set the image again: 0.3–1 CPU-s a page where this
 * takes about 0.1–0.2 (measured, README-importers.md). Undefined when the image is not a PGM made
 * here (a TIFF goes to Leptonica as is).
 */
export async function measureSkew(worker: TWorker, img: PageImage): Promise<number | undefined> {
  const k = Math.max(1, Math.round(img.dpi > 0 ? img.dpi / 100 : img.width / 850));
  const small = reducedPgm(img.data, k);
  if (!small) return undefined;
  const r = await worker.recognize(Buffer.from(small.buffer, small.byteOffset, small.byteLength), { rotateAuto: true }, { text: false });
  return r.data.rotateRadians ?? 0;
}

/**
 * Recognise one pre-processed page once, deskewed, read with per-symbol confidences (the 待核对
 * suspects) and line boxes (the 核对 view's regions). In the OCR thread (the inline worker) the
 * skew is the gradient of the page's own layout, found once and recognised on when the page is
 * level (`recogniseLevelled`); elsewhere it is measured on a reduced copy first (`measureSkew`).
 * `how.rotateAuto` (the former way) and `how.reducedCopy` are kept so that the benchmark can
 * compare the ways at the same load.
 */
export async function recognisePage(worker: TWorker, img: PageImage, cpu?: RecogniseCpu, how: { rotateAuto?: boolean; reducedCopy?: boolean } = {}): Promise<OcrLine[]> {
  const image = Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength);
  const t0 = cpuSeconds();
  if (worker.recogniseLevelled && !how.rotateAuto && !how.reducedCopy && pgmLayout(img.data)) {
    const r = await worker.recogniseLevelled(image, MIN_SKEW_RADIANS, { hocr: ocrChoicesOn() });
    const t1 = cpuSeconds();
    const lines = inked(img, toLines(r.data), r.rotateRadians);
    if (cpu) {
      cpu.recognise += t1 - t0;
      cpu.lines += cpuSeconds() - t1;
    }
    return lines;
  }
  const skew = how.rotateAuto ? undefined : await measureSkew(worker, img);
  const t1 = cpuSeconds();
  const rotate = skew === undefined ? { rotateAuto: true } : Math.abs(skew) >= MIN_SKEW_RADIANS ? { rotateRadians: skew } : {};
  const r = await worker.recognize(image, rotate, { blocks: true, hocr: ocrChoicesOn(), text: false });
  const t2 = cpuSeconds();
  // (the angle is known only when measured here: rotateAuto's is not returned)
  const lines = skew === undefined ? toLines(r.data) : inked(img, toLines(r.data), 'rotateRadians' in rotate ? (rotate.rotateRadians ?? 0) : 0);
  if (cpu) {
    cpu.deskew += t1 - t0;
    cpu.recognise += t2 - t1;
    cpu.lines += cpuSeconds() - t2;
  }
  return lines;
}

/** The lines with each comma's advance measured on the page's ink (ocr-mark-ink.ts), on the image tesseract read. */
function inked(img: PageImage, lines: OcrLine[], radians: number): OcrLine[] {
  const l = pgmLayout(img.data);
  return l ? withMarkInk({ data: img.data, offset: l.offset, width: l.width, height: l.height }, lines, radians) : lines;
}

/**
 * Each word's choice groups from tesseract's hOCR written with `lstm_choice_mode` 2 (one
 * `lstm_choices_…` span per character, sometimes one more for the space before the word; each
 * choice `x_confs` = 100 − rating), in the order of the words of the JSON blocks.
 */
export function hocrWordChoices(hocr: string): { ch: string; score: number }[][][] {
  const unescape = (t: string) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  return hocr
    .split("<span class='ocrx_word'")
    .slice(1)
    .map((word) =>
      word
        .split("id='lstm_choices_")
        .slice(1)
        .map((group) => [...group.matchAll(/x_confs ([\d.]+)'>([^<]*)<\/span>/g)].map((m) => ({ ch: unescape(m[2]!), score: Number(m[1]) }))),
    );
}

/** A character's choices when its group's first choice is the character itself (else the groups and the characters did not line up). */
function symbolChoices(ch: string, group: { ch: string; score: number }[] | undefined): OcrChoices | undefined {
  if (!group || group[0]?.ch !== ch) return undefined;
  const alts = group
    .slice(1)
    .filter((c) => c.score > 0 && c.ch.trim() !== '' && c.ch !== ch)
    .slice(0, 2)
    .map((c) => ({ ch: c.ch, score: Math.round(c.score) }));
  return { top: Math.round(group[0]!.score), alts };
}

export function toLines(data: Pick<import('tesseract.js').Page, 'blocks' | 'hocr'>): OcrLine[] {
  const lines: OcrLine[] = [];
  const choices = data.hocr ? hocrWordChoices(data.hocr) : [];
  let wordNo = 0;
  for (const block of data.blocks ?? []) {
    for (const para of block.paragraphs) {
      for (const line of para.lines) {
        const symbols: OcrSymbol[] = [];
        const height = line.bbox.y1 - line.bbox.y0;
        // Tesseract makes every CJK character a "word": a space goes in only where the page shows
        // one (a gap of three quarters of a character or more, e.g. after 第一条) or between two Latin words.
        line.words.forEach((w, i) => {
          const groups = (choices[wordNo++] ?? []).filter((g) => (g[0]?.ch ?? '').trim() !== '');
          const chars = w.symbols.flatMap((s) => [...s.text]);
          const lined = groups.length === chars.length;
          const prev = line.words[i - 1];
          if (prev) {
            const gap = w.bbox.x0 - prev.bbox.x1;
            const latin = /[A-Za-z0-9]$/.test(prev.text) && /^[A-Za-z0-9]/.test(w.text);
            // After 条/章/节 (an article or heading label) a smaller gap is already the label's space.
            const afterLabel = /[条章节]$/.test(prev.text) && gap > 0.35 * height;
            if (gap > 0.75 * height || afterLabel || (latin && gap > 0.15 * height)) symbols.push({ ch: ' ', conf: 100 });
          }
          let k = 0;
          for (const s of w.symbols) {
            for (const ch of s.text) {
              const c = lined ? symbolChoices(ch, groups[k]) : undefined;
              symbols.push({ ch, conf: s.confidence, x0: s.bbox.x0, x1: s.bbox.x1, y0: s.bbox.y0, y1: s.bbox.y1, ...(c ? { choices: c } : {}) });
              k++;
            }
          }
        });
        if (symbols.length === 0) continue;
        lines.push({ symbols, x0: line.bbox.x0, x1: line.bbox.x1, y0: line.bbox.y0, y1: line.bbox.y1, baseline: line.baseline.y0 });
      }
    }
  }
  return lines;
}

