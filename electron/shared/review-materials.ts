// The 送审材料 checklist a new review starts with, by type of matter. Shared so the form, the CLI
// and the records service start from the same list (the form had its own copy of the 重大行政决策
// list and showed it for every type).

import { PROCEDURE_CHECKS, type ReviewType } from './record-schema';

export const MATERIALS_BY_TYPE: Record<ReviewType, readonly string[]> = {
  // 重大行政决策程序暂行条例 第二十六条
  重大行政决策: ['决策草案', '起草说明', '法律法规规章等依据', '履行决策法定程序的说明'],
  // 国办发〔2018〕115号 全面推行行政规范性文件合法性审核机制的指导意见: 送审稿及其说明、制定依据、
  // 征求意见及采纳情况、起草单位的合法性审核意见
  规范性文件: ['文件送审稿', '起草说明', '制定依据（法律法规规章和国家政策规定）', '征求意见及采纳情况', '起草单位合法性初审意见'],
  合同: ['合同文本（送审稿）', '合同相对方主体资格材料', '合同订立依据（立项、决策或招标文件）', '谈判或磋商情况说明'],
  // 行政处罚法 第五十八条 法制审核; 国办发〔2018〕118号 重大执法决定法制审核制度
  重大执法决定: ['拟作出的执法决定文本', '调查取证材料', '法律依据及裁量基准', '陈述申辩或听证材料'],
  其他: ['送审文本', '起草说明', '相关依据'],
};

/** Where each type's checklist comes from, as the form's heading names it (none for the office's own lists). */
export const MATERIALS_BASIS: Record<ReviewType, string> = {
  重大行政决策: '重大行政决策程序暂行条例第二十六条',
  规范性文件: '国办发〔2018〕115号',
  合同: '',
  重大执法决定: '国办发〔2018〕118号',
  其他: '',
};

/** The checklist a new review of this type starts with (unchecked). */
export function materialsFor(type: ReviewType): { name: string; provided: boolean }[] {
  return MATERIALS_BY_TYPE[type].map((name) => ({ name, provided: false }));
}

/**
 * The 程序 checks a new review of this type starts with ticked 适用: a 规范性文件 or 决策's 公众参与, 专家论证,
 * 集体讨论决定 and 公布 (风险评估 and 公平竞争审查 only when ticked); a 合同 none — a contract is not put out
 * for comment or published, and its 意见书 listed 公众参与：未进行。公布：未进行。; a 重大执法决定 its
 * 集体讨论决定 (行政处罚法第五十七条第二款).
 */
export const PROCEDURES_BY_TYPE: Record<ReviewType, readonly (typeof PROCEDURE_CHECKS)[number][]> = {
  重大行政决策: ['公众参与', '专家论证', '集体讨论决定', '公布'],
  规范性文件: ['公众参与', '专家论证', '集体讨论决定', '公布'],
  合同: [],
  重大执法决定: ['集体讨论决定'],
  其他: ['公众参与', '专家论证', '集体讨论决定', '公布'],
};

/** Every 程序 check, in the form's order, 适用 as a new review of this type starts (none done). */
export function proceduresFor(type: ReviewType): { check: (typeof PROCEDURE_CHECKS)[number]; applicable: boolean; done: boolean }[] {
  return PROCEDURE_CHECKS.map((check) => ({ check, applicable: PROCEDURES_BY_TYPE[type].includes(check), done: false }));
}
