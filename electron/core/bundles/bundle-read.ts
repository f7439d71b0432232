// Reading and verifying a .lawdesk bundle, writing nothing. Order matters: every entry name is
// checked before any entry is read; the manifest must list exactly the entries present; each
// entry's bytes must match the manifest's sha256 (and a body's or an original's own name); the
// catalog, the bodies and the records must pass their schemas. Only a bundle that passes all of it
// is ever handed to the import.

import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { sha256 } from '../library/law-identity';
import { parseBody } from '../library/law-body';
import { draftMarkedInTextV1 } from '../library/draft-mark-v1';
import { isDraftTitle } from '../../shared/draft-title';
import type { LawVersionMeta } from '../../shared/law-model';
import { issuePathInWords } from '../../shared/errors';
import { implausibleDateFields, unsafeTextFields } from '../../shared/printable-name';
import { RecordsFileSchema, type RecordsFile } from '../records/record-types';
import { describeIssues } from '../records/records-errors';
import {
  BUNDLE_FORMAT,
  BUNDLE_SCHEMA_VERSION,
  DRAFTS_MARKED_SINCE,
  BundleCatalogSchema,
  BundleError,
  classifyEntry,
  LAWS_CATALOG,
  MANIFEST,
  ManifestSchema,
  parseBundleJson,
  RECORDS_JSON,
  USER_DATA_PREFIX,
  type BundleManifest,
  type EntryKind,
  safeParseBounded,
} from './bundle-format';
import type { BundleProgress } from './bundle-export';
import { parseUserData, userDataSpec } from './user-data-files';
import { DEFAULT_ZIP_LIMITS, ZipError, ZipReader, type ZipEntry, type ZipLimits } from './zip-file';

export interface BundleBody {
  name: string; // <sha>.json
  bytes: Uint8Array;
}

export interface ReadBundle {
  file: string;
  manifest: BundleManifest;
  versions: LawVersionMeta[];
  /** Entry name → verified bytes, read lazily again at import time (see `bytesOf`). */
  entryKinds: Map<string, EntryKind>;
  records?: RecordsFile;
  /** Library path → the validated content of each user-data file carried (packs.json, favorites.json …). */
  userData: Map<string, unknown>;
  /** Names decoded from GB18030 (a Windows zip tool re-packed the bundle). */
  gbkNames: string[];
  reader: ZipReader;
  /** The verified bytes of an entry (re-checked against the manifest). */
  bytesOf(name: string): Uint8Array;
  close(): void;
}

/**
 * Largest record (and largest change log of one record) a bundle may carry, as JSON characters:
 * far above any real review (the form's own limits allow ~1 MB of text), far below what would
 * make every later edit of the records file slow.
 */
export const MAX_RECORD_JSON_CHARS = 4_000_000;
/**
 * The bundle's catalog, checked by its size before it is parsed: a version's entry is ≈ 800 bytes,
 * a 16,000-law library's catalog ≈ 13 MB; 200,000 copies of one entry (160 MB, compressing to
 * almost nothing) took 937 MB and 7.5 CPU-s before the schema's count refused them.
 */
export const MAX_CATALOG_JSON_BYTES = 48 * 1024 * 1024;

/** A copy with no prototype: ids such as toString or valueOf are plain keys, never inherited members. */
function nullProto<T extends object>(o: T): T {
  return Object.assign(Object.create(null) as T, o);
}

/** Record ids as the records service makes them (R2024-001, favorites …): no path characters. */
const RECORD_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,60}$/;

/** Each record and each record's change log under MAX_RECORD_JSON_CHARS, before the schema looks at fields. */
function checkRecordSizes(raw: unknown): void {
  if (!raw || typeof raw !== 'object') return;
  for (const key of ['reviews', 'lectures', 'plans', 'notes', 'collections', 'register', 'log'] as const) {
    const coll = (raw as Record<string, unknown>)[key];
    if (!coll || typeof coll !== 'object') continue;
    for (const [k, rec] of Object.entries(coll)) {
      const size = JSON.stringify(rec)?.length ?? 0;
      if (size > MAX_RECORD_JSON_CHARS) {
        const what = key === 'log' ? `记录 ${k.slice(0, 60)} 的修改记录` : `记录 ${k.slice(0, 60)}`;
        throw new BundleError('TOO_LARGE', `records/records.json 中的${what} 过大（${size.toLocaleString('en-US')} 字符，上限 ${MAX_RECORD_JSON_CHARS.toLocaleString('en-US')}），已拒绝整个资料包`);
      }
    }
  }
}

export interface ReadOptions {
  limits?: ZipLimits;
  onProgress?: (p: BundleProgress) => void;
}

export function readBundle(file: string, opts: ReadOptions = {}): ReadBundle {
  if (!existsSync(file)) throw new BundleError('INVALID', `资料包 ${file} 不存在`);
  let reader: ZipReader;
  try {
    reader = new ZipReader(file, opts.limits ?? DEFAULT_ZIP_LIMITS);
  } catch (e) {
    if (e instanceof ZipError) throw new BundleError(/炸弹|上限|过多/.test(e.message) ? 'TOO_LARGE' : 'INVALID', `资料包 ${basename(file)} 无法读取：${e.message}`, { file });
    throw e;
  }
  try {
    return verify(file, reader, opts);
  } catch (e) {
    reader.close();
    if (e instanceof ZipError) throw new BundleError(/炸弹|超过/.test(e.message) ? 'TOO_LARGE' : 'INVALID', `资料包 ${basename(file)} 无法读取：${e.message}`, { file });
    throw namedBundleError(e, file);
  }
}

/**
 * A refusal found inside the archive names the bundle too ("资料包中的“laws/…”解压失败" said which entry, not which
 * file: the person may have several .lawdesk files, and the CLI's --json carried no file).
 */
function namedBundleError(e: unknown, file: string): unknown {
  if (!(e instanceof BundleError) || e.file) return e;
  const name = basename(file);
  const message = e.message.includes(name) ? e.message : e.message.startsWith('资料包') ? `资料包 ${name} ${e.message.slice(3)}` : `资料包 ${name}：${e.message}`;
  return new BundleError(e.failure, message, { file });
}

function verify(file: string, reader: ZipReader, opts: ReadOptions): ReadBundle {
  // 1. Names first: nothing is read from an archive with a single unsafe or unknown entry.
  const byName = new Map<string, ZipEntry>();
  const kinds = new Map<string, EntryKind>();
  const gbkNames: string[] = [];
  for (const e of reader.entries) {
    const c = classifyEntry(e);
    if (c.reason) throw new BundleError('UNSAFE', `资料包中的“${e.name}”${c.reason}，已拒绝整个资料包`);
    if (e.nameEncoding === 'gb18030') gbkNames.push(e.name);
    if (c.folder) continue;
    if (byName.has(e.name)) throw new BundleError('UNSAFE', `资料包中“${e.name}”出现了两次`);
    if (e.encrypted) throw new BundleError('INVALID', `资料包中的“${e.name}”已加密，不能导入`);
    byName.set(e.name, e);
    kinds.set(e.name, c.kind!);
  }
  const m = byName.get(MANIFEST);
  if (!m) throw new BundleError('SCHEMA', '资料包中没有 manifest.json：这不是 LawDesk 资料包，或已损坏');
  const raw = parseBundleJson(Buffer.from(reader.readEntry(m)).toString('utf8'), 'manifest.json');
  if (raw && typeof raw === 'object' && (raw as { format?: unknown }).format === BUNDLE_FORMAT) {
    const v = (raw as { schemaVersion?: unknown }).schemaVersion;
    if (typeof v === 'number' && v > BUNDLE_SCHEMA_VERSION) {
      throw new BundleError('SCHEMA', `资料包格式版本为 ${v}，比本程序支持的 ${BUNDLE_SCHEMA_VERSION} 新，请先升级 LawDesk`);
    }
  }
  const parsed = ManifestSchema.safeParse(raw);
  if (!parsed.success) throw new BundleError('SCHEMA', `manifest.json 格式不对：${describeIssues(parsed.error).slice(0, 5).join('；')}`);
  const manifest = parsed.data;

  // 2. The manifest lists exactly what is there.
  for (const name of Object.keys(manifest.entries)) {
    if (!byName.has(name)) throw new BundleError('INVALID', `manifest.json 列出的“${name}”不在资料包中（资料包不完整）`);
  }
  for (const name of byName.keys()) {
    if (name !== MANIFEST && kinds.get(name) !== 'readme' && !manifest.entries[name]) throw new BundleError('UNSAFE', `资料包中的“${name}”没有登记在 manifest.json 中`);
  }

  // 3. Every entry's bytes against the manifest (and its own content-addressed name).
  const bytesOf = (name: string): Uint8Array => {
    const e = byName.get(name);
    const want = manifest.entries[name];
    if (!e || !want) throw new BundleError('INVALID', `资料包中没有“${name}”`);
    if (e.size !== want.size) throw new BundleError('HASH', `资料包中“${name}”的大小与 manifest.json 不符`);
    const bytes = reader.readEntry(e);
    const h = sha256(bytes);
    if (h !== want.sha256) throw new BundleError('HASH', `资料包中“${name}”的校验和与 manifest.json 不符（文件被改动或损坏）`);
    const kind = kinds.get(name);
    const own = name.slice(name.lastIndexOf('/') + 1, name.lastIndexOf('/') + 65);
    if ((kind === 'body' || kind === 'original' || kind === 'attachment') && own !== h) {
      throw new BundleError('HASH', `资料包中“${name}”的内容与文件名中的哈希不符`);
    }
    return bytes;
  };
  const names = [...byName.keys()].filter((n) => n !== MANIFEST && kinds.get(n) !== 'readme');
  let done = 0;
  const bodies = new Map<string, { id: string; articles: number; draftMark?: true }>(); // only what the catalog check needs
  // A writer before format 3 marked no draft: one marked by a line under or above its title is told by what its import kept in the text.
  const unmarkedDrafts = manifest.schemaVersion < DRAFTS_MARKED_SINCE;
  const originals = new Set<string>();
  for (const [name, kind] of kinds) if (kind === 'original') originals.add(name.slice('laws/originals/'.length, 'laws/originals/'.length + 64));
  const userData = new Map<string, unknown>();
  const jsonOf = (name: string) => parseBundleJson(Buffer.from(bytesOf(name)).toString('utf8'), name);
  for (const name of names) {
    opts.onProgress?.({ phase: 'verify', done: done++, total: names.length, label: name });
    const kind = kinds.get(name);
    if (kind === 'body') {
      // The same schema the importer writes and the library reads: a body with an article whose
      // path is null or a string would otherwise break search and export for the whole library.
      try {
        const body = parseBody(jsonOf(name), name);
        const draftMark = unmarkedDrafts && draftMarkedInTextV1(body, body.units);
        bodies.set(name, { id: body.id, articles: body.units.filter((u) => u.kind === 'article').length, ...(draftMark ? { draftMark } : {}) });
      } catch (e) {
        throw new BundleError('SCHEMA', `资料包中的${(e as Error).message}，已拒绝整个资料包`);
      }
    } else if (kind === 'userdata') {
      const path = name.slice(USER_DATA_PREFIX.length);
      const spec = userDataSpec(path);
      if (!spec) throw new BundleError('UNSAFE', `资料包中的“${name}”不是 LawDesk 的用户数据文件，已拒绝整个资料包`);
      userData.set(path, parseUserData(spec, Buffer.from(bytesOf(name)).toString('utf8'), '资料包'));
    } else if (kind !== 'catalog' && kind !== 'records') bytesOf(name);
  }

  // 4. The catalog and the records.
  let versions: LawVersionMeta[] = [];
  if (byName.has(LAWS_CATALOG)) {
    const size = byName.get(LAWS_CATALOG)!.size;
    if (size > MAX_CATALOG_JSON_BYTES) {
      throw new BundleError('TOO_LARGE', `laws/catalog.json 过大（${(size / 1048576).toFixed(0)} MB，上限 ${MAX_CATALOG_JSON_BYTES / 1048576} MB），已拒绝整个资料包`);
    }
    const raw = jsonOf(LAWS_CATALOG);
    const c = BundleCatalogSchema.safeParse(raw);
    if (!c.success) throw new BundleError('SCHEMA', `laws/catalog.json 格式不对：${describeIssues(c.error).slice(0, 5).join('；')}`);
    // Validated strictly (no unknown keys), then kept as written: zod would reorder keys.
    versions = (raw as { versions: LawVersionMeta[] }).versions;
    for (const v of versions) {
      if (!byName.has(`laws/bodies/${v.file}`)) throw new BundleError('INVALID', `《${v.title}》的正文 ${v.file} 不在资料包中`);
      const body = bodies.get(`laws/bodies/${v.file}`)!;
      if (body.id !== v.id) throw new BundleError('INVALID', `《${v.title}》的正文属于另一个版本（${body.id}）`);
      if (body.articles !== v.articleCount) throw new BundleError('INVALID', `《${v.title}》的条文数与目录不符`);
      if (!originals.has(v.sourceSha256)) throw new BundleError('INVALID', `《${v.title}》的原始文件不在资料包中`);
      // as a library of catalog schema 1 is marked when opened (library-store.ts MIGRATIONS[2]); its status follows on import
      if (body.draftMark && v.draft === undefined && !v.statusOverride && !isDraftTitle(v.title)) v.draft = true;
    }
  }
  let records: RecordsFile | undefined;
  if (byName.has(RECORDS_JSON)) {
    const raw = jsonOf(RECORDS_JSON);
    checkRecordSizes(raw);
    const r = safeParseBounded(RecordsFileSchema, raw, 'records/records.json');
    if (!r.success) throw new BundleError('SCHEMA', `records/records.json 中有不合格式的记录：${describeIssues(r.error).slice(0, 5).join('；')}`);
    if (r.data.schemaVersion > 1) throw new BundleError('SCHEMA', `资料包中的记录版本为 ${r.data.schemaVersion}，请先升级 LawDesk`);
    for (const key of ['reviews', 'lectures', 'plans', 'notes', 'collections', 'register'] as const) {
      for (const [k, rec] of Object.entries(r.data[key])) {
        if (k !== rec.id || !RECORD_ID.test(k)) throw new BundleError('SCHEMA', `records/records.json 中的记录编号“${k.slice(0, 60)}”不合规`);
        // What a form refuses (terminal escapes, direction overrides, half an emoji, a year 0000 or
        // 9999) does not come in by a bundle either.
        const [bad] = [...unsafeTextFields(rec), ...implausibleDateFields(rec)];
        if (bad) throw new BundleError('SCHEMA', `records/records.json 中的记录 ${k} 的“${issuePathInWords(bad[0])}”${bad[1].replace(/，请删除后再保存$/, '')}，已拒绝整个资料包`);
      }
    }
    for (const k of Object.keys(r.data.log)) {
      if (!RECORD_ID.test(k)) throw new BundleError('SCHEMA', `records/records.json 中的修改记录编号“${k.slice(0, 60)}”不合规`);
    }
    records = {
      ...r.data,
      reviews: nullProto(r.data.reviews),
      lectures: nullProto(r.data.lectures),
      plans: nullProto(r.data.plans),
      notes: nullProto(r.data.notes),
      collections: nullProto(r.data.collections),
      log: nullProto(r.data.log),
    };
  }
  return {
    file,
    manifest,
    versions,
    entryKinds: kinds,
    ...(records ? { records } : {}),
    userData,
    gbkNames,
    reader,
    bytesOf,
    close: () => reader.close(),
  };
}
