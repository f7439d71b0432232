// The CLI's --json outputs are a contract other tools script against (README: "CLI").
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const FIX = join(ROOT, 'test/fixtures/laws');
const work = mkdtempSync(join(tmpdir(), 'lawdesk-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const lib = join(work, 'lib');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'electron/cli/bin.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, LAWDESK_LIBRARY: lib } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('lawdesk CLI', () => {
  it('imports a folder (starting a new library with the starter laws) and reports as JSON', () => {
    const bad = join(work, 'bad');
    spawnSync('mkdir', ['-p', bad]);
    writeFileSync(join(bad, 'empty.txt'), '');
    const r = cli('import', FIX, bad, '--json');
    expect(r.code).toBe(1); // one file failed
    const report = JSON.parse(r.out);
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['imported', 'skipped', 'failed', 'warnings']));
    // the fixtures overlap the starter laws: those are skipped as identical
    expect(report.imported + report.skipped).toBe(16);
    expect(report.skipped).toBeGreaterThan(0);
    expect(report.failed).toEqual([{ file: join(bad, 'empty.txt'), reason: '空文件（0 字节）' }]);
    const again = cli('import', FIX, '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out)).toMatchObject({ imported: 0, skipped: 16, failed: [] });
  });

  it('lists one entry per law version', () => {
    const r = cli('list', '--json');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as Record<string, unknown>[];
    const tongji = rows.filter((x) => x.title === '中华人民共和国统计法');
    expect(tongji.map((x) => [x.published, x.status, x.articleCount])).toEqual([
      ['2009-06-27', '已修改', 50],
      ['2024-09-13', '现行有效', 53],
    ]);
    for (const key of ['id', 'title', 'level', 'region', 'published', 'effective', 'status', 'articleCount']) {
      expect(rows[0]).toHaveProperty(key);
    }
  });

  it('shows a law, one article, and an older version', () => {
    const one = JSON.parse(cli('show', '行政许可法', '第十二条', '--json').out);
    expect(one.title).toBe('中华人民共和国行政许可法');
    expect(one.articles).toHaveLength(1);
    expect(one.articles[0]).toMatchObject({ number: 12, label: '第十二条', path: ['第二章 行政许可的设定'] });
    expect(one.articles[0].text).toMatch(/^下列事项可以设定行政许可：\n（一）/);
    const old = JSON.parse(cli('show', '统计法', '7', '--version', '2009', '--json').out);
    expect(old.published).toBe('2009-06-27');
    expect(old.articles[0].text).toMatch(/^国家机关、企业事业单位和其他组织以及个体工商户和个人等统计调查对象/);
    const text = cli('show', '统计法', '12之一');
    expect(text.code).toBe(1);
    expect(text.err).toMatch(/没有12之一/);
    const missing = cli('show', '不存在的法');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/没有找到/);
    expect(cli('bogus').code).toBe(2);
  });

  it('diff of an article no version has is an error, not 新增', () => {
    const r = cli('diff', '统计法', '999');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/中华人民共和国统计法》的 2 个版本（2009-06-27、2024-09-13）中都没有第九百九十九条/);
    const ok = cli('diff', '统计法', '51', '--json');
    expect(ok.code).toBe(0);
    const h = JSON.parse(ok.out).history as { date: string; label?: string; change: string }[];
    expect(h.map((x) => [x.date, x.label ?? null])).toEqual([['2009-06-27', '第四十八条'], ['2024-09-13', '第五十一条']]);
  });
});
