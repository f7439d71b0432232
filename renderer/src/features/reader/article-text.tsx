// The text of one article as the reader shows it: its label, paragraphs and items, with the
// find-in-law / search terms marked. Kept apart from the article's chrome (toolbar, 被引用 tag) so
// other renderings of the text (links to cited laws) plug in here, and so the long list of articles
// re-renders only the articles whose text or marks changed.

import { memo, type ReactNode } from 'react';
import type { ArticleDto, LinkRowDto } from '../../../../electron/shared/api-contract';
import { tableCells, tableLineKind, type TableLineKind } from '../../../../electron/shared/text-table';
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

/** How a paragraph's own line is drawn: a table's row, rule or marker only when it stands alone (no items). */
function kindOf(text: string, hasItems: boolean): TableLineKind {
  return hasItems ? 'text' : tableLineKind(text);
}

/** The pieces of a line that are shown (a row's cells; nothing of a rule or a marker), where marks are found. */
function shownParts(text: string, kind: TableLineKind): { text: string; start: number }[] {
  if (kind === 'row') return tableCells(text);
  return kind === 'text' ? [{ text, start: 0 }] : [];
}

/** How many marks the terms make in this article, counted as ArticleText renders them. */
export function countMarks(u: Unit, terms: readonly string[]): number {
  if (!terms.length) return 0;
  let n = 0;
  for (const p of u.paragraphs) {
    for (const part of shownParts(p.text, kindOf(p.text, p.items.length > 0))) n += markRanges(part.text, terms).length;
    for (const t of p.items) n += markRanges(t, terms).length;
  }
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
  kind: TableLineKind;
  /** A text line's content, or a row's cells. */
  node: ReactNode;
  cells?: ReactNode[];
}

const isTable = (l: Line) => l.kind !== 'text';

/** Consecutive table lines as one table; a rule under the first row makes that row the head. */
function TableLines({ lines }: { lines: Line[] }) {
  const rows = lines.filter((l) => l.kind === 'row');
  if (!rows.length) return null;
  const headed = lines.findIndex((l) => l.kind === 'row') + 1 === lines.findIndex((l) => l.kind === 'rule');
  const [head, ...body] = headed ? rows : [undefined, ...rows];
  return (
    <div className="reader-table-wrap">
      <table className="reader-table">
        {head && (
          <thead>
            <tr>
              {head.cells!.map((c, k) => (
                <th key={k}>{c}</th>
              ))}
            </tr>
          </thead>
        )}
        <tbody>
          {body.map((r) => (
            <tr key={r!.para}>
              {r!.cells!.map((c, k) => (
                <td key={k}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
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
    return fragment(text, start);
  };
  // A row's cells are marked and linked at their own offsets in the text; a rule or a marker is not shown.
  const tableLine = (text: string, kind: TableLineKind): ReactNode[] => {
    const start = offset;
    offset += text.length + 1;
    return shownParts(text, kind).map((c) => fragment(c.text, start + c.start));
  };
  const fragment = (text: string, start: number): ReactNode => {
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
    const kind = kindOf(p.text, p.items.length > 0);
    if (kind === 'text') lines.push({ para: i, item: -1, text: p.text, kind, node: line(p.text) });
    else lines.push({ para: i, item: -1, text: p.text, kind, node: null, cells: tableLine(p.text, kind) });
    p.items.forEach((it, j) => lines.push({ para: i, item: j, text: it, kind: 'text', node: line(it) }));
  });
  // The lines of one paragraph in a row (a paragraph cut by a piece boundary continues in the next).
  const paragraphs = (run: Line[]) => {
    const out: ReactNode[] = [];
    for (let k = 0; k < run.length; ) {
      if (isTable(run[k]!)) {
        const table: Line[] = [];
        while (k < run.length && isTable(run[k]!)) table.push(run[k++]!);
        if (table[0]!.para === 0) out.push(<span key="label" className="label">{unit.label}</span>);
        out.push(<TableLines key={`t${table[0]!.para}`} lines={table} />);
        continue;
      }
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
