// A damaged .lawdesk is refused naming the file and the reason, and leaves the library as it was (session 30's walk:
// "资料包无法读取：…" and "资料包中的“laws/bodies/…”解压失败" said what, not which of the person's bundles).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportBundle } from '../../../electron/core/bundles/bundle-export';
import { importBundle } from '../../../electron/core/bundles/bundle-import';
import { openLibrary } from '../../../electron/core/library/open-library';
import { makeLibrary, snapshot, tmp } from './bundle-helpers';

const work = tmp();
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a damaged bundle', () => {
  it('is refused with its file name and the reason, and nothing is written', async () => {
    const { store: sa } = await makeLibrary(join(work, 'a'));
    const good = join(work, '沛县科技局-法规.lawdesk');
    await exportBundle(sa, { out: good });
    const bytes = readFileSync(good);
    const truncated = join(work, '截断的资料包.lawdesk');
    writeFileSync(truncated, bytes.subarray(0, Math.floor((bytes.length * 2) / 3)));
    const flipped = Buffer.from(bytes);
    // damage in the middle of the archive, inside a law's compressed body: only inflating or its hash finds it
    const at = Math.floor(flipped.length / 2);
    for (let i = at; i < at + 32 && i < flipped.length; i++) flipped[i]! ^= 0x5a;
    const corrupt = join(work, '损坏的资料包.lawdesk');
    writeFileSync(corrupt, flipped);

    const { store: sb } = await openLibrary({ dir: join(work, 'b'), seed: false });
    const before = snapshot(join(work, 'b'));
    for (const file of [truncated, corrupt]) {
      const err = await importBundle(sb, file).then(
        () => undefined,
        (e: unknown) => e as Error & { file?: string },
      );
      expect(err, file).toBeDefined();
      expect(err!.message).toContain(file.split('/').at(-1)!);
      expect(err!.message).toMatch(/无法读取|解压失败|校验|损坏|不符/);
      expect(err!.file).toBe(file);
    }
    expect(snapshot(join(work, 'b'))).toEqual(before);
  });
});
