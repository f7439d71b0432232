// The links calls (issue 17): the link graph, brought up to date (incrementally) the first time it
// is asked for after a change of the library, then answered from memory.

import { readLinkGraph, refreshLinks, type LinkGraphData } from '../links/link-graph';
import { lawRelations, linksIn, linksOut } from '../links/link-queries';
import { LibraryError } from '../library/library-store';
import type { ApiContext, Handlers } from './api-context';

export function linksHandlers(ctx: ApiContext) {
  let cached: { generation: number; graph: Promise<LinkGraphData> } | undefined;
  const graph = (): Promise<LinkGraphData> => {
    if (cached?.generation !== ctx.store.generation) {
      const g = refreshLinks(ctx.store).then(() => readLinkGraph(ctx.store)!);
      cached = { generation: ctx.store.generation, graph: g };
      g.catch(() => (cached = undefined));
    }
    return cached.graph;
  };
  const lawOf = (lawId: string) => {
    const law = ctx.store.law(lawId);
    if (!law) throw new LibraryError('NOT_FOUND', `没有找到法规 ${lawId}`);
    return law;
  };
  return {
    'links:version': async ({ versionId }) => {
      if (!ctx.store.version(versionId)) throw new LibraryError('NOT_FOUND', `没有找到版本 ${versionId}`);
      return linksOut(ctx.store, await graph(), versionId);
    },
    'links:citedBy': async ({ lawId, articleKey }) => {
      lawOf(lawId);
      return linksIn(ctx.store, await graph(), lawId, articleKey);
    },
    'links:relations': async ({ lawId }) => {
      lawOf(lawId);
      return lawRelations(ctx.store, await graph(), lawId);
    },
  } satisfies Partial<Handlers>;
}
