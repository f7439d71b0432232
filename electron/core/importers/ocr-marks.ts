// Quote marks and brackets over a whole paragraph, after the layout step has joined its lines:
// what one OCR line cannot see. chi_sim reads nearly every closing ” as an opening “ (confidently,
// 96–99), so the direction is decided by the rules of written Chinese instead of by the glyph:
// a mark before 。，、；： or at a paragraph's end closes, one after ，、： or at a paragraph's start
// opens, and within a paragraph the marks alternate “ ” “ ”. When those agree, every mark gets its
// direction; when they cannot (a mark was lost or one was added), only the sure ones are set and the
// stretch where the partner should be is highlighted instead of guessed. A quotation over several
// paragraphs (each opens with “, only the last closes — as a 附件 list quoting items) is left as it is.
// Single quotes ‘’ (nested inside “”) alternate on their own, by the same rules.
// A 《 or 〔 closed by ） was a （ (数据《以下统称公共数据） — a title mark or 〔 never closes with ）.
// Every changed character, and every character of a highlighted stretch, gets a confidence below
// the suspect line; the text and the symbol stream are changed together, so traceUnits finds them.
// And one mark over a sentence, in an article's text (semicolonsBeforeBareClause, below): a ； parting one bare clause off
// a run of ，-clauses, highlighted only.

/** The double quotes, and the single ones (‘’, nested inside them), each alternating on its own. */
interface QuoteKind {
  open: string;
  close: string;
  /** Its marks, the straight one among them (turned into a Chinese mark in Chinese text only). */
  marks: RegExp;
  straight: string;
}
const KINDS: readonly QuoteKind[] = [
  { open: '“', close: '”', marks: /^[“”"]$/, straight: '"' },
  { open: '‘', close: '’', marks: /^[‘’']$/, straight: "'" },
];
const QUOTE = /^[“”"‘’']$/;
/**
 * After these a quote mark opens; before those it closes. Not after 。？！；: a quoted sentence
 * closes after its own end (修改为：“……。”), as a quoted list item does after its ；.
 */
const BEFORE_OPEN = /[，、：（《「\s]/;
const AFTER_CLOSE = /[，、；：。？！）》」]/;
/** Where a lost mark's partner is looked for: within the clause. */
const CLAUSE_END = /[，、；：。？！]/;
const isCjk = (c: string | undefined) => c !== undefined && /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”‘’]/.test(c);

type Dir = 'open' | 'close';

export interface StreamText {
  text: string;
  stream: string;
  confidence: number[];
  /**
   * tesseract's own confidence of each stream character, before the post-correction lowered any
   * (100 for a page's own text; absent: the confidences are as read). Carried through unchanged.
   */
  read?: readonly number[];
}

/**
 * For each character of `text`, its index in `stream` (or −1): the text was made from the stream
 * by dropping lines (headers, page numbers) and spaces, so a forward match with a bounded
 * look-ahead finds it — as traceUnits does.
 */
export function alignToStream(text: readonly string[], stream: readonly string[]): number[] {
  const at: number[] = [];
  let p = 0;
  for (const ch of text) {
    if (/\s/.test(ch)) {
      at.push(-1);
      continue;
    }
    let found = -1;
    for (let j = p; j < Math.min(stream.length, p + 400); j++) {
      if (stream[j] === ch) {
        found = j;
        break;
      }
    }
    at.push(found);
    if (found >= 0) p = found + 1;
  }
  return at;
}

/**
 * A laid-out OCR text and its symbol stream, open for single-character edits made in both at once:
 * a replacement or a mark, each lowering the character's confidence below `suspect` so it is
 * highlighted; only characters OCR read (`fromOcr`) are touched. The text keeps its length.
 */
export function streamEditor(input: StreamText, suspect: number, fromOcr: (streamIndex: number) => boolean) {
  const text = [...input.text];
  const stream = [...input.stream];
  const confidence = [...input.confidence];
  const at = alignToStream(text, stream);
  const read = (o: number): number | undefined => {
    const j = at[o] ?? -1;
    return j >= 0 && fromOcr(j) ? j : undefined;
  };
  return {
    mark(o: number): void {
      const j = read(o);
      if (j !== undefined) confidence[j] = Math.min(confidence[j] ?? 0, suspect - 1);
    },
    replace(o: number, alt: string): void {
      const j = read(o);
      if (j === undefined) return;
      text[o] = alt;
      stream[j] = alt;
      confidence[j] = Math.min(confidence[j] ?? 0, suspect - 1);
    },
    done: (): StreamText => ({ text: text.join(''), stream: stream.join(''), confidence, read: input.read }),
  };
}

/** Quote marks, 《〔 closed by ）, over each paragraph of a laid-out OCR text (see above). */
export function correctParagraphMarks(input: StreamText, suspect: number, fromOcr: (streamIndex: number) => boolean = () => true, halfBrackets = false): StreamText {
  const text = [...input.text];
  const stream = [...input.stream];
  const confidence = [...input.confidence];
  const at = alignToStream(text, stream);
  // Only what OCR read is changed: a page's own text (an OFD or PDF page that has it) is as printed.
  const set = (i: number, ch?: string) => {
    const j = at[i]!;
    if (j < 0 || !fromOcr(j)) return;
    if (ch !== undefined) text[i] = ch;
    if (ch !== undefined) stream[j] = ch;
    confidence[j] = Math.min(confidence[j] ?? 0, suspect - 1);
  };
  // Paragraphs: [start, end) in `text`.
  const paras: [number, number][] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      paras.push([start, i]);
      start = i + 1;
    }
  }
  const firstMark = (a: number, b: number) => {
    for (let i = a; i < b; i++) if (!/\s/.test(text[i]!)) return text[i];
    return undefined;
  };
  paras.forEach(([a, b], k) => {
    for (const kind of KINDS) quotesInParagraph(kind, text, a, b, set, kind.marks.test(firstMark(...(paras[k + 1] ?? [b, b])) ?? ''));
    nestedTitles(text, a, b, set);
    bracketsInParagraph(text, a, b, set, halfBrackets ? ['(', ')'] : ['（', '）']);
  });
  return { text: text.join(''), stream: stream.join(''), confidence, read: input.read };
}

function quotesInParagraph(kind: QuoteKind, text: string[], a: number, b: number, set: (i: number, ch?: string) => void, nextOpens: boolean): void {
  const marks: number[] = [];
  for (let i = a; i < b; i++) if (kind.marks.test(text[i]!)) marks.push(i);
  if (marks.length === 0) return;
  const near = (i: number, step: 1 | -1): string | undefined => {
    for (let k = i + step; k >= a && k < b; k += step) if (text[k] !== ' ' && text[k] !== '\t') return text[k];
    return undefined;
  };
  // A straight quote only becomes a Chinese quote mark in Chinese text (not in don't, "A").
  const chinese = marks.filter((i) => text[i] !== kind.straight || isCjk(near(i, -1)) || isCjk(near(i, 1)));
  if (chinese.length === 0) return;
  const sure = chinese.map((i): Dir | undefined => {
    const prev = i > a ? text[i - 1] : undefined;
    const next = near(i, 1);
    const opens = prev === undefined || BEFORE_OPEN.test(prev);
    const closes = next === undefined || AFTER_CLOSE.test(next);
    return opens === closes ? undefined : opens ? 'open' : 'close';
  });
  // One more mark than pairs, and the next paragraph opens with a quote: a quotation over paragraphs.
  const continued = chinese.length % 2 === 1 && nextOpens;
  const alternate = (n: number): Dir => (n % 2 === 0 ? 'open' : 'close');
  if ((chinese.length % 2 === 0 || continued) && sure.every((d, n) => d === undefined || d === alternate(n))) {
    chinese.forEach((i, n) => write(kind, text, i, alternate(n), set));
    return;
  }
  // The marks do not pair up: set only the sure ones, and highlight where a partner went missing.
  chinese.forEach((i, n) => {
    const d = sure[n] ?? (text[i] === kind.close ? 'close' : 'open');
    write(kind, text, i, d, set);
  });
  const clauseAfter = (i: number, limit: number) => {
    for (let k = i + 1; k < limit; k++) {
      if (CLAUSE_END.test(text[k]!) || QUOTE.test(text[k]!)) return k;
      set(k);
    }
    return limit;
  };
  const clauseBefore = (i: number, limit: number) => {
    for (let k = i - 1; k > limit; k--) {
      if (CLAUSE_END.test(text[k]!) || QUOTE.test(text[k]!)) return;
      set(k);
    }
  };
  let open: number | undefined;
  let lastClose = a - 1;
  for (const i of chinese) {
    if (text[i] === kind.open) {
      if (open !== undefined) clauseAfter(open, i); // its ” was lost
      open = i;
    } else {
      if (open === undefined) clauseBefore(i, lastClose); // its “ was lost
      open = undefined;
      lastClose = i;
    }
  }
  if (open !== undefined && !nextOpens) clauseAfter(open, b);
}

function write(kind: QuoteKind, text: string[], i: number, d: 'open' | 'close', set: (i: number, ch?: string) => void): void {
  const ch = d === 'open' ? kind.open : kind.close;
  if (text[i] !== ch) set(i, ch);
}

/**
 * Brackets over the paragraph: a 《 or 〔 whose closing mark is ） (nothing opened between) was （;
 * a pair split over two lines (which correctLine pairs line by line) holding Chinese is full-width
 * (half-width in a document that prints its brackets so, as correctLine does).
 */
/**
 * A law's title inside another's title marks takes 〈 〉 (《山东省实施〈中华人民共和国道路交通安全法〉办法》): the
 * corpus writes a bracketed title ending in 法, 条例, 规定 … inside 《 》 so 876 times, with （ ） once. chi_sim
 * reads 〈 right, but correctLine takes it for the （ it misreads as 〈 (〈一) for （一）), and reads 〉 as ) or >.
 * Such a pair, its opener （ ( or 〈 after a 《 still open, its closer before the 》, is put back to 〈 〉, a suspect (a
 * corpus text's own <…> is left as typed).
 */
const NESTED_TITLE = /《[^《》]*?([（(〈])[^《》（）()〈〉<>]{2,40}?(?:法|条例|规定|办法|决定|解释|细则|规则)([）)〉>])[^《》]*?》/dgu;

function nestedTitles(text: string[], a: number, b: number, set: (i: number, ch?: string) => void): void {
  // (text holds one code point an element; the match's offsets count UTF-16 units)
  const units: number[] = [];
  for (let i = a; i < b; i++) for (let u = 0; u < text[i]!.length; u++) units.push(i);
  const paragraph = text.slice(a, b).join('');
  for (const m of paragraph.matchAll(NESTED_TITLE)) {
    const open = units[m.indices![1]![0]]!;
    const close = units[m.indices![2]![0]]!;
    if (text[open] !== '〈') set(open, '〈');
    if (text[close] !== '〉') set(close, '〉');
  }
}

function bracketsInParagraph(text: string[], a: number, b: number, set: (i: number, ch?: string) => void, [open, close]: [string, string]): void {
  const stack: number[] = [];
  const han = (from: number, to: number) => /[\u3400-\u9fff]/.test(text.slice(from, to).join(''));
  for (let i = a; i < b; i++) {
    const ch = text[i]!;
    if (ch === '（' || ch === '(' || ch === '《' || ch === '〔') stack.push(i);
    else if (ch === '）' || ch === ')' || ch === '》' || ch === '〕') {
      const o = stack.pop();
      if (o === undefined || (ch !== '）' && ch !== ')')) continue;
      // 〔2021〕 holds a year: a 〔 with digits only inside is left to the highlight.
      if (text[o] === '〔' && !han(o + 1, i)) continue;
      if (!han(o + 1, i) && !han(Math.max(a, o - 1), o) && text[o] !== '《' && text[o] !== '〔') continue;
      if (text[o] !== open) set(o, open);
      if (ch !== close) set(i, close);
    }
  }
}

/**
 * Offsets of a ； set between the last two clauses of a sentence whose clauses before it are parted by ， and whose last
 * clause has none (…协调制度，每年至少召开一次全体成员会议；日常工作由科学技术协会承担。 for 会议，日常): the laws set ； above
 * ，, between groups of clauses, so a ； that parts off one bare clause after a run of ，-clauses is often a ， chi_sim read
 * as ；, confidently (99). A sentence runs from 。！？： or a paragraph's start to 。！？, or to the ； that ends a list item
 * at its paragraph's end (（一）管理制度健全，计量准确，用水记录完整；统计资料齐全；); it holds one ； besides an item's
 * last. The same in a text typed with half-width marks (, ;). Highlighted, never changed: it may be right.
 */
export function semicolonsBeforeBareClause(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/(?<=^|[。！？：:\n])[^。！？：:\n]*?(?:[。！？]|[；;](?=[ \t]*(?:\n|$)))/g)) {
    const s = m[0]!;
    const inner = [...s.slice(0, -1).matchAll(/[；;](?=[\u3400-\u9fff])/g)];
    if (inner.length !== 1 || /[；;]/.test(s.slice(0, -1).replace(/[；;](?=[\u3400-\u9fff])/, ''))) continue;
    const at = inner[0]!.index!;
    if (!/[，,]/.test(s.slice(0, at)) || /[，,、（(“]/.test(s.slice(at + 1))) continue;
    out.push(m.index! + at);
  }
  return out;
}
