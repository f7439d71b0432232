// The 规范性文件 register: derived 有效期 and 备案 dates (days and working days), reminders, refusals
// that name the field, the document imported into the library as the office's 规范性文件, its
// citations flagged once a cited law has a new version, and the yearly report counting it.

import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPaths } from '../../../electron/core/library/library-import';
import { writeOffice } from '../../../electron/core/office/office-file';
import { RegisterService } from '../../../electron/core/register/register-service';
import { addMonths } from '../../../electron/core/register/register-dates';
import { annualReportFor } from '../../../electron/core/reports/annual-report-service';
import { FIXTURES, LAWS, ROOT, makeLibrary, type TestLibrary } from '../records/records-test-support';

const DOC = join(ROOT, 'test/fixtures/register/高青县科技创新券管理暂行办法.md');
const voucher = { docNumber: '高科发〔2020〕3号', title: '高青县科技创新券管理暂行办法', draftingUnit: '高新技术科', published: '2020-05-08', effective: '2020-06-01' };

let lib: TestLibrary;
let tmp: string;
beforeEach(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'lawdesk-register-test-'));
  // The test library without 统计法 2024: it is imported later, as a new version of a cited law.
  cpSync(LAWS, join(tmp, 'laws'), { recursive: true, filter: (src) => !src.includes('统计法(2024') });
  lib = await makeLibrary({ lawsDir: join(tmp, 'laws') });
});
afterEach(() => {
  lib.cleanup();
  rmSync(tmp, { recursive: true, force: true });
});

async function rulesFile(over: object): Promise<string> {
  const base = JSON.parse((await import('node:fs')).readFileSync(join(ROOT, 'resources/register-rules.json'), 'utf8'));
  const file = join(tmp, 'rules.json');
  writeFileSync(file, JSON.stringify({ ...base, ...over }));
  return file;
}

describe('规范性文件 register', () => {
  it('derives 有效期 (2 years for 暂行) and the 备案 due date in days, or in working days past holidays', async () => {
    const reg = await RegisterService.open(lib.svc);
    const { entry } = await reg.add(voucher);
    expect(entry.id).toBe('D2020-001');
    expect(entry.validUntil).toBe('2022-05-31'); // 暂行: two years from 施行, to the day before
    expect(entry.filingDue).toBe('2020-06-07'); // 30 days after 公布
    const plain = (await reg.add({ ...voucher, title: '高青县科技计划项目管理办法', docNumber: '高科发〔2020〕5号' })).entry;
    expect(plain.validUntil).toBe('2025-05-31');
    // 15 working days from Friday 2020-09-25: the 调休 Sunday 09-27 and Saturday 10-10 count, the
    // 国庆/中秋 holidays 10-01 … 10-08 do not.
    const wd = await RegisterService.open(lib.svc, { rulesFile: await rulesFile({ filing: { within: 15, unit: '工作日' } }) });
    const autumn = (await wd.add({ ...voucher, title: '高青县科技特派员管理办法', published: '2020-09-25', effective: '2020-10-15' })).entry;
    expect(autumn.filingDue).toBe(lib.svc.calendar.addWorkingDays('2020-09-25', 15));
    expect(autumn.filingDue).toBe('2020-10-22');
  });

  it('follows a changed publication date unless a date was set by hand, and logs each change', async () => {
    const reg = await RegisterService.open(lib.svc);
    const { entry } = await reg.add(voucher);
    const moved = (await reg.update(entry.id, { published: '2020-05-18' })).entry;
    expect(moved.filingDue).toBe('2020-06-17');
    const pinned = (await reg.update(entry.id, { filingDue: '2020-06-30' })).entry;
    expect((await reg.update(pinned.id, { published: '2020-05-20' })).entry.filingDue).toBe('2020-06-30');
    const log = await lib.svc.history(entry.id);
    expect(log.map((l) => l.action)).toEqual(['create', 'update', 'update', 'update']);
    expect(log[1]!.changes.map((c) => c.path)).toContain('published');
  });

  it('refuses impossible dates naming the field, and saves nothing', async () => {
    const reg = await RegisterService.open(lib.svc);
    await expect(reg.add({ ...voucher, effective: '2020-04-01' })).rejects.toThrow(/施行日期 2020-04-01 早于公布日期/);
    await expect(reg.add({ ...voucher, validUntil: '2024-12-31' })).rejects.toThrow(/有效期至 2024-12-31 超过暂行、试行文件的有效期上限 2 年/);
    await expect(reg.add({ ...voucher, filedDate: '2020-05-01' })).rejects.toThrow(/报送备案日期 2020-05-01 早于公布日期/);
    await expect(reg.add({ ...voucher, published: '2020-02-30' })).rejects.toThrow(/published/);
    await expect(reg.add({ ...voucher, reviewId: 'R2020-099' })).rejects.toThrow(/合法性审查记录 R2020-099 不存在/);
    expect(await reg.list()).toEqual([]);
  });

  it('reminds of 备案 overdue, 评估 and 清理 in time, and stops once done', async () => {
    const reg = await RegisterService.open(lib.svc); // today in these tests: 2021-03-01
    const { entry } = await reg.add(voucher);
    expect((await reg.due()).map((r) => r.kind)).toEqual(['备案逾期']);
    await reg.update(entry.id, { filedDate: '2020-06-05', filedWith: '高青县司法局' });
    expect(await reg.due()).toEqual([]);
    // Six months before the end of its 有效期 (2022-05-31) it asks for the evaluation, then for the 清理.
    const at = async (today: string) => {
      const l = await makeLibrary({ now: new Date(`${today}T02:00:00Z`) });
      try {
        const r = await RegisterService.open(l.svc);
        await r.add({ ...voucher, filedDate: '2020-06-05' });
        return r;
      } catch (e) {
        l.cleanup();
        throw e;
      }
    };
    const before = await at(addMonths('2022-05-31', -7));
    expect(await before.due()).toEqual([]);
    const window = await at('2022-01-10');
    expect((await window.due()).map((r) => r.kind)).toEqual(['待评估']);
    await window.update('D2020-001', { evaluation: { date: '2022-01-10', result: '修改后施行' } });
    expect((await window.due()).map((r) => r.kind)).toEqual(['即将失效']);
    const after = await at('2022-06-15');
    expect((await after.due()).map((r) => r.kind)).toContain('已失效待清理');
    expect((await after.list())[0]!.status).toBe('已失效');
    await after.update('D2020-001', { cleanup: { date: '2022-06-15', result: '废止' } });
    expect(await after.due()).toEqual([]);
    expect((await after.list())[0]!.status).toBe('已废止');
  });

  it('imports the document as the office’s 规范性文件 and flags its citation once the cited law changes', async () => {
    // A day after 统计法 2024 took effect, so that a newly imported 2024 text is the one in force.
    lib.cleanup();
    lib = await makeLibrary({ lawsDir: join(tmp, 'laws'), now: new Date('2025-01-02T02:00:00Z') });
    await writeOffice(lib.store, { unit: '高青县科学技术局', region: '山东·淄博·高青县' });
    const reg = await RegisterService.open(lib.svc);
    const { entry } = await reg.add({ ...voucher, filedDate: '2020-06-05' }, { file: DOC, by: '测试员' });
    const v = lib.store.version(entry.versionId!)!;
    expect(v).toMatchObject({ title: '高青县科技创新券管理暂行办法', level: '规范性文件', region: '山东·淄博·高青县', published: '2020-05-08' });
    expect(entry.file).toMatchObject({ sha256: v.sourceSha256, name: '高青县科技创新券管理暂行办法.md' });
    // Its citation of 统计法第七条 is read at its 施行 date: the 2009 text, unchanged for now.
    const before = await reg.flags();
    expect(before.map((f) => [f.id, f.label, f.flag.color])).toEqual([['D2020-001', '第七条', 'green']]);
    expect(await reg.flags({ onlyAffected: true })).toEqual([]);
    const report = await importPaths(lib.store, [join(LAWS, '经济法', '统计法(2024-09-13).md')]);
    expect(report.failed).toEqual([]);
    const after = await reg.flags({ onlyAffected: true });
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ kind: 'register', id: 'D2020-001', label: '第七条' });
    expect(['red', 'yellow']).toContain(after[0]!.flag.color);
  });

  it('files the document under the office’s place however 单位信息 has it: typed out, or only the unit’s name', async () => {
    for (const office of [{ unit: '', region: '山东省淄博市高青县' }, { unit: '高青县科学技术局', region: '' }]) {
      lib.cleanup();
      lib = await makeLibrary({ lawsDir: join(tmp, 'laws'), now: new Date('2025-01-02T02:00:00Z') });
      await writeOffice(lib.store, office);
      const reg = await RegisterService.open(lib.svc);
      const { entry, warnings } = await reg.add({ ...voucher, filedDate: '2020-06-05' }, { file: DOC, by: '测试员' });
      expect(lib.store.version(entry.versionId!)!.region).toBe('山东·淄博·高青县');
      expect(warnings.join()).not.toContain('没有所在地区');
    }
  });

  it('an unreadable file is refused with its name, and nothing is saved', async () => {
    const reg = await RegisterService.open(lib.svc);
    const count = lib.store.versions().length;
    await expect(reg.add(voucher, { file: join(tmp, '不存在.docx') })).rejects.toThrow(/不存在\.docx.*文件不存在/s);
    const empty = join(tmp, '空.txt');
    writeFileSync(empty, '');
    await expect(reg.add(voucher, { file: empty })).rejects.toThrow(/空\.txt.*无法导入/s);
    expect(await reg.list()).toEqual([]);
    expect(lib.store.versions()).toHaveLength(count);
  });

  it('is counted in the yearly report: issued, filed on time, cleaned up', async () => {
    const reg = await RegisterService.open(lib.svc);
    await reg.add({ ...voucher, filedDate: '2020-06-05' });
    await reg.add({ ...voucher, title: '高青县科技计划项目管理办法', docNumber: '高科发〔2020〕5号', published: '2020-08-03', effective: '2020-08-03', filedDate: '2020-09-30' });
    const r = await annualReportFor(lib.svc, lib.store, { year: 2020, unit: '高青县科学技术局' });
    const para = r.sections[0]!.parts.flatMap((p) => p.paragraphs).find((p) => p.text.startsWith('全年制定规范性文件'))!;
    expect(para.text).toBe('全年制定规范性文件2件（《高青县科技创新券管理暂行办法》（高科发〔2020〕3号）、《高青县科技计划项目管理办法》（高科发〔2020〕5号））；报送备案2件，其中按时报送1件；清理规范性文件0件。');
    expect(r.figures.find((f) => f.id === 'normative.filedOnTime')!.sources.map((s) => s.id)).toEqual(['D2020-001']);
    void FIXTURES;
  });
});
