// The fields a search hit takes from its version, for every kind of hit (the engine's article and
// title hits, the 引用: form's citing articles): one list, so none can be missing from one of them.

import { isUnverifiedOcr, versionDate, type LawVersionMeta } from '../../shared/law-model';
import type { SearchHit } from '../../shared/search-types';

export function versionHitFields(meta: LawVersionMeta): Pick<SearchHit, 'lawId' | 'versionId' | 'title' | 'subtitle' | 'versionDate' | 'level' | 'region' | 'status' | 'ocrUnverified'> {
  return {
    lawId: meta.lawId,
    versionId: meta.id,
    title: meta.title,
    ...(meta.subtitle ? { subtitle: meta.subtitle } : {}),
    versionDate: versionDate(meta),
    level: meta.level,
    region: meta.region,
    status: meta.status,
    ...(isUnverifiedOcr(meta) ? { ocrUnverified: true } : {}),
  };
}
