// A law's name found as the end of a longer, shortened title is not that law: 调解仲裁法第四十七条
// (劳动争议调解仲裁法, as the corpus's 司法解释 write it) was linked to 仲裁法第四十七条. Laws copied from the
// corpus into test/fixtures/links/longer-titles: one/ (仲裁法, 劳动争议调解仲裁法), two/ (农村土地承包经营纠纷
// 调解仲裁法, a second law ending so), cities/ (物业管理条例 and 淄博市物业管理条例).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectCitations } from '../../../electron/core/records/citation-detect';
import { ROOT, makeLinkLibrary, type LinkLibrary } from './links-test-support';

const DIR = join(ROOT, 'test/fixtures/links/longer-titles');
let one: LinkLibrary;
let both: LinkLibrary;
let cities: LinkLibrary;
beforeAll(async () => {
  one = await makeLinkLibrary([join(DIR, 'one')]);
  both = await makeLinkLibrary([join(DIR, 'one'), join(DIR, 'two')]);
  cities = await makeLinkLibrary([join(DIR, 'cities')]);
}, 60_000);
afterAll(() => [one, both, cities].forEach((l) => l.cleanup()));

/** Each mention as "law title + label", or ✗label（reason）. */
function found(lib: LinkLibrary, text: string): string[] {
  return detectCitations(lib.store, text, '2024-01-01').mentions.map((m) =>
    m.citation ? `${lib.store.law(m.citation.lawId)!.title} ${m.citation.label}` : `✗${m.label}（${m.reason}）`,
  );
}

describe('a name at the end of a longer shortened title', () => {
  it('is the one law whose title ends so, and the name alone is still itself', () => {
    expect(found(one, '用人单位依据调解仲裁法第四十七条的规定申请撤销仲裁裁决。')).toEqual(['中华人民共和国劳动争议调解仲裁法 第四十七条']);
    expect(found(one, '依照仲裁法第十条设立仲裁委员会，并依照劳动争议调解仲裁法第五条申请仲裁。')).toEqual([
      '中华人民共和国仲裁法 第十条',
      '中华人民共和国劳动争议调解仲裁法 第五条',
    ]);
  });

  it('is no link when two laws end so (rather than the wrong one), and the message names it without the verb', () => {
    const [m] = found(both, '当事人依据调解仲裁法第四十七条的规定申请仲裁。');
    expect(m).toMatch(/^✗第四十七条/);
    expect(m).toContain('“调解仲裁法”');
    expect(found(both, '依照农村土地承包经营纠纷调解仲裁法第四十七条')).toEqual(['中华人民共和国农村土地承包经营纠纷调解仲裁法 第四十七条']);
  });

  it('is no link when it ends a corpus title the library lacks (社会保险法 in a library that holds 仲裁法 but not it)', () => {
    // the same shape as 社会保险法 and 保险法: a whole corpus title (law-longer-titles.ts) ending with a held one
    const [m] = found(one, '依照农村土地承包经营纠纷调解仲裁法第四十七条的规定。');
    expect(m).toMatch(/^✗第四十七条/);
    expect(m).toContain('“农村土地承包经营纠纷调解仲裁法”');
  });

  it('is no link for another city’s regulation the library does not hold, neither the national one nor a held city’s', () => {
    const [m] = found(cities, '依照上海市物业管理条例第十条的规定。');
    expect(m).toMatch(/^✗第十条/);
    expect(m).toContain('“上海市物业管理条例”');
    expect(found(cities, '依照物业管理条例第十条的规定。')).toEqual(['物业管理条例 第十条']);
    expect(found(cities, '依照淄博市物业管理条例第十条的规定。')).toEqual(['淄博市物业管理条例 第十条']);
  });
});
