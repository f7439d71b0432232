// The article mappings computed ahead of time, so that the first 版本对比 (and 历次版本, 被引用
// across versions, the citation flags) of a law does not pay for its mapping: at library open
// and a moment after each change of the library (an import's versions committed, another
// process's commit), every pair of consecutive versions whose mapping is not stored yet is mapped
// and stored, in slices of the event loop (mappingSteps, TimeSlicer: ≈20 ms at a time, one slice
// per turn among the app's other background jobs). Mappings of bodies no longer in the library
// are deleted. Nothing runs while this process holds the writer lock (an import between its
// commits) or when the library cannot be written.

import { existsSync } from 'node:fs';
import type { LawVersionMeta } from '../../shared/law-model';
import type { LibraryStore } from '../library/library-store';
import { TimeSlicer } from '../util/time-slicer';
import { type ArticleMapping, mappingSteps } from './article-mapping';
import { mappingFile, pruneMappings, writeMapping } from './mapping-cache';

/** After the library opens: after the search index has read the texts, before a user is likely to compare versions. */
const OPEN_DELAY_MS = 3000;
/** Quiet time after the last change of the library. */
const CHANGE_DELAY_MS = 1500;

export interface WarmupReport {
  /** Pairs mapped and stored now. */
  computed: number;
  /** Pairs whose mapping was stored already. */
  kept: number;
  /** Stored mappings of bodies no longer in the library, deleted. */
  pruned: number;
}

export interface WarmupOptions {
  /** Makes the slicer of each run (tests count its pauses). */
  slicer?: () => TimeSlicer;
  /** Delays before a run (tests start runs themselves with run()). */
  openDelayMs?: number;
  changeDelayMs?: number;
}

export class MappingWarmup {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<WarmupReport> | undefined;
  private again = false;
  private stopped = false;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: LibraryStore,
    private readonly opts: WarmupOptions = {},
  ) {
    this.unsubscribe = store.onChange(() => this.schedule(opts.changeDelayMs ?? CHANGE_DELAY_MS));
    this.schedule(opts.openDelayMs ?? OPEN_DELAY_MS);
  }

  /** A run after `delayMs` of quiet (a later call restarts the wait; a run under way is followed by another). */
  schedule(delayMs = this.opts.changeDelayMs ?? CHANGE_DELAY_MS): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (this.store.lock.isHeld) return this.schedule(delayMs); // an import commits in batches: after its last
      if (this.running) {
        this.again = true;
        return;
      }
      void this.run().catch(() => undefined);
    }, delayMs);
    this.timer.unref?.();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.unsubscribe();
  }

  /** Maps and stores every missing mapping between consecutive versions now (one run at a time). */
  run(): Promise<WarmupReport> {
    if (this.running) return this.running;
    const run = this.runOnce().finally(() => {
      this.running = undefined;
      if (this.again && !this.stopped) {
        this.again = false;
        this.schedule();
      }
    });
    this.running = run;
    return run;
  }

  private async runOnce(): Promise<WarmupReport> {
    const report: WarmupReport = { computed: 0, kept: 0, pruned: 0 };
    if (this.store.readOnlyReason) return report;
    const slicer = this.opts.slicer?.() ?? new TimeSlicer();
    const pairs: [LawVersionMeta, LawVersionMeta][] = [];
    for (const law of this.store.laws()) {
      const vs = law.versionIds.map((id) => this.store.version(id)).filter((v) => v !== undefined);
      for (let i = 0; i + 1 < vs.length; i++) pairs.push([vs[i]!, vs[i + 1]!]);
    }
    for (const [from, to] of pairs) {
      if (this.stopped) return report;
      await slicer.maybePause();
      const file = mappingFile(this.store, from, to);
      // Only whether it is there: a file is validated when read (mappingBetween recomputes a bad
      // one), and reading both bodies of every pair at each open would cost more than it saves.
      if (existsSync(file)) {
        report.kept++;
        continue;
      }
      let older;
      let newer;
      try {
        older = this.store.readUnits(from.id);
        newer = this.store.readUnits(to.id);
      } catch {
        continue; // a body that cannot be read: `check` reports it, the diff view says so
      }
      await slicer.maybePause();
      const steps = mappingSteps(older, newer);
      let entries: ArticleMapping[] | undefined;
      for (;;) {
        const r = steps.next();
        if (r.done) {
          entries = r.value;
          break;
        }
        if (slicer.due) {
          await slicer.pause();
          if (this.stopped) return report;
          // the versions changed meanwhile: this pair's mapping is no longer wanted (a change schedules a new run)
          if (this.store.version(from.id)?.file !== from.file || this.store.version(to.id)?.file !== to.file) break;
        }
      }
      if (!entries) continue;
      if (!writeMapping(this.store, file, from.id, to.id, entries)) return report; // the library cannot be written
      report.computed++;
    }
    report.pruned = pruneMappings(this.store);
    return report;
  }
}
