// A local law's own text writing 《省优化营商环境条例》 or 本省…条例 means the province of the law that writes it, not the
// office's: 广东省科学技术普及条例 citing 《省优化营商环境条例》第十条 is 广东's 条例, 淄博市林木保护管理规定 citing it is 山东's —
// whichever office reads the library. An order with its place left out (省人民政府令第311号) is the text's place's
// government's, and an order that published several laws of the library names none of them (“请写明法规名称”).
// Real laws copied from the corpus (test/fixtures/links/citing-law-place); the two citing articles are rewritten in the
// test (the corpus has no law writing its place left out), and the 文号 the orders need are set as an adviser sets them in
// 编辑元数据: 国务院令第698号 is the 2018-03-19 decision that revised both 物业管理条例 and 土地调查条例 that day; the
// 山东 number (第311号) is made up, on a held 山东 law, to give the library one version published by such an order.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateVersionMeta } from '../../../electron/core/library/library-edit';
import { readLinkGraph, refreshLinks } from '../../../electron/core/links/link-graph';
import { writeOffice } from '../../../electron/core/office/office-file';
import { detectCitations } from '../../../electron/core/records/citation-detect';
import { lawsOfSession } from '../../../electron/core/records/session-laws';
import type { LawVersion } from '../../../electron/shared/law-model';
import { rewriteVersions } from '../version-rewrite';
import { makeLibrary, ROOT, type TestLibrary } from '../records/records-test-support';

let lib: TestLibrary;
const DATE = '2026-03-01';
const law = (title: string) => lib.store.laws().find((l) => l.title === title)!;
const titleOf = (lawId: string) => lib.store.law(lawId)!.title;

/** Appends `sentence` to article `key` of the law's only version, as the corpus would print it there. */
async function addToArticle(title: string, key: string, sentence: string): Promise<void> {
  const id = law(title).versionIds[0]!;
  await rewriteVersions(lib.store, [id], (body: LawVersion) => ({
    ...body,
    units: body.units.map((u) =>
      u.key === key ? { ...u, text: u.text + sentence, paragraphs: u.paragraphs.map((p, i) => (i === u.paragraphs.length - 1 ? { ...p, text: p.text + sentence } : p)) } : u,
    ),
  }));
}

beforeAll(async () => {
  lib = await makeLibrary({ lawsDir: join(ROOT, 'test/fixtures/links/citing-law-place'), now: new Date('2026-03-01T02:00:00Z') });
  await addToArticle('淄博市林木保护管理规定', '4', '依照《省优化营商环境条例》第十条、本省优化营商环境条例第二十条和《市物业管理条例》第二十条的规定做好服务。');
  await addToArticle('广东省科学技术普及条例', '3', '依照《省优化营商环境条例》第十条、本省优化营商环境条例第二十条的规定做好服务。');
  await addToArticle('土地调查条例', '3', '依照《省优化营商环境条例》第十条的规定做好服务。');
}, 60_000);
afterAll(() => lib?.cleanup());

describe('a place left out in a law’s own text is that law’s place', () => {
  it('the link graph links each citing law to its own province’s and city’s rule, whatever the office', async () => {
    // an office in a third place: the graph never reads it
    await writeOffice(lib.store, { unit: '海淀区科学技术委员会', region: '北京·海淀区' });
    await refreshLinks(lib.store, { full: true });
    const g = readLinkGraph(lib.store)!;
    const edgesOf = (title: string, key: string) =>
      g.entries[law(title).versionIds[0]!]!.edges.filter((e) => e[0] === key).map((e) => `${titleOf(e[1])} ${e[3]}`);
    expect(edgesOf('淄博市林木保护管理规定', '4')).toEqual(['山东省优化营商环境条例 10', '山东省优化营商环境条例 20', '淄博市物业管理条例 20']);
    expect(edgesOf('广东省科学技术普及条例', '3')).toEqual(['广东省优化营商环境条例 10', '广东省优化营商环境条例 20']);
    // a national law has no province to complete with
    expect(edgesOf('土地调查条例', '3')).toEqual([]);
  });

  it('the citing law’s region wins over the office’s; a national law’s text completes nothing', () => {
    const text = '依照《省优化营商环境条例》第十条的规定。';
    const read = (opts: { officeRegion?: string; lawRegion?: string }) =>
      detectCitations(lib.store, text, DATE, undefined, undefined, opts).mentions.map((m) => (m.citation ? titleOf(m.citation.lawId) : `${m.reasonKind} ${m.reason}`));
    expect(read({ officeRegion: '山东·淄博·高青县', lawRegion: '广东' })).toEqual(['广东省优化营商环境条例']);
    expect(read({ officeRegion: '广东·梅州·五华县', lawRegion: '山东·淄博' })).toEqual(['山东省优化营商环境条例']);
    expect(read({ officeRegion: '山东·淄博·高青县', lawRegion: '全国' })).toEqual(['law-missing 资料库中没有《省优化营商环境条例》']);
    expect(read({ lawRegion: '北京' })).toEqual(['law-missing 资料库中没有《省优化营商环境条例》']);
    expect(detectCitations(lib.store, '依照《市物业管理条例》第二十条', DATE, undefined, undefined, { lawRegion: '广东·梅州' }).mentions.map((m) => m.reason)).toEqual([
      '资料库中没有《梅州市物业管理条例》（按本法规所在市补全）',
    ]);
  });
});

describe('an order number', () => {
  it('省人民政府令第311号 is the version of the text’s province that carries it; another place’s order is never completed', async () => {
    await updateVersionMeta(lib.store, law('山东省优化营商环境条例').versionIds[0]!, { docNumber: '山东省人民政府令第311号' });
    const read = (text: string, officeRegion?: string) =>
      detectCitations(lib.store, text, DATE, undefined, undefined, officeRegion ? { officeRegion } : {}).mentions.map((m) =>
        m.citation ? `${titleOf(m.citation.lawId)} ${m.citation.label}` : `${m.reasonKind} ${m.reason}`,
      );
    expect(read('根据省人民政府令第311号第十条的规定', '山东·淄博·高青县')).toEqual(['山东省优化营商环境条例 第十条']);
    expect(read('根据省人民政府令第311号第十条的规定', '广东·梅州·五华县')).toEqual(['issuer-missing 资料库中没有“广东省人民政府令第311号”公布的法规（按单位所在省补全）']);
    expect(read('根据广东省人民政府令第311号第十条的规定', '山东·淄博·高青县')).toEqual(['issuer-missing 资料库中没有“广东省人民政府令第311号”公布的法规']);
    // no office known: nothing is guessed
    expect(read('根据省人民政府令第311号第十条的规定')).toEqual(['issuer-missing 资料库中没有“省人民政府令第311号”公布的法规']);
    // a 山东 law's text reads it as 山东's, for an office anywhere
    expect(detectCitations(lib.store, '根据省人民政府令第311号第十条的规定', DATE, undefined, undefined, { officeRegion: '广东·梅州·五华县', lawRegion: '山东·淄博' }).mentions.map((m) => m.citation?.label)).toEqual(['第十条']);
  });

  it('省政府令 and 市政府令 (政府 for 人民政府, as offices write them) are the same orders; a 规定 with no title says why', async () => {
    await updateVersionMeta(lib.store, law('山东省优化营商环境条例').versionIds[0]!, { docNumber: '山东省人民政府令第311号' });
    await updateVersionMeta(lib.store, law('淄博市物业管理条例').versionIds[0]!, { docNumber: '淄博市人民政府令第5号' });
    const read = (text: string, officeRegion = '山东·淄博·高青县') =>
      detectCitations(lib.store, text, DATE, undefined, undefined, { officeRegion }).mentions.map((m) =>
        m.citation ? `${titleOf(m.citation.lawId)} ${m.citation.label}` : `${m.reasonKind} ${m.reason}`,
      );
    for (const written of ['省政府令第311号', '山东省政府令第311号', '省政府第311号令', '（省政府令第311号）']) expect(read(`根据${written}第十条的规定`)).toEqual(['山东省优化营商环境条例 第十条']);
    expect(read('依照市政府令第5号第二十条')).toEqual(['淄博市物业管理条例 第二十条']);
    // another province's office: its own government's order, which the library lacks — said with the organ in full
    expect(read('根据省政府令第311号第十条的规定', '广东·梅州·五华县')).toEqual(['issuer-missing 资料库中没有“广东省人民政府令第311号”公布的法规（按单位所在省补全）']);
    // no title, no number: no law is looked for under the name 山东省人民政府规定
    expect(read('依照省人民政府规定第五条执行')).toEqual(['law-ambiguous “省人民政府规定”没有写明规定的名称，不知是哪一件规定：请写明其全称或文号']);
    expect(read('按照市政府有关规定第三条办理')).toEqual(['law-ambiguous “市政府有关规定”没有写明规定的名称，不知是哪一件规定：请写明其全称或文号']);
    await updateVersionMeta(lib.store, law('淄博市物业管理条例').versionIds[0]!, { docNumber: null });
  });

  it('an order that published several laws of the library names none, and says which', async () => {
    for (const t of ['物业管理条例', '土地调查条例']) await updateVersionMeta(lib.store, law(t).versionIds[0]!, { docNumber: '国务院令第698号' });
    const m = detectCitations(lib.store, '依照国务院令第698号第十条的规定', DATE).mentions;
    expect(m.map((x) => [x.status, x.reasonKind, x.reason])).toEqual([
      ['unresolved', 'law-ambiguous', '“国务院令第698号”公布了资料库中的 2 部法规（《土地调查条例》、《物业管理条例》），请写明法规名称'],
    ]);
    // one law of that order: its article, as before
    await updateVersionMeta(lib.store, law('土地调查条例').versionIds[0]!, { docNumber: null });
    expect(detectCitations(lib.store, '依照国务院令第698号第十条的规定', DATE).mentions.map((x) => x.citation && titleOf(x.citation.lawId))).toEqual(['物业管理条例']);
  });
});

describe('laws studied (年度报告) read the session’s topic with the office’s place', () => {
  it('学习《省优化营商环境条例》 is the office’s province’s 条例, in two provinces', async () => {
    const session = { laws: [], citations: [], topic: '集体学习《省优化营商环境条例》', date: DATE };
    await writeOffice(lib.store, { unit: '高青县科学技术局', region: '山东省淄博市高青县' });
    expect(lawsOfSession(lib.store, session).map((s) => s.lawId && titleOf(s.lawId))).toEqual(['山东省优化营商环境条例']);
    await writeOffice(lib.store, { unit: '五华县科学技术局', region: '广东·梅州·五华县' });
    expect(lawsOfSession(lib.store, session).map((s) => s.lawId && titleOf(s.lawId))).toEqual(['广东省优化营商环境条例']);
  });
});
