// A fixed-layout page's footnotes (PDF text layer, OFD): the raised mark a writer sets after a word
// of the body, and the note it calls at the foot of the same page, opening with the same mark. Both
// are kept apart from the body, as the Word and HTML readers keep notes apart. A mark is only taken
// for a note's when its note is there: a raised number with no note under it (m², 10³) stays text.

import { ARTICLE_START_RE, HEADING_START_RE } from './plain-law-text';
import { isPageNumberLine, type PositionedText, type TextLine } from './text-layout';

/** The marks writers number notes with: 1–999, ①–⑳, *, **, †, ‡, [1], (1), （1）, and i–xxxix (Word's and LibreOffice's endnotes). */
const NOTE_MARK = String.raw`[0-9]{1,3}|[\u2460-\u2473]|\*{1,3}|[†‡]|\[[0-9]{1,3}\]|[（(][0-9]{1,3}[)）]|x{0,3}(?:ix|iv|v?i{1,3}|v)`;
const NOTE_MARK_RE = new RegExp(`^(?:${NOTE_MARK})$`);
/** A note's first run when the writer set the mark and the note's first words as one run ("1 本法…"). */
const NOTE_START_RE = new RegExp(`^(${NOTE_MARK})[\\s\\u3000]+\\S`);
/** More marks than this on a page is no page of notes (a hostile file, a table of small numbers): left as it is. */
const MAX_MARKS = 100;
/** A block of notes taller than this is taken for body text (a false note would cost the body its lines)… */
const MAX_NOTE_LINES = 20;
/** …unless a separator rule is drawn over it, as Word and LibreOffice draw one over a page's notes: a page's worth. */
const MAX_RULED_NOTE_LINES = 45;
/** A note that does not end so runs on to the next page. */
const NOTE_END_RE = /[。．.！!？?；;…）)」』”"’】]$/;

/** A horizontal rule drawn on the page (pdf-rulings.ts): y and its ends. */
export interface PageRule {
  y: number;
  x0: number;
  x1: number;
}

/** What a page whose last note runs on hands the next page: how that note's lines are set. */
export interface NoteCarry {
  size: number;
  /** The left edge of the note's wrapped lines. */
  left: number;
  /** The distance between the note's lines. */
  pitch: number;
}

export interface FootnoteSplit {
  body: PositionedText[];
  notes: PageNote[];
  /** The run-on of the previous page's last note, read at this page's foot (its text). */
  continued?: string;
  /** Set when this page's last note (or the run-on) does not end here. */
  carry?: NoteCarry;
}

export interface PageNote {
  /** The note's text, its mark first ("1 本法已被修改…"). */
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

const inked = (t: PositionedText) => t.str.trim() !== '';
/**
 * A line's text, its runs in order. A gap between two runs is a space: an OFD writer leaves the space
 * after 第X条 as a jump of the pen (no character), and without it no article line would be known here.
 */
const lineText = (line: readonly PositionedText[]) => {
  const runs = [...line].sort((a, b) => a.x - b.x);
  return runs
    .map((t, i) => (i > 0 && t.x - (runs[i - 1]!.x + runs[i - 1]!.w) > 0.3 * Math.max(t.size, runs[i - 1]!.size) ? ` ${t.str}` : t.str))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
};

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
function pageNotes(items: readonly PositionedText[], rules: readonly PageRule[]): { body: PositionedText[]; notes: PageNote[]; top?: number; carry?: NoteCarry } {
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
  if (notesLines.length > (ruleOver(notesLines[0]!, itemsAbove(items, top.y), rules) ? MAX_RULED_NOTE_LINES : MAX_NOTE_LINES)) return none;
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
  // the last note's lines, for its run-on on the next page
  const last = notes[notes.length - 1];
  let carry: NoteCarry | undefined;
  if (last && !NOTE_END_RE.test(last.text)) {
    const from = notesLines.findLastIndex((_, i) => starts.includes(opening[i]!));
    const own = notesLines.slice(Math.max(0, from));
    const ys = notesLines.map((l) => l.reduce((m, t) => Math.min(m, t.y), Infinity));
    const gaps = ys.slice(1).map((y, i) => ys[i]! - y).filter((g) => g > 0);
    const words = own.length > 1 ? own[1]! : own[0]!.filter((t) => t !== opening[Math.max(0, from)]);
    carry = {
      size: last.size,
      left: words.reduce((m, t) => Math.min(m, t.x), Infinity),
      pitch: gaps.length ? Math.min(...gaps) : 1.2 * last.size,
    };
    if (!Number.isFinite(carry.left)) carry = undefined;
  }
  return { body, notes, top: top.y, carry };
}

/** The lowest inked line above y (its runs): the body's last line over a block of notes. */
function itemsAbove(items: readonly PositionedText[], y: number): PositionedText[] | undefined {
  const above = items.filter((t) => inked(t) && t.y > y + 0.5 * t.size);
  if (above.length === 0) return undefined;
  const low = above.reduce((a, b) => (b.y < a.y ? b : a));
  return above.filter((t) => Math.abs(t.y - low.y) < 0.5 * low.size);
}

/** A rule drawn between two lines (the separator over a page's notes), starting at the lower line's left. */
function ruleOver(line: readonly PositionedText[], above: readonly PositionedText[] | undefined, rules: readonly PageRule[]): boolean {
  if (!above || rules.length === 0) return false;
  const top = line.reduce((m, t) => Math.max(m, t.y + t.size), -Infinity);
  const floor = above.reduce((m, t) => Math.min(m, t.y), Infinity);
  const left = line.reduce((m, t) => Math.min(m, t.x), Infinity);
  const size = line.reduce((m, t) => Math.max(m, t.size), 0);
  return rules.some((r) => r.y > top - 0.2 * size && r.y < floor && Math.abs(r.x0 - left) < 1.5 * size && r.x1 - r.x0 > 2 * size);
}

/** A page's inked runs as lines, top to bottom. */
function groupLines(items: readonly PositionedText[]): PositionedText[][] {
  const lines: PositionedText[][] = [];
  for (const t of items.filter(inked).sort((a, b) => b.y - a.y || a.x - b.x)) {
    const line = lines[lines.length - 1];
    const ref = line?.[0];
    if (line && ref && ref.y - t.y < 0.5 * Math.max(ref.size, t.size)) line.push(t);
    else lines.push([t]);
  }
  return lines;
}

/**
 * The run-on of the previous page's last note: the lines at this page's foot (over its own notes, if
 * any) set as that note's lines were — the same size, starting at its left edge, no further apart —
 * under a separator rule, or in type smaller than the page's body. None of them opens with a mark,
 * an article or a heading, and body text stands above them.
 */
function runOn(body: readonly PositionedText[], carry: NoteCarry, ownTop: number | undefined, rules: readonly PageRule[]): { items: Set<PositionedText>; text: string } | undefined {
  const lines = groupLines(body);
  const y = (l: readonly PositionedText[]) => l.reduce((m, t) => Math.min(m, t.y), Infinity);
  let end = lines.length - 1;
  if (ownTop !== undefined) while (end >= 0 && y(lines[end]!) <= ownTop + 0.5 * carry.size) end--;
  else while (end >= 0 && isPageNumberLine(lineText(lines[end]!))) end--;
  if (end < 1) return undefined;
  if (ownTop !== undefined && y(lines[end]!) - ownTop > 2 * carry.pitch) return undefined;
  let k = end;
  while (k > 0 && y(lines[k - 1]!) - y(lines[k]!) <= 1.25 * carry.pitch) k--;
  // body text above, set apart from the notes
  if (k === 0 || y(lines[k - 1]!) - y(lines[k]!) < 1.4 * carry.pitch) return undefined;
  const block = lines.slice(k, end + 1);
  if (block.length > MAX_RULED_NOTE_LINES) return undefined;
  for (const line of block) {
    const first = line.reduce((a, b) => (b.x < a.x ? b : a));
    const text = lineText(line);
    if (line.some((t) => Math.abs(t.size - carry.size) > 0.5) || Math.abs(first.x - carry.left) > 0.6 * carry.size) return undefined;
    if (startMark(first) !== undefined || ARTICLE_START_RE.test(text) || HEADING_START_RE.test(text)) return undefined;
  }
  if (!ruleOver(block[0]!, lines[k - 1], rules) && carry.size > 0.85 * bodySize(body)) return undefined;
  return { items: new Set(block.flat()), text: block.map(lineText).join('') };
}

/**
 * Splits a page's runs into the body and its footnotes (see pageNotes), and, when the previous page's
 * last note ran on (`carry`), the run-on at this page's foot. `rules` are the page's horizontal rules
 * (a separator over the notes lets a taller block of notes be taken, and tells a run-on set in the
 * body's size from body text).
 */
export function splitFootnotes(items: readonly PositionedText[], carry?: NoteCarry, rules: readonly PageRule[] = []): FootnoteSplit {
  const own = pageNotes(items, rules);
  if (!carry) return own;
  const cont = runOn(own.body, carry, own.notes.length ? own.top : undefined, rules);
  if (!cont) return { body: own.body, notes: own.notes, carry: own.carry };
  const body = own.body.filter((t) => !cont.items.has(t));
  const next = own.notes.length ? own.carry : NOTE_END_RE.test(cont.text) ? undefined : carry;
  return { body, notes: own.notes, continued: cont.text, carry: next };
}

/**
 * Endnotes: the notes set after the last article (Word's and LibreOffice's endnotes, numbered i, ii,
 * iii by default), called by raised marks whose notes are on no page of their own. Read over the whole
 * document once each page's footnotes are out: the raised marks left in the bodies, in reading order,
 * each a different mark; after the last of them, a line opening with the first mark; from there to the
 * end every line that opens with a mark opens the next one, and every mark's note is there. No line
 * of them opens with an article or a heading. Otherwise nothing is taken (a raised number with no note
 * anywhere, m² or 10³, stays text).
 */
export function splitEndnotes(pages: readonly PositionedText[][]): { pages: PositionedText[][]; notes: { page: number; note: PageNote }[] } {
  const none = { pages: pages.map((p) => [...p]), notes: [] };
  const marks: { page: number; t: PositionedText; mark: string }[] = [];
  for (const [i, items] of pages.entries()) {
    const size = bodySize(items);
    const candidates = items.filter((t) => inked(t) && t.size <= 0.85 * size && NOTE_MARK_RE.test(t.str.trim()));
    if (candidates.length > MAX_MARKS) return none;
    for (const m of candidates.sort((a, b) => b.y - a.y || a.x - b.x)) if (hostOf(m, items)) marks.push({ page: i, t: m, mark: m.str.trim() });
    if (marks.length > MAX_MARKS) return none;
  }
  const order = marks.map((m) => m.mark);
  if (marks.length === 0 || new Set(order).size !== order.length) return none;
  const last = marks[marks.length - 1]!;
  const markRuns = new Set(marks.map((m) => m.t));
  const lines: { page: number; line: PositionedText[] }[] = [];
  for (let i = last.page; i < pages.length; i++) {
    for (const line of groupLines(pages[i]!.filter((t) => !markRuns.has(t)))) {
      if (i === last.page && line.some((t) => t.y > last.t.y - 1.2 * last.t.size)) continue; // at or above the last mark
      lines.push({ page: i, line });
    }
  }
  const opener = (line: readonly PositionedText[]) => line.reduce((a, b) => (b.x < a.x ? b : a));
  const from = lines.findIndex((l) => startMark(opener(l.line)) === order[0]);
  if (from < 0) return none;
  const notes: { page: number; note: PageNote }[] = [];
  const taken = new Set<PositionedText>();
  for (const { page, line } of lines.slice(from)) {
    const text = lineText(line);
    if (isPageNumberLine(text)) continue;
    if (ARTICLE_START_RE.test(text) || HEADING_START_RE.test(text)) return none;
    const first = opener(line);
    const mark = startMark(first);
    const x1 = line.reduce((m, t) => Math.max(m, t.x + t.w), -Infinity);
    const y = line.reduce((m, t) => Math.min(m, t.y), Infinity);
    const size = line.reduce((m, t) => Math.max(m, t.size), 0);
    if (mark !== undefined && mark === order[notes.length]) {
      const words = NOTE_MARK_RE.test(first.str.trim()) ? `${mark} ${lineText(line.filter((t) => t !== first))}` : text;
      notes.push({ page, note: { text: words, x0: first.x, x1, y, size } });
    } else if (mark !== undefined && notes.length < order.length && /^\S+$/.test(first.str.trim())) return none; // a mark out of order: no list of these notes
    else notes[notes.length - 1]!.note.text += text;
    for (const t of line) taken.add(t);
  }
  if (notes.length !== order.length) return none;
  for (const m of marks) taken.add(m.t);
  return { pages: pages.map((items) => items.filter((t) => !taken.has(t))), notes };
}

/** A page's notes as lines the layout step keeps apart (`footnote`), one a note. */
export function footnoteLines(notes: readonly PageNote[], page: number, endnote = false): TextLine[] {
  return notes.map((n) => ({ page, text: n.text, x0: n.x0, x1: n.x1, y: n.y, size: n.size, indented: false, footnote: true, ...(endnote ? { endnote } : {}) }));
}

/** A fixed-layout page as the notes step takes it: its runs, and its horizontal rules (the separator over its notes). */
export interface NotesPage {
  items: readonly PositionedText[];
  rules?: readonly PageRule[];
}

/**
 * The notes of a whole fixed-layout document (a PDF's text layer, an OFD), one step for both: each
 * page's footnotes, a note's run-on at the next page's foot added to the note it continues, then the
 * endnotes after the last article. Returns each page's body runs and its notes as `footnote` lines
 * (the layout step keeps them apart and counts them). A page with no runs (a scan between text pages)
 * ends a run-on: the note's rest is not on the next page.
 */
export function splitDocumentNotes(pages: readonly NotesPage[]): { bodies: PositionedText[][]; notes: TextLine[][] } {
  const bodies: PositionedText[][] = [];
  const notes: TextLine[][] = [];
  let carry: NoteCarry | undefined;
  for (const [i, page] of pages.entries()) {
    const split = splitFootnotes(page.items, carry, page.rules ?? []);
    carry = split.carry;
    const before = notes.findLast((n) => n.length > 0);
    if (split.continued !== undefined && before) before[before.length - 1]!.text += split.continued;
    bodies.push(split.body);
    notes.push(footnoteLines(split.notes, i + 1));
  }
  const ends = splitEndnotes(bodies);
  for (const { page, note } of ends.notes) notes[page]!.push(...footnoteLines([note], page + 1, true));
  return { bodies: ends.pages, notes };
}
