// Several time-sliced jobs share the event loop: each turn lets one of them run a slice, so the
// loop is held for one slice per turn however many jobs run (a folder import, the index catching up
// and the link graph used to run a slice each in the same turn: three slices, one long pause).
import { describe, expect, it, vi } from 'vitest';
import { TimeSlicer } from '../../../electron/core/util/time-slicer';

describe('TimeSlicer', () => {
  it('lets one waiting job go per turn of the event loop, with other callbacks between them', async () => {
    const log: string[] = [];
    const a = new TimeSlicer(0);
    const b = new TimeSlicer(0);
    const jobA = a.pause().then(() => log.push('A'));
    const jobB = b.pause().then(() => log.push('B'));
    // queued after both jobs paused: with a turn per job it would run after both
    setImmediate(() => log.push('other'));
    await Promise.all([jobA, jobB]);
    await new Promise((ok) => setImmediate(ok));
    expect(log).toEqual(['A', 'other', 'B']);
  });

  it('takes the jobs in turn (round robin) until each is done', async () => {
    const log: string[] = [];
    const job = async (name: string, steps: number) => {
      const s = new TimeSlicer(0);
      for (let i = 0; i < steps; i++) {
        log.push(`${name}${i}`);
        await s.maybePause();
      }
    };
    await Promise.all([job('a', 3), job('b', 2)]);
    expect(log).toEqual(['a0', 'b0', 'a1', 'b1', 'a2']);
  });
});

describe('a slicer made inside a running slice', () => {
  it('counts from the turn’s start: a job that already used most of its slice does not get another whole one', async () => {
    let now = 1000;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => now);
    try {
      const outer = new TimeSlicer(20);
      await outer.pause(); // the job's turn starts at 1000
      now = 1015; // 15 ms of its slice used, then it starts a nested step (a commit's write)
      const inner = new TimeSlicer(20);
      expect(inner.due).toBe(false);
      now = 1021;
      expect(inner.due, '21 ms into the turn, though only 6 ms since the inner slicer was made').toBe(true);
      expect(outer.due).toBe(true);
    } finally {
      clock.mockRestore();
    }
  });
});
