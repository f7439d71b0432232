// A list that may grow long (reminders, 待办) shown as its first few items and one link for the
// rest, so that a year of unfiled 规范性文件 does not push the page's own work below the fold.
// The link is an ActionLink (Tab, Enter, Space) and says how many are hidden.

import { useState, type ReactNode } from 'react';
import { ActionLink } from './action-link';

export function ShortList<T>({ items, shown, render, testId }: { items: readonly T[]; shown: number; render: (item: T) => ReactNode; testId?: string }) {
  const [open, setOpen] = useState(false);
  const hidden = items.length - shown;
  const visible = open || hidden <= 0 ? items : items.slice(0, shown);
  return (
    <>
      {visible.map(render)}
      {hidden > 0 && (
        <div style={{ marginTop: 4 }}>
          <ActionLink onClick={() => setOpen((o) => !o)} {...(testId ? { testId: `${testId}-more` } : {})}>
            {open ? `只显示前 ${shown} 项` : `另有 ${hidden} 项，全部显示`}
          </ActionLink>
        </div>
      )}
    </>
  );
}
