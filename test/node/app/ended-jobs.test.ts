// The workbench's background recognitions (workbench:ocrJob) kept for a page to collect their end:
// bounded by age and by number, whatever is left uncollected; a running job is never dropped.

import { describe, expect, it } from 'vitest';
import { EndedJobs } from '../../../electron/core/api/ended-jobs';

describe('ended jobs left uncollected', () => {
  it('expire after the keep time, counted from their end, at the next start or end', () => {
    let now = 0;
    const t = new EndedJobs<string>({ now: () => now, keepMs: 1000, max: 10 });
    t.start('r1', 'scan 1');
    t.start('r2', 'scan 2');
    now = 500;
    t.ended('r1', 'scan 1');
    now = 5000; // r2 has run for 5 s: running jobs do not expire
    t.start('r3', 'scan 3');
    expect(t.get('r1')).toBeUndefined();
    expect(t.running('r2')).toBe(true);
    t.ended('r2', 'scan 2');
    expect(t.get('r2')).toBe('scan 2');
    expect(t.size).toBe(2);
  });

  it('beyond the most kept, the oldest ended go first; running ones stay', () => {
    let now = 0;
    const t = new EndedJobs<number>({ now: () => now, max: 2 });
    for (let i = 1; i <= 5; i++) t.start(`r${i}`, i);
    for (let i = 1; i <= 4; i++) {
      now += 1;
      t.ended(`r${i}`, i);
    }
    expect([1, 2, 3, 4, 5].map((i) => t.get(`r${i}`))).toEqual([undefined, undefined, 3, 4, 5]);
    expect(t.running('r5')).toBe(true);
    expect(t.size).toBe(3);
  });

  it('collecting an old job’s end leaves the newer job of the same review alone', () => {
    const t = new EndedJobs<string>();
    t.start('r1', 'first');
    t.ended('r1', 'first');
    t.start('r1', 'second');
    t.ended('r1', 'first'); // a late end of the replaced job changes nothing
    expect(t.running('r1')).toBe(true);
    t.collect('r1', 'first');
    expect(t.get('r1')).toBe('second');
    t.ended('r1', 'second');
    t.collect('r1', 'second');
    expect(t.size).toBe(0);
  });
});
