// 法规库 and 版本对比 ask for their data as the address moves to them, before the page has rendered
// (not from an effect after its first render, commit and paint), and use that answer: one request
// per open, sent while the page's own element was not yet in the document. So does the reader,
// also when a link is clicked: the browser's own fragment navigation fires popstate first, and
// React renders the route change at once after it, before hashchange.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { go, haveChromium, useBrowser } from './browser-harness';
import { FIRST_PART, lawRowsFromWire } from '../../electron/shared/api-contract';

interface Sent {
  channel: string;
  body: string;
  pageThere: boolean;
}

/** Records every API request of the page from now on, with whether `selector` was in the document when it was sent. */
async function recordRequests(page: Page, selector: string): Promise<void> {
  await page.evaluate((sel) => {
    const w = window as unknown as { __sent: Sent[]; __fetch?: typeof fetch };
    w.__sent = [];
    w.__fetch ??= window.fetch;
    const original = w.__fetch;
    window.fetch = (input, init) => {
      const url = String(input);
      if (url.startsWith('/api/') && url !== '/api/events') {
        w.__sent.push({ channel: url.slice('/api/'.length), body: String(init?.body ?? ''), pageThere: document.querySelector(sel) !== null });
      }
      return original(input, init);
    };
  }, selector);
}

const sent = (page: Page) => page.evaluate(() => (window as unknown as { __sent: Sent[] }).__sent);

describe.skipIf(!haveChromium)('pages that ask for their data before they render', () => {
  const withSession = useBrowser();

  it('法规库 opened from 搜索: its one laws:list request is sent before the page is in the document', () =>
    withSession(async ({ page, face }) => {
      const whole = await face.service.call('laws:list', {});
      // The window opens on 法规库: once it shows, its own prefetched list has been taken (left untaken, a
      // fresh one is used again by the next open and no request goes out — as under load it once did here).
      await page.getByTestId('library-total').filter({ hasText: `共 ${whole.total} 部` }).waitFor();
      await go(page, '#/search');
      await page.getByTestId('search-input').waitFor();
      await recordRequests(page, '[data-testid="library-total"]');
      await go(page, '#/library');
      await page.getByTestId('library-total').filter({ hasText: `共 ${whole.total} 部` }).waitFor();
      await page.getByTestId('law-title').first().waitFor();
      const lists = (await sent(page)).filter((s) => s.channel === 'laws:list');
      expect(lists).toHaveLength(1);
      expect(lists[0]!.pageThere).toBe(false);
      // The page's own later asks still go out: a filter typed is a new request, answered.
      await page.getByTestId('library-filter').locator('input').fill('统计法');
      await expect.poll(async () => (await sent(page)).filter((s) => s.channel === 'laws:list').length).toBe(2);
      await expect.poll(() => page.getByTestId('law-title').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('统计法')]));
    }));

  it('a law opened from its title in 法规库 (a link): its first version:get is sent before 法规库 has left the document', () =>
    withSession(async ({ page, face }) => {
      await go(page, '#/library');
      const title = page.getByTestId('law-title').first();
      await title.waitFor();
      await recordRequests(page, '[data-testid="library-total"]');
      await title.click();
      await page.locator('[data-testid="reader-text"][data-rendered="all"]').waitFor();
      const gets = (await sent(page)).filter((s) => s.channel === 'version:get');
      expect(gets[0]!.pageThere).toBe(true);
      // The first screen's run of articles (FIRST_PART); a law longer than that has its whole text
      // asked once more, after the run has painted.
      const first = JSON.parse(gets[0]!.body) as { versionId: string; part?: { count: number } };
      expect(first.part).toEqual(FIRST_PART);
      const units = (await face.service.call('version:get', { versionId: first.versionId })).units.length;
      expect(gets.map((g) => JSON.parse(g.body))).toEqual(units > FIRST_PART.count ? [first, { versionId: first.versionId }] : [first]);
      await page.getByTestId('article').first().waitFor();
    }));

  it('版本对比 opened with both versions in the address: law:get and versions:diff sent before the page is in the document, once each', () =>
    withSession(async ({ page, face }) => {
      const law = lawRowsFromWire((await face.service.call('laws:list', { q: '统计法' })).rows).find((r) => r.versionCount > 1)!;
      const { versions } = await face.service.call('law:get', { lawId: law.lawId });
      await go(page, '#/search');
      await page.getByTestId('search-input').waitFor();
      await recordRequests(page, '[data-testid="diff-page"]');
      await go(page, `#/diff/${encodeURIComponent(law.lawId)}?from=${encodeURIComponent(versions[0]!.id)}&to=${encodeURIComponent(versions[1]!.id)}`);
      await page.getByTestId('diff-summary').waitFor();
      await page.getByTestId('diff-row').first().waitFor();
      // The first answer's request (the first screen's character changes) before the page; 统计法
      // has more changed rows than a screen holds, so the full answer is asked once the page has painted them.
      await expect.poll(async () => (await sent(page)).filter((s) => s.channel === 'versions:diff').length).toBe(2);
      const asked = await sent(page);
      const diffs = asked.filter((s) => s.channel === 'versions:diff');
      const ids = { fromId: versions[0]!.id, toId: versions[1]!.id, changedOnly: true };
      expect(JSON.parse(diffs[0]!.body)).toEqual({ ...ids, runsFirst: expect.any(Number) });
      expect(diffs[0]!.pageThere).toBe(false);
      expect(JSON.parse(diffs[1]!.body)).toEqual(ids);
      expect((await face.service.call('versions:diff', JSON.parse(diffs[0]!.body))).rows.some((r) => r.runsPending)).toBe(true);
      const gets = asked.filter((s) => s.channel === 'law:get');
      expect(gets).toHaveLength(1);
      expect(gets[0]!.pageThere).toBe(false);
      // Showing every article asks again (the page's own request), and gets the unchanged rows too.
      await page.getByTestId('diff-changed-only').click();
      await page.locator('[data-testid="diff-row"][data-kind="same"]').first().waitFor();
      await page.locator('[data-testid="diff-rows"][data-rendered="all"]').waitFor();
      expect((await sent(page)).filter((s) => s.channel === 'versions:diff').map((s) => JSON.parse(s.body) as object)).toEqual([
        { ...ids, runsFirst: expect.any(Number) },
        ids,
        { ...ids, changedOnly: false, runsFirst: expect.any(Number) },
        { ...ids, changedOnly: false },
      ]);
    }));
});
