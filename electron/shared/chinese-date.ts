// Dates as Chinese official documents write them: 2020年12月4日 (GB/T 9704 落款 and cover dates).

/** 2020-12-04 → 2020年12月4日; anything that is not YYYY-MM-DD is returned as it is. */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}
