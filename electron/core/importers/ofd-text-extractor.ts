// OFD (GB/T 33190, the national fixed-layout format of official documents) → plain law text.
// OFD.xml → DocRoot (Document.xml) → each page's Content.xml, with its template pages; the text
// objects (TextObject/TextCode with X, Y, DeltaX including the "g N d" shorthand, the object's
// Boundary and CTM), inside layers and nested PageBlocks, become positioned runs, and from there the
// same layout step as a PDF's text layer (text-layout.ts) rebuilds lines and paragraphs and drops
// running headers, footers, page numbers and a 目录.

import { ExtractError, type ExtractedDocument } from './extracted-document';
import { guessMetadata } from './document-metadata';
import { child, children, OfdPackage, type XmlNode } from './ofd-package';
import { buildLines, layoutPages, pageList, type PositionedText, type TextLine } from './text-layout';

/** OFD measures in millimetres with y growing down; the layout step works in points, y up. */
const PT_PER_MM = 72 / 25.4;
const A4: Box = [0, 0, 210, 297];
export const MAX_OFD_PAGES = 2000;

type Box = [number, number, number, number];
type Matrix = [number, number, number, number, number, number];

function numbers(s: string | undefined): number[] {
  if (!s) return [];
  return s.trim().split(/[\s,]+/).filter((t) => t !== '').map(Number);
}

function box(s: string | undefined): Box | undefined {
  const n = numbers(s);
  return n.length === 4 && n.every(Number.isFinite) ? (n as Box) : undefined;
}

/** DeltaX/DeltaY: numbers, where "g N d" stands for N repeats of d (GB/T 33190 §11.3). */
export function expandDeltas(s: string | undefined): number[] {
  if (!s) return [];
  const tok = s.trim().split(/[\s,]+/).filter((t) => t !== '');
  const out: number[] = [];
  for (let i = 0; i < tok.length; i++) {
    if (tok[i] === 'g') {
      const n = Number(tok[i + 1]);
      const d = Number(tok[i + 2]);
      if (Number.isFinite(n) && Number.isFinite(d)) for (let k = 0; k < Math.min(n, 100_000); k++) out.push(d);
      i += 2;
    } else out.push(Number(tok[i]));
  }
  return out.map((d) => (Number.isFinite(d) ? d : 0));
}

const isNarrow = (c: string) => c.charCodeAt(0) < 0x2e80 || (c >= '\uff61' && c <= '\uffdc');

interface PageRead {
  items: PositionedText[];
  images: number;
}

/** The text runs of one TextObject in page millimetres (y down). */
function textObject(obj: XmlNode, out: PositionedText[], pageHeight: number): void {
  const bound = box(obj.attrs.Boundary);
  if (!bound) return;
  const size = Number(obj.attrs.Size) || 0;
  if (size <= 0) return;
  const ctm = numbers(obj.attrs.CTM);
  const [a, b, c, d, e, f]: Matrix = ctm.length === 6 && ctm.every(Number.isFinite) ? (ctm as Matrix) : [1, 0, 0, 1, 0, 0];
  if (Math.abs(b) > 0.01 * Math.abs(a) || Math.abs(c) > 0.01 * Math.abs(d) || a === 0 || d === 0) return; // rotated: stamps, side notes
  const toPage = (x: number, y: number): [number, number] => [bound[0] + a * x + c * y + e, bound[1] + b * x + d * y + f];
  const glyph = size * Math.abs(d);
  let penX = 0;
  let penY = 0;
  for (const code of children(obj, 'TextCode')) {
    const chars = [...code.text];
    if (chars.length === 0) continue;
    if (code.attrs.X !== undefined) penX = Number(code.attrs.X) || 0;
    if (code.attrs.Y !== undefined) penY = Number(code.attrs.Y) || 0;
    const dx = expandDeltas(code.attrs.DeltaX);
    const dy = expandDeltas(code.attrs.DeltaY);
    if (dy.some((v) => v !== 0)) continue; // vertical text (a seal's legend): not body text
    // One run per stretch of evenly advancing characters; a DeltaX gap (how OFD writers put the
    // space after 第一条) starts a new run, which the line builder turns into a space.
    let run = '';
    let runX = 0;
    let runEnd = 0;
    const flush = () => {
      if (run === '') return;
      const [x0, y] = toPage(runX, penY);
      const [x1] = toPage(runEnd, penY);
      out.push({ str: run, x: x0 * PT_PER_MM, y: (pageHeight - y) * PT_PER_MM, w: (x1 - x0) * PT_PER_MM, size: glyph * PT_PER_MM });
      run = '';
    };
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i]!;
      const nominal = isNarrow(ch) ? size / 2 : size;
      if (run !== '' && penX - runEnd > 0.25 * size) flush();
      if (run === '') runX = penX;
      run += ch;
      runEnd = penX + nominal;
      // Past the last DeltaX the writer means "the font's advance": the nominal width.
      penX += i < dx.length ? dx[i]! : nominal;
    }
    flush();
  }
}

function walk(node: XmlNode, out: PositionedText[], pageHeight: number, counts: { images: number }, depth = 0): void {
  if (depth > 64) return;
  for (const n of node.children) {
    if (n.name === 'TextObject') textObject(n, out, pageHeight);
    else if (n.name === 'ImageObject') counts.images++;
    else if (n.name === 'PageBlock' || n.name === 'Layer' || n.name === 'Content') walk(n, out, pageHeight, counts, depth + 1);
  }
}

function pageBox(page: XmlNode, fallback: Box): Box {
  return box(child(child(page, 'Area'), 'PhysicalBox')?.text) ?? fallback;
}

interface OfdPages {
  pages: PageRead[];
  /** Pages (1-based) that hold images but no text: scans, for OCR. */
  imageOnly: number[];
}

export function readOfdPages(pkg: OfdPackage): OfdPages {
  if (!pkg.has('OFD.xml')) throw new ExtractError('不是 OFD 文件（压缩包中缺少 OFD.xml），可能只是改了扩展名');
  const ofd = pkg.xml(pkg.resolve('', 'OFD.xml'));
  const rootLoc = child(child(ofd, 'DocBody'), 'DocRoot')?.text.trim();
  if (!rootLoc) throw new ExtractError('OFD 文件不完整：OFD.xml 中没有 DocRoot（文档入口）');
  const docPath = pkg.resolve('', rootLoc);
  if (!pkg.has(docPath)) throw new ExtractError(`OFD 文件不完整：缺少文档入口 ${docPath}`);
  const doc = pkg.xml(docPath);
  const common = child(doc, 'CommonData');
  const defaultBox = box(child(child(common, 'PageArea'), 'PhysicalBox')?.text) ?? A4;
  const templates = new Map<string, string>();
  for (const t of children(common, 'TemplatePage')) {
    if (t.attrs.ID && t.attrs.BaseLoc) templates.set(t.attrs.ID, pkg.resolve(docPath, t.attrs.BaseLoc));
  }
  const pageRefs = children(child(doc, 'Pages'), 'Page');
  if (pageRefs.length === 0) throw new ExtractError('OFD 文件中没有页面');
  if (pageRefs.length > MAX_OFD_PAGES) throw new ExtractError(`OFD 页数过多（${pageRefs.length} 页，上限 ${MAX_OFD_PAGES} 页），已拒绝导入`);
  const templateCache = new Map<string, XmlNode>();
  const pages: PageRead[] = [];
  const imageOnly: number[] = [];
  pageRefs.forEach((ref, i) => {
    const loc = ref.attrs.BaseLoc;
    if (!loc) throw new ExtractError(`OFD 文件第 ${i + 1} 页没有内容位置（BaseLoc）`);
    const path = pkg.resolve(docPath, loc);
    if (!pkg.has(path)) throw new ExtractError(`OFD 文件不完整：缺少第 ${i + 1} 页的内容文件 ${path}`);
    const page = pkg.xml(path);
    const [, , , h] = pageBox(page, defaultBox);
    const items: PositionedText[] = [];
    const counts = { images: 0 };
    // Background templates under the page, foreground ones over it; for text only the order of
    // runs on the same line matters, and the line builder sorts by position anyway.
    for (const t of children(page, 'Template')) {
      const tpath = templates.get(t.attrs.TemplateID ?? '');
      if (!tpath) continue;
      if (!templateCache.has(tpath)) {
        if (!pkg.has(tpath)) throw new ExtractError(`OFD 文件不完整：缺少模板页 ${tpath}`);
        templateCache.set(tpath, pkg.xml(tpath));
      }
      walk(child(templateCache.get(tpath)!, 'Content') ?? templateCache.get(tpath)!, items, h, counts);
    }
    const content = child(page, 'Content');
    if (content) walk(content, items, h, counts);
    pages.push({ items, images: counts.images });
    if (counts.images > 0 && items.every((it) => it.str.trim() === '')) imageOnly.push(i + 1);
  });
  return { pages, imageOnly };
}

export function extractOfd(bytes: Uint8Array, fileName: string): ExtractedDocument {
  void fileName;
  const pkg = new OfdPackage(bytes);
  const { pages, imageOnly } = readOfdPages(pkg);
  const n = pages.length;
  const lines: TextLine[][] = pages.map((p, i) => buildLines(p.items, i + 1));
  const emptyPages = lines.map((l, i) => (l.length === 0 ? i + 1 : 0)).filter((x) => x > 0);
  const noText = () =>
    new ExtractError(imageOnly.length > 0 ? `OFD 没有文字（页面只有图片，可能是扫描件），共 ${n} 页` : `OFD 文件中没有文字，共 ${n} 页`);
  if (emptyPages.length === n) throw noText();
  const laid = layoutPages(lines);
  if (!laid) throw noText();
  const warnings = [...laid.warnings];
  if (imageOnly.length > 0) warnings.unshift(`${pageList(imageOnly)}只有图片（可能是扫描页），内容未导入`);
  return { text: laid.text, format: 'ofd', pages: n, meta: guessMetadata(laid.text), warnings };
}
