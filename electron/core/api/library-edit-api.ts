// The removal calls: what depends on a law or version (the confirm dialog), its removal, and 撤销 of
// the last removal. The renderer names laws and versions by id only; paths never leave the core.

import { versionDate, type LawVersionMeta } from '../../shared/law-model';
import { removeVersionsKept, undoLastRemoval } from '../library/library-edit';
import { removalIds, removalImpactOf } from '../library/removal-impact';
import type { ApiContext, Handlers } from './api-context';

const named = (v: LawVersionMeta) => ({ id: v.id, lawId: v.lawId, title: v.title, date: versionDate(v) });

export function libraryEditHandlers(ctx: ApiContext) {
  return {
    'library:removalImpact': (t) => removalImpactOf(ctx.store, t, { records: () => ctx.records(), packs: () => ctx.packs() }),
    'library:remove': async (t) => {
      const r = await removeVersionsKept(ctx.store, removalIds(ctx.store, t), { undo: true });
      return { removed: r.removed.map(named), undoable: r.undoable };
    },
    'library:undoRemove': async () => ({ restored: (await undoLastRemoval(ctx.store)).map(named) }),
  } satisfies Partial<Handlers>;
}


