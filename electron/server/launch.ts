// What `npm start` needs before a face can run: is Electron's binary here (checked from the
// electron package's path.txt and dist/, never by require('electron'), which would try to
// download it), is the build up to date (else build it), and can a browser be opened.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { appRoot } from '../core/library/open-library';

/** The Electron executable, or undefined when the package is installed without its binary. */
export function electronBinary(root = appRoot()): string | undefined {
  let pkgDir: string;
  try {
    pkgDir = dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
  const pathFile = join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const rel = readFileSync(pathFile, 'utf8').trim();
  const base = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(pkgDir, 'dist');
  const exe = join(base, rel);
  return rel && existsSync(exe) ? exe : undefined;
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, name)));
  }
  return newest;
}

const OUTPUTS = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];

/** True when out/ is missing or older than the sources it is built from. */
export function buildIsStale(root = appRoot()): boolean {
  const outs = OUTPUTS.map((p) => join(root, p));
  if (!outs.every((p) => existsSync(p))) return true;
  const built = Math.min(...outs.map((p) => statSync(p).mtimeMs));
  const sources = Math.max(
    newestMtime(join(root, 'renderer')),
    newestMtime(join(root, 'electron')),
    newestMtime(join(root, 'build', 'electron.vite.config.ts')),
    // It renders antd's styles into the bundle (virtual:antd-static.css).
    newestMtime(join(root, 'build', 'antd-static-style.tsx')),
    newestMtime(join(root, 'package.json')),
  );
  return sources > built;
}

/** Runs `electron-vite build` (offline). Returns its exit code; output only on failure. */
export function buildApp(root = appRoot(), opts: { verbose?: boolean } = {}): number {
  const cli = join(dirname(createRequire(join(root, 'package.json')).resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  const r = spawnSync(process.execPath, [cli, 'build', '--config', join(root, 'build', 'electron.vite.config.ts')], { cwd: root, stdio: opts.verbose ? 'inherit' : 'pipe', encoding: 'utf8' });
  if (r.status !== 0 && !opts.verbose) process.stderr.write(`${r.stdout ?? ''}${r.stderr ?? ''}`);
  return r.status ?? 1;
}

/** Opens a URL in the user's browser when there is one to open (never in CI or headless). */
export function openInBrowser(url: string): boolean {
  if (process.env.CI || process.env.LAWDESK_NO_BROWSER) return false;
  let cmd: string;
  let args: string[];
  if (process.platform === 'win32') [cmd, args] = ['cmd', ['/c', 'start', '""', url]];
  else if (process.platform === 'darwin') [cmd, args] = ['open', [url]];
  else {
    if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return false;
    cmd = 'xdg-open';
    if (spawnSync('sh', ['-c', 'command -v xdg-open'], { stdio: 'ignore' }).status !== 0) return false;
    args = [url];
  }
  try {
    spawn(cmd, args, { stdio: 'ignore', detached: true }).unref();
    return true;
  } catch {
    return false;
  }
}

/** The parent and grandparent process ids (npm → sh → node): from /proc on Linux, else the parent only. */
export function ancestors(pid = process.pid, depth = 2): number[] {
  const out: number[] = [];
  let at = pid;
  for (let i = 0; i < depth; i++) {
    let parent: number | undefined;
    if (at === process.pid) parent = process.ppid;
    else {
      try {
        // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces and parentheses.
        const stat = readFileSync(`/proc/${at}/stat`, 'utf8');
        parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      } catch {
        break;
      }
    }
    if (!parent || parent <= 1) break;
    out.push(parent);
    at = parent;
  }
  return out;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Calls `onGone` once when the process that started us goes away (npm killed, the terminal
 * closed): the server must not outlive `npm start`. Polls, since no signal reaches an orphan.
 */
export function exitWithParent(onGone: () => void, intervalMs = 1000): () => void {
  const watched = ancestors();
  const startPpid = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== startPpid || watched.some((p) => !alive(p))) {
      clearInterval(timer);
      onGone();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
