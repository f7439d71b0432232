// Records backups: taken before destructive operations and daily, rotated to the newest N,
// restorable with a preview (from an automatic backup or a manual records bundle), and a restore
// is itself backed up first so it can be undone.
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main as cli } from '../../../electron/cli/main';
import { exportBundle } from '../../../electron/core/bundles/bundle-export';
import { backupRecords, dailyBackupIfDue, listBackups, setBackupConfig } from '../../../electron/core/bundles/records-backup';
import { previewRestore, restoreRecords } from '../../../electron/core/bundles/records-restore';
import { RecordsService } from '../../../electron/core/records/records-service';
import { restoreChangesAnything, sameAsBackupSentence } from '../../../electron/shared/restore-effect';
import { makeLibrary, tmp } from './bundle-helpers';

const work = tmp();
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('records backup and restore', () => {
  it('rotates automatic backups, restores with a preview, and backs up before restoring', async () => {
    let clock = Date.parse('2025-05-06T01:00:00Z');
    const now = () => new Date((clock += 1000));
    const lib = join(work, 'lib');
    const { store } = await makeLibrary(lib, { records: true, now });
    setBackupConfig(store, { keep: 3 });
    const made = backupRecords(store, 'before-test')!;
    expect(made.reason).toBe('before-test');
    expect(backupRecords(store, 'before-test')!.file).toBe(made.file); // same bytes: no duplicate
    const first = { file: join(work, 'kept-copy.json') };
    copyFileSync(made.file, first.file); // the rotation below will drop the original
    expect(dailyBackupIfDue(store)).toBeDefined();
    expect(dailyBackupIfDue(store)).toBeUndefined(); // once a day

    const service = await RecordsService.open(store, { actor: '测试' });
    const original = readFileSync(join(lib, 'records.json'), 'utf8');
    for (let i = 0; i < 5; i++) {
      await service.createNote({ date: '2025-05-06', text: `笔记 ${i}` });
      backupRecords(store, 'before-edit');
    }
    expect(listBackups(store).filter((b) => b.reason !== 'daily')).toHaveLength(3);

    const preview = await previewRestore(store, first.file);
    expect(preview.removed).toHaveLength(5);
    expect(preview.restored).toEqual([]);
    const r = await restoreRecords(store, first.file);
    expect(r.backup).toBeDefined(); // the newest backup already held exactly the current records: reused
    const now2 = JSON.parse(readFileSync(join(lib, 'records.json'), 'utf8'));
    const then = JSON.parse(original);
    delete now2.generation;
    delete then.generation;
    expect(now2).toEqual(then);

    // undo: the pre-restore backup brings the five notes back
    const undo = await previewRestore(store, r.backup!.file);
    expect(undo.restored).toHaveLength(5);
    await restoreRecords(store, r.backup!.file);
    expect((await (await RecordsService.open(store)).listNotes()).filter((n) => n.text.startsWith('笔记 '))).toHaveLength(5);
  });

  it('a backup identical to the library: nothing is written, no 恢复前 backup is made, and the CLI says so plainly', async () => {
    const lib = join(work, 'lib-same');
    const { store } = await makeLibrary(lib, { records: true });
    const made = backupRecords(store, 'manual')!;
    const before = readFileSync(join(lib, 'records.json'), 'utf8');
    const backups = listBackups(store).length;
    const preview = await previewRestore(store, made.file);
    expect(restoreChangesAnything(preview)).toBe(false);
    expect(preview.unchanged).toBeGreaterThan(0);
    expect(sameAsBackupSentence(preview, '备份')).toMatch(new RegExp(`^备份中的${preview.unchanged} 条记录(、[^、]+)*都与现在的相同，恢复不会改变任何内容。$`));
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await cli(['restore', made.file, '--library', lib])).toBe(0);
      const said = out.mock.calls.join('');
      expect(said).toContain('都与现在的相同，恢复不会改变任何内容。未写入，也未另做备份。');
      expect(said).not.toMatch(/已恢复|恢复前的记录已备份/);
    } finally {
      out.mockRestore();
    }
    expect(readFileSync(join(lib, 'records.json'), 'utf8')).toBe(before);
    expect(listBackups(store)).toHaveLength(backups);
    // one note more: the same backup now would remove it, and says so (not the identical wording)
    await (await RecordsService.open(store, { actor: '测试' })).createNote({ date: '2025-05-06', text: '新笔记' });
    expect(restoreChangesAnything(await previewRestore(store, made.file))).toBe(true);
  });

  it('restores from a manual backup bundle into another library, attachments included', async () => {
    const { store } = await makeLibrary(join(work, 'src'), { records: true });
    const out = join(work, 'manual.lawdesk');
    await exportBundle(store, { laws: [], records: true, out });
    const { store: other } = await makeLibrary(join(work, 'dst'));
    const p = await previewRestore(other, out);
    expect(p.restored.length).toBeGreaterThan(0);
    await restoreRecords(other, out);
    const svc = await RecordsService.open(other);
    const withAtt = (await svc.listReviews()).find((x) => x.attachments.length)!;
    expect(svc.attachmentPath(withAtt.attachments[0]!)).toBeDefined();
  });
});

// 都 (“all of them”) only when more than one thing was compared: several kinds, or several records.
describe('the sentence for a backup that is the current state already', () => {
  const none = { restored: [], changed: [], removed: [] };
  it('one thing compared: no 都', () => {
    expect(sameAsBackupSentence({ ...none, unchanged: 0, userData: [{ what: '简报包', changed: false }] }, '备份')).toBe('备份中的简报包与现在的相同，恢复不会改变任何内容。');
    expect(sameAsBackupSentence({ ...none, unchanged: 1 }, '备份')).toBe('备份中的1 条记录与现在的相同，恢复不会改变任何内容。');
  });
  it('several things compared: 都', () => {
    expect(sameAsBackupSentence({ ...none, unchanged: 12 }, '备份')).toBe('备份中的12 条记录都与现在的相同，恢复不会改变任何内容。');
    expect(sameAsBackupSentence({ ...none, unchanged: 1, userData: [{ what: '简报包', changed: false }] }, '备份')).toBe('备份中的1 条记录、简报包都与现在的相同，恢复不会改变任何内容。');
    expect(sameAsBackupSentence({ ...none, unchanged: 0, userData: [{ what: '简报包', changed: false }, { what: '节假日安排', changed: false }] }, '备份')).toBe('备份中的简报包、节假日安排都与现在的相同，恢复不会改变任何内容。');
  });
  it('nothing compared: the state as a whole', () => {
    expect(sameAsBackupSentence({ ...none, unchanged: 0 }, '备份')).toBe('备份与现在的状态相同，恢复不会改变任何内容。');
  });
});
