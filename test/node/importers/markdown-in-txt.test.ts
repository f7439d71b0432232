// A law saved as .txt from a Markdown collection (GBK, as Windows Notepad saves it): read as Markdown,
// so its "## 第X章" lines are chapters, not text run into the article above them (session 29's walk:
// 行政处罚法.txt replaced the library's .md and the 意见书 quoted 第十六条 with "## 第三章 …" in it).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { buildVersion } from '../../../electron/core/library/library-import';
import { readsAsMarkdown } from '../../../electron/core/importers/markdown-text';

const FILE = join(__dirname, '../../fixtures/laws/行政法/行政许可法(2019-04-23).md');
const at = '2026-12-07T00:00:00.000Z';

describe('a .txt holding Markdown', () => {
  it('gives the same articles, chapters and title as the .md it was saved from', async () => {
    const md = readFileSync(FILE);
    const fromMd = (await buildVersion(md, FILE, undefined, at)).version;
    const built = await buildVersion(iconv.encode(md.toString('utf8'), 'gbk'), '行政许可法.txt', undefined, at);
    const fromTxt = built.version;
    expect(fromTxt.title).toBe(fromMd.title);
    expect(fromTxt.units.map((u) => [u.kind, u.label, u.path.join('/'), u.text])).toEqual(fromMd.units.map((u) => [u.kind, u.label, u.path.join('/'), u.text]));
    // no Markdown mark or collection marker left in any article's text
    for (const u of fromTxt.units) expect(u.text).not.toMatch(/(^|\n)#|INFO END/);
    expect(built.warnings.join('\n')).toContain('已按 Markdown 读取');
  });

  it('plain text with one "#" line, or "#" lines not at the top, stays plain text', () => {
    expect(readsAsMarkdown('某县科技项目管理办法\n\n第一条 为了规范管理。\n# 备注\n## 另附\n')).toBe(false);
    expect(readsAsMarkdown('# 某县科技项目管理办法\n\n第一条 为了规范管理，编号#1。\n')).toBe(false);
    expect(readsAsMarkdown('# 某县科技项目管理办法\n\n## 第一章 总则\n\n第一条 为了规范管理。\n')).toBe(true);
  });
});
