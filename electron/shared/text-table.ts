// Tables inside an article's text. Importers keep a table as one line per row, `| a | b |`, the
// way Markdown writes it (the corpus's 附表, a PDF's 清单 found by text-layout.ts), sometimes with a
// `|---|---|` rule under the head row and `<!-- TABLE -->` markers around it (from the source
// Markdown). The text stays as it is — offsets, search and citations count on it — and each face
// that shows the text draws these lines as a table.

/** A row: starts and ends with a bar. */
const ROW = /^\s*\|.*\|\s*$/;
/** The rule under a head row: |---|:---:|. */
const RULE = /^\s*\|(?:\s*:?-{2,}:?\s*\|)+\s*$/;
/** The markers some sources put around a table. */
const MARKER = /^\s*<!--\s*TABLE(?:\s+END)?\s*-->\s*$/i;

export type TableLineKind = 'row' | 'rule' | 'marker' | 'text';

export function tableLineKind(line: string): TableLineKind {
  if (MARKER.test(line)) return 'marker';
  if (RULE.test(line)) return 'rule';
  if (ROW.test(line) && line.includes('|', line.indexOf('|') + 1)) return 'row';
  return 'text';
}

/** The cells of a row with where each starts in the line, so marks and links keep their offsets. */
export function tableCells(row: string): { text: string; start: number }[] {
  const first = row.indexOf('|');
  const last = row.lastIndexOf('|');
  const out: { text: string; start: number }[] = [];
  let at = first + 1;
  for (let i = at; i <= last; i++) {
    if (row[i] !== '|') continue;
    out.push({ text: row.slice(at, i), start: at });
    at = i + 1;
  }
  return out;
}
