// A citation as a record form holds it, as plain TS (the review and lecture form models use it).

import type { CitationDto, FlagDto } from '../../../../electron/shared/api-contract';

/** What a person asks to cite: an article, a 编/章 (heading) or, with neither, the whole law. */
export type CitationAsk = { law: string; article?: string; heading?: string; paragraph?: number };

/** A citation in a form: stored (with its snapshot), or a new reference resolved on save. */
export type FormCitation = { saved: CitationDto; flag?: FlagDto } | { ref: CitationAsk; display: string };

export function citationKeyOf(c: FormCitation): string {
  return 'saved' in c ? `${c.saved.versionId}#${c.saved.articleKey}#${c.saved.paragraph ?? ''}` : `${c.ref.law}#${c.ref.article ?? c.ref.heading ?? '*'}#${c.ref.paragraph ?? ''}`;
}

export function toInput(c: FormCitation): CitationDto | CitationAsk {
  return 'saved' in c ? c.saved : c.ref;
}
