// A value that follows another once it has painted and stayed, for the parts of a page that can
// wait while the part the user is looking at paints (the search's facets, pager and 加入简报 behind
// its results). useDeferredValue does not wait for a frame: React renders the deferred value right
// after the urgent commit, and that commit (antd checkboxes of four facets, 20–30 ms, and the
// layout after it) landed before the frame of the results on most keystrokes; rendered after the
// frame instead, it landed on the next keystroke of someone still typing.

import { startTransition, useEffect, useState } from 'react';

/**
 * `value`, once it has not changed for `quietMs` and a frame has painted it. A newer value starts
 * the wait again, so while answers keep coming (typing) nothing here is rendered.
 */
export function useAfterPaint<T>(value: T, quietMs: number): T {
  const [later, setLater] = useState(value);
  useEffect(() => {
    let frame: number | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The wait, then a frame, then a macrotask: rAF runs before that frame's paint, the timer after it.
    const wait = setTimeout(() => {
      frame = requestAnimationFrame(() => {
        // A transition: rendered in pieces that give way to a keystroke.
        timer = setTimeout(() => startTransition(() => setLater(() => value)), 0);
      });
    }, quietMs);
    return () => {
      clearTimeout(wait);
      if (frame !== undefined) cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [value, quietMs]);
  return later;
}
