// Temp files left by writes and exports that a kill -9 or a power cut cut short: the final file is
// whole (old or new), the temp file is garbage. They are removed at the next start — only files
// named by our own pattern (atomic-write.ts: `.<name>.<pid>.<8 hex>.tmp`), only in our folders
// (the library, the export folder, the folder an export writes to), and only when the process
// that made them is gone, so a writer still at work in another process is never disturbed.

import { readdirSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { parseTempName } from './atomic-write';

/** A day: a temp file this old cannot belong to a write still in progress, even if its pid was reused. */
const ABANDONED_MS = 24 * 3600_000;

export function processRuns(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // alive, another user's
  }
}

export interface SweepOptions {
  /** Also the sub-folders (never following links). */
  recursive?: boolean;
  /** Tests: whether a pid is running; the clock. */
  isRunning?: (pid: number) => boolean;
  now?: number;
}

/** Removes the stale temp files of ours in `dir`; returns their paths. Never throws (a read-only folder keeps them). */
export function sweepStaleTemps(dir: string, opts: SweepOptions = {}): string[] {
  const isRunning = opts.isRunning ?? processRuns;
  const now = opts.now ?? Date.now();
  const removed: string[] = [];
  const visit = (d: string) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = join(d, e.name);
      if (e.isDirectory()) {
        if (opts.recursive) visit(full);
        continue;
      }
      if (!e.isFile()) continue;
      const t = parseTempName(e.name);
      if (!t) continue;
      try {
        if (isRunning(t.pid) && now - statSync(full).mtimeMs < ABANDONED_MS) continue;
        unlinkSync(full);
        removed.push(full);
      } catch {
        /* gone meanwhile, or not ours to remove (read-only): left for check */
      }
    }
  };
  visit(dir);
  return removed;
}
