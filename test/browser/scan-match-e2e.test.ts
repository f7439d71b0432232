// The 核对 view's offer for a scan of a law already in the library, in real Chromium: the view says
// the library holds the same law and date as text, offers 使用库中文本 / 保留扫描件, and the choice
// is stored with the office user's name. The scan is the fixture 统计法 (newest version) as the OCR
// importer stores a same-date scan of it (an id of its own, libraryMatch, one misread article):
// recognising a real scan and the matching itself are covered in test/node/importers/scan-library-match.test.ts.

import { describe, expect, it } from 'vitest';
import type { LibraryStore } from '../../electron/core/library/library-store';
import { readScanDecisions } from '../../electron/core/library/scan-library-match';
import { textSourceOf, versionDate, type LawVersion } from '../../electron/shared/law-model';
import { go, haveChromium, useBrowser } from './browser-harness';

async function addScanCopy(store: LibraryStore): Promise<{ libraryId: string; scanId: string; seventh: string }> {
  const lib = store.versions().filter((v) => v.title.includes('统计法')).sort((a, b) => versionDate(b).localeCompare(versionDate(a)))[0]!;
  const body = store.loadVersion(lib.id);
  const seventh = body.units.find((u) => u.label === '第七条')!;
  const scanId = `${lib.lawId}@h5ca11ed0`;
  const { file: _f, ...rest } = body;
  const scan: LawVersion = {
    ...rest,
    file: '',
    id: scanId,
    sourceFile: '统计法-扫描.pdf',
    sourceSha256: '5ca11ed0'.padEnd(64, '0'),
    sourceFormat: 'pdf',
    textSource: 'ocr',
    verified: false,
    libraryMatch: { versionId: lib.id, date: versionDate(lib), textSource: textSourceOf(lib), sameDate: true },
    units: body.units.map((u) => (u.key === seventh.key ? { ...u, text: u.text.replace('统计', '统汁'), suspects: [u.text.indexOf('统计') + 1] } : { ...u, suspects: [] })),
  };
  expect(store.lock.tryAcquire()).toBe(true);
  try {
    const file = store.writeBody(scan);
    const { units: _u, ...meta } = scan;
    store.stage({ ...meta, file });
    store.refreshStatuses([lib.lawId]);
    await store.commit({ added: [scanId], removed: [] });
  } finally {
    store.lock.release();
  }
  return { libraryId: lib.id, scanId, seventh: seventh.text };
}

describe.skipIf(!haveChromium)('核对 of a scan that is a law already in the library', () => {
  const withSession = useBrowser();

  it('offers the library text; 保留扫描件 records who chose and lists the differing article', () =>
    withSession(async ({ face, page }) => {
      const store = face.service.store;
      const { libraryId, scanId } = await addScanCopy(store);
      await face.service.call('settings:set', { displayName: '王律师' });
      await page.getByTestId('library-total').waitFor();
      await go(page, `#/verify/${encodeURIComponent(scanId)}`);
      const panel = page.getByTestId('scan-match');
      await panel.waitFor();
      await expect.poll(() => panel.textContent()).toContain('1 条不同');
      expect(await panel.textContent()).toContain('同一日期');
      await page.getByTestId('scan-match-keep-scan').click();
      await page.getByTestId('scan-match-decided').waitFor();
      expect(await page.getByTestId('scan-match-decided').textContent()).toContain('王律师');
      // The differences are open once the scan is kept: the misread article, library → scan.
      const diff = page.getByTestId('scan-match-diff');
      await diff.waitFor();
      expect(await diff.locator('.scan-match-row').count()).toBe(1);
      expect(await diff.textContent()).toContain('第七条');
      expect(await diff.textContent()).toContain('汁');
      expect(store.version(scanId)!.libraryMatch!.decision).toMatchObject({ choice: 'scan', by: '王律师' });
      expect(store.version(libraryId)!.textSource).not.toBe('ocr');
      expect(await page.getByTestId('scan-match-use-library').count()).toBe(0);
    }));

  it('使用库中文本 removes the scan, opens the library version, and logs the choice', () =>
    withSession(async ({ face, page }) => {
      const store = face.service.store;
      const { libraryId, scanId } = await addScanCopy(store);
      await face.service.call('settings:set', { displayName: '李科长' });
      await page.getByTestId('library-total').waitFor();
      await go(page, `#/verify/${encodeURIComponent(scanId)}`);
      await page.getByTestId('scan-match-use-library').click();
      await page.locator('.ant-popconfirm .ant-btn-primary').click();
      await expect.poll(() => page.url()).toContain(`#/read/${encodeURIComponent(libraryId)}`);
      await expect.poll(() => store.version(scanId)).toBeUndefined();
      expect(readScanDecisions(store.dir)).toEqual([expect.objectContaining({ scanVersionId: scanId, libraryVersionId: libraryId, choice: 'library', by: '李科长' })]);
    }));
});
