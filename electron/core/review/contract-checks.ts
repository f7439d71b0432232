// The whole-contract checks of the pre-check (document rules of resources/review-rules/30-contract.json):
// a 违约金 rate read from its wording (百分之三十 / 30% / 按日万分之五 / 每逾期一日千分之五), liability
// written for one party only, a clause the contract type needs but lacks, arbitration and court both
// chosen, a procurement over the threshold with no 政府采购 procedure, and a party that is an internal
// department; and, for a contract the office signs, all risk or liability put on the office, and a
// dispute forum away from it (the other party's place, a court or arbitration body of another place).
// The words and thresholds live in the rule file; this module only reads the contract.

import { divisionAtStart, divisionOf, type Division } from '../library/region-gazetteer';
import { NUMERAL_CHARS, parseChineseNumber } from '../text/chinese-numerals';
import type { DraftSentence } from './draft-sentences';

/** Where a check fires: a sentence of the draft, or a header line (甲方：…), or the whole contract. */
export interface ContractHit {
  sentence?: DraftSentence;
  excerpt?: string;
  /** What this contract says, appended to the rule's reason. */
  detail: string;
  /** The rule's reason and suggestion in place of its default, when the contract's facts call for another. */
  reason?: string;
  suggestion?: string;
}

export type RuleParams = Record<string, string | number>;

const CN = NUMERAL_CHARS.replace('0-9０-９', '');
const NUM = `(?:[0-9０-９]+(?:[.．][0-9０-９]+)?|[${CN}]+(?:点[${CN}]+)?)`;

/** 30 / 0.5 / 三十 / 零点五 / 十二点五 → number (NaN when not a number). */
export function parseAmount(text: string): number {
  const s = text.replace(/[０-９．]/g, (d) => (d === '．' ? '.' : String.fromCharCode(d.charCodeAt(0) - 0xfee0)));
  if (/^\d+(?:\.\d+)?$/.test(s)) return Number(s);
  const [int, frac] = s.split('点');
  const whole = int === '' || int === undefined ? 0 : parseChineseNumber(int);
  if (frac === undefined) return whole;
  const digits = [...frac].map((c) => parseChineseNumber(c));
  if (digits.some((d) => Number.isNaN(d) || d > 9)) return NaN;
  return whole + Number(`0.${digits.join('')}`);
}

const RATE_RE = new RegExp(
  [`百分之(${NUM})`, `(${NUM})\\s*[%％]`, `千分之(${NUM})`, `(${NUM})\\s*‰`, `万分之(${NUM})`, `(${NUM})\\s*‱`, `(${NUM}|双|两)倍`].join('|'),
  'gu',
);
const DIVISORS = [100, 100, 1000, 1000, 10000, 10000];
/** 按日 / 每日 / 每逾期一日 / 每延迟交货一天 / 逾期每天 / 日万分之五: a rate per day of delay. */
const DAILY_RE = new RegExp(`(?:按|每)(?:日|天)|每(?:(?:逾期|延迟|迟延|拖延|延期|迟)[^，,；;。]{0,6}?)?(?:一|1)?(?:日|天)|逾期每(?:日|天)|按(?:逾期|迟延|延迟)?(?:天数|日数)|(?:^|[^${CN}0-9])日(?:利率|息)?(?=(?:${NUM}|百分之|千分之|万分之))`, 'u');
/** A cap, not a rate: 累计不超过合同总价的百分之十, 以合同价款的 20% 为限. */
const TOTAL_RE = /总额|累计|合计|总计|最高|上限|封顶/u;
const CAP_BEFORE = /(?:不超过|不得超过|不高于|最高|上限|封顶|累计)[^，,；;。]{0,14}$/u;

export interface PenaltyRate {
  rate: number;
  daily: boolean;
  written: string;
}

/** The 违约金 rates a sentence sets: the clause naming 违约金 and the clause after it (违约金为…). */
export function penaltyRates(sentence: string, trigger: RegExp): PenaltyRate[] {
  const clauses = sentence.split(/(?<=[，,；;：:])/u);
  const out: PenaltyRate[] = [];
  clauses.forEach((clause, i) => {
    if (!trigger.test(clause)) return;
    const next = clauses[i + 1] && !trigger.test(clauses[i + 1]!) ? clauses[i + 1]! : '';
    // 每逾期一日 before the 违约金 clause makes its rate daily; a following 累计/总额 clause is a total.
    const dailyHere = DAILY_RE.test((clauses[i - 1] ?? '') + clause);
    const dailyNext = DAILY_RE.test(next) || (dailyHere && !TOTAL_RE.test(next));
    const scope = clause + next;
    for (const m of scope.matchAll(RATE_RE)) {
      if (CAP_BEFORE.test(scope.slice(0, m.index))) continue;
      const g = m.slice(1).findIndex((x) => x !== undefined);
      const raw = m[g + 1]!;
      const n = g === 6 ? (raw === '双' || raw === '两' ? 2 : parseAmount(raw)) : parseAmount(raw) / DIVISORS[g]!;
      if (!Number.isFinite(n) || n <= 0) continue;
      out.push({ rate: n, daily: g !== 6 && (m.index < clause.length ? dailyHere : dailyNext), written: m[0] });
    }
  });
  return out;
}

const pct = (r: number) => `${Math.round(r * 1000) / 10}%`;

/** 违约金 over the rule's thresholds (a share of the price, or per day). */
export function excessivePenalty(sentences: DraftSentence[], params: RuleParams): ContractHit[] {
  const trigger = new RegExp(String(params.trigger ?? '违约金'), 'u');
  const maxShare = Number(params.maxPercent ?? 20) / 100;
  const maxDaily = Number(params.maxDailyPerTenThousand ?? 5) / 10000;
  const out: ContractHit[] = [];
  for (const s of sentences) {
    if (!trigger.test(s.matchText)) continue;
    const worst = penaltyRates(s.matchText, trigger).find((r) => (r.daily ? r.rate > maxDaily : r.rate > maxShare));
    if (!worst) continue;
    out.push({
      sentence: s,
      // said as the 意见书 says it; the thresholds are the office's and stay in the rule file
      detail: worst.daily ? `本条约定按日${worst.written}计付违约金（折合年利率约${pct(worst.rate * 365)}），明显过高。` : `本条约定的违约金（${worst.written}）明显偏高。`,
    });
  }
  return out;
}

// 因过错给甲方造成损失: liability for fault is liability too (民法典 第九百二十九条 for an agent)
const BREACH = /(?:违约(?!金|责任)|逾期|迟延|延迟|未按|未能|不能按|擅自|挪用|拒绝|拒不|过错|过失|故意)/u;
// 逾期付款的利息, 资金占用费: the payer's liability for paying late (民法典 第五百七十九条, 第五百八十四条)
const LIABILITY = /违约金|赔偿|违约责任|承担[^。；]{0,12}责任|退还|返还|滞纳金|利息|资金占用(?:费|损失)/u;

/** The pair of parties the contract uses (甲方/乙方, 委托方/受托方, 采购人/供应商 …). */
function partiesOf(text: string, params: RuleParams): [string, string] | undefined {
  const pairs = String(params.parties ?? '甲方/乙方').split(/[;；]/).map((p) => p.split('/') as [string, string]);
  let best: [string, string] | undefined;
  let bestCount = 0;
  for (const [a, b] of pairs) {
    if (!a || !b || !text.includes(a) || !text.includes(b)) continue;
    const count = text.split(a).length + text.split(b).length;
    if (count > bestCount) [best, bestCount] = [[a, b], count];
  }
  return best;
}

/**
 * Liability for breach written for one party only (乙方 pays 违约金; nothing when 甲方 pays late). Said
 * from the office's side: when only the office is bound (甲方逾期付款 pays 违约金, 乙方 only 整改), the gap is
 * the other party's liability, and the rule's `officeBoundReason` / `officeBoundSuggestion` say so.
 */
export function oneSidedLiability(sentences: DraftSentence[], docText: string, params: RuleParams, header: string[] = []): ContractHit[] {
  const pair = partiesOf(docText, params);
  if (!pair) return [];
  const mutual = new RegExp(String(params.mutual ?? '任何一方|一方违约|违约方|守约方|双方均|各方|一方未|一方不'), 'u');
  const by: Record<string, DraftSentence[]> = { [pair[0]]: [], [pair[1]]: [] };
  for (const s of sentences) {
    if (!LIABILITY.test(s.matchText)) continue;
    if (mutual.test(s.matchText)) return [];
    for (const clause of s.matchText.split(/[，,；;]/u)) {
      // the party in breach, not the one paid (向甲方支付违约金)
      const m = new RegExp(`(?<![向给对由])(${pair[0]}|${pair[1]})[^，,。；;]{0,15}?${BREACH.source}`, 'u').exec(clause);
      if (m && !by[m[1]!]!.includes(s)) by[m[1]!]!.push(s);
    }
  }
  for (const [bound, free] of [pair, [pair[1], pair[0]]] as const) {
    if (by[bound]!.length && !by[free]!.length) {
      const where = [...new Set(by[bound]!.map((s) => s.article.label))].join('、');
      const { office } = officeSides(header, params);
      const isOffice = (role: string) => office.some((p) => p.roles.includes(role) || namesOf(p.name).includes(role));
      if (isOffice(bound) && !isOffice(free)) {
        return [
          {
            sentence: by[bound]![0]!,
            detail: `合同只约定了${bound}（本单位）的违约责任（${where}），没有约定${free}逾期履行、履行不符合约定时的违约责任。`,
            ...(params.officeBoundReason ? { reason: String(params.officeBoundReason) } : {}),
            ...(params.officeBoundSuggestion ? { suggestion: String(params.officeBoundSuggestion).replaceAll('{对方}', free) } : {}),
          },
        ];
      }
      const example = isOffice(free) ? '（如逾期付款、逾期验收）' : '';
      return [{ sentence: by[bound]![0]!, detail: `合同只约定了${bound}的违约责任（${where}），没有约定${free}违约${example}时的责任。` }];
    }
  }
  return [];
}

/**
 * A clause the contract needs (`require`) when it is of a kind (`when`), missing; pinned to `at` if
 * found. `party`: only when a party (甲方：高青县科学技术局) is of this kind — a duty of the 国家机关.
 */
export function clauseMissing(sentences: DraftSentence[], docText: string, params: RuleParams): ContractHit[] {
  if (params.when && !new RegExp(String(params.when), 'u').test(docText)) return [];
  if (params.party) {
    const party = new RegExp(String(params.party), 'u');
    if (![...docText.matchAll(PARTY_LINE)].some((m) => party.test(m[2]!.trim()))) return [];
  }
  const require = new RegExp(String(params.require), 'u');
  // A clause often runs over several sentences (争议…协商解决；协商不成的，向…法院起诉): read each article whole.
  const articles = new Map<string, string>();
  for (const s of sentences) articles.set(s.article.key, (articles.get(s.article.key) ?? '') + s.matchText);
  if ([...articles.values()].some((t) => require.test(t))) return [];
  const at = params.at ? sentences.find((s) => new RegExp(String(params.at), 'u').test(s.matchText)) : undefined;
  return [{ ...(at ? { sentence: at } : {}), detail: String(params.detail ?? '') }];
}

const ARBITRATION = /仲裁委员会|仲裁机构|(?:申请|提交|提请|通过|选择)[^，。；]{0,12}仲裁|仲裁解决|仲裁或(?:者)?(?:诉讼|起诉)|(?:诉讼|起诉)或(?:者)?仲裁/u;
const COURT = /(?:人民)?法院[^，。；]{0,8}(?:起诉|诉讼|管辖)|提起(?:民事)?诉讼|向[^，。；]{0,24}法院(?:起诉|提起)|诉讼(?:方式)?解决|起诉/u;
/** What a court does to an award is not a choice of forum (撤销、执行仲裁裁决, 保全). */
const AWARD_COURT = /(?:申请)?(?:撤销|执行|不予执行)[^，。；]{0,8}仲裁裁决|仲裁裁决[^，。；]{0,12}(?:撤销|执行)|(?:财产|证据)保全/gu;

/**
 * The dispute clause, read per article: `both` — arbitration and a court both chosen (the
 * arbitration agreement is void); `unnamed` — arbitration with no commission named.
 */
export function disputeForum(sentences: DraftSentence[], params: RuleParams): ContractHit[] {
  const byArticle = new Map<string, DraftSentence[]>();
  for (const s of sentences) byArticle.set(s.article.key, [...(byArticle.get(s.article.key) ?? []), s]);
  const out: ContractHit[] = [];
  for (const list of byArticle.values()) {
    const text = list.map((s) => s.matchText.replace(AWARD_COURT, '')).join('');
    if (!ARBITRATION.test(text)) continue;
    const at = list.find((s) => ARBITRATION.test(s.matchText.replace(AWARD_COURT, '')))!;
    if (params.mode === 'both') {
      if (COURT.test(text)) out.push({ sentence: at, detail: '本条同时约定了仲裁和向人民法院起诉。' });
    } else if (!COURT.test(text) && !/仲裁委员会|仲裁院/u.test(text)) {
      out.push({ sentence: at, detail: '本条约定仲裁，但没有写明选定的仲裁委员会。' });
    }
  }
  return out;
}

const MONEY_RE = new RegExp(`(${NUM}(?:[,，][0-9]{3})*)\\s*(万元|元|万)`, 'gu');

/** The contract price: the largest amount in a sentence about the price (合同总价款、服务费用 …). */
export function contractPrice(sentences: DraftSentence[], priceWords: RegExp): { amount: number; sentence: DraftSentence } | undefined {
  let best: { amount: number; sentence: DraftSentence } | undefined;
  for (const s of sentences) {
    if (!priceWords.test(s.matchText)) continue;
    for (const m of s.matchText.matchAll(MONEY_RE)) {
      const n = parseAmount(m[1]!.replace(/[,，]/g, '')) * (m[2] === '元' ? 1 : 10000);
      if (Number.isFinite(n) && (!best || n > best.amount)) best = { amount: n, sentence: s };
    }
  }
  return best;
}

/** A purchase of goods or services at or over the threshold with no 政府采购 procedure named. */
export function procurementThreshold(sentences: DraftSentence[], docText: string, params: RuleParams): ContractHit[] {
  if (!new RegExp(String(params.when), 'u').test(docText)) return [];
  if (params.unless && new RegExp(String(params.unless), 'u').test(docText)) return [];
  const price = contractPrice(sentences, new RegExp(String(params.price ?? '价款|总价|金额|费用'), 'u'));
  const threshold = Number(params.thresholdYuan ?? 1000000);
  if (!price || price.amount < threshold) return [];
  const wan = (n: number) => `${Math.round(n / 100) / 100}万元`;
  return [{ sentence: price.sentence, detail: `合同价款约${wan(price.amount)}，可能达到政府采购限额标准，合同中没有写明采用的政府采购方式或者中标、成交结果。` }];
}

const PARTY_LINE = /(甲方|乙方|丙方|委托方|受托方|委托人|受托人|采购人|供应商|发包方|承包方|资助方|出让方|受让方|合作方|买方|卖方)[^：:\n]{0,12}[：:]\s*([^\n，,；;。（(：:]{2,40})/gu;

/** A party named as an internal department (…局…科, …大学科研处): it has no capacity of its own to contract. */
export function internalDepartmentParty(header: string[], sentences: DraftSentence[], params: RuleParams): ContractHit[] {
  const dept = new RegExp(String(params.department), 'u');
  const legal = params.legalPerson ? new RegExp(String(params.legalPerson), 'u') : undefined;
  const out: ContractHit[] = [];
  const check = (text: string, sentence?: DraftSentence) => {
    for (const m of text.matchAll(PARTY_LINE)) {
      const name = m[2]!.trim();
      if (!dept.test(name) || legal?.test(name)) continue;
      out.push({ ...(sentence ? { sentence } : { excerpt: m[0].trim() }), detail: `${m[1]}“${name}”是机关或者单位的内设机构，不具有独立的民事主体资格。` });
    }
  };
  for (const line of header) check(line);
  for (const s of sentences.filter((x) => x.index < 3)) check(s.matchText, s);
  return out;
}

const ROLE = /甲方|乙方|丙方|委托方|受托方|委托人|受托人|采购人|供应商|发包方|承包方|资助方|出让方|受让方|合作方|买方|卖方/gu;
const escapeRe = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A party of the contract: its name and every role the contract calls it by (委托方（甲方）: both). */
export interface ContractParty {
  name: string;
  roles: string[];
}

/** The parties named in the lines above 第一条 (委托方（甲方）：高青县科学技术局). */
export function contractParties(header: string[]): ContractParty[] {
  const out: ContractParty[] = [];
  for (const line of header) {
    for (const m of line.matchAll(PARTY_LINE)) {
      const name = m[2]!.trim();
      const label = m[0].slice(0, m[0].search(/[：:]/u));
      const roles = [...new Set([...label.matchAll(ROLE)].map((r) => r[0]))];
      const known = out.find((p) => p.name === name);
      if (known) known.roles = [...new Set([...known.roles, ...roles])];
      else out.push({ name, roles });
    }
  }
  return out;
}

/** The office's parties (`params.office`: a 机关's name, …局, …人民政府) and the others. */
function officeSides(header: string[], params: RuleParams): { office: ContractParty[]; others: ContractParty[] } {
  const officeRe = new RegExp(String(params.office ?? '(?:局|人民政府|委员会|办公室|厅|署|街道办事处)(?:\\p{Script=Han}{1,10}?(?:科|股|室|处))?$'), 'u');
  const parties = contractParties(header);
  return { office: parties.filter((p) => officeRe.test(p.name)), others: parties.filter((p) => !officeRe.test(p.name)) };
}

/** 高青县科学技术局 is also 县科学技术局 in the text: the name from its 县/市/区 on. */
const namesOf = (name: string): string[] => [name, ...[...name].flatMap((c, i) => (i > 0 && i < name.length - 3 && /[县市区]/u.test(c) ? [name.slice(i)] : []))];
const whoOf = (parties: ContractParty[]) => `(?:${[...new Set(parties.flatMap((p) => [...namesOf(p.name), ...p.roles]))].sort((a, b) => b.length - a.length).map(escapeRe).join('|')})`;

/**
 * All the risk, loss or liability of the contract put on the office (…风险责任全部由甲方承担, 一切责任由甲方
 * 承担, 均由甲方承担), not for its own fault or breach (因甲方原因…由甲方承担 is fair). Risk on the other
 * party is left to the agreement (民法典 第八百五十八条): the office's adviser flags what weighs on the office.
 */
export function riskOnOffice(header: string[], sentences: DraftSentence[], params: RuleParams): ContractHit[] {
  const { office } = officeSides(header, params);
  if (!office.length) return [];
  const who = whoOf(office);
  const ALL = '(?:全部|一切|所有|均|概|一律|完全)';
  const bear = '(?:自行)?(?:承担|负担|负责|赔偿)';
  const trigger = new RegExp(`${ALL}[^，。；]{0,8}由(${who})${bear}|由(${who})${bear}[^，。；]{0,4}(?:全部|一切|所有)|(${who})(?:承担|负担)(?:全部|一切|所有)`, 'u');
  const matter = new RegExp(String(params.matter ?? '风险|责任|损失|损害|事故'), 'u');
  const ownFault = new RegExp(`(?:因|由于)${who}|${who}[^，。；]{0,8}(?:原因|过错|过失|故意|违约|违反)`, 'u');
  const out: ContractHit[] = [];
  for (const s of sentences) {
    const m = trigger.exec(s.matchText);
    if (!m) continue;
    // What is borne: the trigger's own clause to its end (均由甲方承担全部责任), and the clause before when the
    // trigger opens its clause (…损害，均由甲方承担).
    const text = s.matchText;
    const clauseStart = Math.max(...['，', ',', '；', ';'].map((c) => text.lastIndexOf(c, m.index) + 1));
    const opens = m.index - clauseStart < 3;
    const prevStart = opens && clauseStart > 0 ? Math.max(0, ...['，', ',', '；', ';'].map((c) => text.lastIndexOf(c, clauseStart - 2) + 1)) : clauseStart;
    const after = text.slice(m.index + m[0].length);
    const clauseEnd = after.search(/[，,；;。]/u);
    const borne = text.slice(prevStart, m.index + m[0].length) + (clauseEnd < 0 ? after : after.slice(0, clauseEnd));
    if (!matter.test(borne) || ownFault.test(text.slice(0, m.index + m[0].length))) continue;
    const role = m[1] ?? m[2] ?? m[3]!;
    const party = office.find((p) => namesOf(p.name).includes(role) || p.roles.includes(role))!;
    out.push({ sentence: s, detail: `本条约定风险、损失或者责任全部由${party.roles.includes(role) ? `${role}（${party.name}）` : role}承担，而不论对方有无过错。` });
  }
  return out;
}

const FORUM_WORDS = /争议|纠纷|管辖|仲裁|诉讼|起诉/u;
const FORUM_NAME = /(?:提交|提请|向|由|交由|在|至|到|选择)([^，。；、：:“”（）()\s]{2,20}?)(人民法院|法院|仲裁委员会|国际仲裁院|仲裁院|国际仲裁中心|仲裁中心)/gu;

/**
 * A dispute forum away from the office: the other party's place (由乙方住所地人民法院管辖), or a court or
 * arbitration body named with a place outside the office's county (a court) or city (arbitration
 * bodies sit in cities): 深圳国际仲裁院, 北京仲裁委员会. The office's place: its name in the contract
 * (高青县科学技术局), else `region` (设置 → 单位信息). A forum with no place in its name is left alone.
 */
export function remoteForum(header: string[], sentences: DraftSentence[], params: RuleParams, region?: string): ContractHit[] {
  const { office, others } = officeSides(header, params);
  if (!office.length) return [];
  const home: Division | undefined = office.map((p) => divisionAtStart(p.name)).find((d) => d?.county || d?.city) ?? (region ? divisionOf(region) : undefined);
  const otherWho = others.length ? whoOf(others) : undefined;
  const otherPlace = otherWho ? new RegExp(`(${otherWho})(?:的)?(?:住所地|所在地|注册地|营业地|经营地)(?:的)?[^，。；]{0,4}(?:人民法院|法院|仲裁)`, 'u') : undefined;
  const out: ContractHit[] = [];
  for (const s of sentences) {
    if (!FORUM_WORDS.test(s.matchText)) continue;
    const m = otherPlace?.exec(s.matchText);
    if (m) {
      const party = others.find((p) => namesOf(p.name).includes(m[1]!) || p.roles.includes(m[1]!))!;
      out.push({ sentence: s, detail: `本条约定由${m[1]}${party.roles.includes(m[1]!) ? `（${party.name}）` : ''}所在地的法院或者仲裁机构解决争议，发生纠纷时本单位须到外地应诉或者申请仲裁。` });
      continue;
    }
    if (!home) continue;
    for (const f of s.matchText.matchAll(FORUM_NAME)) {
      const d = divisionAtStart(f[1]!, home);
      if (!d) continue;
      const court = /法院/u.test(f[2]!);
      const away = d.province !== home.province || (!!d.city && !!home.city && d.city !== home.city) || (court && !!d.county && !!home.county && d.county !== home.county);
      if (!away) continue;
      out.push({ sentence: s, detail: `本条约定由${f[1]}${f[2]}解决争议，不在本单位所在地，发生纠纷时须到外地应诉或者申请仲裁。` });
      break;
    }
  }
  return out;
}
