// Small shared pieces: 时效性 badge, highlighted text, error and empty states.

import { Alert, Button, Empty, Tag } from 'antd';
import type { ReactNode } from 'react';
import { DRAFT_STATUS, type Status } from '../../../electron/shared/law-model';

const STATUS_COLOR: Record<Status, string> = {
  现行有效: 'green',
  已修改: 'orange',
  已废止: 'red',
  部分失效: 'gold',
  尚未生效: 'blue',
  草案: 'purple',
};

export function StatusTag({ status }: { status: Status }) {
  return (
    <Tag color={STATUS_COLOR[status] ?? 'default'} data-testid="status-tag" style={{ marginInlineEnd: 0 }} {...(status === DRAFT_STATUS ? { title: '起草中的文本（送审稿、征求意见稿等），不是生效的法规，不作为依据' } : {})}>
      {status}
    </Tag>
  );
}

/** Text with [start, end) ranges marked. */
export function Highlighted({ text, ranges }: { text: string; ranges: [number, number][] }) {
  if (!ranges.length) return <>{text}</>;
  const out: ReactNode[] = [];
  let at = 0;
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  sorted.forEach(([s, e], i) => {
    if (s < at) return;
    if (s > at) out.push(text.slice(at, s));
    out.push(<mark key={i}>{text.slice(s, e)}</mark>);
    at = e;
  });
  out.push(text.slice(at));
  return <>{out}</>;
}

/** Ranges of every (case-insensitive) occurrence of each term. */
export function termRanges(text: string, terms: string[]): [number, number][] {
  const out: [number, number][] = [];
  const lower = text.toLowerCase();
  for (const t of terms) {
    const term = t.toLowerCase();
    if (!term) continue;
    for (let i = lower.indexOf(term); i >= 0; i = lower.indexOf(term, i + term.length)) out.push([i, i + term.length]);
  }
  return out;
}

/** Search terms from a query: "phrases" and words, without -exclusions. */
export function queryTerms(q: string): string[] {
  const terms: string[] = [];
  q.replace(/"([^"]+)"|(\S+)/g, (_m, phrase: string | undefined, word: string | undefined) => {
    const t = phrase ?? word ?? '';
    if (t && !t.startsWith('-')) terms.push(t.replace(/^[《]|[》]$/g, ''));
    return '';
  });
  return terms.filter((t) => t.length > 0);
}

export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      title="出错了"
      description={message}
      data-testid="error-state"
      action={onRetry ? <Button size="small" onClick={onRetry}>重试</Button> : undefined}
      style={{ margin: 16 }}
    />
  );
}

export function EmptyState({ description, children }: { description: ReactNode; children?: ReactNode }) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description} style={{ padding: '48px 0' }}>
      {children}
    </Empty>
  );
}
