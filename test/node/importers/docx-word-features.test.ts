// DOCX as Word and WPS write them in an office, not as pandoc/LibreOffice convert a Markdown file:
// the fixtures are made from a corpus law by test/fixtures/documents/word-features-docx.py.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocx, splitManualBreaks } from '../../../electron/core/importers/docx-text-extractor';
import { chineseCount, formatNumber, WordNumbering } from '../../../electron/core/importers/docx-numbering';
import { parseXml } from '../../../electron/core/importers/ofd-package';
import { toPlainLawText } from '../../../electron/core/importers/plain-law-text';
import { FIXTURES, matchArticles } from './article-match';

const read = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

describe('DOCX with Word features', () => {
  it('articles and items numbered by numbering.xml, tracked changes, comments, footnotes, fields, a TOC field, hidden text, a text box, manual breaks', async () => {
    const doc = await extractDocx(read('juece-word-features.docx'), 'juece-word-features.docx');
    const m = matchArticles('juece.md', doc.text);
    expect(m.mismatches.slice(0, 2)).toEqual([]);
    expect(m.matched).toBe(44);
    // only the final text: no deleted text, comment, footnote, field code, hidden run
    for (const absent of ['已删去的旧文字', '批注', '脚注', 'REF', 'DOCPROPERTY', 'TOC', '隐藏的文字']) expect(doc.text).not.toContain(absent);
    // the TOC field's result is gone, the body's first chapter heading stays
    expect(doc.text).toMatch(/^第一章 总则$/m);
    expect(doc.text.match(/第一章 总则/g)).toHaveLength(1);
    // the text box anchored in article 1 is not glued to it
    expect(doc.text).toMatch(/^内部资料注意保存\n第一条 为了/m);
    expect(doc.warnings.join('\n')).toMatch(/修订[\s\S]*批注[\s\S]*脚注/);
  });

  it('numbering given by a paragraph style (basedOn chain), a 红头 table, full-width indents', async () => {
    const doc = await extractDocx(read('juece-word-stylenum.docx'), 'juece-word-stylenum.docx');
    const m = matchArticles('juece.md', doc.text);
    expect(m.mismatches.slice(0, 2)).toEqual([]);
    expect(m.matched).toBe(44);
  });

  it('a text box after the first article is left out and counted', async () => {
    const { zipSync, unzipSync } = await import('fflate');
    const files = unzipSync(read('juece-word-features.docx'));
    const xml = new TextDecoder().decode(files['word/document.xml']);
    const box = '<w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>（印章）</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>';
    // anchor the box in article 2 (the second numbered paragraph), before its first run
    const marker = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>';
    const at = xml.indexOf(marker, xml.indexOf(marker) + 1) + marker.length;
    files['word/document.xml'] = new TextEncoder().encode(xml.slice(0, at) + box + xml.slice(at));
    const doc = await extractDocx(zipSync(files), 'box.docx');
    expect(doc.text).not.toContain('印章');
    expect(matchArticles('juece.md', doc.text).matched).toBe(44);
    expect(doc.warnings.join('\n')).toMatch(/1 个文本框/);
  });
});

describe('Word numbering', () => {
  it('counts in Chinese as the laws number their articles', () => {
    const cases: [number, string][] = [[1, '一'], [10, '十'], [11, '十一'], [20, '二十'], [21, '二十一'], [100, '一百'], [101, '一百零一'], [110, '一百一十'], [1000, '一千'], [1010, '一千零一十'], [1260, '一千二百六十']];
    for (const [n, s] of cases) expect(chineseCount(n)).toBe(s);
    expect(formatNumber(3, 'decimalEnclosedCircle')).toBe('③');
    expect(formatNumber(12, 'decimalFullWidth')).toBe('１２');
    expect(formatNumber(4, 'upperRoman')).toBe('IV');
    expect(formatNumber(2, 'ideographTraditional')).toBe('乙');
  });

  it('restarts items after each article, continues lists sharing an abstract numbering, honours startOverride', () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const numbering = parseXml(
      `<w:numbering ${W}><w:abstractNum w:abstractNumId="7">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1条"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:lvlRestart w:val="0"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="7"/></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="50"/></w:lvlOverride></w:num>
      </w:numbering>`,
      'numbering.xml',
      'Word 文档',
    );
    const n = new WordNumbering(numbering, undefined);
    const seq = [
      n.next('1', 0), n.next('1', 1), n.next('1', 1), n.next('1', 2),
      n.next('2', 0), n.next('1', 1), n.next('1', 2),
      n.next('3', 0), n.next('3', 0),
    ];
    expect(seq).toEqual(['第一条 ', '（一）', '（二）', '1. ', '第二条 ', '（一）', '2. ', '第五十条 ', '第五十一条 ']);
    expect(n.resolve({ numId: '0' }, undefined)).toBeUndefined();
    expect(n.next('99', 0)).toBeUndefined();
  });
});

describe('manual line breaks inside a Word paragraph', () => {
  it('a break inside a sentence wraps the line; one after a sentence end or before a numbered line starts a paragraph', () => {
    expect(splitManualBreaks('第五条 县级以上人民政府应当\n加强领导。')).toEqual(['第五条 县级以上人民政府应当加强领导。']);
    expect(splitManualBreaks('第五条 应当加强领导。\n前款规定的事项，另行规定。')).toEqual(['第五条 应当加强领导。', '前款规定的事项，另行规定。']);
    expect(splitManualBreaks('包括下列事项\n（一）规划；\n（二）标准')).toEqual(['包括下列事项', '（一）规划；', '（二）标准']);
    expect(splitManualBreaks('see Article\n12 of the Act')).toEqual(['see Article 12 of the Act']);
    expect(splitManualBreaks('高青县人民政府关于印发\n\n《办法》的通知')).toEqual(['高青县人民政府关于印发《办法》的通知']);
  });
});

describe('a 目录 title whose entries are not listed apart', () => {
  it('keeps the body headings that follow it (a Word TOC field already left out)', () => {
    const r = toPlainLawText(['某某条例', '目录', '第一章 总则', '第一条 为了规范管理，制定本条例。', '第二章 附则', '第二条 本条例自公布之日起施行。']);
    expect(r.text).toBe('某某条例\n第一章 总则\n第一条 为了规范管理，制定本条例。\n第二章 附则\n第二条 本条例自公布之日起施行。\n');
  });
  it('still drops entries with page numbers', () => {
    const r = toPlainLawText(['某某条例', '目  录', '第一章 总则……1', '第二章 附则……3', '第一章 总则', '第一条 为了规范管理，制定本条例。']);
    expect(r.text).toBe('某某条例\n第一章 总则\n第一条 为了规范管理，制定本条例。\n');
  });
});

describe('Word numbering through a list style (numStyleLink)', () => {
  it('an abstract numbering that links to a list style takes that style\'s levels', () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const numbering = parseXml(
      `<w:numbering ${W}>
      <w:abstractNum w:abstractNumId="0"><w:styleLink w:val="LawList"/>
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1条"/></w:lvl></w:abstractNum>
      <w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="LawList"/></w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>`,
      'numbering.xml',
      'Word 文档',
    );
    const styles = parseXml(
      `<w:styles ${W}><w:style w:type="numbering" w:styleId="LawList"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>`,
      'styles.xml',
      'Word 文档',
    );
    const n = new WordNumbering(numbering, styles);
    expect([n.next('2', 0), n.next('2', 0)]).toEqual(['第一条 ', '第二条 ']);
  });
});

describe('.doc with automatic numbering (the same drafts saved as Word 97 by LibreOffice)', () => {
  // juece-word-lists*.doc: word-features-docx.py → soffice --convert-to doc (make-fixtures.ts doc).
  // Before doc-body.ts every one of them lost all 44 article labels and all （一） items.
  it('prints the list numbers Word shows: own lists with tracked changes, hidden text and manual breaks; lists through a style beside a 红头 table', async () => {
    const { extractOle } = await import('../../../electron/core/importers/ole-document');
    for (const name of ['juece-word-lists.doc', 'juece-word-lists-style.doc']) {
      const doc = await extractOle(read(name), name);
      const m = matchArticles('juece.md', doc.text);
      expect(m.mismatches.slice(0, 2), name).toEqual([]);
      expect(m.matched, name).toBe(44);
      expect(doc.warnings.join('\n')).not.toMatch(/自动编号/);
    }
    const lists = await extractOle(read('juece-word-lists.doc'), 'juece-word-lists.doc');
    // hidden (vanish) runs are left out as Word hides them; deleted text too
    expect(lists.text).not.toContain('隐藏的文字');
    expect(lists.text).not.toContain('已删去的旧文字');
    // the items keep their own numbers under their article
    expect(lists.text).toMatch(/^第三条 本条例所称重大行政决策事项\(以下简称决策事项\)包括：\n\(一\)制定有关公共服务/m);
  });

  it('the features fixture: numbers read, its broken REF fields stay as LibreOffice computed them', async () => {
    const { extractOle } = await import('../../../electron/core/importers/ole-document');
    const doc = await extractOle(read('juece-word-features.doc'), 'juece-word-features.doc');
    expect(doc.warnings.join('\n')).not.toMatch(/自动编号/);
    const m = matchArticles('juece.md', doc.text);
    // the DOCX's REF fields name bookmarks it lacks: LibreOffice wrote "Error: Reference source not
    // found" as their result into the .doc, and Word shows the same; every other article is exact
    expect(m.mismatches.map((x) => x.label)).toEqual(['第十一条', '第十五条', '第三十五条', '第三十九条']);
    for (const x of m.mismatches) expect(x.got).toContain('Error: Reference source not found');
  });

  it('a .doc without lists is read as before; damaged list tables give the warning, never a throw', async () => {
    const { extractOle } = await import('../../../electron/core/importers/ole-document');
    const { readDocBodyExtras } = await import('../../../electron/core/importers/doc-body');
    const plain = await extractOle(read('juece-libreoffice.doc'), 'juece-libreoffice.doc');
    expect(plain.warnings.join('\n')).not.toMatch(/自动编号/);
    expect(matchArticles('juece.md', plain.text).matched).toBe(44);
    const CFB = (await import('cfb')).default;
    const file = CFB.read(Buffer.from(read('juece-word-lists.doc')), { type: 'buffer' });
    const word = Uint8Array.from(CFB.find(file, 'WordDocument')!.content as ArrayLike<number>);
    const table = Uint8Array.from(CFB.find(file, (word[0x0b]! & 2) ? '1Table' : '0Table')!.content as ArrayLike<number>);
    expect(readDocBodyExtras(word, table).labels.size).toBeGreaterThan(44);
    expect(readDocBodyExtras(word, table).listsRead).toBe(true);
    // the table stream cut short, or garbage: no labels, no exception
    // list levels that do not fit their stream (the first LVL overwritten with 0xFF: its number text
    // would be 65,535 characters): the text is read, the labels are not, and the import says numbers may be missing
    const dv = new DataView(word.buffer, word.byteOffset, word.byteLength);
    const fcLcb = 0x22 + dv.getUint16(0x20, true) * 2 + 2 + dv.getUint16(0x22 + dv.getUint16(0x20, true) * 2, true) * 4 + 2;
    const lvls = dv.getUint32(fcLcb + 73 * 8, true) + dv.getUint32(fcLcb + 73 * 8 + 4, true);
    const broken = Uint8Array.from(table);
    broken.fill(0xff, lvls, lvls + 64);
    const which = (word[0x0b]! & 2) ? '1Table' : '0Table';
    CFB.find(file, which)!.content = Buffer.from(broken);
    const damaged = await extractOle(new Uint8Array(CFB.write(file, { type: 'buffer' }) as Buffer), 'damaged.doc');
    expect(damaged.warnings.join('\n')).toMatch(/自动编号.*另存为 \.docx/);
    expect(damaged.text).toContain('为了健全科学、民主、依法决策机制');
    for (const t of [table.subarray(0, table.length >> 1), new Uint8Array(table.length).fill(0xff), new Uint8Array(0)]) {
      expect(readDocBodyExtras(word, t)).toMatchObject({ listsRead: false });
      expect(readDocBodyExtras(word, t).labels.size).toBe(0);
    }
  });
});

describe('Word\'s hyphen marks and tabs, .doc as .docx', () => {
  // word-marks/: make-word-marks.py writes the DOCX (w:noBreakHyphen in "GB/T 19001-2016" and "2024-2026",
  // w:softHyphen inside words, a tab between 落款 and date); LibreOffice saved it as Word 97.
  it('a non-breaking hyphen is a hyphen and an optional hyphen nothing, in both formats', async () => {
    const { extractOle } = await import('../../../electron/core/importers/ole-document');
    const doc = await extractOle(read('word-marks/word-marks.doc'), 'word-marks.doc');
    const docx = await extractDocx(read('word-marks/word-marks.docx'), 'word-marks.docx');
    expect(doc.text).toContain('依据GB/T 19001-2016及有关规定');
    expect(doc.text).toContain('适用于2024-2026年度');
    // before: "营业undefined执照" (word-extractor has no entry for 0x1F) and "190012016"
    expect(doc.text).toContain('营业执照复印件和研发项目说明书');
    expect(doc.text).not.toContain('undefined');
    expect(doc.text).toBe(docx.text);
  });
});
