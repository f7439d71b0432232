// The command-line faces of the workbench: `lawdesk precheck FILE --json` (a documented contract)
// and `lawdesk review draft|precheck|accept|dismiss|opinion`.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PrecheckResultSchema } from '../../../electron/shared/review-workbench';
import { CONTRACT_LAWS, DRAFTS, REVIEW_LAWS, ROOT, RULES } from './review-test-support';

const work = mkdtempSync(join(tmpdir(), 'lawdesk-precheck-cli-'));
const lib = join(work, 'lib');
function lawdesk(...args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'electron/cli/bin.mjs'), ...args, '--library', lib], {
    encoding: 'utf8',
    env: { ...process.env, LAWDESK_STARTER_DIR: '/nonexistent', LAWDESK_USER: '李明' },
  });
}

beforeAll(() => {
  expect(lawdesk('import', REVIEW_LAWS).status).toBe(0);
  expect(lawdesk('import', CONTRACT_LAWS).status).toBe(0);
}, 90_000);

describe('lawdesk precheck', () => {
  it('--json is the PrecheckResult contract: rule, severity, article, excerpt, basis {lawId, versionId, articleKey}, reason', () => {
    const r = lawdesk('precheck', join(DRAFTS, 'planted-innovation-voucher.md'), '--as-of', '2026-03-01', '--json');
    expect(r.status, r.stderr).toBe(0);
    const out = PrecheckResultSchema.parse(JSON.parse(r.stdout));
    const permit = out.findings.find((f) => f.rule === 'permit-create')!;
    expect(permit).toMatchObject({ severity: '必须修改', article: { key: '5', label: '第五条' } });
    expect(permit.basis).toMatchObject({ articleKey: '17' });
    expect(permit.basis!.lawId).toMatch(/^L[0-9a-f]{10}$/);
    expect(permit.basis!.versionId).toBe(`${permit.basis!.lawId}@2019-04-23`);
    expect(out.counts['必须修改']).toBeGreaterThan(5);
  }, 60_000);

  it('--kind 合同 runs the contract rules, the parties above 第一条 included, each basis a 民法典 article', () => {
    const r = lawdesk('precheck', join(DRAFTS, 'planted-tech-development-contract.md'), '--kind', '合同', '--as-of', '2026-03-01', '--json');
    expect(r.status, r.stderr).toBe(0);
    const out = PrecheckResultSchema.parse(JSON.parse(r.stdout));
    expect(out.kind).toBe('合同');
    const party = out.findings.find((f) => f.rule === 'contract-internal-department')!;
    expect(party).toMatchObject({ severity: '必须修改', article: null, excerpt: '委托方（甲方）：高青县科学技术局成果转化科' });
    expect(party.basis).toMatchObject({ citation: '《中华人民共和国民法典》第九十七条' });
    expect(party.basis!.versionId).toMatch(/^L[0-9a-f]{10}@2020-05-28$/);
    expect(out.findings.find((f) => f.rule === 'contract-excessive-penalty')!.article!.label).toBe('第七条');
    // the same file as a 规范性文件: no contract rule looks at it
    const asNormative = PrecheckResultSchema.parse(JSON.parse(lawdesk('precheck', join(DRAFTS, 'planted-tech-development-contract.md'), '--as-of', '2026-03-01', '--json').stdout));
    expect(asNormative.findings.filter((f) => f.rule.startsWith('contract-'))).toEqual([]);
  }, 60_000);

  it('bad input: an empty file, an unknown kind, a broken rule file — clear messages, exit codes', () => {
    const empty = join(work, '空.md');
    writeFileSync(empty, '');
    const r1 = lawdesk('precheck', empty);
    expect(r1.status).toBe(1);
    expect(r1.stderr).toContain('送审稿“空.md”无法读取：空文件（0 字节）');
    const r2 = lawdesk('precheck', join(DRAFTS, 'planted-incubator.txt'), '--kind', '通知');
    expect(r2.status).toBe(2);
    const rules = join(work, 'rules');
    cpSync(RULES, rules, { recursive: true });
    const f = join(rules, '20-fair-competition.json');
    writeFileSync(f, readFileSync(f, 'utf8').replace('"severity": "需核实"', '"severity": "很严重"'));
    const r3 = lawdesk('precheck', join(DRAFTS, 'planted-incubator.txt'), '--rules', rules);
    expect(r3.status).toBe(1);
    expect(r3.stderr).toMatch(/规则文件“20-fair-competition.json”有错误：第 1 条规则“fc-8-3-designated”：“severity”应为 .* 之一，收到 "很严重"/);
  }, 60_000);
});

describe('lawdesk review draft / precheck / accept / dismiss / opinion', () => {
  it('runs the whole review from the command line', () => {
    const input = join(work, 'review.json');
    writeFileSync(input, JSON.stringify({ type: '规范性文件', title: '高青县专利资助和保护暂行办法（送审稿）', leadUnit: '知识产权科', receivedDate: '2021-12-20', completedDate: '2021-12-28', conclusion: '修改后合法', status: '审查中', opinion: { text: '请修改后报送。', adviser: '李明' } }));
    const add = lawdesk('review', 'add', '--from', input, '--json');
    expect(add.status, add.stderr).toBe(0);
    const id = (JSON.parse(add.stdout) as { record: { id: string } }).record.id;
    expect(lawdesk('review', 'draft', id, join(DRAFTS, 'planted-patent-funding.md')).status).toBe(0);
    const pre = lawdesk('review', 'precheck', id, '--json');
    expect(pre.status, pre.stderr).toBe(0);
    const res = PrecheckResultSchema.parse(JSON.parse(pre.stdout));
    const pen = res.findings.find((f) => f.rule === 'penalty-create' && f.article?.label === '第九条')!;
    const fee = res.findings.find((f) => f.rule === 'fee-create')!;
    expect(lawdesk('review', 'accept', id, pen.id).status).toBe(0);
    expect(lawdesk('review', 'dismiss', id, fee.id).status).toBe(2); // no reason
    expect(lawdesk('review', 'dismiss', id, fee.id, '--reason', '押金由展会主办方自行收取，不向行政机关缴纳').status).toBe(0);
    // the listing shows the decisions, and --json carries them for this result's findings
    const listed = lawdesk('review', 'precheck', id);
    expect(listed.stdout).toContain('▶ 不采纳：押金由展会主办方自行收取，不向行政机关缴纳');
    expect(listed.stdout).toContain('▶ 已采纳');
    const decided = JSON.parse(lawdesk('review', 'precheck', id, '--json').stdout) as { decisions: Record<string, { status: string }> };
    expect(decided.decisions[fee.id]!.status).toBe('dismissed');
    expect(decided.decisions[pen.id]!.status).toBe('accepted');
    const out = join(work, '意见书.docx');
    const op = lawdesk('review', 'opinion', id, '--format', 'docx', '--out', out, '--office', '高青县科学技术局', '--prefix', '高科审', '--json');
    expect(op.status, op.stderr).toBe(0);
    expect(existsSync(out)).toBe(true);
    // the findings nobody decided are counted, and said without --json
    expect((JSON.parse(op.stdout) as { undecided: number }).undecided).toBe(res.findings.length - 2);
    const told = lawdesk('review', 'opinion', id, '--out', join(work, '意见书2.docx'));
    expect(told.status, told.stderr).toBe(0);
    expect(told.stderr).toContain(`注意：还有 ${res.findings.length - 2} 条预审意见待处理`);
    // --quotes none: the same 意见书 naming its articles only (no article quoted); a wrong value is a usage error
    const short = lawdesk('review', 'opinion', id, '--out', join(work, '意见书3.docx'), '--quotes', 'none', '--json');
    expect(short.status, short.stderr).toBe(0);
    expect((JSON.parse(op.stdout) as { articles: number }).articles).toBeGreaterThan(0);
    expect((JSON.parse(short.stdout) as { articles: number }).articles).toBe(0);
    // --quotes annex: named in the text, each article quoted once in the annex
    const annexed = lawdesk('review', 'opinion', id, '--out', join(work, '意见书5.docx'), '--quotes', 'annex', '--json');
    expect(annexed.status, annexed.stderr).toBe(0);
    expect((JSON.parse(annexed.stdout) as { articles: number }).articles).toBeGreaterThan(0);
    const wrong = lawdesk('review', 'opinion', id, '--out', join(work, '意见书4.docx'), '--quotes', 'appendix');
    expect(wrong.status).not.toBe(0);
    expect(wrong.stderr).toContain('--quotes 应为 inline（正文引用条文原文）、none（只列条文号）或 annex（附件列出条文原文），收到“appendix”');
    const show = JSON.parse(lawdesk('review', 'show', id, '--json').stdout) as { findings: { authority: { citations: { citation: string }[] } }; notes: string };
    expect(show.findings.authority.citations.map((c) => c.citation)).toContain('《中华人民共和国行政处罚法》（2021年修订）第十六条');
    expect(show.notes).toContain('押金由展会主办方自行收取');
  }, 300_000); // thirteen CLI processes, each opening the library: 110–125 s at load 17 on two cores

  // The record page and the workbench warn before generating when the record's 草案第N条 were written on
  // an earlier 送审稿; `review opinion` generated silently (the 意见书 only noted the version in brackets).
  it('review opinion warns of 草案 articles written on an earlier 送审稿', () => {
    const input = join(work, 'subsidy.json');
    writeFileSync(input, JSON.stringify({ type: '规范性文件', title: '城口县科技型企业研发费用补助管理办法（送审稿）', leadUnit: '科技创新股', receivedDate: '2026-11-20' }));
    const id = (JSON.parse(lawdesk('review', 'add', '--from', input, '--json').stdout) as { record: { id: string } }).record.id;
    expect(lawdesk('review', 'draft', id, join(DRAFTS, 'received-rd-subsidy.md')).status).toBe(0);
    writeFileSync(input, JSON.stringify({ opinion: { text: '建议删除草案第五条关于审核费的规定，草案第七条的有效期改为五年。', adviser: '李明' } }));
    expect(lawdesk('review', 'update', id, '--from', input, '--link').status).toBe(0);
    const quiet = lawdesk('review', 'opinion', id, '--out', join(work, '补助意见书1.docx'), '--json');
    expect(quiet.status, quiet.stderr).toBe(0);
    expect(quiet.stderr).not.toContain('较早的送审稿');
    // the unit sends 第二稿 with 第二条 dropped: 第五条 and 第七条 are now 第四条 and 第六条
    expect(lawdesk('review', 'draft', id, join(DRAFTS, 'versions', '研发费用补助管理办法（送审稿第二稿）.md')).status).toBe(0);
    const told = lawdesk('review', 'opinion', id, '--out', join(work, '补助意见书2.docx'), '--json');
    expect(told.status, told.stderr).toBe(0);
    expect(told.stderr).toMatch(/注意：审查意见中的“(第1稿)?第五条”.*写于较早的送审稿.*请先在审查记录中按第2稿的条号改写/);
    expect((JSON.parse(told.stdout) as { staleDraftLinks?: string }).staleDraftLinks).toContain('第七条');
  }, 300_000);
});
