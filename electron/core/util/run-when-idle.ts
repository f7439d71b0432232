// Background warm-ups (a pre-check run to compile and cache, a first diff) are for a quiet moment, not
// for the middle of the user's own work: run inside a folder import, the pre-check warm-up was one
// 107 ms main-thread task of its own (import-ui-bench, session 19 — the import's longest pause).

/**
 * Runs `run` once `state()` has stayed the same for `quietMs` (state: anything that changes while work
 * goes on — the library's generation, whether a task is running); checked again after each `quietMs`
 * until then. Returns a cancel.
 */
export function runWhenIdle(quietMs: number, state: () => string, run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cancelled = false;
  const wait = (seen: string) => {
    timer = setTimeout(() => {
      if (cancelled) return;
      const now = state();
      if (now === seen) run();
      else wait(now);
    }, quietMs);
    timer.unref?.();
  };
  wait(state());
  return () => {
    cancelled = true;
    clearTimeout(timer);
  };
}
