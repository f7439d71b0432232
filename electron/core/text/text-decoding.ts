// Decode text files the way Chinese office machines write them: BOM first, then strict UTF-8,
// then GB18030 (a superset of GBK/GB2312). Never try GBK first: most UTF-8 byte sequences also
// decode as GBK without error, into nonsense.
import { DomainError } from '../../shared/errors';

export type DetectedEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'gb18030+bom' | 'utf-8+gb18030' | 'big5';

export interface DecodedText {
  text: string;
  encoding: DetectedEncoding;
}

/** A few damaged bytes in a text (a byte lost or added in a copy or a transfer): at most this many… */
const MAX_REPLACED = 16;
/** …and at most one in this many characters; more is no text in that encoding. */
const CHARS_PER_REPLACED = 100;

/** Bytes that are not text LawDesk can read. */
export class DecodeError extends DomainError {
  constructor(message: string) {
    super('UNSUPPORTED_FORMAT', message);
    this.name = 'DecodeError';
  }
}

function strict(label: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Share of C0 control characters other than tab/CR/LF/FF: high for binary files. */
function controlRatio(text: string): number {
  if (text.length === 0) return 0;
  let bad = 0;
  const n = Math.min(text.length, 65536);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) bad++;
  }
  return bad / n;
}

/**
 * UTF-16 without a BOM (NULs in the bytes: the high byte of ASCII characters, the low byte of
 * 一 U+4E00): read both ways, kept only when one of them is almost all Chinese and ASCII text.
 */
function bomlessUtf16(bytes: Uint8Array): DecodedText | undefined {
  if (bytes.length % 2 !== 0) return undefined;
  let best: DecodedText | undefined;
  let bestShare = 0;
  for (const encoding of ['utf-16le', 'utf-16be'] as const) {
    const text = strict(encoding, bytes);
    if (text === undefined || text.length === 0) continue;
    const sample = text.slice(0, 32768);
    const readable = sample.match(/[\t\n\r\x20-\x7e\u3000-\u303f\u4e00-\u9fff\uff00-\uffef\u2010-\u2027]/g)?.length ?? 0;
    const share = readable / sample.length;
    if (share > bestShare) {
      best = { text, encoding };
      bestShare = share;
    }
  }
  // Binary read as UTF-16 is a scatter of unrelated code points; a law is almost all CJK and ASCII.
  return best && bestShare >= 0.9 && controlRatio(best.text) <= 0.01 ? best : undefined;
}

/**
 * Big5 (traditional, from Taiwan or Hong Kong) also decodes as GB18030, into nonsense. Its second
 * bytes are 0x40–0x7E for about half the characters, where GBK keeps rare extension characters a
 * Chinese law almost never uses: a fifth of the pairs there means Big5.
 */
function looksLikeBig5(bytes: Uint8Array): boolean {
  let pairs = 0;
  let low = 0;
  const n = Math.min(bytes.length, 65536);
  for (let i = 0; i + 1 < n; i++) {
    const lead = bytes[i]!;
    if (lead < 0x81 || lead === 0xff) continue;
    const trail = bytes[i + 1]!;
    if (trail >= 0x30 && trail <= 0x39) {
      i += 3; // a GB18030 four-byte sequence
      continue;
    }
    pairs++;
    if (trail < 0xa1) low++;
    i++;
  }
  return pairs >= 20 && low / pairs > 0.2;
}

function big5(bytes: Uint8Array): DecodedText | undefined {
  const text = strict('big5', bytes);
  return text === undefined ? undefined : { text, encoding: 'big5' };
}

/** Length of the UTF-8 sequence at `i` (loosely: lead and continuation bytes only; the joint is checked strictly after), 0 if none. */
function utf8Length(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  const n = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  if (n === 0 || i + n > bytes.length) return 0;
  for (let k = 1; k < n; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return 0;
  return n;
}

/** Length of the GB18030 sequence at `i` (one, two or four bytes), 0 if none. */
function gbLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  if (b === 0x80 || b === 0xff || i + 1 >= bytes.length) return 0;
  const t = bytes[i + 1]!;
  if (t >= 0x30 && t <= 0x39) {
    const c = bytes[i + 2];
    const d = bytes[i + 3];
    return c !== undefined && d !== undefined && c >= 0x81 && c <= 0xfe && d >= 0x30 && d <= 0x39 ? 4 : 0;
  }
  return (t >= 0x40 && t <= 0x7e) || (t >= 0x80 && t <= 0xfe) ? 2 : 0;
}

/** How many candidate joints are tried in one line (each costs a strict decode of the rest of the line). */
const JOINT_TRIES = 8;

/**
 * Non-ASCII characters of bytes read as GB18030, and how many of them are GBK text rather than UTF-8
 * with a byte lost or added (which also reads as GB18030, into nonsense, up to or after the damage):
 * real GBK breaks UTF-8 at nearly every character (0.96 of them on the GBK fixture's lines), UTF-8 with
 * one damaged byte at one or two.
 */
function gbkEvidence(bytes: Uint8Array, asGb: string): { han: number; broken: number } {
  let han = 0;
  for (let i = 0; i < asGb.length; i++) if (asGb.charCodeAt(i) >= 0x80) han++;
  let broken = 0;
  const asUtf8 = new TextDecoder('utf-8').decode(bytes);
  for (let i = 0; i < asUtf8.length; i++) if (asUtf8.charCodeAt(i) === 0xfffd) broken++;
  return { han, broken };
}

const nonAscii = (s: string): number => s.length - (s.match(/[\x00-\x7f]/g)?.length ?? 0);

/** Characters of Chinese text (ideographs, CJK and full-width punctuation, dashes and quotes). */
const chineseText = (s: string): number => s.match(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef\u2010-\u2027]/g)?.length ?? 0;

/** A joint needs at least this many non-ASCII characters on each side, and its GBK side 3 in 4 of them breaking UTF-8: less cannot be told from a damaged byte. */
const JOINT_MIN_CHARS = 4;

/** Whether head + tail is a real joint of a GBK part and a UTF-8 part (see gbkEvidence). */
function jointHolds(gbBytes: Uint8Array, gbText: string, utf8Text: string): boolean {
  const { han, broken } = gbkEvidence(gbBytes, gbText);
  const utf8Chars = nonAscii(utf8Text);
  // GBK bytes that happen to be valid UTF-8 read as Greek, Cyrillic or rare ideographs (息系统 → Ϣϵͳ), not as Chinese text.
  return han >= JOINT_MIN_CHARS && broken >= 0.75 * han && utf8Chars >= JOINT_MIN_CHARS && chineseText(utf8Text) >= 0.75 * utf8Chars;
}

/**
 * One line whose first part is in one encoding and the rest in the other: two files pasted together
 * (`copy /b a.txt+b.txt`, `cat`) where the first did not end with a line break. GBK then UTF-8: the
 * earliest joint after which the rest is UTF-8 (GBK bytes are almost never valid UTF-8, so the rest
 * stops being UTF-8 exactly at the last GBK character). UTF-8 then GBK: the latest joints before
 * UTF-8 stops (UTF-8 bytes often decode as GBK, so the joint is looked for from the UTF-8 side).
 */
function joinedLine(line: Uint8Array): string | undefined {
  const n = line.length;
  // okUtf8From[i]: line[i..] is UTF-8 (loosely).
  const okUtf8From = new Uint8Array(n + 1);
  okUtf8From[n] = 1;
  for (let i = n - 1; i >= 0; i--) {
    for (let len = 1; len <= 4 && i + len <= n; len++) {
      if (okUtf8From[i + len] && utf8Length(line, i) === len) {
        okUtf8From[i] = 1;
        break;
      }
    }
  }
  let tries = 0;
  for (let i = 0; i < n && tries < JOINT_TRIES; ) {
    const len = gbLength(line, i);
    if (len === 0) break;
    i += len;
    if (i < n && okUtf8From[i] && line[i - 1]! >= 0x80) {
      tries++;
      const head = strict('gb18030', line.subarray(0, i));
      const tail = strict('utf-8', line.subarray(i));
      if (head !== undefined && tail !== undefined && jointHolds(line.subarray(0, i), head, tail)) return head + tail;
    }
  }
  const joints: number[] = [];
  for (let i = 0; i < n; ) {
    const len = utf8Length(line, i);
    if (len === 0) break;
    i += len;
    joints.push(i);
  }
  for (let k = joints.length - 1; k >= 0 && joints.length - k <= JOINT_TRIES; k--) {
    const at = joints[k]!;
    const head = strict('utf-8', line.subarray(0, at));
    const tail = strict('gb18030', line.subarray(at));
    if (head !== undefined && tail !== undefined && jointHolds(line.subarray(at), tail, head)) return head + tail;
  }
  return undefined;
}

/**
 * A file pasted together from UTF-8 and GBK parts (neither decodes it whole): each line is read
 * as UTF-8 when it is valid UTF-8, else as GB18030, else as the two joined within the line (the
 * first part ended without a line break). Undefined when a line is none of these.
 */
function lineByLine(bytes: Uint8Array): DecodedText | undefined {
  const out: string[] = [];
  let utf8 = 0;
  let gb = 0;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    const line = bytes.subarray(start, i);
    start = i + 1;
    const u = strict('utf-8', line);
    if (u !== undefined) {
      if (/[^\x00-\x7f]/.test(u)) utf8++;
      out.push(u);
      continue;
    }
    const g = strict('gb18030', line);
    // A UTF-8 line with a damaged byte often reads as GB18030 whole, into nonsense: not a GBK line.
    const evidence = g === undefined ? undefined : gbkEvidence(line, g);
    if (g !== undefined && evidence && evidence.broken * 2 >= evidence.han) {
      gb++;
      out.push(g);
      continue;
    }
    const joined = joinedLine(line);
    if (joined === undefined) return undefined;
    utf8++;
    gb++;
    out.push(joined);
  }
  return utf8 && gb ? { text: out.join('\n'), encoding: 'utf-8+gb18030' } : undefined;
}

/**
 * A text in UTF-8 or else GB18030 but for a few bytes that decode as nothing: its encoding and the
 * 1-based lines of those bytes, when they are few and the rest reads as Chinese and ASCII. UTF-8 is
 * tried first: GBK bytes read as UTF-8 break at nearly every character, while UTF-8 read as GBK
 * mostly decodes, into nonsense. Such a text is refused, not read: a byte lost inside a GBK character
 * shifts every pair after it to the line's next ASCII byte, so the lines around the damage would be
 * imported as plausible-looking nonsense.
 */
function damagedBytes(bytes: Uint8Array): { encoding: 'UTF-8' | 'GBK/GB18030'; count: number; lines: number[] } | undefined {
  for (const encoding of ['utf-8', 'gb18030'] as const) {
    if (encoding === 'gb18030' && looksLikeBig5(bytes)) continue; // Big5 with a damaged byte is no GBK text
    const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
    const { count, lines } = replacedLines(text);
    if (count === 0 || count > MAX_REPLACED || count * CHARS_PER_REPLACED > text.length) continue;
    const sample = text.slice(0, 65536);
    const readable = sample.match(/[\t\n\r\x20-\x7e\u3000-\u303f\u4e00-\u9fff\uff00-\uffef\u2010-\u2027\ufffd]/g)?.length ?? 0;
    if (readable / sample.length < 0.9) continue;
    return { encoding: encoding === 'utf-8' ? 'UTF-8' : 'GBK/GB18030', count, lines };
  }
  return undefined;
}

/** The characters a lenient decode replaced (U+FFFD) and the 1-based lines they stand on. */
function replacedLines(text: string): { count: number; lines: number[] } {
  const lines: number[] = [];
  let line = 1;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) line++;
    else if (c === 0xfffd) {
      count++;
      if (lines[lines.length - 1] !== line) lines.push(line);
    }
  }
  return { count, lines };
}

function damageMessage(encoding: string, damaged: { count: number; lines: number[] }): string {
  const at = damaged.lines.length > 5 ? `${damaged.lines.slice(0, 5).join('、')} 等行` : `${damaged.lines.join('、')} 行`;
  return `文件是 ${encoding} 编码，但第 ${at}有 ${damaged.count} 处字节无法识别（文件可能在拷贝或传输中损坏），为免读入错乱的文字，未导入；请找原文件重新导出，或修正这几行后再导入`;
}

/**
 * Why a text with a UTF-16 BOM does not decode: cut short inside its last character (an odd number of
 * bytes: a copy or a download that stopped), a few damaged units named by line, or not UTF-16 at all.
 */
function utf16Refusal(encoding: 'utf-16le' | 'utf-16be', body: Uint8Array): string {
  const label = encoding === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE';
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
  const damaged = replacedLines(text);
  if (body.length % 2 === 1 && damaged.count === 1 && text.endsWith('\ufffd')) {
    return `文件是 ${label} 编码，但末尾缺了一个字节（文件不完整，可能在拷贝或传输中被截断），未导入；请找原文件重新导出后再导入`;
  }
  if (damaged.count > 0 && damaged.count <= MAX_REPLACED && damaged.count * CHARS_PER_REPLACED <= text.length) return damageMessage(label, damaged);
  return `文件以 ${label} BOM 开头，但内容不是有效的 UTF-16`;
}

/**
 * Decode bytes of a text document. Throws DecodeError with a user-readable (Chinese) reason when
 * the bytes are not text in a supported encoding.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw new DecodeError('空文件（0 字节）');
  let decoded: DecodedText | undefined;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const t = strict('utf-8', bytes.subarray(3));
    if (t !== undefined) decoded = { text: t, encoding: 'utf-8-bom' };
    else {
      // A GBK file a tool stamped with a UTF-8 BOM (an editor's "add BOM", a concatenation): the
      // rest is read as GB18030 when all of it is, else the file is refused as before.
      const g = strict('gb18030', bytes.subarray(3));
      if (g === undefined || looksLikeBig5(bytes.subarray(3))) throw new DecodeError('文件以 UTF-8 BOM 开头，但内容不是有效的 UTF-8');
      decoded = { text: g, encoding: 'gb18030+bom' };
    }
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    const t = strict('utf-16le', bytes.subarray(2));
    if (t === undefined) throw new DecodeError(utf16Refusal('utf-16le', bytes.subarray(2)));
    decoded = { text: t, encoding: 'utf-16le' };
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const t = strict('utf-16be', bytes.subarray(2));
    if (t === undefined) throw new DecodeError(utf16Refusal('utf-16be', bytes.subarray(2)));
    decoded = { text: t, encoding: 'utf-16be' };
  } else {
    // NUL bytes never occur in UTF-8 or GB18030 text: a binary file, or UTF-16 without a BOM
    // (some editors and converters write it so; its ASCII characters leave a NUL on one side).
    const probe = bytes.subarray(0, 65536);
    if (probe.includes(0)) {
      const utf16 = bomlessUtf16(bytes);
      if (!utf16) throw new DecodeError('不是文本文件（含有二进制数据）');
      decoded = utf16;
    } else {
      const u = strict('utf-8', bytes);
      if (u !== undefined) decoded = { text: u, encoding: 'utf-8' };
      else {
        const g = strict('gb18030', bytes) ?? lineByLine(bytes);
        if (g === undefined) {
          const damaged = damagedBytes(bytes);
          if (damaged) throw new DecodeError(damageMessage(damaged.encoding, damaged));
          throw new DecodeError('无法识别的文本编码（既不是 UTF-8/UTF-16，也不是 GBK/GB18030）');
        }
        decoded = typeof g === 'string' ? (looksLikeBig5(bytes) ? big5(bytes) : undefined) ?? { text: g, encoding: 'gb18030' } : g;
      }
    }
  }
  if (controlRatio(decoded.text) > 0.01) throw new DecodeError('不是文本文件（含有大量控制字符）');
  return decoded;
}

/** CRLF / CR → LF, drop a stray BOM and zero-width characters that break matching. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\ufeff\u200b\u200c\u200d\u2060]/g, '');
}
