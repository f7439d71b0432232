// End-to-end harness: a fresh temporary library seeded from test/fixtures/app/laws, the browser
// face on 127.0.0.1, and real Chromium (Debian's, through playwright-core).

import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { MemorySettingsStore } from '../../electron/core/api/settings-file';
import { startBrowserFace, type BrowserFace } from '../../electron/server/browser-face';
import { buildApp, buildIsStale } from '../../electron/server/launch';

export const ROOT = resolve(import.meta.dirname, '../..');
export const FIXTURES = join(ROOT, 'test/fixtures/app');
export const CHROMIUM = process.env.LAWDESK_CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let built = false;
/** Builds the renderer once per run when out/ is missing or stale. */
export function ensureBuilt(): void {
  if (built) return;
  if (buildIsStale(ROOT) && buildApp(ROOT) !== 0) throw new Error('electron-vite build failed');
  built = true;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export interface Session {
  face: BrowserFace;
  context: BrowserContext;
  page: Page;
  tmp: string;
  close(): Promise<void>;
}

/** A fresh library + server + browser context, logged in with the per-run token. */
export async function openSession(browser: Browser, opts: { viewport?: { width: number; height: number }; exclude?: string[] } = {}): Promise<Session> {
  const tmp = mkdtempSync(join(tmpdir(), 'lawdesk-e2e-'));
  const starter = join(tmp, 'starter');
  cpSync(join(FIXTURES, 'laws'), starter, { recursive: true });
  // Leave out some starter laws (e.g. a newer version, imported later by the test).
  for (const f of opts.exclude ?? []) rmSync(join(starter, f), { force: true });
  const face = await startBrowserFace({
    libraryDir: join(tmp, 'library'),
    starterDir: starter,
    settings: new MemorySettingsStore(),
    rendererDir: join(ROOT, 'out/renderer'),
    // 按路径导入 may reach only the test's own temporary folder.
    importRoots: [{ label: '测试', path: tmp }],
  });
  await face.service.searchReady();
  const context = await browser.newContext({
    viewport: opts.viewport ?? { width: 1360, height: 860 },
    locale: 'zh-CN',
    acceptDownloads: true,
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(face.url);
  return {
    face,
    context,
    page,
    tmp,
    close: async () => {
      await context.close();
      await face.stop();
      rmSync(tmp, { recursive: true, force: true });
      if (errors.length) throw new Error(`页面错误：${errors.join('\n')}`);
    },
  };
}

/** Whether this machine has the Chromium the end-to-end tests drive. */
export const haveChromium = existsSync(CHROMIUM);

/**
 * For a describe block: builds the renderer and launches Chromium once (beforeAll), closes it
 * (afterAll), and returns `withSession`, which runs a test in a fresh library and browser context.
 */
export function useBrowser(): (fn: (s: Session) => Promise<void>, opts?: { exclude?: string[] }) => Promise<void> {
  let browser: Browser | undefined;
  beforeAll(async () => {
    ensureBuilt();
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
  });
  return async (fn, opts = {}) => {
    const s = await openSession(browser!, opts);
    try {
      await fn(s);
    } finally {
      await s.close();
    }
  };
}

/** Goes to a route of the app (`#/search`, `#/packs` …) in the same session. */
export const go = (page: Page, hash: string) => page.goto(page.url().replace(/#.*$/, '') + hash);

/**
 * Answers an antd dialog: waits until its opening animation has ended, clicks the named button and
 * waits for the dialog to go. A click during the zoom-in was once lost on a loaded CI machine (the
 * dialog stayed, 30 s), so the answer waits for the same settled dialog a person reads before clicking.
 */
export async function answerDialog(dialog: Locator, button: RegExp): Promise<void> {
  await dialog.waitFor();
  await dialog.page().waitForFunction((el) => !el || !/-(appear|enter)\b/.test(el.className), await dialog.elementHandle());
  await dialog.getByRole('button', { name: button }).click();
  await dialog.waitFor({ state: 'detached' });
}

/**
 * Waits until an antd dialog is drawn as a person sees it, for a screenshot: its zoom-in over and nothing on the
 * page still entering or leaving (the menu it was opened from fades out meanwhile; the mask fades in). A class
 * ant-…-appear/enter/leave is what antd's motion sets for the length of an animation.
 */
export async function dialogSettled(dialog: Locator): Promise<void> {
  await dialog.waitFor();
  await dialog.page().waitForFunction(() => {
    const moving = /(^|\s)ant-[\w-]+-(appear|enter|leave)(\s|$)/;
    return ![...document.querySelectorAll('[class]')].some((el) => moving.test(el.getAttribute('class') ?? ''));
  });
}
