// Tests that need a version as an importer would have stored it (OCR'd, misread, from a kept
// original) rewrite an imported one in place: under the writer lock, after reloading what another
// process (the app under test) may have written, in one commit — as an import would.

import type { LibraryStore } from '../../electron/core/library/library-store';
import type { LawVersion } from '../../electron/shared/law-model';

/** Replaces each version's body by `edit(body)` and commits them together. */
export async function rewriteVersions(store: LibraryStore, ids: readonly string[], edit: (body: LawVersion) => LawVersion): Promise<void> {
  if (!store.lock.tryAcquire()) throw new Error('the library is locked by another writer');
  try {
    await store.load();
    for (const id of ids) {
      const next = edit(store.loadVersion(id));
      const file = store.writeBody(next);
      const { units: _u, ...meta } = next;
      store.stage({ ...meta, file });
    }
    await store.commit({ added: [...ids], removed: [...ids] });
  } finally {
    store.lock.release();
  }
}
