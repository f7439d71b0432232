// The held-out citation sets (test/bench/citation-heldout.ts): 149 real sentences from 149 corpus laws no
// other test uses, each labelled by hand, read against a library of the laws they name
// (test/fixtures/links/heldout/laws: every corpus version of each, cut to the articles cited, with the
// corpus manifest's rows). Floors, not exact counts: a better detector may pass more; a worse one fails.
// The same score on a library of the whole corpus: `npx tsx test/bench/citation-heldout.ts --library DIR`.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELDOUT_SET_S17, HELDOUT_SET_S18, HELDOUT_SET_S19, HELDOUT_SET_S20, HELDOUT_SET_S21, HELDOUT_SET_S22, HELDOUT_SET_S23, HELDOUT_SET_S24, HELDOUT_SET_S25, HELDOUT_SET_S26, HELDOUT_SET_S27, HELDOUT_SET_S28, formatScore, readHeldout, scoreHeldout } from '../../bench/citation-heldout';
import { ROOT, makeLinkLibrary, type LinkLibrary } from './links-test-support';

let lib: LinkLibrary;
beforeAll(async () => {
  lib = await makeLinkLibrary([join(ROOT, 'test/fixtures/links/heldout/laws')]);
}, 120_000);
afterAll(() => lib?.cleanup());

const entries = readHeldout();

describe('held-out citation set (149 hand-labelled sentences)', () => {
  it('is the set the labels were written for: 149 sentences from 149 laws, every form', () => {
    expect(entries).toHaveLength(149);
    expect(new Set(entries.map((e) => e.src)).size).toBe(149);
    expect(new Set(entries.map((e) => e.form))).toEqual(
      new Set(['history', 'judicial', 'order', 'range', 'para-item', 'list', 'self', 'prior', 'generic', 'quoted-article', 'quoted-whole', 'bare-article']),
    );
  });

  it('as the link graph reads a law: detection and resolution over their floors', () => {
    const s = scoreHeldout(lib.store, entries, 'graph');
    console.log([...formatScore(s, entries.length), ...s.misses.map((m) => m.slice(0, 200))].join('\n'));
    expect(s.expected).toBe(202);
    // the graph links headings too (本法第二章第一节至第五节, 本法第四章: the 6 misses before session 17)
    expect(s.detected).toBeGreaterThanOrEqual(202);
    expect(s.falseDetections).toBeLessThanOrEqual(0);
    expect(s.wrongLinks).toBe(0);
    expect(s.rightArticle).toBe(s.detected);
    expect(s.rightVersion).toBeGreaterThanOrEqual(s.detected - 1);
    expect(s.lawsRight).toBeGreaterThanOrEqual(s.lawsExpected - 1);
  });

  it('as a record’s text is read (headings and whole laws too; nothing linked to a version not yet in force)', () => {
    const s = scoreHeldout(lib.store, entries, 'records');
    console.log([...formatScore(s, entries.length), ...s.misses.map((m) => m.slice(0, 200))].join('\n'));
    expect(s.detected).toBeGreaterThanOrEqual(200);
    expect(s.wrongLinks).toBe(0);
    expect(s.rightArticle + s.notInForce).toBeGreaterThanOrEqual(s.detected - 2);
    expect(s.rightVersion).toBe(s.rightArticle);
    expect(s.lawsRight).toBe(s.lawsExpected);
  });
});

// Session 17: 78 more sentences from corpus laws no test named (seed 1717), labelled before the code changed.
// Scored first (HEAD 748a9ce): graph 103/111 detected (8 headings unlinked), 102 right; records 107/111, 75 right + 31 not in force.
const s17 = readHeldout(HELDOUT_SET_S17);

describe('held-out citation set, session 17 (78 hand-labelled sentences)', () => {
  it('is the set the labels were written for: 78 sentences from 78 laws no other test names', () => {
    expect(s17).toHaveLength(78);
    expect(new Set(s17.map((e) => e.src)).size).toBe(78);
    const earlier = new Set(entries.map((e) => e.src));
    expect(s17.filter((e) => earlier.has(e.src))).toEqual([]);
  });

  it('as the link graph reads a law: headings of this law and of others are linked', () => {
    const s = scoreHeldout(lib.store, s17, 'graph');
    console.log([...formatScore(s, s17.length), ...s.misses.map((m) => m.slice(0, 200))].join('\n'));
    expect(s.expected).toBe(111);
    expect(s.detected).toBeGreaterThanOrEqual(111);
    expect(s.falseDetections).toBe(0);
    expect(s.wrongLinks).toBe(0);
    // the one miss: 商检法 (进出口商品检验法) read alone; in the whole 条例 its 第一条 defines the short name
    expect(s.rightArticle).toBeGreaterThanOrEqual(s.detected - 1);
    expect(s.rightVersion).toBe(s.rightArticle);
    expect(s.lawsRight).toBeGreaterThanOrEqual(s.lawsExpected - 1);
  });

  it('as a record’s text is read: a heading list (本条例第二章、第三章和第五章) is every heading of it', () => {
    const s = scoreHeldout(lib.store, s17, 'records');
    console.log([...formatScore(s, s17.length), ...s.misses.map((m) => m.slice(0, 200))].join('\n'));
    expect(s.detected).toBeGreaterThanOrEqual(111);
    expect(s.falseDetections).toBe(0);
    expect(s.wrongLinks).toBe(0);
    expect(s.rightArticle + s.notInForce).toBeGreaterThanOrEqual(s.detected - 1);
    expect(s.rightVersion).toBe(s.rightArticle);
  });
});

// Session 18: 65 more sentences from 65 corpus laws no test named (seed 1818), labelled before the code changed.
// Scored first (HEAD 9125471, whole corpus): graph 104/104 detected, 2 false detections, 92 right — 对第四条、第五条第一款、
// 第六条 after 本规定第二条 linked to 刑事诉讼法 (3 wrong), the 刑法 articles of 罪名 tables (第318条, | 第三百四十四条 |) in
// 司法解释 of no articles unresolved (8); records 67 right + 25 not in force.
const s18 = readHeldout(HELDOUT_SET_S18);

describe('held-out citation set, session 18 (65 hand-labelled sentences)', () => {
  it('is the set the labels were written for: 65 sentences from 65 laws no earlier set names', () => {
    expect(s18).toHaveLength(65);
    expect(new Set(s18.map((e) => e.src)).size).toBe(65);
    const earlier = new Set([...entries, ...s17].map((e) => e.src));
    expect(s18.filter((e) => earlier.has(e.src))).toEqual([]);
  });

  it('as the link graph reads a law: a 司法解释’s bare articles it lacks are the interpreted law’s; 本规定第二条…第四条 stays 本规定', () => {
    const s = scoreHeldout(lib.store, s18, 'graph');
    console.log([...formatScore(s, s18.length), ...s.misses.map((m) => m.slice(0, 200))].join('\n'));
    expect(s.expected).toBe(104);
    expect(s.detected).toBe(104);
    expect(s.falseDetections).toBe(0);
    expect(s.wrongLinks).toBe(0);
    // the one miss: 《刑法修正案（五）》第1条 — the amendment's items are 一、二、…, no articles to link
    expect(s.rightArticle).toBeGreaterThanOrEqual(s.detected - 1);
    expect(s.rightVersion).toBe(s.rightArticle);
    expect(s.lawsRight).toBe(s.lawsExpected);
  });

  it('as a record’s text is read: the same, and nothing linked to a version not yet in force', () => {
    const s = scoreHeldout(lib.store, s18, 'records');
    console.log([...formatScore(s, s18.length), ...s.misses.map((m) => m.slice(0, 200))].join('\n'));
    expect(s.detected).toBe(104);
    expect(s.falseDetections).toBe(0);
    expect(s.wrongLinks).toBe(0);
    expect(s.rightArticle + s.notInForce).toBeGreaterThanOrEqual(s.detected - 1);
    expect(s.rightVersion).toBe(s.rightArticle);
    expect(s.lawsRight).toBe(s.lawsExpected);
  });
});

// Session 19: 57 sentences from corpus laws no test named (citation-heldout-pick.ts --seed 1919, each with the article it
// stands in) and 18 written as an office writes, read with no citing law; labelled before the code changed.
// Scored first (HEAD 58fbc91, whole corpus): graph 82/96 detected, 79 right, 0 wrong — 前条 (8) and 本条第X款 (6) not
// read, 国家统计法第七条 / 国家行政处罚法 (国家 begins titles) and 同法第三十七条 unresolved; records 57 right + 22 not in force.
const s19 = readHeldout(HELDOUT_SET_S19);

describe('held-out citation set, session 19 (75 hand-labelled sentences, 18 of them an office’s)', () => {
  it('is the set the labels were written for: 57 sentences of laws no earlier set names, 18 with no citing law', () => {
    expect(s19).toHaveLength(75);
    expect(s19.filter((e) => !e.near)).toHaveLength(18);
    const earlier = new Set([...entries, ...s17, ...s18].map((e) => e.src));
    expect(s19.filter((e) => e.near && earlier.has(e.src))).toEqual([]);
    expect(s19.filter((e) => e.near && !e.article)).toEqual([]);
  });

  it('as the link graph reads a law: 前条 is the article before, 本条第二款 its own article, 同法 and 国家统计法 the law named', () => {
    const s = scoreHeldout(lib.store, s19, 'graph');
    console.log([...formatScore(s, s19.length), ...s.misses.map((m) => m.slice(0, 200))].join('\n'));
    expect(s.expected).toBe(96);
    expect(s.detected).toBe(96);
    expect(s.falseDetections).toBe(0);
    expect(s.wrongLinks).toBe(0);
    expect(s.rightArticle).toBe(s.detected);
    expect(s.rightVersion).toBe(s.rightArticle);
    expect(s.lawsRight).toBe(s.lawsExpected);
  });

  it('as a record’s text is read: no citing article (前条 and 本条第X款 unread), nothing linked wrong', () => {
    const s = scoreHeldout(lib.store, s19, 'records');
    console.log([...formatScore(s, s19.length), ...s.misses.map((m) => m.slice(0, 200))].join('\n'));
    expect(s.detected).toBeGreaterThanOrEqual(82);
    expect(s.falseDetections).toBe(0);
    expect(s.wrongLinks).toBe(0);
    expect(s.rightArticle + s.notInForce).toBe(s.detected);
    expect(s.rightVersion).toBe(s.rightArticle);
    expect(s.lawsRight).toBe(s.lawsExpected);
  });
});

// Session 20: 37 sentences from corpus laws no test named (citation-heldout-pick.ts --seed 2020) and 19 written as a county
// office writes, read with no citing law; labelled before the code changed. Scored first (HEAD 4376701, whole corpus):
// graph 64/64 detected, 0 false, 61 right — 修订前的刑法第五十九条 (1997) linked 刑法 2020 as the oldest held, 法释〔2025〕1号第三条
// and 法释〔2020〕19号第二十二条 unresolved, 缔约程序法 not among the laws named; records 57/64 detected, 37 right + 18 not in force.
const s20 = readHeldout(HELDOUT_SET_S20);

describe('held-out citation set, session 20 (56 hand-labelled sentences, 19 of them an office’s)', () => {
  it('is the set the labels were written for: 37 sentences of laws no earlier set names, 19 with no citing law', () => {
    expect(s20).toHaveLength(56);
    expect(s20.filter((e) => !e.near)).toHaveLength(19);
    const earlier = new Set([...entries, ...s17, ...s18, ...s19].map((e) => e.src));
    expect(s20.filter((e) => e.near && earlier.has(e.src))).toEqual([]);
    expect(s20.filter((e) => e.near && !e.article)).toEqual([]);
  });

  it('as the link graph reads a law: 修订前的刑法 links no later version, a held 文号 (法释〔2025〕1号) its version', () => {
    const s = scoreHeldout(lib.store, s20, 'graph');
    console.log([...formatScore(s, s20.length), ...s.misses.map((m) => m.slice(0, 200))].join('\n'));
    expect(s.expected).toBe(64);
    expect(s.detected).toBe(64);
    expect(s.falseDetections).toBe(0);
    expect(s.wrongLinks).toBe(0);
    // the one miss: 法释〔2020〕19号第二十二条 — the corpus's copy of that interpretation does not carry its 文号
    expect(s.rightArticle).toBeGreaterThanOrEqual(s.detected - 1);
    expect(s.rightVersion).toBe(s.rightArticle);
    expect(s.lawsRight).toBe(s.lawsExpected);
  });

  it('as a record’s text is read: no citing article (前条 and 本条第X款 unread), nothing linked wrong', () => {
    const s = scoreHeldout(lib.store, s20, 'records');
    console.log([...formatScore(s, s20.length), ...s.misses.map((m) => m.slice(0, 200))].join('\n'));
    expect(s.detected).toBeGreaterThanOrEqual(57);
    expect(s.falseDetections).toBe(0);
    expect(s.wrongLinks).toBe(0);
    expect(s.rightArticle + s.notInForce).toBeGreaterThanOrEqual(s.detected - 1);
    expect(s.rightVersion).toBe(s.rightArticle);
    expect(s.lawsRight).toBe(s.lawsExpected);
  });
});

// Session 21: 40 sentences drawn by citation-heldout-pick.ts --seed 2121 under its wider rule (laws no test had read; their
// titles may be named elsewhere) and 17 written as a county office writes, read with no citing law; labelled before the
// detector was run on them. Scored first (HEAD 8016e89, whole corpus): graph 73/74 detected, 0 false, 73 right — the miss,
// 从事本条第一款、第二款 (本条 after 事 was read as 事前's 前); records 65/74 detected (本条/前条 unread by design), 49 right +
// 16 not in force.
const s21 = readHeldout(HELDOUT_SET_S21);

describe('held-out citation set, session 21 (57 hand-labelled sentences, 17 of them an office’s)', () => {
  it('is the set the labels were written for: 40 sentences of laws no earlier set drew from, 17 with no citing law', () => {
    expect(s21).toHaveLength(57);
    expect(s21.filter((e) => !e.near)).toHaveLength(17);
    const earlier = new Set([...entries, ...s17, ...s18, ...s19, ...s20].map((e) => e.src));
    expect(s21.filter((e) => e.near && earlier.has(e.src))).toEqual([]);
    expect(s21.filter((e) => e.near && !e.article)).toEqual([]);
  });

  it('as the link graph reads a law: 本条第一款 after any word (从事本条第一款), 同法/该法/该条例, ranges, 部门规章', () => {
    const s = scoreHeldout(lib.store, s21, 'graph');
    console.log([...formatScore(s, s21.length), ...s.misses.map((m) => m.slice(0, 200))].join('\n'));
    expect(s.expected).toBe(74);
    expect(s.detected).toBe(74);
    expect(s.falseDetections).toBe(0);
    expect(s.wrongLinks).toBe(0);
    expect(s.rightArticle).toBe(s.detected);
    expect(s.rightVersion).toBe(s.rightArticle);
    expect(s.lawsRight).toBe(s.lawsExpected);
  });

  it('as a record’s text is read: no citing article (前条 and 本条第X款 unread), nothing linked wrong', () => {
    const s = scoreHeldout(lib.store, s21, 'records');
    console.log([...formatScore(s, s21.length), ...s.misses.map((m) => m.slice(0, 200))].join('\n'));
    expect(s.detected).toBeGreaterThanOrEqual(65);
    expect(s.falseDetections).toBe(0);
    expect(s.wrongLinks).toBe(0);
    expect(s.rightArticle + s.notInForce).toBe(s.detected);
    expect(s.rightVersion).toBe(s.rightArticle);
    expect(s.lawsRight).toBe(s.lawsExpected);
  });
});

// Session 22: 38 sentences drawn by citation-heldout-pick.ts --seed 2222 (its same-law form widened to an anaphor after a cited
// law or article: 该条规定, 依照该法) and 15 written as a county office writes (该法/该规定/同条例/同法 range after one or two
// laws, 该条/同条第二款/各该条/前述第X条 for an article just cited, 该法 after a law the corpus lacks), read with no citing law;
// labelled before the detector was run on them. Scored first (HEAD 547461d, whole corpus): graph 68/68 detected, 0 false, 68
// right, 41/41 laws; records 62/68 detected (the 6 本条第X款 unread by design: no citing article), 48 right + 14 not in force.
const s22 = readHeldout(HELDOUT_SET_S22);

describe('held-out citation set, session 22 (53 hand-labelled sentences, 15 of them an office’s)', () => {
  it('is the set the labels were written for: 38 sentences of laws no earlier set drew from, 15 with no citing law', () => {
    expect(s22).toHaveLength(53);
    expect(s22.filter((e) => !e.near)).toHaveLength(15);
    const earlier = new Set([...entries, ...s17, ...s18, ...s19, ...s20, ...s21].map((e) => e.src));
    expect(s22.filter((e) => e.near && earlier.has(e.src))).toEqual([]);
    expect(s22.filter((e) => e.near && !e.article)).toEqual([]);
  });

  it('as the link graph reads a law: 该条/同条/各该条 add nothing, 该法 is the last 法 named, 同法 ranges', () => {
    const s = scoreHeldout(lib.store, s22, 'graph');
    console.log([...formatScore(s, s22.length), ...s.misses.map((m) => m.slice(0, 200))].join('\n'));
    expect(s.expected).toBe(68);
    expect(s.detected).toBe(68);
    expect(s.falseDetections).toBe(0);
    expect(s.wrongLinks).toBe(0);
    expect(s.rightArticle).toBe(s.detected);
    expect(s.rightVersion).toBe(s.rightArticle);
    expect(s.lawsRight).toBe(s.lawsExpected);
  });

  it('as a record’s text is read: no citing article (本条第X款 unread), nothing linked wrong', () => {
    const s = scoreHeldout(lib.store, s22, 'records');
    console.log([...formatScore(s, s22.length), ...s.misses.map((m) => m.slice(0, 200))].join('\n'));
    expect(s.detected).toBeGreaterThanOrEqual(62);
    expect(s.falseDetections).toBe(0);
    expect(s.wrongLinks).toBe(0);
    expect(s.rightArticle + s.notInForce).toBe(s.detected);
    expect(s.rightVersion).toBe(s.rightArticle);
    expect(s.lawsRight).toBe(s.lawsExpected);
  });
});

// Session 23: 36 sentences drawn by citation-heldout-pick.ts --seed 2323 and 23 written as a county 科学技术局 writes (第15条第2款,
// 第 十 条, a citation over a line break, 通知/意见/决定 that are no law, （2007年修订） before an old number, 同法/该法/上述条例,
// （以下简称《条例》）, 第二百一十九条之一, a draft's own 第一条 heading), labelled and committed before the detector was run on them.
// Scored first (HEAD 0bfc92d, whole corpus): graph 72/74 detected, 3 false, 70 right, 57/57 laws — 第\n四十五条 unread, 《…条例》\n第二十条
// and 上述条例第三条 unresolved, 第一条 (the draft's heading) read; 实施第一款规定行为 (a bare 款 of its own article) unread, and
// 该文件第六条 / 草案第八条 read as unresolved articles of a document (labelled none; the s19 set labels such a mention “?草案”).
const s23 = readHeldout(HELDOUT_SET_S23);

describe('held-out citation set, session 23 (59 hand-labelled sentences, 23 of them an office’s)', () => {
  it('is the set the labels were written for: 36 sentences of laws no earlier set drew from, 23 with no citing law', () => {
    expect(s23).toHaveLength(59);
    expect(s23.filter((e) => !e.near)).toHaveLength(23);
    const earlier = new Set([...entries, ...s17, ...s18, ...s19, ...s20, ...s21, ...s22].map((e) => e.src));
    expect(s23.filter((e) => e.near && earlier.has(e.src))).toEqual([]);
    expect(s23.filter((e) => e.near && !e.article)).toEqual([]);
  });

  it('as the link graph reads a law: a wrapped line, 上述条例 and Arabic numbers linked; a draft’s own heading no citation', () => {
    const s = scoreHeldout(lib.store, s23, 'graph');
    console.log([...formatScore(s, s23.length), ...s.misses.map((m) => m.slice(0, 200))].join('\n'));
    expect(s.expected).toBe(74);
    // U035 实施第一款规定行为 (a bare 款 of its own article) is read since session 24
    expect(s.detected).toBe(74);
    // 该文件第六条 and 草案第八条: articles of a document the library does not hold, unresolved
    expect(s.falseDetections).toBeLessThanOrEqual(2);
    expect(s.wrongLinks).toBe(0);
    expect(s.rightArticle).toBe(s.detected);
    expect(s.rightVersion).toBe(s.rightArticle);
    expect(s.lawsRight).toBe(s.lawsExpected);
  });

  it('as a record’s text is read: nothing linked wrong', () => {
    const s = scoreHeldout(lib.store, s23, 'records');
    console.log([...formatScore(s, s23.length), ...s.misses.map((m) => m.slice(0, 200))].join('\n'));
    expect(s.detected).toBeGreaterThanOrEqual(67);
    expect(s.falseDetections).toBeLessThanOrEqual(2);
    expect(s.wrongLinks).toBe(0);
    expect(s.rightArticle + s.notInForce).toBe(s.detected);
    expect(s.rightVersion).toBe(s.rightArticle);
    expect(s.lawsRight).toBe(s.lawsExpected);
  });
});

// Session 24: 15 sentences from corpus laws no earlier set drew from, each with its article and 款 (前款, 前两款, 前款第三项, a bare
// 第二款、第三款, 第十九条第三款和第四款), and 51 written as a county's 规范性文件, 合法性审查意见书, contracts and notices write them;
// labelled and committed before the detector was run on them. Scored first (HEAD 0c5814c, whole corpus): graph 79/92 detected, 0
// false, 79 right, 54/54 laws — the 13 misses all a 款 of the article the sentence stands in (前款, 前两款, 第二款、第三款), which no
// rule read; records 79/92 (those 13 unread by design: no citing article), 76 right + 3 not in force.
const s24 = readHeldout(HELDOUT_SET_S24);

describe('held-out citation set, session 24 (66 hand-labelled sentences, 51 of them an office’s)', () => {
  it('is the set the labels were written for: 15 sentences of laws no earlier set drew from, each with its 款; 51 with no citing law', () => {
    expect(s24).toHaveLength(66);
    expect(s24.filter((e) => !e.near)).toHaveLength(51);
    const earlier = new Set([...entries, ...s17, ...s18, ...s19, ...s20, ...s21, ...s22, ...s23].map((e) => e.src));
    expect(s24.filter((e) => e.near && earlier.has(e.src))).toEqual([]);
    expect(s24.filter((e) => e.near && (!e.article || !e.paragraph))).toEqual([]);
  });

  it('as the link graph reads a law: 前款, 前两款 and a bare 第二款 are 款 of the article they stand in', () => {
    const s = scoreHeldout(lib.store, s24, 'graph');
    console.log([...formatScore(s, s24.length), ...s.misses.map((m) => m.slice(0, 200))].join('\n'));
    expect(s.expected).toBe(92);
    expect(s.detected).toBe(92);
    // 该文件第三条 and 草案第十二条 are read and link nothing (labelled “?草案”)
    expect(s.falseDetections).toBe(0);
    expect(s.wrongLinks).toBe(0);
    expect(s.rightArticle).toBe(s.detected);
    expect(s.rightVersion).toBe(s.rightArticle);
    expect(s.lawsRight).toBe(s.lawsExpected);
  });

  it('as a record’s text is read: no citing article (前款 unread), nothing linked wrong', () => {
    const s = scoreHeldout(lib.store, s24, 'records');
    console.log([...formatScore(s, s24.length), ...s.misses.map((m) => m.slice(0, 200))].join('\n'));
    expect(s.detected).toBeGreaterThanOrEqual(79);
    expect(s.falseDetections).toBe(0);
    expect(s.wrongLinks).toBe(0);
    expect(s.rightArticle + s.notInForce).toBe(s.detected);
    expect(s.rightVersion).toBe(s.rightArticle);
    expect(s.lawsRight).toBe(s.lawsExpected);
  });
});

// Session 25: 26 sentences of corpus laws no earlier set drew from, with a 项 written without its 条 or 款 (or 该条第一款), and 41
// an office's. Scored first (HEAD 52ac396, the whole corpus): graph 73/83 detected, 0 false, 73 right — the 10 misses were all a
// bare 第（三）项; records 66/83, 66 right.
const s25 = readHeldout(HELDOUT_SET_S25);

describe('held-out citation set, session 25 (67 hand-labelled sentences, 41 of them an office’s)', () => {
  it('is the set the labels were written for: 26 sentences of laws no earlier set drew from, each with its 款; 41 with no citing law', () => {
    expect(s25).toHaveLength(67);
    expect(s25.filter((e) => !e.near)).toHaveLength(41);
    const earlier = new Set([...entries, ...s17, ...s18, ...s19, ...s20, ...s21, ...s22, ...s23, ...s24].map((e) => e.src));
    expect(s25.filter((e) => e.near && earlier.has(e.src))).toEqual([]);
    expect(s25.filter((e) => e.near && (!e.article || !e.paragraph))).toEqual([]);
  });

  it('as the link graph reads a law: a bare 第（三）项 is of the article cited before it, of its list’s lead-in or of its own list', () => {
    const s = scoreHeldout(lib.store, s25, 'graph');
    console.log([...formatScore(s, s25.length), ...s.misses.map((m) => m.slice(0, 200))].join('\n'));
    expect(s.expected).toBe(83);
    // the miss left: an item under a lead-in citing another article (依照刑法第三百六十三条第一款的规定…：（七）…第（一）项至第（六）项)
    // — read as no link, for such a lead-in's items are as often that article's (违反本条例第十六条有关规定…：（一）违反第二项规定的)
    expect(s.detected).toBeGreaterThanOrEqual(82);
    // 该文件第六条, 草案第八条 and 该条第二款 after 草案第八条 are read and link nothing (labelled “?草案”)
    expect(s.falseDetections).toBe(0);
    expect(s.wrongLinks).toBe(0);
    expect(s.rightArticle).toBe(s.detected);
    expect(s.rightVersion).toBe(s.rightArticle);
    expect(s.lawsRight).toBe(s.lawsExpected);
  });

  it('as a record’s text is read: no citing article (its own list unread), nothing linked wrong', () => {
    const s = scoreHeldout(lib.store, s25, 'records');
    console.log([...formatScore(s, s25.length), ...s.misses.map((m) => m.slice(0, 200))].join('\n'));
    expect(s.detected).toBeGreaterThanOrEqual(66);
    expect(s.falseDetections).toBe(0);
    expect(s.wrongLinks).toBe(0);
    expect(s.rightArticle + s.notInForce).toBe(s.detected);
    expect(s.rightVersion).toBe(s.rightArticle);
    expect(s.lawsRight).toBe(s.lawsExpected);
  });
});

// Session 26: 43 sentences of a review opinion on a draft (its title and article count given), 10 of its forms in a record,
// 4 corpus sentences with a second 项 after 或者/和, 5 ordinary forms in a record. Scored first (the whole corpus, before the change): 69/111
// right in both modes — every draft article unresolved, and 本办法第十一条 / 第十四条 after a held 《…办法》 linked to that 办法.
const s26 = readHeldout(HELDOUT_SET_S26);

describe('held-out citation set, session 26 (62 hand-labelled sentences, 43 of them in an opinion on a draft)', () => {
  it('is the set the labels were written for: 43 with a draft, 4 corpus sentences with their 款', () => {
    expect(s26).toHaveLength(62);
    expect(s26.filter((e) => e.where === 'opinion' && e.draft)).toHaveLength(43);
    expect(s26.filter((e) => e.near && (!e.article || !e.paragraph))).toEqual([]);
  });

  for (const mode of ['graph', 'records'] as const) {
    it(`read ${mode === 'graph' ? 'as the link graph reads' : 'as a record is read'}: 本办法/草案/该文件 第X条 in an opinion are the draft’s, in a record nothing; 该文件 after a notice nothing`, () => {
      const s = scoreHeldout(lib.store, s26, mode);
      console.log([...formatScore(s, s26.length), ...s.misses.map((m) => m.slice(0, 200))].join('\n'));
      expect(s.expected).toBe(111);
      expect(s.detected).toBe(111);
      expect(s.falseDetections).toBe(0);
      expect(s.wrongLinks).toBe(0);
      expect(s.rightArticle).toBe(s.detected);
      expect(s.rightVersion).toBe(s.rightArticle);
      expect(s.lawsRight).toBe(s.lawsExpected);
    });
  }
});

// Session 27: 42 sentences drawn by citation-heldout-pick.ts --seed 2727 --forms s27 (short 《》 names, （以下简称…）, 等法律法规,
// anaphors and 同法律, ranges into 项, 文号) from corpus laws no test had read, and 20 written as a county 科学技术局 writes; labelled
// and committed (ad2ace0f) before the detector was run on them. Scored first (the whole corpus, HEAD ad2ace0f): 37/38 right in both
// modes, 60/60 laws — 并按同法第四十四条 unresolved (同法 after a one-character verb).
const s27 = readHeldout(HELDOUT_SET_S27);

describe('held-out citation set, session 27 (62 hand-labelled sentences, 20 of them an office’s)', () => {
  it('is the set the labels were written for: 42 sentences of laws no earlier set drew from, one each; 20 with no citing law', () => {
    expect(s27).toHaveLength(62);
    expect(s27.filter((e) => !e.near)).toHaveLength(20);
    const corpus = s27.filter((e) => e.near);
    expect(new Set(corpus.map((e) => e.src)).size).toBe(42);
    const earlier = new Set([...entries, ...s17, ...s18, ...s19, ...s20, ...s21, ...s22, ...s23, ...s24, ...s25, ...s26].map((e) => e.src));
    expect(corpus.filter((e) => earlier.has(e.src) || !e.article)).toEqual([]);
  });

  for (const mode of ['graph', 'records'] as const) {
    it(`read ${mode === 'graph' ? 'as the link graph reads' : 'as a record is read'}: 并按同法 is the law just named; 同法律 (“with the law”), 上述规定 and 《外债登记证》 link nothing`, () => {
      const s = scoreHeldout(lib.store, s27, mode);
      console.log([...formatScore(s, s27.length), ...s.misses.map((m) => m.slice(0, 200))].join('\n'));
      expect(s.expected).toBe(38);
      expect(s.detected).toBe(38);
      expect(s.falseDetections).toBe(0);
      expect(s.wrongLinks).toBe(0);
      expect(s.rightArticle).toBe(s.detected);
      expect(s.rightVersion).toBe(s.rightArticle);
      expect(s.lawsRight).toBe(s.lawsExpected);
    });
  }
});

// Session 28: 20 sentences drawn by citation-heldout-pick.ts --seed 2828 --forms s28 (本条例第X条 in the 附则, 第X条第X款第X项, a
// short name the law defined articles above, 按照国家有关规定 — no citation) from corpus laws no test had read, and 41 written as a
// county 科学技术局's contracts, 规范性文件 and opinions write them; labelled and committed (cf6d145f) before the detector was run on
// them. Scored first (the whole corpus): 58/62 right in the graph — 第十\n八条 not found, a page footer inside 《…政府信\n第 2 页 共 4 页
// \n息公开条例》 and between 《…进步法》 and 第九十一条 unresolved, and 《省专利条例》 (the province left out) unresolved. Left:
// 《省专利条例》 — the detector does not know the office's province (one miss, both modes).
const s28 = readHeldout(HELDOUT_SET_S28);

describe('held-out citation set, session 28 (61 hand-labelled sentences, 41 of them an office’s)', () => {
  it('is the set the labels were written for: 20 sentences of laws no earlier set drew from, one each; 41 with no citing law', () => {
    expect(s28).toHaveLength(61);
    expect(s28.filter((e) => !e.near)).toHaveLength(41);
    const corpus = s28.filter((e) => e.near);
    expect(new Set(corpus.map((e) => e.src)).size).toBe(20);
    const earlier = new Set([...entries, ...s17, ...s18, ...s19, ...s20, ...s21, ...s22, ...s23, ...s24, ...s25, ...s26, ...s27].map((e) => e.src));
    expect(corpus.filter((e) => earlier.has(e.src) || !e.article)).toEqual([]);
  });

  for (const mode of ['graph', 'records'] as const) {
    it(`read ${mode === 'graph' ? 'as the link graph reads' : 'as a record is read'}: a number wrapped inside 第十\n八条 and a page footer inside a citation are read; （2010年修订） is that version; 合同法 and 按照国家有关规定 link nothing`, () => {
      const s = scoreHeldout(lib.store, s28, mode);
      console.log([...formatScore(s, s28.length), ...s.misses.map((m) => m.slice(0, 200))].join('\n'));
      expect(s.expected).toBe(63);
      expect(s.detected).toBe(63);
      expect(s.falseDetections).toBe(0);
      expect(s.wrongLinks).toBe(0);
      // records: 森林法第三十九条 in a 2011 text, older than the one version held, is reported 尚未施行 (by design)
      expect(s.rightArticle + s.notInForce).toBeGreaterThanOrEqual(s.detected - 1);
      expect(s.rightVersion).toBe(s.rightArticle);
      expect(s.lawsRight).toBeGreaterThanOrEqual(s.lawsExpected - 1);
      expect(s.misses.filter((m) => !m.startsWith('O020 '))).toEqual([]);
    });
  }
});
