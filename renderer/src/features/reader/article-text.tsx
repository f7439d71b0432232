// The text of one article as the reader shows it: its label, paragraphs and items, with the
// find-in-law / search terms marked. Kept apart from the article's chrome (toolbar, 被引用 tag) so
// other renderings of the text (links to cited laws) plug in here, and so the long list of articles
// re-renders only the articles whose text or marks changed.

import { memo, type ReactNode } from 'react';
import type { ArticleDto, LinkRowDto } from '../../../../electron/shared/api-contract';
import { CitationLink, segmentsOf } from './LinkedText';

export type Unit = ArticleDto;

/** Non-overlapping, sorted ranges of every case-insensitive occurrence of the terms. */
export function markRanges(text: string, terms: readonly string[]): [number, number][] {
  if (!terms.length) return [];
  const lower = text.toLowerCase();
  const all: [number, number][] = [];
  for (const t of terms) {
    const term = t.toLowerCase();
    if (!term) continue;
    for (let i = lower.indexOf(term); i >= 0; i = lower.indexOf(term, i + term.length)) all.push([i, i + term.length]);
  }
  all.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: [number, number][] = [];
  let at = 0;
  for (const r of all) {
    if (r[0] < at) continue;
    out.push(r);
    at = r[1];
  }
  return out;
}

/** The pieces of an article's text in reading order (each paragraph, then its items). */
function pieces(u: Unit): string[] {
  const out: string[] = [];
  for (const p of u.paragraphs) out.push(p.text, ...p.items);
  return out;
}

/** How many marks the terms make in this article, counted as ArticleText renders them. */
export function countMarks(u: Unit, terms: readonly string[]): number {
  if (!terms.length) return 0;
  let n = 0;
  for (const t of pieces(u)) n += markRanges(t, terms).length;
  return n;
}

function marked(text: string, terms: readonly string[], first: number, current: number): { node: ReactNode; count: number } {
  const ranges = markRanges(text, terms);
  if (!ranges.length) return { node: text, count: 0 };
  const out: ReactNode[] = [];
  let at = 0;
  ranges.forEach(([s, e], i) => {
    if (s > at) out.push(text.slice(at, s));
    const isCurrent = first + i === current;
    out.push(
      <mark key={i} className={isCurrent ? 'current' : undefined} data-current={isCurrent ? '' : undefined}>
        {text.slice(s, e)}
      </mark>,
    );
    at = e;
  });
  out.push(text.slice(at));
  return { node: out, count: ranges.length };
}

/**
 * One article's text. `currentMark` is the index (within this article) of the occurrence the
 * find box is on, -1 for none; it is drawn distinctly so Enter / Shift+Enter show where they went.
 */
export const ArticleText = memo(function ArticleText({ unit, terms, currentMark, links }: { unit: Unit; terms: readonly string[]; currentMark: number; links?: readonly LinkRowDto[] | undefined }) {
  let seen = 0;
  let offset = 0; // where the current line starts in the article's text (lines joined by \n)
  const line = (text: string) => {
    const start = offset;
    offset += text.length + 1;
    if (!links?.length) return marked(text, terms, seen, currentMark);
    let count = 0;
    const node = segmentsOf(text, start, links).map((sg, k) => {
      const m = marked(sg.text, terms, seen + count, currentMark);
      count += m.count;
      return sg.link ? <CitationLink key={k} link={sg.link}>{m.node}</CitationLink> : <span key={k}>{m.node}</span>;
    });
    return { node, count };
  };
  return (
    <>
      {unit.paragraphs.map((p, i) => {
        const head = line(p.text);
        seen += head.count;
        const items = p.items.map((it, j) => {
          const m = line(it);
          seen += m.count;
          return (
            <div className="reader-item" key={j}>
              {m.node}
            </div>
          );
        });
        return (
          <div key={i} className="reader-para" style={{ textIndent: unit.kind === 'article' && i > 0 ? '2em' : undefined }}>
            {i === 0 && <span className="label">{unit.label}</span>}
            {head.node}
            {items}
          </div>
        );
      })}
    </>
  );
});
