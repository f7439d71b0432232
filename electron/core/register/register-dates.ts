// Derived dates of a registered 规范性文件 and the reminders they raise. 有效期 runs from the 施行
// date for the rule's years (2 for 暂行/试行) and ends the day before the anniversary; the 备案 due
// date counts days or working days from publication (the office's calendar with holidays and 调休).

import type { RegisterEntry, RegisterEntryInput, RegisterReminder } from '../../shared/register-schema';
import { addDays, type WorkCalendar } from '../records/working-days';
import type { RegisterRules } from './register-rules';

/** YYYY-MM-DD plus whole months; the 31st of a shorter month becomes its last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function isProvisional(title: string, rules: RegisterRules): boolean {
  return new RegExp(rules.validity.provisionalPattern).test(title);
}

export interface DerivedDates {
  effective: string;
  validUntil: string;
  filingDue: string;
}

export function deriveDates(e: Pick<RegisterEntryInput, 'title' | 'published' | 'effective' | 'validUntil' | 'filingDue'>, rules: RegisterRules, calendar: WorkCalendar): DerivedDates {
  const effective = e.effective ?? e.published;
  const years = isProvisional(e.title, rules) ? rules.validity.provisionalYears : rules.validity.years;
  const validUntil = e.validUntil ?? addDays(addMonths(effective, years * 12), -1);
  const filingDue = e.filingDue ?? (rules.filing.unit === '工作日' ? calendar.addWorkingDays(e.published, rules.filing.within) : addDays(e.published, rules.filing.within));
  return { effective, validUntil, filingDue };
}

/** Every date that cannot be, each naming its field; empty when the entry is consistent. */
export function dateProblems(e: Pick<RegisterEntryInput, 'title' | 'published' | 'cleanup' | 'evaluation' | 'filedDate'> & DerivedDates, rules: RegisterRules, today: string): string[] {
  const out: string[] = [];
  if (e.effective < e.published) out.push(`施行日期 ${e.effective} 早于公布日期 ${e.published}`);
  if (e.validUntil <= e.effective) out.push(`有效期至 ${e.validUntil} 不晚于施行日期 ${e.effective}`);
  const years = isProvisional(e.title, rules) ? rules.validity.provisionalYears : rules.validity.years;
  if (e.validUntil > addDays(addMonths(e.effective, years * 12), -1)) {
    out.push(`有效期至 ${e.validUntil} 超过${isProvisional(e.title, rules) ? '暂行、试行文件' : '规范性文件'}的有效期上限 ${years} 年`);
  }
  if (e.filingDue < e.published) out.push(`备案期限 ${e.filingDue} 早于公布日期 ${e.published}`);
  if (e.filedDate && e.filedDate < e.published) out.push(`报送备案日期 ${e.filedDate} 早于公布日期 ${e.published}`);
  if (e.filedDate && e.filedDate > today) out.push(`报送备案日期 ${e.filedDate} 晚于今天（${today}）`);
  if (e.published > addDays(today, 366)) out.push(`公布日期 ${e.published} 在一年以后，请核对`);
  if (e.evaluation && e.evaluation.date < e.published) out.push(`评估日期 ${e.evaluation.date} 早于公布日期`);
  if (e.cleanup && e.cleanup.date < e.published) out.push(`清理日期 ${e.cleanup.date} 早于公布日期`);
  if (e.cleanup && e.cleanup.date > today) out.push(`清理日期 ${e.cleanup.date} 晚于今天（${today}）`);
  return out;
}

/** 现行有效 / 已废止 / 已失效 on `today`, from the 清理 result and the 有效期. */
export function entryStatus(e: Pick<RegisterEntry, 'effective' | 'validUntil' | 'cleanup'>, today: string): '尚未施行' | '现行有效' | '已失效' | '已废止' {
  if (e.cleanup?.result === '废止') return '已废止';
  if (today < e.effective) return '尚未施行';
  if (today > e.validUntil && e.cleanup?.result !== '继续有效') return '已失效';
  return '现行有效';
}

/** What needs doing on `today`: 备案 overdue or close, expiry close, expired without 清理, evaluation due. */
export function reminders(entries: RegisterEntry[], rules: RegisterRules, today: string): RegisterReminder[] {
  const out: RegisterReminder[] = [];
  for (const e of entries) {
    if (e.cleanup?.result === '废止') continue;
    const r = (kind: RegisterReminder['kind'], date: string, message: string) => out.push({ entryId: e.id, title: e.title, kind, date, message });
    if (!e.filedDate) {
      if (today > e.filingDue) r('备案逾期', e.filingDue, `《${e.title}》应于${e.filingDue}前报送备案，尚未登记备案日期`);
      else if (today >= addDays(e.filingDue, -rules.remind.filingDaysBefore)) r('备案即将到期', e.filingDue, `《${e.title}》须于${e.filingDue}前报送备案`);
    }
    const cleaned = e.cleanup && e.cleanup.date >= addMonths(e.validUntil, -rules.remind.expiryMonthsBefore);
    const evalFrom = addMonths(e.validUntil, -Math.max(rules.evaluation.monthsBeforeExpiry, rules.remind.expiryMonthsBefore));
    if (today > e.validUntil && !cleaned) r('已失效待清理', e.validUntil, `《${e.title}》有效期已于${e.validUntil}届满，请清理（继续有效、修改或废止）`);
    else if (!cleaned && today >= evalFrom && today <= e.validUntil) {
      // One reminder at a time: first evaluate, then decide before the end of the 有效期.
      if (!e.evaluation) r('待评估', e.validUntil, `《${e.title}》有效期至${e.validUntil}，届满前应进行评估`);
      else r('即将失效', e.validUntil, `《${e.title}》有效期至${e.validUntil}，已评估（${e.evaluation.result}），请在届满前完成清理`);
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.entryId.localeCompare(b.entryId));
}
