// The 地区 facet as a tree (全国 / 省 / 市 / 县), for the 法规库 and 搜索. The tree, its counts and its
// order (the office's place first) come built from core (facets.regionTree); this only draws it: a
// checkbox per place, a 市 ticked holds its 县 (shown ticked, not separately choosable), ▸/▾ opens a
// place's parts. Keyboard: Tab to a place, Space ticks it, → opens and ← closes its parts.

import { Checkbox, Typography } from 'antd';
import { memo, useMemo, useState, type KeyboardEvent } from 'react';
import { REGION_LEVEL_LABELS, type RegionNode } from '../../../electron/shared/region-facet';

function RegionFacetView({ tree, selected, onChange, testId, hideWhenEmpty = false }: { tree: readonly RegionNode[]; selected: string[]; onChange: (v: string[]) => void; testId?: string; hideWhenEmpty?: boolean }) {
  const byRegion = useMemo(() => new Map(tree.map((n) => [n.region, n])), [tree]);
  const ancestors = (n: RegionNode): string[] => {
    const out: string[] = [];
    for (let p = n.parent; p !== undefined; p = byRegion.get(p)?.parent) out.push(p);
    return out;
  };
  // Open: the office's places and those holding a value chosen, unless the user closed them; the rest as the user set
  // them. Read from the tree of each answer (the first may come before 单位信息 or an import changed it).
  const [toggled, setToggled] = useState<ReadonlyMap<string, boolean>>(() => new Map());
  const openAtFirst = (n: RegionNode) => (!!n.office && n.hasChildren) || selected.some((r) => r.startsWith(n.region + '·'));
  const isOpen = (region: string) => {
    const n = byRegion.get(region);
    return toggled.get(region) ?? (n ? openAtFirst(n) : false);
  };
  const toggleOpen = (region: string, to?: boolean) => setToggled((m) => new Map(m).set(region, to ?? !isOpen(region)));
  const visible = tree.filter((n) => ancestors(n).every(isOpen));
  if (!tree.length && hideWhenEmpty) return null;
  const chosen = new Set(selected);
  const tick = (n: RegionNode, on: boolean) => {
    // a place ticked holds its parts: the parts ticked before are dropped (the filter takes them with it)
    const rest = selected.filter((r) => r !== n.region && !r.startsWith(n.region + '·'));
    onChange(on ? [...rest, n.region] : rest);
  };
  const onKey = (n: RegionNode) => (e: KeyboardEvent) => {
    if (!n.hasChildren) return;
    if (e.key === 'ArrowRight' && !isOpen(n.region)) toggleOpen(n.region, true);
    else if (e.key === 'ArrowLeft' && isOpen(n.region)) toggleOpen(n.region, false);
    else return;
    e.preventDefault();
  };
  return (
    <div className="facet-block region-facet" data-testid={testId}>
      <h4 id={testId ? `${testId}-title` : undefined}>地区</h4>
      {visible.length === 0 ? (
        <Typography.Text type="secondary">无</Typography.Text>
      ) : (
        <ul role="group" aria-labelledby={testId ? `${testId}-title` : undefined}>
          {visible.map((n) => {
            const held = ancestors(n).some((a) => chosen.has(a));
            const label = `${n.name}，${REGION_LEVEL_LABELS[n.level]}，${n.count} 部${n.office ? '，本单位所在地' : ''}${held ? '，已含在上级地区中' : ''}`;
            return (
              <li key={n.region} style={{ paddingLeft: n.depth * 16 }} data-region={n.region} data-level={n.level} onKeyDown={onKey(n)}>
                {n.hasChildren ? (
                  <button
                    type="button"
                    className="region-facet-toggle"
                    aria-expanded={isOpen(n.region)}
                    aria-label={`${isOpen(n.region) ? '收起' : '展开'}${n.name}的下级地区`}
                    onClick={() => toggleOpen(n.region)}
                    tabIndex={-1}
                  >
                    {isOpen(n.region) ? '▾' : '▸'}
                  </button>
                ) : (
                  <span className="region-facet-toggle" aria-hidden />
                )}
                <Checkbox checked={chosen.has(n.region) || held} disabled={held} onChange={(e) => tick(n, e.target.checked)} aria-label={label} title={n.level === '其他' ? `${n.region}（未识别为行政区划）` : n.region}>
                  <span className={n.office ? 'region-facet-office' : undefined}>{n.name}</span> <span className="facet-count">({n.count})</span>
                </Checkbox>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/** Re-rendered only when the tree or the choice changes (a search answers every keystroke, mostly with the same facet). */
export const RegionFacet = memo(RegionFacetView, (a, b) => {
  const sameTree = a.tree.length === b.tree.length && a.tree.every((n, i) => n.region === b.tree[i]!.region && n.count === b.tree[i]!.count);
  return sameTree && a.onChange === b.onChange && a.testId === b.testId && a.hideWhenEmpty === b.hideWhenEmpty && a.selected.length === b.selected.length && a.selected.every((v, i) => v === b.selected[i]);
});
