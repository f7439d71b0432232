// App-wide hardening (Electron security checklist): no navigation away from the app, no new
// windows, no <webview>, every permission request denied, links go out through one helper.

import { app, session, type WebContents } from 'electron';
import { isAppUrl } from './app-origin';
import { openExternalSafely } from './external-links';

export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
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
  app.on('web-contents-created', (_e, contents) => hardenWebContents(contents));
}
