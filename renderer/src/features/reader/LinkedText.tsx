// Citations in an article's text as links (法条联想): each 第X条 the link graph resolved opens the
// cited article in the version that was in force when the citing text took effect; hovering shows
// which law, article and version. Positions come from links:version (offsets in the article's text,
// whose lines are the reader's paragraphs and items in order).

import { Tooltip } from 'antd';
import type { ReactNode } from 'react';
import type { LinkRowDto } from '../../../../electron/shared/api-contract';
import { hrefOf } from '../../router';

/** The links of one article, by article key. */
export function linksByArticle(rows: readonly LinkRowDto[] | undefined): Map<string, LinkRowDto[]> {
  const m = new Map<string, LinkRowDto[]>();
  for (const r of rows ?? []) m.set(r.from.articleKey, [...(m.get(r.from.articleKey) ?? []), r]);
  return m;
}

export interface Segment {
  text: string;
  link?: LinkRowDto;
}

/**
 * One line of an article (starting at `offset` in the article's text) cut at the links inside it.
 * A range (第十二条至第十五条) is several rows with the same span: the first one is the link.
 */
export function segmentsOf(text: string, offset: number, links: readonly LinkRowDto[] | undefined): Segment[] {
  const inside = (links ?? []).filter((l) => l.start >= offset && l.end <= offset + text.length).sort((a, b) => a.start - b.start);
  if (!inside.length) return [{ text }];
  const out: Segment[] = [];
  let at = 0;
  for (const l of inside) {
    const s = l.start - offset;
    if (s < at) continue;
    if (s > at) out.push({ text: text.slice(at, s) });
    out.push({ text: text.slice(s, l.end - offset), link: l });
    at = l.end - offset;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

export function CitationLink({ link, children }: { link: LinkRowDto; children: ReactNode }) {
  const t = link.to;
  const tip = `${t.title} ${t.label}（${t.versionId.split('@')[1] ?? ''}版）${link.approx ? '——引用时该法尚未有资料库中的版本施行，链接到最早版本，条文序号可能已变' : ''}`;
  return (
    <Tooltip title={tip} mouseEnterDelay={0.3}>
      <a
        className={`citation-link${link.approx ? ' approx' : ''}`}
        href={hrefOf({ page: 'read', versionId: t.versionId, articleKey: t.articleKey })}
        data-testid="citation-link"
        data-target={`${t.versionId}#${t.articleKey}`}
        onClick={(e) => e.stopPropagation()}
      >
        {children}
      </a>
    </Tooltip>
  );
}
