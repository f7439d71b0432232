// 审查工作台 end to end in Chromium: open a review, upload its 送审稿, see the findings marked in
// the draft, accept two (button and keyboard), dismiss one with a reason, export the 意见书 and
// check the downloaded DOCX holds the accepted bases' article texts. Then a second test: the
// pre-check's percentage, an edited 建议修改为, a second version and its diff, and the 意见书
// holding the edited wording.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { docxText, squash } from '../node/packs/pack-test-support';
import { uncheckedSentence, type OpinionCoverage } from '../../electron/shared/opinion-coverage';
import { partLines } from '../../electron/shared/article-part';
import { ROOT, answerDialog, go, haveChromium, useBrowser } from './browser-harness';

/**
 * 生成合法性审查意见书, then 仍然生成 in the question it asks, and the 意见书 downloaded. The question comes
 * after a coverage check (the latest draft's pre-check, kept since the page's view unless the record
 * changed) and the file after the DOCX is written:
 * the download is awaited from the 仍然生成 click once the question is shown, for as long as the test may
 * run — a wait begun before the first click counted the coverage check against its own 30 s and, on a
 * loaded CI machine, ran out before the file came.
 */
async function exportAnyway(page: Page): Promise<Download> {
  await page.getByTestId('wb-export').click();
  const anyway = page.getByTestId('wb-export-anyway');
  await anyway.waitFor();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 0 }), anyway.click()]);
  return download;
}

describe.skipIf(!haveChromium)('审查工作台 in Chromium', () => {
  const withSession = useBrowser();

  it('opens a draft in a review, accepts two findings, dismisses one, exports the 意见书', () =>
    withSession(async ({ page, face }) => {
      const created = (await face.service.call('reviews:create', { input: { type: '规范性文件', title: '高青县科技创新券管理办法（征求意见稿）', leadUnit: '高新技术科', receivedDate: '2026-02-24' } })) as { record: { id: string } };
      const id = created.record.id;
      await face.service.call('office:set', { region: '山东·淄博·高青县' });
      await go(page, `#/review/${id}`);
      await page.getByTestId('review-open-workbench').click();
      await page.waitForURL(/#\/workbench\//);
      await page.getByTestId('workbench').locator('input[type=file]').setInputFiles(join(ROOT, 'test/fixtures/drafts/planted-innovation-voucher.md'));
      await page.getByTestId('wb-draft').waitFor();
      await expect.poll(() => page.getByTestId('wb-finding').count()).toBeGreaterThan(10);
      // the read draft's findings take the focus: j/k/a/d act at once
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('wb-findings');
      // the list's keys are read whole under its title, none cut off by the card (…（随后转到下…, session 21)
      const keys = page.getByTestId('wb-findings-keys');
      expect(await keys.textContent()).toBe('j/k 或 ↑↓ 选择，e 编辑建议，a 采纳，d 不采纳（随后转到下一条待处理）');
      expect(await keys.evaluate((el) => { const head = el.closest('.ant-card-head-title')!; return head.scrollWidth <= head.clientWidth && el.getBoundingClientRect().right <= head.getBoundingClientRect().right + 1; })).toBe(true);
      // the findings are marked in the draft's text
      expect(await page.locator('mark.wb-mark').count()).toBeGreaterThan(5);
      // the 上位法 panel says where it looked: the office's province from 单位信息
      expect(await page.getByTestId('wb-panel-scope').textContent()).toBe('国家和山东、淄博、高青县');

      const finding = (rule: string) => page.getByTestId('wb-finding').filter({ hasText: rule });
      await finding('设定行政许可').click();
      await finding('设定行政许可').getByTestId('wb-accept').click();
      await finding('设定行政许可').getByText('已采纳').waitFor();
      // keyboard: select 设定收费 and press a
      await finding('设定收费').click();
      await page.keyboard.press('a');
      await finding('设定收费').getByText('已采纳').waitFor();
      await finding('增加义务或减损权利').click();
      await page.keyboard.press('d');
      await page.getByTestId('wb-dismiss-reason').fill('失信惩戒有《山东省社会信用条例》依据');
      await page.getByTestId('wb-dismiss-ok').click();
      await finding('增加义务或减损权利').getByText('不采纳', { exact: true }).waitFor();
      await expect.poll(() => page.getByTestId('wb-suggestions').textContent()).toContain('修改建议对照表（2）');
      // a 公平竞争审查 checklist item excluded with its reason
      await page.getByTestId('wb-fair').getByTestId('wb-fc-dismiss').first().click();
      await page.getByTestId('wb-dismiss-reason').fill('属于第十二条第（二）项促进科学技术进步的情形，实施期限两年');
      await page.getByTestId('wb-dismiss-ok').click();
      await page.getByTestId('wb-fair').getByText('已排除：属于第十二条').waitFor();

      // Findings still undecided: the 意见书 says 未审查 of their points, so the adviser is asked first.
      const pending = Number(/待处理 (\d+)/.exec((await page.getByTestId('wb-counts').textContent())!)![1]);
      expect(pending).toBeGreaterThan(0);
      await page.getByTestId('wb-export').click();
      const ask = page.locator('.ant-modal-confirm');
      await expect.poll(() => ask.locator('.ant-modal-confirm-title').textContent()).toMatch(new RegExp(`^还有 ${pending} 条预审意见待处理`));
      // and which 要点 will read 未审查, as the core counts them (程序 here: its findings are all still open)
      const coverage = (await face.service.call('workbench:coverage', { id })) as OpinionCoverage;
      expect(coverage.程序.checked).toBe(false);
      expect(await ask.textContent()).toContain(uncheckedSentence(coverage));
      // The single-letter keys act on the findings list only: not in this dialog, not from the
      // sider, not with Ctrl (Ctrl+A selects all; it does not 采纳).
      const selectedFinding = () => page.locator('[data-testid="wb-finding"][aria-current="true"]').getAttribute('data-finding');
      const ids = await page.getByTestId('wb-finding').evaluateAll((els) => els.map((e) => e.getAttribute('data-finding')));
      const at = await selectedFinding();
      const next = ids[ids.indexOf(at) + 1];
      expect(next).toBeTruthy();
      const accepts: string[] = [];
      page.on('request', (r) => {
        if (r.url().includes('workbench:accept')) accepts.push(r.url());
      });
      await page.keyboard.press('d');
      await page.keyboard.press('j');
      await ask.getByRole('button', { name: '返回处理' }).click();
      await ask.waitFor({ state: 'detached' });
      await page.getByTestId('app-sider').locator('a').first().focus();
      await page.keyboard.press('j');
      await page.keyboard.press('a');
      await page.getByTestId('wb-findings').focus();
      await page.keyboard.press('Control+a');
      // one j on the list moves one finding on: none of the keys before moved or decided anything
      await page.keyboard.press('j');
      await expect.poll(selectedFinding).toBe(next);
      expect(accepts).toEqual([]);
      expect(await page.getByTestId('wb-dismiss-reason').isVisible()).toBe(false);
      expect(await page.locator(`[data-finding="${at}"]`).getByText('已采纳').count()).toBe(0);
      const file = await exportAnyway(page);
      expect(file.suggestedFilename()).toMatch(/合法性审查意见书\.docx$/);
      const text = squash(await docxText(readFileSync((await file.path())!)));
      expect(text).toContain(squash('关于《高青县科技创新券管理办法（征求意见稿）》的合法性审查意见书'));
      const { review } = (await face.service.call('reviews:get', { id })) as { review: { findings: { authority: { citations: { citation: string; textSnapshot: string; paragraph?: number; item?: number }[] } }; notes?: string } };
      expect(review.findings.authority.citations.length).toBeGreaterThan(0);
      // each cited article, or the 款 / 项 cited of it, as quoted
      for (const c of review.findings.authority.citations) expect(text).toContain(squash((partLines(c.textSnapshot, c) ?? [c.textSnapshot]).join('')));
      expect(review.notes).toContain('失信惩戒有《山东省社会信用条例》依据');
      expect(review.notes).toContain('【公平竞争审查】');
      // the same 意见书 naming the articles only (条文原文：不引用): none quoted, each law still named
      await page.getByRole('combobox', { name: '意见书中的条文原文' }).click();
      await page.locator('.ant-select-item-option').filter({ hasText: '不引用原文' }).click();
      // the choice reads whole in its field (a 200 px field cut it to 不引用原文（只列条文…)
      const chosen = page.getByTestId('wb-quotes').locator('.ant-select-content');
      await expect.poll(() => chosen.textContent()).toBe('不引用原文（只列条文号）');
      expect(await chosen.evaluate((el: HTMLElement) => el.scrollWidth > el.clientWidth)).toBe(false);
      await page.screenshot({ path: join(ROOT, 'out/workbench-quotes-none.png') });
      const short = squash(await docxText(readFileSync((await (await exportAnyway(page)).path())!)));
      for (const c of review.findings.authority.citations) expect(short).not.toContain(squash((partLines(c.textSnapshot, c) ?? [c.textSnapshot]).join('')));
      expect(short).toContain(squash('《中华人民共和国行政许可法》'));
      expect(short.length).toBeLessThan(text.length);
      // 附件列出: the text as short, and each cited article (or the 款 cited) quoted once in 附件2, after the
      // 落款 and the 对照表 (附件1) — each law named with its version's date
      await page.getByRole('combobox', { name: '意见书中的条文原文' }).click();
      await page.locator('.ant-select-item-option').filter({ hasText: '附件列出条文原文' }).waitFor();
      await page.screenshot({ path: join(ROOT, 'out/workbench-quotes-annex.png') });
      await page.locator('.ant-select-item-option').filter({ hasText: '附件列出条文原文' }).click();
      await expect.poll(() => chosen.textContent()).toBe('附件列出条文原文');
      const annexed = squash(await docxText(readFileSync((await (await exportAnyway(page)).path())!)));
      const annexAt = annexed.indexOf(squash('附件2引用条文原文'));
      expect(annexAt).toBeGreaterThan(annexed.indexOf(squash('附件：1. 修改建议对照表2. 引用条文原文')));
      expect(annexAt).toBeGreaterThan(annexed.indexOf(squash('附件1修改建议对照表')));
      expect(annexed.slice(annexAt)).toMatch(/《中华人民共和国行政许可法》（\d{4}年\d{1,2}月\d{1,2}日(?:修正|修订|公布)）/u);
      for (const c of review.findings.authority.citations) {
        const q = squash((partLines(c.textSnapshot, c) ?? [c.textSnapshot]).join(''));
        expect(annexed.slice(annexAt).split(q).length, q).toBe(2);
      }
    }), 240_000);

  it('the 修改建议对照表 card holds one row per article, its suggestions in the order of the article’s text', () =>
    withSession(async ({ page, face }) => {
      const created = (await face.service.call('reviews:create', { input: { type: '规范性文件', title: '高青县科技创新券管理办法（征求意见稿）', leadUnit: '高新技术科', receivedDate: '2026-02-24' } })) as { record: { id: string } };
      await go(page, `#/workbench/${created.record.id}`);
      await page.getByTestId('wb-draft').or(page.getByText('还没有送审稿')).first().waitFor();
      await page.getByTestId('workbench').locator('input[type=file]').setInputFiles(join(ROOT, 'test/fixtures/drafts/planted-innovation-voucher.md'));
      await expect.poll(() => page.getByTestId('wb-finding').count()).toBeGreaterThan(10);
      const finding = (rule: string) => page.getByTestId('wb-finding').filter({ hasText: rule });
      const proposal = async (rule: string) => finding(rule).getByTestId('wb-proposal').inputValue();
      // 第十二条: 增加义务 (its trigger later in the sentence) accepted before 设定行政处罚; then 第六条's 设定收费
      const accepted: Record<string, string> = {};
      for (const rule of ['增加义务或减损权利', '设定行政处罚', '设定收费']) {
        await finding(rule).click();
        accepted[rule] = await proposal(rule);
        await finding(rule).getByTestId('wb-accept').click();
        await finding(rule).getByText('已采纳').waitFor();
      }
      const card = page.getByTestId('wb-suggestions');
      await expect.poll(() => card.locator('.ant-card-head').textContent()).toBe('修改建议对照表（2）');
      const rows = card.getByTestId('wb-suggestion-row');
      expect(await rows.count()).toBe(2);
      expect(await rows.nth(0).textContent()).toBe(`第六条${accepted['设定收费']}`);
      // one row for 第十二条, the 处罚 first as the article reads, though accepted second
      expect(await rows.nth(1).textContent()).toBe(`第十二条1. ${accepted['设定行政处罚']}2. ${accepted['增加义务或减损权利']}`);
      // the article label keeps its own column: the suggestions start at the same x
      const [a, b] = await rows.nth(1).locator(':scope > div > div').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().left));
      expect(a).toBe(b);
    }), 240_000);

  it('before any 送审稿, says the 意见书 comes from the record alone, and makes it only when asked again', () =>
    withSession(async ({ page, face }) => {
      const created = (await face.service.call('reviews:create', { input: { type: '规范性文件', title: '高青县农村公路养护管理办法', leadUnit: '交通运输科', receivedDate: '2026-03-02' } })) as { record: { id: string } };
      await go(page, `#/workbench/${created.record.id}`);
      await page.getByText('还没有送审稿：上传').waitFor();
      await page.getByTestId('wb-export').hover();
      await page.getByRole('tooltip').getByText(/请先上传送审稿/).waitFor();
      await page.getByTestId('wb-export').click();
      const ask = page.locator('.ant-modal-confirm');
      await expect.poll(() => ask.locator('.ant-modal-confirm-title').textContent()).toBe('还没有上传送审稿');
      expect(await ask.textContent()).toContain('意见书将只按审查记录生成');
      expect(await ask.textContent()).toContain('意见书中“权限”“程序”“内容”（未提供送审稿文本，未进行预审）写作“未审查，需人工审查”');
      await ask.getByRole('button', { name: '先上传送审稿' }).click();
      await ask.waitFor({ state: 'detached' });
      const text = squash(await docxText(readFileSync((await (await exportAnyway(page)).path())!)));
      expect(text).toContain(squash('关于《高青县农村公路养护管理办法》的合法性审查意见书'));
      expect(text).not.toContain('修改建议对照表');
      // nothing was checked: no point claims 未发现问题, each says why it was not reviewed
      expect(text).not.toContain('未发现问题');
      expect(text.split(squash('未审查：未提供送审稿文本，未进行预审，需人工审查。')).length - 1).toBe(3);
      // The question left open while the user goes elsewhere (Alt+←, a link) closes with the page: its
      // mask took every click of the next page before (usePageModal).
      await page.getByTestId('wb-export').click();
      await ask.waitFor();
      await go(page, '#/reviews');
      await ask.waitFor({ state: 'detached' });
      expect(await page.locator('.ant-modal-mask').count()).toBe(0);
    }), 120_000);

  it('heads the page with the review’s title, and asks before an 意见书 without a 审查结论 leaves, until one is chosen', () =>
    withSession(async ({ page, face }) => {
      // the record's own title, not the draft's parsed one (高青县企业研发费用加计扣除辅导技术服务合同（送审稿）)
      const title = '研发费用加计扣除辅导服务合同（第一次送审）';
      const created = (await face.service.call('reviews:create', { input: { type: '合同', title, leadUnit: '办公室', receivedDate: '2026-03-01' } })) as { record: { id: string } };
      const id = created.record.id;
      await go(page, `#/workbench/${id}`);
      await page.getByText('还没有送审稿：上传').waitFor();
      await page.getByTestId('workbench').locator('input[type=file]').setInputFiles(join(ROOT, 'test/fixtures/drafts/clean-tech-service-contract.md'));
      await page.getByTestId('wb-draft').waitFor();
      expect(await page.locator('h4').first().textContent()).toBe(`审查工作台：${title}`);
      const ask = page.locator('.ant-modal-confirm');
      const undecided = '审查记录还没有选定审查结论，意见书将写作“审查结论待定”。';
      await page.getByTestId('wb-export').click();
      await ask.waitFor();
      expect(await ask.textContent()).toContain(undecided);
      await answerDialog(ask, /^返 ?回/);
      // every finding decided and every 要点 written: the missing conclusion alone was asked about
      const view = (await face.service.call('workbench:get', { id, panel: false })) as { result: { findings: { id: string }[] } };
      for (const f of view.result.findings) await face.service.call('workbench:accept', { id, findingId: f.id });
      const written = (text: string) => ({ text, citations: [] });
      const { review } = (await face.service.call('reviews:get', { id })) as { review: { revision: number } };
      const patch = { findings: { authority: written('合同主体适格。'), procedure: written('乙方经政府采购程序确定。'), content: written('双方权利义务对等。') } };
      await face.service.call('reviews:update', { id, patch, expectedRevision: review.revision });
      await page.reload();
      await page.getByTestId('wb-draft').waitFor();
      await page.getByTestId('wb-export').click();
      await expect.poll(() => ask.locator('.ant-modal-confirm-title').textContent()).toBe('还没有选定审查结论');
      expect(await ask.locator('.ant-modal-confirm-content').textContent()).toBe(`${undecided}审查结论在审查记录页选定。`);
      await answerDialog(ask, /^返 ?回$/); // antd spaces a two-character label
      // the conclusion chosen in the record: no question, and the 意见书 concludes
      const again = (await face.service.call('reviews:get', { id })) as { review: { revision: number } };
      await face.service.call('reviews:update', { id, patch: { conclusion: '合法' }, expectedRevision: again.review.revision });
      await page.reload();
      await page.getByTestId('wb-draft').waitFor();
      const [file] = await Promise.all([page.waitForEvent('download', { timeout: 0 }), page.getByTestId('wb-export').click()]);
      expect(await ask.count()).toBe(0);
      const text = squash(await docxText(readFileSync((await file.path())!)));
      expect(text).not.toContain('审查结论待定');
      expect(text).toContain(squash('综上，合同主体适格，订立程序符合规定'));
    }), 240_000);

  it('reopened with findings decided, selects the first still to decide, so a / d act at once', () =>
    withSession(async ({ page, face }) => {
      const created = (await face.service.call('reviews:create', { input: { type: '规范性文件', title: '科技创新券管理办法（送审稿）', leadUnit: '科技股', receivedDate: '2026-11-20' } })) as { record: { id: string } };
      const id = created.record.id;
      await go(page, `#/workbench/${id}`);
      await page.getByText('还没有送审稿：上传').waitFor();
      await page.getByTestId('workbench').locator('input[type=file]').setInputFiles(join(ROOT, 'test/fixtures/drafts/planted-innovation-voucher.md'));
      await page.getByTestId('wb-draft').waitFor();
      // the first two findings decided (another day, another window): the list opens on the third
      const view = (await face.service.call('workbench:get', { id, panel: false })) as { result: { findings: { id: string; ruleName: string }[] } };
      const [first, second, third] = view.result.findings;
      expect(third).toBeTruthy();
      await face.service.call('workbench:accept', { id, findingId: first!.id });
      await face.service.call('workbench:accept', { id, findingId: second!.id });
      await page.reload();
      await page.getByTestId('wb-draft').waitFor();
      await expect.poll(() => page.locator('[data-testid="wb-finding"][aria-current="true"]').getAttribute('data-finding')).toBe(third!.id);
      await page.keyboard.press('d');
      await page.getByTestId('wb-dismiss-reason').waitFor();
      expect(await page.locator('.ant-modal-title').last().textContent()).toContain(third!.ruleName);
    }), 240_000);

  it('one finding per rule and article: 罚款 and 吊销 in two sentences of one 条 are one 设定行政处罚, both sentences quoted and marked', () =>
    withSession(async ({ page, face }) => {
      const created = (await face.service.call('reviews:create', { input: { type: '规范性文件', title: '农业技术推广资金管理办法（送审稿）', leadUnit: '科教科', receivedDate: '2026-02-24' } })) as { record: { id: string } };
      await go(page, `#/workbench/${created.record.id}`);
      await page.getByText('还没有送审稿：上传').waitFor();
      const fine = '申报单位以虚报手段骗取资金的，由县农业农村局处骗取金额三倍的罚款。';
      const revoke = '情节严重的，由县农业农村局吊销其推广服务资格。';
      const text = ['某县农业技术推广资金管理办法（送审稿）', '', '第一条　为规范农业技术推广资金管理，制定本办法。', '', `第二条　${fine}${revoke}`, ''].join('\n');
      await page.getByTestId('workbench').locator('input[type=file]').setInputFiles({ name: '农业技术推广资金管理办法（送审稿）.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
      await page.getByTestId('wb-draft').waitFor();
      const penalty = page.getByTestId('wb-finding').filter({ hasText: '设定行政处罚' });
      await expect.poll(() => penalty.count()).toBe(1);
      expect(await penalty.getByTestId('wb-finding-sentences').textContent()).toBe(`本条 2 句：“${fine}”“${revoke}”`);
      const marks = await page.locator('#wb-a-2 mark.wb-mark[title="设定行政处罚"]').allTextContents();
      expect(marks).toHaveLength(2);
      expect(marks[1]).toContain('吊销');
    }), 120_000);

  it('shows the pre-check progress, takes an edited proposal, compares a second version, exports the edited wording', () =>
    withSession(async ({ page, face }) => {
      const created = (await face.service.call('reviews:create', { input: { type: '规范性文件', title: '高青县科技创新券管理办法（征求意见稿）', leadUnit: '高新技术科', receivedDate: '2026-02-24' } })) as { record: { id: string } };
      const id = created.record.id;
      await go(page, `#/review/${id}`);
      await page.getByTestId('review-open-workbench').click();
      await page.waitForURL(/#\/workbench\//);
      await page.getByTestId('wb-draft').or(page.getByText('还没有送审稿')).first().waitFor();

      // Hold the answer of the upload until the percentage from the task:progress events is shown.
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      await page.route('**/api/workbench:addDraft', async (route) => {
        const response = await route.fetch();
        await held;
        await route.fulfill({ response });
      });
      await page.getByTestId('workbench').locator('input[type=file]').setInputFiles(join(ROOT, 'test/fixtures/drafts/planted-innovation-voucher.md'));
      await page.getByTestId('wb-progress').filter({ hasText: '查找上位法（100%）' }).waitFor();
      expect(await page.getByTestId('wb-progress').getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
      release();
      await page.getByTestId('wb-draft').waitFor();
      await page.unroute('**/api/workbench:addDraft');
      await expect.poll(() => page.getByTestId('wb-finding').count()).toBeGreaterThan(10);
      expect(await page.getByTestId('wb-progress').count()).toBe(0);

      // Edit 建议修改为 of 设定行政强制措施, then 采纳: the edited wording is the suggestion.
      const finding = (rule: string) => page.getByTestId('wb-finding').filter({ hasText: rule });
      await finding('设定行政强制措施').click();
      const box = finding('设定行政强制措施').getByTestId('wb-proposal');
      expect(await box.inputValue()).toBe('删除该强制措施');
      await box.fill('');
      await finding('设定行政强制措施').getByText('建议修改为不能为空').waitFor();
      expect(await finding('设定行政强制措施').getByTestId('wb-accept').isDisabled()).toBe(true);
      const edited = '删去“县科技局可以查封其经营场所，扣押相关账册”，改为“取消其服务资格，并依照有关法律、法规的规定处理”';
      await box.fill(edited);
      await finding('设定行政强制措施').getByTestId('wb-accept').click();
      await finding('设定行政强制措施').getByText('已采纳').waitFor();
      await expect.poll(() => page.getByTestId('wb-suggestions').textContent()).toContain(edited);
      // changed again after 采纳 (e, then Ctrl+Enter)
      await page.keyboard.press('e');
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('wb-proposal');
      await page.keyboard.press('Control+End');
      await page.keyboard.insertText('（限期三十日）');
      await page.keyboard.press('Control+Enter');
      await expect.poll(() => page.getByTestId('wb-suggestions').textContent()).toContain(`${edited}（限期三十日）`);

      // A second version from the UI: checked again, and what changed is shown.
      await page.getByTestId('workbench').locator('input[type=file]').setInputFiles(join(ROOT, 'test/fixtures/drafts/versions/创新券管理办法（送审稿第二稿）.md'));
      const notice = page.getByTestId('wb-compare-notice');
      await notice.waitFor();
      expect(await notice.textContent()).toContain('与第 1 稿相比：修改 3 条、新增 1 条、删除 2 条');
      await expect.poll(() => page.getByTestId('wb-draft').locator('.ant-card-head').textContent()).toContain('第 2 稿，21 条');
      expect(await page.getByTestId('wb-finding').filter({ hasText: '设定行政处罚' }).count()).toBe(0);
      // the 采纳 of 设定行政强制措施 followed its provision (第十三条 → 第十二条, same sentence), edited wording and all
      const carried = page.getByTestId('wb-finding').filter({ hasText: '设定行政强制措施' });
      await carried.getByTestId('wb-carried').waitFor();
      expect(await carried.textContent()).toContain('第十二条');
      expect(await carried.textContent()).toContain(`${edited}（限期三十日）`);
      await notice.getByRole('button', { name: '查看对比' }).click();
      const drawer = page.getByTestId('wb-compare');
      await drawer.getByTestId('wb-compare-summary').waitFor();
      expect(await drawer.getByTestId('diff-row').count()).toBe(6); // 3 changed, 1 added, 2 deleted
      const moved = drawer.getByTestId('diff-row').filter({ hasText: '原 第七条 → 新 第六条' });
      expect(await moved.getByTestId('diff-changed-to').textContent()).toBe('企业使用创新券购买科技服务，可以自主选择服务机构。');
      expect(await moved.getByTestId('diff-changed-from').textContent()).toBe('企业使用创新券购买科技服务，只能选择县科技局指定的服务机构。');
      expect(await drawer.getByTestId('wb-compare-resolved').textContent()).toContain('第十二条 设定行政处罚');
      // the same comparison the other way round, chosen in the drawer
      const pick = async (label: string, seq: number) => {
        await drawer.getByLabel(label).click();
        await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: `第 ${seq} 稿（` }).click();
        await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
      };
      await pick('原稿', 2);
      await pick('新稿', 1);
      await expect.poll(() => drawer.getByTestId('wb-compare-summary').textContent()).toContain('与第 2 稿相比：修改 3 条、新增 2 条、删除 1 条');
      await page.locator('.ant-drawer-close').click();
      await drawer.waitFor({ state: 'hidden' });
      // the first version can still be looked at
      await page.getByTestId('wb-version').click();
      await page.locator('.ant-select-item-option[title="第 1 稿"]').click();
      await expect.poll(() => page.getByTestId('wb-draft').locator('.ant-card-head').textContent()).toContain('第 1 稿，22 条');

      const file = await exportAnyway(page); // findings of 第 1 稿 are still open
      const text = squash(await docxText(readFileSync((await file.path())!)));
      expect(text).toContain(squash('关于《高青县科技创新券管理办法（征求意见稿）》的合法性审查意见书'));
      expect(text).toContain(squash('修改建议对照表'));
      expect(text).toContain(squash(`${edited}（限期三十日）`));
      expect(text).toContain(squash('服务机构在提供服务过程中弄虚作假的，县科技局可以查封其经营场所，扣押相关账册。'));
    }), 240_000);
});
