// Where each article of an OCR text sits on its scan (ocrRegions), for versions imported before
// the importer recorded it: without them the 核对 view shows page 1 and frames nothing. The kept
// original is recognised again — the import's own OCR path, off the main thread, with progress and
// cancel — and the stored articles (with whatever corrections were typed since) are traced through
// the new character stream as at import. Only the regions are added: text, suspects and checks stay.

import { readFileSync } from 'node:fs';
import { textSourceOf, type Article, type LawVersion } from '../../shared/law-model';
import { ExtractError } from '../importers/extracted-document';
import type { OcrOptions } from '../importers/ocr-engine';
import { traceUnits } from '../importers/ocr-text';
import { LibraryError, type LibraryStore } from './library-store';
import { saveBody } from './ocr-verify';

/** An OCR version none of whose articles knows where it is on the scan. */
export function lacksOcrRegions(v: Pick<LawVersion, 'textSource' | 'sourceFormat' | 'units'>): boolean {
  return textSourceOf(v) === 'ocr' && v.units.length > 0 && v.units.every((u) => !u.ocrRegions?.length);
}

export interface LocateResult {
  /** Articles that now have regions. */
  located: number;
  units: number;
}

/** Recognises the kept original of OCR version `id` again and stores each article's regions. */
export async function locateOcrRegions(store: LibraryStore, id: string, opts: Pick<OcrOptions, 'onProgress' | 'signal'> = {}): Promise<LocateResult> {
  const meta = store.version(id);
  if (!meta) throw new LibraryError('NOT_FOUND', `没有找到版本 ${id}`);
  if (textSourceOf(meta) !== 'ocr' || !['pdf', 'ofd', 'image'].includes(meta.sourceFormat)) {
    throw new LibraryError('INVALID', `《${meta.title}》的正文不是扫描件识别文本，没有扫描页可定位`);
  }
  const before = store.loadVersion(id);
  if (!lacksOcrRegions(before)) {
    return { located: before.units.filter((u) => u.ocrRegions?.length).length, units: before.units.length };
  }
  const file = store.originalPath(meta);
  if (!file) throw new LibraryError('NOT_FOUND', `《${meta.title}》的原件（${meta.sourceFile}）不在文库中，无法定位条文`);
  const { extractDocument } = await import('../importers/extract-document');
  let doc;
  try {
    doc = await extractDocument(readFileSync(file), meta.sourceFile, { ocr: opts });
  } catch (e) {
    if (e instanceof ExtractError && e.code !== 'CANCELLED') throw new LibraryError('INVALID', `《${meta.title}》的原件无法重新识别：${e.message}`);
    throw e;
  }
  if (!doc.ocr?.charLine || !doc.ocr.lines) throw new LibraryError('INVALID', `《${meta.title}》的原件没有可识别的扫描页`);
  const where = { charLine: doc.ocr.charLine, lines: doc.ocr.lines };
  const { stream, confidence } = doc.ocr;
  if (!store.lock.tryAcquire()) throw new LibraryError('LOCKED', store.lock.busyMessage());
  try {
    await store.load();
    // The body as it is now (a person may have checked articles while the scan was recognised).
    const body = store.loadVersion(id);
    if (!lacksOcrRegions(body)) return { located: body.units.filter((u) => u.ocrRegions?.length).length, units: body.units.length };
    const regions = traceUnits(body.units, stream, confidence, where).regions;
    let located = 0;
    const units: Article[] = body.units.map((u, i) => {
      const r = regions[i] ?? [];
      if (r.length === 0) return u;
      located++;
      return { ...u, ocrRegions: r };
    });
    if (located === 0) throw new LibraryError('INVALID', `《${meta.title}》的条文在重新识别的扫描页上一条也没有找到，无法定位`);
    await saveBody(store, id, { ...body, units });
    return { located, units: units.length };
  } finally {
    store.lock.release();
  }
}
