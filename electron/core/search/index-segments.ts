// The index as files: the segments named by <library>/index/manifest.json (with the versions
// deleted from each), kept in step with the library — catch-up on open and after changes, full
// rebuilds, merges. Invariants:
// - Files are written temp + rename, segments before the manifest that names them, so a crash
//   leaves the old index or the new one; unreferenced segment files are swept after an hour.
// - Every job is a generator of steps (Segment.buildSteps inside): run to the end at once (a
//   query needs the index current) or in ~20 ms slices (opening, reindex, background updates), so
//   an app stays responsive. A job swaps its result in whole at its end: a query between steps sees
//   the old segment list or the new one, never a mix; a synchronous run supersedes a sliced one.
// - Its disk work (the segment's writes, its fsyncs, the manifest) is IoSteps (util/steps.ts): in
//   slices it runs off the main thread. A sliced job's manifest is renamed into place only if the
//   job still owns the index at that moment (nothing superseded it while the disk worked), and the
//   segments it merged away are deleted only once a manifest without them is on disk.

import type { PhaseProgress } from '../../shared/task-progress';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { LawVersionMeta } from '../../shared/law-model';
import { writeFileAtomic, writeFileAtomicAsync } from '../library/atomic-file';
import type { LibraryStore } from '../library/library-store';
import { drive, driveStep, type Step } from '../util/steps';
import { TimeSlicer } from '../util/time-slicer';
import { CorruptIndexError, Segment, type SegmentVersionInput } from './segment';

export const MANIFEST_FORMAT = 1;
/** More segments than this are merged (the small ones, or all when many articles are deleted). */
const MAX_SEGMENTS = 6;
const MAX_DEAD_FRACTION = 0.3;

export type IndexProgress = PhaseProgress<'read' | 'index' | 'write'>;

export interface IndexSegmentsOptions {
  /** Write the index to <library>/index (default true). */
  persist?: boolean;
  onProgress?: (p: IndexProgress) => void;
  /** Called when a job (build, update, rebuild) has finished and the index is current. */
  onIdle?: () => void;
  /** Called whenever a new segment list (or deletion marks) has been swapped in. */
  onSwap: () => void;
  /** Makes the slicer of each time-sliced job (tests hold a job mid-way with it). */
  slicer?: () => TimeSlicer;
}

/** A maintenance job as steps (see Segment.buildSteps). */
type Steps = Generator<Step, void>;

interface ManifestData {
  format: number;
  generation: number;
  segments: { name: string; deleted: string[] }[];
  /** Versions whose body could not be read when indexed: not retried until their file changes. */
  unreadable: { id: string; file: string }[];
}

export interface SegState {
  seg: Segment;
  deleted: Set<string>;
  /** Local version index → global version slot (0 = not live); filled by the engine on swap. */
  verSlot: Int32Array;
  /** Built in memory only (its file could not be written): no manifest may name it. */
  unsaved?: true;
}

export class IndexSegments {
  private list: SegState[] = [];
  private unreadable: { id: string; file: string }[] = [];
  /** The library changed since the last catch-up. */
  private dirty = false;
  private closed = false;
  /** A time-sliced job is running (queries meanwhile use the segments as they were). */
  private updating = false;
  /** Bumped by every job; a time-sliced job that sees it change gives up. */
  private epoch = 0;
  /** The latest time-sliced job. */
  private job: Promise<void> | undefined;
  /** Whether opening found no usable index and built one. */
  rebuiltAtOpen = false;
  /** The segment list in memory is not the one manifest.json names (a write failed or was called off). */
  private manifestStale = false;

  constructor(
    readonly store: LibraryStore,
    private readonly opts: IndexSegmentsOptions,
  ) {}

  get dir(): string {
    return join(this.store.dir, 'index');
  }
  get persist(): boolean {
    return this.opts.persist !== false;
  }
  /** The current segments, in order (a global article id runs through them). */
  get segs(): readonly SegState[] {
    return this.list;
  }

  /** Loads the persisted index and catches up with the library, or builds it: in time slices. */
  open(): Promise<void> {
    return this.runInSlices(this.loadOrRebuildSteps());
  }

  /** Notes a library change: caught up by the next flush() or update(). */
  markDirty(): void {
    this.dirty = true;
  }

  /**
   * Resolves once no time-sliced job is running (the index then matches the library, or the next
   * flush brings it up to date at once): for a caller that would rather wait than see old results.
   */
  async settled(): Promise<void> {
    while (this.updating && this.job) await this.job.catch(() => {});
  }

  /** Rebuilds the whole index from the library bodies, in time slices. */
  reindex(onProgress?: (p: IndexProgress) => void): Promise<void> {
    return this.runInSlices(this.rebuildSteps(onProgress ?? this.opts.onProgress));
  }

  close(): void {
    this.closed = true;
    for (const s of this.list) s.seg.close();
    this.list = [];
  }

  bytesOnDisk(): number {
    let bytes = 0;
    if (existsSync(this.dir)) for (const n of readdirSync(this.dir)) bytes += statSync(join(this.dir, n)).size;
    return bytes;
  }

  private *loadOrRebuildSteps(): Steps {
    let manifest: ManifestData | undefined;
    try {
      const m = JSON.parse(readFileSync(join(this.dir, 'manifest.json'), 'utf8')) as ManifestData;
      if (m && m.format === MANIFEST_FORMAT && Array.isArray(m.segments)) manifest = m;
    } catch {
      manifest = undefined; // missing or damaged: rebuilt below
    }
    if (manifest) {
      try {
        this.list = manifest.segments.map((s) => {
          const seg = Segment.load(join(this.dir, s.name), s.name);
          return { seg, deleted: new Set(s.deleted), verSlot: new Int32Array(seg.versions.length) };
        });
        this.unreadable = Array.isArray(manifest.unreadable) ? manifest.unreadable : [];
      } catch (e) {
        if (!(e instanceof CorruptIndexError)) throw e;
        for (const s of this.list) s.seg.close();
        this.list = [];
        manifest = undefined;
      }
    }
    if (!manifest) yield* this.rebuildSteps(this.opts.onProgress);
    else {
      try {
        yield* this.syncSteps(this.opts.onProgress);
      } catch (e) {
        if (!(e instanceof CorruptIndexError)) throw e;
        yield* this.rebuildSteps(this.opts.onProgress);
      }
    }
    this.sweep();
    this.rebuiltAtOpen = !manifest;
  }

  /** Runs maintenance steps to the end now (a query needs the index current). */
  private runNow(steps: () => Steps): void {
    // A time-sliced job still running gives up: this run supersedes it.
    this.epoch++;
    this.updating = false;
    drive(steps());
    this.opts.onIdle?.();
  }

  /**
   * Runs maintenance steps giving the event loop back every ~20 ms, so an app stays responsive
   * (and its progress events get out) while an index is built. Gives up quietly when the engine is
   * closed or a synchronous run superseded it (its finished work is then never swapped in).
   */
  private runInSlices(steps: Steps): Promise<void> {
    const job = this.sliced(steps);
    this.job = job;
    return job;
  }

  private async sliced(steps: Steps): Promise<void> {
    const epoch = ++this.epoch;
    this.updating = true;
    try {
      const slicer = this.opts.slicer?.() ?? new TimeSlicer();
      let resumeWith: { failure: unknown } | undefined;
      for (;;) {
        if (this.closed || this.epoch !== epoch) {
          steps.return(); // its finally blocks run: a segment half-written is removed
          return;
        }
        const step = await driveStep(steps, resumeWith); // its disk work off the main thread
        resumeWith = step.resumeWith;
        if (step.result.done) {
          this.opts.onIdle?.();
          return;
        }
        await slicer.maybePause();
      }
    } finally {
      if (this.epoch === epoch) this.updating = false;
    }
  }

  /** Applies pending library changes (called before every query). */
  flush(): void {
    if (this.dirty && !this.closed && !this.updating) {
      this.dirty = false;
      try {
        this.runNow(() => this.syncSteps(this.opts.onProgress));
      } catch (e) {
        if (!(e instanceof CorruptIndexError)) throw e;
        this.rebuild(this.opts.onProgress);
      }
    }
  }

  /**
   * Brings the index up to date with the library in the background (time-sliced), e.g. right after
   * an import, so the next query finds it current; queries meanwhile use the index as it was.
   */
  async update(): Promise<void> {
    while (this.dirty && !this.closed && !this.updating) {
      this.dirty = false;
      try {
        await this.runInSlices(this.syncSteps(this.opts.onProgress));
      } catch (e) {
        if (!(e instanceof CorruptIndexError)) throw e;
        await this.runInSlices(this.rebuildSteps(this.opts.onProgress));
      }
    }
  }

  /** Rebuilds the whole index now (e.g. a damaged file found while answering a query). */
  rebuild(onProgress?: (p: IndexProgress) => void): void {
    this.runNow(() => this.rebuildSteps(onProgress));
  }

  private *rebuildSteps(onProgress?: (p: IndexProgress) => void): Steps {
    const unreadable: { id: string; file: string }[] = [];
    const built = yield* this.versionsSegmentSteps(this.store.versions(), unreadable, onProgress);
    // Swapped in at once: a query between steps sees the old index or the new one.
    const old = this.list;
    this.list = built ? [built] : [];
    this.unreadable = unreadable;
    this.opts.onSwap();
    let written = false;
    try {
      written = yield* this.manifestSteps();
    } finally {
      for (const s of old) this.dropSegmentFile(s, written); // also when the job is dropped mid-write: their descriptors
    }
  }

  /** Reconciles the segments with the store's versions. */
  private *syncSteps(onProgress?: (p: IndexProgress) => void): Steps {
    let changed = false;
    const segs = [...this.list];
    const live = new Map<string, { si: number; file: string }>();
    segs.forEach((s, si) => {
      for (const v of s.seg.versions) {
        if (s.deleted.has(v.id)) continue;
        const prev = live.get(v.id);
        if (prev) {
          segs[prev.si]!.deleted.add(v.id); // a later segment wins
          changed = true;
        }
        live.set(v.id, { si, file: v.file });
      }
    });
    for (const [id, l] of live) {
      if (this.store.version(id)?.file !== l.file) {
        segs[l.si]!.deleted.add(id);
        live.delete(id);
        changed = true;
      }
    }
    // Every entry left in `live` is a catalog version with its own file, one per id: when they are
    // as many as the catalog's versions, nothing is new (the usual open) and the catalog needs no
    // second pass. Counted, not taken from the catalog's generation: a catalog restored from a
    // backup or edited by hand can repeat a generation number with other versions.
    const versions = this.store.versions();
    const skip = new Set(this.unreadable.map((u) => `${u.id}\n${u.file}`));
    const added = live.size === versions.length ? [] : versions.filter((v) => live.get(v.id)?.file !== v.file && !skip.has(`${v.id}\n${v.file}`));
    const unreadable = this.unreadable.filter((u) => this.store.version(u.id)?.file === u.file);
    if (unreadable.length !== this.unreadable.length) changed = true;
    if (added.length) {
      const built = yield* this.versionsSegmentSteps(added, unreadable, onProgress);
      if (built) segs.push(built);
      changed = true;
    }
    const merged = yield* this.mergeSteps(segs, onProgress);
    // Swapped in at once, like rebuildSteps.
    this.list = merged ? merged.segs : segs;
    this.unreadable = unreadable;
    this.opts.onSwap();
    let written = false;
    try {
      written = changed || merged || this.manifestStale ? yield* this.manifestSteps() : true;
    } finally {
      if (merged) for (const s of merged.victims) this.dropSegmentFile(s, written);
    }
  }

  private newSegmentName(): string {
    return `seg-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}.lds`;
  }

  /**
   * Builds a segment from `inputs` (consumed one version at a time) and, when persisting, writes
   * it and reopens it from the file, so the texts it was built from are not kept in memory.
   */
  private *segmentSteps(inputs: Iterable<SegmentVersionInput>, total: number, onProgress?: (p: IndexProgress) => void): Generator<Step, SegState | undefined> {
    const name = this.newSegmentName();
    // A persisted build spools its texts to the index folder rather than holding them (issue 20: peak RSS).
    let spoolDir: string | undefined;
    if (this.persist) {
      try {
        mkdirSync(this.dir, { recursive: true });
        spoolDir = this.dir;
      } catch {
        spoolDir = undefined; // read-only: built in memory
      }
    }
    let seg = yield* Segment.buildSteps(name, inputs, onProgress ? (d) => onProgress({ phase: 'index', done: Math.round(d), total }) : undefined, { spoolDir });
    let done = false;
    let unsaved = false;
    try {
      onProgress?.({ phase: 'index', done: total, total });
      if (seg.versions.length === 0) return undefined;
      if (this.persist) {
        unsaved = true;
        try {
          const path = join(this.dir, name);
          // Progress in MB written (a 70 MB segment takes a moment even in slices).
          const mb = (n: number) => Math.ceil(n / (1 << 20));
          const { layout } = yield* seg.writeSteps(path, (done, total) => onProgress?.({ phase: 'write', done: mb(done), total: mb(total) }));
          const built = seg;
          seg = seg.opened(path, layout);
          built.close(); // its spool file
          unsaved = false;
        } catch {
          // A read-only library still searches, from memory (the texts are read off the spool now).
          void seg.text;
        }
      }
      done = true;
      return { seg, deleted: new Set(), verSlot: new Int32Array(seg.versions.length), ...(unsaved ? { unsaved: true as const } : {}) };
    } finally {
      if (!done) seg.close(); // an empty or abandoned build: its spool file goes
    }
  }

  /** A segment of these versions, read from the library; unreadable bodies are listed in `unreadable`. */
  private versionsSegmentSteps(versions: LawVersionMeta[], unreadable: { id: string; file: string }[], onProgress?: (p: IndexProgress) => void): Generator<Step, SegState | undefined> {
    const store = this.store;
    const total = versions.reduce((n, v) => n + v.unitCount, 0);
    function* inputs(): Generator<SegmentVersionInput> {
      let i = 0;
      for (const meta of versions) {
        i++;
        if (onProgress && (i % 50 === 0 || i === versions.length)) onProgress({ phase: 'read', done: i, total: versions.length });
        let units;
        try {
          units = store.readUnits(meta.id);
        } catch {
          unreadable.push({ id: meta.id, file: meta.file }); // missing or damaged body: `check` reports it
          continue;
        }
        yield {
          id: meta.id,
          file: meta.file,
          docs: units.map((u) => ({ text: u.text, key: u.key, label: u.label, path: u.path, kind: u.kind, number: u.number, suffix: u.suffix })),
        };
      }
    }
    return this.segmentSteps(inputs(), total, onProgress);
  }

  /**
   * Merges segments when there are too many or too many of their articles are deleted: returns
   * the new list and the segments merged away (their files to drop once the list is swapped in).
   */
  private *mergeSteps(segs: SegState[], onProgress?: (p: IndexProgress) => void): Generator<Step, { segs: SegState[]; victims: SegState[] } | undefined> {
    let total = 0;
    let dead = 0;
    const deadOf = (s: SegState) => {
      let n = 0;
      for (const v of s.seg.versions) if (s.deleted.has(v.id)) n += v.docCount;
      return n;
    };
    for (const s of segs) {
      total += s.seg.docCount;
      dead += deadOf(s);
    }
    let victims: SegState[];
    if (segs.length > 1 && dead > total * MAX_DEAD_FRACTION) victims = [...segs];
    else if (segs.length > MAX_SEGMENTS) {
      // Keep the largest segment when it dominates; merge the rest into one.
      const largest = segs.reduce((a, b) => (b.seg.docCount > a.seg.docCount ? b : a));
      victims = largest.seg.docCount > total / 2 && deadOf(largest) < largest.seg.docCount * MAX_DEAD_FRACTION ? segs.filter((s) => s !== largest) : [...segs];
    } else return undefined;
    // Read one version at a time as the build takes it (one step each), not all before it starts.
    function* inputs(): Generator<SegmentVersionInput> {
      for (const s of victims) {
        for (let vi = 0; vi < s.seg.versions.length; vi++) {
          const v = s.seg.versions[vi]!;
          if (!s.deleted.has(v.id)) yield { id: v.id, file: v.file, docs: s.seg.versionDocs(vi) };
        }
      }
    }
    let docs = 0;
    for (const s of victims) for (const v of s.seg.versions) if (!s.deleted.has(v.id)) docs += v.docCount;
    const built = yield* this.segmentSteps(inputs(), docs, onProgress);
    // The merged segment goes last, so it wins over nothing older: order is irrelevant now.
    const kept = segs.filter((s) => !victims.includes(s));
    return { segs: built ? [...kept, built] : kept, victims };
  }

  /**
   * Closes a segment no longer in the list; deletes its file once a manifest without it is on disk
   * (`unnamed`); otherwise the manifest there may still name it, and the sweep takes it later.
   */
  private dropSegmentFile(s: SegState, unnamed: boolean): void {
    s.seg.close();
    if (!this.persist || !unnamed) return;
    try {
      unlinkSync(join(this.dir, s.seg.name));
    } catch {
      /* swept later */
    }
  }

  /**
   * Writes manifest.json for the list as it is now; true once it is on disk. Run in slices, it is
   * renamed into place only if this job still owns the index then (the check and the rename in one
   * turn of the event loop): a job superseded while its fsync ran must not put its older list over
   * the newer one's. Not written (read-only, a failure, called off), the list is written by the
   * next job that gets there.
   */
  private *manifestSteps(): Generator<Step, boolean> {
    if (!this.persist) return true;
    this.manifestStale = true;
    // A segment held in memory only (its write failed: a full or read-only disk): the manifest on
    // disk and the segments it names stay the last good index, caught up by the next start.
    if (this.list.some((s) => s.unsaved)) return false;
    const epoch = this.epoch;
    const path = join(this.dir, 'manifest.json');
    const data: ManifestData = {
      format: MANIFEST_FORMAT,
      generation: this.store.generation,
      segments: this.list.map((s) => ({ name: s.seg.name, deleted: [...s.deleted] })),
      unreadable: this.unreadable,
    };
    const json = JSON.stringify(data);
    let written = false;
    try {
      mkdirSync(this.dir, { recursive: true });
      yield {
        sync: () => {
          writeFileAtomic(path, json);
          written = true;
        },
        async: async () => {
          written = await writeFileAtomicAsync(path, json, { keep: () => this.epoch === epoch && !this.closed });
        },
      };
    } catch {
      /* read-only: the in-memory index still serves */
    }
    if (written && this.epoch === epoch) this.manifestStale = false;
    return written;
  }

  /** Removes segment files no manifest names (left by a crash or a concurrent writer) after an hour. */
  private sweep(): void {
    if (!this.persist || !existsSync(this.dir)) return;
    const used = new Set(this.list.map((s) => s.seg.name));
    const cutoff = Date.now() - 3600_000;
    for (const n of readdirSync(this.dir)) {
      if (!(n.endsWith('.lds') || n.endsWith('.tmp')) || used.has(n)) continue;
      try {
        const full = join(this.dir, n);
        if (statSync(full).mtimeMs < cutoff) unlinkSync(full);
      } catch {
        /* in use or gone */
      }
    }
  }
}
