// Dates as Chinese official documents write them: 2020年12月4日 (GB/T 9704 落款 and cover dates).

/** 2020-12-04 → 2020年12月4日; anything that is not YYYY-MM-DD is returned as it is. */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/**
 * A date written out in a text: 2020年12月4日, 2020年12月, 二〇二〇年十二月四日 or 2020-12-04. Exported
 * documents keep each one on one line (a date cut as “2019年4” / “月23日” reads as two numbers).
 */
export const DATE_IN_TEXT =
  /\d{4}年\d{1,2}月(?:\d{1,2}日)?|[〇零一二三四五六七八九]{4}年(?:十[一二]?|[一二三四五六七八九])月(?:(?:[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])日)?|\d{4}-\d{2}-\d{2}/g;
