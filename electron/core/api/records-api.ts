// The records calls (issue 6) over the RecordsService, plus what only the app adds: each citation's
// KeyCite-style flag against the version now in force (flagCitation), "cited by" followed across
// versions through the article mapping, the 受影响 list, and attachments in and out by upload /
// opaque file id (the renderer never names a path).

import { ApiError, UPLOAD_LIMITS, type ApiOutput, type CitingRecordDto, type FlagDto } from '../../shared/api-contract';
import { kindOfId, type RecordsService } from '../records/records-service';
import type { Attachment, Citation } from '../records/record-types';
import { articleAcrossVersions, flagCitation } from '../versions/version-compare';
import type { ApiContext, Handlers } from './api-context';

type Color = FlagDto['color'];
const RANK: Record<Color, number> = { green: 0, yellow: 1, red: 2 };

/** Flags and cross-version keys, memoised for one call (mappings are cached on disk anyway). */
class FlagCache {
  private flags = new Map<string, FlagDto>();
  private keys = new Map<string, string | undefined>();
  constructor(private readonly ctx: ApiContext) {}

  flag(c: { lawId: string; versionId: string; articleKey: string }): FlagDto {
    const k = `${c.versionId}#${c.articleKey}`;
    let f = this.flags.get(k);
    if (!f) {
      f = flagCitation(this.ctx.store, c);
      this.flags.set(k, f);
    }
    return f;
  }

  /** The key in `target` of the article cited as `key` in `versionId` (through the mappings). */
  keyIn(versionId: string, key: string, target: string): string | undefined {
    if (versionId === target) return key;
    const k = `${versionId}#${key}>${target}`;
    if (!this.keys.has(k)) {
      let found: string | undefined;
      try {
        found = articleAcrossVersions(this.ctx.store, versionId, key).find((a) => a.versionId === target)?.key;
      } catch {
        found = undefined; // the cited version is gone: nothing to map
      }
      this.keys.set(k, found);
    }
    return this.keys.get(k);
  }
}

function worst(colors: Color[]): Color | undefined {
  return colors.reduce<Color | undefined>((w, c) => (!w || RANK[c] > RANK[w] ? c : w), undefined);
}

function reviewCitations(r: { citations: Citation[]; findings: Record<'authority' | 'procedure' | 'content', { citations: Citation[] }>; opinion: { citations: Citation[] } }): Citation[] {
  return [...r.citations, ...r.findings.authority.citations, ...r.findings.procedure.citations, ...r.findings.content.citations, ...r.opinion.citations];
}

async function citingRecords(ctx: ApiContext, rs: RecordsService, lawId: string, flags: FlagCache): Promise<CitingRecordDto[]> {
  const entries = await rs.citedBy({ lawId });
  return entries.map((e) => ({
    kind: e.kind,
    id: e.id,
    title: e.title,
    date: e.date,
    ...(e.type ? { type: e.type } : {}),
    ...(e.status ? { status: e.status } : {}),
    versionId: e.versionId,
    articleKey: e.articleKey,
    label: e.label,
    citation: e.citation,
    where: e.where,
    flag: flags.flag({ lawId, versionId: e.versionId, articleKey: e.articleKey }),
  }));
}

function findAttachment(record: unknown, sha256: string): Attachment | undefined {
  const r = record as { attachments?: Attachment[]; materials?: { attachment?: Attachment }[] };
  return r.attachments?.find((a) => a.sha256 === sha256) ?? r.materials?.map((m) => m.attachment).find((a) => a?.sha256 === sha256);
}

/** Stored attachments sent back by a form must be ones the record already has (no forged hashes). */
function checkAttachments(sent: { sha256: string }[] | undefined, have: { sha256: string }[]): void {
  const known = new Set(have.map((a) => a.sha256));
  const bad = (sent ?? []).filter((a) => !known.has(a.sha256));
  if (bad.length) throw new ApiError('VALIDATION', '附件只能通过“上传附件”添加');
}

export function recordsHandlers(ctx: ApiContext): Handlers {
  const rs = () => ctx.records();
  const withFlags = async (reviews: Awaited<ReturnType<RecordsService['listReviews']>>) => {
    const flags = new FlagCache(ctx);
    return reviews.map((r) => {
      const f = worst(reviewCitations(r).map((c) => flags.flag(c).color));
      return { ...r, ...(f ? { flag: f } : {}) };
    });
  };
  return {
    'reviews:list': async (f) => withFlags(await (await rs()).listReviews(f)),
    'reviews:get': async ({ id }) => {
      const s = await rs();
      const [review] = await withFlags([await s.getReview(id)]);
      const flags = new FlagCache(ctx);
      const citations = (await s.citationsOf(id)).map((site) => ({ where: site.where, citation: site.citation, flag: flags.flag(site.citation) }));
      return { review: review!, citations };
    },
    'reviews:create': async ({ input, linkDetected, note }) => {
      checkAttachments(input.attachments, []);
      const r = await (await rs()).createReview(input, { ...(linkDetected ? { linkDetected } : {}), ...(note ? { note } : {}) });
      const [record] = await withFlags([await (await rs()).getReview(r.record.id)]);
      return { ...r, record: record! };
    },
    'reviews:update': async ({ id, patch, expectedRevision, linkDetected, note }) => {
      const s = await rs();
      if (patch.attachments) checkAttachments(patch.attachments, (await s.getReview(id)).attachments);
      const r = await s.updateReview(id, patch, {
        ...(expectedRevision !== undefined ? { expectedRevision } : {}),
        ...(linkDetected ? { linkDetected } : {}),
        ...(note ? { note } : {}),
      });
      const [record] = await withFlags([await s.getReview(r.record.id)]);
      return { ...r, record: record! };
    },
    'reviews:attach': async ({ id, file }) => {
      const s = await rs();
      const up = ctx.writeUpload(file.name, file.dataBase64, UPLOAD_LIMITS.maxFileBytes);
      try {
        const r = await s.attachToReview(id, up.path, { name: file.name });
        const [record] = await withFlags([await s.getReview(r.record.id)]);
        return { ...r, record: record! };
      } finally {
        ctx.dropDir(up.dir);
      }
    },
    'records:attachment': async ({ recordId, sha256 }) => {
      const s = await rs();
      const kind = kindOfId(recordId);
      if (kind !== 'review' && kind !== 'lecture') throw new ApiError('NOT_FOUND', '这条记录没有附件');
      const a = findAttachment(await s.get(kind, recordId), sha256);
      if (!a) throw new ApiError('NOT_FOUND', '没有找到这个附件');
      const path = s.attachmentPath(a);
      if (!path) throw new ApiError('CORRUPT', `附件“${a.name}”已丢失或损坏（哈希不符），请从备份恢复`);
      return ctx.handOut(path, a.name);
    },
    'records:history': async ({ id }) => (await rs()).history(id),
    'records:detect': async ({ text, date, nearLawId }) => (await rs()).detectCitations(text, date, nearLawId),
    'records:dueDate': async ({ receivedDate }) => ({ dueDate: (await rs()).defaultDueDate(receivedDate) }),
    'records:citedBy': async ({ versionId, articleKey }) => {
      const meta = ctx.store.version(versionId);
      if (!meta) throw new ApiError('NOT_FOUND', '没有找到这个版本，可能已被删除');
      const flags = new FlagCache(ctx);
      const all = await citingRecords(ctx, await rs(), meta.lawId, flags);
      return all.filter((e) => {
        const k = flags.keyIn(e.versionId, e.articleKey, versionId);
        return k !== undefined && (!articleKey || k === articleKey);
      });
    },
    'records:counts': async ({ versionId }) => {
      const meta = ctx.store.version(versionId);
      if (!meta) throw new ApiError('NOT_FOUND', '没有找到这个版本，可能已被删除');
      const flags = new FlagCache(ctx);
      const ids = new Map<string, Set<string>>();
      for (const e of await (await rs()).citedBy({ lawId: meta.lawId })) {
        const k = flags.keyIn(e.versionId, e.articleKey, versionId);
        if (k === undefined) continue;
        const set = ids.get(k) ?? new Set<string>();
        set.add(`${e.kind}#${e.id}`);
        ids.set(k, set);
      }
      return Object.fromEntries([...ids].map(([k, s]) => [k, s.size]));
    },
    'records:affected': async ({ lawIds }) => {
      const s = await rs();
      const flags = new FlagCache(ctx);
      const wanted = lawIds ? new Set(lawIds) : undefined;
      const lawsCited = new Set<string>();
      for (const r of await s.listReviews()) for (const c of reviewCitations(r)) lawsCited.add(c.lawId);
      for (const l of await s.listLectures()) for (const c of l.citations) lawsCited.add(c.lawId);
      for (const n of await s.listNotes()) for (const c of n.citations) lawsCited.add(c.lawId);
      const out: CitingRecordDto[] = [];
      for (const lawId of lawsCited) {
        if (wanted && !wanted.has(lawId)) continue;
        for (const e of await citingRecords(ctx, s, lawId, flags)) if (e.flag.color !== 'green') out.push(e);
      }
      return out.sort((a, b) => RANK[b.flag.color] - RANK[a.flag.color] || b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
    },
    'records:stats': async ({ year }) => (await rs()).stats(year),
    'lectures:list': async (f) => (await rs()).listLectures(f),
    'lectures:get': async ({ id }) => (await rs()).getLecture(id),
    'lectures:create': async ({ input, linkDetected, note }) => {
      for (const m of input.materials ?? []) if (m.attachment) checkAttachments([m.attachment], []);
      return (await rs()).createLecture(input, { ...(linkDetected ? { linkDetected } : {}), ...(note ? { note } : {}) });
    },
    'lectures:update': async ({ id, patch, expectedRevision, linkDetected, note }) => {
      const s = await rs();
      if (patch.materials) {
        const have = (await s.getLecture(id)).materials.flatMap((m) => (m.attachment ? [m.attachment] : []));
        checkAttachments(patch.materials.flatMap((m) => (m.attachment ? [m.attachment] : [])), have);
      }
      return s.updateLecture(id, patch, {
        ...(expectedRevision !== undefined ? { expectedRevision } : {}),
        ...(linkDetected ? { linkDetected } : {}),
        ...(note ? { note } : {}),
      });
    },
    'plans:list': async ({ year }) => {
      const s = await rs();
      const stats = new Map<number, Awaited<ReturnType<RecordsService['stats']>>>();
      const out: ApiOutput<'plans:list'> = [];
      for (const p of await s.listPlans(year ? { year } : {})) out.push(await withProgress(s, p, stats));
      return out;
    },
    'plans:create': async ({ input }) => {
      const s = await rs();
      const r = await s.createPlan(input);
      return { ...r, record: await withProgress(s, r.record, new Map()) };
    },
    'plans:update': async ({ id, patch, expectedRevision }) => {
      const s = await rs();
      const r = await s.updatePlan(id, patch, expectedRevision !== undefined ? { expectedRevision } : {});
      return { ...r, record: await withProgress(s, r.record, new Map()) };
    },
  };
}

async function withProgress(
  s: RecordsService,
  plan: Awaited<ReturnType<RecordsService['getPlan']>>,
  cache: Map<number, Awaited<ReturnType<RecordsService['stats']>>>,
): Promise<ApiOutput<'plans:list'>[number]> {
  let st = cache.get(plan.year);
  if (!st) {
    st = await s.stats(plan.year);
    cache.set(plan.year, st);
  }
  const p = st.plans.find((x) => x.id === plan.id);
  return { ...plan, progress: p?.progress ?? [], done: p?.done ?? 0 };
}
