// The frame a JPEG stream declares (its SOF header), read without decoding: a scan's size checked
// before any pixel is made (an image file, a TIFF's JPEG strip, a scanned PDF page's JPEG).

export interface JpegFrame {
  width: number;
  height: number;
  components: number;
  precision: number;
  /** An APP1 (EXIF) segment came before the frame: its orientation a native decoder may apply and a PDF must not. */
  exif: boolean;
}

/** The frame of the JPEG stream in `b` (read from after its SOI), or undefined when none is found. */
export function jpegFrame(b: Uint8Array): JpegFrame | undefined {
  let exif = false;
  for (let i = 2; i + 9 < b.length; ) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++; // a fill byte
      continue;
    }
    if (marker === 0xe1) exif = true;
    // SOF0–SOF15 except DHT (C4), JPG (C8), DAC (CC)
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { precision: b[i + 4]!, height: (b[i + 5]! << 8) | b[i + 6]!, width: (b[i + 7]! << 8) | b[i + 8]!, components: b[i + 9]!, exif };
    }
    i += 2 + ((b[i + 2]! << 8) | b[i + 3]!);
  }
  return undefined;
}
