// Edits to what is already in the library: removing versions or whole laws, and correcting a
// version's metadata (效力级别, region, dates, 时效性 with its basis). Each edit is one commit.

import { LEVELS, STATUSES, type Level, type LawVersionMeta, type Status } from '../../shared/law-model';
import { LibraryError, type LibraryStore } from './library-store';

async function withLock<T>(store: LibraryStore, fn: () => Promise<T>): Promise<T> {
  if (!store.lock.tryAcquire()) {
    throw new LibraryError('LOCKED', store.lock.busyMessage());
  }
  try {
    await store.load();
    return await fn();
  } finally {
    store.lock.release();
  }
}

export async function removeVersions(store: LibraryStore, ids: string[]): Promise<LawVersionMeta[]> {
  return withLock(store, async () => {
    const missing = ids.filter((id) => !store.version(id));
    if (missing.length) throw new LibraryError('NOT_FOUND', `没有找到版本：${missing.join('、')}`);
    const removed = ids.map((id) => store.unstage(id)!);
    store.refreshStatuses(new Set(removed.map((v) => v.lawId)));
    await store.commit({ added: [], removed: ids });
    return removed;
  });
}

export async function removeLaw(store: LibraryStore, lawId: string): Promise<LawVersionMeta[]> {
  const law = store.law(lawId);
  if (!law) throw new LibraryError('NOT_FOUND', `没有找到法规 ${lawId}`);
  return removeVersions(store, law.versionIds);
}

export interface VersionMetaPatch {
  level?: Level;
  region?: string;
  issuer?: string | null;
  docNumber?: string | null;
  published?: string | null;
  effective?: string | null;
  expired?: boolean;
  /** Set 时效性 by hand, with the basis (e.g. 已被《…》废止); null returns to the derived status. */
  statusOverride?: { status: Status; basis: string } | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function updateVersionMeta(store: LibraryStore, id: string, patch: VersionMetaPatch): Promise<LawVersionMeta> {
  if (patch.level !== undefined && !(LEVELS as readonly string[]).includes(patch.level)) {
    throw new LibraryError('INVALID', `效力级别“${patch.level}”不在 ${LEVELS.join('、')} 之中`);
  }
  for (const k of ['published', 'effective'] as const) {
    const v = patch[k];
    if (v != null && !DATE.test(v)) throw new LibraryError('INVALID', `${k === 'published' ? '公布日期' : '施行日期'}应写成 YYYY-MM-DD`);
  }
  if (patch.statusOverride) {
    if (!(STATUSES as readonly string[]).includes(patch.statusOverride.status)) throw new LibraryError('INVALID', '时效性取值不对');
    if (!patch.statusOverride.basis.trim()) throw new LibraryError('INVALID', '手工设定时效性时请写明依据');
  }
  return withLock(store, async () => {
    const meta = store.version(id);
    if (!meta) throw new LibraryError('NOT_FOUND', `没有找到版本 ${id}`);
    const next: LawVersionMeta = { ...meta };
    if (patch.level !== undefined) next.level = patch.level;
    if (patch.region !== undefined) next.region = patch.region.trim() || meta.region;
    for (const k of ['issuer', 'docNumber', 'published', 'effective'] as const) {
      const v = patch[k];
      if (v === null) delete next[k];
      else if (v !== undefined) next[k] = v;
    }
    if (patch.expired !== undefined) next.expired = patch.expired;
    if (patch.statusOverride === null) delete next.statusOverride;
    else if (patch.statusOverride) next.statusOverride = patch.statusOverride;
    store.stage(next);
    store.refreshStatuses([meta.lawId]);
    await store.commit({ added: [id], removed: [id] });
    return store.version(id)!;
  });
}
