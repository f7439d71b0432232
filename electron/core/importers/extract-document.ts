// Picks the extractor for a file by its bytes first (a PDF named .txt is still a PDF), then by
// its extension, and enforces size limits before anything is parsed.

import { extname } from 'node:path';
import { decodeText, DecodeError, normalizeNewlines } from '../text/text-decoding';
import { cleanMarkdown, readsAsMarkdown } from './markdown-text';
import { metaFromFields } from './document-metadata';
import { cleanWebCopy, webCopyWarnings } from './plain-law-text';
import { imageKind } from './ocr-images';
import { tiffPages } from './ocr-tiff';
import { unwrapHardBreaks } from './hard-wrap';
import { IMAGE_EXTENSIONS, IMPORT_EXTENSIONS } from '../../shared/import-formats';
import { ExtractError, NeedsOcr, type ExtractedDocument, type OcrMode, type SourceFormat } from './extracted-document';

export const SUPPORTED_EXTENSIONS = IMPORT_EXTENSIONS;

const MB = 1024 * 1024;
/** Largest accepted file per format: far above any real law (民法典 is 0.3 MB of text). */
export const SIZE_LIMITS: Record<SourceFormat, number> = {
  md: 20 * MB,
  txt: 20 * MB,
  html: 20 * MB,
  docx: 100 * MB,
  pdf: 200 * MB,
  doc: 100 * MB,
  wps: 100 * MB,
  ofd: 200 * MB,
  image: 50 * MB,
};

function startsWith(bytes: Uint8Array, ascii: string): boolean {
  if (bytes.length < ascii.length) return false;
  for (let i = 0; i < ascii.length; i++) if (bytes[i] !== ascii.charCodeAt(i)) return false;
  return true;
}

/** An OFD package names OFD.xml in its zip directory, which sits at the end of the file. */
function namesOfdXml(bytes: Uint8Array): boolean {
  const tail = bytes.subarray(Math.max(0, bytes.length - 65_536));
  return new TextDecoder('latin1').decode(tail).includes('OFD.xml');
}

/** The format a file will be imported as, or undefined when it is not a document we read. */
export function detectFormat(bytes: Uint8Array, fileName: string): SourceFormat | undefined {
  const ext = extname(fileName).toLowerCase();
  if (startsWith(bytes, '%PDF-')) return 'pdf';
  if (startsWith(bytes, 'PK\u0003\u0004')) return ext === '.ofd' || namesOfdXml(bytes) ? 'ofd' : 'docx';
  // OLE compound file: Word 97 .doc, or WPS 文字 .wps (Word 97 format under WPS's extension).
  if (startsWith(bytes, '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1')) return ext === '.wps' ? 'wps' : 'doc';
  if (imageKind(bytes)) return 'image';
  if (ext === '.md' || ext === '.markdown') return 'md';
  if (ext === '.txt' || ext === '.text') return 'txt';
  if (ext === '.pdf') return 'pdf';
  if (ext === '.docx') return 'docx';
  if (ext === '.doc') return 'doc';
  if (ext === '.wps') return 'wps';
  if (ext === '.ofd') return 'ofd';
  if ((IMAGE_EXTENSIONS as readonly string[]).includes(ext)) return 'image';
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml' || ext === '.mht' || ext === '.mhtml') return 'html';
  return undefined;
}

export function isImportableName(fileName: string): boolean {
  return (SUPPORTED_EXTENSIONS as readonly string[]).includes(extname(fileName).toLowerCase());
}

function extractPlain(bytes: Uint8Array, format: 'md' | 'txt'): ExtractedDocument {
  try {
    const { text, encoding } = decodeText(bytes);
    // Runs of empty lines say no more than one: collapsed before the line-by-line passes, a file of
    // 2,000,000 empty lines (4 MB as UTF-16) took 504 MB in them.
    let normalised = normalizeNewlines(text).replace(/\n{3,}/g, '\n\n');
    const warnings: string[] = [];
    if (encoding === 'utf-8+gb18030') warnings.push('文件中混用了 UTF-8 和 GBK 编码，已逐行识别');
    if (encoding === 'gb18030+bom') warnings.push('文件开头有 UTF-8 标记（BOM），内容却是 GBK/GB18030 编码，已按 GBK 读取，请核对文字');
    const markdown = format === 'md' || readsAsMarkdown(normalised);
    if (format === 'txt' && markdown) warnings.push('文件内容是 Markdown 格式（“# 标题”“## 第一章”等标记），已按 Markdown 读取');
    if (markdown) {
      const md = cleanMarkdown(normalised);
      normalised = md.text;
      if (md.frontMatter) warnings.push('已去除文件开头的 YAML 元数据（front matter）');
      if (md.htmlRemoved) warnings.push('已去除 Markdown 中夹带的 HTML 标记');
    }
    let meta: ExtractedDocument['meta'];
    if (!markdown) {
      // Lines cut at a fixed width inside sentences are joined back into paragraphs.
      const unwrapped = unwrapHardBreaks(normalised);
      if (unwrapped.width !== undefined) {
        normalised = unwrapped.text;
        warnings.push(`文件按固定宽度（每行 ${unwrapped.width}）硬换行，已把 ${unwrapped.joined} 处行尾接回段落`);
      }
      // Text copied from a web page or a 法规 database: its labelled header, related-law boxes, notes.
      const web = cleanWebCopy(normalised);
      normalised = web.text;
      meta = metaFromFields(web.fields);
      warnings.push(...webCopyWarnings(web.removed));
    }
    if (normalised.trim() === '') throw new ExtractError('文件只有空白，没有内容');
    return { text: normalised, format, encoding, warnings, ...(format === 'txt' && markdown ? { markup: 'md' as const } : {}), ...(meta && Object.keys(meta).length ? { meta } : {}) };
  } catch (e) {
    if (e instanceof DecodeError) throw new ExtractError(e.message);
    throw e;
  }
}

/** Why a file of this name cannot be imported (no format detected). */
export function unsupportedReason(fileName: string): string {
  const ext = extname(fileName).toLowerCase();
  return `不支持的文件类型“${ext || '无扩展名'}”（支持 Markdown、TXT、PDF、DOCX、DOC、WPS、OFD、HTML/MHT 和 PNG/JPEG/TIFF 扫描图片）`;
}

export interface ExtractOptions {
  /** Scans (PDF without text layer, image files, image-only OFD): OCR, estimate only, or refuse. */
  ocr?: OcrMode;
}

export async function extractDocument(bytes: Uint8Array, fileName: string, options: ExtractOptions = {}): Promise<ExtractedDocument> {
  const doc = await extractByFormat(bytes, fileName, options);
  // Zero-width characters (a Word paragraph holding only U+200B, a BOM inside a run) are dropped as
  // TXT and Markdown decoding drops them, so every format gives the same text; an OCR text keeps its
  // character positions, which its suspects are traced by.
  if (!doc.ocr) doc.text = normalizeNewlines(doc.text);
  return doc;
}

async function extractByFormat(bytes: Uint8Array, fileName: string, options: ExtractOptions): Promise<ExtractedDocument> {
  if (bytes.length === 0) throw new ExtractError('空文件（0 字节）');
  const format = detectFormat(bytes, fileName);
  if (!format) throw new ExtractError(unsupportedReason(fileName));
  if (bytes.length > SIZE_LIMITS[format]) {
    throw new ExtractError(
      `文件过大（${(bytes.length / MB).toFixed(1)} MB，${format.toUpperCase()} 上限 ${SIZE_LIMITS[format] / MB} MB）`,
    );
  }
  switch (format) {
    case 'md':
    case 'txt':
      return extractPlain(bytes, format);
    // The heavier extractors (pdfjs, the DOCX reader, an HTML parser) load on first use, not at start-up.
    case 'pdf':
      // pdfjs refuses Node Buffers and may detach what it is given: hand it its own copy.
      return (await import('./pdf-text-extractor')).extractPdf(new Uint8Array(bytes), fileName, { ocr: options.ocr ?? false });
    case 'docx':
      return (await import('./docx-text-extractor')).extractDocx(bytes, fileName);
    case 'html': {
      // A web archive (.mht) carries the page as a MIME part.
      const { htmlFromMht, looksLikeMht } = await import('./mht-document');
      const page = looksLikeMht(bytes) ? htmlFromMht(bytes, fileName) : bytes;
      return (await import('./html-text-extractor')).extractHtml(page, fileName);
    }
    case 'doc':
    case 'wps':
      return (await import('./ole-document')).extractOle(bytes, fileName);
    case 'ofd':
      return (await import('./ofd-text-extractor')).readOfd(bytes, fileName, { ocr: options.ocr ?? false });
    case 'image': {
      const ocr = options.ocr ?? false;
      if (ocr === false) throw new ExtractError('图片需要文字识别（OCR）才能导入');
      if (ocr === 'estimate') {
        // A scanner's TIFF holds the whole document: its pages are counted (and checked) from its directories.
        const n = imageKind(bytes) === 'tiff' ? tiffPages(bytes).length : 1;
        throw new NeedsOcr(n, `图片（扫描件或照片），共 ${n} 页`);
      }
      return (await import('./ocr-extractor')).extractImage(bytes, fileName, ocr === true ? {} : ocr);
    }
  }
}
