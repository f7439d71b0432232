// The window follows the library (and knows the service is there) through the event stream; a change committed before the stream
// (re)connects is never sent to it. Here the stream is held back by the test while the page
// loads, 民法典 is imported meanwhile (the CLI beside the app, or the e2e harness right after the
// page opens, does the same), and only then is the stream let through: the 法规库 must show the new
// code without a reload. Before, it stayed without it (a CI run timed out waiting for that row).

import { join } from 'node:path';
import type { Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { importPaths } from '../../electron/core/library/library-import';
import { ROOT, haveChromium, useBrowser } from './browser-harness';

describe.skipIf(!haveChromium)('Library changes made before the event stream connected', () => {
  const withSession = useBrowser();

  it('an import committed while the page was loading shows in 法规库 once the stream connects', () =>
    withSession(async ({ page, face }) => {
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      const routes: Route[] = [];
      await page.route('**/api/events', async (route) => {
        routes.push(route);
        await held;
        await route.continue();
      });
      await page.reload();
      await page.getByTestId('law-title').first().waitFor();
      await expect.poll(() => routes.length).toBeGreaterThan(0);
      expect(await page.getByTestId('code-title').count()).toBe(0);

      await importPaths(face.service.store, [join(ROOT, 'test/fixtures/codes/民法典')]);
      release();
      await page.getByTestId('code-title').waitFor({ timeout: 20_000 });
      expect(await page.getByTestId('code-title').textContent()).toBe('中华人民共和国民法典（4 编）');
    }));

  it('the status bar says the local service is gone when its server stops (it went on saying 检索就绪)', () =>
    withSession(async ({ page, face }) => {
      const status = page.getByTestId('service-status');
      await expect.poll(() => status.textContent()).toBe('检索就绪');
      await face.close(); // the HTTP server only; the harness stops the rest
      await expect.poll(() => status.textContent(), { timeout: 15_000 }).toBe('本机服务已断开');
    }));
});
