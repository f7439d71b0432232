// Long jobs in the app (index builds, bundle export and import) run on the same event loop as the
// IPC/HTTP handlers that report their progress. A TimeSlicer lets such a loop hand the event loop
// back every few milliseconds, so the window keeps answering and progress events get out.
//
// Several jobs often run at once (a folder import, the index catching up with its commits, the
// link graph): every slicer waits in one queue and each turn of the event loop lets one of them
// go, so the loop is held for one slice per turn, not one slice per job (three jobs in one turn
// were a 60 ms pause where each job kept to 20 ms).

/** Default slice: long enough to keep the overhead negligible, short enough to feel instant. */
export const SLICE_MS = 20;

export class TimeSlicer {
  private last = performance.now();

  constructor(private readonly ms = SLICE_MS) {}

  /**
   * Whether the current slice is used up (check it between units of work). The slice is the
   * turn's: a slicer made inside a job that already ran part of its slice (an import that commits,
   * the commit serialising the catalog) counts from the turn's start, not from its own.
   */
  get due(): boolean {
    return performance.now() - Math.min(this.last, turnStart) >= this.ms;
  }

  /** Gives the event loop back (timers, I/O, progress events), then starts a new slice. */
  async pause(): Promise<void> {
    await new Promise<void>((resolve) => {
      waiting.push(resolve);
      if (!turnScheduled) scheduleTurn();
    });
    this.last = turnStart = performance.now();
  }

  /** Pauses when the slice is used up: `await slicer.maybePause()` inside a loop. */
  async maybePause(): Promise<void> {
    if (this.due) await this.pause();
  }
}

const waiting: (() => void)[] = [];
let turnScheduled = false;
/** When the job running now took its turn from the queue. */
let turnStart = performance.now();

function scheduleTurn(): void {
  turnScheduled = true;
  setImmediate(nextTurn);
}

/** One waiting job per turn; the next turn is queued first, so it runs after this one's I/O and timers. */
function nextTurn(): void {
  turnScheduled = false;
  const go = waiting.shift();
  if (waiting.length) scheduleTurn();
  go?.();
}
