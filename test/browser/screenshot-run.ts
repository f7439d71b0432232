// The frame every screenshot script shares: the renderer built, one Chromium, a fresh app session
// at each of the two sizes the issues ask for (1440×900 and 1024×700), and `shot(name)` writing
// resources/screenshots/<name>-<width>.png once the page has settled.

import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, type Session, ensureBuilt, launchChromium, openSession } from './browser-harness';

export const SCREENSHOTS = join(ROOT, 'resources/screenshots');
const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
];

export interface ShotContext {
  s: Session;
  page: Page;
  /** The app's address, ending in '/', for `base + '#/route'`. */
  base: string;
  viewport: { width: number; height: number };
  shot(name: string): Promise<void>;
}

/** Runs `take` once per size, each in a fresh session (a fresh library) closed after it. */
export async function atEachSize(take: (c: ShotContext) => Promise<void>): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  ensureBuilt();
  const browser = await launchChromium();
  try {
    for (const viewport of SIZES) {
      const s = await openSession(browser, { viewport });
      const { page } = s;
      const shot = async (name: string) => {
        await page.waitForTimeout(400);
        // A toast from the step before is let go (removed mid-animation it left an empty pill in the picture).
        await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 5000 }).catch(() => {});
        await page.evaluate(() => document.querySelectorAll('.ant-message-notice-wrapper').forEach((n) => n.remove()));
        const file = join(SCREENSHOTS, `${name}-${viewport.width}.png`);
        await page.screenshot({ path: file });
        console.log(`${file}  ${(statSync(file).size / 1024).toFixed(0)} KB`);
      };
      try {
        await take({ s, page, base: s.face.origin + '/', viewport, shot });
      } finally {
        await s.close();
      }
    }
  } finally {
    await browser.close();
  }
}
