// 核对 in real Chromium: a misread 第X条 number corrected from the keyboard (改编号, type, Enter);
// the article takes the right label and key and shows what OCR read. The version is the fixture
// 统计法 (newest) as the OCR importer stores a scan whose 第八条 was read as 第七条 — the parser
// makes such a line an article of its own with the misread number (a second key 7).

import { describe, expect, it } from 'vitest';
import type { LibraryStore } from '../../electron/core/library/library-store';
import { versionDate } from '../../electron/shared/law-model';
import { rewriteVersions } from '../node/version-rewrite';
import { go, haveChromium, useBrowser } from './browser-harness';

async function misreadEighth(store: LibraryStore): Promise<{ id: string; index: number }> {
  const id = store.versions().filter((v) => v.title.includes('统计法')).sort((a, b) => versionDate(b).localeCompare(versionDate(a)))[0]!.id;
  const index = store.loadVersion(id).units.findIndex((u) => u.label === '第八条');
  await rewriteVersions(store, [id], (b) => ({
    ...b,
    textSource: 'ocr',
    verified: false,
    units: b.units.map((u, i) => (i === index ? { ...u, key: '7', number: 7, label: '第七条', suspects: [0] } : { ...u, suspects: [] })),
  }));
  return { id, index };
}

describe.skipIf(!haveChromium)('核对: correcting a misread article number', () => {
  const withSession = useBrowser();

  it('改编号 → 第八条 → Enter gives the article its number back and records what OCR read', () =>
    withSession(async ({ face, page }) => {
      const store = face.service.store;
      const { id, index } = await misreadEighth(store);
      await face.service.call('settings:set', { displayName: '王律师' });
      await page.getByTestId('library-total').waitFor();
      await go(page, `#/verify/${encodeURIComponent(id)}`);
      const editor = page.getByTestId('ocr-review-editor');
      await expect.poll(() => editor.locator('h5').textContent()).toBe('第七条');
      await editor.getByTestId('ocr-label-edit').click();
      const input = page.getByTestId('ocr-label-input');
      await input.waitFor();
      await input.fill('第八条');
      await input.press('Enter');
      await expect.poll(() => store.version(id) && store.loadVersion(id).units[index]!.key).toBe('8');
      const u = store.loadVersion(id).units[index]!;
      expect(u).toMatchObject({ label: '第八条', number: 8, ocrLabel: { read: '第七条', by: '王律师' } });
      await expect.poll(() => editor.locator('h5').textContent()).toBe('第八条');
      expect(await editor.getByTestId('ocr-label-fixed').textContent()).toContain('原识别为 第七条');
    }));
});
