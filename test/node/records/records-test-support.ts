// A fresh library per test, built from the few real laws copied into test/fixtures/records/laws
// (统计法 2009 and 2024, 行政许可法, 保守国家秘密法 2010 and 2024, 重大行政决策程序暂行条例, 宪法,
// and two parts of 民法典: 继承编 and 附则).

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importPaths } from '../../../electron/core/library/library-import';
import { openLibrary } from '../../../electron/core/library/open-library';
import type { LibraryStore } from '../../../electron/core/library/library-store';
import { RecordsService } from '../../../electron/core/records/records-service';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const FIXTURES = join(ROOT, 'test/fixtures/records');
export const LAWS = join(FIXTURES, 'laws');
/** The hand-typed list the app used before chinese-days (2019–2026), kept to compare against. */
export const HOLIDAYS = join(ROOT, 'test/fixtures/records/holidays-cn-hand-2019-2026.json');

/** "Today" in the tests: 2021-03-01, after the seeded year. */
export const NOW = new Date('2021-03-01T02:00:00Z');

export interface TestLibrary {
  dir: string;
  store: LibraryStore;
  svc: RecordsService;
  cleanup(): void;
}

export async function makeLibrary(opts: { now?: Date; maxAttachmentBytes?: number; lawsDir?: string } = {}): Promise<TestLibrary> {
  const dir = mkdtempSync(join(tmpdir(), 'lawdesk-records-'));
  const now = opts.now ?? NOW;
  const { store } = await openLibrary({ dir, seed: false, now: () => now });
  const report = await importPaths(store, [opts.lawsDir ?? LAWS]);
  if (report.failed.length) throw new Error(`fixture import failed: ${JSON.stringify(report.failed)}`);
  const svc = await RecordsService.open(store, {
    actor: '测试员',
    holidaysFile: HOLIDAYS,
    ...(opts.maxAttachmentBytes ? { maxAttachmentBytes: opts.maxAttachmentBytes } : {}),
  });
  return { dir, store, svc, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function seed(): unknown {
  return JSON.parse(readFileSync(join(FIXTURES, 'seed-2020.json'), 'utf8'));
}

export function lawId(store: LibraryStore, shortTitle: string): string {
  const law = store.laws().find((l) => l.shortTitle === shortTitle);
  if (!law) throw new Error(`no ${shortTitle} in the test library`);
  return law.id;
}

/** A minimal valid review input. */
export function reviewInput(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: '规范性文件',
    title: '高青县科技创新券管理暂行办法（送审稿）',
    leadUnit: '高新技术科',
    receivedDate: '2020-04-13',
    ...over,
  };
}
