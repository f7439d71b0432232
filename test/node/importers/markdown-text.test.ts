import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../electron/core/importers/extract-document';
import { cleanMarkdown } from '../../../electron/core/importers/markdown-text';
import { parseLawText } from '../../../electron/core/parse/law-structure-parser';

const LAW = '# 某县科技项目管理办法\n\n## 第一章 总则\n\n第一条 为了规范管理，制定本办法。\n\n第二条 本办法适用于本县。\n';

describe('Markdown from other tools', () => {
  it('a YAML front matter block is metadata, not the title', async () => {
    const doc = await extractDocument(new TextEncoder().encode(`---\ntitle: 某县科技项目管理办法\ndate: 2024-01-01\ntags: [科技]\n---\n\n${LAW}`), 'a.md');
    const parsed = parseLawText(doc.text, { format: 'md' });
    expect(parsed.title).toBe('某县科技项目管理办法');
    expect(parsed.units.filter((u) => u.kind === 'article').map((u) => u.text)).toEqual(['为了规范管理，制定本办法。', '本办法适用于本县。']);
    expect(doc.warnings.join()).toMatch(/front matter/);
  });

  it('the front matter title stands in when the body has no # heading', () => {
    expect(cleanMarkdown('---\ntitle: "某县办法"\n---\n第一条 为了规范管理。\n').text).toBe('# 某县办法\n\n第一条 为了规范管理。\n');
  });

  it('HTML left inside the Markdown is removed, <br> and block ends become line breaks, entities decoded', async () => {
    const md = '# 某县科技项目管理办法\n\n<div align="center">第一章&nbsp;总则</div>\n\n<p>第一条 为了规范管理，制定本办法。</p>\n\n第二条 本办法适用于本县。<br>项目资金不少于<b>5</b>万元，且 x<5 时另行规定。\n';
    const doc = await extractDocument(new TextEncoder().encode(md), 'b.md');
    const parsed = parseLawText(doc.text, { format: 'md' });
    const arts = parsed.units.filter((u) => u.kind === 'article');
    expect(arts.map((u) => u.label)).toEqual(['第一条', '第二条']);
    expect(arts[1]!.text).toBe('本办法适用于本县。\n项目资金不少于5万元，且 x<5 时另行规定。');
    expect(arts[0]!.path.join('/')).toContain('第一章');
  });

  it('a file that only starts with a thematic break is not front matter', () => {
    const text = '---\n\n第一条 为了规范管理。\n\n---\n';
    expect(cleanMarkdown(text)).toEqual({ text, frontMatter: false, htmlRemoved: false });
  });
});
