// 时效性 of each version of one law, derived from the versions present: the newest version in
// force on `today` is 现行有效, older ones 已修改, those whose 施行日期 is after today 尚未生效;
// a version marked expired (manifest or user) is 已废止, a drafted text 草案 — and a draft is never the
// version in force, whatever its date. A user override always wins.

import type { LawVersionMeta, Status } from '../../shared/law-model';
import { DRAFT_STATUS, versionDate } from '../../shared/law-model';
import { isDraftVersion } from '../../shared/draft-title';

/**
 * The rules of deriveStatuses (with isDraftVersion and the titles it calls drafts), by number: library.json
 * keeps the day its statuses were derived for (status-stamp.ts) and an open takes them as written only
 * when they were derived by the same rules. Raise it with any change to what these rules answer.
 */
export const STATUS_RULES = 1;

/** The day a version starts to apply (施行日期, else 公布日期): the one way `today` enters its 时效性. */
export function startDateOf(v: Pick<LawVersionMeta, 'published' | 'effective'>): string {
  return v.effective || v.published || '';
}

/** The fields that tell a draft (isDraftVersion); optional, so a caller with dates alone still asks. */
type DraftFields = Partial<Pick<LawVersionMeta, 'title' | 'draft' | 'statusOverride'>>;

/** A scan of a version already in the library (scan-library-match.ts): a second copy of it, never a version of its own. */
function isCopyOf(v: { libraryMatch?: { sameDate: boolean; versionId: string } | undefined }, versions: { id: string }[]): string | undefined {
  const m = v.libraryMatch;
  return m?.sameDate && versions.some((o) => o.id === m.versionId) ? m.versionId : undefined;
}

export function deriveStatuses(
  versions: (Pick<LawVersionMeta, 'id' | 'published' | 'effective' | 'expired' | 'statusOverride'> & Pick<Partial<LawVersionMeta>, 'libraryMatch'> & DraftFields)[],
  today: string,
): Map<string, Status> {
  const out = new Map<string, Status>();
  const inForce = versions
    .filter((v) => !isCopyOf(v, versions))
    .filter((v) => !v.expired && !isDraftVersion(v) && !(startDateOf(v) > today))
    .sort((a, b) => (a.effective || versionDate(a)).localeCompare(b.effective || versionDate(b)) || versionDate(a).localeCompare(versionDate(b)));
  const current = inForce[inForce.length - 1];
  for (const v of versions) {
    let s: Status;
    if (v.statusOverride) s = v.statusOverride.status;
    else if (v.expired) s = '已废止';
    else if (isDraftVersion(v)) s = DRAFT_STATUS;
    else if (startDateOf(v) > today) s = '尚未生效';
    else s = v === current ? '现行有效' : '已修改';
    out.set(v.id, s);
  }
  // A copy shares the 时效性 of the version it copies (unless a person set its own).
  for (const v of versions) {
    const of = isCopyOf(v, versions);
    if (of && !v.statusOverride) out.set(v.id, out.get(of)!);
  }
  return out;
}

/** The version of a law in force on a date: the latest 施行日期 (else 公布日期) not after it; never a draft. */
export function versionInForceOn<T extends Pick<LawVersionMeta, 'published' | 'effective' | 'expired'> & Pick<Partial<LawVersionMeta>, 'libraryMatch'> & DraftFields>(
  versions: T[],
  date: string,
): T | undefined {
  let best: T | undefined;
  for (const v of versions) {
    // The library's own text answers "which version", not a scan copy of it.
    if (v.libraryMatch?.sameDate && versions.some((o) => (o as { id?: string }).id === v.libraryMatch!.versionId)) continue;
    // A 征求意见稿 dated after the law it would amend is not the law in force on any day.
    if (isDraftVersion(v)) continue;
    const start = v.effective || v.published || '';
    if (start > date) continue;
    if (!best || start >= (best.effective || best.published || '')) best = v;
  }
  return best;
}
