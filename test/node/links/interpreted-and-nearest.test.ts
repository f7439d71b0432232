// Session 18: references that point at another law than the nearest title suggests, on real sentences.
// - a 司法解释's bare 第X条 that it lacks (or whose 款 its own article lacks) is the interpreted law's: the
//   婚姻法 解释（一） 第二十二条 “符合第三十二条第三款规定” was linked to the 解释's own 第三十二条 (one 款);
// - 依照《刑事诉讼法》第一百零一条…对本规定第二条…，对第四条: the article cited last (本规定) names the law;
// - a name written inside a longer title the library lacks and the corpus does not list (行政监察法 in a library of
//   监察法) is not the shorter law;
// - 该法 is the last law named before it, held or not (never an older one behind a title the library lacks).
// Laws from the corpus in test/fixtures/links/interpreted (婚姻法解释（一）, 监察法 2018, 企业破产法 2006) and the
// held-out library (test/fixtures/links/heldout/laws).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LibraryTargetResolver } from '../../../electron/core/links/link-resolver';
import { detectCitations } from '../../../electron/core/records/citation-detect';
import { ROOT, lawIdOf, makeLinkLibrary, type LinkLibrary } from './links-test-support';

let lib: LinkLibrary;
let heldout: LinkLibrary;
beforeAll(async () => {
  lib = await makeLinkLibrary([join(ROOT, 'test/fixtures/links/interpreted')]);
  heldout = await makeLinkLibrary([join(ROOT, 'test/fixtures/links/heldout/laws')]);
}, 120_000);
afterAll(() => [lib, heldout].forEach((l) => l?.cleanup()));

/** Each mention as the link graph reads it (law title + label), or ✗label（reason）. */
function graph(l: LinkLibrary, text: string, date: string, near?: string): string[] {
  const nearId = near ? lawIdOf(l.store, near) : undefined;
  return detectCitations(l.store, text, date, nearId, new LibraryTargetResolver(l.store)).mentions.map((m) =>
    m.target ? `${l.store.law(m.target.lawId)!.title} ${m.label}` : `✗${m.label}（${m.reason}）`,
  );
}
/** The same as a record's text is read. */
function records(l: LinkLibrary, text: string, date: string, near?: string): string[] {
  const nearId = near ? lawIdOf(l.store, near) : undefined;
  return detectCitations(l.store, text, date, nearId, undefined, { wholeLaws: true }).mentions.map((m) =>
    m.citation ? `${l.store.law(m.citation.lawId)!.title} ${m.label}` : `✗${m.label}（${m.reason}）`,
  );
}

const MARRIAGE = '最高人民法院关于适用《中华人民共和国婚姻法》若干问题的解释（一）';

describe('a 司法解释’s bare article', () => {
  it('whose 款 its own article lacks is the interpreted law’s: no link when the library lacks 婚姻法', () => {
    const text = '人民法院审理离婚案件，符合第三十二条第三款规定“应准予离婚”情形的，不应当因当事人有过错而判决不准离婚。';
    for (const read of [graph, records]) {
      const [m, ...rest] = read(lib, text, '2001-12-27', MARRIAGE);
      expect(rest).toEqual([]);
      expect(m).toMatch(/^✗第三十二条/);
      expect(m).toContain('所解释的《婚姻法》');
    }
  });

  it('that is its own (本解释第五条) is still its own', () => {
    const text = '未按婚姻法第八条规定办理结婚登记而以夫妻名义共同生活的男女，一方死亡，另一方以配偶身份主张享有继承权的，按照本解释第五条的原则处理；';
    expect(graph(lib, text, '2001-12-27', MARRIAGE)).toEqual([expect.stringMatching(/^✗第八条/), `${MARRIAGE} 第五条`]);
  });

  it('in a 罪名 table of no articles is the 刑法’s (最高人民检察院关于适用刑法分则规定的犯罪的罪名的意见)', () => {
    const text = '250．组织他人偷越国（边）境罪（第318条） 251．骗取出境证件罪（第319条）';
    expect(graph(heldout, text, '1997-12-25', '最高人民检察院关于适用刑法分则规定的犯罪的罪名的意见')).toEqual(['中华人民共和国刑法 第三百一十八条', '中华人民共和国刑法 第三百一十九条']);
  });
});

describe('the nearest reference names the law', () => {
  it('依照《刑事诉讼法》第一百零一条…对本规定第二条…，对第四条、第五条第一款、第六条: 本规定’s articles', () => {
    const text =
      '根据《中华人民共和国刑事诉讼法》第一百零一条第一款的规定，被害人或其法定代理人、近亲属对本规定第二条因单位犯罪行为造成经济损失的，对第四条、第五条第一款、第六条应当承担刑事责任的被告人未能返还财物而遭受经济损失提起附带民事诉讼的，受理刑事案件的人民法院应当依法一并审理。';
    const own = '最高人民法院关于在审理经济纠纷案件中涉及经济犯罪嫌疑若干问题的规定';
    expect(graph(heldout, text, '2021-01-01', own)).toEqual([
      '中华人民共和国刑事诉讼法 第一百零一条',
      `${own} 第二条`,
      `${own} 第四条`,
      `${own} 第五条`,
      `${own} 第六条`,
    ]);
  });
});

describe('a name inside a longer title', () => {
  it('行政监察法 (not in the library nor in the corpus’s list) is not 监察法, bare or in 《》', () => {
    const text = '监察机关依照行政监察法的规定，对地方各级人民政府和政府部门及其工作人员履行安全监督管理职责实施监察。';
    const d = detectCitations(lib.store, text, '2001-04-21');
    expect(d.laws.filter((l) => l.lawId)).toEqual([]);
    const quoted = detectCitations(lib.store, '监察机关对违法违纪的行政机关公务员的调查、处理，依照《中华人民共和国行政监察法》规定的程序办理。', '2007-06-01');
    expect(quoted.laws.filter((l) => l.lawId)).toEqual([]);
    // the law's own name written bare is still itself
    expect(detectCitations(lib.store, '依照监察法第十五条的规定', '2019-01-01').mentions.map((m) => m.citation?.lawId)).toEqual([lawIdOf(lib.store, '监察法')]);
  });
});

describe('该法', () => {
  it('is the law named right before it (企业破产法 施行…该法第十八条)', () => {
    const text = '清算组在企业破产法施行前未通知或者答复未履行完毕合同的对方当事人解除或者继续履行合同的，从企业破产法施行之日起计算，在该法第十八条第一款规定的期限内未通知或者答复的，视为解除合同。';
    expect(records(lib, text, '2007-06-01')).toEqual(['中华人民共和国企业破产法 第十八条']);
  });

  it('after a title the library lacks is that law, not an older one named before it', () => {
    const text = '依照《中华人民共和国企业破产法》第一百一十三条清偿后，合同的效力适用《中华人民共和国合同法》的规定，该法第五十八条所称的财产返还请求权不受影响。';
    const out = records(lib, text, '2008-01-01');
    expect(out[0]).toBe('中华人民共和国企业破产法 第一百一十三条');
    expect(out.find((m) => m.includes('第五十八条'))).toMatch(/^✗第五十八条（“该法”指前面的《中华人民共和国合同法》/);
  });
});

describe('本法 in an office’s text (no law of its own)', () => {
  it('is the last 法 named before it, held or not', () => {
    expect(records(lib, '依照《中华人民共和国企业破产法》第十八条的规定，管理人有权决定解除合同；本法第一百一十三条规定了清偿顺序。', '2008-01-01')).toEqual([
      '中华人民共和国企业破产法 第十八条',
      '中华人民共和国企业破产法 第一百一十三条',
    ]);
    const out = records(lib, '依照《中华人民共和国企业破产法》第十八条的规定解除合同后，合同的效力适用《中华人民共和国合同法》，本法第五十八条规定了返还财产。', '2008-01-01');
    expect(out[0]).toBe('中华人民共和国企业破产法 第十八条');
    expect(out.find((m) => m.includes('第五十八条'))).toMatch(/^✗第五十八条（“本法”指前面的《中华人民共和国合同法》/);
  });
});

