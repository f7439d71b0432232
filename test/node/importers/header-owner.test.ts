// A header that belongs to another law. The corpus's 山东省清洁生产促进条例 carries the 清洁生产促进法's history
// (２００２年…全国人民代表大会常务委员会…通过, in full-width digits), and its own history stands in brackets under it;
// before session 23 the library stored that law's issuer and dates as the 条例's. Real texts copied from
// ../shared/corpus (test/fixtures/documents/header-owner), cut after 第三条.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { guessMetadata } from '../../../electron/core/importers/document-metadata';
import { importPaths } from '../../../electron/core/library/library-import';
import { openLibrary } from '../../../electron/core/library/open-library';
import { foreignHeader } from '../../../electron/core/parse/header-owner';
import { parseLawText } from '../../../electron/core/parse/law-structure-parser';
import { ROOT } from '../links/links-test-support';

const DIR = join(ROOT, 'test/fixtures/documents/header-owner');
const QINGJIE = '山东省清洁生产促进条例(2020-11-27).md';
const CISHAN = '广州市慈善促进条例(2021-06-01).md';
const text = (file: string) => readFileSync(join(DIR, file), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'lawdesk-header-owner-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a header of another law', () => {
  it('is noticed by the parser, which keeps the history the text states under its title and says why', () => {
    const parsed = parseLawText(text(QINGJIE), { format: 'md' });
    expect(parsed.history.map((e) => `${e.date} ${e.kind}`)).toEqual(['2010-07-30 通过', '2020-11-27 修正']);
    expect(parsed.warnings.join('\n')).toMatch(/制定机关是全国性机关，而标题《山东省清洁生产促进条例》是山东的法规.*未采用其日期和制定机关，改用正文开头所载的制定历史/);
  });

  it('gives the metadata the 条例’s own issuer and date, not the 法’s', () => {
    const m = guessMetadata(text(QINGJIE));
    expect(m.issuer).toBe('山东省人民代表大会常务委员会');
    expect(m.published).toBe('2020-11-27');
  });

  it('is reported by the import with the file, and the version stores the 条例’s history', async () => {
    const { store } = await openLibrary({ dir: mkdtempSync(join(work, 'lib-')), seed: false });
    // no manifest: the dates come from the text alone
    const report = await importPaths(store, [join(DIR, QINGJIE)]);
    expect(report.imported).toBe(1);
    expect(report.warnings.find((w) => w.message.includes('另一部法规'))?.file).toContain(QINGJIE);
    const v = store.versions()[0]!;
    expect(v.issuer).toBe('山东省人民代表大会常务委员会');
    expect(v.published).toBe('2020-11-27');
    expect(v.history.map((e) => e.date)).toEqual(['2010-07-30', '2020-11-27']);
  });

  it('is not seen in a city’s regulation passed by the city and approved by its province', () => {
    const parsed = parseLawText(text(CISHAN), { format: 'md' });
    expect(parsed.warnings.join('\n')).not.toContain('另一部法规');
    expect(guessMetadata(text(CISHAN)).issuer).toBe('广州市人民代表大会常务委员会');
  });

  it('is told only for a place’s own law: national laws naming a place, renamed laws and batch decisions are left alone', () => {
    const ev = (t: string) => ({ date: '2020-01-01', text: t, kind: '通过' as const });
    const national = ev('第十三届全国人民代表大会常务委员会第二十九次会议通过');
    // a 法 is national whatever place it names; so is a 中华人民共和国… title
    expect(foreignHeader('海南自由贸易港法', [national])).toBeUndefined();
    expect(foreignHeader('中华人民共和国台湾同胞投资保护法实施细则', [ev('国务院令第274号公布')])).toBeUndefined();
    // the law's old title, in a 修改决定 of the same place
    expect(foreignHeader('上海市区和乡镇人民代表大会代表直接选举实施细则', [ev('上海市第十五届人民代表大会常务委员会第三十次会议《关于修改〈关于本市区、县及乡镇人民代表大会代表直接选举的实施细则〉的决定》修正')])).toBeUndefined();
    // another province's organ, or a decision amending a national 法
    expect(foreignHeader('山东省清洁生产促进条例', [ev('江苏省第十一届人民代表大会常务委员会第十八次会议通过')])).toMatch(/江苏的机关/);
    expect(foreignHeader('山东省清洁生产促进条例', [ev('山东省第十一届人民代表大会常务委员会第十八次会议通过'), ev('《关于修改〈中华人民共和国清洁生产促进法〉的决定》修正')])).toMatch(/修改的是《中华人民共和国清洁生产促进法》/);
  });
});
