// The yearly report states the year as it stood on its 成文日期: a session recorded ahead of its
// date is planned, not held (no count, no plan task done); a 备案 made after the 成文日期 had not
// been made, and one due by then is late. Another office and year than the example records (a
// 县市场监督管理局, 2026), so nothing rests on the first office's data.

import { afterEach, describe, expect, it } from 'vitest';
import { annualReportFor } from '../../../electron/core/reports/annual-report-service';
import { RegisterService } from '../../../electron/core/register/register-service';
import type { AnnualReport } from '../../../electron/core/reports/annual-report';
import { renderHtml } from '../../../electron/core/packs/render-html';
import { dutyListDocument } from '../../../electron/core/reports/plan-documents';
import { exportPlanDocument } from '../../../electron/core/reports/annual-report-export';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeLibrary, type TestLibrary } from '../records/records-test-support';

const UNIT = '安化县市场监督管理局';
let lib: TestLibrary | undefined;
afterEach(() => lib?.cleanup());

async function office2026(now: string): Promise<TestLibrary> {
  lib = await makeLibrary({ now: new Date(now) });
  const plan = await lib.svc.createPlan({
    year: 2026,
    title: `${UNIT}2026年度普法工作计划`,
    unit: UNIT,
    items: [
      { topic: '《行政处罚法》专题讲座', plannedMonth: 4, responsibleUnit: '法规股' },
      { topic: '“12·4”国家宪法日宣传', plannedMonth: 12, responsibleUnit: '办公室' },
    ],
  });
  const [lecture, constitution] = plan.record.items;
  await lib.svc.createLecture({ kind: '法律大讲堂', date: '2026-04-23', topic: '《行政处罚法》与包容审慎监管', headCount: 62, planItemId: lecture!.id });
  await lib.svc.createLecture({ kind: '集体学法', date: '2026-05-21', topic: '集体学习行政许可法', headCount: 41 });
  // Entered in advance: the 宪法日 event and a 集体学法 session of late December.
  await lib.svc.createLecture({ kind: '宪法日', date: '2026-12-04', topic: '“12·4”国家宪法日集中宣传', headCount: 300, location: '东坪镇资江广场', planItemId: constitution!.id });
  await lib.svc.createLecture({ kind: '集体学法', date: '2026-12-24', topic: '集体学习重大行政决策程序暂行条例', headCount: 39 });
  return lib;
}

const paragraphs = (r: AnnualReport) => r.sections.flatMap((s) => s.parts.flatMap((p) => p.paragraphs));
const text = (r: AnnualReport) => paragraphs(r).map((p) => p.text).join('\n');
const figure = (r: AnnualReport, id: string) => r.figures.find((f) => f.id === id);

describe('the yearly report as of its 成文日期', () => {
  it('leaves a session dated after the 成文日期 out of the counts and the plan’s completion', async () => {
    const l = await office2026('2026-12-01T02:00:00Z');
    const r = await annualReportFor(l.svc, l.store, { year: 2026 });
    const t = text(r);
    // Held by 2026-12-01: the lecture and one 集体学法; the 宪法日 (12-04) and 12-24 are ahead.
    expect(t).toContain('共组织学法活动2次');
    expect(t).not.toContain('国家宪法日宣传活动');
    expect(t).toContain('记录中没有2026年度的普法宣传活动');
    expect(figure(r, 'study.sessions')?.sources.map((s) => s.date)).toEqual(['2026-04-23', '2026-05-21']);
    expect(t).toMatch(/已完成1项，完成率50%；尚未完成：“‘12·4’国家宪法日宣传”/);
    expect(r.notes.join('\n')).toContain('2次学法普法活动的日期在成文日期2026年12月1日之后');
    // Signed after the year ended, the same records count every session.
    const later = await annualReportFor(l.svc, l.store, { year: 2026, asOf: '2027-02-22' });
    expect(text(later)).toContain('共组织学法活动3次');
    expect(text(later)).toMatch(/已完成2项，完成率100%/);
    expect(later.notes.join('\n')).not.toContain('之后');
  });

  it('does not mark a 责任清单 task done by a session still to come', async () => {
    const l = await office2026('2026-12-01T02:00:00Z');
    const stats = await l.svc.stats(2026);
    expect(stats.lectures.planned).toBe(2);
    expect(stats.plans[0]!.progress.map((g) => g.done)).toEqual([true, false]);
    const plan = (await l.svc.listPlans({ year: 2026 }))[0]!;
    const html = renderHtml(dutyListDocument({ plan, progress: stats.plans[0], lectures: await l.svc.listLectures({ year: 2026 }), unit: UNIT, today: l.svc.today(), lawTitle: () => undefined }));
    const row = html.slice(html.indexOf('国家宪法日宣传'));
    expect(row.slice(0, row.indexOf('</tr>'))).not.toContain('2026年12月4日');
    expect(row.slice(0, row.indexOf('</tr>'))).toContain('未开展');
    expect(html.replace(/<[^>]+>/g, '')).toMatch(/2项任务已完成1项/);
  });

  it('signs the 普法计划 and the 责任清单 on the chosen 成文日期 and reads progress as of that day', async () => {
    const l = await office2026('2026-12-01T02:00:00Z');
    const plain = (f: string) => readFileSync(f, 'utf8').replace(/<[^>]+>/g, '');
    // Dated after the year ended, as the office files it: the 宪法日 of 12-04 has been held.
    const late = await exportPlanDocument(l.svc, { kind: 'duties', year: 2026, out: join(l.dir, 'duties-2027.html'), asOf: '2027-01-08' });
    expect(plain(late.path)).toContain('截至2027年1月8日，2项任务已完成2项');
    expect(plain(late.path)).toContain('2027年1月8日');
    expect(plain(late.path)).not.toContain('2026年12月1日');
    // 涉及法律法规: the task names no law in its form, its topic does (《行政处罚法》专题讲座), as a session's is read
    const cells = (f: string, task: string) => {
      const html = readFileSync(f, 'utf8');
      const row = html.slice(html.lastIndexOf('<tr', html.indexOf(task)), html.indexOf('</tr>', html.indexOf(task)));
      return [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').trim());
    };
    expect(cells(late.path, '专题讲座').slice(1, 3)).toEqual(['《行政处罚法》专题讲座', '《行政处罚法》']);
    // and a 宪法日 task is about the 宪法 (the library holds it), as the 宪法日 session counts it studied
    expect(cells(late.path, '国家宪法日宣传').slice(1, 3)).toEqual(['“12·4”国家宪法日宣传', '《宪法》']);
    // Dated before the 宪法日: that task is still to come, whatever today is.
    const early = await exportPlanDocument(l.svc, { kind: 'duties', year: 2026, out: join(l.dir, 'duties-nov.html'), asOf: '2026-11-30' });
    expect(plain(early.path)).toContain('截至2026年11月30日，2项任务已完成1项');
    const plan = await exportPlanDocument(l.svc, { kind: 'plan', year: 2026, out: join(l.dir, 'plan.html'), asOf: '2026-01-15' });
    expect(plain(plan.path)).toContain('2026年1月15日');
    expect(plain(plan.path)).not.toContain('2026年12月1日');
    // Without a date: today in the office's zone, as before.
    const today = await exportPlanDocument(l.svc, { kind: 'duties', year: 2026, out: join(l.dir, 'duties-today.html') });
    expect(plain(today.path)).toContain('截至2026年12月1日，2项任务已完成1项');
  });

  it('reads the register on the 成文日期: a filing made later had not been made, and is late', async () => {
    const l = await office2026('2027-03-10T02:00:00Z');
    const reg = await RegisterService.open(l.svc);
    // Published 2026-11-20, 备案 due 30 days later (2026-12-20), filed only on 2027-02-25.
    await reg.add({ docNumber: '安市监发〔2026〕4号', title: '安化县“黑茶”区域公用品牌使用管理规定', draftingUnit: '知识产权股', published: '2026-11-20', filedDate: '2027-02-25' });
    await reg.add({ docNumber: '安市监发〔2026〕1号', title: '安化县黑茶质量追溯管理办法', draftingUnit: '质量发展股', published: '2026-03-10', filedDate: '2026-04-02' });
    const signed = await annualReportFor(l.svc, l.store, { year: 2026, asOf: '2027-02-20' });
    expect(text(signed)).toContain('全年制定规范性文件2件');
    expect(text(signed)).toContain('报送备案1件，其中按时报送1件');
    expect(figure(signed, 'problems.normative.notFiledOnTime')?.sources.map((s) => s.id)).toHaveLength(1);
    expect(text(signed)).toContain('1件规范性文件未按时报送备案（《安化县“黑茶”区域公用品牌使用管理规定》）');
    // Dated after the filing: filed, but late all the same — and filed in 2027, so 2026's 备案 count keeps one.
    const after = await annualReportFor(l.svc, l.store, { year: 2026, asOf: '2027-03-01' });
    expect(text(after)).toContain('报送备案1件，其中按时报送1件');
    expect(text(after)).toContain('1件规范性文件未按时报送备案（《安化县“黑茶”区域公用品牌使用管理规定》）');
    // The 2027 report counts the filing made in 2027, of a document made the year before.
    const next = await annualReportFor(l.svc, l.store, { year: 2027, asOf: '2027-03-01' });
    expect(text(next)).toContain('全年未制定新的规范性文件；报送备案1件（其中上年制定1件），其中按时报送0件');
    expect(figure(next, 'normative.filed')?.sources.map((s) => s.date)).toEqual(['2026-11-20']);
  });
});
