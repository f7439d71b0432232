// How a message names the pages of a document (import report, 核对 view, the workbench): every page up to
// PAGE_LIST_MAX, then the first of them and how many in all, so a 300-page scan with every page empty or
// doubtful says so in one line instead of a paragraph of numbers.

/** The most page numbers a message lists one by one. */
export const PAGE_LIST_MAX = 10;

/** `第 1、3 页`, or `1、2、…、10 等 40 页` for a long list (the numbers as given, in order). */
export function pageList(nums: readonly number[]): string {
  return nums.length > PAGE_LIST_MAX ? `${nums.slice(0, PAGE_LIST_MAX).join('、')} 等 ${nums.length} 页` : `第 ${nums.join('、')} 页`;
}
