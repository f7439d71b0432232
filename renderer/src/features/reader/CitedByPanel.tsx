// 被引用: the reviews and lectures citing the active article — also those that cited it in another
// version (followed through the article mapping) and those citing its 章, its law or its whole code
// (marked 引用第二章 / 引用全文 / 引用整部法典) — newest first, each with its flag and reason.

import { CloseOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { Button, Empty, List, Skeleton, Space, Tag, Typography } from 'antd';
import { versionDate } from '../../../../electron/shared/law-model';
import type { VersionMetaDto } from '../../../../electron/shared/api-contract';
import { useCall } from '../../api/hooks';
import { FlagTag } from '../../components/records-ui';
import { hrefOf } from '../../router';
import { CITING_KIND_LABELS, coversNote } from '../../../../electron/shared/record-schema';


export function CitedByPanel({ versionId, articleKey, label, versions, tick, onClose, extra }: { versionId: string; articleKey: string; label: string; versions: VersionMetaDto[]; tick: number; onClose: () => void; extra?: ReactNode }) {
  const res = useCall('records:citedBy', { versionId, articleKey }, tick);
  const dateOf = (id: string) => {
    const v = versions.find((x) => x.id === id);
    return v ? versionDate(v) : '';
  };
  return (
    <aside className="cited-panel" aria-label="被引用" data-testid="cited-by-panel">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Text strong>
          {label} · 被引用{res.data ? ` ${res.data.length} 次` : ''}
        </Typography.Text>
        <Button type="text" size="small" icon={<CloseOutlined />} onClick={onClose} aria-label="关闭" />
      </Space>
      {res.error ? (
        <Typography.Text type="danger">{res.error}</Typography.Text>
      ) : !res.data ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : res.data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有审查或学法记录引用此条" />
      ) : (
        <List
          size="small"
          dataSource={res.data}
          renderItem={(e) => (
            <List.Item data-testid="cited-by-item" style={{ display: 'block' }}>
              <Space size={4} wrap>
                <Tag>{CITING_KIND_LABELS[e.kind]}</Tag>
                <Typography.Text type="secondary">{e.date}</Typography.Text>
                {e.status && <Tag color="blue">{e.status}</Tag>}
                {e.covers && (
                  <Tag color="purple" data-testid="cited-by-covers">
                    {coversNote(e)}
                  </Tag>
                )}
              </Space>
              <div style={{ margin: '4px 0' }}>
                {e.kind === 'review' ? <a href={hrefOf({ page: 'review', id: e.id })}>{e.title}</a> : e.kind === 'lecture' ? <a href={hrefOf({ page: 'lectures' })}>{e.title}</a> : e.kind === 'register' ? <a href={hrefOf({ page: 'register' })}>{e.title}</a> : e.title}
              </div>
              {e.versionId !== versionId && e.covers !== 'code' && (
                <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
                  引用的是 {dateOf(e.versionId)} 版{e.label}
                </Typography.Paragraph>
              )}
              <FlagTag flag={e.flag} />
            </List.Item>
          )}
        />
      )}
      {extra}
    </aside>
  );
}
