// A long bundle export or import hands the event loop back between files, so the app keeps
// answering and its progress events get out while it runs; the result is the same as ever.

import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportBundle } from '../../../electron/core/bundles/bundle-export';
import { importBundle } from '../../../electron/core/bundles/bundle-import';
import { openLibrary } from '../../../electron/core/library/open-library';
import { addCopies } from '../library-copies';
import { makeLibrary, tmp } from './bundle-helpers';

const dir = tmp('lawdesk-bundle-slices-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `job` with a 1 ms interval ticking; returns the timeline of ticks and progress phases. */
async function withTicks(job: (onProgress: (p: { phase: string }) => void) => Promise<unknown>): Promise<string[]> {
  const timeline: string[] = [];
  const tick = setInterval(() => timeline.push('tick'), 1);
  try {
    await job((p) => timeline.push(p.phase));
  } finally {
    clearInterval(tick);
  }
  return timeline;
}

/** Ticks between two points of the timeline: timers that ran while that part of the job did. */
const ticksBetween = (timeline: string[], from: number, to: number) => timeline.slice(from, to).filter((x) => x === 'tick').length;

describe('bundles in time slices', () => {
  it('export and import of a few hundred versions let timers run between files', async () => {
    const { store } = await makeLibrary(join(dir, 'a'));
    await addCopies(store, 60, 'b');
    const versions = store.versions().length;
    expect(versions).toBeGreaterThan(300);
    const out = join(dir, 'all.lawdesk');
    let exported: Awaited<ReturnType<typeof exportBundle>> | undefined;
    const exportLine = await withTicks(async (onProgress) => {
      exported = await exportBundle(store, { records: false, out, onProgress });
    });
    expect(exported!.versions).toBe(versions);
    // while the files were written (between the first and the last 'write' progress)
    expect(ticksBetween(exportLine, exportLine.indexOf('write'), exportLine.lastIndexOf('write'))).toBeGreaterThan(0);

    const { store: other } = await openLibrary({ dir: join(dir, 'b'), seed: false });
    const importLine = await withTicks(async (onProgress) => {
      await importBundle(other, out, { onProgress });
    });
    // while the bodies were written (after the last 'write' progress, before the catalog commit)
    expect(ticksBetween(importLine, importLine.lastIndexOf('write'), importLine.indexOf('commit'))).toBeGreaterThan(0);
    expect(other.versions().map((v) => v.id).sort()).toEqual(store.versions().map((v) => v.id).sort());
  });
});
