// Wires the browser face: library + service + event hub + HTTP server. Used by `lawdesk start`
// when Electron's binary is missing, and by the end-to-end tests (with a temporary library).

import { join } from 'node:path';
import { AppService } from '../core/api/app-service';
import { FileSettingsStore, type SettingsStore } from '../core/api/settings-file';
import { appRoot, defaultUserDataDir } from '../core/library/open-library';
import type { FolderRoot } from '../core/library/folder-browse';
import { watchLibrary } from '../core/library/library-watch';
import { EventHub } from './event-hub';
import { startHttpServer, type RunningServer } from './http-server';

export interface BrowserFaceOptions {
  libraryDir?: string;
  starterDir?: string;
  settings?: SettingsStore;
  rendererDir?: string;
  port?: number;
  appVersion?: string;
  /** Where 按路径导入 may choose folders (default: the user's home and the drives). */
  importRoots?: FolderRoot[];
}

export interface BrowserFace extends RunningServer {
  service: AppService;
  stop(): Promise<void>;
}

export function defaultRendererDir(): string {
  return join(appRoot(), 'out', 'renderer');
}

export async function startBrowserFace(opts: BrowserFaceOptions = {}): Promise<BrowserFace> {
  const events = new EventHub();
  const settings = opts.settings ?? new FileSettingsStore(join(defaultUserDataDir(), 'settings.json'));
  const libraryDir = opts.libraryDir || settings.get().libraryDir || undefined;
  const service = await AppService.open({
    ...(libraryDir ? { libraryDir } : {}),
    ...(opts.starterDir ? { starterDir: opts.starterDir } : {}),
    settings,
    face: 'browser',
    appVersion: opts.appVersion ?? '0.1.0',
    emit: events.emit,
    ...(opts.importRoots ? { importRoots: opts.importRoots } : {}),
  });
  // An import by the CLI beside the app refreshes the page's lists and counts.
  const unwatch = watchLibrary(service.store);
  const server = await startHttpServer({
    service,
    events,
    rendererDir: opts.rendererDir ?? defaultRendererDir(),
    ...(opts.port ? { port: opts.port } : {}),
  });
  return {
    ...server,
    service,
    stop: async () => {
      unwatch();
      await server.close();
      service.close();
    },
  };
}
