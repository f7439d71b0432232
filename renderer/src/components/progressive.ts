// Renders a long list in slices: `first` items at once, then `step` more after each paint, so no
// single main-thread task builds the whole list (民法典: 1,260 articles). Each slice is a transition:
// React renders it in pieces of a few milliseconds, giving way to input, and only its commit is
// one task.

import { startTransition, useEffect, useState } from 'react';

export function useProgressiveCount(total: number, first: number, step: number): number {
  const [count, setCount] = useState(() => Math.min(total, first));
  useEffect(() => {
    if (count >= total) return;
    // After the browser has painted what is there: a frame, then a macrotask (rAF alone runs
    // before paint, and setTimeout alone may run before the first paint).
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setCount((c) => Math.min(total, c + step))), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [count, total, step]);
  // `first` may grow after the list arrives (a target further down): it is always rendered.
  return Math.min(Math.max(count, first), total);
}

/**
 * False for the first paint of a page, true from the next frame on: for the parts that can wait
 * one frame (a TOC tree that measures its rows, the version tools) so the text paints first.
 * With `after`, the frame is counted from when `after` turns true: a second stage that waits for a
 * first (`useAfterFirstPaint(painted)`), so what follows the first screen is two tasks, not one.
 */
export function useAfterFirstPaint(after = true): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!after) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      // A transition: what waited (the TOC tree) renders in pieces that give way to input.
      timer = setTimeout(() => startTransition(() => setPainted(true)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [after]);
  return painted;
}

/** True once `on` has been true: a dialog is mounted when first opened and then stays (for its closing animation). */
export function useOnceTrue(on: boolean): boolean {
  const [was, setWas] = useState(on);
  if (on && !was) setWas(true);
  return on || was;
}
