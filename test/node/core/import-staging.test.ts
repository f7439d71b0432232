// The import's staging on its own (core/library/import-staging.ts): a preview is a dry run kept
// under an id, reported by the uploaded names; commit imports it once; discard, expiry and a newer
// preview beyond the cap remove the uploaded files with it.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportStaging } from '../../../electron/core/library/import-staging';
import { LibraryError, type LibraryStore } from '../../../electron/core/library/library-store';
import { openLibrary } from '../../../electron/core/library/open-library';
import type { PhaseProgress } from '../../../electron/shared/task-progress';
import { openTestApp } from '../test-app';

const LAWS = resolve(import.meta.dirname, '../../fixtures/laws/行政法');
const FILES = ['行政许可法(2019-04-23).md', '保守国家秘密法(2024-02-27).md'];

let tmp: string;
let store: LibraryStore;
beforeEach(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'lawdesk-import-staging-'));
  store = (await openLibrary({ dir: join(tmp, 'lib'), seed: false })).store;
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

/** Files as an upload leaves them: in a temp folder of their own, one sub-folder deep. */
function uploaded(name: string): { paths: string[]; tempDir: string } {
  const tempDir = join(tmp, name);
  mkdirSync(join(tempDir, '0'), { recursive: true });
  const paths = FILES.map((f, i) => {
    const p = join(tempDir, String(i), f);
    mkdirSync(join(tempDir, String(i)), { recursive: true });
    cpSync(join(LAWS, f), p);
    return p;
  });
  return { paths, tempDir };
}

describe('ImportStaging', () => {
  it('previews without importing, under the uploaded names; commit imports once and removes the upload', async () => {
    const staging = new ImportStaging(store);
    const files = uploaded('up');
    const seen: PhaseProgress[] = [];
    const pv = await staging.preview(files, (p) => seen.push(p));
    expect(pv.report.imported).toBe(2);
    expect(pv.report.files.map((f) => f.file).sort()).toEqual([...FILES].sort());
    expect(store.laws()).toHaveLength(0); // a dry run
    expect(seen.every((p) => p.phase === 'preview')).toBe(true);
    expect(seen.map((p) => p.label).filter(Boolean).every((l) => FILES.includes(l!))).toBe(true);

    const done: PhaseProgress[] = [];
    const report = await staging.commit(pv.stagingId, (p) => done.push(p));
    expect(report.imported).toBe(2);
    expect(report.failed).toEqual([]);
    expect(store.laws().map((l) => l.shortTitle).sort()).toEqual(['保守国家秘密法', '行政许可法'].sort());
    expect(done.length).toBeGreaterThan(0);
    expect(done.every((p) => p.phase === 'import')).toBe(true);
    expect(existsSync(files.tempDir)).toBe(false);
    // committed once: the id is gone
    await expect(staging.commit(pv.stagingId)).rejects.toSatisfy((e: unknown) => e instanceof LibraryError && e.code === 'NOT_FOUND' && /预览已过期/.test(e.message));
  });

  it('a file changed after the preview is imported as it is now, with a warning; a file gone is a failure naming it (hfuzz)', async () => {
    const staging = new ImportStaging(store);
    const files = uploaded('changed');
    const { stagingId, report: preview } = await staging.preview(files);
    expect(preview.failed).toEqual([]);
    cpSync(join(LAWS, '保守国家秘密法(2010-04-29).md'), files.paths[0]!); // another law under the previewed name
    rmSync(files.paths[1]!);
    const report = await staging.commit(stagingId);
    expect(report.warnings.filter((w) => /预览之后被改动过/.test(w.message)).map((w) => w.file)).toEqual([FILES[0]]);
    expect(report.failed.map((f) => [f.file, f.reason])).toEqual([[FILES[1], '文件或文件夹不存在']]);
    expect(store.versions().map((v) => v.published)).toEqual(['2010-04-29']);
  });

  it('discard removes the upload; a second discard finds nothing', async () => {
    const staging = new ImportStaging(store);
    const files = uploaded('up');
    const pv = await staging.preview(files);
    expect(staging.discard(pv.stagingId)).toBe(true);
    expect(existsSync(files.tempDir)).toBe(false);
    expect(staging.discard(pv.stagingId)).toBe(false);
    await expect(staging.commit(pv.stagingId)).rejects.toBeInstanceOf(LibraryError);
    expect(store.laws()).toHaveLength(0);
  });

  it('an expired preview, and the oldest beyond the cap, are dropped with their uploads when a new one comes', async () => {
    let now = 0;
    const staging = new ImportStaging(store, { ttlMs: 1000, max: 2, now: () => now });
    const a = uploaded('a');
    const pa = await staging.preview(a);
    now = 1001;
    const b = uploaded('b');
    const pb = await staging.preview(b); // a has expired
    expect(existsSync(a.tempDir)).toBe(false);
    await expect(staging.commit(pa.stagingId)).rejects.toBeInstanceOf(LibraryError);
    const c = uploaded('c');
    await staging.preview(c);
    const d = uploaded('d');
    await staging.preview(d); // over the cap of 2: b, the oldest, goes
    expect(existsSync(b.tempDir)).toBe(false);
    expect(existsSync(c.tempDir) && existsSync(d.tempDir)).toBe(true);
    await expect(staging.commit(pb.stagingId)).rejects.toBeInstanceOf(LibraryError);
    staging.dropAll();
    expect(existsSync(c.tempDir) || existsSync(d.tempDir)).toBe(false);
  });

  it('through the API: discard answers ok once, and a commit after it is NOT_FOUND in Chinese', async () => {
    const svc = await openTestApp(tmp, { libraryDir: join(tmp, 'app') });
    try {
      const files = FILES.map((name) => ({ name, dataBase64: readFileSync(join(LAWS, name)).toString('base64') }));
      const pv = await svc.call('import:preview', { files });
      expect(pv.report.files.map((f) => f.file).sort()).toEqual([...FILES].sort());
      expect(await svc.call('import:discard', { stagingId: pv.stagingId })).toEqual({ ok: true });
      expect(await svc.call('import:discard', { stagingId: pv.stagingId })).toEqual({ ok: false });
      await expect(svc.call('import:commit', { stagingId: pv.stagingId })).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/预览已过期/) });
      expect(svc.store.laws()).toHaveLength(0);
    } finally {
      svc.close();
    }
  });
});
