// A record form's field errors (shared/record-form.ts: the schema's issues by input path) placed on
// the form's own fields; an issue with no field of its own is shown above the form, named in words.

import type { FieldIssue } from '../../../../electron/shared/record-form';
import { FIELD_LABELS } from '../../../../electron/shared/record-schema';

export interface FormErrors {
  /** Errors to show beside fields (antd `form.setFields`). */
  fields: { name: (string | number)[]; errors: string[] }[];
  /** Errors of parts without a field of their own (the citations), shown above the form. */
  other: string[];
}

/** `fieldOf`: where an input path is shown in the form, or undefined when it has no field. */
export function placeIssues(issues: FieldIssue[], fieldOf: (path: FieldIssue['path']) => (string | number)[] | undefined): FormErrors {
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const other: string[] = [];
  for (const i of issues) {
    const name = fieldOf(i.path);
    if (!name) {
      other.push(`${i.path.map((p) => (typeof p === 'number' ? `第${p + 1}项` : (FIELD_LABELS[p] ?? p))).join(' › ') || '内容'}：${i.message}`);
      continue;
    }
    const k = JSON.stringify(name);
    const e = byField.get(k) ?? { name, errors: [] };
    if (!e.errors.includes(i.message)) e.errors.push(i.message);
    byField.set(k, e);
  }
  return { fields: [...byField.values()], other };
}
