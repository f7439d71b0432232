import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSheetDate } from '../../../electron/core/records/spreadsheet-import';
import { FIXTURES, makeLibrary, type TestLibrary } from './records-test-support';

let lib: TestLibrary;
beforeEach(async () => {
  lib = await makeLibrary();
});
afterEach(() => lib.cleanup());

const CSV = join(FIXTURES, 'reviews-2019.csv');

describe('spreadsheet import of past reviews', () => {
  it('CSV (UTF-8 with BOM): good rows saved, broken rows reported with row number and reason', async () => {
    const res = await lib.svc.importSpreadsheet(CSV);
    expect(res.rows).toBe(5);
    expect(res.imported.map((x) => [x.row, x.id])).toEqual([
      [2, 'R2019-001'],
      [3, 'R2019-002'],
      [5, 'R2019-003'],
    ]);
    expect(res.failed).toEqual([
      { row: 4, reason: '“收件日期”不是日期：2019-13-01' },
      { row: 6, reason: '“审查结论”应为 合法 / 不合法 / 修改后合法 / 提示法律风险，收到：同意' },
    ]);
    expect(res.unmapped).toEqual(['序号']);
    const r = await lib.svc.getReview('R2019-001');
    expect(r).toMatchObject({ type: '规范性文件', refNo: '高科审〔2019〕1号', receivedDate: '2019-03-04', completedDate: '2019-03-12', conclusion: '修改后合法', adopted: true, status: '已出具意见' });
    // 法律依据 is detected and linked on the review's date; the library has only the 2019-04-23
    // 行政许可法, not yet in force for a review of March 2019: reported, not linked to the wrong text
    expect(r.findings.content.citations).toEqual([]);
    expect(res.warnings).toContainEqual({ row: 2, message: expect.stringMatching(/未能链接的引用“第十七条”：《行政许可法》在 2019-03-12 尚未施行/) });
    expect((await lib.svc.getReview('R2019-003')).findings.content.citations.map((c) => c.citation)).toEqual(['《重大行政决策程序暂行条例》第二十六条']);
    // received Monday 2019-09-23: 最早届满 (5 working days for a 规范性文件) 2019-09-29, a Sunday worked
    // before 国庆 2019; done 10-12. The minimum is the least the unit must allow, not a deadline: without the
    // unit's own 审查期限 (the sheet has none) it is neither on time nor late.
    const later = await lib.svc.getReview('R2019-003');
    expect(later.dueDate).toBe('2019-09-29');
    expect(later.onTime).toBeUndefined();
    expect(later.unitDeadline).toBeUndefined();
    expect((await lib.svc.history('R2019-001'))[0]!.action).toBe('import');

    // re-importing the same sheet duplicates nothing
    const again = await lib.svc.importSpreadsheet(CSV);
    expect(again.imported).toEqual([]);
    expect(again.skipped.map((x) => x.row)).toEqual([2, 3, 5]);
    expect((await lib.svc.listReviews()).length).toBe(3);
  });

  it('all-or-nothing and dry run save nothing', async () => {
    const strict = await lib.svc.importSpreadsheet(CSV, { allOrNothing: true });
    expect(strict.imported).toEqual([]);
    expect(strict.failed.map((f) => f.row)).toEqual([4, 6]);
    expect(strict.skipped.map((s) => s.row)).toEqual([2, 3, 5]);
    const dry = await lib.svc.importSpreadsheet(CSV, { dryRun: true });
    expect(dry.imported.length).toBe(3);
    expect(await lib.svc.listReviews()).toEqual([]);
  });

  it('GBK CSV as saved by Excel on Chinese Windows, with a --map override', async () => {
    const text = readFileSync(CSV, 'utf8').replace(/^\uFEFF/, '').replace('文件名称', '事项');
    const file = join(lib.dir, 'gbk.csv');
    writeFileSync(file, iconv.encode(text, 'gbk'));
    const res = await lib.svc.importSpreadsheet(file, { mapping: { 事项: 'title' } });
    expect(res.imported.length).toBe(3);
    expect((await lib.svc.getReview('R2019-002')).title).toBe('高青县科技局与某高校产学研合作框架协议');
    await expect(lib.svc.importSpreadsheet(file, { mapping: { 不存在的列: 'title' } })).rejects.toThrow(/--map 中的列“不存在的列”在表头中找不到/);
  });

  it('XLSX with real date cells, a formula, and a broken row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('2020年合法性审查台账');
    ws.addRow(['事项名称', '审查类型', '承办单位', '收件日期', '出具意见日期', '审查结论', '是否采纳', '审查意见']);
    ws.addRow(['高青县科技创新券管理暂行办法', '规范性文件', '高新技术科', new Date(Date.UTC(2020, 3, 13)), new Date(Date.UTC(2020, 3, 21)), '修改后合法', '是', '删除第九条后合法，见《行政许可法》第十七条']);
    ws.addRow(['孵化器委托运营合同', '合同', '科技成果转化科', '2020.6.29', '2020年7月8日', '提示法律风险', '部分采纳', '']);
    ws.addRow(['缺承办单位的一行', '规范性文件', '', new Date(Date.UTC(2020, 7, 3)), '', '', '', '']);
    ws.addRow(['日期是文字', '重大行政决策', '规划发展科', '九月二十五日', '', '', '', '']);
    ws.getCell('A6').value = { formula: 'CONCATENATE("公式","标题")', result: '公式标题' };
    ws.getCell('B6').value = '其他';
    ws.getCell('C6').value = '办公室';
    ws.getCell('D6').value = 43900; // an Excel serial date: 2020-03-10
    const file = join(lib.dir, '台账.xlsx');
    await wb.xlsx.writeFile(file);

    const res = await lib.svc.importSpreadsheet(file);
    expect(res.imported.map((x) => x.row)).toEqual([2, 3, 6]);
    expect(res.failed).toEqual([
      { row: 4, reason: '承办单位：请填写承办单位' },
      { row: 5, reason: '“收件日期”不是日期：九月二十五日' },
    ]);
    const first = await lib.svc.getReview('R2020-001');
    expect(first.receivedDate).toBe('2020-04-13');
    expect(first.opinion.citations[0]!.label).toBe('第十七条');
    const contract = await lib.svc.getReview('R2020-002');
    expect(contract).toMatchObject({ receivedDate: '2020-06-29', completedDate: '2020-07-08', adopted: true, adoptionNote: '部分采纳' });
    expect((await lib.svc.getReview('R2020-003')).title).toBe('公式标题');
    expect((await lib.svc.getReview('R2020-003')).receivedDate).toBe('2020-03-10');
  });

  it('refuses unreadable or unsupported files with a clear message', async () => {
    await expect(lib.svc.importSpreadsheet(join(lib.dir, 'nope.xlsx'))).rejects.toThrow(/文件不存在/);
    writeFileSync(join(lib.dir, 'bad.xlsx'), 'not a zip');
    await expect(lib.svc.importSpreadsheet(join(lib.dir, 'bad.xlsx'))).rejects.toThrow(/不是有效的 .xlsx 文件/);
    writeFileSync(join(lib.dir, 'old.xls'), 'x');
    await expect(lib.svc.importSpreadsheet(join(lib.dir, 'old.xls'))).rejects.toThrow(/另存为 .xlsx 或 .csv/);
    writeFileSync(join(lib.dir, 'nohead.csv'), '甲,乙\n1,2\n');
    await expect(lib.svc.importSpreadsheet(join(lib.dir, 'nohead.csv'))).rejects.toThrow(/找不到“标题\/事项名称”和“收件日期”列/);
  });

  it('reads the dates offices write', () => {
    expect(['2020-03-05', '2020/3/5', '2020.3.5', '2020年3月5日', '2020 年 3 月 5 日'].map(parseSheetDate)).toEqual(Array(5).fill('2020-03-05'));
    expect(parseSheetDate('2020-02-30')).toBeUndefined();
    expect(parseSheetDate(43900)).toBe('2020-03-10');
  });
});
