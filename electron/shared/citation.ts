// Citations as Chinese legal writing expects them (法学引注手册 style): 《中华人民共和国行政许可法》
// （2019年修正）第十二条 — the version year is given when the version is an amendment or revision.

import { chineseDate } from './chinese-date';
import { articleNeedsCheck, OCR_PENDING_NOTE, type HistoryEvent, type SourceFormat, type TextSource } from './law-model';

/** The 修正 / 修订 this version is (its last one), or undefined for a text never amended. */
function amendmentOf(v: { history: HistoryEvent[]; published?: string }): HistoryEvent | undefined {
  const last = [...v.history].reverse().find((e) => e.kind === '修正' || e.kind === '修订');
  if (!last) return undefined;
  // Only when the amendment is what this version is (its date), not an older event.
  if (v.published && last.date !== v.published && v.history.some((e) => e.date > last.date && e.kind !== '施行')) return undefined;
  return last;
}

export function versionTag(v: { history: HistoryEvent[]; published?: string }): string {
  const last = amendmentOf(v);
  return last ? `（${last.date.slice(0, 4)}年${last.kind}）` : '';
}

/**
 * A version named with its full date, as a list of quoted articles heads each law (the 意见书's 附件：引用条文原文):
 * 《中华人民共和国行政许可法》（2019年4月23日修正）; a text never amended by the day it was 公布 (or, lacking
 * that, 施行); with neither date known, the title alone.
 */
export function datedTitleOf(v: { title: string; history: HistoryEvent[]; published?: string; effective?: string }): string {
  const last = amendmentOf(v);
  const note = last ? `${chineseDate(last.date)}${last.kind}` : v.published ? `${chineseDate(v.published)}公布` : v.effective ? `${chineseDate(v.effective)}起施行` : '';
  return `《${v.title}》${note ? `（${note}）` : ''}`;
}

export function citationOf(
  v: { title: string; subtitle?: string; history: HistoryEvent[]; published?: string },
  unitLabel?: string,
): string {
  // 第十二条, 第二章, 第三编第一章 follow the title directly; anything else (附件1, 序言) after a space.
  const label = unitLabel && /^第\S*?(?:条|分编|编|章|节)/.test(unitLabel) ? unitLabel : unitLabel ? ` ${unitLabel}` : '';
  return `《${v.title}》${versionTag(v)}${label}`;
}

/**
 * The citation of an article as copied or put in a pack: an article of an OCR text nobody has
 * checked against the scan yet carries 「（识别文本，待核对）」, so the doubt travels with it.
 */
export function citationWithNote(
  v: { title: string; subtitle?: string; history: HistoryEvent[]; published?: string; textSource?: TextSource; sourceFormat: SourceFormat | (string & {}); verified?: boolean },
  u: { label: string; ocrChecked?: boolean },
): string {
  return citationOf(v, u.label) + (articleNeedsCheck(v, u) ? OCR_PENDING_NOTE : '');
}

/**
 * A citation wider than an article: 《中华人民共和国行政许可法》（2019年修正）第二章, a part of a code
 * cited whole (《中华人民共和国民法典》合同编), or a whole law. The one rule for stored citations and
 * the pending ones a form shows before saving.
 */
export function wideCitationOf(
  v: { title: string; history: HistoryEvent[]; published?: string },
  part?: string,
  heading?: string,
): string {
  return `《${v.title}》${versionTag(v)}${part ?? ''}${heading ?? ''}`;
}
