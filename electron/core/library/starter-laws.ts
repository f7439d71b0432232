// The starter laws, chosen for the office. The shipped set (resources/starter-laws) carries the
// national laws every office needs and the first office's local rules (山东省, 淄博市): a new
// library gets every national law, and a local rule only when the office's region (设置 → 单位信息)
// lies in the rule's place — a province's rule for any office of the province, a city's for an
// office of that city. A region set or changed later *offers* the rules of the new place and the
// removal of the other places' starter rules still as shipped; nothing is added or removed unasked.

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { guessRegion } from './level-and-region';
import { divisionOf } from './region-gazetteer';
import { bindsOffice } from '../../shared/law-model';
import { sha256 } from './law-identity';
import type { LibraryStore } from './library-store';
import { importPaths } from './library-import';
import { removeVersions } from './library-edit';

export interface StarterEntry {
  /** Absolute path of the file. */
  file: string;
  title: string;
  /** 全国, 山东, 山东·淄博: the manifest's region, refined by the title's place (淄博市… of 山东). */
  region: string;
  sha256: string;
}

/** The starter set as its manifest lists it; [] for a folder without one (it is then seeded whole). */
export function readStarterSet(dir: string): StarterEntry[] {
  const manifest = join(dir, 'manifest.jsonl');
  if (!existsSync(manifest)) return [];
  const out: StarterEntry[] = [];
  for (const line of readFileSync(manifest, 'utf8').split(/\r?\n/)) {
    if (!line.trim()) continue;
    const e = JSON.parse(line) as { path?: unknown; title?: unknown; region?: unknown };
    if (typeof e.path !== 'string' || typeof e.title !== 'string') continue;
    const file = resolve(dir, e.path);
    if (!existsSync(file)) continue;
    const stated = typeof e.region === 'string' && e.region.trim() ? e.region.trim() : '全国';
    // the import keeps the finer of the two the same way (a manifest naming only 山东 for 淄博市…)
    const guessed = guessRegion(e.title);
    out.push({ file, title: e.title, region: guessed.startsWith(stated + '·') ? guessed : stated, sha256: sha256(readFileSync(file)) });
  }
  return out;
}

/**
 * Whether a starter rule of `region` belongs in the library of an office in `officeRegion`: it binds the
 * office (law-model's bindsOffice, the rule of the 上位法 panel and the findings' bases) and both are
 * real places (a region the gazetteer cannot read fits no office).
 */
export function starterFitsOffice(region: string, officeRegion: string): boolean {
  if (region === '全国') return true;
  return !!divisionOf(officeRegion) && !!divisionOf(region) && bindsOffice(region, officeRegion);
}

/** The files to seed a new library with: every national law and the office's own local rules. */
export function starterSeedFiles(set: StarterEntry[], officeRegion: string): Set<string> {
  return new Set(set.filter((e) => starterFitsOffice(e.region, officeRegion)).map((e) => e.file));
}

export interface StarterOffer {
  /** Local starter rules of the office's place the library does not hold. */
  add: { title: string; region: string }[];
  /** Starter rules of other places the library holds as shipped (the version's text unchanged). */
  remove: { title: string; region: string; lawId: string; versionIds: string[] }[];
}

/** What the library lacks of the office's starter rules and holds of other places'. */
export function starterOffer(store: LibraryStore, set: StarterEntry[], officeRegion: string): StarterOffer {
  // no region yet: nothing is known to fit or not (an old library seeded whole keeps its rules unasked)
  if (!divisionOf(officeRegion)) return { add: [], remove: [] };
  const bySha = new Map(store.versions().map((v) => [v.sourceSha256, v]));
  const add: StarterOffer['add'] = [];
  const remove = new Map<string, StarterOffer['remove'][number]>();
  for (const e of set) {
    if (e.region === '全国') continue;
    const held = bySha.get(e.sha256);
    if (starterFitsOffice(e.region, officeRegion)) {
      if (!held) add.push({ title: e.title, region: e.region });
    } else if (held) {
      const r = remove.get(held.lawId) ?? { title: e.title, region: e.region, lawId: held.lawId, versionIds: [] };
      r.versionIds.push(held.id);
      remove.set(held.lawId, r);
    }
  }
  return { add, remove: [...remove.values()] };
}

/**
 * Does what the office accepted of the offer: imports the office's starter rules the library lacks
 * (`add`), removes the other places' starter rules still as shipped (`remove`; a version the office
 * imported or changed itself is never one of them). Returns what was done.
 */
export async function applyStarterOffer(
  store: LibraryStore,
  dir: string,
  officeRegion: string,
  what: { add?: boolean; remove?: boolean },
): Promise<{ added: number; removed: number }> {
  const set = readStarterSet(dir);
  const offer = starterOffer(store, set, officeRegion);
  let added = 0;
  let removed = 0;
  if (what.add && offer.add.length) {
    const wanted = new Set(set.filter((e) => e.region !== '全国' && starterFitsOffice(e.region, officeRegion)).map((e) => e.file));
    const r = await importPaths(store, [dir], { only: (f) => wanted.has(resolve(f)) });
    added = r.imported;
  }
  if (what.remove && offer.remove.length) {
    const gone = await removeVersions(store, offer.remove.flatMap((r) => r.versionIds));
    removed = gone.length;
  }
  return { added, removed };
}
