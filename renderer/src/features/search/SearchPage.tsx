// 搜索: full-text search as you type, with the engine's filters and facets, highlighted snippets,
// ↑↓ + Enter keyboard navigation, result count and time, "did you mean" and citation jumps.
//
// What the user feels: a query goes out on the keystroke, from the input handler before React
// renders it (none is held back unless one is still running), an input method's pinyin never
// searches mid-word, the results paint as soon as the answer comes (rows are memoised plain
// elements, so moving the selection re-renders two rows; the facets, the pager, 加入简报 and 返回搜索框
// follow once the results have painted and typing pauses, and so does the address; the antd parts
// answers bring have their CSS generated with the page), and a query that is a citation
// (行政许可法第十二条, 统计法第七条, 行政许可法 12) opens the cited article on Enter.

import { AimOutlined, FileAddOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, DatePicker, Input, Pagination, Spin, Switch, Tag, Tooltip, Typography, type InputRef } from 'antd';
import dayjs from 'dayjs';
import { memo, useEffect, useRef, useState } from 'react';
import type { ApiOutput, PackItemDto } from '../../../../electron/shared/api-contract';
import { LEVELS, STATUSES, type Level, type Status } from '../../../../electron/shared/law-model';
import { EmptyState, Highlighted } from '../../components/common';
import { OCR_UNVERIFIED_LABEL } from '../../../../electron/shared/law-model';
import { FacetList, useCategoryOrder } from '../../components/facet-list';
import { RegionFacet } from '../../components/region-facet';
import { hrefOf, navigate } from '../../router';
import { AddToPack } from '../../components/AddToPack';
import { useSettings } from '../../settings-context';
import { useLiveSearch } from './live-search';
import { useAfterPaint } from './after-paint';
import { useOnceTrue } from '../../components/progressive';
import './search.css';
import { ActionLink } from '../../components/action-link';

type Hit = ApiOutput<'search:query'>['hits'][number];
const PAGE = 20;
/** The facets, pager and 加入简报 follow an answer that stayed this long (ms): typing has paused. */
const SETTLE_MS = 200;
/** The list is dimmed when the next answer takes longer than this (ms); faster ones just replace it. */
const DIM_AFTER_MS = 150;
/** At most this many articles of a search go into a briefing pack (each with its full text). */
const PACK_SEARCH_LIMIT = 50;

type Jump = NonNullable<ApiOutput<'search:query'>['jump']>;

/** Same hit as before (a new answer to a longer query often repeats rows): the row is not re-rendered. */
function sameHit(a: Hit, b: Hit): boolean {
  if (a === b) return true;
  if (a.versionId !== b.versionId || a.articleKey !== b.articleKey || a.snippet !== b.snippet || a.status !== b.status || a.title !== b.title) return false;
  if (a.highlights.length !== b.highlights.length || a.ocrUnverified !== b.ocrUnverified) return false;
  return a.highlights.every((r, i) => r[0] === b.highlights[i]![0] && r[1] === b.highlights[i]![1]);
}

/** The 时效性 tag of a row as a class (search.css: the colours of the app's StatusTag, without a component per row). */
const STATUS_CLASS: Record<Status, string> = { 现行有效: 'in-force', 已修改: 'changed', 已废止: 'repealed', 部分失效: 'partly', 尚未生效: 'pending', 草案: 'draft' };

type HitRowProps = { hit: Hit; index: number; selected: boolean; onOpen: (h: Hit) => void; onHover: (i: number) => void };

// Plain elements rather than antd Space/Typography: every antd component computes its style
// tokens on render, which was the largest part of painting a page of results.
const HitRow = memo(
  function HitRow({ hit: h, index, selected, onOpen, onHover }: HitRowProps) {
    return (
      <div
        role="option"
        aria-selected={selected}
        className={`search-hit${selected ? ' selected' : ''}`}
        onMouseEnter={() => onHover(index)}
        onClick={() => onOpen(h)}
        data-testid="search-hit"
      >
        <div className="hit-head">
          <strong>
            {h.title}
            {h.subtitle ? ` · ${h.subtitle}` : ''} {h.articleLabel}
          </strong>
          <span className={`hit-tag status-${STATUS_CLASS[h.status] ?? 'other'}`} data-testid="status-tag">
            {h.status}
          </span>
          {h.ocrUnverified ? (
            <span className="hit-tag status-changed" data-testid="hit-ocr-unverified">
              {OCR_UNVERIFIED_LABEL}
            </span>
          ) : null}
          <span className="hit-meta">
            {h.level} · {h.region}
            {h.versionDate ? ` · ${h.versionDate}` : ''}
            {h.path.length ? ` · ${h.path.join(' / ')}` : ''}
          </span>
        </div>
        <div className="snippet">
          <Highlighted text={h.snippet} ranges={h.highlights} />
        </div>
      </div>
    );
  },
  (a: HitRowProps, b: HitRowProps) => a.index === b.index && a.selected === b.selected && a.onOpen === b.onOpen && a.onHover === b.onHover && sameHit(a.hit, b.hit),
);

export function SearchPage({ initialQuery }: { initialQuery: string }) {
  const { settings, favorites, loaded } = useSettings();
  const [q, setQ] = useState(initialQuery);
  const [levels, setLevels] = useState<Level[]>([]);
  const [regions, setRegions] = useState<string[]>([]);
  const [statuses, setStatuses] = useState<Status[]>([]);
  const [categories, setCategories] = useState<string[]>([]);
  const [favoritesOnly, setFavoritesOnly] = useState(false);
  const [inForceOnly, setInForceOnly] = useState(false);
  const [asOf, setAsOf] = useState<string | undefined>(undefined);
  const [pageFor, setPageFor] = useState({ key: '', page: 1 });
  const [packItems, setPackItems] = useState<PackItemDto[]>();
  /** The query as searched: the box's text, except while an input method is composing a word. */
  const [sq, setSq] = useState(initialQuery);
  const composing = useRef(false);
  const inputRef = useRef<InputRef>(null);
  const listRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!loaded) return;
    setInForceOnly(settings.defaultFilters.inForceOnly);
    setLevels(settings.defaultFilters.levels);
    setRegions(settings.defaultFilters.regions);
  }, [loaded]);
  useEffect(() => inputRef.current?.focus(), []);

  const dq = sq.trim();
  // The address keeps the query for reload and back, written when typing pauses (replaceState on
  // every keystroke was a few milliseconds each) and before a hit is opened, so back returns to it.
  const writeAddress = useRef<() => void>(() => {});
  useEffect(() => {
    const write = () => {
      clearTimeout(t);
      writeAddress.current = () => {};
      // Never over the address of the page a hit opened.
      if (location.hash.startsWith('#/search')) history.replaceState(null, '', dq ? `#/search?q=${encodeURIComponent(dq)}` : '#/search');
    };
    const t = setTimeout(write, 400);
    writeAddress.current = write;
    return () => clearTimeout(t);
  }, [dq]);
  // A new query or filter starts again on page 1.
  const filterKey = JSON.stringify([dq, levels, regions, statuses, categories, favoritesOnly, inForceOnly, asOf]);
  const page = pageFor.key === filterKey ? pageFor.page : 1;
  const setPage = (p: number) => setPageFor({ key: filterKey, page: p });

  const inputFor = (text: string, p: number) =>
    text
      ? { q: text, limit: PAGE, offset: (p - 1) * PAGE, levels, regions, statuses, categories, inForceOnly, ...(favoritesOnly ? { favoritesOnly } : {}), ...(asOf ? { asOf } : {}) }
      : null;
  const input = inputFor(dq, page);
  const res = useLiveSearch(input);
  /** A new text to search (a new text starts on page 1): asked at once, rendered after. */
  const searchText = (text: string) => {
    setSq(text);
    res.ask(inputFor(text.trim(), 1));
  };
  // While the next answer is on its way the last one stays (dimmed), so the list does not flash.
  const result = dq ? (res.data ?? res.shown) : undefined;
  const stale = !res.data;
  // Dimmed only while an answer is slow: dimming on every keystroke for the 10–30 ms an answer
  // takes flickered, and repainted the whole list twice per keystroke.
  const [slowFor, setSlowFor] = useState<string>();
  useEffect(() => {
    if (!stale || !dq) return;
    const t = setTimeout(() => setSlowFor(dq), DIM_AFTER_MS);
    return () => clearTimeout(t);
  }, [stale, dq]);
  const dim = stale && slowFor === dq;
  const hits = result?.hits ?? [];
  const jump = result?.jump;

  // The selection: -1 is the citation jump (first when the query is a citation), 0… the hits.
  const [sel, setSel] = useState<{ result: unknown; i: number }>({ result: undefined, i: 0 });
  const selected = sel.result === result ? sel.i : jump ? -1 : 0;
  const select = (i: number) => setSel({ result, i });

  const openJump = (j: Jump) => {
    writeAddress.current();
    navigate({ page: 'read', versionId: j.versionId, articleKey: j.articleKey });
  };
  const openRef = useRef<(h: Hit) => void>(() => {});
  useEffect(() => {
    openRef.current = (h: Hit) => {
      writeAddress.current();
      navigate({ page: 'read', versionId: h.versionId, articleKey: h.articleKey, highlight: dq });
    };
  });
  // Stable for the memoised rows.
  const [onOpen] = useState(() => (h: Hit) => openRef.current(h));
  const hoverRef = useRef<(i: number) => void>(() => {});
  useEffect(() => {
    hoverRef.current = select;
  });
  const [onHover] = useState(() => (i: number) => hoverRef.current(i));

  // Enter pressed before the answer to what was typed: acted on when it arrives.
  const [enterFor, setEnterFor] = useState<string>();
  const enterNow = (r: NonNullable<typeof res.data>) => {
    if (selected === -1 && r.jump) openJump(r.jump);
    else {
      const h = r.hits[Math.max(0, selected)];
      if (h) onOpen(h);
      else if (r.jump) openJump(r.jump);
    }
  };
  useEffect(() => {
    if (enterFor !== undefined && enterFor === dq && res.data) {
      setEnterFor(undefined);
      enterNow(res.data);
    }
  }, [enterFor, dq, res.data]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    // Only from the search box or the results: Enter in the date picker, a facet or the 加入简报
    // dialog (whose events bubble here through the React tree) must not open a hit.
    const from = e.target as Node;
    if (from !== inputRef.current?.input && !listRef.current?.contains(from)) return;
    // An input method uses Enter and the arrows to pick a word.
    if (e.nativeEvent.isComposing || composing.current) return;
    const first = jump ? -1 : 0;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      select(Math.min(hits.length - 1, selected + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      select(Math.max(first, selected - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (!dq) return;
      if (res.data && !stale) enterNow(res.data);
      else setEnterFor(dq);
    }
  };
  useEffect(() => {
    listRef.current?.querySelector('.search-hit.selected')?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  // What can follow the results: facets, pager, 加入简报 (re-rendered from a copy that follows once
  // the results have painted and typing has paused: none of it is needed between two keystrokes).
  const later = useAfterPaint(result, SETTLE_MS);
  const [setters] = useState(() => ({ setLevels, setRegions, setStatuses, setCategories, setInForceOnly, setAsOf, setFavoritesOnly }));
  const favoriteCount = favorites.length;
  // The search as a pack item: its filters go with it, and the pack re-runs it when exported.
  const packLimit = Math.min(result?.total ?? 0, PACK_SEARCH_LIMIT);
  const searchItem: PackItemDto = {
    type: 'search',
    query: dq,
    limit: Math.max(1, packLimit),
    ...(inForceOnly ? { inForceOnly } : {}),
    ...(levels.length ? { levels } : {}),
    ...(regions.length ? { regions } : {}),
    ...(statuses.length ? { statuses } : {}),
    ...(categories.length ? { categories } : {}),
    ...(asOf ? { asOf } : {}),
  };

  const onText = useStable((e: React.ChangeEvent<HTMLInputElement>) => {
    setQ(e.target.value);
    if (!composing.current && !(e.nativeEvent as InputEvent).isComposing) searchText(e.target.value);
  });
  const onComposeStart = useStable(() => {
    composing.current = true;
  });
  const onComposeEnd = useStable((e: React.CompositionEvent<HTMLInputElement>) => {
    composing.current = false;
    searchText(e.currentTarget.value);
  });
  const onAddToPack = useStable(() => setPackItems([searchItem]));
  const onPage = useStable((p: number) => setPage(p));
  const packMounted = useOnceTrue(packItems !== undefined);

  return (
    <div className="page" style={{ display: 'flex', gap: 20 }} onKeyDown={onKeyDown}>
      <SearchFilters
        facets={later?.facets}
        hasHits={!!later && later.total > 0}
        levels={levels}
        regions={regions}
        statuses={statuses}
        categories={categories}
        inForceOnly={inForceOnly}
        asOf={asOf}
        favoritesOnly={favoritesOnly}
        favoriteCount={favoriteCount}
        set={setters}
      />
      <section style={{ flex: 1, minWidth: 0, maxWidth: 960 }} data-testid="search-area" data-query={dq && res.data ? dq : undefined} data-shown-query={res.shownQ}>
        <SearchBox value={q} inputRef={inputRef} onText={onText} onComposeStart={onComposeStart} onComposeEnd={onComposeEnd} />
        <div style={{ margin: '10px 0', minHeight: 22, display: 'flex', alignItems: 'center', gap: 12 }}>
          {result && result.total > 0 && (
            <span className="search-count" data-testid="search-count">
              找到 {result.total} 条结果，用时 {result.tookMs.toFixed(result.tookMs < 10 ? 1 : 0)} 毫秒
              <span style={{ marginLeft: 12 }}>
                <kbd>↑</kbd> <kbd>↓</kbd> 选择，<kbd>Enter</kbd> 打开
              </span>
            </span>
          )}
          {later && later.total > 0 && <AddSearchToPack cites={!!later.cites} favoritesOnly={favoritesOnly} limit={packLimit} onAdd={onAddToPack} />}
        </div>
        {jump && (
          <Alert
            type="info"
            showIcon
            icon={<AimOutlined />}
            style={{ marginBottom: 12, ...(selected === -1 ? { borderColor: '#fa8c16', boxShadow: '0 0 0 1px #fa8c16' } : {}) }}
            onMouseEnter={() => select(-1)}
            data-selected={selected === -1 ? '' : undefined}
            data-testid="search-jump-row"
            title={
              <span>
                看起来是引用：
                <a href={`#/read/${encodeURIComponent(jump.versionId)}?a=${encodeURIComponent(jump.articleKey)}`} onClick={() => writeAddress.current()} data-testid="search-jump">
                  {jump.title} {jump.articleLabel}
                </a>
                {/* A citation written before the law changed means the text of its day: the other versions holding that article. */}
                {jump.otherVersions.length > 0 && (
                  <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                    其他版本：
                    {jump.otherVersions.map((v, i) => (
                      <span key={v.versionId}>
                        {i > 0 && '、'}
                        <a href={hrefOf({ page: 'read', versionId: v.versionId, articleKey: v.articleKey })} onClick={() => writeAddress.current()} data-testid="search-jump-other">
                          {v.versionDate || v.versionId} {v.status}
                        </a>
                      </span>
                    ))}
                  </Typography.Text>
                )}
                {selected === -1 && (
                  <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
                    <kbd>Enter</kbd> 打开
                  </Typography.Text>
                )}
              </span>
            }
          />
        )}
        {result?.cites && (
          <Alert
            type={result.cites.problem ? 'warning' : 'info'}
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="search-cites"
            title={
              result.cites.problem ? (
                `找不到被引用的法规或条文：${result.cites.problem}`
              ) : (
                <span>
                  引用
                  <a href={hrefOf({ page: 'read', versionId: result.cites.versionId!, ...(result.cites.articleKey ? { articleKey: result.cites.articleKey } : {}) })}>
                    《{result.cites.title}》{result.cites.articleLabel ?? ''}
                  </a>
                  的其他法规条文（引用其他版本的，已按条文对应换算）
                </span>
              )
            }
          />
        )}
        {!dq ? (
          <EmptyState description="输入关键词开始搜索：例如 行政许可 听证，统计法第七条，或 引用:行政许可法第十二条（列出引用该条的条文）" />
        ) : res.error && !res.loading ? (
          <Alert type={/索引|检索/.test(res.error) ? 'warning' : 'error'} showIcon title="无法搜索" description={res.error} data-testid="search-error" />
        ) : !result ? (
          <div style={{ textAlign: 'center', padding: 48 }}>
            <Spin />
          </div>
        ) : hits.length === 0 ? (
          <EmptyState
            description={
              <span data-testid="search-empty">
                {/* A citation with no hits in the text: the article it names is found (the row above), so not a bare 没有找到. */}
                {jump ? `正文里没有“${dq}”这几个字；它引用的条文在上面，按 Enter 打开` : `没有找到“${dq}”`}
                {result.didYouMean?.length ? (
                  <>
                    。您是不是要找：
                    {result.didYouMean.map((s) => (
                      <Tag key={s} color="processing" style={{ cursor: 'pointer' }} data-testid="did-you-mean">
                        <ActionLink
                          onClick={() => {
                            setQ(s);
                            searchText(s);
                          }}
                        >
                          {s}
                        </ActionLink>
                      </Tag>
                    ))}
                  </>
                ) : null}
              </span>
            }
          />
        ) : (
          <div ref={listRef} role="listbox" aria-label="搜索结果" data-testid="search-results" data-stale={dim ? '' : undefined} style={dim ? { opacity: 0.6 } : undefined}>
            {hits.map((h, i) => (
              <HitRow key={`${h.versionId}#${h.articleKey}`} hit={h} index={i} selected={i === selected} onOpen={onOpen} onHover={onHover} />
            ))}
            {later && later.total > PAGE && <Pager page={page} total={later.total} onPage={onPage} />}
          </div>
        )}
        {dq && later && later.hits.length > 0 && (
          <Button type="link" style={{ paddingLeft: 0, marginTop: 8 }} onClick={() => inputRef.current?.focus()}>
            返回搜索框
          </Button>
        )}
      </section>
      <ResultStyles />
      {packMounted && <AddToPack items={packItems} what={`检索“${dq}”的前 ${packLimit} 条结果`} onClose={() => setPackItems(undefined)} />}
    </div>
  );
}

/**
 * One hidden instance of each antd component that answers bring (facet checkboxes, pager, 加入简报,
 * a citation's Alert, did-you-mean tags, the spinner): antd generates a component's CSS when its
 * first instance mounts, so without these the first answers after start generated it (5–20 ms
 * each, and a restyle of the whole page for each new <style>) between a keystroke and its results.
 * Rendered with the page, before anything can be typed; never re-rendered.
 */
const ResultStyles = memo(function ResultStyles() {
  return (
    <div style={{ display: 'none' }} aria-hidden="true">
      <Tooltip>
        <Button size="small" />
      </Tooltip>
      <Button type="link" />
      <Pagination total={30} />
      <Checkbox.Group options={['']} />
      <Alert title="" />
      <Tag />
      <Spin />
      <Typography.Text />
    </div>
  );
});

/** A handler that is the same function on every render and calls the latest render's code (for memoised children). */
function useStable<A extends unknown[]>(fn: (...a: A) => void): (...a: A) => void {
  const ref = useRef(fn);
  useEffect(() => {
    ref.current = fn;
  });
  return useState(() => (...a: A) => ref.current(...a))[0];
}

/**
 * The search box: re-rendered by its own text only. A plain Input (Input.Search's button and its
 * click-wave were re-rendered on every keystroke and answer). An input method's composition never
 * searches; its committed word does (compositionend).
 */
const SearchBox = memo(function SearchBox({
  value,
  inputRef,
  onText,
  onComposeStart,
  onComposeEnd,
}: {
  value: string;
  inputRef: React.RefObject<InputRef | null>;
  onText: (e: React.ChangeEvent<HTMLInputElement>) => void;
  onComposeStart: () => void;
  onComposeEnd: (e: React.CompositionEvent<HTMLInputElement>) => void;
}) {
  return (
    <div data-testid="search-input">
      <Input
        ref={inputRef}
        size="large"
        allowClear
        prefix={<SearchOutlined style={{ color: '#999' }} />}
        placeholder="输入关键词搜索条文：空格分隔为“且”，引号内为短语，-词 为排除；也可输入 行政许可法第十二条"
        value={value}
        onChange={onText}
        onCompositionStart={onComposeStart}
        onCompositionEnd={onComposeEnd}
        aria-label="搜索条文"
      />
    </div>
  );
});

const Pager = memo(function Pager({ page, total, onPage }: { page: number; total: number; onPage: (p: number) => void }) {
  if (total <= PAGE) return null;
  return <Pagination style={{ marginTop: 16 }} current={page} pageSize={PAGE} total={Math.min(total, 2000)} showSizeChanger={false} onChange={onPage} />;
});

const AddSearchToPack = memo(function AddSearchToPack({ cites, favoritesOnly, limit, onAdd }: { cites: boolean; favoritesOnly: boolean; limit: number; onAdd: () => void }) {
  return (
    <Tooltip title={cites ? '“引用:”的结果不能作为检索加入简报：请在结果中逐条加入' : favoritesOnly ? '只搜收藏时不能加入简报（简报导出时按当时的筛选重新检索）' : `把这次检索（含筛选）的前 ${limit} 条条文加入简报，导出时按当时的资料库重新检索`}>
      <Button size="small" icon={<FileAddOutlined />} disabled={favoritesOnly || cites} onClick={onAdd} data-testid="search-add-to-pack">
        加入简报
      </Button>
    </Tooltip>
  );
});

const NO_FACETS = { level: {}, region: {}, status: {}, category: {} };

/** The filters beside the results: re-rendered when the (deferred) facets or a filter change, not per keystroke. */
const SearchFilters = memo(function SearchFilters({
  facets = NO_FACETS,
  hasHits,
  levels,
  regions,
  statuses,
  categories,
  inForceOnly,
  asOf,
  favoritesOnly,
  favoriteCount,
  set,
}: {
  facets?: ApiOutput<'search:query'>['facets'] | undefined;
  hasHits: boolean;
  levels: Level[];
  regions: string[];
  statuses: Status[];
  categories: string[];
  inForceOnly: boolean;
  asOf: string | undefined;
  favoritesOnly: boolean;
  favoriteCount: number;
  set: {
    setLevels: (v: Level[]) => void;
    setRegions: (v: string[]) => void;
    setStatuses: (v: Status[]) => void;
    setCategories: (v: string[]) => void;
    setInForceOnly: (v: boolean) => void;
    setAsOf: (v: string | undefined) => void;
    setFavoritesOnly: (v: boolean) => void;
  };
}) {
  const { setLevels, setRegions, setStatuses, setCategories, setInForceOnly, setAsOf, setFavoritesOnly } = set;
  const categoryValues = useCategoryOrder(facets.category);
  return (
    <aside style={{ width: 190, flex: 'none' }} aria-label="筛选">
      <div className="facet-block">
        <h4>时效</h4>
        {/* A label, so the words toggle it too. */}
        <label style={{ display: 'inline-flex', alignItems: 'center', gap: 8, cursor: 'pointer' }} data-testid="search-in-force">
          <Switch size="small" checked={inForceOnly} onChange={setInForceOnly} />
          只看现行有效
        </label>
        <div style={{ marginTop: 8 }}>
          <DatePicker
            size="small"
            placeholder="某日有效的版本"
            // The column's width, so the placeholder is read whole (antd's own width cut it to 某日有效的…).
            style={{ width: '100%' }}
            value={asOf ? dayjs(asOf) : null}
            onChange={(d) => setAsOf(d ? d.format('YYYY-MM-DD') : undefined)}
            aria-label="只搜某日有效的版本"
            data-testid="search-as-of"
          />
        </div>
      </div>
      {(favoriteCount > 0 || favoritesOnly) && (
        <div className="facet-block" data-testid="search-favorites">
          <h4>收藏</h4>
          <Checkbox checked={favoritesOnly} onChange={(e) => setFavoritesOnly(e.target.checked)}>
            只搜收藏的法规 <Typography.Text type="secondary">({favoriteCount})</Typography.Text>
          </Checkbox>
        </div>
      )}
      {hasHits && (
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginBottom: 8 }} data-testid="search-facet-unit">
          括号内为结果数：命中的条文，及标题命中的法规（每部算一条）
        </Typography.Text>
      )}
      <FacetList hideWhenEmpty title="效力级别" values={LEVELS} counts={facets.level} selected={levels} onChange={setLevels} testId="search-facet-level" />
      <FacetList hideWhenEmpty title="时效性" values={inForceOnly ? STATUSES.filter((st) => st === '现行有效') : STATUSES} counts={facets.status} selected={statuses} onChange={setStatuses} testId="search-facet-status" />
      <RegionFacet hideWhenEmpty tree={facets.regionTree ?? []} selected={regions} onChange={setRegions} testId="search-facet-region" />
      <FacetList hideWhenEmpty title="分类" values={categoryValues} counts={facets.category} selected={categories} onChange={setCategories} testId="search-facet-category" />
    </aside>
  );
});
