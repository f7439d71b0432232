// `lawdesk report`: the JSON contract (sections, paragraphs, figures with sources), the files it
// writes, and clear errors for a bad year, a bad output path and a year without a plan.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT } from '../records/records-test-support';
import { reportYearOn } from '../../../electron/shared/report-year';
import { DEFAULT_TIME_ZONE, dateInZone } from '../../../electron/shared/office-clock';

const work = mkdtempSync(join(tmpdir(), 'lawdesk-report-cli-'));
const lib = join(work, 'lib');
function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'electron/cli/bin.mjs'), ...args, '--library', lib], { encoding: 'utf8', env: { ...process.env, LAWDESK_STARTER_DIR: '/nonexistent', LAWDESK_USER: '测试员' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
beforeAll(() => {
  expect(cli('import', join(FIXTURES, 'laws')).code).toBe(0);
  expect(cli('records', 'import', join(FIXTURES, 'seed-2020.json')).code).toBe(0);
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('lawdesk report', () => {
  it('annual --json gives the sections and every figure with its sources', () => {
    const r = cli('report', 'annual', '--year', '2020', '--json');
    expect(r.code, r.err).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.title).toBe('高青县科学技术局2020年度法治政府建设工作报告');
    expect(report.sections.map((s: { heading: string }) => s.heading.slice(0, 2))).toEqual(['一、', '二、', '三、', '四、', '五、']);
    const f = report.figures.find((x: { id: string }) => x.id === 'decisions.total');
    expect(f).toMatchObject({ label: '收到合法性审查送审件数', value: '5' });
    expect(f.sources.map((s: { id: string }) => s.id).sort()).toEqual(['R2020-001', 'R2020-002', 'R2020-003', 'R2020-004', 'R2020-005']);
  });

  it('annual without --year drafts the report in hand today (reportYearOn); plan and duties still ask for the year', () => {
    const r = cli('report', 'annual', '--json');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).year).toBe(reportYearOn(dateInZone(new Date(), DEFAULT_TIME_ZONE)));
    const plan = cli('report', 'plan', '--out', join(work, 'p-no-year.docx'));
    expect(plan.code).toBe(2);
    expect(plan.err).toContain('--year');
  });

  it('a report without a unit or an adviser says which flag supplies each, as text and as codes in --json', () => {
    const r = cli('report', 'annual', '--year', '2023');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('注意：没有单位名称：用 lawdesk office --unit 单位 保存单位名称，或生成时加 --unit 单位。');
    expect(r.out).toContain('注意：没有法律顾问：用 lawdesk office --adviser 姓名 保存法律顾问');
    expect(r.out).not.toContain('设置 →');
    expect(JSON.parse(cli('report', 'annual', '--year', '2023', '--json').out).gaps).toEqual(['unit', 'adviser']);
    const given = cli('report', 'annual', '--year', '2023', '--unit', '高青县科学技术局', '--adviser', '李明');
    expect(given.out).not.toMatch(/没有单位名称|没有法律顾问/);
  });

  it('--date sets the 成文日期 of the 落款; an impossible date is refused', () => {
    const out = join(work, '报告-dated.html');
    const r = cli('report', 'annual', '--year', '2020', '--out', out, '--date', '2021-02-20');
    expect(r.code, r.err).toBe(0);
    const sig = /<div class="signature"[^>]*>(.*?)<\/div>/.exec(readFileSync(out, 'utf8'))![1]!.replace(/<[^>]+>/g, '|');
    expect(sig.split('|').filter(Boolean)).toEqual(['高青县科学技术局', '2021年2月20日']);
    const bad = cli('report', 'annual', '--year', '2020', '--out', join(work, 'x.html'), '--date', '2021-02-30');
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('--date 应为实际存在的日期 YYYY-MM-DD（收到“2021-02-30”）');
    expect(existsSync(join(work, 'x.html'))).toBe(false);
  });

  it('writes DOCX, PDF-ready HTML and refuses a bad year or output path', () => {
    const out = join(work, '报告.docx');
    const r = cli('report', 'annual', '--year', '2020', '--out', out, '--adviser', '李明', '--adviser-org', '山东青苑律师事务所');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/已导出 .*报告\.docx（DOCX，\d+ KB，\d+ 项数据，8 处待填写）/);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(cli('report', 'duties', '--year', '2020', '--out', join(work, '清单.html')).code).toBe(0);
    expect(cli('report', 'annual', '--year', '二〇二〇').code).toBe(2);
    const bad = cli('report', 'annual', '--year', '2020', '--out', join(work, 'no-such-dir', 'x.docx'));
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/无法写入 .*文件夹 .*no-such-dir 不存在/);
    expect(existsSync(join(work, 'no-such-dir'))).toBe(false);
    const none = cli('report', 'plan', '--year', '2019', '--out', join(work, 'p.docx'));
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/2019年度没有普法计划/);
  });
});
