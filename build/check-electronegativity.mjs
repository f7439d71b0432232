#!/usr/bin/env node
// Runs Electronegativity offline on the Electron sources (main, preload, renderer HTML) and fails
// on any HIGH or MEDIUM finding. The tool itself exits 0 whatever it finds, so the verdict is
// read from its CSV report. AvailableSecurityFixesGlobalCheck is excluded: it needs the network.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(join(root, 'package.json'));
const cli = join(dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist', 'index.js');
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;

// Scan a copy holding only what ships: electron/{main,preload,shared}, the renderer HTML and the
// package.json (for the Electron version).
const work = mkdtempSync(join(tmpdir(), 'lawdesk-electronegativity-'));
const targets = ['electron/main', 'electron/preload', 'electron/shared', 'renderer/index.html', 'package.json'];
for (const t of targets) {
  const from = join(root, t);
  if (!existsSync(from)) continue;
  mkdirSync(dirname(join(work, t)), { recursive: true });
  spawnSync('cp', ['-r', from, join(work, t)]);
}
const report = join(work, 'report.csv');
const r = spawnSync(
  process.execPath,
  [cli, '-i', work, '-o', report, '-x', 'AvailableSecurityFixesGlobalCheck', '-e', electronVersion, '-r', '-v', 'false'],
  { encoding: 'utf8', env: { ...process.env, NO_UPDATE_NOTIFIER: '1' } },
);
process.stdout.write(r.stdout ?? '');
if (!existsSync(report)) {
  process.stderr.write(`Electronegativity 没有生成报告（退出码 ${r.status}）\n${r.stderr ?? ''}\n`);
  rmSync(work, { recursive: true, force: true });
  process.exit(2);
}
const lines = readFileSync(report, 'utf8').trim().split('\n');
const header = lines.shift()?.split(',').map((h) => h.trim().toLowerCase()) ?? [];
const sevIdx = header.findIndex((h) => h.includes('severity'));
const parseCsv = (line) => {
  const out = [];
  let cur = '';
  let q = false;
  for (const ch of line) {
    if (ch === '"') q = !q;
    else if (ch === ',' && !q) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
};
const findings = lines.filter(Boolean).map(parseCsv);
const col = (name) => header.findIndex((h) => h.includes(name));
const [idIdx, confIdx, fileIdx] = [col('issue'), col('confidence'), col('file')];
const { reviewed } = JSON.parse(readFileSync(join(root, 'build', 'electronegativity-reviewed.json'), 'utf8'));
// Checks that fire on any use of a feature (every preload, every non-literal openExternal) and
// that Electronegativity itself marks "manual review". Nothing else can be waived.
const MANUAL_REVIEW = new Set(['PRELOAD_JS_CHECK', 'OPEN_EXTERNAL_JS_CHECK']);
void confIdx;
const isReviewed = (f) =>
  MANUAL_REVIEW.has((f[idIdx] ?? '').trim()) &&
  reviewed.some((r) => r.check === (f[idIdx] ?? '').trim() && (f[fileIdx] ?? '').trim().replace(/\\/g, '/').endsWith(r.file));
const serious = findings.filter((f) => /^(HIGH|MEDIUM)$/i.test((f[sevIdx] ?? '').trim()));
const bad = serious.filter((f) => !isReviewed(f));
for (const f of serious.filter(isReviewed)) console.log(`已人工审查：${f[idIdx]} ${f[fileIdx]}`);
rmSync(work, { recursive: true, force: true });
console.log(`Electronegativity（Electron ${electronVersion}）：共 ${findings.length} 条发现，其中 HIGH/MEDIUM ${bad.length} 条`);
for (const f of findings) console.log(`  ${bad.includes(f) ? '✗' : '·'} ${f.slice(0, 5).join(' | ')}`);
process.exit(bad.length ? 1 : 0);
