// Backups of the records (reviews, lectures, plans, notes, collections and their change logs).
// Automatic ones are copies of records.json in <library>/backups/, taken before every operation
// that replaces records (bundle import, restore, repair) and once a day while the library is in
// use, rotated to the newest N of each kind. Attachments are content-addressed and never deleted,
// so a copy of records.json is a complete backup inside the library; a manual backup to another
// folder is a records-only .lawdesk bundle (records, history and attachments), self-contained.

import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { writeFileAtomic } from '../library/atomic-file';
import { sha256 } from '../library/law-identity';
import type { LibraryStore } from '../library/library-store';
import { RECORDS_FILE } from '../records/records-store';

export const BACKUPS_DIR = 'backups';
export const DEFAULT_KEEP = 10;
const CONFIG = 'backup-config.json';
const NAME = /^records-(\d{8}T\d{9}Z)-([a-z0-9-]{1,40})\.json$/;

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
    out.push({ file, name, at: fromStamp(m[1]!), reason: m[2]!, size: readFileSync(file).length });
  }
  return out.sort((a, b) => b.name.localeCompare(a.name));
}

/**
 * Copies records.json into backups/ (atomically) and rotates. Call before any operation that
 * replaces or drops records. Returns undefined when there are no records yet; when the newest
 * backup already holds exactly these bytes, returns it instead of writing a duplicate.
 */
export function backupRecords(store: LibraryStore, reason: string): BackupInfo | undefined {
  const src = join(store.dir, RECORDS_FILE);
  if (!existsSync(src)) return undefined;
  const bytes = readFileSync(src);
  const tag = reason.slice(0, 80).toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'manual';
  const existing = listBackups(store);
  const newest = existing[0];
  if (newest && sha256(readFileSync(newest.file)) === sha256(bytes) && tag !== 'daily') return newest;
  mkdirSync(backupsDir(store), { recursive: true });
  const now = store.now();
  const name = `records-${stamp(now)}-${tag}.json`;
  const file = join(backupsDir(store), name);
  writeFileAtomic(file, bytes);
  rotate(store);
  return { file, name, at: now.toISOString(), reason: tag, size: bytes.length };
}

/** Keeps the newest N daily backups and the newest N of the others. */
function rotate(store: LibraryStore): void {
  const { keep } = backupConfig(store);
  const all = listBackups(store);
  for (const group of [all.filter((b) => b.reason === 'daily'), all.filter((b) => b.reason !== 'daily')]) {
    for (const b of group.slice(keep)) {
      try {
        unlinkSync(b.file);
      } catch {
        /* already gone */
      }
    }
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
