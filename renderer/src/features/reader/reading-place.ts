// The place she is reading, kept when the text's width or the title bar's height changes under it
// (the window narrowed: the bar wraps to two lines and every article re-wraps).
//
// Chromium does not keep it: its scroll anchoring holds a node at the top of the scroll box, which
// is under the sticky bar, not the line being read; and the articles re-wrap at the new width a few
// at a time — each skips layout while off-screen (content-visibility), so each is laid out again
// only as it nears the view — moving the text by tens of pixels a frame for a dozen frames or more
// (measured at 1360 → 1000 px: 13 frames, with and without scroll anchoring; no script wrote
// scrollTop). A single correction after the first resize was undone by the frames after it.
//
// So the block at the bar's bottom edge and its distance below the bar are noted on every scroll
// she makes, and after a change of width or bar height that place is held: each later layout
// change (a scroll by Chromium's anchoring, a height change of the text, the bar or the header) puts
// the block back at its distance. Nothing is timed: the hold lasts until she acts (a wheel, a key,
// a pointer, a touch), after which her own scrolls are noted again.

/** The articles and headings, in reading order (their tops never decrease). */
const UNITS = '#reader-text [data-key], #reader-text [data-heading-of]';
/** Within an article: its paragraphs and items, so a long article keeps the line read, not its first. */
const BLOCKS = '.reader-para, .reader-item';
/** What she does that ends a hold: her scrolls after it are hers to note. */
const INPUT = ['wheel', 'keydown', 'pointerdown', 'touchstart'] as const;

/** The last of `els` (in reading order) whose top is at or above `y`: a binary search, a few layout reads. */
export function lastStartingAbove(els: ArrayLike<Element>, y: number): Element | undefined {
  let lo = 0;
  let hi = els.length - 1;
  let found: Element | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (els[mid]!.getBoundingClientRect().top <= y) {
      found = els[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * Keeps the reading place in `body` (the scroll box) below `bar` (its sticky title bar) across
 * changes of width and bar height. `release` forgets the place and stops a scroll under way (a jump
 * is about to move the text);
 * `stop` ends the keeping.
 */
export function keepReadingPlace(body: HTMLElement, bar: HTMLElement): { release: () => void; stop: () => void } {
  let place: { el: Element; below: number } | undefined;
  let holding = false;
  const text = () => document.getElementById('reader-text');
  const geometry = () => `${text()?.clientWidth ?? 0}×${bar.getBoundingClientRect().height}`;
  let seen = geometry();

  const note = () => {
    const edge = bar.getBoundingClientRect().bottom;
    // At the top of the text (the law's header in view) there is nothing to keep: the header is.
    const unit = body.scrollTop > 0 ? lastStartingAbove(body.querySelectorAll(UNITS), edge + 1) : undefined;
    // Of an article laid out (its start above the edge), the paragraph at the edge: a re-wrap
    // changes the height of the part above it. Not of one still skipped (content-visibility):
    // reading its paragraphs' places lays it out there and then, and a deep link then landed 24 px
    // off as the articles around it were laid out (reader-e2e, 2 of 5 before this check).
    const blocks = unit?.querySelectorAll(BLOCKS);
    const laidOut = blocks?.[0]?.checkVisibility({ contentVisibilityAuto: true }) ?? false;
    const el = unit && ((laidOut && blocks ? lastStartingAbove(blocks, edge + 1) : undefined) ?? unit);
    place = el ? { el, below: el.getBoundingClientRect().top - edge } : undefined;
  };
  /** Puts the place back; false when there is none to keep (forgotten by a jump, or gone). */
  const keep = () => {
    if (!place?.el.isConnected) return (holding = false);
    const moved = place.el.getBoundingClientRect().top - bar.getBoundingClientRect().bottom - place.below;
    if (Math.abs(moved) >= 1) body.scrollTop += moved;
    return true;
  };
  /** A change of width or bar height (seen by the observer, or by a scroll it caused arriving first) starts a hold. */
  const changed = () => {
    const now = geometry();
    if (now === seen) return false;
    seen = now;
    holding = true;
    return true;
  };
  const onScroll = () => {
    if (!((changed() || holding) && keep())) note();
  };
  const onLayout = () => {
    if (changed() || holding) keep();
  };
  const release = () => {
    holding = false;
  };
  // A jump moves the text on purpose: the place before it is not to be kept (a change of width
  // seen with the jump's scroll put the text back where it had been), the jump's own is noted.
  // And a scroll still under way is stopped: Chromium animates PageDown, Space and the arrows, and
  // an instant scroll (the jump's scrollIntoView) does not end that animation — it carries on from
  // where the jump put the text, which then landed 300–560 px past the article asked for, out of
  // sight (Ctrl+G typed within the animation after PageDown). A smooth scroll to where the text
  // stands takes the animation over, and the jump's instant scroll then ends that one.
  const forget = () => {
    holding = false;
    place = undefined;
    body.scrollTo({ top: body.scrollTop, left: body.scrollLeft, behavior: 'smooth' });
  };

  const ro = new ResizeObserver(onLayout);
  // Whatever above or around the place changes height: the bar, the header (its columns follow the
  // width), the text itself.
  for (const child of Array.from(body.children)) ro.observe(child);
  body.addEventListener('scroll', onScroll, { passive: true });
  for (const type of INPUT) window.addEventListener(type, release, { capture: true, passive: true });
  return {
    release: forget,
    stop: () => {
      ro.disconnect();
      body.removeEventListener('scroll', onScroll);
      for (const type of INPUT) window.removeEventListener(type, release, { capture: true });
    },
  };
}
