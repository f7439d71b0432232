// Atomic writes: a failed write leaves the previous file whole and no temp file behind.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TimeSlicer } from '../../../electron/core/util/time-slicer';
import { AtomicJsonFile, CorruptFileError, jsonPieces, writeFileAtomic, writeFileAtomicAsync } from '../../../electron/core/library/atomic-file';

const dir = mkdtempSync(join(tmpdir(), 'lawdesk-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('replaces a file in one step and leaves no temp file', () => {
    const f = join(dir, 'a.json');
    writeFileAtomic(f, '{"v":1}');
    writeFileAtomic(f, Buffer.from('{"v":2}'));
    expect(readFileSync(f, 'utf8')).toBe('{"v":2}');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('removes its temp file when the rename fails, and leaves other files alone', () => {
    const f = join(dir, 'b.json');
    writeFileAtomic(f, 'old');
    const target = join(dir, 'target.json');
    mkdirSync(target); // renaming a file onto a directory fails after the temp file is written
    expect(() => writeFileAtomic(target, 'new')).toThrow();
    expect(readFileSync(f, 'utf8')).toBe('old');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('reports a corrupt JSON file by name instead of treating it as empty', async () => {
    const f = join(dir, 'c.json');
    writeFileSync(f, '{"broken"');
    await expect(new AtomicJsonFile(f).read()).rejects.toBeInstanceOf(CorruptFileError);
    await expect(new AtomicJsonFile(join(dir, 'missing.json')).read()).resolves.toBeNull();
  });
});

describe('JSON written in pieces', () => {
  it('joins to exactly what JSON.stringify gives, whatever the members hold', () => {
    const values: unknown[] = [
      { schemaVersion: 1, generation: 3, versions: { 'a:1': { title: '统计法', n: 1, opt: undefined, h: [{ d: '2024-09-13' }] }, b: { f: () => 1, s: 'x"\\\n' } }, tombstones: [] },
      [1, undefined, null, { toJSON: () => 'j' }, [undefined, 2], new Date(0)],
      { empty: {}, arr: [], nested: { deep: { deeper: [1, { x: undefined }] } } },
      [],
      {},
      'text',
      null,
      42,
    ];
    for (const v of values) expect([...jsonPieces(v)].join('')).toBe(JSON.stringify(v));
  });

  it('writes a document of many members through the atomic writer, giving the event loop back meanwhile', async () => {
    const f = join(dir, 'big.json');
    const doc = { versions: Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`v${i}`, { title: `第${i}号`, units: i }])) };
    let turns = 0;
    const counter = setInterval(() => turns++, 0);
    // a slicer whose slices are always used up: every piece gives the loop back
    await writeFileAtomicAsync(f, jsonPieces(doc), { slicer: new TimeSlicerAlwaysDue() });
    clearInterval(counter);
    expect(readFileSync(f, 'utf8')).toBe(JSON.stringify(doc));
    expect(turns).toBeGreaterThan(0);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

class TimeSlicerAlwaysDue extends TimeSlicer {
  override get due(): boolean {
    return true;
  }
}
