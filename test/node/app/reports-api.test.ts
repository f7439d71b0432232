// The yearly-documents calls as the renderer makes them: office profile, the report draft and its
// export, the register (save, list, refusals), and the start page's reminders on a fixed day.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppService } from '../../../electron/core/api/app-service';
import { MemorySettingsStore } from '../../../electron/core/api/settings-file';
import { importPaths } from '../../../electron/core/library/library-import';
import { openLibrary } from '../../../electron/core/library/open-library';
import { RecordsService } from '../../../electron/core/records/records-service';
import { DomainError } from '../../../electron/shared/api-contract';
import { LAWS, ROOT, seed } from '../records/records-test-support';

let tmp: string;
let svc: AppService;

async function open(now: string): Promise<AppService> {
  const { store } = await openLibrary({ dir: join(tmp, 'library'), seed: false, now: () => new Date(now) });
  return new AppService({ store, settings: new MemorySettingsStore(), face: 'browser', search: false, exportDir: join(tmp, 'exports'), stagingRoot: join(tmp, 'staging') });
}

beforeEach(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'lawdesk-reports-api-'));
  svc = await open('2021-02-10T02:00:00Z');
  await importPaths(svc.store, [LAWS]);
  await (await RecordsService.open(svc.store, { actor: '测试员' })).importBundle(seed());
});
afterEach(() => {
  svc.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('reports API', () => {
  it('keeps the office profile in the library and drafts the report with it', async () => {
    expect(await svc.call('office:get', {})).toEqual({ unit: '', region: '', timeZone: 'Asia/Shanghai' });
    // Without a profile the draft names what it lacks as gaps (each face words where to fill them in:
    // the app 设置 → 单位信息, the CLI its flags), and its notes name no command-line flag.
    const draft = await svc.call('reports:annual', { year: 2023 });
    expect(draft.gaps).toEqual(['unit', 'adviser']);
    expect(draft.notes.join('\n')).not.toMatch(/lawdesk|--/);
    const set = await svc.call('office:set', { unit: '高青县科学技术局', region: '山东·淄博·高青县', adviser: { name: '李明', org: '山东青苑律师事务所' } });
    expect(set.adviser).toEqual({ name: '李明', org: '山东青苑律师事务所' });
    expect(JSON.parse(readFileSync(join(tmp, 'library', 'office.json'), 'utf8')).unit).toBe('高青县科学技术局');
    const r = await svc.call('reports:annual', { year: 2020 });
    expect(r.title).toBe('高青县科学技术局2020年度法治政府建设工作报告');
    expect(r.figures.find((f) => f.id === 'decisions.adviser')!.value).toBe('山东青苑律师事务所 李明');
    await expect(svc.call('office:set', { unit: 'x'.repeat(300) })).rejects.toThrow(DomainError);
    // A change of one field keeps the others (the defaults of the profile are not filled into a change).
    expect(await svc.call('office:set', { timeZone: 'Asia/Urumqi' })).toMatchObject({ unit: '高青县科学技术局', region: '山东·淄博·高青县', timeZone: 'Asia/Urumqi' });
    expect(await svc.call('office:set', { unit: '高青县科学技术局' })).toMatchObject({ region: '山东·淄博·高青县', timeZone: 'Asia/Urumqi' });
    await expect(svc.call('office:set', { timeZone: 'Mars/Olympus' })).rejects.toThrow(/时区/);
    expect((await svc.call('office:set', { adviser: null, timeZone: 'Asia/Shanghai' })).adviser).toBeUndefined();
  });

  it('drafts the report as of the 成文日期 the page sets, as the export will be', async () => {
    const now = await svc.call('reports:annual', { year: 2020 });
    const june = await svc.call('reports:annual', { year: 2020, date: '2020-06-30' });
    const count = (r: typeof now) => Number(r.figures.find((f) => f.id === 'study.sessions')?.value);
    expect(count(june)).toBeLessThan(count(now));
    expect(june.figures.find((f) => f.id === 'study.sessions')!.sources.every((x) => x.date <= '2020-06-30')).toBe(true);
    expect(june.notes.join('\n')).toContain('在成文日期2020年6月30日之后');
    expect(now.notes.join('\n')).not.toContain('成文日期');
    await expect(svc.call('reports:annual', { year: 2020, date: '2020-02-30' })).rejects.toThrow();
  });

  it('exports the report, the plan and the 清单 as files the renderer can fetch', async () => {
    const out = await svc.call('reports:export', { kind: 'annual', year: 2020, format: 'docx' });
    // Named as the document is titled: the title is the report's first line.
    expect(out.name).toMatch(/2020年度法治政府建设工作报告\.docx$/);
    const file = await svc.call('files:get', { fileId: out.fileId });
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(file.dataBase64, 'base64') });
    expect(value.trim().split('\n')[0]!.trim()).toBe(out.name.replace(/\.docx$/, ''));
    expect(value).toContain('附件：数据来源');
    const duties = await svc.call('reports:export', { kind: 'duties', year: 2020, format: 'html' });
    expect(Buffer.from((await svc.call('files:get', { fileId: duties.fileId })).dataBase64, 'base64').toString('utf8')).toContain('普法责任清单');
    await expect(svc.call('reports:export', { kind: 'plan', year: 2019, format: 'docx' })).rejects.toMatchObject({ code: 'INVALID' });
  });

  it('exports the 规范性文件登记表 with the register’s rows and the 成文日期 given; an impossible date is refused by field', async () => {
    await svc.call('office:set', { unit: '高青县科学技术局' });
    await svc.call('register:save', { entry: { title: '高青县科技创新券管理暂行办法', draftingUnit: '高新技术科', published: '2020-05-08', docNumber: '高科发〔2020〕3号', filedDate: '2020-05-28' } });
    await svc.call('register:save', { entry: { title: '高青县科技计划项目管理办法', draftingUnit: '规划发展科', published: '2019-09-10' } });
    const out = await svc.call('register:export', { year: 2020, format: 'docx', date: '2021-01-15' });
    expect(out).toMatchObject({ name: '高青县科学技术局2020年度规范性文件登记表.docx', entries: 1 });
    const file = await svc.call('files:get', { fileId: out.fileId });
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(file.dataBase64, 'base64') });
    expect(value).toContain('高青县科学技术局2020年度规范性文件登记表');
    expect(value).toContain('《高青县科技创新券管理暂行办法》');
    expect(value).toContain('高科发〔2020〕3号');
    expect(value).toContain('2020年5月28日已备案');
    expect(value).not.toContain('高青县科技计划项目管理办法'); // published 2019
    expect(value).toContain('2021年1月15日');
    const all = await svc.call('register:export', { format: 'html' });
    expect(all.entries).toBe(2);
    expect(Buffer.from((await svc.call('files:get', { fileId: all.fileId })).dataBase64, 'base64').toString('utf8')).toContain('（未登记文号）');
    await expect(svc.call('register:export', { format: 'docx', date: '2021-02-30' })).rejects.toMatchObject({ code: 'INVALID', message: expect.stringMatching(/成文日期应为实际存在的日期/) });
    await expect(svc.call('register:export', { year: 2018, format: 'docx' })).rejects.toThrow(/没有2018年度公布的文件/);
    // The yearly report takes its 成文日期 the same way.
    const report = await svc.call('reports:export', { kind: 'annual', year: 2020, format: 'html', date: '2021-01-20' });
    expect(Buffer.from((await svc.call('files:get', { fileId: report.fileId })).dataBase64, 'base64').toString('utf8')).toContain('2021年1月20日');
    await expect(svc.call('reports:export', { kind: 'annual', year: 2020, format: 'docx', date: '2021-13-01' })).rejects.toThrow(/成文日期应为实际存在的日期/);
  });

  it('saves register entries, refuses impossible dates by field, and reminds on the start page', async () => {
    const saved = await svc.call('register:save', { entry: { title: '高青县科技创新券管理暂行办法', draftingUnit: '高新技术科', published: '2020-12-01', docNumber: '高科发〔2020〕9号' } });
    expect(saved.entry).toMatchObject({ id: 'D2020-001', filingDue: '2020-12-31', validUntil: '2022-11-30', status: '现行有效' });
    await expect(svc.call('register:save', { entry: { title: '甲', draftingUnit: '乙', published: '2020-12-01', effective: '2020-11-01' } })).rejects.toThrow(/施行日期 2020-11-01 早于公布日期 2020-12-01/);
    expect(await svc.call('register:list', {})).toHaveLength(1);
    const reminders = await svc.call('reminders:list', {});
    // 10 February 2021: the 备案 of the December document is overdue, the 2020 report is due by 1 March,
    // and no 2021 plan is registered yet.
    expect(reminders.map((r) => [r.source, r.kind])).toEqual([
      ['register', '备案逾期'],
      ['annualReport', '年度报告'],
      ['plan', '普法计划'],
    ]);
    await svc.call('register:save', { id: 'D2020-001', entry: { filedDate: '2020-12-20' }, expectedRevision: 1 });
    expect((await svc.call('reminders:list', {})).map((r) => r.source)).toEqual(['annualReport', 'plan']);
    await expect(svc.call('register:save', { id: 'D2020-001', entry: { notes: 'x' }, expectedRevision: 1 })).rejects.toThrow(/已被他人修改/);
  });

  it('takes the document itself as an upload and imports it as the office’s 规范性文件', async () => {
    await svc.call('office:set', { unit: '高青县科学技术局', region: '山东·淄博·高青县' });
    const doc = join(ROOT, 'test/fixtures/register/高青县科技创新券管理暂行办法.md');
    const saved = await svc.call('register:save', {
      entry: { title: '高青县科技创新券管理暂行办法', draftingUnit: '高新技术科', published: '2020-05-08', effective: '2020-06-01' },
      file: { name: '高青县科技创新券管理暂行办法.md', dataBase64: readFileSync(doc).toString('base64') },
    });
    const v = svc.store.version(saved.entry.versionId!)!;
    expect(v).toMatchObject({ level: '规范性文件', region: '山东·淄博·高青县' });
    expect(saved.entry.file?.name).toBe('高青县科技创新券管理暂行办法.md');
    const bad = svc.call('register:save', { entry: { title: '空', draftingUnit: '办公室', published: '2020-05-08' }, file: { name: '空.txt', dataBase64: '' } });
    await expect(bad).rejects.toThrow(/空\.txt/);
    expect((await svc.call('register:list', {})).map((e) => e.title)).toEqual(['高青县科技创新券管理暂行办法']);
  });
});
