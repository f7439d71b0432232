// The renderer's origin in Electron: a privileged standard scheme, so the app never runs from
// file:// and every other origin (remote pages, devtools, data:) is recognisably foreign.

export const APP_SCHEME = 'app';
export const APP_HOST = 'lawdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_URL = `${APP_ORIGIN}/index.html`;

export function isAppUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}
