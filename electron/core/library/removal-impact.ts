// What depends on a law or a version about to be removed, counted for the confirm dialog (删除此版本 /
// 删除此法规) and `lawdesk remove`: the records citing it (审查, with their 审查发现 and 意见; 学法; 笔记;
// the bureau's own 规范性文件), the 简报包 items naming it, and the other laws whose text cites it.
// Read from the same indexes the app shows these with (CitationIndex, the link graph, the pack
// store), so the counts are what 被引用 and 受影响 will show red afterwards.

import { versionDate, type LawVersionMeta } from '../../shared/law-model';
import type { RemovalImpactDto } from '../../shared/api/library';
import type { CitingRecord } from '../../shared/record-schema';
import type { LinkGraphData } from '../links/link-graph';
import { currentLinkGraph } from '../links/link-graph-cache';
import type { PackStore } from '../packs/pack-store';
import type { RecordsService } from '../records/records-service';
import { linksIn } from '../links/link-queries';
import type { Pack } from '../../shared/pack-schema';
import { findLaws, pickVersion } from './law-lookup';
import { LibraryError, type LibraryStore } from './library-store';

export interface RemovalTarget {
  lawId: string;
  /** One version; absent: the whole law (every version). */
  versionId?: string;
}

/** The shape is the API's (one definition): the CLI prints the same `lines`. */
export type RemovalImpact = RemovalImpactDto;

/** The version ids a target removes; a LibraryError naming what is not in the library. */
export function removalIds(store: LibraryStore, t: RemovalTarget): string[] {
  const law = store.law(t.lawId);
  if (!law) throw new LibraryError('NOT_FOUND', `资料库中没有法规 ${t.lawId}（可能已被删除）`);
  if (t.versionId === undefined) return [...law.versionIds];
  const v = store.version(t.versionId);
  if (!v || v.lawId !== law.id) throw new LibraryError('NOT_FOUND', `《${law.title}》没有版本 ${t.versionId}（可能已被删除）`);
  return [v.id];
}

/** The pack items that stop resolving: every law/article item of the law, or when one version goes, the items pinned to it. */
function packItemsOn(store: LibraryStore, packs: readonly Pack[], lawId: string, ids: ReadonlySet<string>, wholeLaw: boolean): { packs: number; items: number } {
  let items = 0;
  let inPacks = 0;
  const law = store.law(lawId)!;
  for (const p of packs) {
    let here = 0;
    for (const it of p.items) {
      if (it.type !== 'law' && it.type !== 'article') continue;
      const named = findLaws(store, it.law);
      if (named.length !== 1 || named[0]!.id !== lawId) continue;
      if (!wholeLaw) {
        // pinned by the law field (a version id) or by `version` (an id or a date); an unpinned item takes another version
        const pinned = store.version(it.law)?.id ?? (it.version ? (store.version(it.version)?.id ?? pickVersion(store, law, it.version)?.id) : undefined);
        if (!pinned || !ids.has(pinned)) continue;
      }
      here++;
    }
    items += here;
    if (here) inPacks++;
  }
  return { packs: inPacks, items };
}

export function removalImpact(
  store: LibraryStore,
  t: RemovalTarget,
  sources: { citing: readonly CitingRecord[]; graph: LinkGraphData; packs: readonly Pack[] },
): RemovalImpact {
  const ids = removalIds(store, t);
  const law = store.law(t.lawId)!;
  const gone = new Set(ids);
  const wholeLaw = ids.length === law.versionIds.length;
  const metas = ids.map((id) => store.version(id)!);

  const byKind = { review: new Set<string>(), lecture: new Set<string>(), note: new Set<string>(), register: new Set<string>() };
  const findings = new Set<string>();
  for (const c of sources.citing) {
    // a citation made against a version that stays keeps its text; only those of a removed version turn red
    if (!gone.has(c.versionId) || c.covers) continue;
    byKind[c.kind].add(c.id);
    if (c.kind === 'review' && c.where.some((w) => w.startsWith('findings.') || w === 'opinion')) findings.add(c.id);
  }
  const rows = linksIn(store, sources.graph, law.id).filter((r) => gone.has(r.to.versionId));
  const links = { laws: new Set(rows.map((r) => r.from.lawId)).size, articles: new Set(rows.map((r) => `${r.from.versionId}#${r.from.articleKey}`)).size };
  const packs = packItemsOn(store, sources.packs, law.id, gone, wholeLaw);
  const records = { reviews: byKind.review.size, findings: findings.size, lectures: byKind.lecture.size, notes: byKind.note.size, register: byKind.register.size };

  const lines: string[] = [];
  const recordParts = [
    records.reviews ? `合法性审查 ${records.reviews} 件${records.findings ? `（其中 ${records.findings} 件的审查意见或审查发现引用了它）` : ''}` : '',
    records.lectures ? `学法记录 ${records.lectures} 条` : '',
    records.notes ? `笔记 ${records.notes} 条` : '',
    records.register ? `本单位规范性文件 ${records.register} 件` : '',
  ].filter(Boolean);
  if (recordParts.length) lines.push(`引用它的记录：${recordParts.join('、')}——删除后这些引用显示为红色“已从资料库删除”，记录本身不变`);
  if (packs.items) lines.push(`简报包 ${packs.packs} 个中的 ${packs.items} 项${wholeLaw ? '收录了它' : '固定引用这个版本'}——导出时改为一行提示`);
  if (links.laws) lines.push(`其他法规 ${links.laws} 部（${links.articles} 条）的条文引用了${wholeLaw ? '它' : '这个版本'}——删除后不再链接到这里`);
  return {
    lawId: law.id,
    title: law.subtitle ? `${law.title}·${law.subtitle}` : law.title,
    wholeLaw,
    versions: metas.map((v: LawVersionMeta) => ({ id: v.id, date: versionDate(v), status: v.status })),
    records,
    packs,
    links,
    lines,
  };
}

/**
 * The impact as every face shows it (the app's confirm dialog, `lawdesk remove`), read from this library's
 * records, packs and link graph; NOT_FOUND before any index is built.
 */
export async function removalImpactOf(
  store: LibraryStore,
  t: RemovalTarget,
  open: { records: () => Promise<RecordsService>; packs: () => Promise<PackStore> },
): Promise<RemovalImpact> {
  removalIds(store, t);
  const [citing, graph, packs] = await Promise.all([
    open.records().then(async (rs) => (await rs.citationIndex()).forLaw(t.lawId)),
    currentLinkGraph(store),
    open.packs().then((ps) => ps.list().map((p) => ps.get(p.id))),
  ]);
  return removalImpact(store, t, { citing, graph, packs });
}
