// The automatic pre-check of a 送审稿: citations (precheck-citations.ts), the office's rule set
// over parsed sentences (resources/review-rules/*.json), the 公平竞争审查 checklist those rules
// pre-fill, 程序 from the review record, and optionally the 上位法 panel. Every finding is tied
// to the draft's article and sentence and names its basis as an article version of the library.

import type { PhaseProgress } from '../../shared/task-progress';
import { formalTitleOf, type Article } from '../../shared/law-model';
import type { Basis, DraftCitation, DraftKind, FairCompetitionItem, Finding, PrecheckResult, Severity } from '../../shared/review-workbench';
import type { LibraryStore } from '../library/library-store';
import { codeParts, resolveRef, lawByName, versionOnDate } from '../records/citation-resolve';
import type { LegalityReview } from '../records/record-types';
import { toDayNumber, type WorkCalendar } from '../records/working-days';
import { REVIEW_TIME_LIMITS } from '../../shared/review-time-limits';
import { NUMERAL_CHARS, parseChineseNumber } from '../text/chinese-numerals';
import { partLabel, partLines, partOf } from '../../shared/article-part';
import { parseDate } from '../parse/law-structure-parser';
import { sentencesOf, splitSentences, type DraftSentence } from './draft-sentences';
import { findingId } from './finding-id';
import { higherLawSteps, panelRegions, type TermSearch } from './higher-law';
import { checkCitations, type OwnReference } from './precheck-citations';
import { judgeBasis, statedBases, type ArticleBases } from './stated-basis';
import { bindsOffice, findBasisDocument, loadBasisDocuments, type BasisDocuments } from './basis-documents';
import { clauseMissing, disputeForum, excessivePenalty, internalDepartmentParty, oneSidedLiability, procurementThreshold, remoteForum, riskOnOffice, type ContractHit } from './contract-checks';
import { loadRuleSet, matchSentenceRule, ruleFitsDocument, type BasisRef, type DocumentRule, type RuleSet, type SentenceRule } from './review-rules';

export interface PrecheckInput {
  title: string;
  units: Article[];
  /** Lines above the first article (甲方：…、乙方：… of a contract), when the parser kept them. */
  header?: string[];
  kind: DraftKind;
  /** The review date: citations and bases resolve to the versions in force that day. */
  asOf: string;
  file?: string;
  /** The review record, for the 程序 checks (procedures, dates). */
  review?: LegalityReview;
}

export interface PrecheckOptions {
  rules?: RuleSet;
  /** Provisions of documents the library may not hold (default resources/review-bases/documents.json). */
  documents?: BasisDocuments;
  calendar?: WorkCalendar;
  /** Adds the 上位法 panel (needs the search engine). */
  search?: TermSearch;
  /**
   * Region of the office (山东·淄博·高青县, from 设置 → 单位信息): the panel shows national laws and
   * the rules of its province. Without one, national laws only — never another office's province.
   */
  region?: string;
  /** Progress over the whole check: `done` of `total` steps (an article's rules, an article's 上位法). */
  onProgress?: (p: PrecheckProgress) => void;
}

export type PrecheckProgress = PhaseProgress<'citations' | 'rules' | 'higherLaw'>;

/** The units a pre-check reads one by one: articles and sections (not headings, not the 附件). */
const checkedUnits = <U extends { kind: string }>(units: readonly U[]): U[] => units.filter((u) => u.kind === 'article' || u.kind === 'section');

/**
 * The phases a finished pre-check of a draft's `units` went through, each at its end: what a caller
 * that asked with a task is told when the result was already there (ReviewWorkbench keeps one per draft),
 * so its progress reaches the end as after a check it watched.
 */
export function finishedPhases(units: readonly { kind: string }[], panel: boolean): PrecheckProgress[] {
  const articles = checkedUnits(units).length;
  const total = articles * (panel ? 2 : 1);
  return [{ phase: 'citations', done: 0, total }, { phase: 'rules', done: articles, total }, ...(panel ? [{ phase: 'higherLaw' as const, done: total, total }] : [])];
}

const DOWNGRADE: Record<Severity, Severity> = { 必须修改: '需核实', 需核实: '提示', 提示: '提示' };
const N = `[${NUMERAL_CHARS}]+`;

/** Resolves a rule's basis to the article version in force on the review date (cached per run). */
export class BasisResolver {
  private cache = new Map<string, Basis>();
  constructor(
    private readonly store: LibraryStore,
    private readonly asOf: string,
    private readonly documents: BasisDocuments = { schemaVersion: 1, version: '', documents: [] },
    /** The office's region: a local document of another place is no basis of its findings. */
    private readonly region?: string,
  ) {}

  /** The region of the local document `ref` names when it does not bind the office (山东 for a 河南 office). */
  foreign(ref: BasisRef): string | undefined {
    const doc = findBasisDocument(this.documents, ref.law);
    return doc && !bindsOffice(doc, this.region) ? doc.region : undefined;
  }

  /**
   * A rule's bases that bind the office, resolved; `foreign` names the documents left out. A rule whose
   * every basis is another place's still reports (the office's own province usually says the same) but
   * only as 需核实, with a hint to check its own rules: it is never cited under another province's name.
   */
  ruleBases(refs: readonly BasisRef[]): { bases: Basis[]; foreign: string[] } {
    const foreign = refs.filter((ref) => this.foreign(ref)).map((ref) => `《${ref.law}》（${this.foreign(ref)}）`);
    return { bases: refs.filter((ref) => !this.foreign(ref)).map((ref) => this.resolve(ref)), foreign };
  }

  resolve(ref: BasisRef): Basis {
    const key = `${ref.law}#${ref.article ?? ''}#${ref.paragraph ?? ''}#${ref.item ?? ''}#${ref.provision ?? ''}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const b = this.compute(ref);
    this.cache.set(key, b);
    return b;
  }

  private compute(ref: BasisRef): Basis {
    // a title quoting another (关于适用《民法典》…的解释) takes 〈〉 inside the outer 《》
    // (a national law the library does not hold is named by its formal title, as the 意见书 names the others)
    const written = `《${formalTitleOf(ref.law).replaceAll('《', '〈').replaceAll('》', '〉')}》${ref.article ?? ''}${ref.paragraph ? `第${'一二三四五六七八九十'[ref.paragraph - 1] ?? ref.paragraph}款` : ''}`;
    // A code kept as its parts (民法典: 总则, 合同编 … each a work of the library) has no one law
    // to name: its article is found in whichever part holds it.
    if (ref.article && codeParts(this.store, ref.law)) return this.cited(resolveRef(this.store, { law: ref.law, article: ref.article, ...(ref.paragraph ? { paragraph: ref.paragraph } : {}) }, this.asOf), ref, written);
    const law = lawByName(this.store, ref.law);
    if (!law.ok || (!ref.article && ref.provision)) {
      const external = this.external(ref);
      if (external) return external;
    }
    if (!law.ok) return { citation: written, note: ref.note ?? '资料库中没有该文件，条文未经核对' };
    if (!ref.article) {
      const v = versionOnDate(this.store, law.value.id, this.asOf);
      return v.ok ? { lawId: law.value.id, versionId: v.value.id, citation: `《${v.value.title}》`, ...(ref.note ? { note: ref.note } : {}) } : { lawId: law.value.id, citation: written, note: v.reason };
    }
    const c = resolveRef(this.store, { law: law.value.id, article: ref.article, ...(ref.paragraph ? { paragraph: ref.paragraph } : {}) }, this.asOf);
    if (!c.ok) return { lawId: law.value.id, citation: written, note: c.reason };
    return this.cited(c, ref, written);
  }

  private cited(c: ReturnType<typeof resolveRef>, ref: BasisRef, written: string): Basis {
    if (!c.ok) return { citation: written, note: c.reason };
    const at = { lawId: c.value.lawId, versionId: c.value.versionId, articleKey: c.value.articleKey };
    const note = ref.note ? { note: ref.note } : {};
    // The part cited travels with the basis, so the 意见书 quotes that 款 or 项, not the whole article.
    // An item: the lead-in of its 款 and the item's own line, cited as 第九条第（一）项.
    const item = ref.item ? partLines(c.value.textSnapshot, { paragraph: c.value.paragraph, item: ref.item }) : undefined;
    if (item) return { ...at, ...partOf({ paragraph: c.value.paragraph, item: ref.item }), citation: `${c.value.citation}${partLabel({ item: ref.item })}`, text: item.join('\n'), ...note };
    const paragraph = partLines(c.value.textSnapshot, { paragraph: c.value.paragraph });
    return { ...at, ...partOf({ paragraph: c.value.paragraph }), citation: c.value.citation, text: paragraph?.join('\n') ?? c.value.textSnapshot, ...note };
  }
  /**
   * A provision of a document the library does not hold (or holds without the rule's article):
   * its exact article and quote from resources/review-bases, saying the library lacks it.
   */
  private external(ref: BasisRef): Basis | undefined {
    const doc = findBasisDocument(this.documents, ref.law);
    const p = ref.provision ? doc?.provisions.find((x) => x.id === ref.provision) : undefined;
    if (!doc || !p) return undefined;
    const name = `《${doc.title}》${doc.docNo ? `（${doc.docNo}）` : ''}`;
    const where = p.article ? `${p.article}${p.heading ? `“${p.heading}”` : ''}` : '';
    // An unverified provision says so in the citation itself: it reaches the record and the 意见书 too.
    const quoted = p.quote ? `：“${p.quote}”` : `（要点：${p.summary}${p.article ? '' : '；条文号待核对'}）`;
    const notes = ['资料库未收录该文件，条文摘自审查依据数据（resources/review-bases）'];
    if (!p.article) notes.push('条文号待核对，请以正式文本为准');
    else if (!p.checked) notes.push('摘录尚未与正式文本逐字核对');
    return { citation: `${name}${where}${quoted}`, text: p.quote ?? p.summary!, note: notes.join('；') };
  }
}

function appliesTo(rule: { appliesTo?: readonly DraftKind[] | undefined }, kind: DraftKind): boolean {
  return !rule.appliesTo || rule.appliesTo.includes(kind);
}

/** The rule's reason with what was wrong with the stated basis (a `skip` rule's "本条没有写明…依据" replaced). */
function explain(rule: SentenceRule, why: string): string {
  const none = /本条没有写明[^。]*。$/;
  return rule.withBasis === 'skip' && none.test(rule.reason) ? rule.reason.replace(none, why) : rule.reason + why;
}

/** A sentence rule's finding; undefined when a `skip` rule's stated basis holds. */
function sentenceFinding(rule: SentenceRule, s: DraftSentence, span: { start: number; end: number }, bases: Basis[], stated: ArticleBases | undefined): Finding | undefined {
  let severity = rule.severity;
  let hint: string | undefined;
  let reason = rule.reason;
  if (s.articleHasBasis && rule.withBasis !== 'ignore' && stated) {
    const trigger = s.text.slice(span.start, span.end);
    const v = judgeBasis(stated, { start: s.start, end: s.end }, trigger, rule.compiled.basisMustMention);
    if (rule.withBasis === 'skip' && (v?.kind === 'supports' || v?.kind === 'generic')) return undefined;
    if (v?.kind === 'supports' || v?.kind === 'generic') {
      severity = DOWNGRADE[severity];
      hint = v.kind === 'supports' ? `本条写明的依据${v.basis.citation}在资料库中核对无误，请核对所述内容与依据一致、未超出其范围。` : '本条只概括写明依照有关法律、法规，没有写明具体依据，请核对确有上位法规定且内容一致。';
    } else if (v?.kind === 'unresolved') {
      const b = v.bases[0]!;
      // The 意见书 goes to a unit with no 资料库: what the library lacks is said in the hint only.
      if (v.bases.every((x) => x.lawMissing)) {
        reason = explain(rule, `本条所写依据${b.written}未能核实，请确认其名称准确、现行有效且规定了该事项；不能核实的，不能作为依据。`);
        hint = `${b.written}不在资料库中：如确有该法规，导入后重新预审即可核对。`;
      } else reason = explain(rule, `本条所写依据${b.written}未能核实（${b.problem}），不能作为依据。`);
    } else if (v?.kind === 'silent') {
      reason = explain(rule, `本条所写依据${v.bases.map((b) => b.citation).join('、')}没有关于“${v.term}”的规定，不能作为依据。`);
    }
  }
  // A grant conditioned on 符合国家规定 may be the law's own: checked, not a must-fix.
  if (rule.compiled.lowerWhen.some((re) => re.test((s.leadIn ?? '') + s.text))) {
    severity = DOWNGRADE[severity];
    if (rule.lowerWhy) reason += rule.lowerWhy;
  }
  return {
    id: findingId(rule.id, s.article.key, s.text),
    rule: rule.id,
    ruleName: rule.name,
    source: rule.source,
    severity,
    category: rule.category,
    article: s.article,
    sentence: s.index,
    start: s.start + span.start,
    end: s.start + span.end,
    excerpt: s.text,
    reason,
    ...(hint ? { hint } : {}),
    basis: bases[0] ?? null,
    bases,
    ...(rule.suggestion ? { suggestion: rule.suggestion } : {}),
  };
}

const SEVERITY_RANK: Record<Severity, number> = { 必须修改: 0, 需核实: 1, 提示: 2 };

/**
 * `later` (a later sentence of the same article, rule and reason) joined to `first`, in place: its sentence
 * goes to `also`, the more severe of the two severities stays. Two patterns on one sentence add nothing.
 */
function joinSentence(first: Finding, later: Finding): Finding {
  if (later.sentence === undefined || later.sentence === first.sentence || first.also?.some((a) => a.sentence === later.sentence)) return first;
  first.also = [...(first.also ?? []), { sentence: later.sentence, start: later.start!, end: later.end!, excerpt: later.excerpt }];
  if (SEVERITY_RANK[later.severity] < SEVERITY_RANK[first.severity]) first.severity = later.severity;
  if (!first.hint && later.hint) first.hint = later.hint;
  return first;
}

interface DatedSentence {
  s: DraftSentence;
  date?: string;
  onPublish?: boolean;
}

/** 自2026年1月1日起施行 / 自印发之日起施行 — the sentence and its date, if any. */
function effectiveSentence(all: DraftSentence[]): DatedSentence | undefined {
  const re = new RegExp(`(?:自|从|于)\\s*((?:\\d{4}|${N})年${N}月${N}日|(?:公布|印发|发布|签发)之日)\\s*起?\\s*(?:施行|实施|执行|生效)`);
  for (const s of [...all].reverse()) {
    const m = re.exec(s.text);
    if (!m) continue;
    const date = parseDate(m[1]!);
    return { s, ...(date ? { date } : { onPublish: true }) };
  }
  return undefined;
}

function yearsOf(text: string): number | undefined {
  const m = new RegExp(`有效期(?:为|是)?\\s*(\\d+|${N})\\s*年`).exec(text);
  if (m) return parseChineseNumber(m[1]!);
  return undefined;
}

interface DocumentContext {
  title: string;
  header: string[];
  /** Title, header and every article: what `when` / documentAny patterns read. */
  text: string;
  asOf: string;
  /** The office's region (设置 → 单位信息), when the contract's own party names do not say where it is. */
  region?: string;
}

function documentFindings(rule: DocumentRule, doc: DocumentContext, all: DraftSentence[], bases: Basis[]): Finding[] {
  const { title, asOf } = doc;
  const out: Finding[] = [];
  const whole = (reason: string, excerpt = '全文'): Finding => ({
    id: findingId(rule.id, '', excerpt + reason),
    rule: rule.id,
    ruleName: rule.name,
    source: 'rule',
    severity: rule.severity,
    category: rule.category,
    article: null,
    excerpt,
    reason,
    basis: bases[0] ?? null,
    bases,
    ...(rule.suggestion ? { suggestion: rule.suggestion } : {}),
  });
  const at = (s: DraftSentence, reason: string): Finding => ({ ...whole(reason, s.text), id: findingId(rule.id, s.article.key, s.text), article: s.article, sentence: s.index, start: s.start, end: s.end });
  // A contract check says what this contract wrote first, then the rule's reason.
  const contract = (hits: ContractHit[]) =>
    hits.map((h) => {
      const f = h.sentence ? at(h.sentence, h.detail + (h.reason ?? rule.reason)) : whole(h.detail + (h.reason ?? rule.reason), h.excerpt);
      return h.suggestion ? { ...f, suggestion: h.suggestion } : f;
    });
  const eff = effectiveSentence(all);
  switch (rule.check) {
    case 'excessive-penalty':
      return contract(excessivePenalty(all, rule.params));
    case 'one-sided-liability':
      return contract(oneSidedLiability(all, doc.text, rule.params, doc.header));
    case 'clause-missing':
      return contract(clauseMissing(all, doc.text, rule.params));
    case 'dispute-forum':
      return contract(disputeForum(all, rule.params));
    case 'procurement-threshold':
      return contract(procurementThreshold(all, doc.text, rule.params));
    case 'internal-department':
      return contract(internalDepartmentParty(doc.header, all, rule.params));
    case 'risk-allocation':
      return contract(riskOnOffice(doc.header, all, rule.params));
    case 'remote-forum':
      return contract(remoteForum(doc.header, all, rule.params, doc.region));
    case 'effective-date':
      if (!eff) out.push(whole(rule.reason));
      break;
    case 'effective-soon': {
      // 自印发之日起施行, or a date under `minDays` after the review (so after publication too): no time to
      // adjust, unless the draft gives the reason the rule allows (`unless`: 国家安全, 公布后不立即施行将有碍…).
      // The reason is given where the date is set (鉴于…紧急，本办法自印发之日起施行): the article's sentences,
      // not the whole draft (除涉及国家安全的以外 elsewhere is no reason for the date).
      const own = eff ? all.filter((x) => x.article.key === eff.s.article.key).map((x) => x.text).join('') : '';
      if (!eff || (rule.params.unless && new RegExp(String(rule.params.unless)).test(own))) break;
      const min = Number(rule.params.minDays ?? 30);
      if (eff.onPublish) out.push(at(eff.s, `${rule.reason}（送审稿写明自公布、印发之日起施行，没有说明理由）`));
      else if (eff.date && eff.date >= asOf && toDayNumber(eff.date) - toDayNumber(asOf) < min) {
        out.push(at(eff.s, `${rule.reason}（施行日期${eff.date}距审查日${asOf}不足${min}日，公布后更短）`));
      }
      break;
    }
    case 'retroactive-date':
      if (eff?.date && eff.date < asOf) out.push(at(eff.s, `${rule.reason}（施行日期${eff.date}早于审查日${asOf}）`));
      break;
    case 'steps-omitted': {
      // A 决策 draft that lays out its own procedure (方案起草 … 党组会议研究通过 …) and names this step nowhere:
      // said at the list of steps, the one place where the step would be written in.
      const plan = new RegExp(String(rule.params.plan), 'u');
      const units = new Map<string, DraftSentence[]>();
      for (const s of all) units.set(s.article.key, [...(units.get(s.article.key) ?? []), s]);
      const steps = [...units.values()].find((own) => plan.test(own.map((s) => s.text).join('。')));
      if (steps && !new RegExp(String(rule.params.mention), 'u').test(doc.text)) out.push(at(steps[0]!, `送审稿列明的决策步骤中没有${String(rule.params.step)}。${rule.reason}`));
      break;
    }
    case 'validity-period': {
      const provisional = new RegExp(String(rule.params.provisionalTitle ?? '暂行|试行')).test(title);
      const max = Number(provisional ? (rule.params.provisionalMaxYears ?? 2) : (rule.params.maxYears ?? 5));
      const s = all.find((x) => /有效期/.test(x.text));
      if (!s) {
        // the fact first, then the rule, as an officer writes it: 送审稿没有写明有效期。规范性文件应当…
        out.push(whole(`送审稿没有写明有效期${provisional ? `（标题含“暂行”“试行”，有效期一般不超过${max}年）` : ''}。${rule.reason}`));
        break;
      }
      let years = yearsOf(s.text);
      if (years === undefined) {
        const until = new RegExp(`有效期至\\s*((?:\\d{4}|${N})年${N}月${N}日)`).exec(s.text);
        const end = until ? parseDate(until[1]!) : undefined;
        const start = eff?.date ?? asOf;
        if (end) years = Math.round(((toDayNumber(end) - toDayNumber(start)) / 365.25) * 10) / 10;
      }
      if (years !== undefined && years > max) {
        const over = `送审稿规定的有效期为${years}年，超过${provisional ? '“暂行”“试行”文件' : '规范性文件'}有效期一般不超过${max}年的规定。`;
        // 自印发之日起施行 with 有效期至 a date: the start is the unknown day of issue, counted here from the
        // review date; a few months over may be within the limit when it is issued — checked, not a must-fix.
        if (eff?.onPublish && years - max < 0.5) out.push({ ...at(s, `${over}（按审查日起算；实际自印发之日起算，请按预计印发日期核对）`), severity: DOWNGRADE[rule.severity] });
        else out.push(at(s, over));
      }
      break;
    }
  }
  return out;
}

/** 程序: from the review record's procedure checks and dates. */
export function procedureFindings(review: LegalityReview, kind: DraftKind, resolver: BasisResolver, calendar?: WorkCalendar): Finding[] {
  const out: Finding[] = [];
  const b = (article: string) => resolver.resolve({ law: '重大行政决策程序暂行条例', article });
  const f = (rule: string, ruleName: string, severity: Severity, reason: string, bases: Basis[], suggestion?: string): Finding => ({
    id: findingId(rule, '', reason),
    rule,
    ruleName,
    source: 'procedure',
    severity,
    category: '程序',
    article: null,
    excerpt: '审查程序',
    reason,
    basis: bases[0] ?? null,
    bases,
    ...(suggestion ? { suggestion } : {}),
  });
  const proc = (check: string) => review.procedures.find((p) => p.check === check);
  // 规范性文件: 国办发〔2018〕37号 二、（三） (its provision kept in resources/review-bases).
  const normative = { law: '国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知', provision: '严格制发程序' };
  // The 30 days: for a 重大行政决策 its 条例 第十五条; for a 规范性文件 优化营商环境条例 第六十二条第二款,
  // which binds documents closely tied to market players' business (a 科技局's subsidy policy is one;
  // whether this draft is, the adviser judges — hence 需核实).
  const commentBasis = kind === '重大行政决策' ? [b('第十五条')] : [resolver.resolve({ law: '优化营商环境条例', article: '第六十二条', paragraph: 2 })];
  const pub = proc('公众参与');
  if (kind === '合同') {
    // a contract is not put out for public comment
  } else if (pub?.applicable !== false && pub?.date && pub.endDate) {
    const days = toDayNumber(pub.endDate) - toDayNumber(pub.date) + 1;
    const scope = kind === '重大行政决策' ? '重大行政决策草案' : '与市场主体生产经营活动密切相关的规范性文件';
    if (days < 30) out.push(f('procedure-comment-period', '征求意见期限不足', '需核实', `公开征求意见 ${pub.date} 至 ${pub.endDate}，共 ${days} 日，少于 30 日（${scope}公开征求意见的期限一般不少于 30 日）；缩短期限应当说明理由。`, commentBasis, '延长征求意见期限，或在起草说明中写明缩短期限的理由'));
  } else if (!pub || (pub.applicable && !pub.done)) {
    const bases = kind === '重大行政决策' ? [b('第十四条'), b('第十五条')] : [resolver.resolve(normative), ...commentBasis];
    out.push(f('procedure-comment-missing', '未公开征求意见', '需核实', '送审材料中没有公开征求意见的记录；涉及公众切身利益或者市场主体生产经营活动的，应当公开征求意见。', bases));
  }
  const required: [string, string, Basis, string][] =
    kind === '重大行政决策'
      ? [
          ['专家论证', 'procedure-expert-missing', b('第十九条'), '专业性、技术性较强的决策事项，应当组织专家论证。'],
          ['风险评估', 'procedure-risk-missing', b('第二十二条'), '决策实施可能对社会稳定、公共安全等方面造成不利影响的，应当组织风险评估。'],
          ['集体讨论决定', 'procedure-collective-missing', b('第三十条'), '重大行政决策应当经决策机关常务会议或者全体会议讨论。'],
        ]
      : kind === '规范性文件'
        ? [['集体讨论决定', 'procedure-collective-missing', resolver.resolve(normative), '重要的规范性文件应当经集体审议决定。']]
        : [];
  for (const [check, rule, basis, why] of required) {
    const p = proc(check);
    if (p && (p.done || !p.applicable)) continue;
    out.push(f(rule, `缺少${check}`, '需核实', `${why}送审材料中没有${check}的记录。`, [basis], `补充${check}的材料，或说明不适用的理由`));
  }
  // The unit's own deadline (older records kept it in dueDate); 最早届满 alone is never short.
  // The minimum is the type's (shared/review-time-limits); a type without one is never short.
  const deadline = review.unitDeadline ?? review.dueDate;
  const limit = REVIEW_TIME_LIMITS[kind];
  if (calendar && limit.minWorkingDays !== undefined && limit.basis && deadline >= review.receivedDate) {
    const wd = calendar.workingDaysBetween(review.receivedDate, deadline);
    if (wd < limit.minWorkingDays) {
      out.push(f('procedure-review-time', '审查时间不足', '提示', `收件 ${review.receivedDate}，单位确定的审查期限 ${deadline}，只留 ${wd} 个工作日，少于${limit.wording.replace(/，最长.*$/, '')}的要求（${limit.source}）。`, [resolver.resolve(limit.basis)], '与送审单位协商延长审查期限'));
    }
  }
  return out;
}

/**
 * Whether a law the draft names — the 《…》 of its title (山东省实施《渔业法》办法), a law it cites, a
 * basis the article states — is in force on the review date and names `thing` (捕捞许可证,
 * 水土保持补偿费) in its text. Each law's text is read once per run, when first asked.
 */
function lawsNaming(store: LibraryStore, title: string, citations: readonly DraftCitation[], asOf: string): (thing: string, stated: ArticleBases | undefined) => boolean {
  const versionIds = new Set<string>();
  for (const m of title.matchAll(/《([^》]{2,60})》/gu)) {
    const law = lawByName(store, m[1]!, 'cited');
    const v = law.ok ? versionOnDate(store, law.value.id, asOf) : undefined;
    if (v?.ok && !v.value.expired && v.value.status !== '已废止') versionIds.add(v.value.id);
  }
  for (const c of citations) if (c.status === 'resolved' && c.versionId) versionIds.add(c.versionId);
  const texts = new Map<string, string>();
  const textOf = (id: string) => {
    let t = texts.get(id);
    if (t === undefined) {
      t = store.loadVersion(id).units.map((u) => u.text).join('\n');
      texts.set(id, t);
    }
    return t;
  };
  const named = (name: string, stated: ArticleBases | undefined) => stated?.explicit.some((b) => b.text?.includes(name)) || [...versionIds].some((id) => textOf(id).includes(name));
  // 有效的营业执照、施工资质等级证书和安全生产许可证: every thing of the list, each without its modifiers (…的).
  return (thing, stated) => {
    const names = thing
      .replace(/[《》〈〉“”]/gu, '')
      .split(/[、和及与或]/u)
      .map((x) => x.replace(/^.*的/u, '').trim());
    return names.every((n) => n.length >= 3) && names.every((n) => named(n, stated));
  };
}

/** Runs the pre-check. Pure computation over the library; writes nothing. */
/**
 * Each finding on a sentence naming another of the draft's own articles (对有前条所列行为的单位, 违反本办法第十三条) carries
 * them (`draftArticles`): the conduct or duty it speaks of is the draft's, and the workbench links that article.
 */
function linkOwnArticles(findings: Finding[], units: readonly Article[], refs: readonly OwnReference[]): void {
  if (!refs.length) return;
  const texts = new Map(units.map((u) => [u.key, u.text]));
  for (const [i, f] of findings.entries()) {
    if (!f.article || f.sentence === undefined) continue;
    const sentences = splitSentences(texts.get(f.article.key) ?? '');
    const spans = [f.sentence, ...(f.also ?? []).map((a) => a.sentence)].map((k) => sentences[k]).filter((s) => !!s);
    const named = refs.filter((r) => r.unitKey === f.article!.key && r.target.key !== f.article!.key && spans.some((s) => r.start >= s.start && r.start < s.end + 1));
    const targets = [...new Map(named.map((r) => [r.target.key, r.target])).values()];
    if (targets.length) findings[i] = { ...f, draftArticles: targets };
  }
}

export function precheck(store: LibraryStore, input: PrecheckInput, opts: PrecheckOptions = {}): PrecheckResult {
  const steps = precheckSteps(store, input, opts);
  for (;;) {
    const n = steps.next();
    if (n.done) return n.value;
    opts.onProgress?.(n.value);
  }
}

/**
 * The same pre-check, giving the event loop a turn every few milliseconds so that progress
 * events reach the window while a long draft is checked (the UI shows the percentage).
 */
export async function precheckAsync(store: LibraryStore, input: PrecheckInput, opts: PrecheckOptions = {}): Promise<PrecheckResult> {
  const steps = precheckSteps(store, input, opts);
  let last = performance.now();
  for (;;) {
    const n = steps.next();
    if (n.done) return n.value;
    opts.onProgress?.(n.value);
    if (performance.now() - last > 15) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      last = performance.now();
    }
  }
}

function* precheckSteps(store: LibraryStore, input: PrecheckInput, opts: PrecheckOptions): Generator<PrecheckProgress, PrecheckResult> {
  const t0 = performance.now();
  const rules = opts.rules ?? loadRuleSet();
  const resolver = new BasisResolver(store, input.asOf, opts.documents ?? loadBasisDocuments(), opts.region);
  const units = checkedUnits(input.units);
  // One step per article for the rules, and one per article for the 上位法 panel when asked.
  const total = units.length * (opts.search ? 2 : 1);
  const findings: Finding[] = [];

  yield { phase: 'citations', done: 0, total };
  const cites = checkCitations(store, units, input.title, input.asOf, (ref) => resolver.resolve(ref), opts.region);
  findings.push(...cites.findings);

  const header = input.header ?? [];
  const docText = [input.title, ...header, ...units.map((u) => u.text)].join('\n');
  const sentenceRules = rules.rules.filter((r): r is SentenceRule => r.scope !== 'document' && appliesTo(r, input.kind) && ruleFitsDocument(r, docText));
  const fcItems = new Map<string, FairCompetitionItem>();
  const basesOf = new Map<SentenceRule, Basis[]>();
  const unbound = new Map<string, string[]>();
  const ruleBases = (rule: { id: string; basis: readonly BasisRef[] }): Basis[] => {
    const { bases, foreign } = resolver.ruleBases(rule.basis);
    if (!bases.length && foreign.length) unbound.set(rule.id, foreign);
    return bases;
  };
  for (const rule of sentenceRules) {
    const bases = ruleBases(rule);
    basesOf.set(rule, bases);
    if (rule.checklist && !fcItems.has(rule.checklist.code)) fcItems.set(rule.checklist.code, { code: rule.checklist.code, title: rule.checklist.title, basis: bases[0]!, triggers: [] });
  }
  const namedBy = lawsNaming(store, input.title, cites.citations, input.asOf);
  const sentences: DraftSentence[] = [];
  for (const [i, unit] of units.entries()) {
    const own = sentencesOf(unit);
    sentences.push(...own);
    const stated = own[0]?.articleHasBasis ? statedBases(store, unit.text, input.asOf, opts.region) : undefined;
    // One problem of one article is one finding: a rule's later sentences for the same reason join its first.
    const firstOf = new Map<string, Finding>();
    for (const s of own) {
      for (const rule of sentenceRules) {
        const span = matchSentenceRule(rule, s);
        if (!span) continue;
        // A licence or fee the law the draft implements or cites names is that law's: the draft creates nothing.
        if (rule.namedByHigherLaw === 'skip' && span.named && namedBy(span.named, stated)) continue;
        const found = sentenceFinding(rule, s, span, basesOf.get(rule)!, stated);
        if (!found) continue;
        const first = firstOf.get(rule.id);
        const f = first && first.reason === found.reason ? joinSentence(first, found) : found;
        if (f === found) {
          firstOf.set(rule.id, f);
          findings.push(f);
        }
        if (rule.checklist) fcItems.get(rule.checklist.code)!.triggers.push({ findingId: f.id, articleLabel: s.article.label, excerpt: s.text });
      }
    }
    yield { phase: 'rules', done: i + 1, total };
  }
  for (const rule of rules.rules) {
    if (rule.scope !== 'document' || !appliesTo(rule, input.kind)) continue;
    findings.push(...documentFindings(rule, { title: input.title, header, text: docText, asOf: input.asOf, ...(opts.region ? { region: opts.region } : {}) }, sentences, ruleBases(rule)));
  }
  if (input.review) {
    // A step the draft's own list omits and the record lacks is one problem, said at the list; a step the
    // record shows held (or not applicable) is no problem, whatever the list says.
    const review = input.review;
    const omitted = new Map(rules.rules.filter((r) => r.scope === 'document' && r.check === 'steps-omitted').map((r) => [r.id, String((r as DocumentRule).params.step)]));
    const held = (rule: string) => review.procedures.some((p) => p.check === omitted.get(rule) && (p.done || !p.applicable));
    const listed = new Set(findings.filter((f) => f.article && omitted.has(f.rule)).map((f) => f.rule));
    for (let i = findings.length - 1; i >= 0; i--) if (omitted.has(findings[i]!.rule) && held(findings[i]!.rule)) findings.splice(i, 1);
    findings.push(...procedureFindings(review, input.kind, resolver, opts.calendar).filter((f) => !listed.has(f.rule)));
  }

  // A rule that rests only on another place's document: 需核实 against the office's own rules, said in the hint
  // (never in the record or the 意见书, which name no basis the office is not bound by).
  for (const [i, f] of findings.entries()) {
    const foreign = unbound.get(f.rule);
    if (!foreign) continue;
    // with no place known (单位信息 has no region, the unit's name none), a local document binds nothing (bindsOffice)
    const where = opts.region
      ? `不适用于本单位所在地（${opts.region}）`
      : '只适用于其地区，而单位信息中没有所在地区（单位名称也看不出），无从判断是否适用本单位；请在 设置 → 单位信息 填写所在地区，或';
    const hint = `此项的依据${foreign.join('、')}${where}${opts.region ? '，请' : ''}按本地关于该事项的规定核实；本地规定可加入审查依据数据（resources/review-bases）。`;
    findings[i] = { ...f, severity: DOWNGRADE[f.severity], hint: f.hint ? `${hint}${f.hint}` : hint };
  }

  // A step the draft itself says it skips is said once, at its sentence: the record's "no record of it" goes.
  const firing = new Set(findings.filter((f) => f.article).map((f) => f.rule));
  const superseded = new Set(sentenceRules.filter((r) => firing.has(r.id)).flatMap((r) => r.supersedes));
  // One finding per rule and sentence (two patterns of one rule on one sentence are one problem).
  const seen = new Set<string>();
  const unique = findings.filter((f) => !(f.article === null && superseded.has(f.rule)) && (seen.has(f.id) ? false : (seen.add(f.id), true)));
  const position = new Map(units.map((u, i) => [u.key, i]));
  linkOwnArticles(unique, units, cites.ownReferences);
  unique.sort((a, b) => (position.get(a.article?.key ?? '') ?? -1) - (position.get(b.article?.key ?? '') ?? -1) || (a.start ?? 0) - (b.start ?? 0) || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);

  let higherLaw: PrecheckResult['higherLaw'];
  if (opts.search) {
    const cited = new Map<string, { versionId: string; articleKey: string }[]>();
    for (const c of cites.citations) {
      if (!c.article || !c.versionId || !c.articleKey) continue;
      cited.set(c.article.key, [...(cited.get(c.article.key) ?? []), { versionId: c.versionId, articleKey: c.articleKey }]);
    }
    const panel = higherLawSteps(store, opts.search, units, { asOf: input.asOf, region: opts.region ?? '', cited, title: input.title });
    for (;;) {
      const n = panel.next();
      if (n.done) {
        higherLaw = n.value;
        break;
      }
      yield { phase: 'higherLaw', done: units.length + n.value, total };
    }
  }
  const counts: Record<string, number> = { 必须修改: 0, 需核实: 0, 提示: 0 };
  for (const f of unique) counts[f.severity] = (counts[f.severity] ?? 0) + 1;
  return {
    ...(input.file ? { file: input.file } : {}),
    title: input.title,
    kind: input.kind,
    asOf: input.asOf,
    rulesVersion: rules.version,
    articleCount: units.length,
    findings: unique,
    citations: cites.citations,
    fairCompetition: [...fcItems.values()],
    ...(higherLaw ? { higherLaw, higherLawRegions: panelRegions(opts.region ?? '') } : {}),
    counts,
    tookMs: Math.round((performance.now() - t0) * 10) / 10,
  };
}
