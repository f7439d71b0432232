// A scan of a law already in the library (#14): matched by title (width, 中华人民共和国, brackets
// aside), region and date to a text-source version; never written over it; the person's choice
// (使用库中文本 / 保留扫描件) is recorded with who and when. The scan is the real 退职 rules printed
// and scanned at 200 dpi (tuizhi-scan.pdf, recognised once), the library text its LibreOffice .docx.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPaths, type ImportReport } from '../../../electron/core/library/library-import';
import { openLibrary } from '../../../electron/core/library/open-library';
import type { LibraryStore } from '../../../electron/core/library/library-store';
import { decideScanMatch, findLibraryMatch, readScanDecisions, scanMatchView, scanTitleKey, SCAN_DECISIONS_FILE } from '../../../electron/core/library/scan-library-match';
import { importReportSchema } from '../../../electron/shared/api/import';
import { versionMetaSchema } from '../../../electron/shared/api/library';
import type { LawVersionMeta } from '../../../electron/shared/law-model';
import { MemorySettingsStore } from '../../../electron/core/api/settings-file';
import { openTestApp } from '../test-app';

const DOCS = join(import.meta.dirname, '../../fixtures/documents');
const SOURCES = join(DOCS, 'sources');
const work = mkdtempSync(join(tmpdir(), 'lawdesk-scanmatch-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const NOW = new Date('2026-03-02T09:30:00+08:00');

async function textLibrary(files: string[]): Promise<LibraryStore> {
  const { store } = await openLibrary({ dir: mkdtempSync(join(work, 'lib-')), seed: false, now: () => NOW });
  await importPaths(store, files);
  return store;
}

describe('matching a scan to the library (titles, regions, dates)', () => {
  let store: LibraryStore;
  let tuizhi: LawVersionMeta;
  beforeAll(async () => {
    store = await textLibrary(['tuizhi.md', 'jiancai.md', 'kepu.md', 'xingfa.md'].map((f) => join(SOURCES, f)));
    tuizhi = store.versions().find((v) => v.title.includes('退职'))!;
    expect(tuizhi.published || tuizhi.effective).toBeTruthy();
  });
  const scanOf = (v: LawVersionMeta, patch: Partial<LawVersionMeta> = {}) => ({ title: v.title, region: v.region, published: v.published, effective: v.effective, ...patch });

  it('folds width, the 中华人民共和国 prefix, brackets and an edition note, and nothing more', () => {
    expect(scanTitleKey('中华人民共和国行政许可法（2019年修正）')).toBe(scanTitleKey('行政许可法'));
    expect(scanTitleKey('山东省科学技术进步条例(试行)')).toBe(scanTitleKey('山东省科学技术进步条例（试行）'));
    expect(scanTitleKey('《国务院关于工人退休、退职的暂行办法》')).toBe(scanTitleKey('国务院关于工人退休、退职的暂行办法'));
    expect(scanTitleKey('淄博市专利条例〔２０２０〕')).toBe(scanTitleKey('淄博市专利条例(2020)'));
    expect(scanTitleKey('行政许可法实施条例')).not.toBe(scanTitleKey('行政许可法'));
    expect(scanTitleKey('淄博市科学技术进步条例')).not.toBe(scanTitleKey('山东省科学技术进步条例'));
  });

  it('matches the same title and date to the library version, with full-width and prefixed spellings', () => {
    for (const title of [tuizhi.title, tuizhi.title.replace(/[（(]/g, '(').replace(/[）)]/g, ')'), `中华人民共和国${tuizhi.title}`, tuizhi.title.replace(/,/g, '，').normalize('NFKC')]) {
      const found = findLibraryMatch(store.versions(), scanOf(tuizhi, { title }));
      expect(found, title).toBeDefined();
      expect(found!.match).toMatchObject({ versionId: tuizhi.id, sameDate: true, textSource: 'plain' });
      expect(found!.lawId).toBe(tuizhi.lawId);
    }
  });

  it('matches another date of the same law as a new version, compared with the nearest one', () => {
    const later = findLibraryMatch(store.versions(), scanOf(tuizhi, { published: '2030-01-01', effective: '2030-01-01' }));
    expect(later?.match).toMatchObject({ versionId: tuizhi.id, sameDate: false });
    // With two library versions the nearer date wins, on either side.
    const older = { ...tuizhi, id: `${tuizhi.lawId}@1950-01-01`, published: '1950-01-01', effective: '1950-01-01' };
    const lib = [...store.versions(), older];
    expect(findLibraryMatch(lib, scanOf(tuizhi, { published: '1952-06-01', effective: undefined }))!.match.versionId).toBe(older.id);
    expect(findLibraryMatch(lib, scanOf(tuizhi, { published: '2030-01-01', effective: undefined }))!.match.versionId).toBe(tuizhi.id);
  });

  it('does not match a law the library lacks, a near title, another region, or a library version that is itself OCR', () => {
    const vs = store.versions();
    expect(findLibraryMatch(vs, scanOf(tuizhi, { title: '国务院关于工人退休的暂行办法' }))).toBeUndefined();
    expect(findLibraryMatch(vs, scanOf(tuizhi, { title: `${tuizhi.title}实施细则` }))).toBeUndefined();
    expect(findLibraryMatch(vs, scanOf(tuizhi, { title: tuizhi.title.replace('暂行', '') }))).toBeUndefined();
    expect(findLibraryMatch(vs, scanOf(tuizhi, { region: '山东·淄博' }))).toBeUndefined();
    const kepu = vs.find((v) => v.title.includes('科学技术普及'))!;
    expect(findLibraryMatch(vs, scanOf(kepu, { title: kepu.title.replace('科学技术普及', '科学技术进步') }))).toBeUndefined();
    const asOcr = vs.map((v) => (v.id === tuizhi.id ? { ...v, textSource: 'ocr' as const } : v));
    expect(findLibraryMatch(asOcr, scanOf(tuizhi))).toBeUndefined();
  });
});

describe('importing a scan of a law already in the library, and the choice', () => {
  let base: string;
  let report: ImportReport;
  let libraryId: string;
  let scanId: string;
  beforeAll(async () => {
    const store = await textLibrary([join(DOCS, 'tuizhi-libreoffice.docx')]);
    libraryId = store.versions()[0]!.id;
    report = await importPaths(store, [join(DOCS, 'tuizhi-scan.pdf')]);
    base = store.dir;
    scanId = report.files[0]!.versionId!;
  }, 300_000);

  /** A copy of the library after the scan's import, so each choice starts from the same state. */
  async function copy(): Promise<LibraryStore> {
    const dir = mkdtempSync(join(work, 'copy-'));
    cpSync(base, dir, { recursive: true });
    return (await openLibrary({ dir, seed: false, now: () => NOW })).store;
  }

  it('adds the scan beside the library text (never over it) and says so in the report', async () => {
    expect(importReportSchema.parse(report).files[0]).toMatchObject({ status: 'imported', textSource: 'ocr', libraryMatch: { versionId: libraryId, sameDate: true, textSource: 'docx' } });
    expect(scanId).not.toBe(libraryId);
    expect(report.warnings.map((w) => w.message).join('\n')).toContain('同一法规同一日期');
    const store = await copy();
    const lib = store.version(libraryId)!;
    expect(lib.textSource).toBe('docx');
    const scan = store.version(scanId)!;
    expect(versionMetaSchema.parse(scan).libraryMatch).toMatchObject({ versionId: libraryId, sameDate: true });
    expect(scan.lawId).toBe(lib.lawId);
    // The library's text stays the one in force; the copy shares its 时效性.
    expect(scan.status).toBe(lib.status);
    expect(store.laws().find((l) => l.id === lib.lawId)!.versionIds).toEqual(expect.arrayContaining([libraryId, scanId]));
  });

  it('lists the differences article by article (library → scan) through the versions compare', async () => {
    const store = await copy();
    const view = scanMatchView(store, scanId);
    expect(view.library).toMatchObject({ id: libraryId, textSource: 'docx' });
    expect(view.diff.from.id).toBe(libraryId);
    expect(view.diff.to.id).toBe(scanId);
    // Every listed row really differs, and the unchanged articles are left out.
    const lib = store.loadVersion(libraryId);
    expect(view.diff.rows.length).toBeLessThan(lib.units.length);
    for (const r of view.diff.rows) expect(r.from.map((s) => s.text).join('\n') !== r.to.map((s) => s.text).join('\n') || r.from.length !== r.to.length || r.cosmetic).toBe(true);
  });

  it('使用库中文本: the scan is removed, the library text untouched, the choice logged with who and when', async () => {
    const store = await copy();
    const libFile = store.version(libraryId)!.file;
    const r = await decideScanMatch(store, scanId, { choice: 'library', by: ' 王律师 ' });
    expect(r).toEqual({ choice: 'library', versionId: libraryId });
    expect(store.version(scanId)).toBeUndefined();
    expect(store.version(libraryId)!.file).toBe(libFile);
    const again = (await openLibrary({ dir: store.dir, seed: false })).store;
    expect(again.version(scanId)).toBeUndefined();
    expect(readScanDecisions(again.dir)).toEqual([expect.objectContaining({ scanVersionId: scanId, libraryVersionId: libraryId, choice: 'library', by: '王律师', at: NOW.toISOString(), sourceFile: 'tuizhi-scan.pdf' })]);
    await expect(decideScanMatch(again, scanId, { choice: 'scan', by: '李' })).rejects.toThrow('没有找到版本');
  });

  it('保留扫描件: the scan stays, stamped with the choice; a second choice and a bad name are refused', async () => {
    const store = await copy();
    await expect(decideScanMatch(store, scanId, { choice: 'scan', by: '  ' })).rejects.toThrow('请写明选择人');
    await expect(decideScanMatch(store, libraryId, { choice: 'scan', by: '王' })).rejects.toThrow('不是与库中法规相同的扫描件');
    const r = await decideScanMatch(store, scanId, { choice: 'scan', by: '王律师' });
    expect(r.scan!.libraryMatch!.decision).toEqual({ choice: 'scan', by: '王律师', at: NOW.toISOString() });
    expect(existsSync(join(store.dir, SCAN_DECISIONS_FILE))).toBe(false);
    const again = (await openLibrary({ dir: store.dir, seed: false })).store;
    expect(again.loadVersion(scanId).libraryMatch!.decision!.by).toBe('王律师');
    expect(again.version(libraryId)!.textSource).toBe('docx');
    await expect(decideScanMatch(again, scanId, { choice: 'library', by: '李' })).rejects.toThrow('已由王律师选择');
  });

  it('the HTTP face validates the choice and records the office user by default', async () => {
    const store = await copy();
    const settings = new MemorySettingsStore();
    settings.set({ displayName: '赵主任' });
    const app = await openTestApp(work, { libraryDir: store.dir, settings });
    try {
      await expect(app.call('version:decideScanMatch', { versionId: scanId, choice: 'neither' } as never)).rejects.toThrow();
      const view = await app.call('version:scanMatch', { versionId: scanId });
      expect(view.match.sameDate).toBe(true);
      const r = await app.call('version:decideScanMatch', { versionId: scanId, choice: 'scan' });
      expect(r.scan!.libraryMatch!.decision!.by).toBe('赵主任');
    } finally {
      app.close();
    }
  });

  it('a corrupt decision log is an error naming the file, not an empty log', async () => {
    const store = await copy();
    cpSync(join(DOCS, 'tuizhi-libreoffice.docx'), join(store.dir, SCAN_DECISIONS_FILE));
    expect(() => readScanDecisions(store.dir)).toThrow(SCAN_DECISIONS_FILE);
    await expect(decideScanMatch(store, scanId, { choice: 'library', by: '王' })).rejects.toThrow(SCAN_DECISIONS_FILE);
    expect(store.version(scanId)).toBeDefined();
    expect(readFileSync(join(store.dir, SCAN_DECISIONS_FILE)).length).toBeGreaterThan(0);
  });
});
