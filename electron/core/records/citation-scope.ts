// Citations wider than an article: a 编/章/节 (a heading of the law's outline) or the whole law.
// Their keys cannot collide with unit keys (12, 12-1, s3, preamble, appendix1): a whole law is
// WHOLE_LAW_KEY, a heading is h: + its numbered path (h:第二分编/第九章), which stays the same
// across versions as long as the outline does — so flags and cited-by follow a heading by key.

import { HEADING_KEY_PREFIX, WHOLE_LAW_KEY } from '../../shared/record-schema';
import type { Article, LawVersion } from '../../shared/law-model';
import { NUMERAL_CHARS, articleLabel } from '../text/chinese-numerals';
import { sha256 } from '../library/law-identity';

export { HEADING_KEY_PREFIX, WHOLE_LAW_KEY };

const NUMBERED = new RegExp(`^第[${NUMERAL_CHARS}]+(?:分编|编|章|节)`);
const PART_OF_INPUT = new RegExp(`第[${NUMERAL_CHARS}]+(?:分编|编|章|节)`, 'g');

export function isWholeLawKey(key: string): boolean {
  return key === WHOLE_LAW_KEY;
}
export function isHeadingKey(key: string): boolean {
  return key.startsWith(HEADING_KEY_PREFIX);
}

/** 第二章  行政许可的设定 → 第二章; an unnumbered heading stays as written (spaces folded). */
function headingNumber(h: string): string {
  const t = h.replace(/[\s\u3000]+/g, ' ').trim();
  return NUMBERED.exec(t)?.[0] ?? t;
}

export function headingKeyOf(path: readonly string[]): string {
  return HEADING_KEY_PREFIX + path.map(headingNumber).join('/');
}

export interface HeadingScope {
  key: string;
  /** The heading as written, spaces folded: 第二章 行政许可的设定. */
  label: string;
  /** What a citation names after the title: 第二章, 第四章第四节 (or the heading itself when it has no number). */
  number: string;
  articles: Article[];
}

/** Every heading of a version's outline, in order, with the articles under it. */
export function headingsOf(body: Pick<LawVersion, 'units'>): HeadingScope[] {
  const byKey = new Map<string, HeadingScope>();
  for (const u of body.units) {
    for (let depth = 1; depth <= u.path.length; depth++) {
      const path = u.path.slice(0, depth);
      if (!path.at(-1)?.trim()) continue; // a '##' with no text (附则 of 民法典) is not a heading to cite
      const key = headingKeyOf(path);
      let h = byKey.get(key);
      if (!h) {
        const last = path.at(-1)!;
        // a 节 is named with its 章 (第四章第四节): 第四节 alone is ambiguous in most laws
        h = { key, label: last.replace(/[\s\u3000]+/g, ' ').trim(), number: path.map(headingNumber).join(''), articles: [] };
        byKey.set(key, h);
      }
      if (u.kind === 'article') h.articles.push(u);
    }
  }
  return [...byKey.values()];
}

export function headingByKey(body: Pick<LawVersion, 'units'>, key: string): HeadingScope | undefined {
  return headingsOf(body).find((h) => h.key === key);
}

/**
 * The headings matching what a person wrote: 第二章, 第三编第一章 (the numbers must follow each
 * other in the outline, ending at the last one written), or words of a heading's name (行政许可的设定).
 */
export function findHeadings(body: Pick<LawVersion, 'units'>, written: string): HeadingScope[] {
  const w = written.replace(/[\s\u3000]+/g, '');
  const numbers = w.match(PART_OF_INPUT) ?? [];
  const all = headingsOf(body);
  if (numbers.length && numbers.join('') === w) {
    const tail = numbers.join('/');
    return all.filter((h) => {
      const path = h.key.slice(HEADING_KEY_PREFIX.length);
      return path === tail || path.endsWith('/' + tail);
    });
  }
  return all.filter((h) => h.label.replace(/\s/g, '').includes(w));
}

/** 第二章 行政许可的设定（第十一条至第二十一条）: what a heading citation keeps as its snapshot. */
export function headingSnapshot(h: HeadingScope): string {
  const first = h.articles[0];
  const last = h.articles.at(-1);
  if (!first || !last) return h.label;
  const range = first === last ? first.label : `${first.label}至${last.label}`;
  return `${h.label}（${range}）`;
}

/** The hash that tells whether a heading's articles still read the same. */
export function headingHash(h: HeadingScope): string {
  return sha256(h.articles.map((a) => `${a.label}\n${a.text}`).join('\n'));
}

/** A whole law's snapshot: its top-level outline and article count, capped. */
export function lawOutline(body: Pick<LawVersion, 'units'>, max = 2000): string {
  const top: string[] = [];
  for (const u of body.units) {
    const h = u.path[0]?.replace(/[\s\u3000]+/g, ' ').trim();
    if (h && top.at(-1) !== h) top.push(h);
  }
  const articles = body.units.filter((u) => u.kind === 'article');
  const last = articles.at(-1);
  const count = last ? `共${articles.length}条（至${articleLabel(last.number, last.suffix)}）` : `共${body.units.length}个部分`;
  return [...top, count].join('\n').slice(0, max);
}
