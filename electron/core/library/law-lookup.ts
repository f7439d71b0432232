// Finding a law from what a person types: an id, its full or short title, an abbreviation, or a
// unique part of the title; and an article from 第十二条 / 12 / 12之一 / 第十二条之一.
// Citations inside texts use the exact forms only (titleKey, the abbreviation table, and a
// contraction that fits one law alone: law-contraction.ts): a law that is not in the library must
// stay unresolved, never become a document whose title contains it.

import { displayTitle, type Law, type LawVersionMeta } from '../../shared/law-model';
import type { QuickOpenItem } from '../../shared/search-types';
import { parseChineseNumber, NUMERAL_CHARS } from '../text/chinese-numerals';
import { LAW_ABBREVIATIONS } from './law-abbreviations';
import { guardedName, isContraction, lawKind } from './law-contraction';
import { normaliseTitle } from './law-identity';
import { LibraryError, type LibraryStore } from './library-store';
import { versionInForceOn } from './version-status';
import { own } from '../util/own-key';

/**
 * The form two writings of one title share: no spaces, no 中华人民共和国 anywhere, no 书名号 of any
 * kind. 《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》 and the stored title
 * 最高人民法院关于适用《民事诉讼法》的解释 have the same key.
 */
export function titleKey(title: string): string {
  return normaliseTitle(title.replace(/[《》〈〉<>＜＞]/g, '')).replace(/中华人民共和国/g, '');
}

interface TitleIndex {
  byKey: Map<string, Law[]>;
  keys: { law: Law; key: string }[];
  /** The whole titles (no code parts) by the first character a contraction of them keeps (促进… also by its third). */
  byFirst: Map<string, { law: Law; key: string }[]>;
}

/**
 * What a cache built from the catalog depends on, checked in O(1): the generation (bumped on each
 * commit) and one Law object — the store rebuilds its Law objects whenever its catalog changes,
 * so the same object means the same catalog even before a commit.
 */
export interface LibraryStamp {
  generation: number;
  probe: Law | undefined;
}

export function libraryStamp(store: LibraryStore): LibraryStamp {
  return { generation: store.generation, probe: store.laws()[0] };
}

export function sameLibrary(store: LibraryStore, s: LibraryStamp): boolean {
  return s.generation === store.generation && (s.probe ? store.law(s.probe.id) === s.probe : store.versions().length === 0);
}

const indexCache = new WeakMap<LibraryStore, { stamp: LibraryStamp; index: TitleIndex }>();

function titleIndex(store: LibraryStore): TitleIndex {
  const c = indexCache.get(store);
  if (c && sameLibrary(store, c.stamp)) return c.index;
  const laws = store.laws();
  const byKey = new Map<string, Law[]>();
  const keys: TitleIndex['keys'] = [];
  const add = (k: string, l: Law) => {
    const list = byKey.get(k);
    if (!list) byKey.set(k, [l]);
    else if (!list.includes(l)) list.push(l);
  };
  const byFirst = new Map<string, { law: Law; key: string }[]>();
  const first = (c: string | undefined, e: { law: Law; key: string }) => {
    if (c) byFirst.set(c, [...(byFirst.get(c) ?? []), e]);
  };
  for (const l of laws) {
    const key = titleKey(l.subtitle ? `${l.title}${l.subtitle}` : l.title);
    keys.push({ law: l, key });
    add(key, l);
    if (l.subtitle) add(titleKey(l.title), l);
    else {
      first(key[0], { law: l, key });
      if (key.startsWith('促进')) first(key[2], { law: l, key });
    }
  }
  const index = { byKey, keys, byFirst };
  indexCache.set(store, { stamp: libraryStamp(store), index });
  return index;
}

/**
 * Laws whose title is exactly `name` (in any writing), whose abbreviation `name` is, or — when
 * neither — the laws of the one title `name` is a contraction of (科技进步法 → 科学技术进步法).
 */
export function findLawsByTitle(store: LibraryStore, name: string): Law[] {
  const key = titleKey(name.trim());
  if (!key) return [];
  const index = titleIndex(store);
  const exact = index.byKey.get(key);
  if (exact?.length) return [...exact];
  const full = own(LAW_ABBREVIATIONS, key); // a name typed as "constructor" is no abbreviation
  if (full) return [...(index.byKey.get(titleKey(full)) ?? [])];
  return findLawsByContraction(store, key);
}

/**
 * The laws whose title `key` (titleKey'd) is a contraction of, when it fits one title alone (the
 * same title in several regions counts once: lawByName then prefers the national one); none for a
 * name that is itself a law's title (law-contraction-guard.ts) or fits two titles.
 */
export function findLawsByContraction(store: LibraryStore, key: string): Law[] {
  if (!lawKind(key) || guardedName(key)) return [];
  const hits = (titleIndex(store).byFirst.get(key[0]!) ?? []).filter((k) => isContraction(key, k.key));
  return new Set(hits.map((h) => h.key)).size === 1 ? hits.map((h) => h.law) : [];
}

export function findLaws(store: LibraryStore, query: string): Law[] {
  const q = query.trim();
  if (!q) return [];
  const byId = store.law(q) ?? (store.version(q) ? store.law(store.version(q)!.lawId) : undefined);
  if (byId) return [byId];
  const exact = findLawsByTitle(store, q);
  if (exact.length) return exact;
  const nq = titleKey(q);
  return titleIndex(store).keys.filter((k) => k.key.includes(nq)).map((k) => k.law);
}

/** The one law a query names; a LibraryError naming the query when none or several match. */
export function findOneLaw(store: LibraryStore, query: string): Law {
  const laws = findLaws(store, query);
  if (laws.length === 1) return laws[0]!;
  if (!laws.length) throw new LibraryError('NOT_FOUND', `没有找到“${query}”`);
  const candidates = laws.slice(0, 20).map((l) => `${displayTitle(l)}（${l.region}） ${l.id}`);
  throw new LibraryError('INVALID', `“${query}”匹配到 ${laws.length} 部法规，请写得更具体或使用 id：\n  ${candidates.join('\n  ')}`, { details: candidates });
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

/**
 * Quick open while no search engine is available: a title lookup, plus a trailing article
 * reference (行政许可法12, 行政许可法第十二条) that opens that article. Exact short titles first.
 */
export function quickOpenByTitle(store: LibraryStore, text: string, limit: number): QuickOpenItem[] {
  const t = text.trim();
  if (!t) return [];
  const m = /^(.+?)\s*(第?[0-9一二三四五六七八九十百千零〇两]+条?(?:之[0-9一二三四五六七八九十]+)?)$/.exec(t);
  const ref = m ? parseArticleRef(m[2]!) : undefined;
  const byRef = ref ? findLaws(store, m![1]!) : [];
  const laws = byRef.length ? byRef : findLaws(store, t);
  const out: QuickOpenItem[] = [];
  for (const law of laws.slice(0, limit)) {
    const v = pickVersion(store, law);
    if (!v) continue;
    const unit = ref && byRef.length ? store.loadVersion(v.id).units.find((u) => u.kind === 'article' && u.number === ref.number && u.suffix === ref.suffix) : undefined;
    out.push({
      lawId: law.id,
      versionId: v.id,
      title: law.title,
      shortTitle: law.shortTitle,
      ...(law.subtitle ? { subtitle: law.subtitle } : {}),
      level: law.level,
      region: law.region,
      ...(unit ? { articleKey: unit.key, articleLabel: unit.label } : {}),
      score: law.shortTitle === t ? 0 : 1,
    });
  }
  return out.sort((a, b) => a.score - b.score);
}
