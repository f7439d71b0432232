// The text of a WordprocessingML body as Word shows it, read in one streaming pass (saxes):
// paragraphs in document order (table cells included), automatic numbering printed
// (docx-numbering.ts), the final state of tracked changes (insertions kept, deletions and
// moved-away text dropped), field results without their codes (a TOC field's result dropped: it is
// the 目录), hidden text dropped, and what is not the law's body kept apart — comments, footnotes
// and endnotes live in other parts and only leave a reference here; text boxes after the first
// article are a stamp, a margin note or a 附件 label, not the article they float over.

import { SaxesParser, type SaxesTagNS } from 'saxes';
import { ExtractError } from './extracted-document';
import { xmlFault } from './ofd-package';
import type { WordNumbering } from './docx-numbering';
import { isDataTable, tableRowLine } from './table-rows';

const W_NS = new Set(['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main']);
const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
/** Office Math: its m:t runs are text of the paragraph (a formula in a 计算公式 article). */
const M_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/math';
/** Deeper than any real document (tables in tables in text boxes stay far below this). */
const MAX_DEPTH = 200;

export interface DocxBody {
  /** One string per paragraph; a manual line break inside a paragraph is "\n". */
  paragraphs: string[];
  footnoteRefs: number;
  commentRefs: number;
  /** Text boxes found after the first article and left out. */
  droppedTextBoxes: number;
  /** Paragraphs of a TOC field's result left out. */
  tocParagraphs: number;
  /** Tracked changes not yet accepted: deletions (moved-away text and deleted paragraph marks among them) and insertions (moved-to text among them). */
  deletions: number;
  insertions: number;
  /** Rows of data tables written as `|a|b|` lines. */
  tableRows: number;
}

interface Field {
  instr: string;
  inResult: boolean;
}

interface Sink {
  paragraphs: string[];
  current: string | undefined;
  /** The paragraph's own numPr / style, filled from its pPr before its runs. */
  numId?: string;
  ilvl?: number;
  styleId?: string;
  numbered: boolean;
  inToc: boolean;
  /** The paragraph's mark was deleted (tracked): accepted, it runs on into the next paragraph. */
  joinNext?: boolean;
  carry?: string;
}

const ARTICLE_RE = /^[\s\u3000]*第[零〇一二三四五六七八九十百千两0-9０-９]+条/;

const isOff = (v: string | undefined) => v === 'false' || v === '0' || v === 'off';

export function readDocxBody(xml: string, part: string, numbering: WordNumbering): DocxBody {
  const parser = new SaxesParser({ xmlns: true, position: false });
  const out: DocxBody = { paragraphs: [], footnoteRefs: 0, commentRefs: 0, droppedTextBoxes: 0, tocParagraphs: 0, deletions: 0, insertions: 0, tableRows: 0 };
  const stack: string[] = [];
  /** Depth (stack length) at which a skipped subtree started; text is ignored while set. */
  let skipAt = 0;
  let hiddenRun = false;
  let inText = false;
  let inInstr = false;
  let sawArticle = false;
  const fields: Field[] = [];
  const sinks: Sink[] = [{ paragraphs: out.paragraphs, current: undefined, numbered: false, inToc: false }];
  /** Open tables, innermost last: each row's cells, each cell's paragraphs. */
  const tables: { rows: string[][][]; row?: string[][]; sinkDepth: number }[] = [];
  const sink = () => sinks[sinks.length - 1]!;
  const collecting = () => skipAt === 0 && !hiddenRun && fields.every((f) => f.inResult) && sink().current !== undefined;
  const append = (t: string) => {
    const s = sink();
    if (collecting()) s.current += t;
  };
  /** The paragraph's number is printed once its properties are known (at its first run or its end). */
  const number = () => {
    const s = sink();
    if (s.numbered || s.current === undefined) return;
    s.numbered = true;
    const n = numbering.resolve(s.numId !== undefined ? { numId: s.numId, ilvl: s.ilvl } : undefined, s.styleId);
    if (!n) return;
    const label = numbering.next(n.numId, n.ilvl);
    if (label) s.current = label + s.current;
  };

  parser.on('doctype', () => {
    throw new Error('含有 DOCTYPE 声明（Word 从不写入，可能是恶意构造的文件）');
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    stack.push(tag.local);
    if (stack.length > MAX_DEPTH) throw new Error(`嵌套超过 ${MAX_DEPTH} 层`);
    // w:p/w:pPr/w:rPr/w:del: the paragraph mark itself was deleted — two paragraphs joined.
    const n = stack.length;
    if ((tag.local === 'del' || tag.local === 'moveFrom') && stack[n - 2] === 'rPr' && stack[n - 3] === 'pPr' && stack[n - 4] === 'p' && W_NS.has(tag.uri)) {
      if (sink().current !== undefined) sink().joinNext = true;
    }
    if (skipAt) return;
    const w = W_NS.has(tag.uri);
    const attr = (name: string) => {
      for (const a of Object.values(tag.attributes)) if (a.local === name) return a.value;
      return undefined;
    };
    if (tag.uri === MC_NS && tag.local === 'Fallback') {
      // The same content as the mc:Choice before it, for older readers: read once.
      skipAt = stack.length;
      return;
    }
    if (tag.uri === M_NS && tag.local === 't') inText = true;
    if (!w) return;
    const s = sink();
    switch (tag.local) {
      case 'p':
        if (s.current !== undefined) {
          // A paragraph inside a paragraph only happens in a text box; handled by its own sink.
          break;
        }
        s.current = s.carry ?? '';
        s.numId = undefined;
        s.ilvl = undefined;
        s.styleId = undefined;
        // a paragraph joined to the one before keeps that one's number, printed already
        s.numbered = s.carry !== undefined;
        s.carry = undefined;
        s.inToc = fields.some((f) => /^\s*TOC\b/i.test(f.instr));
        break;
      case 'pStyle':
        if (stack[stack.length - 2] === 'pPr') s.styleId = attr('val');
        break;
      case 'numId':
        if (stack[stack.length - 3] === 'pPr') s.numId = attr('val');
        break;
      case 'ilvl':
        if (stack[stack.length - 3] === 'pPr') s.ilvl = Number.parseInt(attr('val') ?? '0', 10) || 0;
        break;
      case 'rPr':
        if (stack[stack.length - 2] === 'pPr') skipAt = stack.length; // the paragraph mark's formatting
        break;
      case 'r':
        hiddenRun = false;
        number();
        break;
      case 'vanish':
      case 'specVanish':
        if (stack[stack.length - 2] === 'rPr' && !isOff(attr('val'))) hiddenRun = true;
        break;
      case 'del':
      case 'moveFrom':
        // Inside rPr/pPr these only mark formatting; as a container they hold deleted runs.
        if (stack[stack.length - 2] !== 'rPr' && stack[stack.length - 2] !== 'pPr') {
          out.deletions++;
          skipAt = stack.length;
        }
        break;
      case 'ins':
      case 'moveTo':
        // the runs inside are the draft's current text and are read; inside rPr/pPr only a mark
        if (stack[stack.length - 2] !== 'rPr' && stack[stack.length - 2] !== 'pPr') out.insertions++;
        break;
      case 'sdtPr': // a content control's settings (its placeholder text among them)
      case 'rt': // the annotation of 注音 (ruby); its base text is read
      case 'pPrChange': // tracked formatting changes hold the old properties (an old numPr)
      case 'rPrChange':
      case 'numberingChange':
        skipAt = stack.length;
        break;
      case 't':
        inText = true;
        break;
      case 'instrText':
        inInstr = true;
        break;
      case 'fldChar': {
        const type = attr('fldCharType');
        if (type === 'begin') fields.push({ instr: '', inResult: false });
        else if (type === 'separate' && fields.length) fields[fields.length - 1]!.inResult = true;
        else if (type === 'end') fields.pop();
        break;
      }
      case 'fldSimple':
        fields.push({ instr: attr('instr') ?? '', inResult: true });
        break;
      case 'tab':
      case 'ptab':
        if (stack[stack.length - 2] === 'r') append('\t');
        break;
      case 'br':
      case 'cr':
        // A manual line break (Shift+Enter) or a page break inside a paragraph; the extractor
        // decides whether it ends a paragraph or only a visual line.
        if (stack[stack.length - 2] === 'r') append('\n');
        break;
      case 'noBreakHyphen':
        append('-');
        break;
      case 'sym': {
        const code = Number.parseInt(attr('char') ?? '', 16);
        // Symbol-font glyphs sit in the private-use area (F000–F0FF): no character to give.
        if (Number.isFinite(code) && code > 0x1f && !(code >= 0xe000 && code <= 0xf8ff)) append(String.fromCodePoint(code));
        break;
      }
      case 'footnoteReference':
      case 'endnoteReference':
        out.footnoteRefs++;
        break;
      case 'commentReference':
        out.commentRefs++;
        break;
      case 'txbxContent':
        sinks.push({ paragraphs: [], current: undefined, numbered: false, inToc: false });
        break;
      case 'tbl':
        tables.push({ rows: [], sinkDepth: sinks.length });
        break;
      case 'tr':
        if (tables.length) tables[tables.length - 1]!.row = [];
        break;
      case 'tc':
        if (tables.length) sinks.push({ paragraphs: [], current: undefined, numbered: false, inToc: false });
        break;
    }
  });
  parser.on('closetag', (tag: SaxesTagNS) => {
    const depth = stack.length;
    stack.pop();
    if (skipAt) {
      if (depth === skipAt) skipAt = 0;
      return;
    }
    if (tag.uri === M_NS && tag.local === 't') inText = false;
    if (!W_NS.has(tag.uri)) return;
    const s = sink();
    switch (tag.local) {
      case 't':
        inText = false;
        break;
      case 'instrText':
        inInstr = false;
        break;
      case 'r':
        hiddenRun = false;
        break;
      case 'fldSimple':
        fields.pop();
        break;
      case 'p': {
        if (s.current === undefined) break;
        number();
        const text = s.current;
        s.current = undefined;
        if (s.joinNext) {
          s.joinNext = false;
          s.carry = text;
          out.deletions++;
          break;
        }
        if (s.inToc || fields.some((f) => /^\s*TOC\b/i.test(f.instr))) {
          out.tocParagraphs++;
          break;
        }
        if (sinks.length === 1 && ARTICLE_RE.test(text)) sawArticle = true;
        s.paragraphs.push(text);
        break;
      }
      case 'tc': {
        const t = tables[tables.length - 1];
        if (!t || sinks.length <= t.sinkDepth) break;
        const cell = sinks.pop()!;
        (t.row ??= []).push(cell.paragraphs);
        break;
      }
      case 'tr': {
        const t = tables[tables.length - 1];
        if (t?.row) t.rows.push(t.row);
        if (t) t.row = undefined;
        break;
      }
      case 'tbl': {
        const t = tables.pop();
        if (!t) break;
        const target = sink().paragraphs;
        if (isDataTable(t.rows)) {
          // one line per row, its cells kept apart and in order, as the PDF layout and the corpus write them
          for (const row of t.rows) target.push(tableRowLine(row.map((c) => c.join(' '))));
          out.tableRows += t.rows.length;
        } else {
          // a layout table (a 红头, a page built in one cell): its paragraphs in reading order
          for (const row of t.rows)
            for (const c of row)
              for (const para of c) {
                if (sinks.length === 1 && ARTICLE_RE.test(para)) sawArticle = true;
                target.push(para);
              }
        }
        break;
      }
      case 'txbxContent': {
        const box = sinks.pop()!;
        // Before the first article a text box may hold the 红头 or the title; after it, it
        // floats over an article it does not belong to.
        if (box.paragraphs.some((p) => p.trim() !== '')) {
          if (sawArticle) out.droppedTextBoxes++;
          else for (const p of box.paragraphs) sinks[0]!.paragraphs.push(p); // no spread: a box may hold 100k paragraphs
        }
        break;
      }
    }
  });
  parser.on('text', (t) => {
    if (inText) append(t);
    else if (inInstr && skipAt === 0 && fields.length) fields[fields.length - 1]!.instr += t;
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    throw new ExtractError(`Word 文档中的 ${part} 无法读取：不是有效的 XML（${xmlFault(e)}），文件可能已损坏`);
  }
  return out;
}
