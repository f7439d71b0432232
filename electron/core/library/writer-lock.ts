// One writer at a time per library (the app and the CLI may both be open): an exclusive lock
// file holding the writer's pid. A lock whose pid no longer runs is stale and is taken over.

import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class WriterLock {
  private held = 0;
  constructor(readonly path: string) {}

  /** Takes the lock (re-entrant within this process); false when another live process holds it. */
  tryAcquire(): boolean {
    if (this.held > 0) {
      this.held++;
      return true;
    }
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(this.path, 'wx');
        writeSync(fd, String(process.pid));
        closeSync(fd);
        this.held = 1;
        return true;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        const pid = Number(readFileSync(this.path, 'utf8').trim());
        if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) return false;
        try {
          unlinkSync(this.path); // stale: its writer died
        } catch {
          /* raced with another taker */
        }
      }
    }
    return false;
  }

  holder(): number | undefined {
    try {
      const pid = Number(readFileSync(this.path, 'utf8').trim());
      return Number.isInteger(pid) ? pid : undefined;
    } catch {
      return undefined;
    }
  }

  release(): void {
    if (this.held === 0) return;
    this.held--;
    if (this.held === 0) {
      try {
        unlinkSync(this.path);
      } catch {
        /* already gone */
      }
    }
  }
}
