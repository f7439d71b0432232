// The links calls (issue 17): the link graph (kept current by core/links/link-graph-cache), what a
// version cites, who cites an article, the relations of a law and 受影响 among the laws.

import { currentLinkGraph } from '../links/link-graph-cache';
import { affectedLaws, lawRelations, linksIn, linksOut, orderCitedBy } from '../links/link-queries';
import { LibraryError } from '../library/library-store';
import type { ApiContext, Handlers } from './api-context';
import { officeRegionIn } from '../office/office-region';

export function linksHandlers(ctx: ApiContext) {
  const graph = () => currentLinkGraph(ctx.store);
  const lawOf = (lawId: string) => {
    const law = ctx.store.law(lawId);
    if (!law) throw new LibraryError('NOT_FOUND', `没有找到法规 ${lawId}`);
    return law;
  };
  const versionOf = (versionId: string) => {
    const v = ctx.store.version(versionId);
    if (!v) throw new LibraryError('NOT_FOUND', `没有找到版本 ${versionId}`);
    return v;
  };
  return {
    'links:version': async ({ versionId }) => {
      versionOf(versionId);
      return linksOut(ctx.store, await graph(), versionId);
    },
    'links:citedBy': async ({ lawId, articleKey, versionId }) => {
      lawOf(lawId);
      if (versionId && versionOf(versionId).lawId !== lawId) throw new LibraryError('INVALID', `版本 ${versionId} 不属于法规 ${lawId}`);
      return orderCitedBy(linksIn(ctx.store, await graph(), lawId, articleKey, { versionId }), officeRegionIn(ctx.store.dir));
    },
    'links:relations': async ({ lawId }) => {
      lawOf(lawId);
      return lawRelations(ctx.store, await graph(), lawId);
    },
    'links:affected': async ({ lawId }) => {
      if (lawId) lawOf(lawId);
      return affectedLaws(ctx.store, await graph(), lawId, officeRegionIn(ctx.store.dir));
    },
  } satisfies Partial<Handlers>;
}
