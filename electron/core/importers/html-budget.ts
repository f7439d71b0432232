// What an HTML page may cost before node-html-parser sees it. The parser repairs unclosed
// elements at the end by moving each one's children up a level, which is cubic in their nesting:
// 4,000 unclosed <title> took 9 CPU-s, 5,000 unclosed <b> 19 s, 100,000 (a 300 KB file) hours —
// on the main thread. And its DOM costs ≈ 500 bytes an element: a million <br/> (5 MB) was 500 MB.
// A law's page has a few thousand elements and leaves at most a few dozen open at its end, once
// the ones HTML closes by itself (<p> by the next <p> or its parent's end …) and the empty ones
// (<br>, <img> …) are paired as a browser pairs them.

import { ExtractError } from './extracted-document';

/** Most elements in a page (a 民法典 page has ≈ 20,000). */
export const MAX_HTML_ELEMENTS = 300_000;
/** Most elements left open that the parser must repair. */
export const MAX_HTML_UNCLOSED = 500;

const VOID = new Set('area,base,br,col,embed,hr,img,input,link,meta,param,source,track,wbr,keygen,command,basefont,frame,isindex,nextid,spacer'.split(','));
// node-html-parser's own pairing rules (kElementsClosedByOpening / …ByClosing), which are narrower
// than a browser's: a </p> does not close the <strong> left open inside it
const ENDED_BY_OPENING: Record<string, string[]> = { li: ['li'], p: ['p', 'div'], b: ['div'], td: ['td', 'th'], th: ['td', 'th'], h1: ['h1'], h2: ['h2'], h3: ['h3'], h4: ['h4'], h5: ['h5'], h6: ['h6'] };
const ENDED_BY_CLOSING: Record<string, string[]> = { li: ['ul', 'ol'], a: ['div'], b: ['div'], i: ['div'], p: ['div'], td: ['tr', 'table'], th: ['tr', 'table'] };
const OUTER = new Set(['html', 'head', 'body']);
/** Most <html>/<head>/<body> openings: a page has one of each, a pasted-together one a few; the parser repairs each one left open like any other (200,000 <head>: over 20 CPU-s). */
export const MAX_HTML_OUTER = 100;
/**
 * Most children the parser's repair may move, squared and summed (its cost): it moves an unclosed
 * element's children up one at a time, each move filtering the whole child list — quadratic in
 * the children (one unclosed <x> before 8,000 <br/>: 1.1 CPU-s; before 100,000, a 400 KB page the
 * fuzzer made from 100,000 empty <p/> and one <p-> typo: minutes). 20,000² ≈ 7 CPU-s.
 */
export const MAX_HTML_REPAIR_MOVES = 20_000 ** 2;

/**
 * Refuses a page whose elements the parser could not afford, counted in one linear pass that
 * pairs tags as the parser does; what is still open at the end is what it must repair.
 */
export function checkHtmlBudget(html: string, fileName: string): void {
  const text = html.replace(/<!--[\s\S]*?(?:-->|$)/g, '').replace(/<(script|noscript|style|pre)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ''); // the parser's raw-text elements
  const stack: string[] = [];
  // Direct children (elements and text runs) of each open element; [0] is the page's top level.
  const children: number[] = [0];
  let elements = 0;
  let outer = 0;
  let last = 0;
  for (const m of text.matchAll(/<(\/?)([A-Za-z][A-Za-z0-9:-]*)[^>]*?(\/?)>/g)) {
    if (m.index > last) children[stack.length]!++; // the text before this tag
    last = m.index + m[0].length;
    const name = m[2]!.toLowerCase();
    if (OUTER.has(name)) {
      if (!m[1] && ++outer > MAX_HTML_OUTER) {
        throw new ExtractError(`${fileName} 的 HTML 结构异常：<html>、<head>、<body> 标记超过 ${MAX_HTML_OUTER} 个，不像一部法规的网页，已拒绝导入`);
      }
      continue;
    }
    if (m[1]) {
      while (stack.length) {
        const top = stack[stack.length - 1]!;
        if (top === name) {
          stack.pop();
          children.pop();
          break;
        }
        if (ENDED_BY_CLOSING[top]?.includes(name) || (top === 'p' && stack[stack.length - 2] === name)) {
          stack.pop();
          children.pop();
          continue;
        }
        break; // the parser ignores a closing tag it cannot pair
      }
      continue;
    }
    if (++elements > MAX_HTML_ELEMENTS) {
      throw new ExtractError(`${fileName} 中的 HTML 元素过多（超过 ${MAX_HTML_ELEMENTS.toLocaleString('en-US')} 个），不像一部法规的网页，已拒绝导入`);
    }
    if (ENDED_BY_OPENING[stack[stack.length - 1]!]?.includes(name) && !m[3] && !VOID.has(name)) {
      stack.pop();
      children.pop();
    }
    children[stack.length]!++;
    if (m[3] || VOID.has(name)) continue;
    stack.push(name);
    children.push(0);
  }
  if (text.length > last) children[stack.length]!++;
  if (stack.length > MAX_HTML_UNCLOSED) {
    throw new ExtractError(`${fileName} 的 HTML 结构异常：有 ${stack.length.toLocaleString('en-US')} 个标记没有闭合（上限 ${MAX_HTML_UNCLOSED.toLocaleString('en-US')} 个），无法可靠读取；请在浏览器中打开后另存为网页或 PDF 再导入`);
  }
  // What is left open is repaired innermost first, each element's children (its own and those
  // moved into it) moved up a level; the page's <body> too, once anything inside it is open.
  if (stack.length) {
    let moved = 0;
    let cost = 0;
    for (let i = stack.length; i >= 0; i--) {
      moved += children[i]!;
      cost += moved * moved;
    }
    if (cost > MAX_HTML_REPAIR_MOVES) {
      throw new ExtractError(
        `${fileName} 的 HTML 结构异常：没有闭合的 <${stack[stack.length - 1]}> 等 ${stack.length} 个标记下有约 ${moved.toLocaleString('en-US')} 个元素和文字段需要整理，读取代价过高；请在浏览器中打开后另存为网页或 PDF 再导入`,
      );
    }
  }
}
