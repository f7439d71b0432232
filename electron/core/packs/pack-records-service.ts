// The PackRecordResolver over the RecordsService: a review prints as its facts, its findings on
// 权限/程序/内容 and its opinion, each with the articles it relied on as they read then; a lecture
// as its facts and the articles covered; a year as the annual statistics tables.

import { chineseDate } from '../../shared/chinese-date';
import { onTimeRateText, onTimeSummary } from '../../shared/review-time-limits';
import type { RecordsService } from '../records/records-service';
import type { Citation } from '../records/record-types';
import type { PackRecordResolver, RecordCitation, RecordDoc, StatsDoc } from './pack-records';

const cite = (c: Citation): RecordCitation => ({
  lawId: c.lawId,
  versionId: c.versionId,
  articleKey: c.articleKey,
  label: c.label,
  ...(c.citation ? { citation: c.citation } : {}),
  textSnapshot: c.textSnapshot,
});

/** A record's date as the document writes dates: 2026年11月20日. */
const day = (iso: string | undefined) => (iso ? chineseDate(iso) : undefined);

const field = (label: string, value: string | number | undefined | null) => (value === undefined || value === null || value === '' ? [] : [{ label, value: String(value) }]);

async function orUndefined<T>(p: Promise<T>): Promise<T | undefined> {
  try {
    return await p;
  } catch (e) {
    if ((e as { code?: string }).code === 'NOT_FOUND') return undefined;
    throw e;
  }
}

export function recordsResolver(svc: RecordsService): PackRecordResolver {
  return {
    async review(id) {
      const r = await orUndefined(svc.getReview(id));
      if (!r) return undefined;
      const doc: RecordDoc = {
        title: `关于《${r.title.replace(/^《|》$/g, '')}》的合法性审查意见`,
        fields: [
          ...field('审查类型', r.type),
          ...field('文号', r.refNo),
          ...field('承办单位', r.leadUnit),
          ...field('收件日期', day(r.receivedDate)),
          ...field('出具意见日期', day(r.completedDate)),
          ...field('审查结论', r.conclusion),
          ...field('是否采纳', r.adopted === undefined ? undefined : r.adopted ? '已采纳' : '未采纳'),
        ],
        parts: [
          { heading: '权限', paragraphs: [r.findings.authority.text], citations: r.findings.authority.citations.map(cite) },
          { heading: '程序', paragraphs: [r.findings.procedure.text], citations: r.findings.procedure.citations.map(cite) },
          { heading: '内容', paragraphs: [r.findings.content.text], citations: r.findings.content.citations.map(cite) },
          {
            heading: '审查意见',
            paragraphs: [r.opinion.text, r.opinion.adviser ? `审查人：${r.opinion.adviser}${r.opinion.adviserRole ? `（${r.opinion.adviserRole}）` : ''}` : ''],
            citations: r.opinion.citations.map(cite),
          },
        ],
        citations: r.citations.map(cite),
      };
      return doc;
    },
    async lecture(id) {
      const l = await orUndefined(svc.getLecture(id));
      if (!l) return undefined;
      return {
        title: `${l.kind}：${l.topic}`,
        fields: [
          ...field('日期', chineseDate(l.date)),
          ...field('主讲人', l.speaker ? `${l.speaker.name}${l.speaker.org ? `（${l.speaker.org}）` : ''}` : undefined),
          ...field('地点', l.location),
          ...field('对象', l.audience),
          ...field('参加人数', l.headCount || undefined),
        ],
        parts: [{ heading: '备注', paragraphs: [l.notes ?? ''] }],
        citations: l.citations.map(cite),
        // what was studied, not what a decision relied on (the pack said 所依据的条文)
        citationsHeading: '学习的法规和条文',
      };
    },
    async note(id) {
      const n = await orUndefined(svc.getNote(id));
      if (!n) return undefined;
      return { title: n.title || `笔记（${chineseDate(n.date)}）`, fields: field('日期', chineseDate(n.date)), parts: [{ heading: '正文', paragraphs: n.text.split('\n') }], citations: n.citations.map(cite) };
    },
    async stats(year) {
      const s = await svc.stats(year);
      const doc: StatsDoc = {
        title: `${year}年度合法性审查与学法用法情况统计`,
        fields: [
          { label: '合法性审查', value: `${s.reviews.total} 件，按期率 ${onTimeRateText(s.reviews.onTimeRate)}（${onTimeSummary(s.reviews)}）` },
          { label: '学法活动', value: `${s.lectures.study.count} 场，${s.lectures.study.headCount} 人次` },
          { label: '普法宣传', value: `${s.lectures.outreach.count} 场，${s.lectures.outreach.headCount} 人次，发放材料 ${s.lectures.materialsHandedOut} 份` },
        ],
        tables: [
          { caption: '合法性审查（按类型）', head: ['类型', '件数'], rows: Object.entries(s.reviews.byType).map(([k, v]) => [k, String(v)]) },
          { caption: '合法性审查（按结论）', head: ['结论', '件数'], rows: Object.entries(s.reviews.byConclusion).map(([k, v]) => [k, String(v)]) },
          { caption: '学法用法活动', head: ['类型', '场次', '人次'], rows: Object.entries(s.lectures.byKind).map(([k, v]) => [k, String(v.count), String(v.headCount)]) },
          ...(s.lawsStudied.length
            ? [{ caption: '学习的法律法规（学法活动）', head: ['法律法规', '场次', '首次学习'], rows: s.lawsStudied.map((l) => [l.title, String(l.sessions), l.firstDate]) }]
            : []),
          ...(s.lawsPromoted.length
            ? [{ caption: '普法宣传涉及的法律法规', head: ['法律法规', '场次', '首次宣传'], rows: s.lawsPromoted.map((l) => [l.title, String(l.sessions), l.firstDate]) }]
            : []),
        ],
        paragraphs: s.plans.map((p) => `${p.title}：计划 ${p.items} 项，已完成 ${p.done} 项${p.completionRate === null ? '' : `（${Math.round(p.completionRate * 100)}%）`}。`),
      };
      return doc;
    },
  };
}
