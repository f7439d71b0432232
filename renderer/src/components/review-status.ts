// How a review's status and deadline read in lists and on its page (one place for both pages).

import type { ReviewRowDto } from '../../../electron/shared/api-contract';

export const STATUS_COLOR: Record<string, string> = { 收件: 'default', 审查中: 'processing', 已出具意见: 'success', 已归档: 'purple' };

export function dueText(r: ReviewRowDto): { text: string; danger: boolean; warn: boolean } {
  if (r.overdue) return { text: `已逾期 ${-(r.workingDaysLeft ?? 0)} 个工作日`, danger: true, warn: false };
  if (r.workingDaysLeft !== undefined) return { text: `剩 ${r.workingDaysLeft} 个工作日`, danger: false, warn: r.workingDaysLeft <= 2 };
  if (r.onTime === false) return { text: '逾期办结', danger: true, warn: false };
  return { text: r.onTime ? '按期办结' : '', danger: false, warn: false };
}
