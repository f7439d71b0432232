// The folders a Chromium started to print a PDF works in (its profile, playwright's artifacts and
// Chromium's own temp files). Left to playwright they are `playwright_chromiumdev_profile-*` and
// `playwright-artifacts-*` in the system temp folder, removed only by a clean close — a kill -9 of
// an export left them there for good, among every other program's. Here each printer gets one
// folder `chromium-<pid>-<random>` inside a folder of this user's own (`lawdesk-<uid>` in the
// system temp folder, mode 0700, refused if another user owns it), and the next start removes the
// folders whose process is gone — the exporter's and the Chromium's it started: only ours, never
// one still in use.

import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processRuns } from './stale-temps';

const PRINTER_DIR = /^chromium-(\d+)-[A-Za-z0-9]{6}$/;
/** A day: a folder this old is abandoned even if its pid was reused by another process. */
const ABANDONED_MS = 24 * 3600_000;

/** This user's folder for LawDesk's browser temp folders (the system temp folder is read at each call). */
export function browserTempRoot(): string {
  return join(tmpdir(), `lawdesk-${process.getuid?.() ?? 'user'}`);
}

/** Whether `root` is a real folder of this user's (not a link, not another user's). */
function ownedFolder(root: string): boolean {
  const st = lstatSync(root, { throwIfNoEntry: false });
  if (!st || !st.isDirectory()) return false;
  const uid = process.getuid?.();
  return uid === undefined || st.uid === uid;
}

/** A fresh folder for one printer's Chromium, with `profile`, `artifacts` and `t` (its TMPDIR) inside. */
export function makeBrowserTempDir(): string {
  const root = browserTempRoot();
  try {
    mkdirSync(root, { mode: 0o700 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new Error(`无法创建临时文件夹 ${root}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (!ownedFolder(root)) throw new Error(`临时文件夹 ${root} 不是当前用户自己的文件夹（可能是其他用户建的或是链接），为安全起见不使用；请删除它后重试`);
  if (process.platform !== 'win32' && (statSync(root).mode & 0o077) !== 0) chmodSync(root, 0o700);
  const dir = mkdtempSync(join(root, `chromium-${process.pid}-`));
  for (const sub of ['profile', 'artifacts', 't']) mkdirSync(join(dir, sub));
  return dir;
}

/**
 * The TMPDIR to give that Chromium, or undefined to leave it the system's: Chromium makes its
 * SingletonSocket there, and a Unix socket path longer than 107 bytes makes it abort at start.
 */
export function browserTmpEnv(dir: string): string | undefined {
  const t = join(dir, 't');
  return Buffer.byteLength(t) + '/org.chromium.Chromium.XXXXXX/SingletonSocket'.length <= 107 ? t : undefined;
}

/**
 * The pid of the Chromium using a printer folder, from the lock Chromium keeps in its profile
 * (SingletonLock → "<host>-<pid>"); undefined when there is none. A Chromium outlives a killed
 * exporter for a moment while it shuts down, writing into the profile.
 */
export function browserPidOf(dir: string): number | undefined {
  try {
    const m = /-(\d+)$/.exec(readlinkSync(join(dir, 'profile', 'SingletonLock')));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

export interface BrowserSweepOptions {
  /** Tests: whether a pid is running; the clock. */
  isRunning?: (pid: number) => boolean;
  now?: number;
}

/** Removes the printer folders whose process is gone (or a day old); returns them. Never throws. */
export function sweepBrowserTemps(opts: BrowserSweepOptions = {}): string[] {
  const root = browserTempRoot();
  const isRunning = opts.isRunning ?? processRuns;
  const now = opts.now ?? Date.now();
  const removed: string[] = [];
  try {
    if (!ownedFolder(root)) return removed;
    for (const e of readdirSync(root, { withFileTypes: true })) {
      const m = PRINTER_DIR.exec(e.name);
      if (!m || !e.isDirectory()) continue; // a Dirent of readdir does not follow links
      const full = join(root, e.name);
      try {
        const chromium = browserPidOf(full);
        const inUse = isRunning(Number(m[1])) || (chromium !== undefined && isRunning(chromium));
        if (inUse && now - statSync(full).mtimeMs < ABANDONED_MS) continue;
        rmSync(full, { recursive: true, force: true, maxRetries: 3 });
        removed.push(full);
      } catch {
        /* in use or not removable now: the next start tries again */
      }
    }
  } catch {
    /* no folder, or unreadable: nothing of ours to clean */
  }
  return removed;
}
