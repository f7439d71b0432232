// The one registry of things prepared by a preview and waiting for the user's commit (uploaded
// import files, a bundle): each under an unguessable id, with its temp folder removed when it is
// committed, discarded, expired (an hour) or pushed out by newer ones.

import { rmSync } from 'node:fs';
import { newId } from './new-id';

export interface Staged {
  /** Temp folder holding uploaded files; removed with the staging. */
  tempDir?: string;
}

export class StagingRegistry<T extends Staged> {
  private readonly map = new Map<string, T & { id: string; createdAt: number }>();

  constructor(
    private readonly opts: { ttlMs: number; max: number; now?: () => number } = { ttlMs: 60 * 60 * 1000, max: 20 },
  ) {}

  private now(): number {
    return this.opts.now?.() ?? Date.now();
  }

  /** Registers `item` under a new id, first dropping expired ones and the oldest beyond the cap. */
  add(item: T): T & { id: string; createdAt: number } {
    const now = this.now();
    const byAge = [...this.map.values()].sort((a, b) => a.createdAt - b.createdAt);
    for (const s of byAge) if (now - s.createdAt > this.opts.ttlMs || this.map.size >= this.opts.max) this.drop(s.id);
    const staged = { ...item, id: newId('s'), createdAt: now };
    this.map.set(staged.id, staged);
    return staged;
  }

  get(id: string): (T & { id: string; createdAt: number }) | undefined {
    return this.map.get(id);
  }

  /** Forgets a staging and removes its temp folder; false when there was none. */
  drop(id: string): boolean {
    const s = this.map.get(id);
    if (!s) return false;
    this.map.delete(id);
    if (s.tempDir) rmSync(s.tempDir, { recursive: true, force: true });
    return true;
  }

  dropAll(): void {
    for (const id of [...this.map.keys()]) this.drop(id);
  }
}
