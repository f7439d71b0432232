// The key table of a segment is sorted in steps (a native sort of a million keys held the event
// loop for 50–150 ms): the result must be exactly the native int32 order findKey relies on.

import { describe, expect, it } from 'vitest';
import { sortKeysSteps } from '../../../electron/core/search/segment';

describe('sortKeysSteps', () => {
  it('sorts unigram and bigram keys (negative ones included) as Int32Array.sort does, in many steps', () => {
    // Keys as the build makes them: a character (< 65536) or (c1 << 16) | c2, negative for c1 ≥ 0x8000.
    let seed = 7;
    const rnd = () => ((seed = Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const set = new Set<number>();
    while (set.size < 200_000) {
      const c1 = rnd() < 0.05 ? 0 : 0x4e00 + Math.floor(rnd() * 0xb000); // CJK and beyond 0x8000
      const c2 = 0x20 + Math.floor(rnd() * 0xff00);
      set.add(((c1 << 16) | c2) | 0);
    }
    const keys = Int32Array.from(set);
    const gen = sortKeysSteps(keys);
    let steps = 0;
    let r = gen.next();
    for (; !r.done; r = gen.next()) steps++;
    expect([...r.value]).toEqual([...Int32Array.from(keys).sort()]);
    expect(r.value.some((k) => k < 0)).toBe(true);
    expect(steps).toBeGreaterThan(10);
  });
});
