// Unsaved edits of a 合法性审查 form meeting a newer saved revision (the CLI, another window, or the
// page's own attachment upload saved one while the form was being edited): a three-way merge per
// field against the revision the form was loaded from. A field only one side changed takes that
// side; a field both changed differently is a conflict the user decides (载入新版本 / 保留我的修改),
// so unsaved edits are never silently replaced. Plain TS, no React.

import type { ReviewDto } from '../../../../electron/shared/api-contract';
import { citationKeyOf, type FormCitation } from './citation-form-model';
import { inputOf, type Section, type Values } from './review-form-model';

/** What the form holds: its values (with the status) and the citations per section. */
export interface ReviewFormState {
  values: Values;
  cites: Record<Section, FormCitation[]>;
}

type Input = ReturnType<typeof inputOf>;

interface Unit {
  label: string;
  /** The part compared, taken from the normalized input (dates as text, blanks dropped). */
  key: (i: Input, s: ReviewFormState) => unknown;
  /** The part as told to the user on a conflict, when the compared form would not read well. */
  show?: (s: ReviewFormState) => unknown;
  /** Copies the part from `from` into `into`. */
  take: (into: ReviewFormState, from: ReviewFormState) => void;
}

const field = (label: string, name: keyof Values, key: (i: Input) => unknown, also: (keyof Values)[] = []): Unit => ({
  label,
  key: (i) => key(i),
  take: (into, from) => {
    for (const k of [name, ...also]) (into.values as unknown as Record<string, unknown>)[k] = from.values[k];
  },
});

const citesUnit = (label: string, section: Section): Unit => ({
  label,
  key: (_i, s) => s.cites[section].map(citationKeyOf),
  show: (s) => s.cites[section].map((c) => ('saved' in c ? c.saved.citation : c.display)),
  take: (into, from) => {
    into.cites[section] = from.cites[section];
  },
});

// Each field of the form once, named as the form labels it. 最早届满 follows 收件日期 (it is computed
// from it); attachments are not here: an upload is saved at once, so the newer revision's list is
// always the one to show.
const UNITS: Unit[] = [
  field('审查事项', 'title', (i) => i.title),
  field('类型', 'type', (i) => i.type),
  field('承办单位', 'leadUnit', (i) => i.leadUnit),
  field('文号 / 编号', 'refNo', (i) => i.refNo),
  field('标签', 'tags', (i) => i.tags),
  field('收件日期', 'receivedDate', (i) => i.receivedDate, ['dueDate']),
  field('单位确定的审查期限', 'unitDeadline', (i) => i.unitDeadline),
  field('出具意见日期', 'completedDate', (i) => i.completedDate),
  field('送审材料', 'materials', (i) => i.materials),
  field('程序审查', 'procedures', (i) => i.procedures),
  field('权限', 'authority', (i) => i.findings?.authority?.text),
  citesUnit('权限的引用条文', 'authority'),
  field('程序', 'procedure', (i) => i.findings?.procedure?.text),
  citesUnit('程序的引用条文', 'procedure'),
  field('内容', 'content', (i) => i.findings?.content?.text),
  citesUnit('内容的引用条文', 'content'),
  citesUnit('法律依据', 'basis'),
  field('审查意见', 'opinion', (i) => i.opinion?.text),
  citesUnit('审查意见的引用条文', 'opinion'),
  field('审查人', 'adviser', (i) => i.opinion?.adviser),
  field('身份', 'adviserRole', (i) => i.opinion?.adviserRole),
  field('审查结论', 'conclusion', (i) => i.conclusion),
  field('承办单位是否采纳', 'adopted', (i) => i.adopted),
  field('采纳情况说明', 'adoptionNote', (i) => i.adoptionNote),
  field('备注', 'notes', (i) => i.notes),
  field('状态', 'status', (i) => i.status),
];

export interface ReviewMerge {
  /** Mine where I changed a field, theirs elsewhere; on a conflict, mine. */
  merged: ReviewFormState;
  /** Fields both sides changed differently, with each side's value as compared: the user chooses. */
  conflicts: { label: string; mine: unknown; theirs: unknown }[];
  /** Fields the newer revision changed that the merge took over. */
  taken: string[];
  /** Whether the merged form differs from the newer revision (there is still something to save). */
  unsaved: boolean;
}

const NO_ATTACHMENTS: ReviewDto['attachments'] = [];
const keysOf = (s: ReviewFormState) => {
  const input = inputOf(s.values, s.cites, NO_ATTACHMENTS);
  return UNITS.map((u) => JSON.stringify(u.key(input, s) ?? null));
};

/** Three-way merge of the form's edits (`mine`, loaded from `base`) with a newer saved revision (`theirs`). */
export function mergeReviewEdits(base: ReviewFormState, mine: ReviewFormState, theirs: ReviewFormState): ReviewMerge {
  const [b, m, t] = [keysOf(base), keysOf(mine), keysOf(theirs)];
  const merged: ReviewFormState = { values: { ...mine.values }, cites: { ...mine.cites } };
  const conflicts: ReviewMerge['conflicts'] = [];
  const taken: string[] = [];
  let unsaved = false;
  UNITS.forEach((u, i) => {
    if (m[i] === t[i]) return;
    if (m[i] === b[i]) {
      u.take(merged, theirs);
      taken.push(u.label);
      return;
    }
    unsaved = true;
    if (t[i] !== b[i]) conflicts.push({ label: u.label, mine: u.show ? u.show(mine) : JSON.parse(m[i]!), theirs: u.show ? u.show(theirs) : JSON.parse(t[i]!) });
  });
  return { merged, conflicts, taken, unsaved };
}

/** Whether two form states would save the same record (the fields the form edits). */
export function sameReviewForm(a: ReviewFormState, b: ReviewFormState): boolean {
  const [x, y] = [keysOf(a), keysOf(b)];
  return x.every((k, i) => k === y[i]);
}
