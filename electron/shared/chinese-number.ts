// Numbers as laws write them (第十二条, 第一百零三条): for labels and citations in every face.

const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 12 → 十二, 103 → 一百零三, 210 → 二百一十, 1001 → 一千零一. Laws never need 万. */
export function toChineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`not a non-negative integer: ${n}`);
  if (n < 10) return CN[n]!;
  if (n >= 10000) return String(n);
  const parts: string[] = [];
  const units = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
  ] as const;
  let rest = n;
  let pendingZero = false;
  for (const [value, name] of units) {
    const d = Math.floor(rest / value);
    rest %= value;
    if (d > 0) {
      if (pendingZero) parts.push('零');
      // 10–19 are written 十, 十一 … without the leading 一
      if (!(value === 10 && d === 1 && n < 20)) parts.push(CN[d]!);
      parts.push(name);
      pendingZero = false;
    } else if (parts.length > 0) {
      pendingZero = true;
    }
  }
  if (rest > 0) {
    if (pendingZero) parts.push('零');
    parts.push(CN[rest]!);
  }
  return parts.join('');
}

/** 12, 1 → 第十二条之一 */
export function articleLabel(number: number, suffix = 0): string {
  return `第${toChineseNumber(number)}条${suffix ? `之${toChineseNumber(suffix)}` : ''}`;
}
