// packs.json: create/read/update/remove and drag-and-drop reorder, persisted atomically; and the
// `lawdesk pack` command line end to end on a fresh library.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PackError, packFromTemplate } from '../../../electron/core/packs/pack-model';
import { PackStore } from '../../../electron/core/packs/pack-store';
import { LAWS, ROOT } from './pack-test-support';

const work = mkdtempSync(join(tmpdir(), 'lawdesk-packstore-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('PackStore', () => {
  it('creates, lists, updates, reorders and removes packs, and they survive a reopen', async () => {
    const dir = join(work, 'lib1');
    mkdirSync(dir);
    const s = await PackStore.open(dir);
    const p = await s.create({ ...packFromTemplate('法律大讲堂讲义', '行政许可法专题讲义', '2025-03-01', '高青县科学技术局'), id: 'lecture-2025' });
    expect(p.id).toBe('lecture-2025');
    expect(p.cover.unit).toBe('高青县科学技术局');
    expect(p.items.map((i) => i.type)).toEqual(['text', 'text']);
    const withArticles = await s.update(p.id, { ...p, items: [...p.items, { type: 'article', law: '行政许可法', article: '12' }] });
    expect(withArticles.createdAt).toBe(p.createdAt);
    const ids = withArticles.items.map((i) => i.id!);
    expect(new Set(ids).size).toBe(3);
    const moved = await s.moveItem(p.id, ids[2]!, 1);
    expect(moved.items.map((i) => i.id)).toEqual([ids[0], ids[2], ids[1]]);
    await expect(s.reorder(p.id, [ids[0]!, ids[1]!])).rejects.toThrow(/恰好包含/);
    const again = await PackStore.open(dir);
    expect(again.get(p.id).items.map((i) => i.id)).toEqual([ids[0], ids[2], ids[1]]);
    expect(again.list()).toEqual([expect.objectContaining({ id: 'lecture-2025', itemCount: 3, template: '法律大讲堂讲义' })]);
    const dup = await again.create({ id: 'lecture-2025', title: '同 id' });
    expect(dup.id).not.toBe('lecture-2025');
    await again.remove(p.id);
    expect(() => again.get(p.id)).toThrow(PackError);
    expect(readdirSync(dir)).toEqual(['packs.json']); // no temp files left behind
  });

  it('refuses a damaged packs.json with a clear error instead of overwriting it', async () => {
    const dir = join(work, 'lib2');
    mkdirSync(dir);
    writeFileSync(join(dir, 'packs.json'), '{"schemaVersion":1,"packs":{"x":{"title":1}}');
    await expect(PackStore.open(dir)).rejects.toThrow(/不是有效的 JSON/);
    writeFileSync(join(dir, 'packs.json'), '{"schemaVersion":1,"packs":{"x":{"title":1}}}');
    await expect(PackStore.open(dir)).rejects.toThrow(/不合格式/);
  });
});

describe('lawdesk pack', () => {
  const lib = join(work, 'cli-lib');
  const cli = (...args: string[]) => {
    const r = spawnSync(process.execPath, [join(ROOT, 'electron/cli/bin.mjs'), ...args, '--library', lib], { encoding: 'utf8', env: { ...process.env, LAWDESK_STARTER_DIR: '/nonexistent' } });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it('creates from pack.json, lists, shows and exports; bad inputs exit 1 with a message', () => {
    expect(cli('import', LAWS).code).toBe(0);
    const created = cli('pack', 'create', '--from', join(ROOT, 'test/fixtures/packs/bureau-pack.json'), '--json');
    expect(created.code).toBe(0);
    const pack = JSON.parse(created.out);
    expect(pack.items).toHaveLength(7);
    expect(JSON.parse(cli('pack', 'list', '--json').out)).toEqual([expect.objectContaining({ id: pack.id, itemCount: 7 })]);
    expect(cli('pack', 'show', pack.id).out).toContain('[article] 统计法（2009） 第七条');
    const out = join(work, 'bureau.html');
    const ex = cli('pack', 'export', pack.id, '--format', 'html', '--out', out, '--json');
    expect(ex.code).toBe(0);
    expect(JSON.parse(ex.out)).toMatchObject({ format: 'html', articleCount: 15, warnings: [] });
    expect(readFileSync(out, 'utf8')).toContain('《中华人民共和国统计法》（2009年修订）第七条');

    const bad = join(work, 'bad.json');
    writeFileSync(bad, '{"title": "坏", "items": [{"type": "chart"}]}');
    const r1 = cli('pack', 'export', bad, '--format', 'docx', '--out', join(work, 'bad.docx'));
    expect(r1.code).toBe(1);
    expect(r1.err).toMatch(/简报包格式不对[\s\S]*items\.0/);
    expect(existsSync(join(work, 'bad.docx'))).toBe(false);
    writeFileSync(bad, '{"title": "空"}');
    const r2 = cli('pack', 'export', bad, '--out', join(work, 'x.pdf'));
    expect(r2.code).toBe(1);
    expect(r2.err).toMatch(/是空的/);
    writeFileSync(bad, '{not json');
    expect(cli('pack', 'create', '--from', bad).err).toMatch(/不是有效的 JSON/);
    const r3 = cli('pack', 'export', pack.id, '--out', join(work, 'nope', 'x.docx'));
    expect(r3.code).toBe(1);
    expect(r3.err).toMatch(/不存在/);
    expect(cli('pack', 'export', pack.id, '--out', join(work, 'x.txt')).err).toMatch(/--format/);
  }, 120_000);
});
