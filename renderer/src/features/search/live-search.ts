// Search as you type without a fixed debounce: a query goes out at once when none is running;
// keystrokes made while one runs are folded into the newest, sent as soon as it returns. Answers
// to anything but the newest query are dropped. The last answer stays on screen (marked stale)
// until the new one arrives, so the list never flashes empty between keystrokes.

import { useEffect, useRef, useState } from 'react';
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
}

/** Keyed like useCall (callKey): the query by value and the library's generation. */
export function useLiveSearch(input: Input | null): LiveSearch {
  const key = callKey('search:query', input, useLibraryGeneration()) ?? '';
  const [answer, setAnswer] = useState<{ key: string; data?: Output; error?: string }>({ key: '' });
  const [shown, setShown] = useState<{ data: Output; q: string }>();
  const latest = useRef<{ input: Input | null; key: string }>({ input, key });
  const running = useRef(false);

  useEffect(() => {
    latest.current = { input, key };
    if (!input || running.current) return;
    const send = () => {
      const { input: now, key: sentKey } = latest.current;
      if (!now) return;
      running.current = true;
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
    };
    send();
    // `input` is described by `key`.
  }, [key]);

  const current = answer.key === key;
  return { data: current ? answer.data : undefined, shown: shown?.data, shownQ: shown?.q, error: current ? answer.error : undefined, loading: !!input && !current };
}
