// A library on a read-only or full disk still opens for reading, and writing fails with a clear
// Chinese sentence naming the file and what to do — not a raw EROFS/ENOSPC stack, and not "PID n
// is writing" for the stale lock of a process that has exited. The disk faults are injected into
// node:fs (this process runs as any user, so permissions cannot be relied on to refuse writes).

import { spawnSync } from 'node:child_process';
import * as realFs from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const fault = vi.hoisted(() => ({ code: '' as string }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const fail = (name: string) => {
    const e = new Error(`${fault.code}: simulated, ${name}`) as NodeJS.ErrnoException;
    e.code = fault.code;
    throw e;
  };
  const guard =
    <A extends unknown[], R>(name: string, f: (...a: A) => R, isWrite: (...a: A) => boolean = () => true) =>
    (...a: A): R => {
      if (fault.code && isWrite(...a)) fail(name);
      return f(...a);
    };
  const writesFlag = (_p: unknown, flags?: unknown) => typeof flags === 'string' && /[wa+]/.test(flags);
  const patched = {
    ...fs,
    openSync: guard('open', fs.openSync, writesFlag as never),
    writeFileSync: guard('writeFile', fs.writeFileSync),
    mkdirSync: guard('mkdir', fs.mkdirSync, ((p: string) => !fs.existsSync(p)) as never),
    renameSync: guard('rename', fs.renameSync),
    unlinkSync: guard('unlink', fs.unlinkSync),
    linkSync: guard('link', fs.linkSync),
    rmSync: guard('rm', fs.rmSync),
    copyFileSync: guard('copyFile', fs.copyFileSync),
  };
  return { ...patched, default: patched };
});

const { LibraryStore } = await import('../../../electron/core/library/library-store');
const { importPaths } = await import('../../../electron/core/library/library-import');
const { checkLibrary } = await import('../../../electron/core/library/library-check');
const { RECORD_LAWS, tmp } = await import('./bundle-helpers');

const dir = join(tmp('lawdesk-ro-'), 'lib');
let versions = 0;
let deadPid = 0;

beforeAll(async () => {
  const store = await LibraryStore.open(dir);
  await importPaths(store, [RECORD_LAWS]);
  versions = store.versions().length;
  deadPid = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
  // A crash left a stale lock and a temp file: opening would normally clean both up (a write).
  realFs.writeFileSync(join(dir, 'library.lock'), JSON.stringify({ pid: deadPid, host: hostname(), token: 'dead' }));
  realFs.writeFileSync(join(dir, 'bodies', '.x.json.1.ab.tmp'), '{');
});
afterAll(() => {
  fault.code = '';
  realFs.rmSync(join(dir, '..'), { recursive: true, force: true });
});

describe.each(['EROFS', 'ENOSPC', 'EACCES'])('a library whose disk refuses writes (%s)', (code) => {
  it('opens for reading, lists and checks, and refuses an import with a clear message', async () => {
    fault.code = code;
    try {
      const store = await LibraryStore.open(dir);
      expect(store.versions().length).toBe(versions);
      expect(store.loadVersion(store.versions()[0]!.id).units.length).toBeGreaterThan(0);
      expect(checkLibrary(store).filter((p) => !p.file?.endsWith('.tmp'))).toEqual([]);
      expect(store.readOnlyReason).toMatch(/资料库不能写入/);
      const err = await importPaths(store, [RECORD_LAWS]).then(
        () => new Error('imported'),
        (e: Error) => e,
      );
      expect(err.message).toContain('资料库不能写入');
      expect(err.message).toContain(`已退出的进程 PID ${deadPid}`);
      expect(err.message).toContain('library.lock');
      expect(err.message).toMatch(code === 'ENOSPC' ? /磁盘已满/ : code === 'EROFS' ? /只读/ : /没有写入权限/);
      expect(err.message).not.toMatch(/正被.*修改/);
    } finally {
      fault.code = '';
    }
  });
});
