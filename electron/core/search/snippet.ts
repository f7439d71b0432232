// The snippet of a hit: a window of the article text that shows as many different query terms as
// fit, with [start, end) highlight ranges for every occurrence of every term inside it. Only the
// returned page gets snippets, so this may be simple and exact rather than clever.

export const SNIPPET_CHARS = 96;
const LEAD = 16; // characters shown before the first match

export interface Snippet {
  snippet: string;
  highlights: [number, number][];
}

/** Occurrences of every term in `text` as [start, end) ranges, merged and sorted. */
export function findRanges(text: string, terms: string[], limit = 2000): [number, number][] {
  const ranges: [number, number][] = [];
  for (const t of terms) {
    if (!t) continue;
    for (let p = text.indexOf(t); p >= 0 && ranges.length < limit; p = text.indexOf(t, p + 1)) ranges.push([p, p + t.length]);
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

export function makeSnippet(text: string, terms: string[], width = SNIPPET_CHARS): Snippet {
  const flat = text.replace(/\s+/g, (s) => ' '.repeat(s.length)); // keep offsets, lose line breaks
  const ranges = findRanges(flat, terms);
  let start = 0;
  if (flat.length > width && ranges.length) {
    // The window (starting LEAD before some match) that covers the most distinct terms.
    let best = -1;
    for (const r of ranges.slice(0, 200)) {
      const s = Math.max(0, Math.min(r[0] - LEAD, flat.length - width));
      const window = flat.slice(s, s + width);
      let covered = 0;
      for (const t of terms) if (t && window.includes(t)) covered++;
      if (covered > best) {
        best = covered;
        start = s;
      }
      if (covered === terms.length) break;
    }
  }
  const end = Math.min(flat.length, start + width);
  const pre = start > 0 ? '…' : '';
  const post = end < flat.length ? '…' : '';
  const body = flat.slice(start, end).trim();
  const shift = flat.slice(start, end).length - flat.slice(start, end).trimStart().length;
  const highlights: [number, number][] = [];
  for (const [a, b] of ranges) {
    const s = Math.max(a, start + shift) - start - shift + pre.length;
    const e = Math.min(b, start + shift + body.length) - start - shift + pre.length;
    if (e > s) highlights.push([s, e]);
  }
  return { snippet: pre + body + post, highlights };
}
