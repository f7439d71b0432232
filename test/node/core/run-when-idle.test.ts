// runWhenIdle: a background warm-up waits for a quiet moment (core/util/run-when-idle.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runWhenIdle } from '../../../electron/core/util/run-when-idle';

afterEach(() => {
  vi.useRealTimers();
});

describe('runWhenIdle', () => {
  it('runs once the state has stayed the same for the quiet time, not while it changes', () => {
    vi.useFakeTimers();
    let generation = 0;
    const run = vi.fn();
    runWhenIdle(4000, () => String(generation), run);
    vi.advanceTimersByTime(3000);
    generation++; // an import commits
    vi.advanceTimersByTime(1000); // 4 s since the start, but the state moved: wait again
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2000);
    generation++; // still importing
    vi.advanceTimersByTime(2000);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(3999);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60_000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('never runs once cancelled (the service closed)', () => {
    vi.useFakeTimers();
    const run = vi.fn();
    const cancel = runWhenIdle(4000, () => 'same', run);
    vi.advanceTimersByTime(3999);
    cancel();
    vi.advanceTimersByTime(10_000);
    expect(run).not.toHaveBeenCalled();
  });
});
