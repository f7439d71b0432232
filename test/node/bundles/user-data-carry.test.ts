// Backups and bundles carry the library's user data besides records (issue 18 #6): briefing packs,
// 收藏, the office profile, the office's calendar and report template. Read back, every file is
// validated with its own schema; a forged one is refused before anything is written.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportBundle } from '../../../electron/core/bundles/bundle-export';
import { importBundle, previewBundle } from '../../../electron/core/bundles/bundle-import';
import { backupRecords, listBackups, userDataBackupPath } from '../../../electron/core/bundles/records-backup';
import { previewRestore, restoreRecords } from '../../../electron/core/bundles/records-restore';
import { USER_DATA_FILES } from '../../../electron/core/bundles/user-data-files';
import { ZipReader, ZipWriter } from '../../../electron/core/bundles/zip-file';
import { FavoritesStore } from '../../../electron/core/library/favorites-store';
import type { LibraryStore } from '../../../electron/core/library/library-store';
import { lawRows } from '../../../electron/core/library/law-list';
import { openLibrary } from '../../../electron/core/library/open-library';
import { readOffice, writeOffice } from '../../../electron/core/office/office-file';
import { PackStore } from '../../../electron/core/packs/pack-store';
import { makeLibrary, ROOT, snapshot, tmp } from './bundle-helpers';

const work = tmp();
afterAll(() => rmSync(work, { recursive: true, force: true }));

const PACK = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/packs/bureau-pack.json'), 'utf8')) as Record<string, unknown>;

/** A library with records, one pack, two 收藏, the office profile and its own report template. */
async function officeLibrary(dir: string): Promise<{ store: LibraryStore; packId: string }> {
  const { store } = await makeLibrary(dir, { records: true });
  const packs = await PackStore.open(dir, { lock: store.lock });
  const pack = await packs.create(PACK);
  const fav = FavoritesStore.open(store);
  for (const law of store.laws().slice(0, 2)) await fav.set(law.id, true);
  await writeOffice(store, { unit: '高青县科学技术局', region: '山东·淄博·高青县' });
  mkdirSync(join(dir, 'templates'), { recursive: true });
  copyFileSync(join(ROOT, 'resources/report-templates/annual-report.json'), join(dir, 'templates/annual-report.json'));
  return { store, packId: pack.id };
}

describe('user data in backups and bundles', () => {
  it('the one list names packs, 收藏, office profile, calendar and report template', () => {
    expect(USER_DATA_FILES.map((s) => s.path)).toEqual(['packs.json', 'favorites.json', 'office.json', 'holidays.json', 'templates/annual-report.json']);
  });

  it('an automatic backup keeps the packs and 收藏; restore brings them back, and can be undone', async () => {
    const dir = join(work, 'backup');
    const { store, packId } = await officeLibrary(dir);
    const b = backupRecords(store, 'before-test')!;
    expect(existsSync(userDataBackupPath(b.file)!)).toBe(true);

    const packs = await PackStore.open(dir, { lock: store.lock });
    await packs.remove(packId);
    await FavoritesStore.open(store).set(store.laws()[0]!.id, false);
    expect(packs.list()).toHaveLength(0);

    const p = await previewRestore(store, b.file);
    expect(p.userData.filter((u) => u.changed).map((u) => u.path).sort()).toEqual(['favorites.json', 'packs.json']);
    const r = await restoreRecords(store, b.file);
    expect((await PackStore.open(dir)).get(packId).title).toBe(PACK.title);
    expect(FavoritesStore.open(store).lawIds()).toHaveLength(2);
    // The restore backed up the state it replaced: the pack-less library is one restore away.
    expect(r.backup).toBeDefined();
    const undo = await previewRestore(store, r.backup!.file);
    expect(undo.userData.find((u) => u.path === 'packs.json')!.changed).toBe(true);
  });

  it('a backup is taken for packs alone (no records yet), and rotation removes its companion too', async () => {
    const dir = join(work, 'packs-only');
    const { store } = await openLibrary({ dir, seed: false });
    expect(backupRecords(store, 'manual')).toBeUndefined();
    await (await PackStore.open(dir, { lock: store.lock })).create(PACK);
    const b = backupRecords(store, 'manual')!;
    expect(b).toBeDefined();
    expect(JSON.parse(readFileSync(userDataBackupPath(b.file)!, 'utf8')).files['packs.json']).toContain(String(PACK.title));
    expect(listBackups(store)).toHaveLength(1);
  });

  it('a restore refuses a tampered backup companion and changes nothing', async () => {
    const dir = join(work, 'tampered-backup');
    const { store } = await officeLibrary(dir);
    const b = backupRecords(store, 'manual')!;
    const companion = JSON.parse(readFileSync(userDataBackupPath(b.file)!, 'utf8'));
    const packs = JSON.parse(companion.files['packs.json']);
    const first = Object.values(packs.packs)[0] as { items: unknown[] };
    first.items.push({ type: 'shell', command: 'rm -rf /' });
    companion.files['packs.json'] = JSON.stringify(packs);
    const forged = join(work, 'records-20250101T000000000Z-manual.json');
    copyFileSync(b.file, forged);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(userDataBackupPath(forged)!, JSON.stringify(companion));
    const before = snapshot(dir, (rel) => rel.startsWith('backups') || rel.startsWith('index') || rel.startsWith('derived') || rel === 'library.lock');
    await expect(restoreRecords(store, forged)).rejects.toThrow(/简报包（packs\.json）不合格式/);
    expect(snapshot(dir, (rel) => rel.startsWith('backups') || rel.startsWith('index') || rel.startsWith('derived') || rel === 'library.lock')).toEqual(before);
  });

  it('a bundle carries packs, 收藏, profile and template to another library; the receiver keeps its own profile', async () => {
    const src = join(work, 'src');
    const { store, packId } = await officeLibrary(src);
    const out = join(work, 'office.lawdesk');
    const res = await exportBundle(store, { laws: [], records: true, out });
    expect(res.userData).toEqual(['packs.json', 'favorites.json', 'office.json', 'templates/annual-report.json']);

    const dst = join(work, 'dst');
    const { store: other } = await makeLibrary(dst);
    await writeOffice(other, { unit: '淄博市科学技术局', region: '山东·淄博' });
    const preview = await previewBundle(other, out);
    expect(Object.fromEntries(preview.userData.map((u) => [u.path, u.outcome]))).toEqual({
      'packs.json': 'new',
      'favorites.json': 'new',
      'office.json': 'kept',
      'templates/annual-report.json': 'new',
    });
    const r = await importBundle(other, out);
    expect(r.changed).toBe(true);
    expect((await PackStore.open(dst)).get(packId).cover.unit).toBe((PACK.cover as { unit: string }).unit);
    expect(FavoritesStore.open(other).lawIds()).toEqual(FavoritesStore.open(store).lawIds());
    expect(readOffice(dst).profile.unit).toBe('淄博市科学技术局');
    const template = (d: string) => JSON.parse(readFileSync(join(d, 'templates/annual-report.json'), 'utf8')) as unknown;
    expect(template(dst)).toEqual(template(src));
    // Imported twice: nothing left to change.
    expect((await importBundle(other, out)).changed).toBe(false);
  });

  it('a pack edited on both sides: the later edit wins', async () => {
    const src = join(work, 'both-src');
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const { store, packId } = await officeLibrary(src);
    const out = join(work, 'both.lawdesk');
    const dst = join(work, 'both-dst');
    await importBundle((await makeLibrary(dst)).store, (await exportBundle(store, { laws: [], records: true, out }), out));
    const later = await PackStore.open(src, { lock: store.lock, now: () => new Date((clock += 86_400_000 * 400)) });
    await later.update(packId, { ...PACK, title: '改过的标题' });
    await exportBundle(store, { laws: [], records: true, out });
    const { store: d } = await openLibrary({ dir: dst, seed: false });
    const p = await previewBundle(d, out);
    expect(p.userData.find((u) => u.path === 'packs.json')).toMatchObject({ outcome: 'merged' });
    await importBundle(d, out);
    expect((await PackStore.open(dst)).get(packId).title).toBe('改过的标题');
  });

  it('a bundle whose packs.json is forged (manifest re-signed) is refused before any write', async () => {
    const src = join(work, 'forge-src');
    const { store } = await officeLibrary(src);
    const good = join(work, 'forge-good.lawdesk');
    await exportBundle(store, { laws: [], records: true, out: good });
    const r = new ZipReader(good);
    const es = r.entries.filter((e) => !e.isDirectory).map((e) => ({ name: e.name, data: Buffer.from(r.readEntry(e)) }));
    r.close();
    const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    const packsEntry = es.find((e) => e.name === 'userdata/packs.json')!;
    const packs = JSON.parse(packsEntry.data.toString());
    (Object.values(packs.packs)[0] as { cover: Record<string, unknown> }).cover.unit = 'x'.repeat(100_000);
    packsEntry.data = Buffer.from(JSON.stringify(packs));
    const m = es.find((e) => e.name === 'manifest.json')!;
    const manifest = JSON.parse(m.data.toString());
    manifest.entries['userdata/packs.json'] = { sha256: sha(packsEntry.data), size: packsEntry.data.length };
    m.data = Buffer.from(JSON.stringify(manifest));
    const forged = join(work, 'forged.lawdesk');
    const w = new ZipWriter(forged);
    for (const e of es) w.add(e);
    w.finish();

    const dst = join(work, 'forge-dst');
    const { store: other } = await makeLibrary(dst);
    const before = snapshot(dst, (rel) => rel.startsWith('index') || rel.startsWith('derived') || rel === 'library.lock');
    await expect(importBundle(other, forged)).rejects.toThrow(/资料包 \S+\.lawdesk 中的简报包（packs\.json）不合格式/);
    expect(snapshot(dst, (rel) => rel.startsWith('index') || rel.startsWith('derived') || rel === 'library.lock')).toEqual(before);
  });

  it('bundle export picks laws by facet (level, status …), not only all or none', async () => {
    const dir = join(work, 'facets');
    const { store } = await makeLibrary(dir);
    const rows = lawRows(store);
    expect(new Set(rows.map((r) => r.level)).size).toBeGreaterThan(1);
    const chosen = new Set(rows.filter((r) => r.level === '法律').map((r) => r.lawId));
    const out = join(work, 'laws-only.lawdesk');
    const r = await exportBundle(store, { filter: { levels: ['法律'] }, out });
    const want = store.versions().filter((v) => chosen.has(v.lawId));
    expect(r.versions).toBe(want.length);
    expect(r.versions).toBeLessThan(store.versions().length);
    const other = (await openLibrary({ dir: join(work, 'facets-dst'), seed: false })).store;
    const p = await previewBundle(other, out);
    expect(new Set(p.laws.map((l) => l.versionId))).toEqual(new Set(want.map((v) => v.id)));
  });
});
