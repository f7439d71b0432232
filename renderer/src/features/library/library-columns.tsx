// The columns of 法规库's grid. Cells are plain elements (no antd Button / Tooltip / Badge per row):
// a screenful is rendered on every scroll step, and each antd component costs its own style work.

import { DeleteOutlined, StarFilled, StarOutlined } from '@ant-design/icons';
import type { Dispatch, SetStateAction } from 'react';
import type { LawSort } from '../../../../electron/shared/api-contract';
import { regionTail } from '../../../../electron/shared/law-model';
import { StatusTag } from '../../components/common';
import type { GridColumn } from '../../components/virtual-grid';
import { nextSortKey, type LibraryLine, type TableRow } from './library-rows';

/**
 * Three lines of title (shorter ones are centred): at 1024 px wide that is ≈ 45 characters, enough to
 * tell 婚姻家庭编的解释（一） from （二）; a longer title ends in … with the whole in its tooltip.
 */
export const ROW_HEIGHT = 66;

const dash = (v?: string) => v ?? '—';

export function libraryColumns(o: {
  wide: boolean;
  sort: LawSort;
  setSortKey: Dispatch<SetStateAction<string>>;
  fold: (row: TableRow, folded: boolean) => void;
  folded: ReadonlySet<string>;
  toggleFavorite: (row: TableRow) => void;
  /** 删除此法规 (the row's law, through the reader's confirm dialog); Delete on the row does the same. */
  remove: (row: TableRow) => void;
  removeLabel: string;
}): GridColumn<LibraryLine>[] {
  const sortable = (field: LawSort['field'], label: string): GridColumn<LibraryLine>['sort'] => ({
    order: o.sort.field === field ? (o.sort.order === 'asc' ? 'ascending' : 'descending') : 'none',
    onSort: () => o.setSortKey((cur) => nextSortKey(cur, field)),
    label,
  });
  return [
    {
      key: 'fav',
      title: <span className="lib-visually-hidden">收藏</span>,
      width: '40px',
      align: 'center',
      render: ({ row }) =>
        row.children ? null : (
          <button
            type="button"
            tabIndex={-1}
            // a click keeps the focus where it was (the grid), so the keys go on working
            onMouseDown={(e) => e.preventDefault()}
            className={`lib-star${row.favorite ? ' is-on' : ''}`}
            aria-label={row.favorite ? '取消收藏' : '收藏'}
            title={row.favorite ? '取消收藏（空格）' : '收藏（空格）'}
            onClick={(e) => {
              e.stopPropagation();
              o.toggleFavorite(row);
            }}
          >
            {row.favorite ? <StarFilled /> : <StarOutlined />}
          </button>
        ),
    },
    {
      key: 'title',
      title: '标题',
      width: 'minmax(0, 1fr)',
      sort: sortable('title', '按标题拼音排序'),
      render: ({ row, depth }) => {
        const href = `#/read/${encodeURIComponent(row.versionId)}`;
        if (row.children) {
          const open = !o.folded.has(row.lawId);
          return (
            <span className="lib-title">
              <button
                type="button"
                tabIndex={-1}
            // a click keeps the focus where it was (the grid), so the keys go on working
            onMouseDown={(e) => e.preventDefault()}
                className="lib-fold"
                aria-expanded={open}
                aria-label={open ? '折叠' : '展开'}
                onClick={(e) => {
                  e.stopPropagation();
                  o.fold(row, open);
                }}
              >
                {open ? '▾' : '▸'}
              </button>
              <span data-testid="code-title" title={row.title}>
                <a href={href} tabIndex={-1} onClick={(e) => e.stopPropagation()}>
                  {row.title}
                </a>
                <span className="lib-secondary">（{row.children.length} 编）</span>
              </span>
            </span>
          );
        }
        const part = row.code && row.code.count > 1;
        const text = part ? (row.subtitle ?? row.title) : `${row.title}${row.subtitle ? ` · ${row.subtitle}` : ''}`;
        return (
          <span className={`lib-title${depth ? ' lib-title-part' : ''}`} title={text}>
            <a href={href} tabIndex={-1} onClick={(e) => e.stopPropagation()} data-testid="law-title">
              {text}
            </a>
          </span>
        );
      },
    },
    { key: 'level', title: '效力级别', width: o.wide ? '100px' : '92px', sort: sortable('level', '按效力级别排序（高→低）'), render: ({ row }) => row.level },
    { key: 'region', title: '地区', width: o.wide ? '92px' : '84px', render: ({ row }) => <span title={row.region}>{regionTail(row.region)}</span> },
    ...(o.wide
      ? [{ key: 'published', title: '公布日期', width: '110px', sort: sortable('published', '按公布日期排序'), render: ({ row }: LibraryLine) => dash(row.published) }]
      : []),
    { key: 'effective', title: '施行日期', width: o.wide ? '110px' : '104px', sort: sortable('effective', '按施行日期排序'), render: ({ row }) => dash(row.effective) },
    { key: 'status', title: '时效性', width: o.wide ? '90px' : '84px', render: ({ row }) => <StatusTag status={row.status} /> },
    {
      key: 'articles',
      title: '条数',
      width: o.wide ? '72px' : '68px',
      align: 'right',
      render: ({ row }) => {
        const versions = !row.children && row.versionCount > 1 ? row.versionCount : 0;
        return (
          <span title={versions ? `共 ${versions} 个版本` : undefined}>
            {row.articleCount}
            {versions ? <span className="lib-versions" aria-label={`共 ${versions} 个版本`}>{versions}</span> : null}
          </span>
        );
      },
    },
    {
      key: 'remove',
      title: <span className="lib-visually-hidden">删除</span>,
      width: '36px',
      align: 'center',
      render: ({ row }) =>
        // a 法典's line groups several laws: each 编 is removed from its own line
        row.children ? null : (
          <button
            type="button"
            tabIndex={-1}
            onMouseDown={(e) => e.preventDefault()}
            className="lib-star lib-remove"
            aria-label={o.removeLabel}
            title={`${o.removeLabel}（Delete）`}
            data-testid="library-remove"
            onClick={(e) => {
              e.stopPropagation();
              o.remove(row);
            }}
          >
            <DeleteOutlined />
          </button>
        ),
    },
  ];
}
