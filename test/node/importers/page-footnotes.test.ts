// Footnotes of a fixed-layout page (PDF text layer, OFD): the raised mark and the note at the page's
// foot are kept apart from the body; a raised number with no note (m²), a column of small numbers and
// a page whose "notes" have body text under them are left as they are.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitEndnotes, splitFootnotes, type NoteCarry } from '../../../electron/core/importers/page-footnotes';
import { matchArticles } from './article-match';
import { extractDocument } from '../../../electron/core/importers/extract-document';
import type { PositionedText } from '../../../electron/core/importers/text-layout';
import { RECEIVED } from './received-check';

const run = (str: string, x: number, y: number, size = 12): PositionedText => ({ str, x, y, w: [...str].length * (/^[0-9*]+$/.test(str) ? size / 2 : size), size });

/** A page of body lines at 12 pt, 14 pt apart from y = 700 down. */
const body = (lines: string[]): PositionedText[] => lines.map((s, i) => run(s, 72, 700 - 14 * i));

describe('splitFootnotes', () => {
  it('takes a raised mark and its note at the foot (LibreOffice: the note mark raised over the note)', () => {
    const page = body(['第一条 为了规范乡镇企业的行为，制定本法。', '第二条 本法所称乡镇企业，是指各类企业。']);
    const mark = run('1', 72 + 12 * 21, 700 + 4.6, 7);
    const noteMark = run('1', 72, 104.6, 7);
    const note = run('本法已被修改，见编者注。', 80.4, 100);
    const pageNo = run('3', 300, 60);
    const { body: kept, notes } = splitFootnotes([...page, mark, noteMark, note, pageNo]);
    expect(kept).toEqual([...page, pageNo]);
    expect(notes.map((n) => n.text)).toEqual(['1 本法已被修改，见编者注。']);
  });

  it('takes notes in smaller type, one running over two lines, the mark not raised', () => {
    const page = body(['第一条 甲。', '第二条 乙。']);
    const m1 = run('1', 150, 704, 7);
    const m2 = run('2', 150, 690, 7);
    const n1 = [run('1', 72, 138, 10), run('本法已被修改。', 86, 138, 10)];
    const n2 = [run('2', 72, 126, 10), run('编者注：本条所称农村集体经济组织，包括乡（镇）、村、村民小组三级，', 86, 126, 10), run('其成员范围依照有关法律确定。', 86, 114, 10)];
    const { body: kept, notes } = splitFootnotes([...page, m1, m2, ...n1, ...n2]);
    expect(kept).toEqual(page);
    expect(notes.map((n) => n.text)).toEqual(['1 本法已被修改。', '2 编者注：本条所称农村集体经济组织，包括乡（镇）、村、村民小组三级，其成员范围依照有关法律确定。']);
  });

  it('leaves a raised number that calls no note (m², 10³) in the text', () => {
    const items = [...body(['第一条 每户用地面积不得超过200m', '第二条 乙。']), run('2', 72 + 12 * 17, 704, 7), run('3', 300, 60)];
    expect(splitFootnotes(items)).toEqual({ body: items, notes: [] });
  });

  it('leaves a column of small numbers (a table’s 序号) under a raised number', () => {
    const items = [
      ...body(['第一条 每户用地面积不得超过200m', '附表：']),
      run('2', 72 + 12 * 17, 704, 7),
      ...['1', '2', '3'].flatMap((n, i) => [run(n, 72, 300 - 14 * i, 9), run(`事项${n}`, 100, 300 - 14 * i, 9)]),
    ];
    expect(splitFootnotes(items)).toEqual({ body: items, notes: [] });
  });

  it('leaves a "note" with body text under it: notes stand at the foot', () => {
    const items = [
      ...body(['第一条 甲。']),
      run('1', 140, 704, 7),
      run('1', 72, 500, 9),
      run('小字说明。', 80, 500, 9),
      ...['第二条 乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙。', '第三条 丙。', '第四条 丁。'].map((s, i) => run(s, 72, 480 - 14 * i)),
    ];
    expect(splitFootnotes(items)).toEqual({ body: items, notes: [] });
  });

  it('gives up at once on a page of more marks than any page of notes', () => {
    const items = [...body(['第一条 甲。']), ...Array.from({ length: 50_000 }, (_, i) => run('1 注', 72, 600 - (i % 500), 7)), run('1', 140, 704, 7)];
    const { body: kept, notes } = splitFootnotes(items);
    expect(notes).toEqual([]);
    expect(kept).toHaveLength(items.length);
  });
});

describe('a note that runs on to the next page', () => {
  // Page 1's last note did not end there: its lines were 12 pt, 14 pt apart, from x = 72.
  const carry: NoteCarry = { size: 12, left: 72, pitch: 14 };
  const page2 = (gap: number) => [
    ...body(['第四条 市及有关区县的油区管理部门负责本地油区的管理工作。', '公安、自然资源等部门应当按照各自职责做好油区管理工作。']),
    ...['资源、生态环境等依法负有监督管理职责的部门。执行本条时，应当同时', '适用国家和省的规定，上位法另有规定的从其规定。'].map((s, i) => run(s, 72, 686 - gap - 14 * i)),
  ];
  const rule = { y: 686 - 21 / 2, x0: 72, x1: 189 };

  it('takes the lines at the foot under the separator rule as the run-on, and hands nothing on once it ends', () => {
    const items = page2(21);
    const { body: kept, notes, continued, carry: next } = splitFootnotes(items, carry, [rule]);
    expect(kept).toEqual(items.slice(0, 2));
    expect(notes).toEqual([]);
    expect(continued).toBe('资源、生态环境等依法负有监督管理职责的部门。执行本条时，应当同时适用国家和省的规定，上位法另有规定的从其规定。');
    expect(next).toBeUndefined();
  });

  it('leaves a body paragraph at the foot that no rule sets apart and that is set in the body’s size', () => {
    const items = page2(21);
    expect(splitFootnotes(items, carry, []).body).toEqual(items);
    // nor without a note running on
    expect(splitFootnotes(items, undefined, [rule]).body).toEqual(items);
  });

  it('leaves lines that open an article, or stand as near to the body as its own lines', () => {
    const opening = [...body(['第四条 甲。']), run('第五条 乙乙乙乙乙乙乙乙乙乙乙乙。', 72, 665), run('丙丙丙丙。', 72, 651)];
    expect(splitFootnotes(opening, carry, [{ y: 675, x0: 72, x1: 189 }]).body).toEqual(opening);
    const close = page2(0);
    expect(splitFootnotes(close, carry, [rule]).body).toEqual(close);
  });
});

describe('splitEndnotes', () => {
  const mark = (s: string, x: number, y: number) => run(s, x, y + 4.6, 7);

  it('takes the notes after the last article that the raised marks call, i, ii, and the marks', () => {
    const p1 = [...body(['第一条 甲甲甲甲。', '第二条 乙乙乙乙。']), mark('i', 72 + 12 * 9, 700), mark('ii', 72 + 12 * 9, 686)];
    const p2 = [...body(['第三条 丙丙丙丙。']), run('i', 56, 600), run('编者注：第一条已修改。', 64, 600), run('ii', 56, 560), run('编者注：第二条已修改，', 68, 560), run('见修正决定。', 56, 546), run('2', 300, 60)];
    const { pages, notes } = splitEndnotes([p1, p2]);
    expect(pages).toEqual([p1.slice(0, 2), [p2[0]!, p2[6]!]]);
    expect(notes.map((n) => [n.page, n.note.text])).toEqual([
      [1, 'i 编者注：第一条已修改。'],
      [1, 'ii 编者注：第二条已修改，见修正决定。'],
    ]);
  });

  it('leaves a raised number with no note anywhere (m²), and notes that do not answer every mark', () => {
    const squared = [[...body(['第一条 面积一百平方米', '第二条 乙。']), run('2', 72 + 12 * 8, 704.6, 7)]];
    expect(splitEndnotes(squared).pages).toEqual(squared);
    const p1 = [...body(['第一条 甲。', '第二条 乙。']), mark('1', 72 + 12 * 6, 700), mark('2', 72 + 12 * 6, 686)];
    const p2 = [...body(['第三条 丙。']), run('1 编者注：甲。', 72, 600)];
    expect(splitEndnotes([p1, p2]).notes).toEqual([]);
  });
});

describe('PDF footnotes from LibreOffice', () => {
  for (const file of ['xiangzhen-notes-lo.pdf', 'xiangzhen-notes-odt.pdf']) {
    it(`${file}: no mark or note in the articles, the notes counted`, async () => {
      const doc = await extractDocument(new Uint8Array(readFileSync(join(RECEIVED, file))), file, { ocr: false });
      expect(doc.text).toContain('第一条 为了扶持和引导乡镇企业持续健康发展，保护乡镇企业的合法权益，规范乡镇企业的行为，繁荣农村经济，促进社会主义现代化建设，制定本法。\n');
      expect(doc.text).toContain('第十条 农村集体经济组织投资设立的乡镇企业，其企业财产权属于设立该企业的全体农民集体所有。\n');
      expect(doc.text).not.toMatch(/编者注|参见《中华人民共和国公司法》|^[0-9]$/m);
      expect(doc.warnings).toContain(`第 1 页底部的 ${file.includes('odt') ? 3 : 2} 条脚注及其标号未并入正文`);
    });
  }
});

describe('notes that run on, and endnotes (running-notes/, make-running-notes.ts)', () => {
  const DIR = join(RECEIVED, '..', 'running-notes');
  const read = async (file: string) => extractDocument(new Uint8Array(readFileSync(join(DIR, file))), file, { ocr: false });
  /** Each article's words as the law's, line breaks aside (the PDF joins one 项 to the next where a line is full). */
  const sameWords = (law: string, text: string) => {
    const m = matchArticles(law, text);
    return { got: m.got, differ: m.mismatches.filter((x) => x.expected.replace(/\s/g, '') !== x.got?.replace(/\s/g, '')).map((x) => x.label) };
  };

  it.each(['youqu-footnotes-lo.pdf', 'youqu-footnotes.docx', 'youqu-footnotes-lo.doc', 'youqu-footnotes.ofd'])('%s: five long footnotes, one running on over a page break, none in an article', async (file) => {
    const doc = await read(file);
    expect(matchArticles('youqu.md', doc.text).matched).toBe(23);
    expect(doc.text).not.toMatch(/编者注|区县在执行中|答复意见/);
    if (file.endsWith('.pdf')) expect(doc.warnings).toContain('第 1、2、3 页底部的 5 条脚注及其标号未并入正文');
    // make-ofd.ts sets two notes (24 lines) under a rule on page 2 and runs note 5 on to page 6's foot
    if (file.endsWith('.ofd')) expect(doc.warnings).toContain('第 1、2、4、5 页底部的 5 条脚注及其标号未并入正文');
  });

  it.each(['zhibao-endnotes-lo.pdf', 'zhibao-endnotes.docx', 'zhibao-endnotes-lo.doc', 'zhibao-endnotes.ofd'])('%s: four endnotes after the last article, never read into it', async (file) => {
    const doc = await read(file);
    expect(sameWords('zhibao.md', doc.text)).toEqual({ got: 23, differ: [] });
    expect(doc.text).not.toMatch(/编者注|区县在执行中|^i+v?$/m);
    if (!file.endsWith('.docx') && !file.endsWith('.doc')) expect(doc.warnings).toContain('文末的 4 条尾注及其标号未并入正文');
  });

  it('an OFD note block over 20 lines is taken only under its rule (a PathObject read as the separator)', async () => {
    // without the rule the 24 lines of notes on page 2 would be body text; the OFD's rule is what the PDF's is
    const bytes = new Uint8Array(readFileSync(join(DIR, 'youqu-footnotes.ofd')));
    const { unzipSync, zipSync, strFromU8, strToU8 } = await import('fflate');
    const files = unzipSync(bytes);
    for (const name of Object.keys(files)) if (name.endsWith('Content.xml')) files[name] = strToU8(strFromU8(files[name]!).replace(/<ofd:PathObject\b[^>]*>.*?<\/ofd:PathObject>/g, ''));
    const unruled = await extractDocument(zipSync(files), 'unruled.ofd', { ocr: false });
    expect(unruled.text).toMatch(/编者注：第二条/);
    expect((await read('youqu-footnotes.ofd')).text).not.toMatch(/编者注/);
  });
});
