// Hostile structure whose cost used to grow faster than the input: deeply nested HTML (a
// recursive walk overflowed the stack; statistics over every element's subtree were depth × size)
// and folders whose symbolic links loop back on themselves (the walk was exponential). Each must
// import within vitest's ordinary timeout, through the real import pipeline.
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectFiles, importPaths } from '../../../electron/core/library/library-import';
import { openLibrary } from '../../../electron/core/library/open-library';
import type { LibraryStore } from '../../../electron/core/library/library-store';
import { tmp } from '../bundles/bundle-helpers';

const work = tmp('lawdesk-hostile-structure-');
let store: LibraryStore;

beforeAll(async () => {
  ({ store } = await openLibrary({ dir: join(work, 'lib'), seed: false }));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const articles = (n: number) => Array.from({ length: n }, (_, i) => `<p>第${i + 1}条 本条例第${i + 1}条规定科学技术管理事项，县级以上人民政府应当组织实施。</p>`).join('');

describe('nested HTML is extracted in linear time without recursion', () => {
  it('100,000 nested <div> around a law import, with its articles', async () => {
    const f = join(work, '深层嵌套条例.html');
    writeFileSync(f, `<html><head><title>深层嵌套条例</title></head><body>${'<div>'.repeat(100_000)}<h1>深层嵌套条例</h1>${articles(30)}${'</div>'.repeat(100_000)}</body></html>`);
    const r = await importPaths(store, [f]);
    expect(r.failed).toEqual([]);
    expect(r.files[0]!.articleCount).toBe(30);
  }, 30_000);

  it('3,000 nested <div> around a 2,000-article law import', async () => {
    const f = join(work, '嵌套大法规.html');
    writeFileSync(f, `<html><head><title>嵌套大法规条例</title></head><body><div class="nav">首页 第一条新闻</div>${'<div>'.repeat(3000)}${articles(2000)}${'</div>'.repeat(3000)}</body></html>`);
    const r = await importPaths(store, [f]);
    expect(r.failed).toEqual([]);
    expect(r.files[0]!.articleCount).toBe(2000);
  }, 30_000);
});

describe('folder walks visit every real folder once', () => {
  it('two self-links and a loop through a parent: each file found once, nothing hangs', () => {
    const root = join(work, 'loops');
    mkdirSync(join(root, 'a', 'b'), { recursive: true });
    writeFileSync(join(root, '甲条例.md'), '# 甲条例\n\n第一条 甲。\n');
    writeFileSync(join(root, 'a', 'b', '乙条例.md'), '# 乙条例\n\n第一条 乙。\n');
    symlinkSync('.', join(root, 'self1'));
    symlinkSync('.', join(root, 'self2'));
    symlinkSync('../..', join(root, 'a', 'b', 'up'));
    symlinkSync(join(root, '甲条例.md'), join(root, 'a', '甲的链接.md'));
    const failed: { file: string; reason: string }[] = [];
    const files = collectFiles([root], failed);
    expect(failed).toEqual([]);
    expect(files.map((f) => f.slice(root.length + 1)).sort()).toEqual(['a/b/乙条例.md', '甲条例.md'].sort());
  });

  it('a broken link and a link loop are reported, not fatal', () => {
    const root = join(work, 'broken');
    mkdirSync(root);
    symlinkSync('没有这个文件.md', join(root, '断链.md'));
    symlinkSync('环2.md', join(root, '环1.md'));
    symlinkSync('环1.md', join(root, '环2.md'));
    const failed: { file: string; reason: string }[] = [];
    expect(collectFiles([root], failed)).toEqual([]);
    expect(failed.map((f) => f.reason).sort()).toEqual(['无法读取（链接指向的文件不存在）', '符号链接循环，已跳过', '符号链接循环，已跳过']);
  });
});
