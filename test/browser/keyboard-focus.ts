// Keyboard-only browser tests: what has the focus, Tab until a control has it, and the focus kept
// somewhere visible after a page change or a dialog closing (never lost to <body>).

import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** What has the focus: tag, test id, role and text — and whether it is on screen. */
export async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement) return { what: '<body>', testId: '', text: '', onScreen: false };
    const r = el.getBoundingClientRect();
    const testId = el.closest('[data-testid]')?.getAttribute('data-testid') ?? '';
    const text = (el.getAttribute('aria-label') || el.innerText || (el as HTMLInputElement).placeholder || '').trim().slice(0, 40);
    return { what: `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[${el.getAttribute('role')}]` : ''}`, testId, text, onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight };
  });
}

/** Presses Tab (or Shift+Tab) until the focus is on what `want` accepts; fails naming the stops seen. */
export async function tabTo(page: Page, want: (f: Awaited<ReturnType<typeof focused>>) => boolean, opts: { back?: boolean; max?: number } = {}) {
  const seen: string[] = [];
  for (let i = 0; i < (opts.max ?? 60); i++) {
    await page.keyboard.press(opts.back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    if (want(f)) {
      expect(f.onScreen, `${f.what} ${f.testId} “${f.text}” is off screen`).toBe(true);
      return f;
    }
    seen.push(`${f.what} ${f.testId} “${f.text}”`);
  }
  throw new Error(`Tab never reached it; stops: ${seen.join(' | ')}`);
}
export const byTestId = (id: string) => (f: { testId: string }) => f.testId === id;
export const byText = (re: RegExp) => (f: { text: string }) => re.test(f.text);

/** The focus is on a control, not lost to <body> (after a page change, a dialog closing — once its closing animation is over …). */
export async function focusKept(page: Page, where: string) {
  await expect.poll(async () => (await focused(page)).what, { message: `focus lost ${where}`, timeout: 5000 }).not.toBe('<body>');
  return focused(page);
}
