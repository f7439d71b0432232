// Hostile DOCX against the streaming reader: each is refused with a reason, or read at a bounded cost.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unzipSync, zipSync } from 'fflate';
import { extractDocx } from '../../../electron/core/importers/docx-text-extractor';
import { ExtractError } from '../../../electron/core/importers/extracted-document';
import { FIXTURES, matchArticles } from './article-match';

const base = unzipSync(new Uint8Array(readFileSync(join(FIXTURES, 'juece-word-features.docx'))));
const text = (name: string) => new TextDecoder().decode(base[name]);
const enc = (s: string) => new TextEncoder().encode(s);

function docx(replace: Record<string, string>): Uint8Array {
  const files: Record<string, Uint8Array> = { ...base };
  for (const [k, v] of Object.entries(replace)) files[k] = enc(v);
  return zipSync(files);
}

async function refused(bytes: Uint8Array, pattern: RegExp): Promise<void> {
  const e = await extractDocx(bytes, 'hostile.docx').catch((err: unknown) => err);
  expect(e).toBeInstanceOf(ExtractError);
  expect((e as Error).message).toMatch(pattern);
}

const LAUGHS = '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">]>';
const XXE = '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>';
const from = (xml: string, tag: string) => xml.slice(xml.indexOf(`<${tag}`));

describe('hostile DOCX', () => {
  it('entity expansion (billion laughs) and external entities in document.xml are refused: a DOCTYPE is never in Word', async () => {
    const doc = from(text('word/document.xml'), 'w:document');
    await refused(docx({ 'word/document.xml': LAUGHS + doc.replace('为了健全', '&g;为了健全') }), /document\.xml.*DOCTYPE/);
    await refused(docx({ 'word/document.xml': XXE + doc.replace('为了健全', '&x;为了健全') }), /document\.xml.*DOCTYPE/);
  });

  it('entities in numbering.xml or styles.xml are never expanded', async () => {
    const numbering = from(text('word/numbering.xml'), 'w:numbering');
    await refused(docx({ 'word/numbering.xml': LAUGHS + numbering.replace('第%1条', '&g;第%1条') }), /numbering\.xml.*不是有效的 XML/);
    const styles = from(text('word/styles.xml'), 'w:styles');
    await refused(docx({ 'word/styles.xml': XXE + styles.replace('<w:style ', '<w:style w:x="&x;" ') }), /styles\.xml.*不是有效的 XML/);
  });

  it('5,000 nested content controls are refused as too deep', async () => {
    const doc = text('word/document.xml').replace('<w:body>', `<w:body>${'<w:sdt><w:sdtContent>'.repeat(5000)}`).replace('</w:body>', `${'</w:sdtContent></w:sdt>'.repeat(5000)}</w:body>`);
    await refused(docx({ 'word/document.xml': doc }), /嵌套超过/);
  });

  it('an entry whose name climbs out of the package is refused', async () => {
    await refused(zipSync({ ...base, '../../evil.xml': enc('<x/>') }), /指向包外的路径“\.\.\/\.\.\/evil\.xml”/);
  });

  it('a 200,000-character number text is not printed before every article; a basedOn loop ends', async () => {
    const numbering = text('word/numbering.xml').replace('第%1条', `第${'%1'.repeat(100_000)}条`);
    const loop = '<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="tiao"><w:basedOn w:val="b"/></w:style><w:style w:type="paragraph" w:styleId="b"><w:basedOn w:val="tiao"/></w:style></w:styles>';
    const doc = await extractDocx(docx({ 'word/numbering.xml': numbering, 'word/styles.xml': loop }), 'x.docx');
    expect(doc.text.length).toBeLessThan(20_000);
    // the numbered articles lost their labels (the crafted level is ignored), the items kept theirs
    expect(matchArticles('juece.md', doc.text).matched).toBe(0);
    expect(doc.text).toContain('(一)制定有关公共服务');
  });
});
