// records.json in the library folder: every record and its change log in one lowdb document,
// written through AtomicJsonFile (temp file, fsync, rename), so a record and its log entry are
// committed together or not at all. Writes take the library's WriterLock and re-read the file
// under it, so the app and the CLI may both be open without losing each other's edits.

import { existsSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { AtomicJsonFile, CorruptFileError } from '../library/atomic-file';
import type { WriterLock } from '../library/writer-lock';
import { RecordsError, describeIssues } from './records-errors';
import { RECORDS_SCHEMA_VERSION, RecordsFileSchema, type RecordsFile } from './record-types';

export const RECORDS_FILE = 'records.json';

function emptyRecords(): RecordsFile {
  return { schemaVersion: RECORDS_SCHEMA_VERSION, generation: 0, reviews: {}, lectures: {}, plans: {}, notes: {}, collections: {}, register: {}, log: {} };
}

/** Forward migrations of records.json, one per schema step (none yet). */
const MIGRATIONS: Record<number, (d: Record<string, unknown>) => void> = {};

function validate(data: unknown): RecordsFile {
  const d = data as Record<string, unknown> | null;
  if (!d || typeof d !== 'object' || typeof d.schemaVersion !== 'number') {
    throw new RecordsError('CORRUPT', 'records.json 的结构不对（缺少 schemaVersion）');
  }
  if (d.schemaVersion > RECORDS_SCHEMA_VERSION) {
    throw new RecordsError('INVALID', `records.json 的版本为 ${d.schemaVersion}，比本程序支持的 ${RECORDS_SCHEMA_VERSION} 新，请升级 LawDesk`);
  }
  for (let v = d.schemaVersion; v < RECORDS_SCHEMA_VERSION; v++) {
    MIGRATIONS[v + 1]?.(d);
    d.schemaVersion = v + 1;
  }
  const r = RecordsFileSchema.safeParse(d);
  if (!r.success) throw new RecordsError('CORRUPT', 'records.json 中有不合格式的记录', describeIssues(r.error).slice(0, 20));
  return r.data;
}

export class RecordsStore {
  private db: Low<RecordsFile>;
  private stamp = '';

  private constructor(
    readonly path: string,
    private readonly lock: WriterLock,
  ) {
    this.db = new Low(new AtomicJsonFile<RecordsFile>(path, validate), emptyRecords());
  }

  static async open(libraryDir: string, lock: WriterLock): Promise<RecordsStore> {
    const s = new RecordsStore(join(libraryDir, RECORDS_FILE), lock);
    // Temp files of writes cut short by a crash: the file itself is the old or the new state.
    if (lock.tryAcquire()) {
      try {
        for (const name of readdirSync(libraryDir)) {
          if (name.startsWith(`.${RECORDS_FILE}.`) && name.endsWith('.tmp')) unlinkSync(join(libraryDir, name));
        }
      } finally {
        lock.release();
      }
    }
    await s.reload();
    return s;
  }

  private fileStamp(): string {
    if (!existsSync(this.path)) return 'none';
    const st = statSync(this.path);
    return `${st.mtimeMs}:${st.size}:${st.ino}`;
  }

  private async reload(): Promise<void> {
    try {
      await this.db.read();
    } catch (e) {
      if (e instanceof CorruptFileError) throw new RecordsError('CORRUPT', `records.json 已损坏：${e.message}`);
      throw e;
    }
    this.stamp = this.fileStamp();
  }

  /** The current records, re-read when another process has written the file. */
  async data(): Promise<RecordsFile> {
    if (this.fileStamp() !== this.stamp) await this.reload();
    return this.db.data;
  }

  /**
   * Applies `change` to a copy of the records and commits it atomically. If `change` throws or
   * the write fails, neither the file nor the in-memory state changes.
   */
  async mutate<T>(change: (draft: RecordsFile) => T | Promise<T>): Promise<T> {
    if (!this.lock.tryAcquire()) {
      const pid = this.lock.holder();
      throw new RecordsError('LOCKED', `资料库正由另一个程序写入${pid ? `（进程 ${pid}）` : ''}，请稍后再试`);
    }
    try {
      await this.data();
      const before = this.db.data;
      const draft = structuredClone(before);
      const result = await change(draft);
      draft.generation++;
      this.db.data = draft;
      try {
        await this.db.write();
      } catch (e) {
        this.db.data = before;
        throw e;
      }
      this.stamp = this.fileStamp();
      return result;
    } finally {
      this.lock.release();
    }
  }
}
