// Where the library lives and how a new one starts: the per-user folder Electron would use for
// "LawDesk" (overridable with --library or LAWDESK_LIBRARY), seeded with the starter laws the
// first time it is created (the user may remove them; they are not re-added).

import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importPaths, type ImportReport, type ImportProgress } from './library-import';
import { LibraryStore, type StoreOptions } from './library-store';
import { sweepStaleTemps } from '../util/stale-temps';
import { readStarterSet, starterSeedFiles } from './starter-laws';
import { defaultUserDataDir } from '../util/user-data-dir';
import { officeRegionIn } from '../office/office-region';

export { defaultUserDataDir };

export function resolveLibraryDir(explicit?: string): string {
  return resolve(explicit || process.env.LAWDESK_LIBRARY || join(defaultUserDataDir(), 'library'));
}

/** The repository/app root: the nearest folder above this file holding resources/. */
export function appRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'resources', 'starter-laws'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

export function starterLawsDir(): string {
  return process.env.LAWDESK_STARTER_DIR || join(appRoot(), 'resources', 'starter-laws');
}

export interface OpenLibraryOptions extends StoreOptions {
  dir?: string;
  /** Seed a newly created library with the starter laws (default true). */
  seed?: boolean;
  starterDir?: string;
  /**
   * Seed the local rules only of the office's region (starter-laws.ts). Default: for the shipped
   * set, made for any office; a folder someone chose (starterDir, LAWDESK_STARTER_DIR) is seeded whole.
   */
  starterByRegion?: boolean;
  onSeedProgress?: (p: ImportProgress) => void;
}

export async function openLibrary(
  opts: OpenLibraryOptions = {},
): Promise<{ store: LibraryStore; seeded?: ImportReport }> {
  const dir = resolveLibraryDir(opts.dir);
  const store = await LibraryStore.open(dir, opts);
  // Temp files of writes a kill cut short, anywhere in the library, whose writer is gone.
  sweepStaleTemps(store.dir, { recursive: true });
  let seeded: ImportReport | undefined;
  const starter = opts.starterDir ?? starterLawsDir();
  if (store.created && opts.seed !== false && existsSync(starter)) {
    const byRegion = opts.starterByRegion ?? (!opts.starterDir && !process.env.LAWDESK_STARTER_DIR);
    const set = byRegion ? readStarterSet(starter) : [];
    // a new library has an office.json only when one was put there first (a restore, a copied folder)
    const chosen = starterSeedFiles(set, officeRegionIn(store.dir));
    const listed = new Set(set.map((e) => e.file));
    seeded = await importPaths(store, [starter], {
      ...(opts.onSeedProgress ? { onProgress: opts.onSeedProgress } : {}),
      ...(set.length ? { only: (f: string) => !listed.has(resolve(f)) || chosen.has(resolve(f)) } : {}),
    });
  }
  return { store, ...(seeded ? { seeded } : {}) };
}
