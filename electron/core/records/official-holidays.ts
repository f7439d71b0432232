// China's public holidays and 调休 working days from the `chinese-days` package, which follows the
// 国务院办公厅 notices and is updated every year. Turned into the editable holiday format of
// working-days.ts, so a library's own holidays.json can still replace any year.

import { createRequire } from 'node:module';
import { addDays, type Holiday } from './working-days';

// Read with require, not `import data from '….json'`: the built main keeps packages external, and Node's
// ESM loader (Electron's main process, the bundled benches) refuses a JSON import without `with { type:
// 'json' }` (ERR_IMPORT_ATTRIBUTE_MISSING), so the built app did not start. test/node/build/esm-imports.test.ts.
const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as { holidays: Record<string, string>; workdays: Record<string, string> };

/** chinese-days names several holidays by their short form; the notices use the full one. */
const FULL_NAME: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };

/** "Spring Festival,春节,4" → 春节 */
function holidayName(entry: string): string {
  const short = entry.split(',')[1]?.trim() || entry;
  return FULL_NAME[short] ?? short;
}

/**
 * Every holiday as one run of consecutive days off with one name, its 调休 working days attached
 * to the nearest run of the same name. A run belongs to the year of its last day (元旦 off from
 * 30 December counts for the new year, as its notice does).
 */
export function officialHolidays(): Holiday[] {
  const runs: Holiday[] = [];
  for (const date of Object.keys(data.holidays).sort()) {
    const name = holidayName(data.holidays[date]!);
    const last = runs[runs.length - 1];
    if (last && last.name === name && addDays(last.off[1], 1) === date) last.off[1] = date;
    else runs.push({ year: 0, name, off: [date, date], work: [], basis: '国务院办公厅关于部分节假日安排的通知（chinese-days）' });
  }
  for (const run of runs) run.year = Number(run.off[1].slice(0, 4));
  for (const date of Object.keys(data.workdays).sort()) {
    const name = holidayName(data.workdays[date]!);
    const distance = (h: Holiday) => Math.min(Math.abs(Date.parse(h.off[0]) - Date.parse(date)), Math.abs(Date.parse(h.off[1]) - Date.parse(date)));
    const nearest = runs.filter((h) => h.name === name).sort((a, b) => distance(a) - distance(b))[0];
    if (nearest) nearest.work.push(date);
  }
  return runs;
}
