// "In the year" at the year's edge (year-scope.ts): a 合法性审查 received in late December and answered
// in January is received in one year and issued in the next (上年结转); a session, a 备案 belongs to the
// year of its own date; "today" — the opinion's default date, what has happened by the 成文日期 — is
// the office's calendar day (Asia/Shanghai), not UTC's. Another office than the example records (a
// 县市场监督管理局), so nothing rests on the first office's data.

import { afterEach, describe, expect, it } from 'vitest';
import { annualReportFor } from '../../../electron/core/reports/annual-report-service';
import { RegisterService } from '../../../electron/core/register/register-service';
import type { AnnualReport } from '../../../electron/core/reports/annual-report';
import { makeLibrary, type TestLibrary } from '../records/records-test-support';

const UNIT = '安化县市场监督管理局';
let libs: TestLibrary[] = [];
afterEach(() => {
  for (const l of libs) l.cleanup();
  libs = [];
});
async function office(now: string): Promise<TestLibrary> {
  const l = await makeLibrary({ now: new Date(now) });
  libs.push(l);
  return l;
}

const text = (r: AnnualReport) => r.sections.flatMap((s) => s.parts.flatMap((p) => p.paragraphs)).map((p) => p.text).join('\n');
const sources = (r: AnnualReport, id: string) => r.figures.find((f) => f.id === id)?.sources.map((s) => s.id);

const DRAFT = {
  type: '规范性文件',
  title: '安化县黑茶产业发展扶持资金管理办法（送审稿）',
  leadUnit: '质量发展股',
  receivedDate: '2025-12-26',
  opinion: { text: '经审查，建议修改后印发。', adviser: '周律师', adviserRole: '法律顾问' },
};

describe('the yearly report at the year boundary', () => {
  it('counts a December 送审稿 as received in its year and its January opinion as issued in the next, 上年结转', async () => {
    const l = await office('2026-03-10T02:00:00Z');
    const { record } = await l.svc.createReview(DRAFT);
    await l.svc.updateReview(record.id, { status: '已出具意见', conclusion: '修改后合法', completedDate: '2026-01-06' });

    const y2025 = await annualReportFor(l.svc, l.store, { year: 2025, unit: UNIT, asOf: '2026-02-20' });
    expect(text(y2025)).toContain('全年收到合法性审查送审1件（规范性文件1件），未出具合法性审查意见。');
    expect(text(y2025)).toContain('年末尚有1件正在审查，转入下一年度：《安化县黑茶产业发展扶持资金管理办法（送审稿）》');
    expect(text(y2025)).not.toContain('修改后合法');

    const y2026 = await annualReportFor(l.svc, l.store, { year: 2026, unit: UNIT, asOf: '2027-02-20' });
    expect(text(y2026)).toContain('全年未收到新的合法性审查送审，出具合法性审查意见1件，其中上年结转1件。');
    expect(text(y2026)).toContain('审查结论为修改后合法1件');
    expect(sources(y2026, 'decisions.carriedOver')).toEqual([record.id]);
    expect(text(y2026)).not.toContain('正在审查');
    // the statistics page counts by the same rule
    const s = await l.svc.stats(2026, '2027-02-20');
    expect([s.reviews.total, s.reviews.completed, s.reviews.carriedOver, s.reviews.byConclusion['修改后合法']]).toEqual([0, 1, 1, 1]);
    expect(s.yearsWithRecords).toContain(2026);
    const s25 = await l.svc.stats(2025, '2026-02-20');
    expect([s25.reviews.total, s25.reviews.completed, s25.reviews.byConclusion['未出具']]).toEqual([1, 0, 1]);
  });

  it('dates an opinion issued at 00:30 on 1 January (Shanghai) in the new year, though UTC still reads 31 December', async () => {
    const ends: Record<string, { y2026: string; y2027: string }> = {};
    for (const now of ['2026-12-31T15:30:00Z', '2026-12-31T16:30:00Z']) {
      const l = await office(now);
      const { record } = await l.svc.createReview({ ...DRAFT, receivedDate: '2026-12-28' });
      const done = await l.svc.updateReview(record.id, { status: '已出具意见', conclusion: '合法' });
      expect(done.warnings.join()).toContain('出具意见日期未填写');
      ends[now] = { y2026: text(await annualReportFor(l.svc, l.store, { year: 2026, unit: UNIT })), y2027: text(await annualReportFor(l.svc, l.store, { year: 2027, unit: UNIT })) };
      expect((await l.svc.getReview(record.id)).completedDate).toBe(now.startsWith('2026-12-31T15') ? '2026-12-31' : '2027-01-01');
    }
    // 23:30 on 31 December in Shanghai: issued in 2026
    expect(ends['2026-12-31T15:30:00Z']!.y2026).toContain('全年收到合法性审查送审1件（规范性文件1件），出具合法性审查意见1件。');
    // 00:30 on 1 January in Shanghai: received in 2026, issued in 2027
    expect(ends['2026-12-31T16:30:00Z']!.y2026).toContain('未出具合法性审查意见。');
    expect(ends['2026-12-31T16:30:00Z']!.y2026).toContain('年末尚有1件正在审查，转入下一年度');
    expect(ends['2026-12-31T16:30:00Z']!.y2027).toContain('出具合法性审查意见1件，其中上年结转1件');
  });

  it('puts a session of 31 December and one of 1 January in their own years, read on the office’s day', async () => {
    // 00:30 on 1 January 2027 in Shanghai; still 31 December in UTC
    const l = await office('2026-12-31T16:30:00Z');
    await l.svc.createLecture({ kind: '集体学法', date: '2026-12-31', topic: '集体学习行政许可法', headCount: 30 });
    await l.svc.createLecture({ kind: '法律大讲堂', date: '2027-01-01', topic: '《行政处罚法》专题讲座', headCount: 45 });
    const y2026 = await annualReportFor(l.svc, l.store, { year: 2026, unit: UNIT });
    expect(text(y2026)).toContain('共组织学法活动1次（集体学法1次），参加30人次');
    // the report's default 成文日期 is the office's today (1 January): the 1 January session has been held
    const y2027 = await annualReportFor(l.svc, l.store, { year: 2027, unit: UNIT });
    expect(text(y2027)).toContain('共组织学法活动1次（法律大讲堂1次），参加45人次');
    expect(y2027.notes.join()).not.toContain('作为计划中的活动');
  });

  it('counts a 备案 in the year it was made: a December document filed in January is next year’s filing', async () => {
    const l = await office('2027-03-10T02:00:00Z');
    const reg = await RegisterService.open(l.svc);
    // published 2026-12-20, due 30 days later (2027-01-19), filed 2027-01-05: on time, in 2027
    await reg.add({ docNumber: '安市监发〔2026〕9号', title: '安化县茶叶市场经营秩序管理规定', draftingUnit: '知识产权股', published: '2026-12-20', filedDate: '2027-01-05' });
    const y2026 = await annualReportFor(l.svc, l.store, { year: 2026, unit: UNIT, asOf: '2027-02-20' });
    expect(text(y2026)).toContain('全年制定规范性文件1件（《安化县茶叶市场经营秩序管理规定》（安市监发〔2026〕9号））；未报送备案');
    // not due until 2027: no 备案 problem for 2026
    expect(text(y2026)).not.toContain('未按时报送备案');
    const y2027 = await annualReportFor(l.svc, l.store, { year: 2027, unit: UNIT, asOf: '2027-03-01' });
    expect(text(y2027)).toContain('全年未制定新的规范性文件；报送备案1件（其中上年制定1件），其中按时报送1件');
  });
});

describe('(二) and (三) each say their own thing', () => {
  it('tells the review of a 送审稿 under (二) and the bureau’s own 规范性文件 under (三), without repeating', async () => {
    const l = await office('2027-02-10T02:00:00Z');
    const { record } = await l.svc.createReview({ ...DRAFT, receivedDate: '2026-03-02' });
    await l.svc.updateReview(record.id, { status: '已出具意见', conclusion: '修改后合法', completedDate: '2026-03-10' });
    const reg = await RegisterService.open(l.svc);
    await reg.add({ docNumber: '安市监发〔2026〕2号', title: '安化县黑茶产业发展扶持资金管理办法', draftingUnit: '质量发展股', published: '2026-04-01', filedDate: '2026-04-20', reviewId: record.id });
    // an older document whose 有效期 ended in the year and was cleaned up
    await reg.add({ docNumber: '安市监发〔2021〕5号', title: '安化县茶叶质量安全监督抽检办法', draftingUnit: '质量发展股', published: '2021-06-01', filedDate: '2021-06-20', validUntil: '2026-05-31', cleanup: { date: '2026-05-20', result: '废止' } });
    const r = await annualReportFor(l.svc, l.store, { year: 2026, unit: UNIT, asOf: '2027-02-10' });
    const part = (heading: string) => r.sections[0]!.parts.find((p) => p.heading?.startsWith(heading))!.paragraphs.map((p) => p.text).join('\n');
    const review = part('（二）');
    const own = part('（三）');
    expect(review).toContain('全年收到合法性审查送审1件（规范性文件1件），出具合法性审查意见1件。');
    // (三) is about the documents made, filed, cleaned up and expired — not the review (二) told
    expect(own).not.toContain('送审稿');
    expect(own).not.toMatch(/进行了合法性审查/);
    expect(own).toBe(
      '全年制定规范性文件1件（《安化县黑茶产业发展扶持资金管理办法》（安市监发〔2026〕2号）），均经合法性审查；报送备案1件，其中按时报送1件；' +
        '清理规范性文件1件（废止1件）；《安化县茶叶质量安全监督抽检办法》有效期于本年度届满。',
    );
    expect(sources(r, 'normative.issuedReviewed')).toHaveLength(1);
    expect(sources(r, 'normative.expired')).toHaveLength(1);
    // no sentence of one section is said again in another
    const sentences = r.sections.flatMap((s) => s.parts.flatMap((p) => p.paragraphs.filter((x) => !x.placeholder).flatMap((x) => x.text.split(/[。；]/).filter((t) => t.length > 6))));
    expect(sentences.filter((t, i) => sentences.indexOf(t) !== i)).toEqual([]);
  });
});
