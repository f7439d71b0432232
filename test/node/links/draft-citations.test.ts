// Session 26: in a review opinion on a draft, 本办法第三条 / 草案第八条 / 送审稿第五条 / 该文件第六条 / 《…（送审稿）》第十二条 are
// the draft's own articles — linked to them when its text is with the review, never to a library law; the same words in
// a record that is not on a draft read as before. And a second 项 after 或者/和 is a part of the first one's edge.
// Real laws: the held-out fixture's (发票管理办法, 行政许可法, 专利法).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectCitations, type DraftInView } from '../../../electron/core/records/citation-detect';
import { LibraryTargetResolver } from '../../../electron/core/links/link-resolver';
import { RecordsService } from '../../../electron/core/records/records-service';
import type { DraftForLinks } from '../../../electron/core/records/draft-citations';
import { ROOT, lawIdOf, makeLinkLibrary, type LinkLibrary } from './links-test-support';

let lib: LinkLibrary;
beforeAll(async () => {
  lib = await makeLinkLibrary([join(ROOT, 'test/fixtures/links/heldout/laws')]);
}, 120_000);
afterAll(() => lib?.cleanup());

const DATE = '2025-06-01';
const TITLE = '某县科技型中小企业研发费用补助管理办法（送审稿）';
/** A draft of `n` articles, keyed as the workbench's parser keys them. */
const draftOf = (n: number, title = TITLE): DraftInView => ({ title, articles: Array.from({ length: n }, (_, i) => [i + 1, 0, String(i + 1)] as const) });

/** What each mention links: "draft:key", "law title:key", or "✗ reason". */
function read(text: string, draft?: DraftInView, graph = false) {
  const d = detectCitations(lib.store, text, DATE, undefined, graph ? new LibraryTargetResolver(lib.store) : undefined, draft ? { draft } : {});
  return d.mentions.map((m) => {
    const t = m.target ?? m.citation;
    return [m.text, m.draft ? `draft:${m.draft.articleKey}` : t ? `${lib.store.law(t.lawId)!.title}:${t.articleKey}` : `✗ ${m.reason}`];
  });
}

describe('citations of the draft under review', () => {
  it('本办法 after a held 《…办法》 is that 办法 in a record, and the draft in an opinion on a 办法', () => {
    const text = '《发票管理办法》第十九条规定了开具发票的主体，本办法第二十二条规定了开具发票的要求。';
    const invoices = lib.store.law(lawIdOf(lib.store, '发票管理办法'))!.title;
    expect(read(text)).toEqual([
      ['第十九条', `${invoices}:19`],
      ['第二十二条', `${invoices}:22`],
    ]);
    for (const graph of [false, true]) {
      expect(read(text, draftOf(24), graph)).toEqual([
        ['第十九条', `${invoices}:19`],
        ['第二十二条', 'draft:22'],
      ]);
    }
    // 本法 is no 办法: still the law named before it
    expect(read('《中华人民共和国行政许可法》第十五条规定了地方性法规可以设定的行政许可，本法第十六条规定了规章可以作出的具体规定。', draftOf(24)).map((m) => m[1])).toEqual([
      expect.stringMatching(/行政许可法:15$/),
      expect.stringMatching(/行政许可法:16$/),
    ]);
  });

  it('草案 / 本草案 / 送审稿 / 征求意见稿 第X条 and the draft’s own title are its articles; 该办法 after that title too', () => {
    expect(read('本草案第五条、第七条与送审稿第九条第二款、征求意见稿第十二条的表述应当统一。', draftOf(24)).map((m) => m[1])).toEqual(['draft:5', 'draft:7', 'draft:9', 'draft:12']);
    expect(read('《某县科技型中小企业研发费用补助管理办法（送审稿）》第十二条的补助标准，应当与该办法第九条的认定条件相衔接。', draftOf(24)).map((m) => m[1])).toEqual(['draft:12', 'draft:9']);
    // a range, and an article the draft does not have
    expect(read('草案第二十二条至第二十四条规定的罚款数额过高。', draftOf(24)).map((m) => m[1])).toEqual(['draft:22', 'draft:23', 'draft:24']);
    expect(read('草案第四十条规定的施行日期不明确。', draftOf(24))).toEqual([['第四十条', '✗ 所审查的草案没有第四十条']]);
  });

  it('该文件 is the draft after a law, and the document named before it after a notice or a 文号', () => {
    expect(read('对照《中华人民共和国行政许可法》第十六条的规定，该文件第六条设定的年检事项没有上位法依据。', draftOf(24)).map((m) => m[1])).toEqual([
      expect.stringMatching(/行政许可法:16$/),
      'draft:6',
    ]);
    expect(read('《某县人民政府办公室关于规范涉企检查的通知》已对检查频次作出规定，该文件第三条与草案第十条的表述应当一致。', draftOf(24))).toEqual([
      ['第三条', '✗ “该文件”指前面的《某县人民政府办公室关于规范涉企检查的通知》，不是资料库中的法规'],
      ['第十条', 'draft:10'],
    ]);
    expect(read('某政〔2024〕8号文件已经废止，该文件第五条不能再作为制定依据。', draftOf(24))).toEqual([['第五条', '✗ “该文件”指前面的某政〔2024〕8号，不是资料库中的法规']]);
  });

  it('该条第二款 and a bare 第九条 in the next sentence follow the draft’s article; 原第六条 does not', () => {
    const d = detectCitations(lib.store, '草案第十五条规定的“限期拆除”属于行政强制执行，该条第二款应当明确催告程序。第十六条也应当相应修改。', DATE, undefined, undefined, { draft: draftOf(24) });
    expect(d.mentions.map((m) => [m.text, m.draft])).toEqual([
      ['第十五条', { articleKey: '15' }],
      ['该条第二款', { articleKey: '15', parts: [{ paragraph: 2 }] }],
      ['第十六条', { articleKey: '16' }],
    ]);
    expect(read('修改稿第七条仍保留了原第六条的内容。', draftOf(24)).map((m) => m[1])).toEqual(['draft:7', '✗ 没有指明是哪部法规的条文']);
  });

  it('with the draft’s title but not its text, its articles are told apart from laws and linked to nothing', () => {
    expect(read('《发票管理办法》第十九条规定了开具发票的主体，本办法第二十二条规定了开具发票的要求。', { title: TITLE }).map((m) => m[1])).toEqual([
      expect.stringMatching(/发票管理办法:19$/),
      '✗ “本办法”指所审查的文件本身，不是资料库中的法规',
    ]);
  });
});

describe('a second 项 after 或者/和', () => {
  it('is a part of the first one’s edge in the link graph, and its own citation in a record', () => {
    const text = '申请专利的发明创造有《中华人民共和国专利法》第二十四条第（一）项或者第（四）项所列情形的，应当提交证明文件。';
    const g = detectCitations(lib.store, text, DATE, undefined, new LibraryTargetResolver(lib.store));
    expect(g.mentions.map((m) => [m.text, m.target?.articleKey, m.target?.parts])).toEqual([['第二十四条第（一）项或者第（四）项', '24', [{ item: 1 }, { item: 4 }]]]);
    const r = detectCitations(lib.store, text, DATE);
    expect(r.citations.map((c) => [c.articleKey, c.item])).toEqual([
      ['24', 1],
      ['24', 4],
    ]);
  });
});

describe('a review record’s links into its draft', () => {
  /** A 送审稿 version as the workbench keeps it: its articles' texts. */
  const version = (seq: number, texts: string[]): DraftForLinks => ({
    seq,
    sha256: String(seq).repeat(64),
    units: texts.map((text, i) => ({ key: String(i + 1), kind: 'article' as const, number: i + 1, suffix: 0, label: `第${i + 1}条`, path: [], paragraphs: [{ text, items: [] }], text })),
  });

  it('are anchored to the draft version they were read against, and keep it when a new version arrives', async () => {
    let current: DraftForLinks | undefined = version(1, ['第一稿第一条。', '第一稿第二条。', '第一稿第三条，申报企业应当在本县纳税满三年。']);
    const svc = await RecordsService.open(lib.store, { actor: '测试员', draftUnderReview: () => current });
    const input = { type: '规范性文件', title: TITLE, leadUnit: '科技局', receivedDate: '2025-05-06' };
    // (a draft is added to a review that exists: the workbench's first step)
    const created = await svc.createReview(input);
    const first = await svc.updateReview(created.record.id, { opinion: { text: '本办法第三条限定经营者所在地，建议删除。', citations: [] } }, { linkDetected: true });
    const op1 = first.record.opinion.draftCitations!;
    expect(op1.map((c) => [c.seq, c.articleKey, c.label, c.textSnapshot])).toEqual([[1, '3', '第三条', '第一稿第三条，申报企业应当在本县纳税满三年。']]);
    // no library law is cited by 本办法 in the review (its title is a 办法)
    expect(first.record.opinion.citations).toEqual([]);

    current = version(2, ['第二稿第一条。', '第二稿第二条。', '第二稿第三条。', '第二稿第四条。']);
    const text = '本办法第三条限定经营者所在地，建议删除。送审稿第四条第二款应当明确期限。';
    const second = await svc.updateReview(first.record.id, { opinion: { text, citations: [] } }, { linkDetected: true });
    expect(second.record.opinion.draftCitations!.map((c) => [c.seq, c.articleKey, c.paragraph, c.textSnapshot])).toEqual([
      [1, '3', undefined, '第一稿第三条，申报企业应当在本县纳税满三年。'],
      [2, '4', 2, '第二稿第四条。'],
    ]);
    // written back by a form (the record as read), the links stay as they were
    const reread = await svc.getReview(first.record.id);
    expect(reread.opinion.draftCitations).toEqual(second.record.opinion.draftCitations);
  });

  it('records:detect with the review’s title (its form’s 识别引用) offers no law for 本办法第X条', async () => {
    const svc = await RecordsService.open(lib.store, { actor: '测试员' });
    const text = '《发票管理办法》第十九条规定了开具发票的主体，本办法第二十二条应当与之衔接。';
    expect(svc.detectCitations(text, DATE).citations.map((c) => c.label)).toEqual(['第十九条', '第二十二条']);
    const d = svc.detectCitations(text, DATE, undefined, TITLE);
    expect(d.citations.map((c) => c.label)).toEqual(['第十九条']);
    expect(d.unresolved.map((m) => [m.text, m.reason])).toEqual([['第二十二条', '“本办法”指所审查的文件本身，不是资料库中的法规']]);
  });

  it('with no draft added, 本办法第X条 in a review links no law and is reported', async () => {
    const svc = await RecordsService.open(lib.store, { actor: '测试员', draftUnderReview: () => undefined });
    const created = await svc.createReview({ type: '规范性文件', title: TITLE, leadUnit: '科技局', receivedDate: '2025-05-06' });
    const r = await svc.updateReview(created.record.id, { opinion: { text: '《发票管理办法》第十九条规定了开具发票的主体，本办法第二十二条应当与之衔接。', citations: [] } }, { linkDetected: true });
    expect(r.record.opinion.citations.map((c) => c.label)).toEqual(['第十九条']);
    expect(r.record.opinion.draftCitations).toBeUndefined();
    expect(r.unresolved.map((m) => m.reason)).toContain('“本办法”指所审查的文件本身，不是资料库中的法规');
  });
});
