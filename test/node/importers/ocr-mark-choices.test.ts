// What tesseract's runners-up say of a comma's width (ocr-mark-choices.ts), on tesseract's own output kept as
// fixtures (test/fixtures/documents/ocr-flags/, read with lstm_choice_mode 2): a comma the page prints
// half-width after a bracket or a title mark, where the glyph boxes have no ideograph before it to measure from.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OcrChoices, OcrSymbol } from '../../../electron/core/importers/ocr-engine';
import { choicesSayHalfWidthComma, choicesWeighComma } from '../../../electron/core/importers/ocr-mark-choices';
import { correctLine, findSuspects, layoutOcrPages, SUSPECT_CONFIDENCE } from '../../../electron/core/importers/ocr-text';
import { articleUnits as articles, KEPT_DIR, keptLaws } from './kept-ocr-laws';

const laws = keptLaws();

/** A line read at 99 throughout, the comma given the runners-up `alts`. */
function line(text: string, alts?: string[]): OcrSymbol[] {
  const choices = (ch: string): OcrChoices | undefined => (ch === ',' && alts ? { top: 69, alts: alts.map((a, i) => ({ ch: a, score: 45 - i })) } : undefined);
  return [...text].map((ch) => ({ ch, conf: 99, ...(choices(ch) ? { choices: choices(ch) } : {}) }));
}
const commaConf = (s: OcrSymbol[]) => s.find((x) => /[,，]/.test(x.ch))!.conf;

describe('what tesseract weighed beside a clause mark', () => {
  it('is highlighted when its runners-up are Latin marks (the page prints `,`), not when they are CJK marks or ideographs, nor without choices', () => {
    const half = correctLine(line('（以下简称滨水公共空间）,是指', [';', ':']));
    // made full-width as before (official texts print ，), and a suspect
    expect(half.map((x) => x.ch).join('')).toContain('），是指');
    expect(commaConf(half)).toBeLessThan(SUSPECT_CONFIDENCE);
    expect(commaConf(correctLine(line('《中华人民共和国水文条例》,结合', [')', ':'])))).toBeLessThan(SUSPECT_CONFIDENCE);
    // a full-width ，: tesseract's runners-up are 、 and other CJK marks, or ideographs
    expect(commaConf(correctLine(line('（以下简称矿长）,对本', ['、', ')'])))).toBe(99);
    expect(commaConf(correctLine(line('庆日,国家', ['.', '毋'])))).toBe(99);
    // only a period among the runners-up says nothing of the width
    expect(commaConf(correctLine(line('法规,结合', ['.'])))).toBe(99);
    // a page read without choices (an import, unless LAWDESK_OCR_CHOICES=1), and correct text, give no verdict
    expect(commaConf(correctLine(line('（以下简称滨水公共空间）,是指')))).toBe(99);
  });

  it('judges only a comma before an ideograph, and not in a document typed with half-width marks', () => {
    const s = line('罚款1,000元', [';', ':']);
    expect(s.some((_, i) => choicesSayHalfWidthComma(s, i))).toBe(false);
    const t = line('情况,制定', [';', ')']);
    expect(choicesSayHalfWidthComma(t, 2)).toBe(true);
    // 青岛市城市节约用水管理条例's kind: its `,` are what the page has, kept half-width and not doubted
    const kept = correctLine(line('加强城市节约用水管理,根据', [';', ')']), { halfClauseMarks: true });
    expect(kept.map((x) => x.ch).join('')).toBe('加强城市节约用水管理,根据');
    expect(commaConf(kept)).toBe(99);
  });

  it('highlights a semicolon inside a line that tesseract weighed against a comma, not one ending a line before a list’s next item', () => {
    const semi = (text: string, alts: string[]): OcrSymbol[] => [...text].map((ch) => ({ ch, conf: 99, ...(ch === ';' ? { choices: { top: 73, alts: alts.map((a, i) => ({ ch: a, score: 70 - i })) } } : {}) }));
    const s = semi('记录完整;统计资料', [',', ':']);
    expect(choicesWeighComma(s, 4)).toBe(true);
    const read = correctLine(s);
    expect(read.map((x) => x.ch).join('')).toBe('记录完整；统计资料');
    expect(read[4]!.conf).toBeLessThan(SUSPECT_CONFIDENCE);
    // a ；'s usual runners-up (〉 ) : i j }) say nothing
    expect(choicesWeighComma(semi('记录完整;统计资料', ['〉', ')']), 4)).toBe(false);
    // at a line's end, before a list's next item, a right ； is weighed against , as often (25 of 25 on the kept pages)
    expect(choicesWeighComma(semi('资料齐全;', [':', ',']), 4)).toBe(false);
    // in a document typed with half-width marks too: the doubt is which mark, not its width
    expect(correctLine(semi('记录完整;统计资料', [',', ':']), { halfClauseMarks: true })[4]!.conf).toBeLessThan(SUSPECT_CONFIDENCE);
    // the kept scan: 青岛市城市节约用水管理条例 第二十六条 (its source types `记录完整,统计资料`)
    const laid = layoutOcrPages(laws.find((l) => l.slug === 'qdjieshui')!.d.pages)!;
    const units = articles(laid.text);
    const k = units.findIndex((u) => u.label === '第二十六条');
    const at = units[k]!.text.indexOf('记录完整;统计');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(findSuspects(units, laid.stream, laid.confidence)[k]).toContain(at + 4);
  });

  it('highlights the kept scans’ commas their sources type half-width after a bracket or between Chinese', () => {
    const cases: [string, string, string][] = [
      ['hpjiang', '第二条', '空间），是指'], // 上海市黄浦江苏州河滨水公共空间条例: （以下简称滨水公共空间）,是指
      ['qdtuzai', '第二十一条', '凭证），及时'],
      ['shuiwen', '第一条', '条例》，结合'],
      ['gdhaiyu', '第二条', '活动，以及'], // a rotated page under a seal: the box does not look half-width
    ];
    for (const [slug, label, needle] of cases) {
      const laid = layoutOcrPages(laws.find((l) => l.slug === slug)!.d.pages)!;
      const units = articles(laid.text);
      const suspects = findSuspects(units, laid.stream, laid.confidence);
      const k = units.findIndex((u) => u.label === label);
      const at = units[k]!.text.indexOf(needle);
      expect(at, `${slug} ${label}`).toBeGreaterThanOrEqual(0);
      expect(suspects[k], `${slug} ${label}`).toContain(at + needle.search(/[，,]/));
    }
  });

  it('over the kept scans, judges most commas the sources type `,` half-width and few of those they type `，`', () => {
    // each comma read with choices whose two characters either side the source writes around a comma of one width
    const norm = (t: string) => t.replace(/（/g, '(').replace(/）/g, ')');
    const count = { half: 0, halfJudged: 0, full: 0, fullJudged: 0 };
    for (const l of laws) {
      const src = norm(readFileSync(join(KEPT_DIR, `${l.slug}.md`), 'utf8'));
      for (const page of l.d.pages) {
        for (const ln of page.lines) {
          const s = ln.symbols.filter((x) => x.ch !== ' ');
          for (let i = 2; i + 2 < s.length; i++) {
            if (!/^[,，]$/.test(s[i]!.ch) || !s[i]!.choices) continue;
            const before = norm(s.slice(i - 2, i).map((x) => x.ch).join(''));
            const after = norm(s.slice(i + 1, i + 3).map((x) => x.ch).join(''));
            const judged = choicesSayHalfWidthComma(s, i);
            if (src.includes(`${before},${after}`)) {
              count.half++;
              if (judged) count.halfJudged++;
            } else if (src.includes(`${before}，${after}`)) {
              count.full++;
              if (judged) count.fullJudged++;
            }
          }
        }
      }
    }
    // measured (session 26): 44 of 53 and 9 of 5,564
    expect(count.half).toBeGreaterThanOrEqual(40);
    expect(count.halfJudged).toBeGreaterThanOrEqual(count.half * 0.75);
    expect(count.full).toBeGreaterThanOrEqual(5000);
    expect(count.fullJudged).toBeLessThanOrEqual(count.full * 0.003);
  });
});
