// The records calls (issue 6) over the RecordsService. Flags, cited-by across versions, TOC counts
// and 受影响 come from the core's CitationIndex (the CLI asks the same one); this adapter only adds
// attachments in and out by upload / opaque file id (the renderer never names a path).

import { DomainError, UPLOAD_LIMITS, reviewRowOf, type ApiOutput } from '../../shared/api-contract';
import { kindOfId, type RecordsService } from '../records/records-service';
import { reviewCitations } from '../records/cited-by';
import { draftsOf } from '../review/draft-store';
import { draftLinkStates } from '../review/draft-links';
import type { Attachment } from '../records/record-types';
import type { ApiContext, Handlers } from './api-context';

function findAttachment(record: unknown, sha256: string): Attachment | undefined {
  const r = record as { attachments?: Attachment[]; materials?: { attachment?: Attachment }[] };
  return r.attachments?.find((a) => a.sha256 === sha256) ?? r.materials?.map((m) => m.attachment).find((a) => a?.sha256 === sha256);
}

/** Stored attachments sent back by a form must be ones the record already has (no forged hashes). */
function checkAttachments(sent: { sha256: string }[] | undefined, have: { sha256: string }[]): void {
  const known = new Set(have.map((a) => a.sha256));
  const bad = (sent ?? []).filter((a) => !known.has(a.sha256));
  if (bad.length) throw new DomainError('INVALID', '附件只能通过“上传附件”添加');
}

/** The title a list saved in 设置 carries in holidays.json (a file edited by hand keeps its own only until then). */
const OWN_HOLIDAYS_TITLE = '本资料库的节假日调休表（设置 → 节假日与调休）';

export function recordsHandlers(ctx: ApiContext) {
  const rs = () => ctx.records();
  const withFlags = async (reviews: Awaited<ReturnType<RecordsService['listReviews']>>) => {
    const index = await (await rs()).citationIndex();
    return reviews.map((r) => {
      const f = index.worstFlag(reviewCitations(r));
      return { ...r, ...(f ? { flag: f } : {}) };
    });
  };
  return {
    'reviews:list': async (f) => (await withFlags(await (await rs()).listReviews(f))).map(reviewRowOf),
    'reviews:get': async ({ id }) => {
      const s = await rs();
      const [review] = await withFlags([await s.getReview(id)]);
      const index = await s.citationIndex();
      const citations = (await s.citationsOf(id)).map((site) => ({ where: site.where, citation: site.citation, flag: index.flag(site.citation) }));
      return { review: review!, citations, draftLinks: draftLinkStates(review!, draftsOf(ctx.store.dir, id)) };
    },
    'reviews:create': async ({ input, linkDetected, linkDraft, note }) => {
      checkAttachments(input.attachments, []);
      const r = await (await rs()).createReview(input, { ...(linkDetected ? { linkDetected } : {}), ...(linkDraft ? { linkDraft } : {}), ...(note ? { note } : {}) });
      const [record] = await withFlags([await (await rs()).getReview(r.record.id)]);
      return { ...r, record: record! };
    },
    'reviews:update': async ({ id, patch, expectedRevision, linkDetected, linkDraft, note }) => {
      const s = await rs();
      if (patch.attachments) checkAttachments(patch.attachments, (await s.getReview(id)).attachments);
      const r = await s.updateReview(id, patch, {
        ...(expectedRevision !== undefined ? { expectedRevision } : {}),
        ...(linkDetected ? { linkDetected } : {}),
        ...(linkDraft ? { linkDraft } : {}),
        ...(note ? { note } : {}),
      });
      const [record] = await withFlags([await s.getReview(r.record.id)]);
      return { ...r, record: record! };
    },
    'reviews:issue': async ({ id, issued }) => {
      const s = await rs();
      const r = issued ? await s.recordOpinionIssued(id, { date: issued.date, ...(issued.refNo !== undefined ? { refNo: issued.refNo } : {}) }) : await s.withdrawOpinionIssued(id);
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
      if (kind !== 'review' && kind !== 'lecture') throw new DomainError('NOT_FOUND', '这条记录没有附件');
      const a = findAttachment(await s.get(kind, recordId), sha256);
      if (!a) throw new DomainError('NOT_FOUND', '没有找到这个附件');
      const path = s.attachmentPath(a);
      if (!path) throw new DomainError('CORRUPT', `附件“${a.name}”已丢失或损坏（哈希不符），请从备份恢复`);
      return ctx.handOut(path, a.name);
    },
    'records:history': async ({ id }) => (await rs()).history(id),
    'records:detect': async ({ text, date, nearLawId, document }) => (await rs()).detectCitations(text, date, nearLawId, document),
    'records:dueDate': async ({ receivedDate, type }) => ({ dueDate: (await rs()).defaultDueDate(receivedDate, type) }),
    'records:validate': async ({ kind, id, input }) => (await rs()).validate(kind, input, id),
    'records:citedBy': async ({ versionId, articleKey }) => (await (await rs()).citationIndex()).citedBy(versionId, articleKey),
    'records:counts': async ({ versionId }) => (await (await rs()).citationIndex()).counts(versionId),
    'records:affected': async ({ lawIds }) => (await (await rs()).citationIndex()).affected(lawIds),
    'records:stats': async ({ year }) => (await rs()).stats(year),
    'records:actor': async () => {
      const s = await rs();
      return { name: s.actorName(), account: s.accountName() };
    },
    'holidays:get': async () => (await rs()).holidayLists(),
    'holidays:set': async ({ holidays, emptyYears }) => {
      const s = await rs();
      await s.setHolidays({ schemaVersion: 1, title: OWN_HOLIDAYS_TITLE, holidays, emptyYears: emptyYears ?? [] });
      return s.holidayLists();
    },
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
  } satisfies Partial<Handlers>;
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
