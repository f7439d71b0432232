// Shared by the bundle tests and the crash harness: a temporary library with real laws and the
// office's seed records (reviews, lectures, a plan, an attachment), and a byte-for-byte snapshot.
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { importPaths } from '../../../electron/core/library/library-import';
import { openLibrary } from '../../../electron/core/library/open-library';
import type { LibraryStore } from '../../../electron/core/library/library-store';
import { RecordsService } from '../../../electron/core/records/records-service';

export const ROOT = join(import.meta.dirname, '../../..');
export const RECORD_LAWS = join(ROOT, 'test/fixtures/records/laws');
export const SEED = join(ROOT, 'test/fixtures/records/seed-2020.json');

export function tmp(prefix = 'lawdesk-bundle-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A library with the records fixture laws; with records: the 2020 seed and one attachment. */
export async function makeLibrary(dir: string, opts: { records?: boolean; now?: () => Date } = {}): Promise<{ store: LibraryStore; service?: RecordsService }> {
  const { store } = await openLibrary({ dir, seed: false, ...(opts.now ? { now: opts.now } : {}) });
  await importPaths(store, [RECORD_LAWS]);
  if (!opts.records) return { store };
  const service = await RecordsService.open(store, { actor: '测试' });
  await service.importBundle(JSON.parse(readFileSync(SEED, 'utf8')));
  const review = (await service.listReviews()).find((r) => r.status !== '已归档')!;
  const att = join(dir, '..', `意见书-${Math.random().toString(16).slice(2)}.txt`);
  writeFileSync(att, `关于《${review.title}》的合法性审查意见书\n`);
  await service.updateReview(review.id, { status: review.status, attachments: [...review.attachments, { path: att, name: '审查意见书.txt' }] });
  return { store, service };
}

/** Every file under dir (relative path → base64), for byte-for-byte comparison. */
export function snapshot(dir: string, skip: (rel: string) => boolean = () => false): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      const rel = relative(dir, p);
      if (skip(rel)) continue;
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else out.set(rel, readFileSync(p).toString('base64'));
    }
  };
  walk(dir);
  return out;
}
