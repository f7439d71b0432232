// A fresh library per test from the real laws in test/fixtures/review/laws (行政许可法, 行政处罚法,
// 行政强制法, 行政复议法, 立法法 2015/2023, 公平竞争审查条例, 促进科技成果转化法, 科学技术进步法, 统计法
// 2009/2024, 重大行政决策程序暂行条例, 优化营商环境条例, and 山东/淄博 rules incl. the repealed
// 山东省无线电管理条例), and the 送审稿 fixtures of test/fixtures/drafts with their planted problems.

import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'vitest';
import { importPaths } from '../../../electron/core/library/library-import';
import { openLibrary } from '../../../electron/core/library/open-library';
import type { LibraryStore } from '../../../electron/core/library/library-store';
import { RecordsService } from '../../../electron/core/records/records-service';
import { ReviewWorkbench } from '../../../electron/core/review/workbench-service';
import type { DraftKind } from '../../../electron/shared/review-workbench';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const REVIEW_LAWS = join(ROOT, 'test/fixtures/review/laws');
/** 民法典, 民事诉讼法 2023, 仲裁法 and its 2006 解释, 政府采购法, 合同编通则解释: the bases of the contract rules. */
export const CONTRACT_LAWS = join(ROOT, 'test/fixtures/review/contract-laws');
export const DRAFTS = join(ROOT, 'test/fixtures/drafts');
export const RULES = join(ROOT, 'resources/review-rules');
/** The list typed by hand before chinese-days (2019–2026); records-test-support uses the same. */
export const HOLIDAYS = join(ROOT, 'test/fixtures/records/holidays-cn-hand-2019-2026.json');

export interface ReviewLibrary {
  dir: string;
  store: LibraryStore;
  svc: RecordsService;
  cleanup(): void;
}

/** `contracts`: also the laws of the contract rules (a larger import, so only where a test needs them). */
export async function makeReviewLibrary(now = new Date('2026-03-01T02:00:00Z'), opts: { contracts?: boolean } = {}): Promise<ReviewLibrary> {
  const dir = mkdtempSync(join(tmpdir(), 'lawdesk-review-'));
  const { store } = await openLibrary({ dir, seed: false, now: () => now });
  const report = await importPaths(store, opts.contracts ? [REVIEW_LAWS, CONTRACT_LAWS] : [REVIEW_LAWS]);
  if (report.failed.length) throw new Error(`fixture import failed: ${JSON.stringify(report.failed)}`);
  const svc = await RecordsService.open(store, { actor: '测试员', holidaysFile: HOLIDAYS });
  return { dir, store, svc, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A review library, its workbench and one 规范性文件 review (高青县科技创新券管理办法（征求意见稿）, 高新技术科,
 * received 2026-02-24, with `review`'s fields over these) whose first draft is `draftFile` of DRAFTS.
 */
export async function makeDraftReview(draftFile: string, review: Record<string, unknown> = {}): Promise<{ lib: ReviewLibrary; wb: ReviewWorkbench; reviewId: string }> {
  const lib = await makeReviewLibrary();
  const wb = new ReviewWorkbench(lib.store, lib.svc, { rulesDir: RULES });
  const r = await lib.svc.createReview({ type: '规范性文件', title: '高青县科技创新券管理办法（征求意见稿）', leadUnit: '高新技术科', receivedDate: '2026-02-24', ...review });
  await wb.drafts.addDraft(r.record.id, join(DRAFTS, draftFile));
  return { lib, wb, reviewId: r.record.id };
}

/**
 * `it` for the tests of a file that share one review of `draftFile` (as `makeDraftReview`): a test names
 * what it uses (`async ({ wb, reviewId }) => …`); the review is made for the first test that asks and its
 * library removed after the file's last test. Tests that ask for none never make it.
 */
export function draftReviewTest(draftFile: string, review: Record<string, unknown> = {}) {
  return (
    test
      // eslint-disable-next-line no-empty-pattern -- vitest reads what a fixture needs from this pattern
      .extend('made', { scope: 'file' }, async ({}, { onCleanup }) => {
        const made = await makeDraftReview(draftFile, review);
        onCleanup(() => made.lib.cleanup());
        return made;
      })
      .extend('lib', { scope: 'file' }, async ({ made }) => made.lib)
      .extend('wb', { scope: 'file' }, async ({ made }) => made.wb)
      .extend('reviewId', { scope: 'file' }, async ({ made }) => made.reviewId)
  );
}

export interface PlantedDraft {
  file: string;
  name: string;
  kind: DraftKind;
  asOf: string;
  planted: { rule: string; article: string | null; what: string }[];
  /** Findings the labeller accepts either way: neither a miss nor a false finding. */
  debatable?: { rule: string; article: string | null; what: string }[];
}

export function draftFixtures(dir = DRAFTS): PlantedDraft[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.expected.json'))
    .sort()
    .map((n) => {
      const base = n.replace(/\.expected\.json$/, '');
      const file = readdirSync(dir).find((f) => f.startsWith(base + '.') && !f.endsWith('.json'))!;
      const exp = JSON.parse(readFileSync(join(dir, n), 'utf8')) as Omit<PlantedDraft, 'file' | 'name'>;
      return { ...exp, file: join(dir, file), name: file };
    });
}
