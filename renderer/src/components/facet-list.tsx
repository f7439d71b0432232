// A sidebar facet (效力级别, 时效性, 地区, 分类): checkboxes with their hit counts, shared by the
// library and search pages, and the order the sidebars list category values in (地区 is a tree: region-facet.tsx).

import { Checkbox, Typography } from 'antd';
import { memo, useMemo } from 'react';
import { UNCATEGORISED } from '../../../electron/shared/law-model';

/** Re-rendered only when what it shows changes: a search answers every keystroke, mostly with the same facet values. */
export const FacetList = memo(FacetListView, (a, b) => {
  const same = (x: Record<string, number>, y: Record<string, number>) => {
    const kx = Object.keys(x);
    return kx.length === Object.keys(y).length && kx.every((k) => x[k] === y[k]);
  };
  const sameList = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  return (
    a.title === b.title &&
    a.onChange === b.onChange &&
    a.testId === b.testId &&
    a.hideWhenEmpty === b.hideWhenEmpty &&
    sameList(a.selected, b.selected) &&
    sameList(a.values, b.values) &&
    same(a.counts, b.counts)
  );
}) as typeof FacetListView;

function FacetListView<T extends string>({
  title,
  values,
  counts,
  selected,
  onChange,
  testId,
  hideWhenEmpty = false,
}: {
  title: string;
  values: readonly T[];
  counts: Record<string, number>;
  selected: T[];
  onChange: (v: T[]) => void;
  testId?: string;
  /** Hide the whole block (search results) rather than show 无 (library). */
  hideWhenEmpty?: boolean;
}) {
  const shown = values.filter((v) => (counts[v] ?? 0) > 0 || selected.includes(v));
  if (!shown.length && hideWhenEmpty) return null;
  return (
    <div className="facet-block" data-testid={testId}>
      <h4>{title}</h4>
      {shown.length === 0 ? (
        <Typography.Text type="secondary">无</Typography.Text>
      ) : (
        <Checkbox.Group value={selected} onChange={(v) => onChange(v as T[])} style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
          {shown.map((v) => (
            <Checkbox key={v} value={v}>
              {v} <span className="facet-count">({counts[v] ?? 0})</span>
            </Checkbox>
          ))}
        </Checkbox.Group>
      )}
    </div>
  );
}

/** 分类 by size, 未分类 last. */
export function useCategoryOrder(counts: Record<string, number>): string[] {
  return useMemo(
    () => Object.keys(counts).sort((a, b) => (a === UNCATEGORISED ? 1 : b === UNCATEGORISED ? -1 : (counts[b] ?? 0) - (counts[a] ?? 0) || a.localeCompare(b, 'zh-CN'))),
    [counts],
  );
}
