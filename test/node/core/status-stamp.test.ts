// library.json keeps the day its 时效性 were derived for (statusesDerived): an open on a day with the same
// statuses takes them as written; a new start date reached, a version changed, a stamp of the wrong shape,
// edited by hand, from a later day or missing (an older LawDesk's catalog) makes the open derive them again.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importPaths } from '../../../electron/core/library/library-import';
import { LibraryStore } from '../../../electron/core/library/library-store';
import { openLibrary } from '../../../electron/core/library/open-library';
import { checkLibrary } from '../../../electron/core/library/library-check';

const LAWS = join(import.meta.dirname, '../../fixtures/laws/经济法');
const FILES = ['统计法(2009-06-27).md', '统计法(2024-09-13).md'].map((f) => join(LAWS, f));
const work = mkdtempSync(join(tmpdir(), 'lawdesk-stamp-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Noon in Beijing on a day. */
const noonOf = (day: string) => () => new Date(`${day}T04:00:00Z`);
const dayAfter = (day: string, n = 1) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

type Catalog = { statusesDerived?: unknown; versions: Record<string, { status: string; effective?: string; published?: string; title: string }> };
const readCatalog = (dir: string) => JSON.parse(readFileSync(join(dir, 'library.json'), 'utf8')) as Catalog;
const editCatalog = (dir: string, edit: (c: Catalog) => void) => {
  const c = readCatalog(dir);
  edit(c);
  writeFileSync(join(dir, 'library.json'), JSON.stringify(c));
};

/** A library of 统计法 2009 and its amendment, written on the day before the amendment applies. */
async function amendedLibrary(name: string) {
  const dir = join(work, name);
  const probe = await openLibrary({ dir: join(work, `${name}-probe`), seed: false, now: noonOf('2000-01-01') });
  await importPaths(probe.store, FILES);
  const start = (v: { effective?: string; published?: string }) => v.effective || v.published || '';
  const [older, newer] = probe.store.versions().sort((a, b) => start(a).localeCompare(start(b)));
  const eve = dayAfter(start(newer!), -1);
  const { store } = await openLibrary({ dir, seed: false, now: noonOf(eve) });
  await importPaths(store, FILES);
  return { dir, olderId: older!.id, newerId: newer!.id, eve, day: start(newer!) };
}

describe('the day the statuses were derived for', () => {
  it('is written with them; an open while no start date is reached takes them as written, the day one is derives them again', async () => {
    const { dir, olderId, newerId, eve, day } = await amendedLibrary('days');
    expect((readCatalog(dir).statusesDerived as { day: string }).day).toBe(eve);
    const written = readFileSync(join(dir, 'library.json'), 'utf8');

    const sameDay = await LibraryStore.open(dir, { now: noonOf(eve) });
    expect(sameDay.statusesAsWritten).toBe(true);
    expect([sameDay.version(olderId)!.status, sameDay.version(newerId)!.status]).toEqual(['现行有效', '尚未生效']);
    expect(readFileSync(join(dir, 'library.json'), 'utf8')).toBe(written);

    // 00:30 in Beijing on the amendment's day (16:30 UTC the day before): in force from that moment
    const onTheDay = await LibraryStore.open(dir, { now: () => new Date(`${eve}T16:30:00Z`) });
    expect(onTheDay.statusesAsWritten).toBe(false);
    expect([onTheDay.version(olderId)!.status, onTheDay.version(newerId)!.status]).toEqual(['已修改', '现行有效']);
    const after = readCatalog(dir);
    expect((after.statusesDerived as { day: string }).day).toBe(day);
    expect([after.versions[olderId]!.status, after.versions[newerId]!.status]).toEqual(['已修改', '现行有效']);

    // a week on, no start date between: as written, nothing written
    const rewritten = readFileSync(join(dir, 'library.json'), 'utf8');
    const weekOn = await LibraryStore.open(dir, { now: noonOf(dayAfter(day, 7)) });
    expect(weekOn.statusesAsWritten).toBe(true);
    expect(weekOn.version(newerId)!.status).toBe('现行有效');
    expect(readFileSync(join(dir, 'library.json'), 'utf8')).toBe(rewritten);

    // a clock behind the stamp's day: derived for its own day, and the later stamp not overwritten
    const behind = await LibraryStore.open(dir, { now: noonOf(eve) });
    expect(behind.statusesAsWritten).toBe(false);
    expect([behind.version(olderId)!.status, behind.version(newerId)!.status]).toEqual(['现行有效', '尚未生效']);
    expect(readFileSync(join(dir, 'library.json'), 'utf8')).toBe(rewritten);
  });

  it('of the wrong shape is refused with a note naming the file and derived again; edited statuses or dates fail its digest', async () => {
    const { dir, olderId, newerId, eve } = await amendedLibrary('tampered');
    const good = readCatalog(dir).statusesDerived as { day: string; rules: number; sha256: string };
    const cases: [string, (c: Catalog) => void, boolean][] = [
      ['a day that is no date', (c) => (c.statusesDerived = { ...good, day: '2024-13-45' }), true],
      ['a stamp that is a string', (c) => (c.statusesDerived = eve), true],
      ['an unknown field', (c) => (c.statusesDerived = { ...good, by: 'hand' }), true],
      ['rules of another LawDesk', (c) => (c.statusesDerived = { ...good, rules: good.rules + 1 }), false],
      ['a status edited by hand', (c) => (c.versions[newerId]!.status = '现行有效'), false],
      ['a start date edited by hand', (c) => (c.versions[newerId]!.effective = dayAfter(eve, -30)), false],
    ];
    for (const [what, edit, noted] of cases) {
      const copy = join(work, `tampered-${cases.findIndex((c) => c[0] === what)}`);
      rmSync(copy, { recursive: true, force: true });
      cpSync(dir, copy, { recursive: true });
      editCatalog(copy, edit);
      const store = await LibraryStore.open(copy, { now: noonOf(eve) });
      expect(store.statusesAsWritten, what).toBe(false);
      if (noted) expect(store.catalogNotes.join('\n'), what).toMatch(/library\.json 中的 statusesDerived（时效性的推算日）格式不对（.+），已按今天重新推算/);
      else expect(store.catalogNotes, what).toEqual([]);
      const startsEarlier = what === 'a start date edited by hand';
      // what the fields now say, derived: the edited status undone, the edited date obeyed
      expect([store.version(olderId)!.status, store.version(newerId)!.status], what).toEqual(startsEarlier ? ['已修改', '现行有效'] : ['现行有效', '尚未生效']);
      // written again with a stamp that holds, the file's statuses derived
      const again = await LibraryStore.open(copy, { now: noonOf(eve) });
      expect(again.statusesAsWritten, what).toBe(true);
      expect(again.catalogNotes, what).toEqual([]);
      expect(readCatalog(copy).versions[newerId]!.status, what).toBe(store.version(newerId)!.status);
      expect(checkLibrary(again), what).toEqual([]);
    }
  });

  it('is absent in a catalog an older LawDesk wrote: derived and stamped at the first open, as written at the next', async () => {
    const { dir, newerId, day } = await amendedLibrary('older');
    editCatalog(dir, (c) => {
      delete c.statusesDerived;
      c.versions[newerId]!.status = '尚未生效'; // written on the eve, opened on the day
    });
    const first = await LibraryStore.open(dir, { now: noonOf(day) });
    expect(first.statusesAsWritten).toBe(false);
    expect(first.catalogNotes).toEqual([]);
    expect(first.version(newerId)!.status).toBe('现行有效');
    expect(readCatalog(dir).statusesDerived).toMatchObject({ day });
    expect((await LibraryStore.open(dir, { now: noonOf(day) })).statusesAsWritten).toBe(true);
  });

  it('is written only for statuses derived: a version staged and committed without deriving its law is derived by the commit', async () => {
    const { dir, olderId, newerId, eve } = await amendedLibrary('staged');
    const store = await LibraryStore.open(dir, { now: noonOf(eve) });
    const newer = store.version(newerId)!;
    // the amendment's 施行日期 corrected to a day already past, and committed as is
    store.stage({ ...newer, effective: dayAfter(eve, -10) });
    await store.commit({ added: [newerId], removed: [newerId] });
    expect([store.version(olderId)!.status, store.version(newerId)!.status]).toEqual(['已修改', '现行有效']);
    const reopened = await LibraryStore.open(dir, { now: noonOf(eve) });
    expect(reopened.statusesAsWritten).toBe(true);
    expect([reopened.version(olderId)!.status, reopened.version(newerId)!.status]).toEqual(['已修改', '现行有效']);
  });
});
