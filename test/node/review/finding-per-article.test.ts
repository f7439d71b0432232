// One problem of one article is one finding: a rule that finds two sentences of one 条 for the same
// reason (罚款 in one, 吊销 in the next) gives one finding quoting both, marked at both places; its
// record line and its row of the 修改建议对照表 quote both sentences.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../../electron/shared/law-model';
import { findingExcerpts } from '../../../electron/shared/review-workbench';
import { precheck } from '../../../electron/core/review/precheck';
import { loadRuleSet } from '../../../electron/core/review/review-rules';
import { ReviewWorkbench } from '../../../electron/core/review/workbench-service';
import { RULES, makeReviewLibrary, type ReviewLibrary } from './review-test-support';

let lib: ReviewLibrary;
const rules = loadRuleSet(RULES);
beforeAll(async () => {
  lib = await makeReviewLibrary();
});
afterAll(() => lib?.cleanup());

const LABELS = '一二三四五六七八九十';
const units = (texts: string[]): Article[] => texts.map((text, i) => ({ key: String(i + 1), kind: 'article' as const, number: i + 1, suffix: 0, label: `第${LABELS[i]}条`, path: [], paragraphs: [], text }));
const check = (texts: string[]) => precheck(lib.store, { title: '某县农业技术推广资金管理办法（送审稿）', units: units(texts), kind: '规范性文件', asOf: '2026-03-01' }, { rules });

const FINE = '申报单位以虚报手段骗取资金的，由县农业农村局处骗取金额三倍的罚款。';
const REVOKE = '情节严重的，由县农业农村局吊销其推广服务资格。';

describe('one finding per rule and article', () => {
  it('two sentences of one article that set penalties are one 设定行政处罚 finding quoting both, marked at both', () => {
    const r = check(['为规范农业技术推广资金管理，制定本办法。', `${FINE}${REVOKE}`]);
    const penalty = r.findings.filter((f) => f.rule === 'penalty-create');
    expect(penalty).toHaveLength(1);
    const f = penalty[0]!;
    expect(f.article?.label).toBe('第二条');
    expect(findingExcerpts(f)).toEqual([FINE, REVOKE]);
    // each sentence's trigger lies inside that sentence of the article's text
    const text = `${FINE}${REVOKE}`;
    expect(f.end!).toBeLessThanOrEqual(FINE.length);
    expect(f.also![0]!.start).toBeGreaterThanOrEqual(FINE.length);
    expect(text.slice(f.also![0]!.start, f.also![0]!.end)).toContain('吊销');
    expect(r.counts['必须修改']! + r.counts['需核实']! + r.counts['提示']!).toBe(r.findings.length);
  });

  it('the same rule in two articles stays two findings, and one sentence alone has no `also`', () => {
    const r = check([FINE, REVOKE]);
    const penalty = r.findings.filter((f) => f.rule === 'penalty-create');
    expect(penalty.map((f) => f.article?.label)).toEqual(['第一条', '第二条']);
    expect(penalty.every((f) => f.also === undefined)).toBe(true);
  });

  it('accepted, the record line and the 对照表 row quote both sentences', async () => {
    const wb = new ReviewWorkbench(lib.store, lib.svc, { rulesDir: RULES });
    const { record } = await lib.svc.createReview({ type: '规范性文件', title: '某县农业技术推广资金管理办法（送审稿）', leadUnit: '科教科', receivedDate: '2026-02-24' });
    const dir = mkdtempSync(join(tmpdir(), 'lawdesk-per-article-'));
    const file = join(dir, '某县农业技术推广资金管理办法（送审稿）.txt');
    writeFileSync(file, ['某县农业技术推广资金管理办法（送审稿）', '', '第一条　为规范农业技术推广资金管理，制定本办法。', '', `第二条　${FINE}${REVOKE}`, ''].join('\n'));
    await wb.drafts.addDraft(record.id, file);
    const view = await wb.view(record.id, { panel: false });
    const f = view.result!.findings.find((x) => x.rule === 'penalty-create')!;
    expect(findingExcerpts(f)).toEqual([FINE, REVOKE]);
    await wb.accept(record.id, f.id);
    const row = wb.suggestions(record.id).find((s) => s.findingId === f.id)!;
    expect(row.original).toBe(`${FINE}${REVOKE}`);
    const review = await lib.svc.getReview(record.id);
    const line = review.findings.authority.text.split('\n').find((l) => l.startsWith('送审稿第二条'))!;
    expect(line.startsWith(`送审稿第二条“${FINE}”“${REVOKE}”：`)).toBe(true);
  });
});
