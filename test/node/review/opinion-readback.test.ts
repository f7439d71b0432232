// The 合法性审查意见书 read back from the DOCX the office sends, against what the model says it holds
// (GB/T 9704 and the template): 发文字号, title, 主送, the parts 一、 to 四、 and the 要点 （一） to （三） in
// order and without gaps, 审查依据 numbered 1. 2. … , every date in words, the 附件说明 then the 落款 (unit,
// 法律顾问, date), then each 附件 on a page of its own in the order the 附件说明 lists them, and the pages
// numbered “— N —” without a gap — the last through LibreOffice's pages of the same file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect } from 'vitest';
import { chineseDate } from '../../../electron/shared/chinese-date';
import { toChineseNumber } from '../../../electron/shared/chinese-number';
import { docxText } from '../packs/pack-test-support';
import { docxToPdf } from '../page-pictures';
import { draftReviewTest } from './review-test-support';

const out = mkdtempSync(join(tmpdir(), 'opinion-readback-'));
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const it = draftReviewTest('planted-innovation-voucher.md', {
  materials: [{ name: '文件送审稿', provided: true }, { name: '起草说明', provided: true }],
  procedures: [{ check: '公众参与', applicable: true, done: true, date: '2026-01-05', endDate: '2026-01-20' }],
});
const DATE = '2026-03-06';

/** The DOCX's paragraphs as a reader meets them (mammoth: one paragraph, or table cell, a block). */
const paragraphs = async (file: string) =>
  (await docxText(readFileSync(file)))
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);

/** Index of the first paragraph at or after `from` that starts with `text`; -1 if none. */
const at = (ps: string[], text: string, from = 0) => {
  const i = ps.slice(from).findIndex((p) => p.startsWith(text));
  return i < 0 ? -1 : i + from;
};

describe('the 意见书 read back from its DOCX', () => {
  it('holds the model’s parts in order, numbered without gaps, dates in words, the 附件 after the 落款', async ({ lib, wb, reviewId }) => {
    const { findings } = await wb.run(reviewId, { panel: false });
    for (const f of findings) await wb.accept(reviewId, f.id);
    await lib.svc.updateReview(reviewId, { conclusion: '修改后合法', opinion: { text: '', adviser: '李明', adviserRole: '法律顾问' } });
    const review = await lib.svc.getReview(reviewId);
    const file = join(out, '意见书.docx');
    await wb.exportOpinion(reviewId, file, { office: '高青县科学技术局', numberPrefix: '高科审', date: DATE, quotes: 'annex' });
    const doc = await wb.opinionDocument(reviewId, { office: '高青县科学技术局', numberPrefix: '高科审', date: DATE, quotes: 'annex' });
    const ps = await paragraphs(file);

    // 发文字号 first, then the title, then the 主送 (the unit that sent the draft)
    expect(ps[0]).toBe(doc.official!.number);
    expect(ps[0]).toMatch(/^高科审〔2026〕\d+号$/);
    expect(ps.slice(1, 3).join('')).toContain(`关于《${review.title}`);
    const salutation = at(ps, `${review.leadUnit}：`);
    expect(salutation).toBeGreaterThan(0);
    expect(ps[salutation + 1]).toContain(`你单位于${chineseDate(review.receivedDate)}报送的`);

    // the parts 一、 to 四、 in order, each once; the 要点 （一） to （三） under 三、
    const parts = doc.sections.filter((s) => /^[一二三四五六七八九十]+、/.test(s.heading)).map((s) => s.heading);
    expect(parts.map((h) => h.split('、')[0])).toEqual(parts.map((_, i) => toChineseNumber(i + 1)));
    let last = salutation;
    for (const h of parts) {
      const i = at(ps, h, last + 1);
      expect(i, h).toBeGreaterThan(last);
      expect(ps.filter((p) => p === h), h).toHaveLength(1);
      last = i;
    }
    const opinionAt = at(ps, parts[2]!);
    const points = ps.slice(opinionAt, at(ps, parts[3]!)).filter((p) => /^（[一二三四五六七八九十]+）/.test(p));
    expect(points.map((p) => /^（(.+?)）/.exec(p)![1])).toEqual(['一', '二', '三']);

    // 审查依据 numbered 1. 2. … without a gap, one line per law or document
    const bases = ps.slice(at(ps, parts[0]!) + 1, at(ps, parts[1]!));
    expect(bases.length).toBeGreaterThan(1);
    bases.forEach((b, i) => expect(b.startsWith(`${i + 1}. `), b).toBe(true));

    // every date in words (2026年3月6日), none as 2026-03-06
    expect(ps.join('\n')).not.toMatch(/\d{4}-\d{1,2}-\d{1,2}/);

    // the 附件说明 after the text, then the 落款: unit, 法律顾问, date — then 附件1 and 附件2 in the order listed
    const note = at(ps, '附件：1. ');
    expect(note).toBeGreaterThan(at(ps, parts[3]!));
    const listed = [ps[note]!.replace(/^附件：1\.\s*/, ''), ps[note + 1]!.replace(/^2\.\s*/, '')];
    expect(listed).toEqual(['修改建议对照表', '引用条文原文']);
    const unit = at(ps, '高青县科学技术局', note + 2);
    expect(ps.slice(unit, unit + 3)).toEqual(['高青县科学技术局', '法律顾问：李明', chineseDate(DATE)]);
    const annex1 = at(ps, '附件1', unit + 3);
    expect(annex1).toBe(unit + 3);
    expect(ps[annex1 + 1]).toBe(listed[0]);
    const annex2 = at(ps, '附件2', annex1 + 2);
    expect(annex2).toBeGreaterThan(annex1);
    expect(ps[annex2 + 1]).toBe(listed[1]);
    // the 对照表 one row per article of the draft, numbered 1, 2, … (its cells are paragraphs here)
    const rows = doc.sections.find((s) => s.heading.includes('修改建议对照表'))!.blocks.find((b) => b.kind === 'table')!;
    if (rows.kind === 'table') expect(rows.rows.map((r) => r[0])).toEqual(rows.rows.map((_, i) => String(i + 1)));
    // each law quoted in 附件2 is named once there, with its version's date
    const heads = ps.slice(annex2 + 2).filter((p) => /^《[^》]+》（\d{4}年\d{1,2}月\d{1,2}日(?:修正|修订|公布|起施行)）$/.test(p));
    expect(heads.length).toBeGreaterThan(0);
    expect(new Set(heads).size).toBe(heads.length);

    // page numbers: 4号 “— N —” in the footers (GB/T 9704 7.5), odd pages right, even pages left
    const zip = unzipSync(readFileSync(file));
    const footers = Object.keys(zip).filter((k) => /^word\/footer\d*\.xml$/.test(k)).map((k) => strFromU8(zip[k]!));
    expect(footers.length).toBe(2);
    for (const f of footers) {
      expect(f.replace(/<[^>]+>/g, '')).toMatch(/^— .*PAGE.* —$|^— +—$/s);
      expect(f).toMatch(/PAGE/);
    }
  });

  it.skipIf(!has('soffice') || !has('pdftotext'))('through LibreOffice: each 附件 opens a page, and the pages are numbered — 1 — to — N — without a gap', () => {
    const pdf = docxToPdf(join(out, '意见书.docx'), join(out, 'lo'), join(out, 'lo-profile'));
    const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
    const pages = text.split('\f').filter((p) => p.trim());
    const lines = (p: string) => p.split('\n').map((l) => l.replace(/\s+/g, '')).filter(Boolean);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    // the last line of each page is its number
    expect(pages.map((p) => lines(p).at(-1))).toEqual(pages.map((_, i) => `—${i + 1}—`));
    // 附件1 and 附件2 each the first line of a page, after the page holding the 落款
    const opens = (label: string) => pages.findIndex((p) => lines(p)[0] === label);
    const signed = pages.findIndex((p) => lines(p).includes(chineseDate(DATE)));
    expect(signed).toBeGreaterThanOrEqual(0);
    expect(opens('附件1')).toBeGreaterThan(signed);
    expect(opens('附件2')).toBeGreaterThan(opens('附件1'));
  }, 180_000);
});
