// 阅读: one version of a law — metadata header with 时效性 (editable, with its basis), version
// switcher (following the article mapping), 查看某日有效的版本, 版本对比, 编/章/节 table of contents with
// citation counts, every article with an anchor, search-term highlighting, 在本法中查找 with
// Enter / Shift+Enter, 复制引用, 历次版本, 加入简报, the 被引用 panel and an adjustable font size.
//
// A long law (民法典, 1,260 articles) must open without freezing the window: its text is asked for
// as the address changes (version-prefetch), first only the run of articles the first screen shows
// (around the article asked for) and the whole text once that has painted; the first screen (and the
// article asked for) is rendered at once and the rest in slices between frames (not-yet-rendered runs are one spacer of
// their estimated height each), each article skips layout while off-screen (content-visibility)
// and mounts its toolbar only when hovered, focused or active; an article of thousands of
// characters is laid out a screenful at a time (ArticleText's pieces). The TOC tree, the version
// tools and the law's relations come one frame after the text, and the dialogs when first opened.
// The TOC follows the article at the top of the view.

import { DeleteOutlined, DiffOutlined, DownOutlined, EditOutlined, FontSizeOutlined, MinusOutlined, PlusOutlined, UpOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, DatePicker, Descriptions, Dropdown, Input, Skeleton, Space, Tag, Tooltip, Tree, Typography } from 'antd';
import { isTextField } from '../../components/page-keys';
import { TabLeavingSelect } from '../../components/tab-leaving-select';
import { memo, startTransition, useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { FIRST_PART, type PackItemDto } from '../../../../electron/shared/api-contract';
import { client, errorMessage } from '../../api/client';
import { AddToPack } from '../../components/AddToPack';
import { ArticleHistory } from '../../components/ArticleHistory';
import { CitedByPanel } from './CitedByPanel';
import { linksByArticle } from './LinkedText';
import { CitedByLawsList, LawRelationsPanel } from './LawRelationsPanel';
import { StatusEditor } from './StatusEditor';
import { REMOVE_LAW_LABEL, REMOVE_VERSION_LABEL, RemoveDialog, type RemoveScope } from '../../components/RemoveDialog';
import { OcrMark } from './OcrMark';
import { citationOf, citationWithNote } from '../../../../electron/shared/citation';
import { shortTitleOf, versionDate } from '../../../../electron/shared/law-model';
import { toChineseNumber } from '../../../../electron/shared/chinese-number';
import { useCall } from '../../api/hooks';
import { ErrorState, StatusTag, queryTerms } from '../../components/common';
import { hrefOf, navigate, parseHash } from '../../router';
import { useOriginCrumb } from '../../components/origin-crumb';
import { useSettings } from '../../settings-context';
import { ArticleBlock, estimateHeight, headingHeight, type ArticleAction } from './ArticleBlock';
import { countMarks, type Unit } from './article-text';
import { copyText } from '../../components/copy-text';
import { buildToc, flattenToc, headingsBefore, tocNodeAt } from './toc';
import { useAfterFirstPaint, useOnceTrue, useProgressiveCount } from '../../components/progressive';
import { useVersion, type VersionData } from './version-prefetch';
import { keepReadingPlace, lastStartingAbove } from './reading-place';
import './reader.css';
import { useNotify } from '../../components/notify';

/** Articles rendered at once on open, around the one asked for and from the top (a screen is about ten). */
const FIRST_SLICE = 24;
/** Of those around the one asked for, how many before it (FIRST_PART: the run a long law's first answer holds). */
const BEFORE_FOCUS = FIRST_PART.before;
/** Articles added per slice afterwards; small enough that one slice stays well under 50 ms. */
const SLICE = 80;

/** The unit (index) and the occurrence within it of the `n`th occurrence overall. */
function locate(marksPerUnit: number[], n: number): { unit: number; mark: number } | undefined {
  if (n < 0) return undefined;
  let left = n;
  for (let i = 0; i < marksPerUnit.length; i++) {
    if (left < marksPerUnit[i]!) return { unit: i, mark: left };
    left -= marksPerUnit[i]!;
  }
  return undefined;
}

/** How many occurrences come before the unit at `index`. */
function occurrencesBefore(marksPerUnit: number[], index: number): number {
  let n = 0;
  for (let i = 0; i < index && i < marksPerUnit.length; i++) n += marksPerUnit[i]!;
  return n;
}

/**
 * Which text `units` are, for what must survive the same text asked again (a library change reloads
 * it) but not another: the version, the number of units and a hash (FNV-1a) of their keys and text.
 */
export function textKeyOf(versionId: string, units: readonly Unit[]): string {
  let h = 0x811c9dc5;
  const mix = (s: string) => {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0xffff, 0x01000193);
  };
  for (const u of units) {
    mix(u.key);
    mix(u.text);
  }
  return `${versionId}:${units.length}:${(h >>> 0).toString(36)}`;
}

/** The text copied by 复制引用: the citation, then the article as written. */
export function citationText(v: VersionData['meta'], u: Unit): string {
  const cite = citationWithNote(v, u);
  const body = u.paragraphs.map((p) => [p.text, ...p.items].join('\n')).join('\n');
  return `${cite}\n${u.kind === 'article' ? u.label + '　' : ''}${body}`;
}

/**
 * The TOC, memoised: the reader re-renders for every slice of a long law and on every hover, and
 * a re-rendered virtual tree measures its rows (offsetHeight), forcing a layout of the whole page
 * each time (a third of the main-thread time opening 民法典 before).
 */
const TocTree = memo(function TocTree({
  toc,
  selected,
  height,
  onPick,
}: {
  toc: ReturnType<typeof buildToc>;
  selected: string[];
  height: number;
  onPick: (nodeKey: string, unitKey: string) => void;
}) {
  // The node the reading position is in stays in sight as the text scrolls.
  const tree = useRef<{ scrollTo: (o: { key: string; align?: 'top' | 'bottom' | 'auto' }) => void }>(null);
  const at = selected[0];
  useEffect(() => {
    if (at) tree.current?.scrollTo({ key: at, align: 'auto' });
  }, [at]);
  if (toc.length === 0)
    return (
      <Typography.Paragraph type="secondary" style={{ padding: 8 }}>
        没有章节
      </Typography.Paragraph>
    );
  return (
    <Tree
      ref={tree as never}
      blockNode
      defaultExpandAll
      height={height}
      treeData={toc}
      selectedKeys={selected}
      fieldNames={{ key: 'key', title: 'title', children: 'children' }}
      titleRender={tocTitle}
      onSelect={(_k, info) => {
        const node = info.node as unknown as { key: string; unitKey: string };
        onPick(node.key, node.unitKey);
      }}
      style={{ marginTop: 8 }}
      data-testid="reader-toc"
    />
  );
});

function tocTitle(n: unknown) {
  const node = n as { title: string; cited: number };
  return (
    <span>
      {node.title}
      {node.cited > 0 && (
        <Tag color="blue" style={{ marginLeft: 6, fontSize: 11, lineHeight: '16px', padding: '0 4px' }} title={`被引用 ${node.cited} 次`} data-testid="toc-cited">
          {node.cited}
        </Tag>
      )}
    </span>
  );
}

/**
 * The text: the articles rendered so far (the first screen and the one asked for at once, the
 * rest slice by slice) and one spacer of estimated height for each run not rendered yet. Its own
 * component, memoised, holding the slices' count and the hovered article: a slice or a hover
 * re-renders the articles only, not the reader's header, TOC and version tools (antd widgets
 * whose every render allocates: 民法典's 16 slices re-rendered them all each time).
 */
const ReaderText = memo(function ReaderText({
  units,
  complete,
  headings,
  focus,
  terms,
  currentUnit,
  currentMark,
  active,
  cited,
  canHistory,
  fontSize,
  onAction,
  links,
}: {
  units: Unit[];
  /** False while only the run around the article asked for has come (the whole text follows). */
  complete: boolean;
  headings: ReturnType<typeof headingsBefore>;
  focus: number;
  terms: readonly string[];
  currentUnit: number;
  currentMark: number;
  active: string | undefined;
  cited: Record<string, number> | undefined;
  canHistory: boolean;
  fontSize: number;
  onAction: (a: ArticleAction, u: Unit) => void;
  links: ReturnType<typeof linksByArticle>;
}) {
  const [hovered, setHovered] = useState<string>();
  const ready = useProgressiveCount(units.length, FIRST_SLICE, SLICE);
  const isRendered = (i: number) => i < ready || (i >= focus - BEFORE_FOCUS && i < focus + FIRST_SLICE);
  // Heights of what is not rendered yet, so the scroll bar and the place of the target are about right.
  const heights = useMemo(() => units.map((u, i) => estimateHeight(u, fontSize, 0) + headings[i]!.length * headingHeight(fontSize)), [units, headings, fontSize]);
  const trackHover = (e: React.SyntheticEvent) => {
    const key = (e.target as Element).closest?.('[data-key]')?.getAttribute('data-key') ?? undefined;
    if (key !== hovered) setHovered(key);
  };
  const blocks: ReactNode[] = [];
  let gap = 0;
  const closeGap = (at: number) => {
    if (gap > 0) blocks.push(<div key={`gap-${at}`} className="reader-gap" style={{ height: gap }} aria-busy="true" />);
    gap = 0;
  };
  units.forEach((u, i) => {
    if (!isRendered(i)) {
      gap += heights[i]!;
      return;
    }
    closeGap(i);
    blocks.push(
      <ArticleBlock
        key={u.key}
        unit={u}
        headings={headings[i]!}
        terms={terms}
        currentMark={currentUnit === i ? currentMark : -1}
        active={active === u.key}
        showActions={active === u.key || hovered === u.key}
        cited={cited?.[u.key] ?? 0}
        canHistory={canHistory}
        fontSize={fontSize}
        onAction={onAction}
        links={links.get(u.key)}
      />,
    );
  });
  closeGap(units.length);
  return (
    <div
      id="reader-text"
      style={{ fontSize, maxWidth: 900 }}
      data-testid="reader-text"
      data-rendered={complete && ready >= units.length ? 'all' : 'partial'}
      onMouseOver={trackHover}
      onFocus={trackHover}
      onMouseLeave={() => setHovered(undefined)}
    >
      {units.length === 0 && <Typography.Paragraph type="secondary">这个版本只有标题和制定历史，没有正文。</Typography.Paragraph>}
      {blocks}
    </div>
  );
});

/**
 * Shown while the text is on its way, and only once it is late: most answers come within tens of
 * milliseconds, and an antd Skeleton mounted and taken down in between cost the reader's first
 * paint its mount in the route change's task, its styles and its animation's start.
 */
const SKELETON_AFTER_MS = 300;
function SlowSkeleton() {
  const [late, setLate] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setLate(true), SKELETON_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);
  return late ? <Skeleton active paragraph={{ rows: 12 }} style={{ padding: 24 }} /> : <div aria-busy="true" data-testid="reader-loading" />;
}

export function ReaderPage({ versionId, articleKey, highlight }: { versionId: string; articleKey?: string | undefined; highlight?: string | undefined }) {
  const res = useVersion(versionId, articleKey, highlight);
  if (res.error) return <ErrorState message={res.error} onRetry={res.reload} />;
  if (!res.data) return <SlowSkeleton />;
  return <Reader key={versionId} data={res.data} loaded={res.loaded} reload={res.reload} articleKey={articleKey} highlight={highlight} />;
}

function Reader({
  data,
  loaded,
  reload,
  articleKey,
  highlight,
}: {
  data: VersionData;
  /** Which ask the text shown answers (useVersion's), on the page for a look or a test. */
  loaded: string | undefined;
  reload: () => void;
  articleKey?: string | undefined;
  highlight?: string | undefined;
}) {
  const notify = useNotify();
  const { settings, bumpFont } = useSettings();
  const origin = useOriginCrumb();
  const { meta, versions, units } = data;
  const complete = !data.part;
  const painted = useAfterFirstPaint();
  // The 被引用 counts and the citation links are asked once the text has painted: their requests
  // (over HTTP a fetch each, 8–10 ms of the first paint's task on a fresh page) and their answers
  // no longer come before the first article.
  const counts = useCall('records:counts', painted ? { versionId: meta.id } : null);
  const linkRows = useCall('links:version', painted ? { versionId: meta.id } : null);
  // The citation links and 被引用 counts arrive after the text and touch every rendered article and
  // the TOC: they are drawn in a deferred render that gives way to input and paint (they were one
  // task of 90–100 ms opening 合同编 under load).
  const linkData = useDeferredValue(linkRows.data);
  const links = useMemo(() => linksByArticle(linkData), [linkData]);
  const cited = useDeferredValue(counts.data);
  const [citedOpen, setCitedOpen] = useState(false);
  const [historyKey, setHistoryKey] = useState<string>();
  const [packItems, setPackItems] = useState<{ items: PackItemDto[]; what: string }>();
  const [statusOpen, setStatusOpen] = useState(false);
  const [find, setFind] = useState(highlight ?? '');
  const [active, setActive] = useState<string | undefined>(articleKey);
  /** The TOC node last clicked; it stays selected while the reading position is inside it. */
  const [tocPicked, setTocPicked] = useState<string>();
  /** The unit at the top of the view (the TOC follows it). */
  const [reading, setReading] = useState<number>();
  /**
   * Which occurrence of the find terms Enter / Shift+Enter is on, in which text (textKey) and article
   * (unit, made active with it); -1 before the first Enter.
   */
  const [cursor, setCursor] = useState<{ find: string; at: number; text?: string; unit?: string }>({ find: '', at: -1 });
  useEffect(() => setFind(highlight ?? ''), [highlight]);
  useEffect(() => setActive(articleKey), [articleKey]);
  // The active article kept in the address (replaced: no new history entry, no route change), so
  // going back from the law a 法条联想 link opened, or a reload, lands on the article she was on —
  // where Ctrl+G, the find or a click had put her — not on the law's title.
  useEffect(() => {
    if (active === undefined) return;
    const route = parseHash(location.hash);
    if (route.page !== 'read' || route.versionId !== meta.id || route.articleKey === active) return;
    history.replaceState(history.state, '', hrefOf({ ...route, articleKey: active }));
  }, [active, meta.id]);

  // Typing in the find box must stay responsive on a long law: the marks follow a deferred copy.
  const deferredFind = useDeferredValue(find);
  const terms = useMemo(() => queryTerms(deferredFind), [deferredFind]);
  // A new search starts before the first occurrence again, and so does another text (the whole text
  // after the first run: the occurrences are counted afresh). The same text asked again (a library
  // change reloads it, a new array of the same units) keeps the place: keyed on the array, the
  // cursor fell back to before the first occurrence (“247 处” where “1 / 247 处” was due). Another
  // article made active (跳到, 目录, a click) is a new place to find from, as a caret moved in Word:
  // the next Enter starts there, not after the occurrence she left.
  const textKey = useMemo(() => textKeyOf(meta.id, units), [meta.id, units]);
  const current = cursor.find === deferredFind && cursor.text === textKey && cursor.unit === active ? cursor.at : -1;
  const marksPerUnit = useMemo(() => units.map((u) => countMarks(u, terms)), [units, terms]);
  const matchCount = useMemo(() => marksPerUnit.reduce((a, b) => a + b, 0), [marksPerUnit]);
  /** Unit index and index within it of the current occurrence. */
  const currentAt = locate(marksPerUnit, current);

  const indexOf = useMemo(() => new Map(units.map((u, i) => [u.key, i])), [units]);
  const headings = useMemo(() => headingsBefore(units), [units]);
  // The TOC tree mounts a frame after the text: so is it built. While only a long law's first run
  // is shown, it is the whole text's, from the answer's outline (the same nodes and keys as the
  // whole text's TOC, so the tree stays as it is when the text comes; the 被引用 counts with it),
  // and the reading position is the run's offset on.
  const { outline, part } = data;
  const outlineIndex = useMemo(() => (outline ? new Map(outline.map((o) => [o.key, o.index])) : undefined), [outline]);
  const tocShown = painted && (complete || outline !== undefined);
  const toc = useMemo(() => (!tocShown ? [] : complete ? buildToc(units, cited ?? {}) : buildToc(outline ?? [])), [tocShown, complete, units, outline, cited]);
  const tocFlat = useMemo(() => flattenToc(toc, complete ? indexOf : (outlineIndex ?? indexOf)), [toc, complete, indexOf, outlineIndex]);
  const readingInWhole = reading === undefined ? undefined : reading + (complete ? 0 : (part?.offset ?? 0));
  const tocKey = readingInWhole === undefined ? tocPicked : tocNodeAt(tocFlat, readingInWhole, tocPicked);
  const tocSelected = useMemo(() => (tocKey ? [tocKey] : []), [tocKey]);

  // The article opened on (asked for, or the first match of the search that led here).
  // Only on open: later requests come by articleKey changes, later finds by Enter.
  const [initialTarget] = useState(() => {
    if (articleKey && indexOf.has(articleKey)) return articleKey;
    if (!highlight) return undefined;
    const first = marksPerUnit.findIndex((n) => n > 0);
    return first >= 0 ? units[first]!.key : undefined;
  });

  // Rendered: a window around the unit in focus plus everything from the top, which grows slice by
  // slice until the whole law is there (so the browser's own Ctrl+F finds every article). Kept by
  // key: the whole text arriving after the first run moves every index.
  const [focusKey, setFocusKey] = useState(initialTarget);
  const focus = (focusKey === undefined ? undefined : indexOf.get(focusKey)) ?? 0;

  // Scrolling waits for the target to be rendered (it may have been a placeholder a moment ago).
  const pendingScroll = useRef<{ id: string; block: ScrollLogicalPosition } | null>(initialTarget ? { id: `article-${initialTarget}`, block: 'start' } : null);
  // A unit beyond the first run (picked in the whole text's TOC) is the focus once the whole text is there.
  const jumpTo = useCallback(
    (unitKey: string, elementId: string, block: ScrollLogicalPosition = 'start') => {
      if (indexOf.has(unitKey) || !complete) setFocusKey(unitKey);
      pendingScroll.current = { id: elementId, block };
    },
    [indexOf, complete],
  );
  /** The reading place kept across a change of width (reading-place.ts); a jump lets it go. */
  const readingPlace = useRef<ReturnType<typeof keepReadingPlace>>(undefined);
  // The title bar's height as it stands (a long title or a narrow window wraps it to two lines) is
  // the articles' and headings' scroll margin: with a fixed one, a jump landed under a wrapped bar
  // (25 px under it at 1000 px). Set before the first jump below (layout effects run in order) and
  // kept as the bar changes (the window's width, the find count appearing in it). The layout this
  // forces before the first scroll matters too: without one, an article opened from a search (not
  // active, so content-visibility: auto) ended up 7–72 px from its place once its neighbours were
  // laid out (reader-e2e; a bare layout read here fixed it as well; Chromium's why not pinned down).
  useLayoutEffect(() => {
    const body = document.getElementById('reader-body');
    const bar = body?.querySelector<HTMLElement>('.reader-sticky');
    if (!body || !bar) return;
    const measure = () => {
      // Stuck, the bar's top is its `top` below the body's padding edge: what shows of it is its
      // height less what the negative `top` takes back of the padding.
      const shown = bar.getBoundingClientRect().height + parseFloat(getComputedStyle(bar).top) + parseFloat(getComputedStyle(body).paddingTop);
      body.style.setProperty('--reader-sticky', `${Math.round(shown)}px`);
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(bar);
    // The bar growing while she reads (the window narrowed) must not cover the line she was on.
    const keeper = keepReadingPlace(body, bar);
    readingPlace.current = keeper;
    return () => {
      ro.disconnect();
      keeper.stop();
    };
  }, []);
  useLayoutEffect(() => {
    const p = pendingScroll.current;
    if (!p) return;
    const el = document.getElementById(p.id);
    if (!el) return;
    pendingScroll.current = null;
    readingPlace.current?.release();
    el.scrollIntoView({ block: p.block });
  });

  // The TOC follows the unit at the top of the text (read after each scroll, once per frame; the
  // layout is fresh then, so the lookup forces none). The unit is found from where the rendered
  // articles and headings are, not by hit-testing a point: a jump from 快速打开 or a citation's
  // preview lands while a dialog or popover still covers that point, and the TOC stayed behind.
  useEffect(() => {
    const body = document.getElementById('reader-body');
    if (!body) return;
    let frame = 0;
    const look = () => {
      frame = 0;
      const bar = body.querySelector('.reader-sticky')?.getBoundingClientRect();
      const text = document.getElementById('reader-text')?.getBoundingClientRect();
      if (!bar || !text) return;
      const y = bar.bottom + 16;
      // Above the text (the law's header in view): reading from its start.
      // A transition: the header and TOC it re-renders give way to a paint (the first scroll of a
      // law opened on a far article came before its first frame).
      if (text.top >= y) return startTransition(() => setReading(units.length ? 0 : undefined));
      const hit = lastStartingAbove(document.querySelectorAll('#reader-text [data-key], #reader-text [data-heading-of]'), y);
      const key = hit?.getAttribute('data-key') ?? hit?.getAttribute('data-heading-of');
      const i = key ? indexOf.get(key) : undefined;
      if (i !== undefined) startTransition(() => setReading(i));
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(look);
    };
    body.addEventListener('scroll', onScroll, { passive: true });
    if (painted) onScroll();
    return () => {
      body.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
    };
  }, [indexOf, painted, units.length]);
  // An article asked for by the address, once it is in the text (one beyond the first run: when the
  // whole text has come) — not again when the whole text replaces the run.
  const jumped = useRef<string>(undefined);
  useEffect(() => {
    if (!articleKey || articleKey === jumped.current || !indexOf.has(articleKey)) return;
    jumped.current = articleKey;
    jumpTo(articleKey, `article-${articleKey}`);
  }, [articleKey, indexOf, jumpTo]);

  // Enter typed right after the words, before the marks have followed them: the step waits for them
  // (it was taken on the old words' marks, and then dropped when the new words came). So does an
  // Enter typed while only the first run of a long law is shown: the run is not the law (counted or
  // stepped there, the place would move when the whole text comes), and the Enter was dropped.
  // Every Enter that waits counts: three typed before the marks came are three steps (they were one).
  const pendingSteps = useRef(0);
  const stepFind = (by: number) => {
    if (find !== deferredFind || !complete) {
      pendingSteps.current += by;
      return;
    }
    if (!matchCount || !by) return;
    // The first step of a search starts where she is, as a browser's or Word's find does: Enter at
    // the first occurrence at or after the active article (else the article at the top of the view),
    // Shift+Enter at the last one before it, both wrapping around. It started at the law's first
    // occurrence: jumped to 第四十条, Enter went back to 第一条.
    const from = current >= 0 ? current : occurrencesBefore(marksPerUnit, (active === undefined ? undefined : indexOf.get(active)) ?? reading ?? 0) + (by > 0 ? -1 : 0);
    const next = (((from + by) % matchCount) + matchCount) % matchCount;
    const at = locate(marksPerUnit, next);
    if (!at) return;
    const key = units[at.unit]!.key;
    setCursor({ find: deferredFind, at: next, text: textKey, unit: key });
    setFocusKey(key);
    setActive(key);
    findScroll.current = true;
  };
  useEffect(() => {
    const by = pendingSteps.current;
    if (!by || deferredFind !== find || !complete) return;
    pendingSteps.current = 0;
    stepFind(by);
  });
  // 跳到第N条 (Ctrl+G): 12, 十二, 第十二条, 12之1 — the article, made active and given the focus.
  const [jumpText, setJumpText] = useState('');
  const focusArticle = useRef<string>(undefined);
  const jumpToArticle = () => {
    const key = articleKeyFor(units, jumpText);
    if (!key) {
      notify.warn(!complete ? '全文载入中，请稍候再跳转' : `本法没有“${jumpText.trim()}”这一条`, { key: 'reader-jump' });
      return;
    }
    setActive(key);
    setTocPicked(undefined);
    jumpTo(key, `article-${key}`);
    focusArticle.current = key;
    setJumpText('');
  };
  useLayoutEffect(() => {
    const key = focusArticle.current;
    const el = key ? document.getElementById(`article-${key}`) : null;
    if (!el) return;
    focusArticle.current = undefined;
    el.focus({ preventScroll: true });
  });
  // Opened (from 搜索, 快速打开, a link): the focus goes to the article asked for, else to the text,
  // so the arrows and PageDown read on and Tab goes on from here — not back to the sider.
  useEffect(() => {
    if (!painted) return;
    const el = document.activeElement;
    if (el && el !== document.body && el.id !== 'app-content') return;
    const target = (initialTarget && document.getElementById(`article-${initialTarget}`)) || document.getElementById('reader-body');
    target?.focus({ preventScroll: true });
  }, [painted]);
  // Esc on an empty 跳到 or 查找 box: the focus back on the text, on the active article (where the
  // jump or the find landed) when it is in sight, else on the text itself — so ↑ ↓ PageDown read on
  // from there and Tab goes on from the article (it stayed in the box, and the keys did nothing).
  const backToText = () => {
    const body = document.getElementById('reader-body');
    if (!body) return;
    const el = active === undefined ? null : document.getElementById(`article-${active}`);
    const r = el?.getBoundingClientRect();
    const view = body.getBoundingClientRect();
    (el && r && r.bottom > view.top && r.top < view.bottom ? el : body).focus({ preventScroll: true });
  };
  // Ctrl+F: 在本法中查找 (it finds in articles not rendered yet, which the browser's own find cannot); Ctrl+G: 跳到第N条.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      const id = e.key === 'f' || e.key === 'F' ? 'reader-find' : e.key === 'g' || e.key === 'G' ? 'reader-jump' : undefined;
      const input = id ? document.querySelector<HTMLInputElement>(`input[data-testid="${id}"], [data-testid="${id}"] input`) : null;
      if (!input) return;
      e.preventDefault();
      input.focus();
      input.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Delete: 删除此版本 (Shift+Delete: the whole law), confirmed in a dialog — not from a text field
  // (where Delete deletes characters) nor over another dialog.
  const [removing, setRemoving] = useState<RemoveScope | undefined>();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Delete' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const t = e.target;
      if (isTextField(t) || (t instanceof HTMLElement && t.closest('.ant-modal'))) return;
      e.preventDefault();
      setRemoving(e.shiftKey ? 'law' : 'version');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // After Enter in the find box: bring the current occurrence itself to the middle of the view.
  const findScroll = useRef(false);
  useLayoutEffect(() => {
    if (!findScroll.current) return;
    const el = document.querySelector('#reader-text mark[data-current]');
    if (!el) return;
    findScroll.current = false;
    pendingScroll.current = null;
    readingPlace.current?.release();
    el.scrollIntoView({ block: 'center' });
  });

  // One stable callback for every article, so hovering one article re-renders only that one.
  const state = useRef({ meta, versions, notify });
  useLayoutEffect(() => {
    state.current = { meta, versions, notify };
  });
  const onAction = useCallback((a: ArticleAction, u: Unit) => {
    const { meta: m, notify: msg } = state.current;
    if (a === 'activate') {
      setActive(u.key);
      setTocPicked(undefined);
    }
    else if (a === 'cited') {
      setActive(u.key);
      setCitedOpen(true);
    } else if (a === 'history') setHistoryKey(u.key);
    else if (a === 'pack')
      setPackItems({ what: citationWithNote(m, u), items: [{ type: 'article', law: m.lawId, version: m.id, article: u.key, titleSnapshot: citationOf(m, u.label) }] });
    else if (a === 'link')
      void copyText(citationWithNote(m, u)).then(
        () => msg.ok('已复制引用'),
        (e: Error) => msg.fail(e.message, { title: '复制失败' }),
      );
    else if (a === 'copy')
      void copyText(citationText(m, u)).then(
        () => msg.ok(`已复制：${citationOf(m, u.label)}`),
        (e: Error) => msg.fail(e.message, { title: '复制失败' }),
      );
  }, []);

  const openAsOf = async (date: string) => {
    try {
      const r = await client.call('versions:asOf', { lawId: meta.lawId, date });
      if (!r.versionId) notify.warn(`${date} 这部法规尚未施行`);
      else {
        if (r.versionId === meta.id) notify.info(`${date} 有效的就是当前查看的版本`);
        await switchVersion(r.versionId);
      }
    } catch (e) {
      notify.fail(errorMessage(e), { title: '打开该日期的版本失败' });
    }
  };
  // Another version keeps the place by the article mapping (统计法 2024 第七条 is 2009 第八条), and
  // says so when the number changed or the article is not in that version.
  const switchVersion = async (id: string) => {
    if (id === meta.id) return;
    if (!active) return navigate({ page: 'read', versionId: id });
    const fromLabel = units.find((u) => u.key === active)?.label ?? active;
    try {
      const across = await client.call('versions:article', { versionId: meta.id, articleKey: active });
      const there = across.find((a) => a.versionId === id);
      const date = there?.date ? `${there.date} 版本` : '该版本';
      if (there?.key) {
        if (there.label !== fromLabel) notify.info(`${fromLabel} 在${date}中是 ${there.label}，已跳转到该条`, { seconds: 6, key: 'version-map' });
        navigate({ page: 'read', versionId: id, articleKey: there.key });
      } else {
        notify.warn(`${date}中没有与 ${fromLabel} 对应的条文`, { key: 'version-map' });
        navigate({ page: 'read', versionId: id });
      }
    } catch (e) {
      notify.fail(errorMessage(e), { title: '未能找到对应条文，已打开该版本' });
      navigate({ page: 'read', versionId: id });
    }
  };

  // The TOC tree is virtual (a law without chapters lists every article), so it needs a height.
  const navRef = useRef<HTMLElement>(null);
  const [navHeight, setNavHeight] = useState(600);
  useEffect(() => {
    const el = navRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setNavHeight(Math.max(200, el.clientHeight - 50)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const pickToc = useCallback(
    (nodeKey: string, unitKey: string) => {
      setTocPicked(nodeKey);
      setActive(unitKey);
      const m = /^h:(\d+):/.exec(nodeKey);
      jumpTo(unitKey, m ? `heading-${m[1]}-${unitKey}` : `article-${unitKey}`);
    },
    [jumpTo],
  );

  const historyMounted = useOnceTrue(historyKey !== undefined);
  const packMounted = useOnceTrue(packItems !== undefined);
  const statusMounted = useOnceTrue(statusOpen);

  const activeUnit = units.find((u) => u.key === active);
  const position = versions.findIndex((v) => v.id === meta.id);
  const previous = versions[position - 1];
  const next = versions[position + 1];

  return (
    <div style={{ display: 'flex', height: '100%' }}>
      <nav ref={navRef} style={{ width: 260, flex: 'none', borderRight: '1px solid #f0f0f0', background: '#fff', overflow: 'hidden', padding: '12px 8px' }} aria-label="目录">
        <Typography.Text strong style={{ paddingLeft: 8 }}>
          目录
        </Typography.Text>
        {tocShown && <TocTree toc={toc} selected={tocSelected} height={navHeight} onPick={pickToc} />}
      </nav>
      <article style={{ flex: 1, overflow: 'auto', padding: '16px 28px 80px', minWidth: 0 }} id="reader-body" data-loaded={loaded} tabIndex={-1} data-page-focus aria-label={meta.title}>
        <Breadcrumb items={[origin, { title: meta.title }]} />
        <div className="reader-sticky" data-testid="reader-sticky">
          <Space align="center" wrap>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="reader-title">
              {meta.title}
              {meta.subtitle ? ` · ${meta.subtitle}` : ''}
            </Typography.Title>
            <StatusTag status={meta.status} />
            <OcrMark meta={meta} onVerified={reload} />
            {meta.expired ? <Tag color="red">已标记废止</Tag> : null}
            <Tooltip title="修改时效性（须写明依据）">
              <Button size="small" type="text" icon={<EditOutlined />} onClick={() => setStatusOpen(true)} aria-label="修改时效性" data-testid="status-edit" />
            </Tooltip>
            <Input
              placeholder="跳到第…条"
              value={jumpText}
              onChange={(e) => setJumpText(e.target.value)}
              onKeyDown={(e) => {
                if (e.nativeEvent.isComposing) return;
                if (e.key === 'Escape') {
                  if (jumpText) setJumpText('');
                  else backToText();
                }
                if (e.key !== 'Enter' || !jumpText.trim()) return;
                e.preventDefault();
                jumpToArticle();
              }}
              style={{ width: 150 }}
              suffix={<kbd className="shortcut-hint">Ctrl G</kbd>}
              data-testid="reader-jump"
              aria-label="跳到第…条（Ctrl+G；输入 12、十二 或 第十二条，Enter 跳转）"
            />
            <Input
              allowClear
              placeholder="在本法中查找"
              value={find}
              onChange={(e) => setFind(e.target.value)}
              onKeyDown={(e) => {
                if (e.nativeEvent.isComposing) return;
                // Esc clears the find; a second Esc, on an empty box, goes back to the text
                if (e.key === 'Escape') {
                  e.preventDefault();
                  if (find) setFind('');
                  else backToText();
                  return;
                }
                if (e.key !== 'Enter') return;
                e.preventDefault();
                stepFind(e.shiftKey ? -1 : 1);
              }}
              style={{ width: 200 }}
              suffix={find ? undefined : <kbd className="shortcut-hint">Ctrl F</kbd>}
              data-testid="reader-find"
              aria-label="在本法中查找（Ctrl+F；Enter 下一处，Shift+Enter 上一处，Esc 清除）"
            />
            {terms.length > 0 && (
              <>
                <Typography.Text type="secondary" data-testid="reader-find-count">
                  {!complete ? '全文载入中…' : current >= 0 ? `${current + 1} / ${matchCount} 处` : `${matchCount} 处`}
                </Typography.Text>
                <Space.Compact>
                  <Tooltip title="上一处（Shift+Enter）">
                    <Button size="small" icon={<UpOutlined />} disabled={!matchCount || !complete} onClick={() => stepFind(-1)} aria-label="上一处" />
                  </Tooltip>
                  <Tooltip title="下一处（Enter）">
                    <Button size="small" icon={<DownOutlined />} disabled={!matchCount || !complete} onClick={() => stepFind(1)} aria-label="下一处" />
                  </Tooltip>
                </Space.Compact>
              </>
            )}
          </Space>
        </div>
        <header style={{ margin: '4px 0 16px' }}>
          {meta.statusOverride && (
            <Typography.Paragraph type="warning" style={{ margin: '6px 0 0' }} data-testid="status-basis">
              时效性为手工设定：{meta.statusOverride.status}，依据：{meta.statusOverride.basis}
            </Typography.Paragraph>
          )}
          <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} style={{ marginTop: 12 }}>
            <Descriptions.Item label="效力级别">{meta.level}</Descriptions.Item>
            <Descriptions.Item label="地区">{meta.region}</Descriptions.Item>
            <Descriptions.Item label="制定机关">{meta.issuer ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="公布日期">{meta.published ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="施行日期">{meta.effective ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="文号">{meta.docNumber ?? '—'}</Descriptions.Item>
          </Descriptions>
          {meta.history.length > 0 && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 8 }}>
              {meta.history.map((h) => `${h.date} ${h.text}`).join('；')}
            </Typography.Paragraph>
          )}
          {/* The version tools (a select, a date picker: antd's heaviest widgets here) follow the
              text by a frame; until then a line of their height keeps the text where it will stay. */}
          {!painted && <div style={{ height: 32 }} aria-busy="true" />}
          {painted && (
            <Space wrap>
              <span>版本</span>
              <TabLeavingSelect
                value={meta.id}
                style={{ minWidth: 260 }}
                data-testid="version-switcher"
                onChange={(id) => void switchVersion(id)}
                options={[...versions].reverse().map((v) => ({
                  value: v.id,
                  label: `${versionDate(v) || '无日期'} · ${v.status}${v.id === meta.id ? '（当前查看）' : ''}`,
                }))}
              />
              {versions.length > 1 && (
                <Button
                  icon={<DiffOutlined />}
                  data-testid="open-diff"
                  onClick={() =>
                    navigate({ page: 'diff', lawId: meta.lawId, from: (previous ?? meta).id, to: (previous ? meta : next ?? meta).id, ...(active ? { articleKey: active } : {}) })
                  }
                >
                  版本对比
                </Button>
              )}
              <Dropdown
                trigger={['click']}
                menu={{
                  items: [
                    { key: 'version', label: `${versions.length > 1 ? REMOVE_VERSION_LABEL : REMOVE_LAW_LABEL}（Delete）`, danger: true },
                    ...(versions.length > 1 ? [{ key: 'law', label: `${REMOVE_LAW_LABEL}（全部 ${versions.length} 个版本，Shift+Delete）`, danger: true }] : []),
                  ],
                  onClick: ({ key }) => setRemoving(key as RemoveScope),
                }}
              >
                <Button icon={<DeleteOutlined />} data-testid="remove-menu">
                  删除…
                </Button>
              </Dropdown>
              <DatePicker placeholder="查看某日有效的版本" style={{ width: 190 }} onChange={(d) => d && void openAsOf(d.format('YYYY-MM-DD'))} data-testid="reader-as-of" />
              <Space.Compact>
                <Tooltip title="缩小字号">
                  <Button icon={<MinusOutlined />} onClick={() => bumpFont(-1)} aria-label="缩小字号" />
                </Tooltip>
                <Button icon={<FontSizeOutlined />} disabled>
                  {settings.fontSize}
                </Button>
                <Tooltip title="放大字号">
                  <Button icon={<PlusOutlined />} onClick={() => bumpFont(1)} aria-label="放大字号" />
                </Tooltip>
              </Space.Compact>
            </Space>
          )}
        </header>
        <ReaderText
          units={units}
          complete={complete}
          headings={headings}
          focus={focus}
          terms={terms}
          currentUnit={currentAt?.unit ?? -1}
          currentMark={currentAt?.mark ?? -1}
          active={active}
          cited={cited}
          canHistory={versions.length > 1}
          fontSize={settings.fontSize}
          onAction={onAction}
          links={links}
        />
        {painted && <LawRelationsPanel lawId={meta.lawId} />}
      </article>
      {citedOpen && activeUnit && (
        <CitedByPanel
          versionId={meta.id}
          articleKey={activeUnit.key}
          label={activeUnit.label}
          versions={versions}
          tick={counts.data ? 1 : 0}
          onClose={() => setCitedOpen(false)}
          extra={
            <>
              <Typography.Text strong>被其他法规引用</Typography.Text>
              <CitedByLawsList lawId={meta.lawId} versionId={meta.id} articleKey={activeUnit.key} articleLabel={activeUnit.label.replace(/[\s\u3000].*$/, '')} lawTitle={shortTitleOf(meta.title)} />
            </>
          }
        />
      )}
      {historyMounted && <ArticleHistory versionId={meta.id} lawId={meta.lawId} articleKey={historyKey} onClose={() => setHistoryKey(undefined)} />}
      {packMounted && <AddToPack items={packItems?.items} what={packItems?.what ?? ''} onClose={() => setPackItems(undefined)} />}
      {removing && <RemoveDialog open meta={meta} versions={versions} scope={removing} onScope={setRemoving} onClose={() => setRemoving(undefined)} />}
      {statusMounted && (
        <StatusEditor
          open={statusOpen}
          meta={meta}
          onClose={() => setStatusOpen(false)}
          onSaved={() => {
            setStatusOpen(false);
            reload();
          }}
        />
      )}
    </div>
  );
}

/** The key of the article `typed` names (12, 十二, 第十二条, 第十二条之一, 12之1), if this text has it. */
export function articleKeyFor(units: readonly Unit[], typed: string): string | undefined {
  const m = /^第?\s*([0-9〇零一二两三四五六七八九十百千]+)\s*条?\s*(?:之\s*([0-9一二三四五六七八九十]+))?\s*$/.exec(typed.trim().replace(/\s+/g, ''));
  if (!m) return undefined;
  const same = (n: number, written: string) => String(n) === written || toChineseNumber(n) === written.replace(/两/g, '二').replace(/^一十/, '十');
  const suffix = m[2];
  return units.find((u) => u.kind === 'article' && same(u.number, m[1]!) && (suffix ? u.suffix > 0 && same(u.suffix, suffix) : u.suffix === 0))?.key;
}
