// Quote marks and brackets over a paragraph of OCR text (ocr-marks.ts), on sentences as chi_sim
// returned them for the fixture scans (every closing ” read as “) and on corpus sentences where
// the rule must leave the marks alone.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { correctParagraphMarks } from '../../../electron/core/importers/ocr-marks';
import { correctLine, layoutMixedPages, SUSPECT_CONFIDENCE } from '../../../electron/core/importers/ocr-text';
import type { OcrSymbol } from '../../../electron/core/importers/ocr-engine';

/** A laid-out text with its symbol stream (no spaces), every character read at 97. */
const fix = (text: string) => {
  const stream = text.replace(/\s/g, '');
  const out = correctParagraphMarks({ text, stream, confidence: [...stream].map(() => 97) }, SUSPECT_CONFIDENCE);
  const doubtful = [...out.stream].filter((_, j) => out.confidence[j]! < SUSPECT_CONFIDENCE).join('');
  return { text: out.text, stream: out.stream, doubtful };
};

describe('quote marks over a paragraph', () => {
  it('closes the quotes chi_sim read as opening ones, and marks what it changed', () => {
    const r = fix('第六条 现役军官转入预备役的，在其军衔前冠以“预备役“。现役军官退役的，其军衔予以保留，在其军衔前冠以“退役“。');
    expect(r.text).toBe('第六条 现役军官转入预备役的，在其军衔前冠以“预备役”。现役军官退役的，其军衔予以保留，在其军衔前冠以“退役”。');
    expect(r.stream).toBe(r.text.replace(/\s/g, ''));
    expect(r.doubtful).toBe('””');
    // alternation alone decides a pair with nothing around it that says which way it goes
    expect(fix('坚持以马克思列宁主义、毛泽东思想、邓小平理论、“三个代表“重要思想、科学发展观为指导。').text).toBe(
      '坚持以马克思列宁主义、毛泽东思想、邓小平理论、“三个代表”重要思想、科学发展观为指导。',
    );
  });

  it('closes a quoted sentence after its own 。 (宪法修正案: ……发展。”修改为：“……)', () => {
    const printed = '第五条 宪法第七条：“国营经济是社会主义全民所有制经济，是国民经济中的主导力量。国家保障国营经济的巩固和发展。”修改为：“国有经济，即社会主义全民所有制经济，是国民经济中的主导力量。国家保障国有经济的巩固和发展。”';
    expect(fix(printed).text).toBe(printed);
    expect(fix(printed).doubtful).toBe('');
    // as chi_sim reads it: every mark an opening one
    expect(fix(printed.replace(/”/g, '“')).text).toBe(printed);
  });

  it('changes no quote, title mark or 〔 of correct law text and highlights almost nothing (the fixture laws)', () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const n of readdirSync(d)) {
        const p = join(d, n);
        if (statSync(p).isDirectory()) walk(p);
        else if (n.endsWith('.md')) files.push(p);
      }
    };
    walk(join(import.meta.dirname, '../../fixtures/laws'));
    let chars = 0;
    let changed = 0;
    let highlighted = 0;
    for (const f of files) {
      const md = readFileSync(f, 'utf8');
      const text = (md.split('<!-- INFO END -->')[1] ?? md).split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')).join('\n');
      const stream = text.replace(/\s/g, '');
      const out = correctParagraphMarks({ text, stream, confidence: [...stream].map(() => 99) }, SUSPECT_CONFIDENCE);
      chars += stream.length;
      // (a half-width bracket pair around Chinese becomes full-width by design, as on one line)
      for (let j = 0; j < stream.length; j++) {
        if (/[()]/.test(stream[j]!)) continue;
        if (out.stream[j] !== stream[j]) changed++;
        if (out.confidence[j]! < SUSPECT_CONFIDENCE) highlighted++;
      }
    }
    expect(files.length).toBeGreaterThan(10);
    expect(chars).toBeGreaterThan(100_000);
    expect(changed).toBe(0);
    expect(highlighted / chars).toBeLessThan(0.001);
  });

  it('highlights where a quote was lost instead of guessing it', () => {
    // the closing ” of 严重危害 was lost: nothing is changed, the quoted stretch is highlighted
    const lost = fix('第二条 生产、销售不符合食品安全标准的食品，具有下列情形之一的，应当认定为刑法第一百四十三条规定的“对人体健康造成严重危害：');
    expect(lost.text).toContain('规定的“对人体健康造成严重危害：');
    expect(lost.doubtful).toBe('对人体健康造成严重危害');
    // the opening “ of 空军 was lost: the closing one before 。 is set, the stretch before it highlighted
    const opening = fix('海军、空军军官在军衔前分别冠以“海军”、空军“。');
    expect(opening.text).toBe('海军、空军军官在军衔前分别冠以“海军”、空军”。');
    expect(opening.doubtful).toBe('空军”');
  });

  it('leaves nested ‘’ and 「」 alone and does not touch a straight quote in Latin text', () => {
    expect(fix('本条例所称“‘互联网+’政务服务“，是指依托一体化平台提供的服务。').text).toBe('本条例所称“‘互联网+’政务服务”，是指依托一体化平台提供的服务。');
    const corner = fix('建立政府主导、「企业主体」、公众参与的综合治理模式。');
    expect(corner.text).toBe('建立政府主导、「企业主体」、公众参与的综合治理模式。');
    expect(corner.doubtful).toBe('');
    expect(fix('the "A" model').text).toBe('the "A" model');
    expect(fix("the user's \"A\" model").text).toBe("the user's \"A\" model");
    // ‘’ alternate on their own, inside the “”: a closing ’ read as ‘ is set too
    expect(fix('本条例所称“‘互联网+‘政务服务“，是指依托一体化平台提供的服务。').text).toBe('本条例所称“‘互联网+’政务服务”，是指依托一体化平台提供的服务。');
  });

  it('leaves a quotation over several paragraphs open where each paragraph opens with “ (刑法修正案)', () => {
    const text = [
      '二、在刑法第一百六十六条中增加一款作为第二款，将该条修改为：“国有公司、企业、事业单位的工作人员，利用职务便利，有下列情形之一，致使国家利益遭受重大损失的，处三年以下有期徒刑或者拘役，并处或者单处罚金：',
      '“（一）将本单位的盈利业务交由自己的亲友进行经营的；',
      '“（三）从自己的亲友经营管理的单位采购、接受不合格商品、服务的。',
      '“其他公司、企业的工作人员违反法律、行政法规规定，实施前款行为，致使公司、企业利益遭受重大损失的，依照前款的规定处罚。“',
    ].join('\n');
    const r = fix(text);
    expect(r.text).toBe(text.replace(/处罚。“$/, '处罚。”'));
    expect(r.doubtful).toBe('”');
  });

  it('keeps the page’s own text of a mixed document as printed', () => {
    const laid = layoutMixedPages([
      { lines: [{ page: 1, text: '第一条 本规定所称“单位“，包括机关、团体。', x0: 90, x1: 490, y: 700, size: 14, indented: false }] },
    ]);
    expect(laid?.text).toContain('“单位“');
  });
});

describe('brackets over a paragraph', () => {
  it('makes a 《 or 〔 closed by ） a （, and a pair split over lines full-width', () => {
    expect(fix('企业事业单位等〔以下统称公共数据提供单位)，在依法履行职责过程中收集和产生的各类数据《以下统称公共数据)，由主管部门汇聚。').text).toBe(
      '企业事业单位等（以下统称公共数据提供单位），在依法履行职责过程中收集和产生的各类数据（以下统称公共数据），由主管部门汇聚。',
    );
    // a title and a document number stay as they are
    const kept = '根据《中华人民共和国水文条例》和《山东省人民政府关于加强水资源管理的通知》（鲁政发〔2021〕3号），制定本条例。';
    expect(fix(kept).text).toBe(kept);
    expect(fix(kept).doubtful).toBe('');
  });

  it('puts back the 〈 〉 of a title inside a title, as the laws write it, and keeps （试行） and a bracket outside 《 》', () => {
    // liaocheng 第一条 and shengtai 第十条 (blind8) after correctLine: its 〈 taken for a misread （, 〉 read ) or >
    const read = fix('根据《山东省实施（中华人民共和国道路交通安全法）办法》等法律，符合《最高人民法院关于适用（中华人民共和国民事诉讼法>的解释》第九十四条');
    expect(read.text).toBe('根据《山东省实施〈中华人民共和国道路交通安全法〉办法》等法律，符合《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第九十四条');
    expect(read.doubtful).toBe('〈〉〈〉');
    const kept = '依照《北京市实施办法（试行）》和《中华人民共和国民法典》（以下简称民法典）的规定，参照本法（节约能源法）执行。';
    expect(fix(kept).text).toBe(kept);
  });
});

describe('one line', () => {
  const line = (text: string, conf = 97): OcrSymbol[] => [...text].map((ch) => ({ ch, conf }));
  const textOf = (s: OcrSymbol[]) => s.map((x) => x.ch).join('');
  const doubtful = (s: OcrSymbol[]) => s.filter((x) => x.conf < SUSPECT_CONFIDENCE).map((x) => x.ch).join('');

  it('makes a colon after a closing quote full-width', () => {
    expect(textOf(correctLine(line('应当认定为刑法第一百四十三条规定的“其他严重情节“:')))).toBe('应当认定为刑法第一百四十三条规定的“其他严重情节“：');
  });

  it('keeps a quote after a gap that pairs with a later one, and drops the full-width space after 第X条 read as “', () => {
    expect(textOf(correctLine(line('海军、空军军官在军衔前分别冠以“海军“、 “空军“。')))).toBe('海军、空军军官在军衔前分别冠以“海军“、 “空军“。');
    expect(textOf(correctLine(line('第六条 “现役军官转入预备役的，在其军衔前冠以“预备役“。')))).toBe('第六条 现役军官转入预备役的，在其军衔前冠以“预备役“。');
  });

  it('drops a seal’s marks standing apart after a sentence’s end and marks the sentence end', () => {
    const tail = (t: string) => [...line('提出调整意见，提请预备会议审议。'), ...[...t].map((ch) => ({ ch, conf: ch === ' ' ? 100 : 90 }))];
    expect(textOf(correctLine(tail(' |')))).toBe('提出调整意见，提请预备会议审议。');
    expect(doubtful(correctLine(tail(' |')))).toBe('。');
    expect(textOf(correctLine(tail(' - 会')))).toBe('提出调整意见，提请预备会议审议。');
    // an article that follows on the same line is text, not a seal
    expect(textOf(correctLine(tail(' 第二条')))).toBe('提出调整意见，提请预备会议审议。 第二条');
    expect(textOf(correctLine(tail(' 会')))).toBe('提出调整意见，提请预备会议审议。 会');
  });
});
