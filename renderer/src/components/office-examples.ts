// Examples in empty fields name the office of 设置 → 单位信息, never the first office's: a 沂水县
// adviser reading 如：高青县… or 高科审〔2020〕1号 would take it for data left over from someone else.

import { useCall } from '../api/hooks';

export interface OfficeExamples {
  /** 沂水县科学技术局, or a neutral stand-in when the profile has no unit */
  unit: string;
  /** 沂水县 — the place a document of the office is named after */
  place: string;
  /** 沂科审〔2026〕1号, or ××审〔2026〕1号 */
  refNo: string;
  /** 沂科发〔2026〕1号: a 发文字号 guessed from the 意见书代字 (…审 → …发), or ××发〔2026〕1号 */
  docNo: string;
}

/** The examples for one profile (pure, so the page tests need no server). */
export function officeExamples(profile: { unit?: string; reviewPrefix?: string | undefined } | undefined, year: number): OfficeExamples {
  const unit = profile?.unit?.trim() ?? '';
  // 沂水县科学技术局 → 沂水县; 淄博市临淄区科技局 → 淄博市临淄区: the place is the unit's name up to its last 县/市/区/旗.
  const place = /^(.*[县市区旗])/.exec(unit)?.[1] ?? '××县';
  return {
    unit: unit || '××县科学技术局',
    place,
    refNo: `${profile?.reviewPrefix?.trim() || '××审'}〔${year}〕1号`,
    docNo: `${profile?.reviewPrefix?.trim().replace(/审$/, '') || '××'}发〔${year}〕1号`,
  };
}

export function useOfficeExamples(year = new Date().getFullYear()): OfficeExamples {
  return officeExamples(useCall('office:get', {}).data, year);
}
