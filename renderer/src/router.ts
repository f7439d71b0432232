// Hash routes, so back/forward work in both faces and a reload keeps the place:
// #/library  #/search?q=…  #/read/<versionId>?a=<articleKey>&hl=<term>  #/import  #/settings

import { useEffect, useState } from 'react';

export type Route =
  | { page: 'library' }
  | { page: 'search'; q: string }
  | { page: 'read'; versionId: string; articleKey?: string; highlight?: string }
  | { page: 'import' }
  | { page: 'settings' };

export function parseHash(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const params = new URLSearchParams(query);
  const [page, ...rest] = path.split('/');
  switch (page) {
    case 'search':
      return { page: 'search', q: params.get('q') ?? '' };
    case 'read': {
      const versionId = decodeURIComponent(rest.join('/'));
      if (!versionId) return { page: 'library' };
      const a = params.get('a');
      const hl = params.get('hl');
      return { page: 'read', versionId, ...(a ? { articleKey: a } : {}), ...(hl ? { highlight: hl } : {}) };
    }
    case 'import':
      return { page: 'import' };
    case 'settings':
      return { page: 'settings' };
    default:
      return { page: 'library' };
  }
}

export function hrefOf(route: Route): string {
  switch (route.page) {
    case 'search':
      return route.q ? `#/search?q=${encodeURIComponent(route.q)}` : '#/search';
    case 'read': {
      const p = new URLSearchParams();
      if (route.articleKey) p.set('a', route.articleKey);
      if (route.highlight) p.set('hl', route.highlight);
      const qs = p.toString();
      return `#/read/${encodeURIComponent(route.versionId)}${qs ? '?' + qs : ''}`;
    }
    default:
      return `#/${route.page}`;
  }
}

export function navigate(route: Route, opts: { replace?: boolean } = {}): void {
  const href = hrefOf(route);
  if (opts.replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(location.hash));
    window.addEventListener('hashchange', on);
    window.addEventListener('popstate', on);
    return () => {
      window.removeEventListener('hashchange', on);
      window.removeEventListener('popstate', on);
    };
  }, []);
  return route;
}
