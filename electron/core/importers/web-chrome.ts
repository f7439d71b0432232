// Page chrome of government web pages that can stand anywhere in a law's block — between two
// articles as well as around the body: the 字体 大中小 switch, 打印本页 / 关闭窗口, 分享到, the QR
// prompt, 责任编辑 / 来源 / 浏览次数 lines, breadcrumbs, 相关链接 / 上一篇 headings. Between
// articles only a line that can be nothing else may go, so these patterns are stricter than the
// ones used above the title or below the last article (isPageFurniture): each one is anchored on
// both ends or bounded in length, and none matches a line of the 2,590 corpus laws
// (test/bench/web-chrome-sweep.ts checks that; web-chrome.test.ts on the fixture laws).

const SEP = '[\\s\\u3000\\u00a0|｜/·•]*';
/** Commands sites print as links or buttons, alone or several in a row, with or without 【】[]. */
const COMMAND = '(?:打印本页|打印此页|打印文章|打印|关闭本页|关闭窗口|关闭|收藏本页|加入收藏|收藏|我要纠错|纠错|返回顶部|返回首页|返回|下载本文|保存本页)';
const COMMAND_LINE_RE = new RegExp(`^(?:${SEP}[【\\[［(（]?${SEP}${COMMAND}${SEP}[】\\]］)）]?${SEP})+$`);
/** 【字体：大 中 小】, 字号：T|T|T, [ 大 中 小 ], 字体大小：默认 大 小. */
const FONT_SWITCH_RE = /^[【[［(（]?\s*(?:字体|字号|文字|字体大小)?\s*[：:]?\s*(?:[大中小默认超特]\s*[|｜/·\s\u3000]*){2,4}[】\]］)）]?$|^[【[［]?\s*(?:字体|字号)\s*[：:]\s*.{0,20}[】\]］]?$/;
const SHARE_RE = /^[【[［]?\s*(?:(?:分享到|分享至|分享)\s*[：:][^。，；、]{0,40}|分享到[^。，；、]{0,30}|分享)\s*[】\]］]?$/;
const QR_RE = /^(?:手机)?扫一扫[\s\S]{0,20}$|^[\s\S]{0,6}(?:扫描|扫码)[\s\S]{0,6}(?:二维码|手机)[\s\S]{0,16}$|^(?:微信|手机)(?:扫码|扫描)?(?:阅读|分享|查看)$/;
/** 责任编辑：某某　来源：某局　发布时间：…　浏览次数：88 — every part a label the page uses. */
const STRONG_INFO = '责任编辑|信息来源|文章来源|来源|发布时间|发布日期|更新时间|浏览次数|访问次数|阅读次数|点击数|点击量|阅读量|浏览量|访问量';
/** Labels a form in an appendix may print too (日期：, 作者：): chrome only beside a strong one. */
const WEAK_INFO = '编辑|审核|校对|作者|时间|日期|字号';
const INFO_PART_RE = new RegExp(`[【\\[［(（]?(${STRONG_INFO}|${WEAK_INFO})[】\\]］)）]?\\s*[：:]\\s*([^：:\\s\\u3000。；]{0,30})[\\s\\u3000|｜]*`, 'y');
const STRONG_INFO_RE = new RegExp(`^(?:${STRONG_INFO})$`);

/** The date and time a CMS prints before its 来源 (2012-09-01 10:12　来源：新华社). */
const LEADING_STAMP_RE = /^(?:19|20)\d{2}[-./年]\d{1,2}[-./月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?[\s\u3000|｜]*/;

function isInfoLine(line: string): boolean {
  const stamp = LEADING_STAMP_RE.exec(line);
  const t = stamp ? line.slice(stamp[0].length) : line;
  if (stamp && t === '') return false;
  INFO_PART_RE.lastIndex = 0;
  let parts = 0;
  let strong = false;
  let valued = false;
  let m: RegExpExecArray | null;
  while ((m = INFO_PART_RE.exec(t))) {
    parts++;
    strong ||= STRONG_INFO_RE.test(m[1]!);
    valued ||= m[2] !== '';
    if (INFO_PART_RE.lastIndex === t.length) return strong && (valued || parts >= 2);
  }
  return false;
}
/** 您当前的位置：首页 > … or 首页 > 政务公开 > …: a breadcrumb. */
const CRUMB_RE = /^(?:.{0,6}(?:当前位置|您的位置|现在的位置|所在位置)[：:].{0,80}|首页\s*[>›»]\s*.{0,80}|(?:[^\s>›»。，；]{1,12}\s*[>›»]\s*){2,}[^\s>›»。，；]{0,20})$/;
/** Lists' headings: 相关链接 / 相关文章 / 上一篇：… */
const LIST_HEAD_RE = /^(?:相关(?:链接|稿件|文章|新闻|阅读|文件|政策|解读|附件下载)|(?:热点|推荐|延伸)阅读|上一篇|下一篇|上一条|下一条)(?:[：:].{0,60})?$/;
/** A visit counter or the page's own counters ("浏览：1024 次", "【阅读：88次】"). */
const COUNTER_RE = /^[【[［]?\s*(?:浏览|阅读|访问|点击)(?:次数|量)?\s*[：:]\s*\d*\s*次?\s*[】\]］]?$/;

/** True for a line of page chrome that no law writes, wherever it stands. */
export function isWebChrome(line: string): boolean {
  // a chrome line is short: longer ones are never trimmed or matched (native trim is linear; an
  // anchored regex on a long inner run of spaces is not)
  if (line.length > 400) return false;
  const t = line.trim();
  if (t === '' || t.length > 120) return false;
  return (
    COMMAND_LINE_RE.test(t) ||
    FONT_SWITCH_RE.test(t) ||
    SHARE_RE.test(t) ||
    QR_RE.test(t) ||
    isInfoLine(t) ||
    CRUMB_RE.test(t) ||
    LIST_HEAD_RE.test(t) ||
    COUNTER_RE.test(t)
  );
}

/** Class or id words of page chrome (share bars, print/close tools, the font switch, QR codes, editors' lines, breadcrumbs, related lists). */
const CHROME_NAME_RE =
  /^(?:share|shares|share-?(?:bar|box|btn|to|wrap|icons?)|bdshare.*|bshare.*|jiathis.*|fenxiang|fx|print|print-?btn|dayin|close|close-?btn|guanbi|font(?:-?size)?|fontsize|font-?(?:switch|ctrl|control)|zihao|qr|qrcode|qr-?code|erweima|ewm|code-?img|editor|zrbj|bianji|author|source|laiyuan|crumbs?|bread-?crumbs?|breadcrumb-?nav|position|location|weizhi|dqwz|current-?position|related|relevant|xgwz|xglj|xgxx|xgwj|pre-?next|prev-?next|pagination|pager|page-?nav|toolbar|tool-?bar|tools|social|comments?|sidebar|side-?bar|sxy|syp|xyp)$/i;

/** True when an element's class or id names a piece of page chrome. */
export function isChromeElementName(className: string | undefined, id: string | undefined): boolean {
  const words = `${className ?? ''} ${id ?? ''}`.split(/\s+/).filter((w) => w !== '');
  return words.some((w) => CHROME_NAME_RE.test(w));
}
