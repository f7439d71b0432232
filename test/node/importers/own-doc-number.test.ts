// A 司法解释's own 文号 stands on a line of its own under its repeated title, after the Markdown header
// (法释〔2023〕7号); its preamble and articles cite other documents' numbers (《…的解释》（法释〔2016〕29号）同时废止)
// that are never its own. Real texts copied from ../shared/corpus (test/fixtures/documents/own-numbers: five
// 司法解释 and a 国务院 规定 whose first paragraph cites the 国发 number of the rules it replaces).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findDocNumber, guessMetadata } from '../../../electron/core/importers/document-metadata';
import { refreshLinks } from '../../../electron/core/links/link-graph';
import { LibraryTargetResolver } from '../../../electron/core/links/link-resolver';
import { detectCitations } from '../../../electron/core/records/citation-detect';
import { ROOT, makeLinkLibrary, type LinkLibrary } from '../links/links-test-support';

const DIR = join(ROOT, 'test/fixtures/documents/own-numbers');
const numberOf = (file: string) => guessMetadata(readFileSync(join(DIR, file), 'utf8')).docNumber;

describe('the document’s own 文号, not a number it cites', () => {
  it('the number line under the repeated title (zero-width lines between), though the last article cites the replaced 法释', () => {
    expect(numberOf('最高人民法院、最高人民检察院关于办理环境污染刑事案件适用法律若干问题的解释(2023-08-08).md')).toBe('法释〔2023〕7号');
    expect(numberOf('最高人民法院关于审理涉彩礼纠纷案件适用法律若干问题的规定(2024-01-17).md')).toBe('法释〔2024〕1号');
    expect(numberOf('最高人民法院、最高人民检察院关于办理袭警刑事案件适用法律若干问题的解释(2025-01-15).md')).toBe('高检发释字〔2025〕1号');
  });

  it('a preamble citing 《…》（法释〔2008〕5号…） or (国发〔1993〕21号) gives no number', () => {
    expect(numberOf('关于审理非法行医刑事案件具体应用法律若干问题的解释(2016-12-16).md')).toBeUndefined();
    expect(numberOf('国务院关于国家行政机关和企业事业单位社会团体印章管理的规定(1999-10-31).md')).toBeUndefined();
    expect(findDocNumber('依照《中华人民共和国城市房地产管理法》（国务院令第88号）的规定')).toBeUndefined();
  });

  it('the 发布 line’s number without the organ that used it: 最高人民法院以法发〔1993〕15号通知印发', () => {
    expect(numberOf('最高人民法院关于审理名誉权案件若干问题的解答(1993-08-07).md')).toBe('法发〔1993〕15号');
  });
});

describe('a citation by number links to the interpretation that carries it', () => {
  let lib: LinkLibrary;
  beforeAll(async () => {
    lib = await makeLinkLibrary([DIR]);
    await refreshLinks(lib.store);
  }, 60_000);
  afterAll(() => lib?.cleanup());
  const read = (text: string) => detectCitations(lib.store, text, '2025-03-01', undefined, new LibraryTargetResolver(lib.store)).mentions;

  it('法释〔2024〕1号第二条 is the 彩礼 规定; 法释〔2016〕29号 (cited by the 2023 环境污染 解释) links nothing', () => {
    const [m] = read('依照法释〔2024〕1号第二条的规定，一方以彩礼为名借婚姻索取财物的，不予支持。');
    expect([m?.label, lib.store.version(m?.target?.versionId ?? '')?.title]).toEqual(['第二条', '最高人民法院关于审理涉彩礼纠纷案件适用法律若干问题的规定']);
    const [cited] = read('依照法释〔2016〕29号第一条的规定');
    expect(cited?.target).toBeUndefined();
  });
});
