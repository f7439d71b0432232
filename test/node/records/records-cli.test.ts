// The CLI as a user runs it: `node electron/cli/bin.mjs …` against a fresh library.

import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, makeLibrary, type TestLibrary } from './records-test-support';

let lib: TestLibrary;
beforeAll(async () => {
  lib = await makeLibrary();
});
afterAll(() => lib.cleanup());

function cli(...args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'electron/cli/bin.mjs'), ...args, '--library', lib.dir], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, LAWDESK_USER: '命令行' },
  });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

describe('lawdesk review / lecture / cites / stats / records', () => {
  it('imports the seed bundle, then answers cites and stats as JSON', () => {
    expect(cli('records', 'import', join(FIXTURES, 'seed-2020.json')).code).toBe(0);
    const cites = JSON.parse(cli('cites', '统计法', '7', '--version', '2009', '--json').out);
    expect(cites.citedBy.map((e: { id: string }) => e.id)).toEqual(['R2020-004', 'R2020-003', 'N2020-001', 'L2020-003']);
    const stats = JSON.parse(cli('stats', '--year', '2020', '--json').out);
    expect(stats.reviews.total).toBe(5);
    // The seed gives no unit deadlines: 最早届满 is a minimum, so no review is on time or late.
    expect(stats.reviews.onTimeRate).toBeNull();
    expect(stats.lectures.headCount).toBe(6454);
    expect(stats.plans[0].done).toBe(5);
    // In words, the rate says why it is blank instead of “按期 0 件” beside “—”.
    const text = cli('stats', '--year', '2020').out;
    expect(text).toContain('按期率 —（已出具意见 5 件，均未设单位确定的审查期限，不计算按期率）');
  });

  it('review add / update / show --json keeps the history', () => {
    const file = join(lib.dir, 'r.json');
    writeFileSync(file, JSON.stringify({ type: '重大行政决策', title: '高青县科技成果转化奖励办法', leadUnit: '科技成果转化科', receivedDate: '2020-12-21', unitDeadline: '2021-01-08', findings: { content: { text: '与《统计法》第七条衔接。' } } }));
    const add = cli('review', 'add', '--from', file, '--link', '--json');
    expect(add.code).toBe(0);
    const created = JSON.parse(add.out).record;
    expect(created).toMatchObject({ id: 'R2020-006', dueDate: '2020-12-30', unitDeadline: '2021-01-08', createdBy: '命令行' });
    writeFileSync(file, JSON.stringify({ status: '审查中' }));
    expect(cli('review', 'update', 'R2020-006', '--from', file, '--by', '王芳').out).toMatch(/已保存 R2020-006/);
    const shown = JSON.parse(cli('review', 'show', 'R2020-006', '--json').out);
    expect(shown.history.map((h: { by: string; action: string }) => `${h.by}:${h.action}`)).toEqual(['命令行:create', '王芳:status']);
    expect(shown.findings.content.citations[0].versionId).toMatch(/@2009-06-27$/);
    expect(shown.overdue).toBe(true);
    const list = JSON.parse(cli('review', 'list', '--json', '--overdue').out);
    expect(list.map((r: { id: string }) => r.id)).toEqual(['R2020-006']);
    expect(cli('review', 'list', '--type', '合同').out).toMatch(/R2020-002 .*孵化器/);
  });

  // A 合同 has no national minimum review time: its dueDate is the receipt date, which the CLI printed as
  // “最早届满 <收件日期>” (the 审查 list says 无统一时限).
  it('review add / show of a 合同 print no 最早届满 date', () => {
    const file = join(lib.dir, 'contract.json');
    writeFileSync(file, JSON.stringify({ type: '合同', title: '科技馆运营服务合同', leadUnit: '办公室', receivedDate: '2020-12-24' }));
    const add = cli('review', 'add', '--from', file);
    expect(add.code).toBe(0);
    expect(add.out).toContain('（合同，收件 2020-12-24，无统一时限）');
    const id = /已新增 (R\d{4}-\d{3})/.exec(add.out)![1]!;
    const show = cli('review', 'show', id).out;
    expect(show).toContain('收件 2020-12-24 · 无统一时限（没有全国统一的审查时限');
    expect(show).not.toContain('最早届满');
  });

  it('bad input: exit 1, every problem in Chinese, nothing saved', () => {
    const file = join(lib.dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ type: '合同', title: '期限早于收件', leadUnit: '办公室', receivedDate: '2020-05-10', dueDate: '2020-05-01', citations: [{ law: '统计法', article: '第九十条' }] }));
    const r = cli('review', 'add', '--from', file);
    expect(r.code).toBe(1);
    expect(r.err).toContain('审查期限（2020-05-01）早于收件日期（2020-05-10）');
    expect(r.err).toMatch(/引用条文第1项：《统计法》（2009-06-27版）没有第九十条/);
    expect(cli('review', 'list').out).not.toContain('期限早于收件');
    expect(cli('review', 'show', 'R1999-001').err).toMatch(/没有找到审查记录 R1999-001/);
    expect(cli('review', 'frobnicate').code).toBe(2);
  });

  it('records import of a CSV with broken rows reports them by row', () => {
    const r = cli('records', 'import', join(FIXTURES, 'reviews-2019.csv'), '--json');
    expect(r.code).toBe(1);
    const res = JSON.parse(r.out);
    expect(res.imported).toHaveLength(3);
    expect(res.failed.map((f: { row: number }) => f.row)).toEqual([4, 6]);
    expect(cli('records', 'import', join(FIXTURES, 'reviews-2019.csv'), '--map', '序号=nope').err).toMatch(/不认识的字段“nope”/);
  });

  it('lecture add and list', () => {
    const file = join(lib.dir, 'l.json');
    writeFileSync(file, JSON.stringify({ kind: '法律进乡村', date: '2020-10-28', topic: '科技特派员送法下乡', headCount: 35, citations: [{ law: '行政许可法', article: '12' }] }));
    expect(cli('lecture', 'add', '--from', file).out).toMatch(/已新增 L2020-015/);
    expect(cli('lecture', 'list', '--year', '2020', '--kind', '法律进乡村').out).toMatch(/L2020-015 .*35 人/);
  });

  it('lecture add takes a JSON array as several records; lecture update needs an id', () => {
    const file = join(lib.dir, 'ls.json');
    writeFileSync(
      file,
      JSON.stringify([
        { kind: '集体学法', date: '2020-11-04', topic: '学习统计法', headCount: 20 },
        { kind: '宪法日', date: '2020-12-04', topic: '宪法宣传周', headCount: 80 },
      ]),
    );
    expect(cli('lecture', 'add', '--from', file).out).toMatch(/已新增 2 条：L2020-016、L2020-017/);
    const one = join(lib.dir, 'l9.json');
    writeFileSync(one, JSON.stringify({ kind: '宪法日', date: '2020-12-04', topic: '宪法宣传周（县城广场）', headCount: 85 }));
    expect(cli('lecture', 'update', 'L2020-017', '--from', one).out).toMatch(/已保存 L2020-017 {2}宪法宣传周（县城广场）（第 2 版）/);
    const missing = cli('lecture', 'update', '--from', one);
    expect(missing.code).not.toBe(0);
    expect(missing.err).toMatch(/请给出活动编号/);
  });

  it('plan add and update', () => {
    const file = join(lib.dir, 'p.json');
    writeFileSync(file, JSON.stringify({ year: 2021, title: '2021年度普法工作计划', items: [{ topic: '民法典', laws: ['民法典'] }] }));
    const added = cli('plan', 'add', '--from', file).out;
    expect(added).toMatch(/已新增 P2021-\d+ {2}2021 2021年度普法工作计划（1 项）/);
    const id = /已新增 (P2021-\d+)/.exec(added)![1]!;
    writeFileSync(file, JSON.stringify({ year: 2021, title: '2021年度普法工作计划（修订）', items: [{ topic: '民法典', laws: ['民法典'] }] }));
    expect(cli('plan', 'update', id, '--from', file).out).toMatch(new RegExp(`已保存 ${id}  2021年度普法工作计划（修订）（第 2 版）`));
  });
});
