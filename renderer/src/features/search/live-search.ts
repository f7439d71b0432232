// Search as you type without a fixed debounce: a query goes out at once when none is running;
// keystrokes made while one runs are folded into the newest, sent as soon as it returns. Answers
// to anything but the newest query are dropped. The last answer stays on screen (marked stale)
// until the new one arrives, so the list never flashes empty between keystrokes.

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiInput, ApiOutput } from '../../../../electron/shared/api-contract';
import { callKey } from '../../api/call-key';
import { client, errorMessage } from '../../api/client';
import { useLibraryGeneration } from '../../api/hooks';

type Input = ApiInput<'search:query'>;
type Output = ApiOutput<'search:query'>;

export interface LiveSearch {
  /** The answer to the current query, or undefined while it runs. */
  data: Output | undefined;
  /** The last answer shown (possibly to an older query) — what stays on screen while loading. */
  shown: Output | undefined;
  /** The query text of `shown` (the UI benchmark waits for it). */
  shownQ: string | undefined;
  error: string | undefined;
  loading: boolean;
  /**
   * Sends the query for what was just typed from the input handler itself, before React renders
   * the keystroke (the render's own send then finds it sent). `next` must be built exactly as the
   * next render's `input` is.
   */
  ask: (next: Input | null) => void;
}

/** Keyed like useCall (callKey): the query by value and the library's generation. */
export function useLiveSearch(input: Input | null): LiveSearch {
  const generation = useLibraryGeneration();
  const key = callKey('search:query', input, generation) ?? '';
  const gen = useRef(generation);
  useEffect(() => {
    gen.current = generation;
  }, [generation]);
  const [answer, setAnswer] = useState<{ key: string; data?: Output; error?: string }>({ key: '' });
  const [shown, setShown] = useState<{ data: Output; q: string }>();
  const latest = useRef<{ input: Input | null; key: string }>({ input, key });
  const running = useRef(false);
  /** The key of the last query sent. */
  const sent = useRef<string>(undefined);

  // Refs only: the same function for the input handler and the render's effect.
  const send = useCallback(() => {
    const { input: now, key: sentKey } = latest.current;
    if (!now) return;
    running.current = true;
    sent.current = sentKey;
    const done = (r: { data?: Output; error?: string }) => {
      running.current = false;
      if (latest.current.key === sentKey) {
        setAnswer({ key: sentKey, ...r });
        if (r.data) setShown({ data: r.data, q: now.q });
      } else send();
    };
    client.call('search:query', now).then(
      (data) => done({ data }),
      (e: unknown) => done({ error: errorMessage(e) }),
    );
  }, []);

  const ask = useCallback(
    (next: Input | null) => {
      latest.current = { input: next, key: callKey('search:query', next, gen.current) ?? '' };
      if (next && !running.current && latest.current.key !== sent.current) send();
    },
    [send],
  );

  useEffect(() => {
    latest.current = { input, key };
    if (!input || running.current || key === sent.current) return;
    send();
    // `input` is described by `key`.
  }, [key]);

  const current = answer.key === key;
  return { data: current ? answer.data : undefined, shown: shown?.data, shownQ: shown?.q, error: current ? answer.error : undefined, loading: !!input && !current, ask };
}
