// The 规范性文件登记表 as exported: counts in its sentence taken from the entries, one row per
// document with what the register lacks said in the row, the 落款 with the --date given; the DOCX
// table inside the text block and the PDF's table within the landscape page's text block (poppler).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegisterService } from '../../../electron/core/register/register-service';
import { exportRegister } from '../../../electron/core/reports/register-export';
import { chromiumPath } from '../../../electron/core/packs/render-pdf';
import { hasCommand } from '../page-pictures';
import { makeLibrary, type TestLibrary } from '../records/records-test-support';

let lib: TestLibrary;
let reg: RegisterService;
const work = mkdtempSync(join(tmpdir(), 'lawdesk-register-export-'));
beforeAll(async () => {
  lib = await makeLibrary(); // today 2021-03-01
  reg = await RegisterService.open(lib.svc);
  await reg.add({ docNumber: '高科发〔2020〕3号', title: '高青县科技创新券管理暂行办法', draftingUnit: '高新技术科', published: '2020-05-08', effective: '2020-06-01', filedDate: '2020-05-28', filedWith: '高青县司法局' });
  await reg.add({ title: '高青县科技计划项目管理办法', draftingUnit: '规划发展科', published: '2020-09-10' });
  await reg.add({ docNumber: '高科发〔2018〕2号', title: '高青县科技特派员管理办法（试行）', draftingUnit: '办公室', published: '2018-03-01', filedDate: '2018-03-20', cleanup: { date: '2020-02-20', result: '废止' } });
}, 120_000);
afterAll(() => {
  lib?.cleanup();
  rmSync(work, { recursive: true, force: true });
});

describe('规范性文件登记表', () => {
  it('DOCX: counts from the entries, a row per document, 未登记文号 and 逾期未备案 said, table within the text width, 落款 dated', async () => {
    const out = join(work, '登记表.docx');
    const r = await exportRegister(lib.svc, reg, { out, unit: '高青县科学技术局', date: '2021-01-15' });
    expect(r.entries).toBe(3);
    const xml = strFromU8(unzipSync(readFileSync(out))['word/document.xml']!);
    const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|');
    expect(text).toContain('截至2021年1月15日，规范性文件共登记3件，其中现行有效2件、已废止1件；已备案2件，未备案1件（其中逾期1件）。');
    const rows = [...xml.matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)].map((m) => [...m[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('|'));
    expect(rows).toEqual([
      '序号|文件名称及文号|制定科室|施行日期及有效期|备案情况|状态',
      '1|《高青县科技特派员管理办法（试行）》|高科发〔2018〕2号|办公室|2018年3月1日施行|有效期至2020年2月29日|2018年3月20日已备案|已废止|2020年2月20日|清理',
      '2|《高青县科技创新券管理暂行办法》|高科发〔2020〕3号|高新技术科|2020年6月1日施行|有效期至2022年5月31日|2020年5月28日已备案|（高青县司法局）|现行有效',
      '3|《高青县科技计划项目管理办法》|（未登记文号）|规划发展科|2020年9月10日施行|有效期至2025年9月9日|逾期未备案|应于2020年10月10日前|现行有效',
    ]);
    expect(xml).toContain('<w:tblW w:type="pct" w:w="5000"/>'); // 100 % of the text width (fiftieths of a percent)
    expect(text).toMatch(/\|高青县科学技术局\|2021年1月15日$/);
    await expect(exportRegister(lib.svc, reg, { out: join(work, 'x.docx'), year: 2019 })).rejects.toThrow('规范性文件登记中没有2019年度公布的文件');
  });

  it('speaks as of its 成文日期: a filing, a 清理 or a publication after that day has not happened yet', async () => {
    const out = join(work, '登记表-早.docx');
    // 2020-05-20: 创新券 published (05-08) but filed only on 05-28 and in force from 06-01; 计划项目 (09-10) not yet published.
    const r = await exportRegister(lib.svc, reg, { out, unit: '高青县科学技术局', date: '2020-05-20' });
    expect(r.entries).toBe(2);
    const xml = strFromU8(unzipSync(readFileSync(out))['word/document.xml']!);
    const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|');
    expect(text).toContain('截至2020年5月20日，规范性文件共登记2件，其中尚未施行1件、已废止1件；已备案1件，未备案1件。');
    expect(text).toContain('|未备案|期限2020年6月7日|尚未施行|');
    expect(text).not.toContain('科技计划项目管理办法');
    expect(text).toMatch(/\|2020年5月20日$/);
    // Before the 废止 of 2020-02-20 the 2018 document was still in force, and nothing else was published yet.
    const early = join(work, '登记表-更早.docx');
    await exportRegister(lib.svc, reg, { out: early, unit: '高青县科学技术局', date: '2019-12-31' });
    const t2 = [...strFromU8(unzipSync(readFileSync(early))['word/document.xml']!).matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|');
    expect(t2).toContain('截至2019年12月31日，规范性文件共登记1件，其中现行有效1件；已备案1件。');
    expect(t2).not.toContain('清理');
    await expect(exportRegister(lib.svc, reg, { out: join(work, 'y.docx'), date: '2018-01-01' })).rejects.toThrow('2018年1月1日（成文日期）以前没有公布的规范性文件');
  });

  it.skipIf(!hasCommand('pdftotext') || !chromiumPath())('PDF: the table stays inside the landscape text block (35 mm / 37 mm margins)', async () => {
    const out = join(work, '登记表.pdf');
    await exportRegister(lib.svc, reg, { out, unit: '高青县科学技术局', year: 2020 });
    const xml = spawnSync('pdftotext', ['-bbox-layout', out, '-'], { encoding: 'utf8' }).stdout;
    const words = [...xml.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({ x0: Number(m[1]), x1: Number(m[2]), t: m[3]! }));
    const all = words.map((w) => w.t).join('');
    expect(all).toContain('《高青县科技创新'); // cells are read across the row, so only a cell's first line is whole
    expect(all).not.toContain('特派员'); // 2018: not in the 2020 table
    for (const w of words) {
      expect(w.x0, w.t).toBeGreaterThanOrEqual(98.5);
      // 37 mm from the right edge; the last glyph of a condensed line may reach 0.2 pt past its advance.
      expect(w.x1, w.t).toBeLessThanOrEqual(842 - 104.9 + 1.5);
    }
  }, 120_000);
});
