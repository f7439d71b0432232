// app://lawdesk/… serves the built renderer (out/renderer) with the CSP header. Paths are
// resolved inside that folder only; anything else is 404. app://print/<token>.html serves a page
// waiting to be printed (print-window.ts), once, from memory, with a CSP that allows no script.

import { net, protocol } from 'electron';
import { existsSync, statSync } from 'node:fs';
import { normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RENDERER_CSP } from '../shared/content-security-policy';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { PRINT_CSP, PRINT_HOST, type PrintPages } from './print-window';

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

export function serveRenderer(rendererDir: string, printPages?: PrintPages): void {
  const root = resolve(rendererDir);
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host === PRINT_HOST) {
      const html = printPages?.take(url);
      if (html === undefined) return new Response('not found', { status: 404 });
      return new Response(html, {
        headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': PRINT_CSP, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' },
      });
    }
    if (url.host !== APP_HOST) return new Response('not found', { status: 404 });
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
    } catch {
      return new Response('bad request: malformed percent-encoding', { status: 400 }); // /%ff
    }
    const file = resolve(root, normalize(rel));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      return new Response('not found', { status: 404 });
    }
    const res = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(res.headers);
    headers.set('content-security-policy', RENDERER_CSP);
    headers.set('x-content-type-options', 'nosniff');
    return new Response(res.body, { status: res.status, headers });
  });
}
