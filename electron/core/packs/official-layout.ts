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
