// Resolution for the link graph: which version of a law a citation points at on the citing
// version's 施行 date, and which articles each version has — from the catalog and each body's unit
// keys, read once per build. No snapshots, no hashes: the graph only needs the target.

import type { LawVersionMeta } from '../../shared/law-model';
import type { LibraryStore } from '../library/library-store';
import { versionInForceOn } from '../library/version-status';
import { startOf } from '../records/citation-resolve';
import type { TargetResolver } from '../records/citation-detect';

/** How many versions' units the resolver keeps after reading them: a body was read for its article list, again for a 款's text, and the citing law's again for 本法. */
const RECENT_UNITS = 8;

export class LibraryTargetResolver implements TargetResolver {
  private readonly articleCache = new Map<string, (readonly [number, number, string])[]>();
  private readonly textCache = new Map<string, Map<string, string>>();
  private readonly versionsByLaw = new Map<string, (LawVersionMeta & { effective: string })[]>();
  /** The last few versions' units: a 款 or 项 is cited right after its article was found, so its text comes from the same read. */
  private readonly recent = new Map<string, ReturnType<LibraryStore['readUnits']>>();

  constructor(private readonly store: LibraryStore) {}

  /** A version's units through the resolver's few recent ones (the graph reads the citing law's here too: 本法第八条 needs its articles). */
  units(versionId: string): ReturnType<LibraryStore['readUnits']> {
    let units = this.recent.get(versionId);
    if (units) return units;
    units = this.store.version(versionId) ? this.store.readUnits(versionId) : [];
    this.recent.set(versionId, units);
    if (this.recent.size > RECENT_UNITS) this.recent.delete(this.recent.keys().next().value!);
    return units;
  }

  articles(versionId: string): readonly (readonly [number, number, string])[] {
    let list = this.articleCache.get(versionId);
    if (!list) {
      list = this.units(versionId)
        .filter((u) => u.kind === 'article')
        .map((u) => [u.number, u.suffix, u.key] as const);
      this.articleCache.set(versionId, list);
    }
    return list;
  }

  /** Read only for the versions a 款 or 项 is cited in: a few, not the library. */
  articleText(versionId: string, articleKey: string): string | undefined {
    let texts = this.textCache.get(versionId);
    if (!texts) {
      texts = new Map(this.units(versionId).map((u) => [u.key, u.text] as const));
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
