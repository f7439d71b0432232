// TXT saved with hard line breaks at a fixed width (hard-wrap.ts): joined back into paragraphs by
// line length and indents; never triggered by a law's own paragraphs.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unwrapHardBreaks } from '../../../electron/core/importers/hard-wrap';
import { fixtureLaws } from './article-match';

/** A law's paragraphs cut every `width` characters, paragraphs indented with two 全角 spaces or not. */
function wrapLaw(md: string, width: number, indent: string): { wrapped: string; paragraphs: string[] } {
  const paragraphs = md
    .split('\n')
    .map((l) => l.replace(/^#+\s*/, '').trim())
    .filter((l) => l !== '' && l !== '<!-- INFO END -->');
  const out: string[] = [];
  for (const p of paragraphs) {
    const chars = [...(indent + p)];
    for (let i = 0; i < chars.length; i += width) out.push(chars.slice(i, i + width).join(''));
  }
  return { wrapped: out.join('\n'), paragraphs: paragraphs.map((p) => indent + p) };
}

describe('hard line breaks', () => {
  it('joins indented paragraphs cut at 30, 36 and 40 characters back, even where a line starts with 第X条', () => {
    // a short notice has too few cut lines to tell a width from chance
    for (const f of fixtureLaws().filter((x) => readFileSync(x, 'utf8').length > 3000)) {
      for (const width of [30, 36, 40]) {
        const { wrapped, paragraphs } = wrapLaw(readFileSync(f, 'utf8'), width, '　　');
        const r = unwrapHardBreaks(wrapped);
        expect(r.width, `${f} ${width}`).toBe(width);
        expect(r.text.split('\n')).toEqual(paragraphs);
      }
    }
  });

  it('without indents, breaks where a full line closed a sentence and the next starts a unit', () => {
    const text = [
      '第一条　为了规范标准化工作，根据有关法律，制定本条',
      '例。本条例所称标准，是指农业、工业、服务业以及社会事',
      '业等领域需要统一的技术要求。第五条第二款规定的除外。',
      '第二条　县级以上人民政府标准化行政主管部门统一管理本',
      '行政区域内的标准化工作。',
      ...Array.from({ length: 8 }, (_, k) => `第${'三四五六七八九十'[k]}条　本条例所称标准化工作，包括标准的制定和实施`),
    ].join('\n');
    const lines = unwrapHardBreaks(text).text.split('\n');
    expect(lines[0]).toBe('第一条　为了规范标准化工作，根据有关法律，制定本条例。本条例所称标准，是指农业、工业、服务业以及社会事业等领域需要统一的技术要求。第五条第二款规定的除外。');
    expect(lines[1]).toBe('第二条　县级以上人民政府标准化行政主管部门统一管理本行政区域内的标准化工作。');
  });

  it('leaves the fixture laws as written (their paragraphs have no common length)', () => {
    for (const f of fixtureLaws()) {
      const text = readFileSync(f, 'utf8').replace('<!-- INFO END -->\n', '').replace(/^#+\s*/gm, '');
      expect(unwrapHardBreaks(text).width, f).toBeUndefined();
    }
  });
});
