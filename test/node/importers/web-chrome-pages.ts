// A corpus law (Markdown) written as a government site's page, with page chrome injected between
// random paragraphs: as bare text lines (【字体：大 中 小】, 责任编辑：…), as rows of short links
// (分享到 微信 微博), and as elements whose class names them (share bars, QR boxes, related lists).
// Used by web-chrome.test.ts (fixture laws) and test/bench/web-chrome-sweep.ts (many corpus laws).

import { buildVersion } from '../../../electron/core/library/library-import';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const NAMES = ['王洋', '李晓明', '张华', '刘一', '陈静'];
const ORGANS = ['市科技局', '县司法局', '省人大常委会办公厅', '本网', '市政府办公室'];

/** One piece of chrome as a site's template writes it; `r` picks the variant. */
export function chromePiece(r: () => number): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const n = Math.floor(r() * 900) + 10;
  const date = `20${10 + Math.floor(r() * 15)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`;
  return pick([
    () => `<p>【字体：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>】</p>`,
    () => `<div class="fontsize">字号：<a href="#">T</a>|<a href="#">T</a>|<a href="#">T</a></div>`,
    () => `<p>【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</p>`,
    () => `<div>[ 打印 ]&nbsp;&nbsp;[ 关闭 ]</div>`,
    () => `<p>分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></p>`,
    () => `<div class="bdsharebuttonbox"><a class="bds_more" href="#"></a><a class="bds_weixin" href="#" title="分享到微信"></a></div>`,
    () => `<div class="share"><span>分享：</span><a href="#">微信</a><a href="#">微博</a></div>`,
    () => `<p style="text-align:center">扫一扫在手机打开当前页</p>`,
    () => `<div id="qrcode"><img src="qr.png">用手机扫描二维码</div>`,
    () => `<p style="text-align:right">责任编辑：${pick(NAMES)}</p>`,
    () => `<div class="source">来源：${pick(ORGANS)}　发布时间：${date}　浏览次数：<span id="count">${n}</span></div>`,
    () => `<p>浏览次数：${n}</p>`,
    () => `<div>您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政策文件</div>`,
    () => `<p>相关链接：</p>`,
    () => `<ul class="related"><li><a href="/a.html">关于进一步加强管理工作的通知</a></li><li><a href="/b.html">政策解读：${pick(ORGANS)}答记者问</a></li></ul>`,
    () => `<div class="pre-next"><p>上一篇：<a href="#">关于开展检查工作的通知</a></p><p>下一篇：<a href="#">没有了</a></p></div>`,
    () => `<p><a href="#">【我要纠错】</a></p>`,
    () => `<div class="print-btn"><a href="#">打印</a></div>`,
  ])();
}

export interface ChromePage {
  /** The page with chrome between paragraphs. */
  html: string;
  /** The same page without it. */
  plain: string;
  injected: number;
}

/** The page, or undefined for a law without articles (nothing to put chrome between). */
export function chromePage(md: string, r: () => number, pieces = 1 + Math.floor(r() * 4)): ChromePage | undefined {
  const lines = md.split('\n');
  const end = lines.findIndex((l) => l.trim() === '<!-- INFO END -->');
  const title = lines[0]!.replace(/^#+\s*/, '').trim();
  const history = lines.slice(1, Math.max(1, end)).map((l) => l.trim()).filter((l) => l !== '');
  const body = lines.slice(end + 1).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('<!--'));
  const paras = body.map((l) =>
    l.startsWith('#') ? `<p style="text-align:center"><strong>${esc(l.replace(/^#+\s*/, ''))}</strong></p>` : `<p style="text-indent:2em">${esc(l)}</p>`,
  );
  const articleAt = body.map((l, i) => (/^第[一二三四五六七八九十百千零]+条/.test(l) ? i : -1)).filter((i) => i > 0);
  if (articleAt.length < 2) return undefined;
  const withChrome = [...paras];
  const spots = new Set<number>();
  for (let k = 0; k < pieces; k++) spots.add(articleAt[Math.floor(r() * articleAt.length)]!);
  // from the end, so earlier indexes stay valid
  for (const at of [...spots].sort((a, b) => b - a)) withChrome.splice(at, 0, chromePiece(r));
  const page = (content: string[]) => `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${esc(title)}_某市人民政府</title></head>
<body><div class="header"><a href="/">首页</a> <a href="/zwgk/">政务公开</a></div>
<div class="main"><h1 class="title">${esc(title)}</h1>
<div id="zoom" class="article-content">
${history.map((h) => `<p style="text-align:center">${esc(h)}</p>`).join('\n')}
${content.join('\n')}
</div></div>
<div class="footer">主办：某市人民政府办公室　网站标识码：1234567890</div></body></html>
`;
  return { html: page(withChrome), plain: page(paras), injected: spots.size };
}

/** label → text of the articles and sections of an import through buildVersion, as the app does. */
export async function lawUnits(bytes: Uint8Array, name: string): Promise<Map<string, string>> {
  const v = (await buildVersion(bytes, name, undefined, '2026-12-05T00:00:00.000Z', { ocr: false })).version;
  return new Map(v.units.filter((u) => u.kind === 'article' || u.kind === 'section').map((u) => [u.label, u.text]));
}
