// Page chrome between articles (HTML pages of government sites, text copied from them): removed by
// its text and by its element, never a line of a law. Before this suite (code of a448770) the chrome
// stayed in the articles it stood between: 8236/8637 articles of 193 corpus laws made into pages
// (test/bench/web-chrome-sweep.ts --n 200), here every fixture law's page with chrome.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isWebChrome } from '../../../electron/core/importers/web-chrome';
import { cleanWebCopy } from '../../../electron/core/importers/plain-law-text';
import { fixtureLaws } from './article-match';
import { chromePage, lawUnits } from './web-chrome-pages';

describe('isWebChrome', () => {
  it('knows the chrome templates print between articles', () => {
    for (const l of [
      '【字体：大 中 小】',
      '字号：T|T|T',
      '[ 大 中 小 ]',
      '【打印本页】【关闭窗口】',
      '[ 打印 ]  [ 关闭 ]',
      '打印 | 收藏 | 关闭',
      '分享到：微信 微博 QQ空间',
      '扫一扫在手机打开当前页',
      '分享到微信',
      '【分享】',
      '用手机扫描二维码',
      '责任编辑：王洋',
      '来源：市科技局　发布时间：2023-04-10　浏览次数：88',
      '【阅读：1024次】',
      '2012-09-01 10:12　来源：新华社',
      '您当前的位置：首页 > 政务公开 > 政策文件',
      '首页 > 政策 > 政策文件库',
      '相关链接：',
      '上一篇：关于开展检查工作的通知',
      '【我要纠错】',
    ])
      expect(isWebChrome(l), l).toBe(true);
  });

  it('leaves law lines that speak of printing, sharing, sources or editors', () => {
    for (const l of [
      '第十条 禁止伪造、变造、买卖、出租、出借、打印空白证书。',
      '分享经济平台应当依法履行审核义务。',
      '来源于境外的所得，依照本法规定缴纳。',
      '责任编辑应当对稿件进行审核。',
      '（三）打印、复制、关闭、收藏档案的；',
      '上一篇文章',
      '扫描件与原件具有同等效力。',
      '字体、字号应当符合国家标准。',
      '附件：1.收费标准',
      '日期：',
      '2012-09-01',
      '2012年9月1日',
      '作者：',
      '来源：',
      '申请人（签字）：　　　日期：',
    ])
      expect(isWebChrome(l), l).toBe(false);
  });

  it('takes no line of the fixture laws for chrome', () => {
    const laws = fixtureLaws();
    expect(laws.length).toBeGreaterThan(15);
    const hits = laws.flatMap((f) => readFileSync(f, 'utf8').split('\n').filter((l) => l.trim() !== '' && isWebChrome(l.replace(/^#+\s*/, ''))));
    expect(hits).toEqual([]);
  });
});

describe('a page with chrome between its articles', () => {
  it('imports each fixture law as the same page without the chrome', async () => {
    let seed = 11;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let pages = 0;
    for (const f of fixtureLaws()) {
      const page = chromePage(readFileSync(f, 'utf8'), rand, 4);
      if (!page) continue;
      pages++;
      const want = await lawUnits(new TextEncoder().encode(page.plain), 'plain.html');
      const got = await lawUnits(new TextEncoder().encode(page.html), 'chrome.html');
      expect(want.size, f).toBeGreaterThan(1);
      const wrong = [...want].filter(([label, text]) => got.get(label) !== text).map(([label]) => `${f} ${label}: ${got.get(label)}`);
      expect(wrong).toEqual([]);
    }
    expect(pages).toBeGreaterThan(15);
  });

  it('drops chrome between articles of a copied text, never the articles', () => {
    const copied = [
      '某市科技创新促进条例',
      '第一条 为了促进科技创新，制定本条例。',
      '【字体：大 中 小】',
      '第二条 本条例适用于本市。',
      '分享到：微信 微博',
      '责任编辑：王洋',
      '第三条 档案的打印、复制，依照有关规定办理。',
    ].join('\n');
    const r = cleanWebCopy(copied);
    expect(r.text.split('\n')).toEqual(['某市科技创新促进条例', '第一条 为了促进科技创新，制定本条例。', '第二条 本条例适用于本市。', '第三条 档案的打印、复制，依照有关规定办理。']);
    expect(r.removed.furniture).toBe(3);
  });
});
