// 被其他法规引用 for the active article (grouped by 效力级别, the office's region first — ordered in core) and the law's
// relations: 上位法, 实施条例/办法/细则, 下位法, 司法解释, 相关法规 — each opens the other law.

import { Collapse, Empty, List, Skeleton, Tag, Typography } from 'antd';
import type { LawBriefDto, LinkRowDto } from '../../../../electron/shared/api-contract';
import { useCall } from '../../api/hooks';
import { hrefOf } from '../../router';

/**
 * Citing articles grouped by 效力级别, in the order `links:citedBy` gives them (core's orderCitedBy: by
 * level, within a level the office's region as 单位信息 is read, then 全国): the panel only cuts the list.
 */
export function groupCitedBy(rows: readonly LinkRowDto[]): { level: string; rows: LinkRowDto[] }[] {
  const groups: { level: string; rows: LinkRowDto[] }[] = [];
  for (const r of rows) {
    const last = groups.at(-1);
    if (last?.level === r.from.level) last.rows.push(r);
    else groups.push({ level: r.from.level, rows: [r] });
  }
  return groups;
}

/** The 引用: search query listing every article citing this one (the user may add words to it). */
export function citesQuery(lawTitle: string, articleLabel: string): string {
  return `引用:《${lawTitle}》${articleLabel}`;
}

/**
 * Other laws citing an article of the version being read. A citation made against another version
 * of the law is listed under the article it maps to here, with the number it used.
 */
export function CitedByLawsList({ lawId, versionId, articleKey, articleLabel, lawTitle }: { lawId: string; versionId: string; articleKey: string; articleLabel: string; lawTitle: string }) {
  const res = useCall('links:citedBy', { lawId, articleKey, versionId });
  if (res.error) return <Typography.Text type="danger">{res.error}</Typography.Text>;
  if (!res.data) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (!res.data.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="资料库中没有其他法规引用此条" />;
  return (
    <div data-testid="cited-by-laws">
      {groupCitedBy(res.data).map((g) => (
        <div key={g.level}>
          <Typography.Text type="secondary">
            {g.level} · {g.rows.length}
          </Typography.Text>
          <List
            size="small"
            dataSource={g.rows}
            renderItem={(r) => (
              <List.Item data-testid="cited-by-law-item">
                <a href={hrefOf({ page: 'read', versionId: r.from.versionId, articleKey: r.from.articleKey })}>
                  {r.from.title} {r.from.label}
                </a>{' '}
                <Tag>{r.from.region}</Tag>
                {r.to.versionId !== versionId && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="cited-by-other-version">
                    引用的是 {r.to.versionId.split('@')[1] ?? r.to.versionId} 版{r.to.label}
                  </Typography.Text>
                )}
              </List.Item>
            )}
          />
        </div>
      ))}
      <a href={hrefOf({ page: 'search', q: citesQuery(lawTitle, articleLabel) })} data-testid="cited-by-search">
        在搜索中列出全部（可再加词筛选）
      </a>
    </div>
  );
}

function Briefs({ items }: { items: LawBriefDto[] }) {
  if (!items.length) return <Typography.Text type="secondary">无</Typography.Text>;
  return (
    <List
      size="small"
      dataSource={items}
      renderItem={(x) => (
        <List.Item data-testid="law-relation-item">
          <a href={`#/library?q=${encodeURIComponent(x.title)}`} data-law={x.lawId}>
            {x.title}
          </a>{' '}
          <Tag>{x.level}</Tag>
          <Tag>{x.region}</Tag>
          <Typography.Text type="secondary">{x.why}</Typography.Text>
        </List.Item>
      )}
    />
  );
}

export function LawRelationsPanel({ lawId }: { lawId: string }) {
  const res = useCall('links:relations', { lawId });
  if (res.error) return <Typography.Text type="danger">{res.error}</Typography.Text>;
  if (!res.data) return <Skeleton active paragraph={{ rows: 2 }} />;
  const r = res.data;
  const n = (xs: unknown[]) => ` ${xs.length}`;
  return (
    <section className="law-relations" aria-label="法规关系" data-testid="law-relations">
      <Collapse
        size="small"
        items={[
          { key: 'upper', label: `上位法${n(r.upper)}`, children: <Briefs items={r.upper} /> },
          { key: 'impl', label: `实施条例 / 办法 / 细则${n(r.implementing)}`, children: <Briefs items={r.implementing} /> },
          { key: 'lower', label: `下位法${n(r.lower)}`, children: <Briefs items={r.lower} /> },
          { key: 'interp', label: `司法解释${n(r.interpretations)}`, children: <Briefs items={r.interpretations} /> },
          { key: 'related', label: `相关法规${n(r.related)}`, children: <Briefs items={r.related} /> },
        ]}
      />
    </section>
  );
}
