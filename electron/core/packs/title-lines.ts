// Where a long title is cut into lines. GB/T 9704-2012 7.3.2: a title of more than one line is cut
// so that each line keeps its words whole (回行时要做到词意完整), in lines of about equal length
// (梯形或菱形). Word and Chromium fill each line greedily and break Chinese between any two
// characters (高青县科学技术局2020年 / 度法治政府…), so the renderers print the lines chosen here.

import { emWidth } from './pack-pagination';

const CLOSE = '，。、；：！？）》〉」』”’】〕';
const OPEN = '（《〈「『“‘【〔';
const NEVER = -100;

/** How good a cut between chars[i-1] and chars[i] is: higher is better; NEVER where it splits a word or a number. */
function cutScore(chars: string[], i: number, lead: number, depth: number[]): number {
  const a = chars[i - 1]!;
  const b = chars[i]!;
  if (CLOSE.includes(b) || OPEN.includes(a)) return NEVER; // no closing mark at a line start, no opening at an end
  if (/[0-9A-Za-z.%]/.test(a) && /[0-9A-Za-z.%年月日号度]/.test(b)) return NEVER; // 2020 | 年, 2020年 | 度 below
  if (a === '年' && b === '度') return NEVER;
  if (i === lead) return 6; // after the issuing office's name: 高青县科学技术局 / 2020年度…
  let s = 0;
  if ('》）”'.includes(a)) s = 4;
  else if (b === '关' && chars[i + 1] === '于') s = 4;
  else if (OPEN.includes(b) || b === '的' || '、，'.includes(a)) s = 3;
  else if (a === '于' && chars[i - 2] === '关') s = 2;
  else if (chars.slice(Math.max(0, i - 7), i).join('') === '中华人民共和国') s = 3;
  else if (/[0-9]/.test(b)) s = 2;
  return depth[i]! > 0 ? s - 2 : s; // inside 《…》 only when the name does not fit on one line
}

/**
 * The lines of `title` at `perLine` em each (16 pt em; digits about half): as few lines as fit, cut
 * where the words allow and as evenly as possible. `lead` is a name the title opens with (the
 * issuing office), after which a cut is best.
 */
export function titleLines(title: string, perLine: number, lead = ''): string[] {
  const chars = [...title];
  const total = emWidth(title);
  if (total <= perLine || chars.length < 2) return [title];
  const w = chars.map(emWidth);
  const prefix = [0];
  for (const x of w) prefix.push(prefix[prefix.length - 1]! + x);
  const depth: number[] = [0];
  let d = 0;
  for (const ch of chars) {
    if (ch === '《') d++;
    if (ch === '》') d = Math.max(0, d - 1);
    depth.push(d);
  }
  const leadAt = lead && title.startsWith(lead) ? [...lead].length : -1;
  const n = chars.length;
  for (let k = Math.ceil(total / perLine); k <= n; k++) {
    const target = total / k;
    // best[m][j]: least cost of cutting chars[0..j) into m lines, each at most perLine wide.
    const best: number[][] = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(Infinity));
    const from: number[][] = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(-1));
    best[0]![0] = 0;
    for (let m = 1; m <= k; m++) {
      for (let j = 1; j <= n; j++) {
        const end = j === n ? 0 : -8 * cutScore(chars, j, leadAt, depth);
        for (let i = m - 1; i < j; i++) {
          const width = prefix[j]! - prefix[i]!;
          if (width > perLine + 0.01) continue;
          const prev = best[m - 1]![i]!;
          if (prev === Infinity) continue;
          const cost = prev + (width - target) ** 2 + end;
          if (cost < best[m]![j]!) {
            best[m]![j] = cost;
            from[m]![j] = i;
          }
        }
      }
    }
    if (best[k]![n] === Infinity) continue;
    const lines: string[] = [];
    for (let m = k, j = n; m > 0; j = from[m]![j]!, m--) lines.unshift(chars.slice(from[m]![j]!, j).join(''));
    return lines;
  }
  return [title];
}
