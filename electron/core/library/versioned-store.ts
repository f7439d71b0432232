// One JSON document in the library folder with a schema version (records.json, packs.json, …):
// read and validated on open, migrated forward one schema step at a time, refused without being
// touched when a newer LawDesk wrote it, re-read whenever another process has changed it, and
// written only under the library's WriterLock, re-read under it first, through AtomicJsonFile
// (temp file, fsync, rename), so an edit is committed whole or not at all and
// the app and the CLI open side by side never lose each other's edits.

import { existsSync, mkdirSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { z } from 'zod';
import { AtomicJsonFile, CorruptFileError, readJsonFileSync, writeFileAtomic } from './atomic-file';
import type { WriterLock } from './writer-lock';

export type StoreErrorCode = 'CORRUPT' | 'INVALID' | 'LOCKED';

export interface VersionedStoreSpec<T extends { schemaVersion: number }> {
  /** What the file holds, for messages: 记录, 简报包 … */
  what: string;
  /** The schema version this program writes. */
  version: number;
  schema: z.ZodType<T>;
  empty: () => T;
  /** MIGRATIONS[n] turns a version n-1 document into version n, in place. */
  migrations?: Record<number, (doc: Record<string, unknown>) => void>;
  /**
   * The version a file without schemaVersion is read as (a file this store took over, written
   * before it carried one); without it such a file is refused as damaged.
   */
  unversioned?: number;
  /** The error each store's callers expect (RecordsError, PackError …). */
  error: (code: StoreErrorCode, message: string, issues?: string[]) => Error;
  describeIssues: (e: z.ZodError) => string[];
  /**
   * Takes out of the (migrated, not yet validated) document the entries that fail their own rules
   * — one record edited by hand — so that the rest opens; returns what it took out. Without it one
   * bad entry refuses the whole file.
   */
  salvage?: (doc: Record<string, unknown>) => SetAsideEntry[];
  /**
   * With salvage: the schema of the document once salvage has left in it only entries it parsed by
   * their own rules (each replaced by what its schema gave): the file's shape without parsing every
   * entry a second time (400 reviews were parsed twice on each read of records.json).
   */
  salvaged?: z.ZodType<T>;
}

/** An entry of the file that failed its rules on read: kept out of the document, named, never dropped. */
export interface SetAsideEntry {
  /** Where it sits in the file: reviews, register, log … */
  collection: string;
  key: string;
  /** One sentence a person can act on: 审查记录 R2020-001（“标题”不能为空）. */
  what: string;
  reasons: string[];
  /** The entry as it was read. */
  raw: unknown;
}

export class VersionedStore<T extends { schemaVersion: number }> {
  private doc: T;
  private stamp = '';
  private readonly file: AtomicJsonFile<T>;
  /** The version the file had when last read (lower than spec.version until the next write). */
  fileVersion: number;
  /** Entries the last read set aside (see spec.salvage); the first write moves them to quarantine/. */
  setAside: SetAsideEntry[] = [];
  /** Where the set-aside entries were written, once they were (quarantine/…-set-aside.json). */
  setAsideKeptIn: string | undefined;

  private constructor(
    readonly path: string,
    private readonly spec: VersionedStoreSpec<T>,
    private readonly lock: WriterLock | undefined,
  ) {
    this.doc = spec.empty();
    this.fileVersion = spec.version;
    this.file = new AtomicJsonFile<T>(path);
  }

  /** Opens (without creating) the document; a missing file reads as empty. */
  static open<T extends { schemaVersion: number }>(path: string, spec: VersionedStoreSpec<T>, lock?: WriterLock): VersionedStore<T> {
    const s = new VersionedStore(path, spec, lock);
    // Temp files of writes cut short by a crash: the file itself is the old or the new state.
    if (lock?.tryAcquire()) {
      try {
        const prefix = `.${basename(path)}.`;
        for (const name of readdirSync(dirname(path))) if (name.startsWith(prefix) && name.endsWith('.tmp')) unlinkSync(join(dirname(path), name));
      } finally {
        lock.release();
      }
    }
    s.reload();
    return s;
  }

  private fileStamp(): string {
    if (!existsSync(this.path)) return 'none';
    const st = statSync(this.path);
    return `${st.mtimeMs}:${st.size}:${st.ino}`;
  }

  private get name(): string {
    return basename(this.path);
  }

  /** Reads, migrates and validates the file; the in-memory state changes only when all of it succeeds. */
  private reload(): void {
    const stamp = this.fileStamp();
    if (stamp === 'none') {
      this.doc = this.spec.empty();
      this.fileVersion = this.spec.version;
      this.stamp = stamp;
      return;
    }
    let raw: unknown;
    let text: string;
    try {
      text = readJsonFileSync(this.path);
    } catch (e) {
      if (e instanceof CorruptFileError) throw this.spec.error('CORRUPT', `${this.name} 已损坏：${e.message.slice(this.path.length + 2)}`);
      throw e;
    }
    try {
      raw = JSON.parse(text);
    } catch (e) {
      throw this.spec.error('CORRUPT', `${this.name} 已损坏：不是有效的 JSON（${(e as Error).message}）`);
    }
    const d = raw as Record<string, unknown> | null;
    if (d && typeof d === 'object' && !Array.isArray(d) && !('schemaVersion' in d) && this.spec.unversioned !== undefined) d.schemaVersion = this.spec.unversioned;
    if (!d || typeof d !== 'object' || Array.isArray(d) || typeof d.schemaVersion !== 'number' || !Number.isInteger(d.schemaVersion) || d.schemaVersion < (this.spec.unversioned ?? 1)) {
      throw this.spec.error('CORRUPT', `${this.name} 的结构不对（缺少 schemaVersion）`);
    }
    const fileVersion = d.schemaVersion;
    if (fileVersion > this.spec.version) {
      throw this.spec.error('INVALID', `${this.name} 的版本为 ${fileVersion}，比本程序支持的 ${this.spec.version} 新，请升级 LawDesk（文件未作任何改动）`);
    }
    for (let v = fileVersion; v < this.spec.version; v++) {
      this.spec.migrations?.[v + 1]?.(d);
      d.schemaVersion = v + 1;
    }
    const setAside = this.spec.salvage?.(d) ?? [];
    const r = (this.spec.salvage && this.spec.salvaged ? this.spec.salvaged : this.spec.schema).safeParse(d);
    if (!r.success) throw this.spec.error('CORRUPT', `${this.name} 中有不合格式的${this.spec.what}`, this.spec.describeIssues(r.error).slice(0, 20));
    this.doc = r.data;
    this.fileVersion = fileVersion;
    this.stamp = stamp;
    this.setAside = setAside;
    this.setAsideKeptIn = undefined;
  }

  /**
   * Writes the set-aside entries, as they were read and with the reasons, to
   * quarantine/<time>-<name>-set-aside.json (atomically) — before any write of the file drops them.
   */
  private keepSetAside(): void {
    if (!this.setAside.length || this.setAsideKeptIn) return;
    const dir = join(dirname(this.path), 'quarantine');
    mkdirSync(dir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[-:.]/g, '');
    const to = join(dir, `${stamp}-${basename(this.path, '.json')}-set-aside.json`);
    const kept = { from: this.name, at: new Date().toISOString(), entries: this.setAside.map(({ collection, key, reasons, raw }) => ({ collection, key, reasons, entry: raw })) };
    writeFileAtomic(to, Buffer.from(JSON.stringify(kept, null, 1), 'utf8'));
    this.setAsideKeptIn = `quarantine/${basename(to)}`;
  }

  /** Moves the set-aside entries to quarantine/ and writes the file without them (lawdesk check --repair). */
  async quarantineSetAside(): Promise<string | undefined> {
    this.current();
    if (!this.setAside.length) return undefined;
    await this.mutate(() => undefined);
    return this.setAsideKeptIn;
  }

  /** The current document, re-read first when another process has written the file. Do not modify it. */
  current(): T {
    if (this.fileStamp() !== this.stamp) this.reload();
    return this.doc;
  }

  /**
   * Applies `change` to a copy of the document and commits it atomically, under the lock and
   * after re-reading the file. If `change` throws or the write fails, neither the file nor the
   * in-memory state changes. A migrated document is written at the current version.
   */
  async mutate<R>(change: (draft: T) => R | Promise<R>): Promise<R> {
    if (this.lock && !this.lock.tryAcquire()) {
      const pid = this.lock.holder();
      throw this.spec.error('LOCKED', `资料库正由另一个程序写入${pid ? `（进程 ${pid}）` : ''}，请稍后再试`);
    }
    try {
      const draft = structuredClone(this.current());
      const result = await change(draft);
      draft.schemaVersion = this.spec.version;
      // The write drops what the read set aside: it is kept in quarantine/ first, so nothing is lost.
      this.keepSetAside();
      await this.file.write(draft);
      this.doc = draft;
      this.fileVersion = this.spec.version;
      this.stamp = this.fileStamp();
      return result;
    } finally {
      this.lock?.release();
    }
  }
}
