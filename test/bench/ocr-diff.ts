// How an OCR'd text differs from its source, for the OCR benches and tests: an LCS alignment of the characters.

import { parseLawText } from '../../electron/core/parse/law-structure-parser';

/** Offsets in `got` of characters that differ from `want` (a missing character marks its neighbour). */
export function lcsWrong(got: string, want: string): number[] {
  const a = [...got];
  const b = [...want];
  const dp = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) dp[i]![j] = a[i] === b[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
  const wrong: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (j < b.length && (i >= a.length || dp[i]![j + 1]! >= dp[i + 1]![j]!)) {
      wrong.push(Math.min(i, Math.max(0, a.length - 1))); // a missing character: its neighbour is what 核对 must look at
      j++;
    } else wrong.push(i++);
  }
  return [...new Set(wrong)];
}

/** The articles and sections of a text as the parser reads it (the source as Markdown, an OCR'd text as TXT). */
export const lawUnits = (t: string, format: 'md' | 'txt') => parseLawText(t, { format }).units.filter((u) => u.kind === 'article' || u.kind === 'section');

/** The share of the source's article characters read right: each article matched by its label, a lost one counted wrong whole. */
export function charactersRight(text: string, sourceMarkdown: string): number {
  const read = lawUnits(text, 'txt');
  let chars = 0;
  let wrong = 0;
  for (const u of lawUnits(sourceMarkdown, 'md')) {
    const g = read.find((x) => x.label === u.label);
    chars += u.text.length;
    wrong += g ? new Set(lcsWrong(g.text, u.text)).size : u.text.length;
  }
  return 1 - wrong / chars;
}
