// Keyboard first, in Chromium: Tab through the main pages and, at every stop, the focused control
// is on screen and shows a ring the unfocused control does not have (an outline or a box-shadow on
// it, on its antd wrapper, or on the box an antd checkbox draws beside its hidden input). The
// app's own clickable things are Tab stops that Enter operates: the sider's collapse control, a
// lecture's topic, the reader's active article; the library grid is one stop, not two.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { go, haveChromium, useBrowser } from './browser-harness';

/**
 * The focused element: its name, whether it is on screen, and whether it shows a ring — an outline
 * or a box-shadow on it, on its antd wrapper, on the box an antd checkbox draws beside its hidden
 * input, or on a composite widget's active item or node — that is not there once it has lost the focus.
 */
async function focusedRing(page: Page) {
  const focused = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return undefined;
    const r = el.getBoundingClientRect();
    const onScreen = r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
    const name = `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[role=${el.getAttribute('role')}]` : ''} “${(el.getAttribute('aria-label') || el.innerText || el.getAttribute('placeholder') || '').slice(0, 24)}”`;
    (window as unknown as { last: HTMLElement }).last = el;
    const ring = (window as unknown as { ringOf: (e: HTMLElement) => { outline: string; shadow: string; border: string; shown: boolean }[] }).ringOf(el);
    el.blur(); // the next Tab goes on from here (the sequential focus navigation starting point)
    return { name, onScreen, ring };
  });
  if (!focused) return undefined;
  // Unfocused, after the page has re-rendered (antd marks a focused select by a class it sets on focus).
  const blurred = await page.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const w = window as unknown as { last: HTMLElement; ringOf: (e: HTMLElement) => { outline: string; shadow: string; border: string; shown: boolean }[] };
    return w.ringOf(w.last);
  });
  const changed = focused.ring.some((f, i) => f.shown && (f.outline || f.shadow || f.border !== blurred[i]?.border) && JSON.stringify(f) !== JSON.stringify(blurred[i]));
  const ringed = changed && focused.ring.some((f) => f.shown && (f.outline || f.shadow));
  return { name: focused.name, onScreen: focused.onScreen, ringed, detail: ringed ? '' : ` ${JSON.stringify(focused.ring)} // ${JSON.stringify(blurred)}` };
}

/** window.ringOf(el): the look of each box that may draw el's ring (plain JS, put into the page). */
const RING_OF = `window.ringOf = (e) => {
  const boxes = [e];
  for (let p = e.parentElement, i = 0; p && i < 3; p = p.parentElement, i++) boxes.push(p);
  if (e.nextElementSibling instanceof HTMLElement) boxes.push(e.nextElementSibling);
  const active = e.getAttribute('aria-activedescendant');
  const item = active ? document.getElementById(active) : null;
  if (item) boxes.push(item);
  // antd's Tree keeps the focus on its list and rings the active node instead.
  const node = e.querySelector?.('.ant-tree-treenode-active');
  if (node) boxes.push(node, ...node.querySelectorAll('.ant-tree-node-content-wrapper'));
  return boxes.map((b) => {
    const cs = getComputedStyle(b);
    const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0 && !/rgba\\(.*, 0\\)$/.test(cs.outlineColor) ? cs.outlineWidth + ' ' + cs.outlineColor : '';
    return { outline, shadow: cs.boxShadow !== 'none' ? cs.boxShadow : '', border: cs.borderColor, shown: cs.opacity !== '0' && cs.visibility !== 'hidden' };
  });
};`;

/** Tabs through a page (at most `stops` times, until the focus comes round to the first stop) and checks every stop. */
async function tabThrough(page: Page, where: string, stops = 40): Promise<string[]> {
  await page.evaluate(RING_OF);
  // The rings' end state, not their 0.2 s fade in (antd transitions border and shadow).
  await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; }' });
  await page.locator('body').click({ position: { x: 700, y: 3 } });
  const seen: string[] = [];
  const bad: string[] = [];
  for (let i = 0; i < stops; i++) {
    await page.keyboard.press('Tab');
    const f = await focusedRing(page);
    if (!f) continue;
    if (seen.length && f.name === seen[0]) break;
    seen.push(f.name);
    if (!f.onScreen || !f.ringed) bad.push(`${where} #${i} ${f.name}${f.onScreen ? '' : ' (off screen)'}${f.ringed ? '' : ` (no focus ring)${f.detail}`}`);
  }
  expect(bad).toEqual([]);
  return seen;
}

describe.skipIf(!haveChromium)('Keyboard focus is visible on every page', () => {
  const withSession = useBrowser();

  it('every Tab stop of the main pages is on screen with a ring; own controls are reachable and work by keys', { timeout: 300_000 }, () =>
    withSession(async ({ page, face }) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await face.service.call('lectures:create', { input: { kind: '集体学法', date: '2026-03-02', topic: '统计法专题学习', headCount: 12, citations: [] } });
      await page.getByTestId('library-total').waitFor();

      // 法规库: the grid is one stop — the Tab after it leaves the grid (its scrolling body is not a stop).
      const library = await tabThrough(page, '法规库');
      const grid = library.findIndex((n) => n.startsWith('div[role=grid]'));
      expect(grid).toBeGreaterThan(-1);
      expect(library[grid + 1]).not.toMatch(/rowgroup/);
      // The sider's collapse control is a stop, and Enter works it.
      expect(library).toContain('button “收起侧栏”');
      await page.getByTestId('sider-toggle').focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('sider-toggle').getAttribute('aria-label')).toBe('展开侧栏');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('sider-toggle').getAttribute('aria-label')).toBe('收起侧栏');

      await go(page, '#/search?q=' + encodeURIComponent('统计'));
      await page.getByTestId('search-hit').first().waitFor();
      await tabThrough(page, '搜索');

      // 阅读: the article opened from a search is a stop, and its toolbar follows it.
      await page.getByTestId('search-hit').filter({ hasText: /统计法 第.+条/ }).first().click();
      await page.locator('[data-testid="article"].active').waitFor();
      // the whole text laid out first (a long law arrives in parts): the stops are those of the page she reads
      await page.locator('[data-testid="reader-text"][data-rendered="all"]').waitFor();
      const label = (await page.locator('[data-testid="article"].active').getAttribute('aria-label')) ?? '';
      const read = await tabThrough(page, '阅读', 60);
      expect(await page.locator('[data-testid="article"].active').getAttribute('aria-label')).toBe(label);
      expect(label).toMatch(/^第.+条$/);
      expect(read).toContain(`div “${label}”`);
      await page.locator('[data-testid="article"].active').focus();
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="article-actions"]') !== null)).toBe(true);

      // 学法普法: a lecture's topic is a stop; Enter opens it.
      await go(page, '#/lectures');
      await page.getByText('统计法专题学习').waitFor();
      const lectures = await tabThrough(page, '学法普法');
      expect(lectures).toContain('a[role=button] “统计法专题学习”');
      await page.getByRole('button', { name: '统计法专题学习' }).focus();
      await page.keyboard.press('Enter');
      await page.locator('.ant-drawer-open, .ant-modal-wrap').first().waitFor();
      await page.keyboard.press('Escape');

      for (const [name, hash] of [
        ['合法性审查', '#/reviews'],
        ['新建审查', '#/review/new'],
        ['年度统计', '#/stats'],
        ['年度报告', '#/reports'],
        ['规范性文件', '#/register'],
        ['简报', '#/packs'],
        ['导入', '#/import'],
        ['设置', '#/settings'],
      ] as const) {
        await go(page, hash);
        await page.locator('.page').first().waitFor();
        await tabThrough(page, name);
      }
    }));
});
