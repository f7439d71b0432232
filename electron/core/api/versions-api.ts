// The versions calls (issue 7): the aligned diff of two versions, one article across all versions,
// the version in force on a date, 时效性 set by hand with its basis, and 核对 of an OCR text.

import { updateVersionMeta } from '../library/library-edit';
import { checkOcrArticles, relabelOcrArticle, verifyOcrVersion } from '../library/ocr-verify';
import { locateOcrRegions } from '../library/ocr-regions';
import { scanPage } from '../library/ocr-scan-page';
import { decideScanMatch, scanMatchView } from '../library/scan-library-match';
import { articleAcrossVersions, diffVersions, versionAsOf } from '../versions/version-compare';
import type { ApiContext, Handlers } from './api-context';

export function versionsHandlers(ctx: ApiContext) {
  return {
    'versions:diff': ({ fromId, toId, changedOnly, runsFirst, runsAround }) =>
      diffVersions(ctx.store, fromId, toId, {
        ...(changedOnly ? { changedOnly } : {}),
        ...(runsFirst !== undefined ? { runsFirst } : {}),
        ...(runsAround !== undefined ? { runsAround } : {}),
      }),
    'versions:article': ({ versionId, articleKey }) => articleAcrossVersions(ctx.store, versionId, articleKey),
    'versions:asOf': ({ lawId, date }) => {
      const v = versionAsOf(ctx.store, lawId, date);
      return v ? { versionId: v.id } : {};
    },
    'version:setStatus': ({ versionId, statusOverride }) => updateVersionMeta(ctx.store, versionId, { statusOverride }),
    'version:verify': async ({ versionId, by, corrections }) =>
      verifyOcrVersion(ctx.store, versionId, { by: by ?? (await ctx.records()).actorName(), ...(corrections ? { corrections } : {}) }),
    'version:checkOcr': async ({ versionId, by, confirmed, corrections }) =>
      checkOcrArticles(ctx.store, versionId, { by: by ?? (await ctx.records()).actorName(), confirmed, ...(corrections ? { corrections } : {}) }),
    'version:relabelOcr': async ({ versionId, index, key, label, by }) => relabelOcrArticle(ctx.store, versionId, { index, key, label, by: by ?? (await ctx.records()).actorName() }),
    'version:scanMatch': ({ versionId }) => scanMatchView(ctx.store, versionId),
    'version:decideScanMatch': async ({ versionId, choice, by }) => decideScanMatch(ctx.store, versionId, { choice, by: by ?? (await ctx.records()).actorName() }),
    'version:scanPage': ({ versionId, page }) => scanPage(ctx.store, versionId, page),
    'version:locateOcr': ({ versionId }) => locateOcrRegions(ctx.store, versionId),
  } satisfies Partial<Handlers>;
}
