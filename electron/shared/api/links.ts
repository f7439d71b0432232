// Links (issue 17, 法条联想): the citations inside the laws as links, 被引用 by other laws, and the
// relations of a law (上位法 / 实施 / 下位法 / 司法解释 / 相关法规), from the link graph in core/links.

import { z } from 'zod';
import { articlePartShape } from '../article-part';
import { FlagSchema } from '../record-schema';
import { call, id } from './common';

export const linkRefSchema = z.object({
  lawId: z.string(),
  title: z.string(),
  level: z.string(),
  region: z.string(),
  versionId: z.string(),
  /** An article's key, or a heading's (h:第二章/第一节). */
  articleKey: z.string(),
  label: z.string(),
  /** A heading: the key of its first article (where the reader opens it). */
  firstKey: z.string().optional(),
});
export const linkRowSchema = z.object({
  from: linkRefSchema,
  to: linkRefSchema,
  /** The cited law had no version in force on the citing date: its oldest version is linked. */
  approx: z.boolean(),
  /** The 款 or 项 written is not in the article linked (第十条第（五）项 of an article of four items). */
  partMissing: z.boolean().optional(),
  /** The 款/项 written of the cited article, each (本条第一款、第二款); absent: the article itself. */
  parts: z.array(z.object(articlePartShape)).optional(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type LinkRowDto = z.infer<typeof linkRowSchema>;

const lawBriefSchema = z.object({ lawId: z.string(), title: z.string(), level: z.string(), region: z.string(), why: z.string() });
export type LawBriefDto = z.infer<typeof lawBriefSchema>;
export const lawRelationsSchema = z.object({
  lawId: z.string(),
  title: z.string(),
  upper: z.array(lawBriefSchema),
  implementing: z.array(lawBriefSchema),
  lower: z.array(lawBriefSchema),
  interpretations: z.array(lawBriefSchema),
  related: z.array(lawBriefSchema),
  citedByLevel: z.record(z.string(), z.number().int().nonnegative()),
});
export type LawRelationsDto = z.infer<typeof lawRelationsSchema>;

const articleKey = z.string().min(1).max(50);

/** A citation inside another law that points at an article since amended, renumbered or deleted. */
export const affectedLinkSchema = linkRowSchema.extend({ flag: FlagSchema });
export type AffectedLinkDto = z.infer<typeof affectedLinkSchema>;

export const linksCalls = {
  /** Every citation inside a version's text, as links (positions within each article's text). */
  'links:version': call({ input: z.object({ versionId: id }).strict(), output: z.array(linkRowSchema) }),
  /**
   * Other laws citing one article (their current versions), for the 被引用 panel. `articleKey` is a
   * key of `versionId` (default: the law's current version); citations of other versions of the law
   * are followed through the article mapping.
   */
  'links:citedBy': call({ input: z.object({ lawId: id, articleKey, versionId: id.optional() }).strict(), output: z.array(linkRowSchema) }),
  /** 受影响 among the laws: citations of one law (or of every law) whose article changed since. */
  'links:affected': call({ input: z.object({ lawId: id.optional() }).strict(), output: z.array(affectedLinkSchema) }),
  'links:relations': call({ input: z.object({ lawId: id }).strict(), output: lawRelationsSchema }),
};
