// What opening the library repaired is told in the app, not only by `lawdesk check`: a library.json
// entry of the wrong shape (edited by hand, written by a broken tool) is dropped and its body adopted
// again when the library is read; the header then shows 资料库目录已修复 and 设置 → 资料库 lists
// each repair in the sentences the check prints. Records set aside from records.json are another
// thing (the catalogue is intact) and said as such. The library is read again through the store's own
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

  it('records set aside from records.json: the header says so (not that the catalogue was repaired) and 设置 names the file', () =>
    withSession(async ({ page, face }) => {
      const service = face.service;
      await page.getByTestId('library-count').waitFor();
      const input = { type: '规范性文件' as const, title: '高青县科学技术局科技计划项目管理办法', leadUnit: '办公室', receivedDate: '2020-06-01' };
      const good = (await service.call('reviews:create', { input })).record.id;
      const bad = (await service.call('reviews:create', { input: { ...input, title: '高青县科技创新券管理办法' } })).record.id;
      const file = join(service.store.dir, 'records.json');
      const doc = JSON.parse(readFileSync(file, 'utf8')) as { reviews: Record<string, Record<string, unknown>> };
      doc.reviews[bad]!.receivedDate = '2020-13-45'; // edited by hand: no such day
      writeFileSync(file, JSON.stringify(doc, null, 2));

      await page.reload();
      const tag = page.getByTestId('library-health');
      await tag.waitFor(); // said at once if the records are open, else when they are (library:health)
      expect(await tag.textContent()).toBe('1 条记录已搁置');
      await tag.click();
      const alert = page.getByTestId('settings-records-set-aside');
      await alert.waitFor();
      expect(await alert.locator('.ant-alert-title').textContent()).toBe(
        '资料库目录完好；records.json 中有 1 条记录无法读取，已搁置，原样留在 records.json 中（下次保存时移入 quarantine/，运行 lawdesk check --repair 可立即移入），其余记录照常打开',
      );
      expect(await alert.locator('li').allTextContents()).toEqual([expect.stringContaining(bad)]);
      expect(await page.getByTestId('settings-library-repairs').count()).toBe(0);

      // The next save moves it to quarantine/: the sentence names that file.
      await service.call('reviews:update', { id: good, patch: { leadUnit: '法规科' } });
      await page.reload();
      await alert.waitFor();
      expect(await alert.locator('.ant-alert-title').textContent()).toMatch(/^资料库目录完好；records\.json 中有 1 条记录无法读取，已搁置到 quarantine\/\S+-records-set-aside\.json，其余记录照常打开$/);
      await page.screenshot({ path: join(ROOT, 'out/library-health-set-aside.png') });
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
