// The parts of an official document (公文) that GB/T 9704-2012 places by rule, worked out once for
// the DOCX and the HTML/PDF renderers: which sections are 附件 (另面编排, after the 落款), the
// 附件说明 under the text (7.3.4), and where each line of the 落款 goes (7.3.5.1: 成文日期右空四字,
// the 发文机关署名 centred over the date). Pure data, no rendering.

import type { DocSection, PackDocument } from './pack-document';
import { emWidth } from './pack-pagination';

export const isOfficial = (doc: PackDocument): boolean => !!doc.official || doc.layout === 'official';

const ANNEX = /^附件\s*\d*\s*[：:]?\s*/;

export interface Annex {
  section: DocSection;
  /** 附件 or 附件2: 3号黑体, 顶格 on the page's first line. */
  label: string;
  /** The annex's title, centred on its third line ('' when the heading named none). */
  title: string;
}

export interface OfficialParts {
  body: DocSection[];
  annexes: Annex[];
  /** 附件说明 lines: 附件：数据来源, or 附件：1. … then 2. … (no closing punctuation). */
  annexNote: string[];
}

export function officialParts(doc: PackDocument): OfficialParts {
  const body = doc.sections.filter((s) => !s.heading.startsWith('附件'));
  const annexSections = doc.sections.filter((s) => s.heading.startsWith('附件'));
  const many = annexSections.length > 1;
  const annexes = annexSections.map((section, i) => ({ section, label: many ? `附件${i + 1}` : '附件', title: section.heading.replace(ANNEX, '').trim() }));
  const names = annexes.map((a) => a.title.replace(/[。；，、]+$/, '') || a.label);
  const annexNote = !names.length ? [] : many ? names.map((t, i) => `${i ? '' : '附件：'}${i + 1}. ${t}`) : [`附件：${names[0]}`];
  return { body, annexes, annexNote };
}

/**
 * The lines of the 版记 (7.4.2, 7.4.3): 抄送：A，B。 (机关 set apart by ，, a 。 after the last; a
 * wrapped line aligns with the first name, 左右各空一字) and the 印发机关 left with the 印发日期 +
 * 印发 right, each one character in.
 */
export function imprintLines(imp: NonNullable<PackDocument['imprint']>): { copyTo?: string; printedBy: string; printed: string } {
  const names = imp.copyTo.map((n) => n.trim().replace(/[，,、；;。]+$/, '')).filter(Boolean);
  return { ...(names.length ? { copyTo: `${names.join('，')}。` } : {}), printedBy: imp.printedBy, printed: `${imp.date}印发` };
}

/** 版记 rules (7.4.1): the first and last 0.35 mm, those between 0.25 mm; its text 4号 (14 pt). */
export const IMPRINT = { thickMm: 0.35, thinMm: 0.25, pt: 14, label: '抄送：' } as const;

/**
 * Blank lines between the text (or 附件说明) and the 发文机关署名: a sealed document (a unit signs)
 * leaves room for the seal, which must start within a line of the text and press down on the
 * 署名 and the date so that they sit just under its centre (7.3.5.1: a 42 mm seal is 4 lines of
 * the grid, its centre 2½ lines under its top); unsealed, one line.
 */
export const signatureGapLines = (sig: NonNullable<PackDocument['signature']>): number => (sig.unit.trim() ? 2 : 1);

/**
 * The 附件说明 as hanging lines (7.3.4: 附件名称较长需回行时，应当与上一行附件名称的首字对齐): each
 * line's text, where its first line starts and where its wrapped lines start, in characters of
 * the grid from the left edge (附件： starts 2 in, a name 5 in; 1. takes 1.5 more).
 */
export function annexNoteLines(annexNote: string[]): { text: string; first: number; hang: number }[] {
  return annexNote.map((text, i) => {
    const num = /^(?:附件：)?(\d+\.\s?)/.exec(text)?.[1];
    const numW = num ? emWidth(num) : 0;
    return { text, first: i ? 5 : 2, hang: 5 + numW };
  });
}

export interface SignatureLine {
  text: string;
  /** Space to leave on the right, in characters of the body grid. */
  rightChars: number;
}

/**
 * The 落款 of a document to be sealed (单一机关行文，加盖印章): the date 4 characters in from the
 * right edge, the office (and any line such as 法律顾问：李明) centred over the date.
 */
export function signatureLines(sig: NonNullable<PackDocument['signature']>): SignatureLine[] {
  const date = emWidth(sig.date);
  const over = [sig.unit, ...(sig.lines ?? [])].filter((t) => t.trim());
  return [...over.map((text) => ({ text, rightChars: Math.max(0, 4 + (date - emWidth(text)) / 2) })), { text: sig.date, rightChars: 4 }];
}
