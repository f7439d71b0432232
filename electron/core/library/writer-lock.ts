// One writer at a time per library (the app and the CLI may both be open): an exclusive lock file.
// - Created atomically with its whole content: the owner record (pid, the process's start time,
//   host, a random token) is written to a private temp file that is then hard-linked to the lock
//   name, which fails if the name exists. So a lock file is never seen empty or half-written
//   (file systems without hard links fall back to O_EXCL + one write, covered by a grace period).
// - A lock is stale only when its owner is verifiably gone: same host, and the pid no longer runs
//   or (Linux) runs with another start time, i.e. the pid was reused. An unreadable or empty lock
//   is left alone until it is older than a grace period.
// - A stale lock is broken under a second, short-lived "breaker" lock, re-reading its token first,
//   so two takers can never both delete and re-create it.
// - release() removes the file only when it still holds this owner's token.

import { closeSync, linkSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fsErrorMessage, isFsWriteError } from './fs-errors';
import { DomainError, ERRNO, type ErrorCode } from '../../shared/errors';

/** An empty or unreadable lock younger than this is someone's lock being created. */
export const LOCK_GRACE_MS = 10_000;

export interface LockOwner {
  pid: number;
  /** Process start: Linux clock ticks since boot ("t:…") or epoch ms ("ms:…"); absent in old locks. */
  start?: string;
  host?: string;
  token?: string;
}

/** Why the lock could not be taken: a live writer, or a lock file this process cannot remove. */
export class LockError extends DomainError {
  constructor(code: ErrorCode, message: string, file: string) {
    super(code, message, { file });
    this.name = 'LockError';
  }
}

/** A process's start time as the OS records it, or undefined when it cannot be read. */
export function processStart(pid: number): string | undefined {
  if (process.platform === 'linux') {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = fields[19]; // field 22 overall: starttime
      return ticks ? `t:${ticks}` : undefined;
    } catch {
      return undefined;
    }
  }
  if (pid === process.pid) return `ms:${Math.round((Date.now() - process.uptime() * 1000) / 1000) * 1000}`;
  return undefined;
}

function pidRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True only when the owner is verifiably gone. */
export function ownerGone(o: LockOwner): boolean {
  if (o.host && o.host !== hostname()) return false; // another machine's process: cannot tell
  if (!pidRuns(o.pid)) return true;
  // The pid runs: it is the owner unless its start time proves the pid was reused.
  if (o.start?.startsWith('t:')) {
    const now = processStart(o.pid);
    return now !== undefined && now !== o.start;
  }
  return false;
}

export function parseOwner(text: string): LockOwner | undefined {
  const t = text.trim();
  if (/^\d+$/.test(t)) return Number(t) > 0 ? { pid: Number(t) } : undefined; // older versions wrote the pid alone
  try {
    const o = JSON.parse(t) as Partial<LockOwner>;
    if (typeof o.pid !== 'number' || !Number.isInteger(o.pid) || o.pid <= 0) return undefined;
    return {
      pid: o.pid,
      ...(typeof o.start === 'string' ? { start: o.start } : {}),
      ...(typeof o.host === 'string' ? { host: o.host } : {}),
      ...(typeof o.token === 'string' ? { token: o.token } : {}),
    };
  } catch {
    return undefined;
  }
}

function readLock(path: string): { owner?: LockOwner; text: string; mtimeMs: number } | undefined {
  try {
    const text = readFileSync(path, 'utf8');
    const mtimeMs = statSync(path).mtimeMs;
    const owner = parseOwner(text);
    return { ...(owner ? { owner } : {}), text, mtimeMs };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined; // vanished between checks
    throw e;
  }
}

/** Creates `path` holding `content`, atomically; false when it exists. */
function createExclusive(path: string, content: string): boolean {
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.new`;
  const fd = openSync(tmp, 'wx', 0o644);
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(tmp, path);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw e;
    // No hard links here (FAT, some network shares): O_EXCL, then one write.
    try {
      const fd2 = openSync(path, 'wx', 0o644);
      try {
        writeSync(fd2, content);
      } finally {
        closeSync(fd2);
      }
      return true;
    } catch (e2) {
      if ((e2 as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e2;
    }
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
  }
}

/** Held locks of this process by path: every WriterLock on one file shares one count and token. */
const heldHere = new Map<string, { held: number; token: string }>();

export class WriterLock {
  readonly path: string;
  constructor(path: string) {
    this.path = resolve(path);
  }

  private get state(): { held: number; token: string } {
    let s = heldHere.get(this.path);
    if (!s) heldHere.set(this.path, (s = { held: 0, token: '' }));
    return s;
  }
  private get held(): number {
    return this.state.held;
  }
  private set held(n: number) {
    this.state.held = n;
  }
  private get token(): string {
    return this.state.token;
  }

  private ownerRecord(): string {
    this.state.token = randomBytes(12).toString('hex');
    const start = processStart(process.pid);
    return JSON.stringify({ pid: process.pid, ...(start ? { start } : {}), host: hostname(), token: this.token });
  }

  /**
   * Takes the lock (re-entrant within this process); false when another live process holds it.
   * Throws LockError when the library cannot be written at all (read-only, no permission, full).
   */
  tryAcquire(): boolean {
    if (this.held > 0) {
      this.held++;
      return true;
    }
    try {
      for (let attempt = 0; attempt < 3; attempt++) {
        if (createExclusive(this.path, this.ownerRecord())) {
          this.held = 1;
          return true;
        }
        const seen = readLock(this.path);
        if (!seen) continue; // released between our attempt and our look: try again
        if (!this.isStale(seen)) return false;
        if (!this.breakStale(seen.text)) return false;
      }
      return false;
    } catch (e) {
      if (isFsWriteError(e)) throw new LockError(ERRNO[e.code ?? '']?.code ?? 'READ_ONLY', this.cannotWrite(e), this.path);
      throw e;
    }
  }

  private isStale(seen: { owner?: LockOwner; mtimeMs: number }): boolean {
    if (!seen.owner) return Date.now() - seen.mtimeMs > LOCK_GRACE_MS;
    // Our pid while this process holds nothing: a previous process that had the same pid
    // (containers restart at 1), or our own lock whose removal failed.
    if (seen.owner.pid === process.pid) return true;
    return ownerGone(seen.owner);
  }

  /** Removes the stale lock whose content is `text`, unless someone replaced it meanwhile. */
  private breakStale(text: string): boolean {
    const breaker = `${this.path}.break`;
    const mine = JSON.stringify({ pid: process.pid, start: processStart(process.pid), host: hostname() });
    if (!createExclusive(breaker, mine)) {
      const b = readLock(breaker);
      // A breaker that died mid-break: remove its file (a later round retries the break).
      if (b && (b.owner ? ownerGone(b.owner) : Date.now() - b.mtimeMs > LOCK_GRACE_MS)) {
        try {
          unlinkSync(breaker);
        } catch {
          /* raced */
        }
      }
      return true; // let the caller retry: maybe the lock is free by now
    }
    try {
      let now: string;
      try {
        now = readFileSync(this.path, 'utf8');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return true;
        throw e;
      }
      if (now !== text) return true; // replaced by a new owner: re-examine
      unlinkSync(this.path);
      return true;
    } finally {
      try {
        unlinkSync(breaker);
      } catch {
        /* gone */
      }
    }
  }

  private cannotWrite(e: unknown): string {
    const seen = (() => {
      try {
        return readLock(this.path);
      } catch {
        return undefined;
      }
    })();
    const stale = seen?.owner && ownerGone(seen.owner) ? `（锁文件来自已退出的进程 PID ${seen.owner.pid}，本进程无法删除它）` : '';
    return `资料库不能写入${stale}：${fsErrorMessage(e, this.path)}。可以查看和检索，但不能导入或修改`;
  }

  /** The current holder, if any, and whether it still runs. */
  holderInfo(): (LockOwner & { alive: boolean }) | undefined {
    try {
      const seen = readLock(this.path);
      if (!seen?.owner) return undefined;
      return { ...seen.owner, alive: !ownerGone(seen.owner) };
    } catch {
      return undefined;
    }
  }

  holder(): number | undefined {
    return this.holderInfo()?.pid;
  }

  /** A Chinese sentence for "someone else is writing", true to whether that someone still runs. */
  busyMessage(): string {
    const h = this.holderInfo();
    if (!h) return '资料库正被另一个 LawDesk 进程修改，请稍后再试';
    if (!h.alive) return `资料库留有已退出进程（PID ${h.pid}）的锁文件 ${this.path}，请稍后再试；若一直如此，可删除该文件`;
    return `资料库正被另一个 LawDesk 进程（PID ${h.pid}）修改，请稍后再试`;
  }

  get isHeld(): boolean {
    return this.held > 0;
  }

  release(): void {
    if (this.held === 0) return;
    this.held--;
    if (this.held > 0) return;
    try {
      // Only our own lock: a lock broken as stale and re-taken by someone else is theirs.
      const text = readFileSync(this.path, 'utf8');
      if (parseOwner(text)?.token === this.token) unlinkSync(this.path);
    } catch {
      /* already gone, or unreadable: not ours to remove */
    }
  }
}
