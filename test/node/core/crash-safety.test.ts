// kill -9 an import at random moments: the reopened library must be consistent and hold each
// file either completely or not at all. (A bounded number of trials here; the crash harness of
// the bundles issue runs hundreds.) The moments are picked by watching the import's own output —
// the kill falls after a random number of bodies were written — not by a delay, since a delay
// measured on one run may fall before or after the import of the next on a loaded machine (CI
// once had all six kills land outside it).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLibrary } from '../../../electron/core/library/library-check';
import { importPaths } from '../../../electron/core/library/library-import';
import { openLibrary } from '../../../electron/core/library/open-library';

const ROOT = join(import.meta.dirname, '../../..');
const FIX = join(ROOT, 'test/fixtures/laws');
const work = mkdtempSync(join(tmpdir(), 'lawdesk-crash-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** 300 distinct laws (real text, numbered titles) so that an import takes a while. */
function makeSources(): string {
  const dir = join(work, 'sources');
  mkdirSync(dir, { recursive: true });
  const base = readFileSync(join(FIX, '行政法/行政许可法(2019-04-23).md'), 'utf8');
  for (let i = 0; i < 300; i++) {
    writeFileSync(join(dir, `测试条例${i}.md`), base.replace('# 中华人民共和国行政许可法', `# 某某市测试许可条例第${i}号`));
  }
  return dir;
}

function bodyCount(lib: string): number {
  const dir = join(lib, 'bodies');
  return existsSync(dir) ? readdirSync(dir).length : 0;
}

// --no-index: the kills are meant for the import of files, not the search-index update after it.
/** Runs an import and kills it with SIGKILL once `killAtBodies` bodies are on disk (never, if Infinity). */
function runImportAndKill(lib: string, sources: string, killAtBodies: number): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'electron/cli/bin.mjs'), 'import', sources, '--library', lib, '--json', '--no-index'], {
      stdio: 'ignore',
      env: { ...process.env, LAWDESK_STARTER_DIR: join(FIX, '宪法') },
    });
    const poll = setInterval(() => {
      if (bodyCount(lib) >= killAtBodies) child.kill('SIGKILL');
    }, 2);
    child.on('exit', (code, signal) => {
      clearInterval(poll);
      resolve(signal ?? `exit ${code}`);
    });
  });
}

describe('crash safety of imports', () => {
  const sources = makeSources();
  it('survives kill -9 at random moments and completes on the next run', async () => {
    // The bodies of the starter laws a new library is seeded with come first: count them once.
    const calibrate = join(work, 'calibrate');
    expect(await runImportAndKill(calibrate, sources, Infinity)).toBe('exit 0');
    const seeded = bodyCount(calibrate) - 300;
    expect(seeded).toBeGreaterThanOrEqual(0);
    const outcomes: string[] = [];
    let partial = 0;
    for (let trial = 0; trial < 6; trial++) {
      const lib = join(work, `lib${trial}`);
      // Between 5 and 200 of the 300 test laws: the margin above lets a kill that lands late still
      // fall inside the import.
      const at = seeded + 5 + Math.floor(195 * Math.random());
      outcomes.push(`after ${at - seeded} bodies: ${await runImportAndKill(lib, sources, at)}`);
      const { store } = await openLibrary({ dir: lib, seed: false });
      expect(checkLibrary(store), `trial ${trial}: ${outcomes[trial]}`).toEqual([]);
      const got = store.versions().filter((v) => v.title.startsWith('某某市测试许可条例'));
      for (const v of got) expect(v.articleCount).toBe(83);
      if (got.length > 0 && got.length < 300) partial++;
      outcomes[outcomes.length - 1] += ` → ${got.length} laws`;
      const report = await importPaths(store, [sources]);
      expect(report.failed).toEqual([]);
      expect(store.versions().filter((v) => v.title.startsWith('某某市测试许可条例'))).toHaveLength(300);
      expect(checkLibrary(store)).toEqual([]);
    }
    console.log('crash trials:', outcomes.join('; '));
    expect(partial, 'at least one kill must land mid-import').toBeGreaterThan(0);
  }, 120_000);
});
