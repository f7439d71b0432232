// A link from a review's own text (its findings, its 意见书) to an article of the draft under review (session 26):
// 本办法第三条, 草案第八条第二款, 该文件第六条 as an adviser writes them in an opinion on it. Anchored, as a law citation is
// to its law version, to the draft version it was read against (第 N 稿 and its file's hash) with the article's text
// then: when the unit sends a new version, the link still says what the adviser was looking at.
// Pure: no node:, DOM or electron.

import { z } from 'zod';
import { articlePartShape, partLabel, partOf } from './article-part';
import { LIMITS } from './limits';

const L = LIMITS.record;
const sha = z.string().regex(/^[0-9a-f]{64}$/);

export const DraftArticleCitationSchema = z.object({
  /** The draft version (第 N 稿, the workbench's seq) and the sha256 of its file. */
  seq: z.number().int().positive(),
  sha256: sha,
  /** The article's unit key and label in that version (第八条). */
  articleKey: z.string().min(1).max(L.articleKey),
  label: z.string().min(1).max(L.label),
  ...articlePartShape, // 款, 项 as written (absent: the whole article)
  /** The article's text in that version, and its sha256. */
  textSnapshot: z.string().max(L.snapshot),
  textHash: sha,
});
export type DraftArticleCitation = z.infer<typeof DraftArticleCitationSchema>;

/** One key per article and part: a link kept across saves keeps its version. */
export function draftCitationKey(c: Pick<DraftArticleCitation, 'label'> & { paragraph?: number | undefined; item?: number | undefined }): string {
  return `${c.label}#${c.paragraph ?? ''}#${c.item ?? ''}`;
}

/** Where in a review a text holding draft links is: a 要点 or the 审查意见. */
export const DRAFT_LINK_PLACES = ['findings.authority', 'findings.procedure', 'findings.content', 'opinion'] as const;
export const DRAFT_LINK_PLACE_LABELS: Record<(typeof DRAFT_LINK_PLACES)[number], string> = {
  'findings.authority': '权限',
  'findings.procedure': '程序',
  'findings.content': '内容',
  opinion: '审查意见',
};

/**
 * A held link into the draft, read against the review's latest 送审稿 version: `latest` when it was read against that
 * version; else what became of its article there (the version mapping of the workbench's diff) — `same` (same number,
 * same text), `renumbered` (same text, another number), `changed` (the text changed, its number in `now`), `deleted`;
 * `missing` when its version is no longer in the workbench or its file's hash differs (read back, not trusted).
 */
export const DraftLinkStateSchema = z.object({
  where: z.enum(DRAFT_LINK_PLACES),
  citation: DraftArticleCitationSchema,
  latestSeq: z.number().int().positive(),
  status: z.enum(['latest', 'same', 'renumbered', 'changed', 'deleted', 'missing']),
  /** The article's label(s) in the latest version (renumbered, changed; several when it was split). */
  now: z.array(z.object({ key: z.string(), label: z.string() })).optional(),
});
export type DraftLinkState = z.infer<typeof DraftLinkStateSchema>;

/** Whether a reader of the latest version would look at another article, or a changed one, than the text meant. */
export function isStaleDraftLink(s: Pick<DraftLinkState, 'status'>): boolean {
  return s.status === 'renumbered' || s.status === 'changed' || s.status === 'deleted' || s.status === 'missing';
}

const partText = (c: Pick<DraftArticleCitation, 'paragraph' | 'item'>) => partLabel(partOf(c));

/** The link as the faces name it: 第1稿第八条第2款. */
export function draftLinkName(c: Pick<DraftArticleCitation, 'seq' | 'label' | 'paragraph' | 'item'>): string {
  return `第${c.seq}稿${c.label}${partText(c)}`;
}

/** What became of the article in the latest version, in words (the form's tag, the export's warning); '' when nothing did. */
export function draftLinkNote(s: DraftLinkState): string {
  const now = (s.now ?? []).map((n) => n.label).join('、');
  switch (s.status) {
    case 'latest':
    case 'same':
      return '';
    case 'renumbered':
      return `第${s.latestSeq}稿改为${now}，内容未变`;
    case 'changed':
      return now === s.citation.label ? `第${s.latestSeq}稿已修改该条` : `第${s.latestSeq}稿改为${now}并作了修改`;
    case 'deleted':
      return `第${s.latestSeq}稿已删除该条`;
    case 'missing':
      return `第${s.citation.seq}稿已不在审查工作台（或文件已变），无法核对`;
  }
}

/**
 * The words the 意见书 puts after a mention of a stale link, so a reader of the latest version is not sent to another
 * article: （指第1稿第八条，第2稿为第九条）. The adviser may instead rewrite her text against the latest version.
 */
export function draftLinkExportNote(s: DraftLinkState): string {
  const meant = `指第${s.citation.seq}稿${s.citation.label}`;
  const now = (s.now ?? []).map((n) => n.label).join('、');
  switch (s.status) {
    case 'renumbered':
      return `（${meant}，第${s.latestSeq}稿为${now}）`;
    case 'changed':
      return now === s.citation.label ? `（${meant}，第${s.latestSeq}稿已修改）` : `（${meant}，第${s.latestSeq}稿为${now}，已修改）`;
    case 'deleted':
      return `（${meant}，第${s.latestSeq}稿已删除）`;
    case 'missing':
      return `（${meant}）`;
    default:
      return '';
  }
}

/** One sentence for a warning before the 意见书 is generated ('' when no link is stale): which mentions, and what happens. */
export function staleDraftLinksSentence(states: readonly DraftLinkState[]): string {
  const stale = states.filter(isStaleDraftLink);
  if (!stale.length) return '';
  const list = stale.map((s) => `${DRAFT_LINK_PLACE_LABELS[s.where]}中的“${draftLinkName(s.citation)}”（${draftLinkNote(s)}）`).join('、');
  const latest = Math.max(...stale.map((s) => s.latestSeq));
  return `${list}写于较早的送审稿：意见书将在这些条文后注明所指稿次。如意见针对第${latest}稿，请先在审查记录中按第${latest}稿的条号改写并保存。`;
}
