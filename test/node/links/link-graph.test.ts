// The link graph over a library of real laws (test/fixtures/links/laws): edges, 被引用, relations,
// incremental refresh, damage and `lawdesk check`, and the `lawdesk links` command.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeLaw } from '../../../electron/core/library/library-edit';
import { checkLinks, LINKS_FORMAT, linksFile, readLinkGraph, readLinkGraphSliced, refreshLinks } from '../../../electron/core/links/link-graph';
import { TimeSlicer } from '../../../electron/core/util/time-slicer';
import { affectedLaws, currentVersionOf, lawRelations, linksIn, linksOut } from '../../../electron/core/links/link-queries';
import { ROOT, lawIdOf, useLinkLibrary } from './links-test-support';

const fixture = useLinkLibrary();
const graph = fixture.graph;

describe('link graph', () => {
  it('an article of the 实施条例 links to the articles of the law it names, in the version in force', () => {
    const tiaoli = fixture.lib().store.law(lawIdOf(fixture.lib().store, '集会游行示威法实施条例'))!;
    const v = currentVersionOf(fixture.lib().store, tiaoli)!;
    // 第二十七条: 依照《集会游行示威法》第二十八条、第三十条以及本条例第二十四条的规定
    const rows = linksOut(fixture.lib().store, graph(), v.id, '27').map((r) => `${r.to.title} ${r.to.label}`);
    expect(rows).toEqual(['集会游行示威法 第二十八条', '集会游行示威法 第三十条', '集会游行示威法实施条例 第二十四条']);
  });

  it('被引用: who cites 集会游行示威法 第二十八条 from other laws', () => {
    const law = lawIdOf(fixture.lib().store, '中华人民共和国集会游行示威法');
    const rows = linksIn(fixture.lib().store, graph(), law, '28');
    expect(rows.map((r) => `${r.from.title} ${r.from.label}`)).toContain('集会游行示威法实施条例 第二十七条');
    expect(rows.every((r) => r.to.lawId === law && r.to.articleKey === '28')).toBe(true);
  });

  it('relations: 上位法 from "根据《…》，制定本条例", 实施条例 and local 实施办法 by title, 司法解释 by title', () => {
    const g = graph();
    const upper = lawRelations(fixture.lib().store, g, lawIdOf(fixture.lib().store, '集会游行示威法实施条例')).upper.map((x) => x.title);
    expect(upper).toEqual(['集会游行示威法']);
    const r = lawRelations(fixture.lib().store, g, lawIdOf(fixture.lib().store, '中华人民共和国集会游行示威法'));
    expect(r.implementing.map((x) => x.title).sort()).toEqual(['北京市实施《中华人民共和国集会游行示威法》办法', '重庆市实施《中华人民共和国集会游行示威法》办法', '集会游行示威法实施条例'].sort());
    const hunyin = lawRelations(fixture.lib().store, g, lawIdOf(fixture.lib().store, '最高人民法院关于适用《中华人民共和国婚姻法》若干问题的解释（二）'));
    expect(hunyin.interpretations.map((x) => x.title)).toEqual(['最高人民法院关于适用《中华人民共和国婚姻法》若干问题的解释（二）的补充规定']);
    expect(lawRelations(fixture.lib().store, g, lawIdOf(fixture.lib().store, '税收征收管理法实施细则')).upper.map((x) => x.title)).toEqual(['税收征收管理法']);
  });

  it('a citation made before the cited law’s oldest version took effect links that version, marked', () => {
    // 危害生产安全 解释 (2015) cites 刑法, whose only version here is 2023
    const jieshi = fixture.lib().store.law(lawIdOf(fixture.lib().store, '危害生产安全刑事案件'))!;
    const rows = linksOut(fixture.lib().store, graph(), currentVersionOf(fixture.lib().store, jieshi)!.id, '12');
    expect(rows.map((r) => r.to.label)).toContain('第一百三十九条之一');
    // (its own 款 — 前款, since session 24 — link its own version, never approx)
    expect(rows.filter((r) => r.to.lawId !== jieshi.id).every((r) => r.approx)).toBe(true);
  });

  it('受影响: 统计法实施条例 (2017) cites 统计法 2009 articles renumbered or amended in 2024, flagged like records', () => {
    const rows = affectedLaws(fixture.lib().store, graph(), lawIdOf(fixture.lib().store, '中华人民共和国统计法'));
    const line = (from: string) => rows.find((r) => r.from.label === from)!;
    expect(rows.every((r) => r.from.title === '统计法实施条例' && r.to.versionId.endsWith('@2009-06-27'))).toBe(true);
    // 第十五条 cites 统计法(2009) 第十七条: the same text is 第十九条 in 2024
    expect([line('第十五条').to.label, line('第十五条').flag.color, line('第十五条').flag.reason]).toEqual(['第十七条', 'yellow', '条文序号变动：现行版本（2024-09-13）为第十九条，内容未变']);
    expect(line('第四十条').flag.color).toBe('red');
  });

  it('refreshes incrementally: removing a law recomputes only the versions that cited it', async () => {
    const before = graph();
    const law = lawIdOf(fixture.lib().store, '中华人民共和国刑法');
    const citing = Object.entries(before.entries).filter(([, e]) => e.edges.some((x) => x[1] === law) && e.lawId !== law).map(([id]) => id);
    expect(citing.length).toBeGreaterThanOrEqual(2);
    await removeLaw(fixture.lib().store, law);
    const r = await refreshLinks(fixture.lib().store);
    expect(r.removed).toBe(1);
    expect(r.recomputed).toBe(citing.length);
    const after = graph();
    for (const id of citing) expect(after.entries[id]!.edges.some((x) => x[1] === law)).toBe(false);
    expect(checkLinks(fixture.lib().store)).toEqual([]);
  });

  it('read in slices, the stored graph is the same; one malformed entry makes it unusable, as read at once', async () => {
    const store = fixture.lib().store;
    await refreshLinks(store);
    expect(await readLinkGraphSliced(store, new TimeSlicer(0))).toEqual(readLinkGraph(store));
    const text = readFileSync(linksFile(store), 'utf8');
    const data = JSON.parse(text) as { entries: Record<string, { edges: unknown[] }> };
    const first = Object.values(data.entries).find((e) => e.edges.length)!;
    first.edges[0] = ['only one field'];
    writeFileSync(linksFile(store), JSON.stringify(data));
    expect(readLinkGraph(store)).toBeUndefined();
    expect(await readLinkGraphSliced(store, new TimeSlicer(0))).toBeUndefined();
    writeFileSync(linksFile(store), text);
  });

  it('a damaged graph is reported by check and rebuilt', async () => {
    writeFileSync(linksFile(fixture.lib().store), '{"format": 1, "laws": ');
    expect(checkLinks(fixture.lib().store)).toEqual(['法条链接数据（derived/links/links.json）已损坏，将重建']);
    const r = await refreshLinks(fixture.lib().store);
    expect(r.rebuilt).toBe(true);
    expect(checkLinks(fixture.lib().store)).toEqual([]);
    expect(JSON.parse(readFileSync(linksFile(fixture.lib().store), 'utf8')).format).toBe(LINKS_FORMAT);
  });
});

describe('lawdesk links', () => {
  it('lists what an article cites, who cites it, and the relations of a law', () => {
    const run = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'electron/cli/bin.mjs'), 'links', ...args, '--library', fixture.lib().dir], { encoding: 'utf8' });
    const out = run('税收征收管理法', '--json');
    expect(out.status).toBe(0);
    const j = JSON.parse(out.stdout) as { in: { from: { title: string; label: string } }[]; relations: { implementing: { title: string }[] } };
    expect(j.in.some((r) => r.from.title === '税收征收管理法实施细则' && r.from.label === '第五条')).toBe(true);
    expect(j.relations.implementing.map((x) => x.title)).toEqual(['税收征收管理法实施细则']);
    const text = run('税收征收管理法实施细则', '第五条', '--out');
    expect(text.stdout).toContain('税收征收管理法 第八条');
  });

  it('names the 款 an article cites of itself (前款, 本条第一款), and a reference written again is one line with its count', () => {
    const run = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'electron/cli/bin.mjs'), 'links', ...args, '--library', fixture.lib().dir], { encoding: 'utf8' });
    const out = run('税收征收管理法', '--out');
    expect(out.status).toBe(0);
    // the graph is up to date (the run before refreshed it): no progress line with nothing to count
    expect(out.stderr).not.toContain('更新法条链接 0/0');
    const rows = out.stdout.split('\n').filter((l) => l.includes(' → '));
    const own = rows.filter((l) => /^(第\S+条) → +税收征收管理法 \1第[一二三四五六七八九十]+款/.test(l));
    expect(own.length).toBeGreaterThan(0); // before: "第X条 → 税收征收管理法 第X条", the article citing itself
    expect(rows.filter((l) => /^(第\S+条) → +税收征收管理法 \1 /.test(l))).toEqual([]);
    expect(new Set(rows).size).toBe(rows.length);
    const json = JSON.parse(run('税收征收管理法', '--out', '--json').stdout) as { out: unknown[] };
    const counted = rows.reduce((n, l) => n + Number(/（(\d+) 处）$/.exec(l)?.[1] ?? 1), 0);
    expect(counted).toBe(json.out.length); // every place is still counted
  });

  it('lawdesk search 引用:… and --cites list the articles citing an article; an unknown target fails', () => {
    const cli = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'electron/cli/bin.mjs'), 'search', ...args, '--library', fixture.lib().dir], { encoding: 'utf8' });
    const text = cli('引用:统计法第十九条');
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('引用《统计法》第十九条的其他法规条文');
    expect(text.stdout).toMatch(/统计法实施条例》（2017-05-28） 第十五条/);
    const json = cli('--cites', '统计法', '情节严重', '--json');
    const j = JSON.parse(json.stdout) as { total: number; cites: { title: string }; hits: { articleLabel: string }[] };
    expect([j.cites.title, j.hits.map((h) => h.articleLabel)]).toEqual(['统计法', ['第五十条']]);
    const bad = cli('--cites', '执业医师法第十二条');
    expect([bad.status, bad.stderr.trim()]).toEqual([1, '错误：资料库中没有《执业医师法》']);
  }, 180_000); // three CLI processes, each starting the CLI and opening a library: 70–85 s at load 24–31 on two cores
});
