// A law's id is made of its title and region, and the region guess improved in session 15 (a county's
// documents were 全国, now 山东·淄博·高青县). A library made with the old guess keeps its ids: a
// re-import of the same document, another copy of it or its next version joins the stored law.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importPaths } from '../../../electron/core/library/library-import';
import { lawIdFor } from '../../../electron/core/library/law-identity';
import { updateVersionMeta } from '../../../electron/core/library/library-edit';
import { openLibrary } from '../../../electron/core/library/open-library';
import { writeOffice } from '../../../electron/core/office/office-file';

// The library "made with the old guess": the import path runs with the guess as it was (region-guess-v1.ts).
const guess = vi.hoisted(() => ({ old: false }));
vi.mock('../../../electron/core/library/level-and-region', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../electron/core/library/level-and-region')>();
  const { guessRegionV1 } = await import('../../../electron/core/library/region-guess-v1');
  return {
    ...real,
    guessRegion: (title: string, issuer?: string, folder?: string, office?: string) =>
      guess.old ? guessRegionV1(title, issuer, folder) : real.guessRegion(title, issuer, folder, office),
  };
});

const DOC = join(import.meta.dirname, '../../fixtures/register/高青县科技创新券管理暂行办法.md');
const TITLE = '高青县科技创新券管理暂行办法';
const dirs: string[] = [];
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'lawdesk-region-id-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  guess.old = false;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const NOW = () => new Date('2026-12-05T08:00:00Z');

/** The document as one more file in a folder of its own: the same bytes, a CRLF copy, or its 2022 revision. */
function copyOf(kind: 'same' | 'crlf' | 'revised'): string {
  const dir = join(tmp(), kind);
  mkdirSync(dir);
  let text = readFileSync(DOC, 'utf8');
  if (kind === 'crlf') text = text.replace(/\n/g, '\r\n');
  if (kind === 'revised') {
    text = text
      .replace('2020年5月8日 高青县科学技术局 高科发〔2020〕3号 公布 自2020年6月1日起施行', '2022年3月1日 高青县科学技术局 高科发〔2022〕2号 公布 自2022年4月1日起施行')
      .replace('县财政局负责资金的预算安排和拨付。', '县财政局负责资金的预算安排、拨付和监督。');
    expect(text).toContain('2022年3月1日');
    expect(text).toContain('拨付和监督');
  }
  const file = join(dir, `${TITLE}.md`);
  writeFileSync(file, text);
  return file;
}

async function oldLibrary() {
  const { store } = await openLibrary({ dir: tmp(), seed: false, now: NOW });
  guess.old = true;
  const first = await importPaths(store, [DOC]);
  guess.old = false;
  expect(first.failed).toEqual([]);
  const law = store.laws().find((l) => l.title === TITLE)!;
  // what the old guess made of a county's document
  expect(law).toMatchObject({ id: lawIdFor(TITLE, '全国'), region: '全国' });
  const stored = store.version(law.versionIds[0]!)!;
  return { store, law, stored, units: store.loadVersion(stored.id).units };
}

describe('law identity across the region guess of session 15', () => {
  it('guesses the county for a fresh library', async () => {
    const { store } = await openLibrary({ dir: tmp(), seed: false, now: NOW });
    await importPaths(store, [DOC]);
    expect(store.laws().map((l) => [l.id, l.region])).toEqual([[lawIdFor(TITLE, '山东·淄博·高青县'), '山东·淄博·高青县']]);
  });

  it('re-imports into a library made with the old guess without a duplicate or a loss', async () => {
    const { store, law, stored, units } = await oldLibrary();

    // the same file: nothing to do
    const same = await importPaths(store, [copyOf('same')]);
    expect(same.files.map((f) => f.status)).toEqual(['skipped']);

    // another copy of the same version (other bytes, the same text): found under the same ids, and kept as stored
    const crlf = await importPaths(store, [copyOf('crlf')]);
    expect(crlf.failed).toEqual([]);
    expect(crlf.files.map((f) => [f.status, f.versionId])).toEqual([['skipped', stored.id]]);

    // its next version: a second version of the same law, kept in the region the library has for it
    const revised = await importPaths(store, [copyOf('revised')]);
    expect(revised.failed).toEqual([]);
    expect(revised.files.map((f) => f.status)).toEqual(['imported']);
    expect(revised.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining('本次识别的地区为 山东·淄博·高青县'));

    const laws = store.laws().filter((l) => l.title === TITLE);
    expect(laws).toHaveLength(1);
    expect(laws[0]).toMatchObject({ id: law.id, region: '全国' });
    expect(laws[0]!.versionIds).toEqual([stored.id, `${law.id}@2022-03-01`]);
    expect(store.version(`${law.id}@2022-03-01`)).toMatchObject({ region: '全国', published: '2022-03-01' });
    // nothing lost: the 2020 text is still there under its id, article for article
    expect(store.loadVersion(stored.id).units.map((u) => u.text)).toEqual(units.map((u) => u.text));
    expect(store.loadVersion(`${law.id}@2022-03-01`).units.find((u) => u.label === '第三条')!.text).toContain('拨付和监督');
  });

  it('keeps the region the user set on the stored law', async () => {
    const { store, law, stored } = await oldLibrary();
    await updateVersionMeta(store, stored.id, { region: '山东·淄博·高青县' });
    const revised = await importPaths(store, [copyOf('revised')]);
    expect(revised.failed).toEqual([]);
    expect(store.laws().filter((l) => l.title === TITLE).map((l) => [l.id, l.region, l.versionIds.length])).toEqual([[law.id, '山东·淄博·高青县', 2]]);
  });

  it('uses the office’s region for a document that names no place, never over a manifest’s', async () => {
    const { store } = await openLibrary({ dir: tmp(), seed: false, now: NOW });
    await writeOffice(store, { unit: '高青县科学技术局', region: '山东·淄博·高青县' });
    const dir = join(tmp(), 'own');
    mkdirSync(join(dir, 'm'), { recursive: true });
    // the office's own 办法 as it files it: no place in the title, signed 县科学技术局 at the end
    const text = readFileSync(DOC, 'utf8')
      .replace(/高青县/g, '县')
      .replace(/^# 县/, '# ')
      .replace(/^2020年5月8日.*\n/m, '')
      .replace(/\s*$/, '\n\n县科学技术局\n2020年5月8日\n');
    expect(text.split('\n')[0]).toBe('# 科技创新券管理暂行办法');
    writeFileSync(join(dir, '科技创新券管理暂行办法.md'), text);
    const own = await importPaths(store, [join(dir, '科技创新券管理暂行办法.md')]);
    expect(own.failed).toEqual([]);
    expect(store.version(own.files[0]!.versionId!)).toMatchObject({ issuer: '县科学技术局', region: '山东·淄博·高青县' });

    writeFileSync(join(dir, 'm', '科技创新券管理暂行办法.md'), text.replace('科技创新券管理暂行办法', '科技创新券管理暂行办法（修订）'));
    writeFileSync(join(dir, 'm', 'manifest.jsonl'), JSON.stringify({ path: '科技创新券管理暂行办法.md', title: '科技创新券管理暂行办法（修订）', region: '山东' }) + '\n');
    const withManifest = await importPaths(store, [join(dir, 'm', '科技创新券管理暂行办法.md')]);
    expect(withManifest.failed).toEqual([]);
    expect(store.version(withManifest.files[0]!.versionId!)!.region).toBe('山东');
  });

  it('reads the issuer of a 公布 line, and a law stored before that was read keeps its id', async () => {
    // the issuer stands only in the header's 公布 line (before session 16 not read: 全国, 地方政府规章 unknown)
    const text = readFileSync(DOC, 'utf8')
      .replace(/高青县/g, '')
      .replace(/^2020年5月8日.*$/m, '2020年5月8日 山东省科学技术厅公布 自2020年6月1日起施行');
    const dir = join(tmp(), 'pub');
    mkdirSync(join(dir, 'old'), { recursive: true });
    const file = join(dir, '科技创新券管理暂行办法.md');
    writeFileSync(file, text);
    const fresh = await openLibrary({ dir: tmp(), seed: false, now: NOW });
    await importPaths(fresh.store, [file]);
    expect(fresh.store.laws().map((l) => [l.region, l.level])).toEqual([['山东', '地方政府规章']]);
    expect(fresh.store.version(fresh.store.laws()[0]!.versionIds[0]!)!.issuer).toBe('山东省科学技术厅');

    // a library that stored it when the line named no organ that was read: the same law joins, no second one
    const { store } = await openLibrary({ dir: tmp(), seed: false, now: NOW });
    const before = join(dir, 'old', '科技创新券管理暂行办法.md');
    writeFileSync(before, text.replace('2020年5月8日 山东省科学技术厅公布', '2020年5月8日 公布'));
    await importPaths(store, [before]);
    expect(store.laws().map((l) => [l.id, l.region])).toEqual([[lawIdFor('科技创新券管理暂行办法', '全国'), '全国']]);
    const again = await importPaths(store, [file]);
    expect(again.failed).toEqual([]);
    expect(store.laws().map((l) => [l.id, l.region, l.versionIds.length])).toEqual([[lawIdFor('科技创新券管理暂行办法', '全国'), '全国', 1]]);
  });
});
