import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLawText } from '../../../electron/core/parse/law-structure-parser';

const md = readFileSync(join(import.meta.dirname, '../../fixtures/documents/cited-articles/zuiming-5.md'), 'utf8');
/** The Markdown as a clerk types it: the table's cells on a line each row, apart by a full-width space. */
const asTyped = (src: string) =>
  src
    .split('\n')
    .filter((l) => !l.trim().startsWith('<!--') && !/^\|[\s:|-]+\|$/.test(l.trim()))
    .map((l) => (l.startsWith('|') ? l.replace(/^\||\|$/g, '').split('|').map((c) => c.trim()).join('　') : l.replace(/^#+\s*/, '')))
    .join('\n');

describe('第X条 lines that cite another law’s articles', () => {
  it('a 罪名 table read as lines gives no articles, as the Markdown gives none, and keeps its rows as text', () => {
    expect(parseLawText(md, { format: 'md' }).units.filter((u) => u.kind === 'article')).toEqual([]);
    const law = parseLawText(asTyped(md), { format: 'txt' });
    expect(law.units.filter((u) => u.kind === 'article')).toEqual([]);
    const all = law.units.map((u) => u.text).join('\n');
    expect(all).toContain('\n第一百三十三条之一 （《刑法修正案（八）》第二十二条）危险驾驶罪\n');
  });

  it('a law that starts later (its first page missing) or jumps once still has its articles', () => {
    const law = readFileSync(join(import.meta.dirname, '../../fixtures/laws/行政法/行政许可法(2019-04-23).md'), 'utf8');
    const lines = asTyped(law).split('\n');
    const from5 = lines.findIndex((l) => l.startsWith('第五条 '));
    const tail = ['中华人民共和国行政许可法', ...lines.slice(from5)].join('\n');
    const arts = parseLawText(tail, { format: 'txt' }).units.filter((u) => u.kind === 'article');
    expect(arts[0]!.label).toBe('第五条');
    expect(arts).toHaveLength(79);
    const gap = ['中华人民共和国行政许可法', ...lines.slice(from5).filter((l) => !/^第(?:十|十一|十二|十三|十四|十五)条 /.test(l))].join('\n');
    expect(parseLawText(gap, { format: 'txt' }).units.filter((u) => u.kind === 'article')).toHaveLength(73);
  });
});
