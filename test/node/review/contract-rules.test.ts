// The contract rules (resources/review-rules/30-contract.json, contract-checks.ts) on real contract
// wording, both ways: each rule on the ways offices write the clause, and on the lawful clauses
// next to it that must stay quiet; then the contract drafts of test/fixtures/drafts, their planted
// problems and their clean clauses, and the bases as article versions of the library.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../../electron/shared/law-model';
import { parseDraftFile } from '../../../electron/core/review/draft-store';
import { sentencesOf } from '../../../electron/core/review/draft-sentences';
import { parseAmount, penaltyRates } from '../../../electron/core/review/contract-checks';
import { precheck } from '../../../electron/core/review/precheck';
import { loadRuleSet, matchSentenceRule, parseRuleFile, ruleFitsDocument, type SentenceRule } from '../../../electron/core/review/review-rules';
import { DRAFTS, RULES, draftFixtures, makeReviewLibrary, type ReviewLibrary } from './review-test-support';

let lib: ReviewLibrary;
const rules = loadRuleSet(RULES);
beforeAll(async () => {
  lib = await makeReviewLibrary(undefined, { contracts: true });
});
afterAll(() => lib?.cleanup());

function sentenceRule(id: string): SentenceRule {
  const r = rules.rules.find((x) => x.id === id);
  if (!r || r.scope === 'document') throw new Error(`no sentence rule ${id}`);
  return r;
}
function fires(id: string, text: string, doc = text): boolean {
  const r = sentenceRule(id);
  return ruleFitsDocument(r, doc) && sentencesOf({ key: '1', label: '第一条', text }).some((s) => !!matchSentenceRule(r, s));
}

const units = (texts: string[]): Article[] =>
  texts.map((text, i) => ({ key: String(i + 1), kind: 'article' as const, number: i + 1, suffix: 0, label: `第${'一二三四五六七八九十'[i]}条`, path: [], paragraphs: [], text }));

/** The findings of one rule on a contract made of these articles (and header lines). */
function run(id: string, texts: string[], opts: { title?: string; header?: string[] } = {}) {
  const r = precheck(lib.store, { title: opts.title ?? '技术服务合同', units: units(texts), header: opts.header ?? [], kind: '合同', asOf: '2026-03-01' }, { rules });
  return r.findings.filter((f) => f.rule === id);
}

describe('contract sentence rules: the wordings offices use, and the lawful clause beside them', () => {
  const cases: [string, string[], string[]][] = [
    [
      'contract-unilateral-change',
      ['甲方有权根据工作需要随时解除本合同。', '甲方可以视工作情况单方调整服务内容和考核指标。', '委托方保留单方面变更合同条款的权利。', '采购人有权根据实际需要自行变更服务范围，供应商应当无条件服从。', '甲方无需经乙方同意即可变更项目任务。', '县科技局可视项目进展情况调整或终止项目，项目承担单位应无条件执行。', '甲方可以根据财政预算安排情况调整或者取消后续拨款。'],
      ['经双方协商一致，可以变更本合同。', '乙方逾期交付超过30日的，甲方有权解除本合同。', '乙方擅自变更项目负责人的，甲方可以单方解除合同。', '甲方有权对乙方的履约情况进行监督检查。', '任何一方变更联系人的，应当书面通知对方。', '县科技局应当根据项目进展情况及时拨付补助资金。', '县科技局可以根据绩效评价结果确定下一年度的支持方式。', '甲方可以根据乙方的履约情况调整付款进度。', '项目验收不合格的，甲方有权终止合同并收回已拨付经费。', '任何一方不得擅自变更或者解除本合同。', '甲方有权对项目经费使用情况进行检查。'],
    ],
    [
      'contract-exemption',
      ['甲方不承担任何责任。', '项目实施中发生的一切事故与甲方无关。', '对乙方人员在服务中受到的伤害，甲方概不负责。', '甲方对平台运行中出现的问题不负任何赔偿责任。', '乙方同意免除甲方的一切责任。', '因年度预算调整甲方迟延付款的，甲方不承担违约责任。', '甲方延期拨付项目经费的，不承担违约责任。'],
      ['因不可抗力不能履行合同的，根据不可抗力的影响，部分或者全部免除责任。', '乙方侵犯第三方知识产权的，由乙方承担责任，甲方不承担任何责任。', '法律另有规定的除外。', '乙方应当对其提供的资料的真实性负责。', '因甲方逾期付款导致乙方延期交付的，乙方不承担违约责任。', '因甲方迟延付款致使乙方未能按期完成的，不承担违约责任。', '乙方逾期支付的，甲方不承担由此产生的费用。'],
    ],
    [
      'contract-interpretation',
      ['本合同最终解释权归甲方。', '本协议的解释权属于高青县科学技术局。', '合同条款有歧义的，以甲方的解释为准。', '本合同未尽事宜，由县科技局负责解释。'],
      ['本合同未尽事宜，由双方另行协商。', '对本合同条款的理解有争议的，按照通常的理解予以解释。', '乙方应当向甲方解释项目经费的使用情况。'],
    ],
    [
      'contract-jurisdiction',
      ['协商不成的，由甲方指定的人民法院管辖。', '因本合同发生的纠纷，由淄博市中级人民法院管辖。', '双方同意由甲方选择的法院诉讼解决。', '任何一方均可向任何有管辖权的人民法院起诉。'],
      ['协商不成的，向甲方住所地人民法院提起诉讼。', '协商不成的，由合同签订地人民法院管辖。', '协商不成的，依法向人民法院起诉。'],
    ],
    [
      'contract-prepay-full',
      ['合同签订后10个工作日内，甲方一次性支付全部合同价款。', '本合同生效后五日内甲方付清全部服务费。', '甲方在合同签订后预付合同总价款的100%。', '合同签订后七日内甲方一次性付清合同款。', '本合同生效后五个工作日内，甲方向乙方全额拨付项目经费。'],
      ['合同签订后10个工作日内，甲方支付合同总价款的30%作为预付款。', '验收合格后10个工作日内，甲方一次性支付全部合同价款。', '合同签订后支付全部价款的百分之三十，验收合格后支付其余价款。', '合同签订后七日内，甲方全额支付首期款二十万元。', '验收合格之日起十日内，甲方全额支付合同价款。'],
    ],
    [
      'contract-signature',
      ['本合同经双方经办人签字后生效。', '本合同自双方签字之日起生效。', '本协议由甲方科室负责人签字即生效。', '本合同经甲方项目管理人员签字后即生效。'],
      ['本合同自双方法定代表人或者其授权代表签字并加盖公章之日起生效。', '本合同自双方签字盖章之日起生效。', '本合同经双方授权代表签字并加盖合同专用章后生效。', '本合同由双方法定代表人签字后生效。', '项目负责人应当在任务书上签字。'],
    ],
  ];
  for (const [id, hits, misses] of cases) {
    for (const hit of hits) it(`${id} fires on “${hit}”`, () => expect(fires(id, hit)).toBe(true));
    for (const miss of misses) it(`${id} stays quiet on “${miss}”`, () => expect(fires(id, miss)).toBe(false));
  }

  it('contract-ip-fiscal reads the whole contract: a funded 科技项目 yes, a 委托开发 contract the office pays for no', () => {
    const funded = '高青县科技计划项目任务合同书。甲方资助乙方项目经费50万元。';
    for (const s of ['项目形成的知识产权归甲方所有，乙方不得自行实施或者许可他人实施。', '项目研发形成的专利、软件著作权等科技成果全部归资助方所有。', '项目承担单位不得将项目成果转让或者作价投资。']) {
      expect(fires('contract-ip-fiscal', s, funded + s)).toBe(true);
    }
    for (const s of ['项目形成的知识产权由乙方依法取得，甲方可以依法无偿实施。', '为了国家安全的需要，项目成果归甲方所有。']) expect(fires('contract-ip-fiscal', s, funded + s)).toBe(false);
    // buying equipment with the grant does not make the project a purchase
    const equipment = funded + '资助经费用于购买中试设备。';
    expect(fires('contract-ip-fiscal', '项目形成的知识产权归甲方所有。', equipment + '项目形成的知识产权归甲方所有。')).toBe(true);
    const purchase = '科普展品采购合同。采购人：高青县科学技术局；供应商：山东博览展示工程有限公司。项目经费由县财政资金安排。';
    expect(fires('contract-ip-fiscal', '展品设计的著作权归甲方所有。', purchase)).toBe(false);
    const commissioned = '技术开发（委托）合同。甲方委托乙方开发平台软件，支付研究开发经费和报酬48万元。';
    expect(fires('contract-ip-fiscal', '委托开发完成的软件著作权归甲方所有。', commissioned)).toBe(false);
    // …unless the contract says the development is a 科技计划 project (科学技术进步法 第三十二条 covers it, whatever the form)
    const planProject = '技术开发（委托）合同。项目名称：耐盐大豆品种选育关键技术研究。本项目使用县级科技计划财政资金。';
    expect(fires('contract-ip-fiscal', '本项目形成的植物新品种权、专利权等知识产权及相关技术秘密均归甲方所有。', planProject)).toBe(true);
    expect(fires('contract-ip-fiscal', '本项目形成的知识产权由乙方依法取得。', planProject)).toBe(false);
  });

  it('the contract rules look at contracts only', () => {
    const r = precheck(lib.store, { title: '高青县科技创新券管理办法', units: units(['本办法最终解释权归县科学技术局。', '县科学技术局有权根据工作需要随时调整补助标准。']), kind: '规范性文件', asOf: '2026-03-01' }, { rules });
    expect(r.findings.filter((f) => f.rule.startsWith('contract-'))).toEqual([]);
  });
});

describe('违约金 read from its wording', () => {
  const t = /违约金/u;
  it('reads 百分之三十, 30%, 30 ％, 双倍, 千分之五, 万分之五, 0.05%, 百分之零点五', () => {
    expect(penaltyRates('违约金为合同总价款的百分之三十。', t)).toEqual([{ rate: 0.3, daily: false, written: '百分之三十' }]);
    expect(penaltyRates('乙方应当按合同总价的30%支付违约金。', t)[0]).toMatchObject({ rate: 0.3, daily: false });
    expect(penaltyRates('乙方应当按合同总价的30 ％支付违约金。', t)[0]!.rate).toBeCloseTo(0.3);
    expect(penaltyRates('乙方应当支付合同价款双倍的违约金。', t)[0]).toMatchObject({ rate: 2 });
    expect(penaltyRates('每逾期一日，按合同总价款的千分之五支付违约金。', t)[0]).toMatchObject({ rate: 0.005, daily: true });
    expect(penaltyRates('逾期的，按日万分之五支付违约金。', t)[0]).toMatchObject({ rate: 0.0005, daily: true });
    expect(penaltyRates('逾期付款的，每天按应付金额的0.05%支付违约金。', t)[0]!.rate).toBeCloseTo(0.0005);
    expect(penaltyRates('每逾期一天，按合同价款的百分之零点五支付违约金。', t)[0]).toMatchObject({ rate: 0.005, daily: true });
    expect(parseAmount('壹佰捌拾')).toBe(180);
    expect(parseAmount('十二点五')).toBe(12.5);
  });
  it('a cap or a total is not a daily rate', () => {
    expect(penaltyRates('违约金累计不超过合同总价款的百分之三十。', t)).toEqual([]);
    const r = penaltyRates('每逾期一日，按未交付部分价款的万分之五支付违约金，违约金总额为合同价款的百分之十。', t);
    expect(r).toEqual([
      { rate: 0.0005, daily: true, written: '万分之五' },
      { rate: 0.1, daily: false, written: '百分之十' },
    ]);
  });

  it('contract-excessive-penalty fires above 20 % of the price or 万分之五 a day, with the rate in the reason', () => {
    const id = 'contract-excessive-penalty';
    for (const s of ['违约金为合同总价款的百分之三十。', '乙方违约的，应当向甲方支付合同总金额30%的违约金。', '每逾期一日，乙方应当按合同总价款的千分之五支付违约金。', '乙方逾期交付的，每逾期一天按合同价款的0.5%支付违约金。', '乙方应当支付合同价款双倍的违约金。', '乙方每延迟交货一天，应按合同总额的1%向甲方偿付违约金。']) {
      expect(run(id, [s]).length, s).toBe(1);
    }
    const daily = run(id, ['乙方违反约定挪用经费的，应当按日支付挪用金额千分之五的违约金。'])[0]!;
    expect(daily.reason).toMatch(/^本条约定按日千分之五计付违约金（折合年利率约182\.5%），明显过高。约定的违约金过分高于/);
    for (const s of ['逾期的，按日万分之五支付违约金。', '乙方违约的，应当支付合同总价款百分之十的违约金。', '每逾期一日，按未交付部分价款的万分之三支付违约金，违约金累计不超过合同总价款的百分之十。', '甲方逾期付款的，应当支付违约金。', '甲方未按合同约定付款的，每延期一天按应付款的万分之五向乙方支付违约金。', '项目承担单位违约的，应当按照补助资金的20%支付违约金。']) {
      expect(run(id, [s]), s).toEqual([]);
    }
  });
});

describe('contract document checks', () => {
  it('contract-one-sided-liability: only one party pays for breach; quiet when both do or 任何一方', () => {
    const one = run('contract-one-sided-liability', ['乙方逾期交付的，应当向甲方支付违约金。', '乙方擅自转包的，甲方有权解除合同，乙方应当赔偿损失。', '甲方应当按期付款。']);
    expect(one.map((f) => f.article?.label)).toEqual(['第一条']);
    expect(one[0]!.reason).toContain('只约定了乙方的违约责任（第一条、第二条）');
    expect(run('contract-one-sided-liability', ['乙方逾期交付的，应当向甲方支付违约金。', '甲方逾期付款的，应当按日万分之五向乙方支付违约金。'])).toEqual([]);
    expect(run('contract-one-sided-liability', ['任何一方违反本合同约定的，应当承担违约责任。'])).toEqual([]);
    // 逾期付款的利息 is the payer's liability (held-out draft, session 17)
    expect(run('contract-one-sided-liability', ['乙方未按约定完成故障处理的，每逾期一日，按合同总价的万分之三向甲方支付违约金。甲方逾期付款的，按照逾期付款金额每日万分之三支付逾期利息。'])).toEqual([]);
    expect(run('contract-one-sided-liability', ['受托方逾期提交成果的，应当支付违约金。', '委托方应当按时支付报酬。'], { title: '技术咨询合同' })[0]!.reason).toContain('只约定了受托方');
    // liability for fault is liability (held-out 法律顾问合同, session 19)
    expect(run('contract-one-sided-liability', ['乙方因过错给甲方造成损失的，应当承担赔偿责任；甲方未按约定支付费用的，应当支付逾期付款利息。'])).toEqual([]);
  });

  it('contract-one-sided-liability is said from the office’s side: only the office bound asks for the other party’s liability (held-out 技术服务合同, session 20)', () => {
    const header = ['甲方：高青县科学技术局', '乙方：杭州某数据科技有限公司'];
    const onOffice = run('contract-one-sided-liability', ['甲方未按约定期限支付服务费的，每逾期一日，应当按照合同总价款的万分之五向乙方支付违约金。', '乙方提供的服务不符合约定的，应当在接到甲方通知后及时整改。'], { header });
    expect(onOffice[0]!.reason).toContain('只约定了甲方（本单位）的违约责任（第一条），没有约定乙方逾期履行、履行不符合约定时的违约责任');
    expect(onOffice[0]!.reason).not.toContain('逾期付款、逾期验收');
    expect(onOffice[0]!.suggestion).toMatch(/^补充乙方的违约责任/);
    // the other party bound, the office free: the office's own liability is the gap, as before
    const onOther = run('contract-one-sided-liability', ['乙方逾期交付的，应当向甲方支付违约金。', '甲方应当按期付款。'], { header });
    expect(onOther[0]!.reason).toContain('没有约定甲方违约（如逾期付款、逾期验收）时的责任');
    expect(onOther[0]!.suggestion).toMatch(/^补充己方的违约责任/);
  });

  it('contract-dispute-both / contract-arbitration-unnamed: read per article, award enforcement is not a forum', () => {
    expect(run('contract-dispute-both', ['因本合同发生的争议，双方协商解决；协商不成的，提交淄博仲裁委员会仲裁。', '任何一方也可以向人民法院起诉。'])).toEqual([]);
    expect(run('contract-dispute-both', ['因本合同发生的争议，双方协商解决；协商不成的，提交淄博仲裁委员会仲裁，或者向甲方住所地人民法院提起诉讼。'])).toHaveLength(1);
    expect(run('contract-dispute-both', ['争议由淄博仲裁委员会仲裁。一方不履行仲裁裁决的，另一方可以向人民法院申请执行。'])).toEqual([]);
    expect(run('contract-dispute-both', ['协商不成的，可以选择仲裁机构仲裁或者向人民法院起诉。'])).toHaveLength(1);
    expect(run('contract-dispute-both', ['协商不成的，双方可以选择仲裁或诉讼方式解决。'])).toHaveLength(1);
    expect(run('contract-dispute-both', ['协商不成的，通过诉讼方式解决。'])).toEqual([]);
    expect(run('contract-arbitration-unnamed', ['协商不成的，提交仲裁机构仲裁。'])).toHaveLength(1);
    expect(run('contract-arbitration-unnamed', ['协商不成的，提请当地仲裁机构仲裁解决。'])).toHaveLength(1);
    expect(run('contract-arbitration-unnamed', ['协商不成的，提交淄博仲裁委员会按照其仲裁规则仲裁。'])).toEqual([]);
    expect(run('contract-arbitration-unnamed', ['协商不成的，向甲方住所地人民法院提起诉讼。'])).toEqual([]);
  });

  it('clause-missing: 争议解决, 履行期限, 验收, 保密 and 成果归属, each only when the contract needs it', () => {
    const base = ['甲方委托乙方提供政策咨询服务。', '服务费用为人民币8万元，合同签订后支付。'];
    expect(run('contract-dispute-missing', base)).toHaveLength(1);
    expect(run('contract-dispute-missing', [...base, '因本合同发生的纠纷，双方协商解决；协商不成的，', '向甲方住所地人民法院起诉。'])).toHaveLength(1);
    expect(run('contract-dispute-missing', [...base, '因本合同发生的纠纷，双方协商解决；协商不成的，向甲方住所地人民法院起诉。'])).toEqual([]);

    expect(run('contract-term-missing', base)).toHaveLength(1);
    for (const term of ['服务期限为一年，自2026年4月1日起计算。', '服务期间：2026年4月1日至2027年3月31日。', '乙方应当在合同签订后三个月内完成全部服务。', '乙方应当于2026年9月30日前提交咨询报告。', '项目实施期限以附件《任务书》为准。']) {
      expect(run('contract-term-missing', [...base, term]), term).toEqual([]);
    }
    expect(run('contract-term-missing', [...base, '乙方服务期间应当遵守甲方的工作制度。'])).toHaveLength(1);

    const pay = run('contract-acceptance-missing', base);
    expect(pay.map((f) => f.article?.label)).toEqual(['第二条']);
    expect(run('contract-acceptance-missing', [...base, '甲方在服务完成后15日内组织验收。'])).toEqual([]);
    expect(run('contract-acceptance-missing', ['甲方委托乙方提供政策咨询服务。'])).toEqual([]);

    const tech = ['乙方为甲方开发专家库管理软件，交付源代码和技术文档。', '研究开发经费为人民币20万元，验收合格后支付。'];
    expect(run('contract-confidentiality-missing', tech, { title: '技术开发（委托）合同' })).toHaveLength(1);
    expect(run('contract-confidentiality-missing', [...tech, '双方对在合同履行中知悉的对方技术秘密负有保密义务。'], { title: '技术开发（委托）合同' })).toEqual([]);
    expect(run('contract-confidentiality-missing', base, { title: '咨询服务合同' })).toEqual([]);
    expect(run('contract-ownership-missing', tech, { title: '技术开发（委托）合同' })).toHaveLength(1);
    expect(run('contract-ownership-missing', [...tech, '开发完成的软件著作权归甲方所有。'], { title: '技术开发（委托）合同' })).toEqual([]);
    // a 科技计划项目 the contract only evaluates is no research it commissions (session 19); one it funds is
    const evaluation = ['甲方委托乙方对2026年度县级科技计划项目资金开展绩效评价。', '委托费用为人民币12万元，验收合格后支付。'];
    expect(run('contract-ownership-missing', evaluation, { title: '绩效评价委托合同' })).toEqual([]);
    expect(run('contract-ownership-missing', ['乙方承担县级科技计划项目“耐盐大豆选育”的研究任务。', '项目经费30万元，验收合格后拨付。'], { title: '项目任务合同书' })).toHaveLength(1);

    // a 机关 commissioning 运维 of a platform or database: 数据安全法 第四十条; a company's own contract is not its duty
    const ops = ['乙方负责平台服务器、数据库和应用系统的日常运行维护和数据备份。', '服务费用为人民币20万元，验收合格后支付。'];
    const agency = ['甲方：高青县科学技术局', '乙方：淄博某信息技术有限公司'];
    const found = run('contract-data-security-missing', ops, { title: '平台运维服务合同', header: agency });
    expect(found).toHaveLength(1);
    expect(found[0]!.bases.map((b) => b.citation)).toEqual([expect.stringContaining('数据安全法》第四十条'), expect.stringContaining('第五百零一条')]);
    expect(run('contract-data-security-missing', [...ops, '乙方不得擅自留存、使用、泄露或者向他人提供平台数据。'], { title: '平台运维服务合同', header: agency })).toEqual([]);
    expect(run('contract-data-security-missing', ops, { title: '平台运维服务合同', header: ['甲方：淄博某化工有限公司', '乙方：淄博某信息技术有限公司'] })).toEqual([]);
    expect(run('contract-data-security-missing', base, { title: '咨询服务合同', header: agency })).toEqual([]);
  });

  it('contract-procurement-threshold: 100 万元 and over with no 政府采购 named; not a grant, not a procurement named', () => {
    const svc = (price: string, more: string[] = []) => run('contract-procurement-threshold', ['甲方委托乙方提供科技创新券平台运维服务。', `本合同服务费用总额为${price}。`, ...more], { title: '运维服务合同' });
    expect(svc('人民币壹佰捌拾万元（1,800,000元）')[0]!.reason).toContain('合同价款约180万元');
    expect(svc('人民币120万元')).toHaveLength(1);
    expect(svc('1500000元')).toHaveLength(1);
    expect(svc('人民币36万元')).toEqual([]);
    expect(svc('人民币180万元', ['本合同依据公开招标的中标结果订立。'])).toEqual([]);
    expect(run('contract-procurement-threshold', ['甲方资助乙方项目经费200万元，用于设备购置。'], { title: '科技项目任务合同书' })).toEqual([]);
  });

  it('contract-internal-department: a 科 of a bureau or a 处 of a university named as a party', () => {
    const header = (a: string, b: string) => run('contract-internal-department', ['甲方委托乙方提供服务。'], { header: [`甲方：${a}`, `乙方：${b}`] });
    expect(header('高青县科学技术局成果转化科', '淄博智科软件有限公司').map((f) => f.excerpt)).toEqual(['甲方：高青县科学技术局成果转化科']);
    expect(header('高青县科学技术局', '齐鲁工业技术大学科学技术处')).toHaveLength(1);
    expect(header('高青县科学技术局办公室', '淄博智科软件有限公司')).toHaveLength(1);
    expect(header('高青县科学技术局', '淄博智科软件有限公司')).toEqual([]);
    expect(header('高青县人民政府办公室', '山东省科学院新材料研究所')).toEqual([]);
    expect(header('高青县科学技术局', '（项目承担单位）')).toEqual([]);
    // written in the first article instead of a header
    expect(run('contract-internal-department', ['委托方：博兴县科学技术局财务股，受托方：淄博正信会计师事务所。'])).toHaveLength(1);
  });

  // held-out drafts, session 19: the office carrying all risk, and a forum away from it
  const bureau = ['委托方（甲方）：高青县科学技术局', '受托方（乙方）：济南某智能软件有限公司'];
  it('contract-risk-allocation: all risk or liability on the office; quiet for its own fault, for the other party, by fault', () => {
    const risk = (text: string, header = bureau) => run('contract-risk-allocation', ['乙方为甲方开发管理系统。', text], { title: '技术开发（委托）合同', header });
    for (const text of [
      '研究开发过程中因技术风险导致开发失败的，由此造成的损失及风险责任全部由甲方承担。',
      '货物运输、安装调试期间发生的毁损、灭失风险以及对第三人造成的损害，均由甲方承担。',
      '乙方工作人员在评价工作中造成第三人损失的，一切责任由甲方承担。',
      '乙方派驻人员在合作期间发生的一切安全事故和法律责任，均由县科学技术局承担。',
      '项目实施中的全部风险由委托方承担。',
    ]) expect(risk(text).map((f) => f.article?.label), text).toEqual(['第二条']);
    expect(risk('项目实施中的全部风险由委托方承担。')[0]!.reason).toContain('全部由委托方（高青县科学技术局）承担');
    for (const text of [
      '因甲方原因造成开发失败的，损失由甲方承担全部责任。',
      '由于甲方提供的资料错误造成的损失，全部由甲方承担。',
      '开发失败的风险责任全部由乙方承担。',
      '技术服务过程中发生的风险和损失，由双方按照各自过错程度承担责任。',
      '差旅、食宿等费用全部由甲方承担。',
      '货物交付甲方之前毁损、灭失的风险由乙方承担。',
    ]) expect(risk(text), text).toEqual([]);
    // no office among the parties: two companies' risk is theirs to agree
    expect(risk('项目实施中的全部风险由甲方承担。', ['甲方：淄博某化工有限公司', '乙方：济南某智能软件有限公司'])).toEqual([]);
  });

  // held-out 孵化器运营管理服务合同, session 21: what is borne named after the trigger, and a 科 of the office as its party
  it('contract-risk-allocation reads what is borne after the trigger (均由甲方承担全部责任) and an office’s 科 or 股 as the office', () => {
    const risk = (text: string, header = bureau) => run('contract-risk-allocation', ['乙方为甲方运营众创空间。', text], { title: '运营服务合同', header });
    const text = '众创空间开放期间发生的意外及造成入驻团队的财产灭失，不论任何原因，均由甲方承担全部赔偿责任。';
    expect(risk(text).map((f) => f.article?.label)).toEqual(['第二条']);
    expect(risk(text, ['甲方：桓台县科学技术局创新发展股', '乙方：济南某孵化器管理有限公司']).map((f) => f.article?.label)).toEqual(['第二条']);
    // what the office bears is no risk or liability; its own fault is fair
    expect(risk('众创空间开放期间发生的水电费用，不论金额多少，均由甲方承担全部费用。')).toEqual([]);
    expect(risk('因甲方原因造成入驻团队损失的，均由甲方承担全部赔偿责任。')).toEqual([]);
  });

  it('contract-unilateral-change: one party ending the contract as its own business goes (held-out 孵化器运营合同, session 21)', () => {
    expect(run('contract-unilateral-change', ['受托方可以根据自身经营情况终止本合同，书面告知委托方即可。'])).toHaveLength(1);
    expect(run('contract-unilateral-change', ['任何一方需要解除本合同的，应当提前三十日书面通知对方，经双方协商一致后解除。'])).toEqual([]);
    expect(run('contract-unilateral-change', ['乙方应当根据经营情况及时调整服务人员，并报甲方备案。'])).toEqual([]);
  });

  it('contract-forum-remote: the other party\'s place, or a court or arbitration body of another place; not the office\'s own', () => {
    const forum = (text: string, header = bureau, region?: string) => {
      const r = precheck(lib.store, { title: '技术开发（委托）合同', units: units(['乙方为甲方开发管理系统。', text]), header, kind: '合同', asOf: '2026-03-01' }, { rules, ...(region ? { region } : {}) });
      return r.findings.filter((f) => f.rule === 'contract-forum-remote');
    };
    for (const text of [
      '因履行本合同发生的争议，由乙方住所地人民法院管辖。',
      '协商不成的，向受托方所在地人民法院提起诉讼。',
      '因本合同引起的争议，提交深圳国际仲裁院仲裁。',
      '协商不成的，提交北京仲裁委员会仲裁。',
      '协商不成的，向济南市历下区人民法院提起诉讼。',
      '协商不成的，向淄博市张店区人民法院提起诉讼。',
    ]) expect(forum(text).map((f) => f.article?.label), text).toEqual(['第二条']);
    expect(forum('协商不成的，提交北京仲裁委员会仲裁。')[0]!.reason).toContain('北京仲裁委员会');
    for (const text of [
      '协商不成的，向甲方所在地人民法院提起诉讼。',
      '协商不成的，向高青县人民法院提起诉讼。',
      '协商不成的，提交淄博仲裁委员会仲裁。',
      '协商不成的，向委托方住所地人民法院起诉。',
      '乙方应当将货物运至乙方所在地以外的甲方指定地点。',
      '协商不成的，提交中国国际经济贸易仲裁委员会仲裁。',
    ]) expect(forum(text), text).toEqual([]);
    // the office named without its place: its region (设置 → 单位信息) says where it is
    const bare = ['甲方：县科学技术局', '乙方：济南某智能软件有限公司'];
    expect(forum('协商不成的，提交北京仲裁委员会仲裁。', bare)).toEqual([]);
    expect(forum('协商不成的，提交北京仲裁委员会仲裁。', bare, '山东·淄博·高青县')).toHaveLength(1);
    expect(forum('协商不成的，提交淄博仲裁委员会仲裁。', bare, '山东·淄博·高青县')).toEqual([]);
    // two companies: nobody's office
    expect(forum('因履行本合同发生的争议，由乙方住所地人民法院管辖。', ['甲方：淄博某化工有限公司', '乙方：济南某智能软件有限公司'])).toEqual([]);
  });

  it('a rule file with a broken regular expression in a check parameter is refused, naming the file and the rule', () => {
    const text = JSON.stringify({ schemaVersion: 1, ruleSet: 't', version: '1', rules: [{ id: 'x-bad', name: 'x', scope: 'document', check: 'clause-missing', category: '内容', severity: '提示', params: { require: '(保密' }, basis: [{ law: '民法典', article: '第八百四十五条' }], reason: 'r' }] });
    expect(() => parseRuleFile(text, '99-bad.json')).toThrow(/规则文件“99-bad\.json”有错误：规则“x-bad”的参数 require 中的正则表达式“\(保密”无效/);
    const noRequire = text.replace('"require":"(保密"', '"when":"技术"');
    expect(() => parseRuleFile(noRequire, '99-bad.json')).toThrow(/缺少参数 require/);
  });
});

describe('the contract drafts', () => {
  const drafts = draftFixtures().filter((d) => d.kind === '合同');
  it('there are at least four contract drafts, one clean', () => {
    expect(drafts.length).toBeGreaterThanOrEqual(4);
    expect(drafts.some((d) => !d.planted.length)).toBe(true);
  });
  for (const d of drafts) {
    it(`${d.name}: every planted problem found, no contract finding on a clean clause or off the planted list`, async () => {
      const p = await parseDraftFile(d.file);
      const r = precheck(lib.store, { title: p.title, units: p.units, header: p.header, kind: '合同', asOf: d.asOf }, { rules });
      const hit = (x: { rule: string; article: string | null }) => r.findings.some((f) => f.rule === x.rule && (x.article === null || f.article?.label === x.article));
      expect(d.planted.filter((x) => !hit(x))).toEqual([]);
      const contract = r.findings.filter((f) => f.rule.startsWith('contract-'));
      // a finding the labeller accepts either way (`debatable`) is neither missed nor false
      const unplanted = contract.filter((f) => ![...d.planted, ...(d.debatable ?? [])].some((x) => x.rule === f.rule && (x.article === null || f.article?.label === x.article)));
      expect(unplanted.map((f) => `${f.article?.label ?? '全文'} ${f.rule}`)).toEqual([]);
      const clean = (JSON.parse(readFileSync(d.file.replace(/\.(md|txt)$/, '.expected.json'), 'utf8')) as { clean?: { article: string | null }[] }).clean ?? [];
      for (const c of clean.filter((x) => x.article)) expect(contract.filter((f) => f.article?.label === c.article && !d.planted.some((x) => x.rule === f.rule && x.article === c.article))).toEqual([]);
    });
  }

  it('bases are article versions of the library — 民法典 found in whichever part holds the article', async () => {
    const p = await parseDraftFile(join(DRAFTS, 'planted-tech-development-contract.md'));
    const r = precheck(lib.store, { title: p.title, units: p.units, header: p.header, kind: '合同', asOf: '2026-03-01' }, { rules });
    const pen = r.findings.find((f) => f.rule === 'contract-excessive-penalty')!;
    expect(pen.basis).toMatchObject({ citation: '《中华人民共和国民法典》第五百八十五条' });
    expect(pen.basis!.text).toContain('约定的违约金过分高于造成的损失的');
    expect(lib.store.version(pen.basis!.versionId!)!.lawId).toBe(pen.basis!.lawId);
    expect(pen.bases[1]!.citation).toContain('合同编通则若干问题的解释》第六十五条');
    const party = r.findings.find((f) => f.rule === 'contract-internal-department')!;
    // 第九十七条 is in 总则, 第五百八十五条 in 合同编: two works of the library, one code
    expect(party.basis!.text).toContain('有独立经费的机关和承担行政职能的法定机构');
    expect(party.basis!.lawId).not.toBe(pen.basis!.lawId);
    const both = r.findings.find((f) => f.rule === 'contract-dispute-both')!;
    expect(both.basis!.text).toContain('仲裁协议无效');
    for (const f of r.findings.filter((x) => x.rule.startsWith('contract-'))) for (const b of f.bases) expect(b.versionId, `${f.rule} ${b.citation}`).toBeTruthy();
  });

  it('a basis not yet in force on the review date says so instead of citing it', async () => {
    const p = await parseDraftFile(join(DRAFTS, 'planted-project-contract.md'));
    const r = precheck(lib.store, { title: p.title, units: p.units, header: p.header, kind: '合同', asOf: '2022-03-01' }, { rules });
    const pen = r.findings.find((f) => f.rule === 'contract-excessive-penalty')!;
    expect(pen.bases[0]!.versionId).toBeTruthy();
    expect(pen.bases[1]!.versionId).toBeUndefined();
    expect(pen.bases[1]!.note).toContain('尚未施行');
  });

  it('the parties above the first article are kept with the parsed draft', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lawdesk-contract-'));
    const file = join(dir, 'c.txt');
    writeFileSync(file, '技术服务合同\n\n甲方：高青县科学技术局\n乙方：淄博正信科技咨询有限公司\n\n第一条 乙方提供咨询服务。\n');
    const p = await parseDraftFile(file);
    expect(p.header).toEqual(['甲方：高青县科学技术局', '乙方：淄博正信科技咨询有限公司']);
    expect(p.units.map((u) => u.label)).toEqual(['第一条']);
  });
});
