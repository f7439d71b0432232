// 被引用 in the reader ranks the laws of the office's place first within each 效力级别, with 单位信息's
// region read as every other face reads it (officeRegionIn): 山东省淄博市高青县 typed out is 山东·淄博·高青县,
// so 山东省地方立法条例 comes before 德州市's; a unit named 高青县科学技术局 with no region says the same. Real laws:
// 立法法 (2015, 2023) cited by 山东省地方立法条例, 德州市制定地方性法规条例 and a 上海 条例 (test/fixtures/links/region-order).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppService } from '../../../electron/core/api/app-service';
import { ROOT } from './links-test-support';
import { openTestApp } from '../test-app';

let tmp: string;
let svc: AppService;
beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'lawdesk-cited-region-'));
  svc = await openTestApp(tmp, { starterDir: join(ROOT, 'test/fixtures/links/region-order') });
}, 60_000);
afterAll(() => {
  svc.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function citedBy(): Promise<string[]> {
  const law = svc.store.laws().find((l) => l.title === '中华人民共和国立法法')!;
  const v2023 = law.versionIds.find((v) => v.endsWith('2023-03-13'))!;
  // 2023 第十一条 is 2015 第八条 (法律保留), which the three cite
  const rows = await svc.call('links:citedBy', { lawId: law.id, articleKey: '11', versionId: v2023 });
  return rows.map((r) => `${r.from.level} ${r.from.region} ${r.from.title}`);
}

describe('被引用 and the office’s region', () => {
  it('with no place known, a level’s laws are in title order', async () => {
    await svc.call('office:set', { unit: '', region: '' });
    const rows = await citedBy();
    const local = rows.filter((r) => r.startsWith('地方性法规'));
    expect(local).toEqual(['地方性法规 山东·德州 德州市制定地方性法规条例', '地方性法规 山东 山东省地方立法条例']);
    // levels keep their order: 地方性法规 before the 上海 规范性文件
    expect(rows.at(-1)).toContain('上海');
  });

  it('山东省淄博市高青县 typed out puts the 山东 province’s law first (a 德州 law binds no 淄博 office)', async () => {
    await svc.call('office:set', { unit: '', region: '山东省淄博市高青县' });
    expect((await citedBy()).filter((r) => r.startsWith('地方性法规'))).toEqual(['地方性法规 山东 山东省地方立法条例', '地方性法规 山东·德州 德州市制定地方性法规条例']);
  });

  it('an empty region under a unit named 德州市人大常委会法制工作委员会 reads 山东·德州: both are the office’s, title order', async () => {
    await svc.call('office:set', { unit: '德州市人大常委会法制工作委员会', region: '' });
    expect((await citedBy()).filter((r) => r.startsWith('地方性法规'))).toEqual(['地方性法规 山东·德州 德州市制定地方性法规条例', '地方性法规 山东 山东省地方立法条例']);
    await svc.call('office:set', { unit: '高青县科学技术局', region: '' });
    expect((await citedBy())[0]).toBe('地方性法规 山东 山东省地方立法条例');
  });
});
