// Pages that arrive turned are turned upright before they are read, and the turn is reported; an upright
// page pays one recognition as before; a page written in columns (竖排) is not turned into confident
// nonsense. Real pages (test/fixtures/documents/scans/turned, make-turned.ts: the phone photos and a
// scanner's PDF turned by jpegtran, a 竖排 page drawn in Noto Serif CJK) read by the real recogniser.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OcrLine, PageImage } from '../../../electron/core/importers/ocr-engine';
import { extractDocument } from '../../../electron/core/importers/extract-document';
import { imageFilePage, turnedPgm, type QuarterTurn } from '../../../electron/core/importers/ocr-images';
import { lineDirection, recogniseUpright } from '../../../electron/core/importers/ocr-orientation';
import { newTesseract, recognisePage, type TWorker } from '../../../electron/core/importers/ocr-tesseract';
import { parseLawText } from '../../../electron/core/parse/law-structure-parser';
import { ocrPagesDoubtMessage, ocrPagesDoubtTag } from '../../../electron/shared/ocr-page-doubt';
import { ocrTurnedPagesMessage } from '../../../electron/shared/ocr-page-turn';
import { charactersRight as charactersRightOf, lcsWrong } from '../../bench/ocr-diff';

const SCANS = join(import.meta.dirname, '../../fixtures/documents/scans');
const TURNED = join(SCANS, 'turned');
const bytes = (file: string) => new Uint8Array(readFileSync(file));

function turned(img: PageImage, t: QuarterTurn): PageImage {
  const odd = t % 2 === 1;
  return { data: turnedPgm(img.data, t)!, width: odd ? img.height : img.width, height: odd ? img.width : img.height, dpi: img.dpi };
}

/**
 * A scan of `file` photographed askew and sideways: drawn turned by `degrees` clockwise (any angle)
 * onto a white sheet holding the whole turned page, as a PNG (@napi-rs/canvas, the app's own canvas).
 */
async function askew(file: string, degrees: number): Promise<Uint8Array> {
  const { createCanvas, loadImage } = await import('@napi-rs/canvas');
  const img = await loadImage(readFileSync(file));
  const a = (degrees * Math.PI) / 180;
  const [w, h] = [Math.abs(img.width * Math.cos(a)) + Math.abs(img.height * Math.sin(a)), Math.abs(img.width * Math.sin(a)) + Math.abs(img.height * Math.cos(a))].map(Math.ceil) as [number, number];
  const c = createCanvas(w, h);
  const g = c.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, w, h);
  g.translate(w / 2, h / 2);
  g.rotate(a);
  g.drawImage(img, -img.width / 2, -img.height / 2);
  return new Uint8Array(c.toBuffer('image/png'));
}

/** The share of the articles' characters read right, against the law's text (as ocr-illumination.test reads the photos). */
const charactersRight = (text: string, mdFile: string): number => charactersRightOf(text, readFileSync(mdFile, 'utf8'));

describe('which way a page\'s lines run (from its ink, no recognition)', () => {
  it('every upright scan and photo runs across; each turned a quarter either way runs down; a page in columns runs down', async () => {
    const files = ['yuanzhu-p1-clean.jpg', 'yuanzhu-p1-noisy.jpg', 'yuanzhu-p1-rotated.jpg', 'yuanzhu-p1-seal.jpg', 'yuanzhu-p2-clean.jpg', 'photo/cunwu.jpg', 'photo/gongshui.jpg', 'photo/renshi.jpg'];
    for (const f of files) {
      const img = await imageFilePage(bytes(join(SCANS, f)), f);
      expect([f, lineDirection(img)]).toEqual([f, 'across']);
      expect([f, lineDirection(turned(img, 2))]).toEqual([f, 'across']);
      expect([f, lineDirection(turned(img, 1))]).toEqual([f, 'down']);
      expect([f, lineDirection(turned(img, 3))]).toEqual([f, 'down']);
    }
    expect(lineDirection(await imageFilePage(bytes(join(TURNED, 'shupai.png')), 'shupai.png'))).toBe('down');
  });

  it('a page photographed askew (5°, 9°, 13° either way) still runs across upright and upside down, down turned a quarter', async () => {
    // square strips alone said `unclear` from about 8°: the gaps between lines fill across a quarter of the page
    for (const skew of [5, -9, 13])
      for (const [turn, want] of [
        [0, 'across'],
        [90, 'down'],
        [180, 'across'],
        [270, 'down'],
      ] as const) {
        const name = `p1 ${skew}° + ${turn}°`;
        const img = await imageFilePage(await askew(join(SCANS, 'yuanzhu-p1-clean.jpg'), turn + skew), name);
        expect([name, lineDirection(img)]).toEqual([name, want]);
      }
  });

  it('a page turned four quarters is the same page, pixel for pixel; one quarter moves the top-left corner to the top-right', async () => {
    const img = await imageFilePage(bytes(join(SCANS, 'yuanzhu-p2-clean.jpg')), 'p2');
    let p: PageImage = img;
    for (let i = 0; i < 4; i++) p = turned(p, 1);
    expect(Buffer.compare(Buffer.from(p.data), Buffer.from(img.data))).toBe(0);
    const tiny = new Uint8Array([...new TextEncoder().encode('P5\n3 2\n255\n'), 1, 2, 3, 4, 5, 6]);
    // 1 2 3 / 4 5 6 turned clockwise: 4 1 / 5 2 / 6 3
    expect([...turnedPgm(tiny, 1)!.slice(-6)]).toEqual([4, 1, 5, 2, 6, 3]);
    expect([...turnedPgm(tiny, 2)!.slice(-6)]).toEqual([6, 5, 4, 3, 2, 1]);
    expect([...turnedPgm(tiny, 3)!.slice(-6)]).toEqual([3, 6, 2, 5, 1, 4]);
  });

  it('the wording: one clause per angle; the 核对 tag names each doubtful page\'s reason', () => {
    expect(ocrTurnedPagesMessage([])).toBeUndefined();
    expect(ocrTurnedPagesMessage([{ page: 2, degrees: 90 }])).toMatch(/^第 2 页已自动旋转 90°/);
    expect(ocrTurnedPagesMessage([{ page: 1, degrees: 90 }, { page: 2, degrees: 180 }, { page: 3, degrees: 90 }])).toMatch(/^第 1、3 页已自动旋转 90°；第 2 页已自动旋转 180°/);
    expect(ocrPagesDoubtTag([{ page: 2, doubtful: 0.01, latin: 0.9 }, { page: 3, doubtful: 0.2 }, { page: 5, doubtful: 0.3 }])).toBe('第 2 页主要不是中文；第 3、5 页识别可信度低');
    expect(ocrPagesDoubtTag([{ page: 4, doubtful: 0.06, linesDown: true }])).toBe('第 4 页文字竖排或方向不明');
    expect(ocrPagesDoubtMessage([{ page: 4, doubtful: 0.06, linesDown: true }, { page: 5, doubtful: 0.3 }])).toMatch(/^第 4 页文字为竖排或方向无法判断，识别结果不可靠.*；第 5 页识别可信度低/);
  });
});

describe('turning pages upright (the real recogniser)', () => {
  let worker: TWorker;
  beforeAll(async () => {
    worker = await newTesseract();
  }, 120_000);
  afterAll(async () => {
    await worker?.terminate();
  });

  it('an upright page is recognised once; turned 90° once more on a band; upside down, the whole page twice and a band', { timeout: 600_000 }, async () => {
    const img = await imageFilePage(bytes(join(SCANS, 'yuanzhu-p1-clean.jpg')), 'p1');
    const reads: number[] = [];
    const read = async (page: PageImage): Promise<OcrLine[]> => {
      reads.push(page.height);
      return recognisePage(worker, page);
    };
    const up = await recogniseUpright(img, read);
    expect(up.turns).toBe(0);
    expect(reads).toEqual([img.height]);
    const text = (lines: OcrLine[]) => lines.map((l) => l.symbols.map((s) => s.ch).join('')).join('\n');
    for (const [t, calls] of [
      [3, 2],
      [2, 3],
    ] as const) {
      reads.length = 0;
      // turned 270° (or 180°) clockwise: read upright after 90° (or 180°) more
      const r = await recogniseUpright(turned(img, t), read);
      expect(r.turns).toBe((4 - t) % 4);
      expect(reads).toHaveLength(calls);
      expect([r.width, r.height]).toEqual([img.width, img.height]);
      // the same characters as the upright page within noise: the turned pixels are the same pixels
      const wrong = new Set(lcsWrong(text(r.lines), text(up.lines))).size;
      expect(wrong / text(up.lines).length).toBeLessThan(0.01);
    }
  });

  it('phone photos taken sideways are turned upright, reported, and read as well as the upright photo', { timeout: 600_000 }, async () => {
    for (const [file, upright, degrees] of [
      ['cunwu-270.jpg', 'cunwu', 90],
      ['gongshui-90.jpg', 'gongshui', 270],
    ] as const) {
      const d = await extractDocument(bytes(join(TURNED, file)), file, { ocr: true });
      expect(d.ocr?.turnedPages).toEqual([{ page: 1, degrees }]);
      expect(d.warnings).toContain(ocrTurnedPagesMessage([{ page: 1, degrees }]));
      expect(d.ocr?.doubtfulPages).toBeUndefined();
      const u = await extractDocument(bytes(join(SCANS, 'photo', `${upright}.jpg`)), `${upright}.jpg`, { ocr: true });
      expect(u.ocr?.turnedPages).toBeUndefined();
      const md = join(SCANS, 'photo', `${upright}.md`);
      const [got, want] = [charactersRight(d.text, md), charactersRight(u.text, md)];
      expect(got).toBeGreaterThan(0.97);
      expect(got).toBeGreaterThanOrEqual(want - 0.005);
    }
  });

  it('a scanner\'s PDF with its second page fed sideways: that page is turned, the first is not', { timeout: 600_000 }, async () => {
    const d = await extractDocument(bytes(join(TURNED, 'yuanzhu-turned.pdf')), 'yuanzhu-turned.pdf', { ocr: true });
    // fed turned 90° clockwise (jpegtran -rotate 90): upright after 270° more
    expect(d.ocr?.turnedPages).toEqual([{ page: 2, degrees: 270 }]);
    expect(d.warnings).toContain('第 2 页已自动旋转 270°（原件方向不正，已按文字方向转正后识别）');
    expect(d.ocr?.doubtfulPages).toBeUndefined();
    // page 2 is 援助条例's first page: its title and first articles are read
    expect(d.text).toContain('山东省法律援助条例');
    const labels = parseLawText(d.text, { format: 'txt' }).units.filter((u) => u.kind === 'article').map((u) => u.label);
    expect(labels).toContain('第一条');
  });

  it('a page fed sideways and askew (4°) is turned upright and read as the askew page reads upright', { timeout: 600_000 }, async () => {
    // before, the band tried at the right turn read its two edge lines — cut along their length by the
    // skew — as nonsense, no turn was taken, and the page came out as confident-looking 竖排 nonsense
    const src = join(SCANS, 'yuanzhu-p1-clean.jpg');
    const d = await extractDocument(await askew(src, 94), 'askew-90.png', { ocr: true });
    expect(d.ocr?.turnedPages).toEqual([{ page: 1, degrees: 270 }]);
    expect(d.ocr?.doubtfulPages).toBeUndefined();
    const u = await extractDocument(await askew(src, 4), 'askew.png', { ocr: true });
    expect(u.ocr?.turnedPages).toBeUndefined();
    const wrong = new Set(lcsWrong(d.text, u.text)).size;
    expect(u.text.length).toBeGreaterThan(900);
    expect(wrong / u.text.length).toBeLessThan(0.01);
  });

  it('a page written in columns (竖排) is not turned, and is named as not to be trusted', { timeout: 600_000 }, async () => {
    const d = await extractDocument(bytes(join(TURNED, 'shupai.png')), 'shupai.png', { ocr: true });
    expect(d.ocr?.turnedPages).toBeUndefined();
    expect(d.ocr?.doubtfulPages).toEqual([expect.objectContaining({ page: 1, linesDown: true })]);
    expect(d.warnings.some((w) => w.startsWith('第 1 页文字为竖排或方向无法判断'))).toBe(true);
  });
});
