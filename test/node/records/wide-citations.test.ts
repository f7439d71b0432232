// Citations of a whole law, a whole code, or a 编/章/节 — what a lecture on 《民法典》 or on
// 行政许可法第二章 cites — and codes stored as parts shown in the code's order. Real laws:
// 行政许可法 2019 and four parts of 民法典 (总则, 婚姻家庭编, 继承编, 附则) in test/fixtures/codes.

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeIndex } from '../../../electron/core/library/code-parts';
import { annualReportFor } from '../../../electron/core/reports/annual-report-service';
import { coversNote } from '../../../electron/shared/record-schema';
import { ROOT, lawId, makeLibrary, type TestLibrary } from './records-test-support';

let lib: TestLibrary;
beforeAll(async () => {
  lib = await makeLibrary({ lawsDir: join(ROOT, 'test/fixtures/codes') });
});
afterAll(() => lib.cleanup());

describe('codes stored as parts', () => {
  it('民法典 is one code with its parts in the code order (总则 first, 附则 last), whatever their names sort as', () => {
    const groups = codeIndex(lib.store).groups;
    expect(groups).toHaveLength(1);
    expect(groups[0]!.title).toBe('中华人民共和国民法典');
    expect(groups[0]!.parts.map((l) => l.subtitle)).toEqual(['总则', '婚姻家庭编', '继承编', '附则']);
  });
});

describe('whole-law and heading citations', () => {
  it('a lecture citing a bare law, a 章 and the whole 民法典 saves version-anchored citations', async () => {
    const r = await lib.svc.createLecture({
      kind: '集体学法',
      date: '2021-06-01',
      topic: '民法典与行政许可法学习',
      headCount: 12,
      citations: [{ law: '行政许可法' }, { law: '行政许可法', heading: '第二章' }, { law: '民法典' }, { law: '民法典', heading: '继承编' }, { law: '行政许可法', heading: '第四章第四节' }],
    });
    const cs = r.record.citations;
    expect(cs.map((c) => [c.scope, c.citation, c.label])).toEqual([
      ['law', '《中华人民共和国行政许可法》（2019年修正）', '全文'],
      ['heading', '《中华人民共和国行政许可法》（2019年修正）第二章', '第二章 行政许可的设定'],
      ['law', '《中华人民共和国民法典》', '全文'],
      ['law', '《中华人民共和国民法典》继承编', '全文'],
      ['heading', '《中华人民共和国行政许可法》（2019年修正）第四章第四节', '第四节 听证'],
    ]);
    expect(cs[0]!.versionId).toBe(`${lawId(lib.store, '行政许可法')}@2019-04-23`);
    // the whole code goes through its first part, 总则
    expect(lib.store.law(cs[2]!.lawId)!.subtitle).toBe('总则');
    expect(cs[1]!.textSnapshot).toBe('第二章 行政许可的设定（第十一条至第二十一条）');
    // flags: the cited versions are the ones in force
    const index = await lib.svc.citationIndex();
    expect(cs.map((c) => index.flag(c).color)).toEqual(['green', 'green', 'green', 'green', 'green']);
    // saved again unchanged: the citations are kept as they are
    const again = await lib.svc.updateLecture(r.record.id, { topic: '民法典与行政许可法学习（二）' }, { expectedRevision: r.record.revision });
    expect(again.record.citations).toEqual(cs);
    // records citing 行政许可法 include the whole-law and the 章 citation
    expect(index.forLaw(cs[0]!.lawId).map((e) => e.label).sort()).toEqual(['全文', '第二章 行政许可的设定', '第四节 听证'].sort());
  });

  it('a 章 the law does not have, or one written ambiguously, is refused with the reason', async () => {
    await expect(lib.svc.createLecture({ kind: '集体学法', date: '2021-06-01', topic: 'x', headCount: 1, citations: [{ law: '行政许可法', heading: '第九章' }] })).rejects.toThrow(/目录中没有“第九章”/);
    // 民法典 总则 has a 第一节 in several chapters
    await expect(lib.svc.createLecture({ kind: '集体学法', date: '2021-06-01', topic: 'x', headCount: 1, citations: [{ law: '民法典', heading: '第一节' }] })).rejects.toThrow(/请写明所在的编/);
  });

  it('detection lists a bare 《民法典》, a law named with a 章 (also when an article of it is cited), and leaves a law cited by article alone', () => {
    const text = '组织全体干部学习《民法典》和行政许可法第二章，重点解读《行政许可法》第十二条；另学习了《某某市文明行为促进条例》。';
    const d = lib.svc.detectCitations(text, '2021-06-01');
    const shown = d.mentions.map((m) => [m.text, m.status, m.citation?.citation ?? m.reason]);
    expect(shown).toEqual([
      ['《民法典》', 'resolved', '《中华人民共和国民法典》'],
      // a 章 is cited as such even when an article of the law is cited too (海商法第二百零七条…海商法第十一章)
      ['行政许可法第二章', 'resolved', '《中华人民共和国行政许可法》（2019年修正）第二章'],
      ['第十二条', 'resolved', '《中华人民共和国行政许可法》（2019年修正）第十二条'],
      ['《某某市文明行为促进条例》', 'unresolved', '资料库中没有《某某市文明行为促进条例》'],
    ]);
    // a law named with no article and no heading is cited whole; one cited by article is not repeated as a whole
    const only = lib.svc.detectCitations('本次学法的内容是行政许可法第二章和民法典继承编。', '2021-06-01');
    expect(only.mentions.map((m) => [m.text, m.citation?.citation])).toEqual([
      ['行政许可法第二章', '《中华人民共和国行政许可法》（2019年修正）第二章'],
      ['民法典继承编', '《中华人民共和国民法典》继承编'],
    ]);
  });

  it('before 民法典 took effect, a whole-code citation says so', async () => {
    await expect(lib.svc.createLecture({ kind: '集体学法', date: '2020-06-01', topic: 'x', headCount: 1, citations: [{ law: '民法典' }] })).rejects.toThrow(/尚未施行/);
  });

  it('the annual report counts a session on a whole law (and on the whole code) as study of that law', async () => {
    await lib.svc.createLecture({ kind: '集体学法', date: '2022-03-01', topic: '民法典专题', headCount: 20, citations: [{ law: '民法典' }] });
    await lib.svc.createLecture({ kind: '法律大讲堂', date: '2022-04-01', topic: '行政许可法第四章', headCount: 30, citations: [{ law: '行政许可法', heading: '第四章' }] });
    // written in the next year's first months, as the report is (the test library's clock stands at 2021-03-01, and a
    // report reads the year as of its 成文日期: sessions after it are only planned)
    const r = await annualReportFor(lib.svc, lib.store, { year: 2022, asOf: '2023-02-20' });
    const studied = r.figures.find((f) => f.id === 'study.laws')!;
    expect(studied.value.split('、')).toEqual(['《民法典》', '《行政许可法》']);
    expect(studied.sources.map((s) => s.title)).toEqual(['民法典专题', '行政许可法第四章']);
  });
});

describe('被引用 lists the wider citations holding an article', () => {
  let own: TestLibrary;
  beforeAll(async () => {
    own = await makeLibrary({ lawsDir: join(ROOT, 'test/fixtures/codes') });
  });
  afterAll(() => own.cleanup());
  const part = (subtitle: string) => own.store.laws().find((l) => l.subtitle === subtitle)!;
  const versionOf = (subtitle: string) => part(subtitle).versionIds.at(-1)!;
  const firstArticle = (subtitle: string) => own.store.loadVersion(versionOf(subtitle)).units.find((u) => u.kind === 'article')!.key;

  it('a citation of the whole 民法典 is listed under every part as 引用整部法典, a part cited whole only under that part', async () => {
    const whole = await own.svc.createLecture({ kind: '集体学法', date: '2021-06-01', topic: '学习民法典', headCount: 10, citations: [{ law: '民法典' }] });
    const inherit = await own.svc.createLecture({ kind: '集体学法', date: '2021-07-01', topic: '学习继承编', headCount: 10, citations: [{ law: '民法典', heading: '继承编' }] });
    const index = await own.svc.citationIndex();
    const listed = (subtitle: string) => index.citedBy(versionOf(subtitle), firstArticle(subtitle)).map((e) => [e.id, e.covers, coversNote(e)]);
    // stored through 总则, but it cites the code: 婚姻家庭编 and 继承编 list it too
    expect(listed('总则')).toEqual([[whole.record.id, 'code', '引用整部法典']]);
    expect(listed('婚姻家庭编')).toEqual([[whole.record.id, 'code', '引用整部法典']]);
    expect(listed('继承编')).toEqual([
      [inherit.record.id, 'law', '引用全文'],
      [whole.record.id, 'code', '引用整部法典'],
    ]);
    expect(listed('附则')).toEqual([[whole.record.id, 'code', '引用整部法典']]);
    // the TOC badges still count citations of the article itself only
    expect(index.counts(versionOf('继承编'))[firstArticle('继承编')]).toBeUndefined();
  });

  it('a 章 citation is listed under the articles of that 章 only; a record citing the article itself is listed once', async () => {
    const xk = own.store.laws().find((l) => l.shortTitle === '行政许可法')!;
    const v = xk.versionIds.at(-1)!;
    const chapter = await own.svc.createLecture({ kind: '集体学法', date: '2021-08-01', topic: '行政许可的设定', headCount: 5, citations: [{ law: '行政许可法', heading: '第二章' }] });
    const both = await own.svc.createLecture({ kind: '集体学法', date: '2021-09-01', topic: '第十二条', headCount: 5, citations: [{ law: '行政许可法', heading: '第二章' }, { law: '行政许可法', article: '第十二条' }] });
    const index = await own.svc.citationIndex();
    expect(index.citedBy(v, '12').map((e) => [e.id, e.covers ?? 'article'])).toEqual([
      [both.record.id, 'article'],
      [chapter.record.id, 'heading'],
    ]);
    expect(coversNote(index.citedBy(v, '12')[1]!)).toBe('引用第二章 行政许可的设定');
    expect(index.citedBy(v, '30')).toEqual([]); // 第三十条 is in 第四章
  });
});
