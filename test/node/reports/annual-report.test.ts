// The 法治政府建设年度报告 draft from the example records of 2020: it must state every law, figure
// and activity the office's own 2020 report names (as far as the records hold them), every number
// in it must come from a figure whose sources are real records, placeholders stay marked, and a
// record change shows up when the report is generated again.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { annualReportFor } from '../../../electron/core/reports/annual-report-service';
import { RegisterService } from '../../../electron/core/register/register-service';
import { exportAnnualReport, exportPlanDocument } from '../../../electron/core/reports/annual-report-export';
import { annualReportDocument, PLACEHOLDER_MARK } from '../../../electron/core/reports/annual-report-document';
import type { AnnualReport } from '../../../electron/core/reports/annual-report';
import { renderHtml } from '../../../electron/core/packs/render-html';
import { makeLibrary, seed, type TestLibrary } from '../records/records-test-support';
import { OUTREACH_KINDS } from '../../../electron/core/records/record-types';

let lib: TestLibrary;
beforeEach(async () => {
  lib = await makeLibrary();
  await lib.svc.importBundle(seed());
});
afterEach(() => lib.cleanup());

const facts = (r: AnnualReport) => r.sections.flatMap((s) => s.parts.flatMap((p) => p.paragraphs)).filter((p) => !p.placeholder);
const text = (r: AnnualReport) => facts(r).map((p) => p.text).join('\n');

describe('annual report from the 2020 records', () => {
  it('names every law studied, in the order first studied, as the 2020 report does', async () => {
    const r = await annualReportFor(lib.svc, lib.store, { year: 2020 });
    const t = text(r);
    // The laws the office's 2020 report lists as studied (学法) — all of them, each once.
    const laws = ['宪法', '行政许可法', '统计法', '保守国家秘密法', '民法典', '优化营商环境条例', '宗教团体管理办法', '科学技术进步法', '促进科技成果转化法', '山东省技术转移人才培养基地管理办法（实行）', '山东省技术先进型服务企业认定管理办法'];
    const studied = r.figures.find((f) => f.id === 'study.laws')!;
    for (const law of laws) {
      expect(t).toContain(`《${law}》`);
      expect(studied.value.split('、')).toContain(`《${law}》`);
    }
    expect(studied.value.split('、')).toHaveLength(laws.length);
    // 民法典 is one code, never 民法典·总则 or a part; the first law studied in 2020 is the 宪法 (March).
    expect(t).not.toMatch(/民法典·/);
    expect(studied.value.split('、')[0]).toBe('《宪法》');
  });

  it('states the lectures, the plan and 责任清单, the outreach figures and the adviser', async () => {
    const r = await annualReportFor(lib.svc, lib.store, { year: 2020 });
    const t = text(r);
    expect(r.title).toBe('高青县科学技术局2020年度法治政府建设工作报告');
    expect(t).toMatch(/开展“法律大讲堂”活动1次，由李明（山东青苑律师事务所）主讲/);
    expect(t).toContain('《高青县科学技术局2020年度普法工作计划》');
    expect(t).toContain('普法责任清单');
    expect(t).toMatch(/“法律进企业”活动2次[^。]*《淄博市科技创新政策措施摘编（2019年）》100份/);
    expect(t).toMatch(/“法律进乡村”活动1次[^。]*1000份，覆盖6000人次/);
    expect(t).toMatch(/“法律进社区”活动1次/);
    expect(t).toMatch(/国家宪法日宣传活动1次/);
    expect(t).toContain('全国科普日');
    expect(t).toContain('聘请山东青苑律师事务所李明为法律顾问');
    // 重大行政决策: exactly the procedures its record says were held, plus the review itself, in the 条例's order
    // (合法性审查 before 集体讨论决定: 重大行政决策程序暂行条例 第三章).
    expect(t).toMatch(/履行了公众参与、专家论证、合法性审查、集体讨论决定、公布等程序/);
    expect(t).not.toContain('风险评估'); // marked not applicable in the record
    const stats = await lib.svc.stats(2020);
    expect(t).toContain(`全年收到合法性审查送审${stats.reviews.total}件`);
    expect(t).toContain(`参加${stats.lectures.study.headCount}人次`);
    expect(t).toContain(`覆盖群众${stats.lectures.outreach.headCount}人次`);
    expect(t).toContain(`发放宣传材料${stats.lectures.materialsHandedOut - 50 - 20}份`); // outreach only: not the 讲义 of study sessions
  });

  it('claims no head count a record does not give: an activity without one is not “0人次”, and the sentence says how many lack it', async () => {
    const r = await annualReportFor(lib.svc, lib.store, { year: 2020 });
    const figure = (id: string) => r.figures.find((f) => f.id === id);
    const events = (await lib.svc.listLectures({ year: 2020 })).filter((l) => OUTREACH_KINDS.includes(l.kind));
    const unknown = events.filter((l) => !l.headCount);
    expect(unknown.length).toBeGreaterThan(0);
    const total = figure('outreach.headCount')!;
    expect(total.sources.map((s) => s.id).sort()).toEqual(events.filter((l) => l.headCount).map((l) => l.id).sort());
    expect(Number(total.value)).toBe(events.reduce((n, l) => n + l.headCount, 0));
    expect(figure('outreach.headCount.unrecorded')!.sources.map((s) => s.id).sort()).toEqual(unknown.map((l) => l.id).sort());
    expect(text(r)).toContain(`覆盖群众${total.value}人次（其中${unknown.length}次未记录人数）`);
    // a kind none of whose activities gives a head count has no 覆盖人次 figure at all (it read 0)
    for (const kind of new Set(unknown.map((l) => l.kind))) {
      if (events.some((l) => l.kind === kind && l.headCount)) continue;
      expect(figure(`outreach.${kind}.headCount`), kind).toBeUndefined();
      expect(r.figures.filter((f) => f.id.startsWith(`outreach.${kind}.`)).map((f) => f.value)).not.toContain('0');
    }
  });

  it('names a 重大行政决策 procedure only once it was held by the 成文日期', async () => {
    const major = (await lib.svc.listReviews()).find((x) => x.type === '重大行政决策' && x.receivedDate.startsWith('2020'))!;
    const last = major.procedures.filter((p) => p.applicable && p.done && p.date).sort((a, b) => b.date!.localeCompare(a.date!))[0]!;
    const dayBefore = new Date(Date.parse(`${last.date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(dayBefore >= major.completedDate!).toBe(true);
    const steps = (r: AnnualReport) => r.figures.find((f) => f.id === 'decisions.procedures')!.value.split('、');
    expect(steps(await annualReportFor(lib.svc, lib.store, { year: 2020, asOf: last.date! }))).toContain(last.check);
    expect(steps(await annualReportFor(lib.svc, lib.store, { year: 2020, asOf: dayBefore }))).not.toContain(last.check);
  });

  it('claims no number that a figure with real record sources does not carry', async () => {
    const r = await annualReportFor(lib.svc, lib.store, { year: 2020 });
    const ids = new Set([...(await lib.svc.listReviews()).map((x) => x.id), ...(await lib.svc.listLectures()).map((x) => x.id), ...(await lib.svc.listPlans()).map((x) => x.id)]);
    const byId = new Map(r.figures.map((f) => [f.id, f]));
    for (const f of r.figures) {
      expect(f.sources.length, f.id).toBeGreaterThan(0);
      for (const s of f.sources) expect(ids.has(s.id), `${f.id} → ${s.id}`).toBe(true);
    }
    for (const p of facts(r)) {
      // Numbers outside titles 《…》 and quotations “…” must be the year, a month, or a figure's value.
      const bare = p.text.replace(/《[^》]*》/g, '').replace(/“[^”]*”/g, '').replace(/（[^）]*律师事务所）/g, '');
      const allowed = new Set(['2020', ...p.figures.flatMap((id) => byId.get(id)!.value.match(/\d+(\.\d+)?/g) ?? [])]);
      for (const m of bare.matchAll(/(\d+(?:\.\d+)?)(月)?/g)) if (!m[2]) expect(allowed.has(m[1]!), `${m[1]} in “${p.text}”`).toBe(true);
    }
  });

  it('counts figures from their sources: every count equals the number of records it cites', async () => {
    const r = await annualReportFor(lib.svc, lib.store, { year: 2020 });
    for (const id of ['study.sessions', 'decisions.total', 'outreach.count', 'decisions.completed']) {
      const f = r.figures.find((x) => x.id === id)!;
      expect(Number(f.value), id).toBe(f.sources.length);
    }
  });

  it('updates its figures when a record changes and is generated again', async () => {
    const before = await annualReportFor(lib.svc, lib.store, { year: 2020 });
    const village = (await lib.svc.listLectures({ year: 2020, kind: '法律进乡村' }))[0]!;
    await lib.svc.updateLecture(village.id, { headCount: 6500 });
    const after = await annualReportFor(lib.svc, lib.store, { year: 2020 });
    const heads = (r: AnnualReport) => Number(r.figures.find((f) => f.id === 'outreach.headCount')!.value);
    expect(heads(after) - heads(before)).toBe(500);
    expect(text(after)).toContain('覆盖6500人次');
  });

  it('writes 存在的不足 and 下一年度安排 as prompts drawn from the records, never as facts', async () => {
    const reg = await RegisterService.open(lib.svc);
    // Published 2020-11-20, 备案 due within 30 days, never filed; a second one expires in 2021 without 清理.
    await reg.add({ docNumber: '高科发〔2020〕11号', title: '高青县科学技术奖励实施办法', draftingUnit: '办公室', published: '2020-11-20' });
    await reg.add({ docNumber: '高科发〔2019〕2号', title: '高青县科技成果转化奖励办法（暂行）', draftingUnit: '成果转化科', published: '2019-07-01', filedDate: '2019-07-20' });
    const r = await annualReportFor(lib.svc, lib.store, { year: 2020 });
    const part = (n: string) => r.sections.find((s) => s.heading.startsWith(n))!.parts.flatMap((p) => p.paragraphs);
    // Everything under 二 and 四 is for the writer to weigh: marked, never a statement of the report.
    for (const p of [...part('二'), ...part('四')]) expect(p.placeholder, p.text).toBe(true);
    const problems = part('二').map((p) => p.text).join('\n');
    expect(problems).toContain('普法计划有1项任务未完成（“《重大行政决策程序暂行条例》专题学习”）');
    const rejected = (await lib.svc.listReviews({ year: 2020 })).filter((x) => x.adopted === false);
    expect(rejected.length).toBeGreaterThan(0);
    expect(problems).toContain(`${rejected.length}件审查意见未被承办单位采纳（${rejected.map((x) => `《${x.title}》`).join('、')}）`);
    expect(problems).toContain('1件规范性文件未按时报送备案（《高青县科学技术奖励实施办法》）');
    const next = part('四').map((p) => p.text).join('\n');
    expect(next).toContain('本年度未完成的普法任务是否列入下一年度计划（“《重大行政决策程序暂行条例》专题学习”）');
    expect(next).toContain('1件规范性文件有效期在2021年届满，需在届满前评估、清理（《高青县科技成果转化奖励办法（暂行）》有效期至2021年6月30日）');
    expect(next).toContain('记录中还没有2021年度普法工作计划');
    // Every number in a prompt is a figure counted from real records, listed in the 数据来源 annex.
    for (const id of ['problems.plans.unfinished', 'problems.reviews.notAdopted', 'problems.normative.notFiledOnTime', 'next.normative.expiring']) {
      const f = r.figures.find((x) => x.id === id)!;
      expect(f.sources.length, id).toBeGreaterThan(0);
    }
    expect(Number(r.figures.find((x) => x.id === 'problems.reviews.notAdopted')!.value)).toBe(rejected.length);
    // The records change, the prompts follow: the opinion adopted after all, the 2021 plan made.
    for (const x of rejected) await lib.svc.updateReview(x.id, { adopted: true });
    await lib.svc.createPlan({ year: 2021, title: '高青县科学技术局2021年度普法工作计划', unit: '高青县科学技术局', items: [{ topic: '学习宣传《中华人民共和国行政处罚法》', plannedMonth: 3 }] });
    const again = await annualReportFor(lib.svc, lib.store, { year: 2020 });
    const t2 = again.sections.flatMap((s) => s.parts.flatMap((p) => p.paragraphs)).map((p) => p.text).join('\n');
    expect(t2).not.toContain('未被承办单位采纳');
    expect(t2).toContain('已制定《高青县科学技术局2021年度普法工作计划》');
    expect(t2).not.toContain('记录中还没有2021年度普法工作计划');
  });

  it('gives a year without records the template with its placeholders and a clear note', async () => {
    const r = await annualReportFor(lib.svc, lib.store, { year: 2023, unit: '高青县科学技术局' });
    expect(r.notes.join('\n')).toMatch(/2023年度没有任何记录/);
    expect(r.figures).toHaveLength(0);
    expect(r.sections).toHaveLength(5);
    expect(facts(r)).toHaveLength(0);
  });

  it('names what the writer must supply as codes, not as one face’s instructions', async () => {
    const bare = await annualReportFor(lib.svc, lib.store, { year: 2023 });
    expect(bare.gaps).toEqual(['unit', 'adviser']);
    expect(bare.unit).toBe('（单位名称）');
    // The notes are for every face: no command line, no settings page.
    expect(bare.notes.join('\n')).not.toMatch(/lawdesk|--|设置/);
    const given = await annualReportFor(lib.svc, lib.store, { year: 2023, unit: '高青县科学技术局', adviser: { name: '李明' } });
    expect(given.gaps).toEqual([]);
  });

  it('refuses a broken template naming the file and the field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lawdesk-report-tpl-'));
    try {
      const bad = join(dir, 'annual-report.json');
      writeFileSync(bad, JSON.stringify({ schemaVersion: 1, name: 'x', title: 't', sections: [{ heading: '一、', parts: [{ generate: 'nonsense' }] }] }));
      await expect(annualReportFor(lib.svc, lib.store, { year: 2020, templateFile: bad })).rejects.toThrow(new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}：报告模板不合法：.*sections\\.0\\.parts\\.0`));
      writeFileSync(bad, '{ not json');
      await expect(annualReportFor(lib.svc, lib.store, { year: 2020, templateFile: bad })).rejects.toThrow(/不是合法的 JSON/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exports a DOCX in the official layout that reads back with every figure, placeholder and the 数据来源 annex', async () => {
    const r = await annualReportFor(lib.svc, lib.store, { year: 2020 });
    const dir = mkdtempSync(join(tmpdir(), 'lawdesk-report-'));
    try {
      const out = join(dir, '年度报告.docx');
      const res = await exportAnnualReport(r, { out, today: '2021-02-20' });
      expect(res.placeholders).toBe(8); // 二 to 五, （六） of 一, and the prompts from the records under 二 and 四
      const { value } = await mammoth.extractRawText({ buffer: readFileSync(out) });
      const body = value.replace(/\n+/g, '\n');
      expect(body.indexOf(r.title)).toBe(0); // the title opens the document (its lines: gbt9704-layout.test.ts)
      expect(body).not.toContain('目　录'); // an official document, not a pack: no cover, no TOC
      for (const p of facts(r)) expect(body).toContain(p.text);
      expect(body).toContain(`${PLACEHOLDER_MARK}请根据本单位实际填写`);
      expect(body).toContain('附件：数据来源');
      for (const f of r.figures) expect(body).toContain(f.label);
      expect(body).toMatch(/高青县科学技术局\n2021年2月20日/); // 落款
      const html = renderHtml(annualReportDocument(r, '2021-02-20'));
      expect(html).not.toContain('class="sheet cover"');
      expect(html).toContain('2021年2月20日');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('普法 plan and 责任清单 documents', () => {
  it('sets every task of the plan against the sessions linked to it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lawdesk-plan-'));
    try {
      const out = join(dir, '清单.html');
      await exportPlanDocument(lib.svc, { kind: 'duties', year: 2020, out });
      const html = readFileSync(out, 'utf8');
      expect(html).toContain('高青县科学技术局2020年度普法责任清单');
      const plan = (await lib.svc.listPlans({ year: 2020 }))[0]!;
      const rows = [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, ''))).filter((r) => r.length);
      expect(rows).toHaveLength(plan.items.length);
      // The 行政许可法 lecture of 20 May is the one session linked to the 5月 task; the 10月 task has none.
      expect(rows.find((r) => r[1]!.includes('行政许可法'))![5]).toBe('2020年5月20日法律大讲堂（42人次）');
      expect(rows.find((r) => r[1]!.includes('重大行政决策'))![5]).toBe('未完成（已过计划月份）');
      expect(html).toContain('6项任务已完成5项');
      const planOut = join(dir, '计划.docx');
      await exportPlanDocument(lib.svc, { kind: 'plan', year: 2020, out: planOut });
      const { value } = await mammoth.extractRawText({ buffer: readFileSync(planOut) });
      for (const it of plan.items) expect(value).toContain(it.topic);
      await expect(exportPlanDocument(lib.svc, { kind: 'plan', year: 2019, out: planOut })).rejects.toThrow(/2019年度没有普法计划/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
