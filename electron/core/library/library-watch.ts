// Another process (the CLI beside the app, a second window) may import into the same library.
// The app notices: library.json is polled (its stat, every two seconds — fs.watch misses renames
// on some file systems), and when its generation is ahead of ours the catalog is re-read and the
// difference announced, so lists and counts refresh as after an import in the app itself. Our own
// commits never trigger a reload: they are written with the generation we already have.

import { unwatchFile, watchFile } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LibraryStore } from './library-store';

/** The generation written in a catalog's text, without parsing the whole file. */
export function generationOf(text: string): number | undefined {
  const m = /"generation"\s*:\s*(\d+)/.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** How much of library.json is read to find its generation: the catalog writes it before the versions. */
const HEAD_BYTES = 4096;

/**
 * The generation of the catalog on disk, read from the file's head, off the main thread. Every own
 * commit changes the file's stat too, so this runs after each of them: reading and decoding the
 * whole catalog (2.5 MB at 2,600 laws) here was a 110 ms pause in the middle of a UI import.
 * A catalog whose head does not hold it (another writer's key order) is read whole.
 */
async function generationOnDisk(file: string): Promise<number | undefined> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
    const found = generationOf(head.subarray(0, bytesRead).toString('utf8'));
    if (found !== undefined || bytesRead < HEAD_BYTES) return found;
  } finally {
    await handle.close();
  }
  return generationOf(await readFile(file, 'utf8'));
}

/** Reloads the store when another process has committed; returns whether it did. */
export async function reloadIfAhead(store: LibraryStore): Promise<boolean> {
  let onDisk: number | undefined;
  try {
    onDisk = await generationOnDisk(join(store.dir, 'library.json'));
  } catch {
    return false; // being replaced right now: the next poll sees the new file
  }
  if (onDisk === undefined || onDisk <= store.generation) return false;
  const before = new Map(store.versions().map((v) => [v.id, v.file]));
  await store.load();
  const after = new Map(store.versions().map((v) => [v.id, v.file]));
  const added = [...after].filter(([id, file]) => before.get(id) !== file).map(([id]) => id);
  const removed = [...before].filter(([id, file]) => after.get(id) !== file).map(([id]) => id);
  store.announce({ added, removed });
  return true;
}

export function watchLibrary(store: LibraryStore, intervalMs = 2000): () => void {
  const file = join(store.dir, 'library.json');
  let busy = false;
  const onStat = () => {
    if (busy) return;
    busy = true;
    void reloadIfAhead(store)
      .catch(() => {})
      .finally(() => (busy = false));
  };
  watchFile(file, { interval: intervalMs, persistent: false }, onStat);
  return () => unwatchFile(file, onStat);
}
