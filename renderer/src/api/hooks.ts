// React hooks over the client: a call whose result follows its inputs, and event subscriptions.

import { startTransition, useCallback, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ApiInput, ApiOutput, Channel, EventName, EventPayload } from '../../../electron/shared/api-contract';
import type { TaskProgress } from '../../../electron/shared/task-progress';
import { callKey } from './call-key';
import { client, errorMessage } from './client';

export interface CallState<T> {
  data: T | undefined;
  error: string | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * Calls `channel` with `input`, again whenever the input (by value) or the library's generation
 * changes, or `refresh` moves (a counter the caller bumps after its own writes); stale answers are
 * dropped. `input` null = do not call. The key is made here (callKey), never by the caller: a
 * string is refused by the type, and a key built in the call by the lint rule (build/eslint.config.js).
 */
export function useCall<C extends Channel>(channel: C, input: ApiInput<C> | null, refresh?: number): CallState<ApiOutput<C>> {
  const generation = useLibraryGeneration();
  const key = callKey(channel, input, generation, refresh);
  const [data, setData] = useState<ApiOutput<C>>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(input !== null);
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  const inputRef = useRef(input);
  inputRef.current = input;
  useEffect(() => {
    const current = inputRef.current;
    if (key === null || current === null) {
      setLoading(false);
      return;
    }
    const n = ++seq.current;
    setLoading(true);
    // A page left (or an input changed) no longer wants this answer: over HTTP it is not even
    // received and parsed (法规库's whole list, ≈ 700 KB, arriving in the law opened right after it).
    const abort = new AbortController();
    const early = takePrefetched<ApiOutput<C>>(key);
    // An answer is drawn as a transition: React renders what it changes (a 法规库 table of
    // thousands of laws, a reader's links and counts) in pieces that give way to input and paint,
    // so only the commit is one main-thread task.
    (early ?? client.call(channel, current, abort.signal)).then(
      (v) => {
        if (n !== seq.current) return;
        startTransition(() => {
          setData(v);
          setError(undefined);
          setLoading(false);
        });
      },
      (e) => {
        if (n !== seq.current || abort.signal.aborted) return;
        startTransition(() => {
          setError(errorMessage(e));
          setLoading(false);
        });
      },
    );
    return () => abort.abort();
  }, [channel, key, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}

// Calls asked before the page that needs them has rendered (prefetchCall): the page's first
// render, its commit and paint no longer come before the request is even sent. Taken once, by the
// first useCall with the same key, and only while fresh — an answer asked longer ago could miss a
// change the key does not follow (a 收藏 toggled).
const PREFETCH_FRESH_MS = 3000;
const prefetched = new Map<string, { at: number; answer: Promise<unknown> }>();

/** Asks `channel` now for the useCall (same input and refresh token) that the next page will make. */
export function prefetchCall<C extends Channel>(channel: C, input: ApiInput<C>, refresh?: number): void {
  // The window's first library:info must be asked before this answer (see followLibrary): a
  // prefetch sent at module load, ahead of it, could be older than the generation that answer
  // gives, and a change committed in between was then never noticed (the list stayed stale).
  followLibrary();
  const key = callKey(channel, input, libraryGeneration, refresh);
  if (key === null || prefetched.has(key)) return;
  for (const [k, p] of prefetched) if (performance.now() - p.at > PREFETCH_FRESH_MS) prefetched.delete(k);
  const answer = client.call(channel, input);
  answer.catch(() => undefined); // a prefetch nobody takes must not be an unhandled rejection
  prefetched.set(key, { at: performance.now(), answer });
}

function takePrefetched<T>(key: string): Promise<T> | undefined {
  const p = prefetched.get(key);
  if (!p) return undefined;
  prefetched.delete(key);
  return performance.now() - p.at <= PREFETCH_FRESH_MS ? (p.answer as Promise<T>) : undefined;
}

export function useEvent<E extends EventName>(event: E, cb: (payload: EventPayload<E>) => void): void {
  const ref = useRef(cb);
  ref.current = cb;
  useEffect(() => client.on(event, (p) => ref.current(p)), [event]);
}

/** The progress of the task with a fixed id (LIBRARY_INDEX_TASK: the search index). */
export function useTaskProgress(taskId: string): TaskProgress | undefined {
  const [progress, setProgress] = useState<TaskProgress>();
  useEvent('task:progress', (p) => {
    if (p.taskId === taskId) setProgress(p);
  });
  return progress;
}

/**
 * A long call's task: `taskId()` makes a fresh id to pass with the call, and `progress` follows
 * exactly that task from its first event (events of other tasks, and of this component's earlier
 * tasks, are ignored).
 */
export function useTask(): { taskId: () => string; progress: TaskProgress | undefined; reset: () => void } {
  const current = useRef<string>('');
  const [progress, setProgress] = useState<TaskProgress>();
  useEvent('task:progress', (p) => {
    if (p.taskId === current.current) setProgress(p);
  });
  const taskId = useCallback(() => {
    current.current = 't' + Math.random().toString(36).slice(2, 12);
    setProgress(undefined);
    return current.current;
  }, []);
  const reset = useCallback(() => {
    current.current = '';
    setProgress(undefined);
  }, []);
  return { taskId, progress, reset };
}

// The library changes this window has seen, one counter for the whole window: every useCall
// follows it. `serviceGeneration` is the service's own count, as last heard.
let libraryGeneration = 0;
let serviceGeneration: number | undefined;
const generationListeners = new Set<() => void>();
let generationFollowed = false;
function libraryMoved(generation: number): void {
  serviceGeneration = generation;
  libraryGeneration++;
  for (const l of generationListeners) l();
}
function followLibrary(): void {
  if (!generationFollowed) {
    generationFollowed = true;
    client.on('library:changed', (p) => libraryMoved(p.generation));
    // A change committed before the event stream (re)connected is never sent to it — an import
    // made while the page was still loading left the 法规库 without it until a reload. The first
    // answer is asked before any useCall's (this runs before their effects), so it is no newer
    // than what they show; each time the stream opens the generation is asked again, and a
    // different one means a change was missed.
    const first = client.call('library:info', {}).then(
      (i) => void (serviceGeneration ??= i.generation),
      () => undefined,
    );
    client.onConnection((up) => {
      if (connected !== up) {
        connected = up;
        for (const l of connectionListeners) l();
      }
      if (!up) return;
      void first
        .then(() => client.call('library:info', {}))
        .then(
          (i) => {
            if (serviceGeneration === undefined) serviceGeneration = i.generation;
            else if (i.generation !== serviceGeneration) libraryMoved(i.generation);
          },
          () => undefined,
        );
    });
  }
}

function subscribeGeneration(cb: () => void): () => void {
  followLibrary();
  generationListeners.add(cb);
  return () => void generationListeners.delete(cb);
}

// Whether the service's event stream is up (false once the browser face's server has gone).
let connected = true;
const connectionListeners = new Set<() => void>();

/** False while the service cannot be reached (the browser face's server stopped); true again once it answers. */
export function useServiceConnected(): boolean {
  return useSyncExternalStore(
    (cb) => {
      followLibrary();
      connectionListeners.add(cb);
      return () => void connectionListeners.delete(cb);
    },
    () => connected,
  );
}

/** A counter that moves whenever the library changes (imports, restores, the CLI beside the app). */
export function useLibraryGeneration(): number {
  return useSyncExternalStore(subscribeGeneration, () => libraryGeneration);
}

type QuickOpenItems = ApiOutput<'search:quickOpen'>;

/**
 * Quick-open matches for what is being typed, debounced; answers to older keystrokes are dropped.
 * `selected` resets to the first match whenever new matches arrive.
 *
 * `enter()` is Enter on the list: `choose` is called with the matches and the selection once the
 * matches answer the text as typed — at once, or when that answer comes. Taken on the
 * matches shown, an Enter typed before the answer chose an older keystroke's first match:
 * 行政许可法 whole (or 第一条) for 行政许可法12, when a pause in the typing had let 行政许可法 be asked.
 */
export function useQuickOpen(text: string, limit: number, delayMs: number, choose: (items: QuickOpenItems, selected: number) => void) {
  const [items, setItems] = useState<QuickOpenItems>([]);
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);
  const [selected, setSelected] = useState(0);
  /** The text the matches (or the error) answer. */
  const [answered, setAnswered] = useState('');
  const enterWaits = useRef(false);
  const seq = useRef(0);
  useEffect(() => {
    const t = text.trim();
    const n = ++seq.current;
    if (!t) {
      setItems([]);
      setError(undefined);
      setLoading(false);
      setAnswered('');
      return;
    }
    setLoading(true);
    const timer = setTimeout(() => {
      client.call('search:quickOpen', { text: t, limit }).then(
        (r) => {
          if (n !== seq.current) return;
          setItems(r);
          setSelected(0);
          setError(undefined);
          setLoading(false);
          setAnswered(t);
        },
        (e) => {
          if (n !== seq.current) return;
          setError(errorMessage(e));
          setLoading(false);
          setAnswered(t);
        },
      );
    }, delayMs);
    return () => clearTimeout(timer);
  }, [text, limit, delayMs]);
  const current = answered === text.trim();
  const latest = useRef({ items, selected, choose });
  useLayoutEffect(() => {
    latest.current = { items, selected, choose };
  });
  // An Enter that waited is taken when the answer comes (after the render that shows it).
  useEffect(() => {
    if (!enterWaits.current || !current) return;
    enterWaits.current = false;
    const l = latest.current;
    l.choose(l.items, l.selected);
  }, [current]);
  const enter = () => {
    if (current) choose(items, selected);
    else enterWaits.current = true;
  };
  return { items, error, loading, selected, setSelected, setError, enter };
}
