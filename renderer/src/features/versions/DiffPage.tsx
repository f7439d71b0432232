// 版本对比: two versions of a law side by side, aligned by the article mapping, with character-level
// changes (insertions green, deletions red and struck through), the summary line and a filter to
// the articles that changed (asked of the core as such, so unchanged articles' texts are not sent).
// A long law's rows (民法典: over a thousand) are rendered as the reader's articles are: the first
// screen (by the rows' estimated heights) and the asked article's rows at once, the rest in slices from the top, each row once
// (memoised), the rows not rendered yet one spacer of their estimated height per run. The first
// answer carries the character changes (and the texts) of the first screen's rows and the asked
// article's only (a rewritten law has hundreds of changed rows: their diffs were most of the wait,
// their texts most of the answer); the full answer, asked once that has painted, brings the rest,
// and a row is rendered only with its changes. Esc goes back.

import { SwapOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Skeleton, Space, Switch, Tag, Typography } from 'antd';
import { TabLeavingSelect } from '../../components/tab-leaving-select';
import { memo, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { VersionDiffDto } from '../../../../electron/shared/api-contract';
import { versionDate } from '../../../../electron/shared/law-model';
import { FONT_SIZES } from '../../../../electron/shared/api/settings';
import { DIFF_ROWS_AROUND } from '../../../../electron/shared/api/versions';
import { prefetchCall, useCall } from '../../api/hooks';
import { EmptyState, ErrorState } from '../../components/common';
import { DiffText } from '../../components/records-ui';
import { hrefOf, navigate, onRouteOpen } from '../../router';
import { useOriginCrumb } from '../../components/origin-crumb';
import { useSettings } from '../../settings-context';
import { KIND_TEXT } from '../../components/mapping-kind';
import { useOnceTrue, useProgressiveCount } from '../../components/progressive';

type Row = VersionDiffDto['rows'][number];

function Side({ row, side }: { row: Row; side: 'old' | 'new' }) {
  const parts = side === 'old' ? row.from : row.to;
  if (!parts.length) return <div className="diff-cell empty">{side === 'old' ? '（原无此条）' : '（已删除）'}</div>;
  const labels = parts.map((p) => p.label).join('、');
  return (
    <div className="diff-cell">
      <span className="label">{labels}</span>
      {row.runs ? <DiffText runs={row.runs} side={side} /> : parts.map((p) => p.text).join('\n')}
    </div>
  );
}

/** The length of each line of a side's text (its parts joined), or what a first answer sent in place of the text. */
function lineLengths(r: Row, side: 'from' | 'to'): number[] {
  if (r.lines) return r.lines[side];
  return r[side].flatMap((p) => p.text.split('\n').map((l) => l.length));
}

/** A rough height of a row not rendered yet: its longer side's characters over a half-width line. */
function estimateRow(r: Row, fontSize: number): number {
  const perLine = Math.max(8, Math.floor(440 / fontSize));
  const lines = (side: 'from' | 'to') => (r[side].length ? lineLengths(r, side).reduce((k, l) => k + Math.ceil((l + 6) / perLine), 0) : 0);
  return Math.round(Math.max(1, lines('from'), lines('to')) * fontSize * 1.9 + 12 + 42);
}

/**
 * How many rows' character changes the first answer brings: at least as many as firstScreen can
 * want, every row counted at the least height estimateRow gives (one line at the smallest font).
 * Known before the answer (the prefetch sends the page's very input).
 */
function runsFirstFor(viewHeight: number): number {
  const least = (FONT_SIZES.min - 1) * 1.9 + 12 + 42;
  return Math.max(8, Math.ceil((2.5 * viewHeight) / least));
}

/**
 * Row by row, the full answer's rows where they show the same articles and texts as the first
 * answer's (stale answers are ignored): a row the first answer sent without its texts (runsPending)
 * by its lines' lengths.
 */
function withRuns(first: Row[], full: Row[] | undefined): Row[] {
  if (!full || full.length !== first.length) return first;
  const sameLines = (a: number[], b: number[]) => a.length === b.length && a.every((n, i) => n === b[i]);
  const side = (r: Row, f: Row, s: 'from' | 'to') =>
    r[s].length === f[s].length &&
    r[s].every((p, i) => p.key === f[s][i]!.key && (r.runsPending || p.text === f[s][i]!.text)) &&
    (!r.runsPending || sameLines(lineLengths(r, s), lineLengths(f, s)));
  if (!first.every((r, i) => side(r, full[i]!, 'from') && side(r, full[i]!, 'to'))) return first;
  // A row that has its runs keeps its object: memoised, it is not rendered again.
  return first.map((r, i) => (r.runsPending ? full[i]! : r));
}

/**
 * How many rows the first paint needs: those whose estimated heights fill the window two and a half
 * times (the estimate runs high, and the summary above takes part of the screen), at least eight.
 * A rewritten law's rows are long (刑诉法解释: a screen holds a few): a fixed 40 built several
 * screens that no one sees before the first paint.
 */
function firstScreen(heights: number[]): number {
  const want = 2.5 * (typeof window === 'undefined' ? 900 : window.innerHeight);
  let h = 0;
  let n = 0;
  while (n < heights.length && (n < 8 || h < want)) h += heights[n++]!;
  return n;
}

/** True once `data` (not undefined) has been rendered and a frame has passed since (false again for new data until its frame). */
function usePaintedAfter(data: unknown): boolean {
  const [painted, setPainted] = useState<unknown>(undefined);
  useEffect(() => {
    if (data === undefined) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(data), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [data]);
  return data !== undefined && painted === data;
}

/** `near`: one of the rows rendered around the asked one, laid out at once (see styles.css). */
const DiffRowView = memo(function DiffRowView({ row: r, index, near }: { row: Row; index: number; near: boolean }) {
  return (
    <div className={near ? 'diff-row near' : 'diff-row'} id={`diff-${r.from[0]?.key ?? 'new-' + r.to[0]?.key}`} data-testid="diff-row" data-kind={r.kind} data-row={index}>
      <div className="diff-kind">
        <Tag color={KIND_TEXT[r.kind]?.color}>{r.cosmetic && r.kind === 'same' ? '文字性调整' : KIND_TEXT[r.kind]?.text}</Tag>
      </div>
      <Side row={r} side="old" />
      <Side row={r} side="new" />
    </div>
  );
});

// The law and the diff are asked for as the address moves to 版本对比 (the versions are in it
// when a link names them), while the page mounts, instead of after its first render and paint.
onRouteOpen('diff', (r) => {
  prefetchCall('law:get', { lawId: r.lawId });
  if (r.from && r.to && r.from !== r.to) prefetchCall('versions:diff', diffInput(r.from, r.to, false, { articleKey: r.articleKey }));
});

/**
 * What the page asks of versions:diff — one builder, so a prefetch has the page's very key: the
 * first answer (`first`: runs for the first screen and the asked article) or the full one.
 */
function diffInput(fromId: string, toId: string, showAll: boolean, first?: { articleKey: string | undefined }) {
  const base = { fromId, toId, changedOnly: !showAll };
  if (!first) return base;
  const runsFirst = runsFirstFor(typeof window === 'undefined' ? 900 : window.innerHeight);
  return { ...base, runsFirst, ...(first.articleKey ? { runsAround: first.articleKey } : {}) };
}

export function DiffPage({ lawId, from, to, articleKey }: { lawId: string; from?: string | undefined; to?: string | undefined; articleKey?: string | undefined }) {
  const { settings } = useSettings();
  const origin = useOriginCrumb();
  const law = useCall('law:get', { lawId });
  const versions = law.data?.versions ?? [];
  const fromId = from ?? versions[versions.length - 2]?.id;
  const toId = to ?? versions[versions.length - 1]?.id;
  const [showAll, setShowAll] = useState(false);
  const both = fromId && toId && fromId !== toId;
  const diff = useCall('versions:diff', both ? diffInput(fromId, toId, showAll, { articleKey }) : null);
  const pending = diff.data?.rows.some((r) => r.runsPending) ?? false;
  // The full answer is asked once the first answer's rows have had their frame: its request (over
  // HTTP a fetch, 8–12 ms of the first paint's task on a fresh page) and its answer (every text,
  // ≈ 850 KB for 刑诉法解释) no longer come before the first screen. Only the page's first: another
  // filter or pair of versions asks both at once, as the page shows the rows it has meanwhile.
  const firstPainted = useOnceTrue(usePaintedAfter(diff.data));
  const full = useCall('versions:diff', both && pending && firstPainted ? diffInput(fromId, toId, showAll) : null);
  const body = useRef<HTMLDivElement>(null);
  const rows = useMemo(
    () => withRuns(diff.data?.rows ?? [], full.data?.rows).filter((r) => showAll || r.kind !== 'same' || r.cosmetic),
    [diff.data, full.data, showAll],
  );
  // Rows are rendered in order up to the first still waiting for its changes.
  const withChanges = useMemo(() => {
    const i = rows.findIndex((r) => r.runsPending);
    return i < 0 ? rows.length : i;
  }, [rows]);
  // The asked article is a key of either version (the reader's 版本对比 passes the one it shows).
  const target = articleKey ? rows.findIndex((r) => r.to.some((p) => p.key === articleKey) || r.from.some((p) => p.key === articleKey)) : -1;
  const heights = useMemo(() => rows.map((r) => estimateRow(r, settings.fontSize - 1)), [rows, settings.fontSize]);
  const ready = useProgressiveCount(withChanges, firstScreen(heights), 80);
  const isNear = (i: number) => target >= 0 && i >= target - DIFF_ROWS_AROUND.before && i < target + DIFF_ROWS_AROUND.after;
  const isRendered = (i: number) => (i < ready || isNear(i)) && !rows[i]!.runsPending;

  // The asked row to the middle of the view once it is in the page (a row is display: contents:
  // its first cell is what has a box).
  // Once per list of rows (a new answer, the filter switched) and asked article.
  const scrolled = useRef<{ rows: Row[]; key: string | undefined }>(undefined);
  useEffect(() => {
    if (target < 0 || (scrolled.current?.rows === rows && scrolled.current.key === articleKey)) return;
    const el = document.querySelector(`[data-row="${target}"] > .diff-kind`);
    if (!el) return;
    scrolled.current = { rows, key: articleKey };
    el.scrollIntoView({ block: 'center' });
  });

  // Esc goes back, to where 版本对比 was opened from (the reader, on its article), as Alt+← does; a
  // comparison opened first in the window goes to the newer version in the reader. Not an Esc that
  // closed a version list (the select stops it) or one typed in an input method.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || e.isComposing || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return;
      e.preventDefault();
      if (history.length > 1) history.back();
      else if (toId) navigate({ page: 'read', versionId: toId, ...(articleKey ? { articleKey } : {}) });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toId, articleKey]);

  const blocks: ReactNode[] = [];
  let gap = 0;
  const closeGap = (at: number) => {
    if (gap > 0) blocks.push(<div key={`gap-${at}`} className="diff-gap" style={{ gridColumn: '1 / 3', height: gap }} aria-busy="true" />);
    gap = 0;
  };
  rows.forEach((r, i) => {
    if (!isRendered(i)) {
      gap += heights[i]!;
      return;
    }
    closeGap(i);
    blocks.push(<DiffRowView key={`${r.from.map((x) => x.key).join(',')}>${r.to.map((x) => x.key).join(',')}`} row={r} index={i} near={isNear(i)} />);
  });
  closeGap(rows.length);

  if (law.error) return <ErrorState message={law.error} onRetry={law.reload} />;
  if (!law.data)
    return (
      <div data-testid="diff-page">
        <Skeleton active style={{ padding: 24 }} />
      </div>
    );
  const options = [...versions].reverse().map((v) => ({ value: v.id, label: `${versionDate(v) || '无日期'} · ${v.status}` }));
  const go = (f?: string, t?: string) => navigate({ page: 'diff', lawId, ...(f ? { from: f } : {}), ...(t ? { to: t } : {}) }, { replace: true });
  const current = versions.find((v) => v.id === toId);

  return (
    <div className="page" ref={body} data-testid="diff-page">
      <Breadcrumb
        items={[
          origin,
          { title: current ? <a href={hrefOf({ page: 'read', versionId: current.id })}>{law.data.law.title}</a> : law.data.law.title },
          { title: '版本对比' },
        ]}
      />
      <Space wrap style={{ margin: '12px 0' }} align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>
          版本对比
        </Typography.Title>
        <TabLeavingSelect value={fromId} options={options} style={{ width: 220 }} onChange={(v) => go(v, toId)} aria-label="旧版本" data-testid="diff-from" />
        <Button icon={<SwapOutlined />} onClick={() => go(toId, fromId)} aria-label="交换" />
        <TabLeavingSelect value={toId} options={options} style={{ width: 220 }} onChange={(v) => go(fromId, v)} aria-label="新版本" data-testid="diff-to" />
        <Space>
          <Switch checked={!showAll} onChange={(v) => setShowAll(!v)} data-testid="diff-changed-only" />
          只看有变化的条文
        </Space>
      </Space>
      {versions.length < 2 ? (
        <EmptyState description="这部法规只有一个版本，没有可以对比的版本" />
      ) : fromId === toId ? (
        <Alert type="info" showIcon title="请选择两个不同的版本" />
      ) : diff.error || full.error ? (
        <ErrorState message={(diff.error ?? full.error)!} onRetry={diff.error ? diff.reload : full.reload} />
      ) : !diff.data ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <>
          <Alert type="info" showIcon title={<span data-testid="diff-summary">{diff.data.summaryLine}</span>} style={{ marginBottom: 12 }} />
          <div className="diff-grid" style={{ fontSize: settings.fontSize - 1 }} data-testid="diff-rows" data-rendered={ready >= rows.length ? 'all' : 'partial'}>
            <div className="diff-head">{diff.data.from.date} 版</div>
            <div className="diff-head">{diff.data.to.date} 版</div>
            {rows.length === 0 && <div style={{ gridColumn: '1 / 3' }}><EmptyState description="两个版本之间没有变化的条文" /></div>}
            {blocks}
          </div>
        </>
      )}
    </div>
  );
}
