// The worst inputs we know, at three sizes each: import time and peak RSS, each file imported by
// its own child process into a fresh library (so one input's memory does not hide another's).
// Budget for any input under the caps: ≤ 10 s and ≤ 500 MB peak RSS. Run: npm run bench:hostile
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { ZipWriter } from '../../electron/core/bundles/zip-file';

if (process.argv[2] === '--child') {
  const { openLibrary } = await import('../../electron/core/library/open-library');
  const { importPaths } = await import('../../electron/core/library/library-import');
  const { store } = await openLibrary({ dir: process.argv[3]!, seed: false });
  const t = performance.now();
  const r = await importPaths(store, [process.argv[4]!]);
  const ms = performance.now() - t;
  const outcome = r.imported ? `imported ${r.files[0]?.articleCount ?? 0} articles` : `refused: ${r.failed[0]?.reason.slice(0, 50) ?? '-'}`;
    // VmHWM is this process's own peak (ru_maxrss would carry the parent's peak across exec on Linux).
  let rssMB = process.resourceUsage().maxRSS / 1024;
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) rssMB = Number(hwm[1]) / 1024;
  } catch {
    /* not Linux */
  }
  process.stdout.write(JSON.stringify({ ms, rssMB, outcome }));
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), 'lawdesk-hostile-bench-'));
const para = (i: number) => `第${i + 1}条 本条例规定科学技术管理事项，县级以上人民政府应当组织实施。`;
const cases: { kind: string; size: string; make: () => string }[] = [];

for (const n of [50_000, 100_000, 200_000]) {
  cases.push({ kind: 'TXT: a run of spaces inside a line', size: `${n / 1000}k spaces`, make: () => file(`空格${n}.txt`, `空格测试条例\n\n第一条 甲${' '.repeat(n)}乙\n\n第二条 丙。\n`) });
}
for (const n of [25_000, 50_000, 100_000]) {
  cases.push({ kind: 'HTML: nested <div> around a law', size: `${n / 1000}k deep`, make: () => file(`嵌套${n}.html`, `<html><head><title>嵌套测试条例</title></head><body>${'<div>'.repeat(n)}${Array.from({ length: 50 }, (_, i) => `<p>${para(i)}</p>`).join('')}${'</div>'.repeat(n)}</body></html>`) });
}
for (const n of [1000, 3000, 6000]) {
  cases.push({ kind: 'HTML: 3,000 nested <div>, long law', size: `${n} articles`, make: () => file(`长嵌套${n}.html`, `<html><head><title>长嵌套测试条例</title></head><body>${'<div>'.repeat(3000)}${Array.from({ length: n }, (_, i) => `<p>${para(i)}</p>`).join('')}${'</div>'.repeat(3000)}</body></html>`) });
}
for (const mb of [1, 2, 4, 6, 190]) {
  cases.push({ kind: mb > 5 ? 'DOCX: XML past the 5 MB cap' : 'DOCX: large document.xml', size: `${mb} MB XML`, make: () => docx(`大正文${mb}.docx`, mb) });
}
for (const n of [2, 4, 8]) {
  cases.push({ kind: 'Folder: self-links (walk was exponential)', size: `${n} self-links`, make: () => {
    const d = join(work, `links${n}`);
    mkdirSync(d);
    writeFileSync(join(d, '链接测试条例.md'), '# 链接测试条例\n\n第一条 甲。\n');
    for (let i = 0; i < n; i++) symlinkSync('.', join(d, `self${i}`));
    return d;
  } });
}

function file(name: string, text: string): string {
  const f = join(work, name);
  writeFileSync(f, text);
  return f;
}

function docx(name: string, mb: number): string {
  const p = `<w:p><w:r><w:t>${para(0)}</w:t></w:r></w:p>`;
  const count = Math.ceil((mb * 1024 * 1024) / Buffer.byteLength(p));
  const body = Array.from({ length: count }, (_, i) => `<w:p><w:r><w:t>${para(i)}</w:t></w:r></w:p>`).join('');
  const f = join(work, name);
  const w = new ZipWriter(f);
  w.add({ name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>') });
  w.add({ name: '_rels/.rels', data: Buffer.from('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>') });
  w.add({ name: 'word/document.xml', data: Buffer.from(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>大正文测试条例</w:t></w:r></w:p>${body}</w:body></w:document>`) });
  w.finish();
  return f;
}

const rows: string[] = [];
let over = 0;
for (const c of cases) {
  const input = c.make();
  const lib = join(work, `lib-${rows.length}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', lib, input], { encoding: 'utf8', timeout: 120_000 });
  let cell = `| ${c.kind} | ${c.size} | `;
  try {
    const o = JSON.parse(r.stdout) as { ms: number; rssMB: number; outcome: string };
    if (o.ms > 10_000 || o.rssMB > 500) over++;
    cell += `${(o.ms / 1000).toFixed(2)} s | ${o.rssMB.toFixed(0)} MB | ${o.outcome} |`;
  } catch {
    over++;
    cell += `— | — | FAILED (${r.signal ?? r.status}) ${r.stderr.slice(0, 80)} |`;
  }
  rows.push(cell);
  console.log(cell);
}
rmSync(work, { recursive: true, force: true });
const up = (() => {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return `load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`;
  }
})();
console.log(`\n| input | size | import time | peak RSS | outcome |\n| --- | --- | --- | --- | --- |\n${rows.join('\n')}\n\nuptime: ${up}\nbudget ≤ 10 s and ≤ 500 MB: ${over === 0 ? 'all within' : `${over} over`}`);
