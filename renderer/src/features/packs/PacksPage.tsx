// 简报: saved briefing packs — the list, and one pack's composer: cover fields, template, as-of date,
// items reordered by drag and drop (or Alt+↑/↓ on a focused item), free text sections, and export
// to DOCX / PDF / HTML with progress. The browser face downloads the result; the desktop shows it
// in its folder.

import { useUnsavedGuard } from '../../components/unsaved-guard';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, ExportOutlined, FolderOpenOutlined, HolderOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Empty, Form, Input, InputNumber, List, Modal, Popconfirm, Progress, Row, Skeleton, Space, Typography } from 'antd';
import { TabLeavingSelect } from '../../components/tab-leaving-select';
import dayjs from 'dayjs';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { LIMITS } from '../../../../electron/shared/limits';
import { EXPORT_FORMATS, PACK_TEMPLATES, type ApiOutput, type PackDto, type PackItemDto } from '../../../../electron/shared/api-contract';
import { client, errorMessage } from '../../api/client';
import { prefetchCall, useCall, useTask } from '../../api/hooks';
import { ErrorState } from '../../components/common';
import { handOver } from '../../components/records-ui';
import { progressPercent, progressText } from '../../../../electron/shared/task-progress';
import { hrefOf, navigate, onRouteOpen } from '../../router';
import { useAfterFirstPaint, useProgressiveCount } from '../../components/progressive';
import { useNotify } from '../../components/notify';

const TYPE_TEXT: Record<PackItemDto['type'], string> = { law: '法规', article: '条文', search: '检索结果', review: '审查记录', lecture: '学法活动', note: '笔记', stats: '年度统计', text: '文字' };

function itemTitle(it: PackItemDto, titles: Map<string, string> = new Map()): string {
  switch (it.type) {
    case 'article':
      return it.titleSnapshot ?? `${it.law} ${it.article}`;
    case 'law':
      return (it.titleSnapshot ?? it.law) + (it.chapter?.length ? ` ${it.chapter.join(' ')}` : '');
    case 'search': {
      const f = [it.levels?.join('、'), it.regions?.join('、'), it.statuses?.join('、'), it.inForceOnly ? '现行有效' : '', it.categories?.join('、'), it.asOf ? `${it.asOf} 有效` : '']
        .filter(Boolean)
        .join('，');
      return `检索：${it.query}${f ? `（${f}）` : ''}，前 ${it.limit ?? 20} 条`;
    }
    case 'review':
    case 'lecture':
    case 'note':
      return it.heading || (titles.has(it.recordId) ? `${it.recordId} ${titles.get(it.recordId)}` : it.recordId);
    case 'stats':
      return `${it.year} 年度统计`;
    case 'text':
      return it.heading || '（无标题文字段落）';
  }
}

type SavedItem = PackDto['items'][number];
function TextItemEditor({ item, onChange }: { item: Extract<SavedItem, { type: 'text' }>; onChange: (it: SavedItem) => void }) {
  return (
    // A plain column: the fields take the row's whole width (Space's items would shrink to content).
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8, width: '100%' }}>
      <Input value={item.heading ?? ''} onChange={(e) => onChange({ ...item, heading: e.target.value })} placeholder="小标题" maxLength={LIMITS.pack.heading} />
      <Input.TextArea
        value={(item.paragraphs ?? []).join('\n')}
        onChange={(e) => onChange({ ...item, paragraphs: e.target.value.split('\n') })}
        autoSize={{ minRows: 2, maxRows: 8 }}
        placeholder="正文，每行一段"
      />
    </div>
  );
}

interface RowActions {
  move: (from: number, to: number) => void;
  /** Replaces item i, or removes it (undefined). */
  setItem: (i: number, it: SavedItem | undefined) => void;
  setDragging: (i: number | undefined) => void;
  setOver: (i: number | undefined) => void;
  setEditing: (id: string | undefined) => void;
  /** The row under the mouse or holding the focus (its move / remove buttons are mounted). */
  setLit: (i: number | undefined) => void;
}

/** One item of the composer's list: drag handle, number, type, title (or its editor), move and remove. */
const PackItemRow = memo(function PackItemRow({ item: it, index: i, last, title, editing, dropTarget, dragging, lit, act }: { item: SavedItem; index: number; last: boolean; title: string; editing: boolean; dropTarget: boolean; dragging: boolean; lit: boolean; act: RowActions }) {
  return (
    <List.Item
      draggable
      tabIndex={0}
      onMouseEnter={() => act.setLit(i)}
      onFocus={() => act.setLit(i)}
      className={`pack-item${dropTarget ? ' drop-target' : ''}${dragging ? ' dragging' : ''}`}
      data-testid="pack-item"
      onDragStart={(e) => {
        act.setDragging(i);
        e.dataTransfer.effectAllowed = 'move';
        e.dataTransfer.setData('text/plain', String(i));
      }}
      onDragOver={(e) => {
        e.preventDefault();
        act.setOver(i);
      }}
      onDragEnd={() => {
        act.setDragging(undefined);
        act.setOver(undefined);
      }}
      onDrop={(e) => {
        e.preventDefault();
        const from = Number(e.dataTransfer.getData('text/plain'));
        act.setDragging(undefined);
        act.setOver(undefined);
        if (Number.isInteger(from)) act.move(from, i);
      }}
      onKeyDown={(e) => {
        if (e.altKey && e.key === 'ArrowUp') {
          e.preventDefault();
          act.move(i, i - 1);
        } else if (e.altKey && e.key === 'ArrowDown') {
          e.preventDefault();
          act.move(i, i + 1);
        }
      }}
      // Mounted for the row under the mouse or holding the focus only (Tab from the row reaches
      // them): three buttons a row were most of a long pack's rendering and garbage.
      actions={lit ? [
        <Button key="up" size="small" type="text" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => act.move(i, i - 1)} aria-label="上移" />,
        <Button key="down" size="small" type="text" icon={<ArrowDownOutlined />} disabled={last} onClick={() => act.move(i, i + 1)} aria-label="下移" />,
        <Button key="del" size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => act.setItem(i, undefined)} aria-label="移除" />,
      ] : [<span key="room" className="pack-item-room" aria-hidden />]}
    >
      {/* A flex row, not <Space>: Space wraps each child in an item that does not grow, which left the text editor ~170 px wide. */}
      <div style={{ display: 'flex', flex: 1, alignItems: 'flex-start', gap: 8, minWidth: 0 }}>
        <HolderOutlined style={{ cursor: 'grab', color: '#999', marginTop: 4 }} />
        {/* Plain elements styled as antd's secondary text and Tag (styles.css): a long pack has a
            thousand rows, and each antd widget is its own token and style hooks at every mount. */}
        <span className="pack-item-num">{i + 1}.</span>
        <span className="pack-item-type">{TYPE_TEXT[it.type]}</span>
        <div style={{ flex: 1, minWidth: 0 }} data-testid="pack-item-body">
          {it.type === 'text' && editing ? (
            <TextItemEditor item={it} onChange={(n) => act.setItem(i, n)} />
          ) : it.type === 'stats' ? (
            <Space>
              <InputNumber min={1990} max={2200} size="small" value={it.year} onChange={(y) => y && act.setItem(i, { ...it, year: y })} /> 年度统计
            </Space>
          ) : (
            <span data-testid="pack-item-title" onDoubleClick={() => it.type === 'text' && act.setEditing(it.id)}>
              {it.type === 'review' ? <a href={hrefOf({ page: 'review', id: it.recordId })}>{title}</a> : title}
              {it.type === 'text' && (
                <Button size="small" type="link" onClick={() => act.setEditing(it.id)}>
                  编辑
                </Button>
              )}
            </span>
          )}
        </div>
      </div>
    </List.Item>
  );
});

// A pack and the list of packs are asked for as the address moves to 简报, not after the page's
// first render and commit (packs:get left 19–40 ms after the route change, quiet sweep of session 14).
onRouteOpen('packs', (r) => {
  prefetchCall('packs:list', {}, 0);
  if (r.id) prefetchCall('packs:get', { id: r.id });
});

/** How many of a pack's first rows give the height of a row not laid out yet. */
const ROWS_MEASURED = 8;

function Composer({ id, onChanged }: { id: string; onChanged: () => void }) {
  const notify = useNotify();
  const res = useCall('packs:get', { id });
  const [pack, setPack] = useState<PackDto>();
  const [dirty, setDirty] = useState(false);
  useUnsavedGuard(dirty);
  const [dragging, setDragging] = useState<number>();
  const [over, setOver] = useState<number>();
  // A long pack renders its first items at once and the rest in slices after each paint (as the reader does).
  const shownItems = useProgressiveCount(pack?.items.length ?? 0, 30, 60);
  // The template select and the date picker (antd's heaviest widgets here, their styles made at
  // their first mount after a page load) follow the first screen by a frame, in boxes of their
  // height: the first items no longer wait for them (the composer's first task was 75–90 ms quiet).
  const widgetsShown = useAfterFirstPaint(pack !== undefined);
  const [editing, setEditing] = useState<string>();
  const [lit, setLit] = useState<number>();
  const [exporting, setExporting] = useState<string>();
  const [result, setResult] = useState<ApiOutput<'packs:export'>>();
  const [error, setError] = useState<string>();
  const task = useTask();
  const reviews = useCall('reviews:list', {});
  const lectures = useCall('lectures:list', {});
  const titles = new Map<string, string>([...(reviews.data ?? []).map((r) => [r.id, r.title] as const), ...(lectures.data ?? []).map((l) => [l.id, l.topic] as const)]);
  // One stable object of row actions: a row re-renders only when its own item or flags change, so a
  // slice of a long pack renders its new rows only (1,260 items re-rendered every slice before).
  const live = useRef<(from: number, to: number) => Promise<void>>(undefined);
  const act = useMemo<RowActions>(
    () => ({
      move: (from, to) => void live.current?.(from, to),
      setItem: (i, it) => {
        setPack((p) => p && { ...p, items: it ? p.items.map((x, j) => (j === i ? it : x)) : p.items.filter((_, j) => j !== i) });
        setDirty(true);
      },
      setDragging,
      setOver,
      setEditing,
      setLit,
    }),
    [],
  );
  useLayoutEffect(() => {
    live.current = async (from: number, to: number) => {
      if (!pack || to < 0 || to >= pack.items.length || from === to) return;
      const items = [...pack.items];
      const [it] = items.splice(from, 1);
      items.splice(to, 0, it!);
      setPack({ ...pack, items });
      if (dirty) return setDirty(true);
      try {
        setPack(await client.call('packs:reorder', { id: pack.id, itemIds: items.map((i) => i.id!) }));
      } catch (e) {
        notify.fail(errorMessage(e), { title: '顺序未保存' });
        res.reload();
      }
    };
  });
  // The height off-screen rows stand in at (styles.css .pack-item): the shortest content of the
  // first rows as laid out — a one-line row — watched as fonts, the window's width or the zoom change it, so a
  // row coming into view does not move the list under the pointer (a guessed 48 px of content
  // against a real 22–24 px did, as one scrolled a long pack).
  const listRef = useRef<HTMLDivElement>(null);
  const itemCount = pack?.items.length ?? 0;
  const anyShown = shownItems > 0;
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list || !itemCount) return;
    const heights = new Map<Element, number>();
    const watch = new ResizeObserver((entries) => {
      // the content box's: contain-intrinsic-size stands in for the content, the padding and border come on top
      for (const e of entries) if (e.contentBoxSize[0]?.blockSize && e.target.isConnected && e.target.checkVisibility({ contentVisibilityAuto: true })) heights.set(e.target, e.contentBoxSize[0].blockSize);
      for (const row of heights.keys()) if (!row.isConnected) heights.delete(row);
      const h = Math.min(...heights.values());
      if (Number.isFinite(h)) list.style.setProperty('--pack-item-h', `${h}px`);
    });
    for (const row of [...list.querySelectorAll('.pack-item')].slice(0, ROWS_MEASURED)) watch.observe(row);
    return () => watch.disconnect();
  }, [itemCount, anyShown]);
  useEffect(() => {
    // asked again after a library change: the same saved pack must not replace unsaved edits
    if (res.data && !(dirty && pack?.id === res.data.id && pack.updatedAt === res.data.updatedAt)) {
      setPack(res.data);
      setDirty(false);
      setResult(undefined);
    }
  }, [res.data]);
  if (res.error) return <ErrorState message={res.error} onRetry={res.reload} />;
  if (!pack) return <Skeleton active />;

  const edit = (p: Partial<PackDto>) => {
    setPack({ ...pack, ...p });
    setDirty(true);
  };
  const save = async (p = pack): Promise<PackDto | undefined> => {
    try {
      const saved = await client.call('packs:save', { id: p.id, pack: { title: p.title, template: p.template, cover: p.cover, asOf: p.asOf, items: p.items } });
      setPack(saved);
      setDirty(false);
      onChanged();
      return saved;
    } catch (e) {
      notify.fail(errorMessage(e), { title: '简报未保存' });
      return undefined;
    }
  };
  const doExport = async (format: (typeof EXPORT_FORMATS)[number]) => {
    setError(undefined);
    setResult(undefined);
    if (dirty && !(await save())) return;
    setExporting(format);
    try {
      const r = await client.call('packs:export', { id: pack.id, format, taskId: task.taskId() });
      setResult(r);
      const how = await handOver(r);
      notify.ok(how === 'downloaded' ? `已导出并下载“${r.name}”` : `已导出到 ${r.folder ?? ''}`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setExporting(undefined);
    }
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="pack-composer">
      <Card
        size="small"
        title="封面与模板"
        extra={
          <Space>
            {dirty && <Typography.Text type="warning">有未保存的修改</Typography.Text>}
            <Button type="primary" size="small" disabled={!dirty} onClick={() => void save()} data-testid="pack-save">
              保存
            </Button>
          </Space>
        }
      >
        <Form layout="vertical">
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item label="标题" required style={{ marginBottom: 8 }}>
                <Input value={pack.cover.title} maxLength={300} onChange={(e) => edit({ title: e.target.value || pack.title, cover: { ...pack.cover, title: e.target.value } })} data-testid="pack-title" />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item label="模板" style={{ marginBottom: 8 }}>
                {widgetsShown ? <TabLeavingSelect value={pack.template} onChange={(t) => edit({ template: t })} options={PACK_TEMPLATES.map((t) => ({ value: t, label: t }))} /> : <div className="control-room" aria-busy="true" />}
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item label="条文版本截至" tooltip="未指定版本的条文，按这一天有效的版本导出" style={{ marginBottom: 8 }}>
                {widgetsShown ? <DatePicker value={dayjs(pack.asOf)} allowClear={false} onChange={(d) => d && edit({ asOf: d.format('YYYY-MM-DD') })} style={{ width: '100%' }} /> : <div className="control-room" aria-busy="true" />}
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="单位" style={{ marginBottom: 8 }}>
                <Input value={pack.cover.unit} maxLength={200} placeholder="未填写：封面不印单位（新简报取自 设置 → 单位信息）" onChange={(e) => edit({ cover: { ...pack.cover, unit: e.target.value } })} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item label="日期" style={{ marginBottom: 8 }}>
                <Input value={pack.cover.date} maxLength={50} onChange={(e) => edit({ cover: { ...pack.cover, date: e.target.value } })} />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item label="用途" style={{ marginBottom: 8 }}>
                <Input value={pack.cover.purpose} maxLength={1000} placeholder="供局党组会议审议时参阅" onChange={(e) => edit({ cover: { ...pack.cover, purpose: e.target.value } })} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      <Card
        size="small"
        title={`内容（${pack.items.length} 项）`}
        extra={
          <Space>
            <Button size="small" icon={<PlusOutlined />} onClick={() => edit({ items: [...pack.items, { type: 'text', id: 'new' + Date.now(), heading: '', paragraphs: [] }] })}>
              文字段落
            </Button>
            <Button size="small" icon={<PlusOutlined />} onClick={() => edit({ items: [...pack.items, { type: 'stats', id: 'new' + Date.now(), year: dayjs(pack.asOf).year() }] })}>
              年度统计
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          拖动左侧把手调整顺序，或选中一项后按 Alt+↑ / Alt+↓。在阅读页点“加入简报”添加条文，在审查、学法记录中添加记录。
        </Typography.Paragraph>
        {pack.items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="简报是空的：在阅读页的条文上点“加入简报”" />
        ) : (
          <div ref={listRef}>
            <List
              size="small"
              dataSource={pack.items.slice(0, shownItems)}
              data-testid="pack-items"
              data-rendered={shownItems >= pack.items.length ? 'all' : 'partial'}
              renderItem={(it, i) => (
                <PackItemRow
                  key={it.id}
                  item={it}
                  index={i}
                  last={i === pack.items.length - 1}
                  title={itemTitle(it, titles)}
                  editing={editing === it.id}
                  dropTarget={over === i && dragging !== undefined}
                  dragging={dragging === i}
                  lit={lit === i}
                  act={act}
                />
              )}
            />
          </div>
        )}
      </Card>
      <Card size="small" title="导出">
        <Space wrap>
          {EXPORT_FORMATS.map((f) => (
            <Button key={f} icon={<ExportOutlined />} loading={exporting === f} disabled={!!exporting} onClick={() => void doExport(f)} data-testid={`export-${f}`}>
              导出 {f.toUpperCase()}
            </Button>
          ))}
        </Space>
        {exporting && (
          <div style={{ marginTop: 12 }} data-testid="export-progress">
            <Progress percent={progressPercent(task.progress)} status="active" />
            <Typography.Text type="secondary">
              {task.progress ? progressText(task.progress) : '准备中…'}
            </Typography.Text>
          </div>
        )}
        {error && <Alert type="error" showIcon title="导出失败" description={error} style={{ marginTop: 12 }} />}
        {result && (
          <Alert
            type="success"
            showIcon
            style={{ marginTop: 12 }}
            data-testid="export-result"
            title={`已导出 ${result.name}（${(result.bytes / 1024).toFixed(0)} KB，${result.articleCount} 条${result.pages ? `，${result.pages} 页` : ''}）`}
            description={result.warnings.length ? <ul style={{ margin: 0 }}>{result.warnings.map((w) => <li key={w}>{w}</li>)}</ul> : undefined}
            action={
              <Button size="small" icon={<FolderOpenOutlined />} onClick={() => void handOver(result).catch((e) => notify.fail(errorMessage(e), { title: '打开文件夹失败' }))}>
                {client.face === 'electron' ? '打开所在文件夹' : '再次下载'}
              </Button>
            }
          />
        )}
      </Card>
    </Space>
  );
}

export function PacksPage({ id }: { id?: string | undefined }) {
  const notify = useNotify();
  const [tick, setTick] = useState(0);
  const list = useCall('packs:list', {}, tick);
  const [creating, setCreating] = useState(false);
  const [title, setTitle] = useState('');
  const [template, setTemplate] = useState<(typeof PACK_TEMPLATES)[number]>('合法性审查参考资料');
  useEffect(() => {
    if (!id && list.data?.length) navigate({ page: 'packs', id: list.data[0]!.id }, { replace: true });
  }, [id, list.data]);
  const create = async () => {
    if (!title.trim()) return notify.warn('请填写标题');
    try {
      const p = await client.call('packs:create', { title: title.trim(), template });
      setCreating(false);
      setTitle('');
      setTick((t) => t + 1);
      navigate({ page: 'packs', id: p.id });
    } catch (e) {
      notify.fail(errorMessage(e), { title: '简报未能新建' });
    }
  };
  const remove = async (pid: string) => {
    try {
      await client.call('packs:remove', { id: pid });
      setTick((t) => t + 1);
      navigate({ page: 'packs' }, { replace: true });
    } catch (e) {
      notify.fail(errorMessage(e), { title: '简报未能删除' });
    }
  };
  return (
    <div className="page" style={{ display: 'flex', gap: 16 }}>
      <aside style={{ width: 250, flex: 'none' }}>
        <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            简报
          </Typography.Title>
          <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-pack">
            新建
          </Button>
        </Space>
        {list.error ? (
          <ErrorState message={list.error} onRetry={list.reload} />
        ) : (
          <List
            size="small"
            loading={list.loading && !list.data}
            dataSource={list.data ?? []}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有简报" /> }}
            renderItem={(p) => (
              <List.Item
                className={`quick-item${p.id === id ? ' selected' : ''}`}
                onClick={() => navigate({ page: 'packs', id: p.id })}
                data-testid="pack-row"
                actions={[
                  <Popconfirm key="del" title="删除这个简报？" okText="删除" cancelText="取消" onConfirm={() => void remove(p.id)}>
                    <Button size="small" type="text" icon={<DeleteOutlined />} aria-label="删除简报" onClick={(e) => e.stopPropagation()} />
                  </Popconfirm>,
                ]}
              >
                <div>
                  <div>{p.title}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {p.template} · {p.itemCount} 项
                  </Typography.Text>
                </div>
              </List.Item>
            )}
          />
        )}
      </aside>
      <section style={{ flex: 1, minWidth: 0 }}>
        {id ? <Composer key={id} id={id} onChanged={() => setTick((t) => t + 1)} /> : list.data && list.data.length === 0 ? <Empty description="新建一个简报，或在阅读页的条文上点“加入简报”" /> : null}
      </section>
      <Modal open={creating} title="新建简报" onCancel={() => setCreating(false)} onOk={() => void create()} okText="新建" destroyOnHidden>
        <Form layout="vertical" onFinish={() => void create()}>
          <Form.Item label="标题" required>
            <Input value={title} onChange={(e) => setTitle(e.target.value)} autoFocus maxLength={300} data-testid="new-pack-title" />
          </Form.Item>
          <Form.Item label="模板" extra="模板决定封面用途和预置的段落（审查事项、思考题、年度统计等）">
            <TabLeavingSelect value={template} onChange={setTemplate} options={PACK_TEMPLATES.map((t) => ({ value: t, label: t }))} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
