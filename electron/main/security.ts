// App-wide hardening (Electron security checklist): no navigation away from the app (top level or
// in a frame), no new windows, no <webview>, every permission request denied, no network request
// from any page, links go out through one helper. Every web contents gets
// this (web-contents-created); the print window adds its own stricter rules (print-window.ts).

import { app, session, type WebContents } from 'electron';
import { isAppUrl } from './app-origin';
import { openExternalSafely } from './external-links';

// Not file: — app-protocol.ts reads the renderer's files with net.fetch(file://…), which passes
// through the same session; pages cannot reach file: anyway (CSP, navigation refused).
const BLOCKED_PROTOCOLS = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:']);

/** A request no page of the app may make (the system browser opens links through openExternalSafely). */
export function isRemoteUrl(url: string): boolean {
  try {
    return BLOCKED_PROTOCOLS.has(new URL(url).protocol);
  } catch {
    return true;
  }
}

export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalSafely(url);
    return { action: 'deny' };
  });
}

export function hardenSessions(): void {
  const s = session.defaultSession;
  s.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  s.setPermissionCheckHandler(() => false);
  s.setDevicePermissionHandler(() => false);
  s.setDisplayMediaRequestHandler((_req, callback) => callback({}));
  // The app is offline: no page may fetch anything from the network.
  s.webRequest.onBeforeRequest((details, callback) => callback({ cancel: isRemoteUrl(details.url) }));
  app.on('web-contents-created', (_e, contents) => hardenWebContents(contents));
}
