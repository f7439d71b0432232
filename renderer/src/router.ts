// Hash routes, so back/forward work in both faces and a reload keeps the place:
// #/library?asOf=…  #/search?q=…  #/read/<versionId>?a=<articleKey>&hl=<term>  #/verify/<versionId> (核对 of OCR text)  #/diff/<lawId>?from=&to=
// #/reviews  #/review/<id|new>  #/workbench/<id>?v=<第N稿>&a=<articleKey>  #/lectures  #/stats?year=  #/reports?year=  #/register  #/affected?laws=  #/packs?id=  #/import  #/settings?focus=name

import { useEffect, useRef, useState } from 'react';

export type Route =
  | { page: 'library'; asOf?: string }
  | { page: 'search'; q: string }
  | { page: 'read'; versionId: string; articleKey?: string; highlight?: string }
  | { page: 'verify'; versionId: string }
  | { page: 'diff'; lawId: string; from?: string; to?: string; articleKey?: string }
  | { page: 'reviews' }
  | { page: 'review'; id: string }
  /** seq (v=): a 送审稿 version to show; articleKey (a=): its article to bring into view (a link into the draft). */
  | { page: 'workbench'; id: string; seq?: number; articleKey?: string }
  | { page: 'lectures'; tab?: 'lectures' | 'plans' }
  | { page: 'stats'; year?: number }
  | { page: 'reports'; year?: number }
  | { page: 'register' }
  | { page: 'affected'; laws?: string[] }
  | { page: 'packs'; id?: string }
  | { page: 'import' }
  /** focus=name: the 经办人 field (from a 未设置经办人 hint). */
  | { page: 'settings'; focus?: 'name' };

export function parseHash(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const params = new URLSearchParams(query);
  const [page, ...rest] = path.split('/');
  const tail = decodeURIComponent(rest.join('/'));
  const opt = (k: string) => params.get(k) || undefined;
  switch (page) {
    case 'search':
      return { page: 'search', q: params.get('q') ?? '' };
    case 'read': {
      if (!tail) return { page: 'library' };
      const a = opt('a');
      const hl = opt('hl');
      return { page: 'read', versionId: tail, ...(a ? { articleKey: a } : {}), ...(hl ? { highlight: hl } : {}) };
    }
    case 'verify':
      return tail ? { page: 'verify', versionId: tail } : { page: 'library' };
    case 'diff': {
      if (!tail) return { page: 'library' };
      const from = opt('from');
      const to = opt('to');
      const a = opt('a');
      return { page: 'diff', lawId: tail, ...(from ? { from } : {}), ...(to ? { to } : {}), ...(a ? { articleKey: a } : {}) };
    }
    case 'reviews':
      return { page: 'reviews' };
    case 'review':
      return tail ? { page: 'review', id: tail } : { page: 'reviews' };
    case 'workbench': {
      if (!tail) return { page: 'reviews' };
      const v = Number(params.get('v'));
      const a = opt('a');
      return { page: 'workbench', id: tail, ...(Number.isInteger(v) && v > 0 ? { seq: v } : {}), ...(a ? { articleKey: a } : {}) };
    }
    case 'lectures':
      return { page: 'lectures', tab: params.get('tab') === 'plans' ? 'plans' : 'lectures' };
    case 'stats': {
      const y = Number(params.get('year'));
      return { page: 'stats', ...(y ? { year: y } : {}) };
    }
    case 'reports': {
      const y = Number(params.get('year'));
      return { page: 'reports', ...(y ? { year: y } : {}) };
    }
    case 'register':
      return { page: 'register' };
    case 'affected': {
      const laws = opt('laws');
      return { page: 'affected', ...(laws ? { laws: laws.split(',') } : {}) };
    }
    case 'packs': {
      const id = opt('id');
      return { page: 'packs', ...(id ? { id } : {}) };
    }
    case 'import':
      return { page: 'import' };
    case 'settings':
      return { page: 'settings', ...(params.get('focus') === 'name' ? { focus: 'name' as const } : {}) };
    default: {
      const asOf = opt('asOf');
      return { page: 'library', ...(asOf ? { asOf } : {}) };
    }
  }
}

function withQuery(path: string, params: Record<string, string | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) p.set(k, v);
  const qs = p.toString();
  return `#/${path}${qs ? '?' + qs : ''}`;
}

export function hrefOf(route: Route): string {
  switch (route.page) {
    case 'library':
      return withQuery('library', { asOf: route.asOf });
    case 'search':
      return route.q ? `#/search?q=${encodeURIComponent(route.q)}` : '#/search';
    case 'read':
      return withQuery(`read/${encodeURIComponent(route.versionId)}`, { a: route.articleKey, hl: route.highlight });
    case 'verify':
      return `#/verify/${encodeURIComponent(route.versionId)}`;
    case 'diff':
      return withQuery(`diff/${encodeURIComponent(route.lawId)}`, { from: route.from, to: route.to, a: route.articleKey });
    case 'review':
      return `#/review/${encodeURIComponent(route.id)}`;
    case 'workbench':
      return withQuery(`workbench/${encodeURIComponent(route.id)}`, { v: route.seq ? String(route.seq) : undefined, a: route.articleKey });
    case 'lectures':
      return withQuery('lectures', { tab: route.tab === 'plans' ? 'plans' : undefined });
    case 'stats':
      return withQuery('stats', { year: route.year ? String(route.year) : undefined });
    case 'reports':
      return withQuery('reports', { year: route.year ? String(route.year) : undefined });
    case 'affected':
      return withQuery('affected', { laws: route.laws?.join(',') });
    case 'packs':
      return withQuery('packs', { id: route.id });
    case 'settings':
      return withQuery('settings', { focus: route.focus });
    default:
      return `#/${route.page}`;
  }
}

export function navigate(route: Route, opts: { replace?: boolean } = {}): void {
  const href = hrefOf(route);
  // oldURL as a link's own hashchange has it: the page left, as its address last read (a search's words).
  const oldURL = location.href;
  if (opts.replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  window.dispatchEvent(new HashChangeEvent('hashchange', { oldURL, newURL: location.href }));
}

/**
 * Runs `open` with the route whenever the address moves to a `page` route (a link, navigate, back),
 * and now if it shows one: before React renders the page, so the page can ask for its data early.
 */
export function onRouteOpen<P extends Route['page']>(page: P, open: (route: Extract<Route, { page: P }>) => void): void {
  if (typeof window === 'undefined') return;
  // A fragment navigation fires popstate and hashchange: one open per address reached.
  let last = '';
  const check = () => {
    if (location.href === last) return;
    last = location.href;
    const route = parseHash(location.hash);
    if (route.page === page) open(route as Extract<Route, { page: P }>);
  };
  window.addEventListener('hashchange', check);
  window.addEventListener('popstate', check);
  check();
}

/** The pages with an entry of their own in the sider. */
export type MenuKey = 'library' | 'search' | 'reviews' | 'lectures' | 'stats' | 'reports' | 'register' | 'affected' | 'packs' | 'import' | 'settings';

// 阅读, 版本对比 and 核对 show the library's texts and belong to the section they were opened from (a
// 版本对比 opened from 受影响 stays under 受影响, a law opened from 搜索 under 搜索); opened directly (a
// reload, a pasted link), to 法规库. A review and its workbench are 合法性审查's wherever they were opened
// from (an address moved from a law to a review kept 法规库 highlighted).
const HOME_OF = { read: 'library', diff: 'library', verify: 'library', review: 'reviews', workbench: 'reviews' } as const satisfies Record<Exclude<Route['page'], MenuKey>, MenuKey>;
const FOLLOWS_ORIGIN: ReadonlySet<Route['page']> = new Set(['read', 'diff', 'verify']);

/** Each sider entry's name: the menu's label and the first crumb of the pages opened from it. */
export const SECTION_LABEL: Record<MenuKey, string> = {
  library: '法规库',
  search: '搜索',
  reviews: '合法性审查',
  lectures: '学法普法',
  stats: '年度统计',
  reports: '年度报告',
  register: '规范性文件',
  affected: '受影响',
  packs: '简报',
  import: '导入',
  settings: '设置',
};

/** A sider entry's own page, as its menu link opens it. */
export function sectionRoute(section: MenuKey): Route {
  return section === 'search' ? { page: 'search', q: '' } : ({ page: section } as Route);
}

/**
 * The address each sider entry's own page had when it was last left (a search with its words, the
 * 受影响 of some laws), so the breadcrumb of a page opened from it leads back to the same view.
 * Taken from the hashchange's oldURL: the search writes its words with replaceState, which no
 * route change sees.
 */
export function useSectionHomes(): Partial<Record<MenuKey, Route>> {
  const [homes, setHomes] = useState<Partial<Record<MenuKey, Route>>>({});
  useEffect(() => {
    const on = (e: HashChangeEvent) => {
      if (!e.oldURL) return;
      const left = parseHash(new URL(e.oldURL).hash);
      if (!(left.page in HOME_OF)) setHomes((h) => ({ ...h, [left.page]: left }));
    };
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return homes;
}

/**
 * The sider entry to highlight on `route`, given the one highlighted before it (undefined when the
 * page is opened directly) and the one its history entry kept (back/forward return to it).
 */
export function menuKeyOf(route: Route, before?: MenuKey, kept?: MenuKey): MenuKey {
  const page = route.page;
  if (!(page in HOME_OF)) return page as MenuKey;
  if (!FOLLOWS_ORIGIN.has(page)) return HOME_OF[page as keyof typeof HOME_OF];
  return kept ?? before ?? HOME_OF[page as keyof typeof HOME_OF];
}

// Each history entry keeps the section it was shown under (history.state survives back/forward), so
// going back to a law opened from 搜索 highlights 搜索 again whatever was highlighted just before.
const SECTION_KEY = 'lawdeskSection';

function keptSection(): MenuKey | undefined {
  const state: unknown = history.state;
  const s = state && typeof state === 'object' ? (state as Record<string, unknown>)[SECTION_KEY] : undefined;
  return typeof s === 'string' && s in SECTION_LABEL ? (s as MenuKey) : undefined;
}

function keepSection(section: MenuKey): void {
  if (keptSection() === section) return;
  const state: unknown = history.state;
  history.replaceState({ ...(state && typeof state === 'object' ? state : {}), [SECTION_KEY]: section }, '', location.href);
}

/**
 * The route and its sider section, following every move of the address (links, navigate, back/forward,
 * an address typed in). On load the section is the one that lists the page (a reload counts as opened
 * directly); after that, a page moved to keeps the section it was opened from, and an entry returned
 * to the section it had.
 */
export function useRouteSection(): { route: Route; section: MenuKey } {
  const [at, setAt] = useState(() => {
    const route = parseHash(location.hash);
    const section = menuKeyOf(route);
    keepSection(section);
    return { route, section };
  });
  const current = useRef(at);
  useEffect(() => {
    const on = () => {
      const route = parseHash(location.hash);
      const section = menuKeyOf(route, current.current.section, keptSection());
      keepSection(section);
      if (hrefOf(route) === hrefOf(current.current.route) && section === current.current.section) return;
      current.current = { route, section };
      setAt(current.current);
    };
    window.addEventListener('hashchange', on);
    window.addEventListener('popstate', on);
    return () => {
      window.removeEventListener('hashchange', on);
      window.removeEventListener('popstate', on);
    };
  }, []);
  return at;
}
