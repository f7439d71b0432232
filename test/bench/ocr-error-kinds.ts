// What kinds of misreadings remain after post-correction, on the tesseract outputs kept as fixtures
// (test/fixtures/documents/ocr-flags/): each article's OCR text is aligned with its source (an LCS
// alignment, as ocr-diff.ts), neighbouring edits are grouped and each group is given one kind.
//   npx tsx test/bench/ocr-error-kinds.ts [--set dev|test|blind|blind2|bench] [-v]   (no --set: dev, test, blind and blind2)
// The counts are wrong characters as ocr-flag-score.ts counts them (an edit's place in the OCR text).

import { layoutOcrPages } from '../../electron/core/importers/ocr-text';
import { parseLawText } from '../../electron/core/parse/law-structure-parser';
import { flagCases } from './ocr-flag-score';

type Op = { got: string; want: string; at: number };

/** Aligned edits: runs of got/want characters that differ, with their place in `got`. */
export function editRuns(got: string, want: string): Op[] {
  const a = [...got];
  const b = [...want];
  const dp = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) dp[i]![j] = a[i] === b[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
  const ops: Op[] = [];
  let cur: Op | undefined;
  let i = 0;
  let j = 0;
  const flush = () => {
    if (cur) ops.push(cur);
    cur = undefined;
  };
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      flush();
      i++;
      j++;
    } else {
      cur ??= { got: '', want: '', at: i };
      if (j < b.length && (i >= a.length || dp[i]![j + 1]! >= dp[i + 1]![j]!)) cur.want += b[j++];
      else cur.got += a[i++];
    }
  }
  flush();
  return ops;
}

const QUOTES = /^[“”"‘’'「」]+$/;
const PUNCT = /^[，,；;：:。.、？?！!（）()《》〈〉〔〕【】[\]“”"‘’'—\-·…]+$/;
const HAN = /^[\u3400-\u9fff]+$/;
const WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '?': '？', '!': '！', '.': '．' };

export function kindOf(op: Op): string {
  const { got: g, want: w } = op;
  if (g.length === w.length && [...g].every((c, k) => WIDTH[c] === w[k] || WIDTH[w[k]!] === c)) return /^[()（）]+$/.test(g) ? 'bracket width' : 'clause mark width';
  // (a closing quote read as an opening one, with the half-width colon after it: 情节“: for 情节”：)
  if (g.length === w.length && /[“”]/.test(g) && [...g].every((c, k) => c === w[k] || (QUOTES.test(c) && QUOTES.test(w[k]!)) || WIDTH[c] === w[k])) return 'quote direction';
  if ((!g && QUOTES.test(w)) || (!w && QUOTES.test(g))) return 'quote lost/extra';
  if (/^[（）()《》〈〉〔〕]+$/.test(g + w) && g && w) return 'bracket kind/direction';
  if (g && w && PUNCT.test(g) && PUNCT.test(w)) return 'clause mark misread';
  if ((!g && PUNCT.test(w)) || (!w && PUNCT.test(g))) return 'clause mark lost/extra';
  if (!w && /^(第[一二三四五六七八九十百]+[编章节]|[一二三四五六七八九十]+、)[\u3400-\u9fff]+$/.test(g)) return 'heading joined to an article (layout)';
  if (/[0-9０-９%％]/.test(g + w)) return 'digits';
  if (g.length === 1 && w.length === 1 && HAN.test(g) && HAN.test(w)) return 'look-alike ideograph';
  if (!w && /^[A-Za-z0-9|/\\_~`^=+*<>\-.,'":;\s]+$/.test(g)) return 'stray mark (seal/speck)';
  if (!g && HAN.test(w)) return 'ideograph lost';
  if (!w && HAN.test(g)) return 'ideograph extra';
  if (g.length === w.length && HAN.test(g) && HAN.test(w)) return 'look-alike ideographs (run)';
  return 'garbled run (seal/noise)';
}

if (process.argv[1] === import.meta.filename) {
  const at = process.argv.indexOf('--set');
  // Named sets only (a set kept for the lead's final scoring is never read here).
  const sets = at > 0 ? [process.argv[at + 1]!] : ['dev', 'test', 'blind', 'blind2'];
  const label = (only: string) => (only === 'bench' ? 'bench pages' : `held-out (${only.replace(/^blind(\d+)$/, 'blind $1')})`);
  const verbose = process.argv.includes('-v');
  const counts = new Map<string, Map<string, number>>();
  for (const c of flagCases().filter((x) => sets.some((only) => x.set === label(only)))) {
    const laid = layoutOcrPages(c.pages)!;
    const units = parseLawText(laid.text, { format: 'txt' }).units.filter((u) => u.kind === 'article' || u.kind === 'section');
    for (const src of c.source) {
      const u = units.find((x) => x.label === src.label);
      const got = (u?.text ?? '').replace(/\s/g, '');
      const want = src.text.replace(/\s/g, '');
      for (const op of editRuns(got, want)) {
        const k = kindOf(op);
        // Counted as lcsWrong counts: every extra or changed character, a lost run as one.
        const n = op.got.length || 1;
        const m = counts.get(c.set) ?? new Map<string, number>();
        m.set(k, (m.get(k) ?? 0) + n);
        counts.set(c.set, m);
        if (verbose) console.log(`${c.set}\t${c.name.split(' ')[0]}\t${src.label}\t${k}\t「${got.slice(Math.max(0, op.at - 6), op.at)}[${op.got}→${op.want}]${got.slice(op.at + op.got.length, op.at + op.got.length + 6)}」`);
      }
    }
  }
  for (const [set, m] of counts) console.log(set, JSON.stringify(Object.fromEntries([...m].sort((a, b) => b[1] - a[1]))));
}
