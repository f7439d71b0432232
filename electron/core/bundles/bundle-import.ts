// Previewing and importing a .lawdesk bundle. The whole bundle is read and verified before the
// first byte is written (bundle-read.ts), so a bad bundle changes nothing. Then, under the writer
// lock: records are backed up, content-addressed files (originals, attachments, bodies) are
// written, the law catalog is committed in one atomic write, and the records in another. Laws go
// first because records cite them; a crash between the two commits leaves the laws imported and
// the records as they were (each law version and each record whole, old or new), and running the
// import again finishes it: every step is idempotent.

import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { LawVersionMeta } from '../../shared/law-model';
import { writeFileAtomic } from '../library/atomic-file';
import type { LibraryChange, LibraryStore } from '../library/library-store';
import { RecordsStore } from '../records/records-store';
import type { RecordsFile } from '../records/record-types';
import { BundleError } from './bundle-format';
import { referencedAttachments, safeExt, type BundleProgress } from './bundle-export';
import { readBundle, type ReadBundle, type ReadOptions } from './bundle-read';
import { backupRecords, type BackupInfo } from './records-backup';
import { applyRecordsMerge, planRecordsMerge, type RecordPlanItem } from './records-merge';
import { TimeSlicer } from '../util/time-slicer';
import { planUserDataMerge, writeUserData, type UserDataMerge } from './user-data-files';

export type LawOutcome = 'new' | 'identical' | 'newer' | 'older';

export interface LawPlanItem {
  versionId: string;
  title: string;
  outcome: LawOutcome;
  /** newer/older: same version id with different content; which importedAt is later decides. */
  detail?: string;
}

export interface BundlePreview {
  file: string;
  createdAt: string;
  appVersion: string;
  laws: LawPlanItem[];
  records: RecordPlanItem[];
  attachments: { new: number; present: number };
  /** The bundle's packs, 收藏, office profile …: what merging each into the library does. */
  userData: Omit<UserDataMerge, 'text'>[];
  /** Citations in the bundle's records to versions in neither the bundle nor the library. */
  warnings: string[];
  gbkNames: string[];
  summary: {
    laws: Record<LawOutcome, number>;
    records: Record<RecordPlanItem['outcome'], number>;
  };
}

export interface BundleImportResult extends BundlePreview {
  backup?: BackupInfo;
  changed: boolean;
}

export interface BundleImportOptions extends ReadOptions {
  /** The change log's "who" for merge entries. */
  actor?: string;
}

const EMPTY_RECORDS: RecordsFile = { schemaVersion: 1, generation: 0, reviews: {}, lectures: {}, plans: {}, notes: {}, collections: {}, register: {}, log: {} };

function planLaws(store: LibraryStore, versions: LawVersionMeta[]): LawPlanItem[] {
  const bySource = new Map(store.versions().map((v) => [v.sourceSha256, v]));
  return versions.map((v) => {
    const here = store.version(v.id);
    const item: LawPlanItem = { versionId: v.id, title: v.title, outcome: 'new' };
    if (here && (here.file === v.file || here.sourceSha256 === v.sourceSha256)) item.outcome = 'identical';
    else if (here) {
      item.outcome = v.importedAt > here.importedAt ? 'newer' : 'older';
      item.detail =
        item.outcome === 'newer'
          ? `同一版本内容不同：资料包的导入时间（${v.importedAt}）较新，将替换本库的（${here.importedAt}，原文件 ${here.sourceFile}）`
          : `同一版本内容不同：本库的导入时间（${here.importedAt}）较新，保留本库的，资料包的（原文件 ${v.sourceFile}）不导入`;
    } else if (bySource.has(v.sourceSha256)) {
      item.outcome = 'identical';
      item.detail = `原始文件与本库的 ${bySource.get(v.sourceSha256)!.id} 相同`;
    }
    return item;
  });
}

function count<T extends string>(items: { outcome: T }[], keys: readonly T[]): Record<T, number> {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<T, number>;
  for (const i of items) out[i.outcome]++;
  return out;
}

async function localRecords(store: LibraryStore): Promise<{ rs: RecordsStore; data: RecordsFile }> {
  const rs = await RecordsStore.open(store.dir, store.lock);
  return { rs, data: await rs.data() };
}

function plan(store: LibraryStore, b: ReadBundle, local: RecordsFile): BundlePreview {
  const laws = planLaws(store, b.versions);
  const records = b.records ? planRecordsMerge(local, b.records) : [];
  const known = new Set([...store.versions().map((v) => v.id), ...b.versions.map((v) => v.id)]);
  const warnings: string[] = [];
  let attNew = 0;
  let attPresent = 0;
  if (b.records) {
    for (const a of referencedAttachments(b.records)) {
      const local = join(store.dir, 'attachments', a.sha256 + safeExt(a.name));
      if (existsSync(local)) attPresent++;
      else if (b.entryKinds.has(`records/attachments/${a.sha256}${safeExt(a.name)}`)) attNew++;
      else throw new BundleError('INVALID', `记录引用的附件“${a.name}”（${a.sha256.slice(0, 12)}…）既不在资料包中也不在本库中`);
    }
    const missing = new Set<string>();
    const walk = (v: unknown) => {
      if (Array.isArray(v)) for (const x of v) walk(x);
      else if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        if (typeof o.versionId === 'string' && typeof o.textHash === 'string' && !known.has(o.versionId)) missing.add(o.versionId);
        for (const x of Object.values(o)) walk(x);
      }
    };
    for (const p of records) if (p.outcome !== 'identical' && p.outcome !== 'older') walk((b.records[p.collection] as Record<string, unknown>)[p.id]);
    if (missing.size) warnings.push(`记录引用了本库和资料包中都没有的 ${missing.size} 个法规版本（引用保留条文原文快照）：${[...missing].slice(0, 5).join('、')}${missing.size > 5 ? ' …' : ''}`);
  }
  return {
    file: b.file,
    createdAt: b.manifest.createdAt,
    appVersion: b.manifest.appVersion,
    laws,
    records,
    attachments: { new: attNew, present: attPresent },
    userData: planUserDataMerge(store.dir, b.userData).map(({ text: _text, ...m }) => m),
    warnings,
    gbkNames: b.gbkNames,
    summary: {
      laws: count(laws, ['new', 'identical', 'newer', 'older'] as const),
      records: count(records, ['new', 'identical', 'newer', 'older', 'conflicting', 'renamed'] as const),
    },
  };
}

/** What importing the bundle would do: new / newer / identical / older / conflicting, per law and record. */
export async function previewBundle(store: LibraryStore, file: string, opts: ReadOptions = {}): Promise<BundlePreview> {
  const b = readBundle(file, opts);
  try {
    const local = existsSync(join(store.dir, 'records.json')) ? (await localRecords(store)).data : EMPTY_RECORDS;
    return plan(store, b, local);
  } finally {
    b.close();
  }
}

export async function importBundle(store: LibraryStore, file: string, opts: BundleImportOptions = {}): Promise<BundleImportResult> {
  const b = readBundle(file, opts); // throws before any write when anything is wrong
  const progress = (p: BundleProgress) => opts.onProgress?.(p);
  try {
    if (!store.lock.tryAcquire()) throw new BundleError('LOCKED', store.lock.busyMessage());
    try {
      await store.load();
      const { rs, data: local } = await localRecords(store);
      const preview = plan(store, b, local);
      const byId = new Map(b.versions.map((v) => [v.id, v]));
      const lawsToWrite = preview.laws.filter((l) => l.outcome === 'new' || l.outcome === 'newer').map((l) => byId.get(l.versionId)!);
      // One pass over the entry names and one listing of originals/, not one per law (16,000 laws).
      const originalEntry = new Map<string, string>();
      for (const [name, kind] of b.entryKinds) if (kind === 'original') originalEntry.set(name.slice('laws/originals/'.length, 'laws/originals/'.length + 64), name);
      const haveOriginal = new Set(existsSync(store.originalsDir) ? readdirSync(store.originalsDir).map((n) => n.slice(0, 64)) : []);
      const recordChanges = preview.records.filter((r) => r.outcome !== 'identical' && r.outcome !== 'older');
      const userDataWrites = planUserDataMerge(store.dir, b.userData).flatMap((m) => (m.text ? [{ path: m.path, text: m.text }] : []));
      const result: BundleImportResult = { ...preview, changed: lawsToWrite.length > 0 || recordChanges.length > 0 || userDataWrites.length > 0 };
      if (!result.changed) return result;

      // Records or user data are about to be merged: keep what they were.
      if (recordChanges.length || userDataWrites.length) {
        const backup = backupRecords(store, 'before-bundle-import');
        if (backup) result.backup = backup;
      }
      const total = lawsToWrite.length + preview.attachments.new + 3;
      let done = 0;
      // Content-addressed files first: harmless until a catalog names them (so the event loop may
      // be handed back between them; nothing is staged yet).
      const slicer = new TimeSlicer();
      for (const v of lawsToWrite) {
        await slicer.maybePause();
        progress({ phase: 'write', done: done++, total, label: v.title });
        const orig = originalEntry.get(v.sourceSha256)!;
        if (!haveOriginal.has(v.sourceSha256)) {
          store.writeOriginal(b.bytesOf(orig), v.sourceSha256, basename(orig).slice(64));
          haveOriginal.add(v.sourceSha256);
        }
      }
      if (b.records && recordChanges.length) {
        const dir = join(store.dir, 'attachments');
        mkdirSync(dir, { recursive: true });
        for (const a of referencedAttachments(b.records)) {
          const name = a.sha256 + safeExt(a.name);
          if (existsSync(join(dir, name))) continue;
          await slicer.maybePause();
          progress({ phase: 'write', done: done++, total, label: a.name });
          writeFileAtomic(join(dir, name), b.bytesOf(`records/attachments/${name}`));
        }
      }
      // Bodies last, right before the catalog that names them (an orphan body is recovered on open).
      if (lawsToWrite.length) {
        const change: LibraryChange = { added: [], removed: [] };
        for (const v of lawsToWrite) {
          await slicer.maybePause();
          const bodyPath = join(store.bodiesDir, v.file);
          if (!existsSync(bodyPath)) writeFileAtomic(bodyPath, b.bytesOf(`laws/bodies/${v.file}`), { fsync: false });
        }
        // Staged in one go (no pause): nobody sees a half-staged catalog.
        for (const v of lawsToWrite) {
          const old = store.stage({ ...v });
          change.added.push(v.id);
          if (old) change.removed.push(v.id);
        }
        store.refreshStatuses(new Set(lawsToWrite.map((v) => v.lawId)));
        progress({ phase: 'commit', done: done++, total, label: '法规' });
        await store.commit(change);
      }
      if (b.records && recordChanges.length) {
        progress({ phase: 'commit', done: done++, total, label: '记录' });
        const incoming = b.records;
        await rs.mutate((draft) => {
          // Re-plan against the draft: another writer may have committed since the preview.
          const fresh = planRecordsMerge(draft, incoming);
          applyRecordsMerge(draft, incoming, fresh, { at: store.now().toISOString(), by: opts.actor ?? 'lawdesk', source: basename(file) });
        });
      }
      if (userDataWrites.length) {
        progress({ phase: 'commit', done: done++, total, label: '用户数据' });
        writeUserData(store.dir, userDataWrites);
      }
      progress({ phase: 'commit', done: total, total });
      return result;
    } finally {
      store.lock.release();
    }
  } finally {
    b.close();
  }
}
