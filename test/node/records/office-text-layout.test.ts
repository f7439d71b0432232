// How an office's text is laid out, as the session 23 held-out set found it: a citation wrapped over two lines (text pasted
// from a PDF), a draft pasted whole with its own 第一条 headings, 上述条例 / 前述法律 for the law named before, and article
// numbers in Arabic digits or with 之一; session 28: a number wrapped inside (第十\n八条) and a PDF's page footer inside a sentence. Real laws: test/fixtures/records/laws (行政许可法 2019, 统计法, 重大行政决策程序暂行条例).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeLibrary, type TestLibrary } from './records-test-support';

let lib: TestLibrary;
beforeAll(async () => {
  lib = await makeLibrary();
});
afterAll(() => lib.cleanup());

/** Each article mention as “version date 第X条” (linked) or “✗第X条” (not), in order; a law named whole is left out. */
const articles = (text: string) => lib.svc.detectCitations(text, '2024-06-01').mentions.filter((m) => m.label !== '全文');
const found = (text: string) =>
  articles(text).map((m) => (m.citation ? `${m.citation.versionId.split('@')[1]} ${m.label}${m.citation.paragraph ? `第${m.citation.paragraph}款` : ''}` : `✗${m.label}`));

describe('a citation wrapped over two lines', () => {
  it('is read whole when the line breaks inside it: after 第, or between the title and 第X条', () => {
    expect(found('经审查，《中华人民共和国行政许可法》第\n十二条规定了可以设定行政许可的事项。')).toEqual(['2019-04-23 第十二条']);
    expect(found('该事项应当符合《中华人民共和国行政许可法》\n第十二条的规定。')).toEqual(['2019-04-23 第十二条']);
    // the mention keeps its place in the text as written
    const text = '应当符合《中华人民共和国行政许可法》\r\n第十三条的规定。';
    const m = articles(text)[0]!;
    expect(text.slice(m.start, m.end)).toBe('第十三条');
  });

  it('is not joined across a sentence’s end, an item of a list or an article’s heading', () => {
    // a new paragraph after 。: the bare 第十二条 is not taken for the law of the paragraph before
    expect(found('依照《中华人民共和国行政许可法》办理。\n第十二条所列事项另行规定。')).toEqual(['✗第十二条']);
    expect(found('依据下列规定：《中华人民共和国行政许可法》\n（一）第十二条所列事项')).toEqual(['✗第十二条']);
    // the next line is an article of the draft itself
    expect(found('高青县科技创新券管理办法（征求意见稿）\n第十二条　申请人应当提交下列材料')).toEqual([]);
  });
});

describe('a citation split inside its number or by a page footer (session 28)', () => {
  it('an article number wrapped or spaced inside is read whole, in Chinese numerals and in digits', () => {
    expect(found('符合《中华人民共和国行政许可法》第十\n二条规定的事项，可以设定行政许可。')).toEqual(['2019-04-23 第十二条']);
    expect(found('依照《中华人民共和国统计法》第二\r\n十五条办理。')).toEqual(['2009-06-27 第二十五条']);
    expect(found('《行政许可法》第1\n3条规定了可以不设行政许可的事项。')).toEqual(['2019-04-23 第十三条']);
    // spaced out inside (a Word document's justified line), with its 款: read as the number written whole is
    expect(found('依照《中华人民共和国行政许可法》第三 十八条第二款的规定。')).toEqual(found('依照《中华人民共和国行政许可法》第三十八条第二款的规定。'));
    expect(found('依照《中华人民共和国行政许可法》第三 十八条第二款的规定。')).toEqual(['2019-04-23 第三十八条第2款']);
    // the mention keeps its place in the text as written
    const text = '应当符合《中华人民共和国行政许可法》第十\n三条的规定。';
    const m = articles(text)[0]!;
    expect(text.slice(m.start, m.end)).toBe('第十\n三条');
  });

  it('a line that is only a page number between the halves of a sentence is read as a space', () => {
    expect(found('依据《中华人民共和国行政许\n- 5 -\n可法》第十二条的规定，本局审查了申请事项。')).toEqual(['2019-04-23 第十二条']);
    expect(found('本局依照《重大行政决策程序暂行条例》\n第3页，共7页\n第二十五条进行了合法性审查。')).toEqual(['2019-04-20 第二十五条']);
    expect(found('本局依照《中华人民共和国行政许可法》第十\n2/6\n三条的规定办理。')).toEqual(['2019-04-23 第十三条']);
  });

  it('a footer after a sentence’s end or before an article’s heading joins nothing', () => {
    expect(found('依照《中华人民共和国行政许可法》办理。\n— 2 —\n第十二条所列事项另行规定。')).toEqual(['✗第十二条']);
    expect(found('高青县科技创新券管理办法\n— 2 —\n第十二条　申请人应当提交下列材料')).toEqual([]);
  });
});

describe('a draft pasted whole', () => {
  it('cites nothing by its own articles’ headings; its citations inside them are read', () => {
    const draft = '第一条　为了规范科技创新券的发放，根据《中华人民共和国行政许可法》第十二条，制定本办法。\n第二条 本办法适用于本县行政区域。\n  第三条之一  申请人应当如实申报。';
    expect(found(draft)).toEqual(['2019-04-23 第十二条']);
  });

  it('still reads an article at a line’s start that is a citation (第十二条规定…, no space after it)', () => {
    expect(found('根据《中华人民共和国行政许可法》的规定：\n第十二条规定了可以设定行政许可的事项。')).toEqual(['✗第十二条']);
  });
});

describe('上述 / 前述 with the kind of law', () => {
  it('上述条例 is the last 条例 named; 前述法律 and 上述法 the last 法', () => {
    expect(found('根据《重大行政决策程序暂行条例》的规定，上述条例第二十五条规定决策草案应当经合法性审查。')).toEqual(['2019-04-20 第二十五条']);
    expect(found('依照《中华人民共和国行政许可法》和《重大行政决策程序暂行条例》，前述法律第十二条规定了设定事项。')).toEqual(['2019-04-23 第十二条']);
    expect(found('依照《中华人民共和国行政许可法》，上述法第十三条规定了可以不设行政许可的事项。')).toEqual(['2019-04-23 第十三条']);
  });

  it('上述条例 after a 法 only is no link to the 法', () => {
    const d = articles('依照《中华人民共和国行政许可法》的规定，上述条例第十二条另有规定。');
    expect(d.map((m) => [m.label, m.status])).toEqual([['第十二条', 'unresolved']]);
    expect(d[0]!.reason).toContain('上述条例');
  });
});

describe('article numbers in Arabic digits and with 之一', () => {
  it('第12条, 第16条第4款 and 第 十 条 are the articles they number', () => {
    expect(found('依据《中华人民共和国行政许可法》第12条、第16条第4款的规定')).toEqual(['2019-04-23 第十二条', '2019-04-23 第十六条第4款']);
    expect(found('依据《中华人民共和国行政许可法》第 十 条的规定')).toEqual(['2019-04-23 第十条']);
  });

  it('第十二条之一 of a law that has none is named as such, not linked to 第十二条', () => {
    expect(articles('依据《中华人民共和国行政许可法》第十二条之一的规定').map((m) => [m.label, m.status])).toEqual([['第十二条之一', 'unresolved']]);
  });
});
