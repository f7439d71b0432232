// A session counts the laws its topic names, as the office writes them (集体学习《中华人民共和国…法》,
// 学习统计法), each anchored to the version in force that day; a law the library lacks counts by its
// name; a book or a notice in 《》 does not. A made-up office (某县教育局), not the example records.

import { afterEach, describe, expect, it } from 'vitest';
import { annualReportFor } from '../../../electron/core/reports/annual-report-service';
import { lawsOfSession } from '../../../electron/core/records/session-laws';
import { lawId, makeLibrary, type TestLibrary } from '../records/records-test-support';

let lib: TestLibrary | undefined;
afterEach(() => lib?.cleanup());

describe('laws studied, read from a session’s topic', () => {
  it('counts the laws a topic names in the report and the statistics, at the version of the session’s day', async () => {
    lib = await makeLibrary({ now: new Date('2025-12-20T02:00:00Z') });
    const secrets = lawId(lib.store, '保守国家秘密法');
    await lib.svc.createLecture({ kind: '集体学法', date: '2025-03-12', topic: '集体学习《中华人民共和国保守国家秘密法》', headCount: 35 });
    await lib.svc.createLecture({ kind: '集体学法', date: '2025-05-20', topic: '学习统计法', headCount: 30 });
    await lib.svc.createLecture({ kind: '法律大讲堂', date: '2025-06-18', topic: '学习《中华人民共和国教师法》', headCount: 80 });
    await lib.svc.createLecture({ kind: '集体学法', date: '2025-09-09', topic: '读《论法的精神》', headCount: 20 });
    await lib.svc.createLecture({ kind: '集体学法', date: '2025-10-15', topic: '学习《关于加强青少年法治教育的通知》', headCount: 25 });
    // a rule the library lacks, its title closed by a note (the seed report's 《…管理办法（实行）》)
    await lib.svc.createLecture({ kind: '集体学法', date: '2025-11-05', topic: '学习《某县中小学校外培训机构管理办法（试行）》', headCount: 22 });
    // outreach: the public was told about the law, the office did not study it — in neither list of laws studied
    await lib.svc.createLecture({ kind: '法律进企业', date: '2025-07-08', topic: '《中华人民共和国统计法》进企业宣讲', headCount: 40 });

    const r = await annualReportFor(lib.svc, lib.store, { year: 2025 });
    const studied = r.figures.find((f) => f.id === 'study.laws');
    expect(studied?.value).toBe('《保守国家秘密法》、《统计法》、《教师法》、《某县中小学校外培训机构管理办法（试行）》');
    expect(studied?.sources.map((s) => s.date)).toEqual(['2025-03-12', '2025-05-20', '2025-06-18', '2025-11-05']);

    const stats = await lib.svc.stats(2025);
    const row = stats.lawsStudied.find((l) => l.lawId === secrets);
    // 保守国家秘密法 was revised 2024-02-27 (in force 2024-05-01): a 2025 session studied the new text.
    expect(row).toMatchObject({ title: '保守国家秘密法', sessions: 1, firstDate: '2025-03-12', versionId: `${secrets}@2024-02-27` });
    expect(stats.lawsStudied.find((l) => l.title.includes('教师法'))).toEqual({ title: '中华人民共和国教师法', sessions: 1, firstDate: '2025-06-18' });
    expect(stats.lawsStudied.map((l) => l.title).join()).not.toMatch(/论法的精神|通知/);
    // 年度统计 and the 年度报告 name the same laws studied: the 进企业 session adds no session to 统计法 there
    expect(stats.lawsStudied.find((l) => l.title.includes('统计法'))).toMatchObject({ sessions: 1, firstDate: '2025-05-20' });
    expect(stats.lawsStudied).toHaveLength(studied!.value.toString().split('、').length);
    expect(stats.lawsPromoted).toEqual([expect.objectContaining({ title: '统计法', sessions: 1, firstDate: '2025-07-08' })]);
  });

  it('anchors the law to the version in force on the session’s day, not the newest', async () => {
    lib = await makeLibrary({ now: new Date('2025-12-20T02:00:00Z') });
    const secrets = lawId(lib.store, '保守国家秘密法');
    const on = (date: string) => lawsOfSession(lib!.store, { topic: '学习保守国家秘密法', date, laws: [], citations: [] });
    expect(on('2022-06-01')).toEqual([{ key: secrets, lawId: secrets, versionId: `${secrets}@2010-04-29`, writtenTitle: '保守国家秘密法' }]);
    expect(on('2025-06-01')[0]?.versionId).toBe(`${secrets}@2024-02-27`);
    // A law the record names and the topic names again counts once.
    expect(lawsOfSession(lib.store, { topic: '学习《保守国家秘密法》', date: '2025-06-01', laws: [secrets], citations: [] })).toHaveLength(1);
    // Words that are no law's name give none.
    expect(lawsOfSession(lib.store, { topic: '学习习近平法治思想', date: '2025-06-01', laws: [], citations: [] })).toEqual([]);
  });
});
