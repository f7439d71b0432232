// A rule finding is lowered only by a stated basis that resolves in the library and speaks of what
// the sentence sets: a made-up title, an article the law lacks, or an article about something else
// keeps 必须修改 and says why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../../electron/shared/law-model';
import { precheck } from '../../../electron/core/review/precheck';
import { loadRuleSet } from '../../../electron/core/review/review-rules';
import { RULES, makeReviewLibrary, type ReviewLibrary } from './review-test-support';

let lib: ReviewLibrary;
const rules = loadRuleSet(RULES);
beforeAll(async () => {
  lib = await makeReviewLibrary();
});
afterAll(() => lib?.cleanup());

function article(n: number, text: string): Article {
  const label = `第${'一二三四五六七八九十'[n - 1]}条`;
  return { key: String(n), kind: 'article', number: n, suffix: 0, label, path: [], paragraphs: [], text } as Article;
}

function penalty(text: string) {
  const r = precheck(lib.store, { title: '高青县科技服务机构管理办法', units: [article(1, text), article(2, '本办法自2026年4月1日起施行，有效期二年。')], kind: '规范性文件', asOf: '2026-03-01' }, { rules });
  return r.findings.find((f) => f.rule === 'penalty-create')!;
}

describe('a stated basis lowers a 罚款 finding only when it resolves and authorises fines', () => {
  it('a real article that provides for fines (统计法 第四十五条): lowered to 需核实, naming it', () => {
    const f = penalty('统计调查对象迟报统计资料的，由县统计局依照《中华人民共和国统计法》第四十五条的规定责令改正，给予警告，可以并处一千元以下的罚款。');
    expect(f.severity).toBe('需核实');
    expect(f.hint).toContain('《中华人民共和国统计法》（2024年修正）第四十五条');
  });

  it('a whole law cited that provides for fines somewhere (行政处罚法): lowered', () => {
    expect(penalty('违反本办法规定的，由县科学技术局依照《中华人民共和国行政处罚法》的规定处以罚款。').severity).toBe('需核实');
  });

  it('a made-up law in another sentence of the article: stays 必须修改 and says it could not be verified', () => {
    const f = penalty('本条依据《高青县科技市场管理条例》制定。科技服务机构未按期报送年度报告的，由县科学技术局处以五千元罚款。');
    expect(f.severity).toBe('必须修改');
    expect(f.reason).toContain('《高青县科技市场管理条例》未能核实');
    expect(f.hint).toContain('不在资料库中');
  });

  it('an article number the law does not have (行政处罚法 has 86 articles): stays 必须修改', () => {
    const f = penalty('违反本办法第三条规定的，依照《中华人民共和国行政处罚法》第九十条的规定，处二千元以上一万元以下罚款。');
    expect(f.severity).toBe('必须修改');
    expect(f.reason).toMatch(/《中华人民共和国行政处罚法》第九十条未能核实（.*没有第九十条（共 86 条）/);
  });

  it('a real article that does not provide for fines (行政许可法 第十二条 lists what permits may be set): stays 必须修改', () => {
    const f = penalty('申请人隐瞒有关情况的，依照《中华人民共和国行政许可法》第十二条的规定，处以一万元罚款。');
    expect(f.severity).toBe('必须修改');
    expect(f.reason).toContain('没有关于“罚款”的规定');
  });

  it('a referral to 有关法律、法规 names no law: lowered, with a hint to find the basis', () => {
    const f = penalty('违反本办法规定的，由有关部门依照有关法律、法规的规定处以罚款。');
    expect(f.severity).toBe('需核实');
    expect(f.hint).toContain('没有写明具体依据');
  });

  it('a `skip` rule (增加义务) is reported when its only stated basis is made up', () => {
    const text = '根据《高青县科技信用管理规定》，弄虚作假的申报单位列入科技信用黑名单，三年内不得申报县级科技计划项目。';
    const r = precheck(lib.store, { title: '高青县科技计划项目管理办法', units: [article(1, text)], kind: '规范性文件', asOf: '2026-03-01' }, { rules });
    const f = r.findings.find((x) => x.rule === 'obligation-add')!;
    expect(f.reason).toContain('未能核实');
    const lawful = precheck(lib.store, { title: '高青县科技计划项目管理办法', units: [article(1, text.replace('《高青县科技信用管理规定》', '《中华人民共和国科学技术进步法》'))], kind: '规范性文件', asOf: '2026-03-01' }, { rules });
    expect(lawful.findings.filter((x) => x.rule === 'obligation-add')).toEqual([]);
  });
});

describe('an article number the law does not have, named against the latest version in the library', () => {
  const cite = (text: string) => precheck(lib.store, { title: '高青县科技服务机构管理办法', units: [article(1, text)], kind: '规范性文件', asOf: '2026-03-01' }, { rules }).findings.filter((f) => f.source === 'citation');

  it('第九十条 of 行政处罚法 (86 articles since 2021): 必须修改, naming that version and its count', () => {
    const [f] = cite('县科学技术局依照《中华人民共和国行政处罚法》第九十条的规定实施处罚。');
    expect(f).toMatchObject({ rule: 'citation-article-missing', severity: '必须修改' });
    expect(f!.reason).toContain('《中华人民共和国行政处罚法》（2021年公布的版本）共 86 条，没有第九十条，条文序号可能是修订前的');
  });

  it('a version the library lacks (2017年修正) with an article number past the latest: 必须修改, not only “版本不在资料库”', () => {
    const [f] = cite('依照《中华人民共和国行政处罚法》（2017年修正）第九十条的规定处理。');
    expect(f).toMatchObject({ rule: 'citation-article-missing', severity: '必须修改' });
    expect(f!.reason).toContain('共 86 条，没有第九十条');
    expect(f!.hint).toMatch(/资料库中没有.*2017年修正/);
  });

  it('a version the library lacks with an article the latest still has: 需核实 as before (it may be the same provision)', () => {
    const [f] = cite('依照《中华人民共和国行政处罚法》（2017年修正）第三十条的规定处理。');
    expect(f).toMatchObject({ rule: 'citation-version-missing', severity: '需核实' });
  });
});
