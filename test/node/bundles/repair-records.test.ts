// Repair cannot hide records. A repair of records.json that was killed after moving the file to
// quarantine/ and before writing its replacement used to leave no records.json: 0 reviews shown,
// `check` saying 0 problems, a second repair restoring nothing. Now `check` reports a missing
// records.json whenever backups or quarantined copies exist, repair restores the newest good one,
// and a repair never removes records.json before its replacement is in place.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkIntegrity } from '../../../electron/core/bundles/integrity-repair';
import { backupRecords } from '../../../electron/core/bundles/records-backup';
import { RecordsService } from '../../../electron/core/records/records-service';
import { makeLibrary, tmp } from './bundle-helpers';

const work = tmp('lawdesk-repair-records-');
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('repair and a missing records.json', () => {
  it('a records.json left only in quarantine/ (repair killed mid-way) is reported and restored', async () => {
    const dir = join(work, 'killed');
    const { store, service } = await makeLibrary(dir, { records: true });
    const reviews = (await service!.listReviews()).length;
    expect(reviews).toBeGreaterThan(0);
    // The state the old repair left when killed between its two steps.
    mkdirSync(join(dir, 'quarantine'), { recursive: true });
    renameSync(join(dir, 'records.json'), join(dir, 'quarantine', '20260101T000000000Z-records.json'));
    const seen = await checkIntegrity(store);
    expect(seen.problems.filter((p) => p.area === 'records').map((p) => p.problem)).toEqual([expect.stringMatching(/records\.json 缺失，但有 1 份备份或隔离的副本/)]);
    const repaired = await checkIntegrity(store, { repair: true });
    expect(repaired.problems.find((p) => p.file === 'records.json')?.repaired).toMatch(/已用 quarantine\/20260101T000000000Z-records\.json 恢复/);
    const svc = await RecordsService.open(store, { actor: '测试' });
    expect((await svc.listReviews()).length).toBe(reviews);
    expect((await checkIntegrity(store)).problems.filter((p) => p.area === 'records')).toEqual([]);
  }, 60_000);

  it('a damaged records.json is copied to quarantine, then replaced from the newest backup in one step', async () => {
    const dir = join(work, 'damaged');
    const { store, service } = await makeLibrary(dir, { records: true });
    const reviews = (await service!.listReviews()).length;
    backupRecords(store, 'test');
    writeFileSync(join(dir, 'records.json'), '{"schemaVersion":1,"reviews":');
    const r = await checkIntegrity(store, { repair: true });
    expect(r.problems.find((p) => p.file === 'records.json')?.repaired).toMatch(/已用 records-.*-test\.json 恢复（损坏的文件复制到/);
    const q = readdirSync(join(dir, 'quarantine')).filter((n) => n.endsWith('records.json'));
    expect(q.map((n) => readFileSync(join(dir, 'quarantine', n), 'utf8'))).toContain('{"schemaVersion":1,"reviews":');
    expect(existsSync(join(dir, 'records.json'))).toBe(true);
    const svc = await RecordsService.open(store, { actor: '测试' });
    expect((await svc.listReviews()).length).toBe(reviews);
  }, 60_000);

  it('a library that never had records has no records problem', async () => {
    const { store } = await makeLibrary(join(work, 'none'));
    expect((await checkIntegrity(store)).problems.filter((p) => p.area === 'records')).toEqual([]);
  }, 60_000);
});
