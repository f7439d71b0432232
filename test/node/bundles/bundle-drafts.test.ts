// Drafts (时效性 草案) across LawDesk versions in a bundle: a bundle of an older LawDesk (format 2, made by main at
// b6e1861: test/fixtures/draft-status/bundle-v2-b6e1861.lawdesk) imports its drafts as 草案 — by title and by the
// mark line its import left in the text — and a bundle written now carries drafts in format 3, which a reader of
// format 2 refuses by its version (an older LawDesk: "资料包格式版本为 3，比本程序支持的 2 新"), while a bundle
// without drafts stays format 2 for it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportBundle } from '../../../electron/core/bundles/bundle-export';
import { importBundle } from '../../../electron/core/bundles/bundle-import';
import { readBundle } from '../../../electron/core/bundles/bundle-read';
import { importPaths } from '../../../electron/core/library/library-import';
import { checkLibrary } from '../../../electron/core/library/library-check';
import { openLibrary } from '../../../electron/core/library/open-library';
import type { LibraryStore } from '../../../electron/core/library/library-store';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/draft-status');
const OLD_BUNDLE = join(FIXTURES, 'bundle-v2-b6e1861.lawdesk');
const FILES = ['养犬条例.txt', '养犬条例修订.txt', '文明条例.txt', '验收通知-标题下注明.md', '资金办法-标题上注明.txt'];
const work = mkdtempSync(join(tmpdir(), 'bundle-drafts-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const open = async (name: string) => (await openLibrary({ dir: join(work, name), seed: false })).store;
/** Each version as its source file, 时效性 and draft mark, in file order. */
const table = (store: LibraryStore) =>
  store
    .versions()
    .map((v) => [v.sourceFile, v.status, v.draft ?? false] as const)
    .sort((a, b) => FILES.indexOf(a[0]) - FILES.indexOf(b[0]));
const manifestVersion = (file: string) => {
  const b = readBundle(file);
  try {
    return b.manifest.schemaVersion;
  } finally {
    b.close();
  }
};

describe('a bundle and its drafts', () => {
  it('of an older LawDesk (format 2) imports its drafts as 草案, as an import of the same files does now', async () => {
    expect(manifestVersion(OLD_BUNDLE)).toBe(2);
    const old = readBundle(OLD_BUNDLE);
    // as written by b6e1861: no draft marked, every draft 现行有效 or 尚未生效
    const written = JSON.parse(Buffer.from(old.bytesOf('laws/catalog.json')).toString('utf8')) as { versions: { sourceFile: string; status: string; draft?: boolean }[] };
    old.close();
    expect(written.versions.some((v) => v.status === '草案' || v.draft !== undefined)).toBe(false);

    const store = await open('from-old');
    const result = await importBundle(store, OLD_BUNDLE);
    expect(result.summary.laws.new).toBe(5);
    const now = await open('files-now');
    await importPaths(now, FILES.map((f) => join(FIXTURES, f)));
    const statuses = (s: LibraryStore) => table(s).map(([file, status]) => [file, status]);
    expect(statuses(store)).toEqual(statuses(now));
    expect(table(store)).toEqual([
      ['养犬条例.txt', '现行有效', false],
      ['养犬条例修订.txt', '草案', true],
      ['文明条例.txt', '草案', false], // its title says so: 草案 without the mark
      ['验收通知-标题下注明.md', '草案', true],
      ['资金办法-标题上注明.txt', '草案', true],
    ]);
    expect(checkLibrary(store)).toEqual([]);
    // written so: the library opened again reads the same
    expect(table(await open('from-old'))).toEqual(table(store));
  });

  it('written now with drafts is format 3 and reads back whole; without drafts it stays format 2', async () => {
    const store = await open('now');
    await importPaths(store, FILES.map((f) => join(FIXTURES, f)));
    const withDrafts = join(work, 'drafts.lawdesk');
    await exportBundle(store, { out: withDrafts });
    expect(manifestVersion(withDrafts)).toBe(3);
    const back = await open('back');
    await importBundle(back, withDrafts);
    expect(table(back)).toEqual(table(store));
    expect(JSON.stringify(back.versions().sort((a, b) => a.id.localeCompare(b.id)))).toBe(JSON.stringify(store.versions().sort((a, b) => a.id.localeCompare(b.id))));

    const enacted = store.versions().find((v) => v.sourceFile === '养犬条例.txt')!;
    const noDrafts = join(work, 'enacted.lawdesk');
    await exportBundle(store, { laws: [enacted.id], out: noDrafts });
    expect(manifestVersion(noDrafts)).toBe(2);
    const b = readBundle(noDrafts);
    expect(b.versions.map((v) => [v.id, v.status, v.draft])).toEqual([[enacted.id, '现行有效', undefined]]);
    b.close();
  });
});
