// The 送审材料 of a review are read at a glance: every name of the type's standard list is shown
// whole in its field, on a 1366×768 laptop and on a 1920×1080 screen (the field was a fixed 220 px:
// 合同订立依据（立项、决策或招标文件） was cut on both).

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REVIEW_TYPES } from '../../electron/shared/record-schema';
import { ROOT, go, haveChromium, useBrowser } from './browser-harness';

describe.skipIf(!haveChromium)('送审材料 names shown whole', () => {
  const withSession = useBrowser();

  it('no material name is cut, for every review type, at 1366×768 and 1920×1080', () =>
    withSession(async ({ page, face }) => {
      for (const type of REVIEW_TYPES) {
        const { record } = await face.service.call('reviews:create', { input: { type, title: `高青县科学技术局${type}审查`, leadUnit: '办公室', receivedDate: '2025-09-18' } });
        for (const viewport of [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }]) {
          await page.setViewportSize(viewport);
          await go(page, `#/review/${record.id}`);
          const rows = page.getByTestId('review-material');
          await rows.first().waitFor();
          const fields = await rows.locator('input[type=text], input:not([type])').evaluateAll((els) =>
            (els as HTMLInputElement[]).map((e) => ({ value: e.value, cut: e.scrollWidth > e.clientWidth })),
          );
          expect(fields.length).toBeGreaterThan(0);
          expect(fields.filter((f) => f.cut).map((f) => f.value), `${type} at ${viewport.width}`).toEqual([]);
          if (type === '合同') await page.screenshot({ path: join(ROOT, `out/review-materials-${viewport.width}.png`) });
        }
      }
    }));
});
