// The day the 时效性 in library.json were derived for, written beside them (`statusesDerived`), so that
// an open can take them as written instead of deriving every version's again. Never trusted as is:
// the stamp holds only when it was made by today's rules (STATUS_RULES), its digest matches every
// version's fields that decide a status and the statuses themselves (a hand edit of either, or a
// writer that kept the stamp but changed a version, fails it), its day is not after today, and no
// version's start date (施行日期, else 公布日期) falls after its day and on or before today — the only
// way the day enters deriveStatuses, so the statuses of the stamp's day are those of today.
// An older LawDesk ignores the key on reading and drops it on writing (its catalog keeps the keys it
// knows), so what it wrote is derived again.

import { z } from 'zod';
import type { LawVersionMeta } from '../../shared/law-model';
import { sha256 } from './law-identity';
import { STATUS_RULES, startDateOf } from './version-status';

export const statusStampSchema = z
  .object({
    day: z.iso.date(),
    rules: z.number().int().positive(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type StatusStamp = z.infer<typeof statusStampSchema>;

/** What decides each version's status (see deriveStatuses), and the status, in catalog order: one string hashed. */
function digestOf(versions: Iterable<LawVersionMeta>, day: string): string {
  const parts: string[] = [String(STATUS_RULES), day];
  for (const v of versions) {
    const m = v.libraryMatch;
    parts.push(
      [v.id, v.lawId, v.status, v.published ?? '', v.effective ?? '', v.expired ? 1 : 0, v.draft === undefined ? '' : v.draft ? 1 : 0, v.statusOverride?.status ?? '', m ? `${m.sameDate ? 1 : 0}${m.versionId}` : '', v.title].join('\u0001'),
    );
  }
  return sha256(parts.join('\u0000'));
}

/** The stamp for statuses derived for `day` (every version's, by today's rules). */
export function statusStamp(versions: Iterable<LawVersionMeta>, day: string): StatusStamp {
  return { day, rules: STATUS_RULES, sha256: digestOf(versions, day) };
}

/** Whether the statuses as written are those deriveStatuses gives on `today` (see the file's head). */
export function stampHolds(stamp: StatusStamp | undefined, versions: LawVersionMeta[], today: string): boolean {
  if (!stamp || stamp.rules !== STATUS_RULES || stamp.day > today) return false;
  if (stamp.day < today) {
    for (const v of versions) {
      const start = startDateOf(v);
      if (start > stamp.day && start <= today) return false;
    }
  }
  return digestOf(versions, stamp.day) === stamp.sha256;
}
