// A drafted text in the library (送审稿, 征求意见稿, 草案) has the 时效性 草案: set by the import from the
// document's title or the mark under it, never the version in force, never a basis; a person may set
// another 时效性 with its basis. A library written before 草案 existed opens as it was, its drafts read as 草案.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DRAFT_IMPORTED, importPaths } from '../../../electron/core/library/library-import';
import { openLibrary } from '../../../electron/core/library/open-library';
import { checkLibrary } from '../../../electron/core/library/library-check';
import { updateVersionMeta } from '../../../electron/core/library/library-edit';
import { resolveRef, versionOnDate } from '../../../electron/core/records/citation-resolve';
import { lawsOfSession } from '../../../electron/core/records/session-laws';
import { parseLawText } from '../../../electron/core/parse/law-structure-parser';
import { isDraftMarkLine } from '../../../electron/shared/draft-title';
import { precheck } from '../../../electron/core/review/precheck';
import type { LibraryStore } from '../../../electron/core/library/library-store';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/draft-status');
const root = mkdtempSync(join(tmpdir(), 'draft-status-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const ENACTED = '养犬条例.txt'; // 淄博市养犬管理条例, 2010
const MARKED = '养犬条例修订.txt'; // the same title, （征求意见稿） on the line under it, 2015
const TITLED = '文明条例.txt'; // 淄博市文明行为促进条例（修订草案征求意见稿）

const byTitle = (store: LibraryStore, title: string) => store.versions().filter((v) => v.title === title).sort((a, b) => (a.published ?? '').localeCompare(b.published ?? ''));

async function importFixtures(name: string, files = [ENACTED, MARKED, TITLED]) {
  const { store } = await openLibrary({ dir: join(root, name), seed: false });
  const report = await importPaths(store, files.map((f) => join(FIXTURES, f)));
  return { store, report };
}

describe('the mark of a draft', () => {
  it('is read on a line of its own under or above the title, bracketed or bare, and not from an ordinary line', () => {
    for (const l of ['（征求意见稿）', '(送审稿)', '征求意见稿', '草案', '修订草案征求意见稿', '（修订草案）', '讨论稿', ' （ 征求意见稿 ） ']) expect(isDraftMarkLine(l), l).toBe(true);
    for (const l of ['（试行）', '第一章 总则', '稿', '草', '（2015年3月1日发布）', '关于征求意见稿的说明', '起草说明']) expect(isDraftMarkLine(l), l).toBe(false);
    const under = parseLawText('淄博市养犬管理条例\n（征求意见稿）\n\n第一条　为了规范养犬行为，制定本条例。\n', { format: 'txt' });
    expect([under.title, under.headerLines, under.units.map((u) => u.kind)]).toEqual(['淄博市养犬管理条例', ['（征求意见稿）'], ['article']]);
    const above = parseLawText('征求意见稿\n\n淄博市养犬管理条例\n\n第一条　为了规范养犬行为，制定本条例。\n', { format: 'txt' });
    expect([above.title, above.headerLines]).toEqual(['淄博市养犬管理条例', ['征求意见稿']]);
    const md = parseLawText('# 淄博市养犬管理条例\n\n（送审稿）\n\n第一条　为了规范养犬行为，制定本条例。\n', { format: 'md' });
    expect([md.title, md.headerLines, md.units.map((u) => u.kind)]).toEqual(['淄博市养犬管理条例', ['（送审稿）'], ['article']]);
  });
});

describe('a draft imported into the library', () => {
  it('is 草案 — by its title or by the mark under it — and the law it would amend keeps its version in force', async () => {
    const { store, report } = await importFixtures('import');
    expect(report.imported).toBe(3);
    const [enacted, marked] = byTitle(store, '淄博市养犬管理条例');
    const [titled] = byTitle(store, '淄博市文明行为促进条例（修订草案征求意见稿）');
    // the 征求意见稿 dated 2015 joins the law of the same title, but is not its version in force
    expect(marked!.lawId).toBe(enacted!.lawId);
    expect([enacted!.status, marked!.status, titled!.status]).toEqual(['现行有效', '草案', '草案']);
    expect([enacted!.draft, marked!.draft, titled!.draft]).toEqual([undefined, true, true]);
    // ranked as the document it becomes: a city's 条例
    expect(titled!.level).toBe('地方性法规');
    expect(store.loadVersion(marked!.id).units.map((u) => u.kind)).toEqual(['article', 'article', 'article']);
    expect(report.warnings.filter((w) => w.message === DRAFT_IMPORTED).map((w) => w.file.split(/[\\/]/).at(-1)).sort()).toEqual([TITLED, MARKED].sort());
    expect(DRAFT_IMPORTED).toContain('草案');
    expect(DRAFT_IMPORTED).not.toContain('按现行有效列出');
    expect(checkLibrary(store)).toEqual([]);
  });

  it('is never the version in force on a date, nor a basis a citation resolves to', async () => {
    const { store } = await importFixtures('basis');
    const [enacted] = byTitle(store, '淄博市养犬管理条例');
    const [titled] = byTitle(store, '淄博市文明行为促进条例（修订草案征求意见稿）');
    const inForce = versionOnDate(store, enacted!.lawId, '2026-01-01');
    expect(inForce.ok && inForce.value.id).toBe(enacted!.id);
    const draftOnly = versionOnDate(store, titled!.lawId, '2026-01-01');
    expect(draftOnly).toEqual({ ok: false, reason: expect.stringContaining('是草案，不是生效的法规'), kind: 'draft-only' });
    const cited = resolveRef(store, { law: '淄博市养犬管理条例', article: '第三条' }, '2026-01-01');
    expect(cited.ok && [cited.value.versionId, cited.value.textSnapshot]).toEqual([enacted!.id, '养犬人应当依法办理养犬登记，携犬出户应当束犬链。']);
    expect(resolveRef(store, { law: titled!.title, article: '第一条' }, '2026-01-01').ok).toBe(false);
    // a 学法 session on the draft studied no law: the yearly counts leave it out
    const session = lawsOfSession(store, { laws: [titled!.lawId, enacted!.lawId], citations: [], topic: '学习', date: '2026-01-01' });
    expect(session.map((s) => s.lawId)).toEqual([enacted!.lawId]);
  });

  it('is not told by a file name alone', async () => {
    const file = join(root, '淄博市城市绿化条例（征求意见稿）.txt');
    writeFileSync(file, '淄博市城市绿化条例\n（2012年6月1日淄博市人民代表大会常务委员会通过）\n\n第一条　为了促进城市绿化事业的发展，制定本条例。\n\n第二条　本条例适用于本市城市规划区。\n');
    const { store, report } = await importFixtures('name', []);
    await importPaths(store, [file]);
    expect(report.warnings).toEqual([]);
    expect(store.versions().map((v) => [v.title, v.status, v.draft])).toEqual([['淄博市城市绿化条例', '现行有效', undefined]]);
  });

  it('takes the 时效性 a person sets, with its basis, and goes back to 草案 when the setting is removed', async () => {
    const { store } = await importFixtures('override', [ENACTED, TITLED]);
    const [titled] = byTitle(store, '淄博市文明行为促进条例（修订草案征求意见稿）');
    const [enacted] = byTitle(store, '淄博市养犬管理条例');
    const adopted = await updateVersionMeta(store, titled!.id, { statusOverride: { status: '现行有效', basis: '经市人大常委会审议通过，已公布施行' } });
    expect(adopted.status).toBe('现行有效');
    expect(versionOnDate(store, titled!.lawId, '2026-01-01').ok).toBe(true);
    expect((await updateVersionMeta(store, titled!.id, { statusOverride: null })).status).toBe('草案');
    expect(versionOnDate(store, titled!.lawId, '2026-01-01').ok).toBe(false);
    // and a text a person recognises as a draft, though nothing in it says so
    expect((await updateVersionMeta(store, enacted!.id, { statusOverride: { status: '草案', basis: '起草单位的内部讨论稿' } })).status).toBe('草案');
    expect(versionOnDate(store, enacted!.lawId, '2026-01-01').ok).toBe(false);
    expect(checkLibrary(store)).toEqual([]);
  });
});

describe('a library written by another LawDesk', () => {
  it('of a newer schema is refused by name, not read with its 草案 entries dropped', async () => {
    const dir = join(root, 'v99');
    cpSync(join(FIXTURES, 'library-v1'), dir, { recursive: true });
    const text = readFileSync(join(dir, 'library.json'), 'utf8').replace('"schemaVersion":1', '"schemaVersion":3');
    writeFileSync(join(dir, 'library.json'), text);
    await expect(openLibrary({ dir, seed: false })).rejects.toThrow('资料库版本为 3，比本程序支持的 2 新');
    expect(readFileSync(join(dir, 'library.json'), 'utf8')).toBe(text);
  });

  // test/fixtures/draft-status/library-v1: the three fixtures imported by main at b6e1861 (schema 1). Its
  // 征求意见稿 under the enacted title was made that law's version in force; the titled draft was 现行有效.
  it('opens valid, every entry as written but its drafts — by title or by the mark line the old import left in the text — now 草案', async () => {
    const dir = join(root, 'v1');
    cpSync(join(FIXTURES, 'library-v1'), dir, { recursive: true });
    const before = readFileSync(join(dir, 'library.json'), 'utf8');
    const stored = JSON.parse(before) as { schemaVersion: number; versions: Record<string, { status: string; title: string }> };
    expect(stored.schemaVersion).toBe(1);
    expect(Object.values(stored.versions).map((v) => v.status).sort()).toEqual(['已修改', '现行有效', '现行有效']);
    const { store } = await openLibrary({ dir, seed: false });
    expect(store.catalogNotes).toEqual([]);
    // written once as schema 2, so that an older LawDesk refuses it rather than drop its 草案 entries
    const after = JSON.parse(readFileSync(join(dir, 'library.json'), 'utf8')) as typeof stored;
    expect(after.schemaVersion).toBe(2);
    expect(Object.keys(after.versions).sort()).toEqual(Object.keys(stored.versions).sort());
    const [titled] = byTitle(store, '淄博市文明行为促进条例（修订草案征求意见稿）');
    const [enacted, marked] = byTitle(store, '淄博市养犬管理条例');
    expect([enacted!.status, marked!.status, titled!.status]).toEqual(['现行有效', '草案', '草案']);
    expect(versionOnDate(store, titled!.lawId, '2026-01-01').ok).toBe(false);
    // the 2015 征求意见稿 no longer displaces the law's enacted text of 2010
    const inForce = versionOnDate(store, enacted!.lawId, '2026-01-01');
    expect(inForce.ok && inForce.value.id).toBe(enacted!.id);
    // the enacted entry reads back as written but its status; the drafts gain 草案, and `draft` where the title does not say it
    expect(after.versions[enacted!.id]).toEqual({ ...stored.versions[enacted!.id], status: '现行有效' });
    expect(after.versions[titled!.id]).toEqual({ ...stored.versions[titled!.id], status: '草案' });
    expect(after.versions[marked!.id]).toEqual({ ...stored.versions[marked!.id], status: '草案', draft: true });
    for (const v of store.versions()) expect(() => store.loadVersion(v.id)).not.toThrow();
    expect(checkLibrary(store)).toEqual([]);
    // once: the next open reads schema 2 and writes nothing
    const written = readFileSync(join(dir, 'library.json'), 'utf8');
    await openLibrary({ dir, seed: false });
    expect(readFileSync(join(dir, 'library.json'), 'utf8')).toBe(written);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  // test/fixtures/draft-status/library-v1-marks: 宪法.md (a 序言 of its own), a 送审稿 notice with （送审稿） on the line
  // under its title and a 征求意见稿 办法 with 征求意见稿 above it, imported by b6e1861's CLI (schema 1; index and
  // derived data left out). That import kept the mark in the body's 前言, or took it for the title.
  it('marks as draft what an older import left marked only in the text, as an import now would, and nothing else', async () => {
    const dir = join(root, 'v1-marks');
    cpSync(join(FIXTURES, 'library-v1-marks'), dir, { recursive: true });
    const stored = JSON.parse(readFileSync(join(dir, 'library.json'), 'utf8')) as { schemaVersion: number; versions: Record<string, { status: string; title: string; draft?: boolean }> };
    expect(stored.schemaVersion).toBe(1);
    expect(Object.values(stored.versions).some((v) => v.status === '草案' || v.draft !== undefined)).toBe(false);
    const { store } = await openLibrary({ dir, seed: false });
    const after = JSON.parse(readFileSync(join(dir, 'library.json'), 'utf8')) as typeof stored;
    expect(after.schemaVersion).toBe(2);
    const drafts = store.versions().filter((v) => v.draft).map((v) => v.sourceFile).sort();
    // the same files an import of today calls drafts, read from their originals
    const { store: now } = await openLibrary({ dir: join(root, 'v1-marks-now'), seed: false });
    await importPaths(now, [resolve(FIXTURES, '../laws/宪法/宪法.md'), join(FIXTURES, '验收通知-标题下注明.md'), join(FIXTURES, '资金办法-标题上注明.txt')]);
    expect(now.versions().filter((v) => v.draft).map((v) => v.sourceFile).sort()).toEqual(drafts);
    expect(drafts).toEqual(['资金办法-标题上注明.txt', '验收通知-标题下注明.md'].sort());
    for (const v of store.versions()) {
      const was = stored.versions[v.id]!;
      expect(after.versions[v.id]).toEqual(v.draft ? { ...was, status: '草案', draft: true } : was);
      expect(v.status).toBe(v.draft ? '草案' : was.status);
    }
    expect(checkLibrary(store)).toEqual([]);
  });
});

describe('a library session 26 migrated to schema 2', () => {
  // test/fixtures/draft-status/library-v2-s26-marks: library-v1-marks opened by session 26's CLI (a68417d9, `lawdesk list`):
  // schema 2, its drafts marked only in the text still 现行有效 / 尚未生效 and without `draft`.
  it('has its drafts marked in the text read once, and stays schema 2 for session 26 to read', async () => {
    const dir = join(root, 'v2-s26');
    cpSync(join(FIXTURES, 'library-v2-s26-marks'), dir, { recursive: true });
    const stored = JSON.parse(readFileSync(join(dir, 'library.json'), 'utf8')) as { schemaVersion: number; draftMarksRead?: number; versions: Record<string, { status: string; draft?: boolean }> };
    expect([stored.schemaVersion, stored.draftMarksRead, Object.values(stored.versions).some((v) => v.status === '草案' || v.draft !== undefined)]).toEqual([2, undefined, false]);
    const { store } = await openLibrary({ dir, seed: false });
    const after = JSON.parse(readFileSync(join(dir, 'library.json'), 'utf8')) as typeof stored;
    expect([after.schemaVersion, after.draftMarksRead]).toEqual([2, 1]);
    const { store: now } = await openLibrary({ dir: join(root, 'v2-s26-now'), seed: false });
    await importPaths(now, [resolve(FIXTURES, '../laws/宪法/宪法.md'), join(FIXTURES, '验收通知-标题下注明.md'), join(FIXTURES, '资金办法-标题上注明.txt')]);
    const drafts = store.versions().filter((v) => v.draft).map((v) => v.sourceFile).sort();
    expect(drafts).toEqual(now.versions().filter((v) => v.draft).map((v) => v.sourceFile).sort());
    expect(drafts.length).toBeGreaterThan(0);
    for (const v of store.versions()) expect(after.versions[v.id]!.status).toBe(v.draft ? '草案' : stored.versions[v.id]!.status);
    const written = readFileSync(join(dir, 'library.json'), 'utf8');
    await openLibrary({ dir, seed: false });
    expect(readFileSync(join(dir, 'library.json'), 'utf8')).toBe(written);
  });
});

describe('a draft named as the basis of a 送审稿', () => {
  it('is reported as a draft (依据的是草案), not as a law not yet in force; the enacted law beside it is a basis', async () => {
    const { store } = await importFixtures('precheck');
    const article = (n: number, label: string, text: string) => ({ key: String(n), kind: 'article' as const, number: n, suffix: 0, label, path: [], paragraphs: [], text });
    const units = [
      article(1, '第一条', '为了促进文明行为，根据《淄博市文明行为促进条例（修订草案征求意见稿）》《淄博市养犬管理条例》，结合本县实际，制定本办法。'),
      article(2, '第二条', '依照《淄博市文明行为促进条例（修订草案征求意见稿）》第二条的规定，县科学技术局负责本办法的实施。'),
      article(3, '第三条', '依照《淄博市养犬管理条例》第三条的规定，养犬人应当办理养犬登记。'),
    ];
    const r = precheck(store, { title: '高青县文明行为促进办法', units, kind: '规范性文件', asOf: '2026-12-06' });
    const cited = r.findings.filter((f) => f.category === '内容' || f.category === '权限').filter((f) => f.rule.startsWith('citation-'));
    expect(cited.map((f) => [f.article?.label, f.rule, f.ruleName, f.severity])).toEqual([
      ['第一条', 'citation-draft', '依据的是草案', '必须修改'],
      ['第二条', 'citation-draft', '引用草案的条文', '必须修改'],
    ]);
    for (const f of cited) {
      expect(f.reason).toContain('《淄博市文明行为促进条例（修订草案征求意见稿）》是草案');
      expect(f.reason).toContain('不能作为制定依据');
      expect(f.reason).not.toMatch(/尚未施行|审查日/);
      expect(f.suggestion).toContain('现行有效');
    }
    // the enacted 养犬条例 resolves to its version in force, not to the 征求意见稿 of 2015 under the same title
    const [enacted] = byTitle(store, '淄博市养犬管理条例');
    expect(r.citations.filter((c) => c.status === 'resolved').map((c) => [c.article?.label, c.versionId])).toEqual([
      ['第一条', enacted!.id],
      ['第三条', enacted!.id],
    ]);
  });
});

describe('lawdesk show --json and list --json', () => {
  const cli = (lib: string, ...args: string[]) => {
    const r = spawnSync(process.execPath, [resolve(import.meta.dirname, '../../../electron/cli/bin.mjs'), ...args, '--library', lib], { encoding: 'utf8', env: { ...process.env, LAWDESK_STARTER_DIR: join(root, 'no-starter') } });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  it('carry status 草案 and draft: true for a draft, status alone for the law in force', () => {
    const lib = join(root, 'cli');
    const imported = cli(lib, 'import', join(FIXTURES, ENACTED), join(FIXTURES, MARKED), join(FIXTURES, TITLED), '--json');
    expect([imported.code, JSON.parse(imported.out).imported]).toEqual([0, 3]);
    const shown = JSON.parse(cli(lib, 'show', '淄博市文明行为促进条例（修订草案征求意见稿）', '--json').out) as Record<string, unknown>;
    expect([shown.status, shown.draft]).toEqual(['草案', true]);
    const rows = JSON.parse(cli(lib, 'list', '--json').out) as { title: string; status: string }[];
    expect(rows.map((r) => `${r.title} ${r.status}`).sort()).toEqual(['淄博市养犬管理条例 现行有效', '淄博市养犬管理条例 草案', '淄博市文明行为促进条例（修订草案征求意见稿） 草案']);
  });
});
