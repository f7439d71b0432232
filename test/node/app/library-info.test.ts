// library:info, which the status bar asks every few hundred milliseconds while an import runs,
// answers the counts of the catalog generation it reports: a version staged by the import but not
// yet committed is not counted, and answering does not rebuild the law map (each staged file
// emptied it, so every call during an import rebuilt it for the whole library).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openTestApp } from '../test-app';

const STARTER = resolve(import.meta.dirname, '../../fixtures/app/laws');
const tmp = mkdtempSync(join(tmpdir(), 'lawdesk-library-info-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('library:info during an import', () => {
  it('counts the committed generation and does not rebuild the law map per call', async () => {
    const svc = await openTestApp(tmp, { starterDir: STARTER });
    try {
      const store = svc.store;
      const before = await svc.call('library:info', {});
      expect(before.lawCount).toBe(store.laws().length);
      expect(before.versionCount).toBe(store.versions().length);
      expect(before.lawCount).toBeGreaterThan(3);

      // What an import does with each file before its batch is committed: stage a version of a new law.
      const meta = store.versions()[0]!;
      store.stage({ ...meta, id: 'L00000000aa@2020-01-01', lawId: 'L00000000aa', title: '测试暂存条例' });
      const laws = vi.spyOn(store, 'laws');
      for (let i = 0; i < 3; i++) {
        const info = await svc.call('library:info', {});
        expect(info).toMatchObject({ generation: before.generation, lawCount: before.lawCount, versionCount: before.versionCount });
      }
      expect(laws).not.toHaveBeenCalled();

      await store.commit();
      const after = await svc.call('library:info', {});
      expect(after).toMatchObject({ generation: before.generation + 1, lawCount: before.lawCount + 1, versionCount: before.versionCount + 1 });
      laws.mockRestore();
    } finally {
      svc.close();
    }
  });
});
