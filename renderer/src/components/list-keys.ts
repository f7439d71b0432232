// ↑ ↓ Enter (and Esc) over a list of choices: the keyboard behaviour every picker in the app shares.

import type { Dispatch, KeyboardEvent, SetStateAction } from 'react';

export function handleListKeys(
  e: KeyboardEvent,
  opts: { count: number; setSelected: Dispatch<SetStateAction<number>>; onEnter: () => void; onEscape?: () => void },
): void {
  // While an input method composes (pinyin), ↑↓ move in its candidates and Enter commits its
  // letters: they are not the list's (Enter opened the first match in the middle of a word).
  if (e.nativeEvent.isComposing || e.keyCode === 229) return;
  if (e.key === 'ArrowDown') {
    e.preventDefault();
    opts.setSelected((s) => Math.min(opts.count - 1, s + 1));
  } else if (e.key === 'ArrowUp') {
    e.preventDefault();
    opts.setSelected((s) => Math.max(0, s - 1));
  } else if (e.key === 'Enter') {
    e.preventDefault();
    opts.onEnter();
  } else if (e.key === 'Escape' && opts.onEscape) opts.onEscape();
}
