// What the start page reminds the office of, on `today`: the register's 备案 / 评估 / 清理 items,
// the yearly report due by 3月1日 (督察工作规定: each department reports the past year before
// 1 March), and a 普法 plan for the new year while none is registered by the end of the first
// quarter.

import type { OfficeReminderDto } from '../../shared/api/reports';
import type { RegisterReminder } from '../../shared/register-schema';

export function officeReminders(today: string, register: RegisterReminder[], plansThisYear: number): OfficeReminderDto[] {
  const year = Number(today.slice(0, 4));
  const md = today.slice(5);
  const out: OfficeReminderDto[] = register.map((r) => ({ source: 'register', kind: r.kind, title: r.title, message: r.message, date: r.date, entryId: r.entryId }));
  if (md <= '03-01') {
    out.push({
      source: 'annualReport',
      kind: '年度报告',
      title: `${year - 1}年度法治政府建设年度报告`,
      message: `${year - 1}年度法治政府建设年度报告须于${year}年3月1日前报送：可由本年度记录生成草稿`,
      date: `${year}-03-01`,
    });
  }
  if (md <= '03-31' && plansThisYear === 0) {
    out.push({ source: 'plan', kind: '普法计划', title: `${year}年度普法工作计划`, message: `尚未登记${year}年度普法工作计划和普法责任清单，请在年初制定`, date: `${year}-03-31` });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}
