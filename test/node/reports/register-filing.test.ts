// A 备案 made after its due date is late wherever the register is read: the 登记表 says so in its
// row and its count, and the yearly report counts it among those not filed on time (one rule,
// filingState in shared/register-schema).

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RegisterService } from '../../../electron/core/register/register-service';
import { exportRegister } from '../../../electron/core/reports/register-export';
import { filingState } from '../../../electron/shared/register-schema';
import { makeLibrary, type TestLibrary } from '../records/records-test-support';

let lib: TestLibrary | undefined;
let work: string | undefined;
afterEach(() => {
  lib?.cleanup();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('a late 备案', () => {
  it('reads as 按时 / 逾期备案 / 逾期未备案 / 未备案 by the filing date, the due date and the day', () => {
    expect(filingState({ filedDate: '2026-07-16', filingDue: '2026-07-16' }, '2027-01-01')).toBe('按时备案');
    expect(filingState({ filedDate: '2026-08-03', filingDue: '2026-07-16' }, '2027-01-01')).toBe('逾期备案');
    expect(filingState({ filingDue: '2026-10-15' }, '2026-10-15')).toBe('未备案');
    expect(filingState({ filingDue: '2026-10-15' }, '2026-10-16')).toBe('逾期未备案');
  });

  it('is marked in the 登记表’s row and counted in its opening sentence', async () => {
    lib = await makeLibrary({ now: new Date('2027-02-20T02:00:00Z') });
    work = mkdtempSync(join(tmpdir(), 'lawdesk-filing-'));
    const reg = await RegisterService.open(lib.svc);
    // 30 days from 2026-06-16: due 2026-07-16, filed 2026-08-03.
    await reg.add({ docNumber: '安市监发〔2026〕2号', title: '安化县市场监管领域轻微违法行为不予处罚清单', draftingUnit: '法规股', published: '2026-06-16', filedDate: '2026-08-03', filedWith: '安化县人民政府' });
    await reg.add({ docNumber: '安市监发〔2026〕1号', title: '安化县黑茶质量追溯管理办法', draftingUnit: '质量发展股', published: '2026-03-10', filedDate: '2026-04-02' });
    const out = join(work, '登记表.html');
    await exportRegister(lib.svc, reg, { out, unit: '安化县市场监督管理局', year: 2026, date: '2027-02-20' });
    const text = readFileSync(out, 'utf8').replace(/<br\s*\/?>/g, '\n').replace(/<[^>]+>/g, '');
    expect(text).toContain('已备案2件（其中逾期备案1件）');
    expect(text).toMatch(/2026年8月3日已备案\s*逾期（应于2026年7月16日前）/);
    expect(text).not.toMatch(/2026年4月2日已备案\s*逾期/);
  });
});
