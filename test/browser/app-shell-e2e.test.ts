// The app shell follows the library: an import by the CLI beside the running app (another process
// writing the same library) shows up in the header count and the library list without a reload.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, haveChromium, useBrowser } from './browser-harness';

describe.skipIf(!haveChromium)('App shell (browser face)', () => {
  const withSession = useBrowser();

  it('the header count and the library list refresh after a CLI import into the same library', () =>
    withSession(async ({ page, tmp }) => {
      await page.getByTestId('library-total').filter({ hasText: '共 5 部' }).waitFor();
      await page.getByTestId('library-count').filter({ hasText: '5 部法规' }).waitFor();
      const cli = spawnSync(process.execPath, [join(ROOT, 'electron/cli/bin.mjs'), 'import', join(FIXTURES, 'folder-import'), '--library', join(tmp, 'library'), '--no-index'], { encoding: 'utf8' });
      expect(cli.status, cli.stderr).toBe(0);
      await page.getByTestId('library-count').filter({ hasText: '8 部法规' }).waitFor();
      await page.getByTestId('library-total').filter({ hasText: '共 8 部' }).waitFor();
      expect(await page.getByTestId('law-title').allTextContents()).toContain('中华人民共和国城乡规划法');
    }));
});
