import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDraftFile } from '../../../electron/core/review/draft-store';
import { alignRuns } from '../../../electron/core/review/higher-law';
import type { HigherLawMatch } from '../../../electron/shared/review-workbench';
import { precheck } from '../../../electron/core/review/precheck';
import { warmPrecheck } from '../../../electron/core/review/precheck-warmup';
import { loadRuleSet } from '../../../electron/core/review/review-rules';
import { SearchEngine } from '../../../electron/core/search/search-engine';
import { DRAFTS, RULES, makeReviewLibrary, type ReviewLibrary } from './review-test-support';

let lib: ReviewLibrary;
let engine: SearchEngine;
beforeAll(async () => {
  lib = await makeReviewLibrary();
  engine = await SearchEngine.open(lib.store, { persist: false });
});
afterAll(() => {
  engine?.close();
  lib?.cleanup();
});

describe('上位法 side by side', () => {
  it('the idle warm-up changes nothing a later pre-check shows', async () => {
    const p = await parseDraftFile(join(DRAFTS, 'planted-patent-funding.md'));
    const input = { title: p.title, units: p.units, kind: '规范性文件' as const, asOf: '2026-03-01' };
    const fresh = await SearchEngine.open(lib.store, { persist: false });
    try {
      const cold = precheck(lib.store, input, { rules: loadRuleSet(RULES), search: fresh });
      const warmed = await SearchEngine.open(lib.store, { persist: false });
      try {
        expect(await warmPrecheck(lib.store, warmed, '2026-03-01')).toBeGreaterThan(0);
        const after = precheck(lib.store, input, { rules: loadRuleSet(RULES), search: warmed });
        expect(Object.values(after.higherLaw!).flat().length).toBeGreaterThan(0);
        expect({ ...after, tookMs: 0 }).toEqual({ ...cold, tookMs: 0 });
      } finally {
        warmed.close();
      }
    } finally {
      fresh.close();
    }
  });

  it('finds the provision a county article was written from, and shows the cited basis first', async () => {
    const p = await parseDraftFile(join(DRAFTS, 'clean-tech-transfer.md'));
    const r = precheck(lib.store, { title: p.title, units: p.units, kind: '规范性文件', asOf: '2026-03-01' }, { rules: loadRuleSet(RULES), search: engine, region: '山东·淄博·高青县' });
    const panel = r.higherLaw!;
    expect(Object.keys(panel)).toHaveLength(p.units.length);
    // 第五条 “县人民政府合理安排科技成果转化财政资金投入…” is 山东条例 第五条 with 县级以上 → 县
    const fifth = panel['5']![0]!;
    expect(fifth.citation).toBe('《山东省促进科技成果转化条例》（2017年修订）第五条');
    expect(fifth.similarity).toBeGreaterThan(0.8);
    expect(fifth.level).toBe('地方性法规');
    // 第十二条 cites 山东条例 第三十九条: shown first, whatever its similarity
    expect(panel['12']![0]!.citation).toBe('《山东省促进科技成果转化条例》（2017年修订）第三十九条');
    // only national laws and 山东's rules, in force on the review date
    for (const list of Object.values(panel)) {
      for (const m of list) {
        expect(['全国', '山东']).toContain(m.region);
        expect(lib.store.version(m.versionId)!.status).not.toBe('尚未生效');
        // the runs rebuild both texts exactly
        expect(m.runs.filter((x) => x.op !== 'insert').map((x) => x.text).join('')).toBe(p.units.find((u) => list === panel[u.key])!.text);
        expect(m.runs.filter((x) => x.op !== 'delete').map((x) => x.text).join('')).toBe(m.text);
      }
    }
  });

  it("shows the office's province only: another province's office, or none set, sees national laws alone", async () => {
    const p = await parseDraftFile(join(DRAFTS, 'clean-tech-transfer.md'));
    const input = { title: p.title, units: p.units, kind: '规范性文件' as const, asOf: '2026-03-01' };
    // The article's own citations are shown whatever their region (第十二条 cites 山东条例): the found ones follow the office.
    const found = (panel: Record<string, HigherLawMatch[]>) => Object.entries(panel).flatMap(([key, list]) => list.slice(key === '12' ? 1 : 0));
    const regionsFor = (region?: string) =>
      new Set(found(precheck(lib.store, input, { rules: loadRuleSet(RULES), search: engine, ...(region === undefined ? {} : { region }) }).higherLaw!).map((m) => m.region));
    // The fixture library holds national laws and 山东 / 淄博 rules: 山东's office sees both kinds.
    expect([...regionsFor('山东·淄博·高青县')].sort()).toEqual(['全国', '山东']);
    expect([...regionsFor('江苏·南京')]).toEqual(['全国']);
    // and the result says where it looked, so the page can say so
    expect(precheck(lib.store, input, { rules: loadRuleSet(RULES), search: engine, region: '江苏·南京' }).higherLawRegions).toEqual(['全国', '江苏', '江苏·南京']);
    expect(precheck(lib.store, input, { rules: loadRuleSet(RULES), search: engine }).higherLawRegions).toEqual(['全国']);
    expect([...regionsFor(undefined)]).toEqual(['全国']);
    expect([...regionsFor('')]).toEqual(['全国']);
  });

  it("another city's rules are no 上位法: a 临沂 county sees 山东's and national ones, never 淄博's", async () => {
    // A draft article worded like 淄博市专利管理若干规定 第四条 (the library's only 淄博 rule).
    const units = [{ kind: 'article', key: '1', label: '第一条', number: 1, text: '县人民政府及专利管理等有关部门应当加强专利宣传教育，普及专利知识，提高全社会的专利意识，营造专利促进和保护的良好环境。', path: [] }];
    const input = { title: '某县专利促进办法', units: units as never, kind: '规范性文件' as const, asOf: '2026-03-01' };
    const found = (region: string) => precheck(lib.store, input, { rules: loadRuleSet(RULES), search: engine, region }).higherLaw!['1']!.map((m) => m.region);
    // the office in 淄博 sees its city's rule
    expect(found('山东·淄博·高青县')).toContain('山东·淄博');
    const yishui = precheck(lib.store, input, { rules: loadRuleSet(RULES), search: engine, region: '山东·临沂·沂水县' });
    expect(yishui.higherLawRegions).toEqual(['全国', '山东', '山东·临沂', '山东·临沂·沂水县']);
    expect(yishui.higherLaw!['1']!.map((m) => m.region).filter((r) => r !== '全国' && r !== '山东' && !r.startsWith('山东·临沂'))).toEqual([]);
    expect(found('山东')).not.toContain('山东·淄博');
  });

  it('the workbench takes the region from the office profile (设置 → 单位信息), read at each check', async () => {
    const { ReviewWorkbench } = await import('../../../electron/core/review/workbench-service');
    const { writeOffice } = await import('../../../electron/core/office/office-file');
    const review = (await lib.svc.createReview({ title: '高青县促进科技成果转化若干措施', type: '规范性文件', leadUnit: '成果转化科', receivedDate: '2026-02-20' })).record;
    const wb = new ReviewWorkbench(lib.store, lib.svc, { rulesDir: RULES, search: engine });
    await wb.drafts.addDraft(review.id, join(DRAFTS, 'clean-tech-transfer.md'));
    const regions = async () => new Set(Object.entries((await wb.run(review.id)).higherLaw!).flatMap(([key, list]) => list.slice(key === '12' ? 1 : 0)).map((m) => m.region));
    expect([...(await regions())]).toEqual(['全国']);
    await writeOffice(lib.store, { region: '山东·淄博·高青县' });
    expect(await regions()).toContain('山东');
  });

  it('alignRuns keeps common stretches and marks the rest', () => {
    const runs = alignRuns('县人民政府合理安排资金投入', '县级以上人民政府应当合理安排资金投入');
    expect(runs).toEqual([
      // a single shared character is not worth aligning on (it would scatter the runs)
      { op: 'delete', text: '县' },
      { op: 'insert', text: '县级以上' },
      { op: 'equal', text: '人民政府' },
      { op: 'insert', text: '应当' },
      { op: 'equal', text: '合理安排资金投入' },
    ]);
  });
});
