// Whether a version stored before session 26 is a drafted text its title does not name: LawDesk then
// read no mark line (（征求意见稿）, 送审稿 … on a line of its own), so the parser of that time kept the mark
// in the text — at the head of the body's 前言 when it stood under the title, as the title itself when it
// stood above it — and the version was stored 现行有效, with no `draft`. Read once, where such versions
// come in: a library of catalog schema 1 when it is opened, a bundle of format 2 or older when imported.
// The same test as the importer's (isDraftMarkLine), on what that parser left.

import { isDraftMarkLine } from '../../shared/draft-title';

/** The head of a 前言 that can hold mark lines: lines up to the first sentence (a real 序言 starts with one). */
const HEAD_LINES = 8;
const SENTENCE_END = /[。；;！？]$/;

export function draftMarkedInTextV1(v: { title: string; subtitle?: string | undefined }, units: readonly { kind: string; text: string }[]): boolean {
  if (isDraftMarkLine(v.title) || (v.subtitle !== undefined && isDraftMarkLine(v.subtitle))) return true;
  const first = units[0];
  if (!first || first.kind !== 'preamble') return false;
  let read = 0;
  for (const raw of first.text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    if (isDraftMarkLine(line)) return true;
    if (SENTENCE_END.test(line) || ++read >= HEAD_LINES) return false;
  }
  return false;
}
