// 历次版本: one article followed through every version of its law (through the article mapping),
// each version's text with the changes from the previous one highlighted.

import { Drawer, Empty, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { useCall } from '../api/hooks';
import { StatusTag } from './common';
import { DiffText } from './records-ui';
import { hrefOf } from '../router';
import { KIND_TEXT } from './mapping-kind';

export function ArticleHistory({ versionId, articleKey, lawId, onClose }: { versionId: string; articleKey: string | undefined; lawId: string; onClose: () => void }) {
  const res = useCall('versions:article', articleKey ? { versionId, articleKey } : null);
  return (
    <Drawer open={!!articleKey} onClose={onClose} title="该条历次版本" size="large" data-testid="article-history">
      {res.error ? (
        <Typography.Text type="danger">{res.error}</Typography.Text>
      ) : !res.data ? (
        <Skeleton active />
      ) : res.data.length === 0 ? (
        <Empty />
      ) : (
        <Timeline
          items={res.data.map((a, i, all) => ({ a, prev: all[i - 1]?.versionId })).reverse().map(({ a, prev }) => ({
            color: a.key ? (a.change === 'same' || a.change === 'first' ? 'gray' : 'orange') : 'red',
            content: (
              <div data-testid="article-history-item">
                <Space wrap style={{ marginBottom: 4 }}>
                  <a href={hrefOf({ page: 'read', versionId: a.versionId, ...(a.key ? { articleKey: a.key } : {}) })} onClick={onClose}>
                    {a.date || '无日期'} 版
                  </a>
                  <StatusTag status={a.status} />
                  <Tag color={KIND_TEXT[a.change]?.color}>{KIND_TEXT[a.change]?.text}</Tag>
                  {a.label && <Typography.Text strong>{a.label}</Typography.Text>}
                  {prev && (
                    <a href={hrefOf({ page: 'diff', lawId, from: prev, to: a.versionId, ...(a.key ? {} : {}) })} onClick={onClose}>
                      与上一版对比
                    </a>
                  )}
                </Space>
                <div style={{ lineHeight: 1.9, whiteSpace: 'pre-wrap' }}>
                  {a.text === undefined ? <Typography.Text type="secondary">（该版本中没有此条）</Typography.Text> : a.runs ? <DiffText runs={a.runs} side="new" /> : a.text}
                </div>
              </div>
            ),
          }))}
        />
      )}
    </Drawer>
  );
}
