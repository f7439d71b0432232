// Makes a library larger without new files: copies of every version under new law ids (used by
// tests that need a build or an export long enough to observe, and by the benchmark's --scale).

import { createHash } from 'node:crypto';
import type { LibraryStore } from '../../electron/core/library/library-store';

/** The law ids this helper made, per library (copies are not copied again). */
const made = new WeakMap<LibraryStore, Set<string>>();

/** A law id of the usual shape (L + 10 hex), derived from the original's and the copy's tag. */
const copyLawId = (lawId: string, tag: string) => 'L' + createHash('sha256').update(`${lawId}/${tag}`).digest('hex').slice(0, 10);

/** Adds `copies` copies of every version not itself a copy, under new law ids; returns the new version ids. */
export async function addCopies(store: LibraryStore, copies: number, tag: string): Promise<string[]> {
  if (!store.lock.tryAcquire()) throw new Error('library locked');
  const mine = made.get(store) ?? new Set<string>();
  made.set(store, mine);
  try {
    const originals = store.versions().filter((v) => !mine.has(v.lawId));
    const added: string[] = [];
    for (let c = 1; c <= copies; c++) {
      for (const meta of originals) {
        const body = store.loadVersion(meta.id);
        const lawId = copyLawId(meta.lawId, `${tag}${c}`);
        mine.add(lawId);
        const id = `${lawId}@${meta.id.split('@').slice(1).join('@')}`;
        const copy = { ...body, id, lawId };
        const file = store.writeBody(copy);
        const { units: _units, ...m } = copy;
        store.stage({ ...m, file });
        added.push(id);
      }
    }
    store.refreshStatuses();
    await store.commit({ added, removed: [] });
    return added;
  } finally {
    store.lock.release();
  }
}
