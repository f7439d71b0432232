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

/** The lines of an article's text in reading order (each paragraph, then its items). */
function linesOf(u: Unit): string[] {
  const out: string[] = [];
  for (const p of u.paragraphs) out.push(p.text, ...p.items);
  return out;
}

/** How many marks the terms make in this article, counted as ArticleText renders them. */
export function countMarks(u: Unit, terms: readonly string[]): number {
  if (!terms.length) return 0;
  let n = 0;
  for (const t of linesOf(u)) n += markRanges(t, terms).length;
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

/** An article longer than this is rendered in pieces (a long 附件, a guide in one 条, a table of 400 lines). */
export const LONG_ARTICLE_CHARS = 2400;
/** About a screenful of text at the reader's default size: the size of one piece. */
const PIECE_CHARS = 1200;

/** Screen lines a line of text takes in the reader's column (about 860 px wide), roughly. */
export function screenLines(chars: number, fontSize: number): number {
  return Math.ceil((chars + 4) / Math.max(10, Math.floor(860 / fontSize)));
}

/** The height of `lines` screen lines of the reader's text (line-height 1.9). */
export function linesHeight(lines: number, fontSize: number): number {
  return Math.round(Math.max(1, lines) * fontSize * 1.9);
}

interface Line {
  para: number;
  /** -1: the paragraph's own line; else the index of the item. */
  item: number;
  text: string;
  node: ReactNode;
}

/**
 * Consecutive lines grouped into pieces of about PIECE_CHARS characters. Each piece skips style,
 * layout and paint while off-screen (content-visibility, with its estimated height), so opening an
 * article of many thousand characters lays out the screenful in view, not the whole article; every
 * line is still in the page, for the find box's marks, anchors and the browser's own Ctrl+F.
 */
function inPieces(lines: Line[]): Line[][] {
  const out: Line[][] = [];
  let piece: Line[] = [];
  let chars = 0;
  for (const l of lines) {
    piece.push(l);
    chars += l.text.length;
    if (chars >= PIECE_CHARS) {
      out.push(piece);
      piece = [];
      chars = 0;
    }
  }
  if (piece.length) out.push(piece);
  return out;
}

/**
 * One article's text. `currentMark` is the index (within this article) of the occurrence the
 * find box is on, -1 for none; it is drawn distinctly so Enter / Shift+Enter show where they went.
 */
export const ArticleText = memo(function ArticleText({
  unit,
  terms,
  currentMark,
  links,
  fontSize,
}: {
  unit: Unit;
  terms: readonly string[];
  currentMark: number;
  links?: readonly LinkRowDto[] | undefined;
  fontSize: number;
}) {
  let seen = 0;
  let offset = 0; // where the current line starts in the article's text (lines joined by \n)
  const line = (text: string): ReactNode => {
    const start = offset;
    offset += text.length + 1;
    if (!links?.length) {
      const m = marked(text, terms, seen, currentMark);
      seen += m.count;
      return m.node;
    }
    return segmentsOf(text, start, links).map((sg, k) => {
      const m = marked(sg.text, terms, seen, currentMark);
      seen += m.count;
      return sg.link ? <CitationLink key={k} link={sg.link}>{m.node}</CitationLink> : <span key={k}>{m.node}</span>;
    });
  };
  const lines: Line[] = [];
  unit.paragraphs.forEach((p, i) => {
    lines.push({ para: i, item: -1, text: p.text, node: line(p.text) });
    p.items.forEach((it, j) => lines.push({ para: i, item: j, text: it, node: line(it) }));
  });
  // The lines of one paragraph in a row (a paragraph cut by a piece boundary continues in the next).
  const paragraphs = (run: Line[]) => {
    const out: ReactNode[] = [];
    for (let k = 0; k < run.length; ) {
      const para = run[k]!.para;
      const own: Line[] = [];
      while (k < run.length && run[k]!.para === para) own.push(run[k++]!);
      const head = own[0]!.item < 0 ? own[0] : undefined;
      out.push(
        <div key={`${para}.${own[0]!.item}`} className="reader-para" style={{ textIndent: unit.kind === 'article' && para > 0 ? '2em' : undefined }}>
          {head && para === 0 && <span className="label">{unit.label}</span>}
          {head?.node}
          {own
            .filter((l) => l.item >= 0)
            .map((l) => (
              <div className="reader-item" key={l.item}>
                {l.node}
              </div>
            ))}
        </div>,
      );
    }
    return out;
  };
  if (unit.text.length <= LONG_ARTICLE_CHARS) return <>{paragraphs(lines)}</>;
  return (
    <>
      {inPieces(lines).map((run, k) => (
        <div key={k} className="reader-piece" style={{ containIntrinsicSize: `auto ${linesHeight(run.reduce((n, l) => n + screenLines(l.text.length, fontSize), 0), fontSize)}px` }}>
          {paragraphs(run)}
        </div>
      ))}
    </>
  );
});
