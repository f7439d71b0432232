// The Chromium that prints a PDF works in one folder of ours (browser-temp.ts), not in
// playwright_chromiumdev_profile-* / playwright-artifacts-* of the system temp folder: a kill -9 of
// the exporting process leaves that folder, and the next start (a printer launch or AppService)
// removes it — only folders of our pattern, only when their process is gone. Each child gets its
// own TMPDIR, so what Chromium and playwright leave is seen without other programs' files.
import { spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openLibrary } from '../../../electron/core/library/open-library';
import { ChromiumPrinter, chromiumPath } from '../../../electron/core/packs/render-pdf';
import { browserPidOf, browserTempRoot, makeBrowserTempDir, sweepBrowserTemps } from '../../../electron/core/util/browser-temp';
import { processRuns } from '../../../electron/core/util/stale-temps';
import { openTestApp } from '../test-app';

const ROOT = join(import.meta.dirname, '../../..');
const work = mkdtempSync(join(tmpdir(), 'ldbt-')); // short: Chromium's socket path under it must stay < 108 bytes
const children: ChildProcess[] = [];
const savedTmp = process.env.TMPDIR;
afterEach(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
});
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

async function until(cond: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** How many running processes have `dir` in their command line (Chromium's give it as --user-data-dir to each child). */
function processesNaming(dir: string): number {
  let n = 0;
  for (const pid of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dir)) n++;
    } catch {
      /* gone meanwhile */
    }
  }
  return n;
}

/** Everything under `dir`, relative. */
const tree = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();

/** A real exporter: a child that launches the printer, prints one page, says PRINTED and waits to be killed. */
async function killedPrinter(tmp: string): Promise<void> {
  const script = `import { ChromiumPrinter } from ${JSON.stringify(join(ROOT, 'electron/core/packs/render-pdf.ts'))};
const p = await ChromiumPrinter.launch();
await p.print('<!doctype html><p>第一条 测试。</p>');
process.stdout.write('PRINTED ' + p.tempDir + '\\n');
setInterval(() => {}, 1000);`;
  const c = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, env: { ...process.env, TMPDIR: tmp }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(c);
  let err = '';
  c.stderr!.on('data', (d) => (err += d));
  await new Promise<void>((resolve, reject) => {
    c.stdout!.on('data', (d: Buffer) => d.toString().includes('PRINTED') && resolve());
    c.once('exit', (code) => reject(new Error(`printer child exited ${code}: ${err.slice(0, 400)}`)));
  });
  const exited = new Promise((r) => c.once('exit', r));
  c.kill('SIGKILL');
  await exited;
}

describe.skipIf(!chromiumPath())('browser temp folders of PDF exports killed with -9', () => {
  it('are only in our own folder, and the next start removes them', async () => {
    const tmp = join(work, 'k');
    mkdirSync(tmp);
    await killedPrinter(tmp);
    // Nothing of playwright's or Chromium's beside ours in the temp folder; ours holds the killed printer's folder.
    const top = readdirSync(tmp).filter((n) => !n.startsWith('tsx-')); // the TypeScript loader's cache of the child
    expect(top).toEqual([`lawdesk-${process.getuid?.() ?? 'user'}`]);
    process.env.TMPDIR = tmp;
    const left = readdirSync(browserTempRoot());
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/^chromium-\d+-[A-Za-z0-9]{6}$/);
    expect(tree(join(browserTempRoot(), left[0]!)).some((n) => n.startsWith('profile/'))).toBe(true);
    // While the killed exporter's Chromium still shuts down (writing into the profile) the folder is in use.
    // (It may already be gone, lock and all, by the time we look.)
    const chromium = browserPidOf(join(browserTempRoot(), left[0]!));
    if (chromium !== undefined) await until(() => !processRuns(chromium), 30_000, 'the Chromium of the killed exporter to exit');
    // Its GPU, renderer and utility processes go after it, still writing into the folder (CI, 2026-12-05: the
    // start's sweep found the folder busy and left it, as it should): wait until none names the folder.
    await until(() => processesNaming(join(browserTempRoot(), left[0]!)) === 0, 30_000, 'the killed exporter’s Chromium processes to exit');
    // The next start of the app (browser face: its PDFs are printed by this Chromium) removes it.
    const lib = join(work, 'lib');
    await openLibrary({ dir: lib, seed: false });
    const svc = await openTestApp(work, { libraryDir: lib, exportDir: join(work, 'out') });
    svc.close();
    expect(readdirSync(browserTempRoot())).toEqual([]);
    expect(readdirSync(tmp).filter((n) => !n.startsWith('tsx-'))).toEqual([`lawdesk-${process.getuid?.() ?? 'user'}`]);
  }, 120_000);

  it('a printer closed normally leaves nothing; a printer at work keeps its folder through a sweep', async () => {
    process.env.TMPDIR = mkdtempSync(join(work, 'l'));
    const p = await ChromiumPrinter.launch();
    try {
      const pdf = await p.print('<!doctype html><p>第二条 测试。</p>');
      expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      expect(sweepBrowserTemps()).toEqual([]); // its pid is this process: alive
      expect(existsSync(p.tempDir)).toBe(true);
    } finally {
      await p.close();
    }
    expect(readdirSync(browserTempRoot())).toEqual([]);
    expect(readdirSync(process.env.TMPDIR)).toEqual([`lawdesk-${process.getuid?.() ?? 'user'}`]);
  }, 120_000);
});

describe('the sweep removes only what is ours', () => {
  it('leaves look-alike names, files and folders of live processes; removes dead and day-old ones', () => {
    process.env.TMPDIR = mkdtempSync(join(work, 'tmp-sweep-'));
    const live = makeBrowserTempDir(); // this process's: alive
    const root = browserTempRoot();
    const dead = join(root, 'chromium-99999999-aB3dE9'); // above any pid_max: its process is gone
    mkdirSync(join(dead, 'profile', 'Default'), { recursive: true });
    writeFileSync(join(dead, 'profile', 'Default', 'Preferences'), '{}');
    const keep = ['chromium-1-abc', 'chromium-x-abcdef', 'profile', 'chromium-12-abcdefg', 'playwright_chromiumdev_profile-abcdef'];
    for (const k of keep) mkdirSync(join(root, k));
    writeFileSync(join(root, 'chromium-13-abcdef'), 'a file, not a printer folder');
    // a dead exporter whose Chromium still runs (its profile's SingletonLock names a live pid): kept
    const shuttingDown = join(root, 'chromium-99999998-Zz9yX8');
    mkdirSync(join(shuttingDown, 'profile'), { recursive: true });
    symlinkSync(`somehost-${process.pid}`, join(shuttingDown, 'profile', 'SingletonLock'));
    expect(sweepBrowserTemps()).toEqual([dead]);
    expect(existsSync(shuttingDown)).toBe(true);
    expect(existsSync(live)).toBe(true);
    for (const k of [...keep, 'chromium-13-abcdef']) expect(existsSync(join(root, k))).toBe(true);
    // a day later the live pid's folder counts as abandoned (its pid may have been reused)
    expect(sweepBrowserTemps({ now: Date.now() + 25 * 3600_000 }).sort()).toEqual([live, shuttingDown].sort());
  });

  it('does not use or clean a folder that is a link or another user’s', () => {
    process.env.TMPDIR = mkdtempSync(join(work, 'tmp-foreign-'));
    const elsewhere = mkdtempSync(join(work, 'elsewhere-'));
    mkdirSync(join(elsewhere, 'chromium-999999999-abcdef'));
    symlinkSync(elsewhere, browserTempRoot());
    expect(() => makeBrowserTempDir()).toThrow(/不是当前用户自己的文件夹/);
    expect(sweepBrowserTemps()).toEqual([]);
    expect(existsSync(join(elsewhere, 'chromium-999999999-abcdef'))).toBe(true);
    if (process.getuid?.() === 0) {
      rmSync(browserTempRoot());
      mkdirSync(browserTempRoot());
      mkdirSync(join(browserTempRoot(), 'chromium-999999999-abcdef'));
      chownSync(browserTempRoot(), 1000, 1000);
      expect(() => makeBrowserTempDir()).toThrow(/不是当前用户自己的文件夹/);
      expect(sweepBrowserTemps()).toEqual([]);
      expect(existsSync(join(browserTempRoot(), 'chromium-999999999-abcdef'))).toBe(true);
    }
  });
});
