// The 审查依据 of the 意见书: every law article and document provision the opinion rests on — the
// record's citations and the bases of the accepted findings — one line per law or document with its
// articles, laws before documents by 效力级别 (then in the order first cited). A law the library holds
// is named in the version the citation is anchored to; a document it lacks by its title and 文号 as the
// finding states them (the quote the finding carries stays in the finding, not in the list).

import { LEVELS, type Level } from '../../shared/law-model';
import type { Basis } from '../../shared/review-workbench';
import type { Citation } from '../records/record-types';
import { guessLevel, guessRegion } from '../library/level-and-region';
import { NUMERAL_CHARS, parseChineseNumber } from '../text/chinese-numerals';
import { own } from '../util/own-key';

/** 《title》 and the version or 文号 in （）, then the article part. */
const HEAD = /^(《[^》]+》(?:（[^）]*）)?)([\s\S]*)$/;
const DOC_NO = /〔\d{4}〕\d+号/;

interface Group {
  head: string;
  rank: number;
  first: number;
  articles: string[];
}

function levelOf(head: string, lawId: string | undefined, levels: Record<string, Level>): Level {
  const known = lawId ? own(levels, lawId) : undefined;
  if (known) return known;
  if (DOC_NO.test(head)) return '规范性文件';
  const title = head.replace(/（[^）]*）$/, '').replace(/[《》]/g, '');
  return guessLevel(title, guessRegion(title));
}

export function basisLines(citations: Pick<Citation, 'lawId' | 'versionId' | 'citation'>[], bases: Basis[], levels: Record<string, Level> = {}): string[] {
  const groups = new Map<string, Group>();
  const byVersion = new Map<string, Group>();
  const add = (citation: string, lawId?: string, versionId?: string) => {
    // The finding's quote or 要点 of a document the library lacks is not part of its name.
    const text = citation.replace(/：“[\s\S]*$/, '').replace(/（要点：[\s\S]*$/, '').trim();
    const m = HEAD.exec(text);
    if (!m) return;
    const [, head, article] = m as unknown as [string, string, string];
    // One line per law as the reader sees it: the same version however its title is written, and the
    // same title even when the library holds it as parts (民法典 总则编 and 合同编 imported apart).
    let g = (versionId ? byVersion.get(versionId) : undefined) ?? groups.get(head);
    if (!g) {
      g = { head, rank: LEVELS.indexOf(levelOf(head, lawId, levels)), first: groups.size, articles: [] };
      groups.set(head, g);
    }
    if (versionId) byVersion.set(versionId, g);
    if (article.trim() && !g.articles.includes(article.trim())) g.articles.push(article.trim());
  };
  for (const c of citations) add(c.citation, c.lawId, c.versionId);
  for (const b of bases) add(b.citation, b.lawId, b.versionId);
  return [...groups.values()]
    .sort((a, b) => a.rank - b.rank || a.first - b.first)
    .map((g) => {
      // 第六十二条 covers 第六十二条第二款 (not 第六十二条之一): an article listed whole is not listed again by its 款.
      const arts = g.articles.filter((a) => !g.articles.some((o) => o !== a && a.startsWith(o) && a.slice(o.length).startsWith('第')));
      return `${g.head}${sortArticles(arts).join('、')}`;
    });
}

/** 第一百二十三条 → 123, 第十条之一 → 10.001 (the order of a law's articles). */
function articleNumber(a: string): number | undefined {
  const m = new RegExp(`^第([${NUMERAL_CHARS}]+)条(?:之([${NUMERAL_CHARS}]+))?`).exec(a);
  // 第十条之一 comes after 第十条 and before 第十一条.
  return m ? parseChineseNumber(m[1]!) + (m[2] ? parseChineseNumber(m[2]) / 1000 : 0) : undefined;
}

/** 二、（三） → 2003, 一、 → 1000: the order of a document's numbered parts (a notice's 一、 and its （一）). */
function partNumber(a: string): number | undefined {
  const m = new RegExp(`^([${NUMERAL_CHARS}]+)、(?:[（(]([${NUMERAL_CHARS}]+)[）)])?`).exec(a);
  return m ? parseChineseNumber(m[1]!) * 1000 + (m[2] ? parseChineseNumber(m[2]) : 0) : undefined;
}

/**
 * Articles in their law's order, a document's parts (二、（三）) in the document's; anything else, or an article beside a
 * part, keeps the order first cited.
 */
export function sortArticles(arts: string[]): string[] {
  return arts
    .map((a, i) => {
      const n = articleNumber(a);
      return { a, i, n: n ?? partNumber(a), kind: n !== undefined ? 'article' : 'part' };
    })
    .sort((x, y) => (x.n !== undefined && y.n !== undefined && x.kind === y.kind ? x.n - y.n || x.i - y.i : x.i - y.i))
    .map((x) => x.a);
}
