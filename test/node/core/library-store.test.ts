import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importPaths } from '../../../electron/core/library/library-import';
import { LibraryStore } from '../../../electron/core/library/library-store';
import { openLibrary } from '../../../electron/core/library/open-library';
import { findLaws, parseArticleRef, pickVersion } from '../../../electron/core/library/law-lookup';
import { citationOf } from '../../../electron/shared/citation';

const FIX = join(import.meta.dirname, '../../fixtures/laws');
const dirs: string[] = [];
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'lawdesk-lib-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const NOW = () => new Date('2026-11-26T08:00:00Z');

async function libraryWithFixtures() {
  const dir = tmp();
  const { store } = await openLibrary({ dir, seed: false, now: NOW });
  const report = await importPaths(store, [FIX]);
  return { dir, store, report };
}

describe('library store', () => {
  it('imports a folder with its manifest and groups versions into laws', async () => {
    const { store, report } = await libraryWithFixtures();
    expect(report.failed).toEqual([]);
    expect(report.imported).toBe(16);
    const tongji = findLaws(store, '统计法');
    expect(tongji).toHaveLength(1);
    const law = tongji[0]!;
    expect(law.shortTitle).toBe('统计法');
    expect(law.versionIds.map((id) => store.version(id)!.published)).toEqual(['2009-06-27', '2024-09-13']);
    expect(law.versionIds.map((id) => store.version(id)!.status)).toEqual(['已修改', '现行有效']);
    const v2009 = store.version(law.versionIds[0]!)!;
    expect(v2009.effective).toBe('2010-01-01'); // from the manifest
    expect(v2009.level).toBe('法律');
    expect(v2009.region).toBe('全国');
    expect(v2009.articleCount).toBe(50);
    // region refined from the manifest's province to the city for 淄博-style titles; 山东 stays 山东
    expect(findLaws(store, '山东省优化营商环境条例')[0]!.region).toBe('山东');
  });

  it('addresses an article as law + version + number and cites it with its version year', async () => {
    const { store } = await libraryWithFixtures();
    const law = findLaws(store, '《中华人民共和国统计法》')[0]!;
    const old = pickVersion(store, law, '2009')!;
    const cur = pickVersion(store, law)!;
    expect(old.id).toBe(`${law.id}@2009-06-27`);
    expect(cur.id).toBe(`${law.id}@2024-09-13`);
    const ref = parseArticleRef('第七条')!;
    const a2009 = store.loadVersion(old.id).units.find((u) => u.number === ref.number && u.suffix === ref.suffix)!;
    const a2024 = store.loadVersion(cur.id).units.find((u) => u.key === '8')!;
    expect(a2009.text).toBe(a2024.text); // 2009 第七条 became 2024 第八条
    expect(citationOf(store.loadVersion(cur.id), '第八条')).toBe('《中华人民共和国统计法》（2024年修正）第八条');
    expect(parseArticleRef('12之一')).toEqual({ number: 12, suffix: 1 });
    expect(parseArticleRef('第十二条之一')).toEqual({ number: 12, suffix: 1 });
    expect(parseArticleRef('12')).toEqual({ number: 12, suffix: 0 });
    expect(parseArticleRef('条')).toBeUndefined();
  });

  it('treats re-importing an identical file as a no-op and a changed file of the same date as a replacement', async () => {
    const { store, dir } = await libraryWithFixtures();
    const gen = store.generation;
    const again = await importPaths(store, [FIX]);
    expect(again).toMatchObject({ imported: 0, skipped: 16, replaced: 0 });
    expect(store.generation).toBe(gen);

    const src = join(tmp(), '行政许可法(2019-04-23).md');
    const text = readFileSync(join(FIX, '行政法/行政许可法(2019-04-23).md'), 'utf8').replace('第八十三条 本法自2004年7月1日起施行。', '第八十三条 本法自2004年7月1日起施行。（校对稿）');
    writeFileSync(src, text);
    const before = readdirSync(join(dir, 'bodies')).length;
    const replaced = await importPaths(store, [src]);
    expect(replaced.replaced).toBe(1);
    expect(replaced.warnings.some((w) => w.message.includes('替换了同一法规同一日期'))).toBe(true);
    const law = findLaws(store, '行政许可法')[0]!;
    expect(law.versionIds).toHaveLength(1);
    expect(store.loadVersion(law.versionIds[0]!).units.at(-1)!.text).toContain('（校对稿）');
    expect(readdirSync(join(dir, 'bodies')).length).toBe(before); // the old body is gone
  });

  it('keeps the stored version when another file of the same law and day reads the same, and a 时效性 set by hand when one differs', async () => {
    const { store } = await libraryWithFixtures();
    const law = findLaws(store, '行政许可法')[0]!;
    const id = law.versionIds[0]!;
    const { updateVersionMeta } = await import('../../../electron/core/library/library-edit');
    await updateVersionMeta(store, id, { statusOverride: { status: '已修改', basis: '本办公室核对：2019年修正前的文本' } });
    const gen = store.generation;
    const original = readFileSync(join(FIX, '行政法/行政许可法(2019-04-23).md'), 'utf8');
    // the same text in another file (saved again with Windows line ends, as an office's copy comes): other bytes, the same law
    const copy = join(tmp(), '行政许可法（办公室存档）.md');
    writeFileSync(copy, original.replace(/\n/g, '\r\n'));
    const same = await importPaths(store, [copy]);
    expect(same).toMatchObject({ imported: 0, replaced: 0, skipped: 1 });
    expect(same.files[0]!.reason).toContain('未替换');
    expect(store.generation).toBe(gen); // nothing written
    expect(store.version(id)!.sourceFile).toBe('行政许可法(2019-04-23).md');
    expect(store.version(id)!.statusOverride?.basis).toBe('本办公室核对：2019年修正前的文本');
    // a text that differs replaces the stored one, and keeps what a person decided about the law on that day
    const changed = join(tmp(), '行政许可法(2019-04-23).md');
    writeFileSync(changed, original.replace('第八十三条 本法自2004年7月1日起施行。', '第八十三条 本法自2004年7月1日起施行。（校对稿）'));
    const replaced = await importPaths(store, [changed]);
    expect(replaced.replaced).toBe(1);
    expect(store.loadVersion(id).units.at(-1)!.text).toContain('（校对稿）');
    expect(store.version(id)!.statusOverride).toEqual({ status: '已修改', basis: '本办公室核对：2019年修正前的文本' });
    expect(store.version(id)!.status).toBe('已修改');
  });

  it('persists across reopen and keeps the original file by content hash', async () => {
    const { store, dir } = await libraryWithFixtures();
    const reopened = await LibraryStore.open(dir, { now: NOW });
    expect(reopened.versions().length).toBe(store.versions().length);
    const v = findLaws(reopened, '宪法')[0]!;
    const meta = reopened.version(v.versionIds[0]!)!;
    const original = reopened.originalPath(meta)!;
    expect(readFileSync(original, 'utf8')).toBe(readFileSync(join(FIX, '宪法/宪法.md'), 'utf8'));
    expect(reopened.loadVersion(meta.id).units[0]!.label).toBe('序言');
  });

  it('recovers a body written just before a crash and drops an interrupted temp file', async () => {
    const { dir } = await libraryWithFixtures();
    // Simulate: a crash after a body was written but before the catalog commit.
    const other = tmp();
    const { store: s2 } = await openLibrary({ dir: other, seed: false, now: NOW });
    await importPaths(s2, [join(FIX, '民法典')]);
    const [body] = readdirSync(join(other, 'bodies'));
    cpSync(join(other, 'bodies', body!), join(dir, 'bodies', body!));
    writeFileSync(join(dir, 'bodies', '.half.json.123.abcd.tmp'), '{"trunc');
    const reopened = await LibraryStore.open(dir, { now: NOW });
    expect(findLaws(reopened, '民法典')).toHaveLength(1);
    expect(readdirSync(join(dir, 'bodies')).some((n) => n.endsWith('.tmp'))).toBe(false);
  });

  it('rebuilds a corrupt catalog from the bodies instead of refusing to open', async () => {
    const { dir, store } = await libraryWithFixtures();
    const count = store.versions().length;
    writeFileSync(join(dir, 'library.json'), '{"schemaVersion": 1, "versions": {');
    const reopened = await LibraryStore.open(dir, { now: NOW });
    expect(reopened.versions().length).toBe(count);
    expect(reopened.versions().find((v) => v.title === '中华人民共和国统计法' && v.published === '2024-09-13')?.status).toBe('现行有效');
  });

  it('detects a tampered body when reading it', async () => {
    const { dir, store } = await libraryWithFixtures();
    const meta = store.versions()[0]!;
    const file = join(dir, 'bodies', meta.file);
    writeFileSync(file, readFileSync(file, 'utf8').replace('条', '款'));
    const reopened = await LibraryStore.open(dir, { now: NOW });
    expect(() => reopened.loadVersion(meta.id)).toThrow(/已损坏/);
  });

  it('refuses a library written by a newer LawDesk', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'library.json'), JSON.stringify({ schemaVersion: 99, versions: {} }));
    await expect(LibraryStore.open(dir)).rejects.toThrow(/升级 LawDesk/);
  });

  it('seeds a new library with the starter laws once, and not again after they are removed', async () => {
    const dir = tmp();
    const { store, seeded } = await openLibrary({ dir, now: NOW });
    expect(seeded?.failed).toEqual([]);
    const titles = new Set(store.laws().map((l) => l.shortTitle));
    for (const t of ['宪法', '行政许可法', '行政处罚法', '统计法', '保守国家秘密法', '重大行政决策程序暂行条例']) {
      expect(titles.has(t)).toBe(true);
    }
    // a new library has no office region yet: the national laws only, a place's rules offered once it is set
    // (starter-by-region.test.ts)
    expect(store.laws().filter((l) => l.region !== '全国').map((l) => l.shortTitle)).toEqual([]);
    const reopened = await openLibrary({ dir, now: NOW });
    expect(reopened.seeded).toBeUndefined();
    expect(existsSync(join(dir, 'library.json'))).toBe(true);
  });
});

describe('library edits', () => {
  it('removes a version and re-derives the status of the others', async () => {
    const { store, dir } = await libraryWithFixtures();
    const { removeVersions, removeLaw } = await import('../../../electron/core/library/library-edit');
    const law = findLaws(store, '统计法')[0]!;
    const [v2009, v2024] = law.versionIds;
    await removeVersions(store, [v2024!]);
    expect(store.version(v2009!)!.status).toBe('现行有效');
    const reopened = await LibraryStore.open(dir, { now: NOW });
    expect(reopened.version(v2024!)).toBeUndefined();
    expect(reopened.version(v2009!)!.status).toBe('现行有效');
    await removeLaw(reopened, law.id);
    expect(findLaws(reopened, '统计法')).toEqual([]);
    // bodies and originals of removed versions are deleted
    const files = new Set(reopened.versions().map((v) => v.file));
    expect(readdirSync(join(dir, 'bodies')).filter((f) => !files.has(f))).toEqual([]);
    expect(readdirSync(join(dir, 'originals'))).toHaveLength(reopened.versions().length);
    await expect(removeVersions(reopened, ['nope@1'])).rejects.toThrow(/没有找到版本/);
  });

  it('edits metadata with validation and an explicit basis for a manual status', async () => {
    const { store } = await libraryWithFixtures();
    const { updateVersionMeta } = await import('../../../electron/core/library/library-edit');
    const id = findLaws(store, '行政许可法')[0]!.versionIds[0]!;
    await expect(updateVersionMeta(store, id, { published: '2019/4/23' })).rejects.toThrow(/YYYY-MM-DD/);
    await expect(updateVersionMeta(store, id, { statusOverride: { status: '已废止', basis: ' ' } })).rejects.toThrow(/依据/);
    const v = await updateVersionMeta(store, id, { statusOverride: { status: '部分失效', basis: '测试依据' }, docNumber: '主席令第二十九号' });
    expect(v.status).toBe('部分失效');
    expect(v.docNumber).toBe('主席令第二十九号');
    const back = await updateVersionMeta(store, id, { statusOverride: null });
    expect(back.status).toBe('现行有效');
  });

  it('lets only one process write at a time', async () => {
    const { store, dir } = await libraryWithFixtures();
    writeFileSync(join(dir, 'library.lock'), '1'); // pid 1 is always alive
    await expect(importPaths(store, [FIX])).rejects.toThrow(/另一个 LawDesk 进程（PID 1）/);
    writeFileSync(join(dir, 'library.lock'), '999999999'); // a dead writer: stale lock taken over
    await expect(importPaths(store, [FIX])).resolves.toMatchObject({ skipped: 16 });
  });

  it('a commit writes the catalog as staged at the call: a body replaced while it is written stays until the next commit', async () => {
    const { dir, store } = await libraryWithFixtures();
    const id = findLaws(store, '统计法')[0]!.versionIds[1]!;
    const before = store.version(id)!;
    const body = { ...store.loadVersion(id), importedAt: '2026-11-27T08:00:00.000Z' };
    const file = store.writeBody(body);
    const onDisk = () => (JSON.parse(readFileSync(join(dir, 'library.json'), 'utf8')) as { versions: Record<string, { file: string }> }).versions[id]!.file;
    const committing = store.commit();
    // staged while that commit is being written: the catalog it writes still names the old body
    const { units: _u, ...meta } = body;
    store.stage({ ...meta, file });
    await committing;
    expect(onDisk()).toBe(before.file);
    expect(existsSync(join(dir, 'bodies', before.file)), 'the body the catalog on disk names').toBe(true);
    await store.commit();
    expect(onDisk()).toBe(file);
    expect(existsSync(join(dir, 'bodies', before.file))).toBe(false);
  });
});
