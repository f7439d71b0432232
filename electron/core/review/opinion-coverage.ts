// Which 要点 of the 意见书 a check reached (shared/opinion-coverage.ts says what each may then read).
// A point is checked when the record states an opinion on it (the adviser's text or citations), or
// when the pre-check ran on the latest 送审稿 with checks of that point for the document's kind and
// every finding it raised there has been accepted or dismissed.

import { FINDING_CATEGORIES, type DraftKind, type FindingCategory, type PrecheckResult } from '../../shared/review-workbench';
import type { OpinionCoverage, PointCoverage } from '../../shared/opinion-coverage';
import type { LegalityReview } from '../records/record-types';
import type { RuleSet } from './review-rules';

const CAT_KEY = { 权限: 'authority', 程序: 'procedure', 内容: 'content' } as const;

export interface CoverageInput {
  review: LegalityReview;
  kind: DraftKind;
  /** The latest 送审稿's pre-check; undefined without a 送审稿; an Error when it could not run. */
  precheck: PrecheckResult | Error | undefined;
  rules: RuleSet | undefined;
  /** Findings of the pre-check accepted or dismissed (by id). */
  decided: ReadonlySet<string>;
}

/** Whether the pre-check has any check of `category` for `kind` (程序 comes from the record, for all but a 合同). */
export function precheckCovers(rules: RuleSet, kind: DraftKind, category: FindingCategory): boolean {
  if (category === '程序' && kind !== '合同') return true;
  return rules.rules.some((r) => r.category === category && (!r.appliesTo || r.appliesTo.includes(kind)));
}

export function opinionCoverage(input: CoverageInput): OpinionCoverage {
  const point = (cat: FindingCategory): PointCoverage => {
    const own = input.review.findings[CAT_KEY[cat]];
    if (own.text.trim() || own.citations.length) return { checked: true };
    const p = input.precheck;
    if (p === undefined) return { checked: false, reason: { code: 'no-draft' } };
    if (p instanceof Error) return { checked: false, reason: { code: 'failed', message: p.message.split('\n')[0]! } };
    if (!input.rules || !precheckCovers(input.rules, input.kind, cat)) return { checked: false, reason: { code: 'no-rule' } };
    const open = p.findings.filter((f) => f.category === cat && !input.decided.has(f.id)).length;
    return open ? { checked: false, reason: { code: 'undecided', count: open } } : { checked: true };
  };
  return Object.fromEntries(FINDING_CATEGORIES.map((c) => [c, point(c)])) as OpinionCoverage;
}
