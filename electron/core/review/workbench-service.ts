// The 审查工作台 of one review, for every face: open the 送审稿, run the pre-check on the review
// date, accept a finding (it goes into the record's 权限/程序/内容 findings with its basis as a
// version-anchored citation, and into the 修改建议 list), dismiss one with its reason (kept in the
// record's history), confirm or dismiss 公平竞争审查 checklist items, and export the 意见书.

import { dirname, extname } from 'node:path';
import { mkdirSync } from 'node:fs';
import { ProposalSchema, WHOLE_DOCUMENT, articleDoubtfulPages, changesText, draftPagesDoubt, findingExcerpts, isUnverifiedDraft, type Basis, type Decision, type DraftComparison, type DraftKind, type Finding, type OpinionFormat, type PrecheckResult, type Suggestion } from '../../shared/review-workbench';
import { formatIssue } from '../../shared/errors';
import { WORKBENCH_FIELD_LABELS } from '../../shared/field-labels';
import { writeFileAtomic } from '../library/atomic-file';
import { readOffice } from '../office/office-file';
import { officeRegion, regionNotation } from '../office/office-region';
import type { LibraryStore } from '../library/library-store';
import { citationKey, citeArticle } from '../records/citation-resolve';
import { partOf } from '../../shared/article-part';
import { datedTitleOf } from '../../shared/citation';
import type { Citation, LegalityReview } from '../records/record-types';
import type { Conclusion } from '../../shared/record-schema';
import { RecordsError } from '../records/records-errors';
import type { RecordsService } from '../records/records-service';
import { renderDocx } from '../packs/render-docx';
import { renderPdf, type PrintHtmlToPdf } from '../packs/render-pdf';
import { indexMark, type TermSearch } from './higher-law';
import { carryCorrected, carryDecisions } from './decision-carry';
import { DraftStore, type DraftOcr, type DraftVersion } from './draft-store';
import { sha256 } from '../library/law-identity';
import { loadBasisDocuments, localBasisTitles } from './basis-documents';
import { allCitations, buildOpinion, documentReason, type OpinionOptions } from './opinion';
import type { PackDocument } from '../packs/pack-document';
import type { Level } from '../../shared/law-model';
import { finishedPhases, precheckAsync, type PrecheckOptions } from './precheck';
import { loadRuleSet, type RuleSet } from './review-rules';
import { MATERIALS_BY_TYPE } from '../../shared/review-materials';
import type { OpinionCoverage } from '../../shared/opinion-coverage';
import { opinionCoverage } from './opinion-coverage';
import { draftLinkStates, withDraftLinkNotes } from './draft-links';
import type { DraftLinkState } from '../../shared/draft-citation';

const CAT_KEY = { 权限: 'authority', 程序: 'procedure', 内容: 'content' } as const;

/**
 * The line an accepted finding adds to the record's 权限/程序/内容 findings (found again to move it
 * with its provision). A finding with no sentence to replace (审查程序, 全文) is not a row of the
 * 对照表, so its line is the whole opinion on it — what is wrong and what to do — as the adviser signs it.
 */
function findingLine(f: Finding, note: string, proposal?: string): string {
  return lineOf(f, note, proposal, documentReason(f));
}

/**
 * The line as accepted findings were written before their reasons were put in the 意见书's words
 * (the quoted excerpt twice, dates as 2019-04-23): a record written then must still be found.
 */
function earlierLine(f: Finding, note: string, proposal?: string): string {
  return lineOf(f, note, proposal, f.reason);
}

function lineOf(f: Finding, note: string, proposal: string | undefined, reason: string): string {
  const basis = f.bases.map((b) => b.citation).filter(Boolean);
  const cite = basis.length ? `（依据：${basis.join('；')}）` : '';
  if (!changesText(f)) {
    const todo = (proposal ?? f.suggestion)?.trim().replace(/[。；;，,]$/, '');
    const lead = WHOLE_DOCUMENT.has(f.excerpt) ? '' : `送审稿“${f.excerpt}”：`;
    return `${lead}${reason}${note}${todo ? `建议${todo}。` : ''}${cite}`;
  }
  return `送审稿${f.article!.label}${findingExcerpts(f).map((e) => `“${e}”`).join('')}：${reason}${note}${cite}`;
}

/** Where an accepted finding's line is in the record's text (as written now, or as written before). */
function lineIndex(lines: string[], f: Finding, note: string, proposal?: string): number {
  const at = lines.indexOf(findingLine(f, note, proposal));
  return at >= 0 ? at : lines.indexOf(earlierLine(f, note, proposal));
}

/**
 * A procedure / 全文 finding accepted before its line became a sentence read 送审稿“审查程序”：… and
 * had its 建议 only in the 对照表, which no longer lists it: the 意见书 says it as accepted now (the
 * record keeps what was written; an adviser's own rewording is not touched).
 */
function legacyLinesRewritten(review: LegalityReview, accepted: (Decision & { finding: Finding })[]): LegalityReview {
  const findings = { ...review.findings };
  for (const d of accepted) {
    const f = d.finding;
    if (changesText(f)) continue;
    const basis = f.bases.map((b) => b.citation).filter(Boolean);
    const legacy = `送审稿“${f.excerpt}”：${f.reason}${d.reason}${basis.length ? `（依据：${basis.join('；')}）` : ''}`;
    const key = CAT_KEY[f.category];
    const lines = findings[key].text.split('\n');
    const at = lines.indexOf(legacy);
    if (at < 0) continue;
    lines[at] = findingLine(f, d.reason, d.proposal);
    findings[key] = { ...findings[key], text: lines.join('\n') };
  }
  return { ...review, findings };
}

/** The options actually given: a key set to undefined must not hide the profile's default. */
function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function draftKindOf(type: LegalityReview['type']): DraftKind {
  return type === '重大行政决策' || type === '合同' ? type : '规范性文件';
}

export interface WorkbenchOptions {
  rulesDir?: string;
  /** The office's region for the 上位法 panel; default: the office profile's (office.json). */
  region?: string;
  search?: TermSearch;
}

export interface WorkbenchView {
  review: LegalityReview;
  drafts: Omit<DraftVersion, 'units'>[];
  draft?: DraftVersion;
  result?: PrecheckResult;
  decisions: ReturnType<DraftStore['decisions']>;
  reopened: ReturnType<DraftStore['reopened']>;
  suggestions: Suggestion[];
}

export interface AddDraftResult {
  version: DraftVersion;
  /** True when these bytes were already a version of the draft (nothing was added). */
  existing: boolean;
  /** Decisions of the previous version carried to this one, and findings open again because their sentence changed. */
  carried: number;
  reopened: number;
}

/**
 * A basis as the 对照表's 理由 names it: a provision the library lacks carries its quote in the
 * citation (《…通知》（国办发〔2018〕37号）一、（一）“严禁越权发文”：“…”), which the finding's line
 * under 三、 already quotes; the table names the document and part only, so a row stays a row.
 */
function unquotedCitation(b: Basis): string {
  const quote = b.text ? `：“${b.text}”` : '';
  return quote && b.citation.endsWith(quote) ? b.citation.slice(0, -quote.length) : b.citation;
}

export class ReviewWorkbench {
  readonly drafts: DraftStore;
  private rules: RuleSet | undefined;

  constructor(
    private readonly store: LibraryStore,
    private readonly records: RecordsService,
    private readonly opts: WorkbenchOptions = {},
  ) {
    this.drafts = new DraftStore(store, records);
  }

  /** The rule set, read once (a broken rule file is an error naming the file and the rule). */
  ruleSet(): RuleSet {
    this.rules ??= loadRuleSet(this.opts.rulesDir);
    return this.rules;
  }

  /**
   * Where the office is, in the library's notation (office-region.ts): as given, else from 设置 →
   * 单位信息 (its region as typed, or its unit's name), read at each call. '' when unknown.
   */
  officeRegion(): string {
    if (this.opts.region !== undefined) return regionNotation(this.opts.region) ?? this.opts.region;
    return officeRegion(readOffice(this.store.dir).profile).region;
  }

  /** The review date: the opinion's date once given, else today. */
  reviewDate(review: LegalityReview): string {
    return review.completedDate ?? this.store.today();
  }

  /**
   * The pre-check of one 送审稿 version, kept while nothing it reads has changed: the draft (seq and
   * hash), the record (revision), the review date, the library (generation) and the office's region.
   * Opening the workbench, the 意见书's coverage question and the export then check the draft once,
   * not once each. A result with the 上位法 panel serves a call without it (the panel left out); the
   * results are shared, read-only.
   */
  private readonly runs = new Map<string, { key: string; panel: boolean; result: Promise<PrecheckResult> }>();
  /** How many pre-checks were computed (not served from `runs`): what the 意见书 export test counts. */
  prechecksRun = 0;

  async run(reviewId: string, o: { seq?: number; panel?: boolean; onProgress?: PrecheckOptions['onProgress'] } = {}): Promise<PrecheckResult> {
    const review = await this.records.getReview(reviewId);
    const draft = this.drafts.draft(reviewId, o.seq);
    // The 上位法 panel shows this office's province: read at each check, so a change in 设置 → 单位信息 applies at once.
    const region = this.officeRegion();
    const panel = o.panel !== false && !!this.opts.search;
    const slot = `${reviewId}#${draft.seq}`;
    // A scanned draft's text changes with 核对 (corrections) while its file stays the same: the text is part of the key.
    const text = draft.textSource === 'ocr' ? sha256(Buffer.from(JSON.stringify(draft.units.map((u) => [u.key, u.text])))) : '';
    const key = JSON.stringify([draft.sha256, text, review.revision, this.reviewDate(review), this.store.generation, indexMark(this.opts.search), region ?? '']);
    const kept = this.runs.get(slot);
    if (kept && kept.key === key && (kept.panel || !panel)) {
      const r = await kept.result;
      if (o.onProgress) for (const p of finishedPhases(draft.units, panel)) o.onProgress(p);
      if (panel === kept.panel) return r;
      const { higherLaw: _h, higherLawRegions: _r, ...withoutPanel } = r;
      return withoutPanel;
    }
    this.prechecksRun++;
    const result = this.precheckNow(review, draft, region, panel, o.onProgress);
    this.runs.delete(slot);
    this.runs.set(slot, { key, panel, result });
    // a few drafts' results at most (the reviews an adviser has open); a failed check is not kept
    if (this.runs.size > 8) this.runs.delete(this.runs.keys().next().value!);
    result.catch(() => {
      if (this.runs.get(slot)?.result === result) this.runs.delete(slot);
    });
    return result;
  }

  private precheckNow(review: LegalityReview, draft: DraftVersion, region: string | undefined, panel: boolean, onProgress?: PrecheckOptions['onProgress']): Promise<PrecheckResult> {
    return precheckAsync(
      this.store,
      { title: draft.title, units: draft.units, ...(draft.header ? { header: draft.header } : {}), kind: draftKindOf(review.type), asOf: this.reviewDate(review), file: draft.name, review },
      {
        rules: this.ruleSet(),
        calendar: this.records.calendar,
        ...(panel && this.opts.search ? { search: this.opts.search } : {}),
        ...(region ? { region } : {}),
        ...(onProgress ? { onProgress } : {}),
      },
    );
  }

  async view(reviewId: string, o: { seq?: number; panel?: boolean; onProgress?: PrecheckOptions['onProgress'] } = {}): Promise<WorkbenchView> {
    const review = await this.records.getReview(reviewId);
    const all = this.drafts.drafts(reviewId);
    const draft = o.seq === undefined ? all.at(-1) : all.find((d) => d.seq === o.seq);
    if (o.seq !== undefined && !draft) throw new RecordsError('NOT_FOUND', `审查记录 ${reviewId} 没有第 ${o.seq} 稿`);
    const result = draft ? await this.run(reviewId, { seq: draft.seq, ...(o.panel !== undefined ? { panel: o.panel } : {}), ...(o.onProgress ? { onProgress: o.onProgress } : {}) }) : undefined;
    return {
      review,
      drafts: all.map(({ units: _u, ...d }) => d),
      ...(draft && result ? { draft, result: onRecognisedText(result, draft) } : {}),
      decisions: this.drafts.decisions(reviewId),
      reopened: this.drafts.reopened(reviewId),
      suggestions: this.suggestions(reviewId),
    };
  }

  /**
   * Adds a 送审稿 version and carries the previous version's decisions over to it by content
   * (decision-carry.ts): a moved article keeps its accepted / dismissed findings and edited
   * 建议修改为; a reworded sentence is open again.
   */
  async addDraft(reviewId: string, file: string, opts: { name?: string; by?: string; ocr?: DraftOcr } = {}): Promise<AddDraftResult> {
    const before = this.drafts.drafts(reviewId);
    const version = await this.drafts.addDraft(reviewId, file, opts);
    const existing = before.some((d) => d.seq === version.seq);
    if (!existing) await this.tickDraftMaterial(reviewId, opts.by);
    const prev = before.at(-1);
    if (existing || !prev) return { version, existing, carried: 0, reopened: 0 };
    const result = await this.run(reviewId, { seq: version.seq, panel: false });
    const decidedBefore = this.drafts.decisions(reviewId);
    const out = await this.drafts.mutate(reviewId, (w) => {
      const { carried, reopened } = carryDecisions(w.decisions, prev, version, result.findings);
      Object.assign(w.decisions, carried);
      Object.assign(w.reopened, reopened);
      const [c, r] = [Object.keys(carried).length, Object.keys(reopened).length];
      if (c || r) {
        const by = opts.by || process.env.LAWDESK_USER || '本机用户';
        w.log.push({ at: this.store.now().toISOString(), by, action: 'carry', note: `第 ${version.seq} 稿沿用第 ${prev.seq} 稿的决定 ${c} 条（按内容对应条文）${r ? `，${r} 条因原句修改重新待审` : ''}` });
      }
      return { version, existing, carried: c, reopened: r, moved: carried };
    });
    await this.followInRecord(reviewId, decidedBefore, prev.seq, out.moved, opts.by);
    const { moved: _moved, ...counts } = out;
    return counts;
  }

  /**
   * 核对 of a scanned version (DraftStore.checkOcr). A correction changes sentences, and with them
   * the ids of the findings on them: the decisions taken on the recognised text follow to the
   * corrected findings when the correction reads the same, else those findings are open again
   * (decision-carry.ts carryCorrected); the record's lines that 采纳 wrote follow as for a new version.
   */
  async checkOcr(reviewId: string, seq: number, opts: Parameters<DraftStore['checkOcr']>[2]): Promise<DraftVersion> {
    const corrects = Object.keys(opts.corrections ?? {}).length > 0;
    // the findings on the recognised text (the check the page has just shown, kept): whose ids a correction may change
    const onRead = corrects ? (await this.run(reviewId, { seq, panel: false })).findings : [];
    const version = await this.drafts.checkOcr(reviewId, seq, opts);
    if (!corrects) return version;
    const result = await this.run(reviewId, { seq, panel: false });
    const decidedBefore = this.drafts.decisions(reviewId);
    const moved = await this.drafts.mutate(reviewId, (w) => {
      const { carried, reopened, orphans } = carryCorrected(w.decisions, seq, result.findings);
      for (const id of orphans) delete w.decisions[id];
      Object.assign(w.decisions, carried);
      Object.assign(w.reopened, reopened);
      // A finding open again since an earlier version whose sentence 核对 corrected stays open, under its new id
      // (the same rule in the same article: the id's rule@article part).
      const ids = new Set(result.findings.map((f) => f.id));
      for (const f of onRead) {
        const r = w.reopened[f.id];
        if (!r || ids.has(f.id)) continue;
        const next = result.findings.find((n) => n.rule === f.rule && n.article?.key === f.article?.key && !w.decisions[n.id] && !w.reopened[n.id]);
        delete w.reopened[f.id];
        if (next) w.reopened[next.id] = r;
      }
      const [c, r] = [Object.keys(carried).length, Object.keys(reopened).length];
      if (c || r || orphans.length) {
        w.log.push({
          at: this.store.now().toISOString(),
          by: (opts.by || process.env.LAWDESK_USER || '本机用户').trim(),
          action: 'carry',
          note: `第 ${seq} 稿核对更正后：沿用决定 ${c} 条${r ? `，${r} 条因更正改变了句意重新待审` : ''}${orphans.length - c - r ? `，${orphans.length - c - r} 条所针对的问题更正后不再存在` : ''}`,
        });
      }
      return carried;
    });
    const orphaned = Object.fromEntries(Object.entries(decidedBefore).filter(([id]) => !result.findings.some((f) => f.id === id)));
    await this.followInRecord(reviewId, orphaned, seq, moved, opts.by, '核对更正：采纳的预审意见按更正后的原文改写，句意改变或问题不再存在的取出');
    return this.drafts.draft(reviewId, seq);
  }

  /**
   * The 送审稿 is with the review now: its 送审材料 entry (each type's list starts with it,
   * shared/review-materials, or one the office named …送审稿) is ticked, so neither the form nor the
   * 意见书 says 未提供 of the draft being reviewed.
   */
  private async tickDraftMaterial(reviewId: string, by?: string): Promise<void> {
    const review = await this.records.getReview(reviewId);
    if (review.status === '已归档') return;
    const materials = review.materials ?? [];
    const names = new Set(Object.values(MATERIALS_BY_TYPE).map((l) => l[0]));
    const i = materials.findIndex((m) => names.has(m.name) || m.name.includes('送审稿'));
    if (i < 0 || materials[i]!.provided) return;
    await this.records.updateReview(
      reviewId,
      { materials: materials.map((m, k) => (k === i ? { ...m, provided: true } : m)) },
      { note: `上传送审稿：送审材料“${materials[i]!.name}”已提供`, ...(by ? { by } : {}) },
    );
  }

  /**
   * The record's findings text speaks of the draft under review: the lines that 采纳 wrote for the
   * previous version are rewritten with the new article numbers when their decision carried over,
   * and taken out when the problem was fixed or its sentence reworded (采纳 again writes the new
   * line), with the citations only they relied on. Lines the adviser has edited since are left as
   * they are. The change log keeps the old text.
   */
  private async followInRecord(reviewId: string, before: Record<string, Decision>, prevSeq: number, carried: Record<string, Decision>, by?: string, note = '新一稿：采纳的预审意见随条文移动改写，已修改或已解决的取出'): Promise<void> {
    const review = await this.records.getReview(reviewId);
    const texts = { authority: review.findings.authority.text, procedure: review.findings.procedure.text, content: review.findings.content.text };
    const newOf = new Map(Object.values(carried).map((d) => [d.carriedFrom!.findingId, d.finding!]));
    const art = (b: { versionId?: string | undefined; articleKey?: string | undefined; paragraph?: number | undefined; item?: number | undefined }) => citationKey({ versionId: b.versionId ?? '', articleKey: b.articleKey ?? '', ...partOf(b) });
    // Articles still relied on by the decisions that carried over: their citations stay.
    const kept = new Set(Object.values(carried).flatMap((d) => (d.status === 'accepted' ? d.finding!.bases.filter((b) => b.versionId).map(art) : [])));
    const dropped = { authority: new Set<string>(), procedure: new Set<string>(), content: new Set<string>() };
    for (const [id, d] of Object.entries(before)) {
      if (d.status !== 'accepted' || !d.finding || d.checklist) continue;
      if (d.draftSeq !== undefined && d.draftSeq !== prevSeq) continue;
      const key = CAT_KEY[d.finding.category];
      const lines = texts[key].split('\n');
      const at = lineIndex(lines, d.finding, d.reason, d.proposal);
      if (at < 0) continue;
      const moved = newOf.get(id);
      if (moved) lines[at] = findingLine(moved, d.reason, d.proposal);
      else {
        lines.splice(at, 1);
        for (const b of d.finding.bases) if (b.versionId && !kept.has(art(b))) dropped[key].add(art(b));
      }
      texts[key] = lines.join('\n');
    }
    const citations = (k: keyof typeof texts) => review.findings[k].citations.filter((c) => !dropped[k].has(art(c)));
    const changed = (Object.keys(texts) as (keyof typeof texts)[]).filter((k) => texts[k] !== review.findings[k].text);
    if (!changed.length) return;
    await this.records.updateReview(
      reviewId,
      { findings: Object.fromEntries(changed.map((k) => [k, { text: texts[k], citations: citations(k) }])) },
      { note, ...(by ? { by } : {}) },
    );
  }

  private async finding(reviewId: string, findingId: string): Promise<Finding> {
    const r = await this.run(reviewId, { panel: false });
    const f = r.findings.find((x) => x.id === findingId);
    if (!f) throw new RecordsError('NOT_FOUND', `当前送审稿的预审结果中没有意见 ${findingId}（送审稿可能已更新，请重新预审）`);
    return f;
  }

  /**
   * The finding's bases that are library articles, as citations of the versions the pre-check used,
   * each of the 款 or 项 it rests on (the 意见书 quotes that part).
   */
  private citationsOf(f: Finding): Citation[] {
    const out: Citation[] = [];
    for (const b of f.bases) {
      if (!b.versionId || !b.articleKey) continue;
      const unit = this.store.loadVersion(b.versionId).units.find((u) => u.key === b.articleKey);
      if (!unit) continue;
      // A part the stored article no longer reads as numbered is cited as the article, never dropped.
      const part = citeArticle(this.store, b.versionId, unit.number, unit.suffix, partOf(b));
      const c = part.ok ? part : citeArticle(this.store, b.versionId, unit.number, unit.suffix);
      if (c.ok && !out.some((x) => citationKey(x) === citationKey(c.value))) out.push(c.value);
    }
    return out;
  }

  /**
   * Accepts a finding: its text and basis go into the record's findings of its category (once),
   * and it joins the 修改建议 list with the proposal (default: the rule's suggestion).
   */
  async accept(reviewId: string, findingId: string, o: { proposal?: string; note?: string; by?: string } = {}): Promise<WorkbenchView> {
    let proposal: string | undefined;
    if (o.proposal !== undefined) {
      const p = ProposalSchema.safeParse(o.proposal);
      if (!p.success) throw new RecordsError('INVALID', formatIssue({ ...p.error.issues[0]!, path: ['proposal'] }, { labels: WORKBENCH_FIELD_LABELS }, { proposal: o.proposal }));
      proposal = p.data;
    }
    const f = await this.finding(reviewId, findingId);
    const draftSeq = this.drafts.draft(reviewId).seq;
    const before = this.drafts.decisions(reviewId)[f.id];
    const review = await this.records.getReview(reviewId);
    const key = CAT_KEY[f.category];
    const current = review.findings[key];
    const line = findingLine(f, o.note ?? '', proposal ?? f.suggestion);
    const have = new Set(current.citations.map((c) => citationKey(c)));
    const added = this.citationsOf(f).filter((c) => !have.has(citationKey(c)));
    // Accepting again with other words replaces the line the first 采纳 wrote (a procedure finding's line holds its proposal).
    const old = before?.status === 'accepted' && before.finding ? [findingLine(before.finding, before.reason, before.proposal), earlierLine(before.finding, before.reason, before.proposal)] : undefined;
    const kept = old && !old.includes(line) ? current.text.split('\n').filter((l) => !old.includes(l)).join('\n') : current.text;
    const text = kept.split('\n').includes(line) ? kept : [kept, line].filter(Boolean).join('\n');
    await this.records.updateReview(
      reviewId,
      { findings: { [key]: { text, citations: [...current.citations, ...added] } }, ...(review.status === '收件' ? { status: '审查中' } : {}) },
      { note: `采纳预审意见：${f.ruleName}（${f.article?.label ?? '全文'}）`, ...(o.by ? { by: o.by } : {}) },
    );
    await this.drafts.mutate(reviewId, (w) => {
      const at = this.store.now().toISOString();
      const by = o.by || process.env.LAWDESK_USER || '本机用户';
      const wording = proposal ?? f.suggestion;
      w.decisions[f.id] = { status: 'accepted', reason: o.note ?? '', ...(wording ? { proposal: wording } : {}), at, by, finding: f, draftSeq };
      const edited = proposal !== undefined && proposal !== f.suggestion;
      const again = before?.status === 'accepted';
      w.log.push({ at, by, action: 'accept', note: `${again ? '修改采纳的' : '采纳：'}${f.ruleName}（${f.article?.label ?? '全文'}）${edited ? `，建议修改为：${proposal}` : ''}` });
    });
    return this.view(reviewId, { panel: false });
  }

  /** Dismisses a finding with its reason; the reason is kept in the record's history and notes. */
  async dismiss(reviewId: string, findingId: string, reason: string, o: { by?: string } = {}): Promise<WorkbenchView> {
    if (!reason.trim()) throw new RecordsError('INVALID', '不采纳预审意见时须写明理由');
    const f = await this.finding(reviewId, findingId);
    const draftSeq = this.drafts.draft(reviewId).seq;
    const review = await this.records.getReview(reviewId);
    const line = `【预审意见不采纳】${f.ruleName}（${f.article?.label ?? '全文'}）：${reason.trim()}`;
    await this.records.updateReview(reviewId, { notes: [review.notes ?? '', line].filter(Boolean).join('\n') }, { note: line, ...(o.by ? { by: o.by } : {}) });
    await this.drafts.mutate(reviewId, (w) => {
      const at = this.store.now().toISOString();
      const by = o.by || process.env.LAWDESK_USER || '本机用户';
      w.decisions[f.id] = { status: 'dismissed', reason: reason.trim(), at, by, finding: f, draftSeq };
      w.log.push({ at, by, action: 'dismiss', note: line });
    });
    return this.view(reviewId, { panel: false });
  }

  /** Confirms or dismisses one 公平竞争审查 checklist item (by its code), with a reason. */
  async decideChecklist(reviewId: string, code: string, status: 'accepted' | 'dismissed', reason: string, o: { by?: string } = {}): Promise<void> {
    if (status === 'dismissed' && !reason.trim()) throw new RecordsError('INVALID', '排除公平竞争审查事项时须写明理由');
    const review = await this.records.getReview(reviewId);
    const line = `【公平竞争审查】${code}：${status === 'accepted' ? '确认存在' : '排除'}${reason.trim() ? `，${reason.trim()}` : ''}`;
    await this.records.updateReview(reviewId, { notes: [review.notes ?? '', line].filter(Boolean).join('\n') }, { note: line, ...(o.by ? { by: o.by } : {}) });
    await this.drafts.mutate(reviewId, (w) => {
      const at = this.store.now().toISOString();
      const by = o.by || process.env.LAWDESK_USER || '本机用户';
      w.decisions[`fc:${code}`] = { status, reason: reason.trim(), at, by, checklist: code };
      w.log.push({ at, by, action: 'checklist', note: line });
    });
  }

  /**
   * Two versions of the 送审稿 compared: the article diff (changed sentences marked) and the
   * pre-check of each, its findings matched by rule and sentence text so a renumbered article
   * does not count as a new problem.
   */
  async compare(reviewId: string, fromSeq: number, toSeq: number): Promise<DraftComparison> {
    const rows = this.drafts.diff(reviewId, fromSeq, toSeq);
    const [a, b] = [await this.run(reviewId, { seq: fromSeq, panel: false }), await this.run(reviewId, { seq: toSeq, panel: false })];
    // A finding is the same problem in the newer version when the same rule fires in the article
    // the older one became (renumbered or reworded alike); findings about the whole document by rule and text.
    const newKeys = new Map<string, string[]>();
    for (const r of rows) for (const f of r.from) newKeys.set(f.key, r.to.map((t) => t.key));
    const where = (f: Finding, toNew: boolean) => (f.article ? (toNew ? (newKeys.get(f.article.key) ?? []) : [f.article.key]).map((k) => `${f.rule}@${k}`) : [`${f.rule}#${f.excerpt}${f.reason}`]);
    const inB = new Set(b.findings.flatMap((f) => where(f, false)));
    const inA = new Set(a.findings.flatMap((f) => where(f, true)));
    const kept = (f: Finding) => where(f, false).some((k) => inA.has(k));
    const brief = ({ id, rule, ruleName, severity, article, excerpt }: Finding) => ({ id, rule, ruleName, severity, article, excerpt });
    const count = (...kinds: string[]) => rows.filter((r) => kinds.includes(r.kind)).length;
    return {
      from: fromSeq,
      to: toSeq,
      rows,
      counts: { same: count('same', 'renumbered'), changed: count('amended', 'split', 'merged'), added: count('added'), deleted: count('deleted') },
      findings: { resolved: a.findings.filter((f) => !where(f, true).some((k) => inB.has(k))).map(brief), added: b.findings.filter((f) => !kept(f)).map(brief), kept: b.findings.filter(kept).length },
    };
  }

  /**
   * The 修改建议对照表: accepted findings of the latest 送审稿 version (carried over or decided on
   * it), in the draft's order. Decisions on an earlier version whose problem the unit has since
   * fixed stay in the history, not in the table.
   */
  suggestions(reviewId: string): Suggestion[] {
    const out: (Suggestion & { order: number; at: number })[] = [];
    for (const [id, d] of this.acceptedNow(reviewId)) {
      const f = d.finding;
      // Findings about the procedure or the whole document change no text: the 意见书 says them under their 要点.
      if (!changesText(f)) continue;
      out.push({
        findingId: id,
        article: f.article?.label ?? '全文',
        original: findingExcerpts(f).join(''),
        proposal: d.proposal ?? f.suggestion ?? '',
        reason: `${documentReason(f)}${f.basis ? `（${unquotedCitation(f.basis)}）` : ''}`,
        order: f.article ? Number(f.article.key.replace(/\D+/g, '')) || 0 : 1e6,
        // within an article, as its sentences read (not in the order they were accepted)
        at: f.start ?? 0,
      });
    }
    return out.sort((a, b) => a.order - b.order || a.at - b.at).map(({ order: _o, at: _a, ...s }) => s);
  }

  /**
   * The decisions accepted on the latest 送审稿 version (carried over or decided on it). Decisions
   * on an earlier version whose problem the unit has since fixed stay in the history only.
   */
  private acceptedNow(reviewId: string): [string, Decision & { finding: Finding }][] {
    const out: [string, Decision & { finding: Finding }][] = [];
    const w = this.drafts.read(reviewId);
    const latest = w.drafts.at(-1);
    const squash = (t: string) => t.replace(/\s+/g, '');
    // Decisions made before versions were tracked (no draftSeq) count while the latest version still reads that way.
    const stillThere = (f: Finding) => !f.article || squash(latest?.units.find((u) => u.key === f.article!.key)?.text ?? '').includes(squash(f.excerpt));
    for (const [id, d] of Object.entries(w.decisions)) {
      if (d.status !== 'accepted' || !d.finding) continue;
      if (d.draftSeq !== undefined ? d.draftSeq !== latest?.seq : !stillThere(d.finding)) continue;
      out.push([id, { ...d, finding: d.finding }]);
    }
    return out;
  }

  /**
   * Which 要点 a check reached (opinion-coverage.ts): the 意见书 writes 经审查，未发现问题 only of
   * those, and 未审查 with the reason of the others; the faces warn of the same before generating.
   */
  async coverage(reviewId: string): Promise<OpinionCoverage> {
    return (await this.opinionCheck(reviewId)).coverage;
  }

  /**
   * The coverage and the pre-check it came from (the latest draft's, none without a draft), run
   * once: a face that warns before generating passes `coverage` on to exportOpinion and counts the
   * undecided findings from `precheck`, instead of checking the draft again for each. `conclusion`:
   * the record's 审查结论 (absent: the 意见书 reads 审查结论待定, which the faces warn of too).
   */
  async opinionCheck(reviewId: string): Promise<{ coverage: OpinionCoverage; precheck?: PrecheckResult; conclusion?: Conclusion }> {
    const review = await this.records.getReview(reviewId);
    const hasDraft = this.drafts.drafts(reviewId).length > 0;
    let precheck: PrecheckResult | Error | undefined;
    let rules: RuleSet | undefined;
    if (hasDraft) {
      try {
        rules = this.ruleSet();
        precheck = await this.run(reviewId, { panel: false });
      } catch (e) {
        precheck = e instanceof Error ? e : new Error(String(e));
      }
    }
    const decisions = this.drafts.decisions(reviewId);
    const decided = new Set(Object.entries(decisions).filter(([, d]) => d.status === 'accepted' || d.status === 'dismissed').map(([id]) => id));
    const coverage = opinionCoverage({ review, kind: draftKindOf(review.type), precheck, rules, decided });
    return { coverage, ...(precheck && !(precheck instanceof Error) ? { precheck } : {}), ...(review.conclusion ? { conclusion: review.conclusion } : {}) };
  }

  /**
   * The record's links into its draft, each with what its article is in the latest 送审稿 version: the form shows them,
   * and the faces warn before generating the 意见书 of those whose article moved, changed or went (isStaleDraftLink).
   */
  async draftLinks(reviewId: string): Promise<DraftLinkState[]> {
    return draftLinkStates(await this.records.getReview(reviewId), this.drafts.drafts(reviewId));
  }

  /** The rules, or none when the rule set cannot be read: the 意见书 then says the pre-check failed (coverage). */
  private readableRules(): RuleSet['rules'] {
    try {
      return this.ruleSet().rules;
    } catch {
      return [];
    }
  }

  /** The 意见书 as the pack engine's document: the record, the 对照表 and the bases of the accepted findings. */
  async opinionDocument(reviewId: string, o: Omit<OpinionOptions, 'today' | 'bases' | 'levels' | 'versionTitles' | 'coverage'> & { coverage?: OpinionCoverage } = {}): Promise<PackDocument> {
    const accepted = this.acceptedNow(reviewId);
    const record = await this.records.getReview(reviewId);
    // a 草案第八条 written on an earlier 送审稿 version says which version it meant (draft-links.ts)
    const drafts = this.drafts.drafts(reviewId);
    const review = withDraftLinkNotes(this.store, legacyLinesRewritten(record, accepted.map(([, d]) => d)), draftLinkStates(record, drafts), drafts);
    const bases: Basis[] = accepted.flatMap(([, d]) => d.finding.bases);
    const levels: Record<string, Level> = {};
    for (const id of [...bases.map((b) => b.lawId), ...allCitations(review).map((c) => c.lawId)]) {
      const law = id ? this.store.law(id) : undefined;
      if (law) levels[law.id] = law.level;
    }
    // 附件：引用条文原文 heads each law with its version's date (2019年4月23日修正), which the citation's year alone does not give.
    const versionTitles: Record<string, string> = {};
    for (const c of allCitations(review)) {
      const v = this.store.version(c.versionId);
      if (v) versionTitles[c.versionId] = datedTitleOf(v);
    }
    // The signing unit and the 机关代字: as asked, else the office profile (设置 → 单位信息), for every face alike.
    const office = readOffice(this.store.dir).profile;
    const defaults = { ...(office.unit ? { office: office.unit } : {}), ...(office.reviewPrefix ? { numberPrefix: office.reviewPrefix } : {}) };
    const coverage = o.coverage ?? (await this.coverage(reviewId));
    const localBases = localBasisTitles(loadBasisDocuments(), this.readableRules(), draftKindOf(review.type), this.officeRegion() || undefined);
    // written from an unchecked scan (exportOpinion asked so in so many words): the accepted points on articles read from a
    // page too poor to trust are not stated as established — the 意见书 says so, and the 对照表 marks their 原文
    const latest = drafts.at(-1);
    const doubtfulArticles = latest
      ? [...new Set(accepted.flatMap(([, d]) => (d.finding.article ? [d.finding.article.key] : [])))]
          .map((key) => latest.units.find((u) => u.key === key))
          .filter((u): u is NonNullable<typeof u> => !!u && articleDoubtfulPages(latest, u).length > 0)
          .sort((a, b) => latest.units.indexOf(a) - latest.units.indexOf(b))
          .map((u) => u.label)
      : [];
    return buildOpinion(review, this.suggestions(reviewId), { ...defaults, localBases, ...definedOnly(o), today: this.store.today(), bases, levels, versionTitles, coverage, ...(doubtfulArticles.length ? { doubtfulArticles } : {}) });
  }

  /**
   * Writes the 合法性审查意见书 (DOCX or PDF) atomically: a failed export leaves no partial file.
   * `coverage`: opinionCheck's, when the caller has just asked it; else it is worked out here.
   */
  async exportOpinion(
    reviewId: string,
    out: string,
    o: Omit<OpinionOptions, 'today' | 'coverage'> & { coverage?: OpinionCoverage; format?: OpinionFormat; print?: PrintHtmlToPdf; unverifiedText?: boolean; by?: string } = {},
  ): Promise<{ file: string; format: OpinionFormat; bytes: number; articles: number }> {
    const format: OpinionFormat = o.format ?? (extname(out).toLowerCase() === '.pdf' ? 'pdf' : 'docx');
    const { format: _f, print: _p, unverifiedText, by: _by, ...opinion } = o;
    // The 意见书 quotes the draft (原文 in the 对照表) and judges its sentences: from a scan nobody has
    // checked, a misread 不 or 日 would go out under the office's name. So it waits for 核对, unless
    // the adviser says in so many words to write it from the unchecked text — and that is logged.
    const latest = this.drafts.drafts(reviewId).at(-1);
    if (latest && isUnverifiedDraft(latest)) {
      if (!unverifiedText) {
        throw new RecordsError(
          'INVALID',
          `送审稿第 ${latest.seq} 稿“${latest.name}”是扫描件的识别文本，尚未核对${draftPagesDoubt(latest) ? `；${draftPagesDoubt(latest)}` : ''}：意见书引用和评判的是送审稿原文，请先在审查工作台逐条核对识别文本；确需先出具，请确认依据未核对的识别文本生成`,
        );
      }
      const by = o.by || process.env.LAWDESK_USER || '本机用户';
      await this.drafts.mutate(reviewId, (w) => {
        w.log.push({ at: this.store.now().toISOString(), by, action: 'opinion-unverified', note: `依据第 ${latest.seq} 稿未核对的识别文本生成意见书${latest.ocrDoubtfulPages?.length ? `（其中第 ${latest.ocrDoubtfulPages.map((d) => d.page).join('、')} 页识别可信度低）` : ''}` });
      });
    }
    const doc = await this.opinionDocument(reviewId, opinion);
    let data: Uint8Array;
    try {
      data = format === 'docx' ? await renderDocx(doc) : (await renderPdf(doc, o.print ? { print: o.print } : {})).pdf;
    } catch (e) {
      throw new RecordsError('INVALID', `生成意见书失败：${(e as Error).message.split('\n')[0]}`);
    }
    try {
      mkdirSync(dirname(out), { recursive: true });
      writeFileAtomic(out, data);
    } catch (e) {
      throw new RecordsError('INVALID', `无法写入“${out}”：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    return { file: out, format, bytes: data.length, articles: doc.articleCount };
  }
}

/**
 * The pre-check of a scanned draft not yet checked against its scan: each finding says it rests on
 * recognised text, and 'suspect' when its excerpt holds a doubtful character. A copy: results are shared.
 */
function onRecognisedText(result: PrecheckResult, draft: DraftVersion): PrecheckResult {
  if (!isUnverifiedDraft(draft)) return result;
  const units = new Map(draft.units.map((u) => [u.key, u]));
  const suspect = (f: Finding) => {
    const u = f.article ? units.get(f.article.key) : undefined;
    if (!u?.suspects?.length || f.start === undefined || f.end === undefined) return false;
    return u.suspects.some((i) => i >= f.start! && i < f.end!);
  };
  // an article read from a page too poor to trust as a whole: said apart, above a doubtful character — the whole sentence may be misread
  const pages = (f: Finding) => {
    const u = f.article ? units.get(f.article.key) : undefined;
    return u ? articleDoubtfulPages(draft, u) : [];
  };
  return {
    ...result,
    findings: result.findings.map((f) => {
      const doubtful = pages(f);
      return doubtful.length ? { ...f, ocrText: 'doubtful-page' as const, ocrPages: doubtful } : { ...f, ocrText: suspect(f) ? ('suspect' as const) : ('unverified' as const) };
    }),
  };
}
