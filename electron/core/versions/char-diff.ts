// Character-level diff (Myers' O(ND) algorithm): Chinese has no word boundaries, so changes are
// shown per character, then merged into runs. Inputs are articles (at most a few thousand chars).

export type DiffOp = 'equal' | 'insert' | 'delete';
export interface DiffRun {
  op: DiffOp;
  text: string;
}

/** Edit script from a to b as runs of equal / deleted / inserted text. */
export function diffChars(a: string, b: string): DiffRun[] {
  // Strip the common prefix and suffix first: most amended articles change a few characters.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const runs: DiffRun[] = [];
  const push = (op: DiffOp, text: string) => {
    if (!text) return;
    const last = runs[runs.length - 1];
    if (last && last.op === op) last.text += text;
    else runs.push({ op, text });
  };
  push('equal', a.slice(0, start));
  for (const r of myers(a.slice(start, endA), b.slice(start, endB))) push(r.op, r.text);
  push('equal', a.slice(endA));
  return tidy(runs);
}

function myers(a: string, b: string): DiffRun[] {
  const n = a.length;
  const m = b.length;
  if (n === 0) return m ? [{ op: 'insert', text: b }] : [];
  if (m === 0) return [{ op: 'delete', text: a }];
  const max = n + m;
  // One slot of padding each side, so the diagonals -d-1 … d+1 of the last round are in range.
  const offset = max + 1;
  const v = new Int32Array(2 * max + 4);
  // Round d reads only diagonals -d-1 … d+1: keeping that band, not the whole array, makes a
  // rewritten article of n characters O(D²) memory instead of O(D·n) (刑诉法解释: 517 rows, 1/3 of the diff's CPU).
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x: number;
      if (k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)) x = v[offset + k + 1]!;
      else x = v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk the trace backwards, a diagonal's equal stretch and an edit at a time, into runs
  // (built back to front: a piece is prepended to the run of its kind).
  const back: DiffRun[] = [];
  const prepend = (op: DiffOp, text: string) => {
    const last = back[back.length - 1];
    if (last && last.op === op) last.text = text + last.text;
    else back.push({ op, text });
  };
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d]!; // vd[d + 1 + k] is diagonal k at the start of round d
    const k = x - y;
    let prevK: number;
    if (k === -d || (k !== d && vd[d + k]! < vd[d + k + 2]!)) prevK = k + 1;
    else prevK = k - 1;
    const prevX = vd[d + 1 + prevK]!;
    const prevY = prevX - prevK;
    const snake = Math.min(x - prevX, y - prevY);
    if (snake > 0) {
      prepend('equal', a.slice(x - snake, x));
      x -= snake;
      y -= snake;
    }
    if (d > 0) {
      if (x === prevX) prepend('insert', b[y - 1]!);
      else prepend('delete', a[x - 1]!);
    }
    x = prevX;
    y = prevY;
  }
  return back.reverse();
}

/** Put deletions before insertions within a changed stretch, so a replacement reads as one. */
function tidy(runs: DiffRun[]): DiffRun[] {
  const out: DiffRun[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    if (del) out.push({ op: 'delete', text: del });
    if (ins) out.push({ op: 'insert', text: ins });
    del = ins = '';
  };
  for (const r of runs) {
    if (r.op === 'delete') del += r.text;
    else if (r.op === 'insert') ins += r.text;
    else {
      flush();
      out.push(r);
    }
  }
  flush();
  return out;
}

/** Fraction of b's characters that the diff keeps from a (0–1), a cheap similarity for display. */
export function sharedRatio(a: string, b: string): number {
  if (!a.length && !b.length) return 1;
  const kept = diffChars(a, b).reduce((n, r) => n + (r.op === 'equal' ? r.text.length : 0), 0);
  return (2 * kept) / (a.length + b.length);
}
