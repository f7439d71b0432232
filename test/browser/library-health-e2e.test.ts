// What opening the library repaired is told in the app, not only by `lawdesk check`: a library.json
// entry of the wrong shape (edited by hand, written by a broken tool) is dropped and its body adopted
// again when the library is read; the header then shows 资料库目录已修复 and 设置 → 资料库 lists
// each repair in the sentences the check prints. The library is read again through the store's own
// open path (load), as at a start.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLibrary, libraryHealth } from '../../electron/core/library/library-check';
import { ROOT, haveChromium, useBrowser } from './browser-harness';

describe.skipIf(!haveChromium)('the library’s repairs in the app', () => {
  const withSession = useBrowser();

  it('a damaged catalogue entry: the header says the catalogue was repaired and 设置 lists what was done', () =>
    withSession(async ({ page, face }) => {
      const store = face.service.store;
      await page.getByTestId('library-count').waitFor();
      expect(await page.getByTestId('library-health').count()).toBe(0);
      const file = join(store.dir, 'library.json');
      const catalog = JSON.parse(readFileSync(file, 'utf8')) as { versions: Record<string, Record<string, unknown>> };
      const ids = Object.keys(catalog.versions).sort();
      catalog.versions[ids[0]!] = { ...catalog.versions[ids[0]!], title: 123 };
      writeFileSync(file, JSON.stringify(catalog));
      await store.load();
      expect(store.versions().map((v) => v.id).sort()).toEqual(ids); // the body was adopted again
      const notes = checkLibrary(store).filter((p) => p.file === 'library.json').map((p) => p.problem);
      expect(notes.length).toBeGreaterThan(0);

      await page.reload();
      const tag = page.getByTestId('library-health');
      await tag.waitFor();
      expect(await tag.textContent()).toBe('资料库目录已修复');
      await tag.click();
      const list = page.getByTestId('settings-library-repairs');
      await list.waitFor();
      expect(await list.locator('li').allTextContents()).toEqual(notes);
      await page.screenshot({ path: join(ROOT, 'out/library-health-settings.png') });
    }));
});

describe('libraryHealth', () => {
  it('carries the first notes and counts the rest; says why the library is read-only', () => {
    const notes = Array.from({ length: 25 }, (_, i) => `library.json 中的条目 ${i} 格式不对，已从目录中去掉`);
    const store = { catalogNotes: notes, readOnlyReason: '资料库所在的磁盘已满' } as Parameters<typeof libraryHealth>[0];
    const h = libraryHealth(store, 20);
    expect(h.repairs).toEqual([...notes.slice(0, 20), '另有 5 处修复（lawdesk check 列出全部）']);
    expect(h.readOnly).toBe('资料库所在的磁盘已满');
    expect(libraryHealth({ catalogNotes: [], readOnlyReason: undefined } as unknown as Parameters<typeof libraryHealth>[0], 20)).toEqual({});
  });
});
