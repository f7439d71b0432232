// Tables (a 附件's 清单, a 罪名 table) in Word and HTML come through as one `|a|b|` line per row, cells
// kept apart and in order — as the PDF/OFD layout and the corpus Markdown write them (table-rows.ts) —
// and never as articles.
// Fixtures: test/fixtures/documents/tables/NOTICE.md (pandoc and LibreOffice, from a corpus law).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../electron/core/importers/extract-document';
import { parseLawText } from '../../../electron/core/parse/law-structure-parser';
import { FIXTURES } from './article-match';

const dir = join(FIXTURES, 'tables');
const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');
// the Markdown table's rows without its |---| rule, spaces aside (PDF gaps and Word cells have none)
const wantRows = readFileSync(join(dir, 'zuiming4.md'), 'utf8')
  .split('\n')
  .filter((l) => l.startsWith('|') && !/^\|[-|\s]+\|$/.test(l))
  .map(squash);

describe('Word and HTML tables as rows', () => {
  for (const file of ['zuiming4.docx', 'zuiming4.doc', 'zuiming4.html']) {
    it(`${file}: every row of the source's table, in order, cells apart; no article made of a row`, async () => {
      const doc = await extractDocument(new Uint8Array(readFileSync(join(dir, file))), file, { ocr: false });
      const rows = doc.text.split('\n').filter((l) => l.startsWith('|')).map(squash);
      expect(wantRows.length).toBeGreaterThan(10);
      expect(rows).toEqual(wantRows);
      const law = parseLawText(doc.text, { format: 'txt' });
      expect(law.units.filter((u) => u.kind === 'article')).toEqual([]);
      // the parser keeps the rows as lines of the text they stand in
      expect(law.units.flatMap((u) => u.text.split('\n')).filter((l) => l.startsWith('|')).map(squash)).toEqual(wantRows);
    });
  }
});

// Merged cells (a 裁量基准's 违法行为 over three 情节 rows, a 注 across the table): every reader gives the rows
// Word itself stores — a horizontally merged cell is one cell of its row, a slot a cell above covers
// (rowspan, w:vMerge) an empty cell — so the HTML a portal publishes, the .docx/.doc made from it and the
// HTML LibreOffice writes back all give the same lines, and no row's cells slide into the wrong column.
describe('merged cells (rowspan/colspan, vMerge/gridSpan)', () => {
  const want = [
    '|序号|违法行为|情节|处罚标准|依据|',
    '|1|未按规定设置警示标志|轻微|责令改正|《安全生产法》第九十九条|',
    '|||一般|罚款一千元以上五千元以下||',
    '|||严重|罚款五千元以上二万元以下||',
    '|2|未按规定培训从业人员|罚款一万元||',
    '|3|拒不改正|依法从重处罚，并可责令停产停业整顿|《安全生产法》第一百零二条|',
    '|4|再次违法||《安全生产法》第一百零三条|',
    '|注：本表所称“以上”“以下”包括本数。|',
  ];
  for (const file of ['merged-cells.html', 'merged-cells-lo.html', 'merged-cells.docx', 'merged-cells-pandoc.docx', 'merged-cells.doc']) {
    it(`${file}: the same rows, covered slots empty, the one-cell 注 row kept`, async () => {
      const doc = await extractDocument(new Uint8Array(readFileSync(join(dir, file))), file, { ocr: false });
      expect(doc.text.split('\n').filter((l) => l.startsWith('|'))).toEqual(want);
      const law = parseLawText(doc.text, { format: 'txt' });
      expect(law.units.filter((u) => u.kind === 'article').map((u) => u.label)).toEqual(['第一条', '第二条', '第三条']);
    });
  }
});
