// The starter set, chosen for the office: every national law; a province's rule only for an office
// of the province, a city's only for one of that city. A region set or changed later offers, never
// forces, the rules of the new place and the removal of the others; a library seeded whole keeps all.
// Offices made up for the test (湖南·益阳·安化县, 山东·济南·历城区), not only the example one.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main as cli } from '../../../electron/cli/main';
import { openLibrary } from '../../../electron/core/library/open-library';
import { applyStarterOffer, readStarterSet, starterFitsOffice, starterOffer } from '../../../electron/core/library/starter-laws';
import { officeRegionIn } from '../../../electron/core/office/office-region';
import { writeOffice } from '../../../electron/core/office/office-file';
import { displayTitle } from '../../../electron/shared/law-model';

const ROOT = join(import.meta.dirname, '../../..');
const PROVINCE_RULE = 'DLC/山东地方法规/地方性法规/山东/山东省法治宣传教育条例(2017-09-30).md';
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The app fixtures' laws (national, and 淄博市专利管理若干规定 of 山东, so stated) and one 山东省 rule. */
function starter(): { tmp: string; dir: string } {
  const tmp = mkdtempSync(join(tmpdir(), 'lawdesk-starter-'));
  dirs.push(tmp);
  const dir = join(tmp, 'starter');
  cpSync(join(ROOT, 'test/fixtures/app/laws'), dir, { recursive: true });
  cpSync(join(ROOT, 'resources/starter-laws', PROVINCE_RULE), join(dir, PROVINCE_RULE));
  const line = readFileSync(join(ROOT, 'resources/starter-laws/manifest.jsonl'), 'utf8').split('\n').find((l) => l.includes('山东省法治宣传教育条例'))!;
  writeFileSync(join(dir, 'manifest.jsonl'), readFileSync(join(dir, 'manifest.jsonl'), 'utf8').trimEnd() + '\n' + line + '\n');
  return { tmp, dir };
}
const titles = (store: Awaited<ReturnType<typeof openLibrary>>['store']) => store.laws().map((l) => displayTitle(l)).sort();

describe('the starter laws, by the office’s region', () => {
  it('places each rule: a city’s rule named 淄博市… under a manifest saying only 山东 is 淄博’s', () => {
    const { dir } = starter();
    const set = readStarterSet(dir);
    expect(set.find((e) => e.title === '淄博市专利管理若干规定')?.region).toBe('山东·淄博');
    expect(set.find((e) => e.title === '山东省法治宣传教育条例')?.region).toBe('山东');
    expect(starterFitsOffice('山东·淄博', '山东·淄博·高青县')).toBe(true);
    expect(starterFitsOffice('山东', '山东·济南·历城区')).toBe(true);
    expect(starterFitsOffice('山东·淄博', '山东·济南·历城区')).toBe(false);
    expect(starterFitsOffice('山东', '湖南·益阳·安化县')).toBe(false);
    expect(starterFitsOffice('山东', '')).toBe(false);
    expect(starterFitsOffice('全国', '')).toBe(true);
  });

  it('seeds a new library with the national laws only while the office has no region, then offers its own and removes others only when asked', async () => {
    const { tmp, dir } = starter();
    const { store } = await openLibrary({ dir: join(tmp, 'lib'), starterDir: dir, starterByRegion: true });
    const national = titles(store);
    expect(national.join()).not.toMatch(/淄博|山东/);
    expect(national).toContain('行政许可法');
    const set = readStarterSet(dir);

    // An office of 济南: the province's rule is offered, the 淄博 one is not.
    await writeOffice(store, { region: '山东·济南·历城区' });
    expect(starterOffer(store, set, '山东·济南·历城区')).toEqual({ add: [{ title: '山东省法治宣传教育条例', region: '山东' }], remove: [] });
    expect(titles(store)).toEqual(national); // offered, not added
    expect(await applyStarterOffer(store, dir, '山东·济南·历城区', { add: true })).toEqual({ added: 1, removed: 0 });
    expect(titles(store)).toContain('山东省法治宣传教育条例');
    expect(starterOffer(store, set, '山东·济南·历城区').add).toEqual([]);

    // Moved to 湖南: the 山东 rule is offered for removal, and stays until removal is asked for.
    const offer = starterOffer(store, set, '湖南·益阳·安化县');
    expect(offer.add).toEqual([]);
    expect(offer.remove.map((r) => r.title)).toEqual(['山东省法治宣传教育条例']);
    expect(titles(store)).toContain('山东省法治宣传教育条例');
    expect(await applyStarterOffer(store, dir, '湖南·益阳·安化县', { remove: true })).toEqual({ added: 0, removed: 1 });
    expect(titles(store)).toEqual(national);
  });

  it('seeds a library whose office is of 淄博 with both places’ rules', async () => {
    const { tmp, dir } = starter();
    // office.json put in the folder first (a copied profile): the region is known at creation.
    const lib = join(tmp, 'lib');
    const first = await openLibrary({ dir: lib, seed: false });
    await writeOffice(first.store, { region: '山东·淄博·高青县' });
    rmSync(join(lib, 'library.json'), { force: true });
    const { store } = await openLibrary({ dir: lib, starterDir: dir, starterByRegion: true });
    expect(titles(store)).toEqual(expect.arrayContaining(['淄博市专利管理若干规定', '山东省法治宣传教育条例', '行政许可法']));
  });

  it('reads the region however 单位信息 has it typed: 山东省淄博市高青县 seeds, offers and is shown as 山东·淄博·高青县', async () => {
    const { tmp, dir } = starter();
    const lib = join(tmp, 'lib');
    const first = await openLibrary({ dir: lib, seed: false });
    await writeOffice(first.store, { region: '山东省淄博市高青县' });
    expect(officeRegionIn(lib)).toBe('山东·淄博·高青县');
    rmSync(join(lib, 'library.json'), { force: true });
    const { store } = await openLibrary({ dir: lib, starterDir: dir, starterByRegion: true });
    // (read as typed, the text matched no stored region and only the national laws were seeded)
    expect(titles(store)).toEqual(expect.arrayContaining(['淄博市专利管理若干规定', '山东省法治宣传教育条例', '行政许可法']));
    expect(starterOffer(store, readStarterSet(dir), officeRegionIn(lib))).toEqual({ add: [], remove: [] });
  });

  it('a starter folder someone chose is seeded whole, and an existing library loses nothing on opening', async () => {
    const { tmp, dir } = starter();
    const lib = join(tmp, 'lib');
    const { store } = await openLibrary({ dir: lib, starterDir: dir });
    const all = titles(store);
    expect(all).toEqual(expect.arrayContaining(['淄博市专利管理若干规定', '山东省法治宣传教育条例']));
    await writeOffice(store, { region: '湖南·益阳·安化县' });
    const again = await openLibrary({ dir: lib, starterDir: dir, starterByRegion: true });
    expect(titles(again.store)).toEqual(all);
  });

  it('the CLI’s `lawdesk office` prints the same offer and adds or removes only when asked', async () => {
    const { tmp, dir } = starter();
    const lib = join(tmp, 'lib');
    const was = process.env.LAWDESK_STARTER_DIR;
    process.env.LAWDESK_STARTER_DIR = dir; // a chosen folder: the new library is seeded whole
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const printed = () => out.mock.calls.map((c) => String(c[0])).join('');
    try {
      expect(await cli(['office', '--region', '湖南·益阳·安化县', '--library', lib])).toBe(0);
      expect(printed()).toContain('库中有其他地区的入门法规 2 部：');
      expect(printed()).toContain('《山东省法治宣传教育条例》');
      expect(printed()).toContain('lawdesk office --starter-remove');
      const held = async () => titles((await openLibrary({ dir: lib })).store);
      expect(await held()).toContain('淄博市专利管理若干规定'); // offered, not removed
      out.mockClear();
      expect(await cli(['office', '--starter-remove', '--json', '--library', lib])).toBe(0);
      expect(JSON.parse(printed())).toMatchObject({ region: '湖南·益阳·安化县', starterOffer: { add: [], remove: [] }, starterDone: { added: 0, removed: 2 } });
      expect((await held()).join()).not.toMatch(/山东|淄博/);
      // moved to 淄博: both places' rules are offered, and added when asked
      out.mockClear();
      expect(await cli(['office', '--region', '山东·淄博·高青县', '--json', '--library', lib])).toBe(0);
      expect((JSON.parse(printed()) as { starterOffer: { add: { title: string }[] } }).starterOffer.add.map((a) => a.title).sort()).toEqual(['山东省法治宣传教育条例', '淄博市专利管理若干规定']);
      out.mockClear();
      expect(await cli(['office', '--starter-add', '--library', lib])).toBe(0);
      expect(printed()).toContain('入门法规：已加入 2 件，已移除 0 部');
      expect(printed()).not.toContain('还没有');
      expect(await held()).toEqual(expect.arrayContaining(['山东省法治宣传教育条例', '淄博市专利管理若干规定']));
    } finally {
      out.mockRestore();
      if (was === undefined) delete process.env.LAWDESK_STARTER_DIR;
      else process.env.LAWDESK_STARTER_DIR = was;
    }
  });
});
