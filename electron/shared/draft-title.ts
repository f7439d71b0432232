// A draft's title and the document it becomes: 《某某办法（送审稿）》, （草案）, （征求意见稿）, （修订草案） …
// name the same document as 《某某办法》. Used to keep a document from being its own 上位法, to give a
// draft imported into the library the 时效性 草案 (DRAFT_STATUS), and to tell an importer so.

import { DRAFT_STATUS, type Status } from './law-model';

/** What a draft mark says inside its brackets: …稿 (送审稿, 征求意见稿, 讨论稿) or …草案… (修订草案征求意见稿). */
const MARK_WORDS = '(?:[^（）()]{0,8}稿|[^（）()]{0,6}草案[^（）()]{0,6})';
/** The mark a draft's title ends with (（送审稿）, （草案）, （征求意见稿）, （修订草案征求意见稿） …). */
const DRAFT_MARK = new RegExp(`\\s*[（(]${MARK_WORDS}[）)]\\s*$`, 'u');
/**
 * A line that is a draft mark and nothing else, as set under a title (or above it, as a corner mark):
 * bracketed as in a title, or bare when it is one of the stage names — a bare "…稿" could be anything.
 */
const MARK_LINE = new RegExp(`^(?:[（(]${MARK_WORDS}[）)]|(?:修订|修正|修改)?草案(?:征求意见稿|送审稿|讨论稿|审议稿)?|(?:征求意见|送审|讨论|审议|草)稿)$`, 'u');

/** The title without its draft mark, and without the 《》 a form may keep around it. */
export function documentTitleOf(title: string): string {
  return title.trim().replace(/^《|》$/g, '').replace(DRAFT_MARK, '').trim();
}

/**
 * Whether the title says the document is a draft (ends with （送审稿）, （草案）, （征求意见稿） …). A change to
 * what it answers changes stored 时效性: raise STATUS_RULES (core/library/version-status.ts) with it.
 */
export function isDraftTitle(title: string): boolean {
  return DRAFT_MARK.test(title.trim().replace(/^《|》$/g, ''));
}

/** Whether a line of a document's head is only a draft mark: （征求意见稿）, 征求意见稿, (送审稿), 草案 … */
export function isDraftMarkLine(line: string): boolean {
  const l = line.replace(/[\s\u3000]+/g, '');
  return MARK_LINE.test(l);
}

/**
 * Whether a version is a drafted text, before its 时效性 is derived: a 时效性 a person set decides;
 * else the import's mark, or the title (a library imported before the mark existed has only that).
 */
export function isDraftVersion(v: { title?: string; draft?: boolean; statusOverride?: { status: Status } | undefined }): boolean {
  if (v.statusOverride) return v.statusOverride.status === DRAFT_STATUS;
  return v.draft === true || isDraftTitle(v.title ?? '');
}
