// A law named after a list of 款/项 (前款第（三）项和物业管理条例第二十条, 第五条第（三）项、（四）项和淄博市物业管理条例…): the name is the
// law's alone — the list's 项和 / 和 is no part of it (session 32). What an unresolved mention says and seeks (the key an import
// of that law links by, link-graph `missing`) is read from this name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectCitations } from '../../../electron/core/records/citation-detect';
import { makeReviewLibrary, type ReviewLibrary } from '../review/review-test-support';

let lib: ReviewLibrary;
beforeAll(async () => {
  lib = await makeReviewLibrary();
});
afterAll(() => lib?.cleanup());

/** The unresolved mention of the law the library lacks: its name as read, and what it seeks. */
const named = (text: string) => {
  const m = detectCitations(lib.store, text, '2026-03-01').mentions.filter((x) => x.label === '第二十条');
  expect(m).toHaveLength(1);
  return [m[0]!.lawText, m[0]!.reason, m[0]!.sought];
};

describe('a name after a list of 款 and 项', () => {
  it('after a bracketed item: 前款第（三）项和 / 及', () => {
    expect(named('有前款第（三）项和物业管理条例第二十条规定情形的，依法处理。')).toEqual(['物业管理条例', '“物业管理条例”不是资料库中的法规', '物业管理条例']);
    expect(named('有前款第（三）项及淄博市物业管理条例第二十条规定情形的，依法处理。')[0]).toBe('淄博市物业管理条例');
  });

  it('after an item list whose later items drop their 第, and when the eight characters kept begin at the list word', () => {
    expect(named('有本规定第五条第（三）项、（四）项和淄博市物业管理条例第二十条规定情形的，依法处理。')[0]).toBe('淄博市物业管理条例');
    expect(named('有本规定第五条第三项和淄博市物业管理条例第二十条规定情形的，依法处理。')[0]).toBe('淄博市物业管理条例');
  });

  it('a name that begins with a list word is kept whole where no article precedes it', () => {
    // 和 here is no list: nothing cited before it
    expect(named('依照和平区物业管理条例第二十条的规定处理。')[0]).toBe('和平区物业管理条例');
  });
});
