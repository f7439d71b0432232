// Renders the first pages of an exported pack the way a person sees them: the PDF through
// poppler's pdftoppm, the DOCX through LibreOffice (only for this check — the pack's own PDF never
// comes from LibreOffice) then pdftoppm. Checks that real pages come out, with ink on them.
// build/render-pack-previews.sh writes the same pictures into resources/screenshots/ for the README.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { docxToPdf, hasCommand, ink, pdfPages } from '../page-pictures';

const ROOT = join(import.meta.dirname, '../../..');
const work = mkdtempSync(join(tmpdir(), 'lawdesk-pack-pages-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function lawdesk(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'electron/cli/bin.mjs'), ...args, '--library', join(work, 'lib')], {
    encoding: 'utf8',
    env: { ...process.env, LAWDESK_STARTER_DIR: '/nonexistent' },
  });
  expect(r.status, r.stderr).toBe(0);
}

describe.skipIf(!hasCommand('pdftoppm'))('pack pages as pictures', () => {
  it('renders the first pages of the PDF and of the DOCX with text on them', () => {
    lawdesk('import', join(ROOT, 'test/fixtures/laws'));
    const pack = join(ROOT, 'test/fixtures/packs/bureau-pack.json');
    lawdesk('pack', 'export', pack, '--format', 'pdf', '--out', join(work, 'pack.pdf'));
    lawdesk('pack', 'export', pack, '--format', 'docx', '--out', join(work, 'pack.docx'));
    const pdf = pdfPages(join(work, 'pack.pdf'), work, 'pdf', 3);
    expect(pdf).toHaveLength(3); // cover, contents, first body page
    for (const p of pdf) expect(ink(p)).toBeGreaterThan(0.002);
    // A body page of GB/T 9704 text is far denser than the cover.
    expect(ink(pdf[2]!)).toBeGreaterThan(ink(pdf[0]!));
    if (!hasCommand('soffice')) return; // LibreOffice is installed by .ci/run; elsewhere the DOCX half is skipped
    const docxPages = pdfPages(docxToPdf(join(work, 'pack.docx'), join(work, 'lo'), join(work, 'lo-profile')), work, 'docx', 3);
    expect(docxPages).toHaveLength(3);
    for (const p of docxPages) expect(ink(p)).toBeGreaterThan(0.002);
  }, 180_000);
});
