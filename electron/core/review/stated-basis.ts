// The higher-law basis a draft's article states for what it sets (依照《中华人民共和国行政处罚法》
// 第十六条…处以罚款), resolved against the library on the review date. A rule finding is lowered
// only when a stated basis is a real article (or, cited without an article, a real law) that speaks
// of the matter the rule caught: a made-up title, an article the law lacks, or a law about
// something else lowers nothing and the finding says so. "依照有关法律、法规的规定" names no law:
// it is a referral, read as before (lowered, with a hint to check it).

import type { LibraryStore } from '../library/library-store';
import { lawByName, codeParts, officePlace, resolveRef, versionOnDate } from '../records/citation-resolve';
import { NUMERAL_CHARS } from '../text/chinese-numerals';

const N = `[${NUMERAL_CHARS}]+`;
const EXPLICIT = new RegExp(`(?:依照|依据|按照|根据|适用)《([^》]{2,60})》((?:第${N}条(?:之${N})?)?)((?:第${N}款)?)`, 'gu');
const GENERIC = /(?:依照|依据|按照)(?:有关|相关)?(?:法律|行政法规|法规|规章)|法律、(?:行政)?法规(?:另有)?规定|依法(?:予以|给予|处理|处罚|追究)/u;

export interface StatedBasis {
  /** As the draft writes it: 《行政处罚法》第十六条. */
  written: string;
  start: number;
  end: number;
  /** Resolved on the review date: the article (or the whole law's) citation and text. */
  citation?: string;
  text?: string;
  /** Why it did not resolve. */
  problem?: string;
  /** The library lacks the law (the adviser may import it), as against an article the law lacks. */
  lawMissing?: boolean;
}

export interface ArticleBases {
  explicit: StatedBasis[];
  /** Only a referral to 有关法律、法规 (no title). */
  generic: boolean;
}

const ARTICLE_NUMBER = /^第(.+?)条/u;

/** Every 依照《…》(第X条) of an article, each resolved on `asOf`; 《省…条例》 as the office's province's (`officeRegion`). */
export function statedBases(store: LibraryStore, text: string, asOf: string, officeRegion?: string): ArticleBases {
  const explicit: StatedBasis[] = [];
  for (const m of text.matchAll(EXPLICIT)) {
    const title = m[1]!.replaceAll('〈', '《').replaceAll('〉', '》');
    const article = m[2] || undefined;
    const written = `《${m[1]}》${m[2] ?? ''}${m[3] ?? ''}`;
    const start = m.index + m[0].indexOf('《');
    explicit.push({ written, start, end: m.index + m[0].length, ...resolveOne(store, title, article, asOf, officeRegion) });
  }
  return { explicit, generic: GENERIC.test(text) };
}

function resolveOne(store: LibraryStore, title: string, article: string | undefined, asOf: string, officeRegion?: string): Omit<StatedBasis, 'written' | 'start' | 'end'> {
  const parts = codeParts(store, title);
  const law = parts ? undefined : lawByName(store, title, 'cited', officePlace(officeRegion));
  if (law && !law.ok) return { problem: law.reason, lawMissing: law.kind === 'law-missing' };
  if (article && ARTICLE_NUMBER.test(article)) {
    const c = resolveRef(store, { law: law?.ok ? law.value.id : title, article }, asOf);
    return c.ok ? { citation: c.value.citation, text: c.value.textSnapshot } : { problem: c.reason };
  }
  const lawId = law?.ok ? law.value.id : parts?.[0]?.id;
  if (!lawId) return { problem: `资料库中没有《${title}》`, lawMissing: true };
  const v = versionOnDate(store, lawId, asOf);
  if (!v.ok) return { problem: v.reason };
  if (v.value.expired || v.value.status === '已废止') return { problem: `《${v.value.title}》已废止` };
  // A whole law cited: what it says anywhere counts (its 法律责任 chapter authorises the fines);
  // a code kept as parts is read through all of them.
  const versionIds = parts ? parts.map((p) => versionOnDate(store, p.id, asOf)).flatMap((x) => (x.ok ? [x.value.id] : [])) : [v.value.id];
  const lawText = versionIds.map((id) => store.loadVersion(id).units.map((u) => u.text).join('\n')).join('\n');
  return { citation: `《${v.value.title}》`, text: lawText };
}

export type BasisVerdict =
  | { kind: 'supports'; basis: StatedBasis }
  | { kind: 'generic' }
  | { kind: 'unresolved'; bases: StatedBasis[] }
  | { kind: 'silent'; bases: StatedBasis[]; term: string };

/**
 * What the bases stated in a sentence (first) or its article say about a finding whose trigger is
 * `trigger`: `terms` are the rule's basisMustMention patterns; a pattern matching the trigger must
 * also match the basis's text (a basis for 罚款 must speak of 罚款).
 */
export function judgeBasis(article: ArticleBases, sentence: { start: number; end: number }, trigger: string, terms: readonly RegExp[]): BasisVerdict | undefined {
  const own = article.explicit.filter((b) => b.start >= sentence.start && b.start < sentence.end);
  const pool = own.length ? own : article.explicit;
  if (!pool.length) return article.generic ? { kind: 'generic' } : undefined;
  const needed = terms.filter((t) => t.test(trigger));
  const resolved = pool.filter((b) => b.text !== undefined);
  const supporting = resolved.find((b) => needed.every((t) => t.test(b.text!)));
  if (supporting) return { kind: 'supports', basis: supporting };
  if (resolved.length) return { kind: 'silent', bases: resolved, term: trigger.match(needed[0]!)?.[0] ?? trigger };
  return { kind: 'unresolved', bases: pool };
}
