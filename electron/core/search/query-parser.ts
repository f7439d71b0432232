// Turns what a person types into search terms. Nothing in a query is syntax except spaces (AND),
// "…"/“…” (an exact phrase, spaces included) and a leading - (exclude): SQL, FTS and regex
// characters are plain text, control characters are dropped. Invariant: every term is a non-empty
// string of UTF-16 code units matched exactly (as String.prototype.indexOf would).

export interface QueryTerm {
  /** The exact text to find. */
  text: string;
  /** Typed inside quotes: never split. */
  phrase: boolean;
  /**
   * For an unquoted term with punctuation inside (权限、范围): its pieces between punctuation, used
   * only when the whole term finds nothing (then every piece must match instead).
   */
  parts?: string[];
}

export interface ParsedQuery {
  terms: QueryTerm[];
  excludes: QueryTerm[];
}

// Punctuation and symbols (both widths): trimmed from the ends of an unquoted term.
const PUNCT = /[\p{P}\p{S}]/u;
const PUNCT_RUN = /[\p{P}\p{S}]+/u;
// C0/C1 control characters except the whitespace we split on, and the NUL that separates articles
// in the index.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const SPACE = /[\s\u3000]+/;
const OPEN_QUOTES = new Set(['"', '“', '”', '＂']);
const CLOSE_FOR: Record<string, string> = { '"': '"', '“': '”', '”': '”', '＂': '＂' };

function trimPunct(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && PUNCT.test(s[a]!)) a++;
  while (b > a && PUNCT.test(s[b - 1]!)) b--;
  // A surrogate pair is never punctuation in these ranges, so slicing by code units is safe.
  return s.slice(a, b);
}

function plainTerm(raw: string): QueryTerm | undefined {
  const text = trimPunct(raw);
  if (!text) return undefined;
  const parts = text.split(PUNCT_RUN).filter(Boolean);
  return parts.length > 1 ? { text, phrase: false, parts } : { text, phrase: false };
}

export function normaliseQuery(q: string): string {
  return (typeof q === 'string' ? q : '').replace(CONTROL, ' ');
}

export function parseQuery(q: string): ParsedQuery {
  const s = normaliseQuery(q);
  const terms: QueryTerm[] = [];
  const excludes: QueryTerm[] = [];
  const seen = new Set<string>();
  const push = (t: QueryTerm | undefined, exclude: boolean) => {
    if (!t) return;
    const k = (exclude ? '-' : '+') + t.text;
    if (seen.has(k)) return;
    seen.add(k);
    (exclude ? excludes : terms).push(t);
  };
  let i = 0;
  while (i < s.length) {
    while (i < s.length && SPACE.test(s[i]!)) i++;
    if (i >= s.length) break;
    let exclude = false;
    if ((s[i] === '-' || s[i] === '－') && i + 1 < s.length && !SPACE.test(s[i + 1]!)) {
      exclude = true;
      i++;
    }
    const open = s[i]!;
    if (OPEN_QUOTES.has(open)) {
      const close = CLOSE_FOR[open]!;
      let end = s.indexOf(close, i + 1);
      if (open === '“' && end < 0) end = s.indexOf('"', i + 1);
      if (end < 0) end = s.length; // an unbalanced quote runs to the end
      const body = s.slice(i + 1, end).trim();
      if (body) push({ text: body, phrase: true }, exclude);
      i = end + 1;
      continue;
    }
    let j = i;
    while (j < s.length && !SPACE.test(s[j]!)) j++;
    push(plainTerm(s.slice(i, j)), exclude);
    i = j;
  }
  return { terms, excludes };
}

/** The query with the punctuated terms replaced by their pieces; undefined when nothing changes. */
export function splitPunctuated(p: ParsedQuery): ParsedQuery | undefined {
  if (!p.terms.some((t) => t.parts)) return undefined;
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  for (const t of p.terms) {
    for (const text of t.parts ?? [t.text]) {
      if (seen.has(text)) continue;
      seen.add(text);
      terms.push({ text, phrase: t.phrase });
    }
  }
  return { terms, excludes: p.excludes };
}

/** Back to query text (for did-you-mean suggestions). */
export function formatQuery(p: ParsedQuery): string {
  const q = (t: QueryTerm) => (t.phrase || SPACE.test(t.text) ? `"${t.text}"` : t.text);
  return [...p.terms.map(q), ...p.excludes.map((t) => '-' + q(t))].join(' ');
}
