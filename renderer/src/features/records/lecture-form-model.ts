// The 学法/普法活动 form's model, as plain TS: a new form's defaults, a record → values → input
// round trip, and the field errors, which are the record schema's own (shared/record-form.ts — the
// same check records:validate and a save apply), placed on the form's fields. No rule is coded here.

import dayjs, { type Dayjs } from 'dayjs';
import type { LectureDto, MATERIAL_KINDS } from '../../../../electron/shared/api-contract';
import { recordFormIssues, type FieldIssue } from '../../../../electron/shared/record-form';
import { toInput, type FormCitation } from './citation-form-model';
import { placeIssues, type FormErrors } from './record-form-errors';

export interface LectureValues {
  kind: LectureDto['kind'];
  date: Dayjs | null;
  topic: string;
  speakerName?: string;
  speakerOrg?: string;
  location?: string;
  audience?: string;
  headCount?: number | null;
  planItemId?: string;
  notes?: string;
  tags?: string[];
  materials?: { name?: string; kind?: (typeof MATERIAL_KINDS)[number]; copies?: number | null }[];
}

/** What the form sends: the lecture input of the API (the whole record; `laws` is kept by the service). */
export type LectureFormInput = Record<string, unknown>;

export function newLectureValues(today: Dayjs): LectureValues {
  return { kind: '集体学法', date: today, topic: '', headCount: 0, tags: [], materials: [] };
}

export function lectureValuesOf(l: LectureDto): LectureValues {
  return {
    kind: l.kind,
    date: dayjs(l.date),
    topic: l.topic,
    ...(l.speaker ? { speakerName: l.speaker.name, ...(l.speaker.org ? { speakerOrg: l.speaker.org } : {}) } : {}),
    ...(l.location ? { location: l.location } : {}),
    ...(l.audience ? { audience: l.audience } : {}),
    headCount: l.headCount,
    ...(l.planItemId ? { planItemId: l.planItemId } : {}),
    ...(l.notes ? { notes: l.notes } : {}),
    tags: l.tags,
    materials: l.materials.map((m) => ({ name: m.name, kind: m.kind, copies: m.copies })),
  };
}

export function lectureCitesOf(l: LectureDto): FormCitation[] {
  return l.citations.map((c) => ({ saved: c }));
}

/**
 * The input a save sends. Blank optional fields are left out; a required one left blank is sent
 * blank (or missing) so the schema names it, and a material row or a 主讲人单位 without a name is
 * sent as it is, to be refused beside its field rather than dropped unseen.
 */
export function lectureInputOf(v: LectureValues, cites: FormCitation[]): LectureFormInput {
  const t = (s: string | undefined) => s?.trim() || undefined;
  const speakerName = t(v.speakerName);
  const speakerOrg = t(v.speakerOrg);
  return {
    kind: v.kind,
    ...(v.date ? { date: v.date.format('YYYY-MM-DD') } : {}),
    topic: (v.topic ?? '').trim(),
    ...(speakerName || speakerOrg ? { speaker: { name: speakerName ?? '', ...(speakerOrg ? { org: speakerOrg } : {}) } } : {}),
    ...(t(v.location) ? { location: t(v.location) } : {}),
    ...(t(v.audience) ? { audience: t(v.audience) } : {}),
    headCount: v.headCount ?? 0,
    ...(v.planItemId ? { planItemId: v.planItemId } : {}),
    ...(t(v.notes) ? { notes: t(v.notes) } : {}),
    tags: v.tags ?? [],
    materials: (v.materials ?? []).map((m) => ({ name: (m.name ?? '').trim(), kind: m.kind ?? '其他', copies: m.copies ?? 0 })),
    citations: cites.map(toInput),
  };
}

/** Where an input path is shown in the form (the speaker is two fields there). */
function formFieldOf(path: FieldIssue['path']): (string | number)[] | undefined {
  const [head, ...rest] = path;
  if (head === 'speaker') return rest[0] === 'org' ? ['speakerOrg'] : ['speakerName'];
  if (head === 'materials' && typeof rest[0] === 'number' && typeof rest[1] === 'string') return ['materials', rest[0], rest[1]];
  if (head === 'tags') return ['tags'];
  if (typeof head === 'string' && ['kind', 'date', 'topic', 'location', 'audience', 'headCount', 'planItemId', 'notes'].includes(head)) return [head];
  return undefined;
}

/** The schema's field errors of the form's values, placed on its fields; none = the form may be saved. */
export function lectureFormErrors(v: LectureValues, cites: FormCitation[]): FormErrors {
  return placeIssues(recordFormIssues('lecture', lectureInputOf(v, cites), false), formFieldOf);
}
