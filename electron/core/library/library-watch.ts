// Another process (the CLI beside the app, a second window) may import into the same library.
// The app notices: library.json is polled (its stat, every two seconds — fs.watch misses renames
// on some file systems), and when its generation is ahead of ours the catalog is re-read and the
// difference announced, so lists and counts refresh as after an import in the app itself. Our own
// commits never trigger a reload: they are written with the generation we already have.

import { readFileSync, unwatchFile, watchFile } from 'node:fs';
import { join } from 'node:path';
import type { LibraryStore } from './library-store';

/** The generation written in a catalog's text, without parsing the whole file. */
export function generationOf(text: string): number | undefined {
  const m = /"generation"\s*:\s*(\d+)/.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** Reloads the store when another process has committed; returns whether it did. */
export async function reloadIfAhead(store: LibraryStore): Promise<boolean> {
  let text: string;
  try {
    text = readFileSync(join(store.dir, 'library.json'), 'utf8');
  } catch {
    return false; // being replaced right now: the next poll sees the new file
  }
  const onDisk = generationOf(text);
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
