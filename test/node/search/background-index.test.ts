// Index builds and updates hand the event loop back (an app stays responsive and its progress
// events get out), and a background update never shows a half-updated index.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
