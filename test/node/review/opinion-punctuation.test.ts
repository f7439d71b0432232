// A 合法性审查意见书 printed by LibreOffice lost the 。/；/： ending some justified lines (a line of exactly
// 28 condensed characters: …的行政处罚 and no 。): LibreOffice hung it past the margin and did not paint
// it. The DOCX now says punctuation may hang (w:overflowPunct in the default paragraph properties),
// and LibreOffice carries it to the next line. Checked on a real export where soffice is installed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { withOverflowPunct } from '../../../electron/core/packs/render-docx';
import { docxToPdf, hasCommand } from '../page-pictures';
import { makeDraftReview } from './review-test-support';

const work = mkdtempSync(join(tmpdir(), 'lawdesk-opinion-punct-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const PUNCT = /[。；：]/g;
const count = (text: string) => (text.match(PUNCT) ?? []).length;

describe('the 意见书’s line-end punctuation', () => {
  it('the default paragraph properties let punctuation hang, once, in schema order', () => {
    const styles = '<w:docDefaults><w:rPrDefault><w:rPr/></w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl w:val="false"/><w:spacing w:line="579"/></w:pPr></w:pPrDefault></w:docDefaults>';
    const out = withOverflowPunct(styles);
    expect(out).toContain('<w:widowControl w:val="false"/><w:overflowPunct w:val="1"/><w:spacing');
    expect(withOverflowPunct(out)).toBe(out);
    expect(withOverflowPunct('<w:docDefaults><w:rPrDefault/></w:docDefaults>')).toContain('<w:pPrDefault><w:pPr><w:overflowPunct w:val="1"/></w:pPr></w:pPrDefault>');
  });

  it.skipIf(!hasCommand('soffice') || !hasCommand('pdftotext'))('LibreOffice’s PDF keeps every 。；： the DOCX has', { timeout: 300_000 }, async () => {
    const { lib, wb, reviewId } = await makeDraftReview('heldout16-project-funds.md');
    try {
      const r = await wb.run(reviewId);
      for (const f of r.findings) await wb.accept(reviewId, f.id);
      await lib.svc.updateReview(reviewId, { conclusion: '修改后合法', opinion: { text: '建议按修改建议对照表修改后提请县政府常务会议审议。', adviser: '李明', adviserRole: '法律顾问' } });
      const file = join(work, '意见书.docx');
      await wb.exportOpinion(reviewId, file, { office: '高青县科学技术局', numberPrefix: '高科审', date: '2026-03-05' });
      const files = unzipSync(readFileSync(file));
      expect(strFromU8(files['word/styles.xml']!)).toContain('<w:overflowPunct w:val="1"/>');
      const docxText = Object.keys(files)
        .filter((n) => /^word\/(?:document|footer\d*|header\d*)\.xml$/.test(n))
        .map((n) => [...strFromU8(files[n]!).matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
        .join('');
      const pdf = docxToPdf(file, work, join(work, 'lo-profile'));
      const pdfText = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
      expect(count(docxText)).toBeGreaterThan(100);
      expect(count(pdfText)).toBe(count(docxText));
    } finally {
      lib.cleanup();
    }
  });
});
