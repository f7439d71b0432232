// Quick open (Ctrl+K) driven the way a person types: one real key event at a time, and an input
// method composing 行政许可法 before it commits. Both used to lose the input after the first answer
// arrived (the spinner suffix made antd swap the input's wrapper, so focus and keys went nowhere).

import { describe, expect, it } from 'vitest';
import { haveChromium, useBrowser } from './browser-harness';

describe.skipIf(!haveChromium)('Quick open with real keys and an input method', () => {
  const withSession = useBrowser();

  it('typing xzxkf key by key keeps every key and Enter opens 行政许可法', () =>
    withSession(async ({ page }) => {
      await page.getByTestId('library-total').waitFor();
      await page.keyboard.press('Control+k');
      const input = page.getByTestId('quick-open-input');
      await input.waitFor();
      await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
      // Slower than the 80 ms debounce, so answers arrive between keys as they do for a person.
      for (const k of 'xzxkf') {
        await page.keyboard.press(k);
        await page.waitForTimeout(150);
      }
      expect(await input.inputValue()).toBe('xzxkf');
      await page.getByTestId('quick-open-item').first().filter({ hasText: '行政许可法' }).waitFor();
      expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press('Enter');
      await page.getByTestId('reader-title').filter({ hasText: '中华人民共和国行政许可法' }).waitFor();
    }));

  it('an input method composing 行政许可法 commits it, then ↑↓ Enter choose a match', () =>
    withSession(async ({ page, context }) => {
      await page.getByTestId('library-total').waitFor();
      await page.keyboard.press('Control+k');
      const input = page.getByTestId('quick-open-input');
      await input.waitFor();
      await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
      const cdp = await context.newCDPSession(page);
      // Focus moves and composition ends, kept so that a failure says what ended the composition.
      await page.evaluate(() => {
        const log: string[] = [];
        (window as unknown as { __imeLog: string[] }).__imeLog = log;
        const t0 = performance.now();
        const name = (n: EventTarget | null) => (n instanceof HTMLElement ? `${n.tagName}${n.dataset.testid ? `[${n.dataset.testid}]` : ''}.${String(n.className).slice(0, 40)}` : String(n));
        for (const type of ['focusin', 'focusout', 'compositionstart', 'compositionend', 'input']) {
          window.addEventListener(type, (e) => log.push(`${Math.round(performance.now() - t0)}ms ${type} ${name(e.target)} ${(e.target as HTMLInputElement).value ?? ''}`), true);
        }
      });
      const imeLog = () => page.evaluate(() => (window as unknown as { __imeLog: string[] }).__imeLog.join('\n'));
      // A failure carries the events up to the moment it failed.
      const valueBecomes = async (want: string) => {
        try {
          await expect.poll(() => input.inputValue()).toBe(want);
        } catch (e) {
          throw new Error(`${(e as Error).message}\n${await imeLog()}`);
        }
      };
      // What a pinyin IME sends: composition updates with the raw letters, then the committed text.
      // Each update is waited for in the box itself (a composing box shows the raw letters).
      for (const partial of ['x', 'xing', 'xingzheng', 'xingzhengxuke', 'xingzhengxukefa']) {
        await cdp.send('Input.imeSetComposition', { text: partial, selectionStart: partial.length, selectionEnd: partial.length });
        await valueBecomes(partial);
        await page.waitForTimeout(120);
      }
      await cdp.send('Input.insertText', { text: '行政许可法' });
      await valueBecomes('行政许可法');
      await page.getByTestId('quick-open-item').first().filter({ hasText: '行政许可法' }).waitFor();
      expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
      // A second key stroke after the answer arrived still lands in the box.
      await page.keyboard.type('12', { delay: 150 });
      await expect.poll(() => input.inputValue()).toBe('行政许可法12');
      await page.getByTestId('quick-open-item').first().filter({ hasText: '第十二条' }).waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowUp');
      await expect.poll(() => page.locator('[data-testid="quick-open-item"][aria-selected="true"]').textContent()).toContain('第十二条');
      await page.keyboard.press('Enter');
      await page.locator('#article-12.active').waitFor();
    }));

  it('Enter (and ↑↓) while an input method composes the next word do not choose a match; Enter after it does', () =>
    withSession(async ({ page, context }) => {
      await page.getByTestId('library-total').waitFor();
      await page.keyboard.press('Control+k');
      const input = page.getByTestId('quick-open-input');
      await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Input.insertText', { text: '行政许可法' });
      await page.getByTestId('quick-open-item').first().filter({ hasText: '行政许可法' }).waitFor();
      // Then the next word is being composed (第十二条 as di'shi'er'tiao) while the matches are listed.
      await cdp.send('Input.imeSetComposition', { text: "di'shi", selectionStart: 6, selectionEnd: 6 });
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      // Those keys were the input method's: nothing is opened.
      await cdp.send('Input.insertText', { text: '第十二条' });
      await expect.poll(() => input.inputValue()).toBe('行政许可法第十二条');
      expect(page.url()).not.toContain('#/read/');
      await page.getByTestId('quick-open-item').first().filter({ hasText: '第十二条' }).waitFor();
      await page.keyboard.press('Enter');
      await page.locator('#article-12.active').waitFor();
    }));

  it('Enter typed before the answer to the last keys comes opens what the whole text names, not an older answer’s first match', () =>
    withSession(async ({ page }) => {
      await page.getByTestId('library-total').waitFor();
      await page.keyboard.press('Control+k');
      const input = page.getByTestId('quick-open-input');
      await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.type('行政许可法');
      await page.getByTestId('quick-open-item').first().filter({ hasText: '行政许可法' }).waitFor();
      // The answer to 行政许可法12 held until Enter has been pressed: the list still shows 行政许可法's
      // matches (the law itself first), as it does when a pause in the typing let them be asked.
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let asked!: () => void;
      const askedFor12 = new Promise<void>((r) => (asked = r));
      await page.route('**/api/search:quickOpen', async (route) => {
        const body = JSON.parse(route.request().postData() ?? '{}') as { text?: string };
        if (body.text === '行政许可法12') {
          asked();
          await held;
        }
        await route.continue();
      });
      await page.keyboard.type('12');
      await askedFor12;
      await page.keyboard.press('Enter');
      expect(page.url()).not.toContain('#/read/');
      release();
      await page.locator('#article-12.active').waitFor();
      await page.getByTestId('reader-title').filter({ hasText: '中华人民共和国行政许可法' }).waitFor();
    }));
});
