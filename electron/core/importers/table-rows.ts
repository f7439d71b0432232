// One definition of how a table reaches the law text, for every reader (DOCX, DOC/WPS, HTML, the
// PDF/OFD layout): a table of data is one `|a|b|` line per row, its cells kept apart and in order,
// as the corpus Markdown writes it; a table used for layout (a 红头, a page built in one cell) is
// not data and its paragraphs are read in order instead.

const ARTICLE_RE = /^[\s\u3000]*第[零〇一二三四五六七八九十百千两0-9０-９]+条/;

/** A row's line: `|a|b|`, each cell on one line, a `|` inside a cell a space. */
export function tableRowLine(cells: readonly string[]): string {
  return `|${cells.map((c) => c.replace(/[|\n]/g, ' ').trim()).join('|')}|`;
}

/**
 * A table of data (a 附件's 清单, a 罚款标准 table), not a layout: at least two rows with two or
 * more filled cells, and no cell holding the law itself (several articles, or a page of text).
 * Rows of cells, each cell its paragraphs (lines).
 */
export function isDataTable(rows: readonly (readonly (readonly string[])[])[]): boolean {
  let full = 0;
  for (const row of rows) {
    if (row.filter((c) => c.join('').trim() !== '').length >= 2) full++;
    for (const c of row) {
      if (c.filter((p) => ARTICLE_RE.test(p) && !/^[\s\u3000]*第[0-9０-９]+条/.test(p)).length >= 2) return false;
      if (c.reduce((n, p) => n + p.length, 0) > 600) return false;
    }
  }
  return full >= 2;
}
