// Exporting a pack: validate → resolve against the library → render → write atomically (temp file
// in the target folder, fsync, rename), so a failed or interrupted export never leaves a partial
// file. The output folder is checked before any work, so a bad path fails in milliseconds.

import { accessSync, constants, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { writeFileAtomic } from '../library/atomic-file';
import { FileSystemError, printableName } from '../library/fs-errors';
import { toErrorData } from '../../shared/errors';
import { sweepStaleTemps } from '../util/stale-temps';
import type { LibraryStore } from '../library/library-store';
import type { PackDocument } from './pack-document';
import { type Pack, PackError, normalisePack } from './pack-model';
import { type ExportProgress, type ResolveOptions, resolvePack } from './pack-resolve';
import { renderDocx } from './render-docx';
import { renderHtml } from './render-html';
import { type PrintHtmlToPdf, renderPdf } from './render-pdf';

export const EXPORT_FORMATS = ['docx', 'pdf', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions extends ResolveOptions {
  format?: ExportFormat; // default from the output's extension
  out: string;
  /** PDF only: how to print HTML (Electron passes printToPDF); default Chromium via playwright-core. */
  print?: PrintHtmlToPdf;
  onProgress?: (p: ExportProgress) => void;
}

export interface ExportResult {
  path: string;
  format: ExportFormat;
  bytes: number;
  /** PDF only. */
  pages?: number;
  articleCount: number;
  sections: number;
  warnings: string[];
  ms: { resolve: number; render: number; write: number };
}

export function formatOf(out: string, explicit?: string): ExportFormat {
  const f = (explicit ?? extname(out).slice(1)).toLowerCase();
  if ((EXPORT_FORMATS as readonly string[]).includes(f)) return f as ExportFormat;
  throw new PackError('INVALID', explicit ? `不支持的格式“${explicit}”：可用 docx、pdf、html` : `无法从文件名“${out}”判断格式，请用 --format docx|pdf|html`);
}

/** Fails early, with a message a person can act on, when `out` cannot be written. */
export function checkWritable(out: string): string {
  const path = resolve(out);
  const dir = dirname(path);
  let st;
  try {
    st = statSync(dir);
  } catch {
    throw new PackError('WRITE_FAILED', `无法写入 ${path}：文件夹 ${dir} 不存在`, [], { code: 'NOT_FOUND', file: path });
  }
  if (!st.isDirectory()) throw new PackError('WRITE_FAILED', `无法写入 ${path}：${dir} 不是文件夹`, [], { code: 'INVALID', file: path });
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new PackError('WRITE_FAILED', `无法写入 ${path}：没有文件夹 ${dir} 的写入权限`, [], { code: 'PERMISSION', file: path });
  }
  try {
    if (statSync(path).isDirectory()) throw new PackError('WRITE_FAILED', `无法写入 ${path}：这是一个文件夹，请给出文件名`, [], { code: 'INVALID', file: path });
  } catch (e) {
    if (e instanceof PackError) throw e;
  }
  return path;
}

export async function renderDocument(doc: PackDocument, format: ExportFormat, opts: Pick<ExportOptions, 'print' | 'onProgress'> = {}): Promise<{ data: Uint8Array | string; pages?: number }> {
  switch (format) {
    case 'html':
      opts.onProgress?.({ phase: 'render', done: 0, total: 1 });
      return { data: renderHtml(doc) };
    case 'docx':
      return { data: await renderDocx(doc, opts.onProgress ? { onProgress: opts.onProgress } : {}) };
    case 'pdf': {
      const r = await renderPdf(doc, { ...(opts.print ? { print: opts.print } : {}), ...(opts.onProgress ? { onProgress: opts.onProgress } : {}) });
      return { data: r.pdf, pages: r.pages };
    }
  }
}

/** Writes a rendered export in one atomic step; a failure names the file and leaves nothing behind. */
export function writeExportFile(path: string, data: Uint8Array | string): void {
  sweepStaleTemps(dirname(path)); // temp files of exports a kill cut short in this folder (ours, writer gone)
  try {
    writeFileAtomic(path, data);
  } catch (e) {
    if (e instanceof FileSystemError) throw new PackError('WRITE_FAILED', e.message, [], { code: e.code, file: e.file }); // names the file and says what to do
    throw new PackError('WRITE_FAILED', `无法写入 ${printableName(path)}：${(e as NodeJS.ErrnoException).code ?? ''} ${(e as Error).message}`.trim(), [], { code: toErrorData(e).code, file: path });
  }
}

/** Exports a saved pack or a pack input (a parsed pack.json) to DOCX, PDF or HTML. */
export async function exportPack(store: LibraryStore, pack: Pack | unknown, opts: ExportOptions): Promise<ExportResult> {
  const format = formatOf(opts.out, opts.format);
  const path = checkWritable(opts.out);
  const p = isPack(pack) ? pack : normalisePack(pack, store.now(), undefined, store.today());
  if (p.items.length === 0) throw new PackError('EMPTY', `简报包“${p.title}”是空的：请先添加法规、条文、审查记录或文字段落，再导出`);
  const t0 = performance.now();
  const doc = await resolvePack(store, p, opts);
  const t1 = performance.now();
  const { data, pages } = await renderDocument(doc, format, opts);
  const t2 = performance.now();
  opts.onProgress?.({ phase: 'write', done: 0, total: 1, label: path });
  writeExportFile(path, data);
  const t3 = performance.now();
  opts.onProgress?.({ phase: 'write', done: 1, total: 1, label: path });
  return {
    path,
    format,
    bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.length,
    ...(pages !== undefined ? { pages } : {}),
    articleCount: doc.articleCount,
    sections: doc.sections.length,
    warnings: doc.warnings,
    ms: { resolve: Math.round(t1 - t0), render: Math.round(t2 - t1), write: Math.round(t3 - t2) },
  };
}

function isPack(p: unknown): p is Pack {
  const x = p as Partial<Pack> | null;
  return !!x && typeof x === 'object' && typeof x.id === 'string' && typeof x.createdAt === 'string' && Array.isArray(x.items) && x.items.every((i) => typeof i.id === 'string');
}
