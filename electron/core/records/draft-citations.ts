// The links a review's text makes into the draft under review (草案第八条, 本办法第三条 in its opinion): what
// detectCitations read as the draft's own articles, anchored to the draft version the text was read against. A link
// the record already holds for the same article and part keeps its version: text written on 第1稿 still means 第1稿's
// 第八条 after 第2稿 arrives; only a newly written one is read against the latest version.

import { partOf } from '../../shared/article-part';
import { draftCitationKey, type DraftArticleCitation } from '../../shared/draft-citation';
import type { DraftVersion } from '../../shared/review-workbench';
import { sha256 } from '../library/law-identity';
import type { DetectedMention, DraftInView } from './citation-detect';

/** The draft version a record's texts are read against: the review's latest 送审稿 version. */
export type DraftForLinks = Pick<DraftVersion, 'seq' | 'sha256' | 'units'>;

/** The draft as the detector needs it: the review's title (the document's) and the version's articles. */
export function draftInView(title: string, version: DraftForLinks | undefined): DraftInView {
  const articles = version?.units.filter((u) => u.kind === 'article').map((u) => [u.number, u.suffix, u.key] as const);
  return { title, ...(articles ? { articles } : {}) };
}

export function draftCitationsOf(mentions: readonly DetectedMention[], version: DraftForLinks, kept: readonly DraftArticleCitation[]): DraftArticleCitation[] {
  const keptByKey = new Map(kept.map((c) => [draftCitationKey(c), c]));
  const out = new Map<string, DraftArticleCitation>();
  for (const m of mentions) {
    if (!m.draft) continue;
    const unit = version.units.find((u) => u.key === m.draft!.articleKey);
    for (const part of m.draft.parts?.length ? m.draft.parts : [{}]) {
      const key = draftCitationKey({ label: m.label, ...partOf(part) });
      if (out.has(key)) continue;
      const old = keptByKey.get(key);
      if (old) out.set(key, old);
      else if (unit) {
        out.set(key, { seq: version.seq, sha256: version.sha256, articleKey: unit.key, label: m.label, ...partOf(part), textSnapshot: unit.text, textHash: sha256(unit.text) });
      }
    }
  }
  return [...out.values()];
}
