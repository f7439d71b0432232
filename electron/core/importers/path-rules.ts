// The straight lines a drawn path can be read as rules from — a table's borders in a PDF (pdf-rulings.ts), the
// short rule over a page's notes in an OFD (ofd-text-extractor.ts): each format walks its own path syntax and
// hands the points here. A stroked subpath gives its straight segments (a closed one its closing side too); a
// filled one with no stroke, a box drawn with sides along the axes and thinner than `thin`, is one line through
// its middle (Word and WPS fill their borders). A curve anywhere makes its subpath no rule.

export type Point = readonly [number, number];
/** Where each straight segment goes: the caller keeps the ones it wants (horizontal, long enough …). */
export type SegmentSink = (x0: number, y0: number, x1: number, y1: number) => void;

export interface SubpathRules {
  moveTo(p: Point): void;
  lineTo(p: Point): void;
  curve(): void;
  close(): void;
  /** The path ended: its last subpath is read. */
  end(): void;
}

export function subpathRules(paint: { filled: boolean; stroked: boolean }, thin: number, push: SegmentSink): SubpathRules {
  let sub: Point[] = [];
  let straight = true;
  const flush = (closed: boolean) => {
    if (straight && sub.length >= 2) {
      if (paint.filled && !paint.stroked) {
        const xs = sub.map((p) => p[0]);
        const ys = sub.map((p) => p[1]);
        const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
        const axial = sub.every((p, k) => k === 0 || Math.abs(p[0] - sub[k - 1]![0]) < 0.5 || Math.abs(p[1] - sub[k - 1]![1]) < 0.5);
        if (axial && y1 - y0 < thin && x1 - x0 > thin) push(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2);
        else if (axial && x1 - x0 < thin && y1 - y0 > thin) push((x0 + x1) / 2, y0, (x0 + x1) / 2, y1);
      } else {
        for (let k = 1; k < sub.length; k++) push(sub[k - 1]![0], sub[k - 1]![1], sub[k]![0], sub[k]![1]);
        if (closed && sub.length > 2) push(sub[sub.length - 1]![0], sub[sub.length - 1]![1], sub[0]![0], sub[0]![1]);
      }
    }
    sub = [];
    straight = true;
  };
  return {
    moveTo(p) {
      flush(false);
      sub.push(p);
    },
    lineTo(p) {
      sub.push(p);
    },
    curve() {
      straight = false;
    },
    close() {
      flush(true);
    },
    end() {
      flush(false);
    },
  };
}
