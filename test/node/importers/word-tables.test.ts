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
