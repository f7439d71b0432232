// One way for node tests to open the service as a face does: a library, exports and staging in a
// folder of the test's own, settings in memory, the browser face, no search index unless asked,
// and no starter laws unless the test names a starter folder.

import { join } from 'node:path';
import { AppService } from '../../electron/core/api/app-service';
import { MemorySettingsStore } from '../../electron/core/api/settings-file';

type OpenOptions = Parameters<typeof AppService.open>[0];

/** `AppService.open` with the test defaults under `dir`; `over` replaces any of them. */
export function openTestApp(dir: string, over: Partial<OpenOptions> = {}): Promise<AppService> {
  return AppService.open({
    libraryDir: join(dir, 'library'),
    starterDir: join(dir, 'no-starter'),
    settings: new MemorySettingsStore(),
    face: 'browser',
    search: false,
    exportDir: join(dir, 'exports'),
    stagingRoot: join(dir, 'staging'),
    emit: () => {},
    ...over,
  });
}
