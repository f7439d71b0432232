// A day of the adviser's work walked in Chromium at 1280×800 and 1920×1080, with a note of every stop:
// nice -n 10 npx tsx test/browser/take-screenshots-walk.ts [outDir] → <outDir>/<step>-<width>.png and walk-<width>.log
// (what had the focus after each step, any horizontal overflow, each step that failed and why). A walk to look at,
// not a test: the tests that hold what it found are beside it.

import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { ROOT, dialogSettled, ensureBuilt, launchChromium, openSession } from './browser-harness';
import { focused } from './keyboard-focus';

const OUT = process.argv[2] ?? '/tmp/lawdesk-walk';
const DOCS = join(ROOT, 'test/fixtures/documents');
mkdirSync(OUT, { recursive: true });
ensureBuilt();
const browser = await launchChromium();
for (const viewport of [{ width: 1280, height: 800 }, { width: 1920, height: 1080 }]) {
  const s = await openSession(browser, { viewport });
  const { page } = s;
  const log = join(OUT, `walk-${viewport.width}.log`);
  writeFileSync(log, '');
  const note = (line: string) => {
    appendFileSync(log, line + '\n');
    console.log(`[${viewport.width}] ${line}`);
  };
  page.on('console', (m) => m.type() === 'error' && note(`console error: ${m.text().slice(0, 200)}`));
  const shot = async (name: string) => {
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(OUT, `${name}-${viewport.width}.png`) });
    const f = await focused(page);
    const over = await page.evaluate(() => {
      const wide = [...document.querySelectorAll('body *')].filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.right > innerWidth + 1 && getComputedStyle(el).position !== 'fixed';
      });
      return wide.slice(0, 3).map((el) => `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 40)} right=${Math.round(el.getBoundingClientRect().right)}`);
    });
    note(`${name}: focus ${f.what} ${f.testId} “${f.text}” onScreen=${f.onScreen}${over.length ? `; wider than the window: ${over.join(' | ')}` : ''}`);
  };
  const step = async (name: string, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (e) {
      note(`STEP FAILED ${name}: ${(e as Error).message.split('\n').slice(0, 4).join(' / ')}`);
      await page.screenshot({ path: join(OUT, `${name}-failed-${viewport.width}.png`) }).catch(() => {});
      await page.keyboard.press('Escape').catch(() => {});
    }
  };
  const base = s.face.origin + '/';

  // a folder of mixed files as they arrive in the office
  const mixed = join(s.tmp, '收到的文件');
  mkdirSync(mixed);
  for (const f of ['juece-libreoffice.doc', 'yuanzhu-wps.wps', 'juece-layout.ofd', 'jiancai-stsong.pdf', 'scanned.pdf', 'yuanzhu-gb2312.html', 'tuizhi-utf8.html', 'bad/truncated.pdf', 'bad/encrypted.doc']) copyFileSync(join(DOCS, f), join(mixed, f.replace('bad/', '')));
  const gbkLaw = readFileSync(join(ROOT, 'test/fixtures/app/laws/行政处罚法(2021-01-22).md'), 'utf8').replace(/<!--[\s\S]*?-->/g, '').replace(/^#+ /gm, '');
  writeFileSync(join(mixed, '行政处罚法（GBK）.txt'), iconv.encode(gbkLaw, 'gbk'));
  cpSync(join(ROOT, 'test/fixtures/links/laws'), join(s.tmp, '相关法规'), { recursive: true });

  await step('01-library', async () => {
    await page.getByTestId('library-count').waitFor();
    await shot('01-library');
  });
  await step('02-import-folder', async () => {
    await page.goto(base + '#/import');
    await page.getByTestId('import-folder-path').fill(mixed);
    await page.getByTestId('import-folder-preview').click();
    await page.getByTestId('import-report').or(page.getByTestId('import-progress')).first().waitFor({ timeout: 60_000 }).catch(() => {});
    await shot('02a-import-progress');
    await page.getByTestId('import-report').waitFor({ timeout: 300_000 });
    await shot('02b-import-preview');
    await page.getByTestId('import-folder-commit').click();
    await page.getByTestId('import-report').locator('.ant-result-title').filter({ hasText: /导入完成|已取消/ }).waitFor({ timeout: 300_000 });
    await shot('02c-import-report');
    await page.getByTestId('import-folder-path').fill(join(s.tmp, '相关法规'));
    await page.getByTestId('import-folder-start').click();
    await page.getByTestId('import-report').locator('.ant-result-title').filter({ hasText: /导入完成/ }).waitFor({ timeout: 300_000 });
  });
  await step('03-search', async () => {
    await page.keyboard.press('Control+/');
    await page.waitForURL(/#\/search/);
    await page.keyboard.type('行政许可法第十二条');
    await page.getByTestId('search-area').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid=search-area]')?.getAttribute('data-query') === '行政许可法第十二条');
    await shot('03a-search-citation');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('设定行政许可');
    await page.waitForFunction(() => document.querySelector('[data-testid=search-area]')?.getAttribute('data-query') === '设定行政许可');
    await shot('03b-search-words');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByTestId('reader-title').waitFor();
    await shot('04-reader');
  });
  await step('05-diff', async () => {
    await page.goto(base + '#/library');
    await page.getByTestId('library-filter').locator('input').fill('统计法');
    await page.getByTestId('law-title').filter({ hasText: /^中华人民共和国统计法$/ }).click();
    await page.getByTestId('reader-title').waitFor();
    await page.getByTestId('open-diff').click();
    await page.getByTestId('diff-summary').waitFor();
    await shot('05-diff');
  });
  await step('06-links', async () => {
    // 统计法实施条例 (from 相关法规) cites its own articles and the 统计法: its first 法条联想 link, by keyboard
    await page.goto(base + '#/library');
    await page.getByTestId('library-filter').locator('input').fill('统计法实施条例');
    await page.getByTestId('law-title').filter({ hasText: '统计法实施条例' }).first().click();
    await page.getByTestId('reader-title').waitFor();
    const link = page.getByTestId('citation-link').first();
    await link.focus();
    await shot('06a-link-focused');
    await page.keyboard.press('Enter');
    await shot('06b-link-followed');
  });
  await step('07-workbench', async () => {
    await page.goto(base + '#/review/new');
    await page.getByTestId('field-title').locator('input').or(page.getByTestId('field-title')).first().waitFor();
    await page.keyboard.type('高青县科技创新券管理办法（征求意见稿）');
    await page.getByTestId('field-leadUnit').click();
    await page.keyboard.type('高新技术科');
    await page.keyboard.press('Control+s');
    await page.waitForURL(/#\/review\/(?!new)/, { timeout: 60_000 });
    await page.getByTestId('review-open-workbench').click();
    await page.waitForURL(/#\/workbench\//);
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('wb-upload').click();
    await (await chooser).setFiles(join(ROOT, 'test/fixtures/drafts/planted-innovation-voucher.md'));
    await page.getByTestId('wb-progress').waitFor({ timeout: 20_000 }).then(() => shot('07a-workbench-progress')).catch(() => note('07a: no progress shown'));
    await page.getByTestId('wb-draft').waitFor({ timeout: 180_000 });
    await shot('07b-workbench');
    await page.keyboard.press('a');
    await page.getByTestId('wb-export').click();
    await page.getByTestId('wb-export-anyway').waitFor().then(() => shot('07c-export-dialog'));
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('wb-export-anyway').click()]);
    note(`意见书 downloaded as ${file.suggestedFilename()}`);
    await shot('07d-after-export');
  });
  await step('08-register', async () => {
    await page.goto(base + '#/register');
    await page.getByTestId('register-add').click();
    const form = page.getByTestId('register-form');
    await form.waitFor();
    await dialogSettled(page.getByRole('dialog'));
    await shot('08a-register-form');
    // the title has the focus: a long one, to see it in the table
    await page.keyboard.type('高青县科学技术局关于印发《高青县科技创新券管理办法》的通知，一个很长很长的标题用来看它在表格里是否会撑破布局或被截断而看不见的情况');
    await page.getByTestId('register-form').getByLabel('制定科室').focus();
    await page.keyboard.type('高新技术科');
    await page.getByTestId('register-form').getByLabel('公布日期').focus();
    await page.keyboard.type('2026-03-01');
    await page.keyboard.press('Enter');
    await shot('08b-register-typed');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('register-form').waitFor({ state: 'detached' });
    await shot('08c-register-saved');
  });
  await step('09-lecture', async () => {
    await page.goto(base + '#/lectures');
    await page.getByTestId('new-lecture').click();
    await page.getByTestId('lecture-topic').fill('行政许可法专题学习');
    await page.getByTestId('add-citation').click();
    await page.getByTestId('citation-picker-input').fill('行政许可法');
    await page.getByTestId('citation-picker-item').first().waitFor();
    await page.getByLabel('条号').fill('12');
    await page.keyboard.press('Enter');
    await shot('09a-lecture-form');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('lecture-form').waitFor({ state: 'detached' });
    await shot('09b-lecture-saved');
  });
  await step('10-reports', async () => {
    await page.goto(base + '#/reports');
    await page.getByTestId('report-draft').first().waitFor();
    await shot('10-reports');
  });
  await step('11-remove-undo', async () => {
    await page.goto(base + '#/library');
    const grid = page.getByTestId('library-grid');
    await grid.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Delete');
    await dialogSettled(page.getByRole('dialog'));
    await shot('11a-remove-dialog');
    await page.keyboard.press('Enter');
    await page.getByTestId('toast-undo').waitFor();
    await shot('11b-removed');
    await page.getByTestId('toast-undo').getByRole('button', { name: /撤销/ }).click();
    await page.getByTestId('toast-undo').waitFor({ state: 'detached' });
    await shot('11c-undone');
  });
  await s.close().catch((e) => note(String(e)));
}
await browser.close();
