// How long a legality review may or must take, by type of matter, and where each limit comes from.
// One definition for the records service (最早届满, warnings), the pre-check's 程序 finding, the form,
// the list, the CLI and the 意见书. A type with no national rule has no limit: nothing is made up.

import type { ReviewType } from './record-schema';

export interface ReviewTimeLimit {
  /** The unit must allow at least this many working days (the review's 最早届满). */
  minWorkingDays?: number;
  /** The review should be done within this many working days of receipt. */
  maxWorkingDays?: number;
  /** The rule in words, as the form and the 意见书 show it. */
  wording: string;
  /** Where it comes from (short, for labels). */
  source: string;
  /** The basis as a review rule names it (a law of the library, or a provision of resources/review-bases). */
  basis?: { law: string; article?: string; paragraph?: number; provision?: string };
}

export const REVIEW_TIME_LIMITS: Record<ReviewType, ReviewTimeLimit> = {
  // 第二十六条第二款: “送请合法性审查，应当保证必要的审查时间，一般不少于7个工作日。”
  重大行政决策: {
    minWorkingDays: 7,
    wording: '审查时间一般不少于7个工作日',
    source: '重大行政决策程序暂行条例第二十六条第二款',
    basis: { law: '重大行政决策程序暂行条例', article: '第二十六条', paragraph: 2 },
  },
  // 国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见（国办发〔2018〕115号）: the
  // 审核 time is 一般不少于5个工作日、最长不超过15个工作日. Not in ../shared/corpus; the `search` tool
  // (corpus "pages") found the document at https://flfgdq.cn/law/国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见-2018年
  // but only its opening, so the sentence and its part number are kept in resources/review-bases as
  // 待核对 (summary, not quote) until checked against the official text.
  规范性文件: {
    minWorkingDays: 5,
    maxWorkingDays: 15,
    wording: '审核时间一般不少于5个工作日，最长不超过15个工作日',
    source: '国办发〔2018〕115号',
    basis: { law: '国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见', provision: '审核时限' },
  },
  合同: { wording: '没有全国统一的审查时限，按本单位合同管理制度确定', source: '' },
  // 国办发〔2018〕118号 sets up the 法制审核 of 重大执法决定 without a national time limit.
  重大执法决定: { wording: '没有全国统一的审核时限，按本单位重大执法决定法制审核制度确定', source: '' },
  其他: { wording: '没有统一的审查时限', source: '' },
};

/** “审核时间一般不少于5个工作日，最长不超过15个工作日（国办发〔2018〕115号）” */
export function timeLimitText(type: ReviewType): string {
  const l = REVIEW_TIME_LIMITS[type];
  return l.source ? `${l.wording}（${l.source}）` : l.wording;
}

/**
 * 最早届满 as a line names it: “最早届满 2026-11-27”, or “无统一时限” for a type without a minimum
 * (合同, 重大执法决定, 其他), whose dueDate is only the receipt date and no date to plan by.
 */
export function dueDateText(type: ReviewType, dueDate: string): string {
  return REVIEW_TIME_LIMITS[type].minWorkingDays !== undefined ? `最早届满 ${dueDate}` : '无统一时限';
}

/** The counts behind the yearly on-time figure (records:stats `reviews`). */
export interface OnTimeCounts {
  completed: number;
  onTime: number;
  late: number;
  noDeadline: number;
  onTimeRate: number | null;
}

/** The on-time rate as a figure: “—” when no issued review had a unit deadline to be measured against. */
export function onTimeRateText(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

/**
 * What the on-time rate was counted from, in one sentence for the 年度统计 page, `lawdesk stats` and the
 * statistics pack. Only the unit's own 审查期限 makes a review on time or late (最早届满 is the least
 * time the unit must allow), so reviews without one are named as left out rather than shown as
 * “按期 0，逾期 0” beside a blank rate.
 */
export function onTimeSummary(c: OnTimeCounts): string {
  if (!c.completed) return '尚无已出具意见的审查';
  const head = `已出具意见 ${c.completed} 件`;
  const measured = c.onTime + c.late;
  if (!measured) return `${head}，均未设单位确定的审查期限，不计算按期率`;
  const left = c.noDeadline ? `；未设审查期限 ${c.noDeadline} 件，不计入按期率` : '';
  return `${head}：有审查期限的 ${measured} 件中按期 ${c.onTime} 件、逾期 ${c.late} 件${left}`;
}
