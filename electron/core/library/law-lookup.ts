// Finding a law from what a person types: an id, its full or short title, or a unique part of
// the title; and an article from 第十二条 / 12 / 12之一 / 第十二条之一.

import type { Law, LawVersionMeta } from '../../shared/law-model';
import { parseChineseNumber, NUMERAL_CHARS } from '../text/chinese-numerals';
import { normaliseTitle } from './law-identity';
import type { LibraryStore } from './library-store';
import { versionInForceOn } from './version-status';

export function findLaws(store: LibraryStore, query: string): Law[] {
  const q = query.trim();
  if (!q) return [];
  const laws = store.laws();
  const byId = store.law(q) ?? (store.version(q) ? store.law(store.version(q)!.lawId) : undefined);
  if (byId) return [byId];
  const nq = normaliseTitle(q.replace(/[《》]/g, ''));
  const full = (l: Law) => normaliseTitle(l.subtitle ? `${l.title}${l.subtitle}` : l.title);
  const exact = laws.filter((l) => full(l) === nq || normaliseTitle(l.title) === nq);
  if (exact.length) return exact;
  return laws.filter((l) => full(l).includes(nq));
}

export interface ArticleRef {
  number: number;
  suffix: number;
}

const REF_RE = new RegExp(`^(?:第)?([${NUMERAL_CHARS}]+)(?:条)?(?:(?:之|-)([${NUMERAL_CHARS}]+))?$`);

/** 第十二条 | 12 | 12之一 | 第十二条之一 | 12-1 → {number, suffix}; undefined when not a reference. */
export function parseArticleRef(text: string): ArticleRef | undefined {
  const m = REF_RE.exec(text.trim().replace(/[\s\u3000]/g, ''));
  if (!m) return undefined;
  const number = parseChineseNumber(m[1]!);
  const suffix = m[2] ? parseChineseNumber(m[2]) : 0;
  if (!Number.isFinite(number) || !Number.isFinite(suffix) || number <= 0) return undefined;
  return { number, suffix };
}

/** The version to show: one whose date matches `date` (YYYY or YYYY-MM-DD prefix), else the current one. */
export function pickVersion(store: LibraryStore, law: Law, date?: string): LawVersionMeta | undefined {
  const versions = law.versionIds.map((id) => store.version(id)!).filter(Boolean);
  if (date) {
    return (
      versions.find((v) => v.published?.startsWith(date) || v.effective?.startsWith(date)) ??
      versions.find((v) => v.id.endsWith('@' + date))
    );
  }
  return (
    versions.find((v) => v.status === '现行有效') ??
    versionInForceOn(versions, store.today()) ??
    versions[versions.length - 1]
  );
}
