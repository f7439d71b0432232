// Background jobs by key (a review's scan being recognised) whose end a page collects with a long
// poll. A page that goes away never collects it, so an ended job is kept only for a while and only
// so many of them: the table stays bounded however many jobs are left uncollected. A running job is
// never dropped (its key stays busy until it ends).

/** How long an ended job waits to be collected (as import:task keeps a finished import's report). */
export const KEEP_ENDED_MS = 30 * 60 * 1000;
/** The most ended, uncollected jobs kept; the oldest go first. */
export const MAX_ENDED = 16;

export class EndedJobs<J> {
  private readonly jobs = new Map<string, { job: J; endedAt?: number }>();

  constructor(private readonly o: { now?: () => number; keepMs?: number; max?: number } = {}) {}

  get(key: string): J | undefined {
    return this.jobs.get(key)?.job;
  }

  /** Whether the key's job is still running. */
  running(key: string): boolean {
    const e = this.jobs.get(key);
    return !!e && e.endedAt === undefined;
  }

  /** A job starts under `key` (replacing an ended one there). */
  start(key: string, job: J): void {
    this.jobs.delete(key);
    this.jobs.set(key, { job });
    this.sweep();
  }

  /** The key's job has ended: kept for its end to be collected, within the bounds. */
  ended(key: string, job: J): void {
    const e = this.jobs.get(key);
    if (!e || e.job !== job) return; // already dropped or replaced
    e.endedAt = this.now();
    this.sweep();
  }

  /** Its end was collected: gone (unless another job has taken the key since). */
  collect(key: string, job: J): void {
    if (this.jobs.get(key)?.job === job) this.jobs.delete(key);
  }

  /** How many jobs are held (running and ended). */
  get size(): number {
    return this.jobs.size;
  }

  private now(): number {
    return (this.o.now ?? Date.now)();
  }

  private sweep(): void {
    const now = this.now();
    const ended = [...this.jobs.entries()].filter(([, e]) => e.endedAt !== undefined).sort((a, b) => a[1].endedAt! - b[1].endedAt!);
    const over = ended.length - (this.o.max ?? MAX_ENDED);
    for (const [i, [key, e]] of ended.entries()) {
      if (i < over || now - e.endedAt! > (this.o.keepMs ?? KEEP_ENDED_MS)) this.jobs.delete(key);
    }
  }
}
