// The app API for versions, records, packs and bundles, called as the renderer calls it
// (service.call(channel, raw input)): validation at the door, flags and "cited by" across
// versions, the 受影响 list, pack export to HTML, bundle export → preview → import, backups.

import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppService } from '../../../electron/core/api/app-service';
import * as core from '../../../electron/core/records/record-types';
import * as contract from '../../../electron/shared/api-contract';
import { PACK_TEMPLATES as CORE_TEMPLATES, PackItemSchema } from '../../../electron/core/packs/pack-model';
import { openTestApp } from '../test-app';
import { lawRowsFromWire } from '../../../electron/shared/api-contract';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/app');
let tmp: string;
let svc: AppService;
const events: { name: string; payload: unknown }[] = [];

async function open(dir: string, starter: string): Promise<AppService> {
  return openTestApp(tmp, { libraryDir: dir, starterDir: starter, emit: (name, payload) => events.push({ name, payload }) });
}

beforeEach(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'lawdesk-app-features-'));
  const starter = join(tmp, 'starter');
  cpSync(join(FIXTURES, 'laws'), starter, { recursive: true });
  svc = await open(join(tmp, 'library'), starter);
  events.length = 0;
});
afterEach(() => {
  svc.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function lawId(title: string): Promise<{ lawId: string; versions: string[] }> {
  const rows = await svc.call('laws:list', { q: title });
  const law = await svc.call('law:get', { lawId: rows.rows[0]!.lawId });
  return { lawId: law.law.id, versions: law.law.versionIds };
}

const review = (over: Record<string, unknown> = {}) => ({
  type: '规范性文件',
  title: '高青县统计工作管理办法（送审稿）',
  leadUnit: '办公室',
  receivedDate: '2020-04-13',
  findings: { content: { text: '符合统计法第七条的规定', citations: [{ law: '统计法', article: '第七条' }] } },
  citations: [{ law: '行政许可法', article: '12' }],
  ...over,
});

describe('contract mirrors the core enums', () => {
  it('records and packs', () => {
    expect(contract.REVIEW_TYPES).toEqual(core.REVIEW_TYPES);
    expect(contract.REVIEW_STATUSES).toEqual(core.REVIEW_STATUSES);
    expect(contract.CONCLUSIONS).toEqual(core.CONCLUSIONS);
    expect(contract.ADVISER_ROLES).toEqual(core.ADVISER_ROLES);
    expect(contract.PROCEDURE_CHECKS).toEqual(core.PROCEDURE_CHECKS);
    expect(contract.LECTURE_KINDS).toEqual(core.LECTURE_KINDS);
    expect(contract.MATERIAL_KINDS).toEqual(core.MATERIAL_KINDS);
    expect(contract.PACK_TEMPLATES).toEqual(CORE_TEMPLATES);
  });
});

describe('versions', () => {
  it('diffs 统计法 2009 → 2024 with the summary line, one article across versions, as-of', async () => {
    const { lawId: id, versions } = await lawId('统计法');
    const diff = await svc.call('versions:diff', { fromId: versions[0]!, toId: versions[1]!, changedOnly: true });
    expect(diff.summaryLine).toMatch(/^修改 \d+ 条，新增 \d+ 条，删除 \d+ 条，条文序号变动 \d+ 条/);
    expect(diff.rows.some((r) => r.runs?.some((x) => x.op === 'insert'))).toBe(true);
    const across = await svc.call('versions:article', { versionId: versions[0]!, articleKey: '7' });
    expect(across.map((a) => a.key)).toEqual(['7', '8']);
    expect((await svc.call('versions:asOf', { lawId: id, date: '2020-01-01' })).versionId).toBe(versions[0]);
    const asOf = await svc.call('laws:list', { asOf: '2020-01-01', q: '统计法' });
    expect(lawRowsFromWire(asOf.rows)[0]!.versionId).toBe(versions[0]);
    expect((await svc.call('laws:list', { asOf: '2015-01-01' })).rows.some((r) => r.title.includes('行政处罚法'))).toBe(false);
  });

  it('sets 时效性 by hand only with a basis', async () => {
    const { versions } = await lawId('统计法');
    await expect(svc.call('version:setStatus', { versionId: versions[0]!, statusOverride: { status: '已废止', basis: ' ' } })).rejects.toMatchObject({ code: 'INVALID' });
    const meta = await svc.call('version:setStatus', { versionId: versions[0]!, statusOverride: { status: '已废止', basis: '测试依据' } });
    expect(meta.status).toBe('已废止');
    expect(meta.statusOverride?.basis).toBe('测试依据');
    expect((await svc.call('version:setStatus', { versionId: versions[0]!, statusOverride: null })).status).toBe('已修改');
  });
});

describe('records', () => {
  it('creates a review, shows it cited by (also in the newer version, flagged yellow), edits it and keeps the history', async () => {
    const { versions } = await lawId('统计法');
    const created = await svc.call('reviews:create', { input: review() });
    const r = created.record;
    expect(r.id).toBe('R2020-001');
    expect(r.dueDate).toBe('2020-04-20'); // a 规范性文件: 5 working days (国办发〔2018〕115号)
    expect(r.findings.content.citations[0]!.versionId).toBe(versions[0]);
    expect(r.flag).toBe('yellow');

    const old = await svc.call('records:citedBy', { versionId: versions[0]!, articleKey: '7' });
    expect(old.map((e) => e.id)).toEqual(['R2020-001']);
    const mapped = await svc.call('records:citedBy', { versionId: versions[1]!, articleKey: '8' });
    expect(mapped[0]!.flag).toMatchObject({ color: 'yellow' });
    expect(mapped[0]!.flag.reason).toContain('条文序号变动');
    expect(await svc.call('records:counts', { versionId: versions[1]! })).toMatchObject({ '8': 1 });

    const affected = await svc.call('records:affected', {});
    expect(affected.find((a) => a.id === 'R2020-001')?.flag.color).toBe('yellow');

    const edited = await svc.call('reviews:update', { id: r.id, patch: { status: '审查中', title: '高青县统计工作管理办法（修改稿）' }, expectedRevision: 1 });
    expect(edited.record.revision).toBe(2);
    await expect(svc.call('reviews:update', { id: r.id, patch: { title: 'x' }, expectedRevision: 1 })).rejects.toMatchObject({ code: 'CONFLICT' });
    const history = await svc.call('records:history', { id: r.id });
    expect(history.map((h) => h.action)).toEqual(['create', 'update']);
    expect(history[1]!.changes.map((c) => c.path)).toContain('title');
    const got = await svc.call('reviews:get', { id: r.id });
    expect(got.citations.map((c) => c.flag.color).sort()).toEqual(['green', 'yellow']);
  });

  it('refuses bad input at the door: unknown keys, __proto__, oversize strings, forged attachments, paths', async () => {
    await expect(svc.call('reviews:create', { input: { ...review(), extra: 1 } })).rejects.toMatchObject({ code: 'INVALID' });
    await expect(svc.call('reviews:create', JSON.parse(`{"input": ${JSON.stringify(review())}, "__proto__": {"x": 1}}`))).rejects.toMatchObject({ code: 'INVALID' });
    await expect(svc.call('reviews:create', { input: review({ title: 'x'.repeat(301) }) })).rejects.toMatchObject({ code: 'INVALID' });
    await expect(svc.call('reviews:create', { input: review({ attachments: [{ path: '/etc/passwd' }] }) })).rejects.toMatchObject({ code: 'INVALID' });
    const forged = { sha256: 'a'.repeat(64), name: 'x.pdf', size: 1, addedAt: '2020-01-01' };
    await expect(svc.call('reviews:create', { input: review({ attachments: [forged] }) })).rejects.toMatchObject({ code: 'INVALID' });
    await expect(svc.call('reviews:create', { input: review({ dueDate: '2020-04-01' }) })).rejects.toMatchObject({ code: 'INVALID', message: expect.stringContaining('早于收件日期') });
    await expect(svc.call('backups:restore', { name: '../records.json' })).rejects.toMatchObject({ code: 'INVALID' });
    await expect(svc.call('files:get', { fileId: '../x' })).rejects.toMatchObject({ code: 'INVALID' });
    expect(await svc.call('reviews:list', {})).toEqual([]);
  });

  it('attaches an uploaded file and hands it back by id', async () => {
    const r = (await svc.call('reviews:create', { input: review() })).record;
    const data = Buffer.from('审查意见书正文');
    const attached = await svc.call('reviews:attach', { id: r.id, file: { name: '审查意见书.txt', dataBase64: data.toString('base64') } });
    const a = attached.record.attachments[0]!;
    expect(a.name).toBe('审查意见书.txt');
    const f = await svc.call('records:attachment', { recordId: r.id, sha256: a.sha256 });
    const got = await svc.call('files:get', { fileId: f.fileId });
    expect(Buffer.from(got.dataBase64, 'base64').toString()).toBe('审查意见书正文');
  });

  it('detects citations in pasted text on the record date; lectures, plans with completion, stats', async () => {
    const d = await svc.call('records:detect', { text: '依据《中华人民共和国统计法》第七条和草案第三条', date: '2020-05-01' });
    expect(d.citations[0]!.label).toBe('第七条');
    expect(d.unresolved.length).toBe(1);
    const plan = (await svc.call('plans:create', { input: { year: 2020, title: '2020年度普法计划', items: [{ topic: '学习统计法', plannedMonth: 5 }] } })).record;
    expect(plan.items[0]!.id).toBe(`${plan.id}.1`);
    await svc.call('lectures:create', { input: { kind: '集体学法', date: '2020-05-20', topic: '统计法学习', headCount: 20, planItemId: plan.items[0]!.id, citations: [{ law: '统计法', article: '7' }] } });
    const plans = await svc.call('plans:list', { year: 2020 });
    expect(plans[0]!.done).toBe(1);
    const stats = await svc.call('records:stats', { year: 2020 });
    expect(stats.lectures.study).toEqual({ count: 1, headCount: 20 });
    expect((await svc.call('records:dueDate', { receivedDate: '2020-09-25' })).dueDate).toBe('2020-10-12');
    // per type (shared/review-time-limits): a 规范性文件 5 working days, a 合同 no minimum
    expect((await svc.call('records:dueDate', { receivedDate: '2020-09-25', type: '规范性文件' })).dueDate).toBe('2020-10-09');
    expect((await svc.call('records:dueDate', { receivedDate: '2020-09-25', type: '合同' })).dueDate).toBe('2020-09-25');
  });
});

describe('packs', () => {
  it('composes a pack, reorders it and exports HTML with progress', async () => {
    const { lawId: id } = await lawId('行政许可法');
    const pack = await svc.call('packs:create', { title: '许可参考资料', template: '通用' });
    const withItems = await svc.call('packs:addItems', {
      id: pack.id,
      items: [
        { type: 'article', law: id, article: '12' },
        { type: 'article', law: id, article: '13' },
      ],
    });
    const ids = withItems.items.map((i) => i.id!);
    const reordered = await svc.call('packs:reorder', { id: pack.id, itemIds: [...ids].reverse() });
    expect(reordered.items.map((i) => i.id)).toEqual([...ids].reverse());
    await expect(svc.call('packs:reorder', { id: pack.id, itemIds: ids.slice(1) })).rejects.toMatchObject({ code: 'INVALID' });
    const out = await svc.call('packs:export', { id: pack.id, format: 'html', taskId: 't1' });
    expect(out.name).toBe('许可参考资料.html');
    const html = Buffer.from((await svc.call('files:get', { fileId: out.fileId })).dataBase64, 'base64').toString('utf8');
    expect(html).toContain('下列事项可以设定行政许可');
    expect(events.some((e) => e.name === 'task:progress' && (e.payload as { taskId: string }).taskId === 't1')).toBe(true);
    expect((await svc.call('packs:list', {})).map((p) => p.id)).toContain(pack.id);
    const empty = await svc.call('packs:create', { title: '空', template: '通用' });
    await expect(svc.call('packs:export', { id: empty.id, format: 'html' })).rejects.toMatchObject({ code: 'INVALID' });
    await expect(svc.call('packs:addItems', { id: pack.id, items: [JSON.parse('{"type": "text", "paragraphs": ["a"], "__proto__": {"polluted": 1}}')] })).rejects.toMatchObject({ code: 'INVALID' });
  });
});

describe('packs: no silent duplicates, 单位 from the office profile', () => {
  it('refuses the same article added twice, saying where it already is', async () => {
    const { lawId: id } = await lawId('行政许可法');
    const pack = await svc.call('packs:create', { title: '重复测试', template: '通用' });
    await svc.call('packs:addItems', { id: pack.id, items: [{ type: 'article', law: id, article: '12', titleSnapshot: '中华人民共和国行政许可法' }] });
    await expect(svc.call('packs:addItems', { id: pack.id, items: [{ type: 'article', law: id, article: '12', titleSnapshot: '中华人民共和国行政许可法' }] })).rejects.toMatchObject({
      code: 'INVALID',
      message: '简报“重复测试”中已有：《中华人民共和国行政许可法》第12条 已是第 1 项，未重复加入',
    });
    expect((await svc.call('packs:get', { id: pack.id })).items).toHaveLength(1);
    // Free text may repeat; another article is added.
    const after = await svc.call('packs:addItems', { id: pack.id, items: [{ type: 'article', law: id, article: '13' }] });
    expect(after.items).toHaveLength(2);
  });

  it("a new pack's 单位 is the office's name from 设置, a real value that exports", async () => {
    await svc.call('office:set', { unit: '高青县科学技术局', region: '山东·淄博·高青县' });
    const pack = await svc.call('packs:create', { title: '单位测试', template: '合法性审查参考资料' });
    expect(pack.cover.unit).toBe('高青县科学技术局');
    expect((await svc.call('packs:create', { title: '另一单位', template: '通用', unit: '淄博市科学技术局' })).cover.unit).toBe('淄博市科学技术局');
  });
});

describe('one pack schema for core and API', () => {
  it('a pack at core limits (500-character heading, 6-level chapter, 1,000 paragraphs) opens with packs:get', async () => {
    const { lawId: id } = await lawId('行政许可法');
    const pack = await svc.call('packs:create', { title: '长标题', template: '通用' });
    // Before, the contract capped headings at 300, chapters at 5 levels and text at 200 paragraphs,
    // so what core (and `lawdesk pack create`) accepts was refused here or by packs:get.
    await svc.call('packs:addItems', {
      id: pack.id,
      items: [
        { type: 'text', heading: '审'.repeat(400), paragraphs: Array.from({ length: 1000 }, (_, i) => `第${i + 1}段`) },
        { type: 'law', law: id, chapter: ['一', '二', '三', '四', '五', '六'] },
      ],
    });
    const back = await svc.call('packs:get', { id: pack.id });
    expect(back.items[0]).toMatchObject({ type: 'text', heading: '审'.repeat(400) });
    expect(back.items[1]).toMatchObject({ type: 'law', chapter: ['一', '二', '三', '四', '五', '六'] });
    expect(contract.packItemSchema).toBe(PackItemSchema);
  });
});

describe('bundles and backups', () => {
  it('exports a records bundle, previews and imports it into another library; backs up and restores', async () => {
    await svc.call('reviews:create', { input: review() });
    const out = await svc.call('bundles:export', { records: true, laws: [], taskId: 'b1' });
    const bytes = Buffer.from((await svc.call('files:get', { fileId: out.fileId })).dataBase64, 'base64');
    expect(out.records).toBeGreaterThan(0);

    const other = await open(join(tmp, 'library2'), join(tmp, 'starter'));
    try {
      const pv = await other.call('bundles:preview', { file: { name: out.name, dataBase64: bytes.toString('base64') } });
      expect(pv.preview.summary.records.new).toBeGreaterThan(0);
      const done = await other.call('bundles:import', { stagingId: pv.stagingId });
      expect(done.changed).toBe(true);
      expect((await other.call('reviews:list', {})).map((r) => r.id)).toEqual(['R2020-001']);
      await expect(other.call('bundles:import', { stagingId: pv.stagingId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(other.call('bundles:preview', { file: { name: 'x.lawdesk', dataBase64: Buffer.from('not a zip').toString('base64') } })).rejects.toMatchObject({ code: 'INVALID' });
    } finally {
      other.close();
    }

    const made = await svc.call('backups:create', {});
    expect(made.backup?.reason).toBe('manual');
    await svc.call('reviews:create', { input: review({ title: '第二件', receivedDate: '2020-05-06' }) });
    const pv = await svc.call('backups:previewRestore', { name: made.backup!.name });
    expect(pv.removed).toEqual(['R2020-002']);
    await svc.call('backups:restore', { name: made.backup!.name });
    expect((await svc.call('reviews:list', {})).map((r) => r.id)).toEqual(['R2020-001']);
    expect((await svc.call('backups:list', {})).backups.length).toBeGreaterThan(1);
    expect(readFileSync(join(tmp, 'library', 'records.json'), 'utf8')).toContain('R2020-001');
  });
});
