// Temp files of writes and exports killed with -9 are removed at the next start: in the library
// (any sub-folder) when it is opened, in the app's export folder when the service starts, and in
// the folder a CLI export writes to when the next export runs there. Only our own pattern, only
// when the writing process is gone; other files, and temp files of a writer still alive, stay.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ZipWriter } from '../../../electron/core/bundles/zip-file';
import { openLibrary } from '../../../electron/core/library/open-library';
import { writeExportFile } from '../../../electron/core/packs/pack-export';
import { sweepStaleTemps } from '../../../electron/core/util/stale-temps';
import { openTestApp } from '../test-app';

const root = mkdtempSync(join(tmpdir(), 'lawdesk-stale-temps-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

/**
 * A real writer: a child process that opens a temp file the way atomic-write.ts names it, writes
 * half of it and waits. `kill` makes it a crash (kill -9). Returns the temp file's path.
 */
async function writer(dir: string, finalName: string, kill: boolean): Promise<string> {
  const script = `const fs=require('fs'),p=require('path');const t=p.join(${JSON.stringify(dir)},'.'+${JSON.stringify(finalName)}+'.'+process.pid+'.'+require('crypto').randomBytes(4).toString('hex')+'.tmp');const fd=fs.openSync(t,'wx');fs.writeSync(fd,'PK half a zip');process.stdout.write(t+'\\n');setInterval(()=>{},1000);`;
  const c = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(c);
  const tmp = await new Promise<string>((resolve) => c.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim())));
  if (kill) {
    const exited = new Promise((r) => c.once('exit', r));
    c.kill('SIGKILL');
    await exited;
  }
  return tmp;
}

/** Files that look like temp files but are not ours: they must survive every sweep. */
function notOurs(dir: string): string[] {
  const names = ['.notes.tmp', 'draft.tmp', '.law.json.123.zzzzzzzz.tmp', '.law.json.1.abcd.tmp', 'report.12345.0badc0de.tmp'];
  for (const n of names) writeFileSync(join(dir, n), 'user file');
  return names;
}

describe('stale temp files are cleaned at the next start', () => {
  it('in the library, any sub-folder, when it is opened; a live writer’s temp and other files stay', async () => {
    const lib = join(root, 'lib');
    const { store } = await openLibrary({ dir: lib, seed: false });
    const bodies = store.bodiesDir;
    mkdirSync(join(lib, 'backups'), { recursive: true });
    const killedBody = await writer(bodies, 'abc.json', true);
    const killedBackup = await writer(join(lib, 'backups'), 'records-20261204.json', true);
    const killedCatalog = await writer(lib, 'library.json', true);
    const live = await writer(lib, 'records.json', false);
    const mine = notOurs(lib);
    for (const f of [killedBody, killedBackup, killedCatalog, live]) expect(existsSync(f)).toBe(true);
    await openLibrary({ dir: lib, seed: false });
    expect(existsSync(killedBody)).toBe(false);
    expect(existsSync(killedBackup)).toBe(false);
    expect(existsSync(killedCatalog)).toBe(false);
    expect(existsSync(live), 'a writer still at work keeps its temp file').toBe(true);
    for (const n of mine) expect(existsSync(join(lib, n)), n).toBe(true);
  });

  it('in the app’s export folder when the service starts, and nowhere else', async () => {
    const exportDir = join(root, 'exports');
    const elsewhere = join(root, 'elsewhere');
    mkdirSync(exportDir, { recursive: true });
    mkdirSync(elsewhere, { recursive: true });
    const killedBundle = await writer(exportDir, '法规资料包-2026-12-04.lawdesk', true);
    const killedPack = await writer(exportDir, '汇编.docx', true);
    const notOurFolder = await writer(elsewhere, 'x.lawdesk', true);
    const mine = notOurs(exportDir);
    const service = await openTestApp(root, { libraryDir: join(root, 'lib2'), exportDir });
    try {
      expect(existsSync(killedBundle)).toBe(false);
      expect(existsSync(killedPack)).toBe(false);
      expect(existsSync(notOurFolder), 'a folder that is not ours is not swept').toBe(true);
      expect(readdirSync(exportDir).sort()).toEqual([...mine].sort());
    } finally {
      service.close();
    }
  });

  it('in the folder a CLI export writes to, when the next export runs there (bundle and pack)', async () => {
    const out = join(root, 'user-folder');
    mkdirSync(out, { recursive: true });
    const killedBundle = await writer(out, 'a.lawdesk', true);
    const killedPack = await writer(out, 'b.docx', true);
    const live = await writer(out, 'c.lawdesk', false);
    const mine = notOurs(out);
    const z = new ZipWriter(join(out, 'new.lawdesk'));
    z.add({ name: 'README.txt', data: Buffer.from('x') });
    z.finish();
    expect(existsSync(killedBundle)).toBe(false);
    expect(existsSync(killedPack)).toBe(false);
    expect(existsSync(live)).toBe(true);
    const killedAgain = await writer(out, 'b.docx', true);
    writeExportFile(join(out, 'b.html'), '<p>汇编</p>');
    expect(existsSync(killedAgain)).toBe(false);
    expect(readdirSync(out).sort()).toEqual([...mine, basename(live), 'b.html', 'new.lawdesk'].sort());
  });

  it('a temp file whose pid was reused by a running process is kept for a day, then removed', () => {
    const d = mkdtempSync(join(root, 'reuse-'));
    const name = `.law.json.${process.ppid}.0123abcd.tmp`;
    writeFileSync(join(d, name), 'x');
    expect(sweepStaleTemps(d, { isRunning: () => true })).toEqual([]);
    expect(sweepStaleTemps(d, { isRunning: () => true, now: Date.now() + 25 * 3600_000 })).toEqual([join(d, name)]);
  });
});
