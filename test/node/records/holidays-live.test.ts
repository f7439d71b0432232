// The office's own holidays.json changes while the app runs (a restored backup, an imported
// bundle, setHolidays): the next due date counts it at once, without reopening the records.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupRecords } from '../../../electron/core/bundles/records-backup';
import { restoreRecords } from '../../../electron/core/bundles/records-restore';
import { makeLibrary, type TestLibrary } from './records-test-support';

/** 2020 as the office keeps it: one extra 2-day closure right after 2020-04-13 (a Monday). */
const OFFICE_2020 = {
  schemaVersion: 1,
  title: '本单位节假日调休表',
  holidays: [{ year: 2020, name: '本单位停电检修', off: ['2020-04-14', '2020-04-15'], work: [] }],
};

let lib: TestLibrary | undefined;
afterEach(() => lib?.cleanup());

describe('the library’s own holiday list, edited while the app runs', () => {
  it('setHolidays: the next 最早届满 skips the new days off', async () => {
    lib = await makeLibrary();
    // 规范性文件: 5 working days after Monday 2020-04-13 → Monday 2020-04-20.
    expect(lib.svc.defaultDueDate('2020-04-13', '规范性文件')).toBe('2020-04-20');
    await lib.svc.setHolidays(OFFICE_2020);
    expect(lib.svc.defaultDueDate('2020-04-13', '规范性文件')).toBe('2020-04-22');
    expect(lib.svc.holidays().library?.title).toBe('本单位节假日调休表');
  });

  it('a restored backup that carries holidays.json counts at once; removing the file falls back to the shipped list', async () => {
    lib = await makeLibrary();
    const own = join(lib.dir, 'holidays.json');
    writeFileSync(own, JSON.stringify(OFFICE_2020));
    const backup = backupRecords(lib.store, 'manual')!;
    rmSync(own);
    expect(lib.svc.defaultDueDate('2020-04-13', '规范性文件')).toBe('2020-04-20');
    const r = await restoreRecords(lib.store, backup.file);
    expect(r.userData.find((u) => u.path === 'holidays.json')?.changed).toBe(true);
    expect(lib.svc.defaultDueDate('2020-04-13', '规范性文件')).toBe('2020-04-22');
    expect(lib.svc.calendar.workingDaysBetween('2020-04-13', '2020-04-22')).toBe(5);
    rmSync(own);
    expect(lib.svc.defaultDueDate('2020-04-13', '规范性文件')).toBe('2020-04-20');
    expect(lib.svc.holidays().library).toBeUndefined();
  });

  it('a damaged holidays.json stops no due date: the shipped list counts, 设置 says why, and saving a sound list replaces it', async () => {
    lib = await makeLibrary();
    const own = join(lib.dir, 'holidays.json');
    writeFileSync(own, '{"schemaVersion": 1, "holidays": [{"year": "二〇二〇"');
    expect(lib.svc.defaultDueDate('2020-04-13', '规范性文件')).toBe('2020-04-20');
    expect(lib.svc.holidayLists().warning).toMatch(/holidays\.json 不是有效的 JSON.*按内置的全国安排计算工作日/);
    writeFileSync(own, JSON.stringify({ schemaVersion: 1, holidays: [{ year: 2020, name: '停电', off: ['2020-04-14'], work: [] }] }));
    expect(lib.svc.defaultDueDate('2020-04-13', '规范性文件')).toBe('2020-04-20');
    expect(lib.svc.holidayLists().warning).toMatch(/holidays\.json 格式不对：.*off/);
    await lib.svc.setHolidays(OFFICE_2020);
    expect(lib.svc.holidayLists().warning).toBeUndefined();
    expect(lib.svc.defaultDueDate('2020-04-13', '规范性文件')).toBe('2020-04-22');
  });
});
