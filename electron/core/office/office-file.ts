// office.json in the library folder: the office profile. A VersionedStore like favorites.json, so
// it carries a schema version (files from before it had one are migrated), is validated on every
// read, re-read when another process (the CLI beside the app) changed it, and written atomically
// under the library's writer lock after being re-read under it. A damaged or newer file is never
// trusted: reads fall back to the empty profile with a warning naming the file (the profile only
// fills defaults, it must not stop a search or a report), and writes are refused so the file is
// not overwritten with blanks.

import { formatIssues, invalidInput } from '../../shared/errors';
import { join } from 'node:path';
import { EMPTY_OFFICE, OFFICE_FILE, OFFICE_SCHEMA_VERSION, OfficeFileSchema, OfficeProfileSchema, type OfficeFile, type OfficeProfile } from '../../shared/office-profile';
import type { LibraryStore } from '../library/library-store';
import { LibraryError } from '../library/library-store';
import { VersionedStore } from '../library/versioned-store';
import type { WriterLock } from '../library/writer-lock';

export { OFFICE_FILE };

function openOfficeFile(libraryDir: string, lock?: WriterLock): VersionedStore<OfficeFile> {
  const file = join(libraryDir, OFFICE_FILE);
  return VersionedStore.open(
    file,
    {
      what: '单位信息',
      version: OFFICE_SCHEMA_VERSION,
      schema: OfficeFileSchema,
      empty: () => ({ ...EMPTY_OFFICE, schemaVersion: OFFICE_SCHEMA_VERSION }),
      unversioned: 0,
      // 0 → 1 only adds schemaVersion: the profile's fields are unchanged.
      migrations: { 1: () => {} },
      error: (code, message, issues) => new LibraryError(code, `${file}：${message}${issues?.length ? `：${issues.join('；')}` : ''}`),
      describeIssues: (e) => formatIssues(e),
    },
    lock,
  );
}

// One reader per library folder: it re-reads the file only when its stat changed.
const readers = new Map<string, VersionedStore<OfficeFile>>();

function profileOf(doc: OfficeFile): OfficeProfile {
  const { schemaVersion: _version, ...profile } = doc;
  return profile;
}

export function readOffice(libraryDir: string): { profile: OfficeProfile; warning?: string } {
  try {
    let reader = readers.get(libraryDir);
    if (!reader) {
      reader = openOfficeFile(libraryDir);
      readers.set(libraryDir, reader);
    }
    return { profile: profileOf(reader.current()) };
  } catch (e) {
    return { profile: { ...EMPTY_OFFICE }, warning: `无法使用单位信息，已按空白处理：${(e as Error).message}` };
  }
}

/**
 * Merges `patch` over the stored profile; `adviser: null` removes the adviser, `imprint: null` the 版记. Refused (file left
 * as it is) when office.json is damaged or was written by a newer LawDesk.
 */
export async function writeOffice(
  store: Pick<LibraryStore, 'dir' | 'lock'>,
  patch: Partial<Omit<OfficeProfile, 'adviser' | 'imprint'>> & { adviser?: OfficeProfile['adviser'] | null; imprint?: OfficeProfile['imprint'] | null },
): Promise<OfficeProfile> {
  const { adviser, imprint, ...rest } = patch;
  const given = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  const file = openOfficeFile(store.dir, store.lock);
  return file.mutate((draft) => {
    const merged: Record<string, unknown> = { ...profileOf(draft), ...given };
    if (adviser === null) delete merged.adviser;
    else if (adviser) merged.adviser = adviser;
    if (imprint === null) delete merged.imprint;
    else if (imprint) merged.imprint = imprint;
    const r = OfficeProfileSchema.safeParse(merged);
    if (!r.success) throw invalidInput(r.error, '单位信息', {}, merged);
    delete (draft as Partial<OfficeFile>).adviser;
    delete (draft as Partial<OfficeFile>).imprint;
    Object.assign(draft, r.data);
    return r.data;
  });
}
