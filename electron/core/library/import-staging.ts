// An import in two steps, as the app does it: a preview (a dry run of the files) that waits, under
// an unguessable id, for the user's commit or discard. Uploaded files sit in a temp folder that
// goes with the staging (committed, discarded, expired after an hour, pushed out by newer ones), and
// they are reported by the names the user gave them, not by where they sat.
// Invariant: a commit that failed because the library was locked keeps its staging (retry); any
// other outcome forgets it.

import { statSync } from 'node:fs';
import { basename, relative } from 'node:path';
import type { PhaseProgress } from '../../shared/task-progress';
import { importPaths, type ImportReport } from './library-import';
import { LibraryError, type LibraryStore } from './library-store';
import { StagingRegistry } from '../util/staging-registry';

/** Files waiting between the preview and its commit. */
export interface StagedFiles {
  paths: string[];
  /** Temp folder holding uploaded files; removed with the staging. */
  tempDir?: string;
  /** The uploaded name of each file in tempDir (a very long one is written shorter). */
  names?: Map<string, string>;
  /** Each previewed file's size, mtime and inode, to tell at commit which changed since. */
  seen?: Map<string, string>;
}

/** A file as it stands (size, mtime, inode), or undefined when it is gone. */
function stamp(file: string): string | undefined {
  try {
    const st = statSync(file);
    return `${st.size}:${st.mtimeMs}:${st.ino}`;
  } catch {
    return undefined;
  }
}

export type ImportProgress = (p: PhaseProgress<'preview' | 'import'>) => void;

export class ImportStaging {
  private readonly stagings: StagingRegistry<StagedFiles>;

  constructor(
    private readonly store: LibraryStore,
    opts: { ttlMs?: number; max?: number; now?: () => number } = {},
  ) {
    this.stagings = new StagingRegistry<StagedFiles>({ ttlMs: opts.ttlMs ?? 60 * 60 * 1000, max: opts.max ?? 20, ...(opts.now ? { now: opts.now } : {}) });
  }

  /** A dry run of `files`, kept for commit; nothing is kept when the dry run itself fails. */
  async preview(files: StagedFiles, onProgress?: ImportProgress): Promise<{ stagingId: string; report: ImportReport }> {
    const staging = this.stagings.add(files);
    try {
      const report = await importPaths(this.store, staging.paths, {
        dryRun: true,
        onProgress: (p) => onProgress?.({ phase: 'preview', done: p.done, total: p.total, label: displayName(staging, p.file) }),
      });
      staging.seen = new Map(report.files.map((f) => [f.file, stamp(f.file) ?? '']));
      return { stagingId: staging.id, report: displayReport(staging, report) };
    } catch (e) {
      this.stagings.drop(staging.id);
      throw e;
    }
  }

  /**
   * Imports what a preview staged. `replace`: files, by the name the preview listed them under, to import
   * over the stored version although they read poorer (改用新文件: the person decided, file by file).
   */
  async commit(stagingId: string, onProgress?: ImportProgress, replace: readonly string[] = []): Promise<ImportReport> {
    const staging = this.stagings.get(stagingId);
    if (!staging) throw new LibraryError('NOT_FOUND', '这次导入的预览已过期，请重新选择文件');
    const chosen = new Set(replace);
    try {
      const report = await importPaths(this.store, staging.paths, {
        ...(chosen.size ? { replace: (file: string) => chosen.has(displayName(staging, file)) } : {}),
        onProgress: (p) => onProgress?.({ phase: 'import', done: p.done, total: p.total, label: displayName(staging, p.file) }),
      });
      // The commit reads (and checks) each file again; a file edited or replaced after the preview
      // is imported as it is now, which the user must know: the preview showed other content.
      for (const [file, before] of staging.seen ?? []) {
        const now = stamp(file);
        if (now !== undefined && now !== before) report.warnings.push({ file, message: '文件在预览之后被改动过，已按改动后的内容导入，请核对导入结果' });
      }
      this.stagings.drop(staging.id); // after the stamps: it removes an upload's temp folder
      return displayReport(staging, report);
    } catch (e) {
      if (!(e instanceof LibraryError && e.code === 'LOCKED')) this.stagings.drop(staging.id);
      throw e;
    }
  }

  /** Forgets a preview (and its uploaded files); false when there was none. */
  discard(stagingId: string): boolean {
    return this.stagings.drop(stagingId);
  }

  dropAll(): void {
    this.stagings.dropAll();
  }
}

/** Uploaded files are reported by their own names, not the temp folder they sat in. */
function displayName(s: StagedFiles, file: string): string {
  const uploaded = s.names?.get(file);
  if (uploaded !== undefined) return uploaded;
  if (!file || !s.tempDir) return file;
  return basename(relative(s.tempDir, file)) || file;
}

function displayReport(s: StagedFiles, r: ImportReport): ImportReport {
  const name = (f: string) => displayName(s, f);
  return {
    ...r,
    failed: r.failed.map((f) => ({ ...f, file: name(f.file) })),
    warnings: r.warnings.map((w) => ({ ...w, file: name(w.file) })),
    files: r.files.map((f) => ({ ...f, file: name(f.file) })),
  };
}
