// OFD (GB/T 33190, the national fixed-layout format of official documents) → plain law text.
// OFD.xml → DocRoot (Document.xml) → each page's Content.xml, with its template pages; the text
// objects (TextObject/TextCode with X, Y, DeltaX including the "g N d" shorthand, the object's
// Boundary and CTM), inside layers and nested PageBlocks, become positioned runs, and from there the
// same layout step as a PDF's text layer (text-layout.ts) rebuilds lines and paragraphs and drops
// running headers, footers, page numbers and a 目录.

import { ExtractError, NeedsOcr, type ExtractedDocument, type OcrMode } from './extracted-document';
import { guessMetadata } from './document-metadata';
import { child, children, MAX_OFD_IMAGE, OfdPackage, type XmlNode } from './ofd-package';
import { glyphCharacters } from './sfnt-cmap';
import { compose, IDENTITY, type Matrix } from './affine';
import { alignedSpaceTables, buildLines, layoutPages, type PositionedText, type TextLine } from './text-layout';
import { pageList } from '../../shared/page-list';
import { splitDocumentNotes, type PageRule } from './page-footnotes';
import { subpathRules } from './path-rules';
import { ocrPagesDoubtMessage } from '../../shared/ocr-page-doubt';
import { ocrTurnedPagesMessage } from '../../shared/ocr-page-turn';

/** OFD measures in millimetres with y growing down; the layout step works in points, y up. */
const PT_PER_MM = 72 / 25.4;
const A4: Box = [0, 0, 210, 297];
export const MAX_OFD_PAGES = 2000;
/**
 * What all pages together may draw, templates counted on every page that uses them (the same cap as
 * a PDF's text layer): a 14 KB OFD whose one page names a 2,000-line template 500 times, or 500 pages
 * naming it once each, made 13 M characters, 15 CPU-s and 936 MB.
 */
export const MAX_OFD_TEXT_CHARS = 6_000_000;
/** Objects (text, image, blocks) walked over all pages, templates counted on every page: empty objects cost too. */
export const MAX_OFD_OBJECTS = 2_000_000;

type Box = [number, number, number, number];

function numbers(s: string | undefined): number[] {
  if (!s) return [];
  return s.trim().split(/[\s,]+/).filter((t) => t !== '').map(Number);
}

function box(s: string | undefined): Box | undefined {
  const n = numbers(s);
  return n.length === 4 && n.every(Number.isFinite) ? (n as Box) : undefined;
}

/**
 * DeltaX/DeltaY: numbers, where "g N d" stands for N repeats of d (GB/T 33190 §11.3). Only the
 * first `max` are wanted (one per character of the TextCode): a hostile "g 100000 1" on each of
 * thousands of one-character codes would otherwise make billions of numbers (35 CPU-s for 11 KB).
 */
export function expandDeltas(s: string | undefined, max = Number.MAX_SAFE_INTEGER): number[] {
  if (!s) return [];
  const tok = s.trim().split(/[\s,]+/).filter((t) => t !== '');
  const out: number[] = [];
  for (let i = 0; i < tok.length && out.length < max; i++) {
    if (tok[i] === 'g') {
      const n = Number(tok[i + 1]);
      const d = Number(tok[i + 2]);
      if (Number.isFinite(n) && Number.isFinite(d)) for (let k = 0; k < Math.min(n, 100_000) && out.length < max; k++) out.push(d);
      i += 2;
    } else out.push(Number(tok[i]));
  }
  return out.map((d) => (Number.isFinite(d) ? d : 0));
}

// Only ASCII and half-width forms are surely narrow. Latin-1 signs (× ÷ °), general punctuation,
// maths and symbols (“ ” — … ∶ ①) are full width in the CJK fonts laws are set in; over-estimating a
// width only hides a gap, under-estimating it invents one ("1∶ 100万").
const isNarrow = (c: string) => c.charCodeAt(0) < 0x80 || (c >= '\uff61' && c <= '\uffdc');

/** An ImageObject: which resource it draws and where (page millimetres). */
interface PlacedImage {
  resourceId: string;
  box: Box;
}

interface PageRead {
  items: PositionedText[];
  images: PlacedImage[];
  /** Horizontal rules drawn by PathObjects (points, y up, as the runs): the separator over the page's notes. */
  rules: PageRule[];
}

/** How much the pages walked so far have drawn; past either cap the file is refused. */
interface DrawBudget {
  chars: number;
  objects: number;
  /** Composite objects drawn: one unit drawn a million times is an attack. */
  composites: number;
  /** The page being read (1-based), for the refusal. */
  page: number;
  /** Path numbers read for rules over all pages: past it no more paths are read (a drawing of millions of strokes holds no note separator). */
  pathNumbers: number;
}

function overBudget(b: DrawBudget): ExtractError {
  return new ExtractError(
    `OFD 的内容量异常庞大（读到第 ${b.page} 页已超过 ${b.chars > MAX_OFD_TEXT_CHARS ? `${MAX_OFD_TEXT_CHARS / 10_000} 万字` : `${MAX_OFD_OBJECTS / 10_000} 万个对象`}，模板页按引用它的每一页计），可能是恶意构造的文件，已拒绝导入`,
  );
}

/** A graphic unit's own space → its parent's: translated to its Boundary's corner, then its CTM. */
function placement(obj: XmlNode, bound: Box): Matrix {
  const ctm = numbers(obj.attrs.CTM);
  const m: Matrix = ctm.length === 6 && ctm.every(Number.isFinite) ? (ctm as Matrix) : IDENTITY;
  return compose([1, 0, 0, 1, bound[0], bound[1]], m);
}

/** What reading one page's objects shares: composite units by ID, the output, what was skipped. */
interface WalkContext {
  pageHeight: number;
  items: PositionedText[];
  images: PlacedImage[];
  rules: PageRule[];
  composites: Map<string, XmlNode>;
  budget: DrawBudget;
  /** Text objects whose characters are only glyph numbers (no Unicode in their TextCode), and their pages. */
  glyphsOnly: { count: number; pages: Set<number> };
  /** Of those, the ones read back through their embedded font's cmap, and their pages. */
  glyphsRead: { count: number; pages: Set<number> };
  /** An embedded font's glyph → character map, by the font's ID; undefined when it has none usable. */
  fontCharacters: (fontId: string) => Map<number, string> | undefined;
}

/** Embedded font files read for their cmap, each at most (a full CJK font is 10–20 MB). */
export const MAX_OFD_FONT = 32 * 1024 * 1024;

/**
 * The characters of a glyph-only TextObject (its TextCodes empty, its CGTransforms naming glyphs),
 * one string per TextCode, through the embedded font's cmap read backwards. A CGTransform per
 * TextCode (or one TextCode for them all) in CodePosition order; any glyph the cmap does not reach
 * leaves the object unread (undefined), as a wrong character is worse than the warning.
 */
function glyphCodeTexts(obj: XmlNode, codes: XmlNode[], ctx: WalkContext): string[] | undefined {
  const chars = ctx.fontCharacters(obj.attrs.Font ?? '');
  if (!chars) return undefined;
  const transforms = children(obj, 'CGTransform').sort((p, q) => (Number(p.attrs.CodePosition) || 0) - (Number(q.attrs.CodePosition) || 0));
  const texts: string[] = [];
  for (const t of transforms) {
    // read number by number against the text budget: a Glyphs list of millions is refused, never split into an array
    const list = /[0-9]+/g;
    let text = '';
    for (let m = list.exec(child(t, 'Glyphs')?.text ?? ''); m; m = list.exec(m.input)) {
      if (++ctx.budget.chars > MAX_OFD_TEXT_CHARS) throw overBudget(ctx.budget);
      const c = chars.get(Number(m[0]));
      if (c === undefined) return undefined;
      text += c;
    }
    texts.push(text);
  }
  if (codes.length === 1) return [texts.join('')];
  return codes.length === texts.length ? texts : undefined;
}

const MAX_COMPOSITES = 20_000;

/** The text runs of one TextObject in page millimetres (y down), through `outer` (an enclosing unit's placement). */
function textObject(obj: XmlNode, ctx: WalkContext, outer: Matrix): void {
  const bound = box(obj.attrs.Boundary);
  if (!bound) return;
  const size = Number(obj.attrs.Size) || 0;
  if (size <= 0) return;
  const [a, b, c, d, e, f] = compose(outer, placement(obj, bound));
  if (Math.abs(b) > 0.01 * Math.abs(a) || Math.abs(c) > 0.01 * Math.abs(d) || a === 0 || d === 0) return; // rotated: stamps, side notes
  // read top to bottom (90) or bottom to top (270): a vertical legend, not body text
  const reading = Number(obj.attrs.ReadDirection) || 0;
  if (reading === 90 || reading === 270) return;
  const toPage = (x: number, y: number): [number, number] => [a * x + c * y + e, b * x + d * y + f];
  const glyph = size * Math.abs(d);
  const codes = children(obj, 'TextCode');
  let texts: string[] = [];
  if (codes.every((code) => code.text.trim() === '') && children(obj, 'CGTransform').some((t) => child(t, 'Glyphs')?.text.trim())) {
    // A blank TextCode is a drawn space (ofdrw's ano.ofd, signout.ofd: 143 of them, all " " on glyph
    // 1): nothing is lost. An empty one names glyphs only — the characters are not in the file.
    if (codes.some((code) => code.text !== '')) return;
    const read = glyphCodeTexts(obj, codes, ctx);
    const counter = read ? ctx.glyphsRead : ctx.glyphsOnly;
    counter.count++;
    counter.pages.add(ctx.budget.page);
    if (!read) return;
    texts = read;
  }
  let penX = 0;
  let penY = 0;
  for (const [k, code] of codes.entries()) {
    const text = texts[k] ?? code.text;
    ctx.budget.chars += text.length;
    if (ctx.budget.chars > MAX_OFD_TEXT_CHARS) throw overBudget(ctx.budget);
    const chars = [...text];
    if (chars.length === 0) continue;
    if (code.attrs.X !== undefined) penX = Number(code.attrs.X) || 0;
    if (code.attrs.Y !== undefined) penY = Number(code.attrs.Y) || 0;
    const dx = expandDeltas(code.attrs.DeltaX, chars.length);
    const dy = expandDeltas(code.attrs.DeltaY, chars.length);
    // Every step down with no step across: characters set one under the other (a seal's legend,
    // 购买方 down an invoice's margin), not body text. A step down with the pen sent back to the
    // left is a line break: writers set a wrapped paragraph as one TextCode that way.
    const down = dy.slice(0, chars.length - 1).filter((v) => v !== 0).length;
    if (down > 0 && down === chars.length - 1 && dx.slice(0, chars.length - 1).every((v) => Math.abs(v) < 0.25 * size)) continue;
    // One run per stretch of evenly advancing characters on one baseline; a DeltaX gap (how OFD
    // writers put the space after 第一条) starts a new run, which the line builder turns into a space.
    let run = '';
    let runX = 0;
    let runY = 0;
    let runEnd = 0;
    const flush = () => {
      if (run === '') return;
      const [x0, y] = toPage(runX, runY);
      const [x1] = toPage(runEnd, runY);
      // a space in a TextCode is one the writer set (a gap it left is only a DeltaX jump)
      ctx.items.push({ str: run, x: x0 * PT_PER_MM, y: (ctx.pageHeight - y) * PT_PER_MM, w: (x1 - x0) * PT_PER_MM, size: glyph * PT_PER_MM, typed: true });
      run = '';
    };
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i]!;
      const nominal = isNarrow(ch) ? size / 2 : size;
      if (run !== '' && (penY !== runY || penX - runEnd > 0.25 * size || penX < runEnd - 0.5 * size)) flush();
      if (run === '') {
        runX = penX;
        runY = penY;
      }
      run += ch;
      runEnd = penX + nominal;
      // Past the last DeltaX the writer means "the font's advance": the nominal width.
      penX += i < dx.length ? dx[i]! : nominal;
      if (i < dy.length) penY += dy[i]!;
    }
    flush();
  }
}

/** Path numbers read for rules in a whole document at most. */
const MAX_PATH_NUMBERS = 400_000;
/** A filled box thinner than this (mm, ≈ 3 pt) is a line, as in a PDF (pdf-rulings.ts). */
const THIN_MM = 1.06;

/**
 * The horizontal rules a PathObject draws (AbbreviatedData's M/L segments, GB/T 33190 §9.3.2), on the
 * page in points with y up like the text runs: stroked straight segments, or a filled box thin enough to
 * be a line. Curves (Q, B, A) make their subpath no rule. Only the separator over a page's notes is
 * wanted (page-footnotes.ts), so vertical lines are not kept.
 */
function pathObject(obj: XmlNode, ctx: WalkContext, outer: Matrix): void {
  const bound = box(obj.attrs.Boundary);
  const data = child(obj, 'AbbreviatedData')?.text;
  if (!bound || !data) return;
  const stroked = obj.attrs.Stroke !== 'false';
  const filled = obj.attrs.Fill === 'true';
  if (!stroked && !filled) return;
  const [a, b, c, d, e, f] = compose(outer, placement(obj, bound));
  const at = (x: number, y: number): [number, number] => [(a * x + c * y + e) * PT_PER_MM, (ctx.pageHeight - (b * x + d * y + f)) * PT_PER_MM];
  const tok = data.trim().split(/[\s,]+/);
  ctx.budget.pathNumbers += tok.length;
  if (ctx.budget.pathNumbers > MAX_PATH_NUMBERS) return;
  const thin = THIN_MM * PT_PER_MM;
  const push = (x0: number, y0: number, x1: number, y1: number) => {
    if (Math.abs(y1 - y0) < 0.5 && Math.abs(x1 - x0) > thin && [x0, x1, y0].every(Number.isFinite)) ctx.rules.push({ y: (y0 + y1) / 2, x0: Math.min(x0, x1), x1: Math.max(x0, x1) });
  };
  const path = subpathRules({ filled, stroked }, thin, push);
  const num = (k: number) => Number(tok[k]);
  for (let k = 0; k < tok.length; ) {
    const op = tok[k++];
    if (op === 'S' || op === 'M') {
      path.moveTo(at(num(k), num(k + 1)));
      k += 2;
    } else if (op === 'L') {
      path.lineTo(at(num(k), num(k + 1)));
      k += 2;
    } else if (op === 'Q') {
      path.curve();
      k += 4;
    } else if (op === 'B') {
      path.curve();
      k += 6;
    } else if (op === 'A') {
      path.curve();
      k += 7;
    } else if (op === 'C') path.close();
    else break; // an unknown op: the rest of the path cannot be read
  }
  path.end();
}

function walk(node: XmlNode, ctx: WalkContext, outer: Matrix, depth = 0): void {
  if (depth > 64) return;
  ctx.budget.objects += node.children.length;
  if (ctx.budget.objects > MAX_OFD_OBJECTS) throw overBudget(ctx.budget);
  for (const n of node.children) {
    if (n.name === 'TextObject') textObject(n, ctx, outer);
    else if (n.name === 'PathObject') pathObject(n, ctx, outer);
    else if (n.name === 'ImageObject') {
      const b = box(n.attrs.Boundary);
      ctx.images.push({ resourceId: n.attrs.ResourceID ?? '', box: b ?? [0, 0, 0, 0] });
    } else if (n.name === 'PageBlock' || n.name === 'Layer' || n.name === 'Content') walk(n, ctx, outer, depth + 1);
    else if (n.name === 'CompositeObject') {
      // A composite graphic unit (CompositeGraphicUnit in a Res file) drawn here: its Content in
      // its own space, placed by the object's Boundary and CTM. Writers that convert from PDF
      // (the CNKI writer) put every text object of a page inside one.
      const unit = ctx.composites.get(n.attrs.ResourceID ?? '');
      const b = box(n.attrs.Boundary);
      if (!unit || !b || ++ctx.budget.composites > MAX_COMPOSITES) continue;
      const content = child(unit, 'Content');
      if (content) walk(content, ctx, compose(outer, placement(n, b)), depth + 8);
    }
  }
}

function pageBox(page: XmlNode, fallback: Box): Box {
  return box(child(child(page, 'Area'), 'PhysicalBox')?.text) ?? fallback;
}

interface OfdPages {
  pages: PageRead[];
  /** Pages (1-based) that hold images but no text: scans, for OCR. */
  imageOnly: number[];
  /** Image resources (MultiMedia ID → path of the file in the package), from every Res file. */
  media: Map<string, { path: string; format: string }>;
  /** Text objects drawn from glyph numbers only (their TextCode holds no characters): text that cannot be read. */
  glyphsOnly: number;
  /** Glyph-only text objects read through their embedded font's cmap, and their pages. */
  glyphsRead: number;
  glyphsReadPages: number[];
  /** The pages those are on. */
  glyphPages: number[];
}

interface Resources {
  /** Image resources (MultiMedia ID → path of the file in the package). */
  media: Map<string, { path: string; format: string }>;
  /** Composite graphic units by ID (their Content is drawn where a CompositeObject names them). */
  composites: Map<string, XmlNode>;
  /** Embedded font files by Font ID: the FontFile as written and the folder it is named from (resolved when needed). */
  fonts: Map<string, { base: string; file: string }>;
  read: Set<string>;
}

/** The MultiMedia and CompositeGraphicUnit entries of a resource file (PublicRes, DocumentRes, PageRes), each file once. */
function readRes(pkg: OfdPackage, resPath: string, into: Resources): void {
  if (!pkg.has(resPath) || pkg.isEmpty(resPath) || into.read.has(resPath.toLowerCase())) return;
  into.read.add(resPath.toLowerCase());
  const res = pkg.xml(resPath);
  // Media files are named relative to the Res file's BaseLoc folder (itself relative to the Res file).
  const base = res.attrs.BaseLoc ? `${pkg.resolve(resPath, res.attrs.BaseLoc)}/` : resPath;
  for (const group of children(res, 'MultiMedias')) {
    for (const m of children(group, 'MultiMedia')) {
      const file = child(m, 'MediaFile')?.text.trim();
      if (!m.attrs.ID || !file || (m.attrs.Type && m.attrs.Type !== 'Image')) continue;
      into.media.set(m.attrs.ID, { path: pkg.resolve(base, file), format: (m.attrs.Format ?? '').toUpperCase() });
    }
  }
  for (const group of children(res, 'Fonts')) {
    for (const f of children(group, 'Font')) {
      const file = child(f, 'FontFile')?.text.trim();
      if (f.attrs.ID && file) into.fonts.set(f.attrs.ID, { base, file });
    }
  }
  for (const group of children(res, 'CompositeGraphicUnits')) {
    for (const u of children(group, 'CompositeGraphicUnit')) if (u.attrs.ID) into.composites.set(u.attrs.ID, u);
  }
}

export function readOfdPages(pkg: OfdPackage): OfdPages {
  if (!pkg.has('OFD.xml')) throw new ExtractError('不是 OFD 文件（压缩包中缺少 OFD.xml），可能只是改了扩展名');
  const ofd = pkg.xml(pkg.resolve('', 'OFD.xml'));
  const rootLoc = child(child(ofd, 'DocBody'), 'DocRoot')?.text.trim();
  if (!rootLoc) throw new ExtractError('OFD 文件不完整：OFD.xml 中没有 DocRoot（文档入口）');
  // libofd's writer names the folder (DocRoot "Doc_0", page BaseLoc "Pages/Page_0"), not the file in it
  const inFolder = (path: string, file: string) => (pkg.has(path) || !pkg.has(`${path}/${file}`) ? path : `${path}/${file}`);
  const docPath = inFolder(pkg.resolve('', rootLoc), 'Document.xml');
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
  const res: Resources = { media: new Map(), composites: new Map(), fonts: new Map(), read: new Set() };
  // An embedded font is read (and its name resolved: one climbing out of the package refuses the
  // file, as any other part's) only when glyph-only text needs it, once.
  const fontCache = new Map<string, Map<number, string> | undefined>();
  const fontCharacters = (id: string) => {
    if (!fontCache.has(id)) {
      const f = res.fonts.get(id);
      const path = f ? pkg.resolve(f.base, f.file) : undefined;
      fontCache.set(id, path && pkg.has(path) ? glyphCharacters(pkg.read(path, MAX_OFD_FONT)) : undefined);
    }
    return fontCache.get(id);
  };
  for (const r of [...children(common, 'PublicRes'), ...children(common, 'DocumentRes')]) readRes(pkg, pkg.resolve(docPath, r.text.trim()), res);
  const budget: DrawBudget = { chars: 0, objects: 0, composites: 0, page: 0, pathNumbers: 0 };
  const glyphsOnly = { count: 0, pages: new Set<number>() };
  const glyphsRead = { count: 0, pages: new Set<number>() };
  const templateCache = new Map<string, XmlNode>();
  const pages: PageRead[] = [];
  const imageOnly: number[] = [];
  // Each page has its own content file: 2,000 pages that all name one 2 MB Content.xml would read
  // it 2,000 times (a 115 KB file: 20 pages of it already took 675 MB).
  const pageOfPath = new Map<string, number>();
  pageRefs.forEach((ref, i) => {
    budget.page = i + 1;
    const loc = ref.attrs.BaseLoc;
    if (!loc) throw new ExtractError(`OFD 文件第 ${i + 1} 页没有内容位置（BaseLoc）`);
    const path = inFolder(pkg.resolve(docPath, loc), 'Content.xml');
    if (!pkg.has(path)) throw new ExtractError(`OFD 文件不完整：缺少第 ${i + 1} 页的内容文件 ${path}`);
    const same = pageOfPath.get(path.toLowerCase());
    if (same !== undefined) {
      throw new ExtractError(`OFD 文件第 ${i + 1} 页与第 ${same} 页指向同一个内容文件 ${path}，可能是恶意构造的文件，已拒绝导入`);
    }
    pageOfPath.set(path.toLowerCase(), i + 1);
    const page = pkg.xml(path);
    const [, , , h] = pageBox(page, defaultBox);
    const items: PositionedText[] = [];
    const images: PlacedImage[] = [];
    const rules: PageRule[] = [];
    for (const r of children(page, 'PageRes')) readRes(pkg, pkg.resolve(path, r.text.trim()), res);
    const ctx: WalkContext = { pageHeight: h, items, images, rules, composites: res.composites, budget, glyphsOnly, glyphsRead, fontCharacters };
    // Background templates under the page, foreground ones over it; for text only the order of
    // runs on the same line matters, and the line builder sorts by position anyway. A template named
    // twice on one page is drawn once (its text twice would only double the lines). A template's
    // own Template references are not followed, so templates naming each other cannot loop.
    const drawn = new Set<string>();
    for (const t of children(page, 'Template')) {
      const tpath = templates.get(t.attrs.TemplateID ?? '');
      if (!tpath || drawn.has(tpath.toLowerCase())) continue;
      drawn.add(tpath.toLowerCase());
      if (!templateCache.has(tpath)) {
        if (!pkg.has(tpath)) throw new ExtractError(`OFD 文件不完整：缺少模板页 ${tpath}`);
        templateCache.set(tpath, pkg.xml(tpath));
      }
      walk(child(templateCache.get(tpath)!, 'Content') ?? templateCache.get(tpath)!, ctx, IDENTITY);
    }
    const content = child(page, 'Content');
    if (content) walk(content, ctx, IDENTITY);
    pages.push({ items, images, rules });
    if (images.length > 0 && items.every((it) => it.str.trim() === '')) imageOnly.push(i + 1);
  });
  const sorted = (ps: Set<number>) => [...ps].sort((a, b) => a - b);
  return { pages, imageOnly, media: res.media, glyphsOnly: glyphsOnly.count, glyphPages: sorted(glyphsOnly.pages), glyphsRead: glyphsRead.count, glyphsReadPages: sorted(glyphsRead.pages) };
}

export function extractOfd(bytes: Uint8Array, fileName: string): ExtractedDocument {
  void fileName;
  const pkg = new OfdPackage(bytes);
  return textOnly(readOfdPages(pkg));
}

/**
 * Text drawn from glyph numbers only is read back through the embedded font's cmap where the font
 * has one that reaches every glyph; otherwise it is lost (the characters are nowhere in the file):
 * the import report names the pages, which only OCR of a print or scan can read.
 */
const GLYPHS_TO_OCR = '这些页只能打印或另存为图片/PDF 后按扫描件导入（文字识别 OCR）';
function glyphWarning(count: number, pages: number[], read: number, readPages: number[]): string[] {
  const out = read > 0 ? [`${pageList(readPages)}有 ${read} 处文字只记录了字形编号，已按文件内嵌字体的字符映射（cmap）还原，请对照原件核对`] : [];
  return count > 0 ? [...out, `${pageList(pages)}有 ${count} 处文字只记录了字形编号、没有文字编码，无法读取，导入的文字会缺字；${GLYPHS_TO_OCR}，或对照原件补全`] : out;
}

/**
 * The text pages' lines: each body's, then its footnotes, which the layout step keeps apart. The notes
 * are found over the whole document as in a PDF (page-footnotes.ts: a note running on to the next
 * page, endnotes after the last article); a scanned page (`skip`) is read by OCR and counts as empty.
 */
function textPageLines(pages: readonly PageRead[], skip: ReadonlySet<number> = new Set()): TextLine[][] {
  const { bodies, notes } = splitDocumentNotes(pages.map((p, i) => (skip.has(i + 1) ? { items: [] } : { items: p.items, rules: p.rules })));
  return bodies.map((body, i) => [...alignedSpaceTables(buildLines(body, i + 1)), ...notes[i]!]);
}

function textOnly({ pages, imageOnly, glyphsOnly, glyphPages, glyphsRead, glyphsReadPages }: OfdPages): ExtractedDocument {
  const n = pages.length;
  const lines: TextLine[][] = textPageLines(pages);
  const emptyPages = lines.map((l, i) => (l.length === 0 ? i + 1 : 0)).filter((x) => x > 0);
  const noText = () =>
    new ExtractError(
      imageOnly.length > 0
        ? `OFD 没有文字（页面只有图片，可能是扫描件），共 ${n} 页`
        : glyphsOnly > 0
          ? `OFD 的文字只记录了字形编号、没有文字编码（${pageList(glyphPages)}共 ${glyphsOnly} 处），无法读取，共 ${n} 页；${GLYPHS_TO_OCR}`
          : `OFD 文件中没有文字，共 ${n} 页`,
    );
  if (emptyPages.length === n) throw noText();
  const laid = layoutPages(lines, { spacing: true });
  if (!laid) throw noText();
  const warnings = [...laid.warnings];
  if (imageOnly.length > 0) warnings.unshift(`${pageList(imageOnly)}只有图片（可能是扫描页），内容未导入`);
  warnings.push(...glyphWarning(glyphsOnly, glyphPages, glyphsRead, glyphsReadPages));
  return { text: laid.text, format: 'ofd', pages: n, meta: guessMetadata(laid.text), warnings };
}

/** Where the picture of a scanned page is: its largest image, and the width it is placed at. */
function scannedPageImage(pkg: OfdPackage, read: OfdPages, pageNo: number): { path: string; name: string; widthMm: number } {
  const page = read.pages[pageNo - 1]!;
  const area = (b: Box) => Math.max(0, b[2]) * Math.max(0, b[3]);
  const img = [...page.images].sort((a, b) => area(b.box) - area(a.box))[0]!;
  const res = read.media.get(img.resourceId);
  if (!res) throw new ExtractError(`OFD 文件不完整：第 ${pageNo} 页的图片（资源 ${img.resourceId || '无编号'}）在资源文件中找不到`);
  if (!pkg.has(res.path)) throw new ExtractError(`OFD 文件不完整：缺少第 ${pageNo} 页的图片 ${res.path}`);
  return { path: res.path, name: `第 ${pageNo} 页的图片 ${res.path}`, widthMm: img.box[2] };
}

/** The image files of an OFD's scanned pages (checked to exist), without decoding them. */
export function ofdScanImages(bytes: Uint8Array): { page: number; path: string; widthMm: number }[] {
  const pkg = new OfdPackage(bytes);
  const read = readOfdPages(pkg);
  return read.imageOnly.map((page) => ({ page, ...scannedPageImage(pkg, read, page) }));
}

/** The picture of one scanned page of an OFD (the 核对 view shows it), and the OFD's page count. */
export function ofdPagePicture(bytes: Uint8Array, pageNo: number): { bytes: Uint8Array; pages: number } {
  const pkg = new OfdPackage(bytes);
  const read = readOfdPages(pkg);
  if (!read.imageOnly.includes(pageNo)) throw new ExtractError(`OFD 第 ${pageNo} 页不是扫描页（共 ${read.pages.length} 页）`);
  return { bytes: pkg.read(scannedPageImage(pkg, read, pageNo).path, MAX_OFD_IMAGE), pages: read.pages.length };
}

/**
 * An OFD → plain law text; pages that are only an image (a scanned 红头文件 saved as OFD) are
 * recognised by OCR when `ocr` allows it, and laid out together with the pages that have text.
 */
export async function readOfd(bytes: Uint8Array, fileName: string, opts: { ocr?: OcrMode } = {}): Promise<ExtractedDocument> {
  const pkg = new OfdPackage(bytes);
  const read = readOfdPages(pkg);
  const ocr = opts.ocr ?? false;
  const n = read.pages.length;
  const k = read.imageOnly.length;
  if (k === 0 || ocr === false) return textOnly(read);
  if (ocr === 'estimate') {
    throw new NeedsOcr(k, k === n ? `OFD 页面只有图片（扫描件），共 ${k} 页` : `OFD 共 ${n} 页，其中${pageList(read.imageOnly)}只有图片（扫描页）`, n);
  }
  const [{ recognisePages }, { layoutMixedPages }, { doubtfulPages }, { turnedPages }] = await Promise.all([import('./ocr-engine'), import('./ocr-text'), import('./ocr-page-doubt'), import('./ocr-orientation')]);
  // Every page's picture is found before any worker starts: a broken package fails at once.
  const sources = read.imageOnly.map((p) => scannedPageImage(pkg, read, p));
  const blank: number[] = [];
  const recognised = await recognisePages(
    k,
    async (i, thread) => {
      const pageNo = read.imageOnly[i]!;
      const src = sources[i]!;
      const r = await thread.recogniseImage(pkg.read(src.path, MAX_OFD_IMAGE), src.name, { widthMm: src.widthMm });
      if (r.blank) blank.push(pageNo);
      return r;
    },
    typeof ocr === 'object' ? ocr : {},
  );
  const byPage = new Map(read.imageOnly.map((p, i) => [p, recognised[i]!]));
  const textLines = textPageLines(read.pages, new Set(read.imageOnly));
  const laid = layoutMixedPages(read.pages.map((_, i) => (byPage.has(i + 1) ? { ocr: byPage.get(i + 1)! } : { lines: textLines[i]! })));
  if (!laid || laid.text.replace(/\s/g, '').length < 10) {
    throw new ExtractError(blank.length === k ? `OFD 的扫描页是空白页，没有可识别的文字，共 ${n} 页` : `OFD 的扫描页中没有识别出文字（可能不是文字扫描件或过于模糊），共 ${n} 页`);
  }
  const warnings = [`${k === n ? '' : `${pageList(read.imageOnly)}`}文字由扫描页识别（OCR，共 ${k} 页），请对照原件核对`, ...laid.warnings];
  if (blank.length > 0) warnings.push(`${pageList(blank.sort((a, b) => a - b))}是空白页`);
  warnings.push(...glyphWarning(read.glyphsOnly, read.glyphPages, read.glyphsRead, read.glyphsReadPages));
  // the OFD's own page numbers, as the 核对 view turns its pages
  const turned = turnedPages(recognised, read.imageOnly);
  const turnedMessage = ocrTurnedPagesMessage(turned);
  if (turnedMessage) warnings.push(turnedMessage);
  const doubtful = doubtfulPages(recognised, read.imageOnly);
  const doubt = ocrPagesDoubtMessage(doubtful);
  if (doubt) warnings.push(doubt);
  void fileName;
  return {
    text: laid.text,
    format: 'ofd',
    pages: n,
    meta: guessMetadata(laid.text),
    warnings,
    textSource: 'ocr',
    ocr: { stream: laid.stream, confidence: laid.confidence, pages: k, charLine: laid.charLine, lines: laid.lines, ...(doubtful.length ? { doubtfulPages: doubtful } : {}), ...(turned.length ? { turnedPages: turned } : {}) },
  };
}
