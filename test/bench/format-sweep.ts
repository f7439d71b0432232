// Format sweep: how well every importer generalises beyond the fixtures. Picks N corpus laws
// (seeded, spread over levels and lengths, plus laws with 编, 附件 and tables), writes each one in
// every format the office receives with the real tools (HTML → pandoc → .docx; LibreOffice
// .docx → .doc / .pdf / .html, one batch call per format; the .doc renamed .wps as WPS writes it;
// GBK .txt by iconv; OFD by the project's own generator, test/fixtures/documents/make-ofd.ts),
// imports each file through the CLI's own path (buildVersion: extractDocument + the law parser)
// and compares the articles (label, text) with the import of the corpus Markdown.
//
//   npm run bench:formats -- [--n 30] [--seed 14] [--formats docx,doc,wps,pdf,html,txt,ofd]
//                            [--work /tmp/lawdesk-format-sweep] [--fresh] [--json] [--only corpus/path.md,…]
//
// Converted files are kept in --work (keyed by seed and n) so a rerun after a code change imports
// the same bytes; --fresh converts again. Needs ../shared/corpus, soffice, pandoc and iconv. Not a
// test: the suite never runs it.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildVersion } from '../../electron/core/library/library-import';
import { makeOfd, type OfdLaw } from '../fixtures/documents/make-ofd';
import type { Article } from '../../electron/shared/law-model';
import { seededRandom } from './seeded-random';

const HERE = dirname(fileURLToPath(import.meta.url));
const CORPUS = join(HERE, '../../../shared/corpus');
const ALL_FORMATS = ['docx', 'doc', 'wps', 'pdf', 'html', 'txt', 'ofd'] as const;
type Format = (typeof ALL_FORMATS)[number];

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const N = Number(arg('n', '30'));
const SEED = Number(arg('seed', '14'));
const FORMATS = arg('formats', ALL_FORMATS.join(',')).split(',') as Format[];
let WORK = join(arg('work', '/tmp/lawdesk-format-sweep'), `s${SEED}-n${N}`);
const JSON_OUT = process.argv.includes('--json');
const ONLY = arg('only', '').split(',').filter((p) => p !== '');
if (ONLY.length) WORK = join(arg('work', '/tmp/lawdesk-format-sweep'), `only-${ONLY.length}-${ONLY.join(',').length}-${ONLY[0]!.length}`);
const MAX_BYTES = 160_000; // 民法典-sized files make one soffice PDF take minutes at this load

// ---------------------------------------------------------------- picking laws
interface Entry {
  path: string;
  title: string;
  level: string;
  bytes: number;
  traits: string[];
}

function traitsOf(md: string): string[] {
  const t: string[] = [];
  if (/^#+\s*第[一二三四五六七八九十]+编/m.test(md)) t.push('编');
  if (/^#+\s*第[一二三四五六七八九十]+节/m.test(md)) t.push('节');
  if (/^#*\s*附件/m.test(md)) t.push('附件');
  if (/^\|/m.test(md)) t.push('表格');
  if (!/^第[一二三四五六七八九十百零]+条/m.test(md)) t.push('无条');
  return t;
}

function pickLaws(): Entry[] {
  const rand = seededRandom(SEED);
  const entries: Entry[] = [];
  for (const line of readFileSync(join(CORPUS, 'manifest.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const m = JSON.parse(line) as { path: string; title: string; level: string };
    const file = join(CORPUS, 'laws', m.path);
    const bytes = statSync(file).size;
    if (bytes > MAX_BYTES) continue;
    entries.push({ path: m.path, title: m.title, level: m.level, bytes, traits: traitsOf(readFileSync(file, 'utf8')) });
  }
  // --only a.md,b.md (corpus paths): exactly these laws, to look at one kind of text in every format
  if (ONLY.length) return entries.filter((e) => ONLY.includes(e.path));
  const chosen = new Map<string, Entry>();
  const take = (pool: Entry[]) => {
    const free = pool.filter((e) => !chosen.has(e.path));
    if (free.length) {
      const e = free[Math.floor(rand() * free.length)]!;
      chosen.set(e.path, e);
    }
  };
  // One law with each rarer trait first, then levels in turn, short and long alternately.
  for (const trait of ['编', '节', '附件', '表格', '无条']) take(entries.filter((e) => e.traits.includes(trait)));
  const levels = ['法律', '行政法规', '地方性法规', '部门规章', '司法解释'];
  for (let k = 0; chosen.size < N; k++) {
    const level = levels[k % levels.length]!;
    const pool = entries.filter((e) => e.level === level).sort((a, b) => a.bytes - b.bytes);
    const half = Math.floor(pool.length / 2);
    take(Math.floor(k / levels.length) % 2 === 0 ? pool.slice(0, half) : pool.slice(half));
    if (k > N * 10) break;
  }
  return [...chosen.values()].slice(0, Math.max(N, 0));
}

// ---------------------------------------------------------------- the law as an office types it
interface Block {
  kind: 'heading' | 'para' | 'table';
  text: string;
  rows?: string[][];
}
interface Law {
  title: string;
  subtitle?: string;
  history: string[];
  blocks: Block[];
}

const ARTICLE = /^(第[一二三四五六七八九十百零]+条(?:之[一二三四五六七八九十]+)?) (.*)$/;
const HEADING = /^(第[一二三四五六七八九十百零]+(?:编|分编|章|节))\s+(.*)$/;

function readLaw(md: string): Law {
  const lines = md.split('\n');
  let end = lines.findIndex((l) => l.trim() === '<!-- INFO END -->');
  if (end < 0) end = 1;
  const title = lines[0]!.replace(/^#+\s*/, '').trim();
  let subtitle: string | undefined;
  const history: string[] = [];
  for (const l of lines.slice(1, end)) {
    const t = l.trim();
    if (t === '') continue;
    if (t.startsWith('#') && subtitle === undefined && history.length === 0) subtitle = t.replace(/^#+\s*/, '');
    else history.push(t.replace(/^#+\s*/, ''));
  }
  const blocks: Block[] = [];
  for (const raw of lines.slice(end + 1)) {
    const l = raw.trim();
    if (l === '') continue;
    if (l.startsWith('|')) {
      if (/^\|[\s:|-]+\|$/.test(l)) continue; // the Markdown separator row
      const cells = l.replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
      const last = blocks[blocks.length - 1];
      if (last?.kind === 'table') last.rows!.push(cells);
      else blocks.push({ kind: 'table', text: '', rows: [cells] });
    } else if (l.startsWith('#')) blocks.push({ kind: 'heading', text: l.replace(/^#+\s*/, '') });
    else blocks.push({ kind: 'para', text: l });
  }
  return { title, ...(subtitle ? { subtitle } : {}), history, blocks };
}

/** "第一章　总　　则": full-width space after the number, a two-character name spread. */
function govHeading(text: string): string {
  const m = HEADING.exec(text);
  if (!m) return text;
  const name = m[2]!.replace(/\s+/g, '');
  return `${m[1]}　${name.length === 2 ? `${name[0]}　　${name[1]}` : name}`;
}
const govPara = (text: string) => {
  const m = ARTICLE.exec(text);
  return m ? `${m[1]}　${m[2]}` : text;
};

/** Plain lines as a clerk types them: full-width indents, history in parentheses. */
function govLines(law: Law): string[] {
  const out = [law.title, ...(law.subtitle ? [law.subtitle] : []), ...law.history.map((h) => `（${h}）`)];
  for (const b of law.blocks) {
    if (b.kind === 'heading') out.push(govHeading(b.text));
    else if (b.kind === 'table') out.push(...b.rows!.map((r) => r.join('　')));
    else out.push(`　　${govPara(b.text)}`);
  }
  return out;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The HTML pandoc turns into the .docx: plain paragraphs (no Heading styles), real tables. */
function lawHtml(law: Law): string {
  const body: string[] = [`<p>${esc(law.title)}</p>`];
  if (law.subtitle) body.push(`<p>${esc(law.subtitle)}</p>`);
  for (const h of law.history) body.push(`<p>（${esc(h)}）</p>`);
  for (const b of law.blocks) {
    if (b.kind === 'heading') body.push(`<p>${esc(govHeading(b.text))}</p>`);
    else if (b.kind === 'table') {
      body.push(`<table>${b.rows!.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</table>`);
    } else body.push(`<p>　　${esc(govPara(b.text))}</p>`);
  }
  return `<html><head><meta charset="utf-8"><title>${esc(law.title)}</title></head><body>\n${body.join('\n')}\n</body></html>`;
}

function ofdLaw(law: Law): OfdLaw {
  const blocks = law.blocks.flatMap((b) =>
    b.kind === 'table' ? b.rows!.map((r) => ({ kind: 'para' as const, text: r.join('　') })) : [{ kind: b.kind as 'heading' | 'para', text: b.text }],
  );
  return { title: law.title, history: law.history, blocks };
}

// ---------------------------------------------------------------- conversions
function sh(cmd: string, args: string[], cwd: string): void {
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], timeout: 3_600_000 });
}

/** One soffice call per target format; its own profile so other users' soffice never answer. */
function soffice(target: string, filter: string, inputs: string[], outDir: string): number {
  const t0 = performance.now();
  mkdirSync(outDir, { recursive: true });
  sh('soffice', [`-env:UserInstallation=file://${join(WORK, 'lo-profile')}`, '--headless', '--convert-to', filter, '--outdir', outDir, ...inputs], WORK);
  void target;
  return (performance.now() - t0) / 1000;
}

function produce(laws: { id: string; law: Law }[]): Record<string, number> {
  const seconds: Record<string, number> = {};
  const dir = (f: string) => join(WORK, f);
  for (const f of ALL_FORMATS) mkdirSync(dir(f), { recursive: true });
  const done = (f: string, ext: string) => laws.every(({ id }) => existsSync(join(dir(f), `${id}.${ext}`)));
  let t0 = performance.now();
  for (const { id, law } of laws) {
    const html = join(dir('src'), `${id}.html`);
    mkdirSync(dir('src'), { recursive: true });
    writeFileSync(html, lawHtml(law));
    if (!existsSync(join(dir('docx'), `${id}.docx`))) sh('pandoc', ['-f', 'html', '-t', 'docx', '-o', join(dir('docx'), `${id}.docx`), html], WORK);
    const txt = join(dir('src'), `${id}.utf8.txt`);
    writeFileSync(txt, govLines(law).join('\r\n') + '\r\n');
    // GBK as Notepad's 'ANSI' writes it; a law with a character outside GBK (the corpus has U+200B
    // zero-width spaces in blank lines) as GB18030, which a Chinese Windows also writes.
    try {
      sh('iconv', ['-f', 'UTF-8', '-t', 'GBK', '-o', join(dir('txt'), `${id}.txt`), txt], WORK);
    } catch {
      sh('iconv', ['-f', 'UTF-8', '-t', 'GB18030', '-o', join(dir('txt'), `${id}.txt`), txt], WORK);
    }
    writeFileSync(join(dir('ofd'), `${id}.ofd`), makeOfd(ofdLaw(law)));
  }
  seconds.pandoc_iconv_ofd = (performance.now() - t0) / 1000;
  const docx = laws.map(({ id }) => join(dir('docx'), `${id}.docx`));
  const lo: [Format, string, string][] = [
    ['doc', 'doc', 'doc:MS Word 97'],
    ['pdf', 'pdf', 'pdf:writer_pdf_Export'],
    ['html', 'html', 'html:HTML (StarWriter)'],
  ];
  for (const [f, ext, filter] of lo) {
    if (!FORMATS.includes(f) && !(f === 'doc' && FORMATS.includes('wps'))) continue;
    if (done(f, ext)) continue;
    seconds[`soffice_${f}`] = soffice(f, filter, docx, dir(f));
  }
  t0 = performance.now();
  for (const { id } of laws) {
    if (existsSync(join(dir('doc'), `${id}.doc`))) copyFileSync(join(dir('doc'), `${id}.doc`), join(dir('wps'), `${id}.wps`));
  }
  return seconds;
}

// ---------------------------------------------------------------- comparison
interface Mismatch {
  law: string;
  format: Format;
  article: string;
  diff: string;
}

const numbered = (units: Article[]) => units.filter((u) => u.kind === 'article' || u.kind === 'section');

/** The first place two texts part, with a little context either side. */
function shortDiff(want: string, got: string | undefined): string {
  if (got === undefined) return '缺失';
  let i = 0;
  while (i < want.length && i < got.length && want[i] === got[i]) i++;
  let a = want.length;
  let b = got.length;
  while (a > i && b > i && want[a - 1] === got[b - 1]) {
    a--;
    b--;
  }
  const from = Math.max(0, i - 12);
  const show = (s: string, end: number) => JSON.stringify(s.slice(from, Math.min(end + 12, i + 60)));
  return `@${i}: 应为 ${show(want, a)} 得到 ${show(got, b)}`;
}

async function importUnits(file: string): Promise<{ units: Article[]; error?: string }> {
  try {
    const { version } = await buildVersion(readFileSync(file), file, undefined, '2026-12-04T00:00:00Z', { ocr: false });
    return { units: version.units };
  } catch (e) {
    return { units: [], error: (e as Error).message };
  }
}

/**
 * `--fixture a.md,b.md --out dir`: the same conversions for a few Markdown laws, written as
 * dir/<name>-sweep.<format> — how the sweep's test fixtures are made.
 */
function makeFixtures(mds: string[], out: string): void {
  WORK = join(arg('work', '/tmp/lawdesk-format-sweep'), `fixtures-${process.pid}`);
  rmSync(WORK, { recursive: true, force: true });
  const laws = mds.map((md) => ({ id: md.replace(/^.*\//, '').replace(/\.md$/, ''), law: readLaw(readFileSync(md, 'utf8')) }));
  produce(laws);
  for (const { id } of laws) {
    for (const f of FORMATS) {
      const file = join(WORK, f, `${id}.${f}`);
      if (existsSync(file)) copyFileSync(file, join(out, `${id}-sweep.${f}`));
    }
  }
  rmSync(WORK, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const fixture = arg('fixture', '');
  if (fixture) return makeFixtures(fixture.split(','), arg('out', '.'));
  if (process.argv.includes('--fresh')) rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  const picked = pickLaws();
  const laws = picked.map((e, i) => {
    const md = readFileSync(join(CORPUS, 'laws', e.path), 'utf8');
    return { id: `law${String(i + 1).padStart(2, '0')}`, entry: e, md, law: readLaw(md) };
  });
  writeFileSync(join(WORK, 'laws.json'), JSON.stringify(laws.map((l) => ({ id: l.id, ...l.entry })), null, 1));
  const load0 = loadavg();
  const conv = produce(laws);
  const load1 = loadavg();

  const rows: Record<string, { laws: number; perfect: number; articles: number; exact: number; errors: number; seconds: number }> = {};
  const mismatches: Mismatch[] = [];
  for (const f of FORMATS) rows[f] = { laws: 0, perfect: 0, articles: 0, exact: 0, errors: 0, seconds: 0 };
  for (const l of laws) {
    const srcFile = join(WORK, 'src', `${l.id}.md`);
    writeFileSync(srcFile, l.md);
    const want = numbered((await importUnits(srcFile)).units);
    for (const f of FORMATS) {
      const file = join(WORK, f, `${l.id}.${f}`);
      const row = rows[f]!;
      row.laws++;
      row.articles += want.length;
      if (!existsSync(file)) {
        row.errors++;
        mismatches.push({ law: `${l.id} ${l.entry.title}`, format: f, article: '—', diff: '没有生成文件（转换失败）' });
        continue;
      }
      const t0 = performance.now();
      const got = await importUnits(file);
      row.seconds += (performance.now() - t0) / 1000;
      if (got.error) {
        row.errors++;
        mismatches.push({ law: `${l.id} ${l.entry.title}`, format: f, article: '—', diff: `导入失败：${got.error}` });
        continue;
      }
      const byLabel = new Map(numbered(got.units).map((u) => [u.label, u.text]));
      let exact = 0;
      for (const u of want) {
        const g = byLabel.get(u.label);
        if (g === u.text) exact++;
        else mismatches.push({ law: `${l.id} ${l.entry.title}`, format: f, article: u.label, diff: shortDiff(u.text, g) });
      }
      const extra = numbered(got.units).length - want.length;
      if (extra > 0) mismatches.push({ law: `${l.id} ${l.entry.title}`, format: f, article: `多出 ${extra} 条`, diff: '' });
      row.exact += exact;
      if (exact === want.length && extra <= 0) row.perfect++;
    }
  }
  const load2 = loadavg();

  if (JSON_OUT) {
    console.log(JSON.stringify({ seed: SEED, n: laws.length, conv, rows, mismatches, load: [load0, load1, load2] }, null, 1));
    return;
  }
  console.log(`format sweep: ${laws.length} laws (seed ${SEED}), work dir ${WORK}, ${cpus().length} cores`);
  for (const l of laws) console.log(`  ${l.id} [${l.entry.level}] ${l.entry.title} (${(l.entry.bytes / 1024).toFixed(0)} KB${l.entry.traits.length ? `, ${l.entry.traits.join('/')}` : ''})`);
  console.log(`conversion seconds: ${Object.entries(conv).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ') || 'all cached'}`);
  console.log('\nformat | laws 100% exact | articles exact | import errors | import s');
  for (const [f, r] of Object.entries(rows)) {
    console.log(`${f.padEnd(5)} | ${r.perfect}/${r.laws} (${((100 * r.perfect) / Math.max(1, r.laws)).toFixed(1)} %) | ${r.exact}/${r.articles} (${((100 * r.exact) / Math.max(1, r.articles)).toFixed(2)} %) | ${r.errors} | ${r.seconds.toFixed(1)}`);
  }
  console.log(`\nmismatches (${mismatches.length}):`);
  for (const m of mismatches) console.log(`  ${m.format.padEnd(4)} ${m.law} ${m.article} ${m.diff}`);
  const fmt = (l: number[]) => l.map((x) => x.toFixed(1)).join(' ');
  console.log(`\nload average: start ${fmt(load0)}, after conversions ${fmt(load1)}, end ${fmt(load2)}`);
}

await main();
