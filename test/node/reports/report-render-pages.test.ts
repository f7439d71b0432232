// The yearly report as a person sees it: the DOCX rendered by LibreOffice (for this check only)
// and then by poppler's pdftoppm, and its PDF; real pages with text on them, the first one a
// dense page of body text under the title (no cover in the official layout).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT } from '../records/records-test-support';

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const work = mkdtempSync(join(tmpdir(), 'lawdesk-report-pages-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function lawdesk(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'electron/cli/bin.mjs'), ...args, '--library', join(work, 'lib')], { encoding: 'utf8', env: { ...process.env, LAWDESK_STARTER_DIR: '/nonexistent' } });
  expect(r.status, r.stderr).toBe(0);
}

/** Share of non-white pixels of a binary PGM (P5) page picture. */
function ink(pgm: Buffer): number {
  const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'))!;
  const [w, h] = [Number(m[1]), Number(m[2])];
  let dark = 0;
  for (const p of pgm.subarray(m[0].length, m[0].length + w * h)) if (p < 200) dark++;
  return dark / (w * h);
}

function pages(pdf: string, prefix: string): Buffer[] {
  expect(spawnSync('pdftoppm', ['-gray', '-r', '30', '-f', '1', '-l', '2', pdf, join(work, prefix)]).status).toBe(0);
  return readdirSync(work).filter((f) => f.startsWith(prefix) && f.endsWith('.pgm')).sort().map((f) => readFileSync(join(work, f)));
}

describe.skipIf(!has('pdftoppm'))('yearly report pages as pictures', () => {
  it('renders the report DOCX (through LibreOffice) and PDF with body text from the first page', () => {
    lawdesk('import', join(FIXTURES, 'laws'));
    lawdesk('records', 'import', join(FIXTURES, 'seed-2020.json'));
    lawdesk('report', 'annual', '--year', '2020', '--out', join(work, 'report.pdf'));
    const pdfPages = pages(join(work, 'report.pdf'), 'pdf');
    expect(pdfPages).toHaveLength(2);
    for (const p of pdfPages) expect(ink(p)).toBeGreaterThan(0.01);
    if (!has('soffice')) return; // installed by .ci/run; elsewhere the DOCX half is skipped
    lawdesk('report', 'annual', '--year', '2020', '--out', join(work, 'report.docx'));
    const lo = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${join(work, 'lo-profile')}`, '--convert-to', 'pdf', '--outdir', join(work, 'lo'), join(work, 'report.docx')], { timeout: 120_000 });
    expect(lo.status).toBe(0);
    const docxPages = pages(join(work, 'lo', 'report.pdf'), 'docx');
    expect(docxPages).toHaveLength(2);
    for (const p of docxPages) expect(ink(p)).toBeGreaterThan(0.01);
  }, 240_000);
});
