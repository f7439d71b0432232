// Exported DOCX on Linux: LibreOffice resolves a missing 仿宋_GB2312 by name through fontconfig, so
// without the app's aliases body text came out in the default sans (Noto Sans CJK JP). Checks the
// DOCX's own font table (what Word and WPS substitute by) and, where LibreOffice and poppler are
// installed (CI), that a real export renders its body in a serif CJK face with the aliases the app
// installs — and in sans without them, so the check can tell.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { CJK_FACES } from '../../../electron/core/office/cjk-fonts';
import { FONT_ALIAS_FILE, fontAliasSource, installFontAliases } from '../../../electron/core/office/font-aliases-install';
import { docxToPdf, hasCommand, pdfFonts, pdfTextFonts } from '../page-pictures';

const ROOT = join(import.meta.dirname, '../../..');
const work = mkdtempSync(join(tmpdir(), 'lawdesk-docx-fonts-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function lawdesk(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'electron/cli/bin.mjs'), ...args, '--library', join(work, 'lib')], {
    encoding: 'utf8',
    env: { ...process.env, LAWDESK_STARTER_DIR: '/nonexistent' },
  });
  expect(r.status, r.stderr).toBe(0);
}

let exported: string | undefined;
function packDocx(): string {
  if (exported) return exported;
  lawdesk('import', join(ROOT, 'test/fixtures/laws'));
  exported = join(work, 'pack.docx');
  lawdesk('pack', 'export', join(ROOT, 'test/fixtures/packs/bureau-pack.json'), '--format', 'docx', '--out', exported);
  return exported;
}

describe('exported DOCX fonts', () => {
  it('names every Chinese face it uses in its font table, with a same-kind substitute, and marks the text zh-CN', () => {
    const files = unzipSync(readFileSync(packDocx()));
    const part = (n: string) => strFromU8(files[n]!);
    const used = new Set([...(part('word/document.xml') + part('word/styles.xml')).matchAll(/w:eastAsia="([^"]+)"/g)].map((m) => m[1]!).filter((n) => /[^\x00-\x7f]/.test(n)));
    expect([...used].sort()).toEqual(['仿宋_GB2312', '方正小标宋简体', '楷体_GB2312', '黑体'].sort());
    const table = part('word/fontTable.xml');
    for (const name of used) {
      const entry = new RegExp(`<w:font w:name="${name}">(.*?)</w:font>`).exec(table)?.[1];
      expect(entry, name).toBeDefined();
      expect(entry).toMatch(/<w:charset w:val="86"\/>/);
      expect(entry).toMatch(name === '黑体' ? /<w:family w:val="swiss"\/>/ : /<w:family w:val="roman"\/>/);
      expect(entry).toMatch(/<w:altName w:val="[^"]+"\/>/);
    }
    expect(part('word/styles.xml')).toMatch(/<w:lang [^>]*w:eastAsia="zh-CN"/);
  });

  it('installs the Linux aliases once, updates its own file and leaves a file the user wrote alone', () => {
    const dir = join(work, 'xdg-unit', 'fontconfig', 'conf.d');
    expect(installFontAliases(dir).state).toBe('installed');
    const text = readFileSync(join(dir, FONT_ALIAS_FILE), 'utf8');
    expect(text).toBe(readFileSync(fontAliasSource(), 'utf8'));
    // Every face a DOCX names has its alias, and a generic family of its kind to fall back on.
    for (const f of CJK_FACES) {
      const alias = new RegExp(`<alias binding="same">\\s*<family>${f.name}</family>(.*?)</alias>`, 's').exec(text)?.[1];
      expect(alias, f.name).toBeDefined();
      expect(alias).toContain(`<default><family>${f.serif ? 'serif' : 'sans-serif'}</family></default>`);
    }
    expect(installFontAliases(dir).state).toBe('current');
    writeFileSync(join(dir, FONT_ALIAS_FILE), text.replace('Noto Serif CJK SC', 'Old Face'));
    expect(installFontAliases(dir).state).toBe('updated');
    expect(readFileSync(join(dir, FONT_ALIAS_FILE), 'utf8')).toBe(text);
    writeFileSync(join(dir, FONT_ALIAS_FILE), '<fontconfig/>');
    expect(installFontAliases(dir).state).toBe('foreign');
    expect(readFileSync(join(dir, FONT_ALIAS_FILE), 'utf8')).toBe('<fontconfig/>');
  });

  const canRender = ['soffice', 'pdffonts', 'pdftohtml'].every(hasCommand) && spawnSync('fc-list', [':lang=zh-cn', 'family']).stdout?.toString().includes('Serif CJK');
  it.skipIf(!canRender)('renders in LibreOffice with the body in a serif CJK face once the app has installed its aliases', () => {
    const docx = packDocx();
    const withAliases = join(work, 'xdg-app');
    installFontAliases(join(withAliases, 'fontconfig', 'conf.d'));
    const render = (xdg: string, out: string) => docxToPdf(docx, join(work, out), join(work, `${out}-profile`), { ...process.env, XDG_CONFIG_HOME: xdg });
    const serif = (f: string) => /Serif|Song|Sung|Ming|Fang|Kai/i.test(f) && !/Sans/i.test(f);
    // The face of the line holding `words` (the pack's first article, 行政许可法第十一条, on page 3).
    const faceOf = (pdf: string, words: string) => {
      const line = pdfTextFonts(pdf, 1, 3).find((t) => t.text.includes(words));
      expect(line, words).toBeDefined();
      return line!.font;
    };
    const body = '应当遵循经济和社会发展规律';

    // Without the aliases LibreOffice sets 仿宋_GB2312 in the default sans face: what users saw.
    const before = render(join(work, 'xdg-none'), 'before');
    expect(serif(faceOf(before, body))).toBe(false);

    const after = render(withAliases, 'after');
    expect(pdfFonts(after).some((f) => /CJK/.test(f) && serif(f))).toBe(true);
    expect(faceOf(after, body)).toMatch(/CJK/);
    expect(serif(faceOf(after, body))).toBe(true); // 仿宋 body text
    expect(serif(faceOf(after, '关于科技型企业'))).toBe(true); // 方正小标宋 title on the cover
    expect(serif(faceOf(after, '第十一条'))).toBe(false); // 黑体 article label stays sans
  }, 240_000);
});
