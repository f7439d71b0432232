// A 送审稿 citing a law the library lacks gets one finding for that law, wherever and however the draft cites it: named
// bare in 第二条 and by article in 第五条, in either order, by article in several places, with or without 中华人民共和国,
// with its place left out (《市物业管理条例》 for an office in 梅州) or without 书名号 once named with them. The finding lists
// every article citing it, and each of those citations points at it. Real laws (test/fixtures/records/place-left-out);
// the missing laws are ones that fixture does not hold (科学技术进步法, 梅州市物业管理条例).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precheck } from '../../../electron/core/review/precheck';
import { loadRuleSet } from '../../../electron/core/review/review-rules';
import type { Article } from '../../../electron/shared/law-model';
import { FIXTURES, makeLibrary, type TestLibrary } from '../records/records-test-support';
import { RULES } from './review-test-support';

let lib: TestLibrary;
beforeAll(async () => {
  lib = await makeLibrary({ lawsDir: join(FIXTURES, 'place-left-out'), now: new Date('2026-03-01T02:00:00Z') });
});
afterAll(() => lib?.cleanup());

const NUMBERS = ['一', '二', '三', '四', '五', '六'];
/** A draft of one article per text, 第一条 … in order. */
function draft(texts: string[]): Article[] {
  return texts.map((text, i) => ({ key: String(i + 1), kind: 'article' as const, number: i + 1, suffix: 0, label: `第${NUMBERS[i]}条`, path: [], paragraphs: [], text }));
}

function check(texts: string[], region = '广东·梅州·五华县') {
  const r = precheck(lib.store, { title: '五华县科技服务办法', units: draft(texts), kind: '规范性文件', asOf: '2026-03-01' }, { rules: loadRuleSet(RULES), region });
  const missing = r.findings.filter((f) => f.rule === 'citation-law-missing');
  return { missing, pointing: (id: string) => r.citations.filter((c) => c.findingId === id).map((c) => [c.article?.label, c.text]) };
}

const FILLER = '县科学技术局负责本行政区域内的科技服务工作。';

describe('a law the library lacks is one finding wherever the draft cites it', () => {
  it('named bare in 第二条, by article in 第五条: one finding naming both, the article cited listed', () => {
    const { missing, pointing } = check([FILLER, '根据《中华人民共和国科学技术进步法》，制定本办法。', FILLER, FILLER, '科技服务机构依照《科学技术进步法》第十条的规定开展服务。']);
    expect(missing).toHaveLength(1);
    expect(missing[0]!.article?.label).toBe('第二条');
    expect(missing[0]!.reason).toContain('送审稿第二条、第五条（所引第十条）均引用该法规。');
    expect(pointing(missing[0]!.id)).toEqual([
      ['第二条', '《中华人民共和国科学技术进步法》'],
      ['第五条', '《科学技术进步法》第十条'],
    ]);
  });

  it('the other order, and articles in several places: still one, every place listed', () => {
    const { missing, pointing } = check([
      '依照《科学技术进步法》第十条和第十二条的规定，制定本办法。',
      FILLER,
      '科技服务机构应当遵守《科学技术进步法》。',
      '违反本办法的，依照《科学技术进步法》第一百一十二条处理。',
    ]);
    expect(missing).toHaveLength(1);
    expect(missing[0]!.article?.label).toBe('第一条');
    expect(missing[0]!.reason).toContain('送审稿第一条（所引第十条、第十二条）、第三条、第四条（所引第一百一十二条）均引用该法规。');
    expect(pointing(missing[0]!.id).map((p) => p[0])).toEqual(['第一条', '第一条', '第三条', '第四条']);
  });

  it('one article citing it once keeps the finding as it was (no list)', () => {
    const { missing } = check([FILLER, '科技服务机构依照《科学技术进步法》第十条的规定开展服务。']);
    expect(missing).toHaveLength(1);
    expect(missing[0]!.reason).not.toContain('均引用该法规');
  });

  it('a place left out and completed, and a name written without 书名号 after it was named with them, are the same law', () => {
    const { missing, pointing } = check(['根据《市物业管理条例》，结合本县实际，制定本办法。', FILLER, '物业服务企业违反市物业管理条例第二十条的，依法处理。']);
    expect(missing).toHaveLength(1);
    expect(missing[0]!.hint).toContain('梅州市物业管理条例');
    expect(missing[0]!.reason).toContain('送审稿第一条、第三条（所引第二十条）均引用该法规。');
    expect(pointing(missing[0]!.id).map((p) => p[0])).toEqual(['第一条', '第三条']);
    // 科学技术进步法 without 书名号 after 《科学技术进步法》 was named: that law, not “some other document”
    const bare = check(['根据《科学技术进步法》，制定本办法。', '依照科学技术进步法第十条开展服务。']);
    expect(bare.missing).toHaveLength(1);
    expect(bare.pointing(bare.missing[0]!.id).map((p) => p[0])).toEqual(['第一条', '第二条']);
  });

  it('two different missing laws stay two findings', () => {
    const { missing } = check(['根据《科学技术进步法》和《科学技术普及法》，制定本办法。', '依照《科学技术普及法》第十条开展科普。']);
    expect(missing.map((f) => f.excerpt)).toEqual(['《科学技术进步法》', '《科学技术普及法》']);
  });
});
