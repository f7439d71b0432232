// The pre-check's rule sets are data: resources/review-rules/*.json (versioned, editable by the
// office). Each file is validated with zod on load, and each pattern is compiled there, so a
// broken rule file is refused with a message naming the file and the rule, never half-applied.
// A sentence rule is a set of patterns over one parsed sentence plus its context (the clause
// subject, a higher-law basis stated in the article); a document rule is a built-in check with
// parameters (施行日期, 有效期).

import { formatIssue } from '../../shared/errors';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DRAFT_KINDS, FINDING_CATEGORIES, SEVERITIES } from '../../shared/review-workbench';
import { appRoot } from '../library/open-library';
import { ITEM_START } from './draft-sentences';

/** The built-in whole-document checks a rule file may name (contract-checks.ts holds the contract ones). */
const DOCUMENT_CHECKS = ['effective-date', 'effective-soon', 'validity-period', 'retroactive-date', 'excessive-penalty', 'one-sided-liability', 'clause-missing', 'dispute-forum', 'procurement-threshold', 'internal-department', 'risk-allocation', 'remote-forum', 'steps-omitted'] as const;
import { RecordsError } from '../records/records-errors';

const BasisRefSchema = z.object({
  /** A law's title as the library knows it (行政许可法), or a document not in the library. */
  law: z.string().min(1),
  article: z.string().optional(), // 第十七条
  paragraph: z.number().int().positive().optional(),
  /** An item (项) of the article: 公平竞争审查条例 第九条第（一）项 is cited with the article's lead-in and that item. */
  item: z.number().int().positive().optional(),
  /** For a document the library may not hold: the provision's id in resources/review-bases/documents.json. */
  provision: z.string().optional(),
  note: z.string().optional(),
});
export type BasisRef = z.infer<typeof BasisRefSchema>;

const PatternList = z.array(z.string().min(1)).default([]);

const SentenceRuleSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9._-]+$/, '规则编号只能由字母、数字、点、横线组成'),
  name: z.string().min(1),
  scope: z.literal('sentence').default('sentence'),
  source: z.enum(['rule', 'fair-competition']).default('rule'),
  category: z.enum(FINDING_CATEGORIES),
  severity: z.enum(SEVERITIES),
  appliesTo: z.array(z.enum(DRAFT_KINDS)).optional(),
  /** Every pattern must match the sentence. */
  all: PatternList,
  /** At least one must match (the trigger: its match is the excerpt). */
  any: z.array(z.string().min(1)).min(1),
  /** None may match the sentence. */
  none: PatternList,
  /** The draft as a whole (title and text) must match one of these: a 科技计划项目 contract, not any contract. */
  documentAny: PatternList,
  /** Skip the rule for a draft matching one of these. */
  documentNone: PatternList,
  /**
   * Lower the severity one step when the sentence (with its list's lead-in) matches one of these, adding
   * `lowerWhy` to the reason: a grant made only to whoever 符合国家规定的条件 may be the law's own, not
   * one the draft gives — the adviser checks it, it is not a must-fix.
   */
  lowerWhen: PatternList,
  lowerWhy: z.string().optional(),
  /** Skip when the clause subject (before 应当/须/可以 …) matches one of these. */
  subjectNot: PatternList,
  /**
   * Skip a trigger whose own modal (不得, 应当, 须 …) binds the administration: patterns over the party
   * that modal binds (有关审批机关 in “…未经…批准的，有关审批机关不得批准…”; 公安机关交通管理部门 in
   * “公安机关交通管理部门受理登记申请，对符合条件的，应当当场办理登记手续”). A sentence telling an authority
   * what it may not approve, or that it must register, restricts the administration, not citizens.
   */
  boundNot: PatternList,
  /** The same, by what the modal's clause says (不得批准, 不予受理, 不得拨付: acts only an authority does). */
  boundActNot: PatternList,
  /** …unless the trigger matches one of these: a licence the citizen must hold (未取得…资格证的，县科技局不得受理) is required of the citizen whoever is told to refuse. */
  boundNotUnless: PatternList,
  /** Skip when the trigger is negated in its clause (不得收取, 免收, 不予罚款). */
  negatable: z.boolean().default(false),
  /** What a higher-law basis stated in the article does: nothing, lower the severity, or clear it. */
  withBasis: z.enum(['ignore', 'downgrade', 'skip']).default('downgrade'),
  /**
   * For `downgrade`: a pattern here that matches the trigger (罚款) must also match the stated basis's
   * text (the cited article, or the whole law when no article is cited) for the basis to lower the
   * finding: a basis that does not speak of fines does not authorise one.
   */
  basisMustMention: PatternList,
  /**
   * What the trigger's `(?<named>…)` group names (采伐许可证, 水土保持补偿费) does when a law the draft
   * names — its title's 《…》 (山东省实施《渔业法》办法), a basis its article states, a law it cites —
   * is in force on the review date and names the same thing: `skip` (the draft repeats what that law
   * set, it creates nothing) or `ignore`.
   */
  namedByHigherLaw: z.enum(['ignore', 'skip']).default('ignore'),
  basis: z.array(BasisRefSchema).min(1),
  reason: z.string().min(1),
  suggestion: z.string().optional(),
  /**
   * Whole-document findings (the 程序 ones read from the review record: procedure-comment-missing …) that a
   * finding of this rule makes redundant: a draft that says it skips 专家论证 need not also be told the
   * record has no 专家论证. Dropped only when this rule fires.
   */
  supersedes: z.array(z.string().min(1)).default([]),
  /** 公平竞争审查 checklist item this rule pre-fills. */
  checklist: z.object({ code: z.string(), title: z.string() }).optional(),
});

const DocumentRuleSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9._-]+$/),
  name: z.string().min(1),
  scope: z.literal('document'),
  check: z.enum(DOCUMENT_CHECKS),
  category: z.enum(FINDING_CATEGORIES),
  severity: z.enum(SEVERITIES),
  appliesTo: z.array(z.enum(DRAFT_KINDS)).optional(),
  params: z.record(z.string(), z.union([z.number(), z.string()])).default({}),
  basis: z.array(BasisRefSchema).min(1),
  reason: z.string().min(1),
  suggestion: z.string().optional(),
});

/** The params of a document rule that are regular expressions: compiled on load, so a bad one is refused there. */
const REGEX_PARAMS = ['trigger', 'when', 'unless', 'require', 'at', 'price', 'department', 'legalPerson', 'mutual', 'plan', 'mention'];

export const RuleFileSchema = z.object({
  schemaVersion: z.literal(1),
  ruleSet: z.string().min(1),
  version: z.string().min(1),
  description: z.string().optional(),
  rules: z.array(z.unknown()).min(1),
});

export type SentenceRule = z.infer<typeof SentenceRuleSchema> & { compiled: CompiledPatterns };
export type DocumentRule = z.infer<typeof DocumentRuleSchema>;
export type Rule = SentenceRule | DocumentRule;

interface CompiledPatterns {
  all: RegExp[];
  any: RegExp[];
  none: RegExp[];
  subjectNot: RegExp[];
  boundNot: RegExp[];
  boundActNot: RegExp[];
  boundNotUnless: RegExp[];
  lowerWhen: RegExp[];
  documentAny: RegExp[];
  documentNone: RegExp[];
  basisMustMention: RegExp[];
}

export interface RuleSet {
  files: { file: string; ruleSet: string; version: string; rules: number }[];
  rules: Rule[];
  /** "规范性文件合法性审查规则 2026.1; 公平竞争审查 2026.1" */
  version: string;
}

export function defaultRulesDir(): string {
  return process.env.LAWDESK_REVIEW_RULES || join(appRoot(), 'resources', 'review-rules');
}

function ruleError(file: string, what: string): RecordsError {
  return new RecordsError('INVALID', `规则文件“${file}”有错误：${what}`);
}

/** Parses and validates one rule file's text; every regular expression is compiled here. */
/**
 * `{地名}` in a pattern: any named place (淄川区, 高青县, 淄博市, 山东省). A rule on local
 * preference must catch the county the draft names whichever office runs it — writing the first
 * office's county into the rules was office data in logic — and favouring any one place is the
 * same fault under 公平竞争审查条例. (A lone `{` is invalid in a `u` pattern, so the token cannot
 * collide with real syntax.)
 */
const PLACE_TOKEN = '{地名}';
const PLACE_PATTERN = '\\p{Script=Han}{1,5}?(?:省|市|县|区|旗)';

export function parseRuleFile(text: string, file: string): { ruleSet: string; version: string; rules: Rule[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw ruleError(file, `不是合法的 JSON（${(e as Error).message}）`);
  }
  const r = RuleFileSchema.safeParse(raw);
  if (!r.success) {
    const iss = r.error.issues[0]!;
    throw ruleError(file, formatIssue(iss, {}, raw));
  }
  const parsedRules = r.data.rules.map((raw, idx) => {
    const scope = (raw as { scope?: unknown } | null)?.scope;
    const one = scope === 'document' ? DocumentRuleSchema.safeParse(raw) : SentenceRuleSchema.safeParse(raw);
    if (one.success) return one.data;
    const iss = one.error.issues[0]!;
    const id = (raw as { id?: unknown } | null)?.id;
    throw ruleError(file, `第 ${idx + 1} 条规则${typeof id === 'string' ? `“${id}”` : ''}：${formatIssue(iss, {}, raw)}`);
  });
  const ids = new Set<string>();
  const rules: Rule[] = parsedRules.map((rule) => {
    if (ids.has(rule.id)) throw ruleError(file, `规则编号“${rule.id}”重复`);
    ids.add(rule.id);
    if (rule.scope === 'document') {
      for (const key of REGEX_PARAMS) {
        const p = rule.params[key];
        if (p === undefined) continue;
        try {
          new RegExp(String(p), 'u');
        } catch (e) {
          throw ruleError(file, `规则“${rule.id}”的参数 ${key} 中的正则表达式“${p}”无效（${(e as Error).message}）`);
        }
      }
      if (rule.check === 'clause-missing' && typeof rule.params.require !== 'string') throw ruleError(file, `规则“${rule.id}”（clause-missing）缺少参数 require`);
      for (const key of ['plan', 'mention', 'step'])
        if (rule.check === 'steps-omitted' && typeof rule.params[key] !== 'string') throw ruleError(file, `规则“${rule.id}”（steps-omitted）缺少参数 ${key}`);
      return rule;
    }
    const compile = (list: string[], field: string) =>
      list.map((p) => {
        try {
          return new RegExp(p.replaceAll(PLACE_TOKEN, PLACE_PATTERN), 'u');
        } catch (e) {
          throw ruleError(file, `规则“${rule.id}”的 ${field} 中的正则表达式“${p}”无效（${(e as Error).message}）`);
        }
      });
    return { ...rule, compiled: { all: compile(rule.all, 'all'), any: compile(rule.any, 'any'), none: compile(rule.none, 'none'), subjectNot: compile(rule.subjectNot, 'subjectNot'), boundNot: compile(rule.boundNot, 'boundNot'), boundActNot: compile(rule.boundActNot, 'boundActNot'), boundNotUnless: compile(rule.boundNotUnless, 'boundNotUnless'), lowerWhen: compile(rule.lowerWhen, 'lowerWhen'), documentAny: compile(rule.documentAny, 'documentAny'), documentNone: compile(rule.documentNone, 'documentNone'), basisMustMention: compile(rule.basisMustMention, 'basisMustMention') } };
  });
  return { ruleSet: r.data.ruleSet, version: r.data.version, rules };
}

/** Loads every *.json of the rules folder (sorted by name); a rule id may appear once across files. */
export function loadRuleSet(dir = defaultRulesDir()): RuleSet {
  if (!existsSync(dir)) throw new RecordsError('INVALID', `没有找到审查规则文件夹 ${dir}`);
  const names = readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
  if (!names.length) throw new RecordsError('INVALID', `审查规则文件夹 ${dir} 中没有规则文件（*.json）`);
  const files: RuleSet['files'] = [];
  const rules: Rule[] = [];
  const seen = new Map<string, string>();
  for (const name of names) {
    let text: string;
    try {
      text = readFileSync(join(dir, name), 'utf8');
    } catch (e) {
      throw ruleError(name, `无法读取（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`);
    }
    const parsed = parseRuleFile(text, name);
    for (const rule of parsed.rules) {
      const other = seen.get(rule.id);
      if (other) throw ruleError(name, `规则编号“${rule.id}”与“${other}”中的规则重复`);
      seen.set(rule.id, name);
      rules.push(rule);
    }
    files.push({ file: name, ruleSet: parsed.ruleSet, version: parsed.version, rules: parsed.rules.length });
  }
  return { files, rules, version: files.map((f) => `${f.ruleSet} ${f.version}`).join('；') };
}

/** The lead-in of a list of conduct: 有下列行为之一的 / 具有下列情形之一的. */
const CONDUCT_LIST = /下列[^。；：:]{0,6}(?:行为|情形)之一/;

/** The lead-in of a list the draft forbids: 不得采取下列限制竞争的行为 / 禁止下列行为. */
const FORBIDDEN_LIST = /(?:不得|禁止|严禁)[^。；：:]{0,12}下列/;

const NEGATION = /(?:不得|不予|不再|不|免于|免予|免收|免|无需|无须|禁止|严禁|取消)[^，,、：:]{0,6}$/;

/** The modal a trigger carries: who it binds is read from the clause it sits in. */
const BINDING_MODAL = /不得|不予|应当|必须|须|需要|需|方可|方能|只能/;
const MODAL_FIRST = new RegExp(`^(?:${BINDING_MODAL.source})`);
/** Where a clause's subject ends: a condition or an object follows (外国人|未经主管机关批准, 企业|经主管部门批准后). */
const SUBJECT_END = /未经|经过|经|向|到|在|对|由|从|按照|依照|根据|依据|依法|除/;

/**
 * Whom the trigger's modal binds and what its clause says: { party: 有关审批机关, said: 不得批准该建设项目的建设 }
 * for “…未经环境保护行政主管部门批准的，有关审批机关不得批准…”. When the modal's clause names nobody (…的，
 * 应当…; 未经批准，不得…), the nearest earlier clause that is not a condition (…的 / …后 / …时) names the
 * party; none does in 未经批准，不得…, nor in 从事…的，必须… (whoever does it): party ''. Undefined without a modal.
 */
export function boundClause(text: string, trigger: { index: number; text: string }): { party: string; said: string } | undefined {
  const m = BINDING_MODAL.exec(trigger.text);
  if (!m) return undefined;
  const at = trigger.index + m.index;
  const breaks = /[，,；;：:]/g;
  const starts = [0];
  for (let b = breaks.exec(text); b && b.index < at; b = breaks.exec(text)) starts.push(b.index + 1);
  const endRel = text.slice(at).search(/[，,；;。]/);
  const said = text.slice(at, endRel < 0 ? text.length : at + endRel);
  // An earlier clause's party is what stands before its own modal: in “企业…，应当报县科学技术局，经县科学技术局
  // 审核同意后方可登记” the clause 应当报县科学技术局 names the office it reports to, not a party — its modal
  // binds whoever the clause before names (企业). The office as approver is not the office bound.
  const partyOf = (clause: string) => clause.split(SUBJECT_END)[0]!.split(BINDING_MODAL)[0]!.trim();
  let party = partyOf(text.slice(starts[starts.length - 1]!, at));
  for (let i = starts.length - 1; !party && i > 0; i--) {
    const clause = text.slice(starts[i - 1]!, starts[i]! - 1).trim();
    if (/(?:的|后|时|前|外)$/.test(clause)) continue;
    party = partyOf(clause);
    // A clause opening with its own modal (应当报县科学技术局) continues the subject of the one before.
    if (!party && MODAL_FIRST.test(clause)) continue;
    break;
  }
  return { party, said };
}

/** Whether a sentence rule looks at this draft at all (its documentAny / documentNone). */
export function ruleFitsDocument(rule: SentenceRule, docText: string): boolean {
  const c = rule.compiled;
  return (!c.documentAny.length || c.documentAny.some((re) => re.test(docText))) && !c.documentNone.some((re) => re.test(docText));
}

/** Where a sentence rule fires in a sentence: the trigger's span, or undefined. */
export function matchSentenceRule(
  rule: SentenceRule,
  sentence: { text: string; matchText?: string; subject: string; leadIn?: string | undefined },
): { start: number; end: number; named?: string } | undefined {
  const c = rule.compiled;
  // An item of a list is read with the sentence introducing it (申报单位应当具备下列条件：（一）在本县
  // 注册…): the trigger must still lie in the item — the lead-in is matched as a sentence of its own.
  // The lead-in's 应当/须 governs every item (申请企业应当符合下列条件：…（三）在本县注册): it is repeated
  // right before the item, so a pattern of "应当 … 在本县注册" reaches across the list's numbering.
  // An item of a list of conduct (有下列行为之一的，…：（六）为市场主体指定…中介服务机构的；) names what is
  // forbidden or punished, not what the draft sets: its words are the violation, read by no rule.
  if (sentence.leadIn && CONDUCT_LIST.test(sentence.leadIn) && /的[；;。]?$/.test(sentence.text)) return undefined;
  // An item of a list the draft forbids (不得采取下列限制竞争的行为：（一）限定消费者购买…) is negated by its
  // lead-in, as 不得收取 negates a fee: a rule a negation clears stays quiet there.
  if (rule.negatable && sentence.leadIn && FORBIDDEN_LIST.test(sentence.leadIn)) return undefined;
  // A lead-in forbidding the list (禁止下列行为：（一）未取得…许可证从事…) carries 禁止 the same way; the item's
  // number is left out between them, so 禁止未取得… reads as one clause (offsets are the item's own).
  const carried = sentence.leadIn ? /应当|必须|须|禁止|严禁|不得/.exec(sentence.leadIn)?.[0] : undefined;
  const lead = sentence.leadIn ? sentence.leadIn + (carried && /禁止|严禁|不得/.test(carried) ? '禁止' : (carried ?? '')) : '';
  const item = sentence.matchText ?? sentence.text;
  const marker = lead ? (ITEM_START.exec(item)?.[0] ?? '') : '';
  const s = { text: lead + item.slice(marker.length), subject: sentence.subject };
  if (!c.all.every((re) => re.test(s.text))) return undefined;
  if (c.none.some((re) => re.test(s.text))) return undefined;
  if (s.subject && c.subjectNot.some((re) => re.test(s.subject))) return undefined;
  for (const re of c.any) {
    const m = lead ? [...s.text.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g'))].find((x) => x.index + x[0].length > lead.length) : re.exec(s.text);
    if (!m) continue;
    if (rule.negatable) {
      const clauseStart = Math.max(s.text.lastIndexOf('，', m.index), s.text.lastIndexOf('；', m.index), s.text.lastIndexOf(',', m.index)) + 1;
      if (NEGATION.test(s.text.slice(clauseStart, m.index)) || /^(?:不得|不予|免)/.test(m[0])) continue;
    }
    if (c.boundNot.length || c.boundActNot.length) {
      const bound = boundClause(s.text, { index: m.index, text: m[0] });
      if (bound && (c.boundNot.some((re) => re.test(bound.party)) || c.boundActNot.some((re) => re.test(bound.said))) && !c.boundNotUnless.some((re) => re.test(m[0]))) continue;
    }
    const named = m.groups?.named;
    const shift = marker.length - lead.length;
    return { start: m.index < lead.length ? marker.length : m.index + shift, end: m.index + m[0].length + shift, ...(named ? { named } : {}) };
  }
  return undefined;
}
