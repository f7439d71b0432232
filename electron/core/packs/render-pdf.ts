// PackDocument → PDF by printing the pack's HTML in Chromium: playwright-core driving the system
// Chromium in the CLI and tests; in Electron the main process passes its own printToPDF as the
// `print` function, so the HTML stays the single source. The TOC is printed with page numbers
// estimated on the page grid; the real page of every entry is then read from the PDF's named
// destinations and, when any differs, the HTML is printed again with the real ones. The TOC
// reserves the numbers' width, so filling them in cannot move a page break.

import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { browserTmpEnv, makeBrowserTempDir, sweepBrowserTemps } from '../util/browser-temp';
import { type PackDocument, tocEntries } from './pack-document';
import { PackError } from './pack-model';
import type { ExportProgress } from './pack-resolve';
import { LINE_PT, estimateTocPages } from './pack-pagination';
import { IMPRINT_IDS, renderHtml } from './render-html';
import { isOfficial } from './official-layout';

/** Prints HTML to PDF with CSS page size, a tagged structure and an outline from the headings. */
export type PrintHtmlToPdf = (html: string) => Promise<Uint8Array>;

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function chromiumPath(): string | undefined {
  const candidates = [process.env.LAWDESK_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((p): p is string => !!p && existsSync(p));
}

/** A reusable Chromium for printing (start once, print many, close). */
export class ChromiumPrinter {
  private constructor(
    private readonly context: { newPage(): Promise<PlaywrightPage>; close(): Promise<void> },
    /** Its profile, artifacts and temp files (browser-temp.ts): removed on close, or at the next start after a kill. */
    readonly tempDir: string,
  ) {}

  static async launch(executablePath = chromiumPath()): Promise<ChromiumPrinter> {
    if (!executablePath) throw new PackError('RENDER_FAILED', '没有找到 Chromium：请安装 chromium，或用环境变量 LAWDESK_CHROMIUM 指定其路径');
    sweepBrowserTemps(); // folders of printers a kill -9 cut short (their process gone)
    let dir: string;
    try {
      dir = makeBrowserTempDir();
    } catch (e) {
      throw new PackError('RENDER_FAILED', `生成 PDF 失败：${(e as Error).message}`);
    }
    try {
      const { chromium } = await import('playwright-core');
      // A persistent context because only it takes the profile folder; TMPDIR keeps Chromium's own temp files in ours too.
      const tmp = browserTmpEnv(dir);
      const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
        executablePath,
        args: CHROMIUM_ARGS,
        artifactsDir: join(dir, 'artifacts'),
        ...(tmp ? { env: { ...process.env, TMPDIR: tmp } } : {}),
      });
      return new ChromiumPrinter(context as unknown as ChromiumPrinter['context'], dir);
    } catch (e) {
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
      throw e;
    }
  }

  private page: Promise<PlaywrightPage> | undefined;

  /** Prints one HTML document. Calls are serialised on one tab (a fresh tab costs ~0.3 s). */
  readonly print: PrintHtmlToPdf = (html) => {
    const job = this.queue.then(async () => {
      this.page ??= this.context.newPage();
      const page = await this.page;
      // The HTML carries a CSP allowing nothing remote, and pack text is escaped, so nothing is fetched.
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
      return new Uint8Array(pdf);
    });
    this.queue = job.catch(() => undefined);
    return job;
  };
  private queue: Promise<unknown> = Promise.resolve();

  async close(): Promise<void> {
    try {
      await this.context.close();
    } finally {
      rmSync(this.tempDir, { recursive: true, force: true, maxRetries: 3 });
    }
  }
}

interface PlaywrightPage {
  setContent(html: string, opts: { waitUntil: 'load' }): Promise<void>;
  pdf(opts: Record<string, unknown>): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** An A4 page's height as Chromium writes it, pt. */
const A4_HEIGHT_PT = 841.92;

/**
 * Where each named destination (an element id linked from the TOC) lands, read from Chromium's PDF
 * without a PDF library: Skia writes the page tree and the /Dests dictionary as plain objects
 * (PDF 1.4, no object streams), so two regular expressions find them. Loading pdf.js for this
 * would cost 2–3 s on a small machine. Returns 0-based page indexes; pages = page count; tops = each
 * destination's y from the top of its page, pt.
 */
export function namedDestPages(pdf: Uint8Array): { pages: number; dests: Map<string, number>; tops: Map<string, number> } {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const nodes = new Map<string, string[]>();
  const kidOf = new Set<string>();
  for (const m of text.matchAll(/(\d+) 0 obj\s*<<\s*\/Type \/Pages\b[^>]*?\/Kids \[([^\]]*)\]/g)) {
    const kids = [...m[2]!.matchAll(/(\d+) 0 R/g)].map((k) => k[1]!);
    nodes.set(m[1]!, kids);
    for (const k of kids) kidOf.add(k);
  }
  const order: string[] = [];
  const walk = (id: string, depth: number) => {
    const kids = nodes.get(id);
    if (!kids) order.push(id);
    else if (depth < 32) for (const k of kids) walk(k, depth + 1);
  };
  for (const id of nodes.keys()) if (!kidOf.has(id)) walk(id, 0);
  const index = new Map(order.map((id, i) => [id, i]));
  const dests = new Map<string, number>();
  // each destination's y from the top of its page (Chromium writes it from the bottom of an A4 page)
  const tops = new Map<string, number>();
  for (const m of text.matchAll(/\/([A-Za-z][\w-]*) \[(\d+) 0 R \/XYZ (?:[\d.-]+ ([\d.-]+))?/g)) {
    const i = index.get(m[2]!);
    if (i === undefined || dests.has(m[1]!)) continue;
    dests.set(m[1]!, i);
    if (m[3] !== undefined) tops.set(m[1]!, A4_HEIGHT_PT - Number(m[3]));
  }
  return { pages: order.length, dests, tops };
}

/** Page numbers as printed ("— N —"; the cover, page index 0, is not counted) of each TOC entry. */
export function tocPagesFromPdf(doc: PackDocument, pdf: Uint8Array): Map<string, number> {
  const { dests } = namedDestPages(pdf);
  const pages = new Map<string, number>();
  for (const e of tocEntries(doc)) {
    const i = dests.get(e.id);
    if (i !== undefined) pages.set(e.id, i);
  }
  return pages;
}

/** The text block's height on a portrait page (225 mm), pt. */
const BLOCK_PT = (225 * 72) / 25.4;

/** Where the 版记 goes: the space above it, and whether it opens a page, with a blank page before that. */
export interface ImprintPlace {
  spacerPt: number;
  newPage?: boolean;
  /** A blank page first: the 版记 then stands on an even page, both unnumbered (GB/T 9704 7.5). */
  blankBefore?: boolean;
}

/**
 * Where the 版记 goes, from where a first pass printed it (straight after the text, no space above):
 * `page` its 0-based page index (an official document has no cover, so page i is numbered i + 1),
 * `top` and `end` its top and end from the top of the text block, pt. The space left under it is
 * put above it; when that is less than a line — no room under the 落款 for the lower edge of the
 * seal — it takes a page of its own, at that page's foot.
 *
 * GB/T 9704 prints on both sides and puts the 版记 on the last face (7.4.1: its last rule on the
 * bottom edge of 公文最后一面的版心), the back of the last sheet: an even page. One that would
 * fall on an odd page beside the text moves to the next page, alone (numbered, as that page follows
 * the text); one that would fall alone on an odd page gets a blank page before it, and the blank
 * page and the 版记's page carry no number (7.5: 公文的版记页前有空白页的，空白页和版记页均不编排页码).
 */
export function imprintPlacement(page: number, top: number, end: number): ImprintPlace {
  // 1.5 pt to spare: the second pass must not push the 版记's last rule onto another page.
  const left = BLOCK_PT - end - 1.5;
  const alone = BLOCK_PT - (end - top) - 1.5;
  const ownPage = top < 1; // already on a page of its own (after a landscape 附件)
  if (!ownPage && left >= LINE_PT) return page % 2 === 1 ? { spacerPt: left } : { spacerPt: alone, newPage: true };
  const at = ownPage ? page : page + 1;
  return at % 2 === 1 ? { spacerPt: ownPage ? left : alone, newPage: true } : { spacerPt: ownPage ? left : alone, newPage: true, blankBefore: true };
}

/** imprintPlacement read off the first pass's PDF (its named destinations). */
export function imprintPlace(pdf: Uint8Array): ImprintPlace {
  const { dests, tops } = namedDestPages(pdf);
  const [top, end, page] = [tops.get(IMPRINT_IDS.top), tops.get(IMPRINT_IDS.end), dests.get(IMPRINT_IDS.end)];
  if (top === undefined || end === undefined || page === undefined) return { spacerPt: LINE_PT };
  return imprintPlacement(page, top, end);
}

export interface PdfRenderOptions {
  /** How to print; default a Chromium started (and closed) for this export. */
  print?: PrintHtmlToPdf;
  onProgress?: (p: ExportProgress) => void;
}

export async function renderPdf(doc: PackDocument, opts: PdfRenderOptions = {}): Promise<{ pdf: Uint8Array; html: string; pages: number; passes: number }> {
  let printer: ChromiumPrinter | undefined;
  const print = opts.print ?? (printer = await ChromiumPrinter.launch()).print;
  try {
    if (isOfficial(doc)) {
      // An official document has no TOC: one pass, and a second one for a 版记, which belongs on
      // the bottom edge of the last page's text block (GB/T 9704 7.4): the first pass shows where
      // it ended, the second puts that much space above it.
      if (!doc.imprint) {
        const html = renderHtml(doc);
        const pdf = await print(html);
        return { pdf, html, pages: namedDestPages(pdf).pages, passes: 1 };
      }
      const first = await print(renderHtml(doc, { imprint: { measure: true, spacerPt: 0 } }));
      const at = imprintPlace(first);
      const html = renderHtml(doc, { imprint: at });
      const pdf = await print(html);
      return { pdf, html, pages: namedDestPages(pdf).pages, passes: 2 };
    }
    // Pass 1 with the grid estimate of the TOC numbers; pass 2 only when the real pages differ.
    opts.onProgress?.({ phase: 'render', done: 0, total: 2, label: '排版' });
    const estimate = estimateTocPages(doc);
    let html = renderHtml(doc, { tocPages: estimate, tocHint: false });
    let pdf = await print(html);
    const real = tocPagesFromPdf(doc, pdf);
    const same = real.size === estimate.size && [...real].every(([k, v]) => estimate.get(k) === v);
    let passes = 1;
    if (!same) {
      opts.onProgress?.({ phase: 'render', done: 1, total: 2, label: '按实际分页填写目录页码' });
      html = renderHtml(doc, { tocPages: real, tocHint: false });
      pdf = await print(html);
      passes = 2;
    }
    opts.onProgress?.({ phase: 'render', done: 2, total: 2 });
    return { pdf, html, pages: namedDestPages(pdf).pages, passes };
  } catch (e) {
    if (e instanceof PackError) throw e;
    throw new PackError('RENDER_FAILED', `生成 PDF 失败：${(e as Error).message.split('\n')[0]}`);
  } finally {
    await printer?.close();
  }
}
