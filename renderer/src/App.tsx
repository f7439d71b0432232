// The app shell: navigation (法规库/搜索/审查/学法/统计/受影响/简报/导入/设置), the quick-open palette (Ctrl/⌘+K), the search
// index status, and one error boundary per page so a failing page never blanks the window.

import { AlertOutlined, AuditOutlined, LeftOutlined, RightOutlined, BarChartOutlined, BookOutlined, FileDoneOutlined, FileProtectOutlined, FileTextOutlined, ImportOutlined, ReadOutlined, SearchOutlined, SettingOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, Tag, Tooltip, Typography } from 'antd';
import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import type { AppCommand } from '../../electron/shared/api-contract';
import { libraryHealthTag } from '../../electron/shared/library-health';
import { LIBRARY_INDEX_TASK, progressText } from '../../electron/shared/task-progress';
import { client } from './api/client';
import { useCall, useEvent, useServiceConnected, useTaskProgress } from './api/hooks';
import { ErrorBoundary } from './components/ErrorBoundary';
import { isTextField } from './components/page-keys';
import { ImportPage } from './features/import/ImportPage';
import { LibraryPage } from './features/library/LibraryPage';
import { QuickOpen } from './features/quick-open/QuickOpen';
import { ReaderPage } from './features/reader/ReaderPage';
import { OcrReviewPage } from './features/verify/OcrReviewPage';
import { SearchPage } from './features/search/SearchPage';
import { SettingsPage } from './features/settings/SettingsPage';
import { PacksPage } from './features/packs/PacksPage';
import { AffectedPage } from './features/records/AffectedPage';
import { LecturesPage } from './features/records/LecturesPage';
import { ReviewPage } from './features/records/ReviewPage';
import { WorkbenchPage } from './features/workbench/WorkbenchPage';
import { ReviewsPage } from './features/records/ReviewsPage';
import { StatsPage } from './features/records/StatsPage';
import { OfficeReminders } from './features/reports/OfficeReminders';
import { RegisterPage } from './features/reports/RegisterPage';
import { ReportsPage } from './features/reports/ReportsPage';
import { DiffPage } from './features/versions/DiffPage';
import { SECTION_LABEL, hrefOf, navigate, useRouteSection, useSectionHomes, type MenuKey, type Route } from './router';
import { OriginContext } from './components/origin-crumb';
import { SettingsProvider, useSettings } from './settings-context';
import { setOfficeTimeZone } from './office-clock';

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
/** A text field, where ⌥← / ⌥→ move the caret by a word on a Mac. */

export function App() {
  return (
    <SettingsProvider>
      <Shell />
    </SettingsProvider>
  );
}

function IndexStatus() {
  // The counts follow every library change (useCall follows the generation): imports here, and by the CLI beside the app.
  const info = useCall('library:info', {});
  useEvent('library:health', info.reload);
  if (info.data) setOfficeTimeZone(info.data.timeZone);
  const p = useTaskProgress(LIBRARY_INDEX_TASK);
  const connected = useServiceConnected();
  const state = !connected
    ? { text: '本机服务已断开', color: 'red' }
    : !p
    ? undefined
    : p.phase === 'done'
      ? { text: '检索就绪', color: 'green' }
      : p.phase === 'failed'
        ? { text: p.message ?? '检索不可用', color: 'orange' }
        : { text: p.total ? progressText(p) : '正在建立索引…', color: 'blue' };
  const shown =
    state ??
    (info.data
      ? info.data.search.ready
        ? { text: '检索就绪', color: 'green' }
        : { text: info.data.search.message ?? '正在建立索引…', color: 'blue' }
      : undefined);
  if (!info.data || !shown) return null;
  const health = libraryHealthTag(info.data);
  return (
    <Tooltip title={connected ? `资料库：${info.data.dir}` : 'LawDesk 本机服务已经退出或无法连接：请重新运行 npm start，再打开它给出的地址'}>
      <Space size={6}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="library-count">
          {info.data.lawCount} 部法规 · {info.data.versionCount} 个版本
        </Typography.Text>
        <Tag color={shown.color} style={{ marginInlineEnd: 0 }} data-testid="service-status">
          {shown.text}
        </Tag>
        {/* Said where the user looks every day; the details are in 设置 → 资料库. */}
        {health && (
          <a href={hrefOf({ page: 'settings' })} data-testid="library-health">
            <Tag color={health.color} style={{ marginInlineEnd: 0 }}>
              {health.text}
            </Tag>
          </a>
        )}
      </Space>
    </Tooltip>
  );
}

// The sider and the header do not change with the page: their own memoised components, so a route
// change re-renders neither (the sider's antd Menu — 11 items with icons, rc-menu's overflow
// measuring — and the header's button were re-rendered in the same task that takes the old page
// down and mounts the new one, the task before a law's text can be asked to render).
const SIDER_ITEMS = [
  { key: 'library', icon: <BookOutlined />, label: <a href={hrefOf({ page: 'library' })}>{SECTION_LABEL.library}</a> },
  { key: 'search', icon: <SearchOutlined />, label: <a href={hrefOf({ page: 'search', q: '' })} title={client.face === 'browser' ? `搜索（${isMac ? '⌘' : 'Ctrl'}+/）` : undefined}>{SECTION_LABEL.search}</a> },
  { key: 'reviews', icon: <AuditOutlined />, label: <a href={hrefOf({ page: 'reviews' })}>{SECTION_LABEL.reviews}</a> },
  { key: 'lectures', icon: <ReadOutlined />, label: <a href={hrefOf({ page: 'lectures' })}>{SECTION_LABEL.lectures}</a> },
  { key: 'stats', icon: <BarChartOutlined />, label: <a href={hrefOf({ page: 'stats' })}>{SECTION_LABEL.stats}</a> },
  { key: 'reports', icon: <FileDoneOutlined />, label: <a href={hrefOf({ page: 'reports' })}>{SECTION_LABEL.reports}</a> },
  { key: 'register', icon: <FileProtectOutlined />, label: <a href={hrefOf({ page: 'register' })}>{SECTION_LABEL.register}</a> },
  { key: 'affected', icon: <AlertOutlined />, label: <a href={hrefOf({ page: 'affected' })}>{SECTION_LABEL.affected}</a> },
  { key: 'packs', icon: <FileTextOutlined />, label: <a href={hrefOf({ page: 'packs' })}>{SECTION_LABEL.packs}</a> },
  { key: 'import', icon: <ImportOutlined />, label: <a href={hrefOf({ page: 'import' })}>{SECTION_LABEL.import}</a> },
  { key: 'settings', icon: <SettingOutlined />, label: <a href={hrefOf({ page: 'settings' })}>{SECTION_LABEL.settings}</a> },
];

const AppSider = memo(function AppSider({ selected }: { selected: MenuKey }) {
  const [collapsed, setCollapsed] = useState(() => typeof window !== 'undefined' && window.innerWidth < 1200);
  const selectedKeys = useMemo(() => [selected], [selected]);
  // Collapsed to icons below 1200 px (1024×700 screens), and by hand with the trigger.
  return (
    <Layout.Sider
      width={188}
      className="app-sider"
      theme="dark"
      breakpoint="xl"
      collapsedWidth={64}
      collapsible
      collapsed={collapsed}
      onCollapse={setCollapsed}
      // antd's trigger is a bare div (no Tab, no Enter): a button inside it is both; its click reaches the div.
      trigger={
        <button type="button" className="sider-toggle" aria-label={collapsed ? '展开侧栏' : '收起侧栏'} aria-expanded={!collapsed} data-testid="sider-toggle">
          {collapsed ? <RightOutlined /> : <LeftOutlined />}
        </button>
      }
      data-testid="app-sider"
    >
      <div className={collapsed ? 'app-brand collapsed' : 'app-brand'} data-testid="app-brand">
        {collapsed ? '法规' : '法规案头'}
        {!collapsed && <small>LawDesk · 离线法规库</small>}
      </div>
      <Menu theme="dark" mode="inline" selectedKeys={selectedKeys} items={SIDER_ITEMS} />
    </Layout.Sider>
  );
});

const AppHeader = memo(function AppHeader({ onQuickOpen }: { onQuickOpen: () => void }) {
  return (
    <Layout.Header className="app-header">
      <Button onClick={onQuickOpen} data-testid="quick-open-button" style={{ width: 380, justifyContent: 'flex-start', color: '#999' }}>
        <ThunderboltOutlined />
        <span style={{ flex: 1, textAlign: 'left', overflow: 'hidden', textOverflow: 'ellipsis' }}>快速打开：法规名、简称、拼音首字母…</span>
        <span style={{ fontSize: 12 }}>
          <kbd>{isMac ? '⌘' : 'Ctrl'}</kbd> <kbd>K</kbd>
        </span>
      </Button>
      <div style={{ flex: 1 }} />
      <IndexStatus />
    </Layout.Header>
  );
});

function Shell() {
  const { route, section: selected } = useRouteSection();
  const { bumpFont } = useSettings();
  const [quickOpen, setQuickOpen] = useState(false);
  const [importRequest, setImportRequest] = useState<{ kind: 'files' | 'folder'; n: number }>();

  const onCommand = useCallback(
    (command: AppCommand) => {
      if (command === 'quickOpen') setQuickOpen(true);
      else if (command === 'fontBigger') bumpFont(1);
      else if (command === 'fontSmaller') bumpFont(-1);
      else if (command === 'importFiles' || command === 'importFolder') {
        navigate({ page: 'import' });
        setImportRequest({ kind: command === 'importFiles' ? 'files' : 'folder', n: Date.now() });
      } else if (command === 'search') navigate({ page: 'search', q: '' });
      else navigate({ page: command } as Route);
    },
    [bumpFont],
  );
  useEvent('app:command', (p) => onCommand(p.command));

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (mod && (e.key === 'k' || e.key === 'K' || e.key === 'p' || e.key === 'P')) {
        e.preventDefault();
        setQuickOpen(true);
      } else if (client.face === 'browser' && mod && e.key === '/') {
        e.preventDefault();
        navigate({ page: 'search', q: '' });
      } else if (e.altKey && !mod && !e.shiftKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight') && !e.isComposing && !(isMac && isTextField(e.target))) {
        // 后退 / 前进: Electron's window has no keys for them (a browser has these), so a law opened
        // from a 法条联想 link could be left only through the breadcrumb, which names the section,
        // not the law she came from. Taken here in both faces, once (the browser's own is prevented).
        e.preventDefault();
        if (e.key === 'ArrowLeft') history.back();
        else history.forward();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // A page change unmounts the link or button that had the focus: it would fall to <body>, and the
  // next Tab would start from the sider again. The new page's content takes it (a page that puts it
  // on its own first field — a form's title, the search box — has done so by then).
  const href = hrefOf(route);
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const el = document.activeElement;
      if (el && el !== document.body && el !== document.documentElement) return;
      (document.querySelector<HTMLElement>('#app-content [data-page-focus]') ?? document.getElementById('app-content'))?.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [href]);

  const homes = useSectionHomes();
  const openQuick = useCallback(() => setQuickOpen(true), []);
  const closeQuick = useCallback(() => setQuickOpen(false), []);

  return (
    <Layout style={{ height: '100%' }}>
      <AppSider selected={selected} />
      <Layout>
        <AppHeader onQuickOpen={openQuick} />
        <Layout.Content className="app-content" id="app-content" tabIndex={-1}>
          <OriginContext.Provider value={{ section: selected, home: homes[selected] }}>
            <ErrorBoundary resetKey={hrefOf(route)}>
              {route.page === 'library' && <OfficeReminders />}
              {route.page === 'library' && <LibraryPage asOf={route.asOf} />}
              {route.page === 'diff' && <DiffPage lawId={route.lawId} from={route.from} to={route.to} articleKey={route.articleKey} />}
              {route.page === 'reviews' && <ReviewsPage />}
              {route.page === 'review' && <ReviewPage key={route.id} id={route.id} />}
              {route.page === 'workbench' && <WorkbenchPage key={route.id} id={route.id} {...(route.seq ? { seq: route.seq } : {})} {...(route.articleKey ? { articleKey: route.articleKey } : {})} />}
              {route.page === 'lectures' && <LecturesPage tab={route.tab} />}
              {route.page === 'stats' && <StatsPage year={route.year} />}
              {route.page === 'reports' && <ReportsPage year={route.year} />}
              {route.page === 'register' && <RegisterPage />}
              {route.page === 'affected' && <AffectedPage laws={route.laws} />}
              {route.page === 'packs' && <PacksPage id={route.id} />}
              {route.page === 'search' && <SearchPage initialQuery={route.q} />}
              {route.page === 'read' && <ReaderPage versionId={route.versionId} articleKey={route.articleKey} highlight={route.highlight} />}
              {route.page === 'verify' && <OcrReviewPage versionId={route.versionId} />}
              {route.page === 'import' && <ImportPage request={importRequest} />}
              {route.page === 'settings' && <SettingsPage focus={route.focus} />}
            </ErrorBoundary>
          </OriginContext.Provider>
        </Layout.Content>
      </Layout>
      <QuickOpen open={quickOpen} onClose={closeQuick} />
    </Layout>
  );
}
