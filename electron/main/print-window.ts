// PDFs (packs, reports, the workbench) through Electron's own Chromium (printToPDF), so the desktop
// needs no system browser. The page never touches the disk: it is held in memory and served once
// from app://print/<random>.html (a data: URL would do for small pages, but Chromium refuses URLs
// over 2 MB and a long pack is larger), with a CSP that allows no script and no remote origin, into
// a hidden window with JavaScript off that can neither navigate nor open windows.

import { randomBytes } from 'node:crypto';
import { BrowserWindow, type Event, type WebContents } from 'electron';

export const PRINT_HOST = 'print';
/** The pack HTML is self-contained: inline styles and data: images only. */
export const PRINT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; form-action 'none'; base-uri 'none'";

/** Pages waiting to be printed; each is served once, then forgotten. */
export class PrintPages {
  private readonly pages = new Map<string, string>();

  put(html: string): { token: string; url: string } {
    const token = randomBytes(16).toString('hex');
    this.pages.set(token, html);
    return { token, url: `app://${PRINT_HOST}/${token}.html` };
  }

  /** The page a request asks for, removed as it is handed out; undefined for anything else. */
  take(url: URL): string | undefined {
    if (url.host !== PRINT_HOST) return undefined;
    const m = /^\/([0-9a-f]{32})\.html$/.exec(url.pathname);
    if (!m) return undefined;
    const html = this.pages.get(m[1]!);
    this.pages.delete(m[1]!);
    return html;
  }

  drop(token: string): void {
    this.pages.delete(token);
  }

  get size(): number {
    return this.pages.size;
  }
}

/** The part of WebContents the print window uses (a typed fake stands in for it in tests). */
export type PrintContents = Pick<WebContents, 'printToPDF' | 'setWindowOpenHandler'> & {
  on(event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect', listener: (event: Pick<Event, 'preventDefault'>) => void): unknown;
};

export interface PrintWindow {
  readonly webContents: PrintContents;
  loadURL(url: string): Promise<void>;
  destroy(): void;
}

/** The print page is static: every navigation, redirect and window.open is refused. */
export function lockDownPrintContents(contents: PrintContents): void {
  const refuse = (event: Pick<Event, 'preventDefault'>) => event.preventDefault();
  contents.on('will-navigate', refuse);
  contents.on('will-frame-navigate', refuse);
  contents.on('will-redirect', refuse);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** A hidden window for one page; the preferences are written out literally so Electronegativity sees them. */
export function createPrintWindow(): PrintWindow {
  return new BrowserWindow({
    show: false,
    webPreferences: {
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: false,
    },
  });
}

export async function printHtmlToPdf(pages: PrintPages, html: string, createWindow: () => PrintWindow = createPrintWindow): Promise<Uint8Array> {
  const { token, url } = pages.put(html);
  const w = createWindow();
  try {
    lockDownPrintContents(w.webContents);
    await w.loadURL(url);
    const pdf = await w.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true, generateTaggedPDF: true, generateDocumentOutline: true });
    return new Uint8Array(pdf);
  } finally {
    pages.drop(token);
    w.destroy();
  }
}
