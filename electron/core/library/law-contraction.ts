// Shortened law names that no table lists: officials write 科技进步法 for 科学技术进步法, 科普法 for
// 科学技术普及法, 山东省科技进步条例 for 山东省科学技术进步条例 — the title with characters left out,
// the rest in order, the same first character and the same kind of document at the end. The
// abbreviation table (law-abbreviations.ts) keeps the forms this rule cannot tell apart.
//
// What the rule must never do is take one real law for another: 劳动法 is written exactly like a
// contraction of 劳动合同法, and 行政诉讼法 of 行政诉讼法实施条例's law. So a name that is itself the
// title of a law — one in the library (matched exactly before this runs) or one of the corpus
// titles that are contractions of other titles (law-contraction-guard.ts, generated) — is never
// read as a contraction, and a contraction that fits two laws names neither.

import { CONTRACTION_GUARD } from './law-contraction-guard';

/** The kind of document a title names, by its ending (办法 before 法: 管理办法 is no 法). */
const KIND = /(法典|实施细则|细则|条例|规定|办法|规则|决定|规程|法)$/;

/** A title's kind ending, or undefined when it names no law-like document. */
export function lawKind(key: string): string | undefined {
  return KIND.exec(key)?.[1];
}

/**
 * Whether `short` is `full` with characters left out (both titleKey'd): the same kind ending, the
 * same first character (a leading 促进 of `full` may go too: 科技成果转化法), the rest a
 * subsequence, at least three characters and not under 40 % of the title.
 */
export function isContraction(short: string, full: string): boolean {
  if (short.length < 3 || short.length >= full.length || short.length * 5 < full.length * 2) return false;
  const kind = lawKind(short);
  if (!kind || lawKind(full) !== kind) return false;
  if (/[《》〈〉]/.test(full)) return false; // 北京市实施《节约能源法》办法 is cited by its whole name
  const starts = [full];
  if (full.startsWith('促进')) starts.push(full.slice(2));
  return starts.some((f) => f[0] === short[0] && subsequence(short.slice(1, -kind.length), f.slice(1, -kind.length)));
}

function subsequence(needle: string, hay: string): boolean {
  let j = 0;
  for (let i = 0; i < hay.length && j < needle.length; i++) if (hay[i] === needle[j]) j++;
  return j === needle.length;
}

/** A name that is a real law's title, never read as another's contraction. */
export function guardedName(key: string): boolean {
  return CONTRACTION_GUARD.has(key);
}
