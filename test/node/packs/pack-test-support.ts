// A fresh library from test/fixtures/laws (no ../shared needed), records opened on it, and helpers
// to read exports back: DOCX through mammoth, PDF through pdf.js with the importer's line builder
// and CJK radical fix-up.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mammoth from 'mammoth';
import { importPaths } from '../../../electron/core/library/library-import';
import { openLibrary } from '../../../electron/core/library/open-library';
import type { LibraryStore } from '../../../electron/core/library/library-store';
import { buildLines, openPdfTask, type PdfLine } from '../../../electron/core/importers/pdf-text-extractor';
import { RecordsService } from '../../../electron/core/records/records-service';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const LAWS = join(ROOT, 'test/fixtures/laws');
export const NOW = new Date('2025-03-01T02:00:00Z');

export interface TestLibrary {
  dir: string;
  store: LibraryStore;
  svc: RecordsService;
  cleanup(): void;
}

export async function makeLibrary(): Promise<TestLibrary> {
  const dir = mkdtempSync(join(tmpdir(), 'lawdesk-packs-'));
  const { store } = await openLibrary({ dir: join(dir, 'lib'), seed: false, now: () => NOW });
  const report = await importPaths(store, [LAWS]);
  if (report.failed.length) throw new Error(`fixture import failed: ${JSON.stringify(report.failed)}`);
  const svc = await RecordsService.open(store, { actor: '测试员' });
  return { dir, store, svc, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Chromium (Skia) writes Noto CJK glyphs as Type 3 fonts whose ToUnicode maps a glyph shared by two
 * code points to the other one: 户 is extracted as 戶. Mapped back like the importer's radical fix.
 */
const GLYPH_VARIANTS: Record<string, string> = { 戶: '户' };

/** Whitespace (incl. full-width spaces and line breaks) removed: layout may break lines anywhere. */
export const squash = (s: string) => s.replace(/[\s\u3000]+/g, '').replace(/[戶]/g, (c) => GLYPH_VARIANTS[c] ?? c);

export async function docxText(bytes: Uint8Array): Promise<string> {
  return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
}

/** Opened exactly as the importer opens a PDF. */
async function openPdf(bytes: Uint8Array) {
  return (await openPdfTask(bytes)).promise;
}

export interface PdfPage {
  lines: PdfLine[];
  text: string;
  width: number;
}

/** Each page's lines as the PDF importer builds them (radicals mapped to CJK ideographs). */
export async function pdfPages(bytes: Uint8Array): Promise<PdfPage[]> {
  const doc = await openPdf(bytes);
  try {
    const pages: PdfPage[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items = [];
      for (const it of content.items) {
        if (!('str' in it)) continue;
        const [a, , , d, e, f] = it.transform as number[];
        items.push({ str: it.str, x: e!, y: f!, w: it.width, size: Math.abs(d!) || Math.abs(a!) });
      }
      const lines = buildLines(items, p);
      pages.push({ lines, text: lines.map((l) => l.text).join('\n'), width: page.view[2]! });
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
