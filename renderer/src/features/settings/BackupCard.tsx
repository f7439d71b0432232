// 资料包与备份 (in 设置): export a .lawdesk bundle (all laws, laws picked by facet, or none; records;
// the library's user data — packs, 收藏, office profile), import one
// with a preview (new / newer / conflicting) before anything is written, both with progress; the
// automatic records backups with a manual backup and a restore that is previewed first.

import { CloudDownloadOutlined, ExportOutlined, HistoryOutlined, InboxOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Descriptions, Empty, Modal, Progress, Radio, Space, Table, Tag, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { BUNDLE_UPLOAD_BYTES, type ApiOutput, type BundlePreviewDto } from '../../../../electron/shared/api-contract';
import type { BundleLawFilter } from '../../../../electron/shared/api/bundles';
import { client, errorMessage } from '../../api/client';
import { useCall, useTask } from '../../api/hooks';
import { ErrorState } from '../../components/common';
import { dateTimeInZone } from '../../../../electron/shared/office-clock';
import { backedUpWithRecords, userDataFiles } from '../../../../electron/shared/user-data-labels';
import { handOver, readAsBase64 } from '../../components/records-ui';
import { progressPercent, progressText } from '../../../../electron/shared/task-progress';
import { useNotify } from '../../components/notify';
import { usePageModal } from '../../components/page-modal';
import { restoreChangesAnything, sameAsBackupSentence } from '../../../../electron/shared/restore-effect';
import { printableName } from '../../../../electron/shared/printable-name';

const OUTCOME: Record<string, { text: string; color: string }> = {
  new: { text: '新增', color: 'green' },
  identical: { text: '相同，跳过', color: 'default' },
  newer: { text: '较新，更新', color: 'blue' },
  older: { text: '较旧，保留本机', color: 'default' },
  conflicting: { text: '两边都改过：合并，双方修改都留在修改记录中', color: 'orange' },
  renamed: { text: '编号相同的不同记录：改号保存', color: 'purple' },
  merged: { text: '合并', color: 'blue' },
  kept: { text: '本机已有，保留本机的', color: 'default' },
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
    ...(p.userData ?? []).filter((u) => u.outcome !== 'identical').map((u) => ({ key: 'u' + u.path, what: u.what, title: u.detail ?? u.path, outcome: u.outcome, detail: undefined })),
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
            { title: '', dataIndex: 'what', width: 90 },
            { title: '内容', dataIndex: 'title' },
            { title: '导入后', key: 'o', width: 280, render: (_, r) => <Tag color={OUTCOME[r.outcome]?.color}>{OUTCOME[r.outcome]?.text ?? r.outcome}</Tag> },
          ]}
        />
      )}
    </Space>
  );
}

const FACETS = [
  { key: 'levels', facet: 'level', label: '效力级别' },
  { key: 'statuses', facet: 'status', label: '时效性' },
  { key: 'regions', facet: 'region', label: '地区' },
  { key: 'categories', facet: 'category', label: '分类' },
] as const;

/** The 法规库's facets as ticks, with how many laws each value has beside the others ticked, and the total chosen. */
function LawFilterPicker({ value, onChange }: { value: BundleLawFilter; onChange: (f: BundleLawFilter) => void }) {
  const list = useCall('laws:list', { ...value, limit: 1 });
  const facets = list.data?.facets;
  const toggle = (key: (typeof FACETS)[number]['key'], v: string, on: boolean) => {
    const cur = new Set<string>((value[key] as string[] | undefined) ?? []);
    if (on) cur.add(v);
    else cur.delete(v);
    const next = { ...value, [key]: [...cur] } as BundleLawFilter;
    if (!cur.size) delete next[key];
    onChange(next);
  };
  return (
    <div data-testid="bundle-law-filter" style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px' }}>
      {FACETS.map((f) => {
        const counts = facets?.[f.facet] ?? {};
        const chosen = new Set<string>((value[f.key] as string[] | undefined) ?? []);
        const values = [...new Set([...Object.keys(counts), ...chosen])];
        if (!values.length) return null;
        return (
          <div key={f.key} style={{ display: 'flex', gap: 8, alignItems: 'baseline', marginBottom: 4 }} role="group" aria-label={f.label}>
            <Typography.Text type="secondary" style={{ flex: '0 0 64px' }}>
              {f.label}
            </Typography.Text>
            <Space wrap size={[4, 0]}>
              {values.map((v) => (
                <Checkbox key={v} checked={chosen.has(v)} onChange={(e) => toggle(f.key, v, e.target.checked)}>
                  {v} <Typography.Text type="secondary">{counts[v] ?? 0}</Typography.Text>
                </Checkbox>
              ))}
            </Space>
          </div>
        );
      })}
      <Space>
        <Checkbox checked={!!value.favoritesOnly} onChange={(e) => onChange({ ...value, favoritesOnly: e.target.checked || undefined } as BundleLawFilter)}>
          只要收藏的法规
        </Checkbox>
        <Typography.Text strong data-testid="bundle-law-count">
          {list.data ? `已选 ${list.data.total} 部法规（含各自的全部版本）` : '…'}
        </Typography.Text>
      </Space>
    </div>
  );
}

export function BackupCard() {
  const modal = usePageModal();
  const notify = useNotify();
  const [tick, setTick] = useState(0);
  const backups = useCall('backups:list', {}, tick);
  const [lawMode, setLawMode] = useState<'all' | 'filter' | 'none'>('all');
  const [filter, setFilter] = useState<BundleLawFilter>({});
  const [withRecords, setWithRecords] = useState(true);
  const [withUserData, setWithUserData] = useState(true);
  const withLaws = lawMode !== 'none';
  const [busy, setBusy] = useState<string>();
  const [staged, setStaged] = useState<ApiOutput<'bundles:preview'>>();
  const [done, setDone] = useState<string>();
  const task = useTask();

  const exportBundle = async () => {
    setBusy('export');
    try {
      const r = await client.call('bundles:export', {
        ...(lawMode === 'none' ? { laws: [] } : lawMode === 'filter' ? { filter } : {}),
        records: withRecords,
        userData: withUserData,
        taskId: task.taskId(),
      });
      const how = await handOver(r);
      const extra = r.userData?.length ? `，以及简报包、收藏等 ${r.userData.length} 个用户数据文件` : '';
      notify.ok(`资料包已导出：${r.versions} 个法规版本，${r.records} 条记录，${r.attachments} 个附件${extra}${how === 'shown' ? `，位于 ${r.folder ?? ''}` : ''}`);
    } catch (e) {
      notify.fail(errorMessage(e), { title: '资料包导出失败' });
    } finally {
      setBusy(undefined);
    }
  };
  const refuse = (name: string, reason: string) => void modal.error({ title: `无法导入资料包“${printableName(name)}”`, content: reason });
  const preview = async (file: File) => {
    if (file.size > BUNDLE_UPLOAD_BYTES) return notify.fail(`资料包超过 ${BUNDLE_UPLOAD_BYTES / 1048576} MB，请使用桌面版导入`, { title: `“${printableName(file.name)}”未能导入` });
    setBusy('preview');
    setDone(undefined);
    try {
      setStaged(await client.call('bundles:preview', { file: { name: file.name, dataBase64: await readAsBase64(file) }, taskId: task.taskId() }));
    } catch (e) {
      // The reason from the service names no file (it read an upload copy): the title names hers.
      refuse(file.name, errorMessage(e));
    } finally {
      setBusy(undefined);
    }
  };
  const pick = async () => {
    setBusy('preview');
    try {
      const r = await client.call('bundles:pickAndPreview', {});
      if ('refused' in r) refuse(r.refused.name, r.refused.error.message);
      else if (!('canceled' in r)) setStaged(r);
    } catch (e) {
      modal.error({ title: '无法导入资料包', content: errorMessage(e) });
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
      notify.ok(r.backup ? `已备份：${backupLabel(r.backup)}` : '还没有记录、简报包或收藏，无需备份');
      setTick((t) => t + 1);
    } catch (e) {
      notify.fail(errorMessage(e), { title: '备份失败' });
    }
  };
  const restore = async (b: { name: string; at: string; reason: string }) => {
    const name = b.name;
    try {
      const p = await client.call('backups:previewRestore', { name });
      // Nothing to replace: say so, and ask nothing (restoring would write nothing and back nothing up).
      if (!restoreChangesAnything(p)) {
        modal.info({
          title: '这份备份与现在的状态相同',
          content: <p data-testid="restore-same">{`${sameAsBackupSentence(p, backupLabel(b))}无需恢复。`}</p>,
          okText: '知道了',
        });
        return;
      }
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
              {p.userData && p.userData.length > 0 && (
                <li data-testid="restore-userdata">
                  {p.userData.some((u) => u.changed) ? `回到备份时的状态：${p.userData.filter((u) => u.changed).map((u) => u.what).join('、')}` : `${p.userData.map((u) => u.what).join('、')}与备份相同`}
                </li>
              )}
            </ul>
            {p.missingAttachments.length > 0 && <Alert type="warning" showIcon title={`缺少 ${p.missingAttachments.length} 个附件`} />}
            <Typography.Text type="secondary">恢复前会先备份当前记录，可以再恢复回来。</Typography.Text>
          </div>
        ),
        onOk: async () => {
          try {
            const r = await client.call('backups:restore', { name });
            notify.ok(`已恢复${r.backup ? `；恢复前的记录已备份：${backupLabel(r.backup)}` : ''}`);
            setTick((t) => t + 1);
          } catch (e) {
            notify.fail(errorMessage(e), { title: '恢复失败' });
          }
        },
      });
    } catch (e) {
      notify.fail(errorMessage(e), { title: '恢复失败' });
    }
  };

  const progress = busy && task.progress && (
    <div style={{ marginTop: 8 }} data-testid="bundle-progress">
      <Progress percent={progressPercent(task.progress)} status="active" size="small" />
      <Typography.Text type="secondary">
        {progressText(task.progress)}
      </Typography.Text>
    </div>
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title="资料包（在内网机器之间传递法规和记录）" size="small" data-testid="bundle-card">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Radio.Group value={lawMode} onChange={(e) => setLawMode(e.target.value as typeof lawMode)} data-testid="bundle-law-mode">
              <Radio value="all">全部法规</Radio>
              <Radio value="filter">按条件选择法规</Radio>
              <Radio value="none">不含法规</Radio>
            </Radio.Group>
          </Space>
          {lawMode === 'filter' && <LawFilterPicker value={filter} onChange={setFilter} />}
          <Space wrap>
            <Checkbox checked={withRecords} onChange={(e) => setWithRecords(e.target.checked)}>
              审查、学法记录和规范性文件登记（含修改记录和附件）
            </Checkbox>
            <Checkbox checked={withUserData} onChange={(e) => setWithUserData(e.target.checked)} data-testid="bundle-userdata">
              {userDataFiles()}
            </Checkbox>
            <Button icon={<ExportOutlined />} onClick={() => void exportBundle()} loading={busy === 'export'} disabled={!withLaws && !withRecords && !withUserData} data-testid="bundle-export">
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
          每天第一次打开、导入资料包和恢复之前都会自动备份{backedUpWithRecords()}（每类保留最近 {backups.data?.keep ?? 10} 份）。要备份到 U 盘，请导出不含法规的资料包。
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
