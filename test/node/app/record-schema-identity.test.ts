// One definition of each record shape: the API contract's record schemas are the very objects the
// core's store and service use (electron/shared/record-schema.ts), and a record written through the
// core — as `lawdesk review add` writes it — at the core's limits opens, and is saved back, through
// the app's API. Before, the contract re-declared every record shape with its own caps.

import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppService } from '../../../electron/core/api/app-service';
import { openLibrary } from '../../../electron/core/library/open-library';
import * as core from '../../../electron/core/records/record-types';
import { RecordsService } from '../../../electron/core/records/records-service';
import { RecordsError } from '../../../electron/core/records/records-errors';
import * as contract from '../../../electron/shared/api-contract';
import { LIMITS } from '../../../electron/shared/limits';
import { openTestApp } from '../test-app';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/app');
const L = LIMITS.record;
let tmp: string;
let svc: AppService;
let cli: RecordsService;

beforeEach(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'lawdesk-record-schema-'));
  const starter = join(tmp, 'starter');
  cpSync(join(FIXTURES, 'laws'), starter, { recursive: true });
  svc = await openTestApp(tmp, { starterDir: starter });
  // A second opening of the same library, as the CLI does it.
  const { store } = await openLibrary({ dir: join(tmp, 'library'), seed: false });
  cli = await RecordsService.open(store, { actor: 'cli' });
});
afterEach(() => {
  svc.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('the contract’s record schemas are core’s', () => {
  it('stored shapes, inputs and enums are the same objects', () => {
    expect(contract.lectureSchema).toBe(core.LectureSchema);
    expect(contract.changeEntrySchema).toBe(core.ChangeEntrySchema);
    expect(contract.flagSchema).toBe(core.FlagSchema);
    expect(contract.reviewInputSchema).toBe(core.ReviewFormSchema);
    expect(contract.lectureInputSchema).toBe(core.LectureFormSchema);
    expect(contract.planInputSchema).toBe(core.PlanFormSchema);
    expect(contract.REVIEW_TYPES).toBe(core.REVIEW_TYPES);
    expect(contract.LECTURE_KINDS).toBe(core.LECTURE_KINDS);
    // The API's review adds only what the app derives; every stored field is core's own schema.
    for (const [k, field] of Object.entries(core.LegalityReviewSchema.shape)) expect(contract.reviewSchema.shape[k as keyof typeof contract.reviewSchema.shape], k).toBe(field);
    expect(contract.planSchema.shape.items).toBe(core.StudyPlanSchema.shape.items);
    // Core's inputs take the shared fields and add only defaults and file attachments.
    for (const k of ['title', 'leadUnit', 'refNo', 'notes', 'materials', 'opinion', 'conclusion'] as const) expect(core.ReviewInputSchema.shape[k], k).toBe(core.reviewInputFields[k]);
  });
});

describe('a record at the core’s limits round-trips through the API', () => {
  const atLimits = () => ({
    type: '规范性文件' as const,
    title: '审'.repeat(L.title),
    refNo: '号'.repeat(L.refNo),
    leadUnit: '单'.repeat(L.unit),
    receivedDate: '2024-03-01',
    notes: '注'.repeat(L.notes),
    adoptionNote: '采'.repeat(L.shortNotes),
    tags: Array.from({ length: L.tags }, (_, i) => `${i}`.padEnd(L.tag, '签')),
    materials: Array.from({ length: L.materials }, (_, i) => ({ name: `${i}`.padEnd(L.materialName, '材'), provided: i % 2 === 0, note: '备'.repeat(L.line) })),
    findings: { content: { text: '容'.repeat(L.text), citations: [{ law: '统计法', article: '第七条' }] } },
    opinion: { text: '意'.repeat(L.text), adviser: '顾'.repeat(L.person), adviserRole: '公职律师' as const },
  });

  it('a review written by the CLI opens with reviews:get and is saved back whole with reviews:update', async () => {
    const { record } = await cli.createReview(atLimits());
    const got = await svc.call('reviews:get', { id: record.id });
    expect(got.review.title).toHaveLength(L.title);
    expect(got.review.materials).toHaveLength(L.materials);
    expect(got.review.findings.content.citations[0]!.label).toBe('第七条');
    // The form sends the record back as it got it (minus what the app derives).
    const { id, revision, createdAt, createdBy, updatedAt, updatedBy, overdue, onTime, workingDaysLeft, flag, ...fields } = got.review;
    void [id, createdAt, createdBy, updatedAt, updatedBy, overdue, onTime, workingDaysLeft, flag];
    const saved = await svc.call('reviews:update', { id: record.id, patch: { ...fields, status: '审查中' }, expectedRevision: revision });
    expect(saved.record.revision).toBe(revision + 1);
    expect(saved.record.findings.content.text).toHaveLength(L.text);
  });

  it('one character over a limit is refused by the CLI and by the API alike', async () => {
    const over = { ...atLimits(), title: '审'.repeat(L.title + 1) };
    await expect(cli.createReview(over)).rejects.toBeInstanceOf(RecordsError);
    await expect(svc.call('reviews:create', { input: over })).rejects.toMatchObject({ code: 'INVALID' });
  });

  it('a lecture at the limits (headcount, 50 materials) written by the CLI opens with lectures:get', async () => {
    const { record } = await cli.createLecture({
      kind: '法律进社区',
      date: '2024-05-06',
      topic: '讲'.repeat(L.title),
      headCount: L.headCount,
      laws: ['统计法'],
      materials: Array.from({ length: L.materials }, (_, i) => ({ name: `宣传册${i}`, kind: '宣传册' as const, copies: L.headCount })),
    });
    const got = await svc.call('lectures:get', { id: record.id });
    expect(got.headCount).toBe(L.headCount);
    expect(got.materials).toHaveLength(L.materials);
    const { id, revision, createdAt, createdBy, updatedAt, updatedBy, ...fields } = got;
    void [id, createdAt, createdBy, updatedAt, updatedBy];
    const saved = await svc.call('lectures:update', { id: record.id, patch: fields, expectedRevision: revision });
    expect(saved.record.materials).toHaveLength(L.materials);
  });
});
