// 核对: a person confirms an OCR'd version against its scan. The text stops being marked
// 识别文本（待核对）; corrections typed while checking replace the articles' text. The body is a
// new content-addressed file (its hash covers the text and the verifiedBy/At stamp), committed
// like any other edit so the search index re-reads the version through the change event.

import { articleKey, isUnverifiedOcr, textSourceOf, type Article, type LawVersion, type LawVersionMeta } from '../../shared/law-model';
import { articleLabel } from '../../shared/chinese-number';
import { parseChineseNumber } from '../text/chinese-numerals';
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
  if (opts.confirmed.length + Object.keys(corrections).length === 0) throw new LibraryError('INVALID', '没有要确认的条文');
  if (!store.lock.tryAcquire()) throw new LibraryError('LOCKED', store.lock.busyMessage());
  try {
    await store.load();
    const meta = store.version(id);
    if (!meta) throw new LibraryError('NOT_FOUND', `没有找到版本 ${id}`);
    if (textSourceOf(meta) !== 'ocr') throw new LibraryError('INVALID', `《${meta.title}》（${id}）的正文不是识别文本，无需核对`);
    const body = store.loadVersion(id);
    const { units, all } = checkedUnits(body.units, meta.title, opts.confirmed, corrections);
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
 * The units after a person checked some of them (`confirmed`, and every corrected one): those lose
 * their suspects and are marked checked, with the corrected text where given; `all` once every unit
 * is checked. Pure and shared by the library's 逐条核对 and a 送审稿's (review/draft-store.ts); an
 * unknown key, an empty or over-long correction is refused naming the text (`title`).
 */
export function checkedUnits<U extends Pick<Article, 'key' | 'label' | 'text' | 'suspects' | 'ocrChecked'>>(
  units: readonly U[],
  title: string,
  confirmed: readonly string[],
  corrections: Record<string, string>,
): { units: U[]; all: boolean } {
  const touched = new Set([...confirmed, ...Object.keys(corrections)]);
  const byKey = new Map(units.map((u) => [u.key, u]));
  const unknown = [...touched].filter((k) => !byKey.has(k));
  if (unknown.length) throw new LibraryError('INVALID', `《${title}》中没有这些条文：${unknown.join('、')}`);
  for (const [k, t] of Object.entries(corrections)) {
    if (!t.trim()) throw new LibraryError('INVALID', `${byKey.get(k)!.label}的更正文本是空的`);
    if (t.length > CORRECTION_MAX) throw new LibraryError('INVALID', `${byKey.get(k)!.label}的更正文本过长`);
  }
  const out = units.map((u) => {
    if (!touched.has(u.key)) return u;
    const fixed = corrections[u.key];
    return { ...u, ...(fixed !== undefined ? { text: fixed.replace(/\r\n?/g, '\n').trim() } : {}), suspects: [], ocrChecked: true };
  });
  return { units: out, all: out.every((u) => u.ocrChecked === true) };
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

export interface RelabelOptions {
  by: string;
  /** The unit's position in the version (keys of misread labels may repeat: a position is unambiguous). */
  index: number;
  /** Its key as the person saw it: refused if the version changed meanwhile. */
  key: string;
  /** The right label: 第十二条, 第十二条之一, or the number alone (12, 十二, 12-1). */
  label: string;
}

/** 第十二条之一 / 十二之一 / 12-1 / 12 → number and suffix; undefined for anything else. */
export function parseArticleLabel(input: string): { number: number; suffix: number } | undefined {
  const t = input.normalize('NFKC').replace(/\s+/g, '');
  const m = /^第?([^第条之-]+)条?(?:(?:之|-)([^之-]+))?$/.exec(t);
  if (!m) return undefined;
  const number = parseChineseNumber(m[1]!);
  const suffix = m[2] === undefined ? 0 : parseChineseNumber(m[2]);
  if (!Number.isInteger(number) || number < 1 || number > 9999 || !Number.isInteger(suffix) || suffix < 0 || suffix > 99) return undefined;
  return { number, suffix };
}

/**
 * Corrects a misread 第X条 number in an OCR'd version: the article takes the right label, number
 * and key (the structure other features key on), keeps its text, and records the label OCR read,
 * who corrected it and when. A label another article already has is refused (that one is the
 * misread, or both need fixing in turn); numbering that is still out of order comes back as
 * warnings. One atomic write, like 逐条核对.
 */
export async function relabelOcrArticle(store: LibraryStore, id: string, opts: RelabelOptions): Promise<{ meta: LawVersionMeta; label: string; key: string; warnings: string[] }> {
  const by = opts.by.trim();
  if (!by) throw new LibraryError('INVALID', '请写明核对人');
  if (by.length > VERIFIER_MAX) throw new LibraryError('INVALID', `核对人姓名过长（最多 ${VERIFIER_MAX} 字）`);
  const parsed = parseArticleLabel(opts.label);
  if (!parsed) throw new LibraryError('INVALID', `“${opts.label.slice(0, 20)}”不是条文编号（应写作 第十二条 或 第十二条之一）`);
  if (!store.lock.tryAcquire()) throw new LibraryError('LOCKED', store.lock.busyMessage());
  try {
    await store.load();
    const meta = store.version(id);
    if (!meta) throw new LibraryError('NOT_FOUND', `没有找到版本 ${id}`);
    if (textSourceOf(meta) !== 'ocr') throw new LibraryError('INVALID', `《${meta.title}》（${id}）的正文不是识别文本，条文编号不能在核对中更改`);
    const body = store.loadVersion(id);
    const unit = body.units[opts.index];
    if (!unit || unit.key !== opts.key) throw new LibraryError('CONFLICT', `《${meta.title}》已被改动，请刷新后再更正编号`);
    if (unit.kind !== 'article') throw new LibraryError('INVALID', `${unit.label}不是“第X条”条文，没有条文编号可改`);
    const label = articleLabel(parsed.number, parsed.suffix);
    const key = articleKey(parsed.number, parsed.suffix);
    if (key === unit.key) throw new LibraryError('INVALID', `编号没有变化（仍是${label}）`);
    const clash = body.units.findIndex((u, i) => i !== opts.index && u.kind === 'article' && u.key === key);
    if (clash >= 0) throw new LibraryError('INVALID', `本文已有${label}（第 ${clash + 1} 个条文）；若那一条才是误识别，请先更正它`);
    const units: Article[] = body.units.map((u, i) =>
      i === opts.index ? { ...u, key, label, number: parsed.number, suffix: parsed.suffix, ocrLabel: u.ocrLabel ?? { read: u.label, by, at: store.now().toISOString() } } : u,
    );
    // The re-derived numbering: what still looks misread next to this article.
    const articles = units.filter((u) => u.kind === 'article');
    const at = articles.findIndex((u) => u.key === key);
    const warnings: string[] = [];
    const order = (u: Article) => u.number * 100 + u.suffix;
    const prev = articles[at - 1];
    const next = articles[at + 1];
    if (prev && order(prev) >= order(articles[at]!)) warnings.push(`${prev.label} 之后是 ${label}，顺序仍不对`);
    if (next && order(next) <= order(articles[at]!)) warnings.push(`${label} 之后是 ${next.label}，顺序仍不对`);
    const seen = new Set<string>();
    for (const u of articles) {
      if (seen.has(u.key)) warnings.push(`条文编号仍有重复：${u.label}`);
      seen.add(u.key);
    }
    const saved = await saveBody(store, id, { ...body, units, textSource: 'ocr' });
    return { meta: saved, label, key, warnings };
  } finally {
    store.lock.release();
  }
}
