// The removal calls: what depends on a law or version (the confirm dialog), its removal, and 撤销 of
// the last removal. The renderer names laws and versions by id only; paths never leave the core.

import { versionDate, type LawVersionMeta } from '../../shared/law-model';
import { currentLinkGraph } from '../links/link-graph-cache';
import { removeVersionsKept, undoLastRemoval } from '../library/library-edit';
import { removalIds, removalImpact } from '../library/removal-impact';
import type { ApiContext, Handlers } from './api-context';

const named = (v: LawVersionMeta) => ({ id: v.id, lawId: v.lawId, title: v.title, date: versionDate(v) });

export function libraryEditHandlers(ctx: ApiContext) {
  return {
    'library:removalImpact': async (t) => {
      removalIds(ctx.store, t); // NOT_FOUND before any index is built
      const [citing, graph, packs] = await Promise.all([
        ctx.records().then(async (rs) => (await rs.citationIndex()).forLaw(t.lawId)),
        currentLinkGraph(ctx.store),
        ctx.packs().then((ps) => ps.list().map((p) => ps.get(p.id))),
      ]);
      return removalImpact(ctx.store, t, { citing, graph, packs });
    },
    'library:remove': async (t) => {
      const r = await removeVersionsKept(ctx.store, removalIds(ctx.store, t), { undo: true });
      return { removed: r.removed.map(named), undoable: r.undoable };
    },
    'library:undoRemove': async () => ({ restored: (await undoLastRemoval(ctx.store)).map(named) }),
  } satisfies Partial<Handlers>;
}


