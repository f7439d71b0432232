// 年度统计: for a chosen year, reviews by type and conclusion with the on-time rate, lectures and
// study sessions with head counts, outreach and materials handed out, the laws studied (学法) and
// promoted (普法宣传) — the yearly report's 学习了…等法律法规 is the first list — and the
// completion of the year's 普法计划.

import { Card, Col, Empty, Progress, Row, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import { TabLeavingSelect } from '../../components/tab-leaving-select';
import { useCall } from '../../api/hooks';
import { ErrorState } from '../../components/common';
import { hrefOf, navigate } from '../../router';
import { officeYear } from '../../office-clock';
import { onTimeSummary } from '../../../../electron/shared/review-time-limits';
import { OtherYearsHint } from '../../components/other-years';
import type { AnnualStatsDto } from '../../../../electron/shared/api/records';

const thisYear = officeYear();

function CountTable({ data, head }: { data: Record<string, number>; head: string }) {
  const rows = Object.entries(data).map(([k, v]) => ({ k, v }));
  return (
    <Table size="small" pagination={false} rowKey="k" dataSource={rows} columns={[{ title: head, dataIndex: 'k' }, { title: '件数', dataIndex: 'v', width: 80, align: 'right' }]} />
  );
}

/** The laws of the year's sessions, each linked to the version in force when it was first named that year (the text the office read). */
function LawsTable({ laws, empty, firstHead, testId }: { laws: AnnualStatsDto['lawsStudied']; empty: string; firstHead: string; testId: string }) {
  if (laws.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="title"
      dataSource={laws}
      columns={[
        { title: '法律法规', dataIndex: 'title', render: (t: string, l) => (l.versionId ? <a href={hrefOf({ page: 'read', versionId: l.versionId })} data-testid={testId}>{t}</a> : t) },
        { title: '场次', dataIndex: 'sessions', align: 'right', width: 70 },
        { title: firstHead, dataIndex: 'firstDate', width: 110 },
      ]}
    />
  );
}

export function StatsPage({ year = thisYear }: { year?: number | undefined }) {
  const res = useCall('records:stats', { year });
  const s = res.data;
  return (
    <div className="page" style={{ maxWidth: 1180 }}>
      <Space style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          年度统计
        </Typography.Title>
        <TabLeavingSelect
          value={year}
          onChange={(y) => navigate({ page: 'stats', year: y }, { replace: true })}
          options={Array.from({ length: 12 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `${y} 年` }))}
          style={{ width: 110 }}
          data-testid="stats-year"
        />
      </Space>
      {res.error ? (
        <ErrorState message={res.error} onRetry={res.reload} />
      ) : !s ? (
        <Skeleton active />
      ) : (
        <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="stats">
          {s.reviews.total + s.lectures.total + s.plans.length === 0 && <OtherYearsHint year={year} years={s.yearsWithRecords} page="stats" />}
          <Row gutter={12}>
            <Col span={6}>
              <Card size="small">
                <Statistic title="合法性审查：收到送审（件）" value={s.reviews.total} />
                {/* by the day each happened (core/records/year-scope.ts): an opinion of January on a December 送审稿 is this year's */}
                <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="stats-issued">
                  出具意见 {s.reviews.completed} 件{s.reviews.carriedOver ? `（其中上年结转 ${s.reviews.carriedOver} 件）` : ''}
                </Typography.Text>
              </Card>
            </Col>
            <Col span={6}>
              <Card size="small">
                <Statistic title="按期办结率" value={s.reviews.onTimeRate === null ? '—' : Math.round(s.reviews.onTimeRate * 100)} suffix={s.reviews.onTimeRate === null ? '' : '%'} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="stats-on-time">
                  {onTimeSummary(s.reviews)}
                  {s.reviews.overdueOpen ? <Tag color="red" style={{ marginLeft: 6 }}>未办结逾期 {s.reviews.overdueOpen}</Tag> : null}
                </Typography.Text>
              </Card>
            </Col>
            <Col span={6}>
              <Card size="small">
                <Statistic title="学法活动（场 / 人次）" value={`${s.lectures.study.count} / ${s.lectures.study.headCount}`} />
              </Card>
            </Col>
            <Col span={6}>
              <Card size="small">
                <Statistic title="普法宣传（场 / 人次）" value={`${s.lectures.outreach.count} / ${s.lectures.outreach.headCount}`} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  发放材料 {s.lectures.materialsHandedOut} 份
                </Typography.Text>
              </Card>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col span={8}>
              <Card size="small" title="收到送审（按类型）">
                <CountTable data={s.reviews.byType} head="类型" />
              </Card>
            </Col>
            <Col span={8}>
              <Card size="small" title="出具意见（按结论）">
                <CountTable data={s.reviews.byConclusion} head="结论" />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  采纳 {s.reviews.adopted} 件，未采纳 {s.reviews.notAdopted} 件
                </Typography.Text>
              </Card>
            </Col>
            <Col span={8}>
              <Card size="small" title="学法用法活动（按类型）">
                <Table
                  size="small"
                  pagination={false}
                  rowKey="k"
                  dataSource={Object.entries(s.lectures.byKind).map(([k, v]) => ({ k, ...v }))}
                  columns={[{ title: '类型', dataIndex: 'k' }, { title: '场次', dataIndex: 'count', align: 'right' }, { title: '人次', dataIndex: 'headCount', align: 'right' }]}
                />
              </Card>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col span={12}>
              <Card size="small" title="学习的法律法规（学法活动）">
                <LawsTable laws={s.lawsStudied} empty="本年度没有学法记录" firstHead="首次学习" testId="studied-law" />
              </Card>
              {s.lawsPromoted.length > 0 && (
                <Card size="small" title="普法宣传涉及的法律法规" style={{ marginTop: 12 }}>
                  <LawsTable laws={s.lawsPromoted} empty="" firstHead="首次宣传" testId="promoted-law" />
                </Card>
              )}
            </Col>
            <Col span={12}>
              <Card size="small" title="普法计划完成情况">
                {s.plans.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本年度没有普法计划" />
                ) : (
                  s.plans.map((p) => (
                    <div key={p.id} style={{ marginBottom: 8 }}>
                      <Typography.Text>{p.title}</Typography.Text>
                      <Progress percent={p.completionRate === null ? 0 : Math.round(p.completionRate * 100)} format={() => `${p.done}/${p.items}`} />
                    </div>
                  ))
                )}
              </Card>
            </Col>
          </Row>
        </Space>
      )}
    </div>
  );
}
