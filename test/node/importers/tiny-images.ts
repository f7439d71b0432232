// Small pictures for the damaged-image tests: a baseline grey JPEG written byte by byte (no encoder
// at hand writes restart markers: one Huffman code '0' in each table, so a block is DC 0 and
// end-of-block — two bits — and the image decodes to even grey), and a PNG of black bars on white.

/** `width` × `height`; with `restarts`, a restart marker after every block (each block then padded with ones to a byte). */
export function tinyGreyJpeg(width: number, height: number, restarts = false): Buffer {
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  const segment = (marker: number, body: number[]) => [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 255, ...body];
  const table = (cls: number) => segment(0xc4, [cls << 4, 1, ...Array<number>(15).fill(0), 0]);
  const data: number[] = [];
  if (restarts) for (let k = 0; k < blocks; k++) data.push(0x3f, ...(k < blocks - 1 ? [0xff, 0xd0 + (k % 8)] : []));
  else for (let bits = 0; bits < blocks * 2; bits += 8) data.push(blocks * 2 - bits >= 8 ? 0x00 : 0xff >> (blocks * 2 - bits));
  return Buffer.from([
    0xff, 0xd8,
    ...segment(0xdb, [0, ...Array<number>(64).fill(1)]),
    ...segment(0xc0, [8, height >> 8, height & 255, width >> 8, width & 255, 1, 1, 0x11, 0]),
    ...table(0),
    ...table(1),
    ...(restarts ? segment(0xdd, [0, 1]) : []),
    ...segment(0xda, [1, 1, 0, 0, 63, 0]),
    ...data,
    0xff, 0xd9,
  ]);
}

/** A `width` × `height` PNG of black bars (lines of text) on white, encoded by @napi-rs/canvas. */
export async function barsPng(width: number, height: number): Promise<Buffer> {
  const { createCanvas } = await import('@napi-rs/canvas');
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000000';
  for (let y = 10; y < height - 10; y += 20) ctx.fillRect(10, y, width - 20, 8);
  return canvas.encodeSync('png');
}
