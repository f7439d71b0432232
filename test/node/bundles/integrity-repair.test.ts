// lawdesk check --repair: what can be re-derived is repaired (bodies from originals, orphans to
// quarantine, stale mappings and index deleted, records.json from its newest backup); what cannot
// (a lost attachment) is reported as such; afterwards the library checks clean.
import { cpSync, mkdirSync, readdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkIntegrity } from '../../../electron/core/bundles/integrity-repair';
import { backupRecords } from '../../../electron/core/bundles/records-backup';
import { checkLibrary } from '../../../electron/core/library/library-check';
import { openLibrary } from '../../../electron/core/library/open-library';
import { RecordsService } from '../../../electron/core/records/records-service';
import { makeLibrary, tmp } from './bundle-helpers';

const work = tmp();
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('check --repair', () => {
  it('repairs what can be re-derived and reports the rest', async () => {
    const lib = join(work, 'lib');
    const { store } = await makeLibrary(lib, { records: true });
    expect((await checkIntegrity(store)).problems).toEqual([]);
    backupRecords(store, 'before-test');

    const victim = store.versions()[0]!;
    unlinkSync(join(store.bodiesDir, victim.file)); // a body lost
    writeFileSync(join(store.bodiesDir, 'f'.repeat(64) + '.json'), '{"broken":'); // a damaged orphan
    mkdirSync(join(lib, 'derived', 'mappings'), { recursive: true });
    writeFileSync(join(lib, 'derived', 'mappings', `${'0'.repeat(16)}-${'1'.repeat(16)}.json`), '{}'); // stale
    mkdirSync(join(lib, 'index'), { recursive: true });
    writeFileSync(join(lib, 'index', 'manifest.json'), '{"format":1,"segments":[{"name":"seg-gone"}]}');
    const att = readdirSync(join(lib, 'attachments'))[0]!;
    unlinkSync(join(lib, 'attachments', att)); // a lost attachment
    writeFileSync(join(lib, 'records.json'), '{"schemaVersion":1,"reviews":'); // damaged records

    const { store: reopened } = await openLibrary({ dir: lib, seed: false });
    const found = await checkIntegrity(reopened);
    const kinds = found.problems.map((p) => p.problem).join('\n');
    expect(kinds).toMatch(/正文文件缺失/);
    expect(kinds).toMatch(/不在目录中/);
    expect(kinds).toMatch(/条文对照缓存/);
    expect(kinds).toMatch(/检索索引/);
    expect(kinds).toMatch(/记录文件无法读取/);

    const fixed = await checkIntegrity(reopened, { repair: true });
    console.log(fixed.problems.map((p) => `${p.problem} → ${p.repaired ?? ''}${p.unrepairable ? ' 无法修复：' + p.unrepairable : ''}`).join('\n'));
    expect(checkLibrary(reopened)).toEqual([]);
    expect(reopened.loadVersion(victim.id).articleCount).toBe(victim.articleCount);
    expect(readdirSync(join(lib, 'quarantine')).length).toBeGreaterThanOrEqual(2);

    // second pass: records readable again; the lost attachment is the one thing left, unrepairable
    const again = await checkIntegrity(reopened, { repair: true });
    expect(again.problems.map((p) => p.problem)).toEqual([expect.stringMatching(/附件.*缺失/)]);
    expect(again.unrepairable).toBe(1);
    expect((await (await RecordsService.open(reopened)).listReviews()).length).toBeGreaterThan(0);
  });
});

describe('check --repair after a repair killed half-way (crash harness, issue 19)', () => {
  it('a rebuilt body left as an orphan by the killed repair is used, not quarantined under the catalog that names it', async () => {
    // What the kill left: the damaged body moved to quarantine, its rebuilt body written under its
    // new name, the catalog not yet committed (it still names the old body).
    const lib = join(work, 'killed-repair');
    const { store } = await makeLibrary(lib);
    const victim = store.versions()[0]!;
    writeFileSync(join(store.bodiesDir, victim.file), '{"damaged": true}');
    const twin = join(work, 'killed-repair-twin');
    cpSync(lib, twin, { recursive: true });
    const { store: t } = await openLibrary({ dir: twin, seed: false });
    await checkIntegrity(t, { repair: true });
    const rebuilt = t.version(victim.id)!.file;
    expect(rebuilt).not.toBe(victim.file); // the rebuilt body's name differs: the case the kill leaves an orphan in
    mkdirSync(join(lib, 'quarantine'), { recursive: true });
    renameSync(join(store.bodiesDir, victim.file), join(lib, 'quarantine', victim.file));
    cpSync(join(t.bodiesDir, rebuilt), join(store.bodiesDir, rebuilt));

    const { store: again } = await openLibrary({ dir: lib, seed: false });
    const fixed = await checkIntegrity(again, { repair: true });
    expect(fixed.problems.filter((p) => !p.repaired)).toEqual([]);
    expect((await checkIntegrity(again)).problems).toEqual([]);
    expect(again.version(victim.id)!.file).toBe(rebuilt);
    expect(again.loadVersion(victim.id).units.length).toBeGreaterThan(0);
  }, 60_000);
});
