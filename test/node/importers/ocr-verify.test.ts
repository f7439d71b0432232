// 核对 of an OCR'd version: a person confirms it (who, when), optionally correcting articles; the
// search index sees the corrected text; a version whose text is not OCR is refused and the library
// stays as it was. The OCR version is the real 退职 rules imported from Markdown and then given what
// the OCR importer writes (a misread character, its suspect offset, textSource 'ocr', verified
// false) — recognising a scan takes minutes and is covered in ocr-import.test.ts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importPaths } from '../../../electron/core/library/library-import';
import type { LibraryStore } from '../../../electron/core/library/library-store';
import { openLibrary } from '../../../electron/core/library/open-library';
import { MemorySettingsStore } from '../../../electron/core/api/settings-file';
import { checkOcrArticles, verifyOcrVersion } from '../../../electron/core/library/ocr-verify';
import { normalisePack } from '../../../electron/core/packs/pack-model';
import { resolvePack } from '../../../electron/core/packs/pack-resolve';
import { citationWithNote } from '../../../electron/shared/citation';
import { SearchEngine } from '../../../electron/core/search/search-engine';
import { isUnverifiedOcr } from '../../../electron/shared/law-model';
import { openTestApp } from '../test-app';

const SOURCES = join(import.meta.dirname, '../../fixtures/documents/sources');
const work = mkdtempSync(join(tmpdir(), 'lawdesk-verify-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const ROOT = join(import.meta.dirname, '../../..');
const RIGHT = '一律计算为工作年限';
const MISREAD = '一律计算为工作年隈';
const NOW = new Date('2026-03-02T09:30:00+08:00');

/** A library holding 退职 (Markdown) and, when `ocr`, the same text as the OCR importer would store it. */
async function library(ocr: boolean): Promise<{ store: LibraryStore; dir: string; id: string }> {
  const dir = mkdtempSync(join(work, 'lib-'));
  const { store } = await openLibrary({ dir, seed: false, now: () => NOW });
  await importPaths(store, [join(SOURCES, 'tuizhi.md')]);
  const id = store.versions()[0]!.id;
  if (ocr) {
    const body = store.loadVersion(id);
    const units = body.units.map((u) => (u.text.includes(RIGHT) ? { ...u, text: u.text.replace(RIGHT, MISREAD), suspects: [u.text.indexOf(RIGHT) + RIGHT.length - 1] } : { ...u, suspects: [] }));
    expect(units.some((u) => u.text.includes(MISREAD))).toBe(true);
    const next = { ...body, units, sourceFormat: 'image' as const, textSource: 'ocr' as const, verified: false };
    expect(store.lock.tryAcquire()).toBe(true);
    const file = store.writeBody(next);
    const { units: _u, ...meta } = next;
    store.stage({ ...meta, file });
    await store.commit({ added: [id], removed: [id] });
    await store.load(); // its housekeeping (tombstones) done now, so a refused edit must write nothing
    store.lock.release();
  }
  return { store, dir, id };
}

const hits = (e: SearchEngine, q: string) => e.matchAll({ q }).map((h) => `${h.versionId}#${h.articleKey}`);

describe('核对 an OCR version', () => {
  it('marks it verified by a person at the office clock, without changing its text', async () => {
    const { store, id } = await library(true);
    expect(isUnverifiedOcr(store.version(id)!)).toBe(true);
    const meta = await verifyOcrVersion(store, id, { by: '  王律师 ' });
    expect(meta).toMatchObject({ textSource: 'ocr', verified: true, verifiedBy: '王律师', verifiedAt: NOW.toISOString() });
    expect(isUnverifiedOcr(meta)).toBe(false);
    // Read back from disk by a fresh store: the stamp is in the catalog and in the hashed body.
    const { store: again } = await openLibrary({ dir: store.dir, seed: false });
    const v = again.loadVersion(id);
    expect(v).toMatchObject({ verified: true, verifiedBy: '王律师' });
    expect(v.units.some((u) => u.text.includes(MISREAD))).toBe(true);
    await expect(verifyOcrVersion(again, id, { by: '李' })).rejects.toThrow('已由王律师核对');
  });

  it('replaces corrected articles, clears their suspects, and search finds the corrected text', async () => {
    const { store, id } = await library(true);
    const engine = await SearchEngine.open(store, { persist: false });
    const wrong = store.loadVersion(id).units.find((u) => u.text.includes(MISREAD))!;
    expect(wrong.suspects!.length).toBe(1);
    expect(hits(engine, '工作年隈')).toEqual([`${id}#${wrong.key}`]);
    const oldFile = store.version(id)!.file;

    await verifyOcrVersion(store, id, { by: '王律师', corrections: { [wrong.key]: wrong.text.replace(MISREAD, RIGHT) } });

    const v = store.loadVersion(id);
    const fixed = v.units.find((u) => u.key === wrong.key)!;
    expect(fixed.text).toContain(RIGHT);
    expect(fixed.suspects).toBeUndefined();
    expect(v.charCount).toBe(v.units.reduce((n, u) => n + u.text.length, 0));
    expect(v.file).not.toBe(oldFile);
    expect(readdirSync(join(store.dir, 'bodies'))).not.toContain(oldFile); // the old body is gone once committed
    expect(hits(engine, '工作年隈')).toEqual([]);
    expect(hits(engine, '工作年限')).toContain(`${id}#${wrong.key}`);
    engine.close();
  });

  it('refuses a version whose text is not OCR, or unknown articles, and leaves the library as it was', async () => {
    const { store, dir, id } = await library(false);
    const before = readFileSync(join(dir, 'library.json'), 'utf8');
    await expect(verifyOcrVersion(store, id, { by: '王律师' })).rejects.toThrow('不是识别文本，无需核对');
    expect(readFileSync(join(dir, 'library.json'), 'utf8')).toBe(before);

    const ocr = await library(true);
    const ocrBefore = readFileSync(join(ocr.dir, 'library.json'), 'utf8');
    const bodies = readdirSync(join(ocr.dir, 'bodies')).sort();
    await expect(verifyOcrVersion(ocr.store, ocr.id, { by: '王律师', corrections: { '第九十九条': '……' } })).rejects.toThrow('没有这些条文：第九十九条');
    await expect(verifyOcrVersion(ocr.store, ocr.id, { by: ' ' })).rejects.toThrow('请写明核对人');
    await expect(verifyOcrVersion(ocr.store, 'nope@1', { by: '王律师' })).rejects.toThrow('没有找到版本');
    expect(readFileSync(join(ocr.dir, 'library.json'), 'utf8')).toBe(ocrBefore);
    expect(readdirSync(join(ocr.dir, 'bodies')).sort()).toEqual(bodies);
    expect(ocr.store.version(ocr.id)!.verified).toBe(false);
  });
});

describe('lawdesk verify', () => {
  const cli = (dir: string, ...args: string[]) => {
    const r = spawnSync(process.execPath, [join(ROOT, 'electron/cli/bin.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, LAWDESK_LIBRARY: dir } });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it('confirms an OCR version as JSON, and refuses a version that is not OCR with a Chinese error', async () => {
    const ocr = await library(true);
    const r = cli(ocr.dir, 'verify', ocr.id, '--by', '张科长', '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as Record<string, unknown>;
    expect(out).toMatchObject({ id: ocr.id, verified: true, verifiedBy: '张科长' });
    expect(Date.parse(out.verifiedAt as string)).not.toBeNaN();
    const { store } = await openLibrary({ dir: ocr.dir, seed: false });
    expect(store.version(ocr.id)).toMatchObject({ verified: true, verifiedBy: '张科长' });

    const plain = await library(false);
    const bad = cli(plain.dir, 'verify', plain.id, '--by', '张科长');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('不是识别文本，无需核对');
    expect(cli(plain.dir, 'verify').code).toBe(2);
    expect(cli(plain.dir, 'verify', '--help').out).toContain('lawdesk verify <版本id>');
  }, 180_000); // four CLI processes, each starting the CLI and opening a library: 71–90 s at load 22–31 on two cores
});

describe('version:verify', () => {
  it('validates its input, signs with the office user name by default and applies corrections', async () => {
    const ocr = await library(true);
    const settings = new MemorySettingsStore();
    settings.set({ displayName: '赵主任' });
    const svc = await openTestApp(work, { libraryDir: ocr.dir, settings });
    try {
      await expect(svc.call('version:verify', { versionId: ocr.id, by: '  ' })).rejects.toMatchObject({ code: 'INVALID' });
      await expect(svc.call('version:verify', { versionId: ocr.id, corrections: { '1': '' } })).rejects.toMatchObject({ code: 'INVALID' });
      expect(ocr.store.version(ocr.id)!.verified).toBe(false);
      const wrong = ocr.store.loadVersion(ocr.id).units.find((u) => u.text.includes(MISREAD))!;
      const meta = await svc.call('version:verify', { versionId: ocr.id, corrections: { [wrong.key]: wrong.text.replace(MISREAD, RIGHT) } });
      expect(meta).toMatchObject({ verified: true, verifiedBy: '赵主任', verifiedAt: expect.any(String) });
      const { store } = await openLibrary({ dir: ocr.dir, seed: false });
      expect(store.loadVersion(ocr.id).units.find((u) => u.key === wrong.key)!.text).toContain(RIGHT);
    } finally {
      svc.close();
    }
  });
});

describe('逐条核对 (version:checkOcr) and the 待核对 note that travels', () => {
  it('checks articles one by one: corrected text, marks cleared for those only, the last one verifies the version', async () => {
    const ocr = await library(true);
    const settings = new MemorySettingsStore();
    settings.set({ displayName: '赵主任' });
    const svc = await openTestApp(work, { libraryDir: ocr.dir, settings });
    try {
      const units = ocr.store.loadVersion(ocr.id).units;
      const wrong = units.find((u) => u.text.includes(MISREAD))!;
      const other = units.find((u) => u.key !== wrong.key && u.kind === 'section')!;
      const meta0 = ocr.store.version(ocr.id)!;
      // Before: every article's citation carries the note, and a pack item gets a 待核对 note.
      expect(citationWithNote(meta0, other)).toMatch(/（识别文本，待核对）$/);
      const pack = normalisePack({ title: '测试', template: '合法性审查参考资料', asOf: '2025-01-01', items: [{ type: 'article', law: meta0.lawId, version: ocr.id, article: other.key }] }, NOW);
      const notes = async (from: LibraryStore) => (await resolvePack(from, pack)).sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'note').map((b) => (b as { text: string }).text);
      expect(await notes(ocr.store)).toContain('注：本条为扫描件识别文本（待核对），尚未对照原件核对。');

      await expect(svc.call('version:checkOcr', { versionId: ocr.id, confirmed: ['第九十九条'] })).rejects.toThrow('没有这些条文：第九十九条');
      await expect(svc.call('version:checkOcr', { versionId: ocr.id, confirmed: [] })).rejects.toThrow('没有要确认的条文');
      const meta1 = await svc.call('version:checkOcr', { versionId: ocr.id, confirmed: [other.key], corrections: { [wrong.key]: wrong.text.replace(MISREAD, RIGHT) } });
      expect(meta1.verified).toBe(false); // other articles are still unchecked
      const { store } = await openLibrary({ dir: ocr.dir, seed: false });
      const v = store.loadVersion(ocr.id);
      const fixed = v.units.find((u) => u.key === wrong.key)!;
      expect(fixed).toMatchObject({ suspects: [], ocrChecked: true });
      expect(fixed.text).toContain(RIGHT);
      expect(v.units.find((u) => u.key === other.key)).toMatchObject({ ocrChecked: true, text: other.text });
      expect(v.units.filter((u) => u.ocrChecked).length).toBe(2);
      expect(citationWithNote(v, v.units.find((u) => u.key === other.key)!)).not.toContain('待核对');
      expect(await notes(store)).not.toContain('注：本条为扫描件识别文本（待核对），尚未对照原件核对。');

      const rest = v.units.filter((u) => !u.ocrChecked).map((u) => u.key);
      const meta2 = await svc.call('version:checkOcr', { versionId: ocr.id, confirmed: rest });
      expect(meta2).toMatchObject({ verified: true, verifiedBy: '赵主任', verifiedAt: expect.any(String) });
    } finally {
      svc.close();
    }
  });

  it('refuses a version that is not OCR and leaves the library as it was', async () => {
    const { store, dir, id } = await library(false);
    const before = readFileSync(join(dir, 'library.json'), 'utf8');
    await expect(checkOcrArticles(store, id, { by: '王律师', confirmed: ['1'] })).rejects.toThrow('不是识别文本，无需核对');
    const ocr = await library(true);
    const key = ocr.store.loadVersion(ocr.id).units[0]!.key;
    await expect(checkOcrArticles(ocr.store, ocr.id, { by: '王律师', confirmed: [key], corrections: { [key]: '  ' } })).rejects.toThrow('的更正文本是空的');
    expect(readFileSync(join(dir, 'library.json'), 'utf8')).toBe(before);
    expect(ocr.store.loadVersion(ocr.id).units[0]!.ocrChecked).toBeUndefined();
  });
});
