// The yearly report as a person sees it: the DOCX rendered by LibreOffice (for this check only)
// and then by poppler's pdftoppm, and its PDF; real pages with text on them, the first one a
// dense page of body text under the title (no cover in the official layout).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { docxToPdf, hasCommand, ink, pdfPages } from '../page-pictures';
import { FIXTURES, ROOT } from '../records/records-test-support';

const work = mkdtempSync(join(tmpdir(), 'lawdesk-report-pages-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function lawdesk(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'electron/cli/bin.mjs'), ...args, '--library', join(work, 'lib')], { encoding: 'utf8', env: { ...process.env, LAWDESK_STARTER_DIR: '/nonexistent' } });
  expect(r.status, r.stderr).toBe(0);
}

describe.skipIf(!hasCommand('pdftoppm'))('yearly report pages as pictures', () => {
  it('renders the report DOCX (through LibreOffice) and PDF with body text from the first page', () => {
    lawdesk('import', join(FIXTURES, 'laws'));
    lawdesk('records', 'import', join(FIXTURES, 'seed-2020.json'));
    lawdesk('report', 'annual', '--year', '2020', '--out', join(work, 'report.pdf'));
    const pdf = pdfPages(join(work, 'report.pdf'), work, 'pdf', 2);
    expect(pdf).toHaveLength(2);
    for (const p of pdf) expect(ink(p)).toBeGreaterThan(0.01);
    if (!hasCommand('soffice')) return; // installed by .ci/run; elsewhere the DOCX half is skipped
    lawdesk('report', 'annual', '--year', '2020', '--out', join(work, 'report.docx'));
    const docxPages = pdfPages(docxToPdf(join(work, 'report.docx'), join(work, 'lo'), join(work, 'lo-profile')), work, 'docx', 2);
    expect(docxPages).toHaveLength(2);
    for (const p of docxPages) expect(ink(p)).toBeGreaterThan(0.01);
  }, 240_000);
});
