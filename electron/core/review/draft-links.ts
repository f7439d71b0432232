// A review's links into its draft (草案第八条 in its findings and opinion, records/draft-citations.ts) read against the
// latest 送审稿 version: each link keeps the version it was written against, and this says what became of its article
// since — the same workbench version mapping as the 对照 of two versions (diffDraftVersions). The 意见书 uses it so a
// reference written on 第1稿 never silently sends a reader of 第2稿 to another article: the export names the version
// after such a mention, and the faces warn before generating (the adviser may rewrite her text instead).

import {
  DRAFT_LINK_PLACES,
  draftCitationKey,
  draftLinkExportNote,
  isStaleDraftLink,
  type DraftArticleCitation,
  type DraftLinkState,
} from '../../shared/draft-citation';
import type { DraftVersion } from '../../shared/review-workbench';
import type { LegalityReview } from '../records/record-types';
import type { LibraryStore } from '../library/library-store';
import { detectCitations } from '../records/citation-detect';
import { officeRegionIn } from '../office/office-region';
import { draftInView } from '../records/draft-citations';
import { diffDraftVersions } from './draft-store';

type Place = (typeof DRAFT_LINK_PLACES)[number];

function textAt(review: LegalityReview, where: Place): { text: string; draftCitations?: DraftArticleCitation[] | undefined } {
  return where === 'opinion' ? review.opinion : review.findings[where.slice('findings.'.length) as 'authority' | 'procedure' | 'content'];
}

/** Every draft link of the review with what its article is in the latest version (`drafts`: the workbench's, oldest first). */
export function draftLinkStates(review: LegalityReview, drafts: readonly DraftVersion[]): DraftLinkState[] {
  const latest = drafts.at(-1);
  const diffs = new Map<number, ReturnType<typeof diffDraftVersions>>();
  const out: DraftLinkState[] = [];
  for (const where of DRAFT_LINK_PLACES) {
    for (const c of textAt(review, where).draftCitations ?? []) {
      // the version it was read against, as stored: same seq and same file (a hash that differs is not trusted)
      const version = drafts.find((d) => d.seq === c.seq && d.sha256 === c.sha256);
      const latestSeq = latest?.seq ?? c.seq;
      if (!version || !latest) {
        out.push({ where, citation: c, latestSeq, status: 'missing' });
        continue;
      }
      if (version.seq === latest.seq) {
        out.push({ where, citation: c, latestSeq, status: 'latest' });
        continue;
      }
      let rows = diffs.get(version.seq);
      if (!rows) diffs.set(version.seq, (rows = diffDraftVersions(version, latest)));
      const row = rows.find((r) => r.from.some((f) => f.key === c.articleKey));
      if (!row || !row.to.length) {
        out.push({ where, citation: c, latestSeq, status: 'deleted' });
        continue;
      }
      const now = row.to.map((t) => ({ key: t.key, label: t.label }));
      // the text the link holds against the article's text now: a split or a merge is a change of what was meant
      const sameText = row.to.length === 1 && row.from.length === 1 && row.to[0]!.text === c.textSnapshot;
      const status = sameText ? (row.to[0]!.key === c.articleKey ? 'same' : 'renumbered') : 'changed';
      out.push({ where, citation: c, latestSeq, status, ...(status === 'same' ? {} : { now }) });
    }
  }
  return out;
}

/**
 * The review with a note after each mention of a stale link in its texts (（指第1稿第八条，第2稿为第九条）): what the
 * 意见书 prints. The mentions are found again by the detector against the version the link was read against, so only
 * the draft's article is annotated — never a law's 第八条 in the same sentence.
 */
export function withDraftLinkNotes(
  store: LibraryStore,
  review: LegalityReview,
  states: readonly DraftLinkState[],
  drafts: readonly DraftVersion[],
  // the review is the office's text: 《省专利条例》第八条 is its province's law, not the draft (单位信息's region)
  officeRegion: string = officeRegionIn(store.dir),
): LegalityReview {
  const stale = states.filter(isStaleDraftLink);
  if (!stale.length) return review;
  const date = review.completedDate ?? review.receivedDate;
  const findings = { ...review.findings };
  let opinion = review.opinion;
  for (const where of DRAFT_LINK_PLACES) {
    const mine = stale.filter((s) => s.where === where);
    if (!mine.length) continue;
    const held = textAt(review, where);
    const inserts: { at: number; note: string }[] = [];
    for (const seq of new Set(mine.map((s) => s.citation.seq))) {
      const bySeq = new Map(mine.filter((s) => s.citation.seq === seq).map((s) => [draftCitationKey(s.citation), s]));
      // the version read against; one no longer there: the latest, only to tell the draft's mentions apart
      const view = drafts.find((d) => d.seq === seq) ?? drafts.at(-1);
      const d = detectCitations(store, held.text, date, undefined, undefined, { officeRegion, draft: view ? draftInView(review.title, view) : { title: review.title } });
      for (const m of d.mentions) {
        if (!m.draft && m.reasonKind !== 'own-document') continue; // a law's article, not the draft's
        const parts = m.draft?.parts?.length ? m.draft.parts : [{}];
        const s = parts.map((p) => bySeq.get(draftCitationKey({ label: m.label, ...p }))).find(Boolean) ?? bySeq.get(draftCitationKey({ label: m.label }));
        if (s && !inserts.some((i) => i.at === m.end)) inserts.push({ at: m.end, note: draftLinkExportNote(s) });
      }
    }
    if (!inserts.length) continue;
    let text = held.text;
    for (const i of [...inserts].sort((a, b) => b.at - a.at)) text = text.slice(0, i.at) + i.note + text.slice(i.at);
    if (where === 'opinion') opinion = { ...opinion, text };
    else {
      const k = where.slice('findings.'.length) as 'authority' | 'procedure' | 'content';
      findings[k] = { ...findings[k], text };
    }
  }
  return { ...review, findings, opinion };
}
