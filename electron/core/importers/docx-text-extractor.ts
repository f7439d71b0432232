// DOCX → plain law text with mammoth. Government DOCX carries no Heading styles, so structure comes
// from the text itself (第一章…, 第一条…), exactly as for TXT: one line per Word paragraph.
// The zip's directory is checked first, so a zip of something else, or a zip bomb, is refused
// before anything is inflated.

import { unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { ExtractError, type ExtractedDocument } from './extracted-document';
import { guessMetadata } from './document-metadata';
import { toPlainLawText } from './plain-law-text';

/** Refuse a document.xml larger than this when inflated (民法典 is ≈ 2 MB of XML). */
const MAX_DOCUMENT_XML = 200 * 1024 * 1024;

function checkZip(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new ExtractError('文件为空（0 字节）');
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new ExtractError('这是旧版 Word（.doc）文件，请在 Word/WPS 中另存为 .docx 后再导入');
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new ExtractError('不是有效的 Word 文档（DOCX 应为 ZIP 压缩格式）');
  const entries = new Map<string, number>();
  try {
    unzipSync(bytes, {
      filter: (f) => {
        entries.set(f.name, f.originalSize);
        return false; // list only, inflate nothing
      },
    });
  } catch {
    throw new ExtractError('Word 文档已损坏或不完整（压缩包无法读取）');
  }
  const main = entries.get('word/document.xml');
  if (main === undefined) {
    throw new ExtractError('这个压缩包不是 Word 文档（缺少 word/document.xml），可能只是改了扩展名');
  }
  if (main > MAX_DOCUMENT_XML) throw new ExtractError('Word 文档正文异常庞大（可能是恶意构造的压缩包），已拒绝导入');
}

export async function extractDocx(bytes: Uint8Array, fileName: string): Promise<ExtractedDocument> {
  checkZip(bytes);
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
