// 版本对比 of a long law in real Chromium: rows are rendered lazily (the asked article's rows at
// once, the rest in slices), so the asked row must be the one brought into view — also when it was
// renumbered (统计法 2024 第七条 is 2009 第六条) — and every row must end up in the page (the
// browser's own Ctrl+F and printing see the whole comparison).

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT, go, haveChromium, useBrowser } from './browser-harness';

/** Whether the element's box is inside the window (at least partly). */
async function inView(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.bottom > 0 && r.top < innerHeight && r.height > 0;
  });
}

describe.skipIf(!haveChromium)('the diff view in Chromium', () => {
  const withSession = useBrowser();

  it('opens a 1,260-article 民法典 against an amended copy on a far article: that row in view, then every row in the page', () =>
    withSession(async ({ page, face }) => {
      const dir = mkdtempSync(join(tmpdir(), 'lawdesk-diff-'));
      const text = readFileSync(join(ROOT, 'test/fixtures/reader/民法典(2020-05-28).md'), 'utf8');
      writeFileSync(join(dir, '民法典(2020-05-28).md'), text);
      // A later version with a change near the start and one near the end.
      const amended = text
        .replace('2021年1月1日 施行', '2021年1月1日 施行\n\n2030年1月1日 修正')
        .replace('第三条 民事主体的人身权利', '第三条 自然人、法人和非法人组织的人身权利')
        .replace('第一千二百五十条 因第三人的过错致使动物造成他人损害的', '第一千二百五十条 因第三人的故意或者过失致使动物造成他人损害的');
      writeFileSync(join(dir, '民法典(2030-01-01).md'), amended);
      const preview = await face.service.previewPaths([join(dir, '民法典(2020-05-28).md'), join(dir, '民法典(2030-01-01).md')]);
      await face.service.call('import:commit', { stagingId: preview.stagingId });
      const law = (await face.service.call('laws:list', { q: '民法典', limit: 10 })).rows.find((r) => r.articleCount === 1260)!;
      const { versions } = await face.service.call('law:get', { lawId: law.lawId });
      expect(versions).toHaveLength(2);

      // Every row (not only the changed ones), opened on 第一千二百五十条.
      await go(page, `#/diff/${encodeURIComponent(law.lawId)}?from=${encodeURIComponent(versions[0]!.id)}&to=${encodeURIComponent(versions[1]!.id)}&a=1250`);
      await page.getByTestId('diff-changed-only').click();
      await page.locator('[data-testid="diff-row"][data-kind="same"]').first().waitFor();
      await expect.poll(() => inView(page, '#diff-1250 > .diff-kind')).toBe(true);
      expect(await page.locator('#diff-1250 .diff-cell').nth(1).textContent()).toContain('因第三人的故意或者过失致使动物');
      expect(await page.locator('#diff-1250 ins.diff-ins').count()).toBeGreaterThan(0);
      await page.locator('[data-testid="diff-rows"][data-rendered="all"]').waitFor();
      expect(await page.getByTestId('diff-row').count()).toBe(1260);
      expect(await page.locator('.diff-gap').count()).toBe(0);
      // Far from the asked row, in the page for Ctrl+F: 第六百条's text.
      expect(await page.locator('#diff-600').textContent()).toContain('第六百条');
    }));

  it('paints a long rewritten law (刑诉法解释 2012 → 2021) first with the rows of one screen, not forty', () =>
    withSession(async ({ page, face }) => {
      const dir = mkdtempSync(join(tmpdir(), 'lawdesk-diff-'));
      for (const y of ['2012', '2021']) {
        const name = `最高人民法院关于适用《刑事诉讼法》的解释(${y === '2012' ? '2012-12-20' : '2021-01-26'}).md`;
        writeFileSync(join(dir, name), readFileSync(join(ROOT, `test/fixtures/versions/xingsu-jieshi-${y}.md`), 'utf8'));
      }
      const preview = await face.service.previewPaths(['2012-12-20', '2021-01-26'].map((d) => join(dir, `最高人民法院关于适用《刑事诉讼法》的解释(${d}).md`)));
      await face.service.call('import:commit', { stagingId: preview.stagingId });
      const law = (await face.service.call('laws:list', { limit: 5000 })).rows.find((r) => r.title.includes('刑事诉讼法》的解释'))!;
      // What the first commit of rows put in the page, seen by a MutationObserver before anything else runs.
      await page.evaluate(() => {
        const w = window as unknown as { __first?: { rows: number; lastBottom: number } };
        const mo = new MutationObserver(() => {
          const rows = document.querySelectorAll('[data-testid="diff-row"]');
          if (!rows.length || w.__first) return;
          const last = rows[rows.length - 1]!.querySelector('.diff-cell:last-child')!;
          w.__first = { rows: rows.length, lastBottom: last.getBoundingClientRect().bottom };
          mo.disconnect();
        });
        mo.observe(document.body, { childList: true, subtree: true });
      });
      await page.evaluate((h) => (location.hash = h), `#/diff/${encodeURIComponent(law.lawId)}`);
      await page.locator('[data-testid="diff-rows"][data-rendered="all"]').waitFor();
      const first = await page.evaluate(() => (window as unknown as { __first: { rows: number; lastBottom: number } }).__first);
      await page.screenshot({ path: join(ROOT, 'out/diff-long.png') });
      const total = await page.getByTestId('diff-row').count();
      expect(total).toBeGreaterThan(500);
      expect(first.rows).toBeLessThan(40);
      // and the screen is full: the last of them reaches below the window's bottom
      expect(first.lastBottom).toBeGreaterThan(await page.evaluate(() => innerHeight));
      // The first answer brought the character changes of the first screen's rows only; every
      // changed row in the page has its marks all the same (the full answer's), the last one too
      // once scrolled to.
      const { versions } = await face.service.call('law:get', { lawId: law.lawId });
      const ids = { fromId: versions[0]!.id, toId: versions[1]!.id, changedOnly: true };
      const firstAnswer = await face.service.call('versions:diff', { ...ids, runsFirst: first.rows });
      expect(firstAnswer.rows.filter((r) => r.runsPending).length).toBeGreaterThan(300);
      // …and not their texts (the page drew them from the full answer's)
      expect(firstAnswer.rows.filter((r) => r.runsPending).every((r) => [...r.from, ...r.to].every((p) => p.text === '') && r.lines !== undefined)).toBe(true);
      const full = await face.service.call('versions:diff', ids);
      const marked = full.rows.map((r) => (r.runs ?? []).some((x) => x.op !== 'equal'));
      expect(full.rows).toHaveLength(total);
      const inPage = await page.getByTestId('diff-row').evaluateAll((els) => els.map((el) => el.querySelector('ins.diff-ins, del.diff-del') !== null));
      expect(inPage).toEqual(marked);
      const last = page.getByTestId('diff-row').last();
      await last.locator('.diff-kind').scrollIntoViewIfNeeded();
      expect(await last.locator('ins.diff-ins, del.diff-del').count()).toBeGreaterThan(0);
      expect(marked[marked.length - 1]).toBe(true);
    }));

  // A far row of a rewritten law in a narrow window: the first answer brings the changes of the
  // rows around it only, the full answer the rest, and every row above it is drawn afterwards (rows
  // of other heights than their spacer's estimate). The row asked for stays in the middle of the
  // view throughout: the page has no sticky bar, and what is scrolled is kept by Chromium's anchoring.
  it('at 1000 px, a rewritten law (刑诉法解释 2012 → 2021) opened on 第五百条: that row stays in the middle of the view as the rows above it are drawn', () =>
    withSession(async ({ page, face }) => {
      await page.setViewportSize({ width: 1000, height: 860 });
      const dir = mkdtempSync(join(tmpdir(), 'lawdesk-diff-'));
      const names = ['2012-12-20', '2021-01-26'].map((d) => join(dir, `最高人民法院关于适用《刑事诉讼法》的解释(${d}).md`));
      names.forEach((name, i) => writeFileSync(name, readFileSync(join(ROOT, `test/fixtures/versions/xingsu-jieshi-${i ? '2021' : '2012'}.md`), 'utf8')));
      const preview = await face.service.previewPaths(names);
      await face.service.call('import:commit', { stagingId: preview.stagingId });
      const law = (await face.service.call('laws:list', { limit: 5000 })).rows.find((r) => r.title.includes('刑事诉讼法》的解释'))!;
      // The full answer waits until the row has been brought into view (the first answer's rows shown).
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      await page.route('**/api/versions:diff', async (route) => {
        const body = JSON.parse(route.request().postData() ?? '{}') as { runsFirst?: unknown };
        if (body.runsFirst === undefined) await held;
        await route.continue();
      });
      await page.evaluate((h) => (location.hash = h), `#/diff/${encodeURIComponent(law.lawId)}?a=500`);
      const row = page.locator('[data-testid="diff-row"]').filter({ has: page.locator('.diff-cell:nth-child(3) .label', { hasText: /^第五百条$/ }) });
      /** The row's first cell: its top, and how far its middle is from the middle of the view. */
      const place = () =>
        row.first().locator('.diff-kind').evaluate(
          (el) =>
            new Promise<{ top: number; offCentre: number; scrolled: number }>((done) =>
              requestAnimationFrame(() =>
                requestAnimationFrame(() => {
                  const view = document.getElementById('app-content')!.getBoundingClientRect();
                  const r = el.getBoundingClientRect();
                  done({ top: r.top, offCentre: (r.top + r.bottom) / 2 - (view.top + view.bottom) / 2, scrolled: document.getElementById('app-content')!.scrollTop });
                }),
              ),
            ),
        );
      await row.first().waitFor();
      await expect.poll(async () => Math.abs((await place()).offCentre)).toBeLessThanOrEqual(1);
      const before = await place();
      expect(await page.locator('.diff-gap').count()).toBeGreaterThan(0);
      release();
      await page.locator('[data-testid="diff-rows"][data-rendered="all"]').waitFor();
      expect(await page.locator('.diff-gap').count()).toBe(0);
      const after = await place();
      expect(Math.abs(after.top - before.top), `第五百条's row moved ${after.top - before.top} px`).toBeLessThanOrEqual(1);
    }));

  it('from the reader on 统计法 2024 第七条, the row of 2009 第六条 → 2024 第七条 is the one in view', () =>
    withSession(async ({ page }) => {
      await page.getByTestId('law-title').filter({ hasText: '统计法' }).click();
      await page.getByTestId('reader-title').filter({ hasText: '统计法' }).waitFor();
      await page.goto(page.url().replace(/\?.*$/, '') + '?a=7');
      await page.locator('#article-7.active').waitFor();
      await page.getByTestId('open-diff').click();
      await page.getByTestId('diff-summary').waitFor();
      // The row whose new side is 第七条 (its old side 第六条), not the one whose old side is 第七条.
      const row = page.locator('[data-testid="diff-row"]').filter({ has: page.locator('.diff-cell:nth-child(3) .label', { hasText: /^第七条$/ }) });
      await expect.poll(async () => row.first().locator('.diff-kind').evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.top > 0 && r.bottom < innerHeight;
      })).toBe(true);
      expect(await row.first().locator('.diff-cell').first().locator('.label').textContent()).toBe('第六条');
    }));
});
