// Resolution for the link graph: which version of a law a citation points at on the citing
// version's 施行 date, and which articles each version has — from the catalog and each body's unit
// keys, read once per build. No snapshots, no hashes: the graph only needs the target.

import type { LawVersionMeta } from '../../shared/law-model';
import type { LibraryStore } from '../library/library-store';
import { versionInForceOn } from '../library/version-status';
import { startOf } from '../records/citation-resolve';
import type { TargetResolver } from '../records/citation-detect';

export class LibraryTargetResolver implements TargetResolver {
  private readonly articleCache = new Map<string, (readonly [number, number, string])[]>();
  private readonly textCache = new Map<string, Map<string, string>>();
  private readonly versionsByLaw = new Map<string, (LawVersionMeta & { effective: string })[]>();

  constructor(private readonly store: LibraryStore) {}

  articles(versionId: string): readonly (readonly [number, number, string])[] {
    let list = this.articleCache.get(versionId);
    if (!list) {
      list = this.store.version(versionId)
        ? this.store
            .readUnits(versionId)
            .filter((u) => u.kind === 'article')
            .map((u) => [u.number, u.suffix, u.key] as const)
        : [];
      this.articleCache.set(versionId, list);
    }
    return list;
  }

  /** Read only for the versions a 款 or 项 is cited in: a few, not the library. */
  articleText(versionId: string, articleKey: string): string | undefined {
    let texts = this.textCache.get(versionId);
    if (!texts) {
      texts = new Map(this.store.version(versionId) ? this.store.readUnits(versionId).map((u) => [u.key, u.text] as const) : []);
      this.textCache.set(versionId, texts);
    }
    return texts.get(articleKey);
  }

  versionFor(lawId: string, date: string): { versionId: string; approx: boolean } | undefined {
    let vs = this.versionsByLaw.get(lawId);
    if (!vs) {
      const law = this.store.law(lawId);
      vs = (law?.versionIds ?? [])
        .map((id) => this.store.version(id))
        .filter((v): v is LawVersionMeta => !!v)
        .map((v) => ({ ...v, effective: startOf(v) }));
      this.versionsByLaw.set(lawId, vs);
    }
    if (!vs.length) return undefined;
    const v = versionInForceOn(vs, date) ?? vs.find((x) => !x.effective);
    if (v) return { versionId: v.id, approx: false };
    // cited before the oldest version the library holds took effect: link that one, marked
    const oldest = [...vs].sort((a, b) => a.effective.localeCompare(b.effective))[0]!;
    return { versionId: oldest.id, approx: true };
  }
}
