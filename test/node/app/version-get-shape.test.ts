// version:get sends each unit's text once: the paragraphs (款) and items (项) are the lines of the
// text and the reader derives them (withParagraphs), so the answer is what the store holds minus
// the copy — the same 款 and 项 the CLI's `show --json` prints, at about half the size.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitRun, type AppService } from '../../../electron/core/api/app-service';
import { buildToc } from '../../../renderer/src/features/reader/toc';
import { parseOutput } from '../../../electron/shared/api-contract';
import { withParagraphs } from '../../../electron/shared/law-text';
import { openTestApp } from '../test-app';
import { lawRowsFromWire } from '../../../electron/shared/api-contract';

const STARTER = resolve(import.meta.dirname, '../../fixtures/app/laws');
const tmp = mkdtempSync(join(tmpdir(), 'lawdesk-version-get-'));
let svc: AppService;
beforeAll(async () => {
  svc = await openTestApp(tmp, { starterDir: STARTER });
});
afterAll(() => {
  svc.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function versionOf(title: string): Promise<string> {
  const rows = await svc.call('laws:list', { q: title });
  return lawRowsFromWire(rows.rows)[0]!.versionId;
}

describe('version:get', () => {
  it('sends each unit without its paragraphs; the text gives back the 款 and 项 the store (and show --json) has', async () => {
    const id = await versionOf('行政许可法');
    const v = await svc.call('version:get', { versionId: id });
    const stored = svc.store.loadVersion(id);
    expect(v.units.length).toBe(stored.units.length);
    for (const u of v.units) expect(u).not.toHaveProperty('paragraphs');
    expect(v.meta).not.toHaveProperty('units');
    const back = v.units.map(withParagraphs);
    back.forEach((u, i) => expect(u.paragraphs).toEqual(stored.units[i]!.paragraphs));
    // 第十二条 lists items (一)–(六) under its first paragraph: they come back as items.
    const a12 = back.find((u) => u.key === '12')!;
    expect(a12.paragraphs[0]!.items.length).toBeGreaterThanOrEqual(5);
    expect(a12.paragraphs[0]!.items[0]).toMatch(/^（一）/);
    // Half the characters: the text was sent twice before.
    const before = JSON.stringify({ ...v, units: stored.units.map(({ key, kind, number, suffix, label, path, paragraphs, text }) => ({ key, kind, number, suffix, label, path, paragraphs, text })) }).length;
    expect(JSON.stringify(v).length).toBeLessThan(before * 0.65);
  });

  it('refuses an answer that carries a unit’s paragraphs again (the shape is validated)', async () => {
    const id = await versionOf('统计法');
    const v = await svc.call('version:get', { versionId: id });
    const withCopy = { ...v, units: v.units.map(withParagraphs) };
    expect(() => parseOutput('version:get', withCopy)).toThrow(/version:get/);
    expect(parseOutput('version:get', v).units.length).toBe(v.units.length);
  });

  it('with part: the run of units around the article asked for, where it sits in the whole text; a short text, or an article it does not have, whole', async () => {
    const id = await versionOf('行政许可法');
    const whole = await svc.call('version:get', { versionId: id });
    const at = whole.units.findIndex((u) => u.key === '60');
    expect(at).toBeGreaterThan(10);
    const run = await svc.call('version:get', { versionId: id, part: { around: '60', before: 5, count: 12 } });
    expect(run.part).toEqual({ offset: at - 5, total: whole.units.length });
    expect(run.units).toEqual(whole.units.slice(at - 5, at + 7));
    expect(run.meta).toEqual(whole.meta);
    expect(parseOutput('version:get', run).part).toEqual(run.part);
    // …and the outline of the whole text, for its 目录: the same TOC as the whole text's.
    expect(run.outline!.length).toBeGreaterThan(1);
    expect(run.outline!.every((o) => whole.units[o.index]!.key === o.key)).toBe(true);
    expect(buildToc(run.outline!)).toEqual(buildToc(whole.units));
    expect(parseOutput('version:get', run).outline).toEqual(run.outline);
    expect(whole.outline).toBeUndefined();
    // At the end of the text the run is still `count` long, ending with the last unit.
    const last = whole.units.at(-1)!.key;
    const end = await svc.call('version:get', { versionId: id, part: { around: last, before: 5, count: 12 } });
    expect(end.units.map((u) => u.key)).toEqual(whole.units.slice(-12).map((u) => u.key));
    // No article: the start of the text.
    const start = await svc.call('version:get', { versionId: id, part: { before: 5, count: 12 } });
    expect(start.part!.offset).toBe(0);
    expect(start.units[0]).toEqual(whole.units[0]);
    // An article the text does not have, or a text no longer than the run: whole, without part.
    const missing = await svc.call('version:get', { versionId: id, part: { around: 'no-such-article', before: 5, count: 12 } });
    expect(missing.part).toBeUndefined();
    expect(missing.units.length).toBe(whole.units.length);
    const short = await svc.call('version:get', { versionId: id, part: { around: '60', before: 5, count: whole.units.length } });
    expect(short.part).toBeUndefined();
    expect(short.units.length).toBe(whole.units.length);
  });

  it('unitRun keeps the run inside the text', () => {
    const units = Array.from({ length: 10 }, (_, i) => ({ key: String(i + 1) }));
    expect(unitRun(units, { around: '1', before: 3, count: 4 })).toEqual({ offset: 0, total: 10 });
    expect(unitRun(units, { around: '6', before: 3, count: 4 })).toEqual({ offset: 2, total: 10 });
    expect(unitRun(units, { around: '10', before: 3, count: 4 })).toEqual({ offset: 6, total: 10 });
    expect(unitRun(units, { around: '10', before: 0, count: 10 })).toBeUndefined();
  });
});
