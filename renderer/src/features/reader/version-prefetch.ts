// The text of the version being opened is asked for the moment the address changes to #/read/…,
// before React has taken the previous page down and rendered the reader's first frame (on a long
// 法规库 list that is tens of milliseconds in which the request could already be on its way). The
// reader takes that answer instead of asking again; anything else asks as before. The answer's
// units come without their paragraphs (the lines of their text): they are derived here, once.

import { startTransition, useCallback, useEffect, useState } from 'react';
import type { ApiOutput, ArticleDto } from '../../../../electron/shared/api-contract';
import { withParagraphs } from '../../../../electron/shared/law-text';
import { client, errorMessage } from '../../api/client';
import { useLibraryGeneration } from '../../api/hooks';
import { parseHash } from '../../router';

/** A version as the reader uses it: version:get's answer with each unit's paragraphs. */
export type VersionData = Omit<ApiOutput<'version:get'>, 'units'> & { units: ArticleDto[] };

function ask(versionId: string): Promise<VersionData> {
  return client.call('version:get', { versionId }).then((v) => ({ ...v, units: v.units.map(withParagraphs) }));
}

/** An answer this old was asked for a navigation that did not mount the reader: not used. */
const FRESH_MS = 3000;

let pending: { versionId: string; at: number; answer: Promise<VersionData> } | undefined;
/** The version the reader shows now: a change of article within it asks for nothing. */
let shown: string | undefined;

export function prefetchVersion(versionId: string): void {
  if (versionId === shown) return;
  const answer = ask(versionId);
  // Whoever takes it handles its failure; an answer nobody takes must not be an unhandled rejection.
  answer.catch(() => {});
  pending = { versionId, at: performance.now(), answer };
}

function takePrefetched(versionId: string): Promise<VersionData> | undefined {
  const p = pending;
  pending = undefined;
  return p && p.versionId === versionId && performance.now() - p.at < FRESH_MS ? p.answer : undefined;
}

// On popstate as well as hashchange: a link clicked (法规库's titles, a search's jumps) is the
// browser's own fragment navigation, which fires popstate first — and React renders the route
// change at once after it (taking 法规库 down, mounting the reader), so the request, sent on
// hashchange, left only after that render (10–20 ms of main-thread work, more under load). One ask
// per address reached. The address the window opens on is the reader's own to ask: a prefetch then
// could come before the window's first library:info (see followLibrary in api/hooks.ts).
if (typeof window !== 'undefined') {
  let last = location.href;
  const moved = () => {
    if (location.href === last) return;
    last = location.href;
    const route = parseHash(location.hash);
    if (route.page === 'read') prefetchVersion(route.versionId);
  };
  window.addEventListener('popstate', moved);
  window.addEventListener('hashchange', moved);
}

/** One version's text and metadata, again after every library change and on reload(). */
export function useVersion(versionId: string): { data: VersionData | undefined; error: string | undefined; reload: () => void } {
  const gen = useLibraryGeneration();
  const [tick, setTick] = useState(0);
  const [state, setState] = useState<{ key: string; data?: VersionData; error?: string }>({ key: '' });
  const key = `${versionId}#${gen}#${tick}`;
  useEffect(() => {
    let live = true;
    // Only the first ask after opening may use the prefetched answer: a reload or a library change asks again.
    const answer = (tick === 0 && takePrefetched(versionId)) || ask(versionId);
    // The reader's first render (header, first screen of articles) as a transition: React renders
    // it in pieces that give way to input and paint, so the only single task is its commit.
    answer.then(
      (data) => live && startTransition(() => setState({ key, data })),
      (e: unknown) => live && setState({ key, error: errorMessage(e) }),
    );
    return () => {
      live = false;
    };
  }, [key, tick, versionId]);
  useEffect(() => {
    shown = versionId;
    return () => {
      if (shown === versionId) shown = undefined;
    };
  }, [versionId]);
  // The last answer stays while a reload runs (the reader keeps its place), never another version's.
  const data = state.data && state.data.meta.id === versionId ? state.data : undefined;
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error: state.key === key ? state.error : undefined, reload };
}
