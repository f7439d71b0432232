// records.json in the library folder: every record and its change log in one versioned document
// (library/versioned-store.ts), so a record and its log entry are committed together or not at
// all, under the library's WriterLock, and an edit by the CLI beside the app is seen by the app.

import { join } from 'node:path';
import { VersionedStore, type StoreErrorCode } from '../library/versioned-store';
import type { WriterLock } from '../library/writer-lock';
import { RecordsError, describeIssues } from './records-errors';
import { RECORDS_SCHEMA_VERSION, RecordsFileSchema, type RecordsFile } from './record-types';

export const RECORDS_FILE = 'records.json';

function emptyRecords(): RecordsFile {
  return { schemaVersion: RECORDS_SCHEMA_VERSION, generation: 0, reviews: {}, lectures: {}, plans: {}, notes: {}, collections: {}, register: {}, log: {} };
}

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
    };
    return new RecordsStore(VersionedStore.open(join(libraryDir, RECORDS_FILE), spec, lock));
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
