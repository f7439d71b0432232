// Which of two texts of the same law and the same day to keep (library-import.ts): a later file replaces the stored
// text only when it reads no worse, by one stated rule, so a PDF with wrapping faults or a copy that lost its chapters
// never replaces a clean .md. Both sides are measured from their articles alone (the stored version's parse warnings
// are not kept), so the rule judges the texts, not the files' formats.

import type { Article, TextSource } from '../../shared/law-model';
import { numberingFaults } from '../parse/law-structure-parser';

export interface TextQuality {
  /** An OCR text nobody has confirmed against the scan. */
  unverifiedOcr: boolean;
  /** Gaps, duplicates and out-of-order numbers of 第X条 (a line break before "第十条规定的…" starts a false article). */
  numberingFaults: number;
  articles: number;
  /** Distinct 编/章/节 headings over the articles. */
  headings: number;
  /** Paragraphs that stop in mid-sentence (end on a character, not on 。；：！？ or a closing mark): a wrap taken for a paragraph end. */
  brokenParagraphs: number;
}

// A paragraph of a law ends on a full stop, a semicolon (items), a colon (before items) or a closing mark; one that
// ends on a Han character, a comma or 、 was cut by a line wrap. (A table row ending on a number is not counted.)
const MID_SENTENCE_END = /[\p{Script=Han}，、]$/u;

/** The measures of a text, from its articles (a stored body's units come without paragraphs: the text is enough). */
export function textQuality(units: readonly Omit<Article, 'paragraphs'>[], source: { textSource: TextSource; verified?: boolean }): TextQuality {
  const headings = new Set<string>();
  let brokenParagraphs = 0;
  for (const u of units) {
    u.path.forEach((_, i) => headings.add(u.path.slice(0, i + 1).join('\u0000')));
    if (u.kind !== 'article' && u.kind !== 'section') continue;
    for (const p of u.text.split('\n')) if (MID_SENTENCE_END.test(p.trim())) brokenParagraphs++;
  }
  return {
    unverifiedOcr: source.textSource === 'ocr' && source.verified !== true,
    numberingFaults: numberingFaults(units),
    articles: units.filter((u) => u.kind === 'article').length,
    headings: headings.size,
    brokenParagraphs,
  };
}

/**
 * Why the next text reads worse than the stored one, or undefined when it may replace it. The rule, in order, the
 * first difference deciding: a text read from characters beats an unconfirmed OCR text; fewer numbering faults win;
 * more structure (条 and 章节 headings) wins; fewer paragraphs broken in mid-sentence win; all equal, the later file
 * replaces the stored one (a corrected copy of the same day is the usual reason to import it).
 */
export function poorerTextReason(next: TextQuality, stored: TextQuality): string | undefined {
  if (next.unverifiedOcr !== stored.unverifiedOcr) return next.unverifiedOcr ? '新文件是未核对的识别文本（OCR），已有版本是文字文本' : undefined;
  if (next.numberingFaults !== stored.numberingFaults) {
    return next.numberingFaults > stored.numberingFaults
      ? `新文件的条文编号问题更多（${next.numberingFaults} 处，已有版本 ${stored.numberingFaults} 处：编号重复、不连续或顺序颠倒）`
      : undefined;
  }
  const nextStructure = next.articles + next.headings;
  const storedStructure = stored.articles + stored.headings;
  if (nextStructure !== storedStructure) {
    return nextStructure < storedStructure
      ? `新文件的结构更少（${next.articles} 条、${next.headings} 个章节标题，已有版本 ${stored.articles} 条、${stored.headings} 个）`
      : undefined;
  }
  if (next.brokenParagraphs > stored.brokenParagraphs) {
    return `新文件断在句中的段落更多（${next.brokenParagraphs} 处，已有版本 ${stored.brokenParagraphs} 处，多为排版换行被当作分段）`;
  }
  return undefined;
}
