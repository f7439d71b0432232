// A 款 or 项 of an article, as a citation carries it (a record's citation, a pre-check finding's
// basis) and as an opinion names and quotes it: 第九十三条第六款 quotes that 款 alone, 第九条第（二）项
// the lead-in of its 款 and that item. The article's text stays the snapshot; only the quote narrows.
// Pure: no node:, DOM or electron.

import { z } from 'zod';
import { toChineseNumber } from './chinese-number';
import { paragraphsFromText } from './law-text';

/** A 款 or 项 number: 1-based, as the article's text counts them. */
export const partNumberSchema = z.number().int().positive().max(999);

/** The fields a citation of part of an article adds (absent: the whole article). */
export const articlePartShape = {
  paragraph: partNumberSchema.optional(), // 款
  item: partNumberSchema.optional(), // 项
};

export interface ArticlePart {
  paragraph?: number | undefined;
  item?: number | undefined;
}

/** 第六款, 第（二）项, 第一款第（三）项 — '' for the whole article. */
export function partLabel(p: ArticlePart): string {
  return `${p.paragraph ? `第${toChineseNumber(p.paragraph)}款` : ''}${p.item ? `第（${toChineseNumber(p.item)}）项` : ''}`;
}

/** The part's numbers only, for a spread into an object (no key set to undefined). */
export function partOf(p: ArticlePart): ArticlePart {
  return { ...(p.paragraph ? { paragraph: p.paragraph } : {}), ...(p.item ? { item: p.item } : {}) };
}

function isItem(line: string, n: number): boolean {
  const t = line.trim();
  return [`（${toChineseNumber(n)}）`, `(${toChineseNumber(n)})`, `（${n}）`, `(${n})`].some((m) => t.startsWith(m));
}

/**
 * The lines quoting the cited part of an article's text: a 款 with its items; a 项 with the lead-in of
 * its 款 (地方政府规章可以就下列事项作出规定：), which the item does not read without. Undefined when the
 * text has no such part (an article whose items are numbered 一、 or 1.): the caller quotes the article.
 */
export function partLines(text: string, p: ArticlePart): string[] | undefined {
  if (!p.paragraph && !p.item) return undefined;
  const paragraphs = paragraphsFromText(text);
  const within = p.paragraph ? paragraphs.slice(p.paragraph - 1, p.paragraph) : paragraphs;
  if (!within.length) return undefined;
  if (!p.item) return [within[0]!.text, ...within[0]!.items].map((l) => l.trim());
  for (const para of within) {
    const item = para.items.find((l) => isItem(l, p.item!));
    if (item) return [para.text.trim(), item.trim()];
  }
  return undefined;
}
