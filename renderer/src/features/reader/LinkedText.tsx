// Citations in an article's text as links (法条联想): each 第X条 the link graph resolved opens the
// cited article in the version that was in force when the citing text took effect; hovering shows
// which law, article and version, and the article's text (fetched when the preview first opens). Positions come from links:version (offsets in the article's text,
// whose lines are the reader's paragraphs and items in order).

import { Button, Popover, Skeleton, Typography } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { LinkRowDto } from '../../../../electron/shared/api-contract';
import { partLabel, partLines, type ArticlePart } from '../../../../electron/shared/article-part';
import { useCall } from '../../api/hooks';
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

/**
 * The lines of each 款/项 cited, under its name (第三款：…), from the article's text; undefined when
 * the text lacks one of them (an article whose items are numbered 一、): the article is shown then.
 */
export function citedPartLines(text: string, parts: readonly ArticlePart[] | undefined): { label: string; lines: string[] }[] | undefined {
  if (!parts?.length) return undefined;
  const out: { label: string; lines: string[] }[] = [];
  for (const p of parts) {
    const lines = partLines(text, p);
    if (!lines) return undefined;
    out.push({ label: partLabel(p), lines });
  }
  return out;
}

/** Of the whole article, this much shows in the preview (the link opens the rest). */
const PREVIEW_CHARS = 300;

/**
 * The cited article's text as it reads in the linked version: the 款/项 the citation names, with the
 * whole article one click away (a 款 read alone was the article's first 300 characters before, often
 * not reaching it); or the article's first lines when it cites the whole.
 */
function CitedPreview({ versionId, articleKey, parts }: { versionId: string; articleKey: string; parts: readonly ArticlePart[] | undefined }) {
  const res = useCall('versions:article', { versionId, articleKey });
  const [whole, setWhole] = useState(false);
  if (res.error) return <Typography.Text type="danger">{res.error}</Typography.Text>;
  const here = res.data?.find((a) => a.versionId === versionId);
  if (!res.data) return <Skeleton active title={false} paragraph={{ rows: 3 }} />;
  const text = here?.text ?? '';
  const cited = whole ? undefined : citedPartLines(text, parts);
  if (cited)
    return (
      <div data-testid="citation-preview" data-cited-part={cited.map((c) => c.label).join('、')}>
        {cited.map((c) => (
          <div key={c.label} className="cited-part">
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.label}
            </Typography.Text>
            {c.lines.map((l, i) => (
              <Typography.Paragraph key={i} style={{ margin: 0 }}>
                {l}
              </Typography.Paragraph>
            ))}
          </div>
        ))}
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setWhole(true)} data-testid="citation-preview-whole">
          显示整条
        </Button>
      </div>
    );
  return (
    <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-line' }} data-testid="citation-preview">
      {text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text || '（该版本中没有此条）'}
    </Typography.Paragraph>
  );
}

/**
 * A citation in the text. The popover (a trigger with its own observers per link; 民法典 has
 * hundreds of citations) is mounted only once the link is first hovered or focused, so a long law
 * renders plain links and the preview still opens after the same short delay.
 */
export function CitationLink({ link, children }: { link: LinkRowDto; children: ReactNode }) {
  const t = link.to;
  // a heading (本条例第三章) opens at its first article
  const at = t.firstKey ?? t.articleKey;
  const [armed, setArmed] = useState(false);
  const [open, setOpen] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const later = (v: boolean, ms: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setOpen(v), ms);
  };
  // Arming re-mounts the link inside the popover: a link armed by the keyboard gets its focus back.
  const anchorRef = useRef<HTMLAnchorElement>(null);
  const refocus = useRef(false);
  useEffect(() => {
    if (armed && refocus.current) {
      refocus.current = false;
      anchorRef.current?.focus();
    }
  }, [armed]);
  const enter = (e: React.SyntheticEvent) => {
    if (!armed) {
      refocus.current = e.type === 'focus';
      setArmed(true);
    }
    later(true, 300);
  };
  const leave = () => later(false, 100);
  const anchor = (
    <a
      ref={anchorRef}
      className={`citation-link${link.approx || link.partMissing ? ' approx' : ''}`}
      href={hrefOf({ page: 'read', versionId: t.versionId, articleKey: at })}
      data-testid="citation-link"
      data-target={`${t.versionId}#${t.articleKey}`}
      onClick={(e) => e.stopPropagation()}
      onMouseEnter={enter}
      onMouseLeave={leave}
      onFocus={enter}
      onBlur={leave}
    >
      {children}
    </a>
  );
  if (!armed) return anchor;
  const tip = `${t.title} ${t.label}（${t.versionId.split('@')[1] ?? ''}版）`;
  return (
    <Popover
      title={tip}
      open={open}
      onOpenChange={(v) => later(v, v ? 0 : 100)}
      styles={{ root: { maxWidth: 480 } }}
      content={
        <>
          {link.approx && (
            <Typography.Paragraph type="warning" style={{ fontSize: 12 }}>
              引用时资料库中该法尚无施行的版本，链接到最早版本，条文序号可能已变
            </Typography.Paragraph>
          )}
          {link.partMissing && (
            <Typography.Paragraph type="warning" style={{ fontSize: 12 }} data-testid="citation-part-missing">
              所引的款、项在该版本的这一条中没有，链接到整条，请核对
            </Typography.Paragraph>
          )}
          {t.firstKey && <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>{t.label}的第一条：</Typography.Paragraph>}
          <CitedPreview versionId={t.versionId} articleKey={at} parts={t.firstKey || link.partMissing ? undefined : link.parts} />
        </>
      }
    >
      {anchor}
    </Popover>
  );
}
