// The library's user-data files besides records.json: briefing packs, 收藏, the office profile, the
// office's own 调休 calendar and its own annual-report template. One list, used by backups (a
// companion file beside each records backup), by bundles (userdata/<path>) and by restore, so a
// file added to the library is carried by all three once it is added here.
// Invariant: whatever comes back from a bundle or a backup is parsed and validated with the file's
// own schema before anything is written; nothing is trusted because we wrote it.

import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { FAVORITES_SCHEMA_VERSION, FavoritesFileSchema, type FavoritesFile } from '../../shared/favorites-schema';
import { CarriedOfficeFileSchema, OFFICE_SCHEMA_VERSION, type OfficeFile } from '../../shared/office-profile';
import { USER_DATA_WHAT } from '../../shared/user-data-labels';
import { writeFileAtomic } from '../library/atomic-file';
import { describeIssues } from '../records/records-errors';
import { HolidayFileSchema } from '../records/working-days';
import { PACKS_SCHEMA_VERSION, PacksFileSchema, type PacksFile } from '../packs/pack-store';
import { ANNUAL_TEMPLATE_FILE, ReportTemplateSchema } from '../reports/report-template';
import { BundleError, parseBundleJson } from './bundle-format';
import { own } from '../util/own-key';

/** What merging a bundle's copy into the library did (or would do) with one file. */
export type UserDataOutcome = 'new' | 'identical' | 'merged' | 'kept';

export interface UserDataMerge {
  path: string;
  what: string;
  outcome: UserDataOutcome;
  detail?: string;
  /** The merged JSON to write, when the outcome changes the library. */
  text?: string;
}

interface Spec<T> {
  /** Path inside the library folder; the same path under userdata/ in a bundle. */
  path: string;
  /** What a person calls it (messages, previews). */
  what: string;
  schema: z.ZodType<T>;
  /** Newest schemaVersion this LawDesk reads, for files that carry one. */
  version?: number;
  /** The bundle's copy merged into the library's (which may be absent). */
  merge(local: T | undefined, incoming: T): { value: T; outcome: UserDataOutcome; detail?: string };
}

export type UserDataSpec = Spec<unknown>;

const json = (v: unknown) => JSON.stringify(v, null, 1);

/** Whole-file data an office sets once (profile, calendar, template): the library's own copy wins. */
function keepLocal<T>(what: string) {
  return (local: T | undefined, incoming: T) => {
    if (local === undefined) return { value: incoming, outcome: 'new' as const };
    if (json(local) === json(incoming)) return { value: local, outcome: 'identical' as const };
    return { value: local, outcome: 'kept' as const, detail: `本库已有${what}，与资料包中的不同：保留本库的` };
  };
}

function mergePacks(local: PacksFile | undefined, incoming: PacksFile) {
  if (!local) return { value: incoming, outcome: 'new' as const, detail: `简报包 ${Object.keys(incoming.packs).length} 个` };
  const packs = { ...local.packs };
  let added = 0;
  let replaced = 0;
  let kept = 0;
  for (const [id, p] of Object.entries(incoming.packs)) {
    const here = own(packs, id);
    if (!here) {
      packs[id] = p;
      added++;
    } else if (json(here) !== json(p)) {
      // The later edit wins; the other one stays in the backup taken before the import.
      if (p.updatedAt > here.updatedAt) {
        packs[id] = p;
        replaced++;
      } else kept++;
    }
  }
  if (!added && !replaced) return { value: local, outcome: kept ? ('kept' as const) : ('identical' as const), ...(kept ? { detail: `${kept} 个简报包本库的修改较新，保留本库的` } : {}) };
  const parts = [added ? `新增 ${added} 个` : '', replaced ? `资料包较新、替换 ${replaced} 个` : '', kept ? `本库较新、保留 ${kept} 个` : ''].filter(Boolean);
  return { value: { ...local, packs }, outcome: 'merged' as const, detail: `简报包${parts.join('，')}` };
}

function mergeFavorites(local: FavoritesFile | undefined, incoming: FavoritesFile) {
  if (!local) return { value: { ...incoming, settingsMigrated: true }, outcome: 'new' as const, detail: `收藏 ${incoming.laws.length} 部法规` };
  const have = new Set(local.laws.map((f) => f.lawId));
  const more = incoming.laws.filter((f) => !have.has(f.lawId));
  if (!more.length) return { value: local, outcome: 'identical' as const };
  return { value: { ...local, laws: [...local.laws, ...more] }, outcome: 'merged' as const, detail: `收藏新增 ${more.length} 部法规` };
}

function spec<T>(s: Spec<T>): UserDataSpec {
  return s as unknown as UserDataSpec;
}

/** Every user-data file of a library folder besides records.json (which has its own merge and restore). */
export const USER_DATA_FILES: readonly UserDataSpec[] = [
  spec<PacksFile>({ path: 'packs.json', what: USER_DATA_WHAT.packs, schema: PacksFileSchema, version: PACKS_SCHEMA_VERSION, merge: mergePacks }),
  spec<FavoritesFile>({ path: 'favorites.json', what: USER_DATA_WHAT.favorites, schema: FavoritesFileSchema, version: FAVORITES_SCHEMA_VERSION, merge: mergeFavorites }),
  spec<OfficeFile>({ path: 'office.json', what: USER_DATA_WHAT.office, schema: CarriedOfficeFileSchema, version: OFFICE_SCHEMA_VERSION, merge: keepLocal('单位信息') }),
  spec({ path: 'holidays.json', what: USER_DATA_WHAT.holidays, schema: HolidayFileSchema, merge: keepLocal('节假日调休表') }),
  spec({ path: `templates/${ANNUAL_TEMPLATE_FILE}`, what: USER_DATA_WHAT.annualTemplate, schema: ReportTemplateSchema, merge: keepLocal('年度报告模板') }),
];

/** Largest user-data file read back from a bundle or a backup. */
export const MAX_USER_DATA_BYTES = 64 * 1024 * 1024;

export function userDataSpec(path: string): UserDataSpec | undefined {
  return USER_DATA_FILES.find((s) => s.path === path);
}

/** Parses and validates one file's text with its own schema; a clear error naming where it came from. */
export function parseUserData(s: UserDataSpec, text: string, where: string): unknown {
  if (text.length > MAX_USER_DATA_BYTES) throw new BundleError('TOO_LARGE', `${where}中的${s.what}（${s.path}）过大`);
  const raw = parseBundleJson(text, `${where}中的 ${s.path}`);
  const v = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (s.version !== undefined && typeof v === 'number' && v > s.version) {
    throw new BundleError('SCHEMA', `${where}中的${s.what}（${s.path}）由较新的 LawDesk 写入（格式版本 ${v}），请先升级`);
  }
  const r = s.schema.safeParse(raw);
  if (!r.success) throw new BundleError('SCHEMA', `${where}中的${s.what}（${s.path}）不合格式：${describeIssues(r.error).slice(0, 5).join('；')}`);
  return r.data;
}

/** The user-data files present in a library folder, as their exact text (for backups and bundles). */
export function readUserDataTexts(libraryDir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of USER_DATA_FILES) {
    const file = join(libraryDir, s.path);
    if (existsSync(file)) out.set(s.path, readFileSync(file, 'utf8'));
  }
  return out;
}

/** The library's current copy, validated; undefined when absent. A damaged local file stops the merge. */
export function readLocalUserData(libraryDir: string, s: UserDataSpec): unknown {
  const file = join(libraryDir, s.path);
  if (!existsSync(file)) return undefined;
  return parseUserData(s, readFileSync(file, 'utf8'), `本库（${file}）`);
}

/** What merging validated incoming files into the library would do, file by file. */
export function planUserDataMerge(libraryDir: string, incoming: Map<string, unknown>): UserDataMerge[] {
  const out: UserDataMerge[] = [];
  for (const s of USER_DATA_FILES) {
    if (!incoming.has(s.path)) continue;
    const m = s.merge(readLocalUserData(libraryDir, s), incoming.get(s.path));
    out.push({ path: s.path, what: s.what, outcome: m.outcome, ...(m.detail ? { detail: m.detail } : {}), ...(m.outcome === 'new' || m.outcome === 'merged' ? { text: JSON.stringify(m.value, null, 2) + '\n' } : {}) });
  }
  return out;
}

/**
 * Writes whole files (each atomically: temp + fsync + rename) after every one of them has been
 * validated. The caller holds the writer lock. The stores re-read a file whose stamp changed.
 */
export function writeUserData(libraryDir: string, files: { path: string; text: string }[]): void {
  for (const f of files) {
    if (!userDataSpec(f.path)) throw new BundleError('UNSAFE', `不是资料库的用户数据文件：${f.path}`);
  }
  for (const f of files) {
    const file = join(libraryDir, f.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileAtomic(file, f.text);
  }
}

// --- the backup companion: userdata-<stamp>-<reason>.json beside records-<stamp>-<reason>.json ---

export const USER_DATA_BACKUP_FORMAT = 'lawdesk-userdata';

const UserDataBackupSchema = z.strictObject({
  format: z.literal(USER_DATA_BACKUP_FORMAT),
  schemaVersion: z.literal(1),
  /** Library path → the file's exact text when the backup was taken. */
  files: z.record(z.string().max(200), z.string()),
});

export function userDataBackupText(texts: Map<string, string>): string {
  return JSON.stringify({ format: USER_DATA_BACKUP_FORMAT, schemaVersion: 1, files: Object.fromEntries(texts) });
}

/** A backup companion read back: every file validated with its schema. */
export function parseUserDataBackup(text: string, where: string): Map<string, { text: string; value: unknown }> {
  const raw = parseBundleJson(text, where);
  const r = UserDataBackupSchema.safeParse(raw);
  if (!r.success) throw new BundleError('SCHEMA', `${where} 不合格式：${describeIssues(r.error).slice(0, 5).join('；')}`);
  const out = new Map<string, { text: string; value: unknown }>();
  for (const [path, t] of Object.entries(r.data.files)) {
    const s = userDataSpec(path);
    if (!s) throw new BundleError('UNSAFE', `${where} 中有不认识的文件“${path.slice(0, 80)}”`);
    out.set(path, { text: t, value: parseUserData(s, t, where) });
  }
  return out;
}
