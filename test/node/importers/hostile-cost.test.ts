// Hostile inputs whose cost used to grow faster than their size: each must import (or be refused)
// within vitest's ordinary timeout, through the real import pipeline into a real library.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPaths } from '../../../electron/core/library/library-import';
import { openLibrary } from '../../../electron/core/library/open-library';
import type { LibraryStore } from '../../../electron/core/library/library-store';
import { tmp } from '../bundles/bundle-helpers';

const work = tmp('lawdesk-hostile-cost-');
let store: LibraryStore;

beforeAll(async () => {
  ({ store } = await openLibrary({ dir: join(work, 'lib'), seed: false }));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function importText(name: string, text: string) {
  const f = join(work, name);
  writeFileSync(f, text);
  return importPaths(store, [f]);
}

describe('whitespace runs are trimmed in linear time', () => {
  it('a line with a run of 200,000 ASCII spaces imports, the run kept inside its article', async () => {
    const r = await importText('空格条例.txt', `空格测试条例\n\n第一条 甲${' '.repeat(200_000)}乙\n\n第二条 丙。\n`);
    expect(r.failed).toEqual([]);
    expect(r.imported).toBe(1);
  }, 20_000);

  it('a run of 60,000 full-width spaces (U+3000) inside a line imports', async () => {
    const r = await importText('全角空格条例.md', `# 全角空格测试条例\n\n第一条 甲${'\u3000'.repeat(60_000)}乙\n\n第二条 丙。\n`);
    expect(r.failed).toEqual([]);
    expect(r.imported).toBe(1);
  }, 20_000);

  it('a title line padded with 100,000 mixed spaces on both sides keeps the bare title', async () => {
    const pad = ' \u3000\t'.repeat(33_000);
    const r = await importText('填充标题.txt', `${pad}填充标题测试规定${pad}\n\n第一条 甲。\n\n第二条 乙。\n`);
    expect(r.failed).toEqual([]);
    const laws = store.laws();
    expect(laws.map((l) => l.title)).toContain('填充标题测试规定');
  }, 20_000);
});
