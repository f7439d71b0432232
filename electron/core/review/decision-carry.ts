// When a unit sends a new 送审稿 version, the adviser's decisions on the previous one follow the
// provision, not the article number: articles are mapped by content (the library's version
// mapping, which handles inserted, deleted and moved articles), and a decision carries over when
// the same rule finds the same sentence in the mapped article. When the rule still fires there but
// the sentence was reworded, the finding is open again (the earlier decision is kept beside it for
// reference): the adviser must look at the new wording, never inherit a verdict on old text.

import type { Article } from '../../shared/law-model';
import { findingExcerpts, type Decision, type DraftVersion, type Finding, type Reopened } from '../../shared/review-workbench';
import { mapArticles } from '../versions/article-mapping';
import { diffChars } from '../versions/char-diff';

const squash = (t: string) => t.replace(/\s+/g, '');

/** Dice overlap of character pairs: which reworded sentence an old decision most likely concerned. */
function likeness(a: string, b: string): number {
  const pairs = (t: string) => {
    const m = new Map<string, number>();
    for (let i = 0; i + 1 < t.length; i++) m.set(t.slice(i, i + 2), (m.get(t.slice(i, i + 2)) ?? 0) + 1);
    return m;
  };
  const [pa, pb] = [pairs(squash(a)), pairs(squash(b))];
  let common = 0;
  let total = 0;
  for (const [k, n] of pa) {
    common += Math.min(n, pb.get(k) ?? 0);
    total += n;
  }
  for (const n of pb.values()) total += n;
  return total ? (2 * common) / total : 0;
}

/**
 * The version a decision is about. Decisions stored before versions were tracked have no
 * `draftSeq`: they belong to `from` when its text still holds the decided sentence where it was.
 */
function decidedOn(d: Decision, from: DraftVersion): boolean {
  if (d.draftSeq !== undefined) return d.draftSeq === from.seq;
  const f = d.finding;
  if (!f) return false;
  if (!f.article) return true;
  const unit = from.units.find((u) => u.key === f.article!.key);
  return !!unit && squash(unit.text).includes(squash(f.excerpt));
}

/** The decision `id` of version `fromSeq`, shown beside the finding open again. */
function reopenedFrom(d: Decision, id: string, fromSeq: number): Reopened {
  const f = d.finding!;
  return { fromSeq, findingId: id, status: d.status, reason: d.reason, ...(d.proposal ? { proposal: d.proposal } : {}), articleLabel: f.article?.label ?? '全文', excerpt: f.excerpt };
}

export interface CarryResult {
  /** Decisions for findings of the new version, by the new finding id. */
  carried: Record<string, Decision>;
  reopened: Record<string, Reopened>;
}

/**
 * Carries the decisions made on `from` to the findings of `to` (the pre-check of `to`).
 * Checklist decisions (公平竞争审查 items) are about the document and are not touched here.
 */
export function carryDecisions(decisions: Record<string, Decision>, from: DraftVersion, to: DraftVersion, findings: Finding[]): CarryResult {
  const moved = new Map<string, string[]>();
  for (const m of mapArticles(from.units as Article[], to.units as Article[])) {
    for (const k of m.from) moved.set(k, [...(moved.get(k) ?? []), ...m.to]);
  }
  const old = Object.entries(decisions).filter(([, d]) => d.finding && !d.checklist && decidedOn(d, from));
  const candidates = (f: Finding) =>
    findings.filter((n) => n.rule === f.rule && (f.article ? !!n.article && (moved.get(f.article.key) ?? []).includes(n.article.key) : !n.article));

  const carried: Record<string, Decision> = {};
  const reopened: Record<string, Reopened> = {};
  const open: [string, Decision][] = [];
  // Exact sentences first, so that a reworded neighbour never takes an unchanged sentence's decision.
  for (const [id, d] of old) {
    const hit = candidates(d.finding!).find((n) => !carried[n.id] && squash(n.excerpt) === squash(d.finding!.excerpt));
    if (hit) carried[hit.id] = { ...d, finding: hit, draftSeq: to.seq, carriedFrom: { seq: from.seq, findingId: id } };
    else open.push([id, d]);
  }
  for (const [id, d] of open) {
    const f = d.finding!;
    const best = candidates(f)
      .filter((n) => !carried[n.id] && !reopened[n.id])
      .map((n) => ({ n, score: likeness(n.excerpt, f.excerpt) }))
      .sort((a, b) => b.score - a.score)[0];
    if (!best) continue; // the problem is gone from the new version (fixed, or the article deleted)
    reopened[best.n.id] = reopenedFrom(d, id, from.seq);
  }
  return { carried, reopened };
}

/**
 * Characters whose change can turn what a sentence says: negation and prohibition, modality,
 * numbers and amounts, time, and the words of a bound or range (以上 / 以下 / 以内 / 前 / 后 / 至).
 */
const MEANING = /[不未无非没莫勿毋否禁止应须得可必准许〇零一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟0-9０-９年月日天周时元倍%％‰上下内外前后超过满足至]/u;
const FORM = /[\s\p{P}\p{S}]/gu;
/** At most this many characters fixed on each side: a misread character or two, not a rewritten phrase. */
const MAX_FIXED = 2;

/**
 * Whether a correction made in 核对 leaves the sentence saying what the adviser judged: only its
 * form changed (punctuation, spaces), or a character or two were fixed none of which (misread or
 * corrected) bears negation, modality, a number, an amount, a time or a bound. 县政府 for 县政 府,
 * 申报 for 申扳: the same sentence. 不得 for 可得, 三十日 for 三个日, a phrase rewritten: another
 * sentence, which the adviser must read again.
 */
export function readsTheSame(decided: string, corrected: string): boolean {
  let removed = '';
  let added = '';
  for (const r of diffChars(decided, corrected)) {
    if (r.op === 'delete') removed += r.text.replace(FORM, '');
    if (r.op === 'insert') added += r.text.replace(FORM, '');
  }
  if (!removed && !added) return true;
  return [...removed].length <= MAX_FIXED && [...added].length <= MAX_FIXED && !MEANING.test(removed) && !MEANING.test(added);
}

/**
 * 核对 corrected articles of version `seq`: its findings there have new ids (the id holds the
 * sentence), so the decisions taken on the recognised text would be orphaned. Each such decision goes
 * to the finding of the same rule in the same article whose sentence is most alike — carried when the
 * correction reads the same (readsTheSame), else that finding is open again with the decision shown
 * beside it. A decision whose rule no longer fires there is dropped: the problem was a misreading.
 * `orphans` are the ids to take out of the decisions (the log and the carried / reopened entries keep them).
 */
export function carryCorrected(decisions: Record<string, Decision>, seq: number, findings: Finding[]): CarryResult & { orphans: string[] } {
  const now = new Set(findings.map((f) => f.id));
  const orphans = Object.entries(decisions).filter(([id, d]) => d.draftSeq === seq && d.finding && !d.checklist && !now.has(id));
  const carried: Record<string, Decision> = {};
  const reopened: Record<string, Reopened> = {};
  const taken = (n: Finding) => !!decisions[n.id] || !!carried[n.id] || !!reopened[n.id];
  const sentence = (f: Finding) => findingExcerpts(f).join('');
  for (const [id, d] of orphans) {
    const f = d.finding!;
    const best = findings
      .filter((n) => n.rule === f.rule && (f.article ? n.article?.key === f.article.key : !n.article) && !taken(n))
      .map((n) => ({ n, score: likeness(sentence(n), sentence(f)) }))
      .sort((a, b) => b.score - a.score)[0];
    if (!best) continue;
    if (readsTheSame(sentence(f), sentence(best.n))) {
      carried[best.n.id] = { ...d, finding: best.n, draftSeq: seq, carriedFrom: { seq, findingId: id, corrected: true } };
    } else {
      reopened[best.n.id] = { ...reopenedFrom(d, id, seq), corrected: true };
    }
  }
  return { carried, reopened, orphans: orphans.map(([id]) => id) };
}
