// The first crumb of a page without a sider entry (阅读, 版本对比): the section it was opened from —
// the one the sider highlights — leading back to that section's page as it was left (a search with
// its words). Opened directly (a reload, a pasted link), the section that lists such pages.

import { createContext, useContext } from 'react';
import { SECTION_LABEL, hrefOf, sectionRoute, type MenuKey, type Route } from '../router';

export const OriginContext = createContext<{ section: MenuKey; home?: Route | undefined }>({ section: 'library' });

export function useOriginCrumb(): { title: React.ReactNode } {
  const { section, home } = useContext(OriginContext);
  return {
    title: (
      <a href={hrefOf(home ?? sectionRoute(section))} data-testid="crumb-origin">
        {SECTION_LABEL[section]}
      </a>
    ),
  };
}
