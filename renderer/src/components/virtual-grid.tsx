// A windowed grid of fixed-height rows: only the rows in view (and a few either side) are in the
// DOM, so a list of thousands mounts and scrolls at the cost of one screenful. It replaced antd's
// virtual Table on 法规库, whose first mount alone (a forced layout over its measuring rows) took
// 160–220 ms of main-thread CPU for 2,500 laws.
//
// Screen readers get grid semantics (role grid/row/columnheader/gridcell, aria-rowcount and
// aria-rowindex over the whole list, aria-sort). The grid is one tab stop: ↑/↓, PageUp/PageDown,
// Home/End move the active row (aria-activedescendant), Enter opens it; other keys go to `onRowKey`.

import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import './virtual-grid.css';

export interface GridColumn<T> {
  key: string;
  title: ReactNode;
  /** A CSS grid track: `110px`, `minmax(0, 1fr)`. */
  width: string;
  align?: 'left' | 'right' | 'center';
  render: (row: T, index: number) => ReactNode;
  /** A column the list can be ordered by: its current order, and what a click on its header does. */
  sort?: { order: 'ascending' | 'descending' | 'none'; onSort: () => void; label: string };
}

/** The rows to render for a scroll position: [start, end) of the whole list, `overscan` either side. */
export function rowWindow(scrollTop: number, viewport: number, rowHeight: number, count: number, overscan: number): [number, number] {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, first + Math.ceil(viewport / rowHeight) + 1 + overscan);
  return [start, Math.max(start, end)];
}

/** Where a navigation key moves the active row of a list of `count` (`page` rows a screen); undefined for other keys. */
export function gridKeyTarget(key: string, active: number, count: number, page: number): number | undefined {
  if (count === 0) return undefined;
  const at = Math.min(Math.max(active, 0), count - 1);
  switch (key) {
    case 'ArrowDown':
      return active < 0 ? 0 : Math.min(count - 1, at + 1);
    case 'ArrowUp':
      return Math.max(0, at - 1);
    case 'PageDown':
      return Math.min(count - 1, at + Math.max(1, page - 1));
    case 'PageUp':
      return Math.max(0, at - Math.max(1, page - 1));
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}

export function VirtualGrid<T>({
  rows,
  columns,
  rowKey,
  rowHeight,
  height,
  label,
  onOpen,
  onRowKey,
  empty,
  testId,
  overscan = 6,
  gridRef,
}: {
  rows: readonly T[];
  columns: GridColumn<T>[];
  rowKey: (row: T) => string;
  rowHeight: number;
  /** Most height of the scrolled body, in px (the header sits above it); a short list takes its own. */
  height: number;
  /** The grid's accessible name. */
  label: string;
  /** A click on a row, or Enter on the active row. */
  onOpen: (row: T) => void;
  /** A key the grid does not use itself, on the active row (return true when handled). */
  onRowKey?: (e: KeyboardEvent, row: T) => boolean;
  /** Shown instead of rows when there are none (loading, empty library, nothing matches). */
  empty?: ReactNode;
  testId?: string;
  overscan?: number;
  /** The grid element (it holds the focus): a page gives the focus back to it after a dialog it opened. */
  gridRef?: Ref<HTMLDivElement>;
}) {
  const body = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [chosen, setActive] = useState(-1);
  const idBase = useId();
  const track = columns.map((c) => c.width).join(' ');
  const count = rows.length;
  const page = Math.max(1, Math.floor(height / rowHeight));

  // A new list (a filter, another order) may be shorter: the active row stays within it.
  const active = Math.min(chosen, count - 1);

  // The active row is kept in view: the keyboard may move it a page or the whole list away.
  useLayoutEffect(() => {
    const el = body.current;
    if (!el || active < 0) return;
    const top = active * rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight;
  }, [active, rowHeight]);

  const [start, end] = rowWindow(scrollTop, height, rowHeight, count, overscan);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget || e.nativeEvent.isComposing) return;
    const to = gridKeyTarget(e.key, active, count, page);
    if (to !== undefined) {
      e.preventDefault();
      setActive(to);
      return;
    }
    const row = active >= 0 ? rows[active] : undefined;
    if (!row) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      onOpen(row);
    } else if (onRowKey?.(e, row)) e.preventDefault();
  };

  const shown: ReactNode[] = [];
  for (let i = start; i < end; i++) {
    const row = rows[i]!;
    shown.push(
      <div
        key={rowKey(row)}
        id={`${idBase}-${i}`}
        role="row"
        aria-rowindex={i + 2}
        aria-selected={i === active}
        className={i === active ? 'vgrid-row is-active' : 'vgrid-row'}
        style={{ transform: `translateY(${i * rowHeight}px)`, height: rowHeight, gridTemplateColumns: track }}
        onClick={() => {
          setActive(i);
          onOpen(row);
        }}
        data-testid="grid-row"
      >
        {columns.map((c) => (
          <div key={c.key} role="gridcell" className={`vgrid-cell${c.align ? ` align-${c.align}` : ''}`}>
            {c.render(row, i)}
          </div>
        ))}
      </div>,
    );
  }

  return (
    <div
      ref={gridRef}
      className="vgrid"
      role="grid"
      aria-label={label}
      aria-rowcount={count + 1}
      aria-colcount={columns.length}
      tabIndex={0}
      aria-activedescendant={active >= start && active < end ? `${idBase}-${active}` : undefined}
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        if (e.target === e.currentTarget && active < 0 && count > 0) setActive(Math.min(count - 1, Math.floor(scrollTop / rowHeight)));
      }}
      data-testid={testId}
    >
      <div role="rowgroup">
        <div className="vgrid-head" role="row" aria-rowindex={1} style={{ gridTemplateColumns: track }}>
          {columns.map((c) => (
            <div key={c.key} role="columnheader" className={`vgrid-cell${c.align ? ` align-${c.align}` : ''}`} aria-sort={c.sort?.order}>
              {c.sort ? (
                <button type="button" className={`vgrid-sort is-${c.sort.order}`} onClick={c.sort.onSort} title={c.sort.label}>
                  {c.title}
                </button>
              ) : (
                c.title
              )}
            </div>
          ))}
        </div>
      </div>
      <div
        ref={body}
        className="vgrid-body"
        role="rowgroup"
        // Chromium makes a scrolling box a tab stop of its own; the grid (one stop) scrolls it by keys.
        tabIndex={-1}
        style={{ maxHeight: height }}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        data-testid={testId ? `${testId}-body` : undefined}
      >
        {count === 0 ? (
          empty
        ) : (
          <div className="vgrid-space" style={{ height: count * rowHeight }}>
            {shown}
          </div>
        )}
      </div>
    </div>
  );
}
