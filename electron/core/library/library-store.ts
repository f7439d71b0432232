// The library folder: a lowdb catalog of version metadata (library.json), one content-addressed
// body file per version (bodies/<sha256>.json, articles included) and the original files
// (originals/<sha256>.<ext>). Invariants:
// - library.json is the commit point, written atomically; bodies are written before the catalog
//   that names them and deleted only after a catalog without them is committed (tombstones).
// - A body file present but not in the catalog is a complete import cut short by a crash: it is
//   recovered on open (bodies are verified by their hash), so a kill -9 never loses or halves a law.
// - Every version's body hash is checked when it is read.

import { DomainError, formatIssue, type DomainErrorOptions, type ErrorCode } from '../../shared/errors';
import { dateInZone } from '../../shared/office-clock';
import { OFFICE_FILE } from '../../shared/office-profile';
import { OfficeTimeZone } from './office-time-zone';
import { existsSync, mkdirSync, readdirSync, unlinkSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { type Law, type LawVersion, type LawVersionMeta, type Status } from '../../shared/law-model';
import { shortTitleOf, versionDate } from '../../shared/law-model';
import { paragraphsFromText } from '../../shared/law-text';
import { AtomicJsonFile, CorruptFileError, readJsonFileSync, writeFileAtomic, writeFileAtomicAsync } from './atomic-file';
import { asFileSystemError, fsErrorMessage, isFsWriteError } from './fs-errors';
import { parseBody, storedBodySchema } from './law-body';
import { z } from 'zod';
import { printableName } from '../../shared/printable-name';
import { sha256 } from './law-identity';
import { deriveStatuses } from './version-status';
import { stampHolds, statusStamp, statusStampSchema, type StatusStamp } from './status-stamp';
import { isDraftTitle } from '../../shared/draft-title';
import { draftMarkedInTextV1 } from './draft-mark-v1';
import { LockError, WriterLock } from './writer-lock';
import { own } from '../util/own-key';
import { schemaCheck } from '../util/schema-check';

/**
 * 2 (session 26): 时效性 gained 草案 and a version may carry `draft`. The step is there so that an older
 * LawDesk refuses the library ("请升级") instead of dropping its 草案 entries as malformed; it marks the
 * drafts an older import left unmarked (MIGRATIONS[2]).
 */
export const SCHEMA_VERSION = 2;

export interface CatalogData {
  schemaVersion: number;
  createdAt: string;
  generation: number;
  /**
   * DRAFT_MARKS_READ when every version was read for a draft mark an older import left in its text
   * (markDraftsInText); absent in a catalog of schema 2 that session 26's LawDesk migrated, or that an older LawDesk wrote.
   */
  draftMarksRead?: number;
  /** The day the statuses written were derived for (status-stamp.ts); absent in what an older LawDesk wrote. */
  statusesDerived?: StatusStamp;
  versions: Record<string, LawVersionMeta>;
  /** Body files whose removal was committed but that may still be on disk. */
  tombstones: string[];
}

export interface LibraryChange {
  added: string[]; // version ids added or replaced
  removed: string[]; // version ids removed (a replaced version appears in both)
}

/** An error of the library (catalog, bodies, lock): a DomainError with the library's codes. */
export class LibraryError extends DomainError {
  constructor(code: ErrorCode, message: string, opts?: DomainErrorOptions) {
    super(code, message, opts);
    this.name = 'LibraryError';
  }
}

/** A body file's name in the catalog: its content's SHA-256 — never a path, so never outside bodies/. */
const BODY_FILE = /^[0-9a-f]{64}\.json$/;
/** A catalog entry: a body's fields without its units, and the body's file name. */
const catalogEntrySchema = storedBodySchema.omit({ units: true }).extend({ file: z.string().regex(BODY_FILE) });
/** The same schema as a plain predicate: true only where zod accepts; zod decides (and words) the rest. */
const catalogEntryOk = schemaCheck(catalogEntrySchema);

/** What validateCatalog dropped from a hand-damaged catalog, in sentences for the user. */
const catalogRepairs = new WeakMap<object, string[]>();

/**
 * The catalog as read from disk, checked entry by entry: an entry of the wrong shape (edited by
 * hand, written by a broken tool) is dropped with a note instead of breaking every later reader.
 * Its body, if intact, is then adopted again from bodies/ like any orphan, so nothing is lost.
 */
function validateCatalog(data: unknown): CatalogData {
  const d = data as Partial<CatalogData>;
  if (!d || typeof d !== 'object' || Array.isArray(d) || typeof d.schemaVersion !== 'number' || !d.versions || typeof d.versions !== 'object' || Array.isArray(d.versions)) {
    throw new LibraryError('CORRUPT', 'library.json 的结构不对（缺少 schemaVersion 或 versions）');
  }
  if (d.schemaVersion > SCHEMA_VERSION) {
    throw new LibraryError(
      'INVALID',
      `资料库版本为 ${d.schemaVersion}，比本程序支持的 ${SCHEMA_VERSION} 新，请升级 LawDesk 后再打开`,
    );
  }
  const notes: string[] = [];
  const versions: Record<string, LawVersionMeta> = {};
  const entries = d.versions as Record<string, unknown>;
  for (const key in entries) {
    if (!Object.prototype.hasOwnProperty.call(entries, key)) continue;
    const entry = entries[key];
    const r = catalogEntryOk(entry) ? undefined : catalogEntrySchema.safeParse(entry);
    // `__proto__` as a key would set the map's prototype instead of adding an entry (and every later
    // spread or JSON write would lose or misplace it): no import makes such an id, so it is damage.
    const bad =
      key === '__proto__'
        ? '编号 __proto__ 不能用作条目编号'
        : r && !r.success
          ? formatIssue(r.error.issues[0]!, {}, entry)
          : (entry as LawVersionMeta).id !== key
            ? `编号 ${(entry as LawVersionMeta).id} 与键 ${key} 不符`
            : undefined;
    if (bad !== undefined) {
      notes.push(`library.json 中的条目 ${printableName(key).slice(0, 120)} 格式不对（${bad}），已从目录中去掉；其正文文件完好时会重新收录`);
      continue;
    }
    versions[key] = entry as LawVersionMeta;
  }
  const tombstones = Array.isArray(d.tombstones) ? d.tombstones.filter((t): t is string => typeof t === 'string' && BODY_FILE.test(t)) : [];
  // A stamp of the wrong shape is dropped: the statuses are then derived again, as for an older LawDesk's catalog.
  const stamp = d.statusesDerived === undefined ? undefined : statusStampSchema.safeParse(d.statusesDerived);
  if (stamp && !stamp.success) {
    notes.push(`library.json 中的 statusesDerived（时效性的推算日）格式不对（${formatIssue(stamp.error.issues[0]!, {}, d.statusesDerived)}），已按今天重新推算各版本的时效性`);
  }
  const out: CatalogData = {
    schemaVersion: d.schemaVersion,
    createdAt: typeof d.createdAt === 'string' ? d.createdAt : new Date().toISOString(),
    generation: typeof d.generation === 'number' && Number.isSafeInteger(d.generation) && d.generation >= 0 ? d.generation : 0,
    // any other value: read again (the reading only marks what an import of today would)
    ...(d.draftMarksRead === DRAFT_MARKS_READ ? { draftMarksRead: DRAFT_MARKS_READ } : {}),
    ...(stamp?.success ? { statusesDerived: stamp.data } : {}),
    versions,
    tombstones,
  };
  if (Array.isArray(d.tombstones) && tombstones.length !== d.tombstones.length) {
    notes.push(`library.json 中有 ${d.tombstones.length - tombstones.length} 个待删除记录不是正文文件名，已去掉`);
  }
  if (notes.length) catalogRepairs.set(out, notes);
  return out;
}

/** A version's units as stored, or undefined when its body cannot be read (check --repair's to report). */
type StoredUnits = (v: LawVersionMeta) => readonly { kind: string; text: string }[] | undefined;

/** Forward migrations, one per schema step that converts data; applied in memory, written by the commit that follows. */
const MIGRATIONS: Record<number, (d: CatalogData, units: StoredUnits) => void> = {
  // 1 → 2: 草案 and `draft` (the drafts an older import left marked only in the text: markDraftsInText, on every open
  // of a catalog that lacks draftMarksRead — schema 1, or schema 2 as session 26's LawDesk migrated it).
};

/**
 * 1: every version read by draftMarkedInTextV1. Written as a key of its own, not as a schema step: session 26's
 * LawDesk, which migrated schema-1 libraries without the reading, reads schema 2 and ignores the key; a bump would
 * make it refuse the library.
 */
export const DRAFT_MARKS_READ = 1;

/**
 * A draft its title names is 草案 by its title alone (isDraftVersion); one marked only by a line under or above
 * its title was left in the text by the import before session 26, and is marked `draft` here — reading the body
 * only of a version with a unit besides its articles (the 前言 the mark went to). Marks only what an import of
 * today would (0 of 2,665 texts disagree, README), so reading again after an older LawDesk dropped the key is harmless.
 */
function markDraftsInText(d: CatalogData, units: StoredUnits): void {
  for (const v of Object.values(d.versions)) {
    if (v.draft !== undefined || v.statusOverride || isDraftTitle(v.title)) continue;
    const marked = draftMarkedInTextV1(v, []) || (v.unitCount > v.articleCount && draftMarkedInTextV1(v, units(v) ?? []));
    if (marked) v.draft = true;
  }
}

export interface StoreOptions {
  now?: () => Date;
  /** The office's IANA time zone, which decides what "today" is (default Asia/Shanghai). */
  timeZone?: string;
}

export class LibraryStore {
  private db!: Low<CatalogData>;
  private lawsCache: Map<string, Law> | undefined;
  private committedCounts: { generation: number; laws: number; versions: number } | undefined;
  private bodyCache = new Map<string, LawVersion>();
  private listeners = new Set<(c: LibraryChange) => void>();
  readonly lock: WriterLock;
  private readonly officeZone: OfficeTimeZone;
  /** True when open() created the library folder. */
  created = false;

  private constructor(
    readonly dir: string,
    private readonly opts: StoreOptions,
  ) {
    this.lock = new WriterLock(join(dir, 'library.lock'));
    this.officeZone = new OfficeTimeZone(join(dir, OFFICE_FILE));
  }

  get bodiesDir(): string {
    return join(this.dir, 'bodies');
  }
  get originalsDir(): string {
    return join(this.dir, 'originals');
  }
  now(): Date {
    return this.opts.now?.() ?? new Date();
  }
  /** The office's time zone: the option, else office.json's (设置 → 单位信息), else Asia/Shanghai. */
  timeZone(): string {
    return this.opts.timeZone ?? this.officeZone.get();
  }
  /** Today's date in the office's time zone: the one date every status, check, backup and pack uses. */
  today(): string {
    return dateInZone(this.now(), this.timeZone());
  }

  static async open(dir: string, opts: StoreOptions = {}): Promise<LibraryStore> {
    const store = new LibraryStore(dir, opts);
    store.created = !existsSync(join(dir, 'library.json'));
    // An existing library on a read-only or full disk must still open for reading: create only what is missing.
    try {
      for (const d of [store.bodiesDir, store.originalsDir]) if (!existsSync(d)) mkdirSync(d, { recursive: true });
    } catch (e) {
      throw asFileSystemError(e, dir, '创建资料库文件夹');
    }
    await store.load();
    return store;
  }

  /**
   * What the last read of library.json found wrong and repaired (a damaged file rebuilt from the
   * bodies, entries of the wrong shape dropped and their bodies adopted again), in sentences.
   */
  catalogNotes: string[] = [];

  /** Why this library cannot be written (read-only, full, no permission), once an open found out. */
  readOnlyReason: string | undefined;

  /**
   * (Re)reads the catalog from disk, migrating and recovering as needed. Recovery changes files
   * (orphans adopted, temp files deleted), so it runs only under the writer lock: a reader that
   * opens while an import runs must not delete the importer's temp files. A library that needs
   * no recovery is not written at all.
   */
  async load(): Promise<void> {
    const adapter = new AtomicJsonFile<CatalogData>(join(this.dir, 'library.json'), validateCatalog);
    let dirty = await this.readCatalog(adapter);
    if (!dirty && !this.hasOrphanCandidates()) {
      this.lawsCache = undefined;
      return;
    }
    let locked = false;
    try {
      locked = this.lock.tryAcquire();
    } catch (e) {
      if (!(e instanceof LockError)) throw e;
      this.readOnlyReason = e.message;
    }
    this.lawsCache = undefined;
    if (!locked) return; // another writer is at work (it recovers), or we cannot write: read as is
    try {
      dirty = (await this.readCatalog(adapter)) || dirty; // another process may have committed meanwhile
      if (this.recoverOrphans()) {
        this.refreshStatuses();
        dirty = true;
      }
      this.lawsCache = undefined;
      if (dirty) await this.commit();
    } catch (e) {
      if (!isFsWriteError(e)) throw e;
      this.readOnlyReason = fsErrorMessage(e, this.dir);
    } finally {
      this.lock.release();
    }
  }

  /** Reads library.json into this.db; true when what is in memory differs from the file. */
  private async readCatalog(adapter: AtomicJsonFile<CatalogData>): Promise<boolean> {
    const fresh: CatalogData = {
      schemaVersion: SCHEMA_VERSION,
      createdAt: this.now().toISOString(),
      generation: 0,
      versions: {},
      tombstones: [],
    };
    this.db = new Low(adapter, fresh);
    let corrupt = false;
    try {
      await this.db.read();
    } catch (e) {
      if (!(e instanceof CorruptFileError) && !(e instanceof LibraryError && e.code === 'CORRUPT')) throw e;
      // The catalog is derivable from the bodies: rebuild it rather than refuse to open.
      corrupt = true;
      this.db.data = fresh;
    }
    const dropped = catalogRepairs.get(this.db.data);
    if (corrupt) this.catalogNotes = ['library.json 已损坏，已按 bodies/ 中的正文文件重建目录'];
    else if (dropped) this.catalogNotes = dropped;
    // A new library is written at once, so the folder is recognisably a library from then on.
    let dirty = corrupt || !!dropped || !existsSync(adapter.path);
    let migrating = this.db.data.schemaVersion < SCHEMA_VERSION;
    const units: StoredUnits = (meta) => {
      try {
        return this.readBody(meta).units;
      } catch {
        return undefined;
      }
    };
    for (let v = this.db.data.schemaVersion; v < SCHEMA_VERSION; v++) {
      MIGRATIONS[v + 1]?.(this.db.data, units);
      this.db.data.schemaVersion = v + 1;
      dirty = true;
    }
    if (this.db.data.draftMarksRead !== DRAFT_MARKS_READ) {
      markDraftsInText(this.db.data, units);
      this.db.data.draftMarksRead = DRAFT_MARKS_READ;
      migrating = dirty = true; // drafts may have changed: statuses derived
    }
    // The statuses as written when their stamp says they are today's (status-stamp.ts), else derived
    // and written with a new stamp — not when the stamp's day is after ours: another process's clock
    // is ahead (or ours went back), and each would otherwise rewrite the other's at every reload.
    const stamp = this.db.data.statusesDerived;
    const today = this.today();
    this.statusesAsWritten = !migrating && stampHolds(stamp, this.versions(), today);
    if (this.statusesAsWritten) {
      this.statusDay = today;
      this.staleLaws.clear();
    } else {
      this.refreshStatuses();
      if (!stamp || stamp.day <= today) dirty = true;
    }
    return dirty;
  }

  /** Whether the last read of library.json took its statuses as written (their stamp held) rather than derive them. */
  statusesAsWritten = false;

  /** The day the statuses in memory were derived for (refreshStatuses of all laws); '' when laws were derived on different days. */
  private statusDay = '';
  /** Laws staged or unstaged since their statuses were last derived: derived before a commit writes them. */
  private staleLaws = new Set<string>();

  /**
   * 时效性 depends on today: a version whose 施行日期 has come is 现行有效 from that day and the one it
   * replaces 已修改. Stored statuses were derived on the day of the last write, so every law's is
   * derived again when the catalog is read, and again when the office's day changes while the
   * library is open (the app left running overnight) — in memory only; the next commit writes them.
   * This also gives a library imported before 草案 existed its drafts (《…（征求意见稿）》) as 草案.
   * Returns whether any status changed (the caller rebuilds what it keeps of them).
   */
  refreshStatusesForToday(): boolean {
    if (this.statusDay === this.today()) return false;
    const before = new Map(this.versions().map((v) => [v.id, v.status]));
    this.refreshStatuses();
    return this.versions().some((v) => before.get(v.id) !== v.status);
  }

  /** Whether bodies/ holds a file recovery would act on: a temp file, an orphan, a tombstone. */
  private hasOrphanCandidates(): boolean {
    const data = this.db.data;
    if (data.tombstones.length) return true;
    const referenced = new Set<string>();
    for (const v of Object.values(data.versions)) referenced.add(v.file);
    for (const name of readdirSync(this.bodiesDir)) if (!referenced.has(name)) return true;
    return false;
  }

  /** Adds complete bodies that a crash left out of the catalog; clears committed tombstones. Under the lock only. */
  private recoverOrphans(): boolean {
    const data = this.db.data;
    const referenced = new Set(Object.values(data.versions).map((v) => v.file));
    const tomb = new Set(data.tombstones);
    let changed = false;
    for (const name of readdirSync(this.bodiesDir)) {
      const full = join(this.bodiesDir, name);
      if (name.endsWith('.tmp')) {
        unlinkSync(full); // an interrupted atomic write (we hold the lock: no write is in progress)
        continue;
      }
      if (!name.endsWith('.json') || referenced.has(name)) continue;
      if (tomb.has(name)) {
        unlinkSync(full);
        continue;
      }
      let body: LawVersion;
      try {
        const text = readJsonFileSync(full); // an orphan of 3 GB is refused by its size, not read
        if (sha256(text) + '.json' !== name) throw new Error('hash mismatch');
        body = parseBody(JSON.parse(text), name);
      } catch {
        continue; // an unreadable orphan is never in the catalog; `check` reports it
      }
      const { units: _units, ...meta } = body;
      const existing = data.versions[meta.id];
      if (!existing || existing.importedAt < meta.importedAt) {
        data.versions[meta.id] = { ...meta, file: name };
        if (existing) data.tombstones.push(existing.file);
        changed = true;
      }
    }
    const before = data.tombstones.length;
    data.tombstones = data.tombstones.filter((f) => existsSync(join(this.bodiesDir, f)));
    return changed || before !== data.tombstones.length;
  }

  get generation(): number {
    return this.db.data.generation;
  }

  versions(): LawVersionMeta[] {
    return Object.values(this.db.data.versions);
  }

  /**
   * How many laws and versions the catalog of this generation holds, counted once per generation
   * (taken from the snapshot a commit writes). An import stages every file, which empties the law
   * map, so a status bar asking every few hundred milliseconds rebuilt it each time; and the
   * counts now belong to the generation they are reported with, not to what is staged meanwhile.
   */
  counts(): { laws: number; versions: number } {
    if (this.committedCounts?.generation !== this.generation) this.committedCounts = { generation: this.generation, ...countsOf(this.db.data.versions) };
    return { laws: this.committedCounts.laws, versions: this.committedCounts.versions };
  }

  version(id: string): LawVersionMeta | undefined {
    return own(this.db.data.versions, id);
  }

  laws(): Law[] {
    return [...this.lawMap().values()];
  }

  law(id: string): Law | undefined {
    return this.lawMap().get(id);
  }

  private lawMap(): Map<string, Law> {
    if (this.lawsCache) return this.lawsCache;
    // Built at every open (the search engine's slots need each version's law): one lookup per
    // version, and the sort only where a law has more than one.
    const groups = new Map<string, LawVersionMeta[]>();
    for (const v of this.versions()) {
      const g = groups.get(v.lawId);
      if (g) g.push(v);
      else groups.set(v.lawId, [v]);
    }
    const map = new Map<string, Law>();
    for (const [id, vs] of groups) {
      if (vs.length > 1) vs.sort((a, b) => versionDate(a).localeCompare(versionDate(b)) || a.importedAt.localeCompare(b.importedAt));
      const newest = vs[vs.length - 1]!;
      const title = newest.title;
      const versionIds = vs.map((v) => v.id);
      map.set(
        id,
        newest.subtitle
          ? { id, title, shortTitle: shortTitleOf(title), subtitle: newest.subtitle, level: newest.level, region: newest.region, versionIds }
          : { id, title, shortTitle: shortTitleOf(title), level: newest.level, region: newest.region, versionIds },
      );
    }
    this.lawsCache = map;
    return map;
  }

  /** Reads a version's body, verifying its hash. */
  loadVersion(id: string): LawVersion {
    const meta = this.version(id);
    if (!meta) throw new LibraryError('NOT_FOUND', `没有找到版本 ${id}`);
    const cached = this.bodyCache.get(meta.file);
    if (cached) return { ...cached, ...meta };
    const body = this.readBody(meta);
    for (const u of body.units) u.paragraphs = paragraphsFromText(u.text);
    if (this.bodyCache.size > 64) this.bodyCache.delete(this.bodyCache.keys().next().value!);
    this.bodyCache.set(meta.file, body);
    return { ...body, ...meta };
  }

  /**
   * A version's units as stored (verified, not cached, paragraphs not derived): for bulk readers
   * such as the search index build, which would otherwise hold far more than they need.
   */
  readUnits(id: string): Omit<LawVersion['units'][number], 'paragraphs'>[] {
    const meta = this.version(id);
    if (!meta) throw new LibraryError('NOT_FOUND', `没有找到版本 ${id}`);
    const cached = this.bodyCache.get(meta.file);
    return cached ? cached.units : this.readBody(meta).units;
  }

  private readBody(meta: LawVersionMeta): LawVersion {
    const full = join(this.bodiesDir, meta.file);
    let text: string;
    try {
      text = readJsonFileSync(full);
    } catch (e) {
      const why = e instanceof CorruptFileError ? `异常：${e.message.slice(full.length + 2)}` : (e as NodeJS.ErrnoException).code === 'ENOENT' ? '缺失' : `无法读取（${fsErrorMessage(e, this.dir)}）`;
      throw new LibraryError('CORRUPT', `《${meta.title}》的正文文件${why}（${meta.file}），请运行 lawdesk check --repair`);
    }
    if (sha256(text) + '.json' !== meta.file) {
      throw new LibraryError('CORRUPT', `《${meta.title}》的正文文件已损坏（校验和不符：${meta.file}）`);
    }
    try {
      return parseBody(JSON.parse(text), meta.file);
    } catch (e) {
      throw new LibraryError('CORRUPT', `《${meta.title}》的正文文件无法使用：${(e as Error).message}，请运行 lawdesk check --repair`);
    }
  }

  /** Writes a version's body (not yet committed). Returns its file name. */
  writeBody(version: LawVersion): string {
    const { name, full, text } = this.bodyFile(version);
    if (!existsSync(full)) writeFileAtomic(full, text, { fsync: false });
    return name;
  }

  /** writeBody for an import in an app: the file created and written off the main thread (a busy disk held the event loop 30 ms creating one). */
  async writeBodyAsync(version: LawVersion): Promise<string> {
    const { name, full, text } = this.bodyFile(version);
    if (!existsSync(full)) await writeFileAtomicAsync(full, text, { fsync: false });
    return name;
  }

  private bodyFile(version: LawVersion): { name: string; full: string; text: Buffer } {
    const { file: _f, ...rest } = version;
    // Paragraphs are derived from the text on load: store each unit's text once. Left out by the
    // replacer (a unit is the only object with both `paragraphs` and `kind`), not by copying every
    // unit; encoded once, and the bytes hashed and written (200,000 articles: 30 MB of JSON, whose
    // copies were a third of the import's peak).
    const text = Buffer.from(JSON.stringify(rest, function (this: Record<string, unknown>, key, value: unknown) {
      return key === 'paragraphs' && 'kind' in this && 'text' in this ? undefined : value;
    }));
    const name = sha256(text) + '.json';
    // Bodies are content-addressed and verified on read, so no fsync per file is needed: a body
    // lost to a power cut is reported by `check` and re-imported from its original.
    return { name, full: join(this.bodiesDir, name), text };
  }

  writeOriginal(bytes: Uint8Array, sourceSha256: string, ext: string): string {
    const { name, full } = this.originalFile(sourceSha256, ext);
    if (!existsSync(full)) writeFileAtomic(full, bytes, { fsync: false });
    return name;
  }

  /** writeOriginal off the main thread, as writeBodyAsync. */
  async writeOriginalAsync(bytes: Uint8Array, sourceSha256: string, ext: string): Promise<string> {
    const { name, full } = this.originalFile(sourceSha256, ext);
    if (!existsSync(full)) await writeFileAtomicAsync(full, bytes, { fsync: false });
    return name;
  }

  private originalFile(sourceSha256: string, ext: string): { name: string; full: string } {
    const name = sourceSha256 + (ext.startsWith('.') ? ext.toLowerCase() : '');
    return { name, full: join(this.originalsDir, name) };
  }

  originalPath(meta: LawVersionMeta): string | undefined {
    let name = this.originalNames()?.get(meta.sourceSha256);
    // A listing taken within 2 s of the folder's last change may have missed a file added in the
    // same clock tick (mtime did not move): list again rather than report it missing.
    if (!name && this.originalsIndex && this.originalsIndex.listedAt - this.originalsIndex.mtimeMs < 2000) {
      this.originalsIndex = undefined;
      name = this.originalNames()?.get(meta.sourceSha256);
    }
    return name ? join(this.originalsDir, name) : undefined;
  }

  /**
   * sha256 → file name in originals/, from one listing kept while the folder's mtime stays the same
   * (any file added or removed, by this process or another, changes it). A listing per call made
   * exporting, checking or repairing N laws read the folder N times: quadratic (16,000 laws).
   */
  private originalNames(): Map<string, string> | undefined {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(this.originalsDir).mtimeMs;
    } catch {
      return undefined;
    }
    if (this.originalsIndex?.mtimeMs !== mtimeMs) {
      const names = new Map<string, string>();
      for (const n of readdirSync(this.originalsDir)) if (!n.startsWith('.') && !names.has(n.slice(0, 64))) names.set(n.slice(0, 64), n);
      this.originalsIndex = { mtimeMs, names, listedAt: Date.now() };
    }
    return this.originalsIndex.names;
  }
  private originalsIndex: { mtimeMs: number; listedAt: number; names: Map<string, string> } | undefined;

  /** Stages a version in the catalog (in memory). Returns the replaced version, if any. */
  stage(meta: LawVersionMeta): LawVersionMeta | undefined {
    const old = this.db.data.versions[meta.id];
    if (old && old.file !== meta.file) this.db.data.tombstones.push(old.file);
    this.db.data.versions[meta.id] = meta;
    this.staleLaws.add(meta.lawId);
    if (old) this.staleLaws.add(old.lawId);
    this.lawsCache = undefined;
    return old;
  }

  unstage(id: string): LawVersionMeta | undefined {
    const old = own(this.db.data.versions, id);
    if (!old) return undefined;
    delete this.db.data.versions[id];
    this.staleLaws.add(old.lawId);
    if (!Object.values(this.db.data.versions).some((v) => v.file === old.file)) this.db.data.tombstones.push(old.file);
    this.lawsCache = undefined;
    return old;
  }

  /** Re-derives 时效性 of every version of the given laws (all when omitted). */
  refreshStatuses(lawIds?: Iterable<string>): void {
    const ids = lawIds ? new Set(lawIds) : undefined;
    const today = this.today();
    if (!ids) {
      this.statusDay = today;
      this.staleLaws.clear();
    } else {
      for (const id of ids) this.staleLaws.delete(id);
      // some laws now of today, the rest of an earlier day: no one day to stamp until all are derived again
      if (this.statusDay !== today) this.statusDay = '';
    }
    const groups = new Map<string, LawVersionMeta[]>();
    for (const v of this.versions()) {
      if (ids && !ids.has(v.lawId)) continue;
      const g = groups.get(v.lawId) ?? [];
      g.push(v);
      groups.set(v.lawId, g);
    }
    for (const vs of groups.values()) {
      const statuses = deriveStatuses(vs, today);
      for (const v of vs) v.status = statuses.get(v.id) as Status;
    }
  }

  /** Commits run one after another: a later snapshot must not be renamed into place before an earlier one. */
  private commits: Promise<void> = Promise.resolve();

  /**
   * Commits the catalog as staged at the call, atomically, then deletes tombstoned bodies. The
   * catalog is snapshotted at once (each version's metadata copied: statuses are refreshed in
   * place) and then serialised and fsync'd without holding the event loop
   * (AtomicJsonFile.writeInPieces); what is staged meanwhile waits for the next commit.
   */
  commit(change?: LibraryChange): Promise<void> {
    const data = this.db.data;
    // a caller that staged a version and did not derive its law's status: written derived, never stale
    if (this.staleLaws.size) this.refreshStatuses([...this.staleLaws]);
    data.generation++;
    const versions: Record<string, LawVersionMeta> = {};
    for (const id in data.versions) versions[id] = { ...data.versions[id]! };
    const stamp = this.statusDay ? statusStamp(Object.values(versions), this.statusDay) : undefined;
    const { statusesDerived: _old, versions: _v, tombstones: _t, ...head } = data;
    const snapshot: CatalogData = { ...head, ...(stamp ? { statusesDerived: stamp } : {}), versions, tombstones: [...data.tombstones] };
    this.committedCounts = { generation: data.generation, ...countsOf(versions) };
    const adapter = this.db.adapter as AtomicJsonFile<CatalogData>;
    const run = this.commits.then(() => this.finishCommit(adapter, data, snapshot, change));
    this.commits = run.catch(() => {});
    return run;
  }

  private async finishCommit(adapter: AtomicJsonFile<CatalogData>, data: CatalogData, snapshot: CatalogData, change?: LibraryChange): Promise<void> {
    const versions = snapshot.versions;
    await adapter.writeInPieces(snapshot);
    // Only the tombstones the written catalog carries may go: one staged since names a body that
    // the catalog on disk still uses.
    const committed = new Set(snapshot.tombstones);
    const stillUsed = new Set(Object.values(data.versions).map((v) => v.file));
    for (const v of Object.values(versions)) stillUsed.add(v.file);
    const remaining: string[] = [];
    for (const f of data.tombstones) {
      if (!committed.has(f)) {
        remaining.push(f);
        continue;
      }
      if (stillUsed.has(f)) continue;
      try {
        unlinkSync(join(this.bodiesDir, f));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') remaining.push(f);
      }
      this.bodyCache.delete(f);
    }
    data.tombstones = remaining;
    if (change?.removed.length) this.pruneOriginals(Object.values(versions));
    if (change && (change.added.length || change.removed.length)) for (const l of this.listeners) l(change);
  }

  /** Original files no version refers to any more (neither in memory nor in the catalog just written). */
  private pruneOriginals(committed: LawVersionMeta[]): void {
    const used = new Set([...this.versions(), ...committed].map((v) => v.sourceSha256));
    for (const name of readdirSync(this.originalsDir)) {
      const sha = name.slice(0, 64);
      if (name.endsWith('.tmp')) continue;
      if (!used.has(sha) && statSync(join(this.originalsDir, name)).isFile()) unlinkSync(join(this.originalsDir, name));
    }
  }

  /** Tells the listeners about a change another process committed (library-watch.ts reloads it). */
  announce(change: LibraryChange): void {
    if (change.added.length || change.removed.length) for (const l of this.listeners) l(change);
  }

  onChange(listener: (c: LibraryChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

function countsOf(versions: Record<string, LawVersionMeta>): { laws: number; versions: number } {
  const laws = new Set<string>();
  let n = 0;
  for (const id in versions) {
    laws.add(versions[id]!.lawId);
    n++;
  }
  return { laws: laws.size, versions: n };
}
