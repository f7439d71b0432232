// A fixed-layout page's footnotes (PDF text layer, OFD): the raised mark a writer sets after a word
// of the body, and the note it calls at the foot of the same page, opening with the same mark. Both
// are kept apart from the body, as the Word and HTML readers keep notes apart. A mark is only taken
// for a note's when its note is there: a raised number with no note under it (m², 10³) stays text.

import { ARTICLE_START_RE, HEADING_START_RE } from './plain-law-text';
import { isPageNumberLine, type PositionedText, type TextLine } from './text-layout';

/** The marks writers number notes with: 1–999, ①–⑳, *, **, †, ‡, [1], (1), （1）. */
const NOTE_MARK = String.raw`[0-9]{1,3}|[\u2460-\u2473]|\*{1,3}|[†‡]|\[[0-9]{1,3}\]|[（(][0-9]{1,3}[)）]`;
const NOTE_MARK_RE = new RegExp(`^(?:${NOTE_MARK})$`);
/** A note's first run when the writer set the mark and the note's first words as one run ("1 本法…"). */
const NOTE_START_RE = new RegExp(`^(${NOTE_MARK})[\\s\\u3000]+\\S`);
/** More marks than this on a page is no page of notes (a hostile file, a table of small numbers): left as it is. */
const MAX_MARKS = 100;
/** A block of notes taller than this is taken for body text (a false note would cost the body its lines). */
const MAX_NOTE_LINES = 20;

export interface PageNote {
  /** The note's text, its mark first ("1 本法已被修改…"). */
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

const inked = (t: PositionedText) => t.str.trim() !== '';
const lineText = (line: readonly PositionedText[]) =>
  [...line]
    .sort((a, b) => a.x - b.x)
    .map((t) => t.str)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();

/** The size most of the page's characters are set in. */
function bodySize(items: readonly PositionedText[]): number {
  const bySize = new Map<number, number>();
  for (const t of items) bySize.set(t.size, (bySize.get(t.size) ?? 0) + t.str.trim().length);
  let best = 0;
  let most = -1;
  for (const [size, n] of bySize) if (n > most) [best, most] = [size, n];
  return best;
}

/**
 * The body text a small mark is raised beside: a run of larger type whose baseline is a little below
 * the mark's (a superscript sits 0.15–0.75 of that size up) and which the mark follows or stands in.
 */
function hostOf(m: PositionedText, items: readonly PositionedText[]): PositionedText | undefined {
  for (const b of items) {
    if (b === m || !inked(b) || b.size < 1.2 * m.size) continue;
    const up = m.y - b.y;
    if (up < 0.15 * b.size || up > 0.75 * b.size) continue;
    if (m.x >= b.x - 0.3 * b.size && m.x <= b.x + b.w + 0.6 * b.size) return b;
  }
  return undefined;
}

/** The mark a run opens a note with, or undefined. */
function startMark(t: PositionedText): string | undefined {
  const s = t.str.trim();
  if (NOTE_MARK_RE.test(s)) return s;
  return NOTE_START_RE.exec(s)?.[1];
}

/**
 * Splits a page's runs into the body and its footnotes. A note is found by its mark: a run opening a
 * line at the foot of the page, below the body text that carries the same mark raised, and set apart
 * as notes are — smaller than the body, or itself raised over the note's words. The notes run from the
 * highest such line down, line by line, until a line that is only a page number or a gap of more than
 * three lines and a bit (a running footer); under them there may be only such furniture, and every line
 * of the block that opens with a mark must open a note the body calls. The body keeps every run above
 * them, and every raised mark but those whose note was found.
 */
export function splitFootnotes(items: readonly PositionedText[]): { body: PositionedText[]; notes: PageNote[] } {
  const none = { body: [...items], notes: [] };
  const size = bodySize(items);
  // a raised mark is set smaller than the text it stands in (the body's 10, 29 of a date are no marks)
  const candidates = items.filter((t) => inked(t) && t.size <= 0.85 * size && NOTE_MARK_RE.test(t.str.trim()));
  if (candidates.length === 0 || candidates.length > MAX_MARKS) return none;
  const raised = new Map<PositionedText, { mark: string; host: PositionedText }>();
  for (const m of candidates) {
    const host = hostOf(m, items);
    if (host) raised.set(m, { mark: m.str.trim(), host });
  }
  if (raised.size === 0) return none;
  const opens = items.filter((t) => inked(t) && !raised.has(t) && startMark(t) !== undefined);
  if (opens.length > MAX_MARKS) return none;
  const starts: PositionedText[] = [];
  for (const s of opens) {
    const mark = startMark(s)!;
    // below the body line that raises the same mark
    const host = [...raised.values()].find((r) => r.mark === mark && r.host.y > s.y + 0.5 * r.host.size)?.host;
    if (!host) continue;
    // first on its line
    if (items.some((o) => o !== s && inked(o) && Math.abs(o.y - s.y) < 0.5 * s.size && o.x < s.x - 0.1 * s.size)) continue;
    // set as a note: in smaller type than the body, or the mark raised over the words after it
    const next = items.find((o) => inked(o) && o !== s && o.x >= s.x + s.w - 0.2 * s.size && o.x < s.x + s.w + 1.5 * o.size && s.y - o.y >= 0.15 * o.size && s.y - o.y <= 0.75 * o.size);
    if (!(s.size <= 0.9 * host.size || (next !== undefined && s.size < 0.9 * next.size))) continue;
    starts.push(s);
  }
  if (starts.length === 0) return none;
  const top = starts.reduce((a, b) => (b.y > a.y ? b : a));
  // lines from the highest note down (a raised note mark stands up to three quarters of a size above its words)
  const below = items.filter((t) => inked(t) && t.y <= top.y + 0.01 && !raised.has(t)).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PositionedText[][] = [];
  for (const t of below) {
    const line = lines[lines.length - 1];
    const ref = line?.[line.length - 1];
    if (line && ref && ref.y - t.y < 0.75 * Math.max(ref.size, t.size)) line.push(t);
    else lines.push([t]);
  }
  const notesLines: PositionedText[][] = [];
  let lastY = top.y;
  let k = 0;
  for (; k < lines.length; k++) {
    const line = lines[k]!;
    const text = lineText(line);
    const y = line.reduce((m, t) => Math.min(m, t.y), Infinity);
    const lineSize = line.reduce((m, t) => Math.max(m, t.size), 0);
    if (isPageNumberLine(text) || lastY - y > 3.75 * lineSize) break;
    // a law's own article or heading is never a note's line
    if (ARTICLE_START_RE.test(text) || HEADING_START_RE.test(text)) return none;
    notesLines.push(line);
    lastY = y;
  }
  if (notesLines.length > MAX_NOTE_LINES) return none;
  // At the foot: under the notes only furniture (a page number, a short footer line or two).
  const rest = lines.slice(k).map(lineText);
  if (rest.filter((t) => !isPageNumberLine(t)).length > 2 || rest.some((t) => !isPageNumberLine(t) && t.length > 40)) return none;
  // Every line of the block that opens with a mark opens a note whose mark the body raises: a column
  // of small numbers (a table's 序号) under a raised number is no block of notes.
  const raisedMarks = new Set([...raised.values()].map((r) => r.mark));
  const opening = notesLines.map((line) => line.reduce((a, b) => (b.x < a.x ? b : a)));
  if (opening.some((t) => startMark(t) !== undefined && !(starts.includes(t) || raisedMarks.has(startMark(t)!)))) return none;
  const inNotes = new Set(notesLines.flat());
  const foundMarks = new Set(starts.filter((s) => inNotes.has(s)).map((s) => startMark(s)!));
  const notes: PageNote[] = [];
  for (const [i, line] of notesLines.entries()) {
    const x0 = opening[i]!.x;
    const x1 = line.reduce((m, t) => Math.max(m, t.x + t.w), -Infinity);
    const y = line.reduce((m, t) => Math.min(m, t.y), Infinity);
    const last = notes[notes.length - 1];
    const opener = opening[i]!;
    // "1 本法…": the mark a run of its own, set apart from the note's words
    const text = starts.includes(opener) && NOTE_MARK_RE.test(opener.str.trim()) ? `${opener.str.trim()} ${lineText(line.filter((t) => t !== opener))}` : lineText(line);
    if (starts.includes(opener) || !last) notes.push({ text, x0, x1, y, size: line.reduce((m, t) => Math.max(m, t.size), 0) });
    else {
      last.text += lineText(line);
      last.x1 = Math.max(last.x1, x1);
      last.y = y;
    }
  }
  const body = items.filter((t) => !inNotes.has(t) && !(raised.has(t) && foundMarks.has(raised.get(t)!.mark)));
  return { body, notes };
}

/** A page's notes as lines the layout step keeps apart (`footnote`), one a note. */
export function footnoteLines(notes: readonly PageNote[], page: number): TextLine[] {
  return notes.map((n) => ({ page, text: n.text, x0: n.x0, x1: n.x1, y: n.y, size: n.size, indented: false, footnote: true }));
}
