// .mht web archives as IE, old Chinese browsers and Word ("单个文件网页") write them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { extractDocument } from '../../../electron/core/importers/extract-document';
import { ExtractError } from '../../../electron/core/importers/extracted-document';
import { FIXTURES, matchArticles } from './article-match';

/** The fixture page re-encoded as GB2312 with its charset only in the MIME header. */
function gbPage(): Buffer {
  const html = readFileSync(join(FIXTURES, 'tuizhi-utf8.html'), 'utf8').replace(/<meta charset="utf-8">/, '');
  return iconv.encode(html, 'gbk');
}

function quotedPrintable(bytes: Buffer): string {
  let out = '';
  let line = 0;
  for (const b of bytes) {
    const piece = (b >= 33 && b <= 126 && b !== 61) || b === 32 ? String.fromCharCode(b) : b === 10 ? '\r\n' : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
    if (b === 10) line = 0;
    else if (line + piece.length > 75) {
      out += '=\r\n';
      line = 0;
    }
    out += piece;
    if (b !== 10) line += piece.length;
  }
  return out;
}

function mht(part: string, encoding: string): Buffer {
  const b = '----=_NextPart_000_0000_01DA6B2C.5F3E1A20';
  return Buffer.from(
    `From: <由 Windows Internet Explorer 8 保存>\r\nSubject: test\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="${b}"\r\n\r\n` +
      `This is a multi-part message in MIME format.\r\n\r\n--${b}\r\nContent-Type: text/html;\r\n\tcharset="gb2312"\r\nContent-Transfer-Encoding: ${encoding}\r\nContent-Location: http://www.example.gov.cn/art/1.html\r\n\r\n${part}\r\n\r\n` +
      `--${b}\r\nContent-Type: image/gif\r\nContent-Transfer-Encoding: base64\r\n\r\nR0lGODlhAQABAAAAACw=\r\n\r\n--${b}--\r\n`,
    'latin1',
  );
}

describe('MHT web archives', () => {
  it('quoted-printable GB2312 page, charset only in the MIME header', async () => {
    const doc = await extractDocument(mht(quotedPrintable(gbPage()), 'quoted-printable'), '退职规定.mht');
    expect(doc.format).toBe('html');
    expect(matchArticles('tuizhi.md', doc.text).matched).toBe(9);
  });

  it('base64 page, .mhtml', async () => {
    const b64 = gbPage().toString('base64').replace(/.{76}/g, '$&\r\n');
    const doc = await extractDocument(mht(b64, 'base64'), '退职规定.mhtml');
    expect(matchArticles('tuizhi.md', doc.text).matched).toBe(9);
  });

  it('an archive without a page says so, naming the file', async () => {
    const bytes = Buffer.from('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="x"\r\n\r\n--x\r\nContent-Type: image/gif\r\n\r\nGIF\r\n--x--\r\n', 'latin1');
    const e = await extractDocument(bytes, '空存档.mht').catch((err: unknown) => err);
    expect(e).toBeInstanceOf(ExtractError);
    expect((e as Error).message).toMatch(/空存档\.mht.*没有网页正文/);
  });
});
