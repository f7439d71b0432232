// GB/T 9704 prints on both sides and puts the 版记 on the last face (7.4.1: its last rule on the
// bottom edge of 公文最后一面的版心): the back of the last sheet, an even page. 7.5: a blank page
// before the 版记's page, and that page, carry no page number. The PDF's placement rule on its own,
// and a real report grown until its 落款 fills an even page, printed by Chromium and read back.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annualReportFor } from '../../../electron/core/reports/annual-report-service';
import { annualReportDocument } from '../../../electron/core/reports/annual-report-document';
import { writeOffice } from '../../../electron/core/office/office-file';
import { renderHtml } from '../../../electron/core/packs/render-html';
import { ChromiumPrinter, chromiumPath, imprintPlace, imprintPlacement, renderPdf } from '../../../electron/core/packs/render-pdf';
import { LINE_PT } from '../../../electron/core/packs/pack-pagination';
import type { PackDocument } from '../../../electron/core/packs/pack-document';
import { makeLibrary, seed, type TestLibrary } from '../records/records-test-support';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasCommand } from '../page-pictures';

const BLOCK_PT = (225 * 72) / 25.4;

describe('where the PDF puts the 版记 (imprintPlacement: page index, top and end in the text block, pt)', () => {
  it('beside the text on an even page when it fits with a line to spare', () => {
    expect(imprintPlacement(1, 300, 360)).toEqual({ spacerPt: BLOCK_PT - 360 - 1.5 });
  });
  it('alone on the next page, numbered, when it would fall beside the text on an odd page', () => {
    const r = imprintPlacement(2, 300, 360);
    expect(r).toMatchObject({ newPage: true });
    expect(r.blankBefore).toBeUndefined();
    expect(r.spacerPt).toBeCloseTo(BLOCK_PT - 60 - 1.5, 6);
  });
  it('after a blank page when no room is left on an even page (both unnumbered), or when it opens an odd page', () => {
    expect(imprintPlacement(3, BLOCK_PT - 70, BLOCK_PT - 10)).toMatchObject({ newPage: true, blankBefore: true });
    expect(imprintPlacement(4, 0, 60)).toMatchObject({ newPage: true, blankBefore: true });
    // room for less than a line on an odd page: the next page is even, no blank page
    expect(imprintPlacement(2, BLOCK_PT - 70, BLOCK_PT - LINE_PT)).toEqual({ spacerPt: BLOCK_PT - (70 - LINE_PT) - 1.5, newPage: true });
    // opening an even page (after a landscape 附件): stays there
    expect(imprintPlacement(5, 0, 60)).toEqual({ spacerPt: BLOCK_PT - 60 - 1.5, newPage: true });
  });
});

describe.skipIf(!chromiumPath() || !hasCommand('pdftotext'))('a report whose 落款 fills an even page (Chromium)', () => {
  let lib: TestLibrary;
  let printer: ChromiumPrinter;
  const work = mkdtempSync(join(tmpdir(), 'lawdesk-even-imprint-'));
  beforeAll(async () => {
    lib = await makeLibrary();
    await lib.svc.importBundle(seed());
    await writeOffice(lib.store, { unit: '高青县科学技术局', imprint: { printedBy: '高青县科学技术局办公室', copyTo: ['县司法局'] } });
    printer = await ChromiumPrinter.launch();
  }, 120_000);
  afterAll(async () => {
    await printer?.close();
    lib?.cleanup();
    rmSync(work, { recursive: true, force: true });
  });

  it('prints a blank page and then the 版记 on the even page after it, neither numbered', async () => {
    const base = annualReportDocument(await annualReportFor(lib.svc, lib.store, { year: 2023 }), '2024-02-20');
    // Grow the text a line at a time (two at a step) until the first pass leaves no room for the
    // 版记 on the even page the 落款 ends on.
    let doc: PackDocument | undefined;
    for (let k = 0; k <= 80 && !doc; k += 2) {
      const d = structuredClone(base);
      for (let i = 0; i < k; i++) d.sections[d.sections.length - 1]!.blocks.push({ kind: 'paragraph', text: `第${i + 1}项补充说明。` });
      if (imprintPlace(await printer.print(renderHtml(d, { imprint: { measure: true, spacerPt: 0 } }))).blankBefore) doc = d;
    }
    expect(doc, 'some length of text ends on an even page with no room for the 版记').toBeDefined();
    const file = join(work, 'grown.pdf');
    writeFileSync(file, (await renderPdf(doc!, { print: printer.print })).pdf);
    const pages = Array.from({ length: Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout)![1]) }, (_, i) =>
      spawnSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ''),
    );
    const n = pages.length;
    expect(n % 2).toBe(0);
    expect(pages[n - 3]).toContain('2024年2月20日');
    expect(pages[n - 3]).toMatch(new RegExp(`—${n - 2}—$`));
    expect(pages[n - 2]).toBe(''); // blank: no text, no number
    expect(pages[n - 1]).toBe('抄送：县司法局。高青县科学技术局办公室2024年2月20日印发');
  }, 600_000);
});
