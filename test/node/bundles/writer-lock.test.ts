// The library's writer lock is exclusive: N processes × M rounds never hold it together, a stale
// lock is broken only when its owner is verifiably gone, an empty (being created) lock file is
// not taken before a grace period, release() removes only its own lock, and a reader opening the
// library while an import runs leaves the importer's temp files alone.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LibraryStore } from '../../../electron/core/library/library-store';
import { LOCK_GRACE_MS, processStart, WriterLock } from '../../../electron/core/library/writer-lock';
import { ROOT, tmp } from './bundle-helpers';

const work = tmp('lawdesk-lock-');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The pid of a process that has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

function runChild(dir: string, rounds: number): Promise<{ ok: boolean; acquired: number; errors: string[]; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/node/bundles/lock-contender.mts'), dir, String(rounds)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', () => {
      try {
        resolve({ ...JSON.parse(out.trim().split('\n').at(-1)!), stderr: err });
      } catch {
        resolve({ ok: false, acquired: 0, errors: [`no result: ${out} ${err}`], stderr: err });
      }
    });
  });
}

describe('writer lock', () => {
  it('6 processes × 10 rounds, each leaving a stale lock when it dies: never two holders, no raw error', async () => {
    const dir = join(work, 'contention');
    mkdirSync(dir, { recursive: true });
    // Start from a stale lock of a dead process, as after a crash.
    writeFileSync(join(dir, 'library.lock'), JSON.stringify({ pid: deadPid(), host: hostname(), token: 'dead' }));
    const results = await Promise.all(Array.from({ length: 6 }, () => runChild(dir, 10)));
    for (const r of results) expect(r.errors, r.stderr).toEqual([]);
    expect(results.map((r) => r.acquired)).toEqual([10, 10, 10, 10, 10, 10]);
  }, 120_000);

  it('an empty lock file (being created) is not stale until the grace period has passed', () => {
    const dir = join(work, 'empty');
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'library.lock');
    writeFileSync(path, '');
    const lock = new WriterLock(path);
    expect(lock.tryAcquire()).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe('');
    const old = (Date.now() - LOCK_GRACE_MS - 5000) / 1000;
    utimesSync(path, old, old);
    expect(lock.tryAcquire()).toBe(true);
    expect(JSON.parse(readFileSync(path, 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(existsSync(path)).toBe(false);
  });

  it('a live owner is respected; a reused pid (other start time) is stale', () => {
    const dir = join(work, 'live');
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'library.lock');
    const lock = new WriterLock(path);
    writeFileSync(path, JSON.stringify({ pid: process.ppid, start: processStart(process.ppid), host: hostname(), token: 'parent' }));
    expect(lock.tryAcquire()).toBe(false);
    expect(lock.busyMessage()).toMatch(new RegExp(`PID ${process.ppid}）修改`));
    if (process.platform === 'linux') {
      writeFileSync(path, JSON.stringify({ pid: process.ppid, start: 't:1', host: hostname(), token: 'reused' }));
      expect(lock.tryAcquire()).toBe(true);
      lock.release();
    }
  });

  it('release() removes only its own lock', () => {
    const dir = join(work, 'release');
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'library.lock');
    const lock = new WriterLock(path);
    expect(lock.tryAcquire()).toBe(true);
    // Someone else's lock now stands under that name (ours was broken as stale and re-taken).
    const theirs = JSON.stringify({ pid: process.ppid, host: hostname(), token: 'theirs' });
    writeFileSync(path, theirs);
    lock.release();
    expect(readFileSync(path, 'utf8')).toBe(theirs);
  });

  it('a dead writer’s lock is described as such, not as a process that “is writing”', () => {
    const dir = join(work, 'dead-msg');
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'library.lock');
    const pid = deadPid();
    writeFileSync(path, JSON.stringify({ pid, host: hostname(), token: 'x' }));
    const msg = new WriterLock(path).busyMessage();
    expect(msg).toContain(`已退出进程（PID ${pid}）`);
    expect(msg).not.toMatch(/正被.*修改/);
  });

  it('a reader opening the library while another process holds the lock deletes no temp file', async () => {
    const dir = join(work, 'reader');
    await LibraryStore.open(dir); // create the library
    const tmpBody = join(dir, 'bodies', '.abc.json.12345.deadbeef.tmp');
    writeFileSync(tmpBody, '{"half":');
    writeFileSync(join(dir, 'library.lock'), JSON.stringify({ pid: process.ppid, start: processStart(process.ppid), host: hostname(), token: 'importer' }));
    await LibraryStore.open(dir);
    expect(existsSync(tmpBody)).toBe(true);
    rmSync(join(dir, 'library.lock'));
    await LibraryStore.open(dir); // now free: recovery runs under the lock
    expect(existsSync(tmpBody)).toBe(false);
  });
});
