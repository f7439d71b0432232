// The 上位法 panel never offers the document under review as its own 上位法: a new user who imported
// a folder holding the 送审稿 (or the text as adopted) has it in the library as a 规范性文件 of the
// office's county, whose articles match the draft's word for word.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPaths } from '../../../electron/core/library/library-import';
import { parseDraftFile } from '../../../electron/core/review/draft-store';
import { precheck } from '../../../electron/core/review/precheck';
import { loadRuleSet } from '../../../electron/core/review/review-rules';
import { SearchEngine } from '../../../electron/core/search/search-engine';
import { documentTitleOf, isDraftTitle } from '../../../electron/shared/draft-title';
import { RULES, makeReviewLibrary, type ReviewLibrary } from './review-test-support';

const TEXT = [
  '第一条　为促进本县科技企业孵化器建设，培育科技型中小企业，制定本办法。',
  '第二条　县科学技术局负责孵化器的认定、考核和绩效评价，县财政局负责奖补资金的预算安排和拨付。',
  '第三条　新认定的省级科技企业孵化器，县财政给予一次性奖励三十万元，用于孵化场地改造和公共服务平台建设。',
  '第四条　孵化器应当为在孵企业提供创业辅导、投融资对接、知识产权代理和技术转移服务。',
].join('\n\n');
let lib: ReviewLibrary;
let engine: SearchEngine;
const tmp = mkdtempSync(join(tmpdir(), 'higher-law-self-'));
beforeAll(async () => {
  lib = await makeReviewLibrary();
  // the folder the user imported: the draft itself, as a law of 高青县 (草案), and the text as adopted
  writeFileSync(join(tmp, 'imported.md'), `# 高青县科技企业孵化器奖补办法（征求意见稿）\n\n${TEXT}\n`);
  writeFileSync(join(tmp, 'adopted.md'), `# 高青县科技企业孵化器奖补办法\n\n${TEXT}\n`);
  expect((await importPaths(lib.store, [join(tmp, 'imported.md'), join(tmp, 'adopted.md')])).imported).toBe(2);
  engine = await SearchEngine.open(lib.store, { persist: false });
});
afterAll(() => {
  engine?.close();
  lib?.cleanup();
  rmSync(tmp, { recursive: true, force: true });
});

async function panelOf(title: string) {
  writeFileSync(join(tmp, 'draft.md'), `# ${title}\n\n${TEXT}\n`);
  const d = await parseDraftFile(join(tmp, 'draft.md'));
  const r = precheck(lib.store, { title: d.title, units: d.units, kind: '规范性文件', asOf: '2026-03-01' }, { rules: loadRuleSet(RULES), search: engine, region: '山东·淄博·高青县' });
  return Object.values(r.higherLaw!).flat().map((m) => m.title);
}

describe('the document under review in the library', () => {
  it('is not its own 上位法, whether the library holds its 征求意见稿 and the 送审稿 is reviewed or the same draft', async () => {
    expect(await panelOf('高青县科技企业孵化器奖补办法（送审稿）')).not.toContain('高青县科技企业孵化器奖补办法（征求意见稿）');
    expect(await panelOf('高青县科技企业孵化器奖补办法（征求意见稿）')).not.toContain('高青县科技企业孵化器奖补办法（征求意见稿）');
  });

  it('nor is the text as adopted; for another document with the same articles the adopted text is shown, the draft (草案) never', async () => {
    expect(await panelOf('高青县科技企业孵化器奖补办法（送审稿）')).not.toContain('高青县科技企业孵化器奖补办法');
    const other = await panelOf('高青县科技型中小企业培育办法（送审稿）');
    expect(other).toContain('高青县科技企业孵化器奖补办法');
    expect(other).not.toContain('高青县科技企业孵化器奖补办法（征求意见稿）');
  });

  it('a draft’s title names the document it becomes; 试行 and 修订 are no draft marks', () => {
    expect(documentTitleOf('《某县专项资金管理办法（送审稿）》')).toBe('某县专项资金管理办法');
    expect(documentTitleOf('某某条例（修订草案征求意见稿）')).toBe('某某条例');
    expect(documentTitleOf('某县行动方案（草案）')).toBe('某县行动方案');
    expect(isDraftTitle('某县奖励办法（第二次送审稿）')).toBe(true);
    expect(isDraftTitle('某县奖励办法（试行）')).toBe(false);
    expect(isDraftTitle('某某条例（2020年修订）')).toBe(false);
  });
});
