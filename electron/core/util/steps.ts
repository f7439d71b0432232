// A long job (an index build, a segment write) written once as a generator of steps, run either to
// its end at once (drive: a query that needs the index now) or in time slices (driveStep inside a
// sliced runner: an app that must keep answering). A step that waits on the disk yields an IoStep:
// the synchronous driver does its sync form in place, a sliced runner awaits its async form (run
// on libuv's pool), so a busy disk holds a worker thread instead of the event loop. Either way a
// failure is thrown into the generator at that yield, where the sync form would have thrown, so the
// job's try/finally clean up the same.

export interface IoStep {
  sync(): void;
  async(): Promise<void>;
}

/** What a job's generator yields: nothing (a plain step boundary) or disk work to do. */
export type Step = void | IoStep;

/** Runs a step generator to its end (the synchronous way to use one). */
export function drive<T>(steps: Generator<Step, T>): T {
  let r = steps.next();
  for (;;) {
    if (r.done) return r.value;
    const io = r.value;
    if (!io) {
      r = steps.next();
      continue;
    }
    let failure: { e: unknown } | undefined;
    try {
      io.sync();
    } catch (e) {
      failure = { e };
    }
    r = failure ? steps.throw(failure.e) : steps.next();
  }
}

/**
 * Takes one step of a generator run in slices: its disk work, if it yields some, done off the main
 * thread before the next step. `resumeWith` is what the previous step's disk work left (a failure to
 * throw in); returns the step's result and what to resume the next one with.
 */
export async function driveStep<T>(steps: Generator<Step, T>, resumeWith?: { failure: unknown }): Promise<{ result: IteratorResult<Step, T>; resumeWith?: { failure: unknown } }> {
  const result = resumeWith ? steps.throw(resumeWith.failure) : steps.next();
  if (result.done || !result.value) return { result };
  try {
    await result.value.async();
    return { result };
  } catch (e) {
    return { result, resumeWith: { failure: e } };
  }
}
