// Word's automatic numbering, as Word prints it. Government templates often make 第一条 / （一） /
// 一、 list numbers (numbering.xml), not typed text: a reader that skips numbering loses every
// article label. This module reads numbering.xml and styles.xml and replays the counters in
// document order, so each numbered paragraph gets the label Word shows.

import type { XmlNode } from './ofd-package';

export interface NumberingLevel {
  start: number;
  numFmt: string;
  lvlText: string;
  /** undefined: restarts after any higher level; 0: never; n: after a level with ilvl < n. */
  restart?: number;
  suffix: 'tab' | 'space' | 'nothing';
  isLgl: boolean;
  pStyle?: string;
}

export interface NumberingInstance {
  abstractId: string;
  overrides: Map<number, number>;
}

export interface ParagraphNumbering {
  numId: string;
  ilvl?: number;
}

const CN_DIGITS = '零一二三四五六七八九';
const LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';

/** 1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五, 110 → 一百一十: as laws number their articles. */
export function chineseCount(n: number, digits = CN_DIGITS, units = ['', '十', '百', '千']): string {
  if (n <= 0) return digits[0]!;
  if (n >= 10_000) {
    const high = Math.floor(n / 10_000);
    const low = n % 10_000;
    return chineseCount(high, digits, units) + '万' + (low === 0 ? '' : (low < 1000 ? digits[0] : '') + chineseCount(low, digits, units));
  }
  const ds = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  for (let i = 0; i < ds.length; i++) {
    const d = ds[i]!;
    const unit = units[ds.length - 1 - i]!;
    if (d === 0) {
      zero = out !== '';
      continue;
    }
    if (zero) out += digits[0];
    zero = false;
    // 十一, not 一十一, when ten is the leading unit (Word and the laws write it so).
    out += d === 1 && unit === units[1] && out === '' ? unit : digits[d]! + unit;
  }
  return out;
}

function letters(n: number, base: string): string {
  // Word's letter numbering: A … Z, then AA, BB …
  const i = (n - 1) % 26;
  return base[i]!.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) for (; n >= v; n -= v) out += s;
  return out;
}

/** One counter value in one of Word's number formats (unknown formats print as decimal, as Word falls back). */
export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'none':
      return '';
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'ideographDigital':
      return chineseCount(n);
    case 'chineseLegalSimplified':
    case 'japaneseLegal':
      return chineseCount(n, LEGAL_DIGITS, ['', '拾', '佰', '仟']);
    case 'ideographTraditional':
      return '甲乙丙丁戊己庚辛壬癸'[(n - 1) % 10] ?? String(n);
    case 'ideographZodiac':
      return '子丑寅卯辰巳午未申酉戌亥'[(n - 1) % 12] ?? String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'upperLetter':
      return letters(n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    case 'lowerLetter':
      return letters(n, 'abcdefghijklmnopqrstuvwxyz');
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    default:
      return String(n);
  }
}

const int = (v: string | undefined): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : undefined;
};

function kid(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((c) => c.name === name);
}

const val = (node: XmlNode | undefined) => node?.attrs.val;

/** Longest number text kept for one level ("第%1条", "（%2）", "%1.%2.%3" are a few characters). */
export const MAX_LEVEL_TEXT = 64;
/** Most levels Word defines (ilvl 0–8); anything beyond is ignored. */
const LEVELS = 9;

export class WordNumbering {
  private readonly abstracts = new Map<string, NumberingLevel[]>();
  private readonly nums = new Map<string, NumberingInstance>();
  /** paragraph or list style → its numbering (after basedOn). */
  private readonly styleNumbering = new Map<string, ParagraphNumbering>();
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly overridden = new Set<string>();
  /** abstractNum → the list style whose numbering it uses (numStyleLink: Word's multilevel list styles). */
  private readonly styleLinks = new Map<string, string>();

  constructor(numbering: XmlNode | undefined, styles: XmlNode | undefined) {
    for (const a of numbering?.children ?? []) {
      if (a.name !== 'abstractNum') continue;
      const levels: NumberingLevel[] = [];
      for (const l of a.children) {
        if (l.name !== 'lvl') continue;
        const i = int(l.attrs.ilvl);
        if (i === undefined || i < 0 || i >= LEVELS) continue;
        const suff = val(kid(l, 'suff'));
        const lvlText = val(kid(l, 'lvlText')) ?? '';
        levels[i] = {
          start: int(val(kid(l, 'start'))) ?? 0,
          numFmt: val(kid(l, 'numFmt')) ?? 'decimal',
          // Word's dialog stops at a few dozen characters; a longer one is a crafted file that
          // would repeat itself before every numbered paragraph.
          lvlText: lvlText.length <= MAX_LEVEL_TEXT ? lvlText : '',
          restart: int(val(kid(l, 'lvlRestart'))),
          suffix: suff === 'space' || suff === 'nothing' ? suff : 'tab',
          isLgl: kid(l, 'isLgl') !== undefined && val(kid(l, 'isLgl')) !== 'false' && val(kid(l, 'isLgl')) !== '0',
          pStyle: val(kid(l, 'pStyle')),
        };
      }
      if (a.attrs.abstractNumId === undefined) continue;
      this.abstracts.set(a.attrs.abstractNumId, levels);
      const link = val(kid(a, 'numStyleLink'));
      if (link !== undefined) this.styleLinks.set(a.attrs.abstractNumId, link);
    }
    for (const n of numbering?.children ?? []) {
      if (n.name !== 'num' || n.attrs.numId === undefined) continue;
      const abstractId = val(kid(n, 'abstractNumId'));
      if (abstractId === undefined) continue;
      const overrides = new Map<number, number>();
      for (const o of n.children) {
        if (o.name !== 'lvlOverride') continue;
        const i = int(o.attrs.ilvl);
        const start = int(val(kid(o, 'startOverride')));
        if (i !== undefined && start !== undefined) overrides.set(i, start);
      }
      this.nums.set(n.attrs.numId, { abstractId, overrides });
    }
    this.readStyles(styles);
    // An abstract numbering that only links to a list style takes that style's levels.
    for (const [abstractId, styleId] of this.styleLinks) {
      const linked = this.styleNumbering.get(styleId);
      const target = linked ? this.nums.get(linked.numId)?.abstractId : undefined;
      const levels = target !== undefined ? this.abstracts.get(target) : undefined;
      if (target !== undefined && target !== abstractId && levels?.length) {
        for (const n of this.nums.values()) if (n.abstractId === abstractId) n.abstractId = target;
      }
    }
  }

  private readStyles(styles: XmlNode | undefined): void {
    const own = new Map<string, { basedOn?: string; numbering?: ParagraphNumbering; off?: boolean }>();
    for (const s of styles?.children ?? []) {
      if (s.name !== 'style' || s.attrs.styleId === undefined) continue;
      // Paragraph styles number their paragraphs; numbering (list) styles are the target of numStyleLink.
      const numPr = kid(kid(s, 'pPr'), 'numPr');
      const numId = val(kid(numPr, 'numId'));
      const ilvl = int(val(kid(numPr, 'ilvl')));
      own.set(s.attrs.styleId, {
        basedOn: val(kid(s, 'basedOn')),
        numbering: numId !== undefined && numId !== '0' ? { numId, ilvl } : undefined,
        off: numId === '0',
      });
    }
    for (const id of own.keys()) {
      let cur: string | undefined = id;
      const seen = new Set<string>();
      while (cur !== undefined && !seen.has(cur)) {
        seen.add(cur);
        const s = own.get(cur);
        if (!s || s.off) break;
        if (s.numbering) {
          this.styleNumbering.set(id, s.numbering);
          break;
        }
        cur = s.basedOn;
      }
    }
  }

  /**
   * The same counters over lists read from elsewhere (the Word 97 list tables of a .doc,
   * doc-numbering.ts): abstract lists by id, list instances by id, paragraph styles' numbering.
   */
  static fromLists(
    abstracts: ReadonlyMap<string, NumberingLevel[]>,
    nums: ReadonlyMap<string, NumberingInstance>,
    styles: ReadonlyMap<string, ParagraphNumbering>,
  ): WordNumbering {
    const n = new WordNumbering(undefined, undefined);
    for (const [k, v] of abstracts) n.abstracts.set(k, v);
    for (const [k, v] of nums) n.nums.set(k, v);
    for (const [k, v] of styles) n.styleNumbering.set(k, v);
    return n;
  }

  get isEmpty(): boolean {
    return this.nums.size === 0;
  }

  /** The numbering a paragraph gets from its own numPr or, failing that, from its style. */
  resolve(own: ParagraphNumbering | undefined, styleId: string | undefined): { numId: string; ilvl: number } | undefined {
    if (own && own.numId === '0') return undefined;
    const fromStyle = styleId !== undefined ? this.styleNumbering.get(styleId) : undefined;
    const numId = own?.numId ?? fromStyle?.numId;
    if (numId === undefined) return undefined;
    let ilvl = own?.ilvl ?? fromStyle?.ilvl;
    if (ilvl === undefined && styleId !== undefined) {
      // A style linked to a level (lvl/pStyle) numbers at that level.
      const levels = this.abstracts.get(this.nums.get(numId)?.abstractId ?? '');
      const linked = levels?.findIndex((l) => l?.pStyle === styleId);
      if (linked !== undefined && linked >= 0) ilvl = linked;
    }
    return { numId, ilvl: Math.min(Math.max(ilvl ?? 0, 0), LEVELS - 1) };
  }

  /**
   * Advances the counters for one numbered paragraph and returns the text Word prints before it
   * (with a space for Word's tab or space suffix), or undefined when the numbering is not defined.
   */
  next(numId: string, ilvl: number): string | undefined {
    const num = this.nums.get(numId);
    const levels = num ? this.abstracts.get(num.abstractId) : undefined;
    const level = levels?.[ilvl];
    if (!num || !levels || !level) return undefined;
    // Lists that share an abstract numbering continue one another, as Word counts them.
    let counters = this.counters.get(num.abstractId);
    if (!counters) {
      counters = [];
      this.counters.set(num.abstractId, counters);
    }
    const override = num.overrides.get(ilvl);
    const key = `${numId}/${ilvl}`;
    if (override !== undefined && !this.overridden.has(key)) {
      this.overridden.add(key);
      counters[ilvl] = override;
    } else {
      counters[ilvl] = (counters[ilvl] ?? level.start - 1) + 1;
    }
    for (let k = ilvl + 1; k < LEVELS; k++) {
      const restart = levels[k]?.restart;
      if (restart === 0) continue;
      if (restart === undefined || ilvl < restart) counters[k] = undefined;
    }
    const text = level.lvlText.replace(/%([1-9])/g, (_, d: string) => {
      const i = Number(d) - 1;
      const l = levels[i];
      if (!l) return '';
      const value = counters[i] ?? l.start;
      return formatNumber(value, level.isLgl ? 'decimal' : l.numFmt);
    });
    if (level.numFmt === 'bullet' || text.trim() === '') return '';
    return level.suffix === 'nothing' ? text : `${text} `;
  }
}
