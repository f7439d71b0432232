// `lawdesk holidays`: the 节假日/调休 list review deadlines count working days with (the shipped one,
// and the library's holidays.json whose years replace it). It shows a year, imports the 国务院办公厅
// notice or a date list (shared/holidays.parseHolidayText, the reader 设置 uses), sets a year to have
// no holiday at all, and puts a year back to the shipped list. A text with any problem changes nothing.

import { readFileSync } from 'node:fs';
import { type Command, UsageError, libraryOption, parse, printJson } from '../cli-support';
import { openService } from './records-command';
import { parseHolidayText, resetYears, setYears, setsYear, type Holiday, type OwnHolidays } from '../../shared/holidays';
import { errnoCode, errnoMessage } from '../../shared/errors';
import { RecordsError } from '../../core/records/records-errors';

const usage = 'lawdesk holidays [--year 2026] [--import 通知.txt [--dry-run]] [--none 2026] [--reset 2026] [--json]';
const TITLE = '本资料库的节假日调休表（lawdesk holidays）';

function yearOf(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const y = Number(value);
  if (!/^\d{4}$/.test(value) || y < 1949 || y > 2200) throw new UsageError(`${flag} 应为四位年份，如 2026\n用法：${usage}`);
  return y;
}

function line(h: Holiday): string {
  const off = h.off[0] === h.off[1] ? h.off[0] : `${h.off[0]} 至 ${h.off[1]}`;
  return `  ${h.name}　放假 ${off}${h.work.length ? `；调休上班 ${h.work.join('、')}` : ''}\n`;
}

export const holidaysCommand: Command = {
  summary: '节假日与调休：查看某年的安排，导入国务院办公厅通知或日期表，设某年没有节假日，恢复某年的内置安排（审查期限按工作日计算）',
  usage,
  async run(argv) {
    const { values } = parse(argv, { ...libraryOption, json: { type: 'boolean' }, year: { type: 'string' }, import: { type: 'string' }, 'dry-run': { type: 'boolean' }, reset: { type: 'string' }, none: { type: 'string' } }, usage);
    const year = yearOf(values.year, '--year');
    const reset = yearOf(values.reset, '--reset');
    const none = yearOf(values.none, '--none');
    if ([values.import, reset, none].filter((v) => v !== undefined).length > 1) throw new UsageError(`--import、--none 与 --reset 只能用一个\n用法：${usage}`);
    if (values['dry-run'] && values.import === undefined) throw new UsageError(`--dry-run 只用于 --import\n用法：${usage}`);
    const svc = await openService(values.library, !!values.json);
    const lists = svc.holidayLists();
    const own: OwnHolidays = { holidays: lists.own, emptyYears: lists.emptyYears };
    const save = (next: OwnHolidays) => svc.setHolidays({ schemaVersion: 1, title: TITLE, ...next });
    if (lists.warning) process.stderr.write(`注意：${lists.warning}（本资料库的节假日表未使用）\n`);
    if (values.import !== undefined) {
      let text: string;
      try {
        text = readFileSync(values.import === '-' ? 0 : values.import, 'utf8');
      } catch (e) {
        // The one CLI error shape ({"error": …} with --json, exit 1), the file named.
        throw new RecordsError(errnoCode(e), `无法读取节假日通知：${errnoMessage(e, values.import)}`, [], { file: values.import });
      }
      const parsed = parseHolidayText(text, year);
      if (!parsed.holidays.length && !parsed.problems.length) parsed.problems.push('没有读到任何假日：请粘贴通知中“一、元旦：1月1日放假……”这样的条目，或每行一个日期');
      if (parsed.problems.length) throw new RecordsError('INVALID', `“${values.import}”有误，未导入`, parsed.problems, { file: values.import });
      if (values.json) printJson(parsed);
      else {
        process.stdout.write(`${values['dry-run'] ? '将导入' : '已导入'} ${parsed.years.join('、')} 年的安排（替换这些年份原有的安排）：\n`);
        for (const h of parsed.holidays) process.stdout.write(line(h));
      }
      if (!values['dry-run']) await save(setYears(own, parsed.years, parsed.holidays));
      return 0;
    }
    if (none !== undefined) {
      if (own.emptyYears.includes(none)) process.stdout.write(`${none} 年本来就设为没有节假日和调休\n`);
      else {
        await save(setYears(own, [none], []));
        process.stdout.write(`${none} 年已设为没有节假日和调休（只按周末计算；--reset ${none} 恢复内置安排）\n`);
      }
      return 0;
    }
    if (reset !== undefined) {
      if (!setsYear(own, reset)) process.stdout.write(`${reset} 年本来就使用内置安排\n`);
      else {
        await save(resetYears(own, [reset]));
        process.stdout.write(`${reset} 年已恢复为内置安排\n`);
      }
      return 0;
    }
    const shown = year ?? Number(svc.today().slice(0, 4));
    const custom = setsYear(own, shown);
    const list = custom ? own.holidays.filter((h) => h.year === shown) : lists.official.holidays.filter((h) => h.year === shown);
    const source = custom ? (list.length ? '本资料库自定' : '本资料库自定：这一年没有节假日和调休，只按周末计算') : list.length ? '内置（国务院办公厅通知，来自 chinese-days）' : '没有这一年的安排：只按周末计算';
    if (values.json) printJson({ year: shown, source: custom ? 'library' : list.length ? 'official' : 'none', holidays: list });
    else {
      process.stdout.write(`${shown} 年节假日与调休（${source}）\n`);
      for (const h of list) process.stdout.write(line(h));
    }
    return 0;
  },
};
