// The whole-contract checks of the pre-check (document rules of resources/review-rules/30-contract.json):
// a 违约金 rate read from its wording (百分之三十 / 30% / 按日万分之五 / 每逾期一日千分之五), liability
// written for one party only, a clause the contract type needs but lacks, arbitration and court both
// chosen, a procurement over the threshold with no 政府采购 procedure, and a party that is an internal
// department. The words and thresholds live in the rule file; this module only reads the contract.

import { NUMERAL_CHARS, parseChineseNumber } from '../text/chinese-numerals';
import type { DraftSentence } from './draft-sentences';

/** Where a check fires: a sentence of the draft, or a header line (甲方：…), or the whole contract. */
export interface ContractHit {
  sentence?: DraftSentence;
  excerpt?: string;
  /** What this contract says, appended to the rule's reason. */
  detail: string;
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

const BREACH = /(?:违约(?!金|责任)|逾期|迟延|延迟|未按|未能|不能按|擅自|挪用|拒绝|拒不)/u;
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

/** Liability for breach written for one party only (乙方 pays 违约金; nothing when 甲方 pays late). */
export function oneSidedLiability(sentences: DraftSentence[], docText: string, params: RuleParams): ContractHit[] {
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
      return [{ sentence: by[bound]![0]!, detail: `合同只约定了${bound}的违约责任（${where}），没有约定${free}违约（如逾期付款、逾期验收）时的责任。` }];
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
