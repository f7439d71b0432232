// Progressive JPEGs (SOF2), written by libjpeg-turbo's jpegtran and cjpeg (test/fixtures/documents/scans/
// progressive/make-progressive.sh): clean ones are accepted; a scan header no decoder accepts, an image
// without its first DC scan (every block's mean: decoders paint grey where it is missing), and bytes changed
// in the first DC scan that break its Huffman code are refused naming the reason; a file cut short was
// refused before (its last scan does not end). The AC and refinement scans are not entropy-checked.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jpegDamage, jpegFrame } from '../../../electron/core/importers/jpeg-frame';
import { seededRandom } from '../../bench/seeded-random';

const DIR = join(import.meta.dirname, '../../fixtures/documents/scans/progressive');
const FILES = ['yuanzhu-p2-top-prog.jpg', 'gongshui-prog.jpg', 'yuanzhu-p2-top-prog-rst.jpg'];
const read = (f: string) => new Uint8Array(readFileSync(join(DIR, f)));

/** Each scan's SOS segment: where it starts, where its data starts and where the marker after it stands. */
function scans(b: Uint8Array): { at: number; data: number; end: number; header: Uint8Array }[] {
  const out: { at: number; data: number; end: number; header: Uint8Array }[] = [];
  for (let i = 2; i + 3 < b.length && b[i + 1] !== 0xd9; ) {
    const next = i + 2 + ((b[i + 2]! << 8) | b[i + 3]!);
    if (b[i + 1] !== 0xda) {
      i = next;
      continue;
    }
    let end = next;
    while (!(b[end] === 0xff && b[end + 1] !== 0x00 && !(b[end + 1]! >= 0xd0 && b[end + 1]! <= 0xd7))) end++;
    out.push({ at: i, data: next, end, header: b.subarray(i + 4, next) });
    i = end;
  }
  return out;
}

describe('progressive JPEGs', () => {
  it('clean ones are accepted: progressive frames, every component given its DC first', () => {
    for (const f of FILES) {
      const b = read(f);
      const s = scans(b);
      expect(s.length, f).toBeGreaterThan(2);
      // the first scan is the DC of every component (Ss = Se = 0, Ah = 0)
      const h = s[0]!.header;
      expect([h[1 + 2 * h[0]!], h[2 + 2 * h[0]!], h[3 + 2 * h[0]!]! >> 4], f).toEqual([0, 0, 0]);
      expect(h[0], f).toBe(jpegFrame(b)!.components);
      expect(jpegDamage(b), f).toBeUndefined();
    }
  });

  it('a scan header no decoder accepts is refused (a DC scan with an AC band)', () => {
    const b = read('gongshui-prog.jpg');
    const first = scans(b)[0]!;
    const bad = b.slice();
    bad[first.at + 4 + 1 + 2 * first.header[0]! + 1] = 5; // Se of the DC scan
    expect(jpegDamage(bad)).toEqual({ kind: 'corrupt', detail: 'JPEG 扫描头无效（渐进式扫描的频段或位）' });
  });

  it('an image without its first DC scan is refused as having no image, whatever AC scans follow', () => {
    for (const f of FILES) {
      const b = read(f);
      const first = scans(b)[0]!;
      const cut = Buffer.concat([b.subarray(0, first.at), b.subarray(first.end)]);
      // no component has its blocks' means: the AC scans alone make no picture
      expect(jpegDamage(cut), f).toEqual({ kind: 'truncated', detail: 'JPEG 没有图像数据' });
    }
  });

  it('bytes changed in the first DC scan: refused when its code breaks, naming the byte and the row', () => {
    for (const f of FILES) {
      const b = read(f);
      const first = scans(b)[0]!;
      const height = jpegFrame(b)!.height;
      const random = seededRandom(20261207);
      let refused = 0;
      let decoded = 0;
      for (let k = 0; k < 20; k++) {
        const c = b.slice();
        const at = first.data + 16 + Math.floor(random() * (first.end - first.data - 32));
        c[at] = c[at]! ^ (1 + Math.floor(random() * 254));
        if (c[at] === 0xff) continue; // would be a marker: the structure check's case, not this one
        const d = jpegDamage(c);
        if (!d) continue; // a change the code gets over: one block's mean off, not seen
        expect(d.kind, f).toBe('corrupt');
        refused++;
        // a changed stuffed byte makes a marker (the structure check says where); else the decoding names the row
        if (/无效的标记|多余的标记|不合顺序/.test(d.detail)) continue;
        const m = /^JPEG 图像数据在第 (\d+) 字节附近损坏，第 (\d+) 行起（共 (\d+) 行）的图像会错乱/.exec(d.detail);
        expect(m, `${f}: ${d.detail}`).not.toBeNull();
        expect(Number(m![1])).toBeGreaterThanOrEqual(at - 64);
        expect(Number(m![2])).toBeLessThanOrEqual(height);
        expect(Number(m![3])).toBe(height);
        decoded++;
      }
      // before session 30 no change in a progressive scan was seen (0 of 20); a Huffman code breaks for many
      expect(refused, f).toBeGreaterThan(0);
      expect(decoded, f).toBeGreaterThan(0);
    }
  });

  it('a file cut short anywhere is refused as cut short', () => {
    for (const f of FILES) {
      const b = read(f);
      const first = scans(b)[0]!;
      for (const at of [first.data + ((first.end - first.data) >> 1), Math.floor(b.length * 0.8), b.length - 2]) {
        expect(jpegDamage(b.subarray(0, at))?.kind, `${f} cut at ${at}`).toBe('truncated');
      }
    }
  });
});
