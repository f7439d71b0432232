// `npm start` must not leave the server behind: a process watching its parent with exitWithParent
// ends when the process that started it is killed outright (SIGKILL reaches no child).

import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';

const LAUNCH = resolve(import.meta.dirname, '../../../electron/server/launch.ts');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

it.skipIf(process.platform === 'win32')('a server started through a shell stops when the shell is killed', async () => {
  const script = `import(${JSON.stringify(LAUNCH)}).then((m) => { m.exitWithParent(() => process.exit(0), 200); console.log(process.pid); setInterval(() => {}, 1000); })`;
  // sh stays the parent (a second command after node keeps it from exec'ing node), as npm's sh does.
  const sh = spawn('sh', ['-c', `${JSON.stringify(process.execPath)} --import tsx -e '${script}'; true`], { stdio: ['ignore', 'pipe', 'inherit'] });
  const pid = await new Promise<number>((ok) => sh.stdout.once('data', (d: Buffer) => ok(Number(String(d).trim()))));
  expect(alive(pid)).toBe(true);
  sh.kill('SIGKILL');
  await expect.poll(() => alive(pid), { timeout: 10_000, interval: 100 }).toBe(false);
}, 30_000);
