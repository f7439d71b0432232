// The 节假日/调休 list edited through the one API (设置's card) and the CLI: the 国务院办公厅 notice
// pasted as published reads to the very days chinese-days ships, a plain date list reads the same
// way, every wrong list is refused with the day named and nothing written, and a saved year counts.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main as cli } from '../../../electron/cli/main';
import { officialHolidays } from '../../../electron/core/records/official-holidays';
import { WorkCalendar, addDays } from '../../../electron/core/records/working-days';
import { holidayProblems, parseHolidayText, type Holiday } from '../../../electron/shared/holidays';
import { openTestApp } from '../test-app';

const tmp = mkdtempSync(join(tmpdir(), 'lawdesk-holidays-edit-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const NOTICE_2025 = readFileSync(join(__dirname, '../../fixtures/records/notice-2025-holidays.txt'), 'utf8');

/** Every day of a year on which the two calendars disagree (working day or not). */
function disagreements(a: WorkCalendar, b: WorkCalendar, year: number): string[] {
  const out: string[] = [];
  for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) if (a.isWorkingDay(d) !== b.isWorkingDay(d)) out.push(d);
  return out;
}

describe('reading pasted holiday text', () => {
  it('the 2025 notice as published gives every day off and every 调休 day chinese-days ships for 2025', () => {
    const parsed = parseHolidayText(NOTICE_2025);
    expect(parsed.problems).toEqual([]);
    expect(parsed.years).toEqual([2025]);
    expect(parsed.holidays.map((h) => h.name)).toEqual(['元旦', '春节', '清明节', '劳动节', '端午节', '国庆节、中秋节']);
    const shipped = new WorkCalendar(officialHolidays().filter((h) => h.year === 2025));
    expect(disagreements(new WorkCalendar(parsed.holidays), shipped, 2025)).toEqual([]);
  });

  it('an item pasted without the title takes the year chosen; a 元旦 over the new year and 星期 notes read too (2023)', () => {
    const text = '一、元旦：2022年12月31日至2023年1月2日放假调休，共3天。\n二、春节：1月21日至27日放假调休，共7天。1月28日（星期六）、1月29日（星期日）上班。';
    const parsed = parseHolidayText(text, 2023);
    expect(parsed.problems).toEqual([]);
    expect(parsed.holidays).toMatchObject([
      { year: 2023, name: '元旦', off: ['2022-12-31', '2023-01-02'], work: [] },
      { year: 2023, name: '春节', off: ['2023-01-21', '2023-01-27'], work: ['2023-01-28', '2023-01-29'] },
    ]);
    expect(parseHolidayText(text).problems.join()).toMatch(/通知没有写明年份/);
  });

  it('a plain list: ranges, one day a line merged into one run, 上班 lines joined to their holiday', () => {
    const parsed = parseHolidayText(['2026-01-01 至 2026-01-03 元旦', '2026-01-04（星期日）上班', '2026/10/1 国庆节', '2026/10/2 国庆节', '2026年10月3日 国庆节', '2026-09-27 补班 国庆节'].join('\n'));
    expect(parsed.problems).toEqual([]);
    expect(parsed.holidays).toMatchObject([
      { year: 2026, name: '元旦', off: ['2026-01-01', '2026-01-03'], work: ['2026-01-04'] },
      { year: 2026, name: '国庆节', off: ['2026-10-01', '2026-10-03'], work: ['2026-09-27'] },
    ]);
  });

  it('names each line it cannot use: a day that does not exist, a holiday with no name, a 调休 day with no holiday near', () => {
    const parsed = parseHolidayText(['2026-02-30 春节', '2026-05-01', '2026-07-04 上班', '三、清明节：4月31日放假'].join('\n'), 2026);
    expect(parsed.problems).toEqual([
      '第 1 行：2026-02-30 不是实际存在的日期',
      '第 2 行没有写假日名称：2026-05-01',
      '第 4 行：“清明节”一项的放假日期 4月31日 不是实际存在的日期',
      '第 3 行：调休上班日 2026-07-04 找不到附近的假日',
    ]);
  });
});

describe('checking a holiday list', () => {
  const h = (name: string, off: [string, string], work: string[] = []): Holiday => ({ year: Number(off[1].slice(0, 4)), name, off, work });
  it('a shipped year has no problem', () => {
    for (const year of [2020, 2024, 2026]) expect(holidayProblems(officialHolidays().filter((x) => x.year === year))).toEqual([]);
  });
  it('refuses duplicates, a day both off and worked, a weekday 调休, a backwards or over-long run, a run outside its year', () => {
    expect(holidayProblems([h('元旦', ['2026-01-01', '2026-01-03']), h('新年', ['2026-01-03', '2026-01-03'])])).toEqual(['2026-01-03 重复放假（2026 年元旦、2026 年新年）']);
    expect(holidayProblems([h('春节', ['2026-02-15', '2026-02-23'], ['2026-02-14', '2026-02-14'])])).toEqual(['2026-02-14 重复列为调休上班日（2026 年春节、2026 年春节）']);
    expect(holidayProblems([h('元旦', ['2026-01-01', '2026-01-03'], ['2026-01-03'])])).toEqual(['2026-01-03 既是放假日（2026 年元旦）又是调休上班日（2026 年元旦）']);
    expect(holidayProblems([h('元旦', ['2026-01-01', '2026-01-01'], ['2026-01-05'])])).toEqual(['2026 年元旦：调休上班日 2026-01-05 是星期一，本来就是工作日']);
    expect(holidayProblems([h('国庆节', ['2026-10-08', '2026-10-01'])])).toEqual(['2026 年国庆节：放假起止日期颠倒（2026-10-08 至 2026-10-01）']);
    expect(holidayProblems([h('国庆节', ['2026-10-01', '2026-12-08'])])[0]).toMatch(/超过 31 天/);
    expect(holidayProblems([{ ...h('国庆节', ['2026-10-01', '2026-10-08']), year: 2025 }])).toEqual(['2025 年国庆节：放假日期 2026-10-01 至 2026-10-08 不在 2025 年']);
  });
});

describe('holidays:get / holidays:set (the API every face uses) and lawdesk holidays', () => {
  it('saves a year that then counts, refuses a wrong list with the day named and writes nothing, and takes no unknown field', async () => {
    const dir = join(tmp, 'api');
    const svc = await openTestApp(dir);
    const file = join(dir, 'library', 'holidays.json');
    try {
      const before = await svc.call('holidays:get', {});
      expect(before.own).toEqual([]);
      expect(before.official.holidays.some((x) => x.year === 2025 && x.name === '春节')).toBe(true);
      // 规范性文件: 5 working days after Friday 2025-05-09 → Friday 2025-05-16
      expect((await svc.call('records:dueDate', { receivedDate: '2025-05-09', type: '规范性文件' })).dueDate).toBe('2025-05-16');
      const wrong = [...parseHolidayText(NOTICE_2025).holidays, { year: 2025, name: '县庆', off: ['2025-05-12', '2025-05-12'] as [string, string], work: ['2025-05-12'] }];
      await expect(svc.call('holidays:set', { holidays: wrong })).rejects.toMatchObject({ code: 'INVALID', message: expect.stringContaining('2025-05-12 既是放假日（2025 年县庆）又是调休上班日（2025 年县庆）') });
      expect(existsSync(file)).toBe(false);
      await expect(svc.call('holidays:set', { holidays: [], extra: 1 } as never)).rejects.toMatchObject({ code: 'INVALID' });
      await expect(svc.call('holidays:set', { holidays: [{ year: 2025, name: '县庆', off: ['2025-02-30', '2025-02-30'], work: [] }] })).rejects.toMatchObject({ code: 'INVALID' });
      expect(existsSync(file)).toBe(false);
      const own = [...parseHolidayText(NOTICE_2025).holidays, { year: 2025, name: '县庆', off: ['2025-05-12', '2025-05-13'] as [string, string], work: [] }];
      const after = await svc.call('holidays:set', { holidays: own });
      expect(after.own.map((x) => x.name)).toContain('县庆');
      expect(JSON.parse(readFileSync(file, 'utf8')).holidays).toHaveLength(7);
      expect((await svc.call('records:dueDate', { receivedDate: '2025-05-09', type: '规范性文件' })).dueDate).toBe('2025-05-20');
    } finally {
      svc.close();
    }
  });

  it('a year set with no holiday is kept, counts only weekends, and is told apart from a year not set; a file contradicting itself is not used', async () => {
    const dir = join(tmp, 'empty-year');
    const svc = await openTestApp(dir);
    const file = join(dir, 'library', 'holidays.json');
    try {
      // 规范性文件: 5 working days after Tuesday 2025-09-30; shipped 国庆 1–8 October, 调休 Saturday 10-11 → 2025-10-14
      expect((await svc.call('records:dueDate', { receivedDate: '2025-09-30', type: '规范性文件' })).dueDate).toBe('2025-10-14');
      const after = await svc.call('holidays:set', { holidays: [], emptyYears: [2025, 2025] });
      expect(after.own).toEqual([]);
      expect(after.emptyYears).toEqual([2025]);
      expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ holidays: [], emptyYears: [2025] });
      // only weekends count in 2025 now: Wed 1 … Tue 7 October
      expect((await svc.call('records:dueDate', { receivedDate: '2025-09-30', type: '规范性文件' })).dueDate).toBe('2025-10-07');
      // 2024 is not set: the shipped year still counts (国庆 1–7 October 2024, Saturday 12 October worked)
      expect((await svc.call('records:dueDate', { receivedDate: '2024-09-30', type: '规范性文件' })).dueDate).toBe('2024-10-12');
      const own2025 = parseHolidayText(NOTICE_2025).holidays;
      await expect(svc.call('holidays:set', { holidays: own2025, emptyYears: [2025] })).rejects.toMatchObject({ code: 'INVALID', message: expect.stringContaining('2025 年既标为没有节假日，又列有假日') });
      expect(JSON.parse(readFileSync(file, 'utf8')).emptyYears).toEqual([2025]);
      // a hand edit that says both: the file is not used (the shipped list counts) and 设置 says why
      writeFileSync(file, JSON.stringify({ schemaVersion: 1, holidays: own2025, emptyYears: [2025] }));
      const lists = await svc.call('holidays:get', {});
      expect(lists.warning).toMatch(/holidays\.json 自相矛盾：2025 年既标为没有节假日，又列有假日/);
      expect(lists.emptyYears).toEqual([]);
      expect((await svc.call('records:dueDate', { receivedDate: '2025-09-30', type: '规范性文件' })).dueDate).toBe('2025-10-14');
    } finally {
      svc.close();
    }
  });

  it('lawdesk holidays --none sets a year with no holiday, --reset gives it back to the shipped list', async () => {
    const lib = join(tmp, 'cli-none', 'library');
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await cli(['holidays', '--none', '2025', '--library', lib])).toBe(0);
      expect(JSON.parse(readFileSync(join(lib, 'holidays.json'), 'utf8'))).toMatchObject({ holidays: [], emptyYears: [2025] });
      out.mockClear();
      expect(await cli(['holidays', '--year', '2025', '--json', '--library', lib])).toBe(0);
      expect(JSON.parse(out.mock.calls.join(''))).toEqual({ year: 2025, source: 'library', holidays: [] });
      out.mockClear();
      expect(await cli(['holidays', '--year', '2025', '--library', lib])).toBe(0);
      expect(out.mock.calls.join('')).toBe('2025 年节假日与调休（本资料库自定：这一年没有节假日和调休，只按周末计算）\n');
      // importing the year again replaces the empty year with the notice's holidays
      const good = join(tmp, 'notice-none.txt');
      writeFileSync(good, NOTICE_2025);
      expect(await cli(['holidays', '--import', good, '--library', lib])).toBe(0);
      expect(JSON.parse(readFileSync(join(lib, 'holidays.json'), 'utf8'))).toMatchObject({ emptyYears: [] });
      expect(await cli(['holidays', '--none', '2025', '--library', lib])).toBe(0);
      expect(await cli(['holidays', '--reset', '2025', '--library', lib])).toBe(0);
      expect(JSON.parse(readFileSync(join(lib, 'holidays.json'), 'utf8'))).toMatchObject({ holidays: [], emptyYears: [] });
      out.mockClear();
      expect(await cli(['holidays', '--year', '2025', '--library', lib])).toBe(0);
      expect(out.mock.calls.join('')).toMatch(/2025 年节假日与调休（内置/);
      await expect(cli(['holidays', '--none', '2025', '--reset', '2025', '--library', lib])).resolves.not.toBe(0);
    } finally {
      out.mockRestore();
    }
  });

  it('lawdesk holidays: --import reads the notice (nothing written on a problem), --reset gives the year back to the shipped list', async () => {
    const lib = join(tmp, 'cli', 'library');
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const bad = join(tmp, 'bad.txt');
      writeFileSync(bad, NOTICE_2025.replace('2月8日（周六）上班', '2月4日（周二）上班'));
      expect(await cli(['holidays', '--import', bad, '--library', lib])).toBe(1);
      expect(err.mock.calls.join('')).toMatch(/2025-02-04 既是放假日（2025 年春节）又是调休上班日（2025 年春节）/);
      expect(existsSync(join(lib, 'holidays.json'))).toBe(false);
      const good = join(tmp, 'notice.txt');
      writeFileSync(good, NOTICE_2025);
      expect(await cli(['holidays', '--import', good, '--library', lib])).toBe(0);
      expect(JSON.parse(readFileSync(join(lib, 'holidays.json'), 'utf8')).holidays).toHaveLength(6);
      out.mockClear();
      expect(await cli(['holidays', '--year', '2025', '--library', lib])).toBe(0);
      expect(out.mock.calls.join('')).toMatch(/2025 年节假日与调休（本资料库自定）[\s\S]*国庆节、中秋节　放假 2025-10-01 至 2025-10-08；调休上班 2025-09-28、2025-10-11/);
      expect(await cli(['holidays', '--reset', '2025', '--library', lib])).toBe(0);
      expect(JSON.parse(readFileSync(join(lib, 'holidays.json'), 'utf8')).holidays).toEqual([]);
      out.mockClear();
      expect(await cli(['holidays', '--year', '2025', '--library', lib])).toBe(0);
      expect(out.mock.calls.join('')).toMatch(/2025 年节假日与调休（内置/);
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  });
});
