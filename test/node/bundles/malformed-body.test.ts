// A body file whose hash is right but whose shape is not (an article path of null, as a forged
// bundle or an old bug could leave): reading it fails with a clear message instead of a TypeError
// deep in search or export, `check` reports it (it used to report 0 problems) and `check --repair`
// quarantines it and rebuilds the body from the original file.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkIntegrity } from '../../../electron/core/bundles/integrity-repair';
import { checkLibrary } from '../../../electron/core/library/library-check';
import { LibraryStore } from '../../../electron/core/library/library-store';
import { makeLibrary, tmp } from './bundle-helpers';

const work = tmp('lawdesk-malformed-');
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a stored body of the wrong shape', () => {
  it('is reported by check, skipped by readers with a message, and rebuilt by repair', async () => {
    const dir = join(work, 'lib');
    const { store } = await makeLibrary(dir);
    const victim = store.versions()[0]!;
    const text = readFileSync(join(dir, 'bodies', victim.file), 'utf8');
    const body = JSON.parse(text);
    body.units.find((u: { kind: string }) => u.kind === 'article').path = null;
    const forged = JSON.stringify(body);
    const name = createHash('sha256').update(forged).digest('hex') + '.json';
    writeFileSync(join(dir, 'bodies', name), forged);
    unlinkSync(join(dir, 'bodies', victim.file));
    const catalog = JSON.parse(readFileSync(join(dir, 'library.json'), 'utf8'));
    catalog.versions[victim.id].file = name;
    writeFileSync(join(dir, 'library.json'), JSON.stringify(catalog));

    const reopened = await LibraryStore.open(dir);
    expect(() => reopened.readUnits(victim.id)).toThrow(/正文文件无法使用.*结构不对（“units\.\d+\.path”/);
    const problems = checkLibrary(reopened);
    expect(problems.map((p) => p.versionId)).toEqual([victim.id]);
    expect(problems[0]!.problem).toMatch(/结构不对/);
    // The other versions still read.
    for (const v of reopened.versions()) if (v.id !== victim.id) expect(reopened.readUnits(v.id).length).toBeGreaterThan(0);

    const report = await checkIntegrity(reopened, { repair: true });
    expect(report.problems.find((p) => p.versionId === victim.id)?.repaired).toMatch(/重建正文/);
    expect(existsSync(join(dir, 'quarantine'))).toBe(true);
    expect(readdirSync(join(dir, 'quarantine')).some((n) => n.endsWith(name))).toBe(true);
    const after = await LibraryStore.open(dir);
    expect(checkLibrary(after)).toEqual([]);
    expect(after.readUnits(victim.id).every((u) => Array.isArray(u.path))).toBe(true);
  }, 60_000);
});
