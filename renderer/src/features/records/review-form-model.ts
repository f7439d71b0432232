// The 合法性审查 form's model, as plain TS: the form's values from a record and back to the
// service's input, the citations per section, and the field errors — the review schema's own
// (shared/record-form.ts, as records:validate and a save apply them), placed on the form's fields.
// No rule or limit is coded here: what else is wrong or worth a warning (dates in order, a
// conclusion once the opinion is issued, 30 days of 公开征求意见) is asked of the service.

import dayjs, { type Dayjs } from 'dayjs';
import { PROCEDURE_CHECKS, type ADVISER_ROLES, type ApiOutput, type CitationDto, type ReviewDto, type ReviewInputDto } from '../../../../electron/shared/api-contract';
import { materialsFor, proceduresFor } from '../../../../electron/shared/review-materials';
import { recordFormIssues, type FieldIssue } from '../../../../electron/shared/record-form';
import { toInput, type FormCitation } from './citation-form-model';
import { placeIssues, type FormErrors } from './record-form-errors';

export type Section = 'authority' | 'procedure' | 'content' | 'opinion' | 'basis';

export interface Values {
  type: ReviewDto['type'];
  title: string;
  refNo?: string;
  leadUnit: string;
  receivedDate: Dayjs;
  /** 最早届满: computed by the service, shown only. */
  dueDate?: Dayjs | null;
  unitDeadline?: Dayjs | null;
  completedDate?: Dayjs | null;
  materials: { name: string; provided: boolean; note?: string }[];
  procedures: { check: (typeof PROCEDURE_CHECKS)[number]; applicable: boolean; done: boolean; date?: Dayjs | null; endDate?: Dayjs | null; notes?: string }[];
  authority?: string;
  procedure?: string;
  content?: string;
  opinion?: string;
  adviser?: string;
  adviserRole?: (typeof ADVISER_ROLES)[number];
  conclusion?: ReviewDto['conclusion'];
  adopted?: boolean;
  adoptionNote?: string;
  status: ReviewDto['status'];
  tags: string[];
  notes?: string;
}

const d = (s: string | undefined) => (s ? dayjs(s) : undefined);
const ds = (v: Dayjs | null | undefined) => (v ? v.format('YYYY-MM-DD') : undefined);

/**
 * A new review received on `received`: a 规范性文件 with its default 送审材料 (shared/review-materials)
 * and its 程序 checks (shared/review-materials proceduresFor).
 */
export function newReviewValues(received: Dayjs): Values {
  return {
    type: '规范性文件',
    title: '',
    leadUnit: '',
    receivedDate: received,
    status: '收件',
    tags: [],
    materials: materialsFor('规范性文件'),
    procedures: proceduresFor('规范性文件'),
  };
}

/** The date a review's citations are resolved on: the opinion's date, else the receipt, else today. */
export function recordDateOf(v: Partial<Pick<Values, 'completedDate' | 'receivedDate'>>, today: string): string {
  return ds(v.completedDate) ?? ds(v.receivedDate) ?? today;
}

export function emptyCites(): Record<Section, FormCitation[]> {
  return { authority: [], procedure: [], content: [], opinion: [], basis: [] };
}

export function valuesOf(r: ReviewDto): Values {
  return {
    type: r.type,
    title: r.title,
    ...(r.refNo ? { refNo: r.refNo } : {}),
    leadUnit: r.leadUnit,
    receivedDate: dayjs(r.receivedDate),
    dueDate: d(r.dueDate) ?? null,
    unitDeadline: d(r.unitDeadline) ?? null,
    completedDate: d(r.completedDate) ?? null,
    materials: r.materials,
    procedures: PROCEDURE_CHECKS.map((check) => {
      const p = r.procedures.find((x) => x.check === check);
      return p ? { ...p, date: d(p.date) ?? null, endDate: d(p.endDate) ?? null } : { check, applicable: false, done: false };
    }),
    authority: r.findings.authority.text,
    procedure: r.findings.procedure.text,
    content: r.findings.content.text,
    opinion: r.opinion.text,
    ...(r.opinion.adviser ? { adviser: r.opinion.adviser } : {}),
    ...(r.opinion.adviserRole ? { adviserRole: r.opinion.adviserRole } : {}),
    ...(r.conclusion ? { conclusion: r.conclusion } : {}),
    ...(r.adopted !== undefined ? { adopted: r.adopted } : {}),
    ...(r.adoptionNote ? { adoptionNote: r.adoptionNote } : {}),
    status: r.status,
    tags: r.tags,
    ...(r.notes ? { notes: r.notes } : {}),
  };
}

export function citesOf(r: ReviewDto, flags: ApiOutput<'reviews:get'>['citations']): Record<Section, FormCitation[]> {
  const flagOf = (c: CitationDto) => flags.find((f) => f.citation.versionId === c.versionId && f.citation.articleKey === c.articleKey)?.flag;
  const wrap = (list: CitationDto[]): FormCitation[] => list.map((c) => { const flag = flagOf(c); return flag ? { saved: c, flag } : { saved: c }; });
  return {
    authority: wrap(r.findings.authority.citations),
    procedure: wrap(r.findings.procedure.citations),
    content: wrap(r.findings.content.citations),
    opinion: wrap(r.opinion.citations),
    basis: wrap(r.citations),
  };
}

/**
 * The input a save sends. Blank optional fields are left out; a required one left blank is sent
 * blank (or missing) so the schema names it, and a 送审材料 row without a name is sent as it is, to
 * be refused beside its field rather than dropped unseen.
 */
export function inputOf(v: Values, cites: Record<Section, FormCitation[]>, attachments: ReviewDto['attachments']): ReviewInputDto {
  const text = (s: string | undefined) => (s ?? '').trim();
  const opt = <T,>(k: string, x: T | undefined | null | '') => (x === undefined || x === null || x === '' ? {} : { [k]: x });
  return {
    type: v.type,
    title: (v.title ?? '').trim(),
    ...opt('refNo', v.refNo?.trim()),
    leadUnit: (v.leadUnit ?? '').trim(),
    ...opt('receivedDate', ds(v.receivedDate)),
    ...opt('unitDeadline', ds(v.unitDeadline)),
    ...opt('completedDate', ds(v.completedDate)),
    materials: (v.materials ?? []).map((m) => ({ name: (m.name ?? '').trim(), provided: !!m.provided, ...opt('note', m.note?.trim()) })),
    procedures: v.procedures
      .filter((p) => p.applicable || p.done || p.date || p.notes)
      .map((p) => ({ check: p.check, applicable: !!p.applicable, done: !!p.done, ...opt('date', ds(p.date)), ...opt('endDate', ds(p.endDate)), ...opt('notes', p.notes?.trim()) })),
    findings: {
      authority: { text: text(v.authority), citations: cites.authority.map(toInput) },
      procedure: { text: text(v.procedure), citations: cites.procedure.map(toInput) },
      content: { text: text(v.content), citations: cites.content.map(toInput) },
    },
    opinion: { text: text(v.opinion), citations: cites.opinion.map(toInput), ...opt('adviser', v.adviser?.trim()), ...opt('adviserRole', v.adviserRole) },
    ...opt('conclusion', v.conclusion),
    ...(v.adopted !== undefined ? { adopted: v.adopted } : {}),
    ...opt('adoptionNote', v.adoptionNote?.trim()),
    status: v.status,
    citations: cites.basis.map(toInput),
    attachments,
    tags: v.tags ?? [],
    ...opt('notes', v.notes?.trim()),
  } as ReviewInputDto;
}


const TOP_FIELDS = ['type', 'title', 'refNo', 'leadUnit', 'receivedDate', 'unitDeadline', 'completedDate', 'conclusion', 'adopted', 'adoptionNote', 'notes'];

/** Where an input path is shown in the form; undefined for parts without a field (citations, the status). */
function formFieldOf(input: ReviewInputDto, path: FieldIssue['path']): (string | number)[] | undefined {
  const [head, a, b] = path;
  if (typeof head !== 'string') return undefined;
  if (head === 'tags') return ['tags'];
  if (TOP_FIELDS.includes(head)) return path.length === 1 ? [head] : undefined;
  if (head === 'findings' && typeof a === 'string' && b === 'text') return [a];
  if (head === 'opinion' && a === 'text') return ['opinion'];
  if (head === 'opinion' && (a === 'adviser' || a === 'adviserRole')) return [a];
  if (head === 'materials' && typeof a === 'number' && typeof b === 'string') return ['materials', a, b === 'note' ? 'name' : b];
  if (head === 'procedures' && typeof a === 'number' && typeof b === 'string') {
    // The input lists only the checks in use; the form lists every check in PROCEDURE_CHECKS order.
    const check = input.procedures?.[a]?.check;
    const row = check ? PROCEDURE_CHECKS.indexOf(check) : -1;
    return row >= 0 && ['applicable', 'done', 'date', 'endDate'].includes(b) ? ['procedures', row, b] : undefined;
  }
  return undefined;
}

/** The schema's field errors of the form's values (a new review, or the patch of one being edited), placed on its fields; none = it may be sent. */
export function reviewFormErrors(v: Values, cites: Record<Section, FormCitation[]>, attachments: ReviewDto['attachments'], editing: boolean): FormErrors {
  const input = inputOf(v, cites, attachments);
  return placeIssues(recordFormIssues('review', input, editing), (path) => formFieldOf(input, path));
}
