// The workbench over the app API, called as the renderer calls it: service.call(channel, raw input).
import mammoth from 'mammoth';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppService } from '../../../electron/core/api/app-service';
import { MemorySettingsStore } from '../../../electron/core/api/settings-file';
import { DRAFTS, REVIEW_LAWS } from './review-test-support';

let tmp: string;
let svc: AppService;
beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'lawdesk-workbench-api-'));
  svc = await AppService.open({ libraryDir: join(tmp, 'library'), starterDir: REVIEW_LAWS, settings: new MemorySettingsStore(), face: 'browser', exportDir: join(tmp, 'exports'), stagingRoot: join(tmp, 'staging') });
  await svc.searchReady();
}, 60_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const upload = (name: string, bytes: Buffer) => ({ name, dataBase64: bytes.toString('base64') });

describe('workbench:* channels', () => {
  it('adds a draft, pre-checks it with the 上位法 panel, accepts, dismisses, exports the 意见书', async () => {
    const created = await svc.call('reviews:create', { input: { type: '规范性文件', title: '高青县科技创新券管理办法（征求意见稿）', leadUnit: '高新技术科', receivedDate: '2026-02-24' } } as never);
    const id = (created as { record: { id: string } }).record.id;
    const bad = await svc.call('workbench:addDraft', { id, file: upload('空.txt', Buffer.from('   ')) }).catch((e: Error) => e);
    expect(String((bad as { message?: string }).message ?? bad)).toContain('送审稿“空.txt”无法读取');
    const v = (await svc.call('workbench:addDraft', { id, file: upload('送审稿.md', readFileSync(join(DRAFTS, 'planted-innovation-voucher.md'))) })) as { drafts: unknown[]; result: { findings: { id: string; rule: string }[]; higherLaw?: Record<string, unknown[]> } };
    expect(v.drafts).toHaveLength(1);
    expect(v.result.higherLaw).toBeDefined();
    const f = (rule: string) => v.result.findings.find((x) => x.rule === rule)!.id;
    await svc.call('workbench:accept', { id, findingId: f('permit-create') });
    await svc.call('workbench:accept', { id, findingId: f('penalty-create') });
    const after = (await svc.call('workbench:dismiss', { id, findingId: f('obligation-add'), reason: '有上位法依据' })) as { suggestions: unknown[]; decisions: Record<string, { status: string }> };
    expect(after.suggestions).toHaveLength(2);
    expect(Object.values(after.decisions).map((d) => d.status).sort()).toEqual(['accepted', 'accepted', 'dismissed']);
    const file = (await svc.call('workbench:opinion', { id, format: 'docx', office: '高青县科学技术局', prefix: '高科审' })) as { fileId: string; name: string; articles: number };
    expect(file.name).toMatch(/合法性审查意见书\.docx$/);
    expect(file.articles).toBeGreaterThan(3);
    const got = (await svc.call('files:get', { fileId: file.fileId })) as { dataBase64: string };
    expect(Buffer.from(got.dataBase64, 'base64').subarray(0, 2).toString()).toBe('PK');
    // Without an office given, the 意见书 is signed by the unit of the library's office profile.
    await svc.call('office:set', { unit: '某县科学技术局' });
    const signed = (await svc.call('workbench:opinion', { id, format: 'docx' })) as { fileId: string };
    const bytes = Buffer.from(((await svc.call('files:get', { fileId: signed.fileId })) as { dataBase64: string }).dataBase64, 'base64');
    expect((await mammoth.extractRawText({ buffer: bytes })).value).toContain('某县科学技术局');
  }, 120_000);
});
