// 搜索: full-text search as you type, with the engine's filters and facets, highlighted snippets,
// ↑↓ + Enter keyboard navigation, result count and time, "did you mean" and citation jumps.

import { AimOutlined, FileAddOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, DatePicker, Input, Pagination, Space, Spin, Switch, Tag, Tooltip, Typography, type InputRef } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import type { ApiOutput, PackItemDto } from '../../../../electron/shared/api-contract';
import { LEVELS, STATUSES, type Level, type Status } from '../../../../electron/shared/law-model';
import { useCall, useLibraryGeneration } from '../../api/hooks';
import { EmptyState, Highlighted, StatusTag } from '../../components/common';
import { FacetList, useCategoryOrder, useRegionOrder } from '../../components/facet-list';
import { handleListKeys } from '../../components/list-keys';
import { navigate } from '../../router';
import { AddToPack } from '../packs/AddToPack';
import { useSettings } from '../../settings-context';

type Hit = ApiOutput<'search:query'>['hits'][number];
const PAGE = 20;
/** At most this many articles of a search go into a briefing pack (each with its full text). */
const PACK_SEARCH_LIMIT = 50;

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

export function SearchPage({ initialQuery }: { initialQuery: string }) {
  const { settings, loaded } = useSettings();
  const [q, setQ] = useState(initialQuery);
  const [levels, setLevels] = useState<Level[]>([]);
  const [regions, setRegions] = useState<string[]>([]);
  const [statuses, setStatuses] = useState<Status[]>([]);
  const [categories, setCategories] = useState<string[]>([]);
  const [favoritesOnly, setFavoritesOnly] = useState(false);
  const [inForceOnly, setInForceOnly] = useState(false);
  const [asOf, setAsOf] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [packItems, setPackItems] = useState<PackItemDto[]>();
  const [selected, setSelected] = useState(0);
  const inputRef = useRef<InputRef>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const gen = useLibraryGeneration();

  useEffect(() => {
    if (!loaded) return;
    setInForceOnly(settings.defaultFilters.inForceOnly);
    setLevels(settings.defaultFilters.levels);
    setRegions(settings.defaultFilters.regions);
  }, [loaded]);
  useEffect(() => inputRef.current?.focus(), []);

  const dq = useDebounced(q.trim(), 180);
  useEffect(() => {
    history.replaceState(null, '', dq ? `#/search?q=${encodeURIComponent(dq)}` : '#/search');
  }, [dq]);
  useEffect(() => {
    setPage(1);
    setSelected(0);
  }, [dq, levels, regions, statuses, categories, favoritesOnly, inForceOnly, asOf]);

  const input = dq
    ? { q: dq, limit: PAGE, offset: (page - 1) * PAGE, levels, regions, statuses, categories, inForceOnly, ...(favoritesOnly ? { favoritesOnly } : {}), ...(asOf ? { asOf } : {}) }
    : null;
  const res = useCall('search:query', input, JSON.stringify(input) + gen);
  const result = dq ? res.data : undefined;
  const hits = result?.hits ?? [];

  const open = (h: Hit) => navigate({ page: 'read', versionId: h.versionId, articleKey: h.articleKey, highlight: dq });

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (!hits.length) return;
    // Only from the search box or the results: Enter in the date picker, a facet or the 加入简报
    // dialog (whose events bubble here through the React tree) must not open a hit.
    const from = e.target as Node;
    if (from !== inputRef.current?.input && !listRef.current?.contains(from)) return;
    handleListKeys(e, {
      count: hits.length,
      setSelected,
      onEnter: () => {
        const h = hits[selected];
        if (h) open(h);
      },
    });
  };
  useEffect(() => {
    listRef.current?.querySelector('.search-hit.selected')?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const facets = result?.facets ?? { level: {}, region: {}, status: {}, category: {} };
  const regionValues = useRegionOrder(facets.region);
  const categoryValues = useCategoryOrder(facets.category);
  const favoriteCount = settings.favorites.length;
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

  return (
    <div className="page" style={{ display: 'flex', gap: 20 }} onKeyDown={onKeyDown}>
      <aside style={{ width: 190, flex: 'none' }} aria-label="筛选">
        <div className="facet-block">
          <h4>时效</h4>
          <Space>
            <Switch size="small" checked={inForceOnly} onChange={setInForceOnly} aria-label="只看现行有效" />
            只看现行有效
          </Space>
          <div style={{ marginTop: 8 }}>
            <DatePicker
              size="small"
              placeholder="某日有效的版本"
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
        <FacetList hideWhenEmpty title="效力级别" values={LEVELS} counts={facets.level} selected={levels} onChange={setLevels} testId="search-facet-level" />
        <FacetList hideWhenEmpty title="时效性" values={STATUSES} counts={facets.status} selected={statuses} onChange={setStatuses} testId="search-facet-status" />
        <FacetList hideWhenEmpty title="地区" values={regionValues} counts={facets.region} selected={regions} onChange={setRegions} testId="search-facet-region" />
        <FacetList hideWhenEmpty title="分类" values={categoryValues} counts={facets.category} selected={categories} onChange={setCategories} testId="search-facet-category" />
      </aside>
      <section style={{ flex: 1, minWidth: 0, maxWidth: 960 }}>
        <Input.Search
          ref={inputRef}
          size="large"
          allowClear
          placeholder="输入关键词搜索条文：空格分隔为“且”，引号内为短语，-词 为排除；也可输入 行政许可法第十二条"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          loading={res.loading && !!dq}
          data-testid="search-input"
        />
        <div style={{ margin: '10px 0', minHeight: 22, display: 'flex', alignItems: 'center', gap: 12 }}>
          {result && (
            <Typography.Text type="secondary" data-testid="search-count">
              找到 {result.total} 条结果，用时 {result.tookMs.toFixed(result.tookMs < 10 ? 1 : 0)} 毫秒
              <span style={{ marginLeft: 12 }}>
                <kbd>↑</kbd> <kbd>↓</kbd> 选择，<kbd>Enter</kbd> 打开
              </span>
            </Typography.Text>
          )}
          {result && result.total > 0 && (
            <Tooltip title={favoritesOnly ? '只搜收藏时不能加入简报（简报导出时按当时的筛选重新检索）' : `把这次检索（含筛选）的前 ${packLimit} 条条文加入简报，导出时按当时的资料库重新检索`}>
              <Button size="small" icon={<FileAddOutlined />} disabled={favoritesOnly} onClick={() => setPackItems([searchItem])} data-testid="search-add-to-pack">
                加入简报
              </Button>
            </Tooltip>
          )}
        </div>
        {result?.jump && (
          <Alert
            type="info"
            showIcon
            icon={<AimOutlined />}
            style={{ marginBottom: 12 }}
            title={
              <span>
                看起来是引用：
                <a href={`#/read/${encodeURIComponent(result.jump.versionId)}?a=${encodeURIComponent(result.jump.articleKey)}`} data-testid="search-jump">
                  {result.jump.title} {result.jump.articleLabel}
                </a>
              </span>
            }
          />
        )}
        {!dq ? (
          <EmptyState description="输入关键词开始搜索：例如 行政许可 听证，或 统计法第七条" />
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
                没有找到“{dq}”
                {result.didYouMean?.length ? (
                  <>
                    。您是不是要找：
                    {result.didYouMean.map((s) => (
                      <Tag key={s} color="processing" style={{ cursor: 'pointer' }} onClick={() => setQ(s)} data-testid="did-you-mean">
                        {s}
                      </Tag>
                    ))}
                  </>
                ) : null}
              </span>
            }
          />
        ) : (
          <div ref={listRef} role="listbox" aria-label="搜索结果" data-testid="search-results">
            {hits.map((h, i) => (
              <div
                key={`${h.versionId}#${h.articleKey}`}
                role="option"
                aria-selected={i === selected}
                className={`search-hit${i === selected ? ' selected' : ''}`}
                onMouseEnter={() => setSelected(i)}
                onClick={() => open(h)}
                data-testid="search-hit"
              >
                <Space size={8} wrap>
                  <Typography.Text strong>
                    {h.title}
                    {h.subtitle ? ` · ${h.subtitle}` : ''} {h.articleLabel}
                  </Typography.Text>
                  <StatusTag status={h.status} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {h.level} · {h.region}
                    {h.versionDate ? ` · ${h.versionDate}` : ''}
                    {h.path.length ? ` · ${h.path.join(' / ')}` : ''}
                  </Typography.Text>
                </Space>
                <div className="snippet">
                  <Highlighted text={h.snippet} ranges={h.highlights} />
                </div>
              </div>
            ))}
            {result.total > PAGE && (
              <Pagination style={{ marginTop: 16 }} current={page} pageSize={PAGE} total={Math.min(result.total, 2000)} showSizeChanger={false} onChange={setPage} />
            )}
          </div>
        )}
        {dq && result && hits.length > 0 && (
          <Button type="link" style={{ paddingLeft: 0, marginTop: 8 }} onClick={() => inputRef.current?.focus()}>
            返回搜索框
          </Button>
        )}
      </section>
      <AddToPack items={packItems} what={`检索“${dq}”的前 ${packLimit} 条结果`} onClose={() => setPackItems(undefined)} />
    </div>
  );
}
