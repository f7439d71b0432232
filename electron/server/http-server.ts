// The browser face: the same API over HTTP on 127.0.0.1, plus the built renderer. Every request
// passes, before anything is read or done: Host is ours (DNS rebinding), Origin (when sent) is
// ours, the per-run token is present (cookie set by the first visit, or the x-lawdesk-token
// header). API bodies are capped per channel and validated with the contract by the service.

import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, normalize, resolve, sep } from 'node:path';
import { DomainError, httpStatusOf, isChannel, maxBodyBytes, toErrorData, type Envelope, type ErrorCode } from '../shared/api-contract';
import { RENDERER_CSP } from '../shared/content-security-policy';
import type { AppService } from '../core/api/app-service';
import type { EventHub } from './event-hub';


/** A URL path percent-decoded, or undefined when its encoding is malformed (/%ff): a 400, not a 500. */
function decodePath(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

export interface HttpServerOptions {
  service: AppService;
  events: EventHub;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 = a random free port. */
  port?: number;
  token?: string;
}

export interface RunningServer {
  url: string; // with the token: what the user opens
  origin: string;
  port: number;
  token: string;
  server: Server;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};


const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': RENDERER_CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
};

/** Headers a request may carry once only. */
const SINGLE_HEADERS = new Set(['host', 'origin', 'x-lawdesk-token', 'cookie', 'content-type', 'content-length', 'sec-fetch-site']);

function repeated(raw: string[], names: ReadonlySet<string>): boolean {
  const seen = new Set<string>();
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    if (!names.has(name)) continue;
    if (seen.has(name)) return true;
    seen.add(name);
  }
  return false;
}

function sameSecret(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

export async function startHttpServer(opts: HttpServerOptions): Promise<RunningServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const rendererDir = resolve(opts.rendererDir);
  let port = 0;
  let cookieName = '';
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();

  const send = (res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}) => {
    res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'cache-control': 'no-store', ...extra });
    res.end(body);
  };
  const sendJson = (res: ServerResponse, status: number, body: Envelope<unknown>) =>
    send(res, status, JSON.stringify(body), 'application/json; charset=utf-8');
  const refuse = (res: ServerResponse, code: ErrorCode, message: string) =>
    sendJson(res, httpStatusOf(code), { ok: false, error: { code, message } });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    // 0. One of each header that decides who is asking: Node keeps the first Host and joins two
    // tokens, so `Host: ours` + `Host: evil` would be judged by the first alone.
    if (repeated(req.rawHeaders, SINGLE_HEADERS)) return refuse(res, 'INVALID', '请求头重复（Host、Origin、token 或 Content-Type 只能出现一次）');
    // 1. Who is asking: our host name (not a rebound DNS name), our origin, the token.
    const host = (req.headers.host ?? '').toLowerCase();
    if (!allowedHosts.has(host)) return refuse(res, 'FORBIDDEN', '拒绝访问：Host 不是本机地址');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin)) return refuse(res, 'FORBIDDEN', '拒绝访问：跨站请求');
    if (req.headers['sec-fetch-site'] === 'cross-site') return refuse(res, 'FORBIDDEN', '拒绝访问：跨站请求');
    // Origin-form only ("/path?query"): "//x/…" would be read as another host's path and an
    // absolute or malformed target ("//[") made new URL throw, a 500 with "Invalid URL".
    const target = req.url ?? '/';
    if (!target.startsWith('/') || target.startsWith('//')) return refuse(res, 'INVALID', '请求地址无效：只接受以单个 / 开头的路径');
    let url: URL;
    try {
      url = new URL(target, `http://${host}`);
    } catch {
      return refuse(res, 'INVALID', '请求地址无效：无法解析');
    }
    const queryToken = url.searchParams.get('token') ?? undefined;
    if (req.method === 'GET' && url.pathname === '/' && sameSecret(queryToken, token)) {
      // First visit: keep the token in an HttpOnly cookie and drop it from the address bar.
      res.writeHead(302, {
        ...SECURITY_HEADERS,
        location: '/',
        'set-cookie': `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        'cache-control': 'no-store',
      });
      return res.end();
    }
    const presented = (req.headers['x-lawdesk-token'] as string | undefined) ?? cookie(req, cookieName);
    if (!sameSecret(presented, token)) {
      return refuse(res, 'UNAUTHORIZED', '未授权：请使用启动时显示的完整地址（含 token）打开');
    }

    // 2. The API.
    if (url.pathname === '/api/events') {
      if (req.method !== 'GET') return refuse(res, 'INVALID', '只接受 GET');
      return opts.events.add(res);
    }
    if (url.pathname.startsWith('/api/')) {
      const channel = decodePath(url.pathname.slice('/api/'.length));
      if (channel === undefined) return refuse(res, 'INVALID', '地址中的百分号编码无效（如 %ff）');
      if (req.method !== 'POST') return refuse(res, 'INVALID', '接口只接受 POST');
      if (!isChannel(channel)) return refuse(res, 'NOT_FOUND', `没有这个接口：${channel.slice(0, 80)}`);
      // A JSON content type also forces a CORS preflight for any cross-origin script (never answered).
      // Exactly application/json, in UTF-8 if a charset is named (application/json-patch+json,
      // charset=latin1 … are refused, not read as something else).
      if (!/^application\/json\s*(;\s*charset="?utf-8"?\s*)?$/i.test(req.headers['content-type'] ?? '')) {
        return refuse(res, 'INVALID', '请求体必须是 application/json（UTF-8）');
      }
      const cap = maxBodyBytes(channel);
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > cap) {
        res.setHeader('connection', 'close');
        refuse(res, 'TOO_LARGE', `请求体过大（上限 ${formatBytes(cap)}）`);
        req.resume(); // discard what the client still sends; the connection closes after
        return;
      }
      let body: Buffer;
      try {
        body = await readBody(req, cap);
      } catch (e) {
        res.setHeader('connection', 'close');
        return refuse(res, 'TOO_LARGE', (e as Error).message);
      }
      let input: unknown;
      try {
        // Strict UTF-8: a body with invalid bytes is refused, not silently patched with U+FFFD.
        const text = new TextDecoder('utf-8', { fatal: true }).decode(body);
        input = text.trim() ? JSON.parse(text) : {};
      } catch {
        return refuse(res, 'INVALID', '请求体不是合法的 UTF-8 JSON');
      }
      try {
        const value = await opts.service.call(channel, input);
        return sendJson(res, 200, { ok: true, value });
      } catch (e) {
        const error = toErrorData(e);
        return sendJson(res, httpStatusOf(error.code), { ok: false, error });
      }
    }

    // 3. The renderer's files.
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 'INVALID', '只接受 GET');
    const decoded = decodePath(url.pathname);
    if (decoded === undefined) return refuse(res, 'INVALID', '地址中的百分号编码无效（如 %ff）');
    const rel = url.pathname === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
    const file = resolve(rendererDir, normalize(rel));
    if (file !== rendererDir && !file.startsWith(rendererDir + sep)) return refuse(res, 'FORBIDDEN', '拒绝访问');
    if (!existsSync(file) || !statSync(file).isFile()) {
      if (rel === 'index.html') return send(res, 500, '界面尚未构建：请先运行 npm run build', 'text/plain; charset=utf-8');
      return refuse(res, 'NOT_FOUND', '没有这个文件');
    }
    const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const immutable: Record<string, string> = rel.startsWith('assets/') ? { 'cache-control': 'private, max-age=31536000, immutable' } : {};
    return send(res, 200, req.method === 'HEAD' ? '' : readFileSync(file), type, immutable);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      if (!res.headersSent) refuse(res, 'INTERNAL', `内部错误：${(e as Error).message}`);
      else res.end();
    });
  });
  server.headersTimeout = 30_000;
  server.requestTimeout = 120_000;
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', () => ok());
  });
  port = (server.address() as AddressInfo).port;
  cookieName = `lawdesk_token_${port}`;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  allowedOrigins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    server,
    close: () =>
      new Promise<void>((ok) => {
        opts.events.close();
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

function readBody(req: IncomingMessage, cap: number): Promise<Buffer> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > cap) {
        // Stop keeping bytes; the rest drains (bounded by requestTimeout) and the socket closes.
        req.removeAllListeners('data');
        req.resume();
        fail(new DomainError('TOO_LARGE', `请求体过大（上限 ${formatBytes(cap)}）`));
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => ok(Buffer.concat(chunks)));
    req.on('error', fail);
  });
}

function formatBytes(n: number): string {
  return n >= 1048576 ? `${Math.round(n / 1048576)} MB` : `${Math.round(n / 1024)} KB`;
}
