import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecordsError } from '../../../electron/core/records/records-errors';
import { RECORDS_FILE } from '../../../electron/core/records/records-store';
import { lawId, makeLibrary, reviewInput, seed, type TestLibrary } from './records-test-support';
import { onTimeRateText, onTimeSummary } from '../../../electron/shared/review-time-limits';

let lib: TestLibrary;
beforeEach(async () => {
  lib = await makeLibrary();
});
afterEach(() => lib.cleanup());

async function rejects(p: Promise<unknown>): Promise<RecordsError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(RecordsError);
    return e as RecordsError;
  }
  throw new Error('expected a RecordsError');
}

describe('reviews: create, defaults, status workflow', () => {
  it('creates with an id, the default checklist and a due date 5 working days on (a 规范性文件)', async () => {
    const { record, warnings } = await lib.svc.createReview(reviewInput({ receivedDate: '2020-09-25' }));
    expect(record.id).toBe('R2020-001');
    expect(record.dueDate).toBe('2020-10-09'); // across 国庆中秋 2020, Sunday 9/27 a 调休 working day
    expect(record.status).toBe('收件');
    // a 规范性文件 starts with its own checklist (issue #18: it showed the 重大行政决策 one)
    expect(record.materials.map((m) => m.name)).toEqual(['文件送审稿', '起草说明', '制定依据（法律法规规章和国家政策规定）', '征求意见及采纳情况', '起草单位合法性初审意见']);
    const decision = await lib.svc.createReview(reviewInput({ type: '重大行政决策', title: '决策' }));
    expect(decision.record.materials.map((m) => m.name)).toEqual(['决策草案', '起草说明', '法律法规规章等依据', '履行决策法定程序的说明']);
    expect(record.revision).toBe(1);
    expect(record.createdBy).toBe('测试员');
    expect(warnings).toEqual([]);
    expect((await lib.svc.createReview(reviewInput({ title: '第二件' }))).record.id).toBe('R2020-003');
  });

  it('moves forward only; an opinion needs a conclusion and text; archived records are frozen', async () => {
    const { record } = await lib.svc.createReview(reviewInput());
    await lib.svc.setReviewStatus(record.id, '审查中');
    const e1 = await rejects(lib.svc.setReviewStatus(record.id, '已出具意见'));
    expect(e1.issues).toEqual(expect.arrayContaining([expect.stringMatching(/须填写审查结论/), expect.stringMatching(/须填写审查意见正文/)]));
    const done = await lib.svc.setReviewStatus(record.id, '已出具意见', { conclusion: '合法', completedDate: '2020-04-20', opinion: { text: '经审查，合法。' } });
    expect(done.record.status).toBe('已出具意见');
    const back = await rejects(lib.svc.setReviewStatus(record.id, '审查中'));
    expect(back.issues[0]).toMatch(/不能从“已出具意见”退回“审查中”/);
    await lib.svc.setReviewStatus(record.id, '已归档');
    const frozen = await rejects(lib.svc.updateReview(record.id, { title: '改个标题' }));
    expect(frozen.issues[0]).toMatch(/已归档的审查记录不能再修改.*title/);
    const tagged = await lib.svc.updateReview(record.id, { tags: ['创新券'] });
    expect(tagged.record.tags).toEqual(['创新券']);
  });

  it('lists with filters, overdue and on-time', async () => {
    await lib.svc.importBundle(seed(), { linkDetected: true });
    // received 2021-02-01: 最早届满 2021-02-07, the 5th working day being Sunday 2/7 (调休 before 春节);
    // today is 2021-03-01. Only the unit's own deadline makes a review 逾期, not the minimum.
    await lib.svc.createReview(reviewInput({ title: '未办结的送审稿', receivedDate: '2021-02-01', unitDeadline: '2021-02-10' }));
    await lib.svc.createReview(reviewInput({ title: '单位未定期限', receivedDate: '2021-02-01' }));
    expect((await lib.svc.listReviews({ year: 2020 })).length).toBe(5);
    expect((await lib.svc.listReviews({ type: '规范性文件', year: 2020 })).map((r) => r.id)).toEqual(['R2020-005', 'R2020-001']);
    const overdue = await lib.svc.listReviews({ overdue: true });
    expect(overdue.map((r) => r.id)).toEqual(['R2021-001']);
    expect(overdue[0]!.dueDate).toBe('2021-02-07');
    expect(overdue[0]!.unitDeadline).toBe('2021-02-10');
    expect(overdue[0]!.workingDaysLeft).toBeLessThan(0);
    const noDeadline = await lib.svc.getReview('R2021-002');
    expect(noDeadline).toMatchObject({ dueDate: '2021-02-07', overdue: false });
    expect(noDeadline.workingDaysLeft).toBeUndefined();
    // R2020-005 was issued after 最早届满, with no unit deadline: not late
    expect((await lib.svc.getReview('R2020-005')).onTime).toBeUndefined();
    const done = await lib.svc.createReview(
      reviewInput({ title: '逾期办结', receivedDate: '2021-02-01', unitDeadline: '2021-02-10', status: '已出具意见', completedDate: '2021-02-20', conclusion: '合法', opinion: { text: '合法。' } }),
    );
    expect((await lib.svc.getReview(done.record.id)).onTime).toBe(false);
    expect((await lib.svc.listReviews({ status: '已归档' })).length).toBe(2);
  });
});

describe('bad input: clear Chinese messages, nothing saved', () => {
  it('missing required fields and wrong values', async () => {
    const e = await rejects(lib.svc.createReview({ type: '意见书', receivedDate: '2020-13-01' }));
    expect(e.issues).toEqual(
      expect.arrayContaining([
        '类型：应为 重大行政决策 / 规范性文件 / 合同 / 重大执法决定 / 其他 之一，收到 "意见书"',
        '标题：请填写标题',
        '承办单位：请填写承办单位',
        '收件日期：不是有效日期（应为 YYYY-MM-DD），收到 "2020-13-01"',
      ]),
    );
    const both = await rejects(lib.svc.createReview({ type: '合同', title: '两处错误', receivedDate: '2020-05-10', dueDate: '2020-05-01' }));
    expect(both.issues).toEqual(['承办单位：请填写承办单位', '单位确定的审查期限（2020-05-01）早于收件日期（2020-05-10）']);
    const typo = await rejects(lib.svc.createReview({ ...reviewInput(), recievedDate: '2020-01-01' }));
    expect(typo.issues.join()).toMatch(/不认识的字段：recievedDate/);
    expect(existsSync(join(lib.dir, RECORDS_FILE))).toBe(false);
  });

  it('review time limits per type: 重大行政决策 7 working days, 规范性文件 5 to 15, 合同 none', async () => {
    const decision = await lib.svc.createReview(reviewInput({ type: '重大行政决策', title: '决策', receivedDate: '2020-04-13', unitDeadline: '2020-04-20' }));
    expect(decision.record.dueDate).toBe('2020-04-22');
    expect(decision.warnings.join()).toMatch(/只留 5 个工作日，少于重大行政决策程序暂行条例第二十六条第二款“审查时间一般不少于7个工作日”/);
    const contract = await lib.svc.createReview(reviewInput({ type: '合同', title: '技术服务合同', receivedDate: '2020-04-13', unitDeadline: '2020-04-14' }));
    expect(contract.record.dueDate).toBe('2020-04-13');
    expect(contract.warnings.join()).not.toMatch(/工作日/);
    // done 16 working days after receipt: over the 15 of 国办发〔2018〕115号 — a warning, never an error
    const late = await lib.svc.createReview(
      reviewInput({ title: '审核超时', receivedDate: '2020-04-13', status: '已出具意见', completedDate: '2020-05-07', conclusion: '合法', opinion: { text: '合法。' } }),
    );
    expect(late.warnings.join()).toMatch(/收件至出具意见用了 1[6-9] 个工作日，超过国办发〔2018〕115号“审核时间一般不少于5个工作日，最长不超过15个工作日”/);
    const inTime = await lib.svc.createReview(
      reviewInput({ title: '按时审核', receivedDate: '2020-04-13', status: '已出具意见', completedDate: '2020-04-24', conclusion: '合法', opinion: { text: '合法。' } }),
    );
    expect(inTime.warnings.join()).not.toMatch(/收件至出具意见/);
  });

  it('a unit deadline before receipt; a short one only warns (规范性文件: 审核时间一般不少于5个工作日)', async () => {
    const e = await rejects(lib.svc.createReview(reviewInput({ receivedDate: '2020-04-13', unitDeadline: '2020-04-10' })));
    expect(e.issues).toEqual(['单位确定的审查期限（2020-04-10）早于收件日期（2020-04-13）']);
    const short = await lib.svc.createReview(reviewInput({ receivedDate: '2020-04-13', unitDeadline: '2020-04-15' }));
    expect(short.warnings[0]).toMatch(/单位确定的审查期限只留 2 个工作日，少于国办发〔2018〕115号“审核时间一般不少于5个工作日.*最早届满 2020-04-20/);
    expect(short.record).toMatchObject({ dueDate: '2020-04-20', unitDeadline: '2020-04-15' });
    // An older client's hand-typed dueDate is the unit's deadline; 最早届满 is always computed.
    const legacy = await lib.svc.createReview(reviewInput({ title: '旧格式', receivedDate: '2020-04-13', dueDate: '2020-04-30' }));
    expect(legacy.record).toMatchObject({ dueDate: '2020-04-20', unitDeadline: '2020-04-30' });
    // A record saved when every type got 7 working days holds that computed date: not a deadline.
    const seven = await lib.svc.createReview(reviewInput({ title: '按七日算的旧记录', receivedDate: '2020-04-13', dueDate: '2020-04-22' }));
    expect(seven.record.dueDate).toBe('2020-04-20');
    expect(seven.record.unitDeadline).toBeUndefined();
    const pub = await lib.svc.createReview(
      reviewInput({ title: '征求意见偏短', procedures: [{ check: '公众参与', date: '2020-03-01', endDate: '2020-03-20' }] }),
    );
    expect(pub.warnings.join()).toMatch(/公开征求意见期限 20 日，少于第十五条/);
  });

  it('a citation to an article that does not exist in that version', async () => {
    const e = await rejects(
      lib.svc.createReview(reviewInput({ receivedDate: '2020-05-01', citations: [{ law: '统计法', article: '第五十三条' }, { law: '行政许可法', article: '第十二条' }] })),
    );
    expect(e.issues).toEqual(['引用条文第1项：《统计法》（2009-06-27版）没有第五十三条（共 50 条）']);
    const e2 = await rejects(lib.svc.createReview(reviewInput({ citations: [{ law: '不存在的条例', article: '1' }] })));
    expect(e2.issues[0]).toMatch(/资料库中没有《不存在的条例》/);
    expect(await lib.svc.listReviews()).toEqual([]);
  });

  it('attachments: stored once by hash; huge or unreadable files are refused', async () => {
    const small = await makeLibrary({ maxAttachmentBytes: 1024 });
    try {
      const dir = join(small.dir, 'in');
      mkdirSync(dir);
      writeFileSync(join(dir, '审查意见书.docx'), 'PK fake docx bytes');
      writeFileSync(join(dir, 'huge.pdf'), Buffer.alloc(2048, 1));
      const ok = await small.svc.createReview(reviewInput({ attachments: [{ path: '审查意见书.docx' }] }), { baseDir: dir });
      const a = ok.record.attachments[0]!;
      expect(a.name).toBe('审查意见书.docx');
      expect(readFileSync(small.svc.attachmentPath(a)!, 'utf8')).toBe('PK fake docx bytes');
      const more = await small.svc.attachToReview(ok.record.id, join(dir, '审查意见书.docx'), { name: '审查意见书（定稿）.docx' });
      expect(more.record.attachments).toHaveLength(1); // same bytes: stored and listed once
      writeFileSync(join(dir, '草案.pdf'), '%PDF-1.4 draft');
      const two = await small.svc.attachToReview(ok.record.id, join(dir, '草案.pdf'));
      expect(two.record.attachments.map((x) => x.name)).toEqual(['审查意见书.docx', '草案.pdf']);
      expect((await small.svc.history(ok.record.id)).at(-1)).toMatchObject({ note: '添加附件', changes: [{ path: expect.stringMatching(/^attachments\[/) }] });
      const huge = await rejects(small.svc.createReview(reviewInput({ title: '大附件', attachments: [{ path: join(dir, 'huge.pdf') }] })));
      expect(huge.message).toMatch(/附件“huge.pdf”大小 0.0 MB，超过上限 0.0 MB|超过上限/);
      const missing = await rejects(small.svc.createReview(reviewInput({ title: '缺附件', attachments: [{ path: join(dir, 'nope.pdf') }] })));
      expect(missing.message).toMatch(/nope.pdf”文件不存在/);
      if (process.getuid?.() !== 0) {
        writeFileSync(join(dir, 'secret.pdf'), 'x');
        chmodSync(join(dir, 'secret.pdf'), 0);
        expect((await rejects(small.svc.createReview(reviewInput({ title: '无权限', attachments: [{ path: join(dir, 'secret.pdf') }] })))).message).toMatch(/没有读取权限/);
      }
      expect((await small.svc.listReviews()).map((r) => r.title)).toEqual([reviewInput().title]);
    } finally {
      small.cleanup();
    }
  });

  it('a stale form (expectedRevision) is refused instead of overwriting', async () => {
    const { record } = await lib.svc.createReview(reviewInput());
    await lib.svc.updateReview(record.id, { refNo: '高科审〔2020〕1号' });
    const e = await rejects(lib.svc.updateReview(record.id, { refNo: 'X' }, { expectedRevision: 1 }));
    expect(e.message).toMatch(/已被他人修改/);
  });
});

describe('change log: edits keep history', () => {
  it('records who/when/what field by field, citations element by element', async () => {
    const { record } = await lib.svc.createReview(reviewInput({ citations: [{ law: '行政许可法', article: '第十七条' }] }), { by: '李明' });
    await lib.svc.updateReview(record.id, { title: '高青县科技创新券管理暂行办法（修改稿）', findings: { content: { text: '草案第九条实质上设定了行政许可，违反《行政许可法》第十五条第二款。' } } }, { by: '王芳', linkDetected: true });
    await lib.svc.updateReview(record.id, { citations: [] }, { by: '王芳' });
    await lib.svc.updateReview(record.id, { status: '审查中' }, { by: '李明' });
    // a save that changes nothing adds no revision
    const same = await lib.svc.updateReview(record.id, { status: '审查中' });
    expect(same.record.revision).toBe(4);

    const log = await lib.svc.history(record.id);
    expect(log.map((e) => [e.seq, e.by, e.action])).toEqual([
      [1, '李明', 'create'],
      [2, '王芳', 'update'],
      [3, '王芳', 'update'],
      [4, '李明', 'status'],
    ]);
    expect(log[1]!.changes.map((c) => c.path)).toEqual(
      expect.arrayContaining(['title', 'findings.content.text', expect.stringMatching(/^findings\.content\.citations\[.*@2019-04-23#15#2\]$/)]),
    );
    const title = log[1]!.changes.find((c) => c.path === 'title')!;
    expect([title.from, title.to]).toEqual(['高青县科技创新券管理暂行办法（送审稿）', '高青县科技创新券管理暂行办法（修改稿）']);
    // the removed citation is in the log with its snapshot: history keeps what was relied on
    const removed = log[2]!.changes[0]!;
    expect(removed.path).toMatch(/^citations\[.*#17\]$/);
    expect((removed.from as { textSnapshot: string }).textSnapshot).toContain('其他规范性文件一律不得设定行政许可');
    expect(removed.to).toBeUndefined();
    expect(log[3]!.changes).toEqual([{ path: 'status', from: '收件', to: '审查中' }]);
    // replaying the log from the creation gives the current record
    const current = await lib.svc.getReview(record.id);
    expect(current.revision).toBe(4);
    expect(current.citations).toEqual([]);
  });
});

describe('cited-by, both directions', () => {
  it('article → records (newest first) and record → articles; per-article counts for the TOC', async () => {
    await lib.svc.importBundle(seed(), { linkDetected: true });
    const index = await lib.svc.citationIndex();
    const xk = lawId(lib.store, '行政许可法');
    const by17 = index.citedBy(lib.store.law(xk)!.versionIds.at(-1)!, '17');
    // newest first: the lecture of 2020-05-20, then the review whose opinion is dated 2020-04-21
    expect(by17.map((e) => [e.id, e.date])).toEqual([
      ['L2020-001', '2020-05-20'],
      ['R2020-001', '2020-04-21'],
    ]);
    expect(by17[1]!.where).toEqual(['findings.content', 'opinion']);

    const tj = lawId(lib.store, '统计法');
    const by7 = index.citedBy(`${tj}@2009-06-27`, '7');
    expect(by7.map((e) => [e.id, e.date])).toEqual([
      ['R2020-004', '2020-11-24'],
      ['R2020-003', '2020-10-12'],
      ['N2020-001', '2020-07-16'],
      ['L2020-003', '2020-07-15'],
    ]);
    expect(by7.every((e) => e.versionId.endsWith('@2009-06-27'))).toBe(true);
    // the 2009 第七条 is the 2024 第八条: the same four records, followed through the mapping;
    // the 2024 第七条 is new and nobody cites it
    expect(index.citedBy(`${tj}@2024-09-13`, '8').map((e) => e.id)).toEqual(by7.map((e) => e.id));
    expect(index.citedBy(`${tj}@2024-09-13`, '7')).toEqual([]);

    const counts = index.counts(`${tj}@2009-06-27`);
    expect(counts['7']).toBe(4);
    expect(counts['41']).toBe(1); // 本法第四十一条 in R2020-004

    const sites = await lib.svc.citationsOf('R2020-003');
    expect(sites.map((s) => `${s.where} ${s.citation.citation}`)).toEqual([
      'findings.procedure 《重大行政决策程序暂行条例》第二十五条',
      'findings.procedure 《重大行政决策程序暂行条例》第二十六条',
      'findings.content 《中华人民共和国统计法》（2009年修订）第七条',
    ]);
  });
});

describe('annual statistics on the seeded year', () => {
  it('2020: reviews by type and conclusion, on-time rate, lectures, outreach, laws studied, plan completion', async () => {
    const res = await lib.svc.importBundle(seed(), { linkDetected: true });
    expect(res.created).toEqual({
      plans: ['P2020-01'],
      lectures: Array.from({ length: 14 }, (_, i) => `L2020-${String(i + 1).padStart(3, '0')}`),
      reviews: ['R2020-001', 'R2020-002', 'R2020-003', 'R2020-004', 'R2020-005'],
      notes: ['N2020-001'],
    });
    const s = await lib.svc.stats(2020);
    expect(s.reviews).toMatchObject({
      total: 5,
      byType: { 重大行政决策: 1, 规范性文件: 2, 合同: 1, 重大执法决定: 1, 其他: 0 },
      byConclusion: { 合法: 2, 修改后合法: 2, 提示法律风险: 1, 不合法: 0, 未出具: 0 },
      completed: 5,
      // no unit deadlines in the seed: 最早届满 is the least time the unit must allow, not a deadline
      onTime: 0,
      late: 0,
      noDeadline: 5,
      onTimeRate: null,
      overdueOpen: 0,
      adopted: 3,
      notAdopted: 1,
    });
    expect(s.lectures.total).toBe(14);
    // Study: 42 + 9 + 18 (lecture, 民法典, 统计法) + 35 + 26 + 33 + 31 + 22 (宪法, 科技法, 保密法, 营商环境, 山东办法).
    expect(s.lectures.study).toEqual({ count: 8, headCount: 69 + 147 });
    // Outreach: 63 + 120 + 55 + 6000 (进乡村); the 进企业 visit and 科普日 record no head count.
    expect(s.lectures.outreach).toEqual({ count: 6, headCount: 238 + 6000 });
    expect(s.lectures.headCount).toBe(216 + 6238);
    expect(s.lectures.byKind['宪法日']).toEqual({ count: 1, headCount: 120 });
    expect(s.lectures.byKind['普法宣传']).toEqual({ count: 1, headCount: 0 });
    expect(s.lectures.materialsHandedOut).toBe(50 + 20 + 200 + 150 + 500 + 300 + 100 + 1000);
    // The study sessions' laws (学法 kinds only, as the yearly report's 学习了…等法律法规 names them), in the
    // order first studied; laws not in this test library keep the name they were given.
    expect(s.lawsStudied.map((l) => [l.title, l.sessions])).toEqual([
      ['宪法', 1],
      ['促进科技成果转化法', 1],
      ['科学技术进步法', 1],
      ['行政许可法', 1],
      ['民法典', 1],
      ['统计法', 1],
      ['保守国家秘密法', 1],
      ['优化营商环境条例', 1],
      ['宗教团体管理办法', 1],
      ['山东省技术先进型服务企业认定管理办法', 1],
      ['山东省技术转移人才培养基地管理办法（实行）', 1],
    ]);
    // The outreach's laws apart: promoted to the public (宪法日, 普法宣传 …), not studied by the office.
    expect(s.lawsPromoted.map((l) => [l.title, l.sessions])).toEqual([
      ['保守国家秘密法', 1],
      ['宪法', 1],
    ]);
    expect(s.plans).toHaveLength(1);
    expect(s.plans[0]).toMatchObject({ id: 'P2020-01', items: 6, done: 5 });
    expect(s.plans[0]!.progress.find((p) => !p.done)).toMatchObject({ id: 'P2020-01.6', late: true });
    expect((await lib.svc.stats(2021)).reviews.total).toBe(0);
    // An empty year still says which years have records (the seed's 2020), for the page to offer them.
    expect((await lib.svc.stats(2021)).yearsWithRecords).toEqual([2020]);
  });

  it('counts a draft conclusion under 未出具 until the opinion is issued; on time only against the unit deadline', async () => {
    // issue #18: a review 审查中 with a draft conclusion was counted under 修改后合法, 未出具 showed 0
    await lib.svc.createReview(reviewInput({ title: '审查中', receivedDate: '2020-11-02', status: '审查中', conclusion: '修改后合法' }));
    const issued = { status: '已出具意见', conclusion: '合法', opinion: { text: '经审查，合法。' } };
    await lib.svc.createReview(reviewInput({ title: '按期', receivedDate: '2020-11-02', unitDeadline: '2020-11-20', completedDate: '2020-11-20', ...issued }));
    await lib.svc.createReview(reviewInput({ title: '超期', receivedDate: '2020-11-02', unitDeadline: '2020-11-10', completedDate: '2020-11-12', ...issued }));
    await lib.svc.createReview(reviewInput({ title: '单位未定期限', receivedDate: '2020-11-02', completedDate: '2020-11-30', ...issued }));
    const s = (await lib.svc.stats(2020)).reviews;
    expect(s.byConclusion).toMatchObject({ 合法: 3, 修改后合法: 0, 未出具: 1 });
    expect(s).toMatchObject({ total: 4, completed: 3, onTime: 1, late: 1, noDeadline: 1, onTimeRate: 0.5 });
    // The sentence every face shows names the review left out of the rate, not a bare 按期/逾期 pair.
    expect(onTimeSummary(s)).toBe('已出具意见 3 件：有审查期限的 2 件中按期 1 件、逾期 1 件；未设审查期限 1 件，不计入按期率');
    expect(onTimeRateText(s.onTimeRate)).toBe('50%');
  });

  it('a bundle with one bad record saves nothing', async () => {
    const bad = seed() as { reviews: Record<string, unknown>[] };
    bad.reviews[2]!.receivedDate = '2020-10-40';
    const e = await rejects(lib.svc.importBundle(bad));
    expect(e.message).toMatch(/reviews 第 3 条/);
    expect(await lib.svc.listLectures()).toEqual([]);
    expect(existsSync(join(lib.dir, RECORDS_FILE))).toBe(false);
  });
});

describe('notes, collections, tags', () => {
  it('a note on a law resolves 本法 against it; collections list by name; tags are counted', async () => {
    const tj = lawId(lib.store, '统计法');
    const { record } = await lib.svc.createNote({ date: '2025-03-01', text: '本法第八条改为社会监督条款。', target: { lawId: tj }, tags: ['统计'] }, { linkDetected: true });
    expect(record.citations[0]!.versionId.endsWith('@2024-09-13')).toBe(true);
    await lib.svc.createCollection({ name: '统计执法', items: [{ lawId: tj, articleKey: '7' }] });
    await lib.svc.createCollection({ name: '安全生产', items: [] });
    expect((await lib.svc.listCollections()).map((c) => [c.name, c.items])).toEqual([
      ['安全生产', []],
      ['统计执法', [{ lawId: tj, articleKey: '7' }]],
    ]);
    await lib.svc.createReview(reviewInput({ tags: ['统计', '创新券'] }));
    expect(await lib.svc.tags()).toEqual([
      { tag: '统计', count: 2 },
      { tag: '创新券', count: 1 },
    ]);
    rmSync(join(lib.dir, 'attachments'), { recursive: true, force: true });
  });
});
