// Every body page of a pack filled to its 22 lines (GB/T 9704 5.2.2: 撑满版心), the first one too:
// the bureau's pack (test/fixtures/packs/bureau-pack.json over test/fixtures/laws) exported as DOCX
// and laid out by LibreOffice (for this check only), and as Chromium's PDF, read back per page
// with poppler. The first body page used to end two lines early in LibreOffice (widow control
// moved a three-line item whole, and the title's 37 pt lines left the text off the grid). A
// two-line section heading is cut where its words allow.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '../../../electron/core/packs/render-pdf';
import { docxToPdf, hasCommand } from '../page-pictures';

const ROOT = join(import.meta.dirname, '../../..');
const work = mkdtempSync(join(tmpdir(), 'lawdesk-pack-fill-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function lawdesk(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'electron/cli/bin.mjs'), ...args, '--library', join(work, 'lib')], { encoding: 'utf8', env: { ...process.env, LAWDESK_STARTER_DIR: '/nonexistent' } });
  expect(r.status, r.stderr).toBe(0);
}

interface Line {
  y: number;
  h: number;
  text: string;
}
/**
 * The lines above the page number of each page, top to bottom. poppler may cut one printed line into
 * two boxes where justification left a wide gap (第十四条 | 本法…): boxes on one baseline are one line.
 */
function pageLines(pdf: string): Line[][] {
  const r = spawnSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.split('<page ').slice(1).map((pg) =>
    [...pg.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)]
      .map((m) => ({ x: Number(m[1]), y: Number(m[2]), h: Number(m[3]) - Number(m[2]), text: [...m[4]!.matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join('') }))
      .filter((l) => l.y < 742 && !/^—\d+—$/.test(l.text.replace(/\s/g, '')))
      .sort((a, b) => a.y - b.y || a.x - b.x)
      .reduce<Line[]>((lines, { y, h, text }) => {
        const prev = lines.at(-1);
        if (prev && Math.abs(prev.y - y) < 1) prev.text += text;
        else lines.push({ y, h, text });
        return lines;
      }, []),
  );
}

/** What keep-with-next may carry to the next page: a numbered heading, a chapter, a citation. */
const keptWithNext = (t: string) => /^[一二三四五六七八九十]+、|^第[一二三四五六七八九十百]+[章节]|^《[^》]+》.*第[一二三四五六七八九十百千]+条/.test(t);

function checkFilled(pdf: string, label: string) {
  const pages = pageLines(pdf);
  const first = pages.findIndex((p, i) => i > 0 && p[0]?.text.startsWith('关于科技型企业行政许可事项')); // not the cover
  expect(first, label).toBeGreaterThan(0);
  const body = pages.slice(first);
  expect(body.length, label).toBeGreaterThanOrEqual(4);
  // A full page: 22 lines, the last at the grid's 22nd line.
  const full = body[1]!;
  expect(full, label).toHaveLength(22);
  const bottom = full[21]!.y;
  // Page 1: two title lines, then the text on the same grid as page 2, down to its 22nd line.
  const [t1, t2, ...text] = body[0]!;
  expect([t1!.h, t2!.h].every((h) => h > 24), `${label}: two 二号 title lines`).toBe(true);
  expect(text.length, `${label}: body lines under the title`).toBe(18);
  // A heading of two lines is cut where its words allow, not 第二 | 章 (title-lines.ts).
  const heading = text.findIndex((l) => l.text.startsWith('二、'));
  expect([text[heading]!.text, text[heading + 1]!.text.replace(/\s/g, '')], label).toEqual(['二、《中华人民共和国行政许可法》', '（2019年修正）第二章行政许可的设定']);
  // On page 2's lines (Chromium rounds each line to its layout units, so compare with real lines, not a computed grid).
  for (const l of text) expect(Math.min(...full.map((f) => Math.abs(f.y - l.y))), `${label} p1 off the grid: ${l.text}`).toBeLessThan(1.5);
  expect(Math.abs(text[text.length - 1]!.y - bottom), `${label}: page 1 ends where a full page does`).toBeLessThan(1.5);
  // Every page but the last is full, unless what opens the next page was kept with its text.
  body.slice(0, -1).forEach((p, i) => {
    const next = body[i + 1]![0]!.text;
    if (i > 0 && p.length !== 22) expect(keptWithNext(next), `${label} page ${i + 1} has ${p.length} lines; next opens with ${next}`).toBe(true);
    if (i > 0) expect(Math.abs(p[p.length - 1]!.y - full[p.length - 1]!.y), `${label} page ${i + 1}`).toBeLessThan(1.5);
  });
}

describe.skipIf(!hasCommand('pdftotext'))('a pack’s body pages filled to 22 lines', () => {
  beforeAll(() => lawdesk('import', join(ROOT, 'test/fixtures/laws')), 120_000);

  it.skipIf(!hasCommand('soffice'))('DOCX through LibreOffice: page 1 under the title on the grid and full, the others full', () => {
    const out = join(work, 'pack.docx');
    lawdesk('pack', 'export', join(ROOT, 'test/fixtures/packs/bureau-pack.json'), '--format', 'docx', '--out', out);
    // As on a user's Linux machine once LawDesk has installed its font aliases.
    mkdirSync(join(work, 'xdg/fontconfig/conf.d'), { recursive: true });
    copyFileSync(join(ROOT, 'resources/fonts/65-lawdesk-gov-fonts.conf'), join(work, 'xdg/fontconfig/conf.d/65-lawdesk-gov-fonts.conf'));
    checkFilled(docxToPdf(out, join(work, 'lo'), join(work, 'lo-profile'), { ...process.env, XDG_CONFIG_HOME: join(work, 'xdg') }), 'DOCX');
  }, 240_000);

  it.skipIf(!chromiumPath())('PDF (Chromium): the same', () => {
    const out = join(work, 'pack.pdf');
    lawdesk('pack', 'export', join(ROOT, 'test/fixtures/packs/bureau-pack.json'), '--format', 'pdf', '--out', out);
    checkFilled(out, 'PDF');
  }, 240_000);
});
