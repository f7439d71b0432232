// The 上位法 panel and the bases of the findings follow where the office is, read from 设置 → 单位信息
// however it was typed (山东·淄博·高青县, 山东省淄博市高青县) or, with no region set, from the unit's
// own name (高青县科学技术局). Two offices in different provinces on the same library: the one in 淄博
// sees national law, 山东's and 淄博's rules and the findings cite the 山东 办法; the one in 江苏 sees
// national law only (the library holds nothing of 江苏) and no finding cites 山东.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeOffice } from '../../../electron/core/office/office-file';
import { officeRegion, regionNotation } from '../../../electron/core/office/office-region';
import { ReviewWorkbench } from '../../../electron/core/review/workbench-service';
import { SearchEngine } from '../../../electron/core/search/search-engine';
import { RULES, makeReviewLibrary, type ReviewLibrary } from './review-test-support';

const SHANDONG = '山东省行政规范性文件制定和监督管理办法';
const tmp = mkdtempSync(join(tmpdir(), 'office-region-'));
let lib: ReviewLibrary;
let engine: SearchEngine;
let wb: ReviewWorkbench;
let reviewId: string;

beforeAll(async () => {
  lib = await makeReviewLibrary();
  engine = await SearchEngine.open(lib.store, { persist: false });
  wb = new ReviewWorkbench(lib.store, lib.svc, { rulesDir: RULES, search: engine });
  const draft = join(tmp, '专利促进办法.md');
  // 第一条 worded like 淄博市专利管理若干规定 第四条 (the library's 淄博 rule), 第二条 like 促进科技成果转化法
  // 第三条 (and 山东's 条例 on it); no 有效期 and in force on
  // issue: the rules whose data cite the 山东 办法.
  writeFileSync(
    draft,
    [
      '# 某县专利促进办法（送审稿）',
      '第一条　县人民政府及专利管理等有关部门应当加强专利宣传教育，普及专利知识，提高全社会的专利意识，营造专利促进和保护的良好环境。',
      '第二条　专利成果转化活动应当有利于加快实施创新驱动发展战略，促进科技与经济的结合，有利于提高经济效益、社会效益。',
      '第三条　本办法自印发之日起施行。',
    ].join('\n\n'),
  );
  reviewId = (await lib.svc.createReview({ type: '规范性文件', title: '某县专利促进办法（送审稿）', leadUnit: '知识产权科', receivedDate: '2026-02-24' })).record.id;
  await wb.drafts.addDraft(reviewId, draft);
});
afterAll(() => {
  engine?.close();
  lib?.cleanup();
  rmSync(tmp, { recursive: true, force: true });
});

async function seen() {
  const r = await wb.run(reviewId);
  return {
    scope: r.higherLawRegions,
    panel: [...new Set(Object.values(r.higherLaw!).flat().map((m) => m.region))].sort(),
    bases: r.findings.flatMap((f) => f.bases.map((b) => b.citation)),
  };
}

describe('the office’s region for the 上位法 panel and the findings', () => {
  it('is read in the library’s notation however it was typed, else from the unit’s name, never guessed', () => {
    expect(regionNotation('山东省淄博市高青县')).toBe('山东·淄博·高青县');
    expect(regionNotation('山东省·淄博市')).toBe('山东·淄博');
    expect(regionNotation('江苏·南京')).toBe('江苏·南京');
    expect(regionNotation('内蒙古自治区锡林郭勒盟')).toBe('内蒙古·锡林郭勒盟');
    expect(regionNotation('本县')).toBeUndefined();
    expect(officeRegion({ region: '', unit: '高青县科学技术局' })).toEqual({ region: '山东·淄博·高青县', from: 'unit' });
    expect(officeRegion({ region: '', unit: '南京市江宁区司法局' })).toEqual({ region: '江苏·南京·江宁区', from: 'unit' });
    // 市中区 is a district of 济南, 枣庄, 济宁 and 内江: the name alone says no place
    expect(officeRegion({ region: '', unit: '市中区教育局' })).toEqual({ region: '', from: 'none' });
    expect(officeRegion({ region: '河南·洛阳', unit: '高青县科学技术局' })).toEqual({ region: '河南·洛阳', from: 'region' });
  });

  it('two offices in different provinces on one library: each sees national law and its own place’s, never the other’s', async () => {
    await writeOffice(lib.store, { unit: '高青县科学技术局', region: '' });
    const zibo = await seen();
    expect(zibo.scope).toEqual(['全国', '山东', '山东·淄博', '山东·淄博·高青县']);
    expect(zibo.panel).toContain('山东·淄博');
    expect(zibo.bases.some((c) => c.includes(SHANDONG))).toBe(true);

    await writeOffice(lib.store, { unit: '南京市江宁区科学技术局', region: '江苏省南京市江宁区' });
    const nanjing = await seen();
    expect(nanjing.scope).toEqual(['全国', '江苏', '江苏·南京', '江苏·南京·江宁区']);
    expect(nanjing.panel).toEqual(['全国']);
    expect(nanjing.bases.some((c) => c.includes('山东'))).toBe(false);

    // the first office again, its region typed out in full: as read from its name
    await writeOffice(lib.store, { unit: '高青县科学技术局', region: '山东省淄博市高青县' });
    expect(await seen()).toEqual(zibo);
  });
});
