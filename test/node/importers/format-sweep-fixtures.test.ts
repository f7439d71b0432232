// Fixtures from the format sweep (npm run bench:formats): two corpus laws chosen for what the
// sweep found wrong — curly quotes “…” and the dash —— (LibreOffice writes the quotes in the
// Western font, so a PDF places them as separate items inside a CJK run), the ratio sign 1∶100万,
// and lines that end short because a word or a closing mark cannot start the next one. Made by
// `npx tsx test/bench/format-sweep.ts --fixture test/fixtures/documents/sources/moshou.md,test/fixtures/documents/sources/cehui.md[,…/gongshi.md] --out test/fixtures/documents/sweep --formats doc,pdf,ofd`
// (pandoc → .docx → LibreOffice .doc / .pdf; the project's OFD generator).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../electron/core/importers/extract-document';
import { FIXTURES, matchArticles } from './article-match';

const cases: [string, string][] = [];
for (const law of ['moshou', 'cehui']) for (const f of ['doc', 'pdf', 'ofd']) cases.push([`sweep/${law}-sweep.${f}`, `${law}.md`]);
// × and ÷ between numbers (Latin-1, full width in 仿宋): the OFD reader took them for narrow and saw a gap.
cases.push(['sweep/gongshi-sweep.ofd', 'gongshi.md']);

describe('format sweep fixtures: every article exact', () => {
  for (const [file, source] of cases) {
    it(file, async () => {
      const doc = await extractDocument(new Uint8Array(readFileSync(join(FIXTURES, file))), file, { ocr: false });
      const m = matchArticles(source, doc.text);
      expect(m.mismatches.slice(0, 3)).toEqual([]);
      expect(m.got).toBe(m.expected);
    });
  }
});
