// 规范性文件登记: the bureau's own documents with 有效期, 备案, 评估 and 清理, what needs doing
// now, the documents whose cited articles changed since they were issued, and the 登记表 export.

import { ExportOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, AutoComplete, Button, Card, DatePicker, Form, Input, Modal, Space, Table, Tag, Typography, Upload } from 'antd';
import { TabLeavingSelect } from '../../components/tab-leaving-select';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { CLEANUP_RESULTS, EVALUATION_RESULTS, filingState, type RegisterEntryInput } from '../../../../electron/shared/register-schema';
import { officeToday } from '../../office-clock';
import type { RegisterViewDto } from '../../../../electron/shared/api/reports';
import { client, errorMessage } from '../../api/client';
import { useCall } from '../../api/hooks';
import { EmptyState, ErrorState } from '../../components/common';
import { useOfficeExamples } from '../../components/office-examples';
import { FlagTag, readAsBase64 } from '../../components/records-ui';
import { hrefOf } from '../../router';
import { printableName } from '../../../../electron/shared/printable-name';
import { RegisterExport } from './RegisterExport';
import { ActionLink } from '../../components/action-link';
import { ShortList } from '../../components/short-list';
import { DIALOG_SAVE_LABEL, saveOnCtrlEnter } from '../../components/page-keys';

const STATUS_COLOR: Record<RegisterViewDto['status'], string> = { 尚未施行: 'blue', 现行有效: 'green', 已失效: 'orange', 已废止: 'default' };
/** 待办 and 引用的条文已变化 lines shown before the rest fold into one link, so the register itself stays in view. */
const DUE_SHOWN = 8;
const day = (s?: string) => (s ? dayjs(s) : undefined);
const iso = (d: dayjs.Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

interface FormValues {
  title: string;
  docNumber?: string;
  draftingUnit: string;
  published?: dayjs.Dayjs;
  effective?: dayjs.Dayjs;
  validUntil?: dayjs.Dayjs;
  filedDate?: dayjs.Dayjs;
  filedWith?: string;
  reviewId?: string;
  evaluationDate?: dayjs.Dayjs;
  evaluationResult?: (typeof EVALUATION_RESULTS)[number];
  cleanupDate?: dayjs.Dayjs;
  cleanupResult?: (typeof CLEANUP_RESULTS)[number];
}

function toEntry(v: FormValues): Partial<RegisterEntryInput> {
  const out: Record<string, unknown> = { title: v.title, draftingUnit: v.draftingUnit, published: iso(v.published) };
  for (const [k, val] of Object.entries({ docNumber: v.docNumber, effective: iso(v.effective), validUntil: iso(v.validUntil), filedDate: iso(v.filedDate), filedWith: v.filedWith, reviewId: v.reviewId })) if (val) out[k] = val;
  if (v.evaluationDate && v.evaluationResult) out.evaluation = { date: iso(v.evaluationDate), result: v.evaluationResult };
  if (v.cleanupDate && v.cleanupResult) out.cleanup = { date: iso(v.cleanupDate), result: v.cleanupResult };
  return out as Partial<RegisterEntryInput>;
}

function EntryForm({ entry, onClose, onSaved }: { entry?: RegisterViewDto; onClose: () => void; onSaved: () => void }) {
  const examples = useOfficeExamples();
  const reviews = useCall('reviews:list', { type: '规范性文件' });
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [file, setFile] = useState<File>();
  const initial: Partial<FormValues> = entry
    ? { ...entry, published: day(entry.published), effective: day(entry.effective), validUntil: day(entry.validUntil), filedDate: day(entry.filedDate), evaluationDate: day(entry.evaluation?.date), evaluationResult: entry.evaluation?.result, cleanupDate: day(entry.cleanup?.date), cleanupResult: entry.cleanup?.result }
    : {};
  const submit = async () => {
    let v: FormValues;
    try {
      v = await form.validateFields();
    } catch {
      return; // each missing field says so beside it (an unhandled rejection before)
    }
    setSaving(true);
    setError(undefined);
    try {
      const upload = file ? { file: { name: file.name, dataBase64: await readAsBase64(file) } } : {};
      await client.call('register:save', { ...(entry ? { id: entry.id, expectedRevision: entry.revision } : {}), entry: toEntry(v), ...upload });
      onSaved();
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={entry ? `修改登记 ${entry.id}` : '登记规范性文件'} onCancel={onClose} onOk={() => void submit()} okText={DIALOG_SAVE_LABEL} cancelText="取消" confirmLoading={saving} width={720} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={initial} onKeyDown={saveOnCtrlEnter(() => void submit())} data-testid="register-form">
        <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}>
          <Input placeholder={`如：${examples.place}科技创新券管理暂行办法`} autoFocus data-testid="register-title" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="docNumber" label="文号">
            <Input placeholder={`如：${examples.docNo}`} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="draftingUnit" label="制定科室" rules={[{ required: true, message: '请填写制定科室' }]}>
            <Input style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="reviewId" label="合法性审查编号">
            {/* The office's 规范性文件 reviews to pick from, by 编号 or title: the number was typed from memory
                (and the placeholder read R2020-001, whatever the year). */}
            <AutoComplete
              options={(reviews.data ?? []).map((r) => ({ value: r.id, label: `${r.id} ${r.title}` }))}
              showSearch={{ filterOption: (input, o) => String(o?.label ?? '').includes(input.trim()) }}
              placeholder={reviews.data?.[0]?.id ?? '审查编号'}
              popupMatchSelectWidth={420}
              style={{ width: 160 }}
              data-testid="register-review"
            />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="published" label="公布日期" rules={[{ required: true, message: '请选择公布日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="effective" label="施行日期" tooltip="不填则为公布日期">
            <DatePicker />
          </Form.Item>
          <Form.Item name="validUntil" label="有效期至" tooltip="不填则按登记规则：一般 5 年，暂行、试行 2 年">
            <DatePicker />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="filedDate" label="报送备案日期">
            <DatePicker />
          </Form.Item>
          <Form.Item name="filedWith" label="备案机关">
            <Input style={{ width: 200 }} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="evaluationDate" label="评估日期">
            <DatePicker />
          </Form.Item>
          <Form.Item name="evaluationResult" label="评估结论">
            <TabLeavingSelect allowClear style={{ width: 140 }} options={EVALUATION_RESULTS.map((r) => ({ value: r, label: r }))} />
          </Form.Item>
          <Form.Item name="cleanupDate" label="清理日期">
            <DatePicker />
          </Form.Item>
          <Form.Item name="cleanupResult" label="清理结果">
            <TabLeavingSelect allowClear style={{ width: 120 }} options={CLEANUP_RESULTS.map((r) => ({ value: r, label: r }))} />
          </Form.Item>
        </Space>
        <Form.Item label="文件" tooltip="文件导入资料库，作为本单位的规范性文件，可阅读、检索，所引条文变化时提示">
          <Space>
            <Upload beforeUpload={(f) => { setFile(f); return false; }} showUploadList={false} accept=".md,.txt,.docx,.doc,.wps,.pdf,.html,.htm,.ofd">
              <Button icon={<UploadOutlined />} data-testid="register-file">选择文件</Button>
            </Upload>
            {file ? <Typography.Text>{printableName(file.name)}</Typography.Text> : entry?.versionId ? <a href={hrefOf({ page: 'read', versionId: entry.versionId })}>{entry.file?.name ? printableName(entry.file.name) : '已导入'}</a> : <Typography.Text type="secondary">未附文件</Typography.Text>}
          </Space>
        </Form.Item>
        {error && <Alert type="error" showIcon message={<span style={{ whiteSpace: 'pre-wrap' }}>{error}</span>} data-testid="register-error" />}
      </Form>
    </Modal>
  );
}

export function RegisterPage() {
  const [tick, setTick] = useState(0);
  const list = useCall('register:list', {}, tick);
  const due = useCall('register:due', {}, tick);
  const flags = useCall('register:flags', {}, tick);
  const [editing, setEditing] = useState<RegisterViewDto | 'new'>();
  // The dialog is unmounted when it closes, so antd cannot give the focus back: it goes back here to the control
  // that opened it (登记规范性文件, a title), or to 登记规范性文件 when the list redrawn after a save took that away.
  const opener = useRef<Element | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (editing) return;
    const at = document.activeElement;
    if (opener.current && (!at || at === document.body)) (opener.current.isConnected && opener.current instanceof HTMLElement ? opener.current : addButton.current)?.focus();
    opener.current = null;
  }, [editing]);
  const edit = (e: RegisterViewDto | 'new') => {
    opener.current = document.activeElement;
    setEditing(e);
  };
  const [exporting, setExporting] = useState(false);
  const years = [...new Set((list.data ?? []).map((e) => Number(e.published.slice(0, 4))))].sort((a, b) => b - a);
  const refresh = () => setTick((t) => t + 1);
  return (
    <div className="page" style={{ maxWidth: 1280 }}>
      <Space style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          规范性文件登记
        </Typography.Title>
        <Button type="primary" ref={addButton} onClick={() => edit('new')} data-testid="register-add">
          登记规范性文件
        </Button>
        <Button icon={<ExportOutlined />} disabled={!list.data?.length} onClick={() => setExporting(true)} data-testid="register-export">
          导出登记表
        </Button>
      </Space>
      {!!due.data?.length && (
        <Card size="small" title="待办" style={{ marginBottom: 12 }} data-testid="register-due">
          <ShortList
            items={due.data}
            shown={DUE_SHOWN}
            testId="register-due"
            render={(r) => (
              <div key={`${r.entryId}-${r.kind}`}>
                <Tag color={r.kind === '备案逾期' || r.kind === '已失效待清理' ? 'red' : 'orange'}>{r.kind}</Tag>
                {r.message}
              </div>
            )}
          />
        </Card>
      )}
      {!!flags.data?.length && (
        <Card size="small" title="引用的条文已变化" style={{ marginBottom: 12 }} data-testid="register-flags">
          <ShortList
            items={flags.data}
            shown={DUE_SHOWN}
            testId="register-flags"
            render={(f) => (
              <div key={`${f.id}-${f.versionId}-${f.articleKey}`}>
                <FlagTag flag={f.flag} /> 《{f.title}》{f.where.join('、')} 引用 {f.citation}：{f.flag.reason}
              </div>
            )}
          />
        </Card>
      )}
      {list.error ? (
        <ErrorState message={list.error} onRetry={list.reload} />
      ) : (
        <Table
          size="small"
          rowKey="id"
          loading={list.loading}
          dataSource={list.data ?? []}
          locale={{
            emptyText: list.loading ? (
              ' '
            ) : (
              <EmptyState description="还没有登记规范性文件。登记本单位制发的规范性文件后，备案期限、有效期届满、评估和清理都在这里提醒">
                <Button type="primary" onClick={() => edit('new')}>
                  登记规范性文件
                </Button>
              </EmptyState>
            ),
          }}
          onRow={(e) => ({ onDoubleClick: () => edit(e) })}
          columns={[
            // A 文号 is read as one token: 安市监发〔2026〕3号 cut before 号 reads as two numbers.
            { title: '文号', dataIndex: 'docNumber', width: 180, render: (n?: string) => <span style={{ whiteSpace: 'nowrap' }}>{n}</span> },
            // The title opens the entry to edit; the document itself (imported with it) is read from
            // here too — it was reached only through the edit dialog's file name.
            {
              title: '标题',
              dataIndex: 'title',
              render: (t: string, e) => (
                <>
                  <ActionLink onClick={() => edit(e)}>{t}</ActionLink>
                  {e.versionId && (
                    <a href={hrefOf({ page: 'read', versionId: e.versionId })} style={{ whiteSpace: 'nowrap', fontSize: 13, marginLeft: 10 }} data-testid="register-read" aria-label={`阅读《${t}》`}>
                      阅读
                    </a>
                  )}
                </>
              ),
            },
            { title: '制定科室', dataIndex: 'draftingUnit', width: 110 },
            { title: '公布', dataIndex: 'published', width: 105 },
            { title: '有效期至', dataIndex: 'validUntil', width: 105 },
            { title: '备案', key: 'filed', width: 160, render: (_: unknown, e) => <FilingCell entry={e} /> },
            { title: '状态', dataIndex: 'status', width: 90, render: (s: RegisterViewDto['status']) => <Tag color={STATUS_COLOR[s]}>{s}</Tag> },
          ]}
        />
      )}
      {exporting && <RegisterExport years={years} onClose={() => setExporting(false)} />}
      {editing && <EntryForm entry={editing === 'new' ? undefined : editing} onClose={() => setEditing(undefined)} onSaved={refresh} />}
    </div>
  );
}

/** 备案 as the office reads it: a late filing and a missed due date in red, an open one in amber. */
function FilingCell({ entry: e }: { entry: RegisterViewDto }) {
  const state = filingState(e, officeToday());
  if (state === '按时备案') return <span data-testid="register-filing">已备案 {e.filedDate}</span>;
  if (state === '逾期备案')
    return (
      <span data-testid="register-filing">
        已备案 {e.filedDate}
        <br />
        <Typography.Text type="danger">
          逾期备案
          <br />
          期限 {e.filingDue}
        </Typography.Text>
      </span>
    );
  return (
    <Typography.Text type={state === '逾期未备案' ? 'danger' : 'warning'} data-testid="register-filing">
      {state === '逾期未备案' ? '逾期未备案' : '未备案'}
      <br />
      期限 {e.filingDue}
    </Typography.Text>
  );
}
