// Article-by-article comparison of an extraction with the Markdown source it was made from.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseLawText } from '../../../electron/core/parse/law-structure-parser';

export const FIXTURES = join(import.meta.dirname, '../../fixtures/documents');

export interface ArticleMatch {
  expected: number;
  got: number;
  matched: number;
  rate: number;
  mismatches: { label: string; expected: string; got: string | undefined }[];
}

/** Units that carry numbered text: articles, or 一、二、 sections in documents without articles. */
function numbered(text: string, format: 'md' | 'txt') {
  return parseLawText(text, { format }).units.filter((u) => u.kind === 'article' || u.kind === 'section');
}

export function matchArticles(sourceName: string, extracted: string): ArticleMatch {
  const source = readFileSync(join(FIXTURES, 'sources', sourceName), 'utf8');
  const want = numbered(source, 'md');
  const got = numbered(extracted, 'txt');
  const byLabel = new Map(got.map((u) => [u.label, u.text]));
  const mismatches: ArticleMatch['mismatches'] = [];
  let matched = 0;
  for (const u of want) {
    const g = byLabel.get(u.label);
    if (g === u.text) matched++;
    else mismatches.push({ label: u.label, expected: u.text, got: g });
  }
  return { expected: want.length, got: got.length, matched, rate: want.length ? matched / want.length : 0, mismatches };
}

/** The real laws the suite carries: the document fixtures' sources and test/fixtures/laws. */
export function fixtureLaws(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith('.md')) out.push(p);
    }
  };
  walk(join(FIXTURES, 'sources'));
  walk(join(FIXTURES, '../laws'));
  return out.sort();
}
