// Renders the first pages of an exported pack the way a person sees them: the PDF through
// poppler's pdftoppm, the DOCX through LibreOffice (only for this check — the pack's own PDF never
// comes from LibreOffice) then pdftoppm. Checks that real pages come out, with ink on them.
// build/render-pack-previews.sh writes the same pictures into resources/screenshots/ for the README.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const work = mkdtempSync(join(tmpdir(), 'lawdesk-pack-pages-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function lawdesk(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'electron/cli/bin.mjs'), ...args, '--library', join(work, 'lib')], {
    encoding: 'utf8',
    env: { ...process.env, LAWDESK_STARTER_DIR: '/nonexistent' },
  });
  expect(r.status, r.stderr).toBe(0);
}

/** Share of non-white pixels of a binary PGM (P5) page picture. */
function ink(pgm: Buffer): number {
  const header = pgm.subarray(0, 64).toString('latin1');
  const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(header)!;
  const [w, h] = [Number(m[1]), Number(m[2])];
  const pixels = pgm.subarray(m[0].length, m[0].length + w * h);
  let dark = 0;
  for (const p of pixels) if (p < 200) dark++;
  return dark / (w * h);
}

function render(pdf: string, prefix: string): Buffer[] {
  const r = spawnSync('pdftoppm', ['-gray', '-r', '30', '-f', '1', '-l', '3', pdf, join(work, prefix)]);
  expect(r.status).toBe(0);
  return readdirSync(work)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.pgm'))
    .sort()
    .map((f) => readFileSync(join(work, f)));
}

describe.skipIf(!has('pdftoppm'))('pack pages as pictures', () => {
  it('renders the first pages of the PDF and of the DOCX with text on them', () => {
    lawdesk('import', join(ROOT, 'test/fixtures/laws'));
    const pack = join(ROOT, 'test/fixtures/packs/bureau-pack.json');
    lawdesk('pack', 'export', pack, '--format', 'pdf', '--out', join(work, 'pack.pdf'));
    lawdesk('pack', 'export', pack, '--format', 'docx', '--out', join(work, 'pack.docx'));
    const pdfPages = render(join(work, 'pack.pdf'), 'pdf');
    expect(pdfPages).toHaveLength(3); // cover, contents, first body page
    for (const p of pdfPages) expect(ink(p)).toBeGreaterThan(0.002);
    // A body page of GB/T 9704 text is far denser than the cover.
    expect(ink(pdfPages[2]!)).toBeGreaterThan(ink(pdfPages[0]!));
    if (!has('soffice')) return; // LibreOffice is installed by .ci/run; elsewhere the DOCX half is skipped
    const lo = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${join(work, 'lo-profile')}`, '--convert-to', 'pdf', '--outdir', join(work, 'lo'), join(work, 'pack.docx')], { timeout: 120_000 });
    expect(lo.status).toBe(0);
    const docxPages = render(join(work, 'lo', 'pack.pdf'), 'docx');
    expect(docxPages).toHaveLength(3);
    for (const p of docxPages) expect(ink(p)).toBeGreaterThan(0.002);
  }, 180_000);
});
