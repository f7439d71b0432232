// Long jobs in the app (index builds, bundle export and import) run on the same event loop as the
// IPC/HTTP handlers that report their progress. A TimeSlicer lets such a loop hand the event loop
// back every few milliseconds, so the window keeps answering and progress events get out.

/** Default slice: long enough to keep the overhead negligible, short enough to feel instant. */
export const SLICE_MS = 20;

export class TimeSlicer {
  private last = performance.now();

  constructor(private readonly ms = SLICE_MS) {}

  /** Whether the current slice is used up (check it between units of work). */
  get due(): boolean {
    return performance.now() - this.last >= this.ms;
  }

  /** Gives the event loop back (timers, I/O, progress events), then starts a new slice. */
  async pause(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    this.last = performance.now();
  }

  /** Pauses when the slice is used up: `await slicer.maybePause()` inside a loop. */
  async maybePause(): Promise<void> {
    if (this.due) await this.pause();
  }
}
