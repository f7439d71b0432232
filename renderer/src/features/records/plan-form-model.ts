// The 年度普法计划 form's model, as plain TS: a new plan's defaults, a plan → values → input round
// trip, and the field errors — the plan schema's own (shared/record-form.ts, as records:validate and
// a save apply them), placed on the form's fields. No rule is coded here.

import type { PlanDto } from '../../../../electron/shared/api-contract';
import { recordFormIssues, type FieldIssue } from '../../../../electron/shared/record-form';
import { placeIssues, type FormErrors } from './record-form-errors';

export interface PlanValues {
  year: number | null;
  title: string;
  unit?: string;
  /**
   * Item ids, laws and notes have no field; they ride along so an edited item keeps its id (and
   * the sessions linked to it) and what the CLI or an import gave it.
   */
  items: { id?: string; topic?: string; responsibleUnit?: string; plannedMonth?: number | null; laws?: string[]; notes?: string }[];
}

export function newPlanValues(year: number): PlanValues {
  return { year, title: `${year}年度普法工作计划`, items: [{ topic: '' }] };
}

export function planValuesOf(p: Pick<PlanDto, 'year' | 'title' | 'unit' | 'items'>): PlanValues {
  return {
    year: p.year,
    title: p.title,
    ...(p.unit ? { unit: p.unit } : {}),
    items: p.items.map((it) => ({
      id: it.id,
      topic: it.topic,
      ...(it.responsibleUnit ? { responsibleUnit: it.responsibleUnit } : {}),
      ...(it.plannedMonth ? { plannedMonth: it.plannedMonth } : {}),
      ...(it.laws.length ? { laws: it.laws } : {}),
      ...(it.notes ? { notes: it.notes } : {}),
    })),
  };
}

/** What a save sends; an item left blank is sent blank, to be refused beside its field. */
export function planInputOf(v: PlanValues): Record<string, unknown> {
  const t = (s: string | undefined) => s?.trim() || undefined;
  return {
    ...(v.year !== null && v.year !== undefined ? { year: v.year } : {}),
    title: (v.title ?? '').trim(),
    ...(t(v.unit) ? { unit: t(v.unit) } : {}),
    items: (v.items ?? []).map((i) => ({
      ...(i.id ? { id: i.id } : {}),
      topic: (i.topic ?? '').trim(),
      ...(t(i.responsibleUnit) ? { responsibleUnit: t(i.responsibleUnit) } : {}),
      ...(i.plannedMonth ? { plannedMonth: i.plannedMonth } : {}),
      ...(i.laws?.length ? { laws: i.laws } : {}),
      ...(t(i.notes) ? { notes: t(i.notes) } : {}),
    })),
  };
}

function formFieldOf(path: FieldIssue['path']): (string | number)[] | undefined {
  const [head, n, field] = path;
  if (head === 'items' && typeof n === 'number' && typeof field === 'string' && ['topic', 'responsibleUnit', 'plannedMonth'].includes(field)) return ['items', n, field];
  if (typeof head === 'string' && ['year', 'title', 'unit'].includes(head) && path.length === 1) return [head];
  return undefined;
}

/** The schema's field errors of the form's values, placed on its fields; none = the plan may be saved. */
export function planFormErrors(v: PlanValues): FormErrors {
  return placeIssues(recordFormIssues('plan', planInputOf(v), false), formFieldOf);
}
