// The bureau's own records, flagged against the versions in the library: a 2020 review citing
// 统计法(2009)第七条 turns yellow "renumbered to 第八条" once the 2024 version is in.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importPaths } from '../../../electron/core/library/library-import';
import { openLibrary } from '../../../electron/core/library/open-library';
import { removeVersions } from '../../../electron/core/library/library-edit';
import { findLaws } from '../../../electron/core/library/law-lookup';
import { RecordsService } from '../../../electron/core/records/records-service';

const FIX = join(import.meta.dirname, '../../fixtures');
const dir = mkdtempSync(join(tmpdir(), 'lawdesk-flags-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('citation flags on records', () => {
  it('marks renumbered citations yellow, amended red, and lists what a new version affected', async () => {
    const { store } = await openLibrary({ dir, seed: false, now: () => new Date('2026-11-26T00:00:00Z') });
    await importPaths(store, [join(FIX, 'records/laws')]);
    const law = findLaws(store, '统计法')[0]!;
    const [v2009, v2024] = law.versionIds as [string, string];
    // The records were made in 2020, before the 2024 version: take it out while they are created.
    await removeVersions(store, [v2024]);
    const records = await RecordsService.open(store);
    await records.importBundle(JSON.parse(readFileSync(join(FIX, 'records/seed-2020.json'), 'utf8')), { linkDetected: true });
    const before = (await records.citationIndex()).flagged([law.id]);
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((f) => f.versionId === v2009 && f.flag.color === 'green')).toBe(true);
    expect((await records.citationIndex()).affected([law.id])).toEqual([]);

    await importPaths(store, [join(FIX, 'records/laws/经济法')]); // the 2024 version arrives
    const index = await records.citationIndex();
    const flags = index.flagged([law.id]);
    const art7 = flags.filter((f) => f.articleKey === '7');
    expect(art7.length).toBeGreaterThan(0);
    for (const f of art7) {
      expect(f.flag).toMatchObject({ color: 'yellow', currentKey: '8', currentLabel: '第八条' });
      expect(f.flag.reason).toMatch(/条文序号变动.*第八条/);
    }
    const affected = index.affected([law.id]);
    expect(affected.map((f) => f.id)).toEqual(expect.arrayContaining(art7.map((f) => f.id)));
    // worst first
    const colours = affected.map((f) => f.flag.color);
    expect(colours).toEqual([...colours].sort((a, b) => (a === b ? 0 : a === 'red' ? -1 : 1)));
  });
});
