// DOCX → plain law text. Government DOCX carries no Heading styles, so structure comes from the
// text itself (第一章…, 第一条…), exactly as for TXT: one line per Word paragraph, with Word's
// automatic numbering printed (docx-numbering.ts) and tracked changes, fields, comments, footnotes
// and text boxes read as Word shows the final text (docx-body.ts). The zip is checked first
// against a cost budget (core/util/zip-budget), so a zip of something else, or a zip bomb, is
// refused before anything is parsed.

import { readDocxBody } from './docx-body';
import { WordNumbering } from './docx-numbering';
import { escapesPackage, parseXml } from './ofd-package';
import { DEFAULT_ZIP_LIMITS, mb, ZipError, ZipReader, type ZipLimits } from '../util/zip-budget';
import { ExtractError, revisionsWarning, type ExtractedDocument } from './extracted-document';
import { guessMetadata } from './document-metadata';
import { toPlainLawText } from './plain-law-text';

/**
 * The cost budget of a DOCX. mammoth (the former reader) peaked at about 70 bytes of memory per
 * byte of XML (npm run bench:hostile: 4 MB → 373 MB, 8 MB → 650 MB peak RSS); the streaming
 * reader keeps only the text, but the caps stay: one XML part at most 5 MB and all of them 8 MB;
 * 民法典's document.xml is ≈ 2 MB. Images and other parts are never inflated by the text extraction, only
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
  openDocxZip(bytes, fileName, limits);
}

/** The checked zip, every XML part already inflated once within the budget. */
function openDocxZip(bytes: Uint8Array, fileName: string, limits = DOCX_LIMITS): ZipReader {
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
  const escaping = zip.entries.find((e) => escapesPackage(e.name));
  if (escaping) {
    throw new ExtractError(`Word 文档含有指向包外的路径“${escaping.name.slice(0, 60)}”（Word 从不写入，可能是恶意构造的文件），已拒绝导入`);
  }
  if (!zip.entry('word/document.xml')) {
    // LibreOffice's and WPS's open format (.odt) is a zip too: name it rather than call it a renamed file
    if (zip.entry('mimetype') && zip.entry('content.xml') && zip.entry('META-INF/manifest.xml')) {
      throw new ExtractError('这是 OpenDocument 文档（.odt 等，LibreOffice/WPS 的开放格式），暂不能直接导入：请另存为 .docx 后再导入');
    }
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
  return zip;
}

/** Sentence ends after which a manual line break really starts a new paragraph (款). */
const SENTENCE_END_RE = /[。；：！？][”’」』]?[\s\u3000]*$/;
/** A line that begins numbered text starts its own paragraph whatever precedes it. */
const LABEL_START_RE = /^[\s\u3000]*(?:第[零〇一二三四五六七八九十百千两0-9０-９]+(?:条|章|节|编)|[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|[0-9０-９]+[.．、])/;

/**
 * A Word paragraph with manual line breaks (Shift+Enter, or text pasted from a web page): a break
 * after a sentence end or before a numbered line separates paragraphs; any other break only wraps
 * the line (a title forced onto two lines, a sentence broken to fit) and is joined, without a
 * space between Chinese characters.
 */
export function splitManualBreaks(paragraph: string): string[] {
  if (!paragraph.includes('\n')) return [paragraph];
  const out: string[] = [];
  for (const line of paragraph.split('\n')) {
    if (line.trim() === '') continue;
    const prev = out[out.length - 1];
    if (prev === undefined || SENTENCE_END_RE.test(prev) || LABEL_START_RE.test(line)) {
      out.push(line);
      continue;
    }
    const a = prev.trimEnd();
    const b = line.trimStart();
    out[out.length - 1] = /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
  }
  return out.length ? out : [''];
}

/** Zip part names are relative to the package root; a relationship target is relative to its source part. */
function resolveTarget(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

const REL_BASE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

export async function extractDocx(bytes: Uint8Array, fileName: string): Promise<ExtractedDocument> {
  const zip = openDocxZip(bytes, fileName);
  const warnings: string[] = [];
  const part = (name: string): string | undefined => {
    const e = zip.entry(name) ?? zip.entries.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!e) return undefined;
    try {
      return new TextDecoder('utf-8').decode(zip.readEntry(e));
    } catch (err) {
      if (err instanceof ZipError) throw zipRefusal(err);
      throw err;
    }
  };
  // The main part is whatever the package relationships name (Word: word/document.xml).
  let main = 'word/document.xml';
  const rootRels = part('_rels/.rels');
  if (rootRels) {
    const rels = parseXml(rootRels, '_rels/.rels', 'Word 文档');
    const office = rels.children.find((r) => r.name === 'Relationship' && /\/officeDocument$/.test(r.attrs.Type ?? '') && r.attrs.TargetMode !== 'External');
    if (office?.attrs.Target && zip.entry(resolveTarget('', office.attrs.Target))) main = resolveTarget('', office.attrs.Target);
  }
  const documentXml = part(main);
  if (documentXml === undefined) throw new ExtractError('这个压缩包不是 Word 文档（缺少 word/document.xml），可能只是改了扩展名');
  // numbering.xml and styles.xml as the document's relationships name them.
  const relsName = main.replace(/[^/]*$/, (f) => `_rels/${f}.rels`);
  const targets = new Map<string, string>();
  const docRels = part(relsName);
  if (docRels) {
    for (const r of parseXml(docRels, relsName, 'Word 文档').children) {
      const type = r.attrs.Type ?? '';
      if (r.name === 'Relationship' && type.startsWith(REL_BASE) && r.attrs.Target && r.attrs.TargetMode !== 'External') {
        targets.set(type.slice(REL_BASE.length), resolveTarget(main, r.attrs.Target));
      }
    }
  }
  const tree = (kind: string, fallback: string) => {
    const name = targets.get(kind) ?? fallback;
    const xml = part(name);
    return xml === undefined ? undefined : parseXml(xml, name, 'Word 文档');
  };
  const numbering = new WordNumbering(tree('numbering', 'word/numbering.xml'), tree('styles', 'word/styles.xml'));
  const body = readDocxBody(documentXml, main, numbering);
  const result = toPlainLawText(body.paragraphs.flatMap(splitManualBreaks));
  if (result.text.trim() === '') throw new ExtractError(`${fileName} 中没有文字（可能只有图片或是扫描件）`);
  if (result.tocAt !== undefined && result.tocEntries > 0) warnings.push(`已跳过目录（${result.tocEntries} 个条目）`);
  if (body.tocParagraphs) warnings.push(`已跳过 Word 自动生成的目录（${body.tocParagraphs} 行）`);
  if (body.insertions || body.deletions) warnings.push(revisionsWarning(body.insertions, body.deletions));
  if (body.commentRefs) warnings.push(`文档中的 ${body.commentRefs} 条批注未导入正文`);
  if (body.footnoteRefs) warnings.push(`文档中的 ${body.footnoteRefs} 个脚注/尾注未并入正文`);
  if (body.droppedTextBoxes) warnings.push(`正文中的 ${body.droppedTextBoxes} 个文本框（印章、批注或页边文字）未并入条文`);
  return { text: result.text, format: 'docx', meta: guessMetadata(result.text), warnings };
}
