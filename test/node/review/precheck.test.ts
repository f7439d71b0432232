import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDraftFile } from '../../../electron/core/review/draft-store';
import { sentencesOf } from '../../../electron/core/review/draft-sentences';
import { precheck, procedureFindings, BasisResolver } from '../../../electron/core/review/precheck';
import { boundClause, loadRuleSet, matchSentenceRule, parseRuleFile, type SentenceRule } from '../../../electron/core/review/review-rules';
import { RecordsError } from '../../../electron/core/records/records-errors';
import { loadBasisDocuments } from '../../../electron/core/review/basis-documents';
import { DRAFTS, ROOT, RULES, draftFixtures, makeReviewLibrary, type ReviewLibrary } from './review-test-support';
import { importPaths } from '../../../electron/core/library/library-import';

let lib: ReviewLibrary;
const rules = loadRuleSet(RULES);
beforeAll(async () => {
  lib = await makeReviewLibrary(undefined, { contracts: true });
});
afterAll(() => lib?.cleanup());

function rule(id: string): SentenceRule {
  const r = rules.rules.find((x) => x.id === id);
  if (!r || r.scope === 'document') throw new Error(`no sentence rule ${id}`);
  return r;
}
function fires(id: string, text: string): boolean {
  return sentencesOf({ key: '1', label: '第一条', text }).some((s) => !!matchSentenceRule(rule(id), s) && !(s.articleHasBasis && rule(id).withBasis === 'skip'));
}

describe('rules on real sentences, both ways', () => {
  // hit: sentences of the planted drafts; miss: sentences of the clean drafts and lawful variants
  const cases: [string, string, string][] = [
    ['permit-create', '服务机构须经县科技局审批，取得《高青县科技服务机构资格证》后，方可承接科技服务业务。', '县科学技术局收到申请后，应当在十个工作日内完成审核。'],
    ['permit-create', '孵化器实行年检制度，未通过年检的，不再享受本县扶持政策。', '企业申请创新券，应当提交营业执照复印件。'],
    ['penalty-create', '假冒专利的，由县科学技术局责令改正，没收违法所得，并处违法所得三倍的罚款。', '企业以虚假材料骗取创新券资金的，由县科学技术局收回已拨付资金，并依照有关法律、法规的规定处理。'],
    ['penalty-create', '企业以虚假材料骗取创新券的，由县科技局追回已兑付资金，处以骗取金额二倍的罚款。', '对首次轻微违法行为，不予罚款。'],
    ['coercion-create', '县科学技术局查处假冒专利行为时，可以查封、扣押涉嫌假冒专利的产品。', '县科学技术局应当加强对创新券使用情况的监督检查。'],
    ['fee-create', '服务机构应当向县科技局缴纳服务质量保证金二万元。', '县科学技术局受理创新券申请，不收取任何费用。'],
    ['fee-create', '举办专利展会的，主办方应当向县科学技术局缴纳知识产权保护押金。', '创新券可用于支付服务机构收取的检验检测费用。'],
    ['fee-create', '参加县级科技成果评价的项目，按照每项三千元的收费标准收取评审费。', '县科技局将服务机构的名称、服务内容和收费标准向社会公布，供企业查询。'],
    ['remedy-restriction', '对县科技局作出的创新券审核结论，申请人不得申请行政复议。', '申请人对审核结果有异议的，可以在公示期内向县科学技术局提出。'],
    ['obligation-add', '被列入严重违法失信名单的企业，终身不得申请本县专利资助。', '参与评审的专家应当遵守回避制度，不得利用评审工作谋取不正当利益。'],
    ['obligation-add', '入驻企业必须无偿提供其研发数据供县科学技术局使用。', '鼓励企业建立健全科技成果转化奖励机制。'],
    ['permit-extra-condition', '设立专利代理、专利咨询等中介服务机构，除应当符合国家有关规定外，还应当取得县科学技术局核发的经营许可证。', '设立专利代理机构，应当符合国家有关规定。'],
    ['retroactive', '本办法施行前已签订服务合同的，参照本办法给予补助。', '本办法由县科学技术局负责解释。'],
    ['fc-8-3-designated', '企业使用创新券购买科技服务，只能选择县科技局指定的服务机构。', '企业可以自主选择具备相应服务能力的服务机构，自主协商服务内容和价格。'],
    ['fc-8-4-entry', '申请入驻孵化器的企业，注册资本不低于一百万元。', '科学技术进步奖授予在技术研究中做出突出贡献的单位和个人。'],
    ['fc-9-1-local-goods', '孵化器应当优先采购本县企业生产的设备和办公用品。', '鼓励企业与高等学校联合实施科技成果转化。'],
    ['fc-9-2-local-establishment', '入驻孵化器的企业须在本县注册登记。', '在本县行政区域内开展研发活动、具有独立法人资格的科技型中小企业，可以申请使用创新券。'],
    ['fc-9-3-bidding', '政府采购科技服务项目，应当优先选择本县企业。', '政府采购科技服务项目，按照政府采购法的规定确定供应商。'],
    ['fc-10-1-tax', '对年纳税额超过五百万元的企业，按照其缴纳增值税地方留成部分的百分之三十给予奖励。', '符合条件的企业依法享受研发费用加计扣除等税收优惠。'],
    ['fc-10-2-selective-subsidy', '专利资助对象限于在本县注册、纳税的企业。', '创新券按照服务合同实际支付金额的百分之五十予以补助。'],
    ['fc-10-3-factor', '对经认定的孵化器，其用电价格按照工业用电价格的百分之八十予以优惠。', '县人民政府合理安排科技成果转化财政资金投入。'],
    // Another county than the first office's, and a district: the rules know no office's name.
    ['fc-9-1-local-goods', '孵化器应当优先采购博兴县企业生产的设备。', '孵化器应当优先采购质量可靠、价格合理的设备。'],
    ['fc-10-2-selective-subsidy', '补助资金只拨付在淄川区注册的企业。', '企业应当在市场监督管理部门登记后申请补助。'],
    ['fc-10-2-selective-subsidy', '奖励对象为注册地在临淄区的科技型企业。', '奖励对象为注册地在中华人民共和国境内的科技型企业。'],
    ['fc-11-2-price', '专利代理机构办理专利申请代理业务，应当执行县科学技术局统一规定的服务价格，不得低于该价格。', '服务价格由企业与服务机构自主协商确定。'],
    ['fc-9-5-discriminatory-requirement', '外地检测机构承接创新券服务的，须向县科技局缴纳履约保证金。', '检测机构承接创新券服务，应当具备相应资质。'],
    ['procedure-comment-short', '本方案征求意见期限为7日。', '本方案向社会公开征求意见，期限为30日。'],
    // a 重大行政决策 or 规范性文件 that says it skips a step its procedure requires
    ['procedure-skip-participation', '本决策事项涉及面窄，无需向社会公开征求意见。', '本决策草案向社会公开征求意见，期限为30日。'],
    ['procedure-skip-expert', '本方案免于专家论证。', '本方案经专家论证。'],
    ['procedure-skip-risk', '本决策不进行风险评估。', '决策承办单位已组织风险评估。'],
    ['procedure-skip-legality', '本决策事项紧急，不再送请合法性审查。', '决策草案已送县司法局进行合法性审查。'],
    ['procedure-skip-collective', '本方案经局长办公会议研究通过后即可印发实施。', '本方案经县人民政府常务会议讨论通过后印发实施。'],
    // held-out drafts of session 17: 备案 is no 讨论决定; 磋商 is 政府采购; two place words before 在高青县
    ['procedure-skip-collective', '本方案经县科学技术局党组会议审议通过后，报县人民政府备案实施。', '本方案经县人民政府常务会议讨论通过后，报市人民政府备案。'],
    ['fc-9-3-bidding', '中试基地运营单位通过竞争性磋商方式确定，参与磋商的企业须在高青县注册满两年。', '中试基地运营单位通过竞争性磋商方式确定，按照政府采购法的规定择优选择。'],
    ['fc-10-2-selective-subsidy', '申请后补助的企业应当同时符合下列条件：\n（一）注册地和税收征管关系均在高青县；', '申请后补助的企业应当同时符合下列条件：\n（一）已入库国家科技型中小企业信息库；'],
    ['procedure-skip-normative', '本办法不再公开征求意见。', '本办法已公开征求意见30日。'],
    // contract rules (30-contract.json); more wordings of each in contract-rules.test.ts
    ['contract-unilateral-change', '甲方有权根据工作需要随时解除本合同，乙方应当予以配合。', '乙方逾期交付超过30日的，甲方有权解除本合同。'],
    ['contract-exemption', '乙方服务期间发生的一切后果由乙方承担，甲方不承担任何责任。', '因不可抗力不能履行合同的，部分或者全部免除责任。'],
    ['contract-interpretation', '本合同最终解释权归甲方。', '本合同未尽事宜，由双方协商签订补充协议。'],
    ['contract-jurisdiction', '协商不成的，由甲方指定的人民法院管辖。', '协商不成的，向甲方住所地人民法院提起诉讼。'],
    ['contract-ip-fiscal', '项目形成的知识产权归甲方所有，乙方不得自行实施或者许可他人实施。', '项目形成的知识产权由乙方依法取得，甲方可以依法无偿实施。'],
    ['contract-prepay-full', '合同签订后10个工作日内，甲方一次性支付全部合同价款。', '合同签订后10个工作日内，甲方支付合同总价款的30%作为预付款。'],
    ['contract-signature', '本合同经双方经办人签字后生效。', '本合同自双方法定代表人或者其授权代表签字并加盖公章之日起生效。'],
  ];
  for (const [id, hit, miss] of cases) {
    it(`${id}: fires on “${hit.slice(0, 16)}…”, not on “${miss.slice(0, 16)}…”`, () => {
      expect(fires(id, hit)).toBe(true);
      expect(fires(id, miss)).toBe(false);
    });
  }

  it('an item of a list is read with its lead-in’s 应当 (申请认定的企业应当同时符合下列条件：（一）在本县注册…)', () => {
    const lead = '申请认定的企业应当同时符合下列条件：\n';
    expect(fires('fc-9-2-local-establishment', `${lead}（一）在本县注册并具有独立法人资格；\n（二）职工总数不超过500人。`)).toBe(true);
    expect(fires('fc-9-2-local-establishment', `${lead}（一）具有独立法人资格；\n（二）近三年在本县缴纳税款。`)).toBe(true);
    expect(fires('fc-9-2-local-establishment', `${lead}（一）具有独立法人资格；\n（二）在本县行政区域内开展研发活动。`)).toBe(false);
    expect(fires('fc-9-1-local-goods', `${lead}（三）承诺认定后十年内不迁出本县。`)).toBe(true);
    expect(fires('fc-9-1-local-goods', '企业迁出本县的，应当在三十日内告知县科学技术局。')).toBe(false);
  });

  it('every sentence rule of the shipped rule set has a case here', () => {
    const tested = new Set(cases.map((c) => c[0]));
    const untested = rules.rules.filter((r) => r.scope !== 'document' && !tested.has(r.id)).map((r) => r.id);
    expect(untested).toEqual([]);
  });

  it('a stated higher-law basis lowers 必须修改 to 需核实; quoted law text is not the draft’s own rule', () => {
    const units = [
      { key: '1', kind: 'article' as const, number: 1, suffix: 0, label: '第一条', path: [], paragraphs: [], text: '违反本办法规定的，由县科学技术局依照《中华人民共和国行政处罚法》的规定处以罚款。' },
      { key: '2', kind: 'article' as const, number: 2, suffix: 0, label: '第二条', path: [], paragraphs: [], text: '依照《中华人民共和国行政强制法》第十条规定：“行政强制措施由法律设定。”县科学技术局不另设强制措施。' },
      { key: '3', kind: 'article' as const, number: 3, suffix: 0, label: '第三条', path: [], paragraphs: [], text: '本办法自2026年4月1日起施行，有效期二年。' },
    ];
    const r = precheck(lib.store, { title: '测试办法', units, kind: '规范性文件', asOf: '2026-03-01' }, { rules });
    const pen = r.findings.find((f) => f.rule === 'penalty-create')!;
    expect(pen.severity).toBe('需核实');
    expect(r.findings.filter((f) => f.rule === 'coercion-create')).toEqual([]);
    expect(r.findings.filter((f) => f.severity === '必须修改')).toEqual([]);
  });

  it('a document the draft repeals (《…》同时废止) is no basis to check; one it relies on is', () => {
    const unit = (text: string) => [{ key: '1', kind: 'article' as const, number: 1, suffix: 0, label: '第一条', path: [], paragraphs: [], text }];
    const missing = (text: string) => precheck(lib.store, { title: '测试办法', units: unit(text), kind: '规范性文件', asOf: '2026-03-01' }, { rules }).findings.filter((f) => f.rule === 'citation-law-missing').map((f) => f.excerpt);
    expect(missing('本办法自2026年5月1日起施行，有效期至2031年4月30日。2021年6月1日印发的《高青县科学技术奖励办法》同时废止。')).toEqual([]);
    expect(missing('《高青县科学技术奖励办法》（高科发〔2021〕5号）、《高青县专利资助办法》停止执行。')).toEqual([]);
    expect(missing('根据《高青县科学技术奖励办法》，制定本细则。')).toEqual(['《高青县科学技术奖励办法》']);
  });
});

describe('the draft corpus', () => {
  for (const d of draftFixtures()) {
    it(`${d.name}: ${d.planted.length ? `finds all ${d.planted.length} planted problems` : 'clean control: no 必须修改'}`, async () => {
      const p = await parseDraftFile(d.file);
      const r = precheck(lib.store, { title: p.title, units: p.units, header: p.header, kind: d.kind, asOf: d.asOf }, { rules });
      const missed = d.planted.filter((x) => !r.findings.some((f) => f.rule === x.rule && (x.article === null || f.article?.label === x.article)));
      expect(missed).toEqual([]);
      if (!d.planted.length) expect(r.findings.filter((f) => f.severity === '必须修改')).toEqual([]);
      // every citation resolved, internal, or reported with its finding: none dropped
      for (const c of r.citations) if (c.status === 'reported') expect(r.findings.some((f) => f.id === c.findingId)).toBe(true);
      for (const f of r.findings) {
        expect(f.reason).toMatch(/[\u4e00-\u9fa5]/);
        if (f.article) expect(p.units.find((u) => u.key === f.article!.key)!.text.slice(f.start, f.end).length).toBeGreaterThan(0);
      }
    });
  }

  it('bases are linked to the article version in force on the review date', async () => {
    const p = await parseDraftFile(join(DRAFTS, 'planted-innovation-voucher.md'));
    const r = precheck(lib.store, { title: p.title, units: p.units, kind: '规范性文件', asOf: '2026-03-01' }, { rules });
    const permit = r.findings.find((f) => f.rule === 'permit-create')!;
    expect(permit.article?.label).toBe('第五条');
    expect(permit.basis).toMatchObject({ articleKey: '17', citation: '《中华人民共和国行政许可法》（2019年修正）第十七条' });
    expect(permit.basis!.text).toBe('除本法第十四条、第十五条规定的外，其他规范性文件一律不得设定行政许可。');
    expect(lib.store.version(permit.basis!.versionId!)!.lawId).toBe(permit.basis!.lawId);
    const coercion = r.findings.find((f) => f.rule === 'coercion-create')!;
    expect(coercion.basis!.text).toBe('法律、法规以外的其他规范性文件不得设定行政强制措施。');
    const stat = r.findings.find((f) => f.rule === 'citation-superseded')!;
    // 2009 第七条 (统计调查对象…必须…提供) is 2024 第八条: the article it became, not the same number
    expect(stat.current?.citation).toBe('《中华人民共和国统计法》（2024年修正）第八条');
    expect(stat.current?.text).toContain('统计调查对象，必须依照本法和国家有关规定');
    expect(stat.reason).toContain('条文序号已变为第八条');
    expect(stat.basis?.text).toContain('统计调查对象，必须依照本法和国家有关规定');
    expect(stat.basis?.versionId).toMatch(/@2009-06-27$/);
    const fc = r.fairCompetition.find((x) => x.code === '第八条第（三）项')!;
    expect(fc.triggers.map((t) => t.articleLabel)).toEqual(['第七条']);
  });
});

describe('程序 from the review record', () => {
  it('short public comment, missing 集体讨论, under the type’s minimum review time', () => {
    const review = {
      id: 'R2026-001', revision: 1, createdAt: '', createdBy: '', updatedAt: '', updatedBy: '',
      type: '规范性文件' as const, title: 't', leadUnit: '高新技术科', receivedDate: '2026-02-24', dueDate: '2026-02-27', materials: [],
      procedures: [{ check: '公众参与' as const, applicable: true, done: true, date: '2026-01-05', endDate: '2026-01-20' }],
      status: '收件' as const, tags: [], findings: { authority: { text: '', citations: [] }, procedure: { text: '', citations: [] }, content: { text: '', citations: [] } },
      opinion: { text: '', citations: [] }, citations: [], attachments: [],
    };
    const out = procedureFindings(review, '规范性文件', new BasisResolver(lib.store, '2026-03-01', loadBasisDocuments()), lib.svc.calendar);
    expect(out.map((f) => f.rule).sort()).toEqual(['procedure-collective-missing', 'procedure-comment-period', 'procedure-review-time']);
    expect(out.find((f) => f.rule === 'procedure-comment-period')!.reason).toContain('共 16 日');
    expect(out.find((f) => f.rule === 'procedure-comment-period')!.basis!.citation).toBe('《优化营商环境条例》第六十二条第二款');
    expect(out.find((f) => f.rule === 'procedure-comment-period')!.basis!.text).toContain('向社会公开征求意见的期限一般不少于30日');
    // a 规范性文件: 国办发〔2018〕115号 (not in the library: its provision from resources/review-bases, 待核对)
    const time = out.find((f) => f.rule === 'procedure-review-time')!;
    expect(time.reason).toMatch(/只留 3 个工作日，少于审核时间一般不少于5个工作日的要求（国办发〔2018〕115号）/);
    expect(time.basis!.citation).toMatch(/^《国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见》（国办发〔2018〕115号）/);
    expect(time.basis!.note).toContain('条文号待核对');
    const decision = procedureFindings({ ...review, type: '重大行政决策' }, '重大行政决策', new BasisResolver(lib.store, '2026-03-01'), lib.svc.calendar);
    expect(decision.find((f) => f.rule === 'procedure-review-time')!.basis!.text).toBe('送请合法性审查，应当保证必要的审查时间，一般不少于7个工作日。');
    // a 合同 has no minimum review time at all
    const contract = procedureFindings({ ...review, type: '合同' }, '合同', new BasisResolver(lib.store, '2026-03-01'), lib.svc.calendar);
    expect(contract.filter((f) => f.rule === 'procedure-review-time')).toEqual([]);
    expect(decision.find((f) => f.rule === 'procedure-comment-period')!.basis!.citation).toBe('《重大行政决策程序暂行条例》第十五条');
    const ok = procedureFindings({ ...review, dueDate: '2026-03-06', procedures: [{ check: '公众参与', applicable: true, done: true, date: '2026-01-05', endDate: '2026-02-05' }, { check: '集体讨论决定', applicable: true, done: true }] }, '规范性文件', new BasisResolver(lib.store, '2026-03-01'), lib.svc.calendar);
    expect(ok).toEqual([]);
  });
});

describe('rule files are validated on load', () => {
  const good = readFileSync(join(RULES, '10-normative-document.json'), 'utf8');
  it('a broken pattern names the file and the rule', () => {
    const bad = good.replace('"称为"', '"(称为"');
    expect(() => parseRuleFile(bad, '10-normative-document.json')).toThrow(/规则文件“10-normative-document.json”.*规则“permit-create”.*正则表达式/);
  });
  it('a missing field names the rule and the field', () => {
    const json = JSON.parse(good);
    delete json.rules[1].severity;
    expect(() => parseRuleFile(JSON.stringify(json), 'x.json')).toThrow(/x.json.*第 2 条规则“penalty-create”：缺少必填字段“severity”/);
  });
  it('not JSON, or an empty folder', () => {
    expect(() => parseRuleFile('{ "rules": [', 'y.json')).toThrow(/规则文件“y.json”有错误：不是合法的 JSON/);
    const dir = mkdtempSync(join(tmpdir(), 'rules-'));
    expect(() => loadRuleSet(dir)).toThrow(RecordsError);
    writeFileSync(join(dir, 'a.json'), good);
    writeFileSync(join(dir, 'b.json'), good);
    expect(() => loadRuleSet(dir)).toThrow(/规则编号“permit-create”与“a.json”中的规则重复/);
  });
});

describe('who a rule binds and what is designated (precision sweep, seed 20261214)', () => {
  // Lawful sentences of real local rules (../shared/corpus), each a false finding before: an authority told
  // what it may not approve or must register; a designation or a 名录 that restricts no market party's choice
  // (a product or species catalogue, confiscated goods, an inspection the authority orders, a manager it names);
  // a penalty, seizure or fee the sentence presupposes; a tax or price preference granted under state rules.
  const quiet: [string, string][] = [
    // a 经营满N年 condition of a subsidy is 第十条's (补贴), not a market-entry condition (第八条第（四）项)
    ['fc-8-4-entry', '申请后补助的企业应当同时符合下列条件：\n（二）在本县持续经营满三年；'],
    ['permit-create', '环境风险评价报告未经环境保护行政主管部门批准的，有关审批机关不得批准该建设项目的建设。'],
    ['permit-create', '公安机关交通管理部门受理登记申请，对符合条件的，应当当场办理登记手续，发放号牌和行驶证；'],
    ['permit-create', '自行车不实行登记制度。'],
    ['permit-create', '建设项目环境影响评价文件实行分级审批制度。'],
    ['permit-create', '维修车辆实行登记制度，登记内容包括送修人的身份证明、车辆牌号、车辆识别代号（车架号码）、发动机号码以及承修项目。'],
    ['fc-8-3-designated', '公共机构应当优先采购列入政府采购名录中的产品、设备。'],
    ['fc-8-3-designated', '纳入重点排污单位名录的，其自动监测设备的安装、使用和管理按照《上海市环境保护条例》的相关规定执行。'],
    ['fc-8-3-designated', '依法没收的其他烟草专卖品应当公开拍卖或者交由指定的烟草公司按照国家规定价格收购，所得款项由没收部门上缴国库。'],
    ['fc-8-3-designated', '山体修复治理工程验收合格后，由所在地县、区人民政府指定的单位、山体权属单位或者修复治理责任人负责管理和维护。'],
    ['fc-8-3-designated', '质量技术监督部门应当组织调查，需要重新进行检验的，应当于十日内另行指定检验机构对原样品或者备用样品重新进行检验，并做出复检结论。'],
    ['fc-8-3-designated', '（三）指定相关机构或者落实责任人员，明确岗位职责，配备必要的安保力量，开展日常巡逻、保卫、检查等；'],
    ['fc-8-3-designated', '参加基本医疗保险的京津冀社会保障卡持卡人，可以持社会保障卡在三地的定点医药机构就医购药，发生的医疗费用可以直接结算。'],
    ['fc-8-3-designated', '人民法院可以裁定给市劳动和社会保障行政部门认可的单位管理，经市人民政府指定的机构批准后，适时变现。'],
    ['penalty-create', '被判处拘役或者正在受拘留处罚的人，经选举委员会和执行机关决定，可以在流动票箱投票，也可以委托有选举权的亲属或者其他选民代为投票。'],
    ['penalty-create', '对自行车、三轮车加装动力装置的，除给予罚款处罚外，责令拆除加装的动力装置并予以收缴。'],
    ['penalty-create', '当事人应当在责令限期拆除决定规定的期限内，自行拆除违法建筑。'],
    ['coercion-create', '违法建筑强制拆除后，拆违实施部门应当和街道办事处或者镇人民政府对当事人做好相关工作。'],
    ['coercion-create', '对依法登记保存或者查封的资料、物品和设施，有关单位、个人不得擅自启封、转移、隐匿、毁损或者处理。'],
    ['coercion-create', '调解书中具有给付内容的，当事人可以申请公证机关公证或者申请人民法院司法确认，赋予其强制执行效力。'],
    ['fee-create', '逾期一年以上未足额缴纳土地有偿使用费的，可以依法收回土地使用权。'],
    ['fee-create', '实施非学历教育的民办学校，学习期限在一年以上的，按学期或者学年收取费用，学习期限不超过一年的，按培训周期收取费用。'],
    ['fee-create', '餐饮服务经营者可以采取事先约定的方式，对造成浪费的消费者收取相应费用。'],
    ['fc-10-1-tax', '对从事个体经营的残疾人，有关部门应当依法免除行政事业性收费、给予税收优惠，并在经营场地等方面给予照顾；'],
    ['fc-10-1-tax', '专利权转让合同、专利申请权转让合同、专利实施许可合同经依法认定登记的，当事人享受国家、省有关技术交易的税收优惠政策。'],
    ['fc-10-1-tax', '对采用合同能源管理方式实施的节能改造项目，按照国家和本市有关规定，给予税收扶持和补助、奖励。'],
    ['fc-10-3-factor', '农民专业合作社从事种植业、养殖业的，享受国家农业用电优惠电价；'],
    ['obligation-add', '按照国家规定必须安装防雷装置的建筑物、构筑物、设施、场所，应当按照国家规定的标准安装防雷装置。'],
    ['obligation-add', '普通教育机构必须接收具有接受普通教育能力的残疾儿童、少年随班就读，并为其学习、生活、康复提供帮助。'],
  ];
  for (const [id, text] of quiet) {
    it(`${id} stays quiet on “${text.slice(0, 18)}…”`, () => expect(fires(id, text)).toBe(false));
  }

  // What a 规范性文件 may not say without a higher law still fires, in the wordings 科室 write: a licence
  // whoever is told to refuse it, a supplier the bureau picks, a fee or fine it sets, a tax refund it grants.
  const required: [string, string][] = [
    ['permit-create', '未取得《高青县科技项目申报资格证》的，县科技局不得受理其项目申报。'],
    ['permit-create', '未经县科技局批准，任何单位不得擅自承接科技评估业务。'],
    ['permit-create', '申请人应当向县科技局申请办理《科技中介服务资格证》。'],
    ['permit-create', '外国人未经主管机关批准不得参加本市公民举行的集会、游行、示威。'],
    ['fc-8-3-designated', '申报企业须到县科技局指定的会计师事务所出具专项审计报告。'],
    ['fc-8-3-designated', '创新券仅用于购买入库服务机构提供的检验检测服务。'],
    ['fc-8-3-designated', '纳入服务机构名录的机构方可承接创新券服务。'],
    ['fc-8-3-designated', '企业在县科技局确定的服务机构购买技术服务的，按照服务费用的50%给予补助。'],
    ['fc-8-3-designated', '全县中小学校校服统一向县教育局指定的企业订购。'],
    ['fc-8-3-designated', '新建住宅小区应当使用县住建局推荐的供水设备生产企业的产品。'],
    ['fc-8-3-designated', '申请残疾人机动轮椅车登记的，还应当提交公安机关交通管理部门指定的医疗机构出具的下肢残疾证明。'],
    ['fc-8-3-designated', '维修费用经市房屋行政管理部门指定的中介机构审价后，在专项维修资金中列支。'],
    ['penalty-create', '拒不服从的，由公安机关予以拘留。'],
    ['penalty-create', '逾期不改正的，由县科技局责令停业整顿。'],
    ['coercion-create', '拒不整改的，县科技局可以扣押其设备。'],
    ['fee-create', '企业申请创新券的，县科技局按每件五百元收取评审费。'],
    ['fee-create', '入驻企业，应当按年向孵化器管理办公室缴纳管理费。'],
    ['fc-10-1-tax', '按照县政府有关规定，对入驻企业给予税收返还。'],
    ['fc-10-1-tax', '入驻园区的企业，前三年所得税地方留成部分全额返还。'],
    ['obligation-add', '享受补助的企业必须参加县科技局组织的培训。'],
    ['obligation-add', '申报企业一律使用县科技局统一的申报系统。'],
  ];
  for (const [id, text] of required) {
    it(`${id} still fires on “${text.slice(0, 18)}…”`, () => expect(fires(id, text)).toBe(true));
  }

  it('an item of a list the draft forbids (不得采取下列…行为：) is negated by its lead-in; a licence item still fires', () => {
    // 山东省实施《反不正当竞争法》办法 第十二条
    const lead = '公用企业或者其他依法具有独占地位的经营者，不得采取下列限制竞争的行为：\n';
    expect(fires('fc-8-3-designated', `${lead}（一）限定消费者购买、使用其提供的或者其指定的经营者提供的商品，排斥符合技术标准要求的其他经营者的同类商品；`)).toBe(false);
    expect(fires('fc-8-3-designated', '县科技局限定企业购买、使用其指定的经营者提供的检测服务。')).toBe(true);
    // its 禁止 is carried to each item as 应当 is, the item's number left out: a licence an item requires still fires
    expect(fires('permit-create', '禁止下列行为：\n（一）未取得《科技服务机构资格证》承接创新券服务；')).toBe(true);
    expect(fires('permit-create', '服务机构不得有下列行为：\n（一）未取得《科技服务机构资格证》承接创新券服务；\n（二）伪造、涂改创新券。')).toBe(true);
    expect(fires('permit-create', '服务机构不得有下列行为：\n（一）伪造、涂改创新券；\n（二）以虚假材料骗取补助。')).toBe(false);
    const items = sentencesOf({ key: '1', label: '第一条', text: '禁止下列行为：\n（一）未取得《科技服务机构资格证》承接创新券服务；' });
    const hit = matchSentenceRule(rule('permit-create'), items[1]!)!;
    expect(items[1]!.text.slice(hit.start, hit.end)).toBe('未取得《科技服务机构资格证》');
  });

  it('whom a trigger’s modal binds: the clause naming the party, conditions (…的 / …后) skipped', () => {
    const at = (text: string, trigger: string) => boundClause(text, { index: text.indexOf(trigger), text: trigger });
    expect(at('环境风险评价报告未经环境保护行政主管部门批准的，有关审批机关不得批准该建设项目的建设。', '有关审批机关不得')).toEqual({ party: '有关审批机关', said: '不得批准该建设项目的建设' });
    expect(at('外国人未经主管机关批准不得参加集会。', '未经主管机关批准不得')).toEqual({ party: '外国人', said: '不得参加集会' });
    expect(at('民办学校取得办学许可证后，应当到登记机关办理法人登记。', '应当到登记机关办理法人登记')).toEqual({ party: '', said: '应当到登记机关办理法人登记' });
    expect(at('公安机关交通管理部门受理登记申请，对符合条件的，应当当场办理登记手续。', '应当当场办理登记手续')?.party).toBe('公安机关交通管理部门受理登记申请');
    expect(at('实行许可制度。', '实行许可制度')).toBeUndefined();
  });
});

describe('whose permit, whose measure, whose procurement (precision sweep, seed 20261216)', () => {
  // Lawful sentences of real local rules, each a false finding before: an approval by a national organ
  // (the draft cannot create it, it refers to one) or by the original approver (a change to a permit
  // already had); a member's leave; a coercive measure the law sets, presupposed (被采取法律规定的…措施)
  // or taken 依法 with words between (依法立即强制拆除, 依法采取…扣押…等措施); a public service body's duty;
  // an authority's own act (实施罚没处罚时); an item of a list the draft forbids; a tender that names the
  // city's rules or platform but no bidder's place.
  const quiet: [string, string][] = [
    ['permit-create', '未经国务院地质矿产主管部门批准，任何单位和个人不得在本市行政区域内进行石油、天然气资源的勘探与开采。'],
    ['permit-create', '经批准的土地利用总体规划，未经原审批部门同意不得调整。'],
    ['permit-create', '代表请假应当以书面方式提出，未经批准，不得缺席会议。'],
    ['coercion-create', '代表被采取法律规定的限制人身自由的措施时，应当主动表明代表身份。'],
    ['coercion-create', '当事人拒不停止建设或者拒不拆除的，拆违实施部门应当依法立即强制拆除，并可以依法予以罚款。'],
    ['coercion-create', '公安机关对于危及公共安全行为的，可以依法采取必要技术防控、扣押有关物品、责令停止飞行、查封违法活动场所等紧急处置措施。'],
    ['obligation-add', '依照本办法规定实施罚没处罚时，必须使用省财政部门统一制发的罚没票据，罚没款项按规定上缴国库。'],
    ['obligation-add', '公用企业或者其他依法具有独占地位的经营者，不得采取下列限制竞争的行为：\n（一）强制消费者购买其提供的或者其指定的经营者提供的商品或者配件；'],
    ['obligation-add', '政府举办的公共就业服务机构和各级残疾人联合会所属的残疾人就业服务机构应当免费为残疾人提供职业培训、岗位推荐等就业服务。'],
    ['obligation-add', '市和区人力资源社会保障部门设立的公共就业服务机构，应当为残疾人免费提供就业服务。'],
    ['fc-9-3-bidding', '农业科技项目符合招投标条件的，应当按照国家和本市有关规定实行招投标。'],
    ['fc-9-3-bidding', '采取招投标方式选聘物业服务企业的，应当通过本市统一的物业管理监管与服务信息平台进行招标。'],
    ['fc-9-3-bidding', '本合同依据高青县科学技术局企业研发辅导服务项目（采购编号GQCG-2026-015）的成交结果签订。'],
  ];
  for (const [id, text] of quiet) {
    it(`${id} stays quiet on “${text.slice(0, 18)}…”`, () => expect(fires(id, text)).toBe(false));
  }
  const required: [string, string][] = [
    ['permit-create', '从事科技咨询服务的机构，应当经县科技局审核同意后，方可开展业务。'],
    ['permit-create', '从事技术中介服务的，应当取得县科技局核发的技术经纪资格证；法律、法规另有规定的除外。'],
    ['coercion-create', '拒不整改的，县科技局可以扣押其设备。'],
    ['fc-9-3-bidding', '投标人须在本县设有固定服务网点。'],
    ['fc-9-3-bidding', '县科技局组织的科技服务采购，仅限在高青县注册的企业参加投标。'],
    ['fc-9-3-bidding', '政府采购科技服务项目，外地供应商须提供本地业绩证明。'],
  ];
  for (const [id, text] of required) {
    it(`${id} still fires on “${text.slice(0, 18)}…”`, () => expect(fires(id, text)).toBe(true));
  }
});

describe('what a 科技局 draft writes in other words (held-out drafts, session 15)', () => {
  // Sentences of heldout-commissioner-funds.md, heldout-three-year-decision.md and heldout-tech-service-contract.md,
  // written and labelled before the rules below read them (first run 9 of 23 found), each beside a lawful
  // wording of the same matter that must stay quiet.
  const pairs: [string, string, string][] = [
    ['permit-create', '在本县开展有偿技术服务的科技特派员，须持有县科学技术局颁发的《高青县科技特派员服务证》，方可与服务对象签订技术服务协议。', '持有《残疾人证》的，可以免费乘坐公共汽车。'],
    ['permit-create', '县外科技服务机构来本县开展科技特派员服务的，应当先向县科学技术局申请备案，备案通过后方可开展服务。', '承担单位应当在签订技术合同后三十日内报县科学技术局备案。'],
    ['fc-9-5-discriminatory-requirement', '县外科技服务机构来本县开展科技特派员服务的，应当先向县科学技术局申请备案，备案通过后方可开展服务。', '科技服务机构应当在签订技术合同后三十日内报县科学技术局备案。'],
    ['fc-10-2-selective-subsidy', '首次认定为国家高新技术企业的，给予20万元奖励；其中上一年度纳税额位列全县前十名的企业，奖励标准提高至50万元。', '首次认定为国家高新技术企业的，给予20万元奖励。'],
    ['fc-8-3-designated', '企业使用科技创新券购买检验检测服务的，须在县科学技术局发布的合作机构目录中选择服务机构。', '企业使用科技创新券购买检验检测服务的，可以自主选择具备资质的服务机构。'],
    ['obligation-add', '获得县级科技项目资金支持的企业，应当允许县内其他企业无偿实施项目形成的专利。', '鼓励获得县级科技项目资金支持的企业许可他人实施项目形成的专利。'],
    ['obligation-add', '违规使用项目资金的单位，五年内取消其申报县级各类科技计划项目的资格。', '违规使用项目资金的，县科学技术局责令改正，收回违规使用的资金。'],
    ['penalty-create', '对违反本办法的项目承担单位，县科学技术局可以暂扣其科技型中小企业入库证明三个月。', '项目承担单位应当妥善保管科技型中小企业入库证明。'],
    ['retroactive', '2025年1月1日以后已经立项、尚未结题的项目，按照本办法重新核定资金。', '本办法施行后立项的项目，按照本办法核定资金。'],
    ['procedure-skip-participation', '因时间紧迫，本行动计划不再公开征求社会公众意见。', '本行动计划草案已通过县政府网站公开征求社会公众意见，期限30日。'],
    ['procedure-skip-expert', '本行动计划涉及的专业技术问题，由县科学技术局自行研究确定，不组织专家论证。', '县科学技术局组织专家对行动计划的可行性进行了论证。'],
    ['procedure-skip-risk', '鉴于本行动计划属于鼓励扶持类政策，不开展社会稳定风险评估。', '县科学技术局对行动计划开展了社会稳定风险评估。'],
    ['procedure-skip-collective', '本行动计划经县科学技术局局务会议研究通过后，报县人民政府备案即可组织实施。', '本行动计划经合法性审查后，提请县人民政府常务会议讨论决定。'],
    ['procedure-skip-legality', '本决策草案已征求县司法局意见，以征求意见代替合法性审查。', '决策草案提交县人民政府常务会议讨论前，由县司法局进行合法性审查。'],
    ['procedure-skip-normative', '本办法为内部管理规范，不再进行合法性审核，经局长办公会研究后印发。', '本办法经合法性审核、局务会议集体审议后印发。'],
    ['contract-unilateral-change', '甲方可视示范园工作安排调整服务内容和服务期限，乙方不得提出异议。', '经双方协商一致，可以调整服务内容和服务期限。'],
  ];
  for (const [id, hit, miss] of pairs) {
    it(`${id} fires on “${hit.slice(0, 18)}…”, not on “${miss.slice(0, 14)}…”`, () => {
      expect(fires(id, hit)).toBe(true);
      expect(fires(id, miss)).toBe(false);
    });
  }

  it('a skipped procedure names the article of the 条例 it rests on, in force on the review date', async () => {
    const p = await parseDraftFile(join(DRAFTS, 'heldout-three-year-decision.md'));
    const r = precheck(lib.store, { title: p.title, units: p.units, kind: '重大行政决策', asOf: '2026-03-01' }, { rules });
    const byRule = new Map(r.findings.map((f) => [f.rule, f]));
    expect(byRule.get('procedure-skip-participation')?.article?.label).toBe('第四条');
    expect(byRule.get('procedure-skip-expert')?.basis).toMatchObject({ citation: '《重大行政决策程序暂行条例》第十九条' });
    expect(byRule.get('procedure-skip-risk')?.basis?.text).toContain('风险评估');
    expect(byRule.get('procedure-skip-collective')?.bases.map((b) => b.citation)).toEqual(['《重大行政决策程序暂行条例》第三十条', '《重大行政决策程序暂行条例》第二十五条']);
    for (const f of r.findings.filter((x) => x.rule.startsWith('procedure-'))) expect(f.bases.every((b) => !!b.versionId && !!b.articleKey)).toBe(true);
    // a 规范性文件 is not a 重大行政决策: its rules do not read the 条例's steps
    const n = precheck(lib.store, { title: p.title, units: p.units, kind: '规范性文件', asOf: '2026-03-01' }, { rules });
    expect(n.findings.filter((f) => f.rule.startsWith('procedure-skip-') && f.rule !== 'procedure-skip-normative')).toEqual([]);
  });

  it('a step the draft says it skips is said once: the record’s “no record of it” for that step goes', async () => {
    const p = await parseDraftFile(join(DRAFTS, 'heldout-three-year-decision.md'));
    const review = {
      id: 'R2026-002', revision: 1, createdAt: '', createdBy: '', updatedAt: '', updatedBy: '',
      type: '重大行政决策' as const, title: p.title, leadUnit: '高新技术科', receivedDate: '2026-02-24', dueDate: '2026-03-20', materials: [], procedures: [],
      status: '收件' as const, tags: [], findings: { authority: { text: '', citations: [] }, procedure: { text: '', citations: [] }, content: { text: '', citations: [] } },
      opinion: { text: '', citations: [] }, citations: [], attachments: [],
    };
    const rulesOf = (units: typeof p.units) => precheck(lib.store, { title: p.title, units, kind: '重大行政决策', asOf: '2026-03-01', review }, { rules }).findings.map((f) => f.rule);
    expect(rulesOf(p.units).filter((r) => r.startsWith('procedure-')).sort()).toEqual(['procedure-skip-collective', 'procedure-skip-expert', 'procedure-skip-participation', 'procedure-skip-risk']);
    // without 第五条 (不组织专家论证) the record's missing 专家论证 is reported again
    const without = rulesOf(p.units.filter((u) => u.label !== '第五条'));
    expect(without).toContain('procedure-expert-missing');
    expect(without).not.toContain('procedure-comment-missing');
  });
});

describe('lawful sentences of real local rules stay quiet (precision sweep, test/bench/precheck-precision.ts)', () => {
  // from 山东/上海/北京/重庆/淄博 rules in force (../shared/corpus), each once a false finding
  const quiet: [string, string][] = [
    ['permit-create', '集中式供水单位和二次供水单位应当依法取得营业执照、卫生许可证，方可从事生活饮用水生产、经营。'],
    ['permit-create', '进口、出口水产苗种、亲体的，应当按照国家规定办理审批手续。'],
    ['permit-create', '依法取得矿产资源勘查许可证的单位和个人称为探矿权人。'],
    ['fee-create', '民办学校应当依法建立财务管理制度，对举办者投入的办学资产、受赠资产、收取的费用以及办学积累分别登记建账。'],
    ['fee-create', '民办学校应当公示收费项目、收费标准。'],
    ['fee-create', '用人单位应当依法参加生育保险，及时足额缴纳生育保险费。'],
    ['fee-create', '听力残疾人减半交纳移动通讯工具信息费。'],
    ['fee-create', '任何机关或者单位不得对台湾同胞投资企业进行法律、法规、规章规定之外的检查，不得向其摊派或者另立收费项目、提高收费标准。'],
    ['coercion-create', '逾期不申请复议也不提起诉讼、又不履行处罚决定的，由作出处罚决定的行政机关申请人民法院强制执行。'],
    ['coercion-create', '不动产登记机构认为查封事项存在异议的，应当依法向有关机关提出审查建议。'],
    ['coercion-create', '因涉嫌违法被查封、扣押的产品经检验不属于违法产品的，应当自收到检验结论之日起解除查封、扣押。'],
    ['penalty-create', '依法没收的国家明令淘汰的用能设备，交由指定单位解体处理。'],
    ['obligation-add', '水行政主管部门执行罚款和收取水土保持补偿费时，必须使用市财政部门统一印制的票据。'],
    ['obligation-add', '教师不得利用课余时间强制或者变相强制学生参加有偿补课等活动。'],
    ['retroactive', '对本规定实施前公布的不可移动文物，文物行政管理部门应当自本规定实施之日起六十日内按照本规定划定保护范围。'],
    ['fc-8-3-designated', '逾期仍不治理的，水行政主管部门可以指定有治理能力的单位代为治理，所需费用由违法行为人承担。'],
    ['fc-8-3-designated', '市发展改革部门指定的重点用能单位在每年3月底前向市发展改革部门报送上年度的能源利用状况报告。'],
    // A licence the sentence presupposes (held, obtained before a step, missing in a violation), not one it requires.
    ['permit-create', '在地下文物保护区内进行建设工程，建设单位应当在取得建设用地规划许可证后，向市文物行政主管部门提出考古勘探发掘书面申请。'],
    ['permit-create', '取得烟草专卖零售许可证的单位和个人,应当按照规定的经营范围在核定地点亮证从事烟草制品的零售业务。'],
    ['permit-create', '违反本规定第十二条规定，未取得采伐许可证采伐林木的，按照森林法第三十九条的规定处罚。'],
    ['permit-create', '年审时当事人应当同时交验渔业船舶检验证书、渔业船舶登记证书。'],
    ['permit-create', '居住权消灭的，相关当事人应当及时办理居住权注销登记。'],
    ['permit-create', '煤矿投入生产前，煤矿企业应当依照有关安全生产的法律、行政法规的规定取得安全生产许可证。'],
    // A price between private parties, or a fee the sentence says a higher rule sets, is no fee the draft creates.
    ['fee-create', '商事调解组织可以收取合理费用，相关费用实行市场调节价。'],
    ['fee-create', '物业服务企业应当将服务事项、服务标准、收费项目、收费标准等有关情况在物业管理区域内公告。'],
    ['fee-create', '定点屠宰厂（场）可以提供代宰服务，并按规定收取加工费。'],
    ['fee-create', '实施学前教育的民办学校，按月收取费用；'],
    ['fee-create', '（五）按时交纳物业服务费；'],
    ['fee-create', '居民和单位产生的生活垃圾，应当按照省政府有关规定缴纳垃圾处理费。'],
    ['fee-create', '占用、征用林地，在林地内采石、挖沙等活动的，由用地单位和个人按照国家规定缴纳森林植被恢复费。'],
    ['fee-create', '受委托的民办学校向协议就读的学生收取费用，执行当地同级同类公办学校的收费标准。'],
    ['fee-create', '水行政主管部门执行罚款和收取水土保持补偿费时，必须使用市财政部门统一印制的票据。'],
    ['fee-create', '产品质量技术监督部门在产品质量监督抽查中超过规定的数量索取样品或者向被检查人收取检验费用的，由上级产品质量技术监督部门或者同级人民政府责令退还。'],
    ['fee-create', '招生简章应当载明学校名称、办学地址、学校性质、培养目标、办学层次、专业设置、办学形式、收费项目和标准、证书发放等有关事项。'],
  ];
  for (const [id, text] of quiet) {
    it(`${id} stays quiet on “${text.slice(0, 18)}…”`, () => expect(fires(id, text)).toBe(false));
  }

  // The same rules still catch what a sentence requires or charges (real sentences of the corpus: a
  // 地方性法规 may set them, a 规范性文件 may not).
  const required: [string, string][] = [
    ['permit-create', '凡在本省登记从事捕捞生产的渔船，必须持有捕捞许可证。'],
    ['permit-create', '捕捞许可证应当每年进行年审。'],
    ['permit-create', '未取得安全生产许可证的，不得从事煤炭生产。'],
    ['permit-create', '禁止未取得采矿许可证的单位和个人采矿。'],
    ['permit-create', '摄制完成的电影取得电影公映许可证，方可参加电影节（展）。'],
    ['permit-create', '取得企业法人营业执照和经核发资质证书的房地产开发企业，方可从事房地产开发经营活动。'],
    ['permit-create', '从事施工的单位必须持有效的营业执照、施工资质等级证书和安全生产许可证承包工程，不得越级承包工程。'],
    ['fee-create', '从事捕捞生产的单位和个人，应当交纳渔业资源增殖保护费，渔业资源增殖保护费专门用于渔业资源的增殖和保护。'],
    ['fee-create', '建筑施工单位开工前，须到市容和环境卫生行政管理部门办理建筑垃圾清运手续，并预缴建筑垃圾清运保证金；'],
    // the market party here is the one charged (向…经营者收取), not the collector: the charge is read, the adviser judges it
    ['fee-create', '道路旅客运输站向进站经营的客运经营者收取服务费，应当经发展改革部门会同交通主管部门批准。'],
  ];
  for (const [id, text] of required) {
    it(`${id} still fires on “${text.slice(0, 18)}…”`, () => expect(fires(id, text)).toBe(true));
  }

  it('a licence or fee the law the draft implements names is that law’s, not one the draft creates', async () => {
    // 山东省实施《渔业法》办法 第二十条、第二十七条, checked with 渔业法 (which sets both) in the library and without it
    const own = await makeReviewLibrary();
    try {
      const report = await importPaths(own.store, [join(ROOT, 'test', 'fixtures', 'review', 'named-laws')]);
      expect(report.failed).toEqual([]);
      const units = [
        { key: 'a20', kind: 'article' as const, number: 20, suffix: 0, label: '第二十条', path: [], paragraphs: [], text: '凡在本省登记从事捕捞生产的渔船，必须持有捕捞许可证。' },
        { key: 'a27', kind: 'article' as const, number: 27, suffix: 0, label: '第二十七条', path: [], paragraphs: [], text: '从事捕捞生产的单位和个人，应当交纳渔业资源增殖保护费，渔业资源增殖保护费专门用于渔业资源的增殖和保护。' },
      ];
      const run = (store: typeof own.store, title: string) =>
        precheck(store, { title, units, kind: '规范性文件', asOf: '2018-01-23' }, { rules })
          .findings.filter((f) => f.rule === 'permit-create' || f.rule === 'fee-create')
          .map((f) => f.rule);
      expect(run(own.store, '山东省实施《渔业法》办法')).toEqual([]);
      // the library without 渔业法, or a title naming a law that says nothing of them: the draft sets both
      expect(run(lib.store, '山东省实施《渔业法》办法')).toEqual(['permit-create', 'fee-create']);
      expect(run(own.store, '山东省实施《统计法》办法')).toEqual(['permit-create', 'fee-create']);
    } finally {
      own.cleanup();
    }
  });

  it('an item of a list of conduct (有下列行为之一的) is the violation, not a rule the draft sets; an item setting a fine still fires', () => {
    const lead = '行政机关及其工作人员有下列行为之一的，由有关机关责令改正，依法给予处分：\n';
    expect(fires('fc-8-3-designated', `${lead}（六）为市场主体指定或者变相指定中介服务机构的；`)).toBe(false);
    expect(fires('coercion-create', `${lead}（四）非法限制他人人身自由的；`)).toBe(false);
    // the same designation as the draft's own rule, and a fine set in an item, still fire
    expect(fires('fc-8-3-designated', '申请人应当委托县科技局指定的服务机构出具审计报告。')).toBe(true);
    expect(fires('penalty-create', '违反本办法规定，有下列行为之一的，处以500元至1000元罚款：\n（六）不按规定管理施工场地、影响市容和环境卫生的，处以500元至1000元罚款；')).toBe(true);
  });
});

describe('held-out drafts, session 16: conditional grants, concessions to persons, items, the day of issue', () => {
  const one = async (text: string, kind: '规范性文件' | '重大行政决策' = '规范性文件', asOf = '2026-03-01') => {
    const file = join(mkdtempSync(join(tmpdir(), 'lawdesk-s16-')), '送审稿.md');
    writeFileSync(file, '# 高青县科技项目资金管理办法\n\n' + text.split('\n').map((t, i) => `第${'一二三四五六七八九十'[i]}条　${t}`).join('\n\n') + '\n');
    const p = await parseDraftFile(file);
    // the drafts are a 高青县 office's: the 山东 办法 the 有效期 rule rests on binds it (with no place known it would not)
    return precheck(lib.store, { title: p.title, units: p.units, kind, asOf }, { rules, region: '山东·淄博·高青县' });
  };

  it('a tax preference only for whoever 符合…规定 is 需核实 with the reason why; a local one stays 必须修改', async () => {
    const cond = (await one('符合国家和本市有关规定的企业，给予税收优惠。')).findings.find((f) => f.rule === 'fc-10-1-tax')!;
    expect(cond.severity).toBe('需核实');
    expect(cond.reason).toContain('依法享受');
    const local = (await one('入驻园区的企业，前三年所得税地方留成部分全额返还。')).findings.find((f) => f.rule === 'fc-10-1-tax')!;
    expect(local.severity).toBe('必须修改');
  });

  it('a concession to persons (盲人, 残疾人) is no preference to an operator; one to their enterprises still fires', () => {
    expect(fires('fc-10-3-factor', '对盲人、聋哑人等残疾人科技特派员，免收培训费用和行政事业性收费。')).toBe(false);
    expect(fires('fc-10-3-factor', '免收盲人参加职业技能培训的行政事业性收费。')).toBe(false);
    expect(fires('fc-10-3-factor', '对残疾人创办的企业，减免行政事业性收费。')).toBe(true);
  });

  it('a fair-competition finding cites the 条例’s item, with the article’s lead-in and the item’s words', async () => {
    const r = await one('服务机构应当从县科学技术局公布的名录中产生，企业只能向名录内的服务机构购买服务。');
    const f = r.findings.find((x) => x.rule === 'fc-8-3-designated')!;
    expect(f.basis?.citation).toBe('《公平竞争审查条例》第八条第（三）项');
    expect(f.basis?.text).toMatch(/^起草单位起草的政策措施[\s\S]*\n（三）限定经营、购买或者使用特定经营者/);
    expect(f.basis?.text).not.toContain('（四）');
    expect(f.basis?.versionId).toBeTruthy();
  });

  it('施行 the day it is issued, or under 30 days after the review, is 需核实; a reason at the date, or 30 days on, is quiet', async () => {
    const at = async (t: string, kind: '规范性文件' | '重大行政决策' = '规范性文件') =>
      (await one(`为规范管理，制定本办法。\n除涉及国家安全的以外，项目成果归承担单位。\n${t}`, kind)).findings.filter((f) => f.rule === 'effective-on-publish');
    expect((await at('本办法自印发之日起施行，有效期5年。')).map((f) => [f.article?.label, f.severity])).toEqual([['第三条', '需核实']]);
    expect(await at('本方案自发布之日起实施。', '重大行政决策')).toHaveLength(1);
    expect((await at('本办法自2026年3月10日起施行，有效期5年。'))[0]?.reason).toContain('不足30日');
    expect(await at('本办法自2026年4月1日起施行，有效期5年。')).toEqual([]);
    expect(await at('因应对突发事件需要，本办法自印发之日起施行，有效期2年。')).toEqual([]);
    expect((await at('本办法自印发之日起施行，有效期5年。'))[0]!.bases[0]!.citation).toBe('《优化营商环境条例》第六十五条');
  });

  it('有效期至 a date from an unknown day of issue, a little over 5 years from the review date, is 需核实', async () => {
    const v = (await one('为规范管理，制定本办法。\n本办法自印发之日起施行，有效期至2031年3月31日。')).findings.find((f) => f.rule === 'validity-period')!;
    expect(v.severity).toBe('需核实');
    const far = (await one('为规范管理，制定本办法。\n本办法自2026年4月1日起施行，有效期至2033年3月31日。')).findings.find((f) => f.rule === 'validity-period')!;
    expect(far.severity).toBe('必须修改');
  });
});

describe('held-out drafts, session 19: wordings the rules did not read', () => {
  // hit: a sentence of the heldout19 drafts (or its wording varied); miss: a lawful sentence beside it
  const cases: [string, string, string][] = [
    ['penalty-create', '项目承担单位虚报、冒领项目资金的，由县科学技术局追回已拨付资金，并处骗取资金一倍以上三倍以下的罚款。', '项目承担单位虚报、冒领项目资金的，由县科学技术局追回已拨付资金，并依照有关法律、法规的规定处理。'],
    ['remedy-restriction', '奖励对象对评审结果有异议的，可以申请复审，县人才工作领导小组作出的复审决定为终局决定。', '对复审决定不服的，可以依法申请行政复议或者提起行政诉讼。'],
    ['obligation-add', '享受奖励的人才须与用人单位签订五年以上服务协议，服务期内不得调离本县。', '享受奖励的人才与用人单位签订服务协议，服务期内离开本县的，停止发放剩余补贴。'],
    ['retroactive', '2024年1月1日以来已经授予的县科学技术奖，按照本办法规定的条件重新审核，不符合条件的，撤销奖励。', '本办法施行后申报的县科学技术奖，按照本办法规定的条件审核。'],
    ['fc-11-2-price', '技术合同登记代理服务统一按照合同成交额的1%收费，代理机构不得低于该标准收费。', '技术合同登记代理服务的价格由代理机构与委托人协商确定，并在服务场所公示。'],
    ['fc-8-3-designated', '孵化器运营机构由县科学技术局直接确定为高青县创业服务有限公司，不再通过公开方式选择。', '孵化器运营机构由县科学技术局依法通过公开招标方式确定。'],
    ['fc-8-3-designated', '贴息贷款仅限于企业在桓台农村商业银行办理的贷款，在其他金融机构办理的贷款不予贴息。', '企业在银行业金融机构办理的研发贷款，均可以申请贴息。'],
  ];
  for (const [id, hit, miss] of cases) {
    it(`${id} fires on “${hit.slice(0, 18)}…”, not on “${miss.slice(0, 14)}…”`, () => {
      expect(fires(id, hit)).toBe(true);
      expect(fires(id, miss)).toBe(false);
    });
  }
  it('a final award of arbitration in a contract is no 终局 decision of an office', () => {
    expect(fires('remedy-restriction', '仲裁裁决为终局裁决，对双方均有约束力。')).toBe(false);
  });
});

describe('held-out drafts, session 20: wordings the rules did not read', () => {
  // hit: a sentence of the heldout20 drafts with its wording varied; miss: a lawful sentence beside it
  const cases: [string, string, string][] = [
    ['penalty-create', '技术经纪人弄虚作假的，由县科学技术局取消其备案，没收其从事经纪活动取得的佣金收入。', '技术经纪人弄虚作假的，由县科学技术局取消其备案，并收回已发放的奖励资金。'],
    ['obligation-add', '入选的科技特派员严禁以技术参股方式与派驻企业合作。', '鼓励科技特派员以技术入股、兼职取酬等方式与服务对象结成利益共同体。'],
    ['obligation-add', '申请补助的企业必须使用县科学技术局监制的项目申报表格。', '申请补助的企业可以参照使用科学技术部制定的技术合同示范文本。'],
    ['permit-create', '企业在省科技成果登记系统登记前，须先向县科学技术局报送材料，经县科学技术局审查同意并加盖公章后方可登记。', '企业自行在省科技成果登记系统登记，县科学技术局提供咨询和指导。'],
    ['fc-8-3-designated', '孵化器装修改造工程由县科学技术局直接交给高青县建设工程有限公司施工。', '孵化器装修改造工程依法通过公开招标确定施工单位。'],
    ['fc-9-2-local-establishment', '县外检测机构在本县注册成立分公司后，方可承接本县创新券服务。', '具备相应资质的检测机构，均可承接本县创新券服务。'],
    ['fc-10-3-factor', '入驻企业的厂房租金，按照市场租金标准的百分之三十收取。', '入驻企业的厂房租金，按照市场价格由双方协商确定。'],
  ];
  for (const [id, hit, miss] of cases) {
    it(`${id} fires on “${hit.slice(0, 18)}…”, not on “${miss.slice(0, 14)}…”`, () => {
      expect(fires(id, hit)).toBe(true);
      expect(fires(id, miss)).toBe(false);
    });
  }
  it('办理工商登记 in the place is the law’s registration (fc-9-2’s matter), no permit the draft sets', () => {
    expect(fires('permit-create', '申请入园的企业应当在本县办理工商登记。')).toBe(false);
    expect(fires('fc-9-2-local-establishment', '申请入园的企业应当在本县办理工商登记。')).toBe(true);
    expect(fires('permit-create', '从事科技咨询服务的机构应当向县科学技术局办理资格登记。')).toBe(true);
  });
  it('a law repealed by name (合同法 by 民法典第一千二百六十条) is reported though the library never held it; not before the day', () => {
    const unit = (text: string) => [{ key: '1', kind: 'article' as const, number: 1, suffix: 0, label: '第一条', path: [], paragraphs: [], text }];
    const check = (text: string, asOf: string) => precheck(lib.store, { title: '高青县技术合同登记办法', units: unit(text), kind: '规范性文件', asOf }, { rules }).findings.filter((f) => f.rule.startsWith('citation-'));
    const named = check('根据《中华人民共和国合同法》《中华人民共和国促进科技成果转化法》等规定，制定本办法。', '2026-12-01');
    expect(named.map((f) => [f.rule, f.severity, f.excerpt])).toEqual([['citation-repealed', '必须修改', '《中华人民共和国合同法》']]);
    expect(named[0]!.reason).toBe('《中华人民共和国合同法》已于2021年1月1日废止（《中华人民共和国民法典》第一千二百六十条），不能作为制定依据。');
    expect(named[0]!.basis).toMatchObject({ citation: '《中华人民共和国民法典》第一千二百六十条' });
    expect(named[0]!.basis!.text).toContain('《中华人民共和国合同法》、《中华人民共和国物权法》');
    expect(named[0]!.suggestion).toContain('《中华人民共和国民法典》');
    // with an article, and twice in one article: one finding
    const art = check('技术合同的认定，依照《中华人民共和国合同法》第三百二十二条和《中华人民共和国合同法》第三百二十三条的规定执行。', '2026-12-01');
    expect(art.map((f) => f.rule)).toEqual(['citation-repealed']);
    // 技术合同法, repealed by 合同法 in 1999
    expect(check('根据《中华人民共和国技术合同法》，制定本办法。', '2026-12-01')[0]!.reason).toContain('已于1999年10月1日废止（《中华人民共和国合同法》第四百二十八条）');
    // a review dated before 2021: 合同法 was in force, only not in the library
    expect(check('根据《中华人民共和国合同法》，制定本办法。', '2020-06-01').map((f) => f.rule)).toEqual(['citation-law-missing']);
  });
});

describe('held-out drafts, session 32: wordings the rules did not read', () => {
  // hit: a problem of the heldout32 drafts in other words; miss: the lawful sentence beside it
  const cases: [string, string, string][] = [
    // a 服务费 for the office's own act (验收, 认定, 登记…) is the office's fee, not a market price
    ['fee-create', '申请认定的企业，应当按每家三百元缴纳认定服务费。', '企业使用创新券向检测机构支付检测服务费，按合同约定结算。'],
    ['fee-create', '办理技术合同登记的，当事人应当交纳登记服务费。', '技术合同登记不收取任何费用。'],
    // a tax preference the sentence takes from a named 法律 is the law's, not the draft's; one of a local 办法 is not
    ['fc-10-1-tax', '依照《高青县招商引资优惠办法》享受税收返还。', '企业从事技术转让取得的所得，依照《中华人民共和国企业所得税法》的规定享受减免税优惠。'],
  ];
  for (const [id, hit, miss] of cases) {
    it(`${id} fires on “${hit.slice(0, 18)}…”, not on “${miss.slice(0, 14)}…”`, () => {
      expect(fires(id, hit)).toBe(true);
      expect(fires(id, miss)).toBe(false);
    });
  }
});

describe('held-out drafts, session 23: wordings the rules did not read', () => {
  // hit: a problem of the heldout23 drafts in other words; miss: the lawful sentence beside it
  const cases: [string, string, string][] = [
    ['permit-create', '未经县农业农村局评定的合作社，不得以示范社名义对外开展经营活动。', '未经认定的机构，不得享受本办法规定的补助政策。'],
    ['obligation-add', '受资助形成的专利技术，项目承担单位不得转让给市外企业。', '受资助形成的专利技术，项目承担单位可以依法转让，并报县科学技术局备案。'],
    ['fc-9-1-local-goods', '获得奖励的企业，其研发成果不得许可外地企业实施。', '获得奖励的企业，鼓励其研发成果在本县转化。'],
    ['procedure-skip-collective', '实施方案经县教育和体育局局务会议讨论通过后，报县政府分管领导审批。', '实施方案报分管副县长审定后，提请县政府常务会议审议。'],
    ['fc-8-3-designated', '科技馆的运营交由县文旅发展集团有限公司负责，不再另行招标。', '科技馆的运营服务单位通过公开招标确定。'],
  ];
  for (const [id, hit, miss] of cases) {
    it(`${id} fires on “${hit.slice(0, 18)}…”, not on “${miss.slice(0, 14)}…”`, () => {
      expect(fires(id, hit)).toBe(true);
      expect(fires(id, miss)).toBe(false);
    });
  }

  // A 重大行政决策 whose own list of steps leaves a step of the 条例 out.
  const units = (steps: string) =>
    ['建设目标。2028年底前建成县级科技企业孵化器一处。', `工作步骤。${steps}`].map((text, i) => ({ key: `s${i + 1}`, kind: 'section' as const, number: i + 1, suffix: 0, label: ['一、', '二、'][i]!, path: [], paragraphs: [], text }));
  const stepRules = (steps: string, review?: Parameters<typeof procedureFindings>[0]) =>
    precheck(lib.store, { title: '高青县科技企业孵化器建设方案（草案）', units: units(steps), kind: '重大行政决策', asOf: '2026-12-06', ...(review ? { review } : {}) }, { rules })
      .findings.filter((f) => /^procedure-(?:comment|expert|risk|collective)-missing$/.test(f.rule))
      .map((f) => `${f.article?.label ?? '全文'} ${f.rule}`)
      .sort();
  it('a step the decision’s own list of steps leaves out is reported at the list; a list with every step is not', () => {
    expect(stepRules('2027年3月完成方案起草，征求县有关部门意见；2027年4月经县政府常务会议讨论决定后印发实施。')).toEqual(['二、 procedure-comment-missing', '二、 procedure-expert-missing', '二、 procedure-risk-missing']);
    expect(stepRules('2027年3月完成方案起草，向社会公开征求意见30日，组织专家论证并开展社会稳定风险评估；经县司法局合法性审查后，提请县政府常务会议讨论决定。')).toEqual([]);
    // a decision that lists no steps of its own says nothing here (the record speaks for it)
    expect(stepRules('孵化器由县科学技术局负责建设。')).toEqual([]);
  });
  it('with a record, a step it shows held silences the list, and a step it lacks is said once, at the list', () => {
    const review = {
      id: 'R2026-023', revision: 1, createdAt: '', createdBy: '', updatedAt: '', updatedBy: '',
      type: '重大行政决策' as const, title: '孵化器', leadUnit: '高新技术科', receivedDate: '2026-12-01', dueDate: '2026-12-20', materials: [],
      procedures: [{ check: '专家论证' as const, applicable: true, done: true }, { check: '风险评估' as const, applicable: false, done: false }],
      status: '收件' as const, tags: [], findings: { authority: { text: '', citations: [] }, procedure: { text: '', citations: [] }, content: { text: '', citations: [] } },
      opinion: { text: '', citations: [] }, citations: [], attachments: [],
    };
    expect(stepRules('2027年3月完成方案起草，征求县有关部门意见；2027年4月经县政府常务会议讨论决定后印发实施。', review)).toEqual(['二、 procedure-comment-missing', '全文 procedure-collective-missing']);
  });
});

describe('held-out drafts, session 22: wordings the rules did not read', () => {
  // hit: a problem of the heldout22 drafts in other words; miss: the lawful sentence beside it
  const cases: [string, string, string][] = [
    ['procedure-skip-collective', '本方案经县农业农村局党组会议审议同意后，由项目建设指挥部组织实施。', '本方案经县农业农村局党组会议审议同意后，提请县人民政府常务会议审议决定后组织实施。'],
    ['procedure-skip-collective', '实施方案由县交通运输局局长办公会议研究决定后印发执行。', '实施方案经县交通运输局局长办公会议研究后，报县人民政府审定后印发执行。'],
    ['fc-9-1-local-goods', '示范基地建设所需苗木，须从本市苗木企业购买。', '示范基地建设所需苗木，鼓励从本市苗木企业购买。'],
    ['fc-9-1-local-goods', '获得补助的企业，其生产所需原材料应当向本县生产商采购。', '县科学技术局不得要求获得补助的企业向本县生产商采购原材料。'],
    ['fee-create', '申请认定的企业应当向认定机构缴纳审核服务费五百元。', '企业使用创新券向检测机构支付检测服务费，按合同约定结算。'],
    ['obligation-add', '财政资助形成的软件著作权，县工业和信息化局有权免费使用并向社会推广。', '高等学校可以无偿许可其他单位实施其科技成果。'],
  ];
  for (const [id, hit, miss] of cases) {
    it(`${id} fires on “${hit.slice(0, 18)}…”, not on “${miss.slice(0, 14)}…”`, () => {
      expect(fires(id, hit)).toBe(true);
      expect(fires(id, miss)).toBe(false);
    });
  }
});

describe('held-out drafts, session 21: who is bound and who approves, and wordings the rules did not read', () => {
  // hit: a sentence of the heldout21 drafts with its wording varied; miss: a lawful sentence beside it
  const cases: [string, string, string][] = [
    ['permit-create', '企业申请技术合同登记的，应当报县科学技术局，经县科学技术局审核同意后方可登记。', '企业申请技术合同登记的，县科学技术局应当在五个工作日内办理。'],
    ['permit-create', '培训机构举办面向社会的科技培训班，须报请县科学技术局审查同意后方能招生。', '培训机构举办面向社会的科技培训班，应当在开班前五日告知县科学技术局。'],
    ['permit-create', '企业申请技术合同登记的，应当报县科学技术局，经县科学技术局审核同意后方可登记。', '县科学技术局应当报县人民政府，经县人民政府批准后方可实施。'],
    ['penalty-create', '对弄虚作假的申报单位，由县科学技术局给予通报批评，并收回已拨付的资助资金。', '对工作成效突出的申报单位，由县科学技术局予以通报表扬。'],
    ['obligation-add', '承担单位应当按季度报送项目进展情况，并将研发形成的专利无偿许可本县企业实施。', '承担单位应当按季度报送项目进展情况，并依照约定将研发形成的专利有偿许可他人实施。'],
    ['obligation-add', '入选的示范企业须每年接待参观不少于二十批次，并无偿承担县科学技术局组织的现场观摩活动。', '入选的示范企业可以自愿承担县科学技术局组织的现场观摩活动，县科学技术局给予经费补助。'],
    ['procedure-skip-collective', '本方案经县农业农村局党组会议研究通过后，报县人民政府备案并执行。', '本方案经县人民政府常务会议讨论决定后，报市人民政府备案并组织实施。'],
    ['fc-8-3-designated', '平台建成后的日常运维由县科创服务有限公司独家承担。', '平台建成后的日常运维通过政府采购方式确定服务单位承担。'],
  ];
  for (const [id, hit, miss] of cases) {
    it(`${id} fires on “${hit.slice(0, 18)}…”, not on “${miss.slice(0, 14)}…”`, () => {
      expect(fires(id, hit)).toBe(true);
      expect(fires(id, miss)).toBe(false);
    });
  }
  it('boundClause: a clause that opens with its modal (应当报县科学技术局) names whom it reports to; the party is the clause before’s', () => {
    const at = (text: string, from: string) => boundClause(text, { index: text.indexOf(from), text: text.slice(text.indexOf(from), text.indexOf('。')) });
    expect(at('企业申请技术合同登记的，应当报县科学技术局，经县科学技术局审核同意后方可登记。', '经县科学技术局审核')).toEqual({ party: '', said: '方可登记' });
    expect(at('培训机构，应当报县科学技术局，经县科学技术局审核同意后方可招生。', '经县科学技术局审核')).toEqual({ party: '培训机构', said: '方可招生' });
    expect(at('县科学技术局应当报县人民政府，经县人民政府批准后方可实施。', '经县人民政府批准')!.party).toBe('县科学技术局');
    // a condition clause (…的) still names nobody, and 未经批准 still stops the search
    expect(at('县科学技术局负责登记工作，未经批准，不得从事技术经纪活动。', '不得')!.party).toBe('');
  });
});

describe('held-out drafts, session 18: another wording of each problem, and a 款/项 the cited article lacks', () => {
  // hit: a sentence of the heldout18 drafts (or its wording varied); miss: the lawful sentence next to it
  const cases: [string, string, string][] = [
    ['permit-create', '外地检验检测机构在本县承接检验检测业务的，应当事先向县科学技术局报送机构资质和人员情况，经审核同意后方可开展业务。', '项目资金经县财政局审核同意后方可拨付。'],
    ['remedy-restriction', '当事人对处理决定有异议的，可以向县科学技术局申请复核。复核决定为最终决定。', '对复核决定不服的，可以依法申请行政复议或者提起行政诉讼。'],
    ['remedy-restriction', '被调查人应当在接到通知之日起三日内说明情况；逾期不到场的，视为认可举报内容。', '被调查人逾期不到场的，调查组根据已经查明的事实作出认定，并告知其陈述、申辩的权利。'],
    ['obligation-add', '对认定存在科研失信行为的个人，县科学技术局在门户网站公开其姓名、身份证号码和家庭住址。', '县科学技术局在门户网站公开失信行为人的姓名和处理结果，身份证号码作隐去处理。'],
    ['procedure-skip-legality', '决策草案经县科学技术局各科室会签后，视为已完成合法性审查。', '决策草案经县司法局合法性审查后，提请县人民政府常务会议讨论。'],
    ['procedure-skip-normative', '本办法经局机关各科室会签，视同已经合法性审核。', '本办法经县司法局合法性审核后，提交局务会议集体审议。'],
    ['procedure-skip-collective', '决策草案报县人民政府分管副县长审定后组织实施。', '决策草案经县人民政府常务会议讨论决定后，由分管副县长组织实施。'],
    ['fc-8-3-designated', '检验检测报告应当由县科学技术局指定的沂源县科创检验检测中心有限公司出具。', '检验检测报告可以由具备相应资质的检验检测机构出具。'],
    ['fc-9-5-discriminatory-requirement', '外地检验检测机构在本县承接检验检测业务的，应当事先向县科学技术局报送机构资质和人员情况。', '检验检测机构在本县承接检验检测业务，应当具备相应资质。'],
    ['fc-10-2-selective-subsidy', '对年度服务收入排名前三位的共享服务机构，县财政分别给予10万元、8万元、5万元奖励。', '对服务质量评价为优秀的共享服务机构，县财政给予5万元奖励。'],
    ['fc-9-1-local-goods', '企业使用科技创新券购买检验检测服务的，只能选择在本县注册的服务机构。', '企业使用科技创新券购买检验检测服务的，可以自主选择服务机构。'],
    ['fc-11-2-price', '检验检测服务收费由服务机构公示，不得擅自降价招揽业务。', '检验检测服务价格由服务机构与企业协商确定。'],
    ['contract-unilateral-change', '甲方有权根据县科技计划年度预算情况调减研究开发经费或者终止本合同，乙方不得提出异议。', '因财政预算调整需要变更研究开发经费的，双方协商一致后签订补充协议。'],
  ];
  for (const [id, hit, miss] of cases) {
    it(`${id} fires on “${hit.slice(0, 18)}…”, not on “${miss.slice(0, 14)}…”`, () => {
      expect(fires(id, hit)).toBe(true);
      expect(fires(id, miss)).toBe(false);
    });
  }

  it('a local preference in 政府采购 is 第九条第（三）项’s (fc-9-3), not also 第（一）项’s', () => {
    const s = '政府采购科技服务项目，应当优先选择本县企业。';
    expect(fires('fc-9-3-bidding', s)).toBe(true);
    expect(fires('fc-9-1-local-goods', s)).toBe(false);
  });

  it('a 款 or 项 the cited article lacks is 必须修改 naming what the article has; one it has resolves quietly', () => {
    const check = (text: string) => precheck(lib.store, { title: '高青县科研诚信管理办法', units: [{ key: '1', kind: 'article', number: 1, suffix: 0, label: '第一条', path: [], paragraphs: [], text }], kind: '规范性文件', asOf: '2026-11-20' }, { rules });
    const para = check('根据《中华人民共和国科学技术进步法》第一百一十二条第三款的规定，制定本办法。').findings.filter((f) => f.rule === 'citation-part-missing');
    expect(para).toHaveLength(1);
    expect(para[0]).toMatchObject({ severity: '必须修改', article: { label: '第一条' } });
    expect(para[0]!.reason).toMatch(/第一百一十二条只有 2 款，没有第三款/);
    expect(para[0]!.bases[0]!.citation).toMatch(/科学技术进步法.*第一百一十二条$/);
    const item = check('依照《中华人民共和国行政许可法》第十二条第（七）项的规定办理。').findings.filter((f) => f.rule === 'citation-part-missing');
    expect(item).toHaveLength(1);
    expect(item[0]!.reason).toMatch(/第十二条只有 6 项，没有第（七）项/);
    for (const ok of ['根据《中华人民共和国科学技术进步法》第一百一十二条第二款的规定，制定本办法。', '依照《中华人民共和国行政许可法》第十二条第（六）项的规定办理。']) {
      const r = check(ok);
      expect(r.findings.filter((f) => f.source === 'citation')).toEqual([]);
      expect(r.citations.map((c) => c.status)).toEqual(['resolved']);
    }
  });
});

describe('lawful sentences of real local rules stay quiet (precision sweep, seed 20261218)', () => {
  it('fc-9-1 reads 选择 of a local operator, not a choice of local things (文物行政部门应当每三年选择本行政区域内…文物)', () => {
    expect(fires('fc-9-1-local-goods', '市、区县文物行政部门应当每三年选择本行政区域内具有历史、艺术、科学价值的古文化遗址、古墓葬、古建筑，报同级人民政府核定公布。')).toBe(false);
    expect(fires('fc-9-1-local-goods', '申请人应当选择本县的检验检测机构出具报告。')).toBe(true);
  });
});
