// Several time-sliced jobs share the event loop: each turn lets one of them run a slice, so the
// loop is held for one slice per turn however many jobs run (a folder import, the index catching up
// and the link graph used to run a slice each in the same turn: three slices, one long pause).
import { describe, expect, it } from 'vitest';
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
