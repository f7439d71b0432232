// The table of contents of a version: its 编/章/节 headings as a tree, each pointing at the first
// unit under it. Versions without headings list their units instead.

import type { ApiOutput } from '../../../../electron/shared/api-contract';

type Unit = ApiOutput<'version:get'>['units'][number];
/** What a TOC is built from: a version's units, or the outline version:get sends with a part. */
type TocUnit = Pick<Unit, 'key' | 'label' | 'kind' | 'path'>;

export interface TocNode {
  key: string; // the unit key to scroll to, prefixed to stay unique
  title: string;
  /** Records citing units under this node (被引用 counts). */
  cited: number;
  unitKey: string;
  children: TocNode[];
}

export function buildToc(units: readonly TocUnit[], counts: Record<string, number> = {}): TocNode[] {
  const roots: TocNode[] = [];
  const hasHeadings = units.some((u) => u.path.length > 0);
  if (!hasHeadings) {
    return units.map((u) => ({ key: 'u:' + u.key, title: u.label, unitKey: u.key, cited: counts[u.key] ?? 0, children: [] }));
  }
  const stack: { heading: string; node: TocNode }[] = [];
  for (const u of units) {
    let depth = 0;
    while (depth < stack.length && depth < u.path.length && stack[depth]!.heading === u.path[depth]) depth++;
    stack.length = depth;
    for (let d = depth; d < u.path.length; d++) {
      const node: TocNode = { key: `h:${d}:${u.key}`, title: u.path[d]!, unitKey: u.key, cited: 0, children: [] };
      (d === 0 ? roots : stack[d - 1]!.node.children).push(node);
      stack.push({ heading: u.path[d]!, node });
    }
    for (const s of stack) s.node.cited += counts[u.key] ?? 0;
    if (u.path.length === 0 && (u.kind === 'preamble' || u.kind === 'appendix')) {
      roots.push({ key: 'u:' + u.key, title: u.label, unitKey: u.key, cited: counts[u.key] ?? 0, children: [] });
    }
  }
  return roots;
}

/** For each unit, the headings that open before it (a changed level re-opens every deeper one). */
export function headingsBefore(units: Unit[]): { text: string; depth: number }[][] {
  let last: string[] = [];
  return units.map((u) => {
    const out: { text: string; depth: number }[] = [];
    u.path.forEach((h, d) => {
      if (last[d] !== h || out.length) out.push({ text: h, depth: d });
    });
    last = u.path;
    return out;
  });
}

/** A TOC node in reading order: the first unit under it and the first unit after it. */
export interface TocSpan {
  key: string;
  from: number;
  to: number;
}

/**
 * The nodes in reading order (a heading before the headings inside it) with the units they span,
 * for following the reading position. `indexOf` maps a unit key to its index.
 */
export function flattenToc(toc: TocNode[], indexOf: Map<string, number>): TocSpan[] {
  const out: TocSpan[] = [];
  const walk = (nodes: TocNode[], end: number) => {
    nodes.forEach((n, k) => {
      const next = nodes[k + 1];
      const to = next ? (indexOf.get(next.unitKey) ?? end) : end;
      out.push({ key: n.key, from: indexOf.get(n.unitKey) ?? 0, to });
      walk(n.children, to);
    });
  };
  walk(toc, Number.MAX_SAFE_INTEGER);
  return out;
}

/**
 * The node to select for the unit at index `unit`: `picked` (the node last clicked) while the unit
 * is inside it, else the deepest node the unit is in. Undefined before the first node.
 */
export function tocNodeAt(spans: TocSpan[], unit: number, picked?: string): string | undefined {
  const p = picked === undefined ? undefined : spans.find((s) => s.key === picked);
  if (p && unit >= p.from && unit < p.to) return picked;
  // Reading order: the last node starting at or before the unit is the deepest one holding it.
  let lo = 0;
  let hi = spans.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.from <= unit) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // A unit after a node's end but in no later node (articles outside any heading): its enclosing node, if any.
  while (found >= 0 && unit >= spans[found]!.to) found--;
  return found >= 0 ? spans[found]!.key : undefined;
}
