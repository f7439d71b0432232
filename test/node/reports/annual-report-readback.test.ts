// The 法治政府建设年度报告 read back from the DOCX the office files, against what its model says it holds
// (the office's own 2020 report, /work/shared/seed, as the example records of test/fixtures/records carry it):
// the title, the parts 一、 to 五、 and the 举措 （一） … under 一、 in order and without gaps, the laws studied
// each named once, every date in words (the 数据来源 annex's record list too), each figure of the annex read
// back with its value, the 附件说明 then the 落款 (unit, 成文日期), then the annex, and numbered pages.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annualReportFor } from '../../../electron/core/reports/annual-report-service';
import { exportAnnualReport } from '../../../electron/core/reports/annual-report-export';
import type { AnnualReport } from '../../../electron/core/reports/annual-report';
import { chineseDate } from '../../../electron/shared/chinese-date';
import { toChineseNumber } from '../../../electron/shared/chinese-number';
import { docxText } from '../packs/pack-test-support';
import { makeLibrary, seed, type TestLibrary } from '../records/records-test-support';

const DATE = '2021-02-20';
let lib: TestLibrary;
let dir: string;
let report: AnnualReport;
let ps: string[];
let file: string;
beforeAll(async () => {
  lib = await makeLibrary();
  await lib.svc.importBundle(seed());
  report = await annualReportFor(lib.svc, lib.store, { year: 2020, asOf: DATE });
  dir = mkdtempSync(join(tmpdir(), 'report-readback-'));
  file = join(dir, '年度报告.docx');
  await exportAnnualReport(report, { out: file, today: DATE });
  ps = (await docxText(readFileSync(file)))
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
}, 120_000);
afterAll(() => {
  lib.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const at = (text: string, from = 0) => {
  const i = ps.slice(from).findIndex((p) => p.startsWith(text));
  return i < 0 ? -1 : i + from;
};

describe('the 年度报告 read back from its DOCX', () => {
  it('opens with its title and holds the parts 一、 to 五、 and the 举措 （一） … in order, numbered without gaps', () => {
    // one paragraph, or two (the title cut after the unit), and nothing before it
    expect([ps[0], ps.slice(0, 2).join('')]).toContain(report.title);
    const parts = ps.filter((p) => /^[一二三四五六七八九十]+、/.test(p));
    expect(parts).toEqual(report.sections.map((s) => s.heading));
    expect(parts.map((p) => p.split('、')[0])).toEqual(parts.map((_, i) => toChineseNumber(i + 1)));
    // (一) … under 一、, consecutive, each once, before 二、
    const points = ps.slice(at(parts[0]!), at(parts[1]!)).filter((p) => /^（[一二三四五六七八九十]+）/.test(p));
    expect(points.length).toBeGreaterThanOrEqual(5);
    expect(points.map((p) => /^（(.+?)）/.exec(p)![1])).toEqual(points.map((_, i) => toChineseNumber(i + 1)));
    expect(ps.filter((p) => /^（一）/.test(p))).toHaveLength(1);
  });

  it('says what the office’s 2020 report says: laws studied each once, 法律大讲堂, 普法 figures, adviser, procedures in the 条例’s order', () => {
    const body = ps.slice(0, at('附件：数据来源')).join('\n');
    const studied = report.figures.find((f) => f.id === 'study.laws')!.value.split('、');
    // the laws of the office's report (seed): each named in the text, the list naming each once
    for (const law of ['宪法', '行政许可法', '统计法', '保守国家秘密法', '民法典', '优化营商环境条例', '科学技术进步法', '促进科技成果转化法']) {
      expect(studied).toContain(`《${law}》`);
      expect(body).toContain(`《${law}》`);
    }
    expect(new Set(studied).size).toBe(studied.length);
    expect(body).toMatch(/开展“法律大讲堂”活动\d+次/);
    expect(body).toMatch(/发放《淄博市科技创新政策措施摘编（2019年）》100份/);
    expect(body).toMatch(/覆盖6000人次/);
    expect(body).toContain('聘请山东青苑律师事务所李明为法律顾问');
    expect(body).toContain('普法责任清单');
    const steps = /履行了(.+?)等程序/.exec(body)![1]!.split('、');
    expect(steps.indexOf('合法性审查')).toBeLessThan(steps.indexOf('集体讨论决定'));
    expect(steps.indexOf('集体讨论决定')).toBeLessThan(steps.indexOf('公布'));
  });

  it('writes every date in words, the annex’s record list too', () => {
    expect(ps.join('\n')).not.toMatch(/\d{4}-\d{1,2}-\d{1,2}/);
    // the list names each record with its own date, in words
    const list = ps.slice(at('来源记录一览') + 1);
    expect(list.length).toBeGreaterThan(0);
    for (const line of list) expect(line, line).toMatch(/^[A-Z]\d{4}-\d+　[^，]+，(?:\d{4}年\d{1,2}月\d{1,2}日|\d{4}年度)：/);
  });

  it('reads back each figure of the 数据来源 annex with its value, the 附件说明 and 落款 before the annex, and numbered pages', () => {
    const note = at('附件：数据来源');
    expect(note).toBeGreaterThan(at(report.sections.at(-1)!.heading));
    expect(ps.slice(note + 1, note + 3)).toEqual([report.unit, chineseDate(DATE)]);
    expect(ps.slice(note + 3, note + 5)).toEqual(['附件', '数据来源']);
    // the table's cells are paragraphs here: 序号, 数据项, 数值, 来源记录 in a row
    const table = ps.slice(note + 5);
    report.figures.forEach((f, i) => {
      const row = table.findIndex((p, k) => p === String(i + 1) && table[k + 1] === f.label);
      expect(row, f.label).toBeGreaterThanOrEqual(0);
      expect(table[row + 2], f.label).toBe(f.value);
    });
    const zip = unzipSync(readFileSync(file));
    const footers = Object.keys(zip).filter((k) => /^word\/footer\d*\.xml$/.test(k)).map((k) => strFromU8(zip[k]!));
    expect(footers.length).toBeGreaterThan(0);
    for (const f of footers) expect(f).toMatch(/— <\/w:t>[\s\S]*PAGE[\s\S]*<w:t xml:space="preserve"> —/);
  });
});
