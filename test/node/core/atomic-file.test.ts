// Atomic writes: a failed write leaves the previous file whole and no temp file behind.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AtomicJsonFile, CorruptFileError, writeFileAtomic } from '../../../electron/core/library/atomic-file';

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
