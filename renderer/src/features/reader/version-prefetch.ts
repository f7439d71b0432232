// The text of the version being opened is asked for the moment the address changes to #/read/…,
// before React has taken the previous page down and rendered the reader's first frame (on a long
// 法规库 list that is tens of milliseconds in which the request could already be on its way). The
// reader takes that answer instead of asking again; anything else asks as before. The answer's
// units come without their paragraphs (the lines of their text): they are derived here, once.
//
// A long version comes in two steps: first the run of units the reader's first screen shows (the
// article asked for and a screenful after it, or the start of the text), then — once that has
// painted — the whole text, whose units replace the run's (the run's own objects kept, so the
// articles already drawn are not drawn again). Receiving, parsing and rendering the whole of a
// 700-article law no longer stands between the click and its first article. Opened with a search
// highlight and no article, the reader needs the whole text at once (its first match is the target).

import { startTransition, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { FIRST_PART, type ApiInput, type ApiOutput, type ArticleDto } from '../../../../electron/shared/api-contract';
import { withParagraphs } from '../../../../electron/shared/law-text';
import { client, errorMessage } from '../../api/client';
import { useLibraryGeneration } from '../../api/hooks';
import { parseHash } from '../../router';

/** A version as the reader uses it: version:get's answer with each unit's paragraphs (`part`: only a run of them so far). */
export type VersionData = Omit<ApiOutput<'version:get'>, 'units'> & { units: ArticleDto[] };

type Part = NonNullable<ApiInput<'version:get'>['part']>;

/** What the reader asks first for an address: a run around its article, or the whole text when a highlight must find its first match. */
function firstAsk(articleKey: string | undefined, highlight: string | undefined): Part | undefined {
  if (highlight && !articleKey) return undefined;
  return { ...FIRST_PART, ...(articleKey ? { around: articleKey } : {}) };
}

function ask(versionId: string, part?: Part): Promise<VersionData> {
  return client.call('version:get', { versionId, ...(part ? { part } : {}) }).then((v) => ({ ...v, units: v.units.map(withParagraphs) }));
}

/** The whole text with the run's unit objects where the run had them (the same text). */
function joinRun(whole: VersionData, run: VersionData): VersionData {
  const had = new Map(run.units.map((u) => [u.key, u]));
  return {
    ...whole,
    units: whole.units.map((u) => {
      const r = had.get(u.key);
      return r && r.text === u.text && r.label === u.label ? r : u;
    }),
  };
}

/** An answer this old was asked for a navigation that did not mount the reader: not used. */
const FRESH_MS = 3000;

let pending: { asked: string; at: number; answer: Promise<VersionData> } | undefined;
/** The version the reader shows now: a change of article within it asks for nothing. */
let shown: string | undefined;

export function prefetchVersion(versionId: string, articleKey?: string, highlight?: string): void {
  if (versionId === shown) return;
  const part = firstAsk(articleKey, highlight);
  const answer = ask(versionId, part);
  // Whoever takes it handles its failure; an answer nobody takes must not be an unhandled rejection.
  answer.catch(() => {});
  pending = { asked: JSON.stringify([versionId, part]), at: performance.now(), answer };
}

function takePrefetched(versionId: string, part: Part | undefined): Promise<VersionData> | undefined {
  const p = pending;
  pending = undefined;
  return p && p.asked === JSON.stringify([versionId, part]) && performance.now() - p.at < FRESH_MS ? p.answer : undefined;
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
    if (route.page === 'read') prefetchVersion(route.versionId, route.articleKey, route.highlight);
  };
  window.addEventListener('popstate', moved);
  window.addEventListener('hashchange', moved);
}

/**
 * One version's text and metadata, again after every library change and on reload(). On open, a
 * long version comes as the run around `articleKey` first (data.part set), then whole.
 */
export function useVersion(
  versionId: string,
  articleKey?: string,
  highlight?: string,
): { data: VersionData | undefined; loaded: string | undefined; error: string | undefined; reload: () => void } {
  const gen = useLibraryGeneration();
  const [tick, setTick] = useState(0);
  const [state, setState] = useState<{ key: string; data?: VersionData; error?: string }>({ key: '' });
  const key = `${versionId}#${gen}#${tick}`;
  // The address a version was opened on decides its first ask; a later article within it asks nothing.
  const address = useRef({ articleKey, highlight });
  useLayoutEffect(() => {
    address.current = { articleKey, highlight };
  });
  const answered = useRef<string>(undefined);
  useEffect(() => {
    let live = true;
    // Only the asks for a version before its first answer (opened, or switched to) come in two steps
    // and may use the prefetched answer: a reload or a library change after it asks for the whole
    // text (the reader keeps its place). A library change had asked for the run again: the text being
    // read shrank to the run for a moment (全文载入中 in the find count) and the find's place was lost.
    // Keyed on the answer, not the ask: a library change while the first run is on its way drops that
    // answer, and asking the whole text then would hold the first screen until all of it came.
    const first = answered.current !== versionId;
    const part = first ? firstAsk(address.current.articleKey, address.current.highlight) : undefined;
    const answer = (first && takePrefetched(versionId, part)) || ask(versionId, part);
    // The reader's first render (header, first screen of articles) as a transition: React renders
    // it in pieces that give way to input and paint, so the only single task is its commit.
    answer.then(
      (data) => {
        if (!live) return;
        answered.current = versionId;
        startTransition(() => setState({ key, data }));
      },
      (e: unknown) => live && setState({ key, error: errorMessage(e) }),
    );
    return () => {
      live = false;
    };
  }, [key, tick, versionId]);
  // A run shown: once it has painted (a frame, then a task), the whole text.
  const run = state.key === key && state.data?.part ? state.data : undefined;
  useEffect(() => {
    if (!run) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        ask(run.meta.id).then(
          (whole) => live && startTransition(() => setState({ key, data: joinRun(whole, run) })),
          (e: unknown) => live && setState({ key, error: errorMessage(e) }),
        );
      }, 0);
    });
    return () => {
      live = false;
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [run, key]);
  useEffect(() => {
    shown = versionId;
    return () => {
      if (shown === versionId) shown = undefined;
    };
  }, [versionId]);
  // The last answer stays while a reload runs (the reader keeps its place), never another version's.
  const data = state.data && state.data.meta.id === versionId ? state.data : undefined;
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, loaded: data ? state.key : undefined, error: state.key === key ? state.error : undefined, reload };
}
