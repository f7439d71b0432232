// Markdown as it arrives from other tools, made into the Markdown the law parser reads: a YAML
// front matter block (Hexo, Jekyll, Obsidian, pandoc) is metadata, not the title line; HTML left
// inside the Markdown by a converter or a web editor (<p>, <br>, <div align="center">, &nbsp;) is
// markup, not the law's text.

/** Tags converters leave in Markdown; anything else that looks like a tag is kept as text ("<5万元>"). */
const HTML_TAG_RE = /<\/?(?:p|br|div|span|font|center|b|i|u|s|strong|em|sup|sub|small|big|a|img|hr|h[1-6]|ul|ol|li|blockquote|pre|code|table|thead|tbody|tfoot|tr|td|th|section|article|header|footer|nav|o:p)(?:\s[^<>]*)?\/?>/gi;
const BLOCK_END_RE = /<\/(?:p|div|h[1-6]|li|tr|blockquote|section|article|center)\s*>|<br\s*\/?>|<hr(?:\s[^<>]*)?\/?>/gi;
const ENTITIES: Record<string, string> = { nbsp: ' ', ensp: ' ', emsp: '\u3000', lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", middot: '·', mdash: '—', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', hellip: '…' };

/**
 * A .txt whose text is Markdown (a law saved from a Markdown collection, an editor's "save as text"):
 * its first line a "# 标题" heading and a later "## 第一章" heading or the collection's INFO END marker.
 * Read as plain text, the "##" lines are not headings: a chapter title ran into the article above it
 * and into every quotation of that article (行政处罚法第十六条 "…不得设定行政处罚。## 第三章 …").
 * Two marks are asked for, so a text with one stray "#" line stays plain text.
 */
export function readsAsMarkdown(text: string): boolean {
  const first = /^\s*(.*)/.exec(text)?.[1] ?? '';
  if (!/^#\s+\S/.test(first)) return false;
  return /\n[ \t]*(?:#{1,6}[ \t]+\S|<!-- INFO END -->[ \t]*(?:\n|$))/.test(text);
}

export interface MarkdownCleanResult {
  text: string;
  frontMatter: boolean;
  htmlRemoved: boolean;
}

export function cleanMarkdown(input: string): MarkdownCleanResult {
  let text = input;
  let frontMatter = false;
  // Front matter: "---" on the first line, closed by "---" or "..." within 100 lines.
  const fm = /^---[ \t]*\n((?:.*\n){0,100}?)(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  if (fm && /^[\w\u4e00-\u9fff-]+\s*:/m.test(fm[1]!)) {
    frontMatter = true;
    text = text.slice(fm[0].length);
    const title = /^title\s*:\s*["']?(.+?)["']?\s*$/m.exec(fm[1]!)?.[1];
    // The front matter's title stands in for the "# 标题" line only when the body has none.
    if (title && !/^\s*#\s/.test(text.replace(/^\s+/, ''))) text = `# ${title}\n\n${text}`;
  }
  let htmlRemoved = false;
  if (HTML_TAG_RE.test(text)) {
    htmlRemoved = true;
    HTML_TAG_RE.lastIndex = 0;
    text = text
      .split('\n')
      .map((line) =>
        line
          .replace(BLOCK_END_RE, '\n')
          .replace(HTML_TAG_RE, '')
          .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
            if (e[0] === '#') {
              const cp = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
              return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
            }
            return ENTITIES[e.toLowerCase()] ?? m;
          }),
      )
      .join('\n');
  }
  HTML_TAG_RE.lastIndex = 0;
  return { text, frontMatter, htmlRemoved };
}
