// One article in the reader's list, with the 编/章/节 headings that open before it. Its toolbar
// (被引用, 历次版本, 加入简报, 复制引用) is mounted only while the article is hovered, focused or
// active, and floats above the text instead of taking room on its first line. Articles not yet
// rendered (a long law is rendered in slices after the first screen) are left to a spacer of
// about their height (estimateHeight), so the scroll bar stays right while the rest arrives; a
// very long article is itself laid out a piece at a time (ArticleText).

import { CopyOutlined, FileAddOutlined, HistoryOutlined, LinkOutlined, TeamOutlined } from '@ant-design/icons';
import { Badge, Button, Space, Tag, Tooltip } from 'antd';
import { memo } from 'react';
import type { LinkRowDto } from '../../../../electron/shared/api-contract';
import { ArticleText, linesHeight, screenLines, type Unit } from './article-text';

export type ArticleAction = 'activate' | 'cited' | 'history' | 'pack' | 'link' | 'copy';

/** A rough height for an article not laid out yet: its characters over a line of the reader. */
export function estimateHeight(u: Unit, fontSize: number, headings: number): number {
  let lines = 0;
  for (const p of u.paragraphs) {
    lines += screenLines(p.text.length, fontSize);
    for (const it of p.items) lines += screenLines(it.length, fontSize);
  }
  return linesHeight(lines, fontSize) + 24 + headings * headingHeight(fontSize);
}

/** The height of one 编/章/节 heading (.reader-heading: its line and margins). */
export function headingHeight(fontSize: number): number {
  return Math.round((fontSize + 1) * 1.5715 + 26);
}

function Actions({ unit, cited, canHistory, onAction }: { unit: Unit; cited: number; canHistory: boolean; onAction: (a: ArticleAction, u: Unit) => void }) {
  const act = (a: ArticleAction) => (e: React.MouseEvent) => {
    e.stopPropagation();
    onAction(a, unit);
  };
  return (
    <span className="actions" data-testid="article-actions">
      <Space size={4}>
        {unit.kind === 'article' && (
          <Tooltip title="被引用：引用此条的审查与学法记录">
            <Badge count={cited} size="small" offset={[-4, 2]}>
              <Button size="small" type="text" icon={<TeamOutlined />} aria-label="被引用" data-testid="cited-by-button" onClick={act('cited')} />
            </Badge>
          </Tooltip>
        )}
        {canHistory && (
          <Tooltip title="该条历次版本">
            <Button size="small" type="text" icon={<HistoryOutlined />} aria-label="历次版本" data-testid="article-history-button" onClick={act('history')} />
          </Tooltip>
        )}
        <Tooltip title="加入简报">
          <Button size="small" type="text" icon={<FileAddOutlined />} aria-label="加入简报" data-testid="add-to-pack-button" onClick={act('pack')} />
        </Tooltip>
        <Tooltip title="只复制引用">
          <Button size="small" type="text" icon={<LinkOutlined />} onClick={act('link')} aria-label="只复制引用" />
        </Tooltip>
        <Button size="small" icon={<CopyOutlined />} onClick={act('copy')} data-testid="copy-citation">
          复制引用
        </Button>
      </Space>
    </span>
  );
}

export interface ArticleBlockProps {
  unit: Unit;
  /** Headings (编/章/节) that start before this unit, outermost first, with their depth. */
  headings: { text: string; depth: number }[];
  terms: readonly string[];
  currentMark: number;
  active: boolean;
  showActions: boolean;
  cited: number;
  canHistory: boolean;
  fontSize: number;
  onAction: (a: ArticleAction, u: Unit) => void;
  /** Citations in the text, as links (法条联想). */
  links?: readonly LinkRowDto[] | undefined;
}

export const ArticleBlock = memo(function ArticleBlock(p: ArticleBlockProps) {
  const { unit: u } = p;
  const est = estimateHeight(u, p.fontSize, 0);
  return (
    <>
      {p.headings.map((h) => (
        <div className="reader-heading" id={`heading-${h.depth}-${u.key}`} key={h.depth} data-heading-of={u.key} style={{ fontSize: p.fontSize + 1 }}>
          {h.text}
        </div>
      ))}
      <div
          id={`article-${u.key}`}
          className={`reader-article${p.active ? ' active' : ''}${p.showActions ? ' with-actions' : ''}`}
          style={{ containIntrinsicSize: `auto ${est}px` }}
          data-testid="article"
          data-key={u.key}
          // The active article (picked in the 目录, opened from a search, clicked) is one Tab stop,
          // so the keyboard reaches its toolbar; the others are not (hundreds of stops otherwise).
          tabIndex={p.active ? 0 : -1}
          aria-label={u.label}
          onClick={() => p.onAction('activate', u)}
        >
          {p.showActions && <Actions unit={u} cited={p.cited} canHistory={p.canHistory} onAction={p.onAction} />}
          {p.cited > 0 && (
            <Tag color="blue" className="cited-count" onClick={() => p.onAction('cited', u)} data-testid="cited-count">
              被引用 {p.cited}
            </Tag>
          )}
          <ArticleText unit={u} terms={p.terms} currentMark={p.currentMark} links={p.links} fontSize={p.fontSize} />
        </div>
    </>
  );
});
