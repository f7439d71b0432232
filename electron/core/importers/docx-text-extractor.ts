// DOCX → plain law text with mammoth. Government DOCX carries no Heading styles, so structure comes
// from the text itself (第一章…, 第一条…), exactly as for TXT: one line per Word paragraph.
// The zip is checked first against a cost budget (core/util/zip-budget), so a zip of something
// else, or a zip bomb, is refused before mammoth inflates anything.

import mammoth from 'mammoth';
import { DEFAULT_ZIP_LIMITS, mb, ZipError, ZipReader, type ZipLimits } from '../util/zip-budget';
import { ExtractError, type ExtractedDocument } from './extracted-document';
import { guessMetadata } from './document-metadata';
import { toPlainLawText } from './plain-law-text';

/**
 * The cost budget of a DOCX. mammoth peaks at about 70 bytes of memory per byte of XML (measured
 * by npm run bench:hostile: 4 MB → 373 MB, 8 MB → 650 MB peak RSS), so one XML part is capped at
 * 5 MB and all of them at 8 MB, which keeps an import under the 500 MB budget; 民法典's
 * document.xml is ≈ 2 MB. Images and other parts are never inflated by the text extraction, only
 * capped by the directory.
 */
export const DOCX_LIMITS: ZipLimits & { maxXmlPartBytes: number; maxXmlTotalBytes: number } = {
  ...DEFAULT_ZIP_LIMITS,
  maxEntries: 10_000,
  maxEntryBytes: 100 * 1024 * 1024,
  maxTotalBytes: 400 * 1024 * 1024,
  maxXmlPartBytes: 5 * 1024 * 1024,
  maxXmlTotalBytes: 8 * 1024 * 1024,
};

/**
 * Refuses what is not a Word document, or would cost too much to read, before mammoth sees it:
 * the directory's sizes first, then every XML part inflated with a hard stop at its declared size
 * (so a directory that lies about a size is caught too).
 */
/** A zip-level refusal as the importer's reason: a budget exceeded is not "damaged". */
function zipRefusal(e: ZipError): ExtractError {
  const overBudget = /超过|炸弹|压缩比|过多/.test(e.message);
  return new ExtractError(overBudget ? `Word 文档超出可读取的大小（已拒绝导入）：${e.message}` : `Word 文档已损坏、不完整或不是 Word 文档：${e.message}`);
}

export function checkDocxZip(bytes: Uint8Array, fileName: string, limits = DOCX_LIMITS): void {
  if (bytes.length === 0) throw new ExtractError('文件为空（0 字节）');
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new ExtractError('这是旧版 Word（.doc）文件，请在 Word/WPS 中另存为 .docx 后再导入');
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new ExtractError('不是有效的 Word 文档（DOCX 应为 ZIP 压缩格式）');
  let zip: ZipReader;
  try {
    zip = ZipReader.fromBytes(bytes, fileName, limits);
  } catch (e) {
    if (e instanceof ZipError) throw zipRefusal(e);
    throw new ExtractError('Word 文档已损坏或不完整（压缩包无法读取）');
  }
  if (!zip.entry('word/document.xml')) {
    throw new ExtractError('这个压缩包不是 Word 文档（缺少 word/document.xml），可能只是改了扩展名');
  }
  const xml = zip.entries.filter((e) => !e.isDirectory && /\.(?:xml|rels)$/i.test(e.name));
  let total = 0;
  for (const e of xml) {
    if (e.size > limits.maxXmlPartBytes) {
      throw new ExtractError(`文档中的“${e.name}”解压后 ${mb(e.size)}，超过上限 ${mb(limits.maxXmlPartBytes)}（异常庞大或是恶意构造的文件），已拒绝导入`);
    }
    total += e.size;
    if (total > limits.maxXmlTotalBytes) {
      throw new ExtractError(`文档的 XML 内容解压后超过 ${mb(limits.maxXmlTotalBytes)}（异常庞大或是恶意构造的文件），已拒绝导入`);
    }
  }
  try {
    for (const e of xml) zip.readEntry(e);
  } catch (e) {
    if (e instanceof ZipError) throw zipRefusal(e);
    throw e;
  }
}

export async function extractDocx(bytes: Uint8Array, fileName: string): Promise<ExtractedDocument> {
  checkDocxZip(bytes, fileName);
  let raw: string;
  const warnings: string[] = [];
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    raw = result.value;
  } catch (e) {
    throw new ExtractError(`Word 文档无法读取：${(e as Error).message?.slice(0, 80) ?? '未知错误'}`);
  }
  // mammoth ends every paragraph with "\n\n"; a soft line break inside one is a single "\n".
  const paragraphs = raw.replace(/\r\n?/g, '\n').split('\n');
  const result = toPlainLawText(paragraphs);
  if (result.text.trim() === '') throw new ExtractError(`${fileName} 中没有文字（可能只有图片或是扫描件）`);
  if (result.tocAt !== undefined) warnings.push(`已跳过目录（${result.tocEntries} 个条目）`);
  return { text: result.text, format: 'docx', meta: guessMetadata(result.text), warnings };
}
