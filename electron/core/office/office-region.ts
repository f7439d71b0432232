// The office's region in the library's notation (山东·淄博·高青县), which the 上位法 panel, the bases of
// the findings and the 意见书's local bases compare with the regions of stored laws. 单位信息 takes the
// region as typed: 山东省淄博市高青县 or 山东省·淄博市 is read with the gazetteer; left empty, the unit's
// own name tells it when it starts with a place (高青县科学技术局, 淄博市科学技术局). A name several
// places share gives only what they share, and nothing is made up: no place read is '' (全国 only).

import type { OfficeProfile } from '../../shared/office-profile';
import { divisionAtStart, divisionOf, regionOf } from '../library/region-gazetteer';
import { readOffice } from './office-file';

export interface OfficeRegion {
  /** 山东·淄博·高青县; '' when neither the region nor the unit's name says where the office is. */
  region: string;
  /** Where it was read: the region as set, or the unit's name when the region is empty. */
  from: 'region' | 'unit' | 'none';
}

/** A place written in any usual way, in the library's notation; undefined when it names no division. */
export function regionNotation(text: string): string | undefined {
  const t = text.trim();
  if (!t) return undefined;
  const parts = t.split('·').map((p) => p.trim());
  if (t === '全国') return '全国';
  if (divisionOf(t) && parts.every(Boolean)) return parts.join('·');
  const d = divisionAtStart(t.replace(/[·・.\s]/g, ''));
  return d ? regionOf(d) : undefined;
}

export function officeRegion(profile: Pick<OfficeProfile, 'region' | 'unit'>): OfficeRegion {
  if (profile.region.trim()) return { region: regionNotation(profile.region) ?? profile.region.trim(), from: 'region' };
  const fromUnit = profile.unit ? divisionAtStart(profile.unit) : undefined;
  return fromUnit ? { region: regionOf(fromUnit), from: 'unit' } : { region: '', from: 'none' };
}

/**
 * The region of the office whose library is at `dir`, as every face compares it with the regions of stored laws
 * (上位法, search's local laws, 受影响, the starter set, an import's county tie-break): 山东省淄博市高青县 typed in
 * 单位信息 is 山东·淄博·高青县 everywhere, not only in the workbench.
 */
export function officeRegionIn(dir: string): string {
  return officeRegion(readOffice(dir).profile).region;
}
