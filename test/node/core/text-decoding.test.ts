import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeText, DecodeError, normalizeNewlines } from '../../../electron/core/text/text-decoding';

const SAMPLE = '中华人民共和国行政许可法\r\n第一条　为了规范行政许可的设定和实施，保护公民、法人和其他组织的合法权益。\r\n';

describe('decodeText', () => {
  it('reads plain UTF-8', () => {
    const r = decodeText(Buffer.from(SAMPLE, 'utf8'));
    expect(r).toEqual({ text: SAMPLE, encoding: 'utf-8' });
  });

  it('reads UTF-8 with BOM and drops the BOM', () => {
    const r = decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, 'utf8')]));
    expect(r.encoding).toBe('utf-8-bom');
    expect(r.text).toBe(SAMPLE);
  });

  it('reads UTF-16 LE and BE with BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]);
    expect(decodeText(le)).toEqual({ text: SAMPLE, encoding: 'utf-16le' });
    const be = Buffer.from(le);
    be.swap16();
    expect(decodeText(be)).toEqual({ text: SAMPLE, encoding: 'utf-16be' });
  });

  it('reads GBK/GB18030 (Windows office files), including characters outside GB2312', () => {
    const text = SAMPLE + '镕䶮𠀀\n';
    const r = decodeText(iconv.encode(text, 'gb18030'));
    expect(r).toEqual({ text, encoding: 'gb18030' });
  });

  it('never mistakes UTF-8 for GBK', () => {
    // These UTF-8 bytes are also valid GBK; strict UTF-8 must win.
    expect(decodeText(Buffer.from('条款项', 'utf8')).text).toBe('条款项');
  });

  it('rejects empty, binary and undecodable files with a reason', () => {
    expect(() => decodeText(new Uint8Array())).toThrow(/空文件/);
    expect(() => decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]))).toThrow(/二进制/);
    // 0xFF is never valid in UTF-8 nor as a GB18030 lead byte.
    expect(() => decodeText(Buffer.from([0xff, 0xff, 0x41, 0xff]))).toThrow(DecodeError);
    const controls = Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 1 : 0x41)));
    expect(() => decodeText(controls)).toThrow(/控制字符/);
  });

  it('refuses a GBK or UTF-8 text with a few damaged bytes, naming the encoding, the lines and the count', () => {
    // A byte added inside a GBK character shifts every pair after it to the line's next ASCII byte:
    // read leniently, the rest of the line would be plausible-looking nonsense.
    const law = Array.from({ length: 40 }, (_, i) => `第${i + 1}条 为了规范行政许可的设定和实施，保护公民、法人和其他组织的合法权益，维护公共利益和社会秩序。`).join('\r\n');
    const gbk = iconv.encode(law, 'gb18030');
    const line10 = gbk.indexOf(iconv.encode('\r\n第10条', 'gb18030')) + 12;
    const damaged = Buffer.concat([gbk.subarray(0, line10), Buffer.from([0xff]), gbk.subarray(line10)]);
    expect(() => decodeText(damaged)).toThrow(/^文件是 GBK\/GB18030 编码，但第 10 行有 [12] 处字节无法识别（文件可能在拷贝或传输中损坏）/);
    const utf8 = Buffer.from(law, 'utf8');
    const cut = utf8.indexOf(Buffer.from('第3条')) + 1; // inside 第's three bytes
    expect(() => decodeText(Buffer.concat([utf8.subarray(0, cut), utf8.subarray(cut + 1)]))).toThrow(/^文件是 UTF-8 编码，但第 3 行有 1 处/);
    // many damaged bytes: no text in either encoding
    expect(() => decodeText(Buffer.from([0xff, 0xfd, 0xff, 0x80, 0xff, 0xff, 0x41, 0xc3, 0x28]))).toThrow(/^无法识别的文本编码/);
  });

  it('reads a GBK file stamped with a stray UTF-8 BOM as GBK (hfuzz); a BOM before bytes neither UTF-8 nor GBK is still refused', () => {
    const text = '中华人民共和国行政许可法\n第一条 为了规范行政许可的设定和实施，保护公民、法人和其他组织的合法权益。';
    const d = decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(text, 'gbk')]));
    expect(d).toEqual({ text, encoding: 'gb18030+bom' });
    expect(() => decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0xff, 0xff, 0x41, 0xff]))).toThrow(/UTF-8 BOM 开头，但内容不是有效的 UTF-8/);
  });

  it('reads UTF-16 without a BOM (LE and BE), whose NULs are not binary', () => {
    // 一 (U+4E00) puts a NUL in the low byte too: NULs on both sides of the units.
    const text = '第一条　为了规范管理，制定本办法。\n第十一条　本办法自2024年1月1日起施行。\n';
    expect(decodeText(Buffer.from(text, 'utf16le'))).toEqual({ text, encoding: 'utf-16le' });
    const be = Buffer.from(text, 'utf16le');
    be.swap16();
    expect(decodeText(be)).toEqual({ text, encoding: 'utf-16be' });
    // random bytes with NULs stay binary
    const noise = Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919 + (i >> 3) * 104729) % 256));
    expect(() => decodeText(noise)).toThrow(/二进制/);
  });

  it('reads a file pasted together from UTF-8 and GBK lines, line by line', () => {
    const a = '第一条　为了规范管理，制定本办法。\n';
    const b = '第二条　本办法由县科学技术局负责解释。\n';
    const r = decodeText(Buffer.concat([Buffer.from(a, 'utf8'), iconv.encode(b, 'gbk')]));
    expect(r).toEqual({ text: a + b, encoding: 'utf-8+gb18030' });
  });

  it('never reads a damaged UTF-8 or GBK file as a mixed one: a byte lost, added or flipped anywhere in a real GBK file and its UTF-8 copy', () => {
    // Before, a UTF-8 line with a damaged byte that happened to read as GB18030 whole was taken for a GBK line of a
    // pasted-together file and imported as nonsense (23–32 of 400 damaged copies per kind).
    const gbk = readFileSync(join(import.meta.dirname, '../../fixtures/documents/received/pkulaw-chengguo.txt'));
    const utf8 = Buffer.from(iconv.decode(gbk, 'gb18030'), 'utf8');
    const mixed: string[] = [];
    for (const [name, src] of [['GBK', gbk], ['UTF-8', utf8]] as const) {
      for (let k = 0; k < 200; k++) {
        const at = 1 + Math.floor((k / 200) * (src.length - 2));
        const flipped = Buffer.from(src);
        flipped[at] = flipped[at]! ^ 0x40;
        const damaged = { lost: Buffer.concat([src.subarray(0, at), src.subarray(at + 1)]), added: Buffer.concat([src.subarray(0, at), Buffer.from([0xe4]), src.subarray(at)]), flipped };
        for (const [how, bytes] of Object.entries(damaged)) {
          try {
            if (decodeText(bytes).encoding === 'utf-8+gb18030') mixed.push(`${name} ${how} at ${at}`);
          } catch {
            // refused as damaged: what it should be
          }
        }
      }
    }
    expect(mixed).toEqual([]);
  });

  it('says a UTF-16 text was cut short inside its last character, and names the lines of a few damaged units', () => {
    const text = '第一条　为了规范管理，制定本办法。\r\n第二条　本办法由县科学技术局负责解释。\r\n第三条　本办法自公布之日起施行。\r\n'.repeat(4);
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(() => decodeText(le.subarray(0, le.length - 1))).toThrow(/^文件是 UTF-16LE 编码，但末尾缺了一个字节（文件不完整/);
    const be = Buffer.from(le);
    be.subarray(2).swap16();
    be[0] = 0xfe;
    be[1] = 0xff;
    expect(() => decodeText(be.subarray(0, be.length - 1))).toThrow(/^文件是 UTF-16BE 编码，但末尾缺了一个字节/);
    // a lone surrogate on the second line: named, not "not UTF-16"
    const broken = Buffer.from(le);
    const at = 2 + 2 * text.indexOf('县');
    broken[at] = 0x00;
    broken[at + 1] = 0xd8;
    expect(() => decodeText(broken)).toThrow(/^文件是 UTF-16LE 编码，但第 2 行有 1 处字节无法识别/);
  });

  it('reads two files pasted together when the first did not end with a line break (the joint inside one line), either order', () => {
    const gbk = '第一条　为了规范科技创新券管理，制定本办法。\n第二条　本办法由县科学技术局负责解释。';
    const utf8 = '第三条　本办法自2024年1月1日起施行。\n第四条　各乡镇参照执行。\n';
    expect(decodeText(Buffer.concat([iconv.encode(gbk, 'gbk'), Buffer.from(utf8, 'utf8')]))).toEqual({ text: gbk + utf8, encoding: 'utf-8+gb18030' });
    expect(decodeText(Buffer.concat([Buffer.from(utf8.trimEnd(), 'utf8'), iconv.encode(gbk, 'gbk')]))).toEqual({ text: utf8.trimEnd() + gbk, encoding: 'utf-8+gb18030' });
    // ASCII at the joint (a date, a number) is read once, on either side.
    const tail = 'abc 2024 第五条　本办法由县科学技术局负责解释。\n';
    expect(decodeText(Buffer.concat([iconv.encode('第一条　为了规范管理，制定本办法。', 'gbk'), Buffer.from(tail, 'utf8')])).text).toBe('第一条　为了规范管理，制定本办法。' + tail);
    // A damaged byte in such a line is still no joint: the file is refused as damaged, not read as nonsense.
    const damaged = Buffer.concat([iconv.encode(gbk, 'gbk'), Buffer.from([0xff]), Buffer.from(utf8, 'utf8')]);
    expect(() => decodeText(damaged)).toThrow(/无法识别|损坏/);
  });

  it('reads Big5 (traditional) text as Big5, not as GB18030 nonsense; GBK text with a few rare characters stays GB18030', () => {
    const big5 = '第一條　為了規範科技創新券管理，保障公民、法人和其他組織的合法權益，制定本辦法。\n第二條　本辦法自公布之日起施行。\n';
    expect(decodeText(iconv.encode(big5, 'big5'))).toEqual({ text: big5, encoding: 'big5' });
    const gbk = '第一条　为了规范科技创新券管理，保障公民、法人和其他组织的合法权益，制定本办法。镕䶮\n第二条　本办法自公布之日起施行。\n';
    expect(decodeText(iconv.encode(gbk, 'gb18030'))).toEqual({ text: gbk, encoding: 'gb18030' });
  });

  it('normalises line endings and zero-width characters', () => {
    expect(normalizeNewlines('a\r\nb\rc\u200b\ufeffd')).toBe('a\nb\ncd');
  });
});
