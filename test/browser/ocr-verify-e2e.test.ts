// 核对 in the reader, in real Chromium: an OCR'd version shows 识别文本（待核对） with 「确认已核对」;
// confirming it records the office user (设置 display name) and the mark becomes 已核对（name, date）.
// The versions are the fixture 统计法 given what the OCR importer stores (textSource 'ocr',
// verified false): recognising a scan takes minutes and is covered in test/node/importers.

import { describe, expect, it } from 'vitest';
import type { LibraryStore } from '../../electron/core/library/library-store';
import { dateInZone } from '../../electron/shared/office-clock';
import { haveChromium, useBrowser } from './browser-harness';

async function markOcr(store: LibraryStore, title: string): Promise<string[]> {
  const ids = store.versions().filter((v) => v.title.includes(title)).map((v) => v.id);
  expect(ids.length).toBeGreaterThan(0);
  expect(store.lock.tryAcquire()).toBe(true);
  try {
    await store.load();
    for (const id of ids) {
      const body = store.loadVersion(id);
      const next = { ...body, textSource: 'ocr' as const, verified: false, units: body.units.map((u) => ({ ...u, suspects: [] })) };
      const file = store.writeBody(next);
      const { units: _u, ...meta } = next;
      store.stage({ ...meta, file });
    }
    await store.commit({ added: ids, removed: ids });
  } finally {
    store.lock.release();
  }
  return ids;
}

describe.skipIf(!haveChromium)('核对 in the reader', () => {
  const withSession = useBrowser();

  it('「确认已核对」 turns 识别文本（待核对） into 已核对（name, date） and is stored', () =>
    withSession(async ({ face, page }) => {
      const store = face.service.store;
      const ids = await markOcr(store, '统计法');
      await face.service.call('settings:set', { displayName: '王律师' });
      await page.getByTestId('library-total').waitFor();
      await page.getByTestId('law-title').filter({ hasText: '统计法' }).first().click();
      await page.getByTestId('ocr-unverified').waitFor();
      expect(await page.getByTestId('ocr-unverified').textContent()).toBe('识别文本（待核对）');
      await page.getByTestId('ocr-verify').click();
      await page.locator('.ant-popconfirm .ant-btn-primary').click(); // antd spaces a two-character label (确 认)
      const mark = page.getByTestId('ocr-verified');
      await mark.waitFor();
      const shown = ids.find((id) => store.version(id)!.verified === true)!;
      expect(shown).toBeDefined();
      const meta = store.version(shown)!;
      expect(meta.verifiedBy).toBe('王律师');
      expect(await mark.textContent()).toBe(`已核对（王律师，${dateInZone(new Date(meta.verifiedAt!))}）`);
      expect(await page.getByTestId('ocr-unverified').count()).toBe(0);
      expect(await page.getByTestId('ocr-verify').count()).toBe(0);
    }));
});
