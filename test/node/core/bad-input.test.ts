// Bad input never costs what is already in the library: every case below must fail with a line
// naming the file and the reason, while the rest of the import goes on and the library's files
// stay byte-for-byte the same.
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importPaths } from '../../../electron/core/library/library-import';
import { openLibrary } from '../../../electron/core/library/open-library';

const FIX = join(import.meta.dirname, '../../fixtures/laws');
const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'lawdesk-bad-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p).toString('base64'));
    }
  };
  walk(dir);
  return out;
}

describe('bad input', () => {
  it('reports each broken file with its reason, imports the good one, and changes nothing else', async () => {
    const lib = tmp();
    const { store } = await openLibrary({ dir: lib, seed: false });
    await importPaths(store, [join(FIX, '经济法')]);
    const before = snapshot(lib);

    const bad = tmp();
    writeFileSync(join(bad, '空文件.txt'), '');
    writeFileSync(join(bad, '只有空白.md'), '   \n\n\u3000\n');
    writeFileSync(join(bad, '图片改名.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]));
    writeFileSync(join(bad, '乱码.txt'), Buffer.from([0xff, 0xfe - 1, 0xff, 0x80, 0xff, 0xff, 0x41]));
    writeFileSync(join(bad, '没有条文.txt'), '会议纪要\n好的。\n');
    writeFileSync(join(bad, '一行条文.txt'), `第一条 ${'本条例所称企业，'.repeat(100_000)}。`); // one 800,000-character line: an article, no title
    // a PDF whose page tree holds itself among its kids
    const pdfObjects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>',
    ];
    let pdf = '%PDF-1.4\n';
    const offsets = pdfObjects.map((o, i) => {
      const at = pdf.length;
      pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
      return at;
    });
    const xref = pdf.length;
    pdf += `xref\n0 ${pdfObjects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
    pdf += `trailer\n<< /Size ${pdfObjects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    writeFileSync(join(bad, '页树循环.pdf'), pdf);
    writeFileSync(join(bad, '旧版.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    const docs = join(import.meta.dirname, '../../fixtures/documents/bad');
    writeFileSync(join(bad, '加密.doc'), readFileSync(join(docs, 'encrypted.doc')));
    writeFileSync(join(bad, '截断.doc'), readFileSync(join(docs, 'truncated.doc')));
    writeFileSync(join(bad, 'Works文档.wps'), readFileSync(join(docs, 'works.wps')));
    const huge = openSync(join(bad, '巨大.txt'), 'w');
    ftruncateSync(huge, 100 * 1024 * 1024); // a 100 MB (sparse) file
    closeSync(huge);
    symlinkSync(join(bad, 'does-not-exist.md'), join(bad, '断开的链接.md'));
    mkdirSync(join(bad, '子文件夹'));
    writeFileSync(join(bad, '子文件夹', '好的办法.txt'), '某某局示范管理办法\n第一条 为了测试，制定本办法。\n第二条 本办法自2021年1月1日起施行。\n');

    const report = await importPaths(store, [bad, join(bad, '旧版.doc'), join(bad, '不存在.md')]);
    const reasons = Object.fromEntries(report.failed.map((f) => [f.file.split('/').pop(), f.reason]));
    expect(reasons['空文件.txt']).toMatch(/空文件/);
    expect(reasons['只有空白.md']).toMatch(/空白/);
    expect(reasons['图片改名.txt']).toMatch(/图片文件已损坏或不完整/); // a PNG (by its bytes) cut after 14 bytes
    expect(reasons['乱码.txt']).toMatch(/无法识别的文本编码/);
    expect(reasons['没有条文.txt']).toMatch(/没有可识别的条文|没有正文/);
    expect(reasons['一行条文.txt']).toMatch(/找不到标题：第一行“第一条 本条例所称企业，/);
    expect(reasons['页树循环.pdf']).toMatch(/PDF 文件已损坏或格式异常/);
    expect(reasons['旧版.doc']).toMatch(/Word 文档已损坏或不完整/);
    expect(reasons['加密.doc']).toMatch(/已加密，需要密码/);
    expect(reasons['截断.doc']).toMatch(/Word 文档已损坏或不完整/);
    expect(reasons['Works文档.wps']).toMatch(/Microsoft Works/);
    expect(reasons['巨大.txt']).toMatch(/文件过大（100\.0 MB/);
    expect(reasons['断开的链接.md']).toMatch(/无法读取/);
    expect(reasons['不存在.md']).toMatch(/不存在/);
    expect(report.failed).toHaveLength(14); // 旧版.doc, in the folder and named, is reported once
    expect(report.imported).toBe(1);

    // the good file went in; everything that was there before is byte-for-byte unchanged
    const after = snapshot(lib);
    for (const [path, bytes] of before) {
      if (path === 'library.json') continue; // rewritten by the commit of the good file
      expect(after.get(path)).toBe(bytes);
    }
    const { store: reopened } = await openLibrary({ dir: lib, seed: false });
    expect(reopened.versions().map((v) => v.title).sort()).toEqual(['中华人民共和国统计法', '中华人民共和国统计法', '某某局示范管理办法']);
  });

  it('leaves the library untouched when every file fails', async () => {
    const lib = tmp();
    const { store } = await openLibrary({ dir: lib, seed: false });
    await importPaths(store, [join(FIX, '宪法')]);
    const before = snapshot(lib);
    const bad = tmp();
    writeFileSync(join(bad, 'a.txt'), '');
    const report = await importPaths(store, [bad]);
    expect(report.failed).toHaveLength(1);
    expect(snapshot(lib)).toEqual(before);
  });

  it('a dry run parses and previews but writes nothing', async () => {
    const lib = tmp();
    const { store } = await openLibrary({ dir: lib, seed: false });
    const before = snapshot(lib);
    const report = await importPaths(store, [FIX], { dryRun: true });
    expect(report.imported).toBe(16);
    const xk = report.files.find((f) => f.title === '中华人民共和国行政许可法')!;
    expect(xk.articleCount).toBe(83);
    expect(xk.preview?.[0]).toMatchObject({ label: '第一条' });
    expect(snapshot(lib)).toEqual(before);
    expect(store.versions()).toEqual([]);
  });
});
