// 核对: correcting a misread 第X条 number. The OCR'd version is the real 科学技术普及法 whose
// 第五条 was read as 第三条 — the parser, as for any scan, makes that line its own article with the
// misread number (a second key 3) — then stored as the OCR importer stores it (textSource 'ocr').
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importPaths } from '../../../electron/core/library/library-import';
import { openLibrary } from '../../../electron/core/library/open-library';
import { parseArticleLabel, relabelOcrArticle } from '../../../electron/core/library/ocr-verify';
import { SearchEngine } from '../../../electron/core/search/search-engine';
import { versionUnitSchema } from '../../../electron/shared/api/library';
import { rewriteVersions } from '../version-rewrite';

const SOURCES = join(import.meta.dirname, '../../fixtures/documents/sources');
const work = mkdtempSync(join(tmpdir(), 'lawdesk-relabel-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const NOW = new Date('2026-03-02T09:30:00+08:00');

async function misreadKepu(ocr = true) {
  const dir = mkdtempSync(join(work, 'lib-'));
  const file = join(dir, '..', `kepu-${Math.random().toString(36).slice(2)}.md`);
  writeFileSync(file, readFileSync(join(SOURCES, 'kepu.md'), 'utf8').replace(/^第五条 /m, '第三条 '));
  const { store } = await openLibrary({ dir, seed: false, now: () => NOW });
  await importPaths(store, [file]);
  const id = store.versions()[0]!.id;
  if (ocr) await rewriteVersions(store, [id], (b) => ({ ...b, textSource: 'ocr', verified: false, units: b.units.map((u) => ({ ...u, suspects: [] })) }));
  const units = store.loadVersion(id).units;
  const index = units.findIndex((u, i) => u.key === '3' && units.findIndex((v) => v.key === '3') !== i);
  expect(index).toBeGreaterThan(0);
  expect(units.some((u) => u.key === '5')).toBe(false);
  return { store, id, index };
}

describe('correcting an article label in 核对', () => {
  it('reads the label as people type it', () => {
    expect(parseArticleLabel('第十二条')).toEqual({ number: 12, suffix: 0 });
    expect(parseArticleLabel(' 十二 ')).toEqual({ number: 12, suffix: 0 });
    expect(parseArticleLabel('１２')).toEqual({ number: 12, suffix: 0 });
    expect(parseArticleLabel('第一百零三条之二')).toEqual({ number: 103, suffix: 2 });
    expect(parseArticleLabel('12-1')).toEqual({ number: 12, suffix: 1 });
    for (const bad of ['', '第条', '第零条', '条文', 'abc', '第十二款', '第1.5条']) expect(parseArticleLabel(bad), bad).toBeUndefined();
  });

  it('gives the article its number, label and key, keeps its text, records the label read and who fixed it, and search follows', async () => {
    const { store, id, index } = await misreadKepu();
    const engine = await SearchEngine.open(store, { persist: false });
    const text = store.loadVersion(id).units[index]!.text;
    const r = await relabelOcrArticle(store, id, { index, key: '3', label: '五', by: ' 王律师 ' });
    expect(r).toMatchObject({ label: '第五条', key: '5', warnings: [] });
    const { store: again } = await openLibrary({ dir: store.dir, seed: false });
    const u = again.loadVersion(id).units[index]!;
    expect(u).toMatchObject({ key: '5', label: '第五条', number: 5, suffix: 0, text, ocrLabel: { read: '第三条', by: '王律师', at: NOW.toISOString() } });
    expect(versionUnitSchema.parse(JSON.parse(JSON.stringify({ ...u, paragraphs: undefined })))).toBeTruthy();
    // Article keys are unique again and in order.
    const keys = again.loadVersion(id).units.filter((x) => x.kind === 'article').map((x) => x.number);
    expect(keys).toEqual(keys.map((_, i) => i + 1));
    await expect.poll(() => engine.matchAll({ q: '科普是公益事业' }).map((h) => h.articleKey)).toEqual(['5']);
  });

  it('refuses a label another article has, a non-label, a stale key, a non-OCR version — and writes nothing', async () => {
    const { store, id, index } = await misreadKepu();
    // Its housekeeping (the rewrite's tombstones) done now, so a refused edit must write nothing.
    expect(store.lock.tryAcquire()).toBe(true);
    await store.load();
    store.lock.release();
    const before = readFileSync(join(store.dir, 'library.json'), 'utf8');
    await expect(relabelOcrArticle(store, id, { index, key: '3', label: '第四条', by: '王' })).rejects.toThrow('本文已有第四条');
    await expect(relabelOcrArticle(store, id, { index, key: '3', label: '第三款', by: '王' })).rejects.toThrow('不是条文编号');
    await expect(relabelOcrArticle(store, id, { index, key: '4', label: '第五条', by: '王' })).rejects.toThrow('请刷新');
    await expect(relabelOcrArticle(store, id, { index, key: '3', label: '第三条', by: '王' })).rejects.toThrow('编号没有变化');
    await expect(relabelOcrArticle(store, id, { index, key: '3', label: '第五条', by: ' ' })).rejects.toThrow('请写明核对人');
    expect(readFileSync(join(store.dir, 'library.json'), 'utf8')).toBe(before);
    const plain = await misreadKepu(false);
    await expect(relabelOcrArticle(plain.store, plain.id, { index: plain.index, key: '3', label: '第五条', by: '王' })).rejects.toThrow('不是识别文本');
  });

  it('warns when the numbering is still out of order after the fix', async () => {
    const { store, id, index } = await misreadKepu();
    const r = await relabelOcrArticle(store, id, { index, key: '3', label: '第九十九条', by: '王' });
    expect(r.warnings.join('\n')).toMatch(/第九十九条 之后是 第六条，顺序仍不对/);
  });
});
