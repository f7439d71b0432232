// A link from a review's own text (its findings, its 意见书) to an article of the draft under review (session 26):
// 本办法第三条, 草案第八条第二款, 该文件第六条 as an adviser writes them in an opinion on it. Anchored, as a law citation is
// to its law version, to the draft version it was read against (第 N 稿 and its file's hash) with the article's text
// then: when the unit sends a new version, the link still says what the adviser was looking at.
// Pure: no node:, DOM or electron.

import { z } from 'zod';
import { articlePartShape } from './article-part';
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
