// A draft's articles as sentences with their offsets in the article text, and the context a rule
// needs about each: the clause subject (who must or may do it) and whether the article states a
// higher-law basis (依照《…》, 依照有关法律、法规). Rules match sentences, never the bare file.

import type { Article } from '../../shared/law-model';

export interface DraftSentence {
  article: { key: string; label: string };
  index: number; // 0-based within the article
  text: string;
  /** The sentence with quoted passages blanked: what rules match. */
  matchText: string;
  start: number; // offset in the article's text
  end: number;
  /** Text before the first modal verb (应当/须/可以/不得/由…): who the sentence is about. */
  subject: string;
  /** The article (not only this sentence) names a higher-law basis. */
  articleHasBasis: boolean;
  /** This sentence itself names a higher-law basis. */
  sentenceHasBasis: boolean;
  /**
   * For an item of a list (（一）…, 1. …): the sentence introducing the list (申报单位应当具备下列
   * 条件：), which says what the item is about and who it binds.
   */
  leadIn?: string;
}

/** An item of a list: （一） (1) 1. 1、 一、 ①. */
export const ITEM_START = /^(?:[（(][一二三四五六七八九十0-9]+[)）]|[0-9]+[.．、]|[一二三四五六七八九十]+、|[①-⑳])/;

const BASIS_RE = /(?:依照|依据|按照|根据|适用)《[^》]{2,60}》|(?:依照|依据|按照)(?:有关|相关)?(?:法律|行政法规|法规|规章)|法律、(?:行政)?法规(?:另有)?规定|依法(?:予以|给予|处理|处罚|追究)/;
const MODAL_RE = /应当|必须|须|可以|可|不得|禁止|严禁|由|对|给予|实行/;

export function hasBasis(text: string): boolean {
  return BASIS_RE.test(text);
}

/** Splits at 。；！？ and line breaks; keeps each sentence's offsets. */
export function splitSentences(text: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (i === text.length || ch === '。' || ch === '；' || ch === '！' || ch === '？' || ch === '\n') {
      const end = i < text.length && ch !== '\n' ? i + 1 : i;
      const raw = text.slice(start, end);
      const lead = raw.length - raw.trimStart().length;
      const s = raw.trim();
      if (s) out.push({ text: s, start: start + lead, end: start + lead + s.length });
      start = i + 1;
    }
  }
  return out;
}

/**
 * Text inside quotation marks is another document's wording (a quoted article): blanked (same
 * length, so offsets hold) before rules look at a sentence, which is the draft's own rule.
 */
export function withoutQuotes(text: string): string {
  return text.replace(/[“「][^”」]*[”」]/g, (m) => m[0] + '　'.repeat(m.length - 2) + m[m.length - 1]);
}

export function sentencesOf(unit: Pick<Article, 'key' | 'label' | 'text'>): DraftSentence[] {
  const articleHasBasis = hasBasis(unit.text);
  let leadIn: string | undefined;
  return splitSentences(withoutQuotes(unit.text)).map((s, index) => {
    const m = MODAL_RE.exec(s.text);
    const item = ITEM_START.test(s.text);
    if (!item) leadIn = /[：:]$/.test(s.text) ? s.text : undefined;
    return {
      ...(item && leadIn ? { leadIn } : {}),
      article: { key: unit.key, label: unit.label },
      index,
      text: unit.text.slice(s.start, s.end),
      matchText: s.text,
      start: s.start,
      end: s.end,
      subject: m ? s.text.slice(0, m.index) : '',
      articleHasBasis,
      sentenceHasBasis: hasBasis(s.text),
    };
  });
}

/** The word a draft uses for itself (本办法, 本规定 …), from its title. */
export function selfWord(title: string): string {
  const t = title.replace(/[（(][^）)]*[）)]\s*$/, '').trim();
  const m = /(办法|规定|细则|意见|方案|通知|规则|条例|决定|措施|制度|规范|合同|协议)$/.exec(t);
  return m ? m[1]! : '办法';
}
