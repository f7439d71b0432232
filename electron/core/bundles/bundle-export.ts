// Writing a .lawdesk bundle: the chosen law versions (catalog entries, verified bodies, original
// files) and, when asked, every record with its change log and attachments. The zip is written to
// a temp file and renamed into place, so a crash never leaves a half bundle under the chosen name.

import type { PhaseProgress } from '../../shared/task-progress';
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { LawVersionMeta } from '../../shared/law-model';
import { sha256 } from '../library/law-identity';
import { LibraryError, type LibraryStore } from '../library/library-store';
import { appRoot } from '../library/open-library';
import { RecordsStore } from '../records/records-store';
import { RECORD_COLLECTIONS } from './records-merge';
import type { RecordsFile } from '../records/record-types';
import { BUNDLE_FORMAT, BundleError, bundleSchemaVersionFor, LAWS_CATALOG, MANIFEST, README_NAME, RECORDS_JSON, USER_DATA_PREFIX, type BundleManifest } from './bundle-format';
import { parseUserData, readUserDataTexts, userDataSpec } from './user-data-files';
import { lawRows, listLaws } from '../library/law-list';
import { FavoritesStore } from '../library/favorites-store';
import type { BundleLawFilter } from '../../shared/api/bundles';
import { DEFAULT_ZIP_LIMITS, ZipWriter } from './zip-file';
import { CorruptFileError, MAX_JSON_FILE_BYTES, readBoundedFileSync } from '../library/atomic-file';
import { TimeSlicer } from '../util/time-slicer';

export type BundleProgress = PhaseProgress<'collect' | 'verify' | 'write' | 'commit'>;

export interface ExportOptions {
  /** Law ids (or version ids) to include; all laws when omitted. An empty list exports no laws. */
  laws?: string[];
  /** Laws chosen by facet (all versions of each law whose current version matches); ANDed with `laws`. */
  filter?: BundleLawFilter;
  records?: boolean;
  /** The library's user-data files (packs, 收藏, office profile …); default: with the records. */
  userData?: boolean;
  out: string;
  onProgress?: (p: BundleProgress) => void;
}

export interface ExportResult {
  file: string;
  versions: number;
  records: number;
  attachments: number;
  /** Library paths of the user-data files written. */
  userData: string[];
  entries: number;
  bytes: number;
}

export function appVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** Every stored attachment a records file refers to (reviews' attachments, lectures' materials …). */
export function referencedAttachments(data: RecordsFile): { sha256: string; name: string }[] {
  const out = new Map<string, { sha256: string; name: string }>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) for (const x of v) walk(x);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.sha256 === 'string' && typeof o.name === 'string' && typeof o.size === 'number') {
        const file = o.sha256 + safeExt(o.name);
        if (!out.has(file)) out.set(file, { sha256: o.sha256, name: o.name });
      }
      for (const x of Object.values(o)) walk(x);
    }
  };
  for (const key of ['reviews', 'lectures', 'plans', 'notes', 'collections'] as const) walk(data[key]);
  return [...out.values()];
}

/** The extension an attachment is stored under (as the records' AttachmentStore names it), when safe. */
export function safeExt(name: string): string {
  const ext = extname(name).toLowerCase();
  return /^\.[a-z0-9]{1,10}$/.test(ext) ? ext : '';
}

/** Records of every kind the bundle carries (规范性文件登记 too, as the preview and the import count them). */
export function recordCount(data: RecordsFile): number {
  return RECORD_COLLECTIONS.reduce((n, k) => n + Object.keys(data[k]).length, 0);
}

/** Law ids whose current version passes the facets (as the 法规库 table filters them). */
export function lawsByFilter(store: LibraryStore, f: BundleLawFilter): string[] {
  const lawIds = f.favoritesOnly ? new Set(FavoritesStore.open(store).lawIds()) : undefined;
  return listLaws(lawRows(store), { ...f, ...(lawIds ? { lawIds } : {}), limit: Number.MAX_SAFE_INTEGER }).rows.map((r) => r.lawId);
}

function selectVersions(store: LibraryStore, laws: string[] | undefined, filter: BundleLawFilter | undefined): LawVersionMeta[] {
  if (filter) {
    const chosen = lawsByFilter(store, filter);
    if (laws) {
      const named = new Set(selectVersions(store, laws, undefined).map((v) => v.lawId));
      laws = chosen.filter((id) => named.has(id));
    } else laws = chosen;
  }
  if (!laws) return store.versions();
  const out = new Map<string, LawVersionMeta>();
  for (const id of laws) {
    const v = store.version(id);
    if (v) {
      out.set(v.id, v);
      continue;
    }
    const law = store.law(id);
    if (!law) throw new LibraryError('NOT_FOUND', `没有找到法规或版本 ${id}`);
    for (const vid of law.versionIds) out.set(vid, store.version(vid)!);
  }
  return [...out.values()];
}

/**
 * A file of the library read for the bundle, judged by its size and kind on the open descriptor
 * first (a body replaced by a 3 GB file, a folder in its place): a clear sentence naming it.
 */
function readLibraryFile(file: string, maxBytes: number, what: string): Buffer {
  try {
    return readBoundedFileSync(file, maxBytes);
  } catch (e) {
    if (e instanceof CorruptFileError) throw new BundleError('INVALID', `${what}异常：${e.message.slice(file.length + 2)}，请先运行 lawdesk check --repair`);
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new BundleError('INVALID', `${what}缺失，请先运行 lawdesk check --repair`);
    throw e;
  }
}

// 说明.txt: for a person who opens the zip; never read on import by design (it carries no data, so it is not in
// manifest.json) — the note says so, instead of claiming that any change to the zip is refused.
const README = `这是法规案头（LawDesk）的资料包（.lawdesk）。
请在 LawDesk 中用“导入资料包”或命令 lawdesk bundle import 导入，不要手工解压后修改：
其中的数据文件都按内容哈希在 manifest.json 中登记，改动过的数据文件会使整个资料包被拒绝。
本说明不是数据，导入时不读取，改动它不影响导入。
`;

export async function exportBundle(store: LibraryStore, opts: ExportOptions): Promise<ExportResult> {
  const versions = selectVersions(store, opts.laws, opts.filter).sort((a, b) => a.id.localeCompare(b.id));
  const entries: BundleManifest['entries'] = {};
  const progress = (phase: BundleProgress['phase'], done: number, total: number, label?: string) => opts.onProgress?.({ phase, done, total, ...(label ? { label } : {}) });
  let records: RecordsFile | undefined;
  let attachments: { sha256: string; name: string; file: string }[] = [];
  if (opts.records) {
    const rs = await RecordsStore.open(store.dir, store.lock);
    records = await rs.data();
    attachments = referencedAttachments(records).map((a) => ({ ...a, file: join(store.dir, 'attachments', a.sha256 + extname(a.name).toLowerCase()) }));
    for (const a of attachments) {
      if (safeExt(a.name) !== extname(a.name).toLowerCase()) throw new BundleError('INVALID', `附件“${a.name}”的扩展名不能放进资料包`);
      if (!existsSync(a.file)) throw new BundleError('INVALID', `附件“${a.name}”（${a.sha256.slice(0, 12)}…）在资料库中缺失，请先运行 lawdesk check --repair`);
    }
  }
  // User data is validated before it leaves: a bundle never carries a file its reader would refuse.
  const userData = (opts.userData ?? !!opts.records) ? [...readUserDataTexts(store.dir)] : [];
  for (const [path, text] of userData) parseUserData(userDataSpec(path)!, text, `本库（${join(store.dir, path)}）`);
  const zip = new ZipWriter(opts.out);
  let bytes = 0;
  const add = (name: string, data: Uint8Array) => {
    // A bundle its reader would refuse is not written: the same per-entry and total caps.
    if (bytes + data.length > DEFAULT_ZIP_LIMITS.maxTotalBytes) throw new BundleError('TOO_LARGE', `资料包将超过 ${(DEFAULT_ZIP_LIMITS.maxTotalBytes / 1024 ** 3).toFixed(0)} GB 的上限，请分几次导出（按法规或分类挑选）`);
    zip.add({ name, data });
    entries[name] = { sha256: sha256(data), size: data.length };
    bytes += data.length;
  };
  try {
    zip.add({ name: README_NAME, data: Buffer.from(README, 'utf8') });
    const total = versions.length + attachments.length;
    let done = 0;
    const originals = new Set<string>();
    const slicer = new TimeSlicer(); // the app stays responsive and shows the progress
    for (const v of versions) {
      await slicer.maybePause();
      progress('write', done++, total, v.title);
      const body = readLibraryFile(join(store.bodiesDir, v.file), MAX_JSON_FILE_BYTES, `《${v.title}》的正文文件（${v.file}）`);
      if (sha256(body) + '.json' !== v.file) throw new BundleError('HASH', `《${v.title}》的正文文件已损坏（${v.file}），请先运行 lawdesk check --repair`);
      if (!entries[`laws/bodies/${v.file}`]) add(`laws/bodies/${v.file}`, body);
      const orig = store.originalPath(v);
      if (!orig) throw new BundleError('INVALID', `《${v.title}》的原始文件缺失，请先运行 lawdesk check`);
      const name = basename(orig);
      if (!originals.has(name)) {
        const data = readLibraryFile(orig, DEFAULT_ZIP_LIMITS.maxEntryBytes, `《${v.title}》的原始文件（${name}）`);
        if (sha256(data) !== v.sourceSha256) throw new BundleError('HASH', `《${v.title}》的原始文件已损坏（${name}）`);
        add(`laws/originals/${name}`, data);
        originals.add(name);
      }
    }
    add(LAWS_CATALOG, Buffer.from(JSON.stringify({ versions }), 'utf8'));
    if (records) {
      for (const a of attachments) {
        await slicer.maybePause();
        progress('write', done++, total, a.name);
        const data = readLibraryFile(a.file, DEFAULT_ZIP_LIMITS.maxEntryBytes, `附件“${a.name}”`);
        if (sha256(data) !== a.sha256) throw new BundleError('HASH', `附件“${a.name}”已损坏（校验和不符）`);
        add(`records/attachments/${a.sha256}${safeExt(a.name)}`, data);
      }
      add(RECORDS_JSON, Buffer.from(JSON.stringify(records), 'utf8'));
    }
    for (const [path, text] of userData) add(USER_DATA_PREFIX + path, Buffer.from(text, 'utf8'));
    const manifest: BundleManifest = {
      format: BUNDLE_FORMAT,
      schemaVersion: bundleSchemaVersionFor(versions, records),
      appVersion: appVersion(),
      createdAt: store.now().toISOString(),
      contents: { versions: versions.length, records: records ? recordCount(records) : 0, attachments: attachments.length, userData: userData.map(([p]) => p) },
      entries,
    };
    zip.add({ name: MANIFEST, data: Buffer.from(JSON.stringify(manifest, null, 1), 'utf8') });
    progress('commit', total, total);
    zip.finish();
  } catch (e) {
    zip.abort();
    throw e;
  }
  return { file: opts.out, versions: versions.length, records: records ? recordCount(records) : 0, attachments: attachments.length, userData: userData.map(([p]) => p), entries: Object.keys(entries).length + 2, bytes };
}
