// Documents as a county office receives them (test/fixtures/documents/received/, made by
// make-received.ts from corpus laws with the chrome of the sites they come from): imported through
// buildVersion as the app does, every article must equal the Markdown source's, and the metadata the
// document states (its 信息公开 table, the database's field list, a copied text's 【…】 header) must
// come out. Before this suite (code of 676dc29): 343/347 articles, 11/29 metadata fields (7 files).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReceived, RECEIVED, receivedCases } from './received-check';
import { buildVersion } from '../../../electron/core/library/library-import';
import { cleanWebCopy } from '../../../electron/core/importers/plain-law-text';
import { dateOfField, inlineFields, metaFromFields } from '../../../electron/core/importers/document-metadata';

describe('documents as received: every article exact, the stated metadata read', () => {
  for (const [file, c] of receivedCases()) {
    it(file, async () => {
      const r = await checkReceived(file, c.source, c.meta);
      expect(r.error).toBeUndefined();
      expect(r.mismatches.slice(0, 3)).toEqual([]);
      expect(r.extra).toEqual([]);
      expect(r.meta.filter((m) => m.got !== m.expected)).toEqual([]);
    });
  }
});

describe('labelled fields', () => {
  it('reads the date shapes sites print and refuses impossible ones', () => {
    expect(dateOfField('2024年05月26日')).toBe('2024-05-26');
    expect(dateOfField('2021-12-10 16:32')).toBe('2021-12-10');
    expect(dateOfField('2015.8.29')).toBe('2015-08-29');
    expect(dateOfField('二〇二三年三月一日')).toBe('2023-03-01');
    expect(dateOfField('2021-13-10')).toBeUndefined();
    expect(dateOfField('见附件')).toBeUndefined();
  });

  it('checks each value for its field, first statement wins, 人大 shorthands written out', () => {
    const meta = metaFromFields([
      ['发文字号：', '鲁政办发〔2023〕12号'],
      ['发 布 机 构', '山东省人大常委会'],
      ['成文日期', '2023年4月3日'],
      ['发布日期：', '（空）'],
      ['文号', '无'],
      ['实施日期', '2023-05-01'],
      ['标　　题：', '山东省人民政府办公厅关于印发某办法的通知'],
    ]);
    expect(meta).toEqual({
      docNumber: '鲁政办发〔2023〕12号',
      issuer: '山东省人民代表大会常务委员会',
      published: '2023-04-03', // no usable 发布日期: the 成文日期
      effective: '2023-05-01',
      title: '山东省人民政府办公厅关于印发某办法的通知',
    });
  });

  it('finds fields inside a line of page furniture', () => {
    expect(inlineFields('发布时间：2023-04-10 09:12　来源：市科技局　浏览次数：88')).toEqual([['发布时间', '2023-04-10']]);
    expect(inlineFields('【发文字号】 淄政发〔2022〕7号')).toEqual([['发文字号', '淄政发〔2022〕7号']]);
    expect(inlineFields('第十条 发布日期不得晚于施行日期。')).toEqual([]);
  });
});

describe('text copied from a web page', () => {
  const copied = [
    '某市科技创新促进条例（2022年修订）',
    '【发布部门】某市人大常委会',
    '【发文字号】某市人民代表大会常务委员会公告第3号',
    '【时效性】现行有效',
    '某市科技创新促进条例',
    '　　第一章　总则<br/>',
    '　　第一条　为了促进科技创新，制定本条例。［1］',
    '【相关法规】',
    '《中华人民共和国科学技术进步法》第八条、第九条',
    '　　第二条　本条例适用于本市。价格为[2]元的，不在此限。',
    '',
    '［1］ 本条于2022年修改。',
    '版权所有 © 某数据库',
  ].join('\n');

  it('keeps the law, takes the labelled header as metadata, drops boxes, notes and tags', () => {
    const r = cleanWebCopy(copied);
    expect(r.text.split('\n').filter((l) => l.trim() !== '')).toEqual([
      '某市科技创新促进条例',
      '　　第一章　总则',
      '　　第一条　为了促进科技创新，制定本条例。',
      '　　第二条　本条例适用于本市。价格为[2]元的，不在此限。', // no note [2]: kept as written
    ]);
    expect(metaFromFields(r.fields)).toEqual({ issuer: '某市人民代表大会常务委员会', docNumber: '某市人民代表大会常务委员会公告第3号' });
    expect(r.removed).toEqual({ header: 3, boxes: 1, notes: 1, tags: 1, furniture: 0 });
  });

  it('drops page furniture above the title and below the last article, never a law line', () => {
    const page = ['您当前的位置：首页 > 政务公开', '【字体：大 中 小】', '某市条例', '第一条 为了规范管理，制定本条例。', '第二条 关闭、撤销的，打印、复制其档案。', '【打印本页】【关闭窗口】', '分享到：微信 微博', '上一篇：某市办法'].join('\n');
    const r = cleanWebCopy(page);
    expect(r.text.split('\n')).toEqual(['某市条例', '第一条 为了规范管理，制定本条例。', '第二条 关闭、撤销的，打印、复制其档案。']);
    expect(r.removed.furniture + r.removed.header).toBe(5);
  });

  it('leaves a plain law alone', () => {
    const plain = '某市条例\n\n第一条 为了规范管理，制定本条例。\n第二条 标题：不变。\n';
    expect(cleanWebCopy(plain).text).toBe(plain);
  });
});

describe('a table in a PDF attachment', () => {
  it('comes out as rows of cells, wrapped cells joined, so the appendix holds each cell whole', async () => {
    const file = 'gaoqing-zhuanfa.pdf';
    const { version } = await buildVersion(new Uint8Array(readFileSync(join(RECEIVED, file))), file, undefined, '2026-12-05T00:00:00.000Z', { ocr: false });
    const appendix = version.units.filter((u) => u.kind === 'appendix').map((u) => u.text).join('\n');
    expect(appendix.split('\n').filter((l) => l.startsWith('|'))).toEqual([
      '|序号|材料名称|份数|备注|',
      '|1|国家科学技术奖推荐书（纸质版）|一式三份|推荐单位负责人签字并加盖公章|', // 纸质 / 版）and 加 / 盖公章 were wrapped in their cells
      '|2|主要知识产权和标准规范等目录及证明材料|一份|附授权证书或者标准文本复印件|',
      '|3|应用证明和经济社会效益证明|复印件一份|应用单位出具，加盖公章|', // cells almost touching
      '|4|其他佐证材料|一份||',
    ]);
    // the 版记 under the table is not a row, nor the appendix's text: the document's closing lines
    expect(appendix).not.toContain('抄送');
    expect(appendix.endsWith('|4|其他佐证材料|一份||')).toBe(true);
  });
});

describe('a 红头 set in a text box (make-hongtou.py --textbox, LibreOffice → .docx and Word 97 .doc)', () => {
  // The 发文机关标志, 文号 and title in a text box anchored to the empty first paragraph, a seal's box
  // anchored in the signature. Before session 20 the .doc reader lost the first box: its title was
  // 第一章 总则 and the 文号 was gone (word-extractor keeps text boxes in a story of their own).
  for (const ext of ['doc', 'docx']) {
    it(`.${ext}: the box before the first article is the document's head, the seal's box is left out and counted`, async () => {
      const file = join(RECEIVED, `hongtou-textbox.${ext}`);
      const { version, warnings } = await buildVersion(readFileSync(file), file, undefined, '2026-12-06T00:00:00Z', { ocr: false });
      expect(version.title).toBe('重大行政决策程序暂行条例');
      expect(version.docNumber).toBe('高管发〔2020〕3号');
      expect(version.units.filter((u) => u.kind === 'article')).toHaveLength(44);
      expect(version.units.some((u) => u.text.includes('印章'))).toBe(false);
      expect(warnings).toContain('正文中的 1 个文本框（印章、批注或页边文字）未并入条文');
    });
  }
});

describe('text boxes in the header (make-hongtou.py --textbox --header-box, LibreOffice → Word 97 .doc, and as .wps)', () => {
  // The running header's words and a 密级 mark each in a text box anchored in the header: a .doc keeps
  // them in the header's own text-box story (ccpHdrTxbx, PlcfHdrtxbxTxt/PlcSpaHdr), apart from the
  // body's boxes. They are page furniture like the header itself: never in the law, counted with it.
  for (const name of ['hongtou-headerbox.doc', 'hongtou-headerbox.wps']) {
    it(`${name}: the body and its 红头 box exact, the header’s boxes kept apart and counted`, async () => {
      const bytes = readFileSync(join(RECEIVED, 'hongtou-headerbox.doc'));
      const { version, warnings } = await buildVersion(bytes, name, undefined, '2026-12-06T00:00:00Z', { ocr: false });
      expect(version.title).toBe('重大行政决策程序暂行条例');
      expect(version.docNumber).toBe('高管发〔2020〕3号');
      expect(version.units.filter((u) => u.kind === 'article')).toHaveLength(44);
      const all = version.units.map((u) => `${u.label ?? ''}${u.text}`).join('\n');
      expect(all).not.toContain('规范性文件');
      expect(all).not.toContain('内部资料');
      // footer "- N -" and the two header boxes
      expect(warnings).toContain('页眉页脚（3 行）未并入正文');
      expect(warnings).toContain('正文中的 1 个文本框（印章、批注或页边文字）未并入条文');
    });
  }
});

describe('the header boxes of the text-box 红头 printed to PDF (received/dizhen-hongtou-box.pdf)', () => {
  it('the removal warning quotes each box’s words whole, not shuffled together', async () => {
    // LibreOffice prints the two header boxes at one spot; before session 26 the warning read
    // 已去除页眉页脚“高新区管理内部资料委员会规范性文件”.
    const file = join(RECEIVED, 'dizhen-hongtou-box.pdf');
    const { warnings } = await buildVersion(readFileSync(file), file, undefined, '2026-12-06T00:00:00Z', { ocr: false });
    expect(warnings).toContain('已去除页眉页脚“高新区管理委员会规范性文件内部资料”7 处');
  });
});

/** A received .doc's container, its WordDocument stream and where the FIB's (fc, lcb) pairs start, for crafted variants. */
async function wordStream(name: string) {
  const CFB = (await import('cfb')).default;
  const bytes = readFileSync(join(RECEIVED, name));
  const file = CFB.read(bytes, { type: 'buffer' });
  const word = Uint8Array.from(CFB.find(file, 'WordDocument')!.content as ArrayLike<number>);
  const wdv = new DataView(word.buffer, word.byteOffset, word.byteLength);
  const csw = wdv.getUint16(0x20, true);
  return { CFB, bytes, file, word, wdv, fcLcbAt: 0x22 + csw * 2 + 2 + wdv.getUint16(0x22 + csw * 2, true) * 4 + 2 };
}

describe('header text boxes that do not fit the .doc (a damaged or crafted file)', () => {
  it('a header box story longer than the file, its tables pointing outside: the body and its own box read as ever, the header never in it', async () => {
    const { extractOle } = await import('../../../electron/core/importers/ole-document');
    const { CFB, bytes, word, wdv, fcLcbAt } = await wordStream('hongtou-headerbox.doc');
    expect(wdv.getUint32(0x68, true)).toBeGreaterThan(0); // ccpHdrTxbx: the header's boxes are there
    const variant = (edit: (dv: DataView) => void) => {
      const w = Uint8Array.from(word);
      edit(new DataView(w.buffer));
      const f = CFB.read(bytes, { type: 'buffer' });
      CFB.find(f, 'WordDocument')!.content = Buffer.from(w);
      return new Uint8Array(CFB.write(f, { type: 'buffer' }) as Buffer);
    };
    const variants: [string, Uint8Array][] = [
      ['ccpHdrTxbx 4 G', variant((dv) => dv.setUint32(0x68, 0xffff_ffff, true))],
      ['ccpHdrTxbx past the pieces', variant((dv) => dv.setUint32(0x68, 1_000_000, true))],
      ['the body boxes’ story length 0, the header’s covering both', variant((dv) => { dv.setUint32(0x68, dv.getUint32(0x64, true) + dv.getUint32(0x68, true), true); dv.setUint32(0x64, 0, true); })],
      ['PlcfHdrtxbxTxt longer than its stream', variant((dv) => dv.setUint32(fcLcbAt + 57 * 8 + 4, 0xffff_fff0, true))],
      ['PlcSpaHdr outside the stream', variant((dv) => dv.setUint32(fcLcbAt + 41 * 8, 0x7fff_fff0, true))],
    ];
    for (const [what, doc] of variants) {
      const got = await extractOle(doc, `${what}.doc`);
      expect(got.text, what).not.toContain('规范性文件');
      expect(got.text, what).not.toContain('内部资料');
      expect(got.text, what).toContain('第一条 为了健全科学、民主、依法决策机制');
      expect(got.text.match(/^第[一二三四五六七八九十]+条/gm)?.length, what).toBe(44);
    }
  });
});

describe('text-box tables that do not fit the .doc (a damaged or crafted file)', () => {
  it('box CPs past the story, anchors past the body, a table longer than its stream: the body is read as without boxes, never a throw', async () => {
    const { extractOle } = await import('../../../electron/core/importers/ole-document');
    const { CFB, bytes, file, word, wdv, fcLcbAt } = await wordStream('hongtou-textbox.doc');
    const which = (word[0x0b]! & 2) ? '1Table' : '0Table';
    const table = Uint8Array.from(CFB.find(file, which)!.content as ArrayLike<number>);
    const pair = (i: number) => ({ fc: wdv.getUint32(fcLcbAt + i * 8, true), lcb: wdv.getUint32(fcLcbAt + i * 8 + 4, true) });
    const spa = pair(40); // PlcSpaMom
    const txbx = pair(56); // PlcftxbxTxt
    expect(spa.lcb).toBeGreaterThan(0);
    expect(txbx.lcb).toBeGreaterThan(0);
    const rebuilt = (w: Uint8Array, t: Uint8Array) => {
      const f = CFB.read(bytes, { type: 'buffer' });
      CFB.find(f, 'WordDocument')!.content = Buffer.from(w);
      CFB.find(f, which)!.content = Buffer.from(t);
      return new Uint8Array(CFB.write(f, { type: 'buffer' }) as Buffer);
    };
    const cpsOf = (plc: { fc: number; lcb: number }, entry: number) => (plc.lcb - 4) / (4 + entry) + 1;
    const farCps = (plc: { fc: number; lcb: number }, entry: number) => {
      const t = Uint8Array.from(table);
      const dv = new DataView(t.buffer);
      for (let i = 0; i < cpsOf(plc, entry); i++) dv.setUint32(plc.fc + i * 4, 0x7fff_fff0 + i, true);
      return t;
    };
    const longer = Uint8Array.from(word);
    new DataView(longer.buffer).setUint32(fcLcbAt + 56 * 8 + 4, 0xffff_fff0, true);
    const variants: [string, Uint8Array][] = [
      ['box CPs past the story', rebuilt(word, farCps(txbx, 22))],
      ['anchors past the body', rebuilt(word, farCps(spa, 26))],
      ['a table longer than its stream', rebuilt(longer, table)],
    ];
    for (const [what, doc] of variants) {
      const got = await extractOle(doc, `${what}.doc`);
      // the body as before text boxes were read: its first line is a heading, no 红头
      expect(got.text, what).not.toContain('高管发〔2020〕3号');
      expect(got.text, what).toContain('第一条 为了健全科学、民主、依法决策机制');
      expect(got.text.match(/^第[一二三四五六七八九十]+条/gm)?.length, what).toBe(44);
    }
  });
});
