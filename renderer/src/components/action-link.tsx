// A control that looks like a link but does something on the page (opens an editor, goes into a
// folder) rather than going to an address. An <a> without href is not reachable by Tab and does
// nothing on Enter; this one is a button to the keyboard and to screen readers (role, Tab, Enter
// and Space), with the app's focus ring (styles.css `.action-link`).

import type { ReactNode } from 'react';

export function ActionLink({ onClick, children, testId }: { onClick: () => void; children: ReactNode; testId?: string }) {
  return (
    <a
      role="button"
      tabIndex={0}
      className="action-link"
      onClick={onClick}
      onKeyDown={(e) => {
        if (e.key !== 'Enter' && e.key !== ' ') return;
        e.preventDefault();
        onClick();
      }}
      data-testid={testId}
    >
      {children}
    </a>
  );
}
