// One clock: every date the library decides is the calendar day in the office's zone
// (Asia/Shanghai by default), also between 00:00 and 08:00 Beijing time when UTC is still yesterday.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dateInZone, dateTimeInZone } from '../../../electron/shared/office-clock';
import { LibraryStore } from '../../../electron/core/library/library-store';
import { writeOffice } from '../../../electron/core/office/office-file';
import { PackStore } from '../../../electron/core/packs/pack-store';
import { packFromTemplate } from '../../../electron/core/packs/pack-model';
import { OfficeProfilePatchSchema } from '../../../electron/shared/office-profile';

const work = mkdtempSync(join(tmpdir(), 'lawdesk-clock-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('office clock', () => {
  it('makes one formatter per zone, not one per date asked (a list of 400 reviews asks today() for each)', () => {
    const Real = Intl.DateTimeFormat;
    let made = 0;
    class Counted extends Real {
      constructor(...args: ConstructorParameters<typeof Real>) {
        super(...args);
        made++;
      }
    }
    (Intl as { DateTimeFormat: unknown }).DateTimeFormat = Counted;
    try {
      const days = new Set<string>();
      for (let i = 0; i < 200; i++) days.add(dateInZone(new Date(Date.UTC(2026, 0, 1) + i * 3_600_000), i % 2 ? 'Asia/Urumqi' : 'Asia/Shanghai'));
      for (let i = 0; i < 50; i++) dateTimeInZone(new Date(Date.UTC(2026, 0, 1) + i * 60_000), 'Asia/Urumqi');
      expect(days.size).toBe(9); // 2026-01-01 … 2026-01-09: still the right days
      expect(made).toBeLessThanOrEqual(3); // at most one each: day in Shanghai, day in Urumqi, moment in Urumqi
      expect(() => dateInZone(new Date(), 'Mars/Olympus')).toThrow(RangeError); // an unknown zone still refused
    } finally {
      (Intl as { DateTimeFormat: unknown }).DateTimeFormat = Real;
    }
  });

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

// The machine in UTC (as CI and a server are): its local date at 00:30 Beijing time is yesterday.
const AT_0030 = new Date('2026-03-31T16:30:00Z'); // 2026-04-01 00:30 in Beijing
const AT_2330 = new Date('2026-04-01T15:30:00Z'); // 2026-04-01 23:30 in Beijing

describe('the office time zone is a setting of the library (office.json)', () => {
  it('decides today for the store, and a bad zone name is refused by the contract', async () => {
    const store = await LibraryStore.open(join(work, 'tz'), { now: () => AT_0030 });
    expect(store.timeZone()).toBe('Asia/Shanghai');
    expect(store.today()).toBe('2026-04-01');
    await writeOffice(store, { timeZone: 'Europe/London' });
    expect(store.today()).toBe('2026-03-31');
    await writeOffice(store, { unit: '高青县科学技术局' }); // another field: the zone stays
    expect(store.timeZone()).toBe('Europe/London');
    await writeOffice(store, { timeZone: 'Asia/Shanghai' });
    expect(store.today()).toBe('2026-04-01');
    await expect(writeOffice(store, { timeZone: 'Beijing' })).rejects.toThrow(/时区/);
    expect(OfficeProfilePatchSchema.safeParse({ timeZone: 'Asia/Shanghai; rm -rf' }).success).toBe(false);
    expect(OfficeProfilePatchSchema.safeParse({ timeZone: 'Asia/Urumqi' }).success).toBe(true);
  });
});

describe('packs are dated by the office clock, not the machine zone', () => {
  for (const [name, at] of [['00:30', AT_0030], ['23:30', AT_2330]] as const) {
    it(`a pack made at ${name} Beijing time on a UTC machine is dated 2026-04-01`, async () => {
      const tz = process.env.TZ;
      process.env.TZ = 'UTC';
      try {
        expect(at.getDate()).toBe(name === '00:30' ? 31 : 1); // the machine's own idea of the day
        const store = await LibraryStore.open(join(work, `pack-${name.replace(':', '')}`), { now: () => at });
        const packs = await PackStore.open(store.dir, { lock: store.lock, now: () => at, today: () => store.today() });
        const p = await packs.create(packFromTemplate('年度学法清单', '学法清单', store.today()));
        expect([p.asOf, p.cover.date]).toEqual(['2026-04-01', '2026-04-01']);
        expect(p.items).toContainEqual(expect.objectContaining({ type: 'stats', year: 2026 }));
        // A pack sent without asOf (the CLI, the app's 新建) gets the office date too.
        expect((await packs.create({ title: '无日期' })).asOf).toBe('2026-04-01');
      } finally {
        if (tz === undefined) delete process.env.TZ;
        else process.env.TZ = tz;
      }
    });
  }
});

describe('时效性 follows the day, not the day of the last write', () => {
  it('a version whose 施行日期 comes while the app is open, or between two opens, is 现行有效 from that day and the one it replaces 已修改', async () => {
    const { openLibrary } = await import('../../../electron/core/library/open-library');
    const { importPaths } = await import('../../../electron/core/library/library-import');
    const { AppService } = await import('../../../electron/core/api/app-service');
    const { MemorySettingsStore } = await import('../../../electron/core/api/settings-file');
    let now = new Date('2024-09-12T04:00:00Z'); // 12:00 in Beijing, the day before 统计法's 2024 amendment
    const dir = join(work, 'day');
    const { store } = await openLibrary({ dir, seed: false, now: () => now });
    await importPaths(store, [join(import.meta.dirname, '../../fixtures/laws')]);
    const statusOf = (s: LibraryStore, published: string) => s.versions().find((v) => v.title === '中华人民共和国统计法' && v.published === published)!.status;
    expect([statusOf(store, '2009-06-27'), statusOf(store, '2024-09-13')]).toEqual(['现行有效', '尚未生效']);
    const amended = store.versions().find((v) => v.title === '中华人民共和国统计法' && v.published === '2024-09-13')!.id;
    const app = new AppService({ store, settings: new MemorySettingsStore(), face: 'browser', exportDir: join(work, 'day-exports'), stagingRoot: join(work, 'day-staging') });
    await app.searchReady();
    const facet = async () => (await app.call('search:query', { q: '统计调查', statuses: ['尚未生效'] })).total;
    expect(await facet()).toBeGreaterThan(0);

    // Left open overnight: the next call, at 09:00 on the day, sees the amendment in force.
    now = new Date('2024-09-13T01:00:00Z');
    expect((await app.call('version:get', { versionId: amended })).meta.status).toBe('现行有效');
    expect(statusOf(store, '2009-06-27')).toBe('已修改');
    expect(await facet()).toBe(0); // the search's 时效性 filter follows

    // Opened again on a later day from what was written the day before (nothing written since).
    now = new Date('2024-09-12T04:00:00Z');
    const dir2 = join(work, 'day2');
    const first = await openLibrary({ dir: dir2, seed: false, now: () => now });
    await importPaths(first.store, [join(import.meta.dirname, '../../fixtures/laws')]);
    expect(statusOf(first.store, '2024-09-13')).toBe('尚未生效');
    const later = await LibraryStore.open(dir2, { now: () => new Date('2024-09-14T01:00:00Z') });
    expect([statusOf(later, '2009-06-27'), statusOf(later, '2024-09-13')]).toEqual(['已修改', '现行有效']);
  });
});
