// records.json in the library folder: every record and its change log in one versioned document
// (library/versioned-store.ts), so a record and its log entry are committed together or not at
// all, under the library's WriterLock, and an edit by the CLI beside the app is seen by the app.

import { join } from 'node:path';
import { z } from 'zod';
import { VersionedStore, type SetAsideEntry, type StoreErrorCode } from '../library/versioned-store';
import type { WriterLock } from '../library/writer-lock';
import { RecordsError, describeIssues } from './records-errors';
import {
  ChangeEntrySchema,
  CollectionSchema,
  LectureSchema,
  LegalityReviewSchema,
  NoteSchema,
  RECORDS_SCHEMA_VERSION,
  RecordsFileSchema,
  StudyPlanSchema,
  type RecordsFile,
} from './record-types';
import { RegisterEntrySchema } from '../../shared/register-schema';
import { implausibleDateFields, unsafeTextFields } from '../../shared/printable-name';
import { issuePathInWords } from '../../shared/errors';
import { RECORD_ISSUE_FORMAT } from '../../shared/record-form';
import { RECORDS_FILE_NAME } from '../../shared/library-health';

export const RECORDS_FILE = RECORDS_FILE_NAME;

function emptyRecords(): RecordsFile {
  return { schemaVersion: RECORDS_SCHEMA_VERSION, generation: 0, reviews: {}, lectures: {}, plans: {}, notes: {}, collections: {}, register: {}, log: {} };
}

/** Each collection of records.json with the schema of one entry and what it is called. */
const ENTRY_RULES: Record<string, { schema: z.ZodType; what: string; typed: boolean }> = {
  reviews: { schema: LegalityReviewSchema, what: '审查记录', typed: true },
  lectures: { schema: LectureSchema, what: '学法活动', typed: true },
  plans: { schema: StudyPlanSchema, what: '普法计划', typed: true },
  notes: { schema: NoteSchema, what: '笔记', typed: true },
  collections: { schema: CollectionSchema, what: '收藏夹', typed: true },
  register: { schema: RegisterEntrySchema, what: '规范性文件登记', typed: true },
  log: { schema: z.array(ChangeEntrySchema), what: '修改记录', typed: false },
};

/**
 * Text copied from the library into a record (an article's snapshot, a law's title in a
 * citation) is stored as the law reads: not judged as typed text.
 */
const COPIED_KEYS: ReadonlySet<string> = new Set(['textSnapshot', 'citation', 'label']);

/**
 * What a read of records.json sets aside, entry by entry: a record that fails its schema (a
 * records.json edited by hand: a date 2020-13-45, a title of zero-width spaces, a status no
 * version had), or whose typed text a form would refuse (a terminal escape, a direction override,
 * half an emoji, a year 0000) — judged on read as on write, never trusted because it is stored.
 * The rest of the file opens; the set-aside entries are named and kept (quarantine/) on the next
 * write. A file whose shape is wrong as a whole (reviews not an object) is still refused whole.
 */
export function salvageRecords(doc: Record<string, unknown>): SetAsideEntry[] {
  const out: SetAsideEntry[] = [];
  for (const [collection, rule] of Object.entries(ENTRY_RULES)) {
    const entries = doc[collection];
    if (!entries || typeof entries !== 'object' || Array.isArray(entries)) continue;
    for (const [key, raw] of Object.entries(entries as Record<string, unknown>)) {
      const r = rule.schema.safeParse(raw);
      const reasons = r.success ? [] : describeIssues(r.error, raw).slice(0, 5);
      if (r.success && rule.typed) {
        const bad = [...unsafeTextFields(raw, { skipKeys: COPIED_KEYS }), ...implausibleDateFields(raw, { skipKeys: COPIED_KEYS })];
        reasons.push(...bad.slice(0, 5).map(([path, why]) => `${issuePathInWords(path, RECORD_ISSUE_FORMAT.labels)}：${why.replace(/，请删除后再保存$/, '')}`));
      }
      if (!reasons.length) {
        // Kept as its schema gave it (defaults filled in): RECORDS_SALVAGED_SCHEMA does not parse it again.
        (entries as Record<string, unknown>)[key] = r.data;
        continue;
      }
      delete (entries as Record<string, unknown>)[key];
      const name = key.length > 60 ? `${key.slice(0, 60)}…` : key;
      out.push({ collection, key, what: `${rule.what} ${name}`, reasons, raw });
    }
  }
  return out;
}

/**
 * records.json after salvageRecords: its shape, each collection an object whose entries salvage has
 * already parsed by ENTRY_RULES (the same schemas RecordsFileSchema holds), so they are not parsed twice.
 */
const RECORDS_SALVAGED_SCHEMA = RecordsFileSchema.extend(
  Object.fromEntries(Object.keys(ENTRY_RULES).map((k) => [k, z.record(z.string(), z.unknown()).default({})])),
) as unknown as z.ZodType<RecordsFile>;

/** Forward migrations of records.json, one per schema step (MIGRATIONS[n]: n-1 → n). */
export const RECORDS_MIGRATIONS: Record<number, (d: Record<string, unknown>) => void> = {};

export class RecordsStore {
  private constructor(private readonly store: VersionedStore<RecordsFile>) {}

  get path(): string {
    return this.store.path;
  }

  static async open(libraryDir: string, lock: WriterLock): Promise<RecordsStore> {
    const spec = {
      what: '记录',
      version: RECORDS_SCHEMA_VERSION,
      schema: RecordsFileSchema,
      empty: emptyRecords,
      migrations: RECORDS_MIGRATIONS,
      error: (code: StoreErrorCode, message: string, issues?: string[]) => new RecordsError(code, message, issues),
      describeIssues,
      salvage: salvageRecords,
      salvaged: RECORDS_SALVAGED_SCHEMA,
    };
    return new RecordsStore(VersionedStore.open(join(libraryDir, RECORDS_FILE), spec, lock));
  }

  /**
   * The entries the last read set aside, one sentence each: what it is, why, and where it is kept
   * (still in records.json until the next write or lawdesk check --repair moves it to quarantine/).
   */
  setAsideNotes(): string[] {
    this.store.current();
    const kept = this.store.setAsideKeptIn;
    return this.store.setAside.map(
      (e) =>
        `records.json 中的${e.what} 无法读取（${e.reasons.join('；')}），已暂时搁置，其余记录照常打开；` +
        (kept ? `原样保存在 ${kept}` : '原样保留在文件中，下次保存时移入 quarantine/（运行 lawdesk check --repair 可立即移入）'),
    );
  }

  /** How many entries the last read set aside and the file they are in now (records.json until a write moves them); undefined when none. */
  setAsideState(): { count: number; keptIn: string } | undefined {
    this.store.current();
    const n = this.store.setAside.length;
    return n ? { count: n, keptIn: this.store.setAsideKeptIn ?? RECORDS_FILE } : undefined;
  }

  /** Moves the set-aside entries to quarantine/ and writes records.json without them; the file kept, or undefined when none. */
  async quarantineSetAside(): Promise<string | undefined> {
    return this.store.quarantineSetAside();
  }

  /** The current records, re-read when another process has written the file. */
  async data(): Promise<RecordsFile> {
    return this.store.current();
  }

  /**
   * Applies `change` to a copy of the records and commits it atomically. If `change` throws or
   * the write fails, neither the file nor the in-memory state changes.
   */
  async mutate<T>(change: (draft: RecordsFile) => T | Promise<T>): Promise<T> {
    return this.store.mutate(async (draft) => {
      const result = await change(draft);
      draft.generation++;
      return result;
    });
  }
}
