// The links channels as the reader calls them (service.call(channel, raw input)) on a library of
// the real laws in test/fixtures/links/laws: input validated, answers from the link graph.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppService } from '../../../electron/core/api/app-service';
import { LINK_LAWS } from './links-test-support';
import { openTestApp } from '../test-app';

let tmp: string;
let svc: AppService;
beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'lawdesk-links-api-'));
  svc = await openTestApp(tmp, { starterDir: LINK_LAWS });
}, 60_000);
afterAll(() => {
  svc.close();
  rmSync(tmp, { recursive: true, force: true });
});

const lawNamed = (title: string) => svc.store.laws().find((l) => l.title === title)!;

describe('links channels', () => {
  it('links:version gives each citation in the text with its position and target', async () => {
    const law = lawNamed('中华人民共和国税收征收管理法实施细则');
    const rows = await svc.call('links:version', { versionId: law.versionIds.at(-1)! });
    const text = svc.store.loadVersion(law.versionIds.at(-1)!).units.find((u) => u.key === '5')!.text;
    const r = rows.find((x) => x.from.articleKey === '5')!;
    expect(text.slice(r.start, r.end)).toBe('第八条');
    expect([r.to.title, r.to.label]).toEqual(['税收征收管理法', '第八条']);
  });

  it('links:citedBy and links:relations answer for a law; bad input is refused', async () => {
    const law = lawNamed('中华人民共和国税收征收管理法');
    const cited = await svc.call('links:citedBy', { lawId: law.id, articleKey: '8' });
    expect(cited.map((r) => `${r.from.title} ${r.from.label}`)).toEqual(['税收征收管理法实施细则 第五条']);
    const rel = await svc.call('links:relations', { lawId: law.id });
    expect(rel.implementing.map((x) => x.title)).toEqual(['税收征收管理法实施细则']);
    await expect(svc.call('links:citedBy', { lawId: law.id })).rejects.toThrow();
    await expect(svc.call('links:relations', { lawId: 'L0000000000' })).rejects.toThrow(/没有找到法规/);
  });

  it('links:citedBy takes the key of the version being read; citations of another version are followed', async () => {
    const law = lawNamed('中华人民共和国统计法');
    const [v2009, v2024] = [law.versionIds.find((v) => v.endsWith('2009-06-27'))!, law.versionIds.find((v) => v.endsWith('2024-09-13'))!];
    const in2024 = await svc.call('links:citedBy', { lawId: law.id, articleKey: '19', versionId: v2024 });
    expect(in2024.map((r) => `${r.from.title} ${r.from.label} → ${r.to.label}`)).toEqual(['统计法实施条例 第十五条 → 第十七条']);
    const in2009 = await svc.call('links:citedBy', { lawId: law.id, articleKey: '17', versionId: v2009 });
    expect(in2009.map((r) => r.from.label)).toEqual(['第十五条']);
    await expect(svc.call('links:citedBy', { lawId: lawNamed('中华人民共和国刑法').id, articleKey: '1', versionId: v2009 })).rejects.toThrow(/不属于/);
  });

  it('links:affected lists the laws citing changed articles, flagged; search:query answers the 引用: form', async () => {
    const affected = await svc.call('links:affected', {});
    const row = affected.find((r) => r.from.label === '第十五条' && r.from.title === '统计法实施条例')!;
    expect([row.to.label, row.flag.color]).toEqual(['第十七条', 'yellow']);
    expect(row.flag.reason).toContain('第十九条');
    const r = await svc.call('search:query', { q: '引用：《统计法》第十九条' });
    expect(r.cites).toMatchObject({ title: '统计法', articleLabel: '第十九条' });
    expect(r.hits.map((h) => h.articleLabel)).toEqual(['第十五条']);
    const missing = await svc.call('search:query', { q: 'cites 执业医师法' });
    expect([missing.total, missing.cites?.problem]).toEqual([0, '资料库中没有《执业医师法》']);
  });
});
