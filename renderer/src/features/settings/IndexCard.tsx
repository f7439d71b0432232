// 全文检索索引 (in 设置): what the index holds and a 重建索引 button, with the build's progress —
// for when search seems out of step with the library (the index is derived and always rebuildable).

import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Popconfirm, Progress, Space, Typography } from 'antd';
import { useState } from 'react';
import { client, errorMessage } from '../../api/client';
import { TASK_PHASE_LABELS, progressPercent } from '../../../../electron/shared/task-progress';
import { useCall, useTask } from '../../api/hooks';
import { ErrorState } from '../../components/common';
import { useNotify } from '../../components/notify';

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

export function IndexCard() {
  const notify = useNotify();
  const [tick, setTick] = useState(0);
  const stats = useCall('search:indexStats', {}, tick);
  const [busy, setBusy] = useState(false);
  const task = useTask();
  const progress = task.progress;

  const rebuild = async () => {
    setBusy(true);
    try {
      const s = await client.call('search:reindex', { taskId: task.taskId() });
      notify.ok(`索引已重建：${s.articles.toLocaleString('zh-CN')} 条，${s.versions.toLocaleString('zh-CN')} 个版本`);
      setTick((t) => t + 1);
    } catch (e) {
      notify.fail(errorMessage(e), { title: '重建索引失败' });
    } finally {
      setBusy(false);
      task.reset();
    }
  };

  return (
    <Card title="全文检索索引" size="small" data-testid="index-card">
      {stats.error ? (
        <ErrorState message={stats.error} onRetry={stats.reload} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={2}>
            <Descriptions.Item label="已索引">
              <span data-testid="index-articles">{stats.data ? `${stats.data.articles.toLocaleString('zh-CN')} 条（${stats.data.versions.toLocaleString('zh-CN')} 个版本）` : '…'}</span>
            </Descriptions.Item>
            <Descriptions.Item label="占用磁盘">{stats.data ? `${mb(stats.data.bytesOnDisk)}，${stats.data.segments} 个分段` : '…'}</Descriptions.Item>
          </Descriptions>
          <Typography.Text type="secondary">
            索引由资料库自动生成，导入、删除法规后会自动更新。若搜索结果与法规库对不上，可以重建；重建期间可以继续使用，搜索会在完成后返回。
          </Typography.Text>
          <Space>
            <Popconfirm title="从资料库重新建立全文检索索引？" okText="重建" cancelText="取消" onConfirm={() => void rebuild()}>
              <Button icon={<ReloadOutlined />} loading={busy} data-testid="index-rebuild">
                重建索引
              </Button>
            </Popconfirm>
            {busy && progress && progress.total > 0 && (
              <Space size={6}>
                <Progress percent={progressPercent(progress)} size="small" style={{ width: 220 }} />
                <Typography.Text type="secondary">{TASK_PHASE_LABELS[progress.phase]}</Typography.Text>
              </Space>
            )}
          </Space>
        </Space>
      )}
    </Card>
  );
}
