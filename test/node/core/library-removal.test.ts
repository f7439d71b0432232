// Removing a law or one version from the app (library:removalImpact / library:remove / library:undoRemove),
// on real laws (test/fixtures/links/laws: 统计法 2009 and 2024, 集会游行示威法 with the 北京 and 重庆
// 实施办法 citing it): the confirm dialog's counts come from the records, packs and link graph as they are;
// the removal reaches the search index and the link graph; the records citing it show 已从资料库删除;
// 撤销 gives back the same files and metadata.
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppService } from '../../../electron/core/api/app-service';
import { lawRowsFromWire } from '../../../electron/shared/api-contract';
import { openTestApp } from '../test-app';

const LAWS = resolve(import.meta.dirname, '../../fixtures/links/laws');
const tmp = mkdtempSync(join(tmpdir(), 'lawdesk-removal-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every file of the library folder's bodies/ and originals/ with its hash, and library.json's versions. */
function snapshot(lib: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const sub of ['bodies', 'originals']) {
    for (const f of readdirSync(join(lib, sub))) out[`${sub}/${f}`] = createHash('sha256').update(readFileSync(join(lib, sub, f))).digest('hex');
  }
  const versions = JSON.parse(readFileSync(join(lib, 'library.json'), 'utf8')).versions as Record<string, { status: string }>;
  for (const [id, v] of Object.entries(versions)) out[`catalog/${id}`] = JSON.stringify(v);
  return out;
}

let svc: AppService;
let lib: string;
const events: { name: string; payload: unknown }[] = [];
beforeAll(async () => {
  const starter = join(tmp, 'starter');
  cpSync(LAWS, starter, { recursive: true });
  lib = join(tmp, 'library');
  svc = await openTestApp(tmp, { libraryDir: lib, starterDir: starter, search: true, emit: (name, payload) => events.push({ name, payload }) });
});
afterAll(() => svc.close());

async function law(q: string) {
  const rows = (await svc.call('laws:list', { q })).rows.filter((r) => r.title === q);
  expect(rows, q).toHaveLength(1);
  return (await svc.call('law:get', { lawId: rows[0]!.lawId })).law;
}

describe('removing from the app', () => {
  it('counts what cites one version, removes it, shows the citations red and the search without it, and undoes it', async () => {
    const tongji = await law('中华人民共和国统计法');
    const [v2009, v2024] = tongji.versionIds;
    // records made in 2020 cite the 2009 version (in force then)
    await svc.call('lectures:create', { input: { kind: '集体学法', date: '2020-05-20', topic: '统计法学习', headCount: 20, citations: [{ law: '统计法', article: '7' }] } });
    await svc.call('reviews:create', {
      input: { type: '规范性文件', title: '某县统计工作管理办法（送审稿）', leadUnit: '办公室', receivedDate: '2020-04-13', findings: { content: { text: '符合统计法第七条', citations: [{ law: '统计法', article: '第七条' }] } } },
    });
    // and one made in 2025 the 2024 version: not concerned by removing 2009
    await svc.call('lectures:create', { input: { kind: '集体学法', date: '2025-05-20', topic: '新统计法', headCount: 9, citations: [{ law: '统计法', article: '7' }] } });
    const pack = await svc.call('packs:create', { title: '统计参考', template: '通用' });
    await svc.call('packs:addItems', { id: pack.id, items: [{ type: 'article', law: tongji.id, version: v2009!, article: '7' }, { type: 'article', law: tongji.id, article: '8' }] });

    const impact = await svc.call('library:removalImpact', { lawId: tongji.id, versionId: v2009! });
    expect(impact.wholeLaw).toBe(false);
    expect(impact.versions.map((v) => v.id)).toEqual([v2009]);
    expect(impact.records).toEqual({ reviews: 1, findings: 1, lectures: 1, notes: 0, register: 0 });
    expect(impact.packs).toEqual({ packs: 1, items: 1 }); // the unpinned item takes the 2024 version
    expect(impact.lines.join('\n')).toMatch(/合法性审查 1 件.*学法记录 1 条.*已从资料库删除/);

    const before = snapshot(lib);
    const hits2009 = async () => (await svc.call('search:query', { q: '统计调查对象', limit: 100 })).hits.filter((h) => h.versionId === v2009).length;
    expect(await hits2009()).toBeGreaterThan(0);
    const removed = await svc.call('library:remove', { lawId: tongji.id, versionId: v2009! });
    expect(removed).toMatchObject({ removed: [{ id: v2009 }], undoable: true });
    expect((await svc.call('law:get', { lawId: tongji.id })).law.versionIds).toEqual([v2024]);
    expect(events.some((e) => e.name === 'library:changed' && (e.payload as { removed: string[] }).removed.includes(v2009!))).toBe(true);
    expect(await hits2009()).toBe(0);
    const red = (await svc.call('records:affected', {})).filter((r) => r.versionId === v2009);
    expect(new Set(red.map((r) => r.kind))).toEqual(new Set(['review', 'lecture']));
    for (const r of red) expect(r.flag).toMatchObject({ color: 'red', reason: expect.stringContaining('已从资料库删除') });
    expect(readdirSync(join(lib, 'bodies')).length).toBeLessThan(Object.keys(before).filter((k) => k.startsWith('bodies/')).length);

    const undone = await svc.call('library:undoRemove', {});
    expect(undone.restored.map((v) => v.id)).toEqual([v2009]);
    expect(snapshot(lib)).toEqual(before);
    expect((await svc.call('records:affected', {})).filter((r) => r.versionId === v2009 && r.flag.color === 'red')).toEqual([]);
    expect(await hits2009()).toBeGreaterThan(0);
    await expect(svc.call('library:undoRemove', {})).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('counts the laws whose text cites a law, and removes every version of it from the link graph', async () => {
    const jihui = await law('中华人民共和国集会游行示威法');
    const impact = await svc.call('library:removalImpact', { lawId: jihui.id });
    expect(impact.wholeLaw).toBe(true);
    // the same count asked another way: every other law's current version, what its text links to
    const rows = lawRowsFromWire((await svc.call('laws:list', {})).rows).filter((r) => r.lawId !== jihui.id);
    const outgoing = async (versionId: string) => (await svc.call('links:version', { versionId })).filter((r) => r.to.lawId === jihui.id).length;
    const citing: string[] = [];
    for (const r of rows) if ((await outgoing(r.versionId)) > 0) citing.push(r.versionId);
    expect(citing.length).toBeGreaterThan(0);
    expect(impact.links.laws).toBe(citing.length);
    expect(impact.lines.some((l) => l.startsWith(`其他法规 ${impact.links.laws} 部`))).toBe(true);
    await svc.call('library:remove', { lawId: jihui.id });
    for (const v of citing) expect(await outgoing(v)).toBe(0);
    await expect(svc.call('law:get', { lawId: jihui.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await svc.call('library:undoRemove', {});
    for (const v of citing) expect(await outgoing(v)).toBeGreaterThan(0);
  });

  it('refuses what is not in the library, a version of another law, and extra fields, by name', async () => {
    const tongji = await law('中华人民共和国统计法');
    const jihui = await law('中华人民共和国集会游行示威法');
    await expect(svc.call('library:remove', { lawId: 'L000000' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('L000000') });
    await expect(svc.call('library:remove', { lawId: jihui.id, versionId: tongji.versionIds[0]! })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(svc.call('library:remove', JSON.parse(`{"lawId":"${jihui.id}","path":"/etc"}`))).rejects.toMatchObject({ code: 'INVALID' });
    expect((await svc.call('law:get', { lawId: jihui.id })).law.versionIds.length).toBeGreaterThan(0);
  });
});
