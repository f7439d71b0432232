// 受影响: every review, lecture and note whose cited articles changed in the version now in force —
// red (amended, deleted, repealed) first, then yellow (renumbered, cosmetic) — each with the
// reason and a link to the diff; then the articles of other laws in the library (local
// regulations, rules, 规范性文件 — the office's region first) whose citations now point at a changed
// article. Opened after an import with the imported laws preselected.

import { Alert, Button, Space, Table, Tag, Typography } from 'antd';
import { useCall } from '../../api/hooks';
import { EmptyState, ErrorState } from '../../components/common';
import { FlagTag } from '../../components/records-ui';
import type { AffectedLinkDto, CitingRecordDto } from '../../../../electron/shared/api-contract';
import { hrefOf, navigate } from '../../router';
import { CITING_KIND_LABELS } from '../../../../electron/shared/record-schema';


export function AffectedPage({ laws }: { laws?: string[] | undefined }) {
  const res = useCall('records:affected', laws ? { lawIds: laws } : {});
  const red = res.data?.filter((e) => e.flag.color === 'red').length ?? 0;
  const yellow = res.data?.filter((e) => e.flag.color === 'yellow').length ?? 0;
  return (
    <div className="page">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          受影响的记录
        </Typography.Title>
        {laws && <Button onClick={() => navigate({ page: 'affected' })}>查看全部法规</Button>}
      </Space>
      <Typography.Paragraph type="secondary">
        审查、学法记录引用的条文，在现行有效的版本中已有变化：<Tag color="error">红色</Tag>条文已修改、删除或法规已废止；<Tag color="warning">黄色</Tag>条文序号变动或仅有文字性调整。
      </Typography.Paragraph>
      {laws && <Alert type="info" showIcon title="只显示刚导入的法规所影响的记录" style={{ marginBottom: 12 }} />}
      {res.error ? (
        <ErrorState message={res.error} onRetry={res.reload} />
      ) : (
        <>
          {res.data && res.data.length > 0 && (
            <Typography.Paragraph data-testid="affected-summary">
              共 {res.data.length} 处引用受影响：红色 {red} 处，黄色 {yellow} 处。
            </Typography.Paragraph>
          )}
          <Table<CitingRecordDto>
            rowKey={(e) => `${e.kind}#${e.id}#${e.versionId}#${e.articleKey}`}
            size="middle"
            loading={res.loading && !res.data}
            dataSource={res.data ?? []}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            onRow={() => ({ 'data-testid': 'affected-row' }) as object}
            columns={[
              { title: '变动', key: 'flag', width: 330, render: (_, e) => <FlagTag flag={e.flag} /> },
              {
                title: '记录',
                key: 'rec',
                render: (_, e) => (
                  <Space orientation="vertical" size={0}>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {CITING_KIND_LABELS[e.kind]} {e.id} · {e.date}
                    </Typography.Text>
                    {e.kind === 'review' ? <a href={hrefOf({ page: 'review', id: e.id })}>{e.title}</a> : e.kind === 'lecture' ? <a href={hrefOf({ page: 'lectures' })}>{e.title}</a> : e.kind === 'register' ? <a href={hrefOf({ page: 'register' })}>{e.title}</a> : e.title}
                  </Space>
                ),
              },
              { title: '所引条文（当时的版本）', key: 'c', render: (_, e) => <a href={hrefOf({ page: 'read', versionId: e.versionId, articleKey: e.articleKey })}>{e.citation || e.label}</a> },
              {
                title: '',
                key: 'diff',
                width: 110,
                render: (_, e) =>
                  e.flag.currentVersionId ? (
                    <a href={hrefOf({ page: 'diff', lawId: e.versionId.split('@')[0]!, from: e.versionId, to: e.flag.currentVersionId, articleKey: e.articleKey })}>查看对比</a>
                  ) : null,
              },
            ]}
            locale={{ emptyText: res.loading ? ' ' : <EmptyState description="没有受影响的记录：所引条文在现行版本中都没有变化" /> }}
          />
        </>
      )}
      <AffectedLaws laws={laws} />
    </div>
  );
}

/** Articles of other laws citing an article that changed since (links:affected). */
function AffectedLaws({ laws }: { laws?: string[] | undefined }) {
  const res = useCall('links:affected', {});
  const wanted = laws ? new Set(laws) : undefined;
  const rows = res.data?.filter((r) => !wanted || wanted.has(r.to.lawId));
  return (
    <section style={{ marginTop: 24 }} data-testid="affected-laws">
      <Typography.Title level={5}>引用已变化条文的法规</Typography.Title>
      <Typography.Paragraph type="secondary">
        资料库中其他法规（地方性法规、规章、规范性文件等，本单位所在地区的在前）引用的条文，在现行版本中已有变化：这些法规可能需要清理或修改。
      </Typography.Paragraph>
      {res.error ? (
        <ErrorState message={res.error} onRetry={res.reload} />
      ) : (
        <Table<AffectedLinkDto>
          rowKey={(r) => `${r.from.versionId}#${r.from.articleKey}>${r.to.versionId}#${r.to.articleKey}`}
          size="middle"
          loading={res.loading && !res.data}
          dataSource={rows ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          onRow={() => ({ 'data-testid': 'affected-law-row' }) as object}
          columns={[
            { title: '变动', key: 'flag', width: 330, render: (_, r) => <FlagTag flag={r.flag} /> },
            {
              title: '引用的法规条文',
              key: 'from',
              render: (_, r) => (
                <Space size={4} wrap>
                  <a href={hrefOf({ page: 'read', versionId: r.from.versionId, articleKey: r.from.articleKey })}>
                    {r.from.title} {r.from.label}
                  </a>
                  <Tag>{r.from.level}</Tag>
                  <Tag>{r.from.region}</Tag>
                </Space>
              ),
            },
            {
              title: '所引条文（引用时的版本）',
              key: 'to',
              render: (_, r) => (
                <a href={hrefOf({ page: 'read', versionId: r.to.versionId, articleKey: r.to.articleKey })}>
                  《{r.to.title}》{r.to.label}（{r.to.versionId.split('@')[1] ?? r.to.versionId}）
                </a>
              ),
            },
            {
              title: '',
              key: 'diff',
              width: 110,
              render: (_, r) =>
                r.flag.currentVersionId ? <a href={hrefOf({ page: 'diff', lawId: r.to.lawId, from: r.to.versionId, to: r.flag.currentVersionId, articleKey: r.to.articleKey })}>查看对比</a> : null,
            },
          ]}
          locale={{ emptyText: res.loading ? ' ' : <EmptyState description="没有受影响的法规：其他法规所引条文在现行版本中都没有变化" /> }}
        />
      )}
    </section>
  );
}
