// 款 and 项 of an article from its text. The text is the source of truth (one line per paragraph
// or item); paragraphs are derived so that bodies on disk and in the index stay small.

import type { Paragraph } from './law-model';

/** An item line: （一）… / (1)… */
export const ITEM_LINE = /^[（(][零〇一二两三四五六七八九十百0-9０-９]+[)）]/;

export function paragraphsFromText(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const last = out[out.length - 1];
    if (last && ITEM_LINE.test(line)) last.items.push(line);
    else out.push({ text: line, items: [] });
  }
  return out;
}

/** A unit with its paragraphs given back from its text (what version:get leaves out of each unit). */
export function withParagraphs<U extends { text: string }>(u: U): U & { paragraphs: Paragraph[] } {
  return { ...u, paragraphs: paragraphsFromText(u.text) };
}
