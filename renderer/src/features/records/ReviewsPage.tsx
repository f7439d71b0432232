// 合法性审查: every review with filters (类型, 状态, 年度, 逾期), overdue ones in red, the worst flag
// of each review's citations, and 新建审查.

import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { TabLeavingSelect } from '../../components/tab-leaving-select';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { REVIEW_STATUSES, REVIEW_TYPES, type ReviewRowDto } from '../../../../electron/shared/api-contract';
import { useCall } from '../../api/hooks';
import { EmptyState, ErrorState } from '../../components/common';
import { FlagTag } from '../../components/records-ui';
import { hrefOf, navigate } from '../../router';
import { officeYear } from '../../office-clock';
import { STATUS_COLOR, dueText } from '../../components/review-status';
import { dueDateText, timeLimitText } from '../../../../electron/shared/review-time-limits';

const thisYear = officeYear();
const YEARS = Array.from({ length: 12 }, (_, i) => thisYear - i);

export function ReviewsPage() {
  const [type, setType] = useState<(typeof REVIEW_TYPES)[number]>();
  const [status, setStatus] = useState<(typeof REVIEW_STATUSES)[number]>();
  const [year, setYear] = useState<number>();
  const [overdue, setOverdue] = useState(false);
  const [q, setQ] = useState('');
  const input = { ...(type ? { type } : {}), ...(status ? { status } : {}), ...(year ? { year } : {}), ...(overdue ? { overdue: true } : {}), ...(q.trim() ? { q: q.trim() } : {}) };
  const list = useCall('reviews:list', input);
  const filtered = Object.keys(input).length > 0;

  const columns: ColumnsType<ReviewRowDto> = [
    { title: '编号', dataIndex: 'id', width: 100 },
    {
      title: '事项',
      key: 'title',
      // The other columns have widths; without a floor the matter itself got the rest, one character wide at 1024 px.
      minWidth: 170,
      render: (_, r) => (
        <a href={hrefOf({ page: 'review', id: r.id })} data-testid="review-title" onClick={(e) => e.stopPropagation()}>
          {r.title}
        </a>
      ),
    },
    { title: '类型', dataIndex: 'type', width: 104 },
    { title: '承办单位', dataIndex: 'leadUnit', width: 120 },
    { title: '收件日期', dataIndex: 'receivedDate', width: 106 },
    {
      title: (
        <Tooltip
          title={`最早届满：单位应当留足的审查时间，不是审查期限；只有单位确定的审查期限才判断逾期。${REVIEW_TYPES.map((t) => `${t}：${timeLimitText(t)}`).join('；')}。`}
        >
          期限
        </Tooltip>
      ),
      key: 'due',
      width: 170,
      render: (_, r) => {
        const d = dueText(r);
        return (
          <span style={{ color: d.danger ? '#cf1322' : d.warn ? '#d46b08' : undefined, fontWeight: d.danger ? 600 : undefined }} data-testid={r.overdue ? 'overdue' : undefined}>
            {r.unitDeadline ? `单位期限 ${r.unitDeadline}` : <Typography.Text type="secondary">{dueDateText(r.type, r.dueDate)}</Typography.Text>}
            {d.text && (
              <>
                <br />
                <small>{d.text}</small>
              </>
            )}
          </span>
        );
      },
    },
    { title: '状态', dataIndex: 'status', width: 96, render: (s: string) => <Tag color={STATUS_COLOR[s]}>{s}</Tag> },
    { title: '结论', dataIndex: 'conclusion', width: 100, render: (c?: string) => c ?? '—' },
    {
      title: '引用变动',
      key: 'flag',
      width: 90,
      render: (_, r) => (r.flag ? <FlagTag flag={{ color: r.flag, reason: r.flag === 'green' ? '所引条文在现行版本中未变' : '所引条文在现行版本中有变动，请打开查看' }} short /> : <Typography.Text type="secondary">—</Typography.Text>),
    },
  ];

  return (
    <div className="page">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Space>
          <Typography.Title level={4} style={{ margin: 0 }}>
            合法性审查
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="reviews-total">
            {list.data ? `共 ${list.data.length} 件` : ''}
          </Typography.Text>
        </Space>
        <Space wrap>
          <Button href={hrefOf({ page: 'affected' })}>受影响的记录</Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate({ page: 'review', id: 'new' })} data-testid="new-review">
            新建审查
          </Button>
        </Space>
      </Space>
      <Space wrap style={{ marginBottom: 12 }}>
        <TabLeavingSelect allowClear placeholder="类型" value={type} onChange={setType} options={REVIEW_TYPES.map((t) => ({ value: t, label: t }))} style={{ width: 140 }} data-testid="filter-type" />
        <TabLeavingSelect allowClear placeholder="状态" value={status} onChange={setStatus} options={REVIEW_STATUSES.map((t) => ({ value: t, label: t }))} style={{ width: 120 }} />
        <TabLeavingSelect allowClear placeholder="年度" value={year} onChange={setYear} options={YEARS.map((y) => ({ value: y, label: `${y} 年` }))} style={{ width: 110 }} />
        <Space>
          <Switch checked={overdue} onChange={setOverdue} size="small" />
          <span style={{ color: overdue ? '#cf1322' : undefined }}>只看逾期</span>
        </Space>
        <Input.Search allowClear placeholder="标题、文号、单位、标签" value={q} onChange={(e) => setQ(e.target.value)} style={{ width: 240 }} />
      </Space>
      {list.error ? (
        <ErrorState message={list.error} onRetry={list.reload} />
      ) : (
        <Table<ReviewRowDto>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data ?? []}
          loading={list.loading && !list.data}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          // The columns' widths and the matter's floor: narrower than this (1024 px) the table scrolls sideways.
          scroll={{ x: 1060 }}
          rowClassName={(r) => (r.overdue ? 'row-overdue' : '')}
          onRow={(r) => ({ onClick: () => navigate({ page: 'review', id: r.id }), style: { cursor: 'pointer' } })}
          locale={{
            emptyText: list.loading ? ' ' : filtered ? (
              <EmptyState description="没有符合条件的审查记录" />
            ) : (
              <EmptyState description="还没有审查记录">
                <Button type="primary" onClick={() => navigate({ page: 'review', id: 'new' })}>
                  新建审查
                </Button>
              </EmptyState>
            ),
          }}
        />
      )}
      <Tooltip />
    </div>
  );
}
