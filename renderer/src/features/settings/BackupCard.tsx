// 资料包与备份 (in 设置): export a .lawdesk bundle (laws and records, or records only), import one
// with a preview (new / newer / conflicting) before anything is written, both with progress; the
// automatic records backups with a manual backup and a restore that is previewed first.

import { CloudDownloadOutlined, ExportOutlined, HistoryOutlined, InboxOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Checkbox, Descriptions, Empty, Modal, Progress, Space, Table, Tag, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { BUNDLE_UPLOAD_BYTES, type ApiOutput, type BundlePreviewDto } from '../../../../electron/shared/api-contract';
import { client, errorMessage } from '../../api/client';
import { useCall } from '../../api/hooks';
import { ErrorState } from '../../components/common';
import { dateTimeInZone } from '../../../../electron/shared/office-clock';
import { PHASE_TEXT, handOver, percent, readAsBase64, useTask } from '../../components/records-ui';

const OUTCOME: Record<string, { text: string; color: string }> = {
  new: { text: '新增', color: 'green' },
  identical: { text: '相同，跳过', color: 'default' },
  newer: { text: '较新，更新', color: 'blue' },
  older: { text: '较旧，保留本机', color: 'default' },
  conflicting: { text: '两边都改过：合并，双方修改都留在修改记录中', color: 'orange' },
  renamed: { text: '编号相同的不同记录：改号保存', color: 'purple' },
};
const REASON: Record<string, string> = { daily: '每日自动', manual: '手动', 'before-bundle-import': '导入资料包前', 'before-restore': '恢复前', 'before-repair': '修复前' };

/** A backup as a person names it: "2026年12月3日 00:22 的手动备份", in the office's time zone, never its file name. */
export function backupLabel(b: { at: string; reason: string }): string {
  return `${dateTimeInZone(new Date(b.at))} 的${REASON[b.reason] ?? b.reason}备份`;
}

function PreviewView({ p }: { p: BundlePreviewDto }) {
  const rows = [
    ...p.laws.filter((l) => l.outcome !== 'identical').map((l) => ({ key: 'l' + l.versionId, what: '法规', title: l.title, outcome: l.outcome, detail: l.detail })),
    ...p.records.filter((r) => r.outcome !== 'identical').map((r) => ({ key: 'r' + r.id, what: '记录', title: `${r.id} ${r.title}`, outcome: r.outcome, detail: r.detail ?? (r.newId ? `新编号 ${r.newId}` : undefined) })),
  ];
  const s = p.summary;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="bundle-preview">
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label="法规">
          新增 {s.laws.new ?? 0}，更新 {s.laws.newer ?? 0}，相同 {s.laws.identical ?? 0}，较旧 {s.laws.older ?? 0}
        </Descriptions.Item>
        <Descriptions.Item label="记录">
          新增 {s.records.new ?? 0}，更新 {s.records.newer ?? 0}，冲突 {s.records.conflicting ?? 0}，改号 {s.records.renamed ?? 0}，相同 {s.records.identical ?? 0}
        </Descriptions.Item>
        <Descriptions.Item label="附件">
          新增 {p.attachments.new}，已有 {p.attachments.present}
        </Descriptions.Item>
        <Descriptions.Item label="制作时间">{dayjs(p.createdAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
      </Descriptions>
      {p.warnings.map((w) => (
        <Alert key={w} type="warning" showIcon title={w} />
      ))}
      {rows.length === 0 ? (
        <Alert type="info" showIcon title="资料包中的内容本机都已有，导入不会改变任何东西" />
      ) : (
        <Table
          size="small"
          rowKey="key"
          pagination={{ pageSize: 8, hideOnSinglePage: true }}
          dataSource={rows}
          columns={[
            { title: '', dataIndex: 'what', width: 60 },
            { title: '内容', dataIndex: 'title' },
            { title: '导入后', key: 'o', width: 280, render: (_, r) => <Tag color={OUTCOME[r.outcome]?.color}>{OUTCOME[r.outcome]?.text ?? r.outcome}</Tag> },
          ]}
        />
      )}
    </Space>
  );
}

export function BackupCard() {
  const { message, modal } = AntApp.useApp();
  const [tick, setTick] = useState(0);
  const backups = useCall('backups:list', {}, String(tick));
  const [withLaws, setWithLaws] = useState(true);
  const [withRecords, setWithRecords] = useState(true);
  const [busy, setBusy] = useState<string>();
  const [staged, setStaged] = useState<ApiOutput<'bundles:preview'>>();
  const [done, setDone] = useState<string>();
  const task = useTask();

  const exportBundle = async () => {
    setBusy('export');
    try {
      const r = await client.call('bundles:export', { ...(withLaws ? {} : { laws: [] }), records: withRecords, taskId: task.taskId() });
      const how = await handOver(r);
      void message.success(`资料包已导出：${r.versions} 个法规版本，${r.records} 条记录，${r.attachments} 个附件${how === 'shown' ? `，位于 ${r.folder ?? ''}` : ''}`);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(undefined);
    }
  };
  const preview = async (file: File) => {
    if (file.size > BUNDLE_UPLOAD_BYTES) return void message.error(`资料包超过 ${BUNDLE_UPLOAD_BYTES / 1048576} MB，请使用桌面版导入`);
    setBusy('preview');
    setDone(undefined);
    try {
      setStaged(await client.call('bundles:preview', { file: { name: file.name, dataBase64: await readAsBase64(file) }, taskId: task.taskId() }));
    } catch (e) {
      modal.error({ title: '无法导入这个资料包', content: errorMessage(e) });
    } finally {
      setBusy(undefined);
    }
  };
  const pick = async () => {
    setBusy('preview');
    try {
      const r = await client.call('bundles:pickAndPreview', {});
      if (!('canceled' in r)) setStaged(r);
    } catch (e) {
      modal.error({ title: '无法导入这个资料包', content: errorMessage(e) });
    } finally {
      setBusy(undefined);
    }
  };
  const commit = async () => {
    if (!staged) return;
    setBusy('import');
    try {
      const r = await client.call('bundles:import', { stagingId: staged.stagingId, taskId: task.taskId() });
      setStaged(undefined);
      setDone(r.changed ? `已导入“${staged.name}”${r.backup ? `（导入前的记录已备份：${backupLabel(r.backup)}）` : ''}` : '没有需要导入的内容');
      setTick((t) => t + 1);
    } catch (e) {
      modal.error({ title: '导入失败，资料库没有改变', content: errorMessage(e) });
    } finally {
      setBusy(undefined);
    }
  };
  const backupNow = async () => {
    try {
      const r = await client.call('backups:create', {});
      void message.success(r.backup ? `已备份：${backupLabel(r.backup)}` : '还没有审查或学法记录，无需备份');
      setTick((t) => t + 1);
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };
  const restore = async (b: { name: string; at: string; reason: string }) => {
    const name = b.name;
    try {
      const p = await client.call('backups:previewRestore', { name });
      modal.confirm({
        title: `从备份恢复记录？`,
        width: 560,
        okText: '恢复',
        okButtonProps: { danger: true },
        cancelText: '取消',
        content: (
          <div data-testid="restore-preview">
            <p>恢复到{backupLabel(b)}时的状态：</p>
            <ul>
              <li>找回 {p.restored.length} 条{p.restored.length ? `（${p.restored.slice(0, 8).join('、')}）` : ''}</li>
              <li>回到备份时的内容 {p.changed.length} 条{p.changed.length ? `（${p.changed.slice(0, 8).join('、')}）` : ''}</li>
              <li style={{ color: p.removed.length ? '#cf1322' : undefined }}>
                移除备份之后新建的 {p.removed.length} 条{p.removed.length ? `（${p.removed.slice(0, 8).join('、')}）` : ''}
              </li>
              <li>不变 {p.unchanged} 条</li>
            </ul>
            {p.missingAttachments.length > 0 && <Alert type="warning" showIcon title={`缺少 ${p.missingAttachments.length} 个附件`} />}
            <Typography.Text type="secondary">恢复前会先备份当前记录，可以再恢复回来。</Typography.Text>
          </div>
        ),
        onOk: async () => {
          try {
            const r = await client.call('backups:restore', { name });
            void message.success(`已恢复${r.backup ? `；恢复前的记录已备份：${backupLabel(r.backup)}` : ''}`);
            setTick((t) => t + 1);
          } catch (e) {
            void message.error(errorMessage(e));
          }
        },
      });
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  const progress = busy && task.progress && (
    <div style={{ marginTop: 8 }} data-testid="bundle-progress">
      <Progress percent={percent(task.progress)} status="active" size="small" />
      <Typography.Text type="secondary">
        {PHASE_TEXT[task.progress.phase] ?? task.progress.phase}
        {task.progress.label ? `：${task.progress.label}` : ''}
      </Typography.Text>
    </div>
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title="资料包（在内网机器之间传递法规和记录）" size="small" data-testid="bundle-card">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Checkbox checked={withLaws} onChange={(e) => setWithLaws(e.target.checked)}>
              全部法规
            </Checkbox>
            <Checkbox checked={withRecords} onChange={(e) => setWithRecords(e.target.checked)}>
              审查、学法记录（含修改记录和附件）
            </Checkbox>
            <Button icon={<ExportOutlined />} onClick={() => void exportBundle()} loading={busy === 'export'} disabled={!withLaws && !withRecords} data-testid="bundle-export">
              导出资料包
            </Button>
          </Space>
          {client.face === 'electron' ? (
            <Button icon={<InboxOutlined />} onClick={() => void pick()} loading={busy === 'preview'}>
              导入资料包…
            </Button>
          ) : (
            <Upload.Dragger accept=".lawdesk,.zip" showUploadList={false} beforeUpload={(f) => { void preview(f); return false; }} disabled={!!busy} data-testid="bundle-upload">
              <p>
                <InboxOutlined /> 把 .lawdesk 资料包拖到这里或点击选择：先预览，确认后才导入
              </p>
            </Upload.Dragger>
          )}
          {progress}
          {done && <Alert type="success" showIcon title={done} closable onClose={() => setDone(undefined)} />}
        </Space>
      </Card>
      <Card
        title="记录备份"
        size="small"
        extra={
          <Button size="small" icon={<SaveOutlined />} onClick={() => void backupNow()} data-testid="backup-now">
            立即备份
          </Button>
        }
      >
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          每天第一次打开、导入资料包和恢复之前都会自动备份审查与学法记录（每类保留最近 {backups.data?.keep ?? 10} 份）。要备份到 U 盘，请导出只含记录的资料包。
        </Typography.Paragraph>
        {backups.error ? (
          <ErrorState message={backups.error} onRetry={backups.reload} />
        ) : (
          <Table
            size="small"
            rowKey="name"
            loading={backups.loading && !backups.data}
            pagination={{ pageSize: 6, hideOnSinglePage: true }}
            dataSource={backups.data?.backups ?? []}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有备份" /> }}
            columns={[
              { title: '时间', dataIndex: 'at', render: (a: string) => dateTimeInZone(new Date(a)) },
              { title: '原因', dataIndex: 'reason', render: (r: string) => REASON[r] ?? r },
              { title: '大小', dataIndex: 'size', render: (n: number) => `${(n / 1024).toFixed(1)} KB` },
              {
                title: '',
                key: 'a',
                width: 90,
                render: (_, b) => (
                  <Button size="small" icon={<HistoryOutlined />} onClick={() => void restore(b)} data-testid="backup-restore">
                    恢复
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Card>
      <Modal
        open={!!staged}
        title={staged ? `导入资料包：${staged.name}` : ''}
        width={820}
        okText="确认导入"
        cancelText="取消"
        confirmLoading={busy === 'import'}
        onOk={() => void commit()}
        onCancel={() => {
          if (staged) void client.call('bundles:discard', { stagingId: staged.stagingId }).catch(() => {});
          setStaged(undefined);
        }}
        okButtonProps={{ icon: <CloudDownloadOutlined /> }}
      >
        {staged && <PreviewView p={staged.preview} />}
        {progress}
      </Modal>
    </Space>
  );
}
