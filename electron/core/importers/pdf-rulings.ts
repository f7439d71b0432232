// A PDF page's straight ruling lines, from pdf.js's operator list: stroked horizontal and vertical
// segments (LibreOffice draws each cell border as a line), and filled rectangles thin enough to be
// a line (Word and WPS fill their borders). Curves, clip paths and shaded boxes are no rulings.
// Coordinates are the page's user space, as the text layer's (the CTM is followed through
// save/restore, transforms and form XObjects).

import type { Ruling } from './ruled-tables';
import { compose, IDENTITY, type Matrix } from './affine';
import { subpathRules } from './path-rules';

type Ops = Record<string, number>;

/** pdf.js 5's path codes (its DrawOPS, not exported): a path is these codes, each followed by its points. */
const DRAW = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 } as const;

/** Path numbers read on one page at most: a drawing of millions of strokes is no table. */
const MAX_PATH_NUMBERS = 400_000;
/** A filled rectangle thinner than this (points) is a line. */
const THIN = 3;

function asMatrix(v: unknown): Matrix | undefined {
  if (!Array.isArray(v) && !ArrayBuffer.isView(v)) return undefined;
  const a = Array.from(v as ArrayLike<number>);
  return a.length === 6 && a.every((x) => typeof x === 'number' && Number.isFinite(x)) ? (a as Matrix) : undefined;
}

/** The rulings drawn by one page's operators (pdf.js 5: constructPath carries its paint op and a DrawOPS path). */
export function pageRulings(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, OPS: Ops): Ruling[] {
  const draw = DRAW;
  const out: Ruling[] = [];
  let ctm: Matrix = IDENTITY;
  const stack: Matrix[] = [];
  let budget = MAX_PATH_NUMBERS;
  const push = (x0: number, y0: number, x1: number, y1: number) => {
    if (Math.abs(y1 - y0) < 0.5 && Math.abs(x1 - x0) > THIN) out.push({ horizontal: true, at: (y0 + y1) / 2, a: Math.min(x0, x1), b: Math.max(x0, x1) });
    else if (Math.abs(x1 - x0) < 0.5 && Math.abs(y1 - y0) > THIN) out.push({ horizontal: false, at: (x0 + x1) / 2, a: Math.min(y0, y1), b: Math.max(y0, y1) });
  };
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = compose(ctm, asMatrix(args) ?? IDENTITY); // the new matrix applies first
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      const m = asMatrix(args?.[0]);
      if (m) ctm = compose(ctm, m);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath && Array.isArray(args)) {
      const paint = args[0];
      // the even-odd fill-and-stroke ops too: LibreOffice paints the rule over a page's footnotes so (B*)
      const stroked = paint === OPS.stroke || paint === OPS.closeStroke || paint === OPS.fillStroke || paint === OPS.closeFillStroke || paint === OPS.eoFillStroke || paint === OPS.closeEOFillStroke;
      const filled = paint === OPS.fill || paint === OPS.eoFill || paint === OPS.fillStroke || paint === OPS.closeFillStroke || paint === OPS.eoFillStroke || paint === OPS.closeEOFillStroke;
      if (!stroked && !filled) continue; // a clip or a path ended unpainted
      const data = (args[1] as unknown[] | undefined)?.[0];
      if (!Array.isArray(data) && !ArrayBuffer.isView(data)) continue;
      const d = data as ArrayLike<number>;
      budget -= d.length;
      if (budget < 0) return [];
      const at = (x: number, y: number): [number, number] => [ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]];
      // subpaths of straight segments; a curve makes its subpath no ruling
      const path = subpathRules({ filled, stroked }, THIN, push);
      for (let k = 0; k < d.length; ) {
        const op = d[k++];
        if (op === draw.moveTo) {
          path.moveTo(at(d[k]!, d[k + 1]!));
          k += 2;
        } else if (op === draw.lineTo) {
          path.lineTo(at(d[k]!, d[k + 1]!));
          k += 2;
        } else if (op === draw.curveTo) {
          path.curve();
          k += 6;
        } else if (op === draw.quadraticCurveTo) {
          path.curve();
          k += 4;
        } else if (op === draw.closePath) path.close();
        else break; // an unknown op: the rest of the path cannot be read
      }
      path.end();
    }
  }
  return out.filter((r) => Number.isFinite(r.at) && Number.isFinite(r.a) && Number.isFinite(r.b));
}
