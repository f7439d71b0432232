// Restoring records and the library's user data (packs, 收藏 … see user-data-files.ts) from a
// backup: an automatic backup (a copy of records.json and its userdata- companion) or a .lawdesk
// bundle holding records (a manual backup). Everything is read and validated before the first write. The preview says which records come back, which
// change and which, made after the backup, would go; the restore itself first backs up the
// current records (so it can be undone), writes any missing attachments, then replaces the
// records in one atomic commit.

import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../../shared/errors';
import { writeFileAtomic } from '../library/atomic-file';
import type { LibraryStore } from '../library/library-store';
import { RecordsStore } from '../records/records-store';
import { RecordsFileSchema, type RecordsFile } from '../records/record-types';
import { describeIssues } from '../records/records-errors';
import { BundleError, parseBundleJson, safeParseBounded } from './bundle-format';
import { referencedAttachments, safeExt } from './bundle-export';
import { readBundle } from './bundle-read';
import { backupRecords, type BackupInfo } from './records-backup';
import { RECORD_COLLECTIONS } from './records-merge';
import { parseUserDataBackup, readLocalUserData, USER_DATA_FILES, writeUserData } from './user-data-files';
import { userDataBackupPath } from './records-backup';
import { restoreChangesAnything } from '../../shared/restore-effect';

export interface RestorePreview {
  file: string;
  /** In the backup, not in the library now: come back. */
  restored: string[];
  /** In both, different now: go back to the backup's state. */
  changed: string[];
  /** In the library now, not in the backup: removed by the restore (kept in the pre-restore backup). */
  removed: string[];
  unchanged: number;
  missingAttachments: string[];
  /** The user-data files (packs, 收藏 …) the backup holds and whether restoring changes them. */
  userData: { path: string; what: string; changed: boolean }[];
}

export interface RestoreResult extends RestorePreview {
  backup?: BackupInfo;
}

const MAX_BACKUP_BYTES = 512 * 1024 * 1024;

interface Loaded {
  data: RecordsFile;
  /** Library path → validated content and the text to write back. */
  userData: Map<string, { text: string; value: unknown }>;
  attachments: Map<string, () => Uint8Array>;
  close(): void;
}

function load(file: string): Loaded {
  if (!existsSync(file)) throw new DomainError('NOT_FOUND', `备份文件 ${file} 不存在`, { file });
  if (file.toLowerCase().endsWith('.lawdesk')) {
    const b = readBundle(file);
    if (!b.records) {
      b.close();
      throw new BundleError('INVALID', `${file} 中没有记录（不是记录备份）`);
    }
    const attachments = new Map<string, () => Uint8Array>();
    for (const [name, kind] of b.entryKinds) if (kind === 'attachment') attachments.set(name.slice('records/attachments/'.length), () => b.bytesOf(name));
    const userData = new Map([...b.userData].map(([path, value]) => [path, { value, text: JSON.stringify(value, null, 2) + '\n' }]));
    return { data: b.records, userData, attachments, close: () => b.close() };
  }
  if (statSync(file).size > MAX_BACKUP_BYTES) throw new BundleError('TOO_LARGE', '备份文件过大');
  const raw = parseBundleJson(readFileSync(file, 'utf8'), '备份文件', 64);
  const r = safeParseBounded(RecordsFileSchema, raw, '备份文件');
  if (!r.success) throw new BundleError('SCHEMA', `备份文件中有不合格式的记录：${describeIssues(r.error).slice(0, 5).join('；')}`);
  // Everything in the companion is validated here, before the restore writes anything.
  const companion = userDataBackupPath(file);
  const userData = companion && existsSync(companion) ? parseUserDataBackup(readFileSync(companion, 'utf8'), `备份文件 ${companion}`) : new Map<string, { text: string; value: unknown }>();
  return { data: r.data, userData, attachments: new Map(), close: () => {} };
}

function ids(data: RecordsFile): Map<string, string> {
  const out = new Map<string, string>();
  for (const k of RECORD_COLLECTIONS) for (const [id, r] of Object.entries(data[k])) out.set(id, JSON.stringify(r) + JSON.stringify(data.log[id] ?? []));
  return out;
}

function previewOf(store: LibraryStore, file: string, current: RecordsFile, l: Loaded): RestorePreview {
  const now = ids(current);
  const then = ids(l.data);
  const p: RestorePreview = { file, restored: [], changed: [], removed: [], unchanged: 0, missingAttachments: [], userData: [] };
  for (const spec of USER_DATA_FILES) {
    const then = l.userData.get(spec.path);
    if (!then) continue; // not in this backup (or taken before user data was backed up): left as it is
    let now: unknown;
    try {
      now = readLocalUserData(store.dir, spec);
    } catch {
      now = undefined; // a damaged current file is exactly what a restore replaces
    }
    p.userData.push({ path: spec.path, what: spec.what, changed: JSON.stringify(now) !== JSON.stringify(then.value) });
  }
  for (const [id, v] of then) {
    if (!now.has(id)) p.restored.push(id);
    else if (now.get(id) !== v) p.changed.push(id);
    else p.unchanged++;
  }
  for (const id of now.keys()) if (!then.has(id)) p.removed.push(id);
  for (const a of referencedAttachments(l.data)) {
    const name = a.sha256 + safeExt(a.name);
    if (!existsSync(join(store.dir, 'attachments', name)) && !l.attachments.has(name)) p.missingAttachments.push(a.name);
  }
  return p;
}

export async function previewRestore(store: LibraryStore, file: string): Promise<RestorePreview> {
  const l = load(file);
  try {
    const current = await (await RecordsStore.open(store.dir, store.lock)).data();
    return previewOf(store, file, current, l);
  } finally {
    l.close();
  }
}

export async function restoreRecords(store: LibraryStore, file: string): Promise<RestoreResult> {
  const l = load(file);
  try {
    if (!store.lock.tryAcquire()) throw new BundleError('LOCKED', store.lock.busyMessage());
    try {
      const rs = await RecordsStore.open(store.dir, store.lock);
      const preview = previewOf(store, file, await rs.data(), l);
      if (preview.missingAttachments.length) {
        throw new BundleError('INVALID', `备份引用的附件在本库和备份中都没有：${preview.missingAttachments.slice(0, 5).join('、')}；未做任何改动`);
      }
      const result: RestoreResult = { ...preview };
      const userDataWrites = preview.userData.filter((u) => u.changed).map((u) => ({ path: u.path, text: l.userData.get(u.path)!.text }));
      if (!restoreChangesAnything(preview)) return result;
      const recordsChange = preview.restored.length > 0 || preview.changed.length > 0 || preview.removed.length > 0;
      const backup = backupRecords(store, 'before-restore');
      if (backup) result.backup = backup;
      const dir = join(store.dir, 'attachments');
      mkdirSync(dir, { recursive: true });
      for (const [name, bytes] of l.attachments) if (!existsSync(join(dir, name))) writeFileAtomic(join(dir, name), bytes());
      if (recordsChange) {
        await rs.mutate((draft) => {
          for (const k of RECORD_COLLECTIONS) (draft as Record<string, unknown>)[k] = structuredClone(l.data[k]);
          draft.log = structuredClone(l.data.log);
        });
      }
      writeUserData(store.dir, userDataWrites);
      return result;
    } finally {
      store.lock.release();
    }
  } finally {
    l.close();
  }
}
