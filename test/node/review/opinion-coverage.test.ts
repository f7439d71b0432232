// The 意见书 says 经审查，未发现问题 only of a 要点 a check reached: without a 送审稿, with findings
// nobody decided, with no check of the point, or when the pre-check could not run, the point reads
// 未审查 with the reason (shared/opinion-coverage.ts), and the command line warns of the same.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ReviewWorkbench } from '../../../electron/core/review/workbench-service';
import { opinionCoverage } from '../../../electron/core/review/opinion-coverage';
import { loadRuleSet } from '../../../electron/core/review/review-rules';
import { emptyPointText, uncheckedPoints } from '../../../electron/shared/opinion-coverage';
import type { PackDocument } from '../../../electron/core/packs/pack-document';
import { DRAFTS, REVIEW_LAWS, ROOT, RULES, makeDraftReview, makeReviewLibrary, type ReviewLibrary } from './review-test-support';

let lib: ReviewLibrary | undefined;
afterEach(() => lib?.cleanup());

/** The paragraph under each 要点 heading of the 意见书's 审查意见. */
function points(doc: PackDocument): Record<string, string> {
  const blocks = doc.sections.flatMap((s) => s.blocks);
  const out: Record<string, string> = {};
  blocks.forEach((b, i) => {
    const next = blocks[i + 1];
    if (b.kind === 'subheading' && next?.kind === 'paragraph') out[b.text.replace(/^（.）关于/, '')] = next.text;
  });
  return out;
}

describe('what the 意见书 says of a 要点 without an opinion', () => {
  it('no 送审稿: every point reads 未审查 with the reason, none 未发现问题', async () => {
    lib = await makeReviewLibrary();
    const wb = new ReviewWorkbench(lib.store, lib.svc, { rulesDir: RULES });
    const { record } = await lib.svc.createReview({ type: '规范性文件', title: '高青县专利资助和保护暂行办法（送审稿）', leadUnit: '高新技术科', receivedDate: '2026-02-24' });
    const p = points(await wb.opinionDocument(record.id, { date: '2026-03-05' }));
    expect(Object.values(p)).toEqual(Array(3).fill('未审查：未提供送审稿文本，未进行预审，需人工审查。'));
  });

  it('a 送审稿 pre-checked: undecided findings leave the point 未审查; once all are decided it reads 经审查，未发现问题', async () => {
    const made = await makeDraftReview('planted-innovation-voucher.md');
    lib = made.lib;
    const { wb, reviewId } = made;
    const result = await wb.run(reviewId, { panel: false });
    const content = result.findings.filter((f) => f.category === '内容');
    expect(content.length).toBeGreaterThan(0);
    const before = points(await wb.opinionDocument(reviewId, { date: '2026-03-05' }));
    expect(before['文件内容']).toBe(`未审查：预审提示的 ${content.length} 条意见尚未处理，需人工审查。`);
    for (const f of content) await wb.dismiss(reviewId, f.id, '经核对，不属于该问题');
    const after = points(await wb.opinionDocument(reviewId, { date: '2026-03-05' }));
    expect(after['文件内容']).toBe('经审查，未发现问题。');
    // 权限 still has open findings: it is not said to be without problems
    expect(after['制定主体和权限']).toMatch(/^未审查：预审提示的 \d+ 条意见尚未处理/);
  });

  it('a point the rule set has no check of, and a pre-check that could not run, are said so', async () => {
    const made = await makeDraftReview('planted-innovation-voucher.md');
    lib = made.lib;
    const review = await lib.svc.getReview(made.reviewId);
    const rules = loadRuleSet(RULES);
    const without = { ...rules, rules: rules.rules.filter((r) => r.category !== '内容') };
    const result = await made.wb.run(made.reviewId, { panel: false });
    const c = opinionCoverage({ review, kind: '规范性文件', precheck: { ...result, findings: [] }, rules: without, decided: new Set() });
    expect(c).toEqual({ 权限: { checked: true }, 程序: { checked: true }, 内容: { checked: false, reason: { code: 'no-rule' } } });
    expect(emptyPointText(c.内容, '经审查，未发现问题。')).toBe('未审查：预审没有该要点的检查项，需人工审查。');
    // a rules folder that cannot be read: the pre-check failed, and the 意见书 says it was not done
    const dir = mkdtempSync(join(tmpdir(), 'bad-rules-'));
    writeFileSync(join(dir, '10.json'), '{');
    const broken = new ReviewWorkbench(lib.store, lib.svc, { rulesDir: dir });
    const p = points(await broken.opinionDocument(made.reviewId, { date: '2026-03-05' }));
    expect(p['文件内容']).toMatch(/^未审查：预审未能完成（规则文件“10.json”有错误：不是合法的 JSON/);
    expect(uncheckedPoints(await broken.coverage(made.reviewId)).map((u) => u.category)).toEqual(['权限', '程序', '内容']);
  });

  it('an opinion the adviser wrote in the record is the check of that point', async () => {
    lib = await makeReviewLibrary();
    const wb = new ReviewWorkbench(lib.store, lib.svc, { rulesDir: RULES });
    const { record } = await lib.svc.createReview({ type: '合同', title: '技术服务合同', leadUnit: '高新技术科', receivedDate: '2026-02-24' });
    const r = await lib.svc.getReview(record.id);
    await lib.svc.updateReview(record.id, { findings: { ...r.findings, authority: { ...r.findings.authority, text: '合同主体适格。' } } });
    const c = await wb.coverage(record.id);
    expect(c.权限).toEqual({ checked: true });
    expect(c.内容).toEqual({ checked: false, reason: { code: 'no-draft' } });
  });
});

describe('lawdesk review opinion', () => {
  it('without a 送审稿 it still writes the 意见书, warns on stderr, and --json says which points were not checked', () => {
    const work = mkdtempSync(join(tmpdir(), 'lawdesk-opinion-cli-'));
    const run = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'electron/cli/bin.mjs'), ...args, '--library', join(work, 'lib')], { encoding: 'utf8', env: { ...process.env, LAWDESK_STARTER_DIR: '/nonexistent', LAWDESK_USER: '李明' } });
    expect(run('import', REVIEW_LAWS).status).toBe(0);
    const input = join(work, 'review.json');
    writeFileSync(input, JSON.stringify({ type: '规范性文件', title: '高青县专利资助和保护暂行办法（送审稿）', leadUnit: '高新技术科', receivedDate: '2026-02-24' }));
    const id = (JSON.parse(run('review', 'add', '--from', input, '--json').stdout) as { record: { id: string } }).record.id;
    const told = run('review', 'opinion', id, '--out', join(work, 'a.docx'));
    expect(told.status, told.stderr).toBe(0);
    expect(told.stderr).toContain(`注意：审查记录 ${id} 没有送审稿，意见书只按审查记录生成`);
    expect(told.stderr).toContain('注意：意见书“权限”要点写作“未审查”：未提供送审稿文本，未进行预审');
    // no 审查结论 chosen: the 意见书 reads 审查结论待定, and the command says so
    expect(told.stderr).toContain('注意：审查记录还没有选定审查结论，意见书将写作“审查结论待定”。');
    const json = run('review', 'opinion', id, '--out', join(work, 'b.docx'), '--json');
    expect(json.status, json.stderr).toBe(0);
    const out = JSON.parse(json.stdout) as { draft: boolean; unchecked: { category: string; code: string }[] };
    expect(out.draft).toBe(false);
    expect(out.unchecked.map((u) => `${u.category}:${u.code}`)).toEqual(['权限:no-draft', '程序:no-draft', '内容:no-draft']);
    // with a 送审稿 the no-draft warning is gone
    expect(run('review', 'draft', id, join(DRAFTS, 'planted-patent-funding.md')).status).toBe(0);
    const later = run('review', 'opinion', id, '--out', join(work, 'c.docx'));
    expect(later.stderr).not.toContain('没有送审稿');
    // once the record has its conclusion, no word of one undecided, and --json names it
    writeFileSync(input, JSON.stringify({ conclusion: '修改后合法' }));
    const updated = run('review', 'update', id, '--from', input);
    expect(updated.status, updated.stderr).toBe(0);
    const concluded = run('review', 'opinion', id, '--out', join(work, 'd.docx'), '--json');
    expect(concluded.status, concluded.stderr).toBe(0);
    expect(concluded.stderr).not.toContain('审查结论');
    expect((JSON.parse(concluded.stdout) as { conclusion?: string }).conclusion).toBe('修改后合法');
  }, 120_000);
});
