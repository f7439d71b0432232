// A bundle exported from one library and imported into another carries the laws (catalog, bodies,
// originals), the records with their change logs, and the attachments exactly; importing it again
// changes nothing; edits made on both sides are merged with both kept in the history.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportBundle } from '../../../electron/core/bundles/bundle-export';
import { importBundle, previewBundle } from '../../../electron/core/bundles/bundle-import';
import { listBackups } from '../../../electron/core/bundles/records-backup';
import { checkLibrary } from '../../../electron/core/library/library-check';
import { checkIntegrity } from '../../../electron/core/bundles/integrity-repair';
import { openLibrary } from '../../../electron/core/library/open-library';
import { RecordsService } from '../../../electron/core/records/records-service';
import { RegisterService } from '../../../electron/core/register/register-service';
import { makeLibrary, snapshot, tmp } from './bundle-helpers';

const work = tmp();
afterAll(() => rmSync(work, { recursive: true, force: true }));

const recordsOf = (dir: string) => {
  const r = JSON.parse(readFileSync(join(dir, 'records.json'), 'utf8'));
  delete r.generation;
  return r;
};

describe('bundle round trip', () => {
  it('exports laws, records, attachments and history and imports them exactly into an empty library', async () => {
    const a = join(work, 'a');
    const { store: sa } = await makeLibrary(a, { records: true });
    const out = join(work, 'all.lawdesk');
    const res = await exportBundle(sa, { records: true, out });
    expect(res.versions).toBe(sa.versions().length);
    expect(res.attachments).toBe(1);

    const b = join(work, 'b');
    const { store: sb } = await openLibrary({ dir: b, seed: false });
    const preview = await previewBundle(sb, out);
    expect(preview.summary.laws.new).toBe(sa.versions().length);
    expect(preview.summary.records.new).toBe(res.records);
    const result = await importBundle(sb, out);
    expect(result.changed).toBe(true);

    const sorted = (s: typeof sa) => JSON.stringify(s.versions().sort((x, y) => x.id.localeCompare(y.id)));
    expect(sorted(sb)).toBe(sorted(sa));
    const onlyContent = (rel: string) => !/^(bodies|originals|attachments)$|^(bodies|originals|attachments)\//.test(rel);
    expect(snapshot(b, onlyContent)).toEqual(snapshot(a, onlyContent));
    expect(recordsOf(b)).toEqual(recordsOf(a));
    expect(checkLibrary(sb)).toEqual([]);

    // again: nothing to do, nothing written
    const before = snapshot(b);
    const again = await importBundle(sb, out);
    expect(again.changed).toBe(false);
    expect(again.summary.laws.identical).toBe(sa.versions().length);
    expect(snapshot(b)).toEqual(before);
  });

  it('counts the 规范性文件登记 among the records it exports, as the preview and 检查 do', async () => {
    const a = join(work, 'reg');
    const { store: sa, service } = await makeLibrary(a, { records: true });
    const register = await RegisterService.open(service!);
    await register.add({ title: '某县科技创新券管理暂行办法', draftingUnit: '科技创新科', published: '2026-06-15' });
    const out = join(work, 'reg.lawdesk');
    const res = await exportBundle(sa, { records: true, out });
    const { store: sb } = await openLibrary({ dir: join(work, 'reg-b'), seed: false });
    const preview = await previewBundle(sb, out);
    expect(res.records).toBe(preview.summary.records.new); // before: one fewer (the register entry left out of the count)
    expect((await checkIntegrity(sa)).records).toBe(res.records);
  });

  it('merges edits made on both sides: the newer wins, the other is kept in the history', async () => {
    let clock = Date.parse('2025-03-01T08:00:00Z');
    const now = () => new Date(clock);
    const a = join(work, 'ca');
    const { store: sa, service: ra } = await makeLibrary(a, { records: true, now });
    const out1 = join(work, 'c1.lawdesk');
    await exportBundle(sa, { records: true, out: out1 });
    const b = join(work, 'cb');
    const { store: sb } = await openLibrary({ dir: b, seed: false, now });
    await importBundle(sb, out1);
    const rb = await RecordsService.open(sb, { actor: '同事' });

    const target = (await ra!.listReviews()).find((r) => r.status !== '已归档')!;
    const id = target.id;
    clock += 60_000;
    await ra!.updateReview(id, { status: target.status, notes: '本机修改：补充了承办单位说明' });
    clock += 60_000;
    await rb.updateReview(id, { status: target.status, notes: '同事修改：补充了程序审查意见', tags: ['已复核'] });
    // a new lecture on the colleague's machine that collides with nothing
    clock += 60_000;
    const out2 = join(work, 'c2.lawdesk');
    await exportBundle(sb, { records: true, laws: [], out: out2 });

    const preview = await previewBundle(sa, out2);
    const item = preview.records.find((r) => r.id === id)!;
    expect(item.outcome).toBe('conflicting');
    expect(item.winner).toBe('bundle');
    const result = await importBundle(sa, out2);
    expect(result.backup?.reason).toBe('before-bundle-import');
    expect(listBackups(sa).length).toBeGreaterThan(0);

    const ra2 = await RecordsService.open(sa);
    const merged = await ra2.getReview(id);
    expect(merged.notes).toBe('同事修改：补充了程序审查意见');
    expect(merged.tags).toContain('已复核');
    const log = await ra2.history(id);
    const flat = JSON.stringify(log);
    expect(flat).toContain('本机修改：补充了承办单位说明');
    expect(flat).toContain('同事修改：补充了程序审查意见');
    expect(log.at(-1)!.note).toMatch(/合并冲突/);
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));

    // importing the same bundle again is a no-op; the merged record goes back as a fast-forward
    expect((await importBundle(sa, out2)).changed).toBe(false);
    const out3 = join(work, 'c3.lawdesk');
    await exportBundle(sa, { records: true, laws: [], out: out3 });
    const back = await previewBundle(sb, out3);
    expect(back.records.find((r) => r.id === id)!.outcome).toBe('newer');
    await importBundle(sb, out3);
    // the colleague now has every entry too (their own first, in their order), and the merged record
    const theirs = await (await RecordsService.open(sb)).history(id);
    const bare = (l: typeof log) => l.map(({ seq: _s, ...e }) => JSON.stringify(e)).sort();
    expect(bare(theirs)).toEqual(bare(log));
    expect((await (await RecordsService.open(sb)).getReview(id)).revision).toBe(merged.revision);
  });

  it('keeps two different records that happen to share an id', async () => {
    const a = join(work, 'da');
    const { store: sa } = await makeLibrary(a, { records: true });
    const b = join(work, 'db');
    const { store: sb } = await makeLibrary(b, { records: false });
    const rb = await RecordsService.open(sb, { actor: '外单位' });
    await rb.createReview({ type: '合同', title: '外单位的合同审查', leadUnit: '某单位', receivedDate: '2020-03-02' });
    const out = join(work, 'd.lawdesk');
    await exportBundle(sb, { records: true, laws: [], out });
    const before = (await (await RecordsService.open(sa)).listReviews()).length;
    const res = await importBundle(sa, out);
    const renamed = res.records.filter((r) => r.outcome === 'renamed');
    expect(renamed).toHaveLength(1);
    const after = await (await RecordsService.open(sa)).listReviews();
    expect(after).toHaveLength(before + 1);
    expect(after.find((r) => r.id === renamed[0]!.newId)!.title).toBe('外单位的合同审查');
  });
});
