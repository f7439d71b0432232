// 核对: a person confirms an OCR'd version against its scan. The text stops being marked
// 识别文本（待核对）; corrections typed while checking replace the articles' text. The body is a
// new content-addressed file (its hash covers the text and the verifiedBy/At stamp), committed
// like any other edit so the search index re-reads the version through the change event.

import { isUnverifiedOcr, textSourceOf, type Article, type LawVersion, type LawVersionMeta } from '../../shared/law-model';
import { parseBody } from './law-body';
import { LibraryError, type LibraryStore } from './library-store';

export interface VerifyOcrOptions {
  /** Who checked the text (the office user's name). */
  by: string;
  /** Corrected article texts by unit key (without the label); each replaces the OCR text and clears its suspects. */
  corrections?: Record<string, string>;
}

export const VERIFIER_MAX = 50;
export const CORRECTION_MAX = 100_000;

export async function verifyOcrVersion(store: LibraryStore, id: string, opts: VerifyOcrOptions): Promise<LawVersionMeta> {
  const by = opts.by.trim();
  if (!by) throw new LibraryError('INVALID', '请写明核对人');
  if (by.length > VERIFIER_MAX) throw new LibraryError('INVALID', `核对人姓名过长（最多 ${VERIFIER_MAX} 字）`);
  if (!store.lock.tryAcquire()) throw new LibraryError('LOCKED', store.lock.busyMessage());
  try {
    await store.load();
    const meta = store.version(id);
    if (!meta) throw new LibraryError('NOT_FOUND', `没有找到版本 ${id}`);
    if (textSourceOf(meta) !== 'ocr') {
      throw new LibraryError('INVALID', `《${meta.title}》（${id}）的正文不是识别文本，无需核对`);
    }
    if (!isUnverifiedOcr(meta) && !opts.corrections) {
      throw new LibraryError('INVALID', `《${meta.title}》（${id}）已由${meta.verifiedBy ?? '他人'}核对`);
    }
    const body = store.loadVersion(id);
    const corrections = opts.corrections ?? {};
    const keys = new Set(body.units.map((u) => u.key));
    const unknown = Object.keys(corrections).filter((k) => !keys.has(k));
    if (unknown.length) throw new LibraryError('INVALID', `《${meta.title}》中没有这些条文：${unknown.join('、')}`);
    for (const [k, t] of Object.entries(corrections)) {
      if (!t.trim()) throw new LibraryError('INVALID', `条文 ${k} 的更正文本是空的`);
      if (t.length > CORRECTION_MAX) throw new LibraryError('INVALID', `条文 ${k} 的更正文本过长`);
    }
    const units = body.units.map((u) => {
      const fixed = corrections[u.key];
      if (fixed === undefined) return u;
      const { suspects: _s, ...rest } = u;
      return { ...rest, text: fixed.replace(/\r\n?/g, '\n').trim() };
    });
    const next: LawVersion = {
      ...body,
      units,
      textSource: 'ocr',
      verified: true,
      verifiedBy: by,
      verifiedAt: store.now().toISOString(),
      charCount: units.reduce((n, u) => n + u.text.length, 0),
    };
    return saveBody(store, id, next);
  } finally {
    store.lock.release();
  }
}

export interface CheckOcrOptions {
  by: string;
  /** Articles the person has checked against the scan (unit keys), corrected or not. */
  confirmed: string[];
  /** Corrected texts (unit key → text without the label); a corrected article counts as checked. */
  corrections?: Record<string, string>;
}

/**
 * 逐条核对: the articles a person has checked lose their suspects and are marked checked
 * (their 待核对 notes go), with their corrected text where given. The version stays 待核对 until
 * every unit is checked; the last one stamps it verified by that person, as verifyOcrVersion does.
 * One atomic write: the body is validated as it will be read back before anything is written.
 */
export async function checkOcrArticles(store: LibraryStore, id: string, opts: CheckOcrOptions): Promise<LawVersionMeta> {
  const by = opts.by.trim();
  if (!by) throw new LibraryError('INVALID', '请写明核对人');
  if (by.length > VERIFIER_MAX) throw new LibraryError('INVALID', `核对人姓名过长（最多 ${VERIFIER_MAX} 字）`);
  const corrections = opts.corrections ?? {};
  const touched = new Set([...opts.confirmed, ...Object.keys(corrections)]);
  if (touched.size === 0) throw new LibraryError('INVALID', '没有要确认的条文');
  if (!store.lock.tryAcquire()) throw new LibraryError('LOCKED', store.lock.busyMessage());
  try {
    await store.load();
    const meta = store.version(id);
    if (!meta) throw new LibraryError('NOT_FOUND', `没有找到版本 ${id}`);
    if (textSourceOf(meta) !== 'ocr') throw new LibraryError('INVALID', `《${meta.title}》（${id}）的正文不是识别文本，无需核对`);
    const body = store.loadVersion(id);
    const byKey = new Map(body.units.map((u) => [u.key, u]));
    const unknown = [...touched].filter((k) => !byKey.has(k));
    if (unknown.length) throw new LibraryError('INVALID', `《${meta.title}》中没有这些条文：${unknown.join('、')}`);
    for (const [k, t] of Object.entries(corrections)) {
      if (!t.trim()) throw new LibraryError('INVALID', `${byKey.get(k)!.label}的更正文本是空的`);
      if (t.length > CORRECTION_MAX) throw new LibraryError('INVALID', `${byKey.get(k)!.label}的更正文本过长`);
    }
    const units: Article[] = body.units.map((u) => {
      if (!touched.has(u.key)) return u;
      const fixed = corrections[u.key];
      return { ...u, ...(fixed !== undefined ? { text: fixed.replace(/\r\n?/g, '\n').trim() } : {}), suspects: [], ocrChecked: true };
    });
    const all = units.every((u) => u.ocrChecked === true);
    const next: LawVersion = {
      ...body,
      units,
      textSource: 'ocr',
      ...(all && !meta.verified ? { verified: true, verifiedBy: by, verifiedAt: store.now().toISOString() } : {}),
      charCount: units.reduce((n, u) => n + u.text.length, 0),
    };
    return saveBody(store, id, next);
  } finally {
    store.lock.release();
  }
}

/**
 * Writes a changed body of version `id` and commits it (the caller holds the writer lock): checked
 * as a body read back would be, before anything is written.
 */
export async function saveBody(store: LibraryStore, id: string, next: LawVersion): Promise<LawVersionMeta> {
  const { file: _f, ...stored } = next;
  parseBody(JSON.parse(JSON.stringify({ ...stored, units: next.units.map(({ paragraphs: _p, ...u }) => u) })), id);
  const file = store.writeBody(next);
  const { units: _u, ...nextMeta } = next;
  store.stage({ ...nextMeta, file });
  await store.commit({ added: [id], removed: [id] });
  return store.version(id)!;
}
