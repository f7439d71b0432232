// Edits to what is already in the library: removing versions or whole laws (and undoing the last
// removal), and correcting a version's metadata (效力级别, region, dates, 时效性 with its basis).
// Each edit is one commit of library.json: a crash before its rename leaves the library as it was,
// and a commit that fails gives back the catalog on disk in memory too (what the app then shows).

import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { LEVELS, STATUSES, type Level, type LawVersionMeta, type Status } from '../../shared/law-model';
import { writeFileAtomic } from '../util/atomic-write';
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

/** Commits what was staged; on failure the catalog on disk is read back, so memory never shows an edit that did not land. */
async function commitOrReload(store: LibraryStore, change: { added: string[]; removed: string[] }): Promise<void> {
  try {
    await store.commit(change);
  } catch (e) {
    await store.load().catch(() => {});
    throw e;
  }
}

/**
 * The last removal, kept so that 撤销 can put it back: each version's catalog entry, its body file's
 * bytes and its original's. In memory only, until the next removal or the end of the process —
 * files kept on disk would not do: a body in bodies/ that the catalog does not name is a crashed
 * import's, and the next open adopts it (library-store recoverOrphans), which would bring a removed
 * law back by itself. Not kept when the files together exceed UNDO_MAX_BYTES (a scanned original
 * of hundreds of MB); the caller then says that this removal cannot be undone.
 */
interface LastRemoval {
  versions: LawVersionMeta[];
  bodies: Map<string, Buffer>;
  originals: Map<string, Buffer>;
}
const lastRemovals = new WeakMap<LibraryStore, LastRemoval>();

/** Largest removal kept for 撤销 (bodies and originals together). */
export const UNDO_MAX_BYTES = 256 * 1024 * 1024;

function keepForUndo(store: LibraryStore, versions: LawVersionMeta[]): LastRemoval | undefined {
  const kept: LastRemoval = { versions: versions.map((v) => structuredClone(v)), bodies: new Map(), originals: new Map() };
  let total = 0;
  const take = (path: string | undefined, into: Map<string, Buffer>): boolean => {
    if (!path || into.has(basename(path))) return true;
    try {
      const bytes = readFileSync(path);
      total += bytes.length;
      into.set(basename(path), bytes);
      return total <= UNDO_MAX_BYTES;
    } catch {
      return false; // a body already missing cannot be given back: no undo rather than half of one
    }
  };
  for (const v of versions) {
    if (!take(join(store.bodiesDir, v.file), kept.bodies)) return undefined;
    const original = store.originalPath(v);
    if (original && !take(original, kept.originals)) return undefined;
  }
  return kept;
}

export interface RemovalResult {
  removed: LawVersionMeta[];
  /** Whether undoLastRemoval can put these versions back (false: too large to keep, or a file was already unreadable). */
  undoable: boolean;
}

/**
 * Removes versions in one commit. With `undo`, what is removed is kept (keepForUndo) and replaces
 * the removal kept before; without, any kept removal is forgotten (the library has moved on).
 */
export async function removeVersionsKept(store: LibraryStore, ids: string[], opts: { undo?: boolean } = {}): Promise<RemovalResult> {
  return withLock(store, async () => {
    const missing = ids.filter((id) => !store.version(id));
    if (missing.length) throw new LibraryError('NOT_FOUND', `没有找到版本：${missing.join('、')}`);
    lastRemovals.delete(store);
    const kept = opts.undo ? keepForUndo(store, ids.map((id) => store.version(id)!)) : undefined;
    const removed = ids.map((id) => store.unstage(id)!);
    store.refreshStatuses(new Set(removed.map((v) => v.lawId)));
    await commitOrReload(store, { added: [], removed: ids });
    if (kept) lastRemovals.set(store, kept);
    return { removed, undoable: !!kept };
  });
}

export async function removeVersions(store: LibraryStore, ids: string[]): Promise<LawVersionMeta[]> {
  return (await removeVersionsKept(store, ids)).removed;
}

/** What undoLastRemoval would put back, if anything (the 撤销 button shows only then). */
export function lastRemoval(store: LibraryStore): LawVersionMeta[] | undefined {
  return lastRemovals.get(store)?.versions;
}

/**
 * Puts the last removal back, as it was: the same ids, bodies, originals and metadata (a 时效性 set by
 * hand, 核对 marks), in one commit — files first, the catalog naming them last. Refused when a
 * version of the same id has come back meanwhile (imported again): the library has moved on.
 */
export async function undoLastRemoval(store: LibraryStore): Promise<LawVersionMeta[]> {
  return withLock(store, async () => {
    const kept = lastRemovals.get(store);
    if (!kept) throw new LibraryError('NOT_FOUND', '没有可以撤销的删除（只能撤销本次运行中最近的一次删除）');
    const back = kept.versions.filter((v) => store.version(v.id));
    if (back.length) {
      lastRemovals.delete(store);
      throw new LibraryError('CONFLICT', `无法撤销：${back.map((v) => `《${v.title}》${v.published ?? v.effective ?? ''}`).join('、')}已重新导入资料库`);
    }
    for (const [name, bytes] of kept.bodies) {
      const full = join(store.bodiesDir, name);
      if (!existsSync(full)) writeFileAtomic(full, bytes, { fsync: false });
    }
    for (const [name, bytes] of kept.originals) {
      const full = join(store.originalsDir, name);
      if (!existsSync(full)) writeFileAtomic(full, bytes, { fsync: false });
    }
    for (const v of kept.versions) store.stage(structuredClone(v));
    store.refreshStatuses(new Set(kept.versions.map((v) => v.lawId)));
    await commitOrReload(store, { added: kept.versions.map((v) => v.id), removed: [] });
    lastRemovals.delete(store);
    return kept.versions.map((v) => store.version(v.id)!);
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
