// Backups of the records (reviews, lectures, plans, notes, collections, the 规范性文件 register and
// their change logs) and of the library's other user data (packs, 收藏, office profile … — the list
// in user-data-files.ts). Automatic ones are copies of records.json in <library>/backups/, each with
// a companion userdata-<same stamp>.json holding the user-data files, taken before every operation
// that replaces records (bundle import, restore, repair) and once a day while the library is in
// use, rotated to the newest N of each kind. Attachments are content-addressed and never deleted,
// so a copy of records.json is a complete backup inside the library; a manual backup to another
// folder is a records-only .lawdesk bundle (records, history and attachments), self-contained.

import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { writeFileAtomic } from '../library/atomic-file';
import { sha256 } from '../library/law-identity';
import type { LibraryStore } from '../library/library-store';
import { RECORDS_FILE } from '../records/records-store';
import { readUserDataTexts, userDataBackupText } from './user-data-files';

export const BACKUPS_DIR = 'backups';
export const DEFAULT_KEEP = 10;
const CONFIG = 'backup-config.json';
const NAME = /^records-(\d{8}T\d{9}Z)-([a-z0-9-]{1,40})\.json$/;

/**
 * The user-data companion of a records backup (the file may be absent: backups taken before user
 * data was carried); undefined for a file not named like a backup (a hand-made copy of records.json).
 */
export function userDataBackupPath(recordsBackup: string): string | undefined {
  const name = basename(recordsBackup);
  return name.startsWith('records-') ? join(dirname(recordsBackup), name.replace(/^records-/, 'userdata-')) : undefined;
}

/** What a library with user data but no records yet backs up as its records. */
const NO_RECORDS = JSON.stringify({ schemaVersion: 1, generation: 0, reviews: {}, lectures: {}, plans: {}, notes: {}, collections: {}, register: {}, log: {} });

function readIf(file: string): Buffer | undefined {
  return existsSync(file) ? readFileSync(file) : undefined;
}

export interface BackupConfig {
  /** How many automatic backups of each kind (daily / before an operation) to keep. */
  keep: number;
}

export interface BackupInfo {
  file: string;
  name: string;
  at: string; // ISO
  reason: string;
  size: number;
}

export function backupsDir(store: LibraryStore): string {
  return join(store.dir, BACKUPS_DIR);
}

export function backupConfig(store: LibraryStore): BackupConfig {
  try {
    const c = JSON.parse(readFileSync(join(backupsDir(store), CONFIG), 'utf8')) as Partial<BackupConfig>;
    if (Number.isInteger(c.keep) && c.keep! >= 1 && c.keep! <= 1000) return { keep: c.keep! };
  } catch {
    /* missing or unreadable: defaults */
  }
  return { keep: DEFAULT_KEEP };
}

export function setBackupConfig(store: LibraryStore, config: BackupConfig): void {
  if (!Number.isInteger(config.keep) || config.keep < 1 || config.keep > 1000) throw new RangeError('保留份数应为 1–1000 的整数');
  mkdirSync(backupsDir(store), { recursive: true });
  writeFileAtomic(join(backupsDir(store), CONFIG), JSON.stringify(config));
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:.]/g, '').replace(/(\d{8}T\d{6})(\d{3})Z/, '$1$2Z');
}

function fromStamp(s: string): string {
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;
}

/** Automatic backups, newest first. */
export function listBackups(store: LibraryStore): BackupInfo[] {
  const dir = backupsDir(store);
  if (!existsSync(dir)) return [];
  const out: BackupInfo[] = [];
  for (const name of readdirSync(dir)) {
    const m = NAME.exec(name);
    if (!m) continue;
    const file = join(dir, name);
    const companion = userDataBackupPath(file)!;
    out.push({ file, name, at: fromStamp(m[1]!), reason: m[2]!, size: statSync(file).size + (existsSync(companion) ? statSync(companion).size : 0) });
  }
  return out.sort((a, b) => b.name.localeCompare(a.name));
}

/**
 * Copies records.json and the user-data files into backups/ (each atomically) and rotates. Call
 * before any operation that replaces or drops records or user data. Returns undefined when there is
 * nothing to back up yet; when the newest backup already holds exactly these bytes, returns it
 * instead of writing a duplicate.
 */
export function backupRecords(store: LibraryStore, reason: string): BackupInfo | undefined {
  const texts = readUserDataTexts(store.dir);
  const records = readIf(join(store.dir, RECORDS_FILE));
  if (!records && !texts.size) return undefined;
  const bytes = records ?? Buffer.from(NO_RECORDS, 'utf8');
  const companion = texts.size ? Buffer.from(userDataBackupText(texts), 'utf8') : undefined;
  const tag = reason.slice(0, 80).toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'manual';
  const existing = listBackups(store);
  const newest = existing[0];
  const hashOf = (b: Buffer | undefined) => (b ? sha256(b) : '');
  if (newest && tag !== 'daily' && sha256(readFileSync(newest.file)) === sha256(bytes) && hashOf(readIf(userDataBackupPath(newest.file)!)) === hashOf(companion)) return newest;
  mkdirSync(backupsDir(store), { recursive: true });
  const now = store.now();
  const name = `records-${stamp(now)}-${tag}.json`;
  const file = join(backupsDir(store), name);
  // The companion first: the records copy is what lists the backup, so a crash between the two
  // leaves an unlisted companion (removed by rotation), never a listed backup missing its half.
  if (companion) writeFileAtomic(userDataBackupPath(file)!, companion);
  writeFileAtomic(file, bytes);
  rotate(store);
  return { file, name, at: now.toISOString(), reason: tag, size: bytes.length + (companion?.length ?? 0) };
}

/** Keeps the newest N daily backups and the newest N of the others. */
function rotate(store: LibraryStore): void {
  const { keep } = backupConfig(store);
  const all = listBackups(store);
  for (const group of [all.filter((b) => b.reason === 'daily'), all.filter((b) => b.reason !== 'daily')]) {
    for (const b of group.slice(keep)) for (const f of [b.file, userDataBackupPath(b.file)!]) removeIfThere(f);
  }
  // Companions whose records copy is gone (rotated, or a crash between the two writes).
  const listed = new Set(listBackups(store).map((b) => userDataBackupPath(b.file)!));
  for (const name of readdirSync(backupsDir(store))) {
    if (/^userdata-\d{8}T\d{9}Z-[a-z0-9-]{1,40}\.json$/.test(name) && !listed.has(join(backupsDir(store), name))) removeIfThere(join(backupsDir(store), name));
  }
}

function removeIfThere(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    /* already gone */
  }
}

/** Takes today's backup if there is none yet (call when the library is opened and after writes). */
export function dailyBackupIfDue(store: LibraryStore): BackupInfo | undefined {
  const today = store.today();
  if (listBackups(store).some((b) => b.reason === 'daily' && b.at.slice(0, 10) === today)) return undefined;
  return backupRecords(store, 'daily');
}

export function isAutoBackupName(file: string): boolean {
  return NAME.test(basename(file));
}
