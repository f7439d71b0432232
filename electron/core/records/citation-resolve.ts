// Turning a reference into a version-anchored citation: the law, the version in force on the
// record's date (or a pinned one), the article, and a snapshot + hash of the article's text as it
// read in that version. Failures are reasons in Chinese, never silent drops.

import { citationOf, wideCitationOf } from '../../shared/citation';
import { displayTitle, type Law, type LawVersionMeta } from '../../shared/law-model';
import { isDraftVersion } from '../../shared/draft-title';
import { articleLabel, parseChineseNumber } from '../text/chinese-numerals';
import { paragraphsFromText } from '../../shared/law-text';
import { partLabel, partOf } from '../../shared/article-part';
import { sha256, normaliseTitle } from '../library/law-identity';
import { findLaws, findLawsByTitle, parseArticleRef, pickVersion, titleKey } from '../library/law-lookup';
import type { LibraryStore } from '../library/library-store';
import { versionInForceOn } from '../library/version-status';
import type { Citation, CitationInput, CitationRef } from './record-types';
import { codeIndex } from '../library/code-parts';
import { divisionOf, fullNames } from '../library/region-gazetteer';
import { findHeadings, headingByKey, headingHash, headingSnapshot, isHeadingKey, isWholeLawKey, lawOutline, WHOLE_LAW_KEY, type HeadingScope } from './citation-scope';

/**
 * Why a reference resolves to nothing, set where the reason is made: the reason is the sentence for the person
 * and may be reworded; the kind is what code reads (the pre-check's rule, the draft's own articles, a stated
 * basis the adviser can import). Every unresolved result carries one.
 * - draft-only: the law has drafted texts only (《…（征求意见稿）》), in force on no day
 * - not-yet-in-force: no version of the law applies on the date yet
 * - own-document: the text names the document under review itself (该文件, 本草案 of an article it lacks)
 * - law-missing: the library holds no law of the name written (资料库中没有《…》)
 * - law-ambiguous: several laws answer to the name (“…”匹配到 N 部法规，请写全称)
 * - version-missing: the version written (（2009年修订）, 修订前的…) is not in the library
 * - article-missing: the version lacks the article, 款 or 项 written (没有第九十条, 只有 3 款)
 * - heading-missing / heading-ambiguous: the 编/章/节 written is not in the outline / is there several times
 * - library-gap: a law or version the library no longer holds (an id), or no version of the text's own law
 * - issuer-missing: no law of the library was published by the order written (公安部令第146号第十条)
 * - other-document: an article of another document — one with a 文号, 该文件 after a notice, a name that is no law
 * - no-law-named: a bare 第X条 with no law named before it (the draft's own article as often as not)
 * - no-antecedent: 本法 / 该条例 with no law of that kind named before it
 * - amendment: an article number in an amendment (修正案, 修改决定), the amended law's before or after the change
 * - not-a-range: 第X条至第Y条 too long to be a range
 */
export type UnresolvedKind =
  | 'draft-only'
  | 'not-yet-in-force'
  | 'own-document'
  | 'law-missing'
  | 'law-ambiguous'
  | 'version-missing'
  | 'article-missing'
  | 'heading-missing'
  | 'heading-ambiguous'
  | 'library-gap'
  | 'issuer-missing'
  | 'other-document'
  | 'no-law-named'
  | 'no-antecedent'
  | 'amendment'
  | 'not-a-range';

/**
 * The kinds whose cause is what the library holds, not what the text says: importing the law (or version) lets
 * the citation be checked — the pre-check asks the adviser to import, not the unit to rewrite.
 */
export const LIBRARY_LACKS: ReadonlySet<UnresolvedKind> = new Set<UnresolvedKind>([
  'law-missing',
  'version-missing',
  'not-yet-in-force',
  'library-gap',
  'issuer-missing',
  'other-document',
  'own-document',
]);

export type Unresolved = { ok: false; reason: string; kind: UnresolvedKind };
export type Resolved<T> = { ok: true; value: T } | Unresolved;

/** An unresolved result: its reason for the person and its kind for code, made together. */
export const unresolved = (kind: UnresolvedKind, reason: string): Unresolved => ({ ok: false, reason, kind });

export interface ArticleTarget {
  lawId: string;
  number: number;
  suffix: number;
  paragraph?: number;
  item?: number;
}

function versionsOf(store: LibraryStore, law: Law): LawVersionMeta[] {
  return law.versionIds.map((id) => store.version(id)).filter((v): v is LawVersionMeta => !!v);
}

/** The day a version took effect: 施行日期, else the 施行 event of its header, else 公布日期. */
export function startOf(v: LawVersionMeta): string {
  if (v.effective) return v.effective;
  const lastEvent = v.history.at(-1);
  if (lastEvent?.kind === '施行' && v.published && lastEvent.date >= v.published) return lastEvent.date;
  return v.published || '';
}

function versionName(v: LawVersionMeta): string {
  return `《${displayTitle(v)}》（${versionDateOf(v)}版）`;
}
function versionDateOf(v: LawVersionMeta): string {
  return v.published || v.effective || v.id.split('@')[1] || '';
}

/** Why a law that has only drafted texts resolves to no version (kind draft-only: the pre-check's 依据的是草案). */
const draftOnlyReason = (law: Law) => `《${displayTitle(law)}》是草案，不是生效的法规`;

/** The version of a law in force on `date`; a reason when the law did not yet apply. */
export function versionOnDate(store: LibraryStore, lawId: string, date: string): Resolved<LawVersionMeta> {
  const law = store.law(lawId);
  if (!law) return unresolved('library-gap', `资料库中没有法规 ${lawId}`);
  const versions = versionsOf(store, law);
  // 施行日期 may be missing from the catalog but stated in the header ("2021年1月1日起施行"):
  // use it, so a 2020 record never links 民法典 (公布 2020-05-28, 施行 2021-01-01).
  const withStart = versions.map((x) => ({ ...x, effective: startOf(x) }));
  const v = versionInForceOn(withStart, date);
  if (v) return { ok: true, value: versions.find((x) => x.id === v.id)! };
  // A drafted text is in force on no day: never the basis of a finding, a citation or a 上位法.
  const enacted = versions.filter((x) => !isDraftVersion(x));
  if (!enacted.length) return unresolved('draft-only', draftOnlyReason(law));
  // Versions without any date (宪法 as compiled, codes) apply whatever the date.
  const undated = enacted.find((x) => !startOf(x));
  if (undated) return { ok: true, value: undated };
  const first = withStart.filter((x) => !isDraftVersion(x)).map((x) => x.effective || '').sort()[0];
  return unresolved('not-yet-in-force', `《${displayTitle(law)}》在 ${date} 尚未施行（资料库中最早的版本 ${first} 施行）`);
}

/** Lines numbered in another way than （一） (一、 1. ⒈ ⑴ ①): items the paragraph split does not count. */
const OTHER_ITEM_LINE = /^(?:[零〇一二两三四五六七八九十]+、|[0-9０-９]+[.．、]|[①-⒛])/m;

/**
 * Why a 款 or 项 written after an article is not in its text (第十条第四款 of an article of three 款,
 * 第十条第（五）项 of one with four items), or undefined. Read leniently, since texts lose numbers (the
 * first item printed without its （一）, items under ⒈ sub-items): the 项 exists when an item line from
 * the 款 written (else the article's first) to the article's end carries that number or a higher one, or
 * when as many lines follow a line ending in ： (up to the first ending in 。). An article whose items are numbered otherwise (一、 1.)
 * is not judged.
 */
export function missingPart(label: string, text: string, part: { paragraph?: number; item?: number }): string | undefined {
  if (!part.paragraph && !part.item) return undefined;
  const paragraphs = paragraphsFromText(text);
  const para = part.paragraph ? `第${articleLabel(part.paragraph).slice(1, -1)}款` : '';
  if (part.paragraph && part.paragraph > paragraphs.length) return `${label}只有 ${paragraphs.length} 款，没有${para}`;
  if (!part.item || OTHER_ITEM_LINE.test(text)) return undefined;
  const lines = paragraphs.slice((part.paragraph ?? 1) - 1).flatMap((p) => [p.text, ...p.items]);
  let most = 0;
  for (const line of lines) {
    const n = ITEM_NUMBER.exec(line);
    if (n) most = Math.max(most, parseChineseNumber(n[1]!) || 0);
  }
  // items printed without numbers (税率如下：⏎…的，税率为7%；⏎…): the lines after the lead, to the one ending in 。
  const lead = lines.findIndex((l) => /[：:]$/.test(l));
  if (lead >= 0) {
    const close = lines.findIndex((l, i) => i > lead && /。$/.test(l));
    most = Math.max(most, (close < 0 ? lines.length - 1 : close) - lead);
  }
  if (part.item <= most) return undefined;
  return `${label}${para}${most ? `只有 ${most} 项` : '没有分项'}，没有第（${articleLabel(part.item).slice(1, -1)}）项`;
}
const ITEM_NUMBER = /^[（(]([零〇一二两三四五六七八九十百0-9０-９]+)[)）]/;

/** A citation of one article of one version, with its text snapshot. */
export function citeArticle(
  store: LibraryStore,
  versionId: string,
  number: number,
  suffix: number,
  extra: { paragraph?: number; item?: number } = {},
): Resolved<Citation> {
  const meta = store.version(versionId);
  if (!meta) return unresolved('library-gap', `资料库中没有版本 ${versionId}`);
  const body = store.loadVersion(versionId);
  const unit = body.units.find((u) => u.kind === 'article' && u.number === number && u.suffix === suffix);
  const label = articleLabel(number, suffix);
  if (!unit) {
    const max = body.units.filter((u) => u.kind === 'article').reduce((m, u) => Math.max(m, u.number), 0);
    return unresolved('article-missing', `${versionName(meta)}没有${label}（共 ${max} 条）`);
  }
  const missing = missingPart(unit.label, unit.text, extra);
  if (missing) return unresolved('article-missing', `${versionName(meta)}${missing}`);
  return {
    ok: true,
    value: {
      lawId: meta.lawId,
      versionId: meta.id,
      articleKey: unit.key,
      label: unit.label,
      citation: citationOf(body, unit.label) + partLabel(extra),
      ...partOf(extra),
      textSnapshot: unit.text,
      textHash: sha256(unit.text),
    },
  };
}

/**
 * A citation of a whole version: 《中华人民共和国行政许可法》（2019年修正）. `asCode` cites the code a
 * part belongs to (民法典 through its first part), so the label names the code, not the part.
 */
export function citeLaw(store: LibraryStore, versionId: string, asCode = false): Resolved<Citation> {
  const meta = store.version(versionId);
  if (!meta) return unresolved('library-gap', `资料库中没有版本 ${versionId}`);
  const body = store.loadVersion(versionId);
  const snapshot = lawOutline(body);
  // A part of a code is cited by the code's title and the part (《中华人民共和国民法典》合同编).
  const citation = wideCitationOf(body, asCode ? undefined : body.subtitle);
  return {
    ok: true,
    value: { lawId: meta.lawId, versionId: meta.id, articleKey: WHOLE_LAW_KEY, scope: 'law', label: '全文', citation, textSnapshot: snapshot, textHash: sha256(snapshot) },
  };
}

function headingCitation(meta: LawVersionMeta, body: ReturnType<LibraryStore['loadVersion']>, h: HeadingScope): Citation {
  const part = body.subtitle ? body.subtitle : '';
  return {
    lawId: meta.lawId,
    versionId: meta.id,
    articleKey: h.key,
    scope: 'heading',
    label: h.label.slice(0, 50),
    citation: wideCitationOf(body, part, h.number),
    textSnapshot: headingSnapshot(h),
    textHash: headingHash(h),
  };
}

/** A citation of a 编/章/节 of a version, found from what a person wrote (第二章, 第三编第一章, a heading's words). */
export function citeHeading(store: LibraryStore, versionId: string, written: string): Resolved<Citation> {
  const meta = store.version(versionId);
  if (!meta) return unresolved('library-gap', `资料库中没有版本 ${versionId}`);
  const body = store.loadVersion(versionId);
  const found = findHeadings(body, written);
  if (found.length === 1) return { ok: true, value: headingCitation(meta, body, found[0]!) };
  if (!found.length) return unresolved('heading-missing', `${versionName(meta)}的目录中没有“${written}”`);
  return unresolved('heading-ambiguous', `${versionName(meta)}有 ${found.length} 处“${written}”（${found.slice(0, 3).map((h) => h.label).join('、')}…），请写明所在的编，如 第二编第一章`);
}

/** An article of a law as it read on `date`. */
export function resolveOnDate(store: LibraryStore, target: ArticleTarget, date: string): Resolved<Citation> {
  const v = versionOnDate(store, target.lawId, date);
  if (!v.ok) return v;
  return citeArticle(store, v.value.id, target.number, target.suffix, target);
}

/**
 * The parts of a code stored as separate works (民法典 总则, 合同编 …) share one article sequence:
 * an article of the code is in exactly one part. Tries each law of `lawIds` in turn.
 */
export function resolveInAny(store: LibraryStore, lawIds: string[], target: Omit<ArticleTarget, 'lawId'>, date: string): Resolved<Citation> {
  let first: Resolved<Citation> | undefined;
  let notYet: Resolved<Citation> | undefined;
  for (const lawId of lawIds) {
    const r = resolveOnDate(store, { ...target, lawId }, date);
    if (r.ok) return r;
    first ??= r;
    if (!notYet && r.kind === 'not-yet-in-force') notYet = r;
  }
  // parts of one code: name the code, not the part (《民法典·附则》 → 《民法典》)
  if (notYet) return lawIds.length > 1 && !notYet.ok ? { ...notYet, reason: notYet.reason.replace(/《([^》·]+)·[^》]+》/, '《$1》') } : notYet;
  if (lawIds.length > 1) {
    const law = store.law(lawIds[0]!);
    return unresolved('article-missing', `《${law ? law.title : lawIds[0]}》的各编中都没有${articleLabel(target.number, target.suffix)}`);
  }
  return first ?? unresolved('no-law-named', '没有可查的法规');
}

/**
 * A name that matches several parts of one code (民法典 → 总则, 物权编, 合同编 …): their ids, in
 * library order. Undefined when the name is not such a code.
 */
export function codeParts(store: LibraryStore, name: string): Law[] | undefined {
  const found = findLawsByTitle(store, name);
  if (found.length < 2 || !found.every((l) => l.subtitle)) return undefined;
  const titles = new Set(found.map((l) => normaliseTitle(l.title)));
  if (titles.size !== 1) return undefined;
  // in the code's order (总则 first), so a whole-code citation goes through its first part
  const place = codeIndex(store).byLaw;
  return [...found].sort((a, b) => (place.get(a.id)?.index ?? 0) - (place.get(b.id)?.index ?? 0));
}

/**
 * A level word that starts a word rather than standing for a place (市场, 市容, 省级 …): 《市场主体登记管理条例》 names no city.
 */
const NOT_A_PLACE = /^(?:省(?:级|际|市|内|外|份|属|委|直)|市(?:场|容|政|民|级|区|县|辖|内|外|属|委|直|值|价|面|镇))/;

/**
 * Whose place completes a title with its province or city left out. A record, an opinion or a draft is the office's text
 * (单位信息, `of: 'office'`); a law's own text is its maker's (`of: 'law'`, the citing version's region): 《省专利条例》 in a
 * 广东 regulation is 广东's, whatever office reads it. `region` is in the library's notation (山东·淄博·高青县, 广东·梅州).
 */
export interface PlaceOf {
  region: string;
  of: 'office' | 'law';
}

/** The office's place, when 单位信息 names one. */
export function officePlace(region: string | undefined): PlaceOf | undefined {
  return region?.trim() ? { region: region.trim(), of: 'office' } : undefined;
}

/** A law's place: its region, unless national (全国 names no province to complete with). */
export function lawPlace(region: string | undefined): PlaceOf | undefined {
  return region?.trim() && region.trim() !== '全国' ? { region: region.trim(), of: 'law' } : undefined;
}

/**
 * A title with its own province or city left out, as a county office writes its place's rules and a local law its own:
 * 《省专利条例》 is 《<the province>专利条例》, 《市物业管理条例》 the city's (a 直辖市's own when the place is in one), 《自治区…》
 * the autonomous region's; 本省 / 本市 / 本自治区 the same. Undefined when the name does not start so, or the region (the
 * library's notation, 山东·淄博·高青县) does not have that level.
 */
export function placeLeftOut(name: string, region: string | undefined): { name: string; level: '省' | '市' | '自治区' } | undefined {
  const start = /^本?(自治区|省|市)/.exec(name);
  const level = start?.[1] as '省' | '市' | '自治区' | undefined;
  if (!start || !level || !region) return undefined;
  const rest = name.slice(start[0].length);
  if (NOT_A_PLACE.test(level + rest)) return undefined;
  const division = divisionOf(region);
  if (!division) return undefined;
  const full = fullNames(division);
  const place =
    level === '市' ? (full.city?.endsWith('市') ? full.city : !division.city && full.province?.endsWith('市') ? full.province : undefined) : full.province?.endsWith(level) ? full.province : undefined;
  return place ? { name: place + rest, level } : undefined;
}

/** How a completed name is said (资料库中没有《广东省专利条例》（按单位所在省补全）). */
export function placeNote(level: '省' | '市' | '自治区', of: PlaceOf['of']): string {
  return `（按${of === 'office' ? '单位' : '本法规'}所在${level}补全）`;
}

/**
 * Finds one law from a name or id; prefers a national law when a title exists in several regions.
 * 'typed' (a person typing in a form) also accepts a unique part of a title; 'cited' (a title
 * written in a text) accepts only the title itself or its abbreviation. `place` (the office's or the citing law's) completes
 * a name with its province or city left out (placeLeftOut) when nothing answers to it as written.
 */
export function lawByName(store: LibraryStore, name: string, mode: 'typed' | 'cited' = 'typed', place?: PlaceOf): Resolved<Law> {
  const found = mode === 'cited' ? findLawsByTitle(store, name) : findLaws(store, name);
  if (found.length === 1) return { ok: true, value: found[0]! };
  if (found.length === 0) {
    // 《省专利条例》 in a county office's text: its own province's, when the library holds exactly that law
    const filled = place ? placeLeftOut(name.replace(/^《|》$/g, ''), place.region) : undefined;
    if (filled && place) {
      const r = lawByName(store, filled.name, mode);
      if (r.ok || r.kind !== 'law-missing') return r;
      return unresolved('law-missing', `资料库中没有《${filled.name}》${placeNote(filled.level, place.of)}`);
    }
    return unresolved('law-missing', `资料库中没有《${name.replace(/^《|》$/g, '')}》`);
  }
  const nq = titleKey(name);
  const exact = found.filter((l) => titleKey(l.title) === nq && !l.subtitle);
  const pool = exact.length ? exact : found;
  const national = pool.filter((l) => l.region === '全国');
  if (pool.length === 1) return { ok: true, value: pool[0]! };
  if (national.length === 1) return { ok: true, value: national[0]! };
  return unresolved('law-ambiguous', `“${name}”匹配到 ${found.length} 部法规（${found.slice(0, 4).map((l) => displayTitle(l)).join('、')}…），请写全称`);
}

/** {law, article, version?} as a person writes it → citation, on the record's date. */
export function resolveRef(store: LibraryStore, ref: CitationRef, date: string): Resolved<Citation> {
  if (!ref.article) return resolveWide(store, ref, date);
  const article = ref.article;
  const parts = codeParts(store, ref.law);
  if (parts && !ref.version) {
    const art = parseArticleRef(article);
    if (!art) return unresolved('article-missing', `看不懂条文号“${ref.article}”：请写 第十二条、12 或 12之一`);
    return resolveInAny(store, parts.map((l) => l.id), { ...art, ...(ref.paragraph ? { paragraph: ref.paragraph } : {}), ...(ref.item ? { item: ref.item } : {}) }, date);
  }
  const law = lawByName(store, ref.law);
  if (!law.ok) return law;
  const art = parseArticleRef(article);
  if (!art) return unresolved('article-missing', `看不懂条文号“${ref.article}”：请写 第十二条、12 或 12之一`);
  let versionId: string;
  if (ref.version) {
    const v = pickVersion(store, law.value, ref.version);
    if (!v) return unresolved('version-missing', `《${displayTitle(law.value)}》没有 ${ref.version} 的版本`);
    versionId = v.id;
  } else {
    const v = versionOnDate(store, law.value.id, date);
    if (!v.ok) return v;
    versionId = v.value.id;
  }
  return citeArticle(store, versionId, art.number, art.suffix, {
    ...(ref.paragraph ? { paragraph: ref.paragraph } : {}),
    ...(ref.item ? { item: ref.item } : {}),
  });
}

/** The version a reference means: pinned by ref.version, else the one in force on `date`. */
function refVersion(store: LibraryStore, law: Law, ref: CitationRef, date: string): Resolved<LawVersionMeta> {
  if (!ref.version) return versionOnDate(store, law.id, date);
  const v = pickVersion(store, law, ref.version);
  return v ? { ok: true, value: v } : unresolved('version-missing', `《${displayTitle(law)}》没有 ${ref.version} 的版本`);
}

/** {law} or {law, heading}: a whole law (a whole code through its first part) or one 编/章/节 of it. */
function resolveWide(store: LibraryStore, ref: CitationRef, date: string): Resolved<Citation> {
  const parts = codeParts(store, ref.law);
  if (parts) {
    if (!ref.heading) {
      const v = refVersion(store, parts[0]!, ref, date);
      return v.ok ? citeLaw(store, v.value.id, true) : v;
    }
    // 民法典 + 合同编: the part itself, cited whole; 民法典 + 第三编第一章: the part holding it
    const h = ref.heading.replace(/[\s\u3000]/g, '');
    const named = parts.find((l) => l.subtitle && (l.subtitle === h || l.subtitle.replace(/编$/, '') === h.replace(/编$/, '')));
    if (named) {
      const v = refVersion(store, named, ref, date);
      return v.ok ? citeLaw(store, v.value.id) : v;
    }
    let first: Resolved<Citation> | undefined;
    for (const part of parts) {
      const v = refVersion(store, part, ref, date);
      if (!v.ok) {
        first ??= v;
        continue;
      }
      const c = citeHeading(store, v.value.id, ref.heading);
      if (c.ok) return c;
      if (c.kind !== 'heading-missing') return c;
      first ??= c;
    }
    return unresolved('heading-missing', `《${normaliseTitle(parts[0]!.title)}》的各编中都没有“${ref.heading}”`);
  }
  const law = lawByName(store, ref.law);
  if (!law.ok) return law;
  const v = refVersion(store, law.value, ref, date);
  if (!v.ok) return v;
  return ref.heading ? citeHeading(store, v.value.id, ref.heading) : citeLaw(store, v.value.id);
}

function isFull(c: CitationInput): c is Citation {
  return 'versionId' in c && 'articleKey' in c;
}

/**
 * Any citation input → stored citation. A citation already kept by the record is kept as is, even
 * when its law has since been removed from the library: the snapshot is the record of what was
 * relied on. A new full citation must point at an article that exists; its snapshot is re-taken.
 */
export function resolveCitationInput(
  store: LibraryStore,
  c: CitationInput,
  date: string,
  kept: Map<string, Citation>,
): Resolved<Citation> {
  if (!isFull(c)) return resolveRef(store, c, date);
  const known = kept.get(citationKey(c));
  if (known && known.textHash === c.textHash) return { ok: true, value: known };
  const meta = store.version(c.versionId);
  if (!meta) return unresolved('library-gap', `资料库中没有版本 ${c.versionId}（${c.citation || c.label}）`);
  if (isWholeLawKey(c.articleKey)) {
    // the code's title was chosen when it was first cited: keep it (a part cited whole names its part)
    const asCode = !!meta.subtitle && !c.citation.includes(meta.subtitle);
    return citeLaw(store, c.versionId, asCode);
  }
  if (isHeadingKey(c.articleKey)) {
    const body = store.loadVersion(c.versionId);
    const h = headingByKey(body, c.articleKey);
    if (!h) return unresolved('heading-missing', `${versionName(meta)}的目录中没有 ${c.label}`);
    return { ok: true, value: headingCitation(meta, body, h) };
  }
  const unit = store.loadVersion(c.versionId).units.find((u) => u.key === c.articleKey);
  if (!unit) return unresolved('article-missing', `${versionName(meta)}没有条文 ${c.label}（${c.articleKey}）`);
  return citeArticle(store, c.versionId, unit.number, unit.suffix, {
    ...(c.paragraph ? { paragraph: c.paragraph } : {}),
    ...(c.item ? { item: c.item } : {}),
  });
}

export function citationKey(c: Pick<Citation, 'versionId' | 'articleKey'> & { paragraph?: number; item?: number }): string {
  return `${c.versionId}#${c.articleKey}#${c.paragraph ?? ''}#${c.item ?? ''}`;
}
