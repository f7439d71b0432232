// 阅读: one version of a law — metadata header with 时效性 (editable, with its basis), version
// switcher, 查看某日有效的版本, 版本对比, 编/章/节 table of contents with citation counts, every
// article with an anchor, search-term highlighting, 复制引用, 历次版本, 加入简报, the 被引用 panel
// and an adjustable font size.

import { CopyOutlined, DiffOutlined, EditOutlined, FileAddOutlined, FontSizeOutlined, HistoryOutlined, LinkOutlined, MinusOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { App as AntApp, Badge, Breadcrumb, Button, DatePicker, Descriptions, Input, Select, Skeleton, Space, Tag, Tooltip, Tree, Typography } from 'antd';
import { Fragment, useEffect, useMemo, useRef, useState } from 'react';
import type { PackItemDto } from '../../../../electron/shared/api-contract';
import { client, errorMessage } from '../../api/client';
import { AddToPack } from '../packs/AddToPack';
import { ArticleHistory } from '../versions/ArticleHistory';
import { CitedByPanel } from './CitedByPanel';
import { StatusEditor } from './StatusEditor';
import type { ApiOutput } from '../../../../electron/shared/api-contract';
import { citationOf } from '../../../../electron/shared/citation';
import { versionDate } from '../../../../electron/shared/law-model';
import { useCall, useLibraryGeneration } from '../../api/hooks';
import { ErrorState, Highlighted, StatusTag, queryTerms, termRanges } from '../../components/common';
import { hrefOf, navigate } from '../../router';
import { useSettings } from '../../settings-context';
import { copyText } from './copy-text';
import { buildToc } from './toc';

type VersionData = ApiOutput<'version:get'>;
type Unit = VersionData['units'][number];

function Marked({ text, terms }: { text: string; terms: string[] }) {
  return <Highlighted text={text} ranges={termRanges(text, terms)} />;
}

/** The text copied by 复制引用: the citation, then the article as written. */
export function citationText(v: VersionData['meta'], u: Unit): string {
  const cite = citationOf(v, u.label);
  const body = u.paragraphs.map((p) => [p.text, ...p.items].join('\n')).join('\n');
  return `${cite}\n${u.kind === 'article' ? u.label + '　' : ''}${body}`;
}

export function ReaderPage({ versionId, articleKey, highlight }: { versionId: string; articleKey?: string | undefined; highlight?: string | undefined }) {
  const { message } = AntApp.useApp();
  const { settings, bumpFont } = useSettings();
  const gen = useLibraryGeneration();
  const res = useCall('version:get', { versionId }, versionId + '#' + gen);
  const counts = useCall('records:counts', { versionId }, versionId + '#' + gen);
  const [citedOpen, setCitedOpen] = useState(false);
  const [historyKey, setHistoryKey] = useState<string>();
  const [packItems, setPackItems] = useState<{ items: PackItemDto[]; what: string }>();
  const [statusOpen, setStatusOpen] = useState(false);
  const [find, setFind] = useState(highlight ?? '');
  const [active, setActive] = useState<string | undefined>(articleKey);
  const bodyRef = useRef<HTMLDivElement>(null);
  useEffect(() => setFind(highlight ?? ''), [highlight]);
  useEffect(() => setActive(articleKey), [articleKey]);

  const data = res.data;
  const terms = useMemo(() => queryTerms(find), [find]);
  const toc = useMemo(() => (data ? buildToc(data.units, counts.data ?? {}) : []), [data, counts.data]);
  const matchCount = useMemo(
    () => (data && terms.length ? data.units.reduce((n, u) => n + termRanges(u.text, terms).length, 0) : 0),
    [data, terms],
  );

  const scrollTo = (key: string, smooth = true) => {
    const el = document.getElementById(`article-${key}`);
    if (el) el.scrollIntoView({ behavior: smooth ? 'smooth' : 'auto', block: 'start' });
  };

  // Jump to the requested article (or the first match) once the text is there.
  useEffect(() => {
    if (!data) return;
    const target = articleKey ?? (terms.length ? data.units.find((u) => termRanges(u.text, terms).length)?.key : undefined);
    if (target) requestAnimationFrame(() => scrollTo(target, false));
    else document.getElementById('app-content')?.scrollTo({ top: 0 });
  }, [data, articleKey]);

  if (res.error) return <ErrorState message={res.error} onRetry={res.reload} />;
  if (!data) return <Skeleton active paragraph={{ rows: 12 }} style={{ padding: 24 }} />;

  const { meta, versions, units } = data;
  const copy = async (u: Unit) => {
    try {
      await copyText(citationText(meta, u));
      void message.success(`已复制：${citationOf(meta, u.label)}`);
    } catch (e) {
      void message.error(`复制失败：${(e as Error).message}`);
    }
  };
  const copyLink = async (u: Unit) => {
    await copyText(citationOf(meta, u.label));
    void message.success('已复制引用');
  };
  const openAsOf = async (date: string) => {
    try {
      const r = await client.call('versions:asOf', { lawId: meta.lawId, date });
      if (!r.versionId) void message.warning(`${date} 这部法规尚未施行`);
      else {
        if (r.versionId === meta.id) void message.info(`${date} 有效的就是当前查看的版本`);
        navigate({ page: 'read', versionId: r.versionId, ...(active ? { articleKey: active } : {}) });
      }
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };
  const activeUnit = units.find((u) => u.key === active);
  const previous = versions[versions.findIndex((v) => v.id === meta.id) - 1];
  const next = versions[versions.findIndex((v) => v.id === meta.id) + 1];

  let lastPath: string[] = [];
  return (
    <div style={{ display: 'flex', height: '100%' }}>
      <nav style={{ width: 260, flex: 'none', borderRight: '1px solid #f0f0f0', background: '#fff', overflow: 'auto', padding: '12px 8px' }} aria-label="目录">
        <Typography.Text strong style={{ paddingLeft: 8 }}>
          目录
        </Typography.Text>
        {toc.length === 0 ? (
          <Typography.Paragraph type="secondary" style={{ padding: 8 }}>
            没有章节
          </Typography.Paragraph>
        ) : (
          <Tree
            blockNode
            defaultExpandAll
            treeData={toc}
            fieldNames={{ key: 'key', title: 'title', children: 'children' }}
            titleRender={(n) => {
              const node = n as unknown as { title: string; cited: number };
              return (
                <span>
                  {node.title}
                  {node.cited > 0 && (
                    <Tooltip title={`被引用 ${node.cited} 次`}>
                      <Badge count={node.cited} size="small" color="#1677ff" style={{ marginLeft: 6 }} data-testid="toc-cited" />
                    </Tooltip>
                  )}
                </span>
              );
            }}
            onSelect={(_k, info) => {
              const node = info.node as unknown as { unitKey: string };
              setActive(node.unitKey);
              scrollTo(node.unitKey);
            }}
            style={{ marginTop: 8 }}
            data-testid="reader-toc"
          />
        )}
      </nav>
      <article ref={bodyRef} style={{ flex: 1, overflow: 'auto', padding: '16px 28px 80px', minWidth: 0 }} id="reader-body">
        <Breadcrumb items={[{ title: <a href={hrefOf({ page: 'library' })}>法规库</a> }, { title: meta.title }]} />
        <header style={{ margin: '12px 0 16px' }}>
          <Space align="center" wrap>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="reader-title">
              {meta.title}
              {meta.subtitle ? ` · ${meta.subtitle}` : ''}
            </Typography.Title>
            <StatusTag status={meta.status} />
            {meta.expired ? <Tag color="red">已标记废止</Tag> : null}
            <Tooltip title="修改时效性（须写明依据）">
              <Button size="small" type="text" icon={<EditOutlined />} onClick={() => setStatusOpen(true)} aria-label="修改时效性" data-testid="status-edit" />
            </Tooltip>
          </Space>
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
          <Space wrap>
            <span>版本</span>
            <Select
              value={meta.id}
              style={{ minWidth: 260 }}
              data-testid="version-switcher"
              onChange={(id) => navigate({ page: 'read', versionId: id, ...(active ? { articleKey: active } : {}) })}
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
            <DatePicker
              placeholder="查看某日有效的版本"
              style={{ width: 190 }}
              onChange={(d) => d && void openAsOf(d.format('YYYY-MM-DD'))}
              data-testid="reader-as-of"
            />
            <Input.Search
              allowClear
              placeholder="在本法中查找"
              value={find}
              onChange={(e) => setFind(e.target.value)}
              style={{ width: 220 }}
              data-testid="reader-find"
            />
            {terms.length > 0 && <Typography.Text type="secondary">{matchCount} 处</Typography.Text>}
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
        </header>
        <div style={{ fontSize: settings.fontSize, maxWidth: 900 }} data-testid="reader-text">
          {units.length === 0 && <Typography.Paragraph type="secondary">这个版本只有标题和制定历史，没有正文。</Typography.Paragraph>}
          {units.map((u) => {
            const headings: string[] = [];
            u.path.forEach((h, i) => {
              if (lastPath[i] !== h || headings.length) headings.push(h);
            });
            lastPath = u.path;
            return (
              <Fragment key={u.key}>
                {headings.map((h) => (
                  <div className="reader-heading" key={h + u.key} style={{ fontSize: settings.fontSize + 1 }}>
                    {h}
                  </div>
                ))}
                <div
                  id={`article-${u.key}`}
                  className={`reader-article${active === u.key ? ' active' : ''}`}
                  data-testid="article"
                  data-key={u.key}
                  onClick={() => setActive(u.key)}
                >
                  <span className="actions">
                    <Space size={4}>
                      {u.kind === 'article' && (
                        <Tooltip title="被引用：引用此条的审查与学法记录">
                          <Badge count={counts.data?.[u.key] ?? 0} size="small" offset={[-4, 2]}>
                            <Button
                              size="small"
                              type="text"
                              icon={<TeamOutlined />}
                              aria-label="被引用"
                              data-testid="cited-by-button"
                              onClick={(e) => {
                                e.stopPropagation();
                                setActive(u.key);
                                setCitedOpen(true);
                              }}
                            />
                          </Badge>
                        </Tooltip>
                      )}
                      {versions.length > 1 && (
                        <Tooltip title="该条历次版本">
                          <Button size="small" type="text" icon={<HistoryOutlined />} aria-label="历次版本" data-testid="article-history-button" onClick={() => setHistoryKey(u.key)} />
                        </Tooltip>
                      )}
                      <Tooltip title="加入简报">
                        <Button
                          size="small"
                          type="text"
                          icon={<FileAddOutlined />}
                          aria-label="加入简报"
                          data-testid="add-to-pack-button"
                          onClick={() =>
                            setPackItems({
                              what: citationOf(meta, u.label),
                              items: [{ type: 'article', law: meta.lawId, version: meta.id, article: u.key, titleSnapshot: citationOf(meta, u.label) }],
                            })
                          }
                        />
                      </Tooltip>
                      <Tooltip title="只复制引用">
                        <Button size="small" type="text" icon={<LinkOutlined />} onClick={() => void copyLink(u)} aria-label="只复制引用" />
                      </Tooltip>
                      <Button size="small" icon={<CopyOutlined />} onClick={() => void copy(u)} data-testid="copy-citation">
                        复制引用
                      </Button>
                    </Space>
                  </span>
                  {(counts.data?.[u.key] ?? 0) > 0 && (
                    <Tag color="blue" className="cited-count" onClick={() => { setActive(u.key); setCitedOpen(true); }} data-testid="cited-count">
                      被引用 {counts.data![u.key]}
                    </Tag>
                  )}
                  {u.paragraphs.map((p, i) => (
                    <div key={i} style={{ textIndent: u.kind === 'article' && i > 0 ? '2em' : undefined }}>
                      {i === 0 && <span className="label">{u.label}</span>}
                      <Marked text={p.text} terms={terms} />
                      {p.items.map((it, j) => (
                        <div className="reader-item" key={j}>
                          <Marked text={it} terms={terms} />
                        </div>
                      ))}
                    </div>
                  ))}
                </div>
              </Fragment>
            );
          })}
        </div>
      </article>
      {citedOpen && activeUnit && (
        <CitedByPanel versionId={meta.id} articleKey={activeUnit.key} label={activeUnit.label} versions={versions} tick={counts.data ? 1 : 0} onClose={() => setCitedOpen(false)} />
      )}
      <ArticleHistory versionId={meta.id} lawId={meta.lawId} articleKey={historyKey} onClose={() => setHistoryKey(undefined)} />
      <AddToPack items={packItems?.items} what={packItems?.what ?? ''} onClose={() => setPackItems(undefined)} />
      <StatusEditor
        open={statusOpen}
        meta={meta}
        onClose={() => setStatusOpen(false)}
        onSaved={() => {
          setStatusOpen(false);
          res.reload();
        }}
      />
    </div>
  );
}
