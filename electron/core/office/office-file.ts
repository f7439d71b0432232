// office.json in the library folder: the office profile, validated on read (a damaged file reads as
// empty with a warning instead of stopping the app) and written atomically under the writer lock.

import { formatIssues, invalidInput } from '../../shared/errors';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EMPTY_OFFICE, OFFICE_FILE, OfficeProfileSchema, type OfficeProfile } from '../../shared/office-profile';
import { writeFileAtomic } from '../library/atomic-file';
import type { LibraryStore } from '../library/library-store';
import { LibraryError } from '../library/library-store';

export { OFFICE_FILE };

export function readOffice(libraryDir: string): { profile: OfficeProfile; warning?: string } {
  const file = join(libraryDir, OFFICE_FILE);
  if (!existsSync(file)) return { profile: { ...EMPTY_OFFICE } };
  try {
    const r = OfficeProfileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (r.success) return { profile: r.data };
    return { profile: { ...EMPTY_OFFICE }, warning: `${file}：单位信息格式不对（${formatIssues(r.error)[0]}），已按空白处理` };
  } catch (e) {
    return { profile: { ...EMPTY_OFFICE }, warning: `${file}：无法读取单位信息（${(e as Error).message}），已按空白处理` };
  }
}

/** Merges `patch` over the stored profile; `adviser: null` removes the adviser. */
export function writeOffice(store: LibraryStore, patch: Partial<Omit<OfficeProfile, 'adviser'>> & { adviser?: OfficeProfile['adviser'] | null }): OfficeProfile {
  const { adviser, ...rest } = patch;
  const given = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  const merged: Record<string, unknown> = { ...readOffice(store.dir).profile, ...given };
  if (adviser === null) delete merged.adviser;
  else if (adviser) merged.adviser = adviser;
  const r = OfficeProfileSchema.safeParse(merged);
  if (!r.success) throw invalidInput(r.error, '单位信息', {}, merged);
  if (!store.lock.tryAcquire()) throw new LibraryError('LOCKED', store.lock.busyMessage());
  try {
    writeFileAtomic(join(store.dir, OFFICE_FILE), JSON.stringify(r.data, null, 2) + '\n');
  } finally {
    store.lock.release();
  }
  return r.data;
}
