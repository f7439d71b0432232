// Electron main: lifecycle and glue only. The domain is in core (AppService); this file opens it,
// serves the renderer on app://, registers the contract's IPC and keeps one hardened window.

import { BrowserWindow, Menu, app, dialog, ipcMain, shell } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { watchLibrary } from '../core/library/library-watch';
import { ensureLinuxFontAliases } from '../core/office/font-aliases-install';
import { AppService } from '../core/api/app-service';
import { EVENT_CHANNEL } from '../shared/api-channels';
import { IMPORT_DIALOG_EXTENSIONS } from '../shared/import-formats';
import { apiEvents, type AppCommand, type EventName, type EventPayload } from '../shared/api-contract';
import { APP_URL } from './app-origin';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { ElectronSettingsStore } from './electron-settings';
import { openExternalSafely } from './external-links';
import { pickAndPreviewBundle } from './bundle-pick';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { PrintPages, printHtmlToPdf } from './print-window';
import { hardenSessions } from './security';
import { createMainWindow } from './window-options';
import { WindowState } from './window-state';

const here = fileURLToPath(new URL('.', import.meta.url));
let win: BrowserWindow | undefined;
let servicePromise: Promise<AppService> | undefined;

/** Like the browser face's event hub: only what the contract describes, as it shapes it (file names escaped). */
function emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
  const parsed = apiEvents[name].safeParse(payload);
  if (parsed.success && win && !win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, { name, payload: parsed.data });
}

const printPages = new PrintPages();

function createWindow(): BrowserWindow {
  const state = new WindowState();
  const bounds = state.load();
  const w = createMainWindow(join(here, '../preload/index.cjs'), bounds);
  if (bounds.maximized) w.maximize();
  state.track(w);
  w.once('ready-to-show', () => w.show());
  void w.loadURL(APP_URL);
  return w;
}

async function start(): Promise<void> {
  hardenSessions();
  ensureLinuxFontAliases((line) => console.log(line));
  serveRenderer(join(here, '../renderer'), printPages);
  const settings = new ElectronSettingsStore();
  servicePromise = AppService.open({
    libraryDir: process.env.LAWDESK_LIBRARY || settings.get().libraryDir || join(app.getPath('userData'), 'library'),
    settings,
    face: 'electron',
    appVersion: app.getVersion(),
    emit,
    // Exports (packs, bundles) go where the user finds them; shell:showFile opens the folder.
    exportDir: join(app.getPath('documents'), 'LawDesk 导出'),
    printPdf: (html) => printHtmlToPdf(printPages, html),
  });
  // An import by the CLI beside the app refreshes the window's lists and counts.
  servicePromise.then((s) => watchLibrary(s.store), () => {});
  servicePromise.catch((e) => dialog.showErrorBox('无法打开资料库', String((e as Error).message)));
  registerIpc(ipcMain, () => servicePromise, {
    'import:pickAndPreview': async ({ kind, taskId }) => {
      const service = await servicePromise!;
      const r = await dialog.showOpenDialog(win!, {
        title: kind === 'folder' ? '选择要导入的文件夹' : '选择要导入的法规文件',
        properties: kind === 'folder' ? ['openDirectory'] : ['openFile', 'multiSelections'],
        filters: kind === 'folder' ? [] : [{ name: '法规文件', extensions: IMPORT_DIALOG_EXTENSIONS }],
      });
      if (r.canceled || r.filePaths.length === 0) return { canceled: true as const };
      return service.previewPaths(r.filePaths, taskId);
    },
    'import:pickFolder': async () => {
      const r = await dialog.showOpenDialog(win!, { title: '选择要导入的文件夹', properties: ['openDirectory'] });
      return r.canceled || !r.filePaths[0] ? { canceled: true as const } : { path: r.filePaths[0] };
    },
    'shell:openExternal': async ({ url }) => ({ ok: await openExternalSafely(url) }),
    'bundles:pickAndPreview': async () => {
      const service = await servicePromise!;
      return pickAndPreviewBundle({
        pick: async () => {
          const r = await dialog.showOpenDialog(win!, {
            title: '选择要导入的资料包',
            properties: ['openFile'],
            filters: [{ name: '法规案头资料包', extensions: ['lawdesk', 'zip'] }],
          });
          return r.canceled ? undefined : r.filePaths[0];
        },
        preview: (path) => service.previewBundlePath(path),
      });
    },
    // Only files the service produced (by opaque id), never a path from the renderer.
    'shell:showFile': async ({ fileId }) => {
      const service = await servicePromise!;
      shell.showItemInFolder(service.producedFilePath(fileId));
      return { ok: true };
    },
  });
  const send = (command: AppCommand) => emit('app:command', { command });
  Menu.setApplicationMenu(
    buildMenu(send, () =>
      void dialog.showMessageBox(win!, { type: 'info', title: '关于', message: `法规案头 LawDesk ${app.getVersion()}`, detail: '离线法规库与全文检索。' }),
    ),
  );
  win = createWindow();
  win.on('closed', () => (win = undefined));
}

// Before 'ready': every renderer (the main window, the print window, any future one) is sandboxed
// even if a window's options forget to say so.
app.enableSandbox();
registerAppScheme();
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('activate', () => {
    if (!win && app.isReady()) win = createWindow();
  });
  app.on('before-quit', () => {
    void servicePromise?.then((s) => s.close());
  });
  void app.whenReady().then(start);
}
