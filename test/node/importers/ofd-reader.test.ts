// The OFD reader on real files written by other software (ofdrw's test resources) and on packages
// that try to escape or blow up; the generated law OFD is checked article by article in
// test/node/core/import-formats.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { expandDeltas, extractOfd } from '../../../electron/core/importers/ofd-text-extractor';
import { detectFormat } from '../../../electron/core/importers/extract-document';

const SAMPLES = join(import.meta.dirname, '../../fixtures/documents/ofd-samples');
const read = (name: string) => readFileSync(join(SAMPLES, name));
const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"';

function pkg(files: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
}
const ofdXml = `<ofd:OFD ${NS} Version="1.1" DocType="OFD"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`;
const docXml = (loc: string) => `<ofd:Document ${NS}><ofd:Pages><ofd:Page ID="1" BaseLoc="${loc}"/></ofd:Pages></ofd:Document>`;

describe('OFD reader', () => {
  it('expands the "g N d" DeltaX shorthand among plain numbers', () => {
    expect(expandDeltas('g 3 5.6 1 g 2 2.5')).toEqual([5.6, 5.6, 5.6, 1, 2.5, 2.5]);
    expect(expandDeltas('5 5\n5')).toEqual([5, 5, 5]);
    expect(expandDeltas(undefined)).toEqual([]);
  });

  it('reads a page laid out by ofdrw into paragraphs', () => {
    const doc = extractOfd(read('拿来主义_page6.ofd'), '拿来主义_page6.ofd');
    const paras = doc.text.split('\n');
    expect(paras.slice(0, 2)).toEqual(['拿来主义', '鲁迅']);
    // A paragraph wrapped over lines comes back whole: "…自" + "从给枪炮打破了大门之后…".
    expect(paras[2]).toMatch(/^中国一向是所谓“闭关主义”，自己不去，别人也不许来。自从给枪炮打破了大门之后，又碰了一串钉子/);
    expect(doc.format).toBe('ofd');
  });

  it('reads text inside a PageBlock', () => {
    expect(extractOfd(read('helloworld_with_pageblock.ofd'), 'h.ofd').text).toBe('你好呀，OFD Reader&Writer！\n');
  });

  it('reads a 红头文件 written by a commercial OFD writer: 文号, body paragraphs, no page numbers', () => {
    const doc = extractOfd(read('n.ofd'), 'n.ofd');
    const paras = doc.text.split('\n');
    expect(paras).toContain('路卫发〔2011〕76号');
    expect(paras).toContain('你院《关于给张阿三同志辞职的请示》（路中医发〔2011〕10号）收悉。');
    expect(paras.some((p) => p.startsWith('该同志由于家庭、籍贯等原因') && p.endsWith('同意张阿三同志辞职。'))).toBe(true);
    expect(doc.warnings.join()).toMatch(/已去除页码/);
  });

  it('refuses a package with pages of vector paths only, saying it has no text', () => {
    expect(() => extractOfd(read('Page5.ofd'), 'Page5.ofd')).toThrow('OFD 文件中没有文字，共 5 页');
  });

  it('refuses a page reference that climbs out of the package', () => {
    const bytes = pkg({ 'OFD.xml': ofdXml, 'Doc_0/Document.xml': docXml('../../../etc/Content.xml') });
    expect(() => extractOfd(bytes, 'x.ofd')).toThrow(/引用了包外的路径“\.\.\/\.\.\/\.\.\/etc\/Content\.xml”/);
  });

  it('refuses a zip without OFD.xml and a page that is not XML', () => {
    expect(() => extractOfd(pkg({ 'a.txt': 'x' }), 'x.ofd')).toThrow(/缺少 OFD\.xml/);
    const bytes = pkg({ 'OFD.xml': ofdXml, 'Doc_0/Document.xml': docXml('Pages/Page_0/Content.xml'), 'Doc_0/Pages/Page_0/Content.xml': '<ofd:Page><oops' });
    expect(() => extractOfd(bytes, 'x.ofd')).toThrow(/Content\.xml 不是有效的 XML/);
  });

  it('is detected by its OFD.xml even under another extension', () => {
    expect(detectFormat(read('n.ofd'), '公文.zip')).toBe('ofd');
    expect(detectFormat(read('n.ofd'), '公文.ofd')).toBe('ofd');
  });
});
