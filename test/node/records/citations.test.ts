import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../../electron/core/library/law-identity';
import type { LawVersionMeta } from '../../../electron/shared/law-model';
import { startOf } from '../../../electron/core/records/citation-resolve';
import { lawId, makeLibrary, reviewInput, type TestLibrary } from './records-test-support';

let lib: TestLibrary;
beforeAll(async () => {
  lib = await makeLibrary();
});
afterAll(() => lib.cleanup());

const found = (text: string, date = '2020-06-01', near?: string) =>
  lib.svc.detectCitations(text, date, near).mentions.map((m) => (m.citation ? `${m.citation.versionId.split('@')[1]} ${m.label}${m.citation.paragraph ? `第${m.citation.paragraph}款` : ''}${m.citation.item ? `第${m.citation.item}项` : ''}` : `✗${m.label}`));

describe('citation detection in real sentences', () => {
  it('full title in 书名号: 《中华人民共和国行政许可法》第十二条', () => {
    const d = lib.svc.detectCitations('依据《中华人民共和国行政许可法》第十二条的规定，下列事项可以设定行政许可。', '2020-06-01');
    expect(d.citations).toHaveLength(1);
    const c = d.citations[0]!;
    expect(c.lawId).toBe(lawId(lib.store, '行政许可法'));
    expect(c.label).toBe('第十二条');
    expect(c.citation).toBe('《中华人民共和国行政许可法》（2019年修正）第十二条');
    expect(c.textSnapshot.startsWith('下列事项可以设定行政许可')).toBe(true);
    expect(c.textHash).toBe(sha256(c.textSnapshot));
  });

  it('short title with 款 and 项; unbracketed names (行政许可法第八条第二款, 第十二条第（二）项)', () => {
    // from 最高人民法院关于审理行政许可案件若干问题的规定, 第十四条 and 第十五条
    expect(found('行政机关依据行政许可法第八条第二款规定变更或者撤回已经生效的行政许可')).toEqual(['2019-04-23 第八条第2款']);
    expect(found('行政许可属于行政许可法第十二条第（二）项规定情形的，一般按照实际投入的损失确定补偿数额')).toEqual(['2019-04-23 第十二条第2项']);
    expect(found('违反《行政许可法》第十五条第二款。')).toEqual(['2019-04-23 第十五条第2款']);
  });

  it('lists and ranges of 款 and 项 give one citation each (第一、二款, 第（一）、（三）项, 第（一）至（三）项)', () => {
    expect(found('违反行政许可法第八条第一、二款')).toEqual(['2019-04-23 第八条第1款', '2019-04-23 第八条第2款']);
    expect(found('属于行政许可法第十二条第（一）、（三）项规定情形的')).toEqual(['2019-04-23 第十二条第1项', '2019-04-23 第十二条第3项']);
    expect(found('属于行政许可法第十二条第（一）至（三）项规定情形的')).toEqual(['2019-04-23 第十二条第1项', '2019-04-23 第十二条第2项', '2019-04-23 第十二条第3项']);
    // a single 款 and 项 as before; 款 with a 项 list: the 项 belong to the last 款
    expect(found('依照行政许可法第十二条第（二）项')).toEqual(['2019-04-23 第十二条第2项']);
    expect(found('依照行政许可法第十二条、第十三条第（二）项')).toEqual(['2019-04-23 第十二条', '2019-04-23 第十三条第2项']);
  });

  it('a 款 the article does not have: links the whole article and says so', () => {
    const d = lib.svc.detectCitations('《行政许可法》第十二条第二款', '2020-06-01');
    expect(d.mentions[0]!.status).toBe('resolved');
    expect(d.mentions[0]!.citation!.paragraph).toBeUndefined();
    expect(d.mentions[0]!.warning).toMatch(/只有 1 款/);
  });

  it('lists joined by 、 and 以及, with an unknown law in between kept as unresolved', () => {
    // 最高人民法院、最高人民检察院关于… (the corpus): 刑法第一百一十一条规定的“国家秘密”…
    const text = '刑法第一百一十一条规定的“国家秘密”，是指《中华人民共和国保守国家秘密法》第二条、第八条以及《中华人民共和国保守国家秘密法实施办法》第四条确定的事项';
    const d = lib.svc.detectCitations(text, '2020-06-01');
    expect(d.mentions.map((m) => [m.label, m.status])).toEqual([
      ['第一百一十一条', 'unresolved'],
      ['第二条', 'resolved'],
      ['第八条', 'resolved'],
      ['第四条', 'unresolved'],
    ]);
    expect(d.mentions[0]!.reason).toContain('刑法');
    expect(d.mentions[3]!.reason).toContain('保守国家秘密法实施办法');
    expect(d.citations.every((c) => c.versionId.endsWith('@2010-04-29'))).toBe(true);
    expect(found('符合行政许可法第十二条、第十三条的规定')).toEqual(['2019-04-23 第十二条', '2019-04-23 第十三条']);
  });

  it('本法 resolves against the law named nearby, or the law the text is about', () => {
    expect(found('《统计法》第七条规定了统计调查对象的义务；本法第八条规定统计工作应当接受社会公众的监督。')).toEqual([
      '2009-06-27 第七条',
      '2009-06-27 第八条',
    ]);
    // 统计法(2009) 第十六条, as written in the law itself: no law named, so the note's law is used
    const tongji = lawId(lib.store, '统计法');
    expect(found('制定统计调查项目，应当同时制定该项目的统计调查制度，并依照本法第十二条的规定一并报经审批或者备案。', '2020-06-01', tongji)).toEqual([
      '2009-06-27 第十二条',
    ]);
    const alone = lib.svc.detectCitations('依照本法第十二条的规定', '2020-06-01');
    expect(alone.unresolved[0]!.reason).toMatch(/本法/);
  });

  it('ranges: 第十二条至第十五条 and 第十二条至十五条, also inside a list', () => {
    const near = lawId(lib.store, '行政许可法');
    expect(found('参照第十二条至第十五条办理。', '2020-06-01', near)).toEqual(['12', '13', '14', '15'].map((n) => `2019-04-23 第${['十二', '十三', '十四', '十五'][Number(n) - 12]}条`));
    expect(found('《行政许可法》第十二条至十三条', '2020-06-01')).toHaveLength(2);
    // 个人信息保护法 style: 违反本法第二十二条第三款、第四十一条至第四十三条规定
    expect(found('违反本法第十二条第一款、第十四条至第十六条规定', '2020-06-01', near)).toEqual([
      '2019-04-23 第十二条第1款',
      '2019-04-23 第十四条',
      '2019-04-23 第十五条',
      '2019-04-23 第十六条',
    ]);
  });

  it('never drops a mention: drafts, unknown laws and articles beyond the end are listed with a reason', () => {
    const d = lib.svc.detectCitations('《高青县科技项目管理办法（草案）》第五条与上位法不一致，草案第六条亦同；《统计法》第九十条。', '2020-06-01');
    expect(d.mentions.map((m) => m.status)).toEqual(['unresolved', 'unresolved', 'unresolved']);
    expect(d.unresolved.map((m) => m.reason)).toEqual([
      '资料库中没有《高青县科技项目管理办法（草案）》',
      '“草案”指所审查的文件本身，不是资料库中的法规',
      expect.stringMatching(/统计法.*2009-06-27.*没有第九十条（共 50 条）/),
    ]);
  });

  it('民法典, stored as one work per 编: the article is found in the part that holds it', () => {
    const d = lib.svc.detectCitations('《中华人民共和国民法典》第一千一百二十三条、第一千二百六十条；民法典第一千二百五十九条', '2021-06-01');
    expect(d.citations.map((c) => [c.citation, lib.store.law(c.lawId)!.subtitle])).toEqual([
      ['《中华人民共和国民法典》第一千一百二十三条', '继承编'],
      ['《中华人民共和国民法典》第一千二百六十条', '附则'],
      ['《中华人民共和国民法典》第一千二百五十九条', '附则'],
    ]);
    // before 2021-01-01 the code was not in force: say so, do not link
    expect(lib.svc.detectCitations('民法典第一千一百二十三条', '2020-06-01').unresolved[0]!.reason).toBe('《民法典》在 2020-06-01 尚未施行（资料库中最早的版本 2021-01-01 施行）');
  });

  it('宪法第三十三条 without 书名号', () => {
    expect(found('宪法第三十三条规定，国家尊重和保障人权。')).toEqual(['2018-03-11 第三十三条']);
  });
});

describe('resolution to the version in force on the record’s date', () => {
  it('统计法: 2020 → the 2009 text, 2025 → the 2024 text; 第七条 differs', () => {
    const a = lib.svc.detectCitations('《统计法》第七条', '2020-06-01').citations[0]!;
    const b = lib.svc.detectCitations('《统计法》第七条', '2025-01-10').citations[0]!;
    expect(a.versionId.endsWith('@2009-06-27')).toBe(true);
    expect(b.versionId.endsWith('@2024-09-13')).toBe(true);
    expect(a.textHash).not.toBe(b.textHash);
    expect(a.textSnapshot).toContain('统计调查对象，必须依照本法和国家有关规定');
    // 2009 第七条 reads in 2024 as 第八条: the snapshot keeps what was relied on
    const b8 = lib.svc.detectCitations('《统计法》第八条', '2025-01-10').citations[0]!;
    expect(b8.textSnapshot).toBe(a.textSnapshot);
    // the 2009 revision applied from 2010-01-01 (施行日期), and the 2024 one from 2024-09-13
    expect(lib.svc.detectCitations('《统计法》第七条', '2024-09-12').citations[0]!.versionId.endsWith('@2009-06-27')).toBe(true);
    expect(lib.svc.detectCitations('《统计法》第七条', '2024-09-13').citations[0]!.versionId.endsWith('@2024-09-13')).toBe(true);
  });

  it('a law not yet in force on the date is unresolved, with the reason', () => {
    const d = lib.svc.detectCitations('《重大行政决策程序暂行条例》第二十六条', '2018-05-01');
    expect(d.unresolved[0]!.reason).toMatch(/2018-05-01 尚未施行/);
  });

  it('a review received in 2020 citing {law, article} stores the 2009 统计法 article', async () => {
    const { record } = await lib.svc.createReview(
      reviewInput({ title: '统计执法处理决定', type: '重大执法决定', receivedDate: '2020-11-16', citations: [{ law: '统计法', article: '第七条' }] }),
    );
    expect(record.citations[0]!.versionId.endsWith('@2009-06-27')).toBe(true);
    const pinned = await lib.svc.createReview(
      reviewInput({ title: '统计执法处理决定（新法）', receivedDate: '2020-11-16', citations: [{ law: '统计法', article: '8', version: '2024' }] }),
    );
    expect(pinned.record.citations[0]!.citation).toBe('《中华人民共和国统计法》（2024年修正）第八条');
  });
});

describe('the day a version applies from', () => {
  const meta = (m: Partial<LawVersionMeta>) => ({ history: [], ...m }) as LawVersionMeta;
  it('施行日期, else the header’s 施行 line, else 公布日期', () => {
    expect(startOf(meta({ published: '2009-06-27', effective: '2010-01-01' }))).toBe('2010-01-01');
    expect(
      startOf(meta({ published: '2020-05-28', history: [{ date: '2020-05-28', text: '通过', kind: '通过' }, { date: '2021-01-01', text: '施行', kind: '施行' }] })),
    ).toBe('2021-01-01');
    expect(startOf(meta({ published: '2024-09-13' }))).toBe('2024-09-13');
    expect(startOf(meta({}))).toBe('');
  });
});
