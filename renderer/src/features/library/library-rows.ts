// What 法规库 lists: laws grouped into codes (民法典 and its parts) and flattened into the lines of
// the grid, and the orders it can be sorted by.

import type { LawRow, LawSort } from '../../../../electron/shared/api-contract';

/** A row of the table: a law, or a code stored as parts (民法典) holding its parts in the code's order. */
export type TableRow = LawRow & { children?: LawRow[] };

/** One line of the grid: a law or a code at depth 0, a part of an unfolded code at depth 1. */
export interface LibraryLine {
  row: TableRow;
  depth: 0 | 1;
}

/** Consecutive parts of one code (the API keeps them together, in order) become one code row. */
export function groupCodes(rows: LawRow[]): TableRow[] {
  const out: TableRow[] = [];
  for (const r of rows) {
    const last = out.at(-1);
    if (r.code && last?.children && last.code?.key === r.code.key) {
      last.children.push(r);
      last.articleCount += r.articleCount;
      continue;
    }
    if (r.code && r.code.count > 1) {
      const { subtitle: _s, ...first } = r;
      out.push({ ...first, lawId: `code:${r.code.key}`, title: r.code.title, shortTitle: r.code.title, children: [r] });
      continue;
    }
    out.push(r);
  }
  return out;
}

/** The grid's lines: every row, and under each code not folded its parts. */
export function libraryLines(rows: TableRow[], folded: ReadonlySet<string>): LibraryLine[] {
  const out: LibraryLine[] = [];
  for (const row of rows) {
    out.push({ row, depth: 0 });
    if (row.children && !folded.has(row.lawId)) for (const part of row.children) out.push({ row: part, depth: 1 });
  }
  return out;
}

export const SORTS: { value: string; label: string; sort: LawSort }[] = [
  { value: 'published-desc', label: '公布日期（新→旧）', sort: { field: 'published', order: 'desc' } },
  { value: 'published-asc', label: '公布日期（旧→新）', sort: { field: 'published', order: 'asc' } },
  { value: 'effective-desc', label: '施行日期（新→旧）', sort: { field: 'effective', order: 'desc' } },
  { value: 'effective-asc', label: '施行日期（旧→新）', sort: { field: 'effective', order: 'asc' } },
  { value: 'title-asc', label: '标题（拼音 A→Z）', sort: { field: 'title', order: 'asc' } },
  { value: 'level-asc', label: '效力级别（高→低）', sort: { field: 'level', order: 'asc' } },
];

/** A click on a column's header: the column's other order when it is the current one, else its first. */
export function nextSortKey(current: string, field: LawSort['field']): string {
  const own = SORTS.filter((s) => s.sort.field === field);
  const at = own.findIndex((s) => s.value === current);
  return own[(at + 1) % own.length]!.value;
}
