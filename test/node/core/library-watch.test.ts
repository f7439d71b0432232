// The app follows commits another process makes to its library (library-watch.ts): it reads the
// generation from the head of library.json only, and still finds it when a writer put it last.
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reloadIfAhead } from '../../../electron/core/library/library-watch';
import { makeLibrary, tmp } from '../bundles/bundle-helpers';

const work = tmp('lawdesk-watch-');
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('following the library on disk', () => {
  it('reloads when the catalog on disk is ahead, wherever its generation stands in the file, and not for its own generation', async () => {
    const dir = join(work, 'lib');
    const { store } = await makeLibrary(dir);
    const file = join(dir, 'library.json');
    expect(statSync(file).size).toBeGreaterThan(8192); // more than the head that is read first
    expect(await reloadIfAhead(store)).toBe(false);

    // Another process committed: the catalog a generation on, written as the store writes it.
    const catalog = JSON.parse(readFileSync(file, 'utf8')) as { generation: number };
    const next = store.generation + 1;
    writeFileSync(file, JSON.stringify({ ...catalog, generation: next }));
    expect(await reloadIfAhead(store)).toBe(true);
    expect(store.generation).toBe(next);
    expect(await reloadIfAhead(store)).toBe(false);

    // A writer that puts the generation after the versions: found by reading the whole file.
    const { generation: _drop, ...rest } = catalog;
    writeFileSync(file, JSON.stringify({ ...rest, generation: next + 1 }));
    expect(readFileSync(file, 'utf8').indexOf('"generation"')).toBeGreaterThan(4096);
    expect(await reloadIfAhead(store)).toBe(true);
    expect(store.generation).toBe(next + 1);
    expect(await reloadIfAhead(store)).toBe(false);
  });
});
