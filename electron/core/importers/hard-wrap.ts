// Text saved with hard line breaks at a fixed width (an editor's "自动换行" saved as line ends, a
// mail client, a text exported from an old system): every line of a paragraph but its last is cut
// at the same length, inside sentences and words, and a line may even begin with "第五条第二款…".
// Such a file is recognised by its line lengths — most long lines have exactly one length — and its
// lines are joined back into paragraphs: a full-length line runs on into the next one unless that
// line is indented (a new paragraph, as official texts indent them) or, in a text without indents,
// the full line closed a sentence and the next starts a numbered unit.

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Characters, and columns as a fixed-width editor counts them (a CJK character takes two). */
function measures(line: string): [number, number] {
  let cols = 0;
  let chars = 0;
  for (const c of line) {
    chars++;
    cols += WIDE.test(c) ? 2 : 1;
  }
  return [chars, cols];
}

const INDENT_RE = /^[\s\u3000]/;
const UNIT_START_RE = /^(?:第[零〇一二三四五六七八九十百千两0-9]+[条章节编]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])/;
const CLOSED_RE = /[。；：！？」』”]$/;

export interface Unwrapped {
  text: string;
  /** The width lines were cut at (characters or columns), when the text was hard-wrapped. */
  width?: number;
  joined: number;
}

/**
 * The modal length of the long lines, if they are cut at one width: at least 8 lines of that length
 * (or one less, where a wide character did not fit), and at least half of the lines longer than half
 * of it. Prose of real paragraphs never has that many lines of one length.
 */
function wrapWidth(lens: number[], slack: number): number | undefined {
  const counts = new Map<number, number>();
  for (const n of lens) if (n >= 16) counts.set(n, (counts.get(n) ?? 0) + 1);
  let best: number | undefined;
  let bestCount = 0;
  for (const [n, c] of counts) {
    const around = c + (slack ? (counts.get(n - 1) ?? 0) : 0);
    if (around > bestCount || (around === bestCount && best !== undefined && n > best)) {
      best = n;
      bestCount = around;
    }
  }
  if (best === undefined || bestCount < 8 || best > 200) return undefined;
  const long = lens.filter((n) => n > best / 2).length;
  return bestCount >= 0.5 * long ? best : undefined;
}

export function unwrapHardBreaks(text: string): Unwrapped {
  const lines = text.split('\n');
  const chars: number[] = [];
  const cols: number[] = [];
  for (const l of lines) {
    const [c, w] = measures(l.trimEnd());
    chars.push(c);
    cols.push(w);
  }
  const byChars = wrapWidth(chars, 0);
  const byCols = byChars === undefined ? wrapWidth(cols, 1) : undefined;
  const width = byChars ?? byCols;
  if (width === undefined) return { text, joined: 0 };
  const lens = byChars !== undefined ? chars : cols;
  const full = (k: number) => lens[k]! >= width - (byCols !== undefined ? 1 : 0);
  const indented = lines.filter((l) => INDENT_RE.test(l) && l.trim() !== '').length;
  const usesIndent = indented >= 3;
  const out: string[] = [];
  let joined = 0;
  for (let k = 0; k < lines.length; k++) {
    let line = lines[k]!.trimEnd();
    while (k + 1 < lines.length && full(k) && lines[k + 1]!.trim() !== '') {
      const next = lines[k + 1]!;
      const newParagraph = usesIndent ? INDENT_RE.test(next) : CLOSED_RE.test(line) && UNIT_START_RE.test(next.trim());
      if (newParagraph) break;
      line += next.trimEnd();
      joined++;
      k++;
    }
    out.push(line);
  }
  return { text: out.join('\n'), width, joined };
}
