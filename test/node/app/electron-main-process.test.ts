// The Electron main process (electron/main/index.ts) run against a typed fake of the electron API —
// Electron's binary is not on the build machine, so this is NOT a run inside Electron: it checks
// what the glue asks Electron to do. Checked: app.enableSandbox() before 'ready' (and before any
// window); every web contents refuses navigation away from the app (will-navigate,
// will-frame-navigate, will-redirect) and window.open; network requests are cancelled; PDFs are
// printed from a page served once from memory at app://print/… (never a file:// temp file) in a
// hidden window with JavaScript off that refuses every navigation; the page is forgotten after.
import { describe, expect, it, vi } from 'vitest';
import type * as Electron from 'electron';

type Listener = (...args: never[]) => unknown;

const fake = vi.hoisted(() => {
  const calls: string[] = [];
  let resolveReady: () => void = () => {};
  const ready = new Promise<void>((r) => (resolveReady = r));
  const appListeners = new Map<string, Listener[]>();
  let isReady = false;
  class FakeWebContents {
    listeners = new Map<string, Listener[]>();
    openHandler: ((d: { url: string }) => { action: string }) | undefined;
    sent: unknown[] = [];
    on(name: string, fn: Listener) {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]);
      return this;
    }
    setWindowOpenHandler(fn: (d: { url: string }) => { action: string }) {
      this.openHandler = fn;
    }
    send(_ch: string, msg: unknown) {
      this.sent.push(msg);
    }
    async printToPDF() {
      return Buffer.from('%PDF-1.7 fake');
    }
    /** Emits like Electron: returns whether some listener called preventDefault. */
    emitNavigation(name: string, url: string): boolean {
      let prevented = false;
      const event = { url, preventDefault: () => (prevented = true) };
      for (const fn of this.listeners.get(name) ?? []) (fn as (e: unknown, u: string) => void)(event, url);
      return prevented;
    }
  }
  const windows: FakeBrowserWindow[] = [];
  class FakeBrowserWindow {
    webContents = new FakeWebContents();
    loaded: { url: string; status: number; body: string; csp: string | null }[] = [];
    destroyed = false;
    constructor(readonly options: Electron.BrowserWindowConstructorOptions) {
      calls.push(`BrowserWindow(${options.show === false && options.webPreferences?.javascript === false ? 'print' : 'main'})`);
      windows.push(this);
      for (const fn of appListeners.get('web-contents-created') ?? []) (fn as (e: unknown, c: unknown) => void)({}, this.webContents);
    }
    /** Loads through the registered app:// handler, as Electron's protocol.handle would. */
    async loadURL(url: string) {
      const res = await protocolHandler!(new Request(url));
      this.loaded.push({ url, status: res.status, body: await res.text(), csp: res.headers.get('content-security-policy') });
    }
    destroy() {
      this.destroyed = true;
    }
    isDestroyed() {
      return this.destroyed;
    }
    once() {}
    on() {}
    show() {}
    maximize() {}
  }
  let protocolHandler: ((req: Request) => Promise<Response>) | undefined;
  const beforeRequest: ((d: { url: string }, cb: (r: { cancel?: boolean }) => void) => void)[] = [];
  const electron = {
    app: {
      enableSandbox: () => calls.push(`enableSandbox(ready=${isReady})`),
      requestSingleInstanceLock: () => true,
      on: (name: string, fn: Listener) => appListeners.set(name, [...(appListeners.get(name) ?? []), fn]),
      whenReady: () => ready,
      isReady: () => isReady,
      getPath: (name: string) => `/fake/${name}`,
      getVersion: () => '0.0.0-test',
      quit: () => {},
    },
    protocol: {
      registerSchemesAsPrivileged: () => calls.push(`registerSchemesAsPrivileged(ready=${isReady})`),
      handle: (_scheme: string, fn: (req: Request) => Promise<Response>) => (protocolHandler = fn),
    },
    net: { fetch: async () => new Response('renderer file') },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => {},
        setPermissionCheckHandler: () => {},
        setDevicePermissionHandler: () => {},
        setDisplayMediaRequestHandler: () => {},
        webRequest: { onBeforeRequest: (fn: (d: { url: string }, cb: (r: { cancel?: boolean }) => void) => void) => beforeRequest.push(fn) },
      },
    },
    BrowserWindow: FakeBrowserWindow,
    Menu: { setApplicationMenu: () => {}, buildFromTemplate: () => ({}) },
    dialog: { showErrorBox: () => {}, showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showMessageBox: async () => ({}) },
    ipcMain: { handle: () => {} },
    shell: { openExternal: async () => {}, showItemInFolder: () => {} },
    screen: { getAllDisplays: () => [] },
  };
  return {
    calls,
    windows,
    electron,
    beforeRequest,
    serviceOpts: [] as { printPdf?: (html: string) => Promise<Uint8Array> }[],
    setReady: () => {
      isReady = true;
      resolveReady();
    },
  };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));
vi.mock('electron-store', () => ({
  default: class {
    constructor(private readonly o: { defaults: Record<string, unknown> }) {}
    get(k: string) {
      return this.o.defaults[k];
    }
    set() {}
  },
}));
vi.mock('../../../electron/core/api/app-service', () => ({
  AppService: {
    open: async (opts: { printPdf?: (html: string) => Promise<Uint8Array> }) => {
      fake.serviceOpts.push(opts);
      return { store: {}, close: async () => {} };
    },
  },
}));
vi.mock('../../../electron/core/library/library-watch', () => ({ watchLibrary: () => () => {} }));

// The fake must be assignable where the glue hands it to Electron-typed code.
const typedApp: Pick<typeof Electron.app, 'enableSandbox' | 'requestSingleInstanceLock' | 'isReady'> = fake.electron.app as never;
void typedApp;

describe('Electron main process (typed fake of the electron API — not run in Electron)', () => {
  it('calls app.enableSandbox() before ready, before any window', async () => {
    await import('../../../electron/main/index');
    expect(fake.calls[0]).toBe('enableSandbox(ready=false)');
    expect(fake.calls).toContain('registerSchemesAsPrivileged(ready=false)');
    expect(fake.windows).toEqual([]);
    fake.setReady();
    await vi.waitFor(() => expect(fake.windows.length).toBe(1));
    expect(fake.calls.indexOf('enableSandbox(ready=false)')).toBeLessThan(fake.calls.indexOf('BrowserWindow(main)'));
  });

  it('every window refuses navigation away from the app, in the page and in frames, and window.open', () => {
    const main = fake.windows[0]!.webContents;
    for (const ev of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(main.emitNavigation(ev, 'https://evil.example/'), ev).toBe(true);
      expect(main.emitNavigation(ev, 'file:///etc/passwd'), ev).toBe(true);
      expect(main.emitNavigation(ev, 'data:text/html,<script>1</script>'), ev).toBe(true);
      expect(main.emitNavigation(ev, 'app://print/0123456789abcdef0123456789abcdef.html'), ev).toBe(true);
      expect(main.emitNavigation(ev, 'app://lawdesk/index.html'), ev).toBe(false);
    }
    expect(main.openHandler!({ url: 'https://www.gov.cn/' })).toEqual({ action: 'deny' });
    expect(main.openHandler!({ url: 'app://lawdesk/index.html' })).toEqual({ action: 'deny' });
    expect(main.emitNavigation('will-attach-webview', 'app://lawdesk/x')).toBe(true);
  });

  it('cancels every network request from any page', () => {
    expect(fake.beforeRequest).toHaveLength(1);
    const verdict = (url: string) => {
      let r: { cancel?: boolean } = {};
      fake.beforeRequest[0]!({ url }, (x) => (r = x));
      return r.cancel;
    };
    for (const u of ['https://cdn.example/x.js', 'http://127.0.0.1:8080/', 'wss://x.example/', 'ftp://x/']) expect(verdict(u), u).toBe(true);
    expect(verdict('app://lawdesk/index.html')).toBe(false);
    expect(verdict('data:image/png;base64,AAAA')).toBe(false);
  });

  it('prints a PDF from a page served once from memory, JavaScript off, in a window that refuses navigation', async () => {
    const printPdf = fake.serviceOpts[0]!.printPdf!;
    const html = '<!doctype html><meta charset="utf-8"><title>汇编</title><p>第一条 为了规范行政许可的设定和实施，制定本法。</p>';
    const pdf = await printPdf(html);
    expect(Buffer.from(pdf).toString()).toBe('%PDF-1.7 fake');
    const w = fake.windows.at(-1)!;
    expect(w).not.toBe(fake.windows[0]);
    expect(w.options.show).toBe(false);
    expect(w.options.webPreferences).toMatchObject({ javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false, devTools: false });
    expect(w.options.webPreferences).not.toHaveProperty('preload');
    expect(w.loaded).toHaveLength(1);
    const load = w.loaded[0]!;
    expect(load.url).toMatch(/^app:\/\/print\/[0-9a-f]{32}\.html$/);
    expect(load.status).toBe(200);
    expect(load.body).toBe(html);
    expect(load.csp).toContain("default-src 'none'");
    expect(load.csp).not.toMatch(/script-src|unsafe-eval|https?:/);
    expect(w.destroyed).toBe(true);
    // Served once: the same URL again (another page, a reload) is not found.
    await w.loadURL(load.url);
    expect(w.loaded[1]!.status).toBe(404);
    // The print window refuses every navigation, even to the app itself, and window.open.
    for (const ev of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(w.webContents.emitNavigation(ev, 'app://lawdesk/index.html'), ev).toBe(true);
      expect(w.webContents.emitNavigation(ev, 'https://evil.example/'), ev).toBe(true);
    }
    expect(w.webContents.openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('forgets the page and closes the window when printing fails', async () => {
    const printPdf = fake.serviceOpts[0]!.printPdf!;
    const proto = fake.electron.BrowserWindow.prototype as unknown as { loadURL: (u: string) => Promise<void> };
    const original = proto.loadURL;
    let failedUrl = '';
    proto.loadURL = async function (u: string) {
      failedUrl = u;
      throw new Error('ERR_FAILED');
    };
    try {
      await expect(printPdf('<p>x</p>')).rejects.toThrow('ERR_FAILED');
    } finally {
      proto.loadURL = original;
    }
    const w = fake.windows.at(-1)!;
    expect(w.destroyed).toBe(true);
    await w.loadURL(failedUrl);
    expect(w.loaded.at(-1)!.status).toBe(404);
  });
});
