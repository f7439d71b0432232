// A later file of the same law and the same day replaces the stored text only when it reads no worse
// (core/library/text-quality.ts). Before session 30 any differing text replaced it: a copy hard-wrapped as text taken
// from a PDF (two paragraphs left cut in mid-sentence) or a copy that lost its chapters replaced a clean .md.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importPaths } from '../../../electron/core/library/library-import';
import { openLibrary } from '../../../electron/core/library/open-library';
import { poorerTextReason, textQuality, type TextQuality } from '../../../electron/core/library/text-quality';

const MD = join(import.meta.dirname, '../../fixtures/laws/行政法/行政许可法(2019-04-23).md');
const NOW = () => new Date('2026-12-07T08:00:00Z');
const dirs: string[] = [];
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'lawdesk-sameday-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The law as plain text, as a copy from a web page or a PDF reader gives it: no Markdown marks. */
function plainLines(): string[] {
  return readFileSync(MD, 'utf8')
    .split('\n')
    .filter((l) => !l.startsWith('<!--'))
    .map((l) => l.replace(/^#+ /, ''));
}

/**
 * Every article line cut at about 30 characters, as text copied from a PDF reader comes; where a "本法第X条" reference
 * starts near a cut, the line ends just before its 第 (a PDF's lines fall anywhere), which a line-start 第X条 makes
 * hard to tell from a paragraph end.
 */
function hardWrapped(): string {
  return plainLines()
    .map((l) => {
      if (!/^第/.test(l) || l.length <= 30) return l;
      const out: string[] = [];
      let rest = l;
      while (rest.length > 30) {
        const ref = rest.slice(10).search(/本法第[一二三四五六七八九十百]+条/);
        const cut = ref >= 0 && ref + 12 < 40 ? ref + 12 : 30;
        out.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      out.push(rest);
      return out.join('\n');
    })
    .join('\n');
}

async function libraryWith(first: string, name: string) {
  const dir = tmp();
  const { store } = await openLibrary({ dir, seed: false, now: NOW });
  const file = join(tmp(), name);
  writeFileSync(file, first);
  const r = await importPaths(store, [file]);
  expect(r.imported).toBe(1);
  return store;
}

function write(text: string, name: string): string {
  const file = join(tmp(), name);
  writeFileSync(file, text);
  return file;
}

describe('a later file of the same law and day', () => {
  it('does not replace a clean .md when its line wraps left paragraphs cut in mid-sentence; the report says why', async () => {
    const store = await libraryWith(readFileSync(MD, 'utf8'), '行政许可法(2019-04-23).md');
    const id = store.versions()[0]!.id;
    const before = store.readUnits(id).map((u) => [u.label, u.text]);
    const gen = store.generation;
    const report = await importPaths(store, [write(hardWrapped(), '行政许可法（PDF复制）.txt')]);
    expect(report).toMatchObject({ imported: 0, replaced: 0, skipped: 1 });
    const reason = report.files[0]!.reason!;
    expect(reason).toContain('保留了已有版本（原文件 行政许可法(2019-04-23).md）');
    expect(reason).toMatch(/断在句中的段落更多（[1-9]\d* 处，已有版本 0 处/);
    expect(report.warnings.map((w) => w.message)).toContain(reason); // the CLI and the report list it
    expect(store.generation).toBe(gen);
    expect(store.version(id)!.sourceFile).toBe('行政许可法(2019-04-23).md');
    expect(store.readUnits(id).map((u) => [u.label, u.text])).toEqual(before);
  });

  it('does not replace it with a copy that lost its chapter headings', async () => {
    const store = await libraryWith(readFileSync(MD, 'utf8'), '行政许可法(2019-04-23).md');
    const lost = plainLines()
      .filter((l) => !/^第[一二三四五六七八九十]+章/.test(l))
      .join('\n');
    const report = await importPaths(store, [write(lost, '行政许可法.txt')]);
    expect(report).toMatchObject({ replaced: 0, skipped: 1 });
    expect(report.files[0]!.reason).toMatch(/新文件的结构更少（83 条、\d+ 个章节标题，已有版本 83 条、\d+ 个）/);
    expect(store.readUnits(store.versions()[0]!.id).some((u) => u.path.some((h) => h.startsWith('第一章')))).toBe(true);
  });

  it('replaces a poorer stored text with a better file (the rule works both ways)', async () => {
    const store = await libraryWith(hardWrapped(), '行政许可法（PDF复制）.txt');
    const report = await importPaths(store, [MD]);
    expect(report).toMatchObject({ replaced: 1, skipped: 0 });
    expect(report.warnings.some((w) => w.message.includes('替换了同一法规同一日期'))).toBe(true);
    const v = store.versions()[0]!;
    expect(v.sourceFile).toBe('行政许可法(2019-04-23).md');
    expect(textQuality(store.readUnits(v.id), { textSource: 'plain' }).brokenParagraphs).toBe(0);
  });

  it('replaces a stored copy without chapters by a file that has them (same articles, more structure: not "the same text")', async () => {
    const lost = plainLines()
      .filter((l) => !/^第[一二三四五六七八九十]+章/.test(l))
      .join('\n');
    const store = await libraryWith(lost, '行政许可法.txt');
    const report = await importPaths(store, [MD]);
    expect(report).toMatchObject({ replaced: 1, skipped: 0 });
    expect(store.readUnits(store.versions()[0]!.id).some((u) => u.path.some((h) => h.startsWith('第一章')))).toBe(true);
  });

  it('decides by the first difference in the stated order', () => {
    const q = (p: Partial<TextQuality>): TextQuality => ({ unverifiedOcr: false, numberingFaults: 0, articles: 10, headings: 2, brokenParagraphs: 0, ...p });
    // more articles do not make up for a false article that broke the numbering
    expect(poorerTextReason(q({ articles: 11, numberingFaults: 1 }), q({}))).toContain('条文编号问题更多');
    // fewer numbering faults win over fewer headings
    expect(poorerTextReason(q({ headings: 0 }), q({ numberingFaults: 2 }))).toBeUndefined();
    expect(poorerTextReason(q({ brokenParagraphs: 3 }), q({ headings: 1 }))).toBeUndefined(); // more structure first
    expect(poorerTextReason(q({ unverifiedOcr: true, articles: 12 }), q({}))).toContain('识别文本');
    expect(poorerTextReason(q({}), q({}))).toBeUndefined(); // all equal: the later file replaces (a corrected copy)
  });
});
