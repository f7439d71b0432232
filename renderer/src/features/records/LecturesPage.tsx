// 学法普法: lectures, study sessions and outreach (法律大讲堂 / 集体学法 / 法律进… / 宪法日) with their
// articles covered, and the year's 普法计划 with each item's completion derived from the sessions
// linked to it.

import { DeleteOutlined, FileAddOutlined, HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Drawer, Form, Input, InputNumber, Modal, Progress, Row, Space, Table, Tabs, Tag, Typography } from 'antd';
import { TabLeavingSelect } from '../../components/tab-leaving-select';
import { useEffect, useState } from 'react';
import { LECTURE_KINDS, MATERIAL_KINDS, type ApiInput, type LectureDto, type PlanDto } from '../../../../electron/shared/api-contract';
import { LIMITS } from '../../../../electron/shared/limits';
import { client, errorMessage } from '../../api/client';
import { useCall } from '../../api/hooks';
import { useOfficeExamples } from '../../components/office-examples';
import { EmptyState, ErrorState } from '../../components/common';
import { navigate } from '../../router';
import { AddToPack } from '../../components/AddToPack';
import { CitationList, CitationPicker, CitationTools, DetectModal, type FormCitation } from './CitationEditor';
import { HistoryView } from '../../components/HistoryView';
import { officeDay, officeYear } from '../../office-clock';
import { lectureCitesOf, lectureFormErrors, lectureInputOf, lectureValuesOf, newLectureValues, type LectureValues } from './lecture-form-model';
import { newPlanValues, planFormErrors, planInputOf, planValuesOf, type PlanValues } from './plan-form-model';
import { showFieldErrors } from './record-form-errors';
import { useNotify } from '../../components/notify';
import { ActionLink } from '../../components/action-link';
import { usePageModal } from '../../components/page-modal';
import { DIALOG_SAVE_LABEL, saveOnCtrlEnter } from '../../components/page-keys';

const L = LIMITS.record;

const thisYear = officeYear();
const YEARS = Array.from({ length: 12 }, (_, i) => thisYear - i);

function LectureForm({ lecture, open, onClose, onSaved }: { lecture: LectureDto | undefined; open: boolean; onClose: () => void; onSaved: () => void }) {
  const modal = usePageModal(); // closed when the page goes (a static modal outlives it)
  const notify = useNotify();
  const [form] = Form.useForm<LectureValues>();
  const [cites, setCites] = useState<FormCitation[]>([]);
  const [picker, setPicker] = useState(false);
  const [detect, setDetect] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const date = Form.useWatch('date', form);
  const plans = useCall('plans:list', open ? { year: (date ?? officeDay()).year() } : null);
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setOtherErrors([]);
    form.setFieldsValue(lecture ? lectureValuesOf(lecture) : newLectureValues(officeDay()));
    setCites(lecture ? lectureCitesOf(lecture) : []);
  }, [open, lecture]);
  const save = async () => {
    const v = form.getFieldsValue(true) as LectureValues;
    // The record schema's own check (shared/record-form.ts), each error beside its field.
    const errors = lectureFormErrors(v, cites);
    showFieldErrors(form, errors);
    setOtherErrors(errors.other);
    if (errors.fields.length || errors.other.length) {
      if (errors.fields[0]) form.scrollToField(errors.fields[0].name, { block: 'center' });
      return;
    }
    setBusy(true);
    const input = lectureInputOf(v, cites) as ApiInput<'lectures:create'>['input'];
    try {
      const r = lecture ? await client.call('lectures:update', { id: lecture.id, patch: input, expectedRevision: lecture.revision }) : await client.call('lectures:create', { input });
      notify.ok(`已保存 ${r.record.id}`);
      for (const w of r.warnings) notify.warn(w);
      onSaved();
    } catch (e) {
      modal.error({ title: '没有保存', content: <div style={{ whiteSpace: 'pre-wrap' }}>{errorMessage(e)}</div> });
    } finally {
      setBusy(false);
    }
  };
  const planItems = (plans.data ?? []).flatMap((p: PlanDto) => p.items.map((it) => ({ value: it.id, label: `${p.title} · ${it.topic}` })));
  return (
    <Modal
      open={open}
      title={lecture ? `编辑 ${lecture.id}` : '新建学法活动'}
      onCancel={onClose}
      onOk={() => void save()}
      okText={DIALOG_SAVE_LABEL}
      confirmLoading={busy}
      width={820}
      destroyOnHidden
      data-testid="lecture-form"
      // The form scrolls inside the dialog, so 保存 stays in view on a 700-pixel-high screen.
      style={{ top: 16, paddingBottom: 0 }}
      styles={{ body: { maxHeight: 'calc(100vh - 150px)', overflowY: 'auto', overflowX: 'hidden', paddingRight: 8 } }}
    >
      <Form
        form={form}
        layout="vertical"
        onKeyDown={saveOnCtrlEnter(() => void save())}
      >
        {otherErrors.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={otherErrors.join('；')} data-testid="lecture-form-errors" />}
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="kind" label="类型" required>
              {/* the dialog opens with the focus in its first field, for the keyboard */}
              <TabLeavingSelect options={LECTURE_KINDS.map((k) => ({ value: k, label: k }))} autoFocus />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="date" label="日期" required>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="headCount" label="参加人数">
              <InputNumber min={0} max={L.headCount} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="topic" label="主题" required>
              <Input data-testid="lecture-topic" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="speakerName" label="主讲人">
              <Input maxLength={L.person} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="speakerOrg" label="主讲人单位">
              <Input maxLength={L.unit} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="audience" label="对象">
              <Input maxLength={L.unit} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="location" label="地点">
              <Input maxLength={L.unit} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="planItemId" label="对应的普法计划事项">
              <TabLeavingSelect allowClear options={planItems} placeholder={planItems.length ? '选择计划事项' : '该年度没有普法计划'} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="学习的法规和条文">
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            <CitationList value={cites} onChange={setCites} testId="lecture-citations" />
            <CitationTools onAdd={() => setPicker(true)} onDetect={() => setDetect(String(form.getFieldValue('notes') ?? '') + '\n' + String(form.getFieldValue('topic') ?? ''))} />
          </Space>
        </Form.Item>
        <Form.Item label="发放材料">
          <Form.List name="materials">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline">
                    <Form.Item name={[f.name, 'name']} style={{ marginBottom: 6 }}>
                      <Input placeholder="名称" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'kind']} style={{ marginBottom: 6 }}>
                      <TabLeavingSelect placeholder="种类" style={{ width: 100 }} options={MATERIAL_KINDS.map((k) => ({ value: k, label: k }))} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'copies']} style={{ marginBottom: 6 }}>
                      <InputNumber min={0} placeholder="份数" />
                    </Form.Item>
                    <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除材料" />
                  </Space>
                ))}
                <Button size="small" type="dashed" onClick={() => add({ kind: '讲义', copies: 0 })}>
                  添加材料
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="notes" label="内容摘要 / 备注">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={L.text} />
        </Form.Item>
        <Form.Item name="tags" label="标签">
          <TabLeavingSelect mode="tags" tokenSeparators={[',', '，']} />
        </Form.Item>
      </Form>
      <CitationPicker open={picker} onClose={() => setPicker(false)} onPick={(c) => setCites((l) => [...l, c])} />
      <DetectModal text={detect} date={(date ?? officeDay()).format('YYYY-MM-DD')} onClose={() => setDetect(undefined)} onLink={(l) => setCites((x) => [...x, ...l.map((c) => ({ saved: c }))])} />
    </Modal>
  );
}

function LecturesTab() {
  const [year, setYear] = useState<number>();
  const [kind, setKind] = useState<LectureDto['kind']>();
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<{ lecture?: LectureDto }>();
  const [history, setHistory] = useState<string>();
  const [pack, setPack] = useState<LectureDto>();
  const [tick, setTick] = useState(0);
  const input = { ...(year ? { year } : {}), ...(kind ? { kind } : {}), ...(q.trim() ? { q: q.trim() } : {}) };
  const list = useCall('lectures:list', input, tick);
  return (
    <>
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <TabLeavingSelect allowClear placeholder="类型" value={kind} onChange={setKind} options={LECTURE_KINDS.map((k) => ({ value: k, label: k }))} style={{ width: 130 }} />
          <TabLeavingSelect allowClear placeholder="年度" value={year} onChange={setYear} options={YEARS.map((y) => ({ value: y, label: `${y} 年` }))} style={{ width: 110 }} />
          <Input.Search allowClear placeholder="主题、主讲人、对象" value={q} onChange={(e) => setQ(e.target.value)} style={{ width: 220 }} />
        </Space>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})} data-testid="new-lecture">
          新建学法活动
        </Button>
      </Space>
      {list.error ? (
        <ErrorState message={list.error} onRetry={list.reload} />
      ) : (
        <Table<LectureDto>
          rowKey="id"
          size="middle"
          loading={list.loading && !list.data}
          dataSource={list.data ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            { title: '日期', dataIndex: 'date', width: 110 },
            { title: '类型', dataIndex: 'kind', width: 110, render: (k: string) => <Tag>{k}</Tag> },
            { title: '主题', key: 't', render: (_, l) => <ActionLink onClick={() => setEditing({ lecture: l })}>{l.topic}</ActionLink> },
            {
              title: '主讲人（单位）',
              key: 's',
              width: 180,
              render: (_, l) =>
                l.speaker ? (
                  <span data-testid="lecture-speaker">
                    {l.speaker.name}
                    {l.speaker.org && <Typography.Text type="secondary">（{l.speaker.org}）</Typography.Text>}
                  </span>
                ) : (
                  '—'
                ),
            },
            { title: '人数', dataIndex: 'headCount', width: 70, align: 'right' },
            { title: '条文', key: 'c', width: 70, align: 'right', render: (_, l) => l.citations.length },
            {
              title: '',
              key: 'a',
              width: 90,
              render: (_, l) => (
                <Space size={0}>
                  <Button type="text" size="small" icon={<HistoryOutlined />} onClick={() => setHistory(l.id)} aria-label="修改记录" />
                  <Button type="text" size="small" icon={<FileAddOutlined />} onClick={() => setPack(l)} aria-label="加入简报" />
                </Space>
              ),
            },
          ]}
          locale={{
            emptyText: list.loading ? ' ' : Object.keys(input).length ? (
              <EmptyState description="没有符合条件的学法活动" />
            ) : (
              <EmptyState description="还没有学法活动记录">
                <Button type="primary" onClick={() => setEditing({})}>
                  新建学法活动
                </Button>
              </EmptyState>
            ),
          }}
        />
      )}
      <LectureForm
        open={!!editing}
        lecture={editing?.lecture}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          setTick((t) => t + 1);
        }}
      />
      <Drawer open={!!history} onClose={() => setHistory(undefined)} title={`修改记录 ${history ?? ''}`} size="large">
        {history && <HistoryView id={history} tick={tick} />}
      </Drawer>
      <AddToPack items={pack ? [{ type: 'lecture', recordId: pack.id }] : undefined} what={pack?.topic ?? ''} onClose={() => setPack(undefined)} />
    </>
  );
}

function PlansTab() {
  const modal = usePageModal(); // closed when the page goes (a static modal outlives it)
  const notify = useNotify();
  const [year, setYear] = useState<number>(thisYear);
  const [tick, setTick] = useState(0);
  const list = useCall('plans:list', { year }, tick);
  // Every plan's year, so a year without one points to the years that have one.
  const all = useCall('plans:list', {}, tick);
  const planYears = [...new Set((all.data ?? []).map((p) => p.year))].filter((y) => y !== year).sort((a, b) => b - a);
  const [editing, setEditing] = useState<{ plan?: PlanDto }>();
  const [form] = Form.useForm<PlanValues>();
  const [busy, setBusy] = useState(false);
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const examples = useOfficeExamples();
  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    setOtherErrors([]);
    form.setFieldsValue(editing.plan ? planValuesOf(editing.plan) : newPlanValues(year));
  }, [editing]);
  const save = async () => {
    const v = form.getFieldsValue(true) as PlanValues; // all values: item ids have no Form.Item
    // The plan schema's own check (shared/record-form.ts), each error beside its field.
    const errors = planFormErrors(v);
    showFieldErrors(form, errors);
    setOtherErrors(errors.other);
    if (errors.fields.length || errors.other.length) return;
    setBusy(true);
    const input = planInputOf(v) as ApiInput<'plans:create'>['input'];
    try {
      const r = editing?.plan ? await client.call('plans:update', { id: editing.plan.id, patch: input, expectedRevision: editing.plan.revision }) : await client.call('plans:create', { input });
      notify.ok(`已保存 ${r.record.id}`);
      setEditing(undefined);
      setYear(input.year);
      setTick((t) => t + 1);
    } catch (e) {
      modal.error({ title: '没有保存', content: <div style={{ whiteSpace: 'pre-wrap' }}>{errorMessage(e)}</div> });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <TabLeavingSelect value={year} onChange={setYear} options={YEARS.map((y) => ({ value: y, label: `${y} 年` }))} style={{ width: 110 }} data-testid="plans-year" />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})} data-testid="new-plan">
          新建普法计划
        </Button>
      </Space>
      {list.error ? (
        <ErrorState message={list.error} onRetry={list.reload} />
      ) : (list.data ?? []).length === 0 ? (
        <EmptyState description={`${year} 年还没有普法计划${planYears.length ? `；${planYears.map((y) => `${y} 年`).join('、')}有` : ''}`}>
          <Space wrap style={{ justifyContent: 'center' }}>
            {planYears.map((y) => (
              <Button key={y} onClick={() => setYear(y)}>
                查看 {y} 年的计划
              </Button>
            ))}
            <Button type="primary" onClick={() => setEditing({})}>
              新建 {year} 年普法计划
            </Button>
          </Space>
        </EmptyState>
      ) : (
        (list.data ?? []).map((p) => (
          <Card
            key={p.id}
            size="small"
            style={{ marginBottom: 12 }}
            title={
              <Space>
                {p.title}
                <Typography.Text type="secondary">{p.id}</Typography.Text>
              </Space>
            }
            extra={<Button size="small" onClick={() => setEditing({ plan: p })}>编辑</Button>}
            data-testid="plan-card"
          >
            <Progress percent={p.items.length ? Math.round((p.done / p.items.length) * 100) : 0} format={() => `完成 ${p.done}/${p.items.length}`} />
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={p.progress}
              columns={[
                { title: '事项', dataIndex: 'topic' },
                { title: '责任单位', dataIndex: 'responsibleUnit', width: 140, render: (v?: string) => v ?? '—' },
                { title: '计划月份', dataIndex: 'plannedMonth', width: 90, render: (m?: number) => (m ? `${m} 月` : '—') },
                {
                  title: '完成情况',
                  key: 'done',
                  width: 200,
                  render: (_, it) => (it.done ? <Tag color="success">已完成（{it.sessions.join('、')}）</Tag> : it.late ? <Tag color="error">逾期未开展</Tag> : <Tag>未开展</Tag>),
                },
              ]}
            />
          </Card>
        ))
      )}
      <Modal open={!!editing} title={editing?.plan ? `编辑 ${editing.plan.id}` : '新建普法计划'} onCancel={() => setEditing(undefined)} onOk={() => void save()} okText={DIALOG_SAVE_LABEL} confirmLoading={busy} width={760} destroyOnHidden>
        <Form form={form} layout="vertical" onKeyDown={saveOnCtrlEnter(() => void save())}>
          {otherErrors.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={otherErrors.join('；')} />}
          <Row gutter={12}>
            <Col span={6}>
              <Form.Item name="year" label="年度" required>
                <InputNumber min={1990} max={2200} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={18}>
              <Form.Item name="title" label="计划名称" required>
                <Input data-testid="plan-title" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="unit" label="单位">
            <Input maxLength={L.unit} placeholder={examples.unit} />
          </Form.Item>
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item name={[f.name, 'topic']} style={{ marginBottom: 6, width: 320 }}>
                      <Input placeholder="学习的法律或主题" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'responsibleUnit']} style={{ marginBottom: 6 }}>
                      <Input placeholder="责任单位" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'plannedMonth']} style={{ marginBottom: 6 }}>
                      <InputNumber min={1} max={12} placeholder="月份" />
                    </Form.Item>
                    <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除事项" />
                  </Space>
                ))}
                <Button type="dashed" onClick={() => add({ topic: '' })} icon={<PlusOutlined />}>
                  添加事项
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </>
  );
}

export function LecturesPage({ tab = 'lectures' }: { tab?: 'lectures' | 'plans' | undefined }) {
  return (
    <div className="page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        学法普法
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(k) => navigate({ page: 'lectures', tab: k as 'lectures' | 'plans' }, { replace: true })}
        items={[
          { key: 'lectures', label: '学法活动', children: <LecturesTab /> },
          { key: 'plans', label: '年度普法计划', children: <PlansTab /> },
        ]}
      />
    </div>
  );
}
