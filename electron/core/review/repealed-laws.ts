// Laws a later law repealed by name (民法典第一千二百六十条, 合同法第四百二十八条). A draft citing one is
// checked even when the library never held it: an office imports the codes in force, not the laws
// they replaced, and 《中华人民共和国合同法》 is still copied into 技术合同 rules years after 2021.

import type { Basis } from '../../shared/review-workbench';

export interface RepealedLaw {
  /** The short title, without 中华人民共和国. */
  title: string;
  /** The day it ceased to have effect. */
  repealed: string;
  /** The provision repealing it, and its words (kept here: the library may lack that part of the code). */
  by: { law: string; article: string; citation: string; quote: string };
  /** What a draft cites instead. */
  instead: string;
}

const CIVIL_CODE = {
  law: '民法典',
  article: '第一千二百六十条',
  citation: '《中华人民共和国民法典》第一千二百六十条',
  quote:
    '本法自2021年1月1日起施行。《中华人民共和国婚姻法》、《中华人民共和国继承法》、《中华人民共和国民法通则》、《中华人民共和国收养法》、《中华人民共和国担保法》、《中华人民共和国合同法》、《中华人民共和国物权法》、《中华人民共和国侵权责任法》、《中华人民共和国民法总则》同时废止。',
};
const CONTRACT_LAW_1999 = {
  law: '合同法',
  article: '第四百二十八条',
  citation: '《中华人民共和国合同法》第四百二十八条',
  quote: '本法自1999年10月1日起施行，《中华人民共和国经济合同法》、《中华人民共和国涉外经济合同法》、《中华人民共和国技术合同法》同时废止。',
};

export const REPEALED_LAWS: readonly RepealedLaw[] = [
  ...['婚姻法', '继承法', '民法通则', '收养法', '担保法', '合同法', '物权法', '侵权责任法', '民法总则'].map((title) => ({ title, repealed: '2021-01-01', by: CIVIL_CODE, instead: '《中华人民共和国民法典》' })),
  ...['经济合同法', '涉外经济合同法', '技术合同法'].map((title) => ({ title, repealed: '1999-10-01', by: CONTRACT_LAW_1999, instead: '《中华人民共和国民法典》合同编' })),
];

/** The entry for a title as a draft writes it (《中华人民共和国合同法》, 合同法（1999年）), when repealed by `asOf`. */
export function repealedLaw(written: string, asOf: string): RepealedLaw | undefined {
  const title = written
    .replace(/^《|》$/g, '')
    .replace(/[（(][^）)]*[）)]$/, '')
    .replace(/^中华人民共和国/, '');
  return REPEALED_LAWS.find((l) => l.title === title && l.repealed <= asOf);
}

/** 2021年1月1日 for 2021-01-01. */
function dateInWords(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The finding's words and basis: the repealing provision, linked when the library holds it. */
export function repealedLawFinding(law: RepealedLaw, written: string, linked?: Basis): { reason: string; suggestion: string; basis: Basis } {
  const basis: Basis = linked?.versionId ? linked : { citation: law.by.citation, text: law.by.quote, note: '资料库未收录该条，摘录供核对' };
  return {
    reason: `${written}已于${dateInWords(law.repealed)}废止（${law.by.citation}），不能作为制定依据。`,
    suggestion: `删除${written}，改为引用${law.instead}的相应规定`,
    basis,
  };
}
