// Index builds and updates hand the event loop back (an app stays responsive and its progress
// events get out), and a background update never shows a half-updated index.

import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndexProgress } from '../../../electron/core/search/index-segments';
import { TimeSlicer } from '../../../electron/core/util/time-slicer';
import type { LibraryStore } from '../../../electron/core/library/library-store';
import { SearchEngine } from '../../../electron/core/search/search-engine';
import { addCopies as copyLaws } from '../library-copies';
import { SlicerGate } from './held-slicer';
import { fixtureLibrary, truth } from './search-fixtures';

let store: LibraryStore;
let cleanup: () => void;

const addCopies = (copies: number, tag: string) => copyLaws(store, copies, tag);

const hitIds = (e: SearchEngine, q: string) => new Set(e.matchAll({ q }).map((h) => `${h.versionId}#${h.articleKey}`));

beforeAll(async () => {
  ({ store, cleanup } = await fixtureLibrary());
  await addCopies(40, 'a'); // ≈ 40 × the fixture: a build of several hundred milliseconds
});
afterAll(() => cleanup?.());

describe('time-sliced index maintenance', () => {
  it('building a missing index lets timers run between its steps, with progress all along', async () => {
    const timeline: string[] = [];
    const tick = setInterval(() => timeline.push('tick'), 1);
    let engine: SearchEngine | undefined;
    try {
      engine = await SearchEngine.open(store, { persist: false, onProgress: (p) => timeline.push(p.phase) });
    } finally {
      clearInterval(tick);
    }
    const first = timeline.indexOf('index');
    const last = timeline.lastIndexOf('index');
    expect(first).toBeGreaterThanOrEqual(0);
    // Timers fired while the index was being built, not only before or after it.
    expect(timeline.slice(first, last).filter((x) => x === 'tick').length).toBeGreaterThan(0);
    expect(hitIds(engine, '行政许可')).toEqual(truth(store, ['行政许可']));
    engine.close();
  });

  it('a background update keeps answering from the old index, then swaps the new one in whole', async () => {
    let idle: () => void = () => {};
    const engine = await SearchEngine.open(store, { background: true, onIdle: () => idle() });
    const before = hitIds(engine, '统计');
    expect(before).toEqual(truth(store, ['统计']));
    const updated = new Promise<void>((resolve) => (idle = resolve));
    const added = await addCopies(20, 'b');
    // Queries during the update: never an error, never a mix — the old answer until it is done.
    const during: number[] = [];
    const poll = setInterval(() => during.push(engine.matchAll({ q: '统计' }).length), 2);
    await updated;
    clearInterval(poll);
    const after = hitIds(engine, '统计');
    expect(after).toEqual(truth(store, ['统计']));
    expect(after.size).toBeGreaterThan(before.size);
    expect(during.length).toBeGreaterThan(0);
    for (const n of during) expect([before.size, after.size]).toContain(n);
    const copy = store.laws().find((l) => added.some((id) => id.startsWith(l.id + '@')) && l.title.includes('统计法'))!;
    expect(engine.search({ q: '统计', lawId: copy.id }).total).toBeGreaterThan(0);
    engine.close();
    // The update was written: a new engine opens it without rebuilding.
    const phases: string[] = [];
    const again = await SearchEngine.open(store, { onProgress: (p) => phases.push(p.phase) });
    expect(phases).toEqual([]);
    expect(hitIds(again, '统计')).toEqual(after);
    again.close();
  });

  it('a rebuild started during a background update supersedes it; the result is exact', async () => {
    const gate = new SlicerGate();
    let idle = 0;
    const engine = await SearchEngine.open(store, { background: true, slicer: gate.factory, onIdle: () => idle++ });
    idle = 0; // opening was one finished job
    gate.arm();
    await addCopies(10, 'c');
    await gate.paused; // the background update is running, held at its first pause
    await engine.reindex();
    expect(idle).toBe(1); // the rebuild finished; the held update did not
    expect(hitIds(engine, '许可')).toEqual(truth(store, ['许可']));
    gate.release();
    // One turn of the event loop lets the released update resume: superseded, it gives up at
    // once instead of taking another step (or finishing and swapping its stale list in).
    await new Promise((r) => setImmediate(r));
    expect(gate.pausesAfterRelease).toBe(0);
    expect(idle).toBe(1);
    expect(hitIds(engine, '许可')).toEqual(truth(store, ['许可']));
    engine.close();
  });

  it('every part of a build is steps: a timer between them sees it reading, in both passes and mid-write', async () => {
    rmSync(join(store.dir, 'index'), { recursive: true, force: true });
    let last: IndexProgress | undefined;
    const seen: IndexProgress[] = [];
    let ticking = true;
    // Runs between any two steps (the slicer below hands the loop back after every step).
    const tick = () => {
      if (last) seen.push(last);
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    let engine: SearchEngine | undefined;
    try {
      engine = await SearchEngine.open(store, { slicer: () => new EveryStep(), onProgress: (p) => (last = { ...p }) });
    } finally {
      ticking = false;
    }
    const mid = (phase: IndexProgress['phase']) => seen.filter((p) => p.phase === phase && p.done > 0 && p.done < p.total);
    expect(mid('read').length).toBeGreaterThan(0);
    const index = mid('index');
    // Both posting passes: the first reports up to 45 % of the articles, the second the rest.
    expect(index.some((p) => p.done < p.total * 0.4)).toBe(true);
    expect(index.some((p) => p.done > p.total * 0.5)).toBe(true);
    // The segment file is written in pieces, not in one call.
    expect(new Set(mid('write').map((p) => p.done)).size).toBeGreaterThan(1);
    expect(hitIds(engine, '行政许可')).toEqual(truth(store, ['行政许可']));
    engine.close();
  });

  it('a job superseded in the middle of writing its segment leaves no temp file behind', async () => {
    let writing = false;
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    let noteHeld: () => void = () => {};
    const held = new Promise<'held'>((r) => (noteHeld = () => r('held')));
    // The armed job is held at a pause in the middle of its write; every other job runs freely.
    class HeldMidWrite extends EveryStep {
      override async pause(): Promise<void> {
        if (writing) {
          noteHeld();
          await gate;
        }
        return super.pause();
      }
    }
    let armed = false;
    const factory = (): TimeSlicer => {
      if (!armed) return new TimeSlicer();
      armed = false;
      return new HeldMidWrite();
    };
    const engine = await SearchEngine.open(store, { slicer: factory });
    armed = true;
    const first = engine.reindex((p) => (writing = p.phase === 'write' && p.done > 0 && p.done < p.total));
    expect(await Promise.race([held, first.then(() => 'finished' as const)])).toBe('held');
    const dir = join(store.dir, 'index');
    expect(readdirSync(dir).some((n) => n.endsWith('.tmp'))).toBe(true);
    writing = false;
    await engine.reindex(); // supersedes the held one
    release();
    await first; // it gives up at its next step, and its temp file goes
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(hitIds(engine, '许可')).toEqual(truth(store, ['许可']));
    engine.close();
  });
});

/** A slicer that hands the event loop back after every step. */
class EveryStep extends TimeSlicer {
  override get due(): boolean {
    return true;
  }
}
