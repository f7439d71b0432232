// One clock: every date the library decides is the calendar day in the office's zone
// (Asia/Shanghai by default), also between 00:00 and 08:00 Beijing time when UTC is still yesterday.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dateInZone } from '../../../electron/shared/office-clock';
import { LibraryStore } from '../../../electron/core/library/library-store';

const work = mkdtempSync(join(tmpdir(), 'lawdesk-clock-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('office clock', () => {
  it('gives the Beijing date at 00:30 and 23:30 Beijing time', () => {
    expect(dateInZone(new Date('2026-03-31T16:30:00Z'))).toBe('2026-04-01'); // 00:30 Beijing
    expect(dateInZone(new Date('2026-04-01T15:30:00Z'))).toBe('2026-04-01'); // 23:30 Beijing
    expect(dateInZone(new Date('2026-03-31T16:30:00Z'), 'UTC')).toBe('2026-03-31');
  });

  it('the library store decides today in the office zone (configurable)', async () => {
    const at0030 = await LibraryStore.open(join(work, 'a'), { now: () => new Date('2026-03-31T16:30:00Z') });
    expect(at0030.today()).toBe('2026-04-01');
    const at2330 = await LibraryStore.open(join(work, 'b'), { now: () => new Date('2026-04-01T15:30:00Z') });
    expect(at2330.today()).toBe('2026-04-01');
    const utc = await LibraryStore.open(join(work, 'c'), { now: () => new Date('2026-03-31T16:30:00Z'), timeZone: 'UTC' });
    expect(utc.today()).toBe('2026-03-31');
  });
});

describe('version status decided at 00:30 Beijing time', () => {
  it('a version in force from today is 现行有效, not 尚未生效', async () => {
    const { openLibrary } = await import('../../../electron/core/library/open-library');
    const { importPaths } = await import('../../../electron/core/library/library-import');
    const { store } = await openLibrary({ dir: join(work, 'v'), seed: false, now: () => new Date('2024-09-12T16:30:00Z') });
    await importPaths(store, [join(import.meta.dirname, '../../fixtures/laws')]);
    const v2024 = store.versions().find((v) => v.title === '中华人民共和国统计法' && v.published === '2024-09-13')!;
    expect(store.version(v2024.id)!.status).toBe('现行有效');
  });
});
