// A finding's id is stable across runs of the same draft text, so a decision (accepted /
// dismissed) stays attached to its finding when the pre-check runs again or a new draft keeps
// the sentence unchanged.

import { createHash } from 'node:crypto';

export function findingId(rule: string, articleKey: string, excerpt: string): string {
  const h = createHash('sha256').update(`${rule}\u0000${articleKey}\u0000${excerpt}`).digest('hex').slice(0, 10);
  return `${rule}@${articleKey}#${h}`;
}
