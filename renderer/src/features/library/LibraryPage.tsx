// 法规库: every law in the library (its current version), with facets and counts for 效力级别,
// 地区, 时效性 and 收藏, a title filter, and sorting by 公布/施行日期 or title. The table is
// virtualised, so thousands of rows scroll without lag.

import { StarFilled, StarOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Checkbox, DatePicker, Grid, Input, Select, Space, Table, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import type { LawRow, LawSort } from '../../../../electron/shared/api-contract';
import { LEVELS, STATUSES, type Level, type Status } from '../../../../electron/shared/law-model';
import { errorMessage } from '../../api/client';
import { prefetchCall, useCall } from '../../api/hooks';
import { EmptyState, ErrorState, StatusTag } from '../../components/common';
import { FacetList, useCategoryOrder, useRegionOrder } from '../../components/facet-list';
import { navigate, onRouteOpen } from '../../router';
import { useSettings } from '../../settings-context';
import { App as AntApp } from 'antd';

function useWindowHeight(): number {
  const [h, setH] = useState(window.innerHeight);
  useEffect(() => {
    const on = () => setH(window.innerHeight);
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return h;
}

/** A row of the table: a law, or a code stored as parts (民法典) holding its parts in the code's order. */
type TableRow = LawRow & { children?: LawRow[] };

/** Consecutive parts of one code (the API keeps them together, in order) become one code row. */
function groupCodes(rows: LawRow[]): TableRow[] {
  const out: TableRow[] = [];
  for (const r of rows) {
    const last = out.at(-1);
    if (r.code && last?.children && last.code?.key === r.code.key) {
      last.children.push(r);
      last.articleCount += r.articleCount;
      continue;
    }
    if (r.code && r.code.count > 1) {
      const { subtitle: _s, ...first } = r;
      out.push({ ...first, lawId: `code:${r.code.key}`, title: r.code.title, shortTitle: r.code.title, children: [r] });
      continue;
    }
    out.push(r);
  }
  return out;
}

const SORTS: { value: string; label: string; sort: LawSort }[] = [
  { value: 'published-desc', label: '公布日期（新→旧）', sort: { field: 'published', order: 'desc' } },
  { value: 'published-asc', label: '公布日期（旧→新）', sort: { field: 'published', order: 'asc' } },
  { value: 'effective-desc', label: '施行日期（新→旧）', sort: { field: 'effective', order: 'desc' } },
  { value: 'effective-asc', label: '施行日期（旧→新）', sort: { field: 'effective', order: 'asc' } },
  { value: 'title-asc', label: '标题（拼音 A→Z）', sort: { field: 'title', order: 'asc' } },
  { value: 'level-asc', label: '效力级别（高→低）', sort: { field: 'level', order: 'asc' } },
];

/** What the table asks of laws:list — one builder, so a prefetch has the page's very key. */
function listInput(f: { q: string; levels: Level[]; regions: string[]; statuses: Status[]; categories: string[]; favoritesOnly: boolean; sortKey: string; asOf?: string | undefined }) {
  const sort = SORTS.find((s) => s.value === f.sortKey)!.sort;
  const { q, levels, regions, statuses, categories, favoritesOnly, asOf } = f;
  return { q, levels, regions, statuses, categories, favoritesOnly, sort, ...(asOf ? { asOf } : {}) };
}

const DEFAULT_SORT = 'published-desc';

// The list is asked for as the address moves to 法规库, not after the page's first render, commit
// and paint: its answer (≈ 2,500 laws) is on its way while the page mounts. The page's first ask
// is the unfiltered one (default filters from 设置 follow once applied, as before).
onRouteOpen('library', (r) =>
  prefetchCall('laws:list', listInput({ q: '', levels: [], regions: [], statuses: [], categories: [], favoritesOnly: false, sortKey: DEFAULT_SORT, asOf: r.asOf }), 0),
);

export function LibraryPage({ asOf }: { asOf?: string | undefined }) {
  const { message } = AntApp.useApp();
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
  const list = useCall('laws:list', input, favTick);

  const toggleFavorite = async (row: LawRow) => {
    try {
      await setFavorite(row.lawId, !row.favorite);
      setFavTick((t) => t + 1);
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  // Below 1200 px (a 1024×700 screen) the table drops 公布日期 and narrows, instead of scrolling sideways.
  const wide = Grid.useBreakpoint().xl !== false;
  const columns: ColumnsType<TableRow> = useMemo(
    () => [
      {
        title: '',
        key: 'fav',
        width: 40,
        render: (_, r) => (
          <Button
            type="text"
            size="small"
            aria-label={r.favorite ? '取消收藏' : '收藏'}
            icon={r.favorite ? <StarFilled style={{ color: '#faad14' }} /> : <StarOutlined />}
            onClick={(e) => {
              e.stopPropagation();
              void toggleFavorite(r);
            }}
          />
        ),
      },
      {
        title: '标题',
        key: 'title',
        render: (_, r) =>
          r.children ? (
            <span data-testid="code-title">
              <a href={`#/read/${encodeURIComponent(r.versionId)}`} onClick={(e) => e.stopPropagation()}>
                {r.title}
              </a>
              <Typography.Text type="secondary">（{r.children.length} 编）</Typography.Text>
            </span>
          ) : (
            <a href={`#/read/${encodeURIComponent(r.versionId)}`} onClick={(e) => e.stopPropagation()} data-testid="law-title">
              {r.code && r.code.count > 1 ? r.subtitle : r.title}
              {r.subtitle && !(r.code && r.code.count > 1) ? ` · ${r.subtitle}` : ''}
            </a>
          ),
      },
      { title: '效力级别', dataIndex: 'level', width: wide ? 110 : 92 },
      { title: '地区', dataIndex: 'region', width: wide ? 110 : 84, ellipsis: true },
      ...(wide ? [{ title: '公布日期', dataIndex: 'published', width: 112, render: (v?: string) => v ?? '—' }] : []),
      { title: '施行日期', dataIndex: 'effective', width: wide ? 112 : 104, render: (v?: string) => v ?? '—' },
      { title: '时效性', dataIndex: 'status', width: wide ? 96 : 84, render: (s: Status) => <StatusTag status={s} /> },
      {
        title: '条数',
        dataIndex: 'articleCount',
        width: wide ? 70 : 62,
        align: 'right',
        render: (n: number, r) => (
          <Tooltip title={!r.children && r.versionCount > 1 ? `共 ${r.versionCount} 个版本` : undefined}>
            {n}
            {!r.children && r.versionCount > 1 ? <Badge count={r.versionCount} size="small" color="#bbb" style={{ marginLeft: 4 }} /> : null}
          </Tooltip>
        ),
      },
    ],
    [wide],
  );

  const rows = useMemo(() => groupCodes(list.data?.rows ?? []), [list.data]);
  // codes open by default: their parts are what one reads; a user may fold them
  const [folded, setFolded] = useState<Set<string>>(new Set());
  const expanded = rows.filter((r) => r.children && !folded.has(r.lawId)).map((r) => r.lawId);
  const setExpanded = (keys: string[]) => setFolded(new Set(rows.filter((r) => r.children && !keys.includes(r.lawId)).map((r) => r.lawId)));
  const facets = list.data?.facets ?? { level: {}, region: {}, status: {}, category: {} };
  const regionValues = useRegionOrder(facets.region);
  const categoryValues = useCategoryOrder(facets.category);
  const filtered = levels.length + regions.length + statuses.length + categories.length > 0 || favoritesOnly || q !== '';

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
        <FacetList title="地区" values={regionValues} counts={facets.region} selected={regions} onChange={setRegions} testId="facet-region" />
        <FacetList title="分类" values={categoryValues} counts={facets.category} selected={categories} onChange={setCategories} testId="facet-category" />
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
            <DatePicker
              placeholder="查看某日有效的版本"
              value={asOf ? dayjs(asOf) : null}
              onChange={(d) => navigate({ page: 'library', ...(d ? { asOf: d.format('YYYY-MM-DD') } : {}) }, { replace: true })}
              style={{ width: wide ? 190 : 160 }}
              data-testid="library-as-of"
            />
            <Select value={sortKey} onChange={setSortKey} options={SORTS} style={{ width: wide ? 180 : 140 }} popupMatchSelectWidth={false} aria-label="排序" data-testid="library-sort" />
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
          <Table<TableRow>
            rowKey="lawId"
            size="middle"
            virtual
            columns={columns}
            dataSource={rows}
            expandable={{ expandedRowKeys: expanded, onExpandedRowsChange: (keys) => setExpanded(keys as string[]), indentSize: 20, expandIconColumnIndex: 1 }}
            loading={list.loading && !list.data}
            pagination={false}
            scroll={{ y: Math.max(240, height - 200), x: wide ? 900 : 600 }}
            onRow={(r) => ({ onClick: () => navigate({ page: 'read', versionId: r.versionId }), style: { cursor: 'pointer' } })}
            locale={{
              emptyText: list.loading ? ' ' : filtered ? (
                <EmptyState description="没有符合筛选条件的法规" />
              ) : (
                <EmptyState description="资料库是空的">
                  <Button type="primary" href="#/import">
                    导入法规文件
                  </Button>
                </EmptyState>
              ),
            }}
          />
        )}
      </section>
    </div>
  );
}
