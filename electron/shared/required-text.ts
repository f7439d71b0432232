// The one rule for a required text field of anything a person fills in (a record's title, a
// register entry's 制定科室, a pack's title): trimmed, capped, and holding at least one visible
// character — a title of zero-width spaces (U+200B) or Hangul fillers (U+3164) looks empty
// everywhere it is shown, so it is refused as an empty one is, with the same sentence
// (“标题”不能为空 / 请填写标题) or the field's own message.

import { z } from 'zod';
import { hasVisibleText } from './printable-name';

/** A required text field: trimmed, at most `max` characters, at least one of them visible. */
export function requiredText(max: number, message?: string, tooLong = `不能超过 ${max} 字`) {
  return z
    .string()
    .trim()
    .max(max, tooLong)
    .min(1, message)
    .superRefine((s, ctx) => {
      if (s.length > 0 && !hasVisibleText(s)) ctx.addIssue({ code: 'too_small', origin: 'string', minimum: 1, inclusive: true, input: s, ...(message ? { message } : {}) });
    });
}
