// 导出登记表: the 规范性文件登记表 of all documents or one year's, as DOCX / PDF / HTML, signed with a
// 成文日期 (default today in the office's zone). The browser face downloads the file; the desktop
// shows it in the export folder — the same hand-over as the yearly report and the packs.

import { Alert, DatePicker, Form, Modal, Progress, Radio, Typography } from 'antd';
import { TabLeavingSelect } from '../../components/tab-leaving-select';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { EXPORT_FORMATS } from '../../../../electron/shared/api/packs';
import { progressPercent, progressText } from '../../../../electron/shared/task-progress';
import { client, errorMessage } from '../../api/client';
import { useTask } from '../../api/hooks';
import { handOver } from '../../components/records-ui';
import { officeDay } from '../../office-clock';
import { useNotify } from '../../components/notify';

interface Values {
  year: number | 'all';
  format: (typeof EXPORT_FORMATS)[number];
  date: Dayjs;
}

export function RegisterExport({ years, onClose }: { years: number[]; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const notify = useNotify();
  const task = useTask();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async () => {
    const v = form.getFieldsValue();
    setBusy(true);
    setError(undefined);
    try {
      const out = await client.call('register:export', { format: v.format, ...(v.year !== 'all' ? { year: v.year } : {}), ...(v.date ? { date: v.date.format('YYYY-MM-DD') } : {}), taskId: task.taskId() });
      const how = await handOver(out);
      notify.ok(how === 'downloaded' ? `已导出并下载“${out.name}”（${out.entries} 件）` : `已导出到 ${out.folder ?? ''}（${out.entries} 件）`);
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
      task.reset();
    }
  };
  return (
    <Modal open title="导出规范性文件登记表" okText="导出" cancelText="取消" onOk={() => void submit()} onCancel={onClose} confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ year: 'all', format: 'docx', date: officeDay() }} data-testid="register-export-form" onFinish={() => void submit()}>
        <Form.Item name="year" label="年度" tooltip="按公布日期所在年度筛选">
          <TabLeavingSelect autoFocus style={{ width: 160 }} options={[{ value: 'all', label: '全部年度' }, ...years.map((y) => ({ value: y, label: `${y} 年度` }))]} data-testid="register-export-year" />
        </Form.Item>
        <Form.Item name="format" label="格式">
          <Radio.Group optionType="button" options={EXPORT_FORMATS.map((f) => ({ value: f, label: f.toUpperCase() }))} />
        </Form.Item>
        <Form.Item name="date" label="成文日期" tooltip="落款中的日期，默认为今天">
          <DatePicker allowClear={false} />
        </Form.Item>
      </Form>
      {busy && (
        <div data-testid="register-export-progress">
          <Progress percent={progressPercent(task.progress)} status="active" size="small" />
          <Typography.Text type="secondary">{task.progress ? progressText(task.progress) : '准备中…'}</Typography.Text>
        </div>
      )}
      {error && <Alert type="error" showIcon message={<span style={{ whiteSpace: 'pre-wrap' }}>{error}</span>} data-testid="register-export-error" />}
    </Modal>
  );
}
