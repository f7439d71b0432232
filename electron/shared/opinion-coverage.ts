// What the 合法性审查意见书 may say of a 要点 (权限 / 程序 / 内容) the record leaves without an opinion.
// “经审查，未发现问题” asserts a check: it is written only when one ran on that point and left nothing
// undecided. A point no check reached says so, with the reason, and asks for the adviser's own review.
// One definition for every face: the 意见书 (DOCX / PDF / HTML, core/review/opinion.ts), the
// workbench's confirmation before generating it, and the command line's warnings.

import { z } from 'zod';
import type { FindingCategory } from './review-workbench';
import type { Conclusion } from './record-schema';

/** Why a point was not checked. */
export const UncheckedReasonSchema = z.discriminatedUnion('code', [
  /** No 送审稿 text with the review: nothing to pre-check. */
  z.object({ code: z.literal('no-draft') }),
  /** The pre-check has no check of this point for this kind of document (a 合同's 程序). */
  z.object({ code: z.literal('no-rule') }),
  /** The pre-check could not run (a broken rule file, an unreadable draft): its message. */
  z.object({ code: z.literal('failed'), message: z.string() }),
  /** The pre-check found problems here that nobody has accepted or dismissed yet. */
  z.object({ code: z.literal('undecided'), count: z.number().int().positive() }),
]);
export type UncheckedReason = z.infer<typeof UncheckedReasonSchema>;

export const PointCoverageSchema = z.union([z.object({ checked: z.literal(true) }), z.object({ checked: z.literal(false), reason: UncheckedReasonSchema })]);
export type PointCoverage = z.infer<typeof PointCoverageSchema>;

export const OpinionCoverageSchema = z.object({ 权限: PointCoverageSchema, 程序: PointCoverageSchema, 内容: PointCoverageSchema });
export type OpinionCoverage = z.infer<typeof OpinionCoverageSchema>;

/** The reason in words, as the 意见书 and the faces write it. */
export function uncheckedReasonText(r: UncheckedReason): string {
  switch (r.code) {
    case 'no-draft':
      return '未提供送审稿文本，未进行预审';
    case 'no-rule':
      return '预审没有该要点的检查项';
    case 'failed':
      return `预审未能完成（${r.message}）`;
    case 'undecided':
      return `预审提示的 ${r.count} 条意见尚未处理`;
  }
}

/** The 意见书's line for a 要点 without an opinion in the record; `checked` is the template's own wording. */
export function emptyPointText(c: PointCoverage, checked: string): string {
  return c.checked ? checked : `未审查：${uncheckedReasonText(c.reason)}，需人工审查。`;
}

/** The points that will read 未审查, with their reasons (for a warning before generating). */
export function uncheckedPoints(coverage: OpinionCoverage): { category: FindingCategory; code: UncheckedReason['code']; reason: string }[] {
  return (Object.entries(coverage) as [FindingCategory, PointCoverage][]).flatMap(([category, c]) => (c.checked ? [] : [{ category, code: c.reason.code, reason: uncheckedReasonText(c.reason) }]));
}

/** One sentence for a warning: the points grouped by reason (“权限”“程序”“内容”（未提供送审稿文本，未进行预审）). */
export function uncheckedSentence(coverage: OpinionCoverage): string {
  const byReason = new Map<string, string[]>();
  for (const u of uncheckedPoints(coverage)) byReason.set(u.reason, [...(byReason.get(u.reason) ?? []), `“${u.category}”`]);
  if (!byReason.size) return '';
  return `意见书中${[...byReason].map(([reason, cats]) => `${cats.join('')}（${reason}）`).join('、')}写作“未审查，需人工审查”。`;
}

/**
 * The warning before an 意见书 without a 审查结论 leaves the office ('' when one is set): its 结论 section
 * then reads 审查结论待定 (the template's noConclusion), which a drafting unit cannot act on.
 */
export function noConclusionSentence(conclusion: Conclusion | undefined): string {
  return conclusion ? '' : '审查记录还没有选定审查结论，意见书将写作“审查结论待定”。';
}
