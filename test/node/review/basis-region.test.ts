// A local document of the review data (the 山东 办法: region 山东 in resources/review-bases) binds
// only an office in that place: for an office elsewhere (河南·洛阳·栾川县) no finding cites it and the
// 意见书's opening does not name it; the finding resting on it alone is 需核实 with a hint to check the
// office's own rules. An office in 山东 keeps it, as before.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindsOffice } from '../../../electron/core/review/basis-documents';
import { ReviewWorkbench } from '../../../electron/core/review/workbench-service';
import type { DocBlock } from '../../../electron/core/packs/pack-document';
import { RULES, makeReviewLibrary, type ReviewLibrary } from './review-test-support';

const SHANDONG = '《山东省行政规范性文件制定和监督管理办法》';
let lib: ReviewLibrary;
const tmp = mkdtempSync(join(tmpdir(), 'basis-region-'));
const draft = join(tmp, '专项资金管理办法.md');
beforeAll(async () => {
  lib = await makeReviewLibrary();
  // no 有效期, in force on issue: the two rules whose data cite the 山东 办法
  writeFileSync(
    draft,
    [
      '# 某县科技创新专项资金管理办法（送审稿）',
      '第一条　为规范县级科技创新专项资金管理，制定本办法。',
      '第二条　专项资金用于支持企业研发投入和科技成果转化。',
      '第三条　县科学技术局负责项目申报、评审和验收。',
      '第四条　本办法自印发之日起施行。',
    ].join('\n\n'),
  );
});
afterAll(() => {
  lib?.cleanup();
  rmSync(tmp, { recursive: true, force: true });
});

async function reviewIn(region: string) {
  const wb = new ReviewWorkbench(lib.store, lib.svc, { rulesDir: RULES, region });
  const r = await lib.svc.createReview({ type: '规范性文件', title: '某县科技创新专项资金管理办法（送审稿）', leadUnit: '高新技术科', receivedDate: '2026-02-24' });
  await wb.drafts.addDraft(r.record.id, draft);
  const { findings } = await wb.run(r.record.id, { panel: false });
  const intro = async () => {
    const doc = await wb.opinionDocument(r.record.id);
    const first = doc.sections[0]!.blocks.filter((b): b is Extract<DocBlock, { kind: 'paragraph' }> => b.kind === 'paragraph');
    return first[1]!.text;
  };
  return { findings, intro };
}

describe('a local basis document and the office’s region', () => {
  it('binds an office within its region; with the office’s place unknown only national documents bind', () => {
    expect(bindsOffice({ region: '山东' }, '山东·淄博·高青县')).toBe(true);
    expect(bindsOffice({ region: '山东·淄博' }, '山东·淄博·高青县')).toBe(true);
    expect(bindsOffice({ region: '山东·淄博' }, '山东·青岛·市南区')).toBe(false);
    expect(bindsOffice({ region: '山东' }, '河南·洛阳·栾川县')).toBe(false);
    expect(bindsOffice({}, '河南·洛阳·栾川县')).toBe(true);
    expect(bindsOffice({ region: '山东' }, undefined)).toBe(false);
    expect(bindsOffice({ region: '山东' }, '')).toBe(false);
    expect(bindsOffice({}, '')).toBe(true);
    expect(bindsOffice({ region: '全国' }, '')).toBe(true);
    // a province's office is not bound by a city's rule; a 重庆 district by 重庆's
    expect(bindsOffice({ region: '山东·淄博' }, '山东')).toBe(false);
    expect(bindsOffice({ region: '重庆' }, '重庆·彭水苗族土家族自治县')).toBe(true);
  });

  it('an office in 河南 gets no finding citing the 山东 办法, its 有效期 finding 需核实 with a hint, and an opening without it', async () => {
    const { findings, intro } = await reviewIn('河南·洛阳·栾川县');
    const validity = findings.find((f) => f.rule === 'validity-period')!;
    expect(validity).toBeTruthy();
    expect(validity.severity).toBe('需核实');
    expect(validity.bases).toEqual([]);
    expect(validity.hint).toContain('不适用于本单位所在地（河南·洛阳·栾川县）');
    // 自印发之日起施行 keeps its national basis, without the 山东 one
    const soon = findings.find((f) => f.rule === 'effective-on-publish')!;
    expect(soon.bases.map((b) => b.citation)).toEqual(['《优化营商环境条例》第六十五条']);
    for (const f of findings) for (const b of f.bases) expect(b.citation).not.toContain('山东');
    const text = await intro();
    expect(text).not.toContain('山东');
    expect(text).toContain('根据《国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见》等规定');
  });

  for (const [name, region] of [
    ['no place known', ''],
    ['an office in 广东', '广东·广州·天河区'],
    ['an office in 重庆', '重庆·彭水苗族土家族自治县'],
  ] as const) {
    it(`${name}: no finding or opening cites the 山东 办法; its 有效期 finding is 需核实 with a hint`, async () => {
      const { findings, intro } = await reviewIn(region);
      const validity = findings.find((f) => f.rule === 'validity-period')!;
      expect(validity.severity).toBe('需核实');
      expect(validity.bases).toEqual([]);
      expect(validity.hint).toContain(region ? `不适用于本单位所在地（${region}）` : '单位信息中没有所在地区');
      for (const f of findings) for (const b of f.bases) expect(b.citation).not.toContain('山东');
      expect(await intro()).not.toContain('山东');
    });
  }

  it('an office in 山东 cites it as before: 有效期 必须修改 on the 办法, named in the opening', async () => {
    const { findings, intro } = await reviewIn('山东·淄博·高青县');
    const validity = findings.find((f) => f.rule === 'validity-period')!;
    expect(validity.severity).toBe('必须修改');
    expect(validity.bases[0]!.citation).toContain(SHANDONG);
    expect(validity.hint).toBeUndefined();
    expect(await intro()).toContain(`根据《国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见》和${SHANDONG}等规定`);
  });
});
