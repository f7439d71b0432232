// The versions calls (issue 7): the aligned diff of two versions, one article across all versions,
// the version in force on a date, and 时效性 set by hand with its basis.

import { updateVersionMeta } from '../library/library-edit';
import { articleAcrossVersions, diffVersions, versionAsOf } from '../versions/version-compare';
import type { ApiContext, Handlers } from './api-context';

export function versionsHandlers(ctx: ApiContext) {
  return {
    'versions:diff': ({ fromId, toId, changedOnly }) => diffVersions(ctx.store, fromId, toId, changedOnly ? { changedOnly } : {}),
    'versions:article': ({ versionId, articleKey }) => articleAcrossVersions(ctx.store, versionId, articleKey),
    'versions:asOf': ({ lawId, date }) => {
      const v = versionAsOf(ctx.store, lawId, date);
      return v ? { versionId: v.id } : {};
    },
    'version:setStatus': ({ versionId, statusOverride }) => updateVersionMeta(ctx.store, versionId, { statusOverride }),
  } satisfies Partial<Handlers>;
}
