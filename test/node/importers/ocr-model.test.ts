// The chi_sim model rewritten without tesseract's legacy classifier (ocr-model.ts): what is kept,
// where it is written, that a damaged copy is written again, and that tesseract reads a page from
// it exactly as from the packaged file (same characters, confidences and boxes).
import { mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { imageFilePage, pgmLayout } from '../../../electron/core/importers/ocr-images';
import { isVerifiedModel, isWholeModel, lstmModelDir, stripLegacyClassifier, traineddataLayout } from '../../../electron/core/importers/ocr-model';
import { ocrAssetPaths, ocrModelSource, recognisePage } from '../../../electron/core/importers/ocr-tesseract';

const PACKAGED = join(ocrAssetPaths().langPath, 'chi_sim.traineddata.gz');
const SCANS = join(import.meta.dirname, '../../fixtures/documents/scans');
const work = mkdtempSync(join(tmpdir(), 'lawdesk-ocr-model-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** tesseract's component indexes (TessdataType): 3 inttemp, 4 pffmtable, 5 normproto, 13 shapetable, 17 lstm. */
const INTTEMP = 3;
const LSTM = 17;

describe('the LSTM-only model', () => {
  it('keeps the LSTM network and its dictionaries and drops the legacy classifier', async () => {
    const data = await stripLegacyClassifier(PACKAGED);
    const l = traineddataLayout(data, data.length)!;
    expect(l.entries).toBe(24);
    for (const legacy of [3, 4, 5, 13]) expect(l.offsets[legacy]).toBe(-1);
    expect(l.offsets[LSTM]).toBeGreaterThan(0);
    // lstm-word-dawg (19) and the unicharset (1) are still there
    expect(l.offsets[19]).toBeGreaterThan(0);
    expect(l.offsets[1]).toBeGreaterThan(0);
    expect(data.length).toBeLessThan(5 * 1048576); // 44 MB unpacked before
    // the kept components are byte for byte the packaged ones (the LSTM network checked here)
    const { gunzipSync } = await import('node:zlib');
    const full = gunzipSync(readFileSync(PACKAGED));
    const fl = traineddataLayout(full, full.length)!;
    expect(fl.offsets[INTTEMP]).toBeGreaterThan(0);
    const next = (o: number[], i: number, size: number) => o.filter((x) => x > o[i]!).reduce((m, x) => Math.min(m, x), size);
    const mine = data.subarray(l.offsets[LSTM]!, next(l.offsets, LSTM, data.length));
    const theirs = full.subarray(fl.offsets[LSTM]!, next(fl.offsets, LSTM, full.length));
    expect(Buffer.from(mine).equals(theirs)).toBe(true);
  });

  it('is written once into the cache folder, and written again when the copy there is damaged', async () => {
    const cache = join(work, 'cache');
    const dir = (await lstmModelDir(PACKAGED, cache))!;
    expect(dir.startsWith(cache)).toBe(true);
    const file = join(dir, 'chi_sim.traineddata');
    expect(isWholeModel(file)).toBe(true);
    const first = statSync(file).mtimeMs;
    expect(await lstmModelDir(PACKAGED, cache)).toBe(dir);
    expect(statSync(file).mtimeMs).toBe(first); // reused, not rewritten
    writeFileSync(file, readFileSync(file).subarray(0, 1000)); // cut short
    expect(isWholeModel(file)).toBe(false);
    expect(await lstmModelDir(PACKAGED, cache)).toBe(dir);
    expect(isWholeModel(file)).toBe(true);
  });

  it('is never read when it differs from what was written: a changed byte, a cut end, a missing or wrong digest', async () => {
    const cache = join(work, 'cache-verify');
    const dir = (await lstmModelDir(PACKAGED, cache))!;
    const file = join(dir, 'chi_sim.traineddata');
    const digest = join(dir, 'chi_sim.traineddata.sha256');
    const good = readFileSync(file);
    expect(isVerifiedModel(dir)).toBe(true);
    const l = traineddataLayout(good, good.length)!;
    const damages: [string, () => void][] = [
      // a byte inside the LSTM network: the table is still sound (isWholeModel alone would trust it)
      ['a changed byte', () => {
        const b = Buffer.from(good);
        b[l.offsets[LSTM]! + 1000]! ^= 0xff;
        writeFileSync(file, b);
        expect(isWholeModel(file)).toBe(true);
      }],
      // the last component cut short: every offset still lies inside the file
      ['a cut end', () => {
        writeFileSync(file, good.subarray(0, good.length - 64));
        expect(isWholeModel(file)).toBe(true);
      }],
      ['no digest', () => unlinkSync(digest)],
      ['a digest that is not ours', () => writeFileSync(digest, 'nonsense\n')],
      ['a digest of another file', () => writeFileSync(digest, `${good.length} ${'0'.repeat(64)}\n`)],
    ];
    for (const [what, damage] of damages) {
      damage();
      expect(isVerifiedModel(dir), what).toBe(false);
      expect(await lstmModelDir(PACKAGED, cache), what).toBe(dir);
      expect(isVerifiedModel(dir), what).toBe(true);
      expect(readFileSync(file).equals(good), what).toBe(true);
    }
  });

  it('is not used when it cannot be written (the packaged file is read instead)', async () => {
    // a cache folder that cannot be made: its parent is a file (as good as a read-only profile, even for root)
    const blocker = join(work, 'not-a-folder');
    writeFileSync(blocker, '');
    expect(await lstmModelDir(PACKAGED, join(blocker, 'ocr-model'))).toBeUndefined();
  });

  it('is what a tesseract worker is started with, unless LAWDESK_OCR_FULL_MODEL=1', async () => {
    const before = process.env.LAWDESK_OCR_MODEL_DIR;
    process.env.LAWDESK_OCR_MODEL_DIR = join(work, 'cache-source');
    try {
      const src = await ocrModelSource(ocrAssetPaths().langPath);
      expect(src).toEqual({ langPath: await lstmModelDir(PACKAGED, join(work, 'cache-source')), gzip: false });
      process.env.LAWDESK_OCR_FULL_MODEL = '1';
      expect(await ocrModelSource(ocrAssetPaths().langPath)).toEqual({ langPath: ocrAssetPaths().langPath, gzip: true });
    } finally {
      delete process.env.LAWDESK_OCR_FULL_MODEL;
      if (before === undefined) delete process.env.LAWDESK_OCR_MODEL_DIR;
      else process.env.LAWDESK_OCR_MODEL_DIR = before;
    }
  });

  it('refuses a file that is not a model', async () => {
    const bad = join(work, 'bad.traineddata.gz');
    const { gzipSync } = await import('node:zlib');
    writeFileSync(bad, gzipSync(Buffer.from('这不是模型文件，只是一段文字。'.repeat(10))));
    await expect(stripLegacyClassifier(bad)).rejects.toThrow('模型文件格式不对');
    expect(await lstmModelDir(bad, join(work, 'cache-bad'))).toBeUndefined();
  });

  it('reads a page exactly as the packaged model does', { timeout: 120_000 }, async () => {
    // The top third of a fixture scan (a title and articles), to keep the test short.
    const page = await imageFilePage(readFileSync(join(SCANS, 'yuanzhu-p1-clean.jpg')), 'p1.jpg');
    const g = pgmLayout(page.data)!;
    const rows = Math.round(g.height / 3);
    const crop = new Uint8Array([...new TextEncoder().encode(`P5\n${g.width} ${rows}\n255\n`), ...page.data.subarray(g.offset, g.offset + g.width * rows)]);
    const img = { data: crop, width: g.width, height: rows, dpi: 200 };
    const { newTesseract } = await import('../../../electron/core/importers/ocr-tesseract');
    const read = async (full: boolean) => {
      const before = { dir: process.env.LAWDESK_OCR_MODEL_DIR, full: process.env.LAWDESK_OCR_FULL_MODEL };
      process.env.LAWDESK_OCR_MODEL_DIR = join(work, 'cache-page');
      if (full) process.env.LAWDESK_OCR_FULL_MODEL = '1';
      else delete process.env.LAWDESK_OCR_FULL_MODEL;
      const worker = await newTesseract();
      try {
        return await recognisePage(worker, img);
      } finally {
        await worker.terminate();
        for (const [k, v] of [['LAWDESK_OCR_MODEL_DIR', before.dir], ['LAWDESK_OCR_FULL_MODEL', before.full]] as const) {
          if (v === undefined) delete process.env[k];
          else process.env[k] = v;
        }
      }
    };
    const lstm = await read(false);
    const full = await read(true);
    expect(lstm.map((l) => l.symbols.map((s) => s.ch).join('')).join('\n')).toContain('第一条');
    expect(lstm).toEqual(full);
  });
});
