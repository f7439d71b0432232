// Briefing packs end to end: a law + 20 articles + 2 reviews (real RecordsService records) to
// DOCX, PDF and HTML, read back and checked for every article, the citations, the flags, page
// numbers and the TOC; then the bad inputs of issue 8.

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeLaw } from '../../../electron/core/library/library-edit';
import { articleTexts, tocEntries } from '../../../electron/core/packs/pack-document';
import { exportPack, type ExportResult } from '../../../electron/core/packs/pack-export';
import { normalisePack, PackError, type Pack } from '../../../electron/core/packs/pack-model';
import type { ExportProgress } from '../../../electron/core/packs/pack-resolve';
import { resolvePack } from '../../../electron/core/packs/pack-resolve';
import { recordsResolver } from '../../../electron/core/packs/pack-records-service';
import { ChromiumPrinter } from '../../../electron/core/packs/render-pdf';
import { docxText, makeLibrary, pdfPages, squash, type PdfPage, type TestLibrary } from './pack-test-support';

let lib: TestLibrary;
let printer: ChromiumPrinter;
let pack: Pack;
const out = (name: string) => join(lib.dir, name);

const ARTICLES: { law: string; version?: string; article: string }[] = [
  ...Array.from({ length: 14 }, (_, i) => ({ law: '行政许可法', article: String(i + 1) })),
  { law: '统计法', version: '2009', article: '第七条' }, // renumbered in 2024 → yellow note
  { law: '统计法', version: '2009', article: '第九条' },
  { law: '行政复议法', version: '2017', article: '第一条' },
  { law: '保守国家秘密法', version: '2010', article: '第二条' },
  { law: '保守国家秘密法', article: '第三条' },
  { law: '立法法', article: '第八条' },
];

beforeAll(async () => {
  lib = await makeLibrary();
  printer = await ChromiumPrinter.launch();
  const r1 = await lib.svc.createReview({
    type: '规范性文件',
    title: '高青县科技创新券管理暂行办法（送审稿）',
    leadUnit: '高新技术科',
    receivedDate: '2024-04-15',
    findings: { authority: { text: '制定主体适格，未超越法定权限。', citations: [{ law: '行政许可法', article: '第十五条' }] } },
    opinion: { text: '建议删除第九条关于另行设定审批条件的内容。', adviser: '张律师', adviserRole: '法律顾问' },
    conclusion: '修改后合法',
    citations: [{ law: '行政许可法', article: '第十七条' }],
  });
  const r2 = await lib.svc.createReview({
    type: '重大行政决策',
    title: '关于开展科技统计调查的实施方案',
    leadUnit: '办公室',
    receivedDate: '2020-09-14',
    opinion: { text: '方案符合统计法规定，可以实施。' },
    conclusion: '合法',
    citations: [{ law: '统计法', article: '第七条' }], // 2009 version in force in 2020
  });
  pack = normalisePack(
    {
      title: '科技创新券办法合法性审查参考资料',
      template: '合法性审查参考资料',
      asOf: '2025-01-01',
      cover: { title: '科技创新券办法合法性审查参考资料', unit: '高青县科学技术局', date: '2025年3月', purpose: '供局党组会议审议时参阅' },
      items: [
        { type: 'text', heading: '审查事项', paragraphs: ['高新技术科报送《高青县科技创新券管理暂行办法（送审稿）》，请予合法性审查。'] },
        { type: 'law', law: '统计法', version: '2009' },
        ...ARTICLES.map((a) => ({ type: 'article' as const, ...a })),
        { type: 'review', recordId: r1.record.id },
        { type: 'review', recordId: r2.record.id },
      ],
    },
    new Date('2025-03-01T00:00:00Z'),
  );
}, 120_000);

afterAll(async () => {
  await printer?.close();
  lib?.cleanup();
});

describe('resolving a pack', () => {
  it('cites every article with its version, flags changed ones, and keeps review snapshots', async () => {
    const doc = await resolvePack(lib.store, pack, { records: recordsResolver(lib.svc) });
    expect(doc.warnings).toEqual([]);
    const arts = articleTexts(doc);
    // 统计法 2009 whole (50 articles) + 20 articles + review citations (第十五条, 第十七条), each printed once
    expect(doc.articleCount).toBe(arts.length);
    const cites = arts.map((a) => a.citation).filter(Boolean);
    expect(cites).toContain('《中华人民共和国行政许可法》（2019年修正）第十二条');
    // 统计法 2009 第七条 is printed once, in its law's section; the article item and the review's
    // citation of it refer back there instead of printing it again.
    expect(arts.filter((a) => a.label === '第七条' && a.text.includes('统计调查对象'))).toHaveLength(1);
    const blocks = doc.sections.flatMap((s) => s.blocks);
    expect(blocks.filter((b) => b.kind === 'paragraph' && b.text === '（条文见前文“二、《中华人民共和国统计法》（2009年修订）”）').length).toBeGreaterThanOrEqual(2);
    expect(blocks).toContainEqual({ kind: 'note', tone: 'info', text: expect.stringContaining('条文序号变动') });
    expect(doc.sections.map((s) => s.heading)).toEqual([
      '一、审查事项',
      '二、《中华人民共和国统计法》（2009年修订）',
      '三、相关法律依据',
      '四、关于《高青县科技创新券管理暂行办法（送审稿）》的合法性审查意见',
      '五、关于《关于开展科技统计调查的实施方案》的合法性审查意见',
    ]);
  });
});

describe('export to all three formats', () => {
  const results: Partial<Record<'docx' | 'pdf' | 'html', ExportResult>> = {};
  const progress: ExportProgress[] = [];
  let expected: ReturnType<typeof articleTexts>;

  beforeAll(async () => {
    const doc = await resolvePack(lib.store, pack, { records: recordsResolver(lib.svc) });
    expected = articleTexts(doc);
    expect(expected.length).toBeGreaterThanOrEqual(70);
    const records = recordsResolver(lib.svc);
    results.docx = await exportPack(lib.store, pack, { out: out('pack.docx'), records, onProgress: (p) => progress.push(p) });
    results.html = await exportPack(lib.store, pack, { out: out('pack.html'), records });
    results.pdf = await exportPack(lib.store, pack, { out: out('pack.pdf'), records, print: printer.print });
  }, 120_000);

  it('reports progress per item and per phase', () => {
    const phases = new Set(progress.map((p) => p.phase));
    expect([...phases]).toEqual(['resolve', 'render', 'write']);
    expect(progress.filter((p) => p.phase === 'resolve').length).toBe(pack.items.length + 1);
    expect(results.docx!.articleCount).toBe(expected.length);
  });

  it('DOCX: mammoth finds every article exactly, with its citation before it', async () => {
    const text = await docxText(readFileSync(out('pack.docx')));
    const paras = text.split('\n').map((l) => l.trim()).filter(Boolean);
    let at = 0;
    for (const a of expected) {
      if (a.citation) {
        const c = paras.indexOf(a.citation, at);
        expect(c, a.citation).toBeGreaterThanOrEqual(at);
        at = c;
      }
      const [first, ...rest] = a.text.split('\n');
      const i = paras.indexOf(`${a.label}　${first}`, at);
      expect(i, `${a.citation ?? ''}${a.label}`).toBeGreaterThanOrEqual(at);
      rest.forEach((line, k) => expect(paras[i + 1 + k]).toBe(line));
      at = i + 1;
    }
    expect(text).toContain('注：条文序号变动');
  });

  it('DOCX: GB/T 9704 page setup, fonts, exact line spacing, odd/even page numbers and a filled TOC', () => {
    const files = unzipSync(readFileSync(out('pack.docx')));
    const xml = strFromU8(files['word/document.xml']!);
    const styles = strFromU8(files['word/styles.xml']!);
    const settings = strFromU8(files['word/settings.xml']!);
    expect(xml).not.toMatch(/w:lineRule="exactly"/);
    expect(xml).toMatch(/w:lineRule="exact"/);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(xml + styles).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(styles).toContain('w:eastAsia="黑体"');
    expect(xml).toMatch(/<w:pgNumType w:start="1" w:fmt="decimal"\/>/);
    expect(xml).toMatch(/<w:pageBreakBefore\/>/);
    expect(xml).not.toMatch(/<w:br w:type="page"\/>/);
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    const footers = Object.keys(files).filter((f) => /^word\/footer\d+\.xml$/.test(f)).map((f) => strFromU8(files[f]!));
    const numbered = footers.filter((f) => /PAGE/.test(f));
    expect(numbered.length).toBe(2);
    expect(numbered.some((f) => /w:jc w:val="right"/.test(f))).toBe(true);
    expect(numbered.some((f) => /w:jc w:val="left"/.test(f))).toBe(true);
    for (const f of numbered) expect(f).toMatch(/— .*PAGE.*—/s);
    expect(numbered.join('')).toContain('w:eastAsia="宋体"');
    // TOC field with its entries (and estimated page numbers) written in.
    expect(xml).toMatch(/TOC \\h \\o &quot;1-2&quot;/);
    const tocPart = xml.slice(xml.indexOf('TOC \\h'), xml.indexOf('fldCharType="end"', xml.indexOf('TOC \\h')));
    expect(tocPart).toContain('一、审查事项');
    expect(tocPart).toContain('五、关于《关于开展科技统计调查的实施方案》的合法性审查意见');
    expect(tocPart).toMatch(/<w:t[^>]*>\d+<\/w:t>/);
  });

  describe('PDF', () => {
    let pages: PdfPage[];
    beforeAll(async () => {
      pages = await pdfPages(readFileSync(out('pack.pdf')));
    }, 60_000);

    it('is A4 with the cover uncounted and "— N —" on every other page, odd right, even left', () => {
      expect(pages.length).toBe(results.pdf!.pages);
      expect(pages.length).toBeGreaterThan(10);
      expect(pages[0]!.text).toContain('高青县科学技术局');
      expect(pages[0]!.lines.some((l) => /^—\s*\d+\s*—$/.test(l.text))).toBe(false);
      for (let i = 1; i < pages.length; i++) {
        const num = pages[i]!.lines.filter((l) => /^—\s*\d+\s*—$/.test(l.text));
        expect(num.length, `page index ${i}`).toBe(1);
        expect(squash(num[0]!.text)).toBe(`—${i}—`);
        const mid = (num[0]!.x0 + num[0]!.x1) / 2;
        if (i % 2 === 1) expect(mid).toBeGreaterThan(pages[i]!.width / 2);
        else expect(mid).toBeLessThan(pages[i]!.width / 2);
      }
    });

    it('contains every article (pdf.js text with the radical fix, whitespace ignored)', () => {
      const all = squash(pages.slice(2).map((p) => p.lines.filter((l) => !/^—\s*\d+\s*—$/.test(l.text)).map((l) => l.text).join('')).join(''));
      let at = 0;
      for (const a of expected) {
        const i = all.indexOf(squash(`${a.label}${a.text}`), at);
        expect(i, `${a.citation ?? ''}${a.label}`).toBeGreaterThanOrEqual(0);
        if (a.citation) expect(all).toContain(squash(a.citation));
        at = i;
      }
    });

    it('has a TOC whose page numbers are where each heading really is', async () => {
      const doc = await resolvePack(lib.store, pack, { records: recordsResolver(lib.svc) });
      const toc = squash(pages[1]!.text);
      expect(toc).toContain('目录');
      for (const e of tocEntries(doc)) {
        const m = new RegExp(`${squash(e.text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.*?(\\d+)`).exec(toc);
        expect(m, e.text).not.toBeNull();
        const printed = Number(m![1]);
        const found = pages.findIndex((p, i) => i >= 2 && squash(p.text).includes(squash(e.text)));
        expect(found, e.text).toBe(printed);
      }
    });
  });

  it('HTML: one self-contained file, no scripts or remote content, every article in it', () => {
    const html = readFileSync(out('pack.html'), 'utf8');
    expect(html).not.toMatch(/<script|<link|@import|url\(|https?:\/\//i);
    expect(html).toContain('@page');
    const text = html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    for (const a of expected) expect(squash(text)).toContain(squash(`${a.label}${a.text}`));
  });
});

describe('bad input', () => {
  it('an item whose law was deleted is exported with a visible note, not dropped', async () => {
    const { store } = lib;
    const victim = store.laws().find((l) => l.shortTitle === '立法法')!;
    const p = normalisePack({ title: '删除测试', items: [{ type: 'law', law: victim.id, titleSnapshot: victim.title }, { type: 'article', law: '行政许可法', article: '1' }] });
    await removeLaw(store, victim.id);
    const r = await exportPack(store, p, { out: out('deleted.docx') });
    expect(r.warnings.join()).toMatch(/没有找到/);
    const text = await docxText(readFileSync(out('deleted.docx')));
    expect(text).toContain('《中华人民共和国立法法》');
    expect(text).toMatch(/【注意】.*可能已被删除/);
    expect(text).toContain('第一条　为了规范行政许可的设定和实施');
  });

  it('an empty pack gives a clear message and writes nothing', async () => {
    const p = normalisePack({ title: '空包' });
    const err = await exportPack(lib.store, p, { out: out('empty.pdf') }).catch((e) => e);
    expect(err).toBeInstanceOf(PackError);
    expect(err.failure).toBe('EMPTY');
    expect(err.code).toBe('INVALID');
    expect(err.message).toMatch(/是空的/);
    expect(existsSync(out('empty.pdf'))).toBe(false);
  });

  it('an unwritable output path fails before any work, with no partial file', async () => {
    writeFileSync(out('a-file'), 'x');
    mkdirSync(out('a-dir.docx'), { recursive: true });
    for (const [target, msg, code] of [
      [join(lib.dir, 'no-such-folder', 'x.docx'), /不存在/, 'NOT_FOUND'],
      [join(out('a-file'), 'x.docx'), /不是文件夹/, 'INVALID'],
      [out('a-dir.docx'), /是一个文件夹/, 'INVALID'],
    ] as const) {
      const err = await exportPack(lib.store, pack, { out: target }).catch((e) => e);
      expect(err, target).toBeInstanceOf(PackError);
      expect(err.failure).toBe('WRITE_FAILED');
      expect(err.code).toBe(code);
      expect(err.file).toBe(target);
      expect(err.message).toMatch(msg);
    }
  });

  it('a renderer failing half-way leaves neither the output nor a temp file', async () => {
    mkdirSync(out('fail'), { recursive: true });
    const err = await exportPack(lib.store, pack, { out: out('fail/x.pdf'), print: () => Promise.reject(new Error('printer on fire')) }).catch((e) => e);
    expect(err).toBeInstanceOf(PackError);
    expect(err.failure).toBe('RENDER_FAILED');
    expect(err.code).toBe('INTERNAL');
    expect(readdirSync(out('fail'))).toEqual([]);
  });

  it('invalid pack JSON is refused with the place of each problem', () => {
    const bad = { title: '', items: [{ type: 'article', law: '行政许可法' }, { type: 'chart' }], asOf: '2025/1/1' };
    let err: PackError | undefined;
    try {
      normalisePack(bad);
    } catch (e) {
      err = e as PackError;
    }
    expect(err?.code).toBe('INVALID');
    expect(err?.details.join('\n')).toMatch(/title/);
    expect(err?.details.join('\n')).toMatch(/items\.0\.article/);
    expect(err?.details.join('\n')).toMatch(/items\.1/);
    expect(err?.details.join('\n')).toMatch(/“asOf”.*日期应写成 YYYY-MM-DD/);
  });

  it('a missing review, an unknown article and an unconnected records library become visible notes', async () => {
    const p = normalisePack({
      title: '缺失',
      items: [
        { type: 'review', recordId: 'R-nope' },
        { type: 'article', law: '行政许可法', article: '第九百条' },
        { type: 'lecture', recordId: 'L1' },
      ],
    });
    const withRecords = await resolvePack(lib.store, p, { records: recordsResolver(lib.svc) });
    expect(withRecords.warnings).toHaveLength(3);
    const without = await resolvePack(lib.store, p);
    expect(without.warnings.join()).toMatch(/没有接入记录库/);
  });
});

const BIG_LAWS: [string, number][] = [['宪法', 143], ['行政许可法', 83], ['行政复议法', 90], ['监察法', 78], ['保守国家秘密法', 65], ['山东省优化营商环境条例', 67]];
/** 500 article items over six fixture laws (versions in force). */
const fiveHundredItems = () => BIG_LAWS.flatMap(([law, n]) => Array.from({ length: n }, (_, i) => ({ type: 'article' as const, law, article: String(i + 1) }))).slice(0, 500);

describe('a 500-article pack', () => {
  it('exports to DOCX and PDF with progress for every item', async () => {
    const big = normalisePack({ title: '五百条', items: fiveHundredItems() });
    const seen: ExportProgress[] = [];
    const docx = await exportPack(lib.store, big, { out: out('big.docx'), onProgress: (p) => seen.push(p) });
    expect(docx.articleCount).toBe(500);
    expect(seen.filter((p) => p.phase === 'resolve').length).toBe(501);
    const pdf = await exportPack(lib.store, big, { out: out('big.pdf'), print: printer.print });
    expect(pdf.pages).toBeGreaterThan(100);
  }, 120_000);
});
