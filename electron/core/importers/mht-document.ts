// .mht / .mhtml ("单个文件网页", MIME HTML: what IE, old 360/QQ browsers and Word's "另存为单个文件网页"
// write) → the HTML page inside it, handed to the HTML extractor. The page is the first text/html
// part (quoted-printable or base64); its MIME charset is written into the page as a <meta> when the
// page declares none, so the HTML decoder reads it as the sender's machine did.

import { ExtractError } from './extracted-document';

/** MIME headers of a web archive near the start: a multipart/related message. */
export function looksLikeMht(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  return /^MIME-Version\s*:/im.test(head) && /Content-Type\s*:\s*multipart\/related/i.test(head);
}

function headerValue(headers: string, name: string): string | undefined {
  // Folded header lines (a line starting with blanks continues the previous one).
  const unfolded = headers.replace(/\r?\n[ \t]+/g, ' ');
  return new RegExp(`^${name}\\s*:\\s*(.*)$`, 'im').exec(unfolded)?.[1]?.trim();
}

function param(value: string | undefined, name: string): string | undefined {
  if (!value) return undefined;
  return new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value)?.slice(1).find((x) => x !== undefined);
}

function decodeQuotedPrintable(body: string): Uint8Array {
  const soft = body.replace(/=\r?\n/g, '');
  const out = Buffer.alloc(soft.length);
  let n = 0;
  for (let i = 0; i < soft.length; i++) {
    const c = soft.charCodeAt(i);
    if (c === 0x3d && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
      out[n++] = Number.parseInt(soft.slice(i + 1, i + 3), 16);
      i += 2;
    } else out[n++] = c & 0xff;
  }
  return out.subarray(0, n);
}

/** The HTML page of a web archive, as bytes with its charset declared. */
export function htmlFromMht(bytes: Uint8Array, fileName: string): Uint8Array {
  // latin1 keeps every byte as one char, so 8bit parts and the boundary search stay byte-exact.
  const all = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const split = /\r?\n\r?\n/.exec(all);
  if (!split) throw new ExtractError(`${fileName} 不是有效的 MHT 网页存档（没有邮件头）`);
  const boundary = param(headerValue(all.slice(0, split.index), 'Content-Type'), 'boundary');
  const parts = boundary ? all.split(`--${boundary}`).slice(1) : [all];
  for (const part of parts) {
    const sep = /\r?\n\r?\n/.exec(part);
    if (!sep) continue;
    const headers = part.slice(0, sep.index);
    const type = headerValue(headers, 'Content-Type') ?? '';
    if (!/^text\/html/i.test(type)) continue;
    let body = part.slice(sep.index + sep[0].length);
    const encoding = (headerValue(headers, 'Content-Transfer-Encoding') ?? '').toLowerCase();
    let html: Uint8Array;
    if (encoding === 'base64') html = Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
    else if (encoding === 'quoted-printable') html = decodeQuotedPrintable(body);
    else {
      body = body.replace(/\r?\n$/, '');
      html = Buffer.from(body, 'latin1');
    }
    const charset = param(type, 'charset');
    const head = Buffer.from(html.subarray(0, 4096)).toString('latin1');
    if (charset && /^[A-Za-z0-9_:.-]+$/.test(charset) && !/<meta[^>]+charset/i.test(head)) {
      html = Buffer.concat([Buffer.from(`<meta charset="${charset}">`, 'latin1'), html]);
    }
    return html;
  }
  throw new ExtractError(`${fileName} 是 MHT 网页存档，但其中没有网页正文（text/html 部分）`);
}
