// The append-only 修改记录 of a record (reviews, lectures): who changed which field when, each
// field named by the one vocabulary of field labels (FIELD_LABELS in electron/shared).

import { Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { FIELD_LABELS } from '../../../electron/shared/record-schema';
import type { ChangeEntryDto } from '../../../electron/shared/api-contract';
import { useCall } from '../api/hooks';
import { officeDateTime } from '../office-clock';
import { ErrorState } from './common';
import { SignedBy } from './SignedBy';

function pathText(path: string): string {
  return path.replace(/\[[^\]]*\]/g, (m) => m).split('.').map((p) => FIELD_LABELS[p.replace(/\[.*$/, '')] ?? p).join(' › ');
}
function valueText(v: unknown): string {
  if (v === undefined) return '（无）';
  if (typeof v === 'string') return v.length > 80 ? v.slice(0, 80) + '…' : v || '（空）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  const o = v as { citation?: string; name?: string; check?: string };
  if (o && typeof o === 'object' && (o.citation || o.name || o.check)) return o.citation ?? o.name ?? o.check ?? '';
  const s = JSON.stringify(v);
  return s.length > 80 ? s.slice(0, 80) + '…' : s;
}

export function HistoryView({ id, tick }: { id: string; tick: number }) {
  const res = useCall('records:history', { id }, tick);
  if (res.error) return <ErrorState message={res.error} onRetry={res.reload} />;
  if (!res.data) return <Skeleton active />;
  const ACTION: Record<ChangeEntryDto['action'], string> = { create: '创建', update: '修改', status: '状态变更', import: '导入' };
  return (
    <Timeline
      data-testid="history"
      items={[...res.data].reverse().map((e) => ({
        color: e.action === 'create' ? 'green' : e.action === 'status' ? 'blue' : 'gray',
        content: (
          <div data-testid="history-entry">
            <Space wrap>
              <Typography.Text strong>第 {e.seq} 版 · {ACTION[e.action]}</Typography.Text>
              <Typography.Text type="secondary">{officeDateTime(e.at)}</Typography.Text>
              <SignedBy by={e.by} />
              {e.note && <Tag>{e.note}</Tag>}
            </Space>
            {e.action !== 'create' && (
              <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
                {e.changes.slice(0, 30).map((c, i) => (
                  <li key={i}>
                    {pathText(c.path)}：<del className="diff-del">{valueText(c.from)}</del> → <ins className="diff-ins">{valueText(c.to)}</ins>
                  </li>
                ))}
                {e.changes.length > 30 && <li>……另有 {e.changes.length - 30} 处</li>}
              </ul>
            )}
          </div>
        ),
      }))}
    />
  );
}

