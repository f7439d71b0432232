// The workbench over the app API, called as the renderer calls it: service.call(channel, raw input).
import mammoth from 'mammoth';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppService } from '../../../electron/core/api/app-service';
import { DRAFTS, REVIEW_LAWS } from './review-test-support';
import { openTestApp } from '../test-app';

let tmp: string;
let svc: AppService;
const events: { event: string; payload: { taskId?: string; phase?: string; done?: number; total?: number } }[] = [];
beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'lawdesk-workbench-api-'));
  svc = await openTestApp(tmp, { starterDir: REVIEW_LAWS, search: true, emit: (event, payload) => events.push({ event, payload: payload as never }) });
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
    const v = (await svc.call('workbench:addDraft', { id, file: upload('送审稿.md', readFileSync(join(DRAFTS, 'planted-innovation-voucher.md'))) })) as { drafts: unknown[]; result: { findings: { id: string; rule: string; category: string }[]; higherLaw?: Record<string, unknown[]> } };
    expect(v.drafts).toHaveLength(1);
    expect(v.result.higherLaw).toBeDefined();
    expect((v as { added?: unknown }).added).toEqual({ seq: 1, existing: false, carried: 0, reopened: 0 });
    // the same bytes again (another name): told by the hash, nothing added
    const again = (await svc.call('workbench:addDraft', { id, file: upload('送审稿（再次发来）.md', readFileSync(join(DRAFTS, 'planted-innovation-voucher.md'))) })) as { drafts: unknown[]; added?: unknown };
    expect(again.added).toEqual({ seq: 1, existing: true, carried: 0, reopened: 0 });
    expect(again.drafts).toHaveLength(1);
    const f = (rule: string) => v.result.findings.find((x) => x.rule === rule)!.id;
    await svc.call('workbench:accept', { id, findingId: f('permit-create') });
    await svc.call('workbench:accept', { id, findingId: f('penalty-create') });
    const after = (await svc.call('workbench:dismiss', { id, findingId: f('obligation-add'), reason: '有上位法依据' })) as { suggestions: unknown[]; decisions: Record<string, { status: string }> };
    expect(after.suggestions).toHaveLength(2);
    expect(Object.values(after.decisions).map((d) => d.status).sort()).toEqual(['accepted', 'accepted', 'dismissed']);
    // which 要点 the 意见书 will call 未审查: 权限 has the adviser's accepted opinions; the others, findings nobody decided
    const coverage = (await svc.call('workbench:coverage', { id })) as Record<string, { checked: boolean; reason?: { code: string; count?: number } }>;
    const open = (cat: string) => v.result.findings.filter((x) => x.category === cat && !after.decisions[x.id]).length;
    expect(coverage['权限']).toEqual({ checked: true });
    for (const cat of ['程序', '内容']) expect(coverage[cat], cat).toEqual(open(cat) ? { checked: false, reason: { code: 'undecided', count: open(cat) } } : { checked: true });
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

  it('a 合同 review: the contract draft a 科室 sent — 罚款 in a contract and 放弃复议和诉讼 caught, decided, in the 意见书', async () => {
    const created = await svc.call('reviews:create', { input: { type: '合同', title: '高青县科技计划项目任务合同书（送审稿）', leadUnit: '高新技术科', receivedDate: '2026-02-24' } } as never);
    const id = (created as { record: { id: string } }).record.id;
    const v = (await svc.call('workbench:addDraft', { id, file: upload('任务合同书.md', readFileSync(join(DRAFTS, 'planted-project-contract.md'))) })) as { result: { kind: string; findings: { id: string; rule: string; article?: { label: string } }[] } };
    expect(v.result.kind).toBe('合同');
    const at = (rule: string) => v.result.findings.find((x) => x.rule === rule)!;
    expect(at('penalty-create').article?.label).toBe('第五条');
    expect(at('remedy-restriction').article?.label).toBe('第九条');
    await svc.call('workbench:accept', { id, findingId: at('remedy-restriction').id });
    // a contract rule's finding goes into the 意见书 as written: what this contract says, then why
    expect(at('contract-excessive-penalty').article?.label).toBe('第六条');
    await svc.call('workbench:accept', { id, findingId: at('contract-excessive-penalty').id });
    const after = (await svc.call('workbench:dismiss', { id, findingId: at('penalty-create').id, reason: '改为违约金条款' })) as { decisions: Record<string, { status: string }> };
    expect(Object.values(after.decisions).map((d) => d.status).sort()).toEqual(['accepted', 'accepted', 'dismissed']);
    const file = (await svc.call('workbench:opinion', { id, format: 'docx', office: '高青县科学技术局', prefix: '高科审' })) as { fileId: string };
    const bytes = Buffer.from(((await svc.call('files:get', { fileId: file.fileId })) as { dataBase64: string }).dataBase64, 'base64');
    const text = (await mammoth.extractRawText({ buffer: bytes })).value;
    expect(text).toContain('放弃申请行政复议和提起行政诉讼');
    expect(text).toContain('本条约定按日千分之五计付违约金（折合年利率约182.5%），明显过高。约定的违约金过分高于造成的损失的');
    expect(text).toContain('累计不超过合同总价款的百分之十');
  }, 120_000);

  it('a second version: progress by task, the comparison, an edited proposal refused when blank', async () => {
    const created = await svc.call('reviews:create', { input: { type: '规范性文件', title: '高青县科技创新券管理办法（征求意见稿）', leadUnit: '高新技术科', receivedDate: '2026-02-24' } } as never);
    const id = (created as { record: { id: string } }).record.id;
    await svc.call('workbench:addDraft', { id, file: upload('第一稿.md', readFileSync(join(DRAFTS, 'planted-innovation-voucher.md'))) });
    const second = readFileSync(join(DRAFTS, 'versions', '创新券管理办法（送审稿第二稿）.md'));
    const v2 = (await svc.call('workbench:addDraft', { id, file: upload('第二稿.md', second), taskId: 'wb-t1' })) as { drafts: { seq: number }[]; draft: { seq: number; units: unknown[] } };
    expect(v2.drafts.map((d) => d.seq)).toEqual([1, 2]);
    expect(v2.draft.seq).toBe(2);
    // task:progress for this task: rules then 上位法, one step per article, ending at 100 %
    const mine = events.filter((e) => e.event === 'task:progress' && e.payload.taskId === 'wb-t1').map((e) => e.payload);
    const n = 21;
    expect(mine[0]).toMatchObject({ phase: 'citations', done: 0, total: 2 * n });
    expect(mine.at(-1)).toMatchObject({ phase: 'higherLaw', done: 2 * n, total: 2 * n });
    expect(mine.map((p) => p.done)).toEqual([...mine.map((p) => p.done)].sort((a, b) => a! - b!));
    const c = (await svc.call('workbench:diff', { id, from: 1, to: 2 })) as { counts: { changed: number }; findings: { resolved: { rule: string }[] } };
    expect(c.counts.changed).toBe(3);
    expect(c.findings.resolved.map((f) => f.rule)).toContain('penalty-create');
    await expect(svc.call('workbench:diff', { id, from: 1, to: 3 })).rejects.toThrow('没有第 3 稿');
    const view = (await svc.call('workbench:get', { id, seq: 2, panel: false })) as { result: { findings: { id: string; rule: string }[] } };
    const coercion = view.result.findings.find((f) => f.rule === 'coercion-create')!.id;
    await expect(svc.call('workbench:accept', { id, findingId: coercion, proposal: ' \n ' })).rejects.toThrow('参数不合法：建议修改为不能为空（不需要修改建议时，直接采纳即可）');
    const ok = (await svc.call('workbench:accept', { id, findingId: coercion, proposal: '删去查封、扣押的规定' })) as { suggestions: { proposal: string }[] };
    expect(ok.suggestions.map((x) => x.proposal)).toEqual(['删去查封、扣押的规定']);
  }, 120_000);
});
