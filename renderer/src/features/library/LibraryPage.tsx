// 法规库: every law in the library (its current version), with facets and counts for 效力级别,
// 地区, 时效性 and 收藏, a title filter, and sorting by 公布/施行日期, title or level (the select or
// a column's header). The grid is windowed (VirtualGrid): only a screenful of rows is in the DOM,
// so the page's first render costs the same for 25 laws or 2,500.
//
// The first screen comes first (as the reader's first articles do): the page asks for the rows a
// window shows (with the whole list's total and facets), draws them, and only then asks for the
// whole list, which replaces them — 2,592 rows (490 K characters) answered, parsed and completed
// no longer come before the first row is painted. The 地区 and 分类 facets (44 checkboxes), the
// date picker and the order select are drawn the frame after the rows.

import { Alert, Button, Checkbox, DatePicker, Grid, Input, Space, Spin, Typography } from 'antd';
import { TabLeavingSelect } from '../../components/tab-leaving-select';
import dayjs from 'dayjs';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { lawRowsFromCheckedWire, type LawRow } from '../../../../electron/shared/api-contract';
import { LEVELS, STATUSES, type Level, type Status } from '../../../../electron/shared/law-model';
import { errorMessage } from '../../api/client';
import { prefetchCall, useCall } from '../../api/hooks';
import { EmptyState, ErrorState } from '../../components/common';
import { FacetList, useCategoryOrder } from '../../components/facet-list';
import { RegionFacet } from '../../components/region-facet';
import { navigate, onRouteOpen } from '../../router';
import { VirtualGrid } from '../../components/virtual-grid';
import { useSettings } from '../../settings-context';
import { libraryColumns, ROW_HEIGHT } from './library-columns';
import { groupCodes, libraryLines, SORTS, type LibraryLine, type TableRow } from './library-rows';
import './library.css';
import { REMOVE_LAW_LABEL, RemoveLawDialog } from '../../components/RemoveDialog';
import { useNotify } from '../../components/notify';
import { useAfterFirstPaint } from '../../components/progressive';

function useWindowHeight(): number {
  const [h, setH] = useState(window.innerHeight);
  useEffect(() => {
    const on = () => setH(window.innerHeight);
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return h;
}

/** What the table asks of laws:list — one builder, so a prefetch has the page's very key. */
function listInput(f: { q: string; levels: Level[]; regions: string[]; statuses: Status[]; categories: string[]; favoritesOnly: boolean; sortKey: string; asOf?: string | undefined }) {
  const sort = SORTS.find((s) => s.value === f.sortKey)!.sort;
  const { q, levels, regions, statuses, categories, favoritesOnly, asOf } = f;
  return { q, levels, regions, statuses, categories, favoritesOnly, sort, ...(asOf ? { asOf } : {}) };
}

const DEFAULT_SORT = 'published-desc';

/**
 * How many rows the first ask brings: a window's worth at the grid's row height and then some (the
 * grid renders 6 either side of those in view). One builder, so the prefetch has the page's key.
 */
function firstScreenRows(): number {
  return Math.ceil(window.innerHeight / ROW_HEIGHT) + 12;
}

/** Renders its children from the frame after it mounted on (what can wait for the rows' first paint). */
function AfterPaint({ children }: { children: ReactNode }) {
  return useAfterFirstPaint() ? children : null;
}

// The list is asked for as the address moves to 法规库, not after the page's first render, commit
// and paint: its answer (≈ 2,500 laws) is on its way while the page mounts. The page's first ask
// is the unfiltered one (default filters from 设置 follow once applied, as before).
onRouteOpen('library', (r) =>
  prefetchCall('laws:list', { ...listInput({ q: '', levels: [], regions: [], statuses: [], categories: [], favoritesOnly: false, sortKey: DEFAULT_SORT, asOf: r.asOf }), limit: firstScreenRows() }, 0),
);

export function LibraryPage({ asOf }: { asOf?: string | undefined }) {
  const notify = useNotify();
  const { settings, loaded, setFavorite } = useSettings();
  const [q, setQ] = useState('');
  const [levels, setLevels] = useState<Level[]>([]);
  const [regions, setRegions] = useState<string[]>([]);
  const [statuses, setStatuses] = useState<Status[]>([]);
  const [categories, setCategories] = useState<string[]>([]);
  const [favoritesOnly, setFavoritesOnly] = useState(false);
  const [sortKey, setSortKey] = useState(DEFAULT_SORT);
  const [favTick, setFavTick] = useState(0);
  const height = useWindowHeight();

  // Default filters from 设置, applied once they are loaded.
  useEffect(() => {
    if (!loaded) return;
    setLevels(settings.defaultFilters.levels);
    setRegions(settings.defaultFilters.regions);
    if (settings.defaultFilters.inForceOnly) setStatuses(['现行有效']);
  }, [loaded]);

  const input = listInput({ q, levels, regions, statuses, categories, favoritesOnly, sortKey, asOf });
  // The page's first list: its first screen, then (once drawn) the whole. Later asks (a filter, an
  // order, a 收藏, a library change) are for the whole list, the rows shown until it comes.
  const [firstRows] = useState(firstScreenRows);
  const [wholeAsked, setWholeAsked] = useState(false);
  const head = useCall('laws:list', wholeAsked ? null : { ...input, limit: firstRows }, favTick);
  const headWhole = !!head.data && head.data.rows.length >= head.data.total;
  useEffect(() => {
    if (!head.data || headWhole) return;
    // After the first screen has painted: a frame, then a macrotask (as useAfterFirstPaint).
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setWholeAsked(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [head.data, headWhole]);
  const whole = useCall('laws:list', wholeAsked ? input : null, favTick);
  // Everything fits in the first screen's ask: it is the whole list, and it stays current (the
  // head's key follows the filters) until a longer list needs the second ask.
  const list = wholeAsked ? { ...whole, data: whole.data ?? head.data, loading: whole.loading } : head;

  const toggleFavorite = async (row: LawRow) => {
    try {
      await setFavorite(row.lawId, !row.favorite);
      setFavTick((t) => t + 1);
    } catch (e) {
      notify.fail(errorMessage(e), { title: '收藏未保存' });
    }
  };

  // Below 1200 px (a 1024×700 screen) the table drops 公布日期 and narrows, instead of scrolling sideways.
  const wide = Grid.useBreakpoint().xl !== false;
  const rows = useMemo(() => groupCodes(lawRowsFromCheckedWire(list.data?.rows ?? [])), [list.data]);
  // codes open by default: their parts are what one reads; a user may fold them
  const [folded, setFolded] = useState<ReadonlySet<string>>(new Set());
  const fold = (r: TableRow, on: boolean) =>
    setFolded((f) => {
      if (f.has(r.lawId) === on) return f;
      const next = new Set(f);
      if (on) next.add(r.lawId);
      else next.delete(r.lawId);
      return next;
    });
  const lines = useMemo(() => libraryLines(rows, folded), [rows, folded]);
  const sort = SORTS.find((s) => s.value === sortKey)!.sort;
  /** The row whose law the confirm dialog is about to remove (Delete, or the row's 删除 button). */
  const [removing, setRemoving] = useState<TableRow>();
  // The dialog goes away with its row (and its focused button): the focus goes back to the list, on the row
  // after the removed one, so Delete, ↑↓ and Enter go on without reaching for the mouse.
  const gridRef = useRef<HTMLDivElement>(null);
  const wasRemoving = useRef(false);
  useEffect(() => {
    const closed = wasRemoving.current && !removing;
    wasRemoving.current = !!removing;
    const at = document.activeElement;
    if (closed && (!at || at === document.body)) gridRef.current?.focus();
  }, [removing]);
  const columns = libraryColumns({ wide, sort, setSortKey, fold, folded, toggleFavorite: (r) => void toggleFavorite(r), remove: setRemoving, removeLabel: REMOVE_LAW_LABEL });
  const facets = list.data?.facets ?? { level: {}, region: {}, status: {}, category: {} };
  const categoryValues = useCategoryOrder(facets.category);
  const filtered = levels.length + regions.length + statuses.length + categories.length > 0 || favoritesOnly || q !== '';
  // The date picker and the order select (antd's heaviest widgets of the page, each with its popup
  // trigger, their styles made at their first mount after a page load) follow the first rows by a
  // frame, in boxes of their size, as the 简报's do: the rows no longer wait for them.
  const widgetsShown = useAfterFirstPaint(list.data !== undefined || !!list.error);

  return (
    <div className="page" style={{ display: 'flex', gap: 20 }}>
      <aside style={{ width: 190, flex: 'none' }} aria-label="筛选">
        <div className="facet-block">
          <h4>收藏</h4>
          <Checkbox checked={favoritesOnly} onChange={(e) => setFavoritesOnly(e.target.checked)} data-testid="facet-favorites">
            只看收藏 <Typography.Text type="secondary">({list.data?.favorites ?? 0})</Typography.Text>
          </Checkbox>
        </div>
        <FacetList title="效力级别" values={LEVELS} counts={facets.level} selected={levels} onChange={setLevels} testId="facet-level" />
        <FacetList title="时效性" values={STATUSES} counts={facets.status} selected={statuses} onChange={setStatuses} testId="facet-status" />
        {list.data && (
          <AfterPaint>
            <RegionFacet tree={facets.regionTree ?? []} selected={regions} onChange={setRegions} testId="facet-region" />
            <FacetList title="分类" values={categoryValues} counts={facets.category} selected={categories} onChange={setCategories} testId="facet-category" />
          </AfterPaint>
        )}
        {filtered && (
          <Button
            size="small"
            onClick={() => {
              setLevels([]);
              setRegions([]);
              setStatuses([]);
              setCategories([]);
              setFavoritesOnly(false);
              setQ('');
            }}
          >
            清除筛选
          </Button>
        )}
      </aside>
      <section style={{ flex: 1, minWidth: 0 }}>
        <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }} wrap>
          <Space>
            <Typography.Title level={4} style={{ margin: 0 }}>
              法规库
            </Typography.Title>
            <Typography.Text type="secondary" data-testid="library-total">
              {list.data ? `共 ${list.data.total} 部` : ''}
            </Typography.Text>
          </Space>
          <Space wrap>
            <Input.Search
              allowClear
              placeholder="按标题筛选"
              value={q}
              onChange={(e) => setQ(e.target.value)}
              style={{ width: wide ? 240 : 170 }}
              data-testid="library-filter"
            />
            {widgetsShown ? (
              <DatePicker
                placeholder="查看某日有效的版本"
                value={asOf ? dayjs(asOf) : null}
                onChange={(d) => navigate({ page: 'library', ...(d ? { asOf: d.format('YYYY-MM-DD') } : {}) }, { replace: true })}
                style={{ width: wide ? 190 : 160 }}
                data-testid="library-as-of"
              />
            ) : (
              <div className="control-room" style={{ width: wide ? 190 : 160 }} aria-busy="true" />
            )}
            {widgetsShown ? (
              <TabLeavingSelect value={sortKey} onChange={setSortKey} options={SORTS} style={{ width: wide ? 180 : 140 }} popupMatchSelectWidth={false} aria-label="排序" data-testid="library-sort" />
            ) : (
              <div className="control-room" style={{ width: wide ? 180 : 140 }} aria-busy="true" />
            )}
          </Space>
        </Space>
        {asOf && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="library-as-of-note"
            title={`显示 ${asOf} 当日有效的版本；当日尚未施行的法规不列出。“时效性”一栏是该版本今天的状态。`}
            action={
              <Button size="small" onClick={() => navigate({ page: 'library' }, { replace: true })}>
                回到现行版本
              </Button>
            }
          />
        )}
        {list.error ? (
          <ErrorState message={list.error} onRetry={list.reload} />
        ) : (
          <>
            <VirtualGrid<LibraryLine>
              rows={lines}
              columns={columns}
              rowKey={(l) => l.row.lawId}
              rowHeight={ROW_HEIGHT}
              height={Math.max(240, height - 224)}
              label="法规列表"
              onOpen={(l) => navigate({ page: 'read', versionId: l.row.versionId })}
              onRowKey={(e, l) => {
                if (e.key === ' ') {
                  void toggleFavorite(l.row);
                  return true;
                }
                if (e.key === 'Delete' && !l.row.children && !e.ctrlKey && !e.metaKey && !e.altKey) {
                  setRemoving(l.row);
                  return true;
                }
                if (l.row.children && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
                  fold(l.row, e.key === 'ArrowLeft');
                  return true;
                }
                return false;
              }}
              testId="library-grid"
              gridRef={gridRef}
              empty={
                list.loading ? (
                  <div className="lib-loading" data-testid="library-loading">
                    <Spin /> 正在载入法规…
                  </div>
                ) : filtered ? (
                  <EmptyState description="没有符合筛选条件的法规" />
                ) : (
                  <EmptyState description="资料库是空的">
                    <Button type="primary" href="#/import">
                      导入法规文件
                    </Button>
                  </EmptyState>
                )
              }
            />
            <Typography.Text type="secondary" className="lib-keys">
              <kbd>↑</kbd> <kbd>↓</kbd> 选择 · <kbd>Enter</kbd> 打开 · <kbd>空格</kbd> 收藏 · <kbd>Delete</kbd> 删除 · 左右方向键 折叠/展开法典
            </Typography.Text>
            {removing && <RemoveLawDialog lawId={removing.lawId} versionId={removing.versionId} onClose={() => setRemoving(undefined)} />}
          </>
        )}
      </section>
    </div>
  );
}
