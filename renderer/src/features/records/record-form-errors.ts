// A record form's field errors (shared/record-form.ts: the schema's issues by input path) placed on
// the form's own fields; an issue with no field of its own is shown above the form, named in words.

import type { FormInstance } from 'antd';
import { fieldIssueLine, type FieldIssue } from '../../../../electron/shared/record-form';

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
      other.push(fieldIssueLine(i));
      continue;
    }
    const k = JSON.stringify(name);
    const e = byField.get(k) ?? { name, errors: [] };
    if (!e.errors.includes(i.message)) e.errors.push(i.message);
    byField.set(k, e);
  }
  return { fields: [...byField.values()], other };
}

/** Puts a form model's errors beside their fields; a field wrong before and right now loses its error. */
export function showFieldErrors(form: FormInstance, errors: FormErrors): void {
  const shown = new Set(errors.fields.map((f) => JSON.stringify(f.name)));
  form.setFields([
    ...errors.fields,
    ...form.getFieldsError().filter((f) => f.errors.length && !shown.has(JSON.stringify(f.name))).map((f) => ({ name: f.name, errors: [] })),
  ]);
}
