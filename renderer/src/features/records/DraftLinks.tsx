// A review text's links into the draft under review (草案第八条, 本办法第三条 — made when the form is saved): each opens
// that article of the 送审稿 version it was written against in the 审查工作台, and says when a later version renumbered,
// changed or deleted it — the 意见书 then names the version after the mention, unless the adviser rewrites her text.

import { Space, Tag, Tooltip, Typography } from 'antd';
import { draftLinkName, draftLinkNote, isStaleDraftLink, type DraftLinkState } from '../../../../electron/shared/draft-citation';
import { hrefOf } from '../../router';

export function DraftLinks({ reviewId, links, testId }: { reviewId: string; links: DraftLinkState[]; testId?: string }) {
  if (!links.length) return null;
  return (
    <Space wrap size={[6, 6]} data-testid={testId}>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        草案条文：
      </Typography.Text>
      {links.map((l) => {
        const note = draftLinkNote(l);
        const stale = isStaleDraftLink(l);
        return (
          <Tag key={`${l.citation.seq}#${l.citation.label}#${l.citation.paragraph ?? ''}#${l.citation.item ?? ''}`} color={stale ? 'orange' : 'cyan'} style={{ padding: '2px 6px' }} data-testid="draft-link">
            <Tooltip title={l.citation.textSnapshot.slice(0, 300)}>
              <a href={hrefOf({ page: 'workbench', id: reviewId, seq: l.citation.seq, articleKey: l.citation.articleKey })} data-testid="draft-link-open">
                {draftLinkName(l.citation)}
              </a>
            </Tooltip>
            {note && (
              <Tooltip title={stale ? '意见书将在该处注明所指稿次；如意见针对最新一稿，请按最新一稿的条号改写正文后保存' : undefined}>
                <span style={{ marginLeft: 6 }} data-testid="draft-link-note">
                  {note}
                </span>
              </Tooltip>
            )}
          </Tag>
        );
      })}
    </Space>
  );
}
