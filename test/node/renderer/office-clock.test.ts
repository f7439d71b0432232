// The UI's "today" is the office's calendar day: on a computer set to UTC, 00:30 Beijing time is
// already the new day (new records, "not after today", the year pickers), 23:30 is still today.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { officeDateTime, officeDay, officeToday, officeYear, setOfficeTimeZone } from '../../../renderer/src/office-clock';

const AT_0030 = new Date('2026-12-31T16:30:00Z'); // 2027-01-01 00:30 in Beijing
const AT_2330 = new Date('2027-01-01T15:30:00Z'); // 2027-01-01 23:30 in Beijing

let tz: string | undefined;
beforeEach(() => {
  tz = process.env.TZ;
  process.env.TZ = 'UTC';
});
afterEach(() => {
  if (tz === undefined) delete process.env.TZ;
  else process.env.TZ = tz;
  setOfficeTimeZone('Asia/Shanghai');
});

describe('office clock in the renderer', () => {
  it('00:30 and 23:30 Beijing time are both 2027-01-01, whatever the machine says', () => {
    expect(AT_0030.getFullYear()).toBe(2026); // the machine's own idea
    for (const at of [AT_0030, AT_2330]) {
      expect(officeToday(at)).toBe('2027-01-01');
      expect(officeYear(at)).toBe(2027);
      expect(officeDay(at).format('YYYY-MM-DD')).toBe('2027-01-01');
    }
    expect(officeDateTime(AT_0030.toISOString())).toBe('2027年1月1日 00:30');
  });

  it('follows the zone set in 单位信息', () => {
    setOfficeTimeZone('UTC');
    expect(officeToday(AT_0030)).toBe('2026-12-31');
    expect(officeYear(AT_0030)).toBe(2026);
  });
});
