// What changed between two 送审稿 versions: the articles changed, added and deleted (old → new
// number), each changed article's sentences with those that changed marked, and the pre-check's
// findings the new version resolved or added. Only the changed articles are listed.

import { Alert, Drawer, Empty, Space, Spin, Tag, Typography } from 'antd';
import { TabLeavingSelect } from '../../components/tab-leaving-select';
import { useEffect, useState } from 'react';
import type { ApiOutput } from '../../../../electron/shared/api-contract';
import type { DraftComparison, DraftDiffRow } from '../../../../electron/shared/review-workbench';
import { client, errorMessage } from '../../api/client';
import { printableName } from '../../../../electron/shared/printable-name';

type Drafts = ApiOutput<'workbench:get'>['drafts'];

const KIND: Record<DraftDiffRow['kind'], { text: string; color: string }> = {
  same: { text: '未变', color: 'default' },
  renumbered: { text: '条号变化', color: 'default' },
  amended: { text: '修改', color: 'orange' },
  split: { text: '拆分', color: 'purple' },
  merged: { text: '合并', color: 'purple' },
  deleted: { text: '删除', color: 'red' },
  added: { text: '新增', color: 'green' },
};

/** A one-line summary, for the notice after a new version is added. */
export function compareSummary(c: DraftComparison): string {
  const { changed, added, deleted } = c.counts;
  return `与第 ${c.from} 稿相比：修改 ${changed} 条、新增 ${added} 条、删除 ${deleted} 条；预审意见已解决 ${c.findings.resolved.length} 条、新出现 ${c.findings.added.length} 条、仍存在 ${c.findings.kept} 条`;
}

function Sentences({ list, kind }: { list: { text: string; changed: boolean }[]; kind: 'from' | 'to' }) {
  return (
    <>
      {list.map((s, i) =>
        s.changed ? (
          <mark key={i} className={`diff-sentence ${kind === 'from' ? 'diff-sentence-old' : 'diff-sentence-new'}`} data-testid={`diff-changed-${kind}`} style={{ background: kind === 'from' ? '#ffe7e6' : '#d9f7be', padding: '0 1px' }}>
            {kind === 'from' ? <del>{s.text}</del> : s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}

function Row({ r }: { r: DraftDiffRow }) {
  const fromLabel = r.from.map((x) => x.label).join('、');
  const toLabel = r.to.map((x) => x.label).join('、');
  return (
    <div className="diff-row" data-testid="diff-row" style={{ borderTop: '1px solid #e8e8e8', padding: '10px 0' }}>
      <Space size={6} wrap>
        <Tag color={KIND[r.kind].color}>{KIND[r.kind].text}</Tag>
        <b>{r.kind === 'added' ? `新 ${toLabel}` : r.kind === 'deleted' ? `原 ${fromLabel}` : fromLabel === toLabel ? toLabel : `原 ${fromLabel} → 新 ${toLabel}`}</b>
      </Space>
      {r.kind === 'added' && <div className="diff-new-text" style={{ marginTop: 4, background: '#f6ffed' }}>{r.to.map((x) => x.text).join('\n')}</div>}
      {r.kind === 'deleted' && (
        <div className="diff-old-text" style={{ marginTop: 4, color: '#8c8c8c' }}>
          <del>{r.from.map((x) => x.text).join('\n')}</del>
        </div>
      )}
      {r.sentences && (
        <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: 12, marginTop: 4 }}>
          <div>
            <Typography.Text type="secondary">原文</Typography.Text>
            <div>
              <Sentences list={r.sentences.from} kind="from" />
            </div>
          </div>
          <div>
            <Typography.Text type="secondary">新稿</Typography.Text>
            <div>
              <Sentences list={r.sentences.to} kind="to" />
            </div>
          </div>
        </div>
      )}
    </div>
  );
}

/** The drawer starts on `initial` when given (key it by the pair so a new comparison starts afresh). */
export function DraftCompare({ id, drafts, open, onClose, initial }: { id: string; drafts: Drafts; open: boolean; onClose: () => void; initial?: DraftComparison | undefined }) {
  const last = drafts.at(-1)?.seq ?? 1;
  const [pair, setPair] = useState<{ from: number; to: number }>({ from: initial?.from ?? Math.max(1, last - 1), to: initial?.to ?? last });
  const [data, setData] = useState<DraftComparison | undefined>(initial);
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!open || pair.from === pair.to || (data && data.from === pair.from && data.to === pair.to)) return;
    let live = true;
    client
      .call('workbench:diff', { id, from: pair.from, to: pair.to })
      .then((d) => {
        if (live) setData(d);
      })
      .catch((e: unknown) => {
        if (live) setError(errorMessage(e));
      });
    return () => {
      live = false;
    };
  }, [open, id, pair, data]);
  const choose = (p: { from: number; to: number }) => {
    setError(undefined);
    setPair(p);
  };
  const loading = open && pair.from !== pair.to && !error && !(data && data.from === pair.from && data.to === pair.to);

  const options = drafts.map((d) => ({ value: d.seq, label: `第 ${d.seq} 稿（${printableName(d.name)}）` }));
  const changed = (data?.rows ?? []).filter((r) => r.kind !== 'same' && r.kind !== 'renumbered');
  return (
    <Drawer open={open} onClose={onClose} title="送审稿各稿对比" size="large" data-testid="wb-compare">
      <Space wrap style={{ marginBottom: 12 }}>
        <TabLeavingSelect aria-label="原稿" value={pair.from} options={options} onChange={(v) => choose({ ...pair, from: v })} style={{ minWidth: 220 }} />
        <span>→</span>
        <TabLeavingSelect aria-label="新稿" value={pair.to} options={options} onChange={(v) => choose({ ...pair, to: v })} style={{ minWidth: 220 }} />
      </Space>
      {pair.from === pair.to && <Alert type="info" showIcon message="请选择两个不同的稿本" />}
      {error && <Alert type="error" showIcon message={error} />}
      {loading && <Spin />}
      {data && !loading && data.from === pair.from && data.to === pair.to && (
        <>
          <Typography.Paragraph data-testid="wb-compare-summary">{compareSummary(data)}</Typography.Paragraph>
          {data.findings.resolved.length > 0 && (
            <Typography.Paragraph data-testid="wb-compare-resolved">
              <b>已解决：</b>
              {data.findings.resolved.map((f) => `${f.article?.label ?? '全文'} ${f.ruleName}`).join('；')}
            </Typography.Paragraph>
          )}
          {data.findings.added.length > 0 && (
            <Typography.Paragraph data-testid="wb-compare-added">
              <b>新出现：</b>
              {data.findings.added.map((f) => `${f.article?.label ?? '全文'} ${f.ruleName}（${f.severity}）`).join('；')}
            </Typography.Paragraph>
          )}
          {!changed.length && <Empty description="两稿条文内容相同" />}
          {changed.map((r, i) => (
            <Row key={i} r={r} />
          ))}
        </>
      )}
    </Drawer>
  );
}
