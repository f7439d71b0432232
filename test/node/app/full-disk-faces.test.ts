// A full disk seen from each face: ENOSPC injected into every write of a temp file in the library
// (node:fs wrapped), then the same change (the office profile) asked through the CLI, the
// browser face's HTTP API and the Electron IPC handler. Each answers with a clear Chinese message
// naming the file (磁盘已满 … office.json) — no stack trace, no 内部错误 — and the same code,
// DISK_FULL (CLI exit 3 and {"error": {code, message, file}} with --json, HTTP 507, the IPC
// envelope's code), and the library folder is byte-for-byte unchanged, with no temp file left.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const faults = vi.hoisted(() => ({ fullDiskUnder: '', fdPaths: new Map<number, string>(), hits: 0 }));

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const openSync = ((path: import('node:fs').PathLike, ...rest: unknown[]) => {
    const fd = (real.openSync as (...a: unknown[]) => number)(path, ...rest);
    faults.fdPaths.set(fd, String(path));
    return fd;
  }) as typeof real.openSync;
  const writeSync = ((fd: number, ...rest: unknown[]) => {
    const p = faults.fdPaths.get(fd) ?? '';
    if (faults.fullDiskUnder && p.startsWith(faults.fullDiskUnder) && p.endsWith('.tmp')) {
      faults.hits++;
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    }
    return (real.writeSync as (...a: unknown[]) => number)(fd, ...rest);
  }) as typeof real.writeSync;
  const wrapped = { openSync, writeSync };
  return { ...real, ...wrapped, default: { ...real, ...wrapped } };
});

const { snapshot } = await import('../bundles/bundle-helpers');
const { main: cli } = await import('../../../electron/cli/main');
const { startBrowserFace } = await import('../../../electron/server/browser-face');
const { MemorySettingsStore } = await import('../../../electron/core/api/settings-file');
const { registerIpc } = await import('../../../electron/main/ipc');
const { AppService } = await import('../../../electron/core/api/app-service');

const work = mkdtempSync(join(tmpdir(), 'lawdesk-full-disk-'));
const lib = join(work, 'library');
// the article mappings are a cache the app computes in the background a few seconds after opening
const ignore = (rel: string) => rel === 'library.lock' || rel.startsWith(join('derived', 'mappings'));
const expected = (m: string) => {
  expect(m).toContain(join(lib, 'office.json'));
  expect(m).toMatch(/磁盘已满.*ENOSPC/);
  expect(m).not.toMatch(/内部错误|at \w+ \(|Error:/);
};

beforeAll(async () => {
  // A library with an office profile already saved: the failed write must leave it as it was.
  expect(await cli(['office', '--unit', '高青县科学技术局', '--library', lib])).toBe(0);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function onFullDisk(run: () => Promise<string>): Promise<string> {
  const before = snapshot(lib, ignore);
  faults.fullDiskUnder = lib;
  faults.hits = 0;
  let message: string;
  try {
    message = await run();
  } finally {
    faults.fullDiskUnder = '';
  }
  expect(faults.hits, 'the write reached the full disk').toBeGreaterThan(0);
  expect([...snapshot(lib, ignore)]).toEqual([...before]);
  return message;
}

describe('a full disk (ENOSPC) on every face: a clear message naming the file, the library intact', () => {
  it('CLI', async () => {
    const err: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
    let code = 0;
    const message = await onFullDisk(async () => {
      try {
        code = await cli(['office', '--unit', '另一个单位', '--library', lib]);
      } finally {
        spy.mockRestore();
      }
      return err.join('');
    });
    expect(code).toBe(3); // the environment class: fix the disk and retry
    expect(message).toMatch(/^错误：/);
    expected(message);
  });

  it('CLI --json: the one error shape on stdout, code DISK_FULL and the file', async () => {
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
    let code = 0;
    await onFullDisk(async () => {
      try {
        code = await cli(['office', '--unit', '另一个单位', '--library', lib, '--json']);
      } finally {
        spy.mockRestore();
      }
      return out.join('');
    });
    expect(code).toBe(3);
    const { error } = JSON.parse(out.join('')) as { error: { code: string; message: string; file: string } };
    expect(error.code).toBe('DISK_FULL');
    expect(error.file).toBe(join(lib, 'office.json'));
    expected(error.message);
  });

  it('browser face (HTTP API)', async () => {
    const renderer = join(work, 'renderer');
    mkdirSync(renderer, { recursive: true });
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>法规案头</title>');
    const face = await startBrowserFace({ libraryDir: lib, settings: new MemorySettingsStore(), rendererDir: renderer });
    try {
      // The face opens (builds) the search index in the background, with a scratch spool in
      // index/ until it ends: the library is compared once that work is done.
      await face.service.searchReady();
      const send = (body: string) =>
        new Promise<{ status: number; body: string }>((resolve, reject) => {
          const req = request(
            { host: '127.0.0.1', port: face.port, path: '/api/office:set', method: 'POST', headers: { host: `127.0.0.1:${face.port}`, 'content-type': 'application/json', 'x-lawdesk-token': face.token } },
            (res) => {
              let b = '';
              res.on('data', (d) => (b += d));
              res.on('end', () => resolve({ status: res.statusCode ?? 0, body: b }));
            },
          );
          req.on('error', reject);
          req.end(body);
        });
      let status = 0;
      let error = { code: '', message: '', file: '' };
      await onFullDisk(async () => {
        const r = await send(JSON.stringify({ unit: '另一个单位' }));
        status = r.status;
        error = (JSON.parse(r.body) as { error: typeof error }).error;
        return error.message;
      });
      expect(status).toBe(507); // Insufficient Storage, not 500
      expect(error.code).toBe('DISK_FULL');
      expect(error.file).toBe(join(lib, 'office.json'));
      expected(error.message);
    } finally {
      await face.stop();
    }
  });

  it('Electron IPC (main-process handler, typed fake ipcMain — not run in Electron)', async () => {
    const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
    const ipcMain = { handle: (ch: string, fn: (event: unknown, input: unknown) => Promise<unknown>) => void handlers.set(ch, fn) };
    const service = await AppService.open({ libraryDir: lib, seed: false, search: false, face: 'electron', settings: new MemorySettingsStore(), exportDir: join(work, 'exports'), stagingRoot: join(work, 'staging') });
    try {
      registerIpc(ipcMain as never, () => service, {});
      const event = { senderFrame: { parent: null, url: 'app://lawdesk/index.html' } };
      const r = (await onFullDisk(async () => JSON.stringify(await handlers.get('office:set')!(event, { unit: '另一个单位' })))) as string;
      const envelope = JSON.parse(r) as { ok: boolean; error: { code: string; message: string; file: string } };
      expect(envelope.ok).toBe(false);
      expect(envelope.error.code).toBe('DISK_FULL');
      expect(envelope.error.file).toBe(join(lib, 'office.json'));
      expected(envelope.error.message);
    } finally {
      service.close();
    }
  });
});
